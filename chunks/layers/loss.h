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
#line 251 "book/24-loss-and-sgd.nw"
/* logp as logsoftmax_nll_forward; returns the mean of -sum_k q_k logp[n][k], q = (1-eps) onehot + eps/K */
double logsoftmax_smoothed_forward(real *logp, const real *logits, const int *labels, int N, int K, double eps);
/* dlogits (N,K) += (exp(logp) - q) / N, q = (1-eps) onehot(labels) + eps/K: the smoothed loss's gradient */
void logsoftmax_smoothed_backward(real *dlogits, const real *logp, const int *labels, int N, int K, double eps);
#line 36 "book/24-loss-and-sgd.nw"
#endif
