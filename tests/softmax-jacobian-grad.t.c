#line 419 "book/24-loss-and-sgd.nw"
#include "gradcheck.h"
#include "layers/loss.h"
enum { K = 10 };
#line 443 "book/24-loss-and-sgd.nw"
static void log_probs(real *logp, const real *z)
{
    int label = 0;
    logsoftmax_nll_forward(logp, z, &label, 1, K);
}

#line 424 "book/24-loss-and-sgd.nw"
int main(void)
{
    Rng rng;
    rng_seed(&rng, 1989);
    real z[K], logp[K], p[K], dz[K] = {0};
    int t = (int)rng_below(&rng, K);
    for (int k = 0; k < K; k++)
        z[k] = 2 * rng_normal(&rng);
    log_probs(logp, z);
    for (int k = 0; k < K; k++)
        p[k] = exp(logp[k]);
    logsoftmax_nll_backward(dz, logp, &t, 1, K);
    #line 454 "book/24-loss-and-sgd.nw"
    double worst_p = 0, worst_logp = 0;
    for (int j = 0; j < K; j++) {
        real saved = z[j], lp[4][K];
        for (int s = 0; s < 4; s++) {
            static const double step[4] = {1, -1, 2, -2};
            z[j] = saved + step[s] * GC_H;
            log_probs(lp[s], z);
        }
        z[j] = saved;
        for (int k = 0; k < K; k++) {
            double dp = (8 * (exp(lp[0][k]) - exp(lp[1][k])) - (exp(lp[2][k]) - exp(lp[3][k]))) / (12 * GC_H);
            double dlogp = (8 * (lp[0][k] - lp[1][k]) - (lp[2][k] - lp[3][k])) / (12 * GC_H);
            worst_p = fmax(worst_p, fabs(dp - ((k == j) * p[k] - p[k] * p[j])));
            worst_logp = fmax(worst_logp, fabs(dlogp - ((k == j) - p[j])));
        }
    }
    tap_ok(worst_p < 1e-9, "dp/dz = diag(p) - p p^T: max difference from central differences %.1e over %dx%d entries", worst_p, K, K);
    tap_ok(worst_logp < 1e-9, "dlog p/dz = I - 1 p^T: max difference from central differences %.1e over %dx%d entries", worst_logp, K, K);
    #line 475 "book/24-loss-and-sgd.nw"
    double worst_logp_chain = 0, worst_p_chain = 0;
    for (int j = 0; j < K; j++) {
        double via_logp = 0, via_p = 0;
        for (int k = 0; k < K; k++) {
            via_logp += ((k == j) - p[j]) * -(double)(k == t);
            via_p += ((k == j) * p[k] - p[k] * p[j]) * -(double)(k == t) / p[t];
        }
        worst_logp_chain = fmax(worst_logp_chain, fabs(via_logp - dz[j]));
        worst_p_chain = fmax(worst_p_chain, fabs(via_p - dz[j]));
    }
    tap_ok(worst_logp_chain < 1e-14, "(I - 1 p^T)^T (-e_t) = the library's dl/dz = p - e_t (max difference %.1e)", worst_logp_chain);
    tap_ok(worst_p_chain < 1e-14, "(diag(p) - p p^T)^T (-e_t / p_t) = the library's dl/dz (max difference %.1e)", worst_p_chain);
    #line 438 "book/24-loss-and-sgd.nw"
    return tap_done();
}
