#line 724 "book/22-batchnorm.nw"
#include <stdlib.h>
#include "layers/batchnorm.h"
#include "base/check.h"
#include "base/rng.h"
#include "tap.h"
#define TOL 1e-4  /* times the size S of the terms summed: above M * 2^-24 for M = 36 */
#line 734 "book/22-batchnorm.nw"
int main(void)
{
    enum { N = 3, C = 2, H = 3, W = 4, HW = H * W, M = N * HW };
    static const double spread[C] = {2, 0.01};
    Rng rng;
    rng_seed(&rng, 2026);
    size_t n = (size_t)N * C * HW;
    real *in = xcalloc(n, sizeof *in), *g = xcalloc(n, sizeof *g);
    real *out = xcalloc(n, sizeof *out), *din = xcalloc(n, sizeof *din);
    for (size_t i = 0; i < n; i++)
        in[i] = rng_normal(&rng);
    for (size_t i = 0; i < n; i++)
        g[i] = rng_normal(&rng);
    real gamma[C], beta[C], mean[C], rstd[C], rmean[C] = {0, 0}, rvar[C] = {1, 1};
    real dgamma[C] = {0, 0}, dbeta[C] = {0, 0};
    for (int c = 0; c < C; c++) {
        gamma[c] = 1 + 0.5 * rng_normal(&rng);
        beta[c] = rng_normal(&rng);
        for (int k = 0; k < N; k++)
            for (int i = 0; i < HW; i++)
                in[((size_t)k * C + c) * HW + i] = 3 + spread[c] * in[((size_t)k * C + c) * HW + i];
    }
    bn_forward(out, in, gamma, beta, mean, rstd, rmean, rvar, N, C, H, W, MODE_TRAIN);
    bn_backward(din, dgamma, dbeta, g, in, gamma, mean, rstd, N, C, H, W);
    for (int c = 0; c < C; c++) {
        double xhat[M], dxhat[M], dx[M], s = rstd[c];
        #line 774 "book/22-batchnorm.nw"
        for (int k = 0; k < N; k++)
            for (int j = 0; j < HW; j++) {
                size_t at = ((size_t)k * C + c) * HW + j;
                xhat[k * HW + j] = (in[at] - mean[c]) * s;
                dxhat[k * HW + j] = gamma[c] * g[at];
                dx[k * HW + j] = din[at];
            }
        double sum_dxhat = 0, sum_xhat_dxhat = 0;
        for (int i = 0; i < M; i++) {
            sum_dxhat += dxhat[i];
            sum_xhat_dxhat += xhat[i] * dxhat[i];
        }
        #line 789 "book/22-batchnorm.nw"
        double size = 0, size_xhat = 0, sum_dx = 0, sum_xhat_dx = 0;
        for (int i = 0; i < M; i++) {
            double terms = s / M * (M * fabs(dxhat[i]) + fabs(sum_dxhat) + fabs(xhat[i] * sum_xhat_dxhat));
            size += terms;
            size_xhat += fabs(xhat[i]) * terms;
            sum_dx += dx[i];
            sum_xhat_dx += xhat[i] * dx[i];
        }
        double predicted = BN_EPS * s * s * s * sum_xhat_dxhat;
        tap_ok(fabs(sum_dx) <= TOL * size,
               "channel %d (spread %g): sum_i dL/dx_i = %.1e, zero next to the terms' size S = %.3g", c, spread[c], sum_dx, size);
        tap_ok(fabs(sum_xhat_dx - predicted) <= TOL * size_xhat,
               "channel %d (spread %g): sum_i xhat_i dL/dx_i = %.10e, predicted eps s^3 sum_i xhat_i dL/dxhat_i = %.10e (eps s^2 = %.1e)",
               c, spread[c], sum_xhat_dx, predicted, BN_EPS * s * s);
        #line 806 "book/22-batchnorm.nw"
        double worst = 0;
        for (int i = 0; i < M; i++) {
            double row = 0;
            for (int j = 0; j < M; j++)
                row += s / M * (M * (i == j) - 1 - xhat[i] * xhat[j]) * dxhat[j];
            worst = fmax(worst, fabs(row - dx[i]));
        }
        tap_ok(worst <= TOL * size, "channel %d: (s/M)(M I - 1 1^T - xhat xhat^T) dL/dxhat, a %dx%d matrix, is bn_backward's dL/dx (max difference %.1e)",
               c, M, M, worst);
    #line 763 "book/22-batchnorm.nw"
    }
    free(in), free(g), free(out), free(din);
    return tap_done();
}
