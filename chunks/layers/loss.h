#line 32 "book/24-loss-and-sgd.nw"
#ifndef LOSS_H
#define LOSS_H
#include "base/real.h"
#line 50 "book/24-loss-and-sgd.nw"
/* logp (N,K) = log softmax of logits (N,K); returns the mean of -logp[n][labels[n]], labels (N) in 0..K-1 */
double logsoftmax_nll_forward(real *logp, const real *logits, const int *labels, int N, int K);
#line 102 "book/24-loss-and-sgd.nw"
/* dlogits (N,K) += (exp(logp) - onehot(labels)) / N, the gradient of the forward's mean loss */
void logsoftmax_nll_backward(real *dlogits, const real *logp, const int *labels, int N, int K);
#line 36 "book/24-loss-and-sgd.nw"
#endif
