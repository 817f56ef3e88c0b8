#line 29 "book/21-conv.nw"
#include <math.h>
#include "base/check.h"
#include "layers/conv.h"
#line 94 "book/21-conv.nw"
static void conv_valid(int u, int pad, int H, int Ho, int *lo, int *hi)
{
    *lo = pad - u > 0 ? pad - u : 0;
    *hi = H + pad - u < Ho ? H + pad - u : Ho;
}
#line 126 "book/21-conv.nw"
void conv2d_forward(real *out, const real *in, const real *w,
                    int N, int C, int H, int W, int K, int R, int pad)
{
    /* in (N,C,H,W), w (K,C,R,R) -> out (N,K,H+2pad-R+1,W+2pad-R+1) */
    CHECK(out != NULL && in != NULL && w != NULL);
    #line 77 "book/21-conv.nw"
    CHECK(N > 0 && C > 0 && H > 0 && W > 0 && K > 0 && R > 0);
    CHECK(pad >= 0 && H + 2 * pad >= R && W + 2 * pad >= R);
    int Ho = H + 2 * pad - R + 1, Wo = W + 2 * pad - R + 1;
    #line 132 "book/21-conv.nw"
    #pragma omp parallel for collapse(2) schedule(static)
    for (int n = 0; n < N; n++)
        for (int k = 0; k < K; k++) {
            real *o = out + ((size_t)n * K + k) * Ho * Wo;
            #line 149 "book/21-conv.nw"
            for (int i = 0; i < Ho * Wo; i++)
                o[i] = 0;
            #line 137 "book/21-conv.nw"
            for (int c = 0; c < C; c++) {
                const real *x = in + ((size_t)n * C + c) * H * W;
                for (int u = 0; u < R; u++)
                    for (int v = 0; v < R; v++) {
                        #line 154 "book/21-conv.nw"
                        real wkcuv = w[(((size_t)k * C + c) * R + u) * R + v];
                        #line 106 "book/21-conv.nw"
                        int i0, i1, j0, j1;
                        conv_valid(u, pad, H, Ho, &i0, &i1);
                        conv_valid(v, pad, W, Wo, &j0, &j1);
                        #line 156 "book/21-conv.nw"
                        for (int i = i0; i < i1; i++) {
                            const real *xrow = x + (size_t)(i + u - pad) * W;
                            real *orow = o + (size_t)i * Wo;
                            for (int j = j0; j < j1; j++)
                                orow[j] += wkcuv * xrow[j + v - pad];
                        }
                    #line 142 "book/21-conv.nw"
                    }
            }
        }
}
#line 293 "book/21-conv.nw"
void conv2d_backward(real *din, real *dw, const real *dout, const real *in, const real *w,
                     int N, int C, int H, int W, int K, int R, int pad)
{
    /* dout (N,K,H+2pad-R+1,W+2pad-R+1), in (N,C,H,W), w (K,C,R,R) -> din += (N,C,H,W), dw += (K,C,R,R) */
    CHECK(dw != NULL && dout != NULL && in != NULL && w != NULL);
    #line 77 "book/21-conv.nw"
    CHECK(N > 0 && C > 0 && H > 0 && W > 0 && K > 0 && R > 0);
    CHECK(pad >= 0 && H + 2 * pad >= R && W + 2 * pad >= R);
    int Ho = H + 2 * pad - R + 1, Wo = W + 2 * pad - R + 1;
    #line 216 "book/21-conv.nw"
    #pragma omp parallel for schedule(static)
    for (int k = 0; k < K; k++)
        for (int n = 0; n < N; n++) {
            const real *g = dout + ((size_t)n * K + k) * Ho * Wo;
            for (int c = 0; c < C; c++) {
                const real *x = in + ((size_t)n * C + c) * H * W;
                for (int u = 0; u < R; u++)
                    for (int v = 0; v < R; v++) {
                        #line 106 "book/21-conv.nw"
                        int i0, i1, j0, j1;
                        conv_valid(u, pad, H, Ho, &i0, &i1);
                        conv_valid(v, pad, W, Wo, &j0, &j1);
                        #line 198 "book/21-conv.nw"
                        real dw_kcuv = 0;
                        for (int i = i0; i < i1; i++) {
                            const real *xrow = x + (size_t)(i + u - pad) * W;
                            const real *grow = g + (size_t)i * Wo;
                            for (int j = j0; j < j1; j++)
                                dw_kcuv += grow[j] * xrow[j + v - pad];
                        }
                        dw[(((size_t)k * C + c) * R + u) * R + v] += dw_kcuv;
                    #line 225 "book/21-conv.nw"
                    }
            }
        }
    #line 300 "book/21-conv.nw"
    if (din != NULL) {
        #line 267 "book/21-conv.nw"
        #pragma omp parallel for schedule(static)
        for (int n = 0; n < N; n++)
            for (int k = 0; k < K; k++) {
                const real *g = dout + ((size_t)n * K + k) * Ho * Wo;
                for (int c = 0; c < C; c++) {
                    real *dx = din + ((size_t)n * C + c) * H * W;
                    for (int u = 0; u < R; u++)
                        for (int v = 0; v < R; v++) {
                            #line 253 "book/21-conv.nw"
                            real wkcuv = w[(((size_t)k * C + c) * R + u) * R + v];
                            #line 106 "book/21-conv.nw"
                            int i0, i1, j0, j1;
                            conv_valid(u, pad, H, Ho, &i0, &i1);
                            conv_valid(v, pad, W, Wo, &j0, &j1);
                            #line 255 "book/21-conv.nw"
                            for (int i = i0; i < i1; i++) {
                                real *dxrow = dx + (size_t)(i + u - pad) * W;
                                const real *grow = g + (size_t)i * Wo;
                                for (int j = j0; j < j1; j++)
                                    dxrow[j + v - pad] += wkcuv * grow[j];
                            }
                        #line 276 "book/21-conv.nw"
                        }
                }
            }
    #line 302 "book/21-conv.nw"
    }
}
#line 535 "book/21-conv.nw"
void conv_init_kaiming(real *w, int K, int C, int R, Rng *rng)
{
    /* w (K,C,R,R) */
    CHECK(w != NULL && rng != NULL && K > 0 && C > 0 && R > 0);
    double fan_in = (double)C * R * R;
    double std = sqrt(2.0 / fan_in);
    size_t n = (size_t)K * C * R * R;
    for (size_t i = 0; i < n; i++)
        w[i] = (real)(std * rng_normal(rng));
}
