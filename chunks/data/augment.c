#line 178 "book/26-augment.nw"
#include <math.h>
#include "data/augment.h"
#include "base/check.h"
#line 195 "book/26-augment.nw"
static double pixel(const uint8_t *in, int H, int W, int r, int s)
{
    return r >= 0 && r < H && s >= 0 && s < W ? in[(size_t)r * W + s] : 0.0;
}

static double bilinear(const uint8_t *in, int H, int W, double x, double y)
{
    /* in (H,W) bytes, zero outside; (x, y) a position -> v in [0, 255] */
    if (x <= -1 || x >= W || y <= -1 || y >= H)
        return 0;
    #line 211 "book/26-augment.nw"
    double x0 = floor(x), y0 = floor(y);
    double fx = x - x0, fy = y - y0;
    int s = (int)x0, r = (int)y0;
    #line 217 "book/26-augment.nw"
    double top = (1 - fx) * pixel(in, H, W, r, s) + fx * pixel(in, H, W, r, s + 1);
    double bottom = (1 - fx) * pixel(in, H, W, r + 1, s) + fx * pixel(in, H, W, r + 1, s + 1);
    return (1 - fy) * top + fy * bottom;
#line 207 "book/26-augment.nw"
}
#line 238 "book/26-augment.nw"
void augment_affine(real *out, const uint8_t *in, int H, int W, double angle_rad, double dx, double dy)
{
    /* in (H,W) bytes -> out (H,W) in [0,1]: turned by angle_rad about the centre, then moved by (dx, dy) */
    CHECK(out != NULL && in != NULL && H > 0 && W > 0);
    CHECK(isfinite(angle_rad) && isfinite(dx) && isfinite(dy));
    double cos_t = cos(angle_rad), sin_t = sin(angle_rad);
    double cx = (W - 1) / 2.0, cy = (H - 1) / 2.0;
    for (int i = 0; i < H; i++)
        for (int j = 0; j < W; j++) {
            #line 261 "book/26-augment.nw"
            double a = j - dx - cx, b = i - dy - cy;
            double x = cx + a * cos_t - b * sin_t;
            double y = cy + a * sin_t + b * cos_t;
            #line 248 "book/26-augment.nw"
            double v = bilinear(in, H, W, x, y);
            out[(size_t)i * W + j] = (real)(fmin(v, 255.0) / 255.0);
        }
}
#line 284 "book/26-augment.nw"
void augment_draw(double *angle_rad, double *dx, double *dy, double max_deg, double max_shift, Rng *rng)
{
    /* -> angle_rad in [-max_deg, max_deg) degrees, dx and dy in [-max_shift, max_shift) */
    CHECK(angle_rad != NULL && dx != NULL && dy != NULL && rng != NULL);
    CHECK(isfinite(max_deg) && isfinite(max_shift) && max_deg >= 0 && max_shift >= 0);
    *angle_rad = (2 * rng_uniform(rng) - 1) * max_deg * 0.017453292519943295;
    *dx = (2 * rng_uniform(rng) - 1) * max_shift;
    *dy = (2 * rng_uniform(rng) - 1) * max_shift;
}
#line 305 "book/26-augment.nw"
void augment_random(real *out, const uint8_t *in, int H, int W, double max_deg, double max_shift, Rng *rng)
{
    /* in (H,W) bytes -> out (H,W) in [0,1], randomly turned and moved */
    double angle_rad, dx, dy;
    augment_draw(&angle_rad, &dx, &dy, max_deg, max_shift, rng);
    augment_affine(out, in, H, W, angle_rad, dx, dy);
}
#line 325 "book/26-augment.nw"
void augment_none(real *out, const uint8_t *in, size_t n)
{
    /* in (n) bytes -> out (n) in [0,1] */
    CHECK(out != NULL && in != NULL);
    for (size_t k = 0; k < n; k++)
        out[k] = (real)(in[k] / 255.0);
}
