#line 552 "book/32-browser.nw"
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "base/check.h"
#include "web/draw.h"
#line 427 "book/32-browser.nw"
enum { FIELD = 28, BOX = 20 };
#line 468 "book/32-browser.nw"
static double *overlaps(int n, double offset, double s);
#line 413 "book/32-browser.nw"
int mnist_from_drawing(uint8_t *out, const uint8_t *canvas, int H, int W)
{
    CHECK(out != NULL && canvas != NULL && H > 0 && W > 0 && H <= 4096 && W <= 4096);
    memset(out, 0, FIELD * FIELD);
    #line 434 "book/32-browser.nw"
    int r0 = H, r1 = -1, c0 = W, c1 = -1;
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++)
            if (canvas[(size_t)y * W + x]) {
                r0 = y < r0 ? y : r0, r1 = y > r1 ? y : r1;
                c0 = x < c0 ? x : c0, c1 = x > c1 ? x : c1;
            }
    #line 418 "book/32-browser.nw"
    if (r1 < 0)
        return -1;
    #line 484 "book/32-browser.nw"
    int h = r1 - r0 + 1, w = c1 - c0 + 1;
    double s = (double)BOX / (h > w ? h : w);
    double oy = (FIELD - h * s) / 2, ox = (FIELD - w * s) / 2;
    double *a = overlaps(h, oy, s), *b = overlaps(w, ox, s), *t = xmalloc(sizeof(double) * FIELD * (size_t)w);
    double f[FIELD][FIELD];
    for (int i = 0; i < FIELD; i++)
        for (int x = 0; x < w; x++) {
            double sum = 0;
            for (int y = 0; y < h; y++)
                sum += a[(size_t)i * h + y] * canvas[(size_t)(r0 + y) * W + c0 + x];
            t[(size_t)i * w + x] = sum;
        }
    for (int i = 0; i < FIELD; i++)
        for (int j = 0; j < FIELD; j++) {
            double sum = 0;
            for (int x = 0; x < w; x++)
                sum += b[(size_t)j * w + x] * t[(size_t)i * w + x];
            f[i][j] = sum;
        }
    free(a), free(b), free(t);
    #line 520 "book/32-browser.nw"
    double mass = 0, my = 0, mx = 0;
    for (int i = 0; i < FIELD; i++)
        for (int j = 0; j < FIELD; j++)
            mass += f[i][j], my += (i + 0.5) * f[i][j], mx += (j + 0.5) * f[i][j];
    int dy = (int)lround(FIELD / 2.0 - my / mass), dx = (int)lround(FIELD / 2.0 - mx / mass);
    #line 539 "book/32-browser.nw"
    int ylo = (int)ceil(-oy), yhi = (int)floor(FIELD - oy - h * s);
    int xlo = (int)ceil(-ox), xhi = (int)floor(FIELD - ox - w * s);
    dy = dy < ylo ? ylo : dy > yhi ? yhi : dy;
    dx = dx < xlo ? xlo : dx > xhi ? xhi : dx;
    #line 526 "book/32-browser.nw"
    for (int i = 0; i < FIELD; i++)
        for (int j = 0; j < FIELD; j++) {
            int si = i - dy, sj = j - dx;
            double v = si >= 0 && si < FIELD && sj >= 0 && sj < FIELD ? f[si][sj] : 0;
            out[i * FIELD + j] = (uint8_t)lround(fmin(v, 255));
        }
    #line 422 "book/32-browser.nw"
    return 0;
}
#line 470 "book/32-browser.nw"
static double *overlaps(int n, double offset, double s)
{
    /* (FIELD, n): length of [i, i+1) within [offset + y s, offset + (y+1) s) */
    double *a = xmalloc(sizeof(double) * FIELD * (size_t)n);
    for (int i = 0; i < FIELD; i++)
        for (int y = 0; y < n; y++) {
            double lo = fmax(i, offset + y * s), hi = fmin(i + 1, offset + (y + 1) * s);
            a[(size_t)i * n + y] = hi > lo ? hi - lo : 0;
        }
    return a;
}
