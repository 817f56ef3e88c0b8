#line 1645 "book/95d-solutions-training.nw"
#include <math.h>
#include <omp.h>
#include "layers/batchnorm_fast.h"
#include "layers/conv.h"
#include "layers/conv_fast.h"
#include "layers/gemm.h"
#include "network/network.h"
#include "float-check.h"
#line 616 "book/30a-im2col.nw"
typedef struct FastCase {
    int N, C, H, W, K, R, pad;
    size_t n_in, n_w, n_out;
    float *in, *w, *dout, *din0, *dw0;
} FastCase;
#line 632 "book/30a-im2col.nw"
static void ft_run_fast(const FastCase *t, int threads, float **out, float **din, float **dw, ConvWork *work)
{
    omp_set_num_threads(threads);
    conv_work_reserve(work, conv_work_size(t->N, t->C, t->H, t->W, t->K, t->R, t->pad));
    for (size_t i = 0; i < work->size; i++)
        work->mem[i] = NAN;
    *out = xmalloc(t->n_out * sizeof **out);
    *din = fc_copy(t->din0, t->n_in);
    *dw = fc_copy(t->dw0, t->n_w);
    conv2d_forward_fast(*out, NULL, t->in, t->w, t->N, t->C, t->H, t->W, t->K, t->R, t->pad, work);
    conv2d_backward_fast(*din, *dw, t->dout, t->in, t->w, t->N, t->C, t->H, t->W, t->K, t->R, t->pad, work);
}
#line 647 "book/30a-im2col.nw"
static void ft_case(Rng *rng, int N, int C, int H, int W, int K, int R, int pad)
{
    FastCase t = {.N = N, .C = C, .H = H, .W = W, .K = K, .R = R, .pad = pad};
    int Ho = H + 2 * pad - R + 1, Wo = W + 2 * pad - R + 1;
    t.n_in = (size_t)N * C * H * W;
    t.n_w = (size_t)K * C * R * R;
    t.n_out = (size_t)N * K * Ho * Wo;
    t.in = fc_normal(t.n_in, rng), t.w = fc_normal(t.n_w, rng), t.dout = fc_normal(t.n_out, rng);
    t.din0 = fc_normal(t.n_in, rng), t.dw0 = fc_normal(t.n_w, rng);
    char name[80];
    snprintf(name, sizeof name, "conv %dx%d pad %d, N=%d C=%d %dx%d K=%d", R, R, pad, N, C, H, W, K);
    #line 665 "book/30a-im2col.nw"
    float *out = xmalloc(t.n_out * sizeof *out), *din = fc_copy(t.din0, t.n_in), *dw = fc_copy(t.dw0, t.n_w);
    conv2d_forward(out, t.in, t.w, N, C, H, W, K, R, pad);
    conv2d_backward(din, dw, t.dout, t.in, t.w, N, C, H, W, K, R, pad);
    ConvWork work = {0};
    float *fout, *fdin, *fdw;
    ft_run_fast(&t, 2, &fout, &fdin, &fdw, &work);
    double e_out = fc_rel_err(fout, out, t.n_out), e_din = fc_rel_err(fdin, din, t.n_in);
    double e_dw = fc_rel_err(fdw, dw, t.n_w);
    tap_ok(e_out <= 1e-5, "%s: forward, relative error %.1e", name, e_out);
    tap_ok(e_din <= 1e-5, "%s: din, relative error %.1e", name, e_din);
    tap_ok(e_dw <= 1e-5, "%s: dw, relative error %.1e", name, e_dw);
    #line 682 "book/30a-im2col.nw"
    float *dw_only = fc_copy(t.dw0, t.n_w);
    conv2d_backward_fast(NULL, dw_only, t.dout, t.in, t.w, N, C, H, W, K, R, pad, &work);
    tap_ok(memcmp(dw_only, fdw, t.n_w * sizeof *fdw) == 0, "%s: dw with din = NULL is bit-identical", name);
    free(dw_only);
    #line 873 "book/30b-shifted.nw"
    float *iout = xmalloc(t.n_out * sizeof *iout);
    conv2d_forward_im2col(iout, t.in, t.w, N, C, H, W, K, R, pad, &work);
    tap_ok(memcmp(iout, fout, t.n_out * sizeof *iout) == 0,
           "%s: forward without im2col is bit-identical to im2col + GEMM", name);
    free(iout);
    #line 884 "book/30b-shifted.nw"
    size_t nplanes = (size_t)N * K, P = (size_t)(H + 2 * pad - R + 1) * (W + 2 * pad - R + 1);
    float *planes = xmalloc(nplanes * 2 * sizeof *planes), *want = xmalloc(nplanes * 2 * sizeof *want);
    float *pout = xmalloc(t.n_out * sizeof *pout);
    conv2d_forward_fast(pout, planes, t.in, t.w, N, C, H, W, K, R, pad, &work);
    for (size_t p = 0; p < nplanes; p++)
        bn_plane_statistics(want + 2 * p, pout + p * P, P);
    tap_ok(memcmp(planes, want, nplanes * 2 * sizeof *planes) == 0 && memcmp(pout, fout, t.n_out * sizeof *pout) == 0,
           "%s: the planes' statistics are bn_plane_statistics of the output", name);
    free(planes); free(want); free(pout);
    #line 899 "book/30b-shifted.nw"
    for (int overwrite = 0; overwrite <= 1; overwrite++) {
        float *a = fc_copy(t.din0, t.n_in), *b = fc_copy(t.din0, t.n_in);
        conv2d_backward_data_fast(a, t.dout, t.w, N, C, H, W, K, R, pad, overwrite, &work);
        conv2d_backward_data_im2col(b, t.dout, t.w, N, C, H, W, K, R, pad, overwrite, &work);
        tap_ok(memcmp(a, b, t.n_in * sizeof *a) == 0, "%s: din without col2im%s is bit-identical to GEMM + col2im",
               name, overwrite ? ", overwriting," : "");
        free(a); free(b);
    }
    float *dw_a = fc_copy(t.dw0, t.n_w), *dw_b = fc_copy(t.dw0, t.n_w);
    conv2d_backward_weights_fast(dw_a, t.dout, t.in, N, C, H, W, K, R, pad, &work);
    conv2d_backward_weights_im2col(dw_b, t.dout, t.in, N, C, H, W, K, R, pad, &work);
    tap_ok(memcmp(dw_a, dw_b, t.n_w * sizeof *dw_a) == 0, "%s: dw without im2col is bit-identical to im2col + GEMM", name);
    free(dw_a); free(dw_b);
    #line 689 "book/30a-im2col.nw"
    float *out1, *din1, *dw1;
    ft_run_fast(&t, 1, &out1, &din1, &dw1, &work);
    int same = memcmp(out1, fout, t.n_out * sizeof *out1) == 0
            && memcmp(din1, fdin, t.n_in * sizeof *din1) == 0
            && memcmp(dw1, fdw, t.n_w * sizeof *dw1) == 0;
    tap_ok(same, "%s: 1 and 2 threads give bit-identical out, din and dw", name);
    free(out); free(din); free(dw); free(fout); free(fdin); free(fdw);
    free(out1); free(din1); free(dw1);
    conv_work_free(&work);
    #line 660 "book/30a-im2col.nw"
    free(t.in); free(t.w); free(t.dout); free(t.din0); free(t.dw0);
}
#line 2012 "book/95d-solutions-training.nw"
static void merge_plane(double *mean_io, double *Q_io, double *count_io, float m, float q, size_t HW)
{
    double mean = *mean_io, Q = *Q_io, count = *count_io;
    #line 120 "book/31-fast-step.nw"
    double n_new = count + HW, delta = (double)m - mean;
    mean += delta * HW / n_new;
    Q += q + delta * delta * count * HW / n_new;
    count = n_new;
    #line 2016 "book/95d-solutions-training.nw"
    *mean_io = mean, *Q_io = Q, *count_io = count;
}

#line 1655 "book/95d-solutions-training.nw"
int main(void)
{
    Rng rng;
    rng_seed(&rng, 31);
    #line 1689 "book/95d-solutions-training.nw"
    {
        size_t f = gemm_pack_size(32, 576, 144), d = gemm_pack_size(32, 144, 576), b = gemm_pack_size(144, 576, 32);
        tap_ok(f == 87552 && d == 45056 && b == 22528, "big layer's pack buffers: forward %zu, weight gradient %zu, "
               "input gradient %zu floats", f, d, b);
    }
    #line 1717 "book/95d-solutions-training.nw"
    ft_case(&rng, 3, 4, 5, 6, 3, 1, 1);
    {
        enum { N = 3, C = 4, H = 5, W = 6, K = 3 };
        float *x = fc_normal((size_t)N * C * H * W, &rng), *w = fc_normal((size_t)K * C, &rng);
        float padded[N * K * (H + 2) * (W + 2)], plain[N * K * H * W];
        ConvWork work = { 0 };
        conv_work_reserve(&work, conv_work_size(N, C, H, W, K, 1, 1));
        conv2d_forward_fast(padded, NULL, x, w, N, C, H, W, K, 1, 1, &work);
        conv2d_forward(plain, x, w, N, C, H, W, K, 1, 0);
        #line 1734 "book/95d-solutions-training.nw"
        double ring = 0, inside = 0;
        for (int nk = 0; nk < N * K; nk++)
            for (int i = 0; i < H + 2; i++)
                for (int j = 0; j < W + 2; j++) {
                    float v = padded[((size_t)nk * (H + 2) + i) * (W + 2) + j];
                    if (i == 0 || j == 0 || i == H + 1 || j == W + 1)
                        ring = fmax(ring, fabs(v));
                    else
                        inside = fmax(inside, fabs(v - plain[((size_t)nk * H + i - 1) * W + j - 1]));
                }
        #line 1727 "book/95d-solutions-training.nw"
        tap_ok(ring == 0 && inside < 1e-6, "1x1 with padding 1: ring exactly zero (%g), inside as without padding "
               "(%.1e)", ring, inside);
        conv_work_free(&work), free(x), free(w);
    }
    #line 1795 "book/95d-solutions-training.nw"
    {
        int same = 1;
        for (int T = 1; T <= 3; T++) {
            omp_set_num_threads(T);
            Net *net = net_create(&arch_main, 128);
            same &= net->work.size == (size_t)171072 * T + 73936;
            tap_diag("%d thread(s): workspace %zu floats", T, net->work.size);
            net_free(net);
        }
        omp_set_num_threads(2);
        tap_ok(same, "main network, N = 128: the workspace is 171072 T + 73936 floats for T = 1, 2, 3");
    }
    #line 1834 "book/95d-solutions-training.nw"
    {
        enum { N = 19, C = 5, H = 9, W = 7, K = 6 };
        size_t n_in = (size_t)N * C * H * W, n_w = (size_t)K * C * 9, n_out = (size_t)N * K * 7 * 5;
        float *x = fc_normal(n_in, &rng), *w = fc_normal(n_w, &rng), *g = fc_normal(n_out, &rng);
        float *dx1 = xcalloc(n_in, sizeof *dx1), *dx3 = xcalloc(n_in, sizeof *dx3);
        float *dw1 = xcalloc(n_w, sizeof *dw1), *dw3 = xcalloc(n_w, sizeof *dw3);
        ConvWork work = { 0 };
        omp_set_num_threads(3);
        conv_work_reserve(&work, conv_work_size(N, C, H, W, K, 3, 0));
        conv2d_backward_fast(dx3, dw3, g, x, w, N, C, H, W, K, 3, 0, &work);
        omp_set_num_threads(1);
        conv2d_backward_fast(dx1, dw1, g, x, w, N, C, H, W, K, 3, 0, &work);
        omp_set_num_threads(2);
        tap_ok(memcmp(dw1, dw3, n_w * sizeof *dw1) == 0 && memcmp(dx1, dx3, n_in * sizeof *dx1) == 0,
               "19 images in 3 groups: one thread and three give the same bits");
        conv_work_free(&work), free(x), free(w), free(g), free(dx1), free(dx3), free(dw1), free(dw3);
    }
    #line 1884 "book/95d-solutions-training.nw"
    {
        enum { N = 3, C = 2, H = 7, W = 7, K = 4 };
        size_t n_in = (size_t)N * C * H * W, n_w = (size_t)K * C * 9, n_out = (size_t)N * K * H * W;
        float *x = fc_normal(n_in, &rng), *w = fc_normal(n_w, &rng), *g = fc_normal(n_out, &rng);
        float *y = xcalloc(n_out, sizeof *y), *dx = xcalloc(n_in, sizeof *dx), *dw = xcalloc(n_w, sizeof *dw);
        ConvWork work = { 0 };
        conv_work_reserve(&work, conv_work_size(N, C, H, W, K, 3, 1));
        conv2d_forward_fast(y, NULL, x, w, N, C, H, W, K, 3, 1, &work);
        conv2d_backward_fast(dx, dw, g, x, w, N, C, H, W, K, 3, 1, &work);
        double yg = 0, xdx = 0, wdw = 0, scale = 0;
        for (size_t k = 0; k < n_out; k++)
            yg += (double)y[k] * g[k], scale += fabs((double)y[k] * g[k]);
        for (size_t k = 0; k < n_in; k++)
            xdx += (double)x[k] * dx[k];
        for (size_t k = 0; k < n_w; k++)
            wdw += (double)w[k] * dw[k];
        tap_ok(fabs(xdx - yg) < 1e-6 * scale && fabs(wdw - yg) < 1e-6 * scale,
               "padded 3x3: <conv(x, w), G> = %.6g, <x, dx> = %.6g, <w, dw> = %.6g", yg, xdx, wdw);
        conv_work_free(&work), free(x), free(w), free(g), free(y), free(dx), free(dw);
    }
    #line 1932 "book/95d-solutions-training.nw"
    {
        Net *net = net_create(&arch_main, 1);
        double kept = 0, thrown = 0, last_share = 0;
        for (int l = 0; l < net->nlayers; l++) {
            const Layer *L = &net->layer[l];
            if (L->spec.kind != LAYER_CONV)
                continue;
            double taps = (double)L->K * L->C * L->spec.R * L->spec.R;
            double P = (double)L->Ho * L->Wo;
            kept += taps * P;
            if (L->spec.R == 1 && L->spec.pad == 0)
                continue;
            double Q = (double)(L->Ho - 1) * (L->W + 2 * L->spec.pad) + L->Wo;
            thrown += taps * (Q - P);
            last_share = (Q - P) / P;
        }
        tap_ok(kept == 3927744 && thrown == 394272 && fabs(last_share - 10.0 / 36) < 1e-12,
               "main network's forward pass: %.0f multiply-adds kept, %.0f thrown away (%.1f %%); layer 9 %.1f %%",
               kept, thrown, 100 * thrown / kept, 100 * last_share);
        net_free(net);
    }
    #line 2021 "book/95d-solutions-training.nw"
    {
        static const size_t sizes[5] = { 784, 1, 100, 37, 576 };
        double values[1498], mean = 0, Q = 0, count = 0, all_mean = 0, all_q = 0;
        size_t at = 0;
        for (int p = 0; p < 5; p++) {
            double m = 0, q = 0;
            for (size_t i = 0; i < sizes[p]; i++)
                values[at + i] = 3 + 2 * rng_normal(&rng), m += values[at + i] / sizes[p];
            for (size_t i = 0; i < sizes[p]; i++)
                q += (values[at + i] - m) * (values[at + i] - m);
            merge_plane(&mean, &Q, &count, (float)m, (float)q, sizes[p]);
            at += sizes[p];
        }
        for (size_t i = 0; i < at; i++)
            all_mean += values[i] / at;
        for (size_t i = 0; i < at; i++)
            all_q += (values[i] - all_mean) * (values[i] - all_mean);
        tap_ok(count == at && fabs(mean - all_mean) < 1e-6 && fabs(Q / all_q - 1) < 1e-6,
               "five planes merged: mean %.7f variance %.7f (two-pass %.7f %.7f)", mean, Q / count, all_mean,
               all_q / at);
    }
    #line 2082 "book/95d-solutions-training.nw"
    {
        const double inverse = 1.0 / 255;
        int whole = 0, whole_float = 0, fine = 0, fine_float = 0, far = 0;
        for (long k = 0; k <= 255L * 1024; k++) {
            double v = k / 1024.0, quotient = v / 255, product = v * inverse;
            int differ = quotient != product, differ_float = (float)quotient != (float)product;
            fine += differ, fine_float += differ_float;
            if (k % 1024 == 0)
                whole += differ, whole_float += differ_float;
            far += differ && nextafter(quotient, product) != product;
        }
        tap_ok(whole == 24 && whole_float == 0 && fine == 24480 && fine_float == 0 && far == 0,
               "v / 255 against v * (1/255): %d of 256 whole values and %d of 261121 multiples of 1/1024 differ "
               "as doubles, by one unit at most (%d further), %d and %d as floats",
               whole, fine, far, whole_float, fine_float);
    }
    #line 1660 "book/95d-solutions-training.nw"
    return tap_done();
}
