#line 667 "book/92-faults.nw"
#include "fuzz.h"
#include "data/pgm.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t pixels[28 * 28];
    char err[512];
    const char *path = fuzz_file("image.pgm", data, size);
    pgm_read_digit(pixels, path, err, sizeof err);
    pgm_read(pixels, 2, 3, path, err, sizeof err);
    return 0;
}
