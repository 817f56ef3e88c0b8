#line 180 "book/31a-fast-augment.nw"
#include <string.h>
#include "data/augment_fast.h"
#include "tap.h"
#line 201 "book/31a-fast-augment.nw"
static void af_image(uint8_t *img, size_t n, Rng *rng)
{
    /* a third black, a third white, a third any grey */
    for (size_t k = 0; k < n; k++) {
        uint64_t kind = rng_below(rng, 3);
        img[k] = kind == 0 ? 0 : kind == 1 ? 255 : (uint8_t)rng_below(rng, 256);
    }
}

static void af_case(Rng *rng, int H, int W, double max_deg, double max_shift, int count, const char *what)
{
    uint8_t img[40 * 40];
    real ref[40 * 40], fast[40 * 40];
    int same = 1;
    for (int k = 0; k < count; k++) {
        af_image(img, (size_t)H * W, rng);
        Rng r1 = *rng, r2 = *rng;
        augment_random(ref, img, H, W, max_deg, max_shift, &r1);
        augment_random_fast(fast, img, H, W, max_deg, max_shift, &r2);
        same &= memcmp(ref, fast, sizeof(real) * H * W) == 0 && memcmp(&r1, &r2, sizeof r1) == 0;
        *rng = r1;
    }
    tap_ok(same, "%dx%d, turns up to %g degrees, shifts up to %g: %d images, the reference's bits and draws (%s)",
           H, W, max_deg, max_shift, count, what);
}

#line 185 "book/31a-fast-augment.nw"
int main(void)
{
    Rng rng;
    rng_seed(&rng, 31);
    af_case(&rng, 28, 28, 7, 2, 2000, "MNIST's size and the trainer's draws");
    af_case(&rng, 28, 28, 180, 40, 500, "any turn, shifts out of the frame");
    af_case(&rng, AUGMENT_FAST_SIDE, AUGMENT_FAST_SIDE, 30, 4, 200, "the largest side");
    af_case(&rng, 12, 8, 30, 4, 200, "a 12x8 image");
    af_case(&rng, 5, 7, 30, 2, 200, "a width that is not a multiple of 4 (the reference)");
    af_case(&rng, AUGMENT_FAST_SIDE + 4, 28, 30, 2, 50, "a side over AUGMENT_FAST_SIDE (the reference)");
    #line 229 "book/31a-fast-augment.nw"
    uint8_t img[28 * 28];
    real ref[28 * 28], fast[28 * 28];
    int same = 1;
    af_image(img, sizeof img, &rng);
    for (int dy = -3; dy <= 3; dy++)
        for (int dx = -3; dx <= 3; dx++) {
            augment_affine(ref, img, 28, 28, 0, dx, dy);
            augment_affine_fast(fast, img, 28, 28, 0, dx, dy);
            same &= memcmp(ref, fast, sizeof ref) == 0;
        }
    tap_ok(same, "whole-pixel shifts up to 3 without a turn: the reference's bits");
    #line 196 "book/31a-fast-augment.nw"
    return tap_done();
}
