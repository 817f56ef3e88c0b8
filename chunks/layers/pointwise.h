#line 14 "book/23-pointwise-and-pooling.nw"
#ifndef POINTWISE_H
#define POINTWISE_H
#include <stddef.h>
#include "base/real.h"
#include "base/rng.h"
#line 36 "book/23-pointwise-and-pooling.nw"
/* out (n) = max(0, in (n)); out may be in */
void relu_forward(real *out, const real *in, size_t n);
#line 73 "book/23-pointwise-and-pooling.nw"
/* din (n) += dout (n) where in > 0; in may be the forward's output instead of its input */
void relu_backward(real *din, const real *dout, const real *in, size_t n);
#line 112 "book/23-pointwise-and-pooling.nw"
/* out (n) = mask * in; TRAIN: mask (n) = 0 with probability p, else 1/(1-p); EVAL: mask = 1, rng may be NULL */
void dropout_forward(real *out, real *mask, const real *in, double p, size_t n, Rng *rng, Mode mode);
#line 141 "book/23-pointwise-and-pooling.nw"
/* din (n) += mask * dout (n), with the forward's mask */
void dropout_backward(real *din, const real *dout, const real *mask, size_t n);
#line 20 "book/23-pointwise-and-pooling.nw"
#endif
