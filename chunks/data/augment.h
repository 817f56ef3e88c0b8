#line 165 "book/26-augment-and-pgm.nw"
#ifndef AUGMENT_H
#define AUGMENT_H
#include <stddef.h>
#include <stdint.h>
#include "base/real.h"
#include "base/rng.h"
#line 186 "book/26-augment-and-pgm.nw"
#define AUGMENT_MAX_DEG   10.0
#define AUGMENT_MAX_SHIFT 2.0
#line 237 "book/26-augment-and-pgm.nw"
void augment_affine(real *out, const uint8_t *in, int H, int W, double angle_rad, double dx, double dy);
#line 282 "book/26-augment-and-pgm.nw"
void augment_draw(double *angle_rad, double *dx, double *dy, double max_deg, double max_shift, Rng *rng);
#line 302 "book/26-augment-and-pgm.nw"
void augment_random(real *out, const uint8_t *in, int H, int W, double max_deg, double max_shift, Rng *rng);
#line 321 "book/26-augment-and-pgm.nw"
void augment_none(real *out, const uint8_t *in, size_t n);
#line 173 "book/26-augment-and-pgm.nw"
#endif
