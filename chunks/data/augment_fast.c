#line 47 "book/31a-fast-augment.nw"
#include <string.h>
#include <math.h>
#include "data/augment_fast.h"
#include "base/check.h"
#if defined(__x86_64__) && !defined(REAL_DOUBLE)
#include <immintrin.h>
#define AUGMENT_AVX2 1
#endif
#line 74 "book/31a-fast-augment.nw"
#ifdef AUGMENT_AVX2
__attribute__((target("avx2")))
static void augment_affine_avx2(real *out, const uint8_t *in, int H, int W, double angle_rad, double dx, double dy)
{
    /* in (H,W) bytes -> out (H,W), W a multiple of 4, H and W at most AUGMENT_FAST_SIDE */
    enum { S = AUGMENT_FAST_SIDE + 2 };
    double padded[S * S];
    #line 99 "book/31a-fast-augment.nw"
    memset(padded, 0, sizeof(double) * (size_t)(H + 2) * S);
    for (int r = 0; r < H; r++)
        for (int s = 0; s < W; s++)
            padded[(r + 1) * S + s + 1] = in[r * W + s];
    #line 82 "book/31a-fast-augment.nw"
    double cos_t = cos(angle_rad), sin_t = sin(angle_rad);
    double cx = (W - 1) / 2.0, cy = (H - 1) / 2.0;
    for (int i = 0; i < H; i++)
        for (int j = 0; j < W; j += 4) {
            #line 108 "book/31a-fast-augment.nw"
            __m256d cos4 = _mm256_set1_pd(cos_t), sin4 = _mm256_set1_pd(sin_t);
            __m256d cx4 = _mm256_set1_pd(cx), cy4 = _mm256_set1_pd(cy);
            __m256d a = _mm256_sub_pd(_mm256_sub_pd(_mm256_set_pd(j + 3, j + 2, j + 1, j), _mm256_set1_pd(dx)), cx4);
            __m256d b = _mm256_set1_pd(i - dy - cy);
            __m256d x = _mm256_sub_pd(_mm256_add_pd(cx4, _mm256_mul_pd(a, cos4)), _mm256_mul_pd(b, sin4));
            __m256d y = _mm256_add_pd(_mm256_add_pd(cy4, _mm256_mul_pd(a, sin4)), _mm256_mul_pd(b, cos4));
            #line 123 "book/31a-fast-augment.nw"
            __m256d inside = _mm256_and_pd(
                _mm256_and_pd(_mm256_cmp_pd(x, _mm256_set1_pd(-1), _CMP_GT_OQ), _mm256_cmp_pd(x, _mm256_set1_pd(W), _CMP_LT_OQ)),
                _mm256_and_pd(_mm256_cmp_pd(y, _mm256_set1_pd(-1), _CMP_GT_OQ), _mm256_cmp_pd(y, _mm256_set1_pd(H), _CMP_LT_OQ)));
            x = _mm256_and_pd(x, inside), y = _mm256_and_pd(y, inside);
            __m256d x0 = _mm256_floor_pd(x), y0 = _mm256_floor_pd(y), one = _mm256_set1_pd(1);
            __m256d fx = _mm256_sub_pd(x, x0), fy = _mm256_sub_pd(y, y0);
            __m128i at = _mm256_cvtpd_epi32(_mm256_add_pd(_mm256_mul_pd(_mm256_add_pd(y0, one), _mm256_set1_pd(S)),
                                                          _mm256_add_pd(x0, one)));
            __m256d p00 = _mm256_i32gather_pd(padded, at, 8), p01 = _mm256_i32gather_pd(padded + 1, at, 8);
            __m256d p10 = _mm256_i32gather_pd(padded + S, at, 8), p11 = _mm256_i32gather_pd(padded + S + 1, at, 8);
            __m256d top = _mm256_add_pd(_mm256_mul_pd(_mm256_sub_pd(one, fx), p00), _mm256_mul_pd(fx, p01));
            __m256d bottom = _mm256_add_pd(_mm256_mul_pd(_mm256_sub_pd(one, fx), p10), _mm256_mul_pd(fx, p11));
            __m256d v = _mm256_and_pd(_mm256_add_pd(_mm256_mul_pd(_mm256_sub_pd(one, fy), top), _mm256_mul_pd(fy, bottom)),
                                      inside);
            #line 88 "book/31a-fast-augment.nw"
            v = _mm256_div_pd(_mm256_min_pd(v, _mm256_set1_pd(255)), _mm256_set1_pd(255));
            _mm_storeu_ps(out + (size_t)i * W + j, _mm256_cvtpd_ps(v));
        }
}
#endif
#line 145 "book/31a-fast-augment.nw"
void augment_affine_fast(real *out, const uint8_t *in, int H, int W, double angle_rad, double dx, double dy)
{
#ifdef AUGMENT_AVX2
    CHECK(out != NULL && in != NULL && H > 0 && W > 0);
    CHECK(isfinite(angle_rad) && isfinite(dx) && isfinite(dy));
    if (H <= AUGMENT_FAST_SIDE && W <= AUGMENT_FAST_SIDE && W % 4 == 0 && __builtin_cpu_supports("avx2")) {
        augment_affine_avx2(out, in, H, W, angle_rad, dx, dy);
        return;
    }
#endif
    augment_affine(out, in, H, W, angle_rad, dx, dy);
}

void augment_random_fast(real *out, const uint8_t *in, int H, int W, double max_deg, double max_shift, Rng *rng)
{
    /* in (H,W) bytes -> out (H,W) in [0,1], randomly turned and moved */
    double angle_rad, dx, dy;
    augment_draw(&angle_rad, &dx, &dy, max_deg, max_shift, rng);
    augment_affine_fast(out, in, H, W, angle_rad, dx, dy);
}
