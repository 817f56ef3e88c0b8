#line 22 "book/23-pointwise-and-pooling.nw"
#include "base/check.h"
#include "layers/pointwise.h"
#line 39 "book/23-pointwise-and-pooling.nw"
void relu_forward(real *out, const real *in, size_t n)
{
    /* in (n) -> out (n) */
    CHECK(out != NULL && in != NULL);
    #pragma omp parallel for simd schedule(static)
    for (size_t i = 0; i < n; i++)
        out[i] = in[i] > 0 ? in[i] : 0;
}
#line 76 "book/23-pointwise-and-pooling.nw"
void relu_backward(real *din, const real *dout, const real *in, size_t n)
{
    /* dout, in (n) -> din += (n); in may be the forward output instead */
    CHECK(din != NULL && dout != NULL && in != NULL);
    #pragma omp parallel for simd schedule(static)
    for (size_t i = 0; i < n; i++)
        din[i] += in[i] > 0 ? dout[i] : 0;
}
#line 115 "book/23-pointwise-and-pooling.nw"
void dropout_forward(real *out, real *mask, const real *in, double p, size_t n, Rng *rng, Mode mode)
{
    /* in (n) -> out (n), mask (n) */
    CHECK(out != NULL && mask != NULL && in != NULL);
    CHECK(p >= 0 && p < 1);
    CHECK(mode == MODE_EVAL || rng != NULL);
    real keep = (real)(1 / (1 - p));
    for (size_t i = 0; i < n; i++) {
        mask[i] = mode == MODE_EVAL ? 1 : rng_uniform(rng) < p ? 0 : keep;
        out[i] = mask[i] * in[i];
    }
}
#line 144 "book/23-pointwise-and-pooling.nw"
void dropout_backward(real *din, const real *dout, const real *mask, size_t n)
{
    /* dout, mask (n) -> din += (n) */
    CHECK(din != NULL && dout != NULL && mask != NULL);
    for (size_t i = 0; i < n; i++)
        din[i] += mask[i] * dout[i];
}
