#line 837 "book/31-fast-step.nw"
#include <math.h>
#include <omp.h>
#include "layers/batchnorm_fast.h"
#include "layers/conv.h"
#include "layers/conv_fast.h"
#include "layers/pool.h"
#include "float-check.h"
#line 861 "book/31-fast-step.nw"
static float *nan_array(size_t n)
{
    float *x = xmalloc(n * sizeof *x);
    for (size_t i = 0; i < n; i++)
        x[i] = NAN;
    return x;
}

static float *zero_array(size_t n)
{
    float *x = xmalloc(n * sizeof *x);
    memset(x, 0, n * sizeof *x);
    return x;
}

static int same_bits(const void *a, const void *b, size_t bytes)
{
    return memcmp(a, b, bytes) == 0;
}
#line 883 "book/31-fast-step.nw"
static void pool_case(Rng *rng, int N, int C, int H, int W)
{
    size_t n_in = (size_t)N * C * H * W, n_out = n_in / 4;
    float *in = xmalloc(n_in * sizeof *in), *g = fc_normal(n_out, rng);
    for (size_t i = 0; i < n_in; i++)
        in[i] = (float)rng_below(rng, 4) - 1.5f;
    float *out = xmalloc(n_out * sizeof *out), *out_rows = nan_array(n_out);
    int *am = xmalloc(n_out * sizeof *am), *am_rows = xmalloc(n_out * sizeof *am_rows);
    maxpool_forward(out, am, in, N, C, H, W);
    maxpool_forward_rows(out_rows, am_rows, in, N, C, H, W);
    tap_ok(same_bits(out, out_rows, n_out * sizeof *out) && same_bits(am, am_rows, n_out * sizeof *am),
           "max-pool %dx%dx%dx%d with ties: the row kernel's outputs and argmax are the plain kernel's", N, C, H, W);
    float *din = zero_array(n_in), *din_over = nan_array(n_in);
    maxpool_backward(din, g, am, N, C, H, W);
    maxpool_backward_overwrite(din_over, g, am, N, C, H, W);
    tap_ok(same_bits(din, din_over, n_in * sizeof *din),
           "max-pool %dx%dx%dx%d: backward written over NaN equals adding into zeros, bit for bit", N, C, H, W);
    free(in); free(g); free(out); free(out_rows); free(am); free(am_rows); free(din); free(din_over);
}
#line 905 "book/31-fast-step.nw"
static void data_case(Rng *rng, int N, int C, int H, int W, int K, int R, int pad)
{
    int Ho = H + 2 * pad - R + 1, Wo = W + 2 * pad - R + 1;
    size_t n_in = (size_t)N * C * H * W, n_w = (size_t)K * C * R * R, n_out = (size_t)N * K * Ho * Wo;
    float *w = fc_normal(n_w, rng), *g = fc_normal(n_out, rng);
    float *din = zero_array(n_in), *din_over = nan_array(n_in);
    ConvWork work = {0};
    conv_work_reserve(&work, conv_work_size(N, C, H, W, K, R, pad));
    conv2d_backward_data_fast(din, g, w, N, C, H, W, K, R, pad, 0, &work);
    conv2d_backward_data_fast(din_over, g, w, N, C, H, W, K, R, pad, 1, &work);
    tap_ok(same_bits(din, din_over, n_in * sizeof *din),
           "conv %dx%d pad %d: the input gradient written over NaN equals adding into zeros, bit for bit", R, R, pad);
    conv_work_free(&work);
    free(w); free(g); free(din); free(din_over);
}
#line 930 "book/31-fast-step.nw"
static void pool_bn_case(Rng *rng, int N, int C, int H, int W)
{
    size_t n = (size_t)N * C * H * W, n_out = n / 4;
    float *in = fc_normal(n, rng), *gamma = fc_normal(C, rng), *beta = fc_normal(C, rng);
    float *dpool = fc_normal(n_out, rng), *act = xmalloc(n * sizeof *act), *pooled = xmalloc(n_out * sizeof *pooled);
    float *mean = xmalloc(C * sizeof *mean), *rstd = xmalloc(C * sizeof *rstd);
    float *rmean = zero_array(C), *rvar = zero_array(C);
    int *argmax = xmalloc(n_out * sizeof *argmax);
    bn_relu_forward_fast(act, in, NULL, gamma, beta, mean, rstd, rmean, rvar, N, C, H, W, MODE_TRAIN);
    maxpool_forward_rows(pooled, argmax, act, N, C, H, W);
    float *dact = nan_array(n), *din = nan_array(n), *dg = zero_array(C), *db = zero_array(C);
    maxpool_backward_overwrite(dact, dpool, argmax, N, C, H, W);
    bn_relu_backward_fast(din, dg, db, dact, in, gamma, beta, mean, rstd, N, C, H, W);
    int threads_before = omp_get_max_threads();
    for (int threads = 2; threads >= 1; threads--) {
        float *din_f = nan_array(n), *dg_f = zero_array(C), *db_f = zero_array(C);
        omp_set_num_threads(threads);
        float *scratch = nan_array(bn_relu_pool_scratch_size(N, H, W));
        bn_relu_pool_backward_fast(din_f, dg_f, db_f, dpool, argmax, in, gamma, beta, mean, rstd, scratch,
                                   N, C, H, W);
        free(scratch);
        tap_ok(same_bits(din, din_f, n * sizeof *din) && same_bits(dg, dg_f, C * sizeof *dg)
               && same_bits(db, db_f, C * sizeof *db),
               "batch norm %dx%dx%dx%d taking the max-pool's gradient plane by plane, %d thread%s: "
               "the bits of the pool's backward then the batch norm's", N, C, H, W, threads, threads > 1 ? "s" : "");
        free(din_f); free(dg_f); free(db_f);
    }
    omp_set_num_threads(threads_before);
    free(in); free(gamma); free(beta); free(dpool); free(act); free(pooled); free(mean); free(rstd);
    free(rmean); free(rvar); free(argmax); free(dact); free(din); free(dg); free(db);
}

#line 846 "book/31-fast-step.nw"
int main(void)
{
    Rng rng;
    rng_seed(&rng, 31);
    pool_case(&rng, 3, 5, 8, 6);
    pool_case(&rng, 2, 16, 24, 24);
    data_case(&rng, 5, 3, 9, 7, 4, 3, 1);
    data_case(&rng, 5, 8, 6, 6, 4, 1, 0);
    pool_bn_case(&rng, 3, 5, 8, 6);
    pool_bn_case(&rng, 4, 32, 24, 24);
    return tap_done();
}
