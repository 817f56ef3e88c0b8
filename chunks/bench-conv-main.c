#line 1167 "book/30-fast-conv.nw"
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include "check.h"
#include "conv.h"
#include "conv_fast.h"
#include "gemm.h"
#include "rng.h"
#line 1198 "book/30-fast-conv.nw"
static float *bench_normal(size_t n, Rng *rng)
{
    float *x = malloc(n * sizeof *x);
    CHECK(x != NULL);
    for (size_t i = 0; i < n; i++)
        x[i] = (float)rng_normal(rng);
    return x;
}

#line 1177 "book/30-fast-conv.nw"
int main(void)
{
    
#line 1187 "book/30-fast-conv.nw"
enum { N = 128, C = 16, H = 26, W = 26, K = 32, R = 3, PAD = 0 };
int Ho = H + 2 * PAD - R + 1, Wo = W + 2 * PAD - R + 1;
size_t n_in = (size_t)N * C * H * W, n_w = (size_t)K * C * R * R, n_out = (size_t)N * K * Ho * Wo;
Rng rng;
rng_seed(&rng, 30);
float *in = bench_normal(n_in, &rng), *w = bench_normal(n_w, &rng), *dout = bench_normal(n_out, &rng);
float *out = bench_normal(n_out, &rng), *din = bench_normal(n_in, &rng), *dw = bench_normal(n_w, &rng);
double flops = 3 * 2.0 * N * K * C * R * R * Ho * Wo;
#line 1180 "book/30-fast-conv.nw"
    
#line 1214 "book/30-fast-conv.nw"
ConvWork work = {0};
conv_work_reserve(&work, conv_work_size(N, C, H, W, K, R, PAD));
double t_ref = 1e30, t_fast = 1e30;
for (int rep = 0; rep < 3; rep++) {
    double t0 = omp_get_wtime();
    conv2d_forward(out, in, w, N, C, H, W, K, R, PAD);
    conv2d_backward(din, dw, dout, in, w, N, C, H, W, K, R, PAD);
    double t1 = omp_get_wtime();
    t_ref = t1 - t0 < t_ref ? t1 - t0 : t_ref;
}
#line 1227 "book/30-fast-conv.nw"
double t_fwd = 1e30, t_bwd = 1e30;
for (int rep = 0; rep < 10; rep++) {
    double t0 = omp_get_wtime();
    conv2d_forward_fast(out, in, w, N, C, H, W, K, R, PAD, &work);
    double t1 = omp_get_wtime();
    conv2d_backward_fast(din, dw, dout, in, w, N, C, H, W, K, R, PAD, &work);
    double t2 = omp_get_wtime();
    t_fast = t2 - t0 < t_fast ? t2 - t0 : t_fast;
    t_fwd = t1 - t0 < t_fwd ? t1 - t0 : t_fwd;
    t_bwd = t2 - t1 < t_bwd ? t2 - t1 : t_bwd;
}
printf("conv %dx%d, N=%d, %d->%d channels, %dx%d maps, %d threads, forward+backward %.2f GFLOP\n",
       R, R, N, C, K, H, W, omp_get_max_threads(), flops * 1e-9);
printf("reference  %8.2f ms  %7.1f GFLOP/s\n", t_ref * 1e3, flops / t_ref * 1e-9);
printf("fast       %8.2f ms  %7.1f GFLOP/s\n", t_fast * 1e3, flops / t_fast * 1e-9);
printf("  forward  %8.2f ms  %7.1f GFLOP/s\n", t_fwd * 1e3, flops / 3 / t_fwd * 1e-9);
printf("  backward %8.2f ms  %7.1f GFLOP/s\n", t_bwd * 1e3, flops * 2 / 3 / t_bwd * 1e-9);
printf("speed-up   %8.1fx\n", t_ref / t_fast);
#line 1181 "book/30-fast-conv.nw"
    
#line 1248 "book/30-fast-conv.nw"
enum { S = 512 };
float *a = bench_normal((size_t)S * S, &rng), *b = bench_normal((size_t)S * S, &rng);
float *c = bench_normal((size_t)S * S, &rng), *pack = malloc(gemm_pack_size(S, S, S) * sizeof *pack);
CHECK(pack != NULL);
double t_gemm = 1e30;
for (int rep = 0; rep < 5; rep++) {
    double t0 = omp_get_wtime();
    gemm(c, a, b, S, S, S, S, S, S, 0, pack);
    double t1 = omp_get_wtime();
    t_gemm = t1 - t0 < t_gemm ? t1 - t0 : t_gemm;
}
printf("gemm %dx%dx%d, one thread: %.1f GFLOP/s\n", S, S, S, 2.0 * S * S * S / t_gemm * 1e-9);
free(in); free(w); free(dout); free(out); free(din); free(dw);
free(a); free(b); free(c); free(pack);
conv_work_free(&work);
#line 1182 "book/30-fast-conv.nw"
    return 0;
}
