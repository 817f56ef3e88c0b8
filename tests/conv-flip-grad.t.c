#line 344 "book/21-conv.nw"
#include "gradcheck.h"
#include "layers/conv.h"
#line 370 "book/21-conv.nw"
static void conv_flip_test(Rng *rng, int R, int pad)
{
    int N = 2, C = 3, H = 5, W = 6, K = 4;
    int Ho = H + 2 * pad - R + 1, Wo = W + 2 * pad - R + 1;
    size_t n_in = (size_t)N * C * H * W, n_w = (size_t)K * C * R * R;
    real *in = gc_normal(n_in, rng), *w = gc_normal(n_w, rng), *g = gc_normal((size_t)N * K * Ho * Wo, rng);
    real *wt = gc_zeros(n_w), *dw = gc_zeros(n_w), *din = gc_zeros(n_in), *din_flip = gc_zeros(n_in);
    #line 361 "book/21-conv.nw"
    for (int k = 0; k < K; k++)
        for (int c = 0; c < C; c++)
            for (int u = 0; u < R; u++)
                for (int v = 0; v < R; v++)
                    wt[(((size_t)c * K + k) * R + u) * R + v] =
                        w[(((size_t)k * C + c) * R + (R - 1 - u)) * R + (R - 1 - v)];
    #line 378 "book/21-conv.nw"
    conv2d_backward(din, dw, g, in, w, N, C, H, W, K, R, pad);
    conv2d_forward(din_flip, g, wt, N, K, Ho, Wo, C, R, R - 1 - pad);
    double worst = 0, scale = 0;
    for (size_t i = 0; i < n_in; i++) {
        worst = fmax(worst, fabs(din[i] - din_flip[i]));
        scale = fmax(scale, fabs(din[i]));
    }
    tap_ok(worst <= 1e-12 * scale, "conv %dx%d pad %d: din = g correlated, with pad %d, with the rotated kernel "
           "(max difference %.1e, largest |din| %.2f)", R, R, pad, R - 1 - pad, worst, scale);
    free(in), free(w), free(g), free(wt), free(dw), free(din), free(din_flip);
}

#line 348 "book/21-conv.nw"
int main(void)
{
    Rng rng;
    rng_seed(&rng, 180);
    conv_flip_test(&rng, 3, 0);
    conv_flip_test(&rng, 3, 1);
    conv_flip_test(&rng, 1, 0);
    conv_flip_test(&rng, 5, 1);
    return tap_done();
}
