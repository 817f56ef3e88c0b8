#line 156 "book/23-pointwise-and-pooling.nw"
#ifndef POOL_H
#define POOL_H
#include "base/real.h"
#line 183 "book/23-pointwise-and-pooling.nw"
void maxpool_forward(real *out, int *argmax, const real *in, int N, int C, int H, int W);
#line 219 "book/23-pointwise-and-pooling.nw"
void maxpool_backward(real *din, const real *dout, const int *argmax, int N, int C, int H, int W);
#line 248 "book/23-pointwise-and-pooling.nw"
void gap_forward(real *out, const real *in, int N, int C, int H, int W);
void gap_backward(real *din, const real *dout, int N, int C, int H, int W);
#line 160 "book/23-pointwise-and-pooling.nw"
#endif
