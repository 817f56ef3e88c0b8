#line 163 "book/26-augment.nw"
#ifndef AUGMENT_H
#define AUGMENT_H
#include <stddef.h>
#include <stdint.h>
#include "base/real.h"
#include "base/rng.h"
#line 184 "book/26-augment.nw"
#define AUGMENT_MAX_DEG   10.0
#define AUGMENT_MAX_SHIFT 2.0
#line 235 "book/26-augment.nw"
/* out (H,W) in [0,1] <- in (H,W) bytes turned by angle_rad about the centre, then moved by (dx, dy) */
void augment_affine(real *out, const uint8_t *in, int H, int W, double angle_rad, double dx, double dy);
#line 281 "book/26-augment.nw"
/* angle_rad <- [-max_deg, max_deg) degrees, in radians; dx, dy <- [-max_shift, max_shift); three uniforms of rng */
void augment_draw(double *angle_rad, double *dx, double *dy, double max_deg, double max_shift, Rng *rng);
#line 302 "book/26-augment.nw"
/* out (H,W) in [0,1] <- in (H,W) bytes: augment_draw, then augment_affine */
void augment_random(real *out, const uint8_t *in, int H, int W, double max_deg, double max_shift, Rng *rng);
#line 322 "book/26-augment.nw"
/* out (n) in [0,1] <- in (n) bytes, each divided by 255 */
void augment_none(real *out, const uint8_t *in, size_t n);
#line 171 "book/26-augment.nw"
#endif
