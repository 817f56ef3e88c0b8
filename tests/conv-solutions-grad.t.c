#line 8 "book/95b-solutions-conv-pool.nw"
#include "gradcheck.h"
#include "layers/conv.h"
#include "network/network.h"
#line 26 "book/95b-solutions-conv-pool.nw"
static real *sol_fill(size_t n, real value)
{
    real *x = xcalloc(n, sizeof *x);
    for (size_t i = 0; i < n; i++)
        x[i] = value;
    return x;
}

static double sol_max_diff(const real *a, const real *b, size_t n, double *scale)
{
    double worst = 0;
    *scale = 0;
    for (size_t i = 0; i < n; i++) {
        worst = fmax(worst, fabs((double)a[i] - b[i]));
        *scale = fmax(*scale, fabs((double)a[i]));
    }
    return worst;
}
#line 115 "book/95b-solutions-conv-pool.nw"
static double sum_of(const real *a, size_t n)
{
    double s = 0;
    for (size_t i = 0; i < n; i++)
        s += a[i];
    return s;
}

/* the products of conv2d_forward, of its input gradient and of its weight gradient, counted with ones */
static void count_products(int N, int C, int H, int W, int K, int R, int pad, double count[3])
{
    int Ho = H + 2 * pad - R + 1, Wo = W + 2 * pad - R + 1;
    size_t n_in = (size_t)N * C * H * W, n_w = (size_t)K * C * R * R, n_out = (size_t)N * K * Ho * Wo;
    real *x = sol_fill(n_in, 1), *w = sol_fill(n_w, 1), *g = sol_fill(n_out, 1);
    real *y = sol_fill(n_out, 0), *din = sol_fill(n_in, 0), *dw = sol_fill(n_w, 0);
    conv2d_forward(y, x, w, N, C, H, W, K, R, pad);
    conv2d_backward(din, dw, g, x, w, N, C, H, W, K, R, pad);
    count[0] = sum_of(y, n_out), count[1] = sum_of(din, n_in), count[2] = sum_of(dw, n_w);
    free(x), free(w), free(g), free(y), free(din), free(dw);
}
#line 239 "book/95b-solutions-conv-pool.nw"
static real *swap_first_two(const real *a, int A, int B, size_t S)
{
    real *t = xcalloc((size_t)A * B * S, sizeof *t);
    #line 232 "book/95b-solutions-conv-pool.nw"
    for (int i = 0; i < A; i++)
        for (int j = 0; j < B; j++)
            for (size_t e = 0; e < S; e++)
                t[((size_t)j * A + i) * S + e] = a[((size_t)i * B + j) * S + e];
    #line 243 "book/95b-solutions-conv-pool.nw"
    return t;
}

static void dw_by_forward(Rng *rng, int R, int pad)
{
    int N = 2, C = 3, H = 6, K = 4, Ho = H + 2 * pad - R + 1;
    size_t n_in = (size_t)N * C * H * H, n_w = (size_t)K * C * R * R, n_out = (size_t)N * K * Ho * Ho;
    real *x = gc_normal(n_in, rng), *w = gc_normal(n_w, rng), *g = gc_normal(n_out, rng);
    real *dw = sol_fill(n_w, 0), *out = sol_fill(n_w, 0);
    conv2d_backward(NULL, dw, g, x, w, N, C, H, H, K, R, pad);
    real *xt = swap_first_two(x, N, C, (size_t)H * H), *gt = swap_first_two(g, N, K, (size_t)Ho * Ho);
    conv2d_forward(out, xt, gt, C, N, H, H, K, Ho, pad);
    real *dw_fwd = swap_first_two(out, C, K, (size_t)R * R);
    double scale, worst = sol_max_diff(dw, dw_fwd, n_w, &scale);
    tap_ok(worst <= 1e-12 * scale, "conv %dx%d pad %d: dw from one conv2d_forward of x and g equals conv2d_backward's "
           "(max difference %.1e, largest %.2f)", R, R, pad, worst, scale);
    free(x), free(w), free(g), free(dw), free(out), free(xt), free(gt), free(dw_fwd);
}

#line 13 "book/95b-solutions-conv-pool.nw"
int main(void)
{
    Rng rng;
    rng_seed(&rng, 2112);
    #line 63 "book/95b-solutions-conv-pool.nw"
    int cases = 0, wrong = 0;
    for (int H = 1; H <= 30; H++)
        for (int R = 1; R <= 5; R++)
            for (int p = 0; p <= 2; p++)
                for (int s = 1; s <= 3; s++) {
                    if (H + 2 * p < R)
                        continue;
                    int windows = 0;
                    for (int top = -p; top + R - 1 <= H - 1 + p; top += s)
                        windows++;
                    cases++;
                    wrong += windows != (H + 2 * p - R) / s + 1;
                }
    tap_ok(wrong == 0, "output rows with stride: floor((H+2p-R)/s)+1 equals the counted windows in all %d cases", cases);
    tap_ok((28 + 2 - 3) / 2 + 1 == 14, "a 3x3 convolution, padding 1, stride 2 maps 28 rows to 14");
    #line 143 "book/95b-solutions-conv-pool.nw"
    int shapes = 0, off = 0;
    for (int R = 1; R <= 5; R += 2)
        for (int pad = 0; pad < R; pad++)
            for (int H = R; H <= 9; H += 3) {
                double count[3], Ho = H + 2 * pad - R + 1, side = R * Ho - pad * (pad + 1);
                count_products(2, 3, H, H, 2, R, pad, count);
                double want = 2.0 * 2 * 3 * side * side;
                shapes++;
                off += count[0] != want || count[1] != want || count[2] != want;
            }
    tap_ok(off == 0, "the direct loops do N K C (R Ho - p(p+1))^2 multiply-adds in each of the three sums (%d shapes)", shapes);
    #line 158 "book/95b-solutions-conv-pool.nw"
    Net *net = net_create(&arch_main, 1);
    int layers_ok = 1;
    for (int l = 0; l < net->nlayers; l++) {
        const Layer *L = &net->layer[l];
        if (L->spec.kind != LAYER_CONV)
            continue;
        double count[3], dense = (double)L->K * L->C * L->spec.R * L->spec.R * L->Ho * L->Wo;
        count_products(1, L->C, L->H, L->W, L->K, L->spec.R, L->spec.pad, count);
        layers_ok &= L->spec.pad == 0 ? count[0] == dense : count[0] < dense;
        tap_diag("layer %d: %dx%d, %d->%d channels on %dx%d, pad %d: %.0f multiply-adds dense, %.0f in the direct loops",
                 l, L->spec.R, L->spec.R, L->C, L->K, L->H, L->W, L->spec.pad, dense, count[0]);
    }
    tap_ok(layers_ok, "main network: the direct loops do the dense count without padding, fewer with it");
    net_free(net);
    #line 264 "book/95b-solutions-conv-pool.nw"
    dw_by_forward(&rng, 3, 0);
    dw_by_forward(&rng, 3, 1);
    dw_by_forward(&rng, 1, 0);
    #line 287 "book/95b-solutions-conv-pool.nw"
    enum { DN = 2, DC = 3, DK = 4, DH = 3, DW = 5, DQ = DN * DH * DW };
    real *x = gc_normal(DN * DC * DH * DW, &rng), *w = gc_normal(DK * DC, &rng), *g = gc_normal(DN * DK * DH * DW, &rng);
    real *y = sol_fill(DN * DK * DH * DW, 0), *din = sol_fill(DN * DC * DH * DW, 0), *dw = sol_fill(DK * DC, 0);
    conv2d_forward(y, x, w, DN, DC, DH, DW, DK, 1, 0);
    conv2d_backward(din, dw, g, x, w, DN, DC, DH, DW, DK, 1, 0);
    double dy = 0, dx = 0, dwe = 0;
    #line 304 "book/95b-solutions-conv-pool.nw"
    #define AT(t, channels, q, c) t[(((size_t)(q) / (DH * DW) * (channels) + (c)) * DH * DW) + (q) % (DH * DW)]
    for (int q = 0; q < DQ; q++) {
        for (int k = 0; k < DK; k++) {
            double s = 0;
            for (int c = 0; c < DC; c++)
                s += AT(x, DC, q, c) * w[k * DC + c];
            dy = fmax(dy, fabs(s - AT(y, DK, q, k)));
        }
        for (int c = 0; c < DC; c++) {
            double s = 0;
            for (int k = 0; k < DK; k++)
                s += AT(g, DK, q, k) * w[k * DC + c];
            dx = fmax(dx, fabs(s - AT(din, DC, q, c)));
        }
    }
    for (int c = 0; c < DC; c++)
        for (int k = 0; k < DK; k++) {
            double s = 0;
            for (int q = 0; q < DQ; q++)
                s += AT(x, DC, q, c) * AT(g, DK, q, k);
            dwe = fmax(dwe, fabs(s - dw[k * DC + c]));
        }
    #undef AT
    #line 294 "book/95b-solutions-conv-pool.nw"
    tap_ok(dy < 1e-12 && dx < 1e-12 && dwe < 1e-12, "1x1 conv: Y = XW, dX = G W^T, dW = X^T G "
           "(max differences %.1e %.1e %.1e)", dy, dx, dwe);
    free(x), free(w), free(g), free(y), free(din), free(dw);
    #line 21 "book/95b-solutions-conv-pool.nw"
    return tap_done();
}
