#line 21 "book/22-batchnorm.nw"
#ifndef BATCHNORM_H
#define BATCHNORM_H
#include "base/real.h"
#define BN_EPS      1e-5  /* added to the variance before the square root */
#define BN_MOMENTUM 0.1   /* weight of the new batch in the running averages */
#line 78 "book/22-batchnorm.nw"
/* gamma = 1, beta = 0, running_mean = 0, running_var = 1, each (C): the identity on normalised data */
void bn_init(real *gamma, real *beta, real *running_mean, real *running_var, int C);
#line 103 "book/22-batchnorm.nw"
/* out (N,C,H,W) = gamma (in-mean) rstd + beta; saves mean, rstd (C): TRAIN batch's, updates running_*; EVAL running_* */
void bn_forward(real *out, const real *in, const real *gamma, const real *beta,
                real *mean, real *rstd, real *running_mean, real *running_var,
                int N, int C, int H, int W, Mode mode);
#line 334 "book/22-batchnorm.nw"
/* din (N,C,H,W), dgamma, dbeta (C) += gradients from dout, through TRAIN's mean, rstd; din not NULL */
void bn_backward(real *din, real *dgamma, real *dbeta, const real *dout, const real *in,
                 const real *gamma, const real *mean, const real *rstd,
                 int N, int C, int H, int W);
#line 27 "book/22-batchnorm.nw"
#endif
