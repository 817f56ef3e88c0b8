#line 21 "book/22-batchnorm.nw"
#ifndef BATCHNORM_H
#define BATCHNORM_H
#include "base/real.h"
#define BN_EPS      1e-5
#define BN_MOMENTUM 0.1
#line 78 "book/22-batchnorm.nw"
void bn_init(real *gamma, real *beta, real *running_mean, real *running_var, int C);
#line 101 "book/22-batchnorm.nw"
void bn_forward(real *out, const real *in, const real *gamma, const real *beta,
                real *mean, real *rstd, real *running_mean, real *running_var,
                int N, int C, int H, int W, Mode mode);
#line 287 "book/22-batchnorm.nw"
void bn_backward(real *din, real *dgamma, real *dbeta, const real *dout, const real *in,
                 const real *gamma, const real *mean, const real *rstd,
                 int N, int C, int H, int W);
#line 27 "book/22-batchnorm.nw"
#endif
