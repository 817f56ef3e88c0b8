#line 569 "book/30a-im2col.nw"
#include <omp.h>
#include <stdlib.h>
#include <string.h>
#include "base/check.h"
#include "layers/batchnorm_fast.h"
#include "layers/conv_fast.h"
#include "layers/gemm.h"
#line 34 "book/30a-im2col.nw"
enum { CONV_GROUP = 8 };
#line 346 "book/30b-shifted.nw"
static size_t conv_shift_size(int C, int H, int W, int K, int pad, int Q);
static size_t conv_shift_shared_size(int C, int K, int R);
static size_t conv_weights_size(int C, int H, int W, int K, int R, int pad);
static size_t conv_weights_index_size(int C, int R, int Ho, int Wo);
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
#line 96 "book/30a-im2col.nw"
static size_t conv_thread_size(int C, int H, int W, int K, int R, int pad)
{
    int Ho = H + 2 * pad - R + 1, Wo = W + 2 * pad - R + 1;
    int P = Ho * Wo, Q = (Ho - 1) * (W + 2 * pad) + Wo;
    size_t im2col = conv_col_size(C * R * R, P) + conv_pack_size(C, K, R, P);
    size_t shifted = conv_shift_size(C, H, W, K, pad, Q), weights = conv_weights_size(C, H, W, K, R, pad);
    size_t most = im2col > shifted ? im2col : shifted;
    return most > weights ? most : weights;
}

size_t conv_work_size(int N, int C, int H, int W, int K, int R, int pad)
{
    #line 77 "book/21-conv.nw"
    CHECK(N > 0 && C > 0 && H > 0 && W > 0 && K > 0 && R > 0);
    CHECK(pad >= 0 && H + 2 * pad >= R && W + 2 * pad >= R);
    int Ho = H + 2 * pad - R + 1, Wo = W + 2 * pad - R + 1;
    #line 109 "book/30a-im2col.nw"
    size_t groups = (N + CONV_GROUP - 1) / CONV_GROUP;
    size_t per_thread = conv_thread_size(C, H, W, K, R, pad);
    size_t dw = groups * conv_lines((size_t)K * C * R * R) + conv_weights_index_size(C, R, Ho, Wo);
    size_t shared = conv_shift_shared_size(C, K, R);
    return omp_get_max_threads() * per_thread + (dw > shared ? dw : shared);
}
#line 118 "book/30a-im2col.nw"
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
#line 155 "book/30a-im2col.nw"
static void conv_span(int v, int pad, int W, int Wo, int *j0, int *j1)
{
    *j0 = pad - v > 0 ? pad - v : 0;
    *j1 = W + pad - v < Wo ? W + pad - v : Wo;
}
#line 167 "book/30a-im2col.nw"
static void im2col(float *col, const float *x, int C, int H, int W, int R, int pad, int Ho, int Wo)
{
    /* x (C,H,W) -> col (C*R*R, Ho*Wo) */
    for (int c = 0; c < C; c++)
        for (int u = 0; u < R; u++)
            for (int v = 0; v < R; v++) {
                #line 183 "book/30a-im2col.nw"
                size_t r = ((size_t)c * R + u) * R + v;
                int j0, j1;
                conv_span(v, pad, W, Wo, &j0, &j1);
                #line 174 "book/30a-im2col.nw"
                float *row = col + r * Ho * Wo;
                for (int i = 0; i < Ho; i++) {
                    #line 189 "book/30a-im2col.nw"
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
                #line 177 "book/30a-im2col.nw"
                }
            }
}
#line 224 "book/30a-im2col.nw"
static void col2im(float *dx, const float *col, int C, int H, int W, int R, int pad, int Ho, int Wo)
{
    /* col (C*R*R, Ho*Wo) -> dx += (C,H,W) */
    for (int c = 0; c < C; c++)
        for (int u = 0; u < R; u++)
            for (int v = 0; v < R; v++) {
                #line 183 "book/30a-im2col.nw"
                size_t r = ((size_t)c * R + u) * R + v;
                int j0, j1;
                conv_span(v, pad, W, Wo, &j0, &j1);
                #line 231 "book/30a-im2col.nw"
                const float *row = col + r * Ho * Wo;
                #line 238 "book/30a-im2col.nw"
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
            #line 233 "book/30a-im2col.nw"
            }
}
#line 330 "book/30a-im2col.nw"
static void im2col_packed(float *bpack, float *row, const float *x,
                          int C, int H, int W, int R, int pad, int Ho, int Wo)
{
    /* x (C,H,W) -> col (C*R*R, Ho*Wo) in gemm_packed's layout; row: Ho*Wo floats of scratch */
    for (int c = 0; c < C; c++)
        for (int u = 0; u < R; u++)
            for (int v = 0; v < R; v++) {
                #line 183 "book/30a-im2col.nw"
                size_t r = ((size_t)c * R + u) * R + v;
                int j0, j1;
                conv_span(v, pad, W, Wo, &j0, &j1);
                #line 338 "book/30a-im2col.nw"
                for (int i = 0; i < Ho; i++) {
                    #line 189 "book/30a-im2col.nw"
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
                #line 340 "book/30a-im2col.nw"
                }
                gemm_pack_row(bpack, row, (int)r, Ho * Wo, C * R * R);
            }
}
#line 392 "book/30a-im2col.nw"
void conv2d_forward_im2col(float *out, const float *in, const float *w,
                           int N, int C, int H, int W, int K, int R, int pad, ConvWork *work)
{
    /* in (N,C,H,W), w (K,C,R,R) -> out (N,K,H+2pad-R+1,W+2pad-R+1) */
    CHECK(out != NULL && in != NULL && w != NULL);
    #line 77 "book/21-conv.nw"
    CHECK(N > 0 && C > 0 && H > 0 && W > 0 && K > 0 && R > 0);
    CHECK(pad >= 0 && H + 2 * pad >= R && W + 2 * pad >= R);
    int Ho = H + 2 * pad - R + 1, Wo = W + 2 * pad - R + 1;
    #line 381 "book/30a-im2col.nw"
    CHECK(work != NULL && work->size >= conv_work_size(N, C, H, W, K, R, pad));
    int P = Ho * Wo, CRR = C * R * R, direct = R == 1 && pad == 0;
    #line 398 "book/30a-im2col.nw"
    #pragma omp parallel
    {
        #line 139 "book/30a-im2col.nw"
        int t = omp_get_thread_num();
        float *col = work->mem + t * conv_thread_size(C, H, W, K, R, pad);
        float *pack = col + conv_col_size(CRR, P);
        #line 359 "book/30a-im2col.nw"
        float *row = pack - conv_lines(P);
        #line 402 "book/30a-im2col.nw"
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
#line 448 "book/30a-im2col.nw"
void conv2d_backward_fast(float *din, float *dw, const float *dout, const float *in, const float *w,
                          int N, int C, int H, int W, int K, int R, int pad, ConvWork *work)
{
    /* dout (N,K,H+2pad-R+1,W+2pad-R+1), in (N,C,H,W), w (K,C,R,R) -> din += (N,C,H,W), dw += (K,C,R,R) */
    CHECK(dw != NULL && dout != NULL && in != NULL && w != NULL);
    conv2d_backward_weights_fast(dw, dout, in, N, C, H, W, K, R, pad, work);
    if (din != NULL)
        conv2d_backward_data_fast(din, dout, w, N, C, H, W, K, R, pad, 0, work);
}
#line 466 "book/30a-im2col.nw"
void conv2d_backward_weights_im2col(float *dw, const float *dout, const float *in,
                                    int N, int C, int H, int W, int K, int R, int pad, ConvWork *work)
{
    /* dout (N,K,H+2pad-R+1,W+2pad-R+1), in (N,C,H,W) -> dw += (K,C,R,R) */
    CHECK(dw != NULL && dout != NULL && in != NULL);
    #line 77 "book/21-conv.nw"
    CHECK(N > 0 && C > 0 && H > 0 && W > 0 && K > 0 && R > 0);
    CHECK(pad >= 0 && H + 2 * pad >= R && W + 2 * pad >= R);
    int Ho = H + 2 * pad - R + 1, Wo = W + 2 * pad - R + 1;
    #line 381 "book/30a-im2col.nw"
    CHECK(work != NULL && work->size >= conv_work_size(N, C, H, W, K, R, pad));
    int P = Ho * Wo, CRR = C * R * R, direct = R == 1 && pad == 0;
    #line 472 "book/30a-im2col.nw"
    int groups = (N + CONV_GROUP - 1) / CONV_GROUP;
    size_t nw = (size_t)K * CRR, dw_size = conv_lines(nw);
    float *dw_groups = work->mem + work->size - groups * dw_size;
    #pragma omp parallel
    {
        #line 139 "book/30a-im2col.nw"
        int t = omp_get_thread_num();
        float *col = work->mem + t * conv_thread_size(C, H, W, K, R, pad);
        float *pack = col + conv_col_size(CRR, P);
        #line 511 "book/30a-im2col.nw"
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
        #line 547 "book/30a-im2col.nw"
        #pragma omp for schedule(static)
        for (size_t i = 0; i < nw; i++) {
            float s = 0;
            for (int g = 0; g < groups; g++)
                s += dw_groups[g * dw_size + i];
            dw[i] += s;
        }
    #line 480 "book/30a-im2col.nw"
    }
}

void conv2d_backward_data_im2col(float *din, const float *dout, const float *w,
                                 int N, int C, int H, int W, int K, int R, int pad, int overwrite, ConvWork *work)
{
    /* dout (N,K,H+2pad-R+1,W+2pad-R+1), w (K,C,R,R) -> din += or = (N,C,H,W) */
    CHECK(din != NULL && dout != NULL && w != NULL);
    #line 77 "book/21-conv.nw"
    CHECK(N > 0 && C > 0 && H > 0 && W > 0 && K > 0 && R > 0);
    CHECK(pad >= 0 && H + 2 * pad >= R && W + 2 * pad >= R);
    int Ho = H + 2 * pad - R + 1, Wo = W + 2 * pad - R + 1;
    #line 381 "book/30a-im2col.nw"
    CHECK(work != NULL && work->size >= conv_work_size(N, C, H, W, K, R, pad));
    int P = Ho * Wo, CRR = C * R * R, direct = R == 1 && pad == 0;
    #line 489 "book/30a-im2col.nw"
    #pragma omp parallel
    {
        #line 139 "book/30a-im2col.nw"
        int t = omp_get_thread_num();
        float *col = work->mem + t * conv_thread_size(C, H, W, K, R, pad);
        float *pack = col + conv_col_size(CRR, P);
        #line 492 "book/30a-im2col.nw"
        #pragma omp for schedule(static)
        for (int n = 0; n < N; n++) {
            const float *gn = dout + (size_t)n * K * P;
            #line 530 "book/30a-im2col.nw"
            float *dx = din + (size_t)n * C * H * W;
            if (direct) {
                gemm(dx, w, gn, C, P, K, CRR, P, P, GEMM_TRANS_A | (overwrite ? 0 : GEMM_ACCUMULATE), pack);
            } else {
                gemm(col, w, gn, CRR, P, K, CRR, P, P, GEMM_TRANS_A, pack);
                if (overwrite)
                    memset(dx, 0, (size_t)C * H * W * sizeof *dx);
                col2im(dx, col, C, H, W, R, pad, Ho, Wo);
            }
        #line 496 "book/30a-im2col.nw"
        }
    }
}
#line 291 "book/30b-shifted.nw"
static void conv_copy_floats(float *dst, const float *src, int n)
{
    /* dst[0..n) = src[0..n), which do not overlap */
    #pragma omp simd
    for (int j = 0; j < n; j++)
        dst[j] = src[j];
}

static void conv_pad_clear(float *xp, int C, int H, int W, int pad)
{
    /* xp (C,H+2pad,W+2pad) and the GEMM_SHIFT_TILE floats after it = 0 */
    memset(xp, 0, ((size_t)C * (H + 2 * pad) * (W + 2 * pad) + GEMM_SHIFT_TILE) * sizeof *xp);
}

static void conv_pad_interior(float *xp, const float *x, int C, int H, int W, int pad)
{
    /* x (C,H,W) -> the interior of xp (C,H+2pad,W+2pad); its borders are left as they are */
    int Hp = H + 2 * pad, Wp = W + 2 * pad;
    if (pad == 0) {
        memcpy(xp, x, (size_t)C * H * W * sizeof *xp);
        return;
    }
    for (int c = 0; c < C; c++)
        for (int a = 0; a < H; a++)
            conv_copy_floats(xp + ((size_t)c * Hp + a + pad) * Wp + pad, x + ((size_t)c * H + a) * W, W);
}
#line 328 "book/30b-shifted.nw"
static size_t conv_shift_size(int C, int H, int W, int K, int pad, int Q)
{
    size_t padded = (size_t)C * (H + 2 * pad) * (W + 2 * pad) + GEMM_SHIFT_TILE;
    return conv_lines(padded) + conv_lines((size_t)K * conv_lines(Q) + GEMM_SHIFT_TILE);
}

static size_t conv_shift_shared_size(int C, int K, int R)
{
    size_t forward = conv_lines(gemm_pack_a_size(K, C * R * R)) + conv_lines(C * R * R);
    size_t backward = R * R * conv_lines(gemm_pack_a_size(C, K)) + conv_lines((size_t)C * K) + conv_lines(K);
    return forward > backward ? forward : backward;
}
#line 362 "book/30b-shifted.nw"
void conv2d_forward_fast(float *out, float *planes, const float *in, const float *w,
                         int N, int C, int H, int W, int K, int R, int pad, ConvWork *work)
{
    /* in (N,C,H,W), w (K,C,R,R) -> out (N,K,H+2pad-R+1,W+2pad-R+1), planes NULL or (N,K,2) */
    CHECK(out != NULL && in != NULL && w != NULL);
    #line 77 "book/21-conv.nw"
    CHECK(N > 0 && C > 0 && H > 0 && W > 0 && K > 0 && R > 0);
    CHECK(pad >= 0 && H + 2 * pad >= R && W + 2 * pad >= R);
    int Ho = H + 2 * pad - R + 1, Wo = W + 2 * pad - R + 1;
    #line 381 "book/30a-im2col.nw"
    CHECK(work != NULL && work->size >= conv_work_size(N, C, H, W, K, R, pad));
    int P = Ho * Wo, CRR = C * R * R, direct = R == 1 && pad == 0;
    #line 368 "book/30b-shifted.nw"
    if (direct) {
        conv2d_forward_im2col(out, in, w, N, C, H, W, K, R, pad, work);
        #line 227 "book/31-fast-step.nw"
        if (planes != NULL) {
            #pragma omp parallel for schedule(static)
            for (int n = 0; n < N; n++)
                for (int k = 0; k < K; k++)
                    bn_plane_statistics(planes + ((size_t)n * K + k) * 2, out + ((size_t)n * K + k) * P, P);
        }
        #line 371 "book/30b-shifted.nw"
        return;
    }
    int Hp = H + 2 * pad, Wp = W + 2 * pad, Q = (Ho - 1) * Wp + Wo, Qs = (int)conv_lines(Q);
    #line 353 "book/30b-shifted.nw"
    float *apack = work->mem + work->size - conv_shift_shared_size(C, K, R);
    int *off = (int *)(apack + conv_lines(gemm_pack_a_size(K, CRR)));
    #line 375 "book/30b-shifted.nw"
    #pragma omp parallel
    {
        float *xp = work->mem + omp_get_thread_num() * conv_thread_size(C, H, W, K, R, pad);
        float *ys = xp + conv_lines((size_t)C * Hp * Wp + GEMM_SHIFT_TILE);
        conv_pad_clear(xp, C, H, W, pad);
        #pragma omp single
        {
            gemm_pack_a(apack, w, K, CRR, CRR, 0);
            for (int r = 0; r < CRR; r++)
                off[r] = (r / (R * R) * Hp + r / R % R) * Wp + r % R;
        }
        #pragma omp for schedule(static)
        for (int n = 0; n < N; n++) {
            conv_pad_interior(xp, in + (size_t)n * C * H * W, C, H, W, pad);
            gemm_shifted(ys, apack, xp, off, K, Q, CRR, Qs, 0);
            #line 398 "book/30b-shifted.nw"
            float *y = out + (size_t)n * K * P;
            for (int k = 0; k < K; k++)
                for (int i = 0; i < Ho; i++)
                    conv_copy_floats(y + ((size_t)k * Ho + i) * Wo, ys + (size_t)k * Qs + (size_t)i * Wp, Wo);
            #line 217 "book/31-fast-step.nw"
            if (planes != NULL)
                for (int k = 0; k < K; k++)
                    bn_plane_statistics(planes + ((size_t)n * K + k) * 2, y + (size_t)k * P, P);
        #line 392 "book/30b-shifted.nw"
        }
    }
}
#line 492 "book/30b-shifted.nw"
void conv2d_backward_data_fast(float *din, const float *dout, const float *w,
                               int N, int C, int H, int W, int K, int R, int pad, int overwrite, ConvWork *work)
{
    /* dout (N,K,H+2pad-R+1,W+2pad-R+1), w (K,C,R,R) -> din += or = (N,C,H,W) */
    CHECK(din != NULL && dout != NULL && w != NULL);
    #line 77 "book/21-conv.nw"
    CHECK(N > 0 && C > 0 && H > 0 && W > 0 && K > 0 && R > 0);
    CHECK(pad >= 0 && H + 2 * pad >= R && W + 2 * pad >= R);
    int Ho = H + 2 * pad - R + 1, Wo = W + 2 * pad - R + 1;
    #line 381 "book/30a-im2col.nw"
    CHECK(work != NULL && work->size >= conv_work_size(N, C, H, W, K, R, pad));
    int P = Ho * Wo, CRR = C * R * R, direct = R == 1 && pad == 0;
    #line 498 "book/30b-shifted.nw"
    if (direct || K > GEMM_KC) {
        conv2d_backward_data_im2col(din, dout, w, N, C, H, W, K, R, pad, overwrite, work);
        return;
    }
    int Hp = H + 2 * pad, Wp = W + 2 * pad, Q = (Ho - 1) * Wp + Wo, Qs = (int)conv_lines(Q);
    size_t asize = conv_lines(gemm_pack_a_size(C, K));
    float *apack = work->mem + work->size - conv_shift_shared_size(C, K, R);
    #pragma omp parallel
    {
        float *dxp = work->mem + omp_get_thread_num() * conv_thread_size(C, H, W, K, R, pad);
        float *gp = dxp + conv_lines((size_t)C * Hp * Wp + GEMM_SHIFT_TILE);
        memset(gp, 0, ((size_t)K * Qs + GEMM_SHIFT_TILE) * sizeof *gp);
        #pragma omp single
        {
            #line 471 "book/30b-shifted.nw"
            float *wt = apack + R * R * asize;
            for (int r = 0; r < R * R; r++) {
                for (int c = 0; c < C; c++)
                    for (int k = 0; k < K; k++)
                        wt[(size_t)c * K + k] = w[(size_t)k * CRR + c * R * R + r];
                gemm_pack_a(apack + r * asize, wt, C, K, K, 0);
            }
            int *off = (int *)(wt + conv_lines((size_t)C * K));
            for (int k = 0; k < K; k++)
                off[k] = k * Qs;
        #line 513 "book/30b-shifted.nw"
        }
        const int *off = (const int *)(apack + R * R * asize + conv_lines((size_t)C * K));
        #pragma omp for schedule(static)
        for (int n = 0; n < N; n++) {
            float *dx = din + (size_t)n * C * H * W;
            #line 530 "book/30b-shifted.nw"
            memset(dxp, 0, (size_t)C * Hp * Wp * sizeof *dxp);
            if (!overwrite)
                conv_pad_interior(dxp, dx, C, H, W, pad);
            #line 536 "book/30b-shifted.nw"
            const float *gn = dout + (size_t)n * K * P;
            for (int k = 0; k < K; k++)
                for (int i = 0; i < Ho; i++)
                    conv_copy_floats(gp + (size_t)k * Qs + (size_t)i * Wp, gn + ((size_t)k * Ho + i) * Wo, Wo);
            #line 520 "book/30b-shifted.nw"
            for (int r = 0; r < R * R; r++)
                gemm_shifted(dxp + r / R * Wp + r % R, apack + r * asize, gp, off, C, Q, K, Hp * Wp,
                             GEMM_ACCUMULATE);
            #line 553 "book/30b-shifted.nw"
            for (int c = 0; c < C; c++)
                for (int a = 0; a < H; a++)
                    conv_copy_floats(dx + ((size_t)c * H + a) * W, dxp + ((size_t)c * Hp + a + pad) * Wp + pad, W);
        #line 524 "book/30b-shifted.nw"
        }
    }
}
#line 745 "book/30b-shifted.nw"
static int conv_runs(int *start, int *len, int Ho, int Wo, int Wp)
{
    /* the offsets i*Wp + j of the P = Ho*Wo output pixels, in order, as runs cut at multiples of GEMM_KC */
    int n = 0, p = 0;
    for (int i = 0; i < Ho; i++)
        for (int j = 0; j < Wo;) {
            int to_slice = GEMM_KC - p % GEMM_KC, l = Wo - j < to_slice ? Wo - j : to_slice;
            start[n] = i * Wp + j, len[n] = l, n++;
            j += l, p += l;
        }
    return n;
}
#line 766 "book/30b-shifted.nw"
static size_t conv_weights_size(int C, int H, int W, int K, int R, int pad)
{
    int Ho = H + 2 * pad - R + 1, Wo = W + 2 * pad - R + 1;
    if (K > GEMM_NC)
        return 0;
    size_t padded = (size_t)C * (H + 2 * pad) * (W + 2 * pad) + GEMM_SHIFT_TILE;
    return conv_lines(gemm_packed_size(K, Ho * Wo)) + conv_lines(padded);
}

static size_t conv_weights_index_size(int C, int R, int Ho, int Wo)
{
    return conv_lines(C * R * R) + conv_lines(2 * (Ho + Ho * Wo / GEMM_KC + 1));
}
#line 787 "book/30b-shifted.nw"
void conv2d_backward_weights_fast(float *dw, const float *dout, const float *in,
                                  int N, int C, int H, int W, int K, int R, int pad, ConvWork *work)
{
    /* dout (N,K,H+2pad-R+1,W+2pad-R+1), in (N,C,H,W) -> dw += (K,C,R,R) */
    CHECK(dw != NULL && dout != NULL && in != NULL);
    #line 77 "book/21-conv.nw"
    CHECK(N > 0 && C > 0 && H > 0 && W > 0 && K > 0 && R > 0);
    CHECK(pad >= 0 && H + 2 * pad >= R && W + 2 * pad >= R);
    int Ho = H + 2 * pad - R + 1, Wo = W + 2 * pad - R + 1;
    #line 381 "book/30a-im2col.nw"
    CHECK(work != NULL && work->size >= conv_work_size(N, C, H, W, K, R, pad));
    int P = Ho * Wo, CRR = C * R * R, direct = R == 1 && pad == 0;
    #line 793 "book/30b-shifted.nw"
    if (direct || K > GEMM_NC) {
        conv2d_backward_weights_im2col(dw, dout, in, N, C, H, W, K, R, pad, work);
        return;
    }
    int Hp = H + 2 * pad, Wp = W + 2 * pad, groups = (N + CONV_GROUP - 1) / CONV_GROUP;
    size_t nw = (size_t)K * CRR, dw_size = conv_lines(nw), part = conv_thread_size(C, H, W, K, R, pad);
    float *dw_groups = work->mem + work->size - groups * dw_size;
    int *off = (int *)(work->mem + omp_get_max_threads() * part), *start = off + conv_lines(CRR);
    int *len = start + Ho + P / GEMM_KC + 1, nruns = 0;
    #pragma omp parallel
    {
        float *gt = work->mem + omp_get_thread_num() * part;
        float *xp = gt + conv_lines(gemm_packed_size(K, P));
        conv_pad_clear(xp, C, H, W, pad);
        #pragma omp single
        {
            for (int r = 0; r < CRR; r++)
                off[r] = (r / (R * R) * Hp + r / R % R) * Wp + r % R;
            nruns = conv_runs(start, len, Ho, Wo, Wp);
        }
        #line 820 "book/30b-shifted.nw"
        #pragma omp for schedule(static)
        for (int g = 0; g < groups; g++) {
            float *dwg = dw_groups + g * dw_size;
            int n1 = (g + 1) * CONV_GROUP < N ? (g + 1) * CONV_GROUP : N;
            for (int n = g * CONV_GROUP; n < n1; n++) {
                conv_pad_interior(xp, in + (size_t)n * C * H * W, C, H, W, pad);
                gemm_pack_b(gt, dout + (size_t)n * K * P, K, P, P, GEMM_TRANS_B);
                gemm_shifted_a(dwg, xp, off, start, len, nruns, gt, CRR, K, P, K,
                               n > g * CONV_GROUP ? GEMM_ACCUMULATE : 0);
            }
        }
        #line 843 "book/30b-shifted.nw"
        #pragma omp for schedule(static)
        for (size_t i = 0; i < nw; i++) {
            size_t at = i % CRR * K + i / CRR;
            float s = 0;
            for (int g = 0; g < groups; g++)
                s += dw_groups[g * dw_size + at];
            dw[i] += s;
        }
    #line 815 "book/30b-shifted.nw"
    }
}
