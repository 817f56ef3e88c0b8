#line 108 "book/15-dense.nw"
#include "base/check.h"
#include "layers/dense.h"
#line 129 "book/15-dense.nw"
void dense_forward(real *out, const real *in, const real *w, int N, int D, int K)
{
    /* in (N,D), w (D,K) -> out (N,K) */
    CHECK(out != NULL && in != NULL && w != NULL);
    #line 114 "book/15-dense.nw"
    CHECK(N > 0 && D > 0 && K > 0);
    #line 134 "book/15-dense.nw"
    #pragma omp parallel for schedule(static)
    for (int n = 0; n < N; n++) {
        real *y = out + (size_t)n * K;
        for (int k = 0; k < K; k++)
            y[k] = 0;
        for (int d = 0; d < D; d++) {
            #line 147 "book/15-dense.nw"
            real x_nd = in[(size_t)n * D + d];
            const real *wrow = w + (size_t)d * K;
            for (int k = 0; k < K; k++)
                y[k] += x_nd * wrow[k];
        #line 141 "book/15-dense.nw"
        }
    }
}
#line 197 "book/15-dense.nw"
void dense_backward(real *din, real *dw, const real *dout, const real *in, const real *w,
                    int N, int D, int K)
{
    /* dout (N,K), in (N,D), w (D,K) -> din += (N,D), dw += (D,K) */
    CHECK(din != NULL && dw != NULL && dout != NULL && in != NULL && w != NULL);
    #line 114 "book/15-dense.nw"
    CHECK(N > 0 && D > 0 && K > 0);
    #line 160 "book/15-dense.nw"
    #pragma omp parallel for schedule(static)
    for (int n = 0; n < N; n++)
        for (int d = 0; d < D; d++) {
            const real *g = dout + (size_t)n * K, *wrow = w + (size_t)d * K;
            real s = 0;
            for (int k = 0; k < K; k++)
                s += g[k] * wrow[k];
            din[(size_t)n * D + d] += s;
        }
    #line 179 "book/15-dense.nw"
    #pragma omp parallel for schedule(static)
    for (int d = 0; d < D; d++) {
        real *dwrow = dw + (size_t)d * K;
        for (int n = 0; n < N; n++) {
            real x_nd = in[(size_t)n * D + d];
            const real *g = dout + (size_t)n * K;
            for (int k = 0; k < K; k++)
                dwrow[k] += x_nd * g[k];
        }
    }
#line 205 "book/15-dense.nw"
}
