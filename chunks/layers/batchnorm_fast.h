#line 399 "book/31-fast-step.nw"
#ifndef BATCHNORM_FAST_H
#define BATCHNORM_FAST_H
#include <stddef.h>
#include "base/real.h"
#line 167 "book/31-fast-step.nw"
/* act (N,C,H,W) = relu of bn_forward's out, in float; mean, rstd, running_* and mode as in bn_forward;
   planes (N,C,2): every plane's bn_plane_statistics, or NULL to compute them here */
void bn_relu_forward_fast(float *act, const float *in, const float *planes, const float *gamma,
                          const float *beta, float *mean, float *rstd, float *running_mean, float *running_var,
                          int N, int C, int H, int W, Mode mode);
/* the mean m and the sum q of squared deviations from it of the HW floats at x: mq[0] = m, mq[1] = q */
void bn_plane_statistics(float *mq, const float *x, size_t HW);
#line 347 "book/31-fast-step.nw"
/* din (N,C,H,W) = (not +=) gradient from dact through ReLU (where bn(in) > 0) and batch norm;
   dgamma, dbeta (C) += */
void bn_relu_backward_fast(float *din, float *dgamma, float *dbeta, const float *dact, const float *in,
                           const float *gamma, const float *beta, const float *mean, const float *rstd,
                           int N, int C, int H, int W);
#line 771 "book/31-fast-step.nw"
/* bn_relu_backward_fast when act (N,C,H,W) is read only by a 2x2 max-pool: dpool, argmax (N,C,H/2,W/2)
   are that pool's output gradient and argmax, and act's gradient is never stored; scratch holds
   bn_relu_pool_scratch_size(N, H, W) floats */
void bn_relu_pool_backward_fast(float *din, float *dgamma, float *dbeta, const float *dpool, const int *argmax,
                                const float *in, const float *gamma, const float *beta, const float *mean,
                                const float *rstd, float *scratch, int N, int C, int H, int W);
/* floats of scratch that bn_relu_pool_backward_fast needs on omp_get_max_threads() threads */
size_t bn_relu_pool_scratch_size(int N, int H, int W);
#line 404 "book/31-fast-step.nw"
#endif
