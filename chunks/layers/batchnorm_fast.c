#line 406 "book/31-fast-step.nw"
#include <math.h>
#include <omp.h>
#include "layers/batchnorm.h"
#include "layers/batchnorm_fast.h"
#include "layers/pool.h"
#include "base/check.h"
#line 76 "book/31-fast-step.nw"
#if defined(__x86_64__)
#define BN_TARGETS __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define BN_TARGETS
#endif
#line 738 "book/31-fast-step.nw"
typedef struct {
    const float *dact;     /* (N,C,H,W): the gradient of act, or NULL, and then it comes from */
    const float *dpool;    /* (N,C,H/2,W/2): the gradient of the 2x2 max-pool that reads act */
    const int *argmax;     /* (N,C,H/2,W/2): that max-pool's argmax */
    float *scratch;        /* N*H*W floats for each thread, where the channel's gradient is made */
    int H, W;
} ActGradient;

static void make_act_gradient(float *buf, ActGradient grad, int N, int C, int c)
{
    /* if act's gradient comes from the max-pool: buf (N,H,W) = its channel c */
    size_t HW = (size_t)grad.H * grad.W;
    if (grad.dact == NULL)
        for (int n = 0; n < N; n++)
            maxpool_backward_plane(buf + n * HW, grad.dpool, grad.argmax, (size_t)n * C + c, grad.H, grad.W);
}

static const float *act_gradient(const float *buf, ActGradient grad, int n, int C, int c, size_t HW)
{
    /* -> image n's plane of channel c of act's gradient (HW floats) */
    return grad.dact != NULL ? grad.dact + ((size_t)n * C + c) * HW : buf + n * HW;
}

static void bn_relu_backward_from(float *din, float *dgamma, float *dbeta, ActGradient grad, const float *in,
                                  const float *gamma, const float *beta, const float *mean, const float *rstd,
                                  int N, int C, int H, int W);
#line 82 "book/31-fast-step.nw"
BN_TARGETS __attribute__((noinline))
void bn_plane_statistics(float *mq, const float *x, size_t HW)
{
    /* x (HW) -> mq[0] = mean, mq[1] = sum of squared deviations, in float */
    #line 109 "book/31-fast-step.nw"
    float s = 0, q = 0;
    #pragma omp simd reduction(+ : s)
    for (size_t i = 0; i < HW; i++)
        s += x[i];
    float m = s / HW;
    #pragma omp simd reduction(+ : q)
    for (size_t i = 0; i < HW; i++)
        q += (x[i] - m) * (x[i] - m);
    #line 87 "book/31-fast-step.nw"
    mq[0] = m, mq[1] = q;
}

static void channel_statistics(double *mu, double *var, const float *in, const float *planes,
                               int N, int C, int c, size_t HW)
{
    double mean = 0, Q = 0, count = 0;
    for (int n = 0; n < N; n++) {
        float mq[2];
        if (planes != NULL)
            mq[0] = planes[((size_t)n * C + c) * 2], mq[1] = planes[((size_t)n * C + c) * 2 + 1];
        else
            bn_plane_statistics(mq, in + ((size_t)n * C + c) * HW, HW);
        float m = mq[0], q = mq[1];
        #line 120 "book/31-fast-step.nw"
        double n_new = count + HW, delta = (double)m - mean;
        mean += delta * HW / n_new;
        Q += q + delta * delta * count * HW / n_new;
        count = n_new;
    #line 102 "book/31-fast-step.nw"
    }
    *mu = mean;
    *var = Q / count;
}
#line 127 "book/31-fast-step.nw"
BN_TARGETS
static void normalise_channel(float *act, const float *in, int N, int C, int c, size_t HW,
                              float m, float scale, float shift)
{
    #line 136 "book/31-fast-step.nw"
    for (int n = 0; n < N; n++) {
        const float *x = in + ((size_t)n * C + c) * HW;
        float *y = act + ((size_t)n * C + c) * HW;
        #pragma omp simd
        for (size_t i = 0; i < HW; i++) {
            float v = (x[i] - m) * scale + shift;
            y[i] = v > 0 ? v : 0;
        }
    }
#line 132 "book/31-fast-step.nw"
}
#line 177 "book/31-fast-step.nw"
void bn_relu_forward_fast(float *act, const float *in, const float *planes, const float *gamma,
                          const float *beta, float *mean, float *rstd, float *running_mean, float *running_var,
                          int N, int C, int H, int W, Mode mode)
{
    /* in (N,C,H,W), planes NULL or (N,C,2), gamma, beta (C) -> act = relu(bn(in)) (N,C,H,W); saves mean, rstd (C) */
    CHECK(act != NULL);
    #line 134 "book/22-batchnorm.nw"
    CHECK(in != NULL && gamma != NULL && beta != NULL);
    CHECK(mean != NULL && rstd != NULL && running_mean != NULL && running_var != NULL);
    CHECK(N > 0 && C > 0 && H > 0 && W > 0);
    size_t HW = (size_t)H * W, M = (size_t)N * HW;
    CHECK(mode == MODE_EVAL || M > 1);
    #line 184 "book/31-fast-step.nw"
    #pragma omp parallel for schedule(static)
    for (int c = 0; c < C; c++) {
        if (mode == MODE_TRAIN) {
            double mu, var;
            channel_statistics(&mu, &var, in, planes, N, C, c, HW);
            mean[c] = (float)mu;
            rstd[c] = (float)(1 / sqrt(var + BN_EPS));
            #line 168 "book/22-batchnorm.nw"
            running_mean[c] = (real)((1 - BN_MOMENTUM) * running_mean[c] + BN_MOMENTUM * mu);
            running_var[c] = (real)((1 - BN_MOMENTUM) * running_var[c] + BN_MOMENTUM * var * M / (M - 1));
        #line 192 "book/31-fast-step.nw"
        } else {
            #line 173 "book/22-batchnorm.nw"
            mean[c] = running_mean[c];
            rstd[c] = (real)(1 / sqrt(running_var[c] + BN_EPS));
        #line 194 "book/31-fast-step.nw"
        }
        normalise_channel(act, in, N, C, c, HW, mean[c], gamma[c] * rstd[c], beta[c]);
    }
}
#line 285 "book/31-fast-step.nw"
BN_TARGETS
static void channel_gradient_sums(double *sum_dy, double *sum_dy_xc, ActGradient grad, float *buf,
                                  const float *in, int N, int C, int c, size_t HW, float m, float scale,
                                  float shift)
{
    #line 295 "book/31-fast-step.nw"
    *sum_dy = 0, *sum_dy_xc = 0;
    for (int n = 0; n < N; n++) {
        size_t plane = ((size_t)n * C + c) * HW;
        const float *x = in + plane, *g = act_gradient(buf, grad, n, C, c, HW);
        float s = 0, sx = 0;
        #pragma omp simd reduction(+ : s, sx)
        for (size_t i = 0; i < HW; i++) {
            float gi = g[i], dy = (x[i] - m) * scale + shift > 0 ? gi : 0;
            s += dy;
            sx += dy * (x[i] - m);
        }
        *sum_dy += s, *sum_dy_xc += sx;
    }
#line 291 "book/31-fast-step.nw"
}
#line 311 "book/31-fast-step.nw"
BN_TARGETS
static void channel_input_gradient(float *din, ActGradient grad, float *buf, const float *in, int N, int C,
                                   int c, size_t HW, float m, float scale, float shift, float k1, float k2,
                                   float k3)
{
    #line 321 "book/31-fast-step.nw"
    for (int n = 0; n < N; n++) {
        size_t plane = ((size_t)n * C + c) * HW;
        const float *x = in + plane, *g = act_gradient(buf, grad, n, C, c, HW);
        float *dx = din + plane;
        #pragma omp simd
        for (size_t i = 0; i < HW; i++) {
            float gi = g[i], dy = (x[i] - m) * scale + shift > 0 ? gi : 0;
            dx[i] = k1 * dy - k2 - k3 * (x[i] - m);
        }
    }
#line 317 "book/31-fast-step.nw"
}
#line 355 "book/31-fast-step.nw"
void bn_relu_backward_fast(float *din, float *dgamma, float *dbeta, const float *dact, const float *in,
                           const float *gamma, const float *beta, const float *mean, const float *rstd,
                           int N, int C, int H, int W)
{
    /* dact, in (N,C,H,W); gamma, beta, mean, rstd (C) -> din = (N,C,H,W); dgamma, dbeta += (C) */
    CHECK(dact != NULL);
    bn_relu_backward_from(din, dgamma, dbeta, (ActGradient){dact, NULL, NULL, NULL, H, W}, in, gamma, beta, mean,
                          rstd, N, C, H, W);
}

static void bn_relu_backward_from(float *din, float *dgamma, float *dbeta, ActGradient grad, const float *in,
                                  const float *gamma, const float *beta, const float *mean, const float *rstd,
                                  int N, int C, int H, int W)
{
    CHECK(beta != NULL);
    #line 358 "book/22-batchnorm.nw"
    CHECK(din != NULL && dgamma != NULL && dbeta != NULL && in != NULL);
    CHECK(gamma != NULL && mean != NULL && rstd != NULL);
    CHECK(N > 0 && C > 0 && H > 0 && W > 0);
    size_t HW = (size_t)H * W, M = (size_t)N * HW;
    #line 371 "book/31-fast-step.nw"
    #pragma omp parallel
    {
        float *buf = grad.dact == NULL ? grad.scratch + (size_t)omp_get_thread_num() * M : NULL;
        #pragma omp for schedule(static)
        for (int c = 0; c < C; c++) {
            double sum_dy, sum_dy_xc;
            float scale = gamma[c] * rstd[c];
            make_act_gradient(buf, grad, N, C, c);
            channel_gradient_sums(&sum_dy, &sum_dy_xc, grad, buf, in, N, C, c, HW, mean[c], scale, beta[c]);
            double sum_dy_xhat = sum_dy_xc * rstd[c], gs = gamma[c] * (double)rstd[c];
            dbeta[c] += (float)sum_dy;
            dgamma[c] += (float)sum_dy_xhat;
            channel_input_gradient(din, grad, buf, in, N, C, c, HW, mean[c], scale, beta[c], (float)gs,
                                   (float)(gs * sum_dy / M), (float)(gs * rstd[c] * sum_dy_xhat / M));
        }
    }
}
#line 780 "book/31-fast-step.nw"
void bn_relu_pool_backward_fast(float *din, float *dgamma, float *dbeta, const float *dpool, const int *argmax,
                                const float *in, const float *gamma, const float *beta, const float *mean,
                                const float *rstd, float *scratch, int N, int C, int H, int W)
{
    CHECK(dpool != NULL && argmax != NULL && scratch != NULL && H % 2 == 0 && W % 2 == 0);
    bn_relu_backward_from(din, dgamma, dbeta, (ActGradient){NULL, dpool, argmax, scratch, H, W}, in, gamma,
                          beta, mean, rstd, N, C, H, W);
}

size_t bn_relu_pool_scratch_size(int N, int H, int W)
{
    return (size_t)omp_get_max_threads() * N * H * W;
}
