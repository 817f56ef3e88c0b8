#line 446 "book/95a-solutions-spreadsheet.nw"
#include <math.h>
#include <stdio.h>
#include "excelnet/excelnet.h"
#include "layers/conv.h"
#include "layers/dense.h"
#include "gradcheck.h"
#line 482 "book/95a-solutions-spreadsheet.nw"
typedef struct {
    int N, D, K;
    real *in, *w, *b, *out, *r;
} BiasCase;

static double bias_dense_loss(void *ctx)
{
    BiasCase *t = ctx;
    dense_forward(t->out, t->in, t->w, t->N, t->D, t->K);
    for (int n = 0; n < t->N; n++)
        for (int k = 0; k < t->K; k++)
            t->out[n * t->K + k] += t->b[k];
    return gc_dot(t->out, t->r, (size_t)t->N * t->K);
}

static void bias_dense_backward(real *db, const real *dout, int N, int K)
{
    for (int n = 0; n < N; n++)
        for (int k = 0; k < K; k++)
            db[k] += dout[n * K + k];
}
#line 652 "book/95a-solutions-spreadsheet.nw"
typedef struct {
    int D, K, N;
    real *w, *x, *y, *r;  /* w (K,D), x (D,N), y and r (K,N) */
} ColCase;

static double col_loss(void *ctx)
{
    ColCase *t = ctx;
    for (int k = 0; k < t->K; k++)
        for (int n = 0; n < t->N; n++) {
            double s = 0;
            for (int d = 0; d < t->D; d++)
                s += t->w[k * t->D + d] * t->x[d * t->N + n];
            t->y[k * t->N + n] = s;
        }
    return gc_dot(t->y, t->r, (size_t)t->K * t->N);
}

static void col_backward(real *dx, real *dw, const ColCase *t)
{
    /* dx = W^T G (D,N), dw = G X^T (K,D), with G = r */
    for (int d = 0; d < t->D; d++)
        for (int n = 0; n < t->N; n++)
            for (int k = 0; k < t->K; k++)
                dx[d * t->N + n] += t->w[k * t->D + d] * t->r[k * t->N + n];
    for (int k = 0; k < t->K; k++)
        for (int d = 0; d < t->D; d++)
            for (int n = 0; n < t->N; n++)
                dw[k * t->D + d] += t->r[k * t->N + n] * t->x[d * t->N + n];
}
#line 723 "book/95a-solutions-spreadsheet.nw"
static void batch_gradients(real dW1T[4], real dW2T[4], const Weights *w, const Example x[2])
{
    real in[4] = { x[0].i1, x[0].i2, x[1].i1, x[1].i2 }, t[4] = { x[0].t1, x[0].t2, x[1].t1, x[1].t2 };
    real W1T[4] = { w->w1, w->w3, w->w2, w->w4 }, W2T[4] = { w->w5, w->w7, w->w6, w->w8 };
    real h[4], a_h[4], o[4], a_o[4], d_o[4], da_h[4] = { 0 }, d_h[4], dx[4] = { 0 };
    dense_forward(h, in, W1T, 2, 2, 2);
    for (int i = 0; i < 4; i++)
        a_h[i] = sigmoid(h[i]);
    dense_forward(o, a_h, W2T, 2, 2, 2);
    for (int i = 0; i < 4; i++) {
        a_o[i] = sigmoid(o[i]);
        d_o[i] = (a_o[i] - t[i]) * a_o[i] * (1 - a_o[i]);
    }
    dense_backward(da_h, dW2T, d_o, a_h, W2T, 2, 2, 2);
    for (int i = 0; i < 4; i++)
        d_h[i] = da_h[i] * a_h[i] * (1 - a_h[i]);
    dense_backward(dx, dW1T, d_h, in, W1T, 2, 2, 2);
}
#line 455 "book/95a-solutions-spreadsheet.nw"
int main(void)
{
    Rng rng;
    rng_seed(&rng, 1516);
    #line 506 "book/95a-solutions-spreadsheet.nw"
    BiasCase bc = { .N = 3, .D = 4, .K = 5 };
    bc.in = gc_normal(12, &rng); bc.w = gc_normal(20, &rng); bc.b = gc_normal(5, &rng);
    bc.r = gc_normal(15, &rng); bc.out = gc_zeros(15);
    real *bdin = gc_zeros(12), *bdw = gc_zeros(20), *bdb = gc_zeros(5);
    dense_backward(bdin, bdw, bc.r, bc.in, bc.w, 3, 4, 5);
    bias_dense_backward(bdb, bc.r, 3, 5);
    gc_check("Y = XW + b: dL/db = column sums of dY", bias_dense_loss, &bc, bc.b, bdb, 5);
    gc_check("Y = XW + b: dL/dW = X^T dY, unchanged", bias_dense_loss, &bc, bc.w, bdw, 20);
    gc_check("Y = XW + b: dL/dX = dY W^T, unchanged", bias_dense_loss, &bc, bc.in, bdin, 12);
    free(bc.in); free(bc.w); free(bc.b); free(bc.r); free(bc.out); free(bdin); free(bdw); free(bdb);
    #line 542 "book/95a-solutions-spreadsheet.nw"
    {
        enum { N = 128 * 144, D = 32, K = 16 };
        real *x = gc_zeros((size_t)N * D), *w = gc_zeros(D * K), *g = gc_zeros((size_t)N * K);
        real *y = gc_zeros((size_t)N * K), *dx = gc_zeros((size_t)N * D), *dw = gc_zeros(D * K);
        for (size_t i = 0; i < (size_t)N * D; i++) x[i] = 1;
        for (size_t i = 0; i < (size_t)D * K; i++) w[i] = 1;
        for (size_t i = 0; i < (size_t)N * K; i++) g[i] = 1;
        dense_forward(y, x, w, N, D, K);
        double fwd = gc_dot(y, g, (size_t)N * K);
        dense_backward(dx, dw, g, x, w, N, D, K);
        double bwd = gc_dot(dx, x, (size_t)N * D) + gc_dot(dw, w, D * K);
        tap_ok(fwd == (double)N * D * K && bwd == 2 * fwd,
               "dense %dx%dx%d: %.0f multiply-adds forward, %.0f backward (2x)", N, D, K, fwd, bwd);
        conv2d_forward(y, x, w, 128, D, 12, 12, K, 1, 0);
        double cfwd = gc_dot(y, g, (size_t)N * K);
        for (size_t i = 0; i < (size_t)N * D; i++) dx[i] = 0;
        for (size_t i = 0; i < (size_t)D * K; i++) dw[i] = 0;
        conv2d_backward(dx, dw, g, x, w, 128, D, 12, 12, K, 1, 0);
        double cbwd = gc_dot(dx, x, (size_t)N * D) + gc_dot(dw, w, D * K);
        tap_ok(cfwd == fwd && cbwd == bwd,
               "1x1 conv 32 -> 16 on 128 maps of 12x12: %.0f forward, %.0f backward, as the dense layer", cfwd, cbwd);
        free(x); free(w); free(g); free(y); free(dx); free(dw);
    }
    {
        real x[2] = { 1, 1 }, w[4] = { 1, 1, 1, 1 }, g[2] = { 1, 1 }, y[2], dx[2] = { 0, 0 }, dw[4] = { 0 };
        dense_forward(y, x, w, 1, 2, 2);
        dense_backward(dx, dw, g, x, w, 1, 2, 2);
        tap_ok(y[0] + y[1] == 4 && dx[0] + dx[1] + dw[0] + dw[1] + dw[2] + dw[3] == 8,
               "a spreadsheet layer: 4 multiply-adds forward, 8 backward");
    }
    #line 602 "book/95a-solutions-spreadsheet.nw"
    {
        enum { D = 3, K = 4 };
        real *x = gc_normal(2 * D, &rng), *w = gc_normal(D * K, &rng), *g = gc_normal(2 * K, &rng);
        real dx[2 * D] = { 0 }, dw1[D * K] = { 0 }, dw2[D * K] = { 0 }, dwsum[D * K] = { 0 };
        dense_backward(dx, dw1, g, x, w, 1, D, K);
        double outer = 0;
        for (int d = 0; d < D; d++)
            for (int k = 0; k < K; k++)
                outer = fmax(outer, fabs(dw1[d * K + k] - x[d] * g[k]));
        double minor = dw1[0 * K + 0] * dw1[1 * K + 1] - dw1[0 * K + 1] * dw1[1 * K + 0];
        tap_ok(outer < 1e-15 && fabs(minor) < 1e-12,
               "N = 1: dW is the outer product x^T g (max difference %.1e), a 2x2 minor is %.1e", outer, minor);
        dense_backward(dx, dw2, g, x, w, 2, D, K);
        dense_backward(dx, dwsum, g, x, w, 1, D, K);
        dense_backward(dx, dwsum, g + K, x + D, w, 1, D, K);
        double sum = 0;
        for (int i = 0; i < D * K; i++)
            sum = fmax(sum, fabs(dw2[i] - dwsum[i]));
        double minor2 = dw2[0 * K + 0] * dw2[1 * K + 1] - dw2[0 * K + 1] * dw2[1 * K + 0];
        tap_ok(sum < 1e-14 && fabs(minor2) > 1e-6,
               "N = 2: dW is the sum of the two outer products (max difference %.1e), rank 2 (minor %.2f)", sum, minor2);
        free(x); free(w); free(g);
    }
    #line 685 "book/95a-solutions-spreadsheet.nw"
    {
        enum { D = 4, K = 3, N = 5 };
        ColCase cc = { .D = D, .K = K, .N = N };
        cc.w = gc_normal(K * D, &rng); cc.x = gc_normal(D * N, &rng);
        cc.r = gc_normal(K * N, &rng); cc.y = gc_zeros(K * N);
        real cdx[D * N] = { 0 }, cdw[K * D] = { 0 };
        col_backward(cdx, cdw, &cc);
        gc_check("Y = WX: dL/dX = W^T dY", col_loss, &cc, cc.x, cdx, D * N);
        gc_check("Y = WX: dL/dW = dY X^T", col_loss, &cc, cc.w, cdw, K * D);
        real xt[N * D], wt[D * K], gt[N * K], dxt[N * D] = { 0 }, dwt[D * K] = { 0 };
        for (int d = 0; d < D; d++) for (int n = 0; n < N; n++) xt[n * D + d] = cc.x[d * N + n];
        for (int k = 0; k < K; k++) for (int d = 0; d < D; d++) wt[d * K + k] = cc.w[k * D + d];
        for (int k = 0; k < K; k++) for (int n = 0; n < N; n++) gt[n * K + k] = cc.r[k * N + n];
        dense_backward(dxt, dwt, gt, xt, wt, N, D, K);
        double tr = 0;
        for (int d = 0; d < D; d++) for (int n = 0; n < N; n++) tr = fmax(tr, fabs(dxt[n * D + d] - cdx[d * N + n]));
        for (int k = 0; k < K; k++) for (int d = 0; d < D; d++) tr = fmax(tr, fabs(dwt[d * K + k] - cdw[k * D + d]));
        tap_ok(tr < 1e-14, "the column convention's gradients are the row convention's, transposed (max difference %.1e)", tr);
        free(cc.w); free(cc.x); free(cc.r); free(cc.y);
    }
    #line 744 "book/95a-solutions-spreadsheet.nw"
    {
        const Example two[2] = { excelnet_default_example, { .i1 = 0.3, .i2 = 0.7, .t1 = 0.2, .t2 = 0.9 } };
        real dW1T[4] = { 0 }, dW2T[4] = { 0 };
        batch_gradients(dW1T, dW2T, &excelnet_default_weights, two);
        double want[8] = { 0 };
        for (int n = 0; n < 2; n++) {
            Forward f;
            Gradients g;
            excelnet_forward(&f, &excelnet_default_weights, &two[n]);
            excelnet_backward(&g, &f, &excelnet_default_weights, &two[n]);
            const double v[8] = { g.dE_dw1, g.dE_dw3, g.dE_dw2, g.dE_dw4, g.dE_dw5, g.dE_dw7, g.dE_dw6, g.dE_dw8 };
            for (int j = 0; j < 8; j++)
                want[j] += v[j];
        }
        const real got[8] = { dW1T[0], dW1T[1], dW1T[2], dW1T[3], dW2T[0], dW2T[1], dW2T[2], dW2T[3] };
        double off = 0;
        for (int j = 0; j < 8; j++)
            off = fmax(off, tap_rel_err(got[j], want[j], 1e-300));
        tap_ok(off < 1e-14, "the spreadsheet on a batch of two through dense layers = the sum of "
               "excelnet_backward over the two examples (worst relative difference %.1e)", off);
    }
    #line 464 "book/95a-solutions-spreadsheet.nw"
    return tap_done();
}
