#line 600 "book/92-faults.nw"
#ifndef FUZZ_H
#define FUZZ_H
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#line 612 "book/92-faults.nw"
static const char *fuzz_file(const char *name, const uint8_t *data, size_t size)
{
    static char dir[64], path[128];
    if (dir[0] == '\0') {
        snprintf(dir, sizeof dir, "%s/fuzz-XXXXXX", access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
        if (mkdtemp(dir) == NULL)
            abort();
    }
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (f == NULL || fwrite(data, 1, size, f) != size || fclose(f) != 0)
        abort();
    return path;
}
#line 608 "book/92-faults.nw"
#endif
