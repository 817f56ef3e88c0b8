#line 342 "book/26-augment.nw"
#include <math.h>
#include <string.h>
#include "data/augment.h"
#include "tap.h"
#line 368 "book/26-augment.nw"
static void random_image(uint8_t *img, size_t n, Rng *rng)
{
    for (size_t k = 0; k < n; k++)
        img[k] = (uint8_t)rng_below(rng, 256);
}
#line 376 "book/26-augment.nw"
typedef int (*Source)(int i, int j, int n);

static double worst_diff(const real *out, const uint8_t *in, int n, Source src)
{
    double worst = 0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            double want = in[src(i, j, n)] / 255.0;
            worst = fmax(worst, fabs(out[i * n + j] - want));
        }
    return worst;
}
#line 451 "book/26-augment.nw"
static const double quarter_turn = 1.5707963267948966;
static int quarter_ccw(int i, int j, int n) { return j * n + (n - 1 - i); }
static int quarter_cw(int i, int j, int n) { return (n - 1 - j) * n + i; }
static int half_turn(int i, int j, int n) { return (n - 1 - i) * n + (n - 1 - j); }
#line 479 "book/26-augment.nw"
static double ink(const real *img, int n)
{
    double sum = 0;
    for (int k = 0; k < n; k++)
        sum += img[k];
    return sum;
}

#line 348 "book/26-augment.nw"
int main(void)
{
    Rng rng;
    rng_seed(&rng, 26);
    #line 393 "book/26-augment.nw"
    enum { H = 5, W = 7 };
    uint8_t img[H * W];
    real out[H * W], ref[H * W];
    random_image(img, H * W, &rng);
    augment_none(ref, img, H * W);
    augment_affine(out, img, H, W, 0, 0, 0);
    int exact = 1;
    for (int k = 0; k < H * W; k++)
        exact &= ref[k] == (real)(img[k] / 255.0) && out[k] == ref[k];
    tap_ok(exact, "identity map reproduces in/255 exactly, and equals augment_none");
    #line 410 "book/26-augment.nw"
    int right = 1, up = 1;
    augment_affine(out, img, H, W, 0, 1, 0);
    for (int i = 0; i < H; i++)
        for (int j = 0; j < W; j++)
            right &= out[i * W + j] == (j == 0 ? 0 : ref[i * W + j - 1]);
    augment_affine(out, img, H, W, 0, 0, -1);
    for (int i = 0; i < H; i++)
        for (int j = 0; j < W; j++)
            up &= out[i * W + j] == (i == H - 1 ? 0 : ref[(i + 1) * W + j]);
    tap_ok(right, "shift (1,0) moves every pixel one column right, column 0 empty");
    tap_ok(up, "shift (0,-1) moves every pixel one row up, last row empty");
    #line 430 "book/26-augment.nw"
    {
        static const uint8_t two_rows[8] = { 0, 100, 200, 50, 255, 0, 0, 255 };
        static const double want[8] = { 0, 50, 150, 125, 127.5, 127.5, 0, 127.5 };
        real half[8];
        double worst = 0;
        augment_affine(half, two_rows, 2, 4, 0, 0.5, 0);
        for (int k = 0; k < 8; k++)
            worst = fmax(worst, fabs(half[k] * 255.0 - want[k]));
        tap_ok(worst < 1e-4, "shift (0.5,0) averages neighbours: worst error %.1e of 255", worst);
    }
    #line 458 "book/26-augment.nw"
    for (int n = 4; n <= 5; n++) {
        uint8_t sq[25];
        real turned[25];
        random_image(sq, (size_t)(n * n), &rng);
        augment_affine(turned, sq, n, n, quarter_turn, 0, 0);
        tap_ok(worst_diff(turned, sq, n, quarter_ccw) < 1e-6, "%dx%d turned +90 degrees: out(i,j) = in(j,n-1-i)", n, n);
        augment_affine(turned, sq, n, n, -quarter_turn, 0, 0);
        tap_ok(worst_diff(turned, sq, n, quarter_cw) < 1e-6, "%dx%d turned -90 degrees: out(i,j) = in(n-1-j,i)", n, n);
        augment_affine(turned, sq, n, n, 2 * quarter_turn, 0, 0);
        tap_ok(worst_diff(turned, sq, n, half_turn) < 1e-6, "%dx%d turned 180 degrees: out(i,j) = in(n-1-i,n-1-j)", n, n);
    }
    #line 489 "book/26-augment.nw"
    enum { S = 28 };
    uint8_t blob[S * S];
    real blob_in[S * S], moved[S * S];
    for (int i = 0; i < S; i++)
        for (int j = 0; j < S; j++) {
            double u = (j - 13.5) / 1.5, v = (i - 13.5) / 3.5;
            blob[i * S + j] = (uint8_t)lround(255 * exp(-(u * u + v * v) / 2));
        }
    augment_none(blob_in, blob, S * S);
    double before = ink(blob_in, S * S);
    #line 509 "book/26-augment.nw"
    int empty = 1;
    for (int i = 0; i < S; i++)
        for (int j = 0; j < S; j++)
            if (i < 2 || i >= S - 2 || j < 2 || j >= S - 2)
                empty &= blob[i * S + j] == 0;
    tap_ok(empty, "the blob's outer two rows and columns are empty");
    #line 500 "book/26-augment.nw"
    augment_affine(moved, blob, S, S, 0, 0.3, -0.6);
    tap_ok(fabs(ink(moved, S * S) / before - 1) < 1e-5, "shift (0.3,-0.6) keeps the ink: %.4f of %.4f", ink(moved, S * S), before);
    augment_affine(moved, blob, S, S, 10 * quarter_turn / 90, 0, 0);
    tap_ok(fabs(ink(moved, S * S) / before - 1) < 0.01, "10 degree turn keeps the ink within 1%%: %.4f of %.4f", ink(moved, S * S), before);
    augment_affine(moved, blob, S, S, quarter_turn / 2, 0, 0);
    tap_ok(fabs(ink(moved, S * S) / before - 1) < 0.01, "45 degree turn keeps the ink within 1%%: %.4f of %.4f", ink(moved, S * S), before);
    #line 523 "book/26-augment.nw"
    Rng a, b;
    real out_a[S * S], out_b[S * S];
    rng_seed(&a, 7);
    rng_seed(&b, 7);
    augment_random(out_a, blob, S, S, AUGMENT_MAX_DEG, AUGMENT_MAX_SHIFT, &a);
    augment_random(out_b, blob, S, S, AUGMENT_MAX_DEG, AUGMENT_MAX_SHIFT, &b);
    tap_ok(memcmp(out_a, out_b, sizeof out_a) == 0 && rng_next(&a) == rng_next(&b),
           "seed 7 twice: identical augmented images and generator states");
    #line 535 "book/26-augment.nw"
    double angle, dx, dy;
    rng_seed(&a, 8);
    rng_seed(&b, 8);
    augment_draw(&angle, &dx, &dy, 10, 2, &a);
    double u0 = rng_uniform(&b), u1 = rng_uniform(&b), u2 = rng_uniform(&b);
    tap_ok(fabs(angle - (2 * u0 - 1) * 10 * quarter_turn / 90) < 1e-15 && fabs(dx - (2 * u1 - 1) * 2) < 1e-15
           && fabs(dy - (2 * u2 - 1) * 2) < 1e-15 && rng_next(&a) == rng_next(&b),
           "augment_draw takes three uniforms: angle %.4f rad, dx %.4f, dy %.4f", angle, dx, dy);
    rng_seed(&a, 9);
    rng_seed(&b, 9);
    augment_random(out_a, blob, S, S, 10, 2, &a);
    augment_draw(&angle, &dx, &dy, 10, 2, &b);
    augment_affine(out_b, blob, S, S, angle, dx, dy);
    tap_ok(memcmp(out_a, out_b, sizeof out_a) == 0, "augment_random is augment_draw then augment_affine");
    #line 556 "book/26-augment.nw"
    uint8_t noise[S * S], white[S * S];
    double lo = 1, hi = 0;
    memset(white, 255, sizeof white);
    for (int t = 0; t < 200; t++) {
        random_image(noise, S * S, &rng);
        augment_random(out_a, noise, S, S, 30, 3, &rng);
        augment_random(out_b, white, S, S, 30, 3, &rng);
        for (int k = 0; k < S * S; k++) {
            lo = fmin(lo, fmin(out_a[k], out_b[k]));
            hi = fmax(hi, fmax(out_a[k], out_b[k]));
        }
    }
    tap_ok(lo >= 0 && hi <= 1, "400 random augmentations stay in [0,1]: min %g max %g", lo, hi);
    #line 359 "book/26-augment.nw"
    return tap_done();
}
