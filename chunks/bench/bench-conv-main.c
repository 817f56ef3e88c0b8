#line 728 "book/30a-im2col.nw"
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bench/bench.h"
#include "base/check.h"
#include "base/cli.h"
#include "layers/conv.h"
#include "layers/conv_fast.h"
#include "layers/gemm.h"
#include "base/rng.h"
#line 780 "book/30a-im2col.nw"
static float *bench_normal(size_t n, Rng *rng)
{
    float *x = xmalloc(n * sizeof *x);
    for (size_t i = 0; i < n; i++)
        x[i] = (float)rng_normal(rng);
    return x;
}

#line 741 "book/30a-im2col.nw"
int main(int argc, char **argv)
{
    #line 756 "book/30a-im2col.nw"
    cli_program = "bench-conv";
    const char *csv = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0) {
            printf("usage: bench-conv [--csv FILE]\n");
            return cli_finish_stdout(0);
        }
        if (!cli_flag(argc, argv, &i, "--csv", &csv))
            cli_usage_error("'%s' is not an option (--csv FILE)", argv[i]);
    }
    #line 769 "book/30a-im2col.nw"
    enum { N = 128, C = 16, H = 26, W = 26, K = 32, R = 3, PAD = 0 };
    int Ho = H + 2 * PAD - R + 1, Wo = W + 2 * PAD - R + 1;
    size_t n_in = (size_t)N * C * H * W, n_w = (size_t)K * C * R * R, n_out = (size_t)N * K * Ho * Wo;
    Rng rng;
    rng_seed(&rng, 30);
    float *in = bench_normal(n_in, &rng), *w = bench_normal(n_w, &rng), *dout = bench_normal(n_out, &rng);
    float *out = bench_normal(n_out, &rng), *din = bench_normal(n_in, &rng), *dw = bench_normal(n_w, &rng);
    double flops = 3 * 2.0 * N * K * C * R * R * Ho * Wo;
    #line 795 "book/30a-im2col.nw"
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
    #line 808 "book/30a-im2col.nw"
    double t_fwd = 1e30, t_bwd = 1e30;
    for (int rep = 0; rep < 10; rep++) {
        double t0 = omp_get_wtime();
        conv2d_forward_fast(out, NULL, in, w, N, C, H, W, K, R, PAD, &work);
        double t1 = omp_get_wtime();
        conv2d_backward_fast(din, dw, dout, in, w, N, C, H, W, K, R, PAD, &work);
        double t2 = omp_get_wtime();
        t_fast = t2 - t0 < t_fast ? t2 - t0 : t_fast;
        t_fwd = t1 - t0 < t_fwd ? t1 - t0 : t_fwd;
        t_bwd = t2 - t1 < t_bwd ? t2 - t1 : t_bwd;
    }
    #line 826 "book/30a-im2col.nw"
    double t_im2col = 1e30;
    for (int rep = 0; rep < 10; rep++) {
        double t0 = omp_get_wtime();
        conv2d_forward_im2col(out, in, w, N, C, H, W, K, R, PAD, &work);
        double t1 = omp_get_wtime();
        t_im2col = t1 - t0 < t_im2col ? t1 - t0 : t_im2col;
    }
    int T = omp_get_max_threads();
    BenchRow rows[] = {
        { .measure = "conv", .kernels = "plain", .threads = T, .unit = "gflop_s", .value = flops / t_ref * 1e-9 },
        { "conv",          "fast",   T, "gflop_s", flops / t_fast * 1e-9 },
        { "conv-forward",  "fast",   T, "gflop_s", flops / 3 / t_fwd * 1e-9 },
        { "conv-forward",  "im2col", T, "gflop_s", flops / 3 / t_im2col * 1e-9 },
        { "conv-backward", "fast",   T, "gflop_s", flops * 2 / 3 / t_bwd * 1e-9 },
        { "conv",          "fast",   T, "speedup", t_ref / t_fast },
        { "gemm-512",      "fast",   1, "gflop_s", 0 },
    };
    printf("bench-conv: conv %dx%d, N=%d, %d->%d channels, %dx%d maps, forward+backward %.2f GFLOP\n",
           R, R, N, C, K, H, W, flops * 1e-9);
    #line 848 "book/30a-im2col.nw"
    enum { S = 512 };
    float *a = bench_normal((size_t)S * S, &rng), *b = bench_normal((size_t)S * S, &rng);
    float *c = bench_normal((size_t)S * S, &rng), *pack = xmalloc(gemm_pack_size(S, S, S) * sizeof *pack);
    double t_gemm = 1e30;
    for (int rep = 0; rep < 5; rep++) {
        double t0 = omp_get_wtime();
        gemm(c, a, b, S, S, S, S, S, S, 0, pack);
        double t1 = omp_get_wtime();
        t_gemm = t1 - t0 < t_gemm ? t1 - t0 : t_gemm;
    }
    rows[6].value = 2.0 * S * S * S / t_gemm * 1e-9;
    free(in); free(w); free(dout); free(out); free(din); free(dw);
    free(a); free(b); free(c); free(pack);
    conv_work_free(&work);
    #line 865 "book/30a-im2col.nw"
    int nrows = (int)(sizeof rows / sizeof rows[0]);
    bench_rows_print(stdout, rows, nrows);
    if (csv != NULL && bench_rows_write(csv, rows, nrows) != 0)
        return 1;
    #line 748 "book/30a-im2col.nw"
    return cli_finish_stdout(0);
}
