#line 14 "book/23-pointwise-and-pooling.nw"
#ifndef POINTWISE_H
#define POINTWISE_H
#include <stddef.h>
#include "base/real.h"
#include "base/rng.h"
#line 36 "book/23-pointwise-and-pooling.nw"
void relu_forward(real *out, const real *in, size_t n);
#line 72 "book/23-pointwise-and-pooling.nw"
void relu_backward(real *din, const real *dout, const real *in, size_t n);
#line 110 "book/23-pointwise-and-pooling.nw"
void dropout_forward(real *out, real *mask, const real *in, double p, size_t n, Rng *rng, Mode mode);
#line 131 "book/23-pointwise-and-pooling.nw"
void dropout_backward(real *din, const real *dout, const real *mask, size_t n);
#line 20 "book/23-pointwise-and-pooling.nw"
#endif
