#line 41 "book/31a-fast-augment.nw"
#ifndef AUGMENT_FAST_H
#define AUGMENT_FAST_H
#include "data/augment.h"
#line 66 "book/31a-fast-augment.nw"
enum { AUGMENT_FAST_SIDE = 32 };   /* the largest side the fast kernel takes */
/* the bits of augment_affine: in (H,W) bytes -> out (H,W), turned by angle_rad, moved by (dx, dy) */
void augment_affine_fast(real *out, const uint8_t *in, int H, int W, double angle_rad, double dx, double dy);
/* the bits of augment_random, and the same draws from rng */
void augment_random_fast(real *out, const uint8_t *in, int H, int W, double max_deg, double max_shift, Rng *rng);
#line 45 "book/31a-fast-augment.nw"
#endif
