#line 173 "book/23-pointwise-and-pooling.nw"
#include <limits.h>
#include "base/check.h"
#include "layers/pool.h"
#line 197 "book/23-pointwise-and-pooling.nw"
void maxpool_forward(real *out, int *argmax, const real *in, int N, int C, int H, int W)
{
    /* in (N,C,H,W) -> out (N,C,H/2,W/2), argmax (N,C,H/2,W/2): offsets into in */
    #line 215 "book/23-pointwise-and-pooling.nw"
    CHECK(out != NULL && argmax != NULL && in != NULL);
    CHECK(N > 0 && C > 0 && H > 0 && W > 0);
    CHECK(H % 2 == 0 && W % 2 == 0);
    CHECK((size_t)N * C * H * W <= INT_MAX);
    #line 201 "book/23-pointwise-and-pooling.nw"
    int Ho = H / 2, Wo = W / 2;
    #pragma omp parallel for schedule(static)
    for (int plane = 0; plane < N * C; plane++)
        for (int i = 0; i < Ho; i++)
            for (int j = 0; j < Wo; j++) {
                #line 222 "book/23-pointwise-and-pooling.nw"
                int top = (plane * H + 2 * i) * W + 2 * j;
                int window[4] = {top, top + 1, top + W, top + W + 1};
                int best = window[0];
                for (int q = 1; q < 4; q++)
                    if (in[window[q]] > in[best])
                        best = window[q];
                int o = (plane * Ho + i) * Wo + j;
                out[o] = in[best];
                argmax[o] = best;
            #line 207 "book/23-pointwise-and-pooling.nw"
            }
}
#line 246 "book/23-pointwise-and-pooling.nw"
void maxpool_backward(real *din, const real *dout, const int *argmax, int N, int C, int H, int W)
{
    /* dout, argmax (N,C,H/2,W/2) -> din += (N,C,H,W) */
    #line 234 "book/23-pointwise-and-pooling.nw"
    CHECK(din != NULL && dout != NULL && argmax != NULL);
    CHECK(N > 0 && C > 0 && H > 0 && W > 0 && H % 2 == 0 && W % 2 == 0);
    #line 250 "book/23-pointwise-and-pooling.nw"
    int n_out = N * C * (H / 2) * (W / 2);
    #pragma omp parallel for schedule(static)
    for (int o = 0; o < n_out; o++)
        din[argmax[o]] += dout[o];
}
#line 295 "book/23-pointwise-and-pooling.nw"
void gap_forward(real *out, const real *in, int N, int C, int H, int W)
{
    /* in (N,C,H,W) -> out (N,C) */
    CHECK(out != NULL && in != NULL && N > 0 && C > 0 && H > 0 && W > 0);
    size_t HW = (size_t)H * W;
    for (size_t p = 0; p < (size_t)N * C; p++) {
        double sum = 0;
        for (size_t i = 0; i < HW; i++)
            sum += in[p * HW + i];
        out[p] = (real)(sum / HW);
    }
}

void gap_backward(real *din, const real *dout, int N, int C, int H, int W)
{
    /* dout (N,C) -> din += (N,C,H,W) */
    CHECK(din != NULL && dout != NULL && N > 0 && C > 0 && H > 0 && W > 0);
    size_t HW = (size_t)H * W;
    for (size_t p = 0; p < (size_t)N * C; p++)
        for (size_t i = 0; i < HW; i++)
            din[p * HW + i] += dout[p] / (real)HW;
}
#line 604 "book/31-fast-step.nw"
void maxpool_backward_overwrite(real *din, const real *dout, const int *argmax, int N, int C, int H, int W)
{
    /* dout, argmax (N,C,H/2,W/2) -> din = (N,C,H,W) */
    #line 234 "book/23-pointwise-and-pooling.nw"
    CHECK(din != NULL && dout != NULL && argmax != NULL);
    CHECK(N > 0 && C > 0 && H > 0 && W > 0 && H % 2 == 0 && W % 2 == 0);
    #line 608 "book/31-fast-step.nw"
    size_t HW = (size_t)H * W;
    #pragma omp parallel for schedule(static)
    for (int plane = 0; plane < N * C; plane++) {
        #line 728 "book/31-fast-step.nw"
        maxpool_backward_plane(din + (size_t)plane * HW, dout, argmax, plane, H, W);
    #line 612 "book/31-fast-step.nw"
    }
}
#line 630 "book/31-fast-step.nw"
void maxpool_forward_rows(real *out, int *argmax, const real *in, int N, int C, int H, int W)
{
    /* in (N,C,H,W) -> out (N,C,H/2,W/2), argmax (N,C,H/2,W/2): offsets into in */
    #line 215 "book/23-pointwise-and-pooling.nw"
    CHECK(out != NULL && argmax != NULL && in != NULL);
    CHECK(N > 0 && C > 0 && H > 0 && W > 0);
    CHECK(H % 2 == 0 && W % 2 == 0);
    CHECK((size_t)N * C * H * W <= INT_MAX);
    #line 634 "book/31-fast-step.nw"
    int Ho = H / 2, Wo = W / 2;
    #pragma omp parallel for schedule(static)
    for (int plane = 0; plane < N * C; plane++)
        for (int i = 0; i < Ho; i++) {
            int top = (plane * H + 2 * i) * W, o = (plane * Ho + i) * Wo;
            const real *r0 = in + top, *r1 = r0 + W;
            #pragma omp simd
            for (int j = 0; j < Wo; j++) {
                #line 649 "book/31-fast-step.nw"
                real best = r0[2 * j];
                int at = top + 2 * j;
                if (r0[2 * j + 1] > best)
                    best = r0[2 * j + 1], at = top + 2 * j + 1;
                if (r1[2 * j] > best)
                    best = r1[2 * j], at = top + W + 2 * j;
                if (r1[2 * j + 1] > best)
                    best = r1[2 * j + 1], at = top + W + 2 * j + 1;
                out[o + j] = best;
                argmax[o + j] = at;
            #line 643 "book/31-fast-step.nw"
            }
        }
}
#line 711 "book/31-fast-step.nw"
void maxpool_backward_plane(real *d, const real *dout, const int *argmax, size_t p, int H, int W)
{
    /* dout, argmax (N,C,H/2,W/2) -> d (H,W) = gradient of input plane p, p = n*C + c */
    size_t HW = (size_t)H * W, n_plane = HW / 4, base = p * HW;
    #pragma omp simd
    for (size_t i = 0; i < HW; i++)
        d[i] = 0;
    for (size_t o = p * n_plane; o < (p + 1) * n_plane; o++)
        d[argmax[o] - base] += dout[o];
}
