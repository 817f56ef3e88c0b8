#line 765 "book/30-fast-conv.nw"
#pragma GCC optimize("O3", "fp-contract=fast")
#line 127 "book/30-fast-conv.nw"
#include <string.h>
#include "base/check.h"
#include "layers/gemm.h"
#line 776 "book/30-fast-conv.nw"
#if defined(__x86_64__) && !defined(GEMM_GENERIC_ONLY)
#define GEMM_X86 1
#else
#define GEMM_X86 0
#endif
#line 286 "book/30-fast-conv.nw"
#if GEMM_X86
__attribute__((target("arch=x86-64-v4")))
static void gemm_pack_rows16_avx512(float *panel, const float *a, int lda, int k);
__attribute__((target("avx2")))
static void gemm_transpose8_avx2(float *dst, int ldd, const float *const *rows, int k);
#endif
#line 587 "book/30-fast-conv.nw"
#define GEMM_BLOCK_ARGS float *c, int ldc, const float *apack, const float *bpack, \
                        int mc, int nc, int kc, int overwrite
#line 655 "book/30-fast-conv.nw"
_Static_assert(GEMM_NR == 16, "the AVX-512 kernel takes a panel of B as one vector of 16 floats");
#line 723 "book/30-fast-conv.nw"
_Static_assert(GEMM_NR == 16 && GEMM_MR % 2 == 0, "the AVX2 kernel takes a panel of B as two vectors of 8 floats");
#line 205 "book/30b-shifted.nw"
#define GEMM_SHIFTED_ARGS float *c, int ldc, const float *apack, const float *x, const int *off, \
                          int mc, int nc, int kc, int overwrite
static void gemm_shifted_block(GEMM_SHIFTED_ARGS);
#line 692 "book/30b-shifted.nw"
#define GEMM_SHIFTED_A_ARGS float *c, int ldc, const float *x, const int *off, const int *start, \
                            const int *len, int nruns, const float *bpack, int mc, int nc, int kc, int overwrite
static void gemm_shifted_a_block(GEMM_SHIFTED_A_ARGS);
#line 212 "book/30-fast-conv.nw"
static void gemm_pack(float *dst, const float *a, int lda, int trans,
                      int i0, int m, int p0, int k, int width)
{
    /* op(a)[i0 .. i0+m, p0 .. p0+k] -> dst: panels of width rows, column after column */
    for (int s = 0; s < m; s += width) {
        int rows = m - s < width ? m - s : width;
        float *panel = dst + (size_t)(s / width) * k * width;
        if (trans) {
            #line 239 "book/30-fast-conv.nw"
            for (int p = 0; p < k; p++) {
                const float *src = a + (size_t)(p0 + p) * lda + i0 + s;
                #pragma omp simd
                for (int i = 0; i < rows; i++)
                    panel[(size_t)p * width + i] = src[i];
            }
        #line 221 "book/30-fast-conv.nw"
        } else {
            #line 248 "book/30-fast-conv.nw"
            #if GEMM_X86
            if (rows == 16 && width == 16 && __builtin_cpu_supports("x86-64-v4")) {
                gemm_pack_rows16_avx512(panel, a + (size_t)(i0 + s) * lda + p0, lda, k);
                continue;
            }
            if (rows == width && width % 8 == 0 && __builtin_cpu_supports("avx2")) {
                for (int h = 0; h < width; h += 8) {
                    const float *eight[8];
                    for (int i = 0; i < 8; i++)
                        eight[i] = a + (size_t)(i0 + s + h + i) * lda + p0;
                    gemm_transpose8_avx2(panel + h, width, eight, k);
                }
                continue;
            }
            #endif
            for (int i = 0; i < rows; i++) {
                const float *src = a + (size_t)(i0 + s + i) * lda + p0;
                for (int p = 0; p < k; p++)
                    panel[(size_t)p * width + i] = src[p];
            }
        #line 223 "book/30-fast-conv.nw"
        }
        #line 394 "book/30-fast-conv.nw"
        for (int p = 0; p < k && rows < width; p++)
            for (int i = rows; i < width; i++)
                panel[(size_t)p * width + i] = 0;
    #line 225 "book/30-fast-conv.nw"
    }
}
#line 295 "book/30-fast-conv.nw"
#if GEMM_X86
typedef float gemm_v16 __attribute__((vector_size(64)));
typedef int gemm_i16 __attribute__((vector_size(64)));

__attribute__((target("arch=x86-64-v4"), always_inline))
static inline void gemm_transpose_stage(gemm_v16 *r, int b)
{
    gemm_i16 lo, hi;
    for (int j = 0; j < 16; j++) {
        lo[j] = j & b ? 16 + j - b : j;
        hi[j] = j & b ? 16 + j : j + b;
    }
    for (int i = 0; i < 16; i++)
        if (!(i & b)) {
            gemm_v16 x = r[i], y = r[i + b];
            r[i] = __builtin_shuffle(x, y, lo);
            r[i + b] = __builtin_shuffle(x, y, hi);
        }
}

__attribute__((target("arch=x86-64-v4")))
static void gemm_pack_rows16_avx512(float *panel, const float *a, int lda, int k)
{
    /* a: 16 rows of k floats, lda apart -> panel (k,16): panel[p * 16 + i] = a[i * lda + p] */
    int p = 0;
    for (; p + 16 <= k; p += 16) {
        gemm_v16 r[16];
        for (int i = 0; i < 16; i++)
            memcpy(&r[i], a + (size_t)i * lda + p, sizeof r[i]);
        gemm_transpose_stage(r, 8);
        gemm_transpose_stage(r, 4);
        gemm_transpose_stage(r, 2);
        gemm_transpose_stage(r, 1);
        for (int q = 0; q < 16; q++)
            memcpy(panel + (size_t)(p + q) * 16, &r[q], sizeof r[q]);
    }
    for (; p < k; p++)
        for (int i = 0; i < 16; i++)
            panel[(size_t)p * 16 + i] = a[(size_t)i * lda + p];
}
#endif
#line 351 "book/30-fast-conv.nw"
#if GEMM_X86
typedef float gemm_v8 __attribute__((vector_size(32)));
typedef int gemm_i8 __attribute__((vector_size(32)));

__attribute__((target("avx2"), always_inline))
static inline void gemm_transpose_stage8(gemm_v8 *r, int b)
{
    gemm_i8 lo, hi;
    for (int j = 0; j < 8; j++) {
        lo[j] = j & b ? 8 + j - b : j;
        hi[j] = j & b ? 8 + j : j + b;
    }
    for (int i = 0; i < 8; i++)
        if (!(i & b)) {
            gemm_v8 x = r[i], y = r[i + b];
            r[i] = __builtin_shuffle(x, y, lo);
            r[i + b] = __builtin_shuffle(x, y, hi);
        }
}

__attribute__((target("avx2")))
static void gemm_transpose8_avx2(float *dst, int ldd, const float *const *rows, int k)
{
    /* rows: 8 rows of k floats -> dst (k,8), ldd apart: dst[p * ldd + i] = rows[i][p] */
    int p = 0;
    for (; p + 8 <= k; p += 8) {
        gemm_v8 r[8];
        for (int i = 0; i < 8; i++)
            memcpy(&r[i], rows[i] + p, sizeof r[i]);
        gemm_transpose_stage8(r, 4);
        gemm_transpose_stage8(r, 2);
        gemm_transpose_stage8(r, 1);
        for (int q = 0; q < 8; q++)
            memcpy(dst + (size_t)(p + q) * ldd, &r[q], sizeof r[q]);
    }
    for (; p < k; p++)
        for (int i = 0; i < 8; i++)
            dst[(size_t)p * ldd + i] = rows[i][p];
}
#endif
#line 433 "book/30-fast-conv.nw"
static int gemm_round(int n, int block, int panel)
{
    n = n < block ? n : block;
    return (n + panel - 1) / panel * panel;
}

size_t gemm_pack_size(int M, int N, int K)
{
    size_t kc = gemm_round(K, GEMM_KC, 1);
    return kc * gemm_round(M, GEMM_MC, GEMM_MR) + kc * gemm_round(N, GEMM_NC, GEMM_NR);
}
#line 559 "book/30-fast-conv.nw"
#if GEMM_X86
__attribute__((target("arch=x86-64-v4")))
static void gemm_block_avx512(GEMM_BLOCK_ARGS)
{
    typedef float vec __attribute__((vector_size(64)));
    #line 609 "book/30-fast-conv.nw"
    enum { VL = sizeof(vec) / sizeof(float), SR = GEMM_MR };
    int jr = 0;
    for (; jr + GEMM_NR < nc; jr += 2 * GEMM_NR)
        for (int ir = 0; ir < mc; ir += GEMM_MR) {
            const float *ap = apack + (size_t)ir * kc, *bp = bpack + (size_t)jr * kc;
            vec pair[2][GEMM_MR];
            #line 636 "book/30-fast-conv.nw"
            for (int i = 0; i < GEMM_MR; i++)
                pair[0][i] = pair[1][i] = (vec){0};
            for (int p = 0; p < kc; p++) {
                vec b0, b1;
                memcpy(&b0, bp + (size_t)p * GEMM_NR, sizeof b0);
                memcpy(&b1, bp + (size_t)(kc + p) * GEMM_NR, sizeof b1);
                for (int i = 0; i < GEMM_MR; i++) {
                    float a = ap[p * GEMM_MR + i];
                    pair[0][i] += a * b0;
                    pair[1][i] += a * b1;
                }
            }
            #line 616 "book/30-fast-conv.nw"
            for (int h = 0; h < 2; h++) {
                int jv = h * GEMM_NR;
                float *ct = c + (size_t)ir * ldc + jr + jv;
                const vec *acc = pair[h];
                #line 515 "book/30-fast-conv.nw"
                int mr = mc - ir < SR ? mc - ir : SR;
                int nr = nc - jr - jv < VL ? nc - jr - jv : VL;
                if (mr == SR && nr == VL) {
                    #line 525 "book/30-fast-conv.nw"
                    for (int i = 0; i < SR; i++) {
                        float *ci = ct + (size_t)i * ldc;
                        vec old = {0};
                        if (!overwrite)
                            memcpy(&old, ci, sizeof old);
                        old += acc[i];
                        memcpy(ci, &old, sizeof old);
                    }
                #line 519 "book/30-fast-conv.nw"
                } else {
                    #line 536 "book/30-fast-conv.nw"
                    float tile[SR][VL];
                    memcpy(tile, acc, sizeof tile);
                    for (int i = 0; i < mr; i++)
                        for (int j = 0; j < nr; j++) {
                            float *cij = ct + (size_t)i * ldc + j;
                            *cij = overwrite ? tile[i][j] : *cij + tile[i][j];
                        }
                #line 521 "book/30-fast-conv.nw"
                }
            #line 621 "book/30-fast-conv.nw"
            }
        }
    for (; jr < nc; jr += GEMM_NR)
        for (int ir = 0; ir < mc; ir += GEMM_MR) {
            const int jv = 0;
            const float *ap = apack + (size_t)ir * kc, *bp = bpack + (size_t)jr * kc;
            float *ct = c + (size_t)ir * ldc + jr;
            vec acc[GEMM_MR];
            #line 501 "book/30-fast-conv.nw"
            for (int i = 0; i < GEMM_MR; i++)
                acc[i] = (vec){0};
            #line 488 "book/30-fast-conv.nw"
            for (int p = 0; p < kc; p++) {
                vec b;
                memcpy(&b, bp + (size_t)p * GEMM_NR, sizeof b);
                for (int i = 0; i < GEMM_MR; i++)
                    acc[i] += ap[p * GEMM_MR + i] * b;
            }
            #line 515 "book/30-fast-conv.nw"
            int mr = mc - ir < SR ? mc - ir : SR;
            int nr = nc - jr - jv < VL ? nc - jr - jv : VL;
            if (mr == SR && nr == VL) {
                #line 525 "book/30-fast-conv.nw"
                for (int i = 0; i < SR; i++) {
                    float *ci = ct + (size_t)i * ldc;
                    vec old = {0};
                    if (!overwrite)
                        memcpy(&old, ci, sizeof old);
                    old += acc[i];
                    memcpy(ci, &old, sizeof old);
                }
            #line 519 "book/30-fast-conv.nw"
            } else {
                #line 536 "book/30-fast-conv.nw"
                float tile[SR][VL];
                memcpy(tile, acc, sizeof tile);
                for (int i = 0; i < mr; i++)
                    for (int j = 0; j < nr; j++) {
                        float *cij = ct + (size_t)i * ldc + j;
                        *cij = overwrite ? tile[i][j] : *cij + tile[i][j];
                    }
            #line 521 "book/30-fast-conv.nw"
            }
        #line 632 "book/30-fast-conv.nw"
        }
#line 565 "book/30-fast-conv.nw"
}

__attribute__((target("avx2,fma")))
static void gemm_block_avx2(GEMM_BLOCK_ARGS)
{
    typedef float vec __attribute__((vector_size(32)));
    #line 680 "book/30-fast-conv.nw"
    enum { VL = sizeof(vec) / sizeof(float), SR = GEMM_MR / 2 };
    for (int jr = 0; jr < nc; jr += GEMM_NR)
        for (int ir = 0; ir < mc; ir += SR) {
            const float *ap = apack + (size_t)(ir / GEMM_MR) * GEMM_MR * kc + ir % GEMM_MR;
            const float *bp = bpack + (size_t)jr * kc;
            vec acc2[2][SR];
            #line 696 "book/30-fast-conv.nw"
            for (int i = 0; i < SR; i++)
                acc2[0][i] = acc2[1][i] = (vec){0};
            #line 687 "book/30-fast-conv.nw"
            for (int p = 0; p < kc; p++) {
                const float *brow = bp + (size_t)p * GEMM_NR;
                #line 701 "book/30-fast-conv.nw"
                vec b0, b1;
                memcpy(&b0, brow, sizeof b0);
                memcpy(&b1, brow + VL, sizeof b1);
                for (int i = 0; i < SR; i++) {
                    float a = ap[p * GEMM_MR + i];
                    acc2[0][i] += a * b0;
                    acc2[1][i] += a * b1;
                }
            #line 690 "book/30-fast-conv.nw"
            }
            #line 712 "book/30-fast-conv.nw"
            for (int jv = 0; jv < 2 * VL && jr + jv < nc; jv += VL) {
                float *ct = c + (size_t)ir * ldc + jr + jv;
                const vec *acc = acc2[jv / VL];
                #line 515 "book/30-fast-conv.nw"
                int mr = mc - ir < SR ? mc - ir : SR;
                int nr = nc - jr - jv < VL ? nc - jr - jv : VL;
                if (mr == SR && nr == VL) {
                    #line 525 "book/30-fast-conv.nw"
                    for (int i = 0; i < SR; i++) {
                        float *ci = ct + (size_t)i * ldc;
                        vec old = {0};
                        if (!overwrite)
                            memcpy(&old, ci, sizeof old);
                        old += acc[i];
                        memcpy(ci, &old, sizeof old);
                    }
                #line 519 "book/30-fast-conv.nw"
                } else {
                    #line 536 "book/30-fast-conv.nw"
                    float tile[SR][VL];
                    memcpy(tile, acc, sizeof tile);
                    for (int i = 0; i < mr; i++)
                        for (int j = 0; j < nr; j++) {
                            float *cij = ct + (size_t)i * ldc + j;
                            *cij = overwrite ? tile[i][j] : *cij + tile[i][j];
                        }
                #line 521 "book/30-fast-conv.nw"
                }
            #line 716 "book/30-fast-conv.nw"
            }
        #line 692 "book/30-fast-conv.nw"
        }
#line 572 "book/30-fast-conv.nw"
}
#endif

static void gemm_block_generic(GEMM_BLOCK_ARGS)
{
    typedef float vec __attribute__((vector_size(16)));
    #line 471 "book/30-fast-conv.nw"
    enum { VL = sizeof(vec) / sizeof(float), SR = GEMM_MR };
    for (int jr = 0; jr < nc; jr += GEMM_NR)
        for (int ir = 0; ir < mc; ir += GEMM_MR)
            for (int jv = 0; jv < GEMM_NR && jr + jv < nc; jv += VL) {
                const float *ap = apack + (size_t)ir * kc, *bp = bpack + (size_t)jr * kc + jv;
                float *ct = c + (size_t)ir * ldc + jr + jv;
                vec acc[GEMM_MR];
                #line 501 "book/30-fast-conv.nw"
                for (int i = 0; i < GEMM_MR; i++)
                    acc[i] = (vec){0};
                #line 488 "book/30-fast-conv.nw"
                for (int p = 0; p < kc; p++) {
                    vec b;
                    memcpy(&b, bp + (size_t)p * GEMM_NR, sizeof b);
                    for (int i = 0; i < GEMM_MR; i++)
                        acc[i] += ap[p * GEMM_MR + i] * b;
                }
                #line 515 "book/30-fast-conv.nw"
                int mr = mc - ir < SR ? mc - ir : SR;
                int nr = nc - jr - jv < VL ? nc - jr - jv : VL;
                if (mr == SR && nr == VL) {
                    #line 525 "book/30-fast-conv.nw"
                    for (int i = 0; i < SR; i++) {
                        float *ci = ct + (size_t)i * ldc;
                        vec old = {0};
                        if (!overwrite)
                            memcpy(&old, ci, sizeof old);
                        old += acc[i];
                        memcpy(ci, &old, sizeof old);
                    }
                #line 519 "book/30-fast-conv.nw"
                } else {
                    #line 536 "book/30-fast-conv.nw"
                    float tile[SR][VL];
                    memcpy(tile, acc, sizeof tile);
                    for (int i = 0; i < mr; i++)
                        for (int j = 0; j < nr; j++) {
                            float *cij = ct + (size_t)i * ldc + j;
                            *cij = overwrite ? tile[i][j] : *cij + tile[i][j];
                        }
                #line 521 "book/30-fast-conv.nw"
                }
            #line 481 "book/30-fast-conv.nw"
            }
#line 579 "book/30-fast-conv.nw"
}
#line 792 "book/30-fast-conv.nw"
static void gemm_block(GEMM_BLOCK_ARGS)
{
#if GEMM_X86
    if (__builtin_cpu_supports("x86-64-v4")) {
        gemm_block_avx512(c, ldc, apack, bpack, mc, nc, kc, overwrite);
        return;
    }
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
        gemm_block_avx2(c, ldc, apack, bpack, mc, nc, kc, overwrite);
        return;
    }
#endif
    gemm_block_generic(c, ldc, apack, bpack, mc, nc, kc, overwrite);
}
#line 815 "book/30-fast-conv.nw"
void gemm(float *c, const float *a, const float *b, int M, int N, int K,
          int lda, int ldb, int ldc, int flags, float *pack)
{
    /* c (M,N) = or += op(a) (M,K) . op(b) (K,N) */
    #line 148 "book/30-fast-conv.nw"
    CHECK(c != NULL && a != NULL && b != NULL && pack != NULL);
    CHECK(M > 0 && N > 0 && K > 0);
    CHECK(lda >= (flags & GEMM_TRANS_A ? M : K));
    CHECK(ldb >= (flags & GEMM_TRANS_B ? K : N));
    CHECK(ldc >= N);
    #line 820 "book/30-fast-conv.nw"
    int ta = (flags & GEMM_TRANS_A) != 0, tb = (flags & GEMM_TRANS_B) != 0;
    float *bpack = pack + (size_t)gemm_round(K, GEMM_KC, 1) * gemm_round(M, GEMM_MC, GEMM_MR);
    for (int jc = 0; jc < N; jc += GEMM_NC) {
        int nc = N - jc < GEMM_NC ? N - jc : GEMM_NC;
        for (int pc = 0; pc < K; pc += GEMM_KC) {
            int kc = K - pc < GEMM_KC ? K - pc : GEMM_KC;
            int overwrite = pc == 0 && !(flags & GEMM_ACCUMULATE);
            gemm_pack(bpack, b, ldb, !tb, jc, nc, pc, kc, GEMM_NR);
            #line 835 "book/30-fast-conv.nw"
            for (int ic = 0; ic < M; ic += GEMM_MC) {
                int mc = M - ic < GEMM_MC ? M - ic : GEMM_MC;
                gemm_pack(pack, a, lda, ta, ic, mc, pc, kc, GEMM_MR);
                gemm_block(c + (size_t)ic * ldc + jc, ldc, pack, bpack, mc, nc, kc, overwrite);
            }
        #line 829 "book/30-fast-conv.nw"
        }
    }
}
#line 281 "book/30a-im2col.nw"
size_t gemm_packed_size(int N, int K)
{
    CHECK(N > 0 && N <= GEMM_NC && K > 0);
    return (size_t)K * gemm_round(N, GEMM_NC, GEMM_NR);
}

void gemm_pack_row(float *bpack, const float *row, int p, int N, int K)
{
    CHECK(bpack != NULL && row != NULL && N > 0 && N <= GEMM_NC && p >= 0 && p < K);
    int pc = p / GEMM_KC * GEMM_KC, kc = K - pc < GEMM_KC ? K - pc : GEMM_KC;
    float *dst = bpack + (size_t)pc * gemm_round(N, GEMM_NC, GEMM_NR) + (size_t)(p - pc) * GEMM_NR;
    for (int j0 = 0; j0 < N; j0 += GEMM_NR, dst += (size_t)kc * GEMM_NR) {
        int n = N - j0 < GEMM_NR ? N - j0 : GEMM_NR;
        #pragma omp simd
        for (int j = 0; j < n; j++)
            dst[j] = row[j0 + j];
        for (int j = n; j < GEMM_NR; j++)
            dst[j] = 0;
    }
}
#line 308 "book/30a-im2col.nw"
void gemm_packed(float *c, const float *a, const float *packed, int M, int N, int K,
                 int lda, int ldc, int flags, float *pack)
{
    /* c (M,N) = or += op(a) (M,K) . b (K,N), b in the packed layout */
    CHECK(c != NULL && a != NULL && packed != NULL && pack != NULL);
    CHECK(M > 0 && N > 0 && N <= GEMM_NC && K > 0 && !(flags & GEMM_TRANS_B));
    CHECK(lda >= (flags & GEMM_TRANS_A ? M : K) && ldc >= N);
    int ta = (flags & GEMM_TRANS_A) != 0, jc = 0, nc = N;
    for (int pc = 0; pc < K; pc += GEMM_KC) {
        int kc = K - pc < GEMM_KC ? K - pc : GEMM_KC;
        int overwrite = pc == 0 && !(flags & GEMM_ACCUMULATE);
        const float *bpack = packed + (size_t)pc * gemm_round(N, GEMM_NC, GEMM_NR);
        #line 835 "book/30-fast-conv.nw"
        for (int ic = 0; ic < M; ic += GEMM_MC) {
            int mc = M - ic < GEMM_MC ? M - ic : GEMM_MC;
            gemm_pack(pack, a, lda, ta, ic, mc, pc, kc, GEMM_MR);
            gemm_block(c + (size_t)ic * ldc + jc, ldc, pack, bpack, mc, nc, kc, overwrite);
        }
    #line 321 "book/30a-im2col.nw"
    }
}
#line 66 "book/30b-shifted.nw"
size_t gemm_pack_a_size(int M, int K)
{
    CHECK(M > 0 && K > 0);
    return (size_t)(M + GEMM_MR - 1) / GEMM_MR * GEMM_MR * K;
}

void gemm_pack_a(float *apack, const float *a, int M, int K, int lda, int flags)
{
    CHECK(apack != NULL && a != NULL && M > 0 && K > 0 && (flags & ~GEMM_TRANS_A) == 0);
    CHECK(lda >= (flags & GEMM_TRANS_A ? M : K));
    for (int pc = 0; pc < K; pc += GEMM_KC) {
        int kc = K - pc < GEMM_KC ? K - pc : GEMM_KC;
        float *slice = apack + (size_t)(M + GEMM_MR - 1) / GEMM_MR * GEMM_MR * pc;
        gemm_pack(slice, a, lda, (flags & GEMM_TRANS_A) != 0, 0, M, pc, kc, GEMM_MR);
    }
}
#line 105 "book/30b-shifted.nw"
void gemm_shifted(float *c, const float *apack, const float *x, const int *off,
                  int M, int N, int K, int ldc, int flags)
{
    /* c (M,N) = or += op(a) (M,K) . x shifted by off (K) */
    CHECK(c != NULL && apack != NULL && x != NULL && off != NULL);
    CHECK(M > 0 && N > 0 && K > 0 && ldc >= N && (flags & ~GEMM_ACCUMULATE) == 0);
    for (int p = 0; p < K; p++)
        CHECK(off[p] >= 0);
    size_t mr = gemm_pack_a_size(M, 1);
    for (int pc = 0; pc < K; pc += GEMM_KC) {
        int kc = K - pc < GEMM_KC ? K - pc : GEMM_KC;
        for (int ic = 0; ic < M; ic += GEMM_MC) {
            int mc = M - ic < GEMM_MC ? M - ic : GEMM_MC;
            gemm_shifted_block(c + (size_t)ic * ldc, ldc, apack + mr * pc + (size_t)ic * kc, x, off + pc,
                               mc, N, kc, pc == 0 && !(flags & GEMM_ACCUMULATE));
        }
    }
}
#line 211 "book/30b-shifted.nw"
#if GEMM_X86
__attribute__((target("arch=x86-64-v4")))
static void gemm_shifted_avx512(GEMM_SHIFTED_ARGS)
{
    typedef float vec __attribute__((vector_size(64)));
    enum { SR = GEMM_MR, NV = 2 };
    #line 155 "book/30b-shifted.nw"
    enum { VL = sizeof(vec) / sizeof(float) };
    _Static_assert(NV * VL <= GEMM_SHIFT_TILE, "a tile of columns must fit in GEMM_SHIFT_TILE");
    for (int jr = 0; jr < nc; jr += NV * VL)
        for (int ir = 0; ir < mc; ir += SR) {
            const float *ap = apack + (size_t)(ir / GEMM_MR) * GEMM_MR * kc + ir % GEMM_MR, *xq = x + jr;
            vec accs[NV][SR];
            #line 177 "book/30b-shifted.nw"
            #pragma GCC unroll 4
            for (int v = 0; v < NV; v++)
                for (int i = 0; i < SR; i++)
                    accs[v][i] = (vec){0};
            #line 162 "book/30b-shifted.nw"
            for (int p = 0; p < kc; p++) {
                const float *brow = xq + off[p];
                #line 184 "book/30b-shifted.nw"
                vec b[NV];
                #pragma GCC unroll 4
                for (int v = 0; v < NV; v++)
                    memcpy(&b[v], brow + v * VL, sizeof b[v]);
                for (int i = 0; i < SR; i++) {
                    float a = ap[p * GEMM_MR + i];
                    #pragma GCC unroll 4
                    for (int v = 0; v < NV; v++)
                        accs[v][i] += a * b[v];
                }
            #line 165 "book/30b-shifted.nw"
            }
            #line 197 "book/30b-shifted.nw"
            for (int jv = 0; jv < NV * VL && jr + jv < nc; jv += VL) {
                float *ct = c + (size_t)ir * ldc + jr + jv;
                const vec *acc = accs[jv / VL];
                #line 515 "book/30-fast-conv.nw"
                int mr = mc - ir < SR ? mc - ir : SR;
                int nr = nc - jr - jv < VL ? nc - jr - jv : VL;
                if (mr == SR && nr == VL) {
                    #line 525 "book/30-fast-conv.nw"
                    for (int i = 0; i < SR; i++) {
                        float *ci = ct + (size_t)i * ldc;
                        vec old = {0};
                        if (!overwrite)
                            memcpy(&old, ci, sizeof old);
                        old += acc[i];
                        memcpy(ci, &old, sizeof old);
                    }
                #line 519 "book/30-fast-conv.nw"
                } else {
                    #line 536 "book/30-fast-conv.nw"
                    float tile[SR][VL];
                    memcpy(tile, acc, sizeof tile);
                    for (int i = 0; i < mr; i++)
                        for (int j = 0; j < nr; j++) {
                            float *cij = ct + (size_t)i * ldc + j;
                            *cij = overwrite ? tile[i][j] : *cij + tile[i][j];
                        }
                #line 521 "book/30-fast-conv.nw"
                }
            #line 201 "book/30b-shifted.nw"
            }
        #line 167 "book/30b-shifted.nw"
        }
#line 218 "book/30b-shifted.nw"
}

__attribute__((target("avx2,fma")))
static void gemm_shifted_avx2(GEMM_SHIFTED_ARGS)
{
    typedef float vec __attribute__((vector_size(32)));
    enum { SR = GEMM_MR / 2, NV = 3 };
    #line 155 "book/30b-shifted.nw"
    enum { VL = sizeof(vec) / sizeof(float) };
    _Static_assert(NV * VL <= GEMM_SHIFT_TILE, "a tile of columns must fit in GEMM_SHIFT_TILE");
    for (int jr = 0; jr < nc; jr += NV * VL)
        for (int ir = 0; ir < mc; ir += SR) {
            const float *ap = apack + (size_t)(ir / GEMM_MR) * GEMM_MR * kc + ir % GEMM_MR, *xq = x + jr;
            vec accs[NV][SR];
            #line 177 "book/30b-shifted.nw"
            #pragma GCC unroll 4
            for (int v = 0; v < NV; v++)
                for (int i = 0; i < SR; i++)
                    accs[v][i] = (vec){0};
            #line 162 "book/30b-shifted.nw"
            for (int p = 0; p < kc; p++) {
                const float *brow = xq + off[p];
                #line 184 "book/30b-shifted.nw"
                vec b[NV];
                #pragma GCC unroll 4
                for (int v = 0; v < NV; v++)
                    memcpy(&b[v], brow + v * VL, sizeof b[v]);
                for (int i = 0; i < SR; i++) {
                    float a = ap[p * GEMM_MR + i];
                    #pragma GCC unroll 4
                    for (int v = 0; v < NV; v++)
                        accs[v][i] += a * b[v];
                }
            #line 165 "book/30b-shifted.nw"
            }
            #line 197 "book/30b-shifted.nw"
            for (int jv = 0; jv < NV * VL && jr + jv < nc; jv += VL) {
                float *ct = c + (size_t)ir * ldc + jr + jv;
                const vec *acc = accs[jv / VL];
                #line 515 "book/30-fast-conv.nw"
                int mr = mc - ir < SR ? mc - ir : SR;
                int nr = nc - jr - jv < VL ? nc - jr - jv : VL;
                if (mr == SR && nr == VL) {
                    #line 525 "book/30-fast-conv.nw"
                    for (int i = 0; i < SR; i++) {
                        float *ci = ct + (size_t)i * ldc;
                        vec old = {0};
                        if (!overwrite)
                            memcpy(&old, ci, sizeof old);
                        old += acc[i];
                        memcpy(ci, &old, sizeof old);
                    }
                #line 519 "book/30-fast-conv.nw"
                } else {
                    #line 536 "book/30-fast-conv.nw"
                    float tile[SR][VL];
                    memcpy(tile, acc, sizeof tile);
                    for (int i = 0; i < mr; i++)
                        for (int j = 0; j < nr; j++) {
                            float *cij = ct + (size_t)i * ldc + j;
                            *cij = overwrite ? tile[i][j] : *cij + tile[i][j];
                        }
                #line 521 "book/30-fast-conv.nw"
                }
            #line 201 "book/30b-shifted.nw"
            }
        #line 167 "book/30b-shifted.nw"
        }
#line 226 "book/30b-shifted.nw"
}
#endif

static void gemm_shifted_generic(GEMM_SHIFTED_ARGS)
{
    typedef float vec __attribute__((vector_size(16)));
    enum { SR = GEMM_MR / 2, NV = 2 };
    #line 155 "book/30b-shifted.nw"
    enum { VL = sizeof(vec) / sizeof(float) };
    _Static_assert(NV * VL <= GEMM_SHIFT_TILE, "a tile of columns must fit in GEMM_SHIFT_TILE");
    for (int jr = 0; jr < nc; jr += NV * VL)
        for (int ir = 0; ir < mc; ir += SR) {
            const float *ap = apack + (size_t)(ir / GEMM_MR) * GEMM_MR * kc + ir % GEMM_MR, *xq = x + jr;
            vec accs[NV][SR];
            #line 177 "book/30b-shifted.nw"
            #pragma GCC unroll 4
            for (int v = 0; v < NV; v++)
                for (int i = 0; i < SR; i++)
                    accs[v][i] = (vec){0};
            #line 162 "book/30b-shifted.nw"
            for (int p = 0; p < kc; p++) {
                const float *brow = xq + off[p];
                #line 184 "book/30b-shifted.nw"
                vec b[NV];
                #pragma GCC unroll 4
                for (int v = 0; v < NV; v++)
                    memcpy(&b[v], brow + v * VL, sizeof b[v]);
                for (int i = 0; i < SR; i++) {
                    float a = ap[p * GEMM_MR + i];
                    #pragma GCC unroll 4
                    for (int v = 0; v < NV; v++)
                        accs[v][i] += a * b[v];
                }
            #line 165 "book/30b-shifted.nw"
            }
            #line 197 "book/30b-shifted.nw"
            for (int jv = 0; jv < NV * VL && jr + jv < nc; jv += VL) {
                float *ct = c + (size_t)ir * ldc + jr + jv;
                const vec *acc = accs[jv / VL];
                #line 515 "book/30-fast-conv.nw"
                int mr = mc - ir < SR ? mc - ir : SR;
                int nr = nc - jr - jv < VL ? nc - jr - jv : VL;
                if (mr == SR && nr == VL) {
                    #line 525 "book/30-fast-conv.nw"
                    for (int i = 0; i < SR; i++) {
                        float *ci = ct + (size_t)i * ldc;
                        vec old = {0};
                        if (!overwrite)
                            memcpy(&old, ci, sizeof old);
                        old += acc[i];
                        memcpy(ci, &old, sizeof old);
                    }
                #line 519 "book/30-fast-conv.nw"
                } else {
                    #line 536 "book/30-fast-conv.nw"
                    float tile[SR][VL];
                    memcpy(tile, acc, sizeof tile);
                    for (int i = 0; i < mr; i++)
                        for (int j = 0; j < nr; j++) {
                            float *cij = ct + (size_t)i * ldc + j;
                            *cij = overwrite ? tile[i][j] : *cij + tile[i][j];
                        }
                #line 521 "book/30-fast-conv.nw"
                }
            #line 201 "book/30b-shifted.nw"
            }
        #line 167 "book/30b-shifted.nw"
        }
#line 234 "book/30b-shifted.nw"
}

static void gemm_shifted_block(GEMM_SHIFTED_ARGS)
{
#if GEMM_X86
    if (__builtin_cpu_supports("x86-64-v4")) {
        gemm_shifted_avx512(c, ldc, apack, x, off, mc, nc, kc, overwrite);
        return;
    }
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
        gemm_shifted_avx2(c, ldc, apack, x, off, mc, nc, kc, overwrite);
        return;
    }
#endif
    gemm_shifted_generic(c, ldc, apack, x, off, mc, nc, kc, overwrite);
}
#line 608 "book/30b-shifted.nw"
void gemm_pack_b(float *bpack, const float *b, int N, int K, int ldb, int flags)
{
    CHECK(bpack != NULL && b != NULL && N > 0 && N <= GEMM_NC && K > 0 && (flags & ~GEMM_TRANS_B) == 0);
    CHECK(ldb >= (flags & GEMM_TRANS_B ? K : N));
    for (int pc = 0; pc < K; pc += GEMM_KC) {
        int kc = K - pc < GEMM_KC ? K - pc : GEMM_KC;
        gemm_pack(bpack + (size_t)pc * gemm_round(N, GEMM_NC, GEMM_NR), b, ldb, !(flags & GEMM_TRANS_B),
                  0, N, pc, kc, GEMM_NR);
    }
}
#line 625 "book/30b-shifted.nw"
void gemm_shifted_a(float *c, const float *x, const int *off, const int *start, const int *len, int nruns,
                    const float *bpack, int M, int N, int K, int ldc, int flags)
{
    /* c (M,N) = or += x shifted by off (M) along the runs . b (K,N) packed */
    CHECK(c != NULL && x != NULL && off != NULL && start != NULL && len != NULL && bpack != NULL);
    CHECK(M > 0 && N > 0 && N <= GEMM_NC && K > 0 && nruns > 0 && ldc >= N);
    CHECK((flags & ~GEMM_ACCUMULATE) == 0);
    for (int i = 0; i < M; i++)
        CHECK(off[i] >= 0);
    int t = 0;
    for (int pc = 0; pc < K; pc += GEMM_KC) {
        int kc = K - pc < GEMM_KC ? K - pc : GEMM_KC, t1 = t, filled = 0;
        while (t1 < nruns && filled < kc)
            filled += len[t1++];
        CHECK(filled == kc);
        const float *bp = bpack + (size_t)pc * gemm_round(N, GEMM_NC, GEMM_NR);
        for (int ic = 0; ic < M; ic += GEMM_MC) {
            int mc = M - ic < GEMM_MC ? M - ic : GEMM_MC;
            gemm_shifted_a_block(c + (size_t)ic * ldc, ldc, x, off + ic, start + t, len + t, t1 - t, bp,
                                 mc, N, kc, pc == 0 && !(flags & GEMM_ACCUMULATE));
        }
        t = t1;
    }
}
#line 698 "book/30b-shifted.nw"
#if GEMM_X86
__attribute__((target("arch=x86-64-v4")))
static void gemm_shifted_a_avx512(GEMM_SHIFTED_A_ARGS)
{
    typedef float vec __attribute__((vector_size(64)));
    enum { SR = GEMM_MR };
    #line 660 "book/30b-shifted.nw"
    enum { VL = sizeof(vec) / sizeof(float) };
    for (int jr = 0; jr < nc; jr += 2 * VL) {
        const float *bp0 = bpack + (size_t)(jr / GEMM_NR) * kc * GEMM_NR + jr % GEMM_NR, *bp1 = bp0;
        if (jr + VL < nc)
            bp1 = bpack + (size_t)((jr + VL) / GEMM_NR) * kc * GEMM_NR + (jr + VL) % GEMM_NR;
        for (int ir = 0; ir < mc; ir += SR) {
            const float *row[SR];
            for (int i = 0; i < SR; i++)
                row[i] = x + off[ir + i < mc ? ir + i : ir];
            vec acc2[2][SR];
            #line 696 "book/30-fast-conv.nw"
            for (int i = 0; i < SR; i++)
                acc2[0][i] = acc2[1][i] = (vec){0};
            #line 671 "book/30b-shifted.nw"
            for (int t = 0, p = 0; t < nruns; t++)
                for (int e = start[t]; e < start[t] + len[t]; e++, p++) {
                    #line 681 "book/30b-shifted.nw"
                    vec b0, b1;
                    memcpy(&b0, bp0 + (size_t)p * GEMM_NR, sizeof b0);
                    memcpy(&b1, bp1 + (size_t)p * GEMM_NR, sizeof b1);
                    for (int i = 0; i < SR; i++) {
                        float a = row[i][e];
                        acc2[0][i] += a * b0;
                        acc2[1][i] += a * b1;
                    }
                #line 674 "book/30b-shifted.nw"
                }
            #line 712 "book/30-fast-conv.nw"
            for (int jv = 0; jv < 2 * VL && jr + jv < nc; jv += VL) {
                float *ct = c + (size_t)ir * ldc + jr + jv;
                const vec *acc = acc2[jv / VL];
                #line 515 "book/30-fast-conv.nw"
                int mr = mc - ir < SR ? mc - ir : SR;
                int nr = nc - jr - jv < VL ? nc - jr - jv : VL;
                if (mr == SR && nr == VL) {
                    #line 525 "book/30-fast-conv.nw"
                    for (int i = 0; i < SR; i++) {
                        float *ci = ct + (size_t)i * ldc;
                        vec old = {0};
                        if (!overwrite)
                            memcpy(&old, ci, sizeof old);
                        old += acc[i];
                        memcpy(ci, &old, sizeof old);
                    }
                #line 519 "book/30-fast-conv.nw"
                } else {
                    #line 536 "book/30-fast-conv.nw"
                    float tile[SR][VL];
                    memcpy(tile, acc, sizeof tile);
                    for (int i = 0; i < mr; i++)
                        for (int j = 0; j < nr; j++) {
                            float *cij = ct + (size_t)i * ldc + j;
                            *cij = overwrite ? tile[i][j] : *cij + tile[i][j];
                        }
                #line 521 "book/30-fast-conv.nw"
                }
            #line 716 "book/30-fast-conv.nw"
            }
        #line 676 "book/30b-shifted.nw"
        }
    }
#line 705 "book/30b-shifted.nw"
}

__attribute__((target("avx2,fma")))
static void gemm_shifted_a_avx2(GEMM_SHIFTED_A_ARGS)
{
    typedef float vec __attribute__((vector_size(32)));
    enum { SR = GEMM_MR / 2 };
    #line 660 "book/30b-shifted.nw"
    enum { VL = sizeof(vec) / sizeof(float) };
    for (int jr = 0; jr < nc; jr += 2 * VL) {
        const float *bp0 = bpack + (size_t)(jr / GEMM_NR) * kc * GEMM_NR + jr % GEMM_NR, *bp1 = bp0;
        if (jr + VL < nc)
            bp1 = bpack + (size_t)((jr + VL) / GEMM_NR) * kc * GEMM_NR + (jr + VL) % GEMM_NR;
        for (int ir = 0; ir < mc; ir += SR) {
            const float *row[SR];
            for (int i = 0; i < SR; i++)
                row[i] = x + off[ir + i < mc ? ir + i : ir];
            vec acc2[2][SR];
            #line 696 "book/30-fast-conv.nw"
            for (int i = 0; i < SR; i++)
                acc2[0][i] = acc2[1][i] = (vec){0};
            #line 671 "book/30b-shifted.nw"
            for (int t = 0, p = 0; t < nruns; t++)
                for (int e = start[t]; e < start[t] + len[t]; e++, p++) {
                    #line 681 "book/30b-shifted.nw"
                    vec b0, b1;
                    memcpy(&b0, bp0 + (size_t)p * GEMM_NR, sizeof b0);
                    memcpy(&b1, bp1 + (size_t)p * GEMM_NR, sizeof b1);
                    for (int i = 0; i < SR; i++) {
                        float a = row[i][e];
                        acc2[0][i] += a * b0;
                        acc2[1][i] += a * b1;
                    }
                #line 674 "book/30b-shifted.nw"
                }
            #line 712 "book/30-fast-conv.nw"
            for (int jv = 0; jv < 2 * VL && jr + jv < nc; jv += VL) {
                float *ct = c + (size_t)ir * ldc + jr + jv;
                const vec *acc = acc2[jv / VL];
                #line 515 "book/30-fast-conv.nw"
                int mr = mc - ir < SR ? mc - ir : SR;
                int nr = nc - jr - jv < VL ? nc - jr - jv : VL;
                if (mr == SR && nr == VL) {
                    #line 525 "book/30-fast-conv.nw"
                    for (int i = 0; i < SR; i++) {
                        float *ci = ct + (size_t)i * ldc;
                        vec old = {0};
                        if (!overwrite)
                            memcpy(&old, ci, sizeof old);
                        old += acc[i];
                        memcpy(ci, &old, sizeof old);
                    }
                #line 519 "book/30-fast-conv.nw"
                } else {
                    #line 536 "book/30-fast-conv.nw"
                    float tile[SR][VL];
                    memcpy(tile, acc, sizeof tile);
                    for (int i = 0; i < mr; i++)
                        for (int j = 0; j < nr; j++) {
                            float *cij = ct + (size_t)i * ldc + j;
                            *cij = overwrite ? tile[i][j] : *cij + tile[i][j];
                        }
                #line 521 "book/30-fast-conv.nw"
                }
            #line 716 "book/30-fast-conv.nw"
            }
        #line 676 "book/30b-shifted.nw"
        }
    }
#line 713 "book/30b-shifted.nw"
}
#endif

static void gemm_shifted_a_generic(GEMM_SHIFTED_A_ARGS)
{
    typedef float vec __attribute__((vector_size(16)));
    enum { SR = GEMM_MR / 2 };
    #line 660 "book/30b-shifted.nw"
    enum { VL = sizeof(vec) / sizeof(float) };
    for (int jr = 0; jr < nc; jr += 2 * VL) {
        const float *bp0 = bpack + (size_t)(jr / GEMM_NR) * kc * GEMM_NR + jr % GEMM_NR, *bp1 = bp0;
        if (jr + VL < nc)
            bp1 = bpack + (size_t)((jr + VL) / GEMM_NR) * kc * GEMM_NR + (jr + VL) % GEMM_NR;
        for (int ir = 0; ir < mc; ir += SR) {
            const float *row[SR];
            for (int i = 0; i < SR; i++)
                row[i] = x + off[ir + i < mc ? ir + i : ir];
            vec acc2[2][SR];
            #line 696 "book/30-fast-conv.nw"
            for (int i = 0; i < SR; i++)
                acc2[0][i] = acc2[1][i] = (vec){0};
            #line 671 "book/30b-shifted.nw"
            for (int t = 0, p = 0; t < nruns; t++)
                for (int e = start[t]; e < start[t] + len[t]; e++, p++) {
                    #line 681 "book/30b-shifted.nw"
                    vec b0, b1;
                    memcpy(&b0, bp0 + (size_t)p * GEMM_NR, sizeof b0);
                    memcpy(&b1, bp1 + (size_t)p * GEMM_NR, sizeof b1);
                    for (int i = 0; i < SR; i++) {
                        float a = row[i][e];
                        acc2[0][i] += a * b0;
                        acc2[1][i] += a * b1;
                    }
                #line 674 "book/30b-shifted.nw"
                }
            #line 712 "book/30-fast-conv.nw"
            for (int jv = 0; jv < 2 * VL && jr + jv < nc; jv += VL) {
                float *ct = c + (size_t)ir * ldc + jr + jv;
                const vec *acc = acc2[jv / VL];
                #line 515 "book/30-fast-conv.nw"
                int mr = mc - ir < SR ? mc - ir : SR;
                int nr = nc - jr - jv < VL ? nc - jr - jv : VL;
                if (mr == SR && nr == VL) {
                    #line 525 "book/30-fast-conv.nw"
                    for (int i = 0; i < SR; i++) {
                        float *ci = ct + (size_t)i * ldc;
                        vec old = {0};
                        if (!overwrite)
                            memcpy(&old, ci, sizeof old);
                        old += acc[i];
                        memcpy(ci, &old, sizeof old);
                    }
                #line 519 "book/30-fast-conv.nw"
                } else {
                    #line 536 "book/30-fast-conv.nw"
                    float tile[SR][VL];
                    memcpy(tile, acc, sizeof tile);
                    for (int i = 0; i < mr; i++)
                        for (int j = 0; j < nr; j++) {
                            float *cij = ct + (size_t)i * ldc + j;
                            *cij = overwrite ? tile[i][j] : *cij + tile[i][j];
                        }
                #line 521 "book/30-fast-conv.nw"
                }
            #line 716 "book/30-fast-conv.nw"
            }
        #line 676 "book/30b-shifted.nw"
        }
    }
#line 721 "book/30b-shifted.nw"
}

static void gemm_shifted_a_block(GEMM_SHIFTED_A_ARGS)
{
#if GEMM_X86
    if (__builtin_cpu_supports("x86-64-v4")) {
        gemm_shifted_a_avx512(c, ldc, x, off, start, len, nruns, bpack, mc, nc, kc, overwrite);
        return;
    }
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
        gemm_shifted_a_avx2(c, ldc, x, off, start, len, nruns, bpack, mc, nc, kc, overwrite);
        return;
    }
#endif
    gemm_shifted_a_generic(c, ldc, x, off, start, len, nruns, bpack, mc, nc, kc, overwrite);
}
