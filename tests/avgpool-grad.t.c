#line 392 "book/95b-solutions-conv-pool.nw"
#include "gradcheck.h"
#include "layers/pool.h"
#line 353 "book/95b-solutions-conv-pool.nw"
/* out (N,C,H/2,W/2) = mean of each 2x2 window of in (N,C,H,W); H, W even */
static void avgpool_forward(real *out, const real *in, int N, int C, int H, int W)
{
    CHECK(out != NULL && in != NULL && N > 0 && C > 0 && H > 0 && W > 0 && H % 2 == 0 && W % 2 == 0);
    int Ho = H / 2, Wo = W / 2;
    for (int plane = 0; plane < N * C; plane++)
        for (int i = 0; i < Ho; i++)
            for (int j = 0; j < Wo; j++) {
                const real *top = in + ((size_t)plane * H + 2 * i) * W + 2 * j;
                out[((size_t)plane * Ho + i) * Wo + j] = (top[0] + top[1] + top[W] + top[W + 1]) / 4;
            }
}

/* din (N,C,H,W) += dout (N,C,H/2,W/2) / 4 at each of the four inputs of its window */
static void avgpool_backward(real *din, const real *dout, int N, int C, int H, int W)
{
    CHECK(din != NULL && dout != NULL && N > 0 && C > 0 && H > 0 && W > 0 && H % 2 == 0 && W % 2 == 0);
    int Ho = H / 2, Wo = W / 2;
    for (int plane = 0; plane < N * C; plane++)
        for (int i = 0; i < Ho; i++)
            for (int j = 0; j < Wo; j++) {
                real *top = din + ((size_t)plane * H + 2 * i) * W + 2 * j;
                real share = dout[((size_t)plane * Ho + i) * Wo + j] / 4;
                top[0] += share, top[1] += share, top[W] += share, top[W + 1] += share;
            }
}
#line 409 "book/95b-solutions-conv-pool.nw"
typedef struct AvgCase {
    int N, C, H, W;
    real *in, *out, *r;
} AvgCase;

static double avgpool_loss(void *ctx)
{
    AvgCase *t = ctx;
    avgpool_forward(t->out, t->in, t->N, t->C, t->H, t->W);
    return gc_dot(t->out, t->r, (size_t)t->N * t->C * t->H * t->W / 4);
}

#line 397 "book/95b-solutions-conv-pool.nw"
int main(void)
{
    Rng rng;
    rng_seed(&rng, 1998);
    #line 425 "book/95b-solutions-conv-pool.nw"
    AvgCase t = {.N = 2, .C = 3, .H = 4, .W = 6};
    size_t n = (size_t)t.N * t.C * t.H * t.W;
    t.in = gc_normal(n, &rng), t.out = gc_zeros(n / 4), t.r = gc_normal(n / 4, &rng);
    real *din = gc_zeros(n);
    avgpool_loss(&t);
    avgpool_backward(din, t.r, t.N, t.C, t.H, t.W);
    gc_check("average pool 2x2: dL/din", avgpool_loss, &t, t.in, din, n);
    free(t.in), free(t.out), free(t.r), free(din);
    #line 436 "book/95b-solutions-conv-pool.nw"
    const real map[16] = {1, 5, 2, 0, 3, 4, 8, 7, 6, 2, 1, 3, 0, 1, 9, 4};
    real means[4];
    avgpool_forward(means, map, 1, 1, 4, 4);
    tap_ok(means[0] == 3.25 && means[1] == 4.25 && means[2] == 2.25 && means[3] == 4.25,
           "average pool of the worked example's map is [%g %g; %g %g] (expected [3.25 4.25; 2.25 4.25])",
           means[0], means[1], means[2], means[3]);
    #line 445 "book/95b-solutions-conv-pool.nw"
    real sq[4] = {5, 8, 6, 9}, y_avg, y_gap, g = 2, d_avg[4] = {0}, d_gap[4] = {0};
    avgpool_forward(&y_avg, sq, 1, 1, 2, 2);
    gap_forward(&y_gap, sq, 1, 1, 2, 2);
    avgpool_backward(d_avg, &g, 1, 1, 2, 2);
    gap_backward(d_gap, &g, 1, 1, 2, 2);
    int same = y_avg == y_gap;
    for (int i = 0; i < 4; i++)
        same &= d_avg[i] == d_gap[i];
    tap_ok(same, "on a 2x2 map global average pooling equals the average pool, forward (%g) and backward (%g each)",
           y_gap, d_gap[0]);
    #line 404 "book/95b-solutions-conv-pool.nw"
    return tap_done();
}
