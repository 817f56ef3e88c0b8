#line 565 "book/22-batchnorm.nw"
#include "layers/batchnorm.h"
#include "gradcheck.h"
#line 588 "book/22-batchnorm.nw"
typedef struct BnCase {
    int N, C, H, W;
    real *in, *out, *r, *gamma, *beta, *mean, *rstd, *rmean, *rvar;
} BnCase;

static double bn_loss(void *ctx)
{
    BnCase *t = ctx;
    bn_forward(t->out, t->in, t->gamma, t->beta, t->mean, t->rstd, t->rmean, t->rvar,
               t->N, t->C, t->H, t->W, MODE_TRAIN);
    return gc_dot(t->out, t->r, (size_t)t->N * t->C * t->H * t->W);
}

#line 569 "book/22-batchnorm.nw"
int main(void)
{
    Rng rng;
    rng_seed(&rng, 2015);
    BnCase t = {.N = 3, .C = 2, .H = 3, .W = 4};
    size_t n = (size_t)t.N * t.C * t.H * t.W, M = n / t.C, HW = M / t.N;
    #line 603 "book/22-batchnorm.nw"
    t.in = gc_normal(n, &rng);
    for (size_t i = 0; i < n; i++)
        t.in[i] = 3 + 2 * t.in[i];
    t.out = gc_zeros(n);
    t.r = gc_normal(n, &rng);
    t.gamma = gc_normal(t.C, &rng);
    t.beta = gc_normal(t.C, &rng);
    t.mean = gc_zeros(t.C);
    t.rstd = gc_zeros(t.C);
    t.rmean = gc_zeros(t.C);
    t.rvar = gc_zeros(t.C);
    for (int c = 0; c < t.C; c++)
        t.rvar[c] = 1;
    #line 576 "book/22-batchnorm.nw"
    bn_loss(&t);
    #line 622 "book/22-batchnorm.nw"
    for (int c = 0; c < t.C; c++) {
        double mu = 0, ss = 0, hm = 0, hv = 0;
        #line 634 "book/22-batchnorm.nw"
        for (int k = 0; k < t.N; k++)
            for (size_t i = 0; i < HW; i++)
                mu += t.in[((size_t)k * t.C + c) * HW + i] / M;
        for (int k = 0; k < t.N; k++)
            for (size_t i = 0; i < HW; i++) {
                size_t at = ((size_t)k * t.C + c) * HW + i;
                double xhat = (t.out[at] - t.beta[c]) / t.gamma[c];
                ss += (t.in[at] - mu) * (t.in[at] - mu);
                hm += xhat / M;
                hv += xhat * xhat / M;
            }
        #line 625 "book/22-batchnorm.nw"
        double var = ss / M;
        tap_ok(fabs(hm) < 1e-12, "channel %d: normalised values have mean %.1e (expected 0)", c, hm);
        tap_ok(fabs(hv - var / (var + BN_EPS)) < 1e-12, "channel %d: normalised values have variance %.12f (expected var/(var+eps) = %.12f)", c, hv, var / (var + BN_EPS));
        tap_ok(fabs(t.rmean[c] - 0.1 * mu) < 1e-12, "channel %d: running mean %.6f (expected 0.1 * %.6f)", c, t.rmean[c], mu);
        tap_ok(fabs(t.rvar[c] - (0.9 + 0.1 * ss / (M - 1))) < 1e-12, "channel %d: running var %.6f (expected 0.9 + 0.1 * unbiased %.6f)", c, t.rvar[c], ss / (M - 1));
    }
    #line 651 "book/22-batchnorm.nw"
    real rm0 = t.rmean[0], rv0 = t.rvar[0];
    bn_forward(t.out, t.in, t.gamma, t.beta, t.mean, t.rstd, t.rmean, t.rvar, t.N, t.C, t.H, t.W, MODE_EVAL);
    double worst = 0;
    for (int k = 0; k < t.N; k++)
        for (size_t i = 0; i < HW; i++) {
            size_t at = (size_t)k * t.C * HW + i;
            double want = t.gamma[0] * (t.in[at] - rm0) / sqrt(rv0 + BN_EPS) + t.beta[0];
            worst = fmax(worst, fabs(t.out[at] - want));
        }
    tap_ok(worst < 1e-12 && t.rmean[0] == rm0 && t.rvar[0] == rv0,
           "eval mode normalises channel 0 with the running statistics (max difference %.1e)", worst);
    #line 668 "book/22-batchnorm.nw"
    real *din = gc_zeros(n), *dgamma = gc_zeros(t.C), *dbeta = gc_zeros(t.C);
    bn_loss(&t);
    bn_backward(din, dgamma, dbeta, t.r, t.in, t.gamma, t.mean, t.rstd, t.N, t.C, t.H, t.W);
    gc_check("batch norm (training): dL/din", bn_loss, &t, t.in, din, n);
    gc_check("batch norm (training): dL/dgamma", bn_loss, &t, t.gamma, dgamma, t.C);
    gc_check("batch norm (training): dL/dbeta", bn_loss, &t, t.beta, dbeta, t.C);
    #line 580 "book/22-batchnorm.nw"
    free(t.in), free(t.out), free(t.r), free(t.gamma), free(t.beta);
    free(t.mean), free(t.rstd), free(t.rmean), free(t.rvar);
    free(din), free(dgamma), free(dbeta);
    return tap_done();
}
