#line 116 "book/30-fast-conv.nw"
#ifndef GEMM_H
#define GEMM_H
#include <stddef.h>
#line 133 "book/30-fast-conv.nw"
/* flags of gemm: a is stored (K,M), b is stored (N,K), c += instead of c = */
enum { GEMM_TRANS_A = 1, GEMM_TRANS_B = 2, GEMM_ACCUMULATE = 4 };
/* floats that gemm's pack buffer needs for these sizes */
size_t gemm_pack_size(int M, int N, int K);
/* c (M,N) = op(a) (M,K) op(b) (K,N), or += with GEMM_ACCUMULATE; row-major, leading dims lda, ldb, ldc */
void gemm(float *c, const float *a, const float *b, int M, int N, int K,
          int lda, int ldb, int ldc, int flags, float *pack);
#line 184 "book/30-fast-conv.nw"
enum { GEMM_MR = 8, GEMM_NR = 16 };
#line 425 "book/30-fast-conv.nw"
enum { GEMM_MC = 128, GEMM_KC = 256, GEMM_NC = 2048 };
#line 264 "book/30a-im2col.nw"
/* floats that op(b) (K,N) needs in the layout that gemm_packed reads; N <= GEMM_NC */
size_t gemm_packed_size(int N, int K);
/* row p of op(b) (K,N), the N floats at row, into its place in the packed bpack */
void gemm_pack_row(float *bpack, const float *row, int p, int N, int K);
/* gemm without GEMM_TRANS_B, for b packed by gemm_pack_row; N <= GEMM_NC; pack as for gemm */
void gemm_packed(float *c, const float *a, const float *bpack, int M, int N, int K,
                 int lda, int ldc, int flags, float *pack);
#line 59 "book/30b-shifted.nw"
/* floats that gemm_pack_a needs for op(a) (M,K) */
size_t gemm_pack_a_size(int M, int K);
/* all of op(a) (M,K) into apack, in the layout gemm_shifted reads; flags: 0 or GEMM_TRANS_A */
void gemm_pack_a(float *apack, const float *a, int M, int K, int lda, int flags);
#line 97 "book/30b-shifted.nw"
enum { GEMM_SHIFT_TILE = 32 };
/* c (M,N) = or += (flags: GEMM_ACCUMULATE) op(a) (M,K) . b (K,N), b(p, q) = x[off[p] + q], a packed
   by gemm_pack_a; reads x[off[p] + q] for q < N + GEMM_SHIFT_TILE - 1 */
void gemm_shifted(float *c, const float *apack, const float *x, const int *off,
                  int M, int N, int K, int ldc, int flags);
#line 597 "book/30b-shifted.nw"
/* all of op(b) (K,N) into bpack, in the layout gemm_packed reads (gemm_packed_size(N, K) floats);
   flags: 0 or GEMM_TRANS_B */
void gemm_pack_b(float *bpack, const float *b, int N, int K, int ldb, int flags);
/* c (M,N) = or += (flags: GEMM_ACCUMULATE) a (M,K) . b (K,N), with a(i, p) = x[off[i] + e_p]: the
   offsets e_p run along the runs start[t] .. start[t] + len[t] - 1, t < nruns, whose lengths add up
   to K, and no run crosses a multiple of GEMM_KC in p; b packed by gemm_pack_b */
void gemm_shifted_a(float *c, const float *x, const int *off, const int *start, const int *len, int nruns,
                    const float *bpack, int M, int N, int K, int ldc, int flags);
#line 120 "book/30-fast-conv.nw"
#endif
