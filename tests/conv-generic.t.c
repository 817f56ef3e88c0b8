#line 941 "book/30b-shifted.nw"
#include <omp.h>
#include "layers/batchnorm_fast.h"
#include "layers/conv.h"
#include "layers/conv_fast.h"
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

#line 949 "book/30b-shifted.nw"
int main(void)
{
    Rng rng;
    rng_seed(&rng, 30);
    tap_diag("the generic kernels of gemm.c (GEMM_GENERIC_ONLY)");
    #line 707 "book/30a-im2col.nw"
    ft_case(&rng, 3, 5, 9, 7, 6, 3, 0);
    ft_case(&rng, 3, 5, 9, 7, 6, 3, 1);
    ft_case(&rng, 3, 5, 9, 7, 6, 1, 0);
    ft_case(&rng, 2, 3, 5, 4, 7, 3, 2);
    ft_case(&rng, 19, 16, 13, 11, 33, 3, 1);
    ft_case(&rng, 19, 32, 13, 13, 16, 1, 0);
    ft_case(&rng, 2, 2, 48, 48, 3, 3, 1);
    #line 921 "book/30b-shifted.nw"
    ft_case(&rng, 3, 4, 5, 6, 9, 1, 1);
    ft_case(&rng, 2, 30, 7, 9, 130, 3, 1);
    ft_case(&rng, 2, 3, 5, 6, 260, 3, 1);
    #line 955 "book/30b-shifted.nw"
    return tap_done();
}
