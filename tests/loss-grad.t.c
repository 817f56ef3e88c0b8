#line 293 "book/24-loss-and-sgd.nw"
#include <math.h>
#include <string.h>
#include "gradcheck.h"
#include "layers/loss.h"
#line 320 "book/24-loss-and-sgd.nw"
typedef struct LossCase {
    int N, K, labels[4];
    real *logits, *logp;
    double eps;  /* the smoothed loss's */
} LossCase;

static double loss_of_case(void *ctx)
{
    LossCase *t = ctx;
    return logsoftmax_nll_forward(t->logp, t->logits, t->labels, t->N, t->K);
}
#line 340 "book/24-loss-and-sgd.nw"
static double smoothed_loss_of_case(void *ctx)
{
    LossCase *t = ctx;
    return logsoftmax_smoothed_forward(t->logp, t->logits, t->labels, t->N, t->K, t->eps);
}

#line 299 "book/24-loss-and-sgd.nw"
int main(void)
{
    Rng rng;
    rng_seed(&rng, 1958);
    #line 384 "book/24-loss-and-sgd.nw"
    real z[3] = {1, 2, 3}, big[3] = {1001, 1002, 1003}, lp[3];
    int label = 0;
    double want = log(1 + exp(1) + exp(2));
    double got = logsoftmax_nll_forward(lp, z, &label, 1, 3);
    tap_ok(fabs(got - want) < 1e-14, "loss of logits (1,2,3), label 0: %.16f (by hand %.16f)", got, want);
    got = logsoftmax_nll_forward(lp, big, &label, 1, 3);
    tap_ok(fabs(got - want) < 1e-12, "loss of logits (1001,1002,1003), label 0: %.16f (the same, no overflow)", got);
    #line 304 "book/24-loss-and-sgd.nw"
    LossCase t = {.N = 4, .K = 10};
    t.logits = gc_normal((size_t)t.N * t.K, &rng);
    t.logp = gc_zeros((size_t)t.N * t.K);
    for (int n = 0; n < t.N; n++)
        t.labels[n] = (int)rng_below(&rng, t.K);
    #line 394 "book/24-loss-and-sgd.nw"
    loss_of_case(&t);
    double worst = 0;
    for (int n = 0; n < t.N; n++) {
        double s = 0;
        for (int k = 0; k < t.K; k++)
            s += exp(t.logp[(size_t)n * t.K + k]);
        worst = fmax(worst, fabs(s - 1));
    }
    tap_ok(worst < 1e-14, "softmax rows sum to one (worst deviation %.1e)", worst);
    #line 310 "book/24-loss-and-sgd.nw"
    real *dlogits = gc_zeros((size_t)t.N * t.K);
    logsoftmax_nll_backward(dlogits, t.logp, t.labels, t.N, t.K);
    gc_check("log-softmax + NLL, mean over 4 images: dL/dlogits", loss_of_case, &t, t.logits, dlogits, (size_t)t.N * t.K);
    #line 348 "book/24-loss-and-sgd.nw"
    real *plain = gc_zeros((size_t)t.N * t.K), *smooth = gc_zeros((size_t)t.N * t.K);
    double loss_plain = loss_of_case(&t);
    logsoftmax_nll_backward(plain, t.logp, t.labels, t.N, t.K);
    t.eps = 0;
    double loss_smooth = smoothed_loss_of_case(&t);
    logsoftmax_smoothed_backward(smooth, t.logp, t.labels, t.N, t.K, 0);
    tap_ok(loss_smooth == loss_plain && memcmp(plain, smooth, (size_t)t.N * t.K * sizeof(real)) == 0,
           "smoothing 0: the plain loss (%.17g) and gradient, bit for bit", loss_smooth);
    {
        double eps = 0.3, lse = log(exp(1) + exp(2) + exp(3));
        double hand = (1 - eps) * (lse - 1) + eps * (3 * lse - 6) / 3;
        got = logsoftmax_smoothed_forward(lp, z, &label, 1, 3, eps);
        tap_ok(fabs(got - hand) < 1e-14, "smoothing 0.3, logits (1,2,3), label 0: %.9f (by hand %.9f)", got, hand);
    }
    t.eps = 0.1;
    memset(smooth, 0, (size_t)t.N * t.K * sizeof(real));
    smoothed_loss_of_case(&t);
    logsoftmax_smoothed_backward(smooth, t.logp, t.labels, t.N, t.K, t.eps);
    gc_check("log-softmax + smoothed NLL (0.1), mean over 4 images: dL/dlogits", smoothed_loss_of_case, &t, t.logits,
             smooth, (size_t)t.N * t.K);
    {
        real at_target[10], lp10[10], g[10] = {0};
        int t3 = 3;
        for (int k = 0; k < 10; k++)
            at_target[k] = (real)log(k == t3 ? 0.91 : 0.01);
        logsoftmax_smoothed_forward(lp10, at_target, &t3, 1, 10, 0.1);
        logsoftmax_smoothed_backward(g, lp10, &t3, 1, 10, 0.1);
        double largest = 0;
        for (int k = 0; k < 10; k++)
            largest = fmax(largest, fabs(g[k]));
        tap_ok(largest < 1e-15, "smoothing 0.1: at logits ln q (gap ln 91) the gradient vanishes (largest %.1e)", largest);
    }
    free(plain), free(smooth);
    #line 314 "book/24-loss-and-sgd.nw"
    free(t.logits), free(t.logp), free(dlogits);
    return tap_done();
}
