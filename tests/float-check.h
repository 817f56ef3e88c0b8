#line 868 "book/30-fast-conv.nw"
#ifndef FLOAT_CHECK_H
#define FLOAT_CHECK_H
#include <stdlib.h>
#include <string.h>
#include "base/check.h"
#include "base/rng.h"
#include "tap.h"
#line 880 "book/30-fast-conv.nw"
static inline float *fc_normal(size_t n, Rng *rng)
{
    float *x = xmalloc(n * sizeof *x);
    for (size_t i = 0; i < n; i++)
        x[i] = (float)rng_normal(rng);
    return x;
}

static inline float *fc_copy(const float *x, size_t n)
{
    float *y = xmalloc(n * sizeof *y);
    return memcpy(y, x, n * sizeof *y);
}
#line 896 "book/30-fast-conv.nw"
static inline double fc_rel_err(const float *a, const float *b, size_t n)
{
    double diff = 0, scale = 0;
    for (size_t i = 0; i < n; i++) {
        diff = fmax(diff, fabs((double)a[i] - b[i]));
        scale = fmax(scale, fabs((double)b[i]));
    }
    return diff / scale;
}
#line 876 "book/30-fast-conv.nw"
#endif
