#line 544 "book/30a-im2col.nw"
#include <omp.h>
#include <stdlib.h>
#include <string.h>
#include "base/check.h"
#include "layers/conv_fast.h"
#include "layers/gemm.h"
#line 34 "book/30a-im2col.nw"
enum { CONV_GROUP = 8 };
#line 67 "book/30a-im2col.nw"
static size_t conv_lines(size_t floats)
{
    return (floats + 15) / 16 * 16;
}

static size_t conv_col_size(int CRR, int P)
{
    size_t n = (size_t)CRR * P;
    size_t f = P <= GEMM_NC ? gemm_packed_size(P, CRR) : 0;
    return conv_lines(n > f ? n : f) + conv_lines(P);
}

static size_t conv_pack_size(int C, int K, int R, int P)
{
    size_t f = gemm_pack_size(K, P, C * R * R), d = gemm_pack_size(K, C * R * R, P);
    size_t b = gemm_pack_size(C * R * R, P, K);
    return conv_lines(f > d ? (f > b ? f : b) : (d > b ? d : b));
}
#line 88 "book/30a-im2col.nw"
size_t conv_work_size(int N, int C, int H, int W, int K, int R, int pad)
{
    #line 77 "book/21-conv.nw"
    CHECK(N > 0 && C > 0 && H > 0 && W > 0 && K > 0 && R > 0);
    CHECK(pad >= 0 && H + 2 * pad >= R && W + 2 * pad >= R);
    int Ho = H + 2 * pad - R + 1, Wo = W + 2 * pad - R + 1;
    #line 91 "book/30a-im2col.nw"
    size_t P = (size_t)Ho * Wo, groups = (N + CONV_GROUP - 1) / CONV_GROUP;
    size_t per_thread = conv_col_size(C * R * R, (int)P) + conv_pack_size(C, K, R, P);
    return omp_get_max_threads() * per_thread + groups * conv_lines((size_t)K * C * R * R);
}
#line 98 "book/30a-im2col.nw"
void conv_work_reserve(ConvWork *work, size_t size)
{
    CHECK(work != NULL);
    if (work->size >= size)
        return;
    free(work->mem);
    work->mem = xaligned_alloc(64, conv_lines(size) * sizeof(float));
    work->size = conv_lines(size);
}

void conv_work_free(ConvWork *work)
{
    CHECK(work != NULL);
    free(work->mem);
    *work = (ConvWork){0};
}
#line 136 "book/30a-im2col.nw"
static void conv_span(int v, int pad, int W, int Wo, int *j0, int *j1)
{
    *j0 = pad - v > 0 ? pad - v : 0;
    *j1 = W + pad - v < Wo ? W + pad - v : Wo;
}
#line 148 "book/30a-im2col.nw"
static void im2col(float *col, const float *x, int C, int H, int W, int R, int pad, int Ho, int Wo)
{
    /* x (C,H,W) -> col (C*R*R, Ho*Wo) */
    for (int c = 0; c < C; c++)
        for (int u = 0; u < R; u++)
            for (int v = 0; v < R; v++) {
                #line 164 "book/30a-im2col.nw"
                size_t r = ((size_t)c * R + u) * R + v;
                int j0, j1;
                conv_span(v, pad, W, Wo, &j0, &j1);
                #line 155 "book/30a-im2col.nw"
                float *row = col + r * Ho * Wo;
                for (int i = 0; i < Ho; i++) {
                    #line 170 "book/30a-im2col.nw"
                    float *dst = row + (size_t)i * Wo;
                    int a = i + u - pad;
                    if (a < 0 || a >= H) {
                        memset(dst, 0, Wo * sizeof *dst);
                        continue;
                    }
                    const float *src = x + ((size_t)c * H + a) * W + v - pad;
                    #pragma omp simd
                    for (int j = 0; j < j0; j++)
                        dst[j] = 0;
                    #pragma omp simd
                    for (int j = j0; j < j1; j++)
                        dst[j] = src[j];
                    #pragma omp simd
                    for (int j = j1; j < Wo; j++)
                        dst[j] = 0;
                #line 158 "book/30a-im2col.nw"
                }
            }
}
#line 205 "book/30a-im2col.nw"
static void col2im(float *dx, const float *col, int C, int H, int W, int R, int pad, int Ho, int Wo)
{
    /* col (C*R*R, Ho*Wo) -> dx += (C,H,W) */
    for (int c = 0; c < C; c++)
        for (int u = 0; u < R; u++)
            for (int v = 0; v < R; v++) {
                #line 164 "book/30a-im2col.nw"
                size_t r = ((size_t)c * R + u) * R + v;
                int j0, j1;
                conv_span(v, pad, W, Wo, &j0, &j1);
                #line 212 "book/30a-im2col.nw"
                const float *row = col + r * Ho * Wo;
                #line 219 "book/30a-im2col.nw"
                for (int i = 0; i < Ho; i++) {
                    int a = i + u - pad;
                    if (a < 0 || a >= H)
                        continue;
                    float *dst = dx + ((size_t)c * H + a) * W;
                    const float *src = row + (size_t)i * Wo;
                    #pragma omp simd
                    for (int j = j0; j < j1; j++)
                        dst[j + v - pad] += src[j];
                }
            #line 214 "book/30a-im2col.nw"
            }
}
#line 311 "book/30a-im2col.nw"
static void im2col_packed(float *bpack, float *row, const float *x,
                          int C, int H, int W, int R, int pad, int Ho, int Wo)
{
    /* x (C,H,W) -> col (C*R*R, Ho*Wo) in gemm_packed's layout; row: Ho*Wo floats of scratch */
    for (int c = 0; c < C; c++)
        for (int u = 0; u < R; u++)
            for (int v = 0; v < R; v++) {
                #line 164 "book/30a-im2col.nw"
                size_t r = ((size_t)c * R + u) * R + v;
                int j0, j1;
                conv_span(v, pad, W, Wo, &j0, &j1);
                #line 319 "book/30a-im2col.nw"
                for (int i = 0; i < Ho; i++) {
                    #line 170 "book/30a-im2col.nw"
                    float *dst = row + (size_t)i * Wo;
                    int a = i + u - pad;
                    if (a < 0 || a >= H) {
                        memset(dst, 0, Wo * sizeof *dst);
                        continue;
                    }
                    const float *src = x + ((size_t)c * H + a) * W + v - pad;
                    #pragma omp simd
                    for (int j = 0; j < j0; j++)
                        dst[j] = 0;
                    #pragma omp simd
                    for (int j = j0; j < j1; j++)
                        dst[j] = src[j];
                    #pragma omp simd
                    for (int j = j1; j < Wo; j++)
                        dst[j] = 0;
                #line 321 "book/30a-im2col.nw"
                }
                gemm_pack_row(bpack, row, (int)r, Ho * Wo, C * R * R);
            }
}
#line 373 "book/30a-im2col.nw"
void conv2d_forward_fast(float *out, const float *in, const float *w,
                         int N, int C, int H, int W, int K, int R, int pad, ConvWork *work)
{
    /* in (N,C,H,W), w (K,C,R,R) -> out (N,K,H+2pad-R+1,W+2pad-R+1) */
    CHECK(out != NULL && in != NULL && w != NULL);
    #line 77 "book/21-conv.nw"
    CHECK(N > 0 && C > 0 && H > 0 && W > 0 && K > 0 && R > 0);
    CHECK(pad >= 0 && H + 2 * pad >= R && W + 2 * pad >= R);
    int Ho = H + 2 * pad - R + 1, Wo = W + 2 * pad - R + 1;
    #line 362 "book/30a-im2col.nw"
    CHECK(work != NULL && work->size >= conv_work_size(N, C, H, W, K, R, pad));
    int P = Ho * Wo, CRR = C * R * R, direct = R == 1 && pad == 0;
    #line 379 "book/30a-im2col.nw"
    #pragma omp parallel
    {
        #line 119 "book/30a-im2col.nw"
        int t = omp_get_thread_num();
        size_t col_size = conv_col_size(CRR, P), pack_size = conv_pack_size(C, K, R, P);
        float *col = work->mem + t * (col_size + pack_size);
        float *pack = col + col_size;
        #line 340 "book/30a-im2col.nw"
        float *row = pack - conv_lines(P);
        #line 383 "book/30a-im2col.nw"
        #pragma omp for schedule(static)
        for (int n = 0; n < N; n++) {
            const float *x = in + (size_t)n * C * H * W;
            float *y = out + (size_t)n * K * P;
            if (direct) {
                gemm(y, w, x, K, P, CRR, CRR, P, P, 0, pack);
            } else if (P <= GEMM_NC) {
                im2col_packed(col, row, x, C, H, W, R, pad, Ho, Wo);
                gemm_packed(y, w, col, K, P, CRR, CRR, P, 0, pack);
            } else {
                im2col(col, x, C, H, W, R, pad, Ho, Wo);
                gemm(y, w, col, K, P, CRR, CRR, P, P, 0, pack);
            }
        }
    }
}
#line 423 "book/30a-im2col.nw"
void conv2d_backward_fast(float *din, float *dw, const float *dout, const float *in, const float *w,
                          int N, int C, int H, int W, int K, int R, int pad, ConvWork *work)
{
    /* dout (N,K,H+2pad-R+1,W+2pad-R+1), in (N,C,H,W), w (K,C,R,R) -> din += (N,C,H,W), dw += (K,C,R,R) */
    CHECK(dw != NULL && dout != NULL && in != NULL && w != NULL);
    conv2d_backward_weights_fast(dw, dout, in, N, C, H, W, K, R, pad, work);
    if (din != NULL)
        conv2d_backward_data_fast(din, dout, w, N, C, H, W, K, R, pad, 0, work);
}
#line 441 "book/30a-im2col.nw"
void conv2d_backward_weights_fast(float *dw, const float *dout, const float *in,
                                  int N, int C, int H, int W, int K, int R, int pad, ConvWork *work)
{
    /* dout (N,K,H+2pad-R+1,W+2pad-R+1), in (N,C,H,W) -> dw += (K,C,R,R) */
    CHECK(dw != NULL && dout != NULL && in != NULL);
    #line 77 "book/21-conv.nw"
    CHECK(N > 0 && C > 0 && H > 0 && W > 0 && K > 0 && R > 0);
    CHECK(pad >= 0 && H + 2 * pad >= R && W + 2 * pad >= R);
    int Ho = H + 2 * pad - R + 1, Wo = W + 2 * pad - R + 1;
    #line 362 "book/30a-im2col.nw"
    CHECK(work != NULL && work->size >= conv_work_size(N, C, H, W, K, R, pad));
    int P = Ho * Wo, CRR = C * R * R, direct = R == 1 && pad == 0;
    #line 447 "book/30a-im2col.nw"
    int groups = (N + CONV_GROUP - 1) / CONV_GROUP;
    size_t nw = (size_t)K * CRR, dw_size = conv_lines(nw);
    float *dw_groups = work->mem + work->size - groups * dw_size;
    #pragma omp parallel
    {
        #line 119 "book/30a-im2col.nw"
        int t = omp_get_thread_num();
        size_t col_size = conv_col_size(CRR, P), pack_size = conv_pack_size(C, K, R, P);
        float *col = work->mem + t * (col_size + pack_size);
        float *pack = col + col_size;
        #line 486 "book/30a-im2col.nw"
        #pragma omp for schedule(static)
        for (int g = 0; g < groups; g++) {
            float *dwg = dw_groups + g * dw_size;
            int n1 = (g + 1) * CONV_GROUP < N ? (g + 1) * CONV_GROUP : N;
            for (int n = g * CONV_GROUP; n < n1; n++) {
                const float *x = in + (size_t)n * C * H * W, *gn = dout + (size_t)n * K * P;
                if (!direct)
                    im2col(col, x, C, H, W, R, pad, Ho, Wo);
                gemm(dwg, gn, direct ? x : col, K, CRR, P, P, P, CRR,
                     GEMM_TRANS_B | (n > g * CONV_GROUP ? GEMM_ACCUMULATE : 0), pack);
            }
        }
        #line 522 "book/30a-im2col.nw"
        #pragma omp for schedule(static)
        for (size_t i = 0; i < nw; i++) {
            float s = 0;
            for (int g = 0; g < groups; g++)
                s += dw_groups[g * dw_size + i];
            dw[i] += s;
        }
    #line 455 "book/30a-im2col.nw"
    }
}

void conv2d_backward_data_fast(float *din, const float *dout, const float *w,
                               int N, int C, int H, int W, int K, int R, int pad, int overwrite, ConvWork *work)
{
    /* dout (N,K,H+2pad-R+1,W+2pad-R+1), w (K,C,R,R) -> din += or = (N,C,H,W) */
    CHECK(din != NULL && dout != NULL && w != NULL);
    #line 77 "book/21-conv.nw"
    CHECK(N > 0 && C > 0 && H > 0 && W > 0 && K > 0 && R > 0);
    CHECK(pad >= 0 && H + 2 * pad >= R && W + 2 * pad >= R);
    int Ho = H + 2 * pad - R + 1, Wo = W + 2 * pad - R + 1;
    #line 362 "book/30a-im2col.nw"
    CHECK(work != NULL && work->size >= conv_work_size(N, C, H, W, K, R, pad));
    int P = Ho * Wo, CRR = C * R * R, direct = R == 1 && pad == 0;
    #line 464 "book/30a-im2col.nw"
    #pragma omp parallel
    {
        #line 119 "book/30a-im2col.nw"
        int t = omp_get_thread_num();
        size_t col_size = conv_col_size(CRR, P), pack_size = conv_pack_size(C, K, R, P);
        float *col = work->mem + t * (col_size + pack_size);
        float *pack = col + col_size;
        #line 467 "book/30a-im2col.nw"
        #pragma omp for schedule(static)
        for (int n = 0; n < N; n++) {
            const float *gn = dout + (size_t)n * K * P;
            #line 505 "book/30a-im2col.nw"
            float *dx = din + (size_t)n * C * H * W;
            if (direct) {
                gemm(dx, w, gn, C, P, K, CRR, P, P, GEMM_TRANS_A | (overwrite ? 0 : GEMM_ACCUMULATE), pack);
            } else {
                gemm(col, w, gn, CRR, P, K, CRR, P, P, GEMM_TRANS_A, pack);
                if (overwrite)
                    memset(dx, 0, (size_t)C * H * W * sizeof *dx);
                col2im(dx, col, C, H, W, R, pad, Ho, Wo);
            }
        #line 471 "book/30a-im2col.nw"
        }
    }
}
