#line 102 "book/15-dense.nw"
#ifndef DENSE_H
#define DENSE_H
#include "base/real.h"
#line 125 "book/15-dense.nw"
/* out (N,K) = in (N,D) w (D,K); overwrites out */
void dense_forward(real *out, const real *in, const real *w, int N, int D, int K);
#line 192 "book/15-dense.nw"
/* din (N,D) += dout (N,K) w^T and dw (D,K) += in^T dout: the gradients from dout; adds into both */
void dense_backward(real *din, real *dw, const real *dout, const real *in, const real *w,
                    int N, int D, int K);
#line 106 "book/15-dense.nw"
#endif
