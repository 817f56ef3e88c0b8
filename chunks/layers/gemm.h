#line 113 "book/30-fast-conv.nw"
#ifndef GEMM_H
#define GEMM_H
#include <stddef.h>
#line 130 "book/30-fast-conv.nw"
enum { GEMM_TRANS_A = 1, GEMM_TRANS_B = 2, GEMM_ACCUMULATE = 4 };
size_t gemm_pack_size(int M, int N, int K);
void gemm(float *c, const float *a, const float *b, int M, int N, int K,
          int lda, int ldb, int ldc, int flags, float *pack);
#line 117 "book/30-fast-conv.nw"
#endif
