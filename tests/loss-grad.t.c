#line 227 "book/24-loss-and-sgd.nw"
#include "gradcheck.h"
#include "layers/loss.h"
#line 251 "book/24-loss-and-sgd.nw"
typedef struct LossCase {
    int N, K, labels[4];
    real *logits, *logp;
} LossCase;

static double loss_of_case(void *ctx)
{
    LossCase *t = ctx;
    return logsoftmax_nll_forward(t->logp, t->logits, t->labels, t->N, t->K);
}

#line 231 "book/24-loss-and-sgd.nw"
int main(void)
{
    Rng rng;
    rng_seed(&rng, 1958);
    #line 264 "book/24-loss-and-sgd.nw"
    real z[3] = {1, 2, 3}, big[3] = {1001, 1002, 1003}, lp[3];
    int label = 0;
    double want = log(1 + exp(1) + exp(2));
    double got = logsoftmax_nll_forward(lp, z, &label, 1, 3);
    tap_ok(fabs(got - want) < 1e-14, "loss of logits (1,2,3), label 0: %.16f (by hand %.16f)", got, want);
    got = logsoftmax_nll_forward(lp, big, &label, 1, 3);
    tap_ok(fabs(got - want) < 1e-12, "loss of logits (1001,1002,1003), label 0: %.16f (the same, no overflow)", got);
    #line 236 "book/24-loss-and-sgd.nw"
    LossCase t = {.N = 4, .K = 10};
    t.logits = gc_normal((size_t)t.N * t.K, &rng);
    t.logp = gc_zeros((size_t)t.N * t.K);
    for (int n = 0; n < t.N; n++)
        t.labels[n] = (int)rng_below(&rng, t.K);
    #line 274 "book/24-loss-and-sgd.nw"
    loss_of_case(&t);
    double worst = 0;
    for (int n = 0; n < t.N; n++) {
        double s = 0;
        for (int k = 0; k < t.K; k++)
            s += exp(t.logp[(size_t)n * t.K + k]);
        worst = fmax(worst, fabs(s - 1));
    }
    tap_ok(worst < 1e-14, "softmax rows sum to one (worst deviation %.1e)", worst);
    #line 242 "book/24-loss-and-sgd.nw"
    real *dlogits = gc_zeros((size_t)t.N * t.K);
    logsoftmax_nll_backward(dlogits, t.logp, t.labels, t.N, t.K);
    gc_check("log-softmax + NLL, mean over 4 images: dL/dlogits", loss_of_case, &t, t.logits, dlogits, (size_t)t.N * t.K);
    free(t.logits), free(t.logp), free(dlogits);
    return tap_done();
}
