#line 38 "book/24-loss-and-sgd.nw"
#include <math.h>
#include "base/check.h"
#include "layers/loss.h"
#line 53 "book/24-loss-and-sgd.nw"
double logsoftmax_nll_forward(real *logp, const real *logits, const int *labels, int N, int K)
{
    /* logits (N,K), labels (N) -> logp (N,K); returns the mean loss */
    CHECK(logp != NULL && logits != NULL && labels != NULL && N > 0 && K > 0);
    double loss = 0;
    for (int n = 0; n < N; n++) {
        const real *z = logits + (size_t)n * K;
        real *lp = logp + (size_t)n * K;
        CHECK(labels[n] >= 0 && labels[n] < K);
        #line 72 "book/24-loss-and-sgd.nw"
        double m = z[0];
        for (int k = 1; k < K; k++)
            m = z[k] > m ? z[k] : m;
        double sum = 0;
        for (int k = 0; k < K; k++)
            sum += exp(z[k] - m);
        double lse = m + log(sum);
        #line 63 "book/24-loss-and-sgd.nw"
        for (int k = 0; k < K; k++)
            lp[k] = (real)(z[k] - lse);
        loss -= lp[labels[n]];
    }
    return loss / N;
}
#line 105 "book/24-loss-and-sgd.nw"
void logsoftmax_nll_backward(real *dlogits, const real *logp, const int *labels, int N, int K)
{
    /* logp (N,K), labels (N) -> dlogits += (N,K) */
    CHECK(dlogits != NULL && logp != NULL && labels != NULL && N > 0 && K > 0);
    for (int n = 0; n < N; n++) {
        CHECK(labels[n] >= 0 && labels[n] < K);
        for (int k = 0; k < K; k++) {
            size_t at = (size_t)n * K + k;
            real onehot = k == labels[n];
            dlogits[at] += (real)((exp(logp[at]) - onehot) / N);
        }
    }
}
#line 256 "book/24-loss-and-sgd.nw"
double logsoftmax_smoothed_forward(real *logp, const real *logits, const int *labels, int N, int K, double eps)
{
    /* logits (N,K), labels (N) -> logp (N,K); returns the mean smoothed loss */
    CHECK(eps >= 0 && eps < 1);
    double nll = logsoftmax_nll_forward(logp, logits, labels, N, K);
    double uniform = 0;
    for (size_t i = 0; i < (size_t)N * K; i++)
        uniform -= logp[i];
    return (1 - eps) * nll + eps * uniform / ((double)N * K);
}

void logsoftmax_smoothed_backward(real *dlogits, const real *logp, const int *labels, int N, int K, double eps)
{
    /* logp (N,K), labels (N) -> dlogits += (N,K) */
    CHECK(dlogits != NULL && logp != NULL && labels != NULL && N > 0 && K > 0 && eps >= 0 && eps < 1);
    for (int n = 0; n < N; n++) {
        CHECK(labels[n] >= 0 && labels[n] < K);
        for (int k = 0; k < K; k++) {
            size_t at = (size_t)n * K + k;
            double q = (1 - eps) * (k == labels[n]) + eps / K;
            dlogits[at] += (real)((exp(logp[at]) - q) / N);
        }
    }
}
