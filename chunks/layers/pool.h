#line 167 "book/23-pointwise-and-pooling.nw"
#ifndef POOL_H
#define POOL_H
#include "base/real.h"
#line 194 "book/23-pointwise-and-pooling.nw"
/* out (N,C,H/2,W/2) = max of each 2x2 window of in (N,C,H,W), argmax = its offset in in; H, W even */
void maxpool_forward(real *out, int *argmax, const real *in, int N, int C, int H, int W);
#line 243 "book/23-pointwise-and-pooling.nw"
/* din (N,C,H,W) += dout (N,C,H/2,W/2) at the forward's argmax offsets */
void maxpool_backward(real *din, const real *dout, const int *argmax, int N, int C, int H, int W);
#line 290 "book/23-pointwise-and-pooling.nw"
/* out (N,C) = mean of each H x W plane of in (N,C,H,W) */
void gap_forward(real *out, const real *in, int N, int C, int H, int W);
/* din (N,C,H,W) += dout (N,C) / (H W) */
void gap_backward(real *din, const real *dout, int N, int C, int H, int W);
#line 601 "book/31-fast-step.nw"
/* as maxpool_backward, but din (N,C,H,W) = instead of +=: every input position is written */
void maxpool_backward_overwrite(real *din, const real *dout, const int *argmax, int N, int C, int H, int W);
#line 627 "book/31-fast-step.nw"
/* maxpool_forward, the same outputs and argmax, computed along the rows of the output */
void maxpool_forward_rows(real *out, int *argmax, const real *in, int N, int C, int H, int W);
#line 708 "book/31-fast-step.nw"
/* one plane of maxpool_backward_overwrite: d (H,W) = the gradient of plane p of the input */
void maxpool_backward_plane(real *d, const real *dout, const int *argmax, size_t p, int H, int W);
#line 171 "book/23-pointwise-and-pooling.nw"
#endif
