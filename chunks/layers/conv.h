#line 19 "book/21-conv.nw"
#ifndef CONV_H
#define CONV_H
#include "base/real.h"
#include "base/rng.h"
#line 121 "book/21-conv.nw"
/* out (N,K,Ho,Wo) = in (N,C,H,W) * w (K,C,R,R), zero padding pad, Ho = H+2pad-R+1; overwrites out */
void conv2d_forward(real *out, const real *in, const real *w,
                    int N, int C, int H, int W, int K, int R, int pad);
#line 288 "book/21-conv.nw"
/* dw (K,C,R,R) += and din (N,C,H,W) += the gradients from dout (N,K,Ho,Wo); din may be NULL */
void conv2d_backward(real *din, real *dw, const real *dout, const real *in, const real *w,
                     int N, int C, int H, int W, int K, int R, int pad);
#line 532 "book/21-conv.nw"
/* w (K,C,R,R) = independent normals with standard deviation sqrt(2 / (C R R)), drawn from rng */
void conv_init_kaiming(real *w, int K, int C, int R, Rng *rng);
#line 24 "book/21-conv.nw"
#endif
