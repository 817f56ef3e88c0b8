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
    #line 486 "book/95c-solutions-bn-loss.nw"
    {
        #line 490 "book/95c-solutions-bn-loss.nw"
        enum { K = 10 };
        double eps = 0.1;
        real z[K], lp[K], g[K] = {0};
        int label = 0;
        double entropy = 0;
        for (int k = 0; k < K; k++) {
            double q = (1 - eps) * (k == label) + eps / K;
            z[k] = log(q), entropy -= q * log(q);
        }
        double floor_loss = logsoftmax_smoothed_forward(lp, z, &label, 1, K, eps);
        tap_ok(fabs(floor_loss - entropy) < 1e-15 && fabs(floor_loss - 0.5003) < 5e-5,
               "smoothing 0.1, K = 10: the loss at z = ln q is the entropy of q, %.6f (0.5003)", floor_loss);
        for (int k = 0; k < K; k++)
            z[k] = k == label ? 40 : 0;
        logsoftmax_smoothed_forward(lp, z, &label, 1, K, eps);
        logsoftmax_smoothed_backward(g, lp, &label, 1, K, eps);
        double worst = 0;
        for (int k = 0; k < K; k++)
            worst = fmax(worst, fabs(g[k] - eps * ((k == label) - 1.0 / K)));
        tap_ok(worst < 1e-15, "certain and right: gradient %.4f on the true logit, %.4f on the others (eps (e_t - 1/K))",
               g[label], g[1]);
    #line 488 "book/95c-solutions-bn-loss.nw"
    }
    #line 539 "book/95c-solutions-bn-loss.nw"
    {
        #line 543 "book/95c-solutions-bn-loss.nw"
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
    #line 541 "book/95c-solutions-bn-loss.nw"
    }
    #line 367 "book/95c-solutions-bn-loss.nw"
    return tap_done();
}
