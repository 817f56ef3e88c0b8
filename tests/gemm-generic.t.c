#line 960 "book/30b-shifted.nw"
#include "float-check.h"
#include "layers/gemm.h"
#line 927 "book/30-fast-conv.nw"
static void gemm_case(Rng *rng, int M, int N, int K, int flags)
{
    int ta = flags & GEMM_TRANS_A, tb = flags & GEMM_TRANS_B;
    int lda = (ta ? M : K) + 3, ldb = (tb ? K : N) + 3, ldc = N + 3;
    float *a = fc_normal((size_t)(ta ? K : M) * lda, rng);
    float *b = fc_normal((size_t)(tb ? N : K) * ldb, rng);
    float *c = fc_normal((size_t)M * ldc, rng);
    float *want = xmalloc((size_t)M * ldc * sizeof *want);
    float *pack = xmalloc(gemm_pack_size(M, N, K) * sizeof *pack);
    #line 950 "book/30-fast-conv.nw"
    for (int i = 0; i < M; i++)
        for (int j = 0; j < ldc; j++) {
            double s = j < N && !(flags & GEMM_ACCUMULATE) ? 0 : c[(size_t)i * ldc + j];
            for (int p = 0; j < N && p < K; p++)
                s += (double)(ta ? a[(size_t)p * lda + i] : a[(size_t)i * lda + p])
                   * (tb ? b[(size_t)j * ldb + p] : b[(size_t)p * ldb + j]);
            want[(size_t)i * ldc + j] = (float)s;
        }
    #line 937 "book/30-fast-conv.nw"
    gemm(c, a, b, M, N, K, lda, ldb, ldc, flags, pack);
    double err = fc_rel_err(c, want, (size_t)M * ldc);
    tap_ok(err < 1e-5, "gemm %dx%dx%d%s%s%s: relative error %.1e",
           M, N, K, ta ? " A^T" : "", tb ? " B^T" : "",
           flags & GEMM_ACCUMULATE ? " accumulate" : "", err);
    free(a); free(b); free(c); free(want); free(pack);
}

#line 964 "book/30b-shifted.nw"
int main(void)
{
    Rng rng;
    rng_seed(&rng, 30);
    tap_diag("the generic kernels of gemm.c (GEMM_GENERIC_ONLY)");
    #line 961 "book/30-fast-conv.nw"
    static const int sizes[][3] = {
        {1, 1, 1}, {7, 17, 33}, {33, 7, 17}, {17, 33, 7}, {100, 100, 100},
        {100, 1, 7}, {1, 100, 33}, {8, 16, 256}, {130, 2100, 300},
    };
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++)
        for (int flags = 0; flags < 8; flags++)
            gemm_case(&rng, sizes[s][0], sizes[s][1], sizes[s][2], flags);
    #line 970 "book/30b-shifted.nw"
    return tap_done();
}
