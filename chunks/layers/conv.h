#line 19 "book/21-conv.nw"
#ifndef CONV_H
#define CONV_H
#include "base/real.h"
#include "base/rng.h"
#line 119 "book/21-conv.nw"
void conv2d_forward(real *out, const real *in, const real *w,
                    int N, int C, int H, int W, int K, int R, int pad);
#line 285 "book/21-conv.nw"
void conv2d_backward(real *din, real *dw, const real *dout, const real *in, const real *w,
                     int N, int C, int H, int W, int K, int R, int pad);
#line 338 "book/21-conv.nw"
void conv_init_kaiming(real *w, int K, int C, int R, Rng *rng);
#line 24 "book/21-conv.nw"
#endif
