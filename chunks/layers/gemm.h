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
#line 120 "book/30-fast-conv.nw"
#endif
