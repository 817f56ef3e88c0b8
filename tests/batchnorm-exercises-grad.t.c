#line 8 "book/95c-solutions-bn-loss.nw"
#include "layers/batchnorm.h"
#include "layers/conv.h"
#include "gradcheck.h"
#line 279 "book/95c-solutions-bn-loss.nw"
/* din (N,C,H,W), dgamma, dbeta (C) += gradients from dout, through EVAL's constant mean, rstd */
static void bn_backward_eval(real *din, real *dgamma, real *dbeta, const real *dout, const real *in,
                             const real *gamma, const real *mean, const real *rstd,
                             int N, int C, int H, int W)
{
    size_t HW = (size_t)H * W;
    for (int n = 0; n < N; n++)
        for (int c = 0; c < C; c++) {
            const real *x = in + ((size_t)n * C + c) * HW, *dy = dout + ((size_t)n * C + c) * HW;
            real *dx = din + ((size_t)n * C + c) * HW;
            for (size_t i = 0; i < HW; i++) {
                dbeta[c] += dy[i];
                dgamma[c] += dy[i] * (x[i] - mean[c]) * rstd[c];
                dx[i] += gamma[c] * rstd[c] * dy[i];
            }
        }
}
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

#line 316 "book/95c-solutions-bn-loss.nw"
static double eval_loss(void *ctx)
{
    BnCase *t = ctx;
    bn_forward(t->out, t->in, t->gamma, t->beta, t->mean, t->rstd, t->rmean, t->rvar,
               t->N, t->C, t->H, t->W, MODE_EVAL);
    return gc_dot(t->out, t->r, (size_t)t->N * t->C * t->H * t->W);
}

#line 13 "book/95c-solutions-bn-loss.nw"
int main(void)
{
    Rng rng;
    rng_seed(&rng, 1502);
    #line 42 "book/95c-solutions-bn-loss.nw"
    {
        #line 46 "book/95c-solutions-bn-loss.nw"
        real x[4] = {1, 2, 3, 10}, g[4] = {0.5, -1, 1.5, 0.25}, gamma = 2, beta = 0.5, y[4], dx[4] = {0};
        real mean, rstd, rmean = 0, rvar = 1, dgamma = 0, dbeta = 0;
        bn_forward(y, x, &gamma, &beta, &mean, &rstd, &rmean, &rvar, 1, 1, 2, 2, MODE_TRAIN);
        bn_backward(dx, &dgamma, &dbeta, g, x, &gamma, &mean, &rstd, 1, 1, 2, 2);
        const double by_hand[4] = {0.435, -2.585, 2.395, -0.245}, s = 1 / sqrt(12.5);
        double worst = 0;
        for (int i = 0; i < 4; i++)
            worst = fmax(worst, fabs(dx[i] - s * by_hand[i]) / fabs(s * by_hand[i]));
        tap_ok(worst < 2e-6, "worked example: dL/dx = s (0.435, -2.585, 2.395, -0.245) by hand, within %.1e of bn_backward", worst);
    #line 44 "book/95c-solutions-bn-loss.nw"
    }
    #line 108 "book/95c-solutions-bn-loss.nw"
    {
        #line 112 "book/95c-solutions-bn-loss.nw"
        enum { N = 2, C = 3 };
        real x[N * C], y[N * C], gamma[C], beta[C], mean[C], rstd[C], rmean[C] = {0}, rvar[C] = {1, 1, 1};
        for (int i = 0; i < N * C; i++)
            x[i] = rng_normal(&rng);
        for (int c = 0; c < C; c++)
            gamma[c] = 1 + rng_normal(&rng);
        for (int c = 0; c < C; c++)
            beta[c] = rng_normal(&rng);
        bn_forward(y, x, gamma, beta, mean, rstd, rmean, rvar, N, C, 1, 1, MODE_TRAIN);
        for (int trial = 0; trial < 3; trial++) {
            real g[N * C], dx[N * C] = {0}, dgamma[C] = {0}, dbeta[C] = {0};
            for (int i = 0; i < N * C; i++)
                g[i] = rng_normal(&rng);
            bn_backward(dx, dgamma, dbeta, g, x, gamma, mean, rstd, N, C, 1, 1);
            for (int c = 0; c < C; c++) {
                double s = rstd[c], want = 0.5 * gamma[c] * BN_EPS * s * s * s * (g[c] - g[C + c]);
                double naive = fmax(fabs(s * gamma[c] * g[c]), fabs(s * gamma[c] * g[C + c]));
                tap_ok(fabs(dx[c] - want) <= 1e-6 * fabs(want) && fabs(dx[C + c] + dx[c]) <= 1e-6 * fabs(want)
                       && fabs(dx[c]) <= 2 * BN_EPS * s * s * naive,
                       "M = 2, g #%d, channel %d: dL/dx = (%.6e, %.6e), gamma eps s^3 (g1 - g2)/2 = %.6e; eps s^2 = %.1e of s gamma g",
                       trial, c, dx[c], dx[C + c], want, BN_EPS * s * s);
            }
        }
    #line 110 "book/95c-solutions-bn-loss.nw"
    }
    #line 175 "book/95c-solutions-bn-loss.nw"
    {
        #line 179 "book/95c-solutions-bn-loss.nw"
        enum { M = 18 };
        real x[M], shifted[M], scaled[M], y[M], y_shifted[M], y_scaled[M], gamma = 1.5, beta = -0.5;
        real mean, rstd, rmean = 0, rvar = 1;
        double mu = 0, var = 0, worst_shift = 0, worst_scale = 0, moved = 0;
        for (int i = 0; i < M; i++) {
            x[i] = 3 + 0.01 * rng_normal(&rng);
            shifted[i] = x[i] + 5;
            scaled[i] = 3 * x[i];
            mu += x[i] / M;
        }
        for (int i = 0; i < M; i++)
            var += (x[i] - mu) * (x[i] - mu) / M;
        bn_forward(y, x, &gamma, &beta, &mean, &rstd, &rmean, &rvar, 2, 1, 3, 3, MODE_TRAIN);
        bn_forward(y_shifted, shifted, &gamma, &beta, &mean, &rstd, &rmean, &rvar, 2, 1, 3, 3, MODE_TRAIN);
        bn_forward(y_scaled, scaled, &gamma, &beta, &mean, &rstd, &rmean, &rvar, 2, 1, 3, 3, MODE_TRAIN);
        for (int i = 0; i < M; i++) {
            double want = gamma * (x[i] - mu) / sqrt(var + BN_EPS / 9) + beta;
            worst_shift = fmax(worst_shift, fabs(y_shifted[i] - y[i]));
            worst_scale = fmax(worst_scale, fabs(y_scaled[i] - want));
            moved = fmax(moved, fabs(y_scaled[i] - y[i]));
        }
        tap_ok(worst_shift < 1e-10, "inputs shifted by 5: outputs unchanged (max difference %.1e)", worst_shift);
        tap_ok(worst_scale < 1e-10 && moved > 1e-3,
               "inputs scaled by 3: outputs are those with eps/9 (max difference %.1e), and they moved by up to %.3f (eps/var = %.2f)",
               worst_scale, moved, BN_EPS / var);
    #line 177 "book/95c-solutions-bn-loss.nw"
    }
    #line 229 "book/95c-solutions-bn-loss.nw"
    {
        #line 233 "book/95c-solutions-bn-loss.nw"
        enum { N = 2, C = 3, H = 6, W = 6, K = 4, R = 3 };
        size_t nin = (size_t)N * C * H * W, nw = (size_t)K * C * R * R, nout = (size_t)N * K * H * W;
        real *in = gc_normal(nin, &rng), *w = gc_normal(nw, &rng), *folded = gc_zeros(nw);
        real *conv = gc_zeros(nout), *y = gc_zeros(nout), *y_folded = gc_zeros(nout);
        real gamma[K], beta[K], mean[K], rstd[K], rmean[K], rvar[K], bias[K];
        for (int k = 0; k < K; k++) {
            gamma[k] = rng_normal(&rng);
            beta[k] = rng_normal(&rng);
            rmean[k] = rng_normal(&rng);
            rvar[k] = 0.1 + 4 * rng_uniform(&rng);
        }
        conv2d_forward(conv, in, w, N, C, H, W, K, R, 1);
        bn_forward(y, conv, gamma, beta, mean, rstd, rmean, rvar, N, K, H, W, MODE_EVAL);
        #line 259 "book/95c-solutions-bn-loss.nw"
        for (int k = 0; k < K; k++) {
            double s = 1 / sqrt(rvar[k] + BN_EPS);
            for (size_t j = 0; j < (size_t)C * R * R; j++)
                folded[(size_t)k * C * R * R + j] = gamma[k] * s * w[(size_t)k * C * R * R + j];
            bias[k] = beta[k] - gamma[k] * s * rmean[k];
        }
        #line 247 "book/95c-solutions-bn-loss.nw"
        conv2d_forward(y_folded, in, folded, N, C, H, W, K, R, 1);
        double worst = 0, size = 0;
        for (size_t i = 0; i < nout; i++) {
            y_folded[i] += bias[(i / ((size_t)H * W)) % K];
            worst = fmax(worst, fabs(y_folded[i] - y[i]));
            size = fmax(size, fabs(y[i]));
        }
        tap_ok(worst <= 1e-12 * size, "conv then eval-mode batch norm = one conv with w' = gamma s w, b' = beta - gamma s mu (max difference %.1e of %.2f)", worst, size);
        free(in), free(w), free(folded), free(conv), free(y), free(y_folded);
    #line 231 "book/95c-solutions-bn-loss.nw"
    }
    #line 326 "book/95c-solutions-bn-loss.nw"
    {
        #line 330 "book/95c-solutions-bn-loss.nw"
        BnCase t = {.N = 2, .C = 3, .H = 2, .W = 3};
        size_t n = (size_t)t.N * t.C * t.H * t.W;
        t.in = gc_normal(n, &rng), t.out = gc_zeros(n), t.r = gc_normal(n, &rng);
        t.gamma = gc_normal(t.C, &rng), t.beta = gc_normal(t.C, &rng), t.rmean = gc_zeros(t.C);
        t.mean = gc_zeros(t.C), t.rstd = gc_zeros(t.C), t.rvar = gc_zeros(t.C);
        for (int c = 0; c < t.C; c++)
            t.rvar[c] = 1;
        for (int step = 0; step < 3; step++)
            bn_loss(&t);
        real *din = gc_zeros(n), *dgamma = gc_zeros(t.C), *dbeta = gc_zeros(t.C);
        eval_loss(&t);
        bn_backward_eval(din, dgamma, dbeta, t.r, t.in, t.gamma, t.mean, t.rstd, t.N, t.C, t.H, t.W);
        gc_check("batch norm (evaluation): dL/din", eval_loss, &t, t.in, din, n);
        gc_check("batch norm (evaluation): dL/dgamma", eval_loss, &t, t.gamma, dgamma, t.C);
        gc_check("batch norm (evaluation): dL/dbeta", eval_loss, &t, t.beta, dbeta, t.C);
        free(t.in), free(t.out), free(t.r), free(t.gamma), free(t.beta), free(t.rmean);
        free(t.mean), free(t.rstd), free(t.rvar), free(din), free(dgamma), free(dbeta);
    #line 328 "book/95c-solutions-bn-loss.nw"
    }
    #line 18 "book/95c-solutions-bn-loss.nw"
    return tap_done();
}
