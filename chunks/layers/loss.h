#line 32 "book/24-loss-and-sgd.nw"
#ifndef LOSS_H
#define LOSS_H
#include "base/real.h"
#line 50 "book/24-loss-and-sgd.nw"
double logsoftmax_nll_forward(real *logp, const real *logits, const int *labels, int N, int K);
#line 101 "book/24-loss-and-sgd.nw"
void logsoftmax_nll_backward(real *dlogits, const real *logp, const int *labels, int N, int K);
#line 36 "book/24-loss-and-sgd.nw"
#endif
