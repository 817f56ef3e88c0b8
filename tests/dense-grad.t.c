#line 218 "book/15-dense.nw"
#include <math.h>
#include "layers/conv.h"
#include "layers/dense.h"
#include "excelnet/excelnet.h"
#include "gradcheck.h"
#line 239 "book/15-dense.nw"
typedef struct DenseCase {
    int N, D, K;
    real *in, *w, *out, *r, *din, *dw;
} DenseCase;

static double dense_loss(void *ctx)
{
    DenseCase *t = ctx;
    dense_forward(t->out, t->in, t->w, t->N, t->D, t->K);
    return gc_dot(t->out, t->r, (size_t)t->N * t->K);
}

static void dense_case_make(DenseCase *t, Rng *rng, int N, int D, int K)
{
    *t = (DenseCase){ .N = N, .D = D, .K = K };
    t->in = gc_normal((size_t)N * D, rng);
    t->w = gc_normal((size_t)D * K, rng);
    t->r = gc_normal((size_t)N * K, rng);
    t->out = gc_zeros((size_t)N * K);
    t->din = gc_zeros((size_t)N * D);
    t->dw = gc_zeros((size_t)D * K);
}

static void dense_case_free(DenseCase *t)
{
    free(t->in); free(t->w); free(t->r); free(t->out); free(t->din); free(t->dw);
}
#line 272 "book/15-dense.nw"
static double max_diff(const real *a, const real *b, size_t n)
{
    double worst = 0;
    for (size_t i = 0; i < n; i++)
        worst = fmax(worst, fabs(a[i] - b[i]));
    return worst;
}

static int agree(const real *a, const real *b, size_t n, const char *what)
{
    double worst = max_diff(a, b, n);
    return tap_ok(worst < 1e-12, "%s (max difference %.1e)", what, worst);
}
#line 321 "book/15-dense.nw"
static void dense_null_din(void *ctx)
{
    DenseCase *t = ctx;
    dense_backward(NULL, t->dw, t->r, t->in, t->w, t->N, t->D, t->K);
}
#line 356 "book/15-dense.nw"
static void nchw_to_rows(real *rows, const real *t, int N, int C, int P)
{
    /* t (N,C,P) -> rows (N*P, C) */
    for (int n = 0; n < N; n++)
        for (int c = 0; c < C; c++)
            for (int q = 0; q < P; q++)
                rows[((size_t)n * P + q) * C + c] = t[((size_t)n * C + c) * P + q];
}

static void transpose(real *out, const real *a, int rows, int cols)
{
    /* a (rows,cols) -> out (cols,rows) */
    for (int i = 0; i < rows; i++)
        for (int j = 0; j < cols; j++)
            out[(size_t)j * rows + i] = a[(size_t)i * cols + j];
}
#line 448 "book/15-dense.nw"
static long copied_pixel(size_t e, int C, int H, int W, int R, int pad)
{
    /* entry e of rows (N*Ho*Wo, C*R*R) -> offset in x (N,C,H,W) of the pixel it copies; -1 in the border */
    int Ho = H + 2 * pad - R + 1, Wo = W + 2 * pad - R + 1;
    size_t q = e / ((size_t)C * R * R);
    int r = (int)(e % ((size_t)C * R * R));
    int c = r / (R * R), u = r / R % R, v = r % R;
    int i = (int)(q / Wo % Ho), j = (int)(q % Wo), n = (int)(q / Wo / Ho);
    int a = i + u - pad, b = j + v - pad;
    return a >= 0 && a < H && b >= 0 && b < W ? (long)((((size_t)n * C + c) * H + a) * W + b) : -1;
}

static void unroll(real *rows, const real *x, int N, int C, int H, int W, int R, int pad)
{
    /* x (N,C,H,W) -> rows (N*Ho*Wo, C*R*R) */
    size_t entries = (size_t)N * (H + 2 * pad - R + 1) * (W + 2 * pad - R + 1) * C * R * R;
    for (size_t e = 0; e < entries; e++) {
        long s = copied_pixel(e, C, H, W, R, pad);
        rows[e] = s < 0 ? 0 : x[s];
    }
}

static void roll_back(real *dx, const real *drows, int N, int C, int H, int W, int R, int pad)
{
    /* drows (N*Ho*Wo, C*R*R) -> dx (N,C,H,W) +=, each copy's gradient onto the pixel it copied */
    size_t entries = (size_t)N * (H + 2 * pad - R + 1) * (W + 2 * pad - R + 1) * C * R * R;
    for (size_t e = 0; e < entries; e++) {
        long s = copied_pixel(e, C, H, W, R, pad);
        if (s >= 0)
            dx[s] += drows[e];
    }
}
#line 225 "book/15-dense.nw"
int main(void)
{
    Rng rng;
    rng_seed(&rng, 1515);
    #line 288 "book/15-dense.nw"
    DenseCase t;
    dense_case_make(&t, &rng, 3, 4, 5);
    dense_loss(&t);
    double worst = 0;
    for (int n = 0; n < t.N; n++)
        for (int k = 0; k < t.K; k++) {
            double s = 0;
            for (int d = 0; d < t.D; d++)
                s += t.in[n * t.D + d] * t.w[d * t.K + k];
            worst = fmax(worst, fabs(s - t.out[n * t.K + k]));
        }
    tap_ok(worst < 1e-12, "dense 3x4 times 4x5: forward equals the defining sum (max difference %.1e)", worst);
    dense_backward(t.din, t.dw, t.r, t.in, t.w, t.N, t.D, t.K);
    gc_check("dense 3x4x5: dL/dw = X^T dY", dense_loss, &t, t.w, t.dw, (size_t)t.D * t.K);
    gc_check("dense 3x4x5: dL/din = dY W^T", dense_loss, &t, t.in, t.din, (size_t)t.N * t.D);
    #line 306 "book/15-dense.nw"
    real *din2 = gc_zeros((size_t)t.N * t.D), *dw2 = gc_zeros((size_t)t.D * t.K);
    for (int twice = 0; twice < 2; twice++)
        dense_backward(din2, dw2, t.r, t.in, t.w, t.N, t.D, t.K);
    for (size_t i = 0; i < (size_t)t.N * t.D; i++)
        din2[i] /= 2;
    for (size_t i = 0; i < (size_t)t.D * t.K; i++)
        dw2[i] /= 2;
    double twice = fmax(max_diff(din2, t.din, (size_t)t.N * t.D), max_diff(dw2, t.dw, (size_t)t.D * t.K));
    tap_ok(twice < 1e-12, "two backward calls add twice dL/din and dL/dw (max difference %.1e)", twice);
    tap_ok(gc_dies(dense_null_din, &t), "dense_backward with din = NULL is a checked runtime error");
    free(din2); free(dw2);
    dense_case_free(&t);
    #line 375 "book/15-dense.nw"
    {
        enum { N = 2, C = 3, H = 4, W = 5, K = 4, P = H * W };
        real *x = gc_normal(N * C * P, &rng), *w = gc_normal(K * C, &rng), *g = gc_normal(N * K * P, &rng);
        real *y = gc_zeros(N * K * P), *dx = gc_zeros(N * C * P), *dw = gc_zeros(K * C);
        conv2d_forward(y, x, w, N, C, H, W, K, 1, 0);
        conv2d_backward(dx, dw, g, x, w, N, C, H, W, K, 1, 0);
        #line 391 "book/15-dense.nw"
        real *X = gc_zeros(N * P * C), *Wd = gc_zeros(C * K), *G = gc_zeros(N * P * K);
        real *Y = gc_zeros(N * P * K), *dX = gc_zeros(N * P * C), *dW = gc_zeros(C * K);
        real *yrows = gc_zeros(N * P * K), *dxrows = gc_zeros(N * P * C), *dwT = gc_zeros(C * K);
        nchw_to_rows(X, x, N, C, P);
        nchw_to_rows(G, g, N, K, P);
        transpose(Wd, w, K, C);
        dense_forward(Y, X, Wd, N * P, C, K);
        dense_backward(dX, dW, G, X, Wd, N * P, C, K);
        nchw_to_rows(yrows, y, N, K, P);
        nchw_to_rows(dxrows, dx, N, C, P);
        transpose(dwT, dw, K, C);
        #line 382 "book/15-dense.nw"
        agree(Y, yrows, N * P * K, "1x1 conv forward = dense layer on the pixels as rows");
        agree(dW, dwT, C * K, "1x1 conv dL/dw = dense dW = X^T dY, transposed");
        agree(dX, dxrows, N * P * C, "1x1 conv dL/dx = dense dX = dY W^T");
        free(x); free(w); free(g); free(y); free(dx); free(dw);
        free(X); free(Wd); free(G); free(Y); free(dX); free(dW); free(yrows); free(dxrows); free(dwT);
    }
    #line 483 "book/15-dense.nw"
    {
        enum { N = 2, C = 3, H = 5, W = 6, K = 4, R = 3, PAD = 1, P = H * W, CRR = C * R * R };
        real *x = gc_normal(N * C * P, &rng), *w = gc_normal(K * CRR, &rng), *g = gc_normal(N * K * P, &rng);
        real *y = gc_zeros(N * K * P), *dx = gc_zeros(N * C * P), *dw = gc_zeros(K * CRR);
        conv2d_forward(y, x, w, N, C, H, W, K, R, PAD);
        conv2d_backward(dx, dw, g, x, w, N, C, H, W, K, R, PAD);
        real *X = gc_zeros(N * P * CRR), *Wd = gc_zeros(CRR * K), *G = gc_zeros(N * P * K);
        real *Y = gc_zeros(N * P * K), *dX = gc_zeros(N * P * CRR), *dW = gc_zeros(CRR * K);
        real *yrows = gc_zeros(N * P * K), *dwT = gc_zeros(CRR * K), *dxsum = gc_zeros(N * C * P);
        unroll(X, x, N, C, H, W, R, PAD);
        nchw_to_rows(G, g, N, K, P);
        transpose(Wd, w, K, CRR);
        dense_forward(Y, X, Wd, N * P, CRR, K);
        dense_backward(dX, dW, G, X, Wd, N * P, CRR, K);
        roll_back(dxsum, dX, N, C, H, W, R, PAD);
        nchw_to_rows(yrows, y, N, K, P);
        transpose(dwT, dw, K, CRR);
        agree(Y, yrows, N * P * K, "3x3 conv pad 1 forward = dense layer on the unrolled rows");
        agree(dW, dwT, CRR * K, "3x3 conv dL/dw = dense dW = X^T dY on the unrolled rows, transposed");
        agree(dxsum, dx, N * C * P, "3x3 conv dL/dx = dense dX = dY W^T, each copy added back onto its pixel");
        free(x); free(w); free(g); free(y); free(dx); free(dw);
        free(X); free(Wd); free(G); free(Y); free(dX); free(dW); free(yrows); free(dwT); free(dxsum);
    }
    #line 526 "book/15-dense.nw"
    const Weights *sw = &excelnet_default_weights;
    const Example *sx = &excelnet_default_example;
    real in[2] = { sx->i1, sx->i2 }, t2[2] = { sx->t1, sx->t2 };
    real W1T[4] = { sw->w1, sw->w3, sw->w2, sw->w4 }, W2T[4] = { sw->w5, sw->w7, sw->w6, sw->w8 };
    real h[2], a_h[2], o[2], a_o[2], d_o[2], da_h[2] = { 0, 0 }, d_h[2], dx_[2] = { 0, 0 };
    real dW1T[4] = { 0 }, dW2T[4] = { 0 };
    #line 547 "book/15-dense.nw"
    dense_forward(h, in, W1T, 1, 2, 2);
    for (int k = 0; k < 2; k++)
        a_h[k] = sigmoid(h[k]);
    dense_forward(o, a_h, W2T, 1, 2, 2);
    for (int k = 0; k < 2; k++) {
        a_o[k] = sigmoid(o[k]);
        d_o[k] = (a_o[k] - t2[k]) * a_o[k] * (1 - a_o[k]);
    }
    dense_backward(da_h, dW2T, d_o, a_h, W2T, 1, 2, 2);
    for (int k = 0; k < 2; k++)
        d_h[k] = da_h[k] * a_h[k] * (1 - a_h[k]);
    dense_backward(dx_, dW1T, d_h, in, W1T, 1, 2, 2);
    #line 533 "book/15-dense.nw"
    Forward f;
    Gradients sg;
    excelnet_forward(&f, sw, sx);
    excelnet_backward(&sg, &f, sw, sx);
    const double want[8] = { sg.dE_dw1, sg.dE_dw3, sg.dE_dw2, sg.dE_dw4, sg.dE_dw5, sg.dE_dw7, sg.dE_dw6, sg.dE_dw8 };
    const real got[8] = { dW1T[0], dW1T[1], dW1T[2], dW1T[3], dW2T[0], dW2T[1], dW2T[2], dW2T[3] };
    double off = 0;
    for (int j = 0; j < 8; j++)
        off = fmax(off, tap_rel_err(got[j], want[j], 1e-300));
    tap_ok(off < 1e-15, "the spreadsheet as two dense layers: dE/dw1..dE/dw8 as excelnet_backward's "
           "(worst relative difference %.1e)", off);
    #line 234 "book/15-dense.nw"
    return tap_done();
}
