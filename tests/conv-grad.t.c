#line 561 "book/21-conv.nw"
#include "layers/conv.h"
#include "gradcheck.h"
#line 584 "book/21-conv.nw"
typedef struct ConvCase {
    int N, C, H, W, K, R, pad, Ho, Wo;
    real *in, *w, *out, *r, *din, *dw;
} ConvCase;

static size_t conv_n_in(const ConvCase *t)
{
    return (size_t)t->N * t->C * t->H * t->W;
}

static size_t conv_n_w(const ConvCase *t)
{
    return (size_t)t->K * t->C * t->R * t->R;
}

static size_t conv_n_out(const ConvCase *t)
{
    return (size_t)t->N * t->K * t->Ho * t->Wo;
}

static double conv_loss(void *ctx)
{
    ConvCase *t = ctx;
    conv2d_forward(t->out, t->in, t->w, t->N, t->C, t->H, t->W, t->K, t->R, t->pad);
    return gc_dot(t->out, t->r, conv_n_out(t));
}
#line 613 "book/21-conv.nw"
static void conv_case_make(ConvCase *t, Rng *rng, int R, int pad)
{
    *t = (ConvCase){.N = 2, .C = 3, .H = 5, .W = 6, .K = 4, .R = R, .pad = pad};
    t->Ho = t->H + 2 * pad - R + 1;
    t->Wo = t->W + 2 * pad - R + 1;
    t->in = gc_normal(conv_n_in(t), rng);
    t->w = gc_normal(conv_n_w(t), rng);
    t->r = gc_normal(conv_n_out(t), rng);
    t->out = gc_zeros(conv_n_out(t));
    t->din = gc_zeros(conv_n_in(t));
    t->dw = gc_zeros(conv_n_w(t));
}

static void conv_case_free(ConvCase *t)
{
    free(t->in); free(t->w); free(t->r); free(t->out); free(t->din); free(t->dw);
}
#line 637 "book/21-conv.nw"
static double conv_naive_error(const ConvCase *t)
{
    double worst = 0;
    for (int n = 0; n < t->N; n++)
        for (int k = 0; k < t->K; k++)
            for (int i = 0; i < t->Ho; i++)
                for (int j = 0; j < t->Wo; j++) {
                    #line 653 "book/21-conv.nw"
                    double s = 0;
                    for (int c = 0; c < t->C; c++)
                        for (int u = 0; u < t->R; u++)
                            for (int v = 0; v < t->R; v++) {
                                int a = i + u - t->pad, b = j + v - t->pad;
                                if (a >= 0 && a < t->H && b >= 0 && b < t->W)
                                    s += t->w[(((size_t)k * t->C + c) * t->R + u) * t->R + v]
                                       * t->in[(((size_t)n * t->C + c) * t->H + a) * t->W + b];
                            }
                    #line 645 "book/21-conv.nw"
                    double y = t->out[(((size_t)n * t->K + k) * t->Ho + i) * t->Wo + j];
                    worst = fmax(worst, fabs(y - s));
                }
    return worst;
}
#line 665 "book/21-conv.nw"
static void conv_test(Rng *rng, int R, int pad)
{
    ConvCase t;
    char what[64];
    conv_case_make(&t, rng, R, pad);
    conv_loss(&t);
    double naive = conv_naive_error(&t);
    tap_ok(naive < 1e-12, "conv %dx%d pad %d: forward equals the defining sum (max difference %.1e)", R, R, pad, naive);
    conv2d_backward(t.din, t.dw, t.r, t.in, t.w, t.N, t.C, t.H, t.W, t.K, t.R, t.pad);
    snprintf(what, sizeof what, "conv %dx%d pad %d: dL/dw", R, R, pad);
    gc_check(what, conv_loss, &t, t.w, t.dw, conv_n_w(&t));
    snprintf(what, sizeof what, "conv %dx%d pad %d: dL/din", R, R, pad);
    gc_check(what, conv_loss, &t, t.in, t.din, conv_n_in(&t));
    conv_case_free(&t);
}
#line 725 "book/21-conv.nw"
static void conv_too_small(void *ctx)
{
    (void)ctx;
    real in[9] = {0}, w[25] = {0}, out[1];
    conv2d_forward(out, in, w, 1, 1, 3, 3, 1, 5, 0);
}

#line 566 "book/21-conv.nw"
int main(void)
{
    Rng rng;
    rng_seed(&rng, 2021);
    conv_test(&rng, 3, 0);
    conv_test(&rng, 3, 1);
    conv_test(&rng, 1, 0);
    #line 687 "book/21-conv.nw"
    ConvCase t;
    conv_case_make(&t, &rng, 3, 1);
    conv2d_backward(t.din, t.dw, t.r, t.in, t.w, t.N, t.C, t.H, t.W, t.K, t.R, t.pad);
    real *twice = gc_zeros(conv_n_w(&t));
    conv2d_backward(NULL, twice, t.r, t.in, t.w, t.N, t.C, t.H, t.W, t.K, t.R, t.pad);
    conv2d_backward(NULL, twice, t.r, t.in, t.w, t.N, t.C, t.H, t.W, t.K, t.R, t.pad);
    double worst = 0;
    for (size_t i = 0; i < conv_n_w(&t); i++)
        worst = fmax(worst, fabs(twice[i] - 2 * t.dw[i]));
    tap_ok(worst < 1e-12, "two backward calls with din = NULL accumulate twice dL/dw (max difference %.1e)", worst);
    free(twice);
    conv_case_free(&t);
    #line 707 "book/21-conv.nw"
    enum { KK = 64, KC = 32, KR = 3 };
    real *kw = gc_zeros((size_t)KK * KC * KR * KR);
    conv_init_kaiming(kw, KK, KC, KR, &rng);
    size_t nk = (size_t)KK * KC * KR * KR;
    double kmean = 0, kvar = 0;
    for (size_t i = 0; i < nk; i++)
        kmean += kw[i] / nk;
    for (size_t i = 0; i < nk; i++)
        kvar += (kw[i] - kmean) * (kw[i] - kmean) / nk;
    double kwant = 2.0 / (KC * KR * KR);
    tap_ok(fabs(kvar / kwant - 1) < 0.05, "Kaiming 64x32x3x3: weight variance %.5f (expected 2/288 = %.5f)", kvar, kwant);
    free(kw);
    #line 732 "book/21-conv.nw"
    tap_ok(gc_dies(conv_too_small, NULL), "a 5x5 kernel on a 3x3 map without padding is a checked runtime error");
    #line 576 "book/21-conv.nw"
    return tap_done();
}
