#line 457 "book/22-batchnorm.nw"
#include <stdio.h>
#include "layers/batchnorm.h"
#line 479 "book/22-batchnorm.nw"
static void put(const char *prefix, const char *name, int i, double v)
{
    if (i < 0)
        printf("%s.%s %g\n", prefix, name, v);
    else
        printf("%s.%s.%d %g\n", prefix, name, i, v);
}

#line 461 "book/22-batchnorm.nw"
int main(void)
{
    enum { N = 1, C = 1, H = 2, W = 2, M = N * H * W };
    real x[M] = {1, 2, 3, 10}, g[M] = {0.5f, -1, 1.5f, 0.25f}, gamma = 2, beta = 0.5f;
    real y[M], mean, rstd, running_mean = 0, running_var = 1;
    real dx[M] = {0}, dgamma = 0, dbeta = 0;
    bn_forward(y, x, &gamma, &beta, &mean, &rstd, &running_mean, &running_var, N, C, H, W, MODE_TRAIN);
    bn_backward(dx, &dgamma, &dbeta, g, x, &gamma, &mean, &rstd, N, C, H, W);
    #line 494 "book/22-batchnorm.nw"
    double var = 0, L = 0;
    for (int i = 0; i < M; i++)
        var += ((double)x[i] - mean) * ((double)x[i] - mean) / M;
    put("worked.bn", "gamma", -1, gamma);
    put("worked.bn", "beta", -1, beta);
    put("worked.bn", "mean", -1, mean);
    put("worked.bn", "var", -1, var);
    put("worked.bn", "rstd", -1, rstd);
    for (int i = 0; i < M; i++) {
        put("worked.bn", "x", i, x[i]);
        put("worked.bn", "g", i, g[i]);
        put("worked.bn", "xhat", i, (x[i] - mean) * rstd);
        put("worked.bn", "y", i, y[i]);
        L += (double)g[i] * y[i];
    }
    put("worked.bn", "L", -1, L);
    #line 522 "book/22-batchnorm.nw"
    double ds = 0, dmean = 0, sum_dx = 0, sum_xhat_dx = 0, s = rstd;
    for (int i = 0; i < M; i++) {
        double dxhat = (double)gamma * g[i];
        ds += dxhat * (x[i] - mean);
        dmean += -s * dxhat;
    }
    double dvar = -s * s * s / 2 * ds;
    put("worked.bn", "ds", -1, ds);
    put("worked.bn", "dvar", -1, dvar);
    put("worked.bn", "dmean", -1, dmean);
    put("worked.bn", "path.mean", -1, dmean / M);
    for (int i = 0; i < M; i++) {
        put("worked.bn", "dxhat", i, (double)gamma * g[i]);
        put("worked.bn", "path.xhat", i, s * gamma * g[i]);
        put("worked.bn", "path.var", i, 2 * (x[i] - mean) / M * dvar);
        put("worked.bn", "dx", i, dx[i]);
        sum_dx += dx[i];
        sum_xhat_dx += (double)(x[i] - mean) * rstd * dx[i];
    }
    put("worked.bn", "dgamma", -1, dgamma);
    put("worked.bn", "dbeta", -1, dbeta);
    put("worked.bn", "sum_dx", -1, sum_dx);
    put("worked.bn", "sum_xhat_dx", -1, sum_xhat_dx);
    #line 471 "book/22-batchnorm.nw"
    return 0;
}
