#line 99 "book/26b-pgm.nw"
#ifndef PGM_H
#define PGM_H
#include <stddef.h>
#include <stdint.h>
enum { PGM_MAX_SIDE = 4096, PGM_MAX_MAXVAL = 65535 };
#line 443 "book/26b-pgm.nw"
/* pixels (H,W) <- the P5 or P2 image at path, which must be WxH, scaled to 0..255; 0, or -1 and err */
int pgm_read(uint8_t *pixels, int H, int W, const char *path, char *err, size_t errlen);
#line 473 "book/26b-pgm.nw"
/* pixels (28,28) <- the P5 or P2 image at path: pgm_read at MNIST's size; 0, or -1 and err */
int pgm_read_digit(uint8_t *pixels, const char *path, char *err, size_t errlen);
#line 494 "book/26b-pgm.nw"
/* pixels (H,W) -> a P5 file at path, maxval 255; 0, or -1 and err */
int pgm_write(const char *path, const uint8_t *pixels, int H, int W, char *err, size_t errlen);
#line 105 "book/26b-pgm.nw"
#endif
