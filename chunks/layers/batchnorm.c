#line 32 "book/22-batchnorm.nw"
#include <math.h>
#include "layers/batchnorm.h"
#include "base/check.h"
#line 81 "book/22-batchnorm.nw"
void bn_init(real *gamma, real *beta, real *running_mean, real *running_var, int C)
{
    /* gamma, beta, running_mean, running_var (C) */
    CHECK(gamma != NULL && beta != NULL && running_mean != NULL && running_var != NULL && C > 0);
    for (int c = 0; c < C; c++) {
        gamma[c] = 1;
        beta[c] = 0;
        running_mean[c] = 0;
        running_var[c] = 1;
    }
}
#line 109 "book/22-batchnorm.nw"
void bn_forward(real *out, const real *in, const real *gamma, const real *beta,
                real *mean, real *rstd, real *running_mean, real *running_var,
                int N, int C, int H, int W, Mode mode)
{
    /* in (N,C,H,W), gamma, beta (C) -> out (N,C,H,W); saves mean, rstd (C); updates running_mean, running_var (C) */
    CHECK(out != NULL);
    #line 134 "book/22-batchnorm.nw"
    CHECK(in != NULL && gamma != NULL && beta != NULL);
    CHECK(mean != NULL && rstd != NULL && running_mean != NULL && running_var != NULL);
    CHECK(N > 0 && C > 0 && H > 0 && W > 0);
    size_t HW = (size_t)H * W, M = (size_t)N * HW;
    CHECK(mode == MODE_EVAL || M > 1);
    #line 116 "book/22-batchnorm.nw"
    #pragma omp parallel for schedule(static)
    for (int c = 0; c < C; c++) {
        if (mode == MODE_TRAIN) {
            #line 150 "book/22-batchnorm.nw"
            double sum = 0, sumsq = 0;
            for (int n = 0; n < N; n++) {
                const real *x = in + ((size_t)n * C + c) * HW;
                for (size_t i = 0; i < HW; i++)
                    sum += x[i];
            }
            double mu = sum / M;
            for (int n = 0; n < N; n++) {
                const real *x = in + ((size_t)n * C + c) * HW;
                for (size_t i = 0; i < HW; i++)
                    sumsq += (x[i] - mu) * (x[i] - mu);
            }
            double var = sumsq / M;
            mean[c] = (real)mu;
            rstd[c] = (real)(1 / sqrt(var + BN_EPS));
            #line 168 "book/22-batchnorm.nw"
            running_mean[c] = (real)((1 - BN_MOMENTUM) * running_mean[c] + BN_MOMENTUM * mu);
            running_var[c] = (real)((1 - BN_MOMENTUM) * running_var[c] + BN_MOMENTUM * var * M / (M - 1));
        #line 121 "book/22-batchnorm.nw"
        } else {
            #line 173 "book/22-batchnorm.nw"
            mean[c] = running_mean[c];
            rstd[c] = (real)(1 / sqrt(running_var[c] + BN_EPS));
        #line 123 "book/22-batchnorm.nw"
        }
        #line 182 "book/22-batchnorm.nw"
        for (int n = 0; n < N; n++) {
            const real *x = in + ((size_t)n * C + c) * HW;
            real *y = out + ((size_t)n * C + c) * HW;
            for (size_t i = 0; i < HW; i++)
                y[i] = gamma[c] * (x[i] - mean[c]) * rstd[c] + beta[c];
        }
    #line 125 "book/22-batchnorm.nw"
    }
}
#line 340 "book/22-batchnorm.nw"
void bn_backward(real *din, real *dgamma, real *dbeta, const real *dout, const real *in,
                 const real *gamma, const real *mean, const real *rstd,
                 int N, int C, int H, int W)
{
    /* dout, in (N,C,H,W); gamma, mean, rstd (C) -> din += (N,C,H,W); dgamma, dbeta += (C) */
    CHECK(dout != NULL);
    #line 358 "book/22-batchnorm.nw"
    CHECK(din != NULL && dgamma != NULL && dbeta != NULL && in != NULL);
    CHECK(gamma != NULL && mean != NULL && rstd != NULL);
    CHECK(N > 0 && C > 0 && H > 0 && W > 0);
    size_t HW = (size_t)H * W, M = (size_t)N * HW;
    #line 347 "book/22-batchnorm.nw"
    #pragma omp parallel for schedule(static)
    for (int c = 0; c < C; c++) {
        #line 298 "book/22-batchnorm.nw"
        double sum_dy = 0, sum_dy_xhat = 0;
        for (int n = 0; n < N; n++) {
            const real *x = in + ((size_t)n * C + c) * HW;
            const real *dy = dout + ((size_t)n * C + c) * HW;
            for (size_t i = 0; i < HW; i++) {
                double xhat = (x[i] - mean[c]) * rstd[c];
                sum_dy += dy[i];
                sum_dy_xhat += dy[i] * xhat;
            }
        }
        #line 350 "book/22-batchnorm.nw"
        dbeta[c] += (real)sum_dy;
        dgamma[c] += (real)sum_dy_xhat;
        #line 311 "book/22-batchnorm.nw"
        double sum_dxhat = gamma[c] * sum_dy, sum_dxhat_xhat = gamma[c] * sum_dy_xhat;
        double rstd_over_M = (double)rstd[c] / M;
        for (int n = 0; n < N; n++) {
            const real *x = in + ((size_t)n * C + c) * HW;
            const real *dy = dout + ((size_t)n * C + c) * HW;
            real *dx = din + ((size_t)n * C + c) * HW;
            for (size_t i = 0; i < HW; i++) {
                double xhat = (x[i] - mean[c]) * rstd[c];
                double dxhat = gamma[c] * dy[i];
                dx[i] += (real)(rstd_over_M * (M * dxhat - sum_dxhat - xhat * sum_dxhat_xhat));
            }
        }
    #line 353 "book/22-batchnorm.nw"
    }
}
