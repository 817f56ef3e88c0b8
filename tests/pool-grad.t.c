#line 578 "book/23-pointwise-and-pooling.nw"
#include "gradcheck.h"
#include "layers/pool.h"
#line 602 "book/23-pointwise-and-pooling.nw"
typedef struct PoolCase {
    int N, C, H, W;
    real *in, *out, *r;
    int *argmax;
} PoolCase;

static double maxpool_loss(void *ctx)
{
    PoolCase *t = ctx;
    maxpool_forward(t->out, t->argmax, t->in, t->N, t->C, t->H, t->W);
    return gc_dot(t->out, t->r, (size_t)t->N * t->C * t->H * t->W / 4);
}

static double gap_loss(void *ctx)
{
    PoolCase *t = ctx;
    gap_forward(t->out, t->in, t->N, t->C, t->H, t->W);
    return gc_dot(t->out, t->r, (size_t)t->N * t->C);
}
#line 646 "book/23-pointwise-and-pooling.nw"
static void maxpool_odd(void *ctx)
{
    (void)ctx;
    real in[6] = {0}, out[1];
    int argmax[1];
    maxpool_forward(out, argmax, in, 1, 1, 3, 2);
}

#line 582 "book/23-pointwise-and-pooling.nw"
int main(void)
{
    Rng rng;
    rng_seed(&rng, 1989);
    PoolCase t = {.N = 2, .C = 3, .H = 4, .W = 6};
    size_t n = (size_t)t.N * t.C * t.H * t.W, n_pool = n / 4;
    t.in = gc_zeros(n);
    t.out = gc_zeros(n_pool);
    t.argmax = xcalloc(n_pool, sizeof *t.argmax);
    t.r = gc_normal(n_pool, &rng);
    #line 624 "book/23-pointwise-and-pooling.nw"
    for (size_t i = 0; i < n; i++)
        t.in[i] = 0.01 * i;
    for (size_t i = n - 1; i > 0; i--) {
        size_t j = rng_below(&rng, i + 1);
        real swap = t.in[i];
        t.in[i] = t.in[j];
        t.in[j] = swap;
    }
    #line 635 "book/23-pointwise-and-pooling.nw"
    real hand[8] = {1, 5, 2, 0, 3, 4, 8, 7}, hy[2], gy;
    int ha[2];
    maxpool_forward(hy, ha, hand, 1, 1, 2, 4);
    tap_ok(hy[0] == 5 && hy[1] == 8 && ha[0] == 1 && ha[1] == 6,
           "max-pool of [1 5 2 0; 3 4 8 7] is [%g %g] at offsets %d %d (expected [5 8] at 1 6)", hy[0], hy[1], ha[0], ha[1]);
    tap_ok(gc_dies(maxpool_odd, NULL), "max-pool of a map with odd height is a checked runtime error");
    gap_forward(&gy, hand, 1, 1, 2, 4);
    tap_ok(gy == 3.75, "global average of [1 5 2 0; 3 4 8 7] is %g (expected 3.75)", gy);
    #line 656 "book/23-pointwise-and-pooling.nw"
    real *din = gc_zeros(n);
    maxpool_loss(&t);
    maxpool_backward(din, t.r, t.argmax, t.N, t.C, t.H, t.W);
    gc_check("max-pool 2x2: dL/din", maxpool_loss, &t, t.in, din, n);
    #line 663 "book/23-pointwise-and-pooling.nw"
    for (size_t i = 0; i < n; i++)
        din[i] = 0;
    gap_loss(&t);
    gap_backward(din, t.r, t.N, t.C, t.H, t.W);
    gc_check("global average pooling: dL/din", gap_loss, &t, t.in, din, n);
    #line 596 "book/23-pointwise-and-pooling.nw"
    free(t.in), free(t.out), free(t.argmax), free(t.r), free(din);
    return tap_done();
}
