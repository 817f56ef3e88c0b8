#line 9 "book/95d-solutions-training.nw"
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "base/rng.h"
#include "data/augment.h"
#include "data/mnist.h"
#include "data/pgm.h"
#include "tap.h"
#line 40 "book/95d-solutions-training.nw"
static char tmp[] = "/tmp/data-exercises-XXXXXX";
static char made[64][300];
static int n_made;

static const char *exercise_file(const char *subdir, const char *name, const void *bytes, size_t len)
{
    char dir[200], *path;
    snprintf(dir, sizeof dir, "%s/%s", tmp, subdir);
    mkdir(dir, 0700);
    strcpy(made[n_made++], dir);
    path = made[n_made++];
    snprintf(path, sizeof made[0], "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (f != NULL) {
        fwrite(bytes, 1, len, f);
        fclose(f);
    }
    return path;
}
#line 106 "book/95d-solutions-training.nw"
static double draws_per_call(uint64_t n, long calls)
{
    Rng rng, copy;
    long draws = 0;
    rng_seed(&rng, 20);
    for (long k = 0; k < calls; k++) {
        int steps = 0;
        copy = rng;
        rng_below(&rng, n);
        do
            rng_next(&copy), draws++;
        while (memcmp(copy.s, rng.s, sizeof rng.s) != 0 && ++steps < 1000);
    }
    return (double)draws / calls;
}
#line 232 "book/95d-solutions-training.nw"
static double five_point(double (*f)(double), double x, double h)
{
    return (8 * (f(x + h) - f(x - h)) - (f(x + 2 * h) - f(x - 2 * h))) / (12 * h);
}
#line 264 "book/95d-solutions-training.nw"
static void idx_header(uint8_t *h, uint32_t magic, uint32_t count)
{
    const uint32_t v[4] = { magic, count, 28, 28 };
    for (int k = 0; k < 4; k++)
        for (int b = 0; b < 4; b++)
            h[4 * k + b] = (uint8_t)(v[k] >> (24 - 8 * b));
}

static int expect_load_error(const char *what, const char *subdir, const char *file, const char *want)
{
    /* mnist_load of split "train" in tmp/subdir fails with "DIR/file: want" */
    Mnist set;
    char err[512] = "", dir[200], full[400];
    snprintf(dir, sizeof dir, "%s/%s", tmp, subdir);
    snprintf(full, sizeof full, "%s/%s: %s", dir, file, want);
    int rc = mnist_load(&set, dir, "train", err, sizeof err);
    return tap_ok(rc == -1 && strcmp(err, full) == 0, "%s: \"%s\"", what, err);
}

static int expect_mnist_error(const char *what, const char *subdir, const char *want)
{
    return expect_load_error(what, subdir, "train-images-idx3-ubyte", want);
}
#line 339 "book/95d-solutions-training.nw"
static void write_split(const char *subdir, const uint8_t *images, const uint8_t *labels, int n)
{
    /* images (n,28,28), labels (n), n <= 4 -> the two files of split "train" in tmp/subdir */
    static uint8_t file[16 + 4 * 784];
    idx_header(file, 0x803, (uint32_t)n);
    memcpy(file + 16, images, (size_t)n * 784);
    exercise_file(subdir, "train-images-idx3-ubyte", file, 16 + (size_t)n * 784);
    idx_header(file, 0x801, (uint32_t)n);
    memcpy(file + 8, labels, (size_t)n);
    exercise_file(subdir, "train-labels-idx1-ubyte", file, 8 + (size_t)n);
}
#line 392 "book/95d-solutions-training.nw"
static int expect_labels_error(const char *what, const char *subdir, const char *want)
{
    return expect_load_error(what, subdir, "train-labels-idx1-ubyte", want);
}
#line 453 "book/95d-solutions-training.nw"
static void source_of(double *xs, double *ys, int i, int j, double cx, double cy, double angle_rad)
{
    double dx = 0, dy = 0, cos_t = cos(angle_rad), sin_t = sin(angle_rad);
    #line 261 "book/26-augment.nw"
    double a = j - dx - cx, b = i - dy - cy;
    double x = cx + a * cos_t - b * sin_t;
    double y = cy + a * sin_t + b * cos_t;
    #line 457 "book/95d-solutions-training.nw"
    *xs = x, *ys = y;
}
#line 595 "book/95d-solutions-training.nw"
static void invert_pixels(uint8_t *pixels, size_t n)
{
    /* pixels (n): p -> 255 - p, black on white <-> white on black */
    for (size_t k = 0; k < n; k++)
        pixels[k] = (uint8_t)(255 - pixels[k]);
}
#line 667 "book/95d-solutions-training.nw"
static uint8_t every_px[65536];
static char every_text[32 + 6 * 65536];

static int read_every_sample(int m, char *err, size_t errlen)
{
    /* every_px (0..m) <- the pixels pgm_read makes of the samples 0..m of a P2 file of maxval m */
    int w = m + 1 < 256 ? m + 1 : 256, h = (m + w) / w;
    int len = snprintf(every_text, sizeof every_text, "P2 %d %d %d\n", w, h, m);
    for (int k = 0; k < w * h; k++)
        len += snprintf(every_text + len, sizeof every_text - len, "%d\n", k <= m ? k : m);
    return pgm_read(every_px, h, w, exercise_file("pgm", "every.pgm", every_text, (size_t)len), err, errlen);
}

#line 23 "book/95d-solutions-training.nw"
int main(void)
{
    if (mkdtemp(tmp) == NULL) {
        printf("Bail out! cannot make a temporary directory\n");
        return 1;
    }
    #line 124 "book/95d-solutions-training.nw"
    double d7 = draws_per_call(7, 20000), d3 = draws_per_call(3ull << 62, 20000);
    double dw = draws_per_call(1ull << 63, 20000);
    tap_ok(d7 == 1, "rng_below(7) takes one draw a call: %.4f", d7);
    tap_ok(fabs(d3 - 4.0 / 3) < 0.02, "rng_below(3*2^62) takes %.4f draws a call (4/3)", d3);
    tap_ok(fabs(dw - 2) < 0.04, "rng_below(2^63) takes %.4f draws a call (2)", dw);
    #line 163 "book/95d-solutions-training.nw"
    {
        volatile float a = 16777216.0f, b = 1, c = 1, left = (a + b) + c, right = a + (b + c);
        tap_ok(left == 16777216.0f && right == 16777218.0f, "(2^24+1)+1 = %.0f, 2^24+(1+1) = %.0f", left, right);
        volatile float terms[9] = { 16777216.0f, 1, 1, 1, 1, 1, 1, 1, 1 }, one = 0, first = 0, second = 0;
        for (int k = 0; k < 9; k++)
            one = one + terms[k];
        for (int k = 0; k < 5; k++)
            first = first + terms[k];
        for (int k = 5; k < 9; k++)
            second = second + terms[k];
        volatile float two = first + second;
        tap_ok(one == 16777216.0f && two == 16777220.0f, "2^24 and eight ones: %.0f on one thread, %.0f on two",
               one, two);
    }
    #line 199 "book/95d-solutions-training.nw"
    {
        Rng rng;
        double s4 = 0;
        rng_seed(&rng, 4);
        for (int k = 0; k < 100000; k++) {
            double z = rng_normal(&rng);
            s4 += z * z * z * z;
        }
        s4 /= 100000;
        tap_ok(fabs(s4 - 3) < 0.124, "fourth moment of rng_normal over 1e5 draws: %.4f (3)", s4);
    }
    #line 239 "book/95d-solutions-training.nw"
    {
        double e1 = five_point(sin, 1, 0.05) - cos(1), e2 = five_point(sin, 1, 0.025) - cos(1);
        double want = -pow(0.05, 4) * cos(1) / 30;
        tap_ok(fabs(e1 / want - 1) < 0.01, "five-point error of sin' at 1, h = 0.05: %.4e (predicted %.4e)", e1, want);
        tap_ok(fabs(e1 / e2 - 16) < 0.5, "halving h divides the error by %.2f (16)", e1 / e2);
    }
    #line 290 "book/95d-solutions-training.nw"
    {
        static uint8_t file[16 + 2 * 784];
        idx_header(file, 0x803, 3);
        exercise_file("short", "train-images-idx3-ubyte", file, sizeof file);
        expect_mnist_error("3 images promised, 2 there", "short",
                           "truncated: header promises 2352 data bytes, file has 1568");
    }
    #line 320 "book/95d-solutions-training.nw"
    {
        static const uint8_t file[16] = { 3, 8, 0, 0, 0x60, 0xea, 0, 0, 0x1c, 0, 0, 0, 0x1c, 0, 0, 0 };
        exercise_file("little", "train-images-idx3-ubyte", file, sizeof file);
        expect_mnist_error("a little-endian header", "little",
                           "magic number 0x03080000, expected 0x00000803 (idx3, unsigned bytes)");
    }
    #line 366 "book/95d-solutions-training.nw"
    {
        Rng rng;
        Mnist set;
        uint8_t images[3 * 784], labels[3] = { 7, 0, 9 };
        char err[512] = "", dir[200];
        rng_seed(&rng, 25);
        for (int k = 0; k < 3 * 784; k++)
            images[k] = (uint8_t)rng_below(&rng, 256);
        write_split("split", images, labels, 3);
        snprintf(dir, sizeof dir, "%s/split", tmp);
        int rc = mnist_load(&set, dir, "train", err, sizeof err);
        tap_ok(rc == 0 && set.n == 3 && memcmp(set.images, images, sizeof images) == 0
               && memcmp(set.labels, labels, sizeof labels) == 0,
               "a written split of 3 images reads back byte for byte (%s)", rc == 0 ? "no error" : err);
        if (rc == 0)
            mnist_free(&set);
        labels[1] = 10;
        write_split("label10", images, labels, 3);
        expect_labels_error("a label 10 among 7, 10, 9", "label10", "label 10 at index 1 is not a digit 0..9");
    }
    #line 420 "book/95d-solutions-training.nw"
    {
        static const int at[4][2] = { { 0, 14 }, { 0, 15 }, { 1, 14 }, { 1, 15 } };
        static const double want[4] = { 0.337103, 0.623204, 0.013933, 0.025759 };
        double worst = 0;
        for (int k = 0; k < 4; k++) {
            uint8_t img[28 * 28] = { 0 };
            real out[28 * 28];
            img[at[k][0] * 28 + at[k][1]] = 255;
            augment_affine(out, img, 28, 28, 7 * 0.017453292519943295, 0, 0);
            worst = fmax(worst, fabs(out[13] - want[k]));
        }
        tap_ok(worst < 2e-6, "7 degrees: output (0,13) takes the weights 0.337 0.623 0.014 0.026 (worst error %.1e)",
               worst);
    }
    #line 462 "book/95d-solutions-training.nw"
    {
        static const double degrees[4] = { 7, -30, 90, 180 };
        double worst = 0, half_x = 0, half_y = 0;
        for (int k = 0; k < 4; k++) {
            double t = degrees[k] * 0.017453292519943295, c = cos(t), s = sin(t);
            double want_x = 0.5 - (c * 0.5 - s * 0.5), want_y = 0.5 - (s * 0.5 + c * 0.5);
            for (int i = 0; i < 28; i++)
                for (int j = 0; j < 28; j++) {
                    double x0, y0, x1, y1;
                    source_of(&x0, &y0, i, j, 13.5, 13.5, t);
                    source_of(&x1, &y1, i, j, 14, 14, t);
                    worst = fmax(worst, fmax(fabs(x1 - x0 - want_x), fabs(y1 - y0 - want_y)));
                    if (k == 3)
                        half_x = x1 - x0, half_y = y1 - y0;
                }
        }
        tap_ok(worst < 1e-12, "centre (14,14): every source moves by (I - R^-1) d (worst error %.1e)", worst);
        tap_ok(fabs(half_x - 1) < 1e-12 && fabs(half_y - 1) < 1e-12, "for a half turn by (%.3f, %.3f)", half_x,
               half_y);
    }
    #line 506 "book/95d-solutions-training.nw"
    {
        static const double shift[3][2] = { { 0.37, -1.21 }, { -2, 1.5 }, { 1.99, 2 } };
        Rng rng;
        uint8_t img[28 * 28] = { 0 };
        real before[28 * 28], after[28 * 28];
        double worst = 0;
        rng_seed(&rng, 26);
        for (int i = 3; i < 25; i++)
            for (int j = 3; j < 25; j++)
                img[i * 28 + j] = (uint8_t)rng_below(&rng, 256);
        augment_none(before, img, 28 * 28);
        double ink = 0;
        for (int k = 0; k < 28 * 28; k++)
            ink += before[k];
        for (int s = 0; s < 3; s++) {
            double moved = 0;
            augment_affine(after, img, 28, 28, 0, shift[s][0], shift[s][1]);
            for (int k = 0; k < 28 * 28; k++)
                moved += after[k];
            worst = fmax(worst, fabs(moved / ink - 1));
        }
        tap_ok(worst < 1e-6, "shifts of up to 2 pixels keep the ink of a digit with a 3-pixel border (%.1e)", worst);
    }
    #line 562 "book/95d-solutions-training.nw"
    {
        static const uint8_t want[6] = { 0, 0, 1, 128, 254, 255 };
        static const char p2[] = "P2 6 1 1000\n0 1 2 500 998 1000\n";
        static const uint8_t p5[] = { 'P', '5', ' ', '1', ' ', '1', ' ', '6', '5', '5', '3', '5', '\n', 0x7f, 0xff };
        uint8_t got[6], wide;
        char err[256] = "";
        int rc = pgm_read(got, 1, 6, exercise_file("pgm", "m1000.pgm", p2, strlen(p2)), err, sizeof err);
        tap_ok(rc == 0 && memcmp(got, want, 6) == 0, "maxval 1000: 0 1 2 500 998 1000 read as %d %d %d %d %d %d",
               got[0], got[1], got[2], got[3], got[4], got[5]);
        rc = pgm_read(&wide, 1, 1, exercise_file("pgm", "m65535.pgm", p5, sizeof p5), err, sizeof err);
        tap_ok(rc == 0 && wide == 127, "16-bit sample 7fff read as %d (127)", wide);
        #line 578 "book/95d-solutions-training.nw"
        static char all[16 + 5 * 1001];
        static uint8_t px[1001];
        int len = snprintf(all, sizeof all, "P2 1001 1 1000\n");
        for (int s = 0; s <= 1000; s++)
            len += snprintf(all + len, sizeof all - len, "%d\n", s);
        rc = pgm_read(px, 1, 1001, exercise_file("pgm", "all.pgm", all, (size_t)len), err, sizeof err);
        double worst = 0;
        for (int s = 0; s <= 1000; s++)
            worst = fmax(worst, fabs(px[s] - 255.0 * s / 1000));
        tap_ok(rc == 0 && worst <= 0.5, "every sample of maxval 1000 within %.3f of 255 s / m (at most 0.5)", worst);
    #line 574 "book/95d-solutions-training.nw"
    }
    #line 622 "book/95d-solutions-training.nw"
    {
        Rng rng;
        uint8_t digit[28 * 28], paper[28 * 28], back[28 * 28];
        char err[256] = "", path[200];
        rng_seed(&rng, 27);
        for (int k = 0; k < 28 * 28; k++)
            digit[k] = (uint8_t)rng_below(&rng, 256);
        memcpy(paper, digit, sizeof paper);
        invert_pixels(paper, sizeof paper);
        strcpy(path, exercise_file("pgm", "paper.pgm", "", 0));
        int rc = pgm_write(path, paper, 28, 28, err, sizeof err);
        if (rc == 0)
            rc = pgm_read_digit(back, path, err, sizeof err);
        invert_pixels(back, sizeof back);
        tap_ok(rc == 0 && memcmp(back, digit, sizeof back) == 0, "a black-on-white digit, read and inverted, is "
               "the white-on-black one (%s)", rc == 0 ? "no error" : err);
        invert_pixels(back, sizeof back), invert_pixels(back, sizeof back);
        tap_ok(memcmp(back, digit, sizeof back) == 0, "inverting twice changes nothing");
    }
    #line 682 "book/95d-solutions-training.nw"
    {
        static const int maxvals[] = { 1, 2, 100, 255, 256, 1000, 65535 };
        char err[256] = "";
        for (int i = 0; i < 7; i++) {
            int m = maxvals[i], rc = read_every_sample(m, err, sizeof err), rises = 1, steps = 1, levels = 0;
            int hit[256] = { 0 };
            for (int s = 0; s <= m; s++) {
                hit[every_px[s]] = 1;
                if (s > 0)
                    rises &= every_px[s] >= every_px[s - 1], steps &= every_px[s] - every_px[s - 1] <= 1;
            }
            for (int v = 0; v < 256; v++)
                levels += hit[v];
            int want = m >= 255 ? 256 : m + 1;
            tap_ok(rc == 0 && every_px[0] == 0 && every_px[m] == 255 && rises && (m < 255 ? 1 : steps)
                   && levels == want, "maxval %d: 0 -> %d, %d -> %d, never falling, %d grey levels (%d)", m,
                   every_px[0], m, every_px[m], levels, want);
        }
        int rc = read_every_sample(255, err, sizeof err), same = rc == 0;
        for (int s = 0; s <= 255; s++)
            same &= every_px[s] == s;
        tap_ok(same, "maxval 255: every sample is its own pixel");
    }
    #line 62 "book/95d-solutions-training.nw"
    while (n_made > 0) {
        const char *p = made[--n_made];
        if (unlink(p) != 0)
            rmdir(p);
    }
    rmdir(tmp);
    #line 31 "book/95d-solutions-training.nw"
    return tap_done();
}
