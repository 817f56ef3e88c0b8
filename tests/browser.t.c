#line 985 "book/32-browser.nw"
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include "tap.h"
#include "web/crc32.h"
#include "web/draw.h"
enum { SIDE = 280 };
#line 1009 "book/32-browser.nw"
typedef struct {
    int r0, r1, c0, c1;   /* bounding box of the ink */
    double my, mx;        /* centre of mass, pixel centres at i + 0.5 */
    int greys;            /* pixels strictly between 0 and 255 */
} Shape;

static Shape shape_of(const uint8_t *f)
{
    Shape s = { 28, -1, 28, -1, 0, 0, 0 };
    double mass = 0;
    for (int i = 0; i < 28; i++)
        for (int j = 0; j < 28; j++) {
            int v = f[i * 28 + j];
            if (v) {
                s.r0 = i < s.r0 ? i : s.r0, s.r1 = i > s.r1 ? i : s.r1;
                s.c0 = j < s.c0 ? j : s.c0, s.c1 = j > s.c1 ? j : s.c1;
            }
            s.greys += v > 0 && v < 255;
            mass += v, s.my += (i + 0.5) * v, s.mx += (j + 0.5) * v;
        }
    s.my /= mass, s.mx /= mass;
    return s;
}

static int lcg(uint32_t *seed)
{
    return (int)((*seed = *seed * 1103515245u + 12345u) >> 16);
}

static void fill(uint8_t *canvas, int y0, int y1, int x0, int x1)
{
    for (int y = y0; y < y1; y++)
        for (int x = x0; x < x1; x++)
            canvas[y * SIDE + x] = 255;
}
#line 62 "book/95e-solutions-browser.nw"
static double rounding_bound(const uint8_t *f, double c, int rows)
{
    /* (1/2) sum of |coordinate + 1/2 - c| over all pixels / (sum of f - 784/2) */
    double spread = 0, mass = 0;
    for (int k = 0; k < 28 * 28; k++)
        mass += f[k], spread += fabs((rows ? k / 28 : k % 28) + 0.5 - c);
    return 0.5 * spread / (mass - 0.5 * 28 * 28);
}
#line 102 "book/95e-solutions-browser.nw"
static uint32_t crc32_table(uint32_t crc, const unsigned char *p, size_t n)
{
    static uint32_t table[256];
    if (table[1] == 0)
        for (uint32_t b = 0; b < 256; b++) {
            uint32_t r = b;
            for (int k = 0; k < 8; k++)
                r = r >> 1 ^ (0xEDB88320u & -(r & 1u));
            table[b] = r;
        }
    crc = ~crc;
    for (size_t i = 0; i < n; i++)
        crc = crc >> 8 ^ table[(crc ^ p[i]) & 0xFFu];
    return ~crc;
}
#line 994 "book/32-browser.nw"
int main(void)
{
    static uint8_t canvas[SIDE * SIDE];
    uint8_t out[28 * 28];
    Shape sh;
    #line 1047 "book/32-browser.nw"
    memset(canvas, 0, sizeof canvas);
    fill(canvas, 10, 210, 5, 90);
    tap_ok(mnist_from_drawing(out, canvas, SIDE, SIDE) == 0, "a 200x85 rectangle at the top left is ink");
    sh = shape_of(out);
    tap_ok(sh.r1 - sh.r0 + 1 == 20, "its 200 rows become the 20 rows of the box (rows %d..%d)", sh.r0, sh.r1);
    tap_ok(sh.c1 - sh.c0 + 1 == 10 && sh.greys == 2 * 20, "its 85 columns become 8.5: 8 full columns and two "
           "grey ones, a quarter covered (columns %d..%d, %d grey pixels)", sh.c0, sh.c1, sh.greys);
    tap_ok(fabs(sh.my - 14) <= 0.5 && fabs(sh.mx - 14) <= 0.5,
           "its centre of mass (%.3f, %.3f) is within half a pixel of the centre (14, 14)", sh.my, sh.mx);
    #line 1059 "book/32-browser.nw"
    memset(canvas, 0, sizeof canvas);
    fill(canvas, 40, 240, 100, 120);
    fill(canvas, 220, 240, 100, 200);
    mnist_from_drawing(out, canvas, SIDE, SIDE);
    sh = shape_of(out);
    tap_ok(fabs(sh.my - 14) <= 0.5 && fabs(sh.mx - 14) <= 0.5,
           "an L: centre of mass (%.3f, %.3f) within half a pixel of (14, 14)", sh.my, sh.mx);
    tap_ok(sh.r1 - sh.r0 + 1 == 20 && (sh.r0 + sh.r1 + 1) / 2.0 < 14,
           "an L: its box is 20 rows and sits above the middle (rows %d..%d), moved by its mass", sh.r0, sh.r1);
    #line 1071 "book/32-browser.nw"
    memset(canvas, 0, sizeof canvas);
    fill(canvas, 100, 110, 200, 205);
    mnist_from_drawing(out, canvas, SIDE, SIDE);
    sh = shape_of(out);
    tap_ok(sh.r1 - sh.r0 + 1 == 20 && sh.c1 - sh.c0 + 1 == 10,
           "a 10x5 dot is enlarged to 20x10 (rows %d..%d, columns %d..%d)", sh.r0, sh.r1, sh.c0, sh.c1);
    memset(canvas, 0, sizeof canvas);
    memset(out, 7, sizeof out);
    int empty = mnist_from_drawing(out, canvas, SIDE, SIDE);
    int zeros = 1;
    for (int i = 0; i < 28 * 28; i++)
        zeros &= out[i] == 0;
    tap_ok(empty == -1 && zeros, "an empty canvas gives -1 and an empty field");
    #line 1087 "book/32-browser.nw"
    unsigned char buf[300];
    uint32_t x = 12345;
    for (int i = 0; i < 300; i++)
        buf[i] = (unsigned char)lcg(&x);
    int same = 1;
    for (int n = 0; n <= 300; n++)
        same &= crc32_update(crc32_update(0, NULL, 0), buf, (size_t)n) == (uint32_t)crc32(crc32(0L, Z_NULL, 0), buf, (uInt)n);
    tap_ok(same, "crc32_update equals zlib's crc32 on every length from 0 to 300");
    tap_ok(crc32_update(crc32_update(0, buf, 100), buf + 100, 200) == (uint32_t)crc32(0L, buf, 300),
           "crc32_update continued over two pieces equals zlib's crc32 of the whole");
    #line 17 "book/95e-solutions-browser.nw"
    memset(canvas, 0, sizeof canvas);
    fill(canvas, 10, 210, 5, 90);
    mnist_from_drawing(out, canvas, SIDE, SIDE);
    int as_computed = 1;
    for (int i = 0; i < 28; i++)
        for (int j = 0; j < 28; j++) {
            int want = i < 4 || i > 23 || j < 9 || j > 18 ? 0 : j == 9 || j == 18 ? 64 : 255;
            as_computed &= out[i * 28 + j] == want;
        }
    tap_ok(as_computed, "exercise: rows 4..23, columns 10..17 are 255, columns 9 and 18 are 64, the rest 0");
    #line 71 "book/95e-solutions-browser.nw"
    uint32_t seed = 7;
    int centred = 0, clamped = 0;
    for (int k = 0; k < 200; k++) {
        memset(canvas, 0, sizeof canvas);
        for (int r = 0; r < 3; r++) {
            int y0 = lcg(&seed) % 240, x0 = lcg(&seed) % 240, hh = 5 + lcg(&seed) % 40, ww = 5 + lcg(&seed) % 40;
            fill(canvas, y0, y0 + hh, x0, x0 + ww);
        }
        mnist_from_drawing(out, canvas, SIDE, SIDE);
        sh = shape_of(out);
        int near = fabs(sh.my - 14) <= 0.5 + rounding_bound(out, sh.my, 1)
                   && fabs(sh.mx - 14) <= 0.5 + rounding_bound(out, sh.mx, 0);
        centred += near, clamped += !near && (sh.r0 == 0 || sh.r1 == 27 || sh.c0 == 0 || sh.c1 == 27);
    }
    tap_ok(centred + clamped == 200, "exercise: 200 random drawings: %d centred within half a pixel plus rounding, "
           "%d clamped at the field's edge", centred, clamped);
    #line 120 "book/95e-solutions-browser.nw"
    int table_same = 1;
    for (int k = 0; k <= 300; k++)
        table_same &= crc32_table(0, buf, (size_t)k) == crc32_update(0, buf, (size_t)k);
    tap_ok(table_same, "exercise: the table CRC equals crc32_update on every length from 0 to 300");
    #line 1004 "book/32-browser.nw"
    return tap_done();
}
