#line 357 "book/95c-solutions-bn-loss.nw"
#include "gradcheck.h"
#include "layers/loss.h"
#include "training/sgd.h"
#line 393 "book/95c-solutions-bn-loss.nw"
/* -log softmax(z)[t] in float, with the logits shifted by their max (use_max) or their mean */
static float float_loss(const float *z, int K, int t, int use_max)
{
    float shift = use_max ? z[0] : 0;
    for (int k = 0; k < K; k++)
        shift = use_max ? fmaxf(shift, z[k]) : shift + z[k] / K;
    float sum = 0;
    for (int k = 0; k < K; k++)
        sum += expf(z[k] - shift);
    return -(z[t] - shift - logf(sum));
}
#line 480 "book/95c-solutions-bn-loss.nw"
typedef struct SmoothCase {
    int N, K, labels[4];
    double alpha;
    real *logits, *logp;
} SmoothCase;

/* q_k of image n: (1 - alpha) [k = label] + alpha / K */
static double smoothed_target(const SmoothCase *t, int n, int k)
{
    return (1 - t->alpha) * (k == t->labels[n]) + t->alpha / t->K;
}

static double smoothed_loss(void *ctx)
{
    SmoothCase *t = ctx;
    logsoftmax_nll_forward(t->logp, t->logits, t->labels, t->N, t->K);
    double loss = 0;
    for (int n = 0; n < t->N; n++)
        for (int k = 0; k < t->K; k++)
            loss -= smoothed_target(t, n, k) * t->logp[(size_t)n * t->K + k] / t->N;
    return loss;
}

#line 362 "book/95c-solutions-bn-loss.nw"
int main(void)
{
    Rng rng;
    rng_seed(&rng, 1951);
    #line 407 "book/95c-solutions-bn-loss.nw"
    {
        #line 411 "book/95c-solutions-bn-loss.nw"
        float zf[4] = {60, -60, -60, -60};
        real z[4] = {60, -60, -60, -60}, moved[4], logp[4], logp_moved[4];
        int label = 0;
        float with_mean = float_loss(zf, 4, 0, 0), with_max = float_loss(zf, 4, 0, 1);
        double library = logsoftmax_nll_forward(logp, z, &label, 1, 4);
        tap_ok(isinf(with_mean) && with_max == 0 && library < 1e-30,
               "logits (60,-60,-60,-60): float loss %g with the mean, %g with the max, library %g", with_mean, with_max, library);
        for (int k = 0; k < 4; k++)
            moved[k] = z[k] + 7;
        logsoftmax_nll_forward(logp_moved, moved, &label, 1, 4);
        double worst = 0;
        for (int k = 0; k < 4; k++)
            worst = fmax(worst, fabs(logp_moved[k] - logp[k]));
        tap_ok(worst < 1e-12, "adding 7 to every logit leaves log p unchanged (max difference %.1e)", worst);
    #line 409 "book/95c-solutions-bn-loss.nw"
    }
    #line 442 "book/95c-solutions-bn-loss.nw"
    {
        #line 446 "book/95c-solutions-bn-loss.nw"
        enum { N = 3, K = 10 };
        real z[N * K] = {0}, logp[N * K], dz[N * K] = {0};
        int labels[N] = {3, 7, 0};
        double loss = logsoftmax_nll_forward(logp, z, labels, N, K);
        logsoftmax_nll_backward(dz, logp, labels, N, K);
        double worst = 0;
        for (int n = 0; n < N; n++)
            for (int k = 0; k < K; k++)
                worst = fmax(worst, fabs(dz[n * K + k] - (0.1 - (k == labels[n])) / N));
        tap_ok(fabs(loss - log(10)) < 1e-15, "all-zero logits: loss %.15f = ln 10", loss);
        tap_ok(worst < 1e-15, "all-zero logits, N = 3: dL/dz = 0.1/3 and -0.9/3 (max difference %.1e)", worst);
    #line 444 "book/95c-solutions-bn-loss.nw"
    }
    #line 505 "book/95c-solutions-bn-loss.nw"
    {
        #line 509 "book/95c-solutions-bn-loss.nw"
        SmoothCase t = {.N = 4, .K = 10, .alpha = 0.1};
        size_t n = (size_t)t.N * t.K;
        t.logits = gc_normal(n, &rng), t.logp = gc_zeros(n);
        for (int i = 0; i < t.N; i++)
            t.labels[i] = (int)rng_below(&rng, t.K);
        real *grad = gc_zeros(n);
        smoothed_loss(&t);
        for (int i = 0; i < t.N; i++)
            for (int k = 0; k < t.K; k++)
                grad[(size_t)i * t.K + k] = (exp(t.logp[(size_t)i * t.K + k]) - smoothed_target(&t, i, k)) / t.N;
        gc_check("label smoothing, alpha 0.1: dL/dz = (p - q)/N", smoothed_loss, &t, t.logits, grad, n);
        for (int i = 0; i < t.N; i++)
            for (int k = 0; k < t.K; k++)
                t.logits[(size_t)i * t.K + k] = log(smoothed_target(&t, i, k));
        smoothed_loss(&t);
        double worst = 0;
        for (int i = 0; i < t.N; i++)
            for (int k = 0; k < t.K; k++)
                worst = fmax(worst, fabs(exp(t.logp[(size_t)i * t.K + k]) - smoothed_target(&t, i, k)));
        tap_ok(worst < 1e-15, "at z = log q the softmax is q, so the gradient p - q is zero (max |p - q| %.1e)", worst);
        free(t.logits), free(t.logp), free(grad);
    #line 507 "book/95c-solutions-bn-loss.nw"
    }
    #line 558 "book/95c-solutions-bn-loss.nw"
    {
        #line 562 "book/95c-solutions-bn-loss.nw"
        enum { STEPS = 40 };
        const double lr = 0.1, mu = 0.9;
        real w = 1, v = 0, g[STEPS];
        double worst = 0;
        for (int k = 1; k <= STEPS; k++) {
            g[k - 1] = rng_normal(&rng);
            sgd_step(&w, &v, &g[k - 1], 1, lr, mu, 0, 0);
            double vk = 0, wk = 1;
            for (int j = 1; j <= k; j++) {
                vk += pow(mu, k - j) * g[j - 1];
                wk -= lr * (1 - pow(mu, k - j + 1)) / (1 - mu) * g[j - 1];
            }
            worst = fmax(worst, fmax(fabs(v - vk), fabs(w - wk)));
        }
        tap_ok(worst < 1e-12, "momentum over %d steps: v_k and w_k are the unrolled sums (max difference %.1e)", STEPS, worst);
        real one = 1;
        int steps = 0;
        for (w = 0, v = 0; v < 0.9 / (1 - mu); steps++)
            sgd_step(&w, &v, &one, 1, lr, mu, 0, 0);
        tap_ok(steps == 22, "constant gradient: v is within 10%% of g/(1 - mu) after %d steps (expected 22)", steps);
    #line 560 "book/95c-solutions-bn-loss.nw"
    }
    #line 367 "book/95c-solutions-bn-loss.nw"
    return tap_done();
}
