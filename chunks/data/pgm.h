#line 658 "book/26-augment-and-pgm.nw"
#ifndef PGM_H
#define PGM_H
#include <stddef.h>
#include <stdint.h>
enum { PGM_MAX_SIDE = 4096, PGM_MAX_MAXVAL = 65535 };
#line 1002 "book/26-augment-and-pgm.nw"
int pgm_read(uint8_t *pixels, int H, int W, const char *path, char *err, size_t errlen);
#line 1031 "book/26-augment-and-pgm.nw"
int pgm_read_digit(uint8_t *pixels, const char *path, char *err, size_t errlen);
#line 1051 "book/26-augment-and-pgm.nw"
int pgm_write(const char *path, const uint8_t *pixels, int H, int W, char *err, size_t errlen);
#line 664 "book/26-augment-and-pgm.nw"
#endif
