#line 140 "book/20-tensors-and-rng.nw"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "base/check.h"

void check_fail(const char *cond, const char *file, int line)
{
    fflush(stdout);
    fprintf(stderr, "%s:%d: checked runtime error: %s\n", file, line, cond);
    abort();
}
#line 167 "book/20-tensors-and-rng.nw"
int input_error(char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (errlen > 0)
        vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
    return -1;
}
#line 197 "book/20-tensors-and-rng.nw"
static void *allocated(void *p, size_t size)
{
    if (p == NULL) {
        fflush(stdout);
        fprintf(stderr, "out of memory: cannot allocate %zu bytes\n", size);
        exit(1);
    }
    return p;
}

void *xmalloc(size_t size) { return allocated(malloc(size ? size : 1), size); }
void *xcalloc(size_t count, size_t size)
{
    return allocated(calloc(count ? count : 1, size ? size : 1), count * size);
}
void *xrealloc(void *p, size_t size) { return allocated(realloc(p, size ? size : 1), size); }
void *xaligned_alloc(size_t alignment, size_t size)
{
    return allocated(aligned_alloc(alignment, size ? size : alignment), size);
}
char *xstrdup(const char *s) { return allocated(strdup(s), strlen(s) + 1); }
