#line 450 "book/23-pointwise-and-pooling.nw"
#include "gradcheck.h"
#include "layers/pointwise.h"
#line 473 "book/23-pointwise-and-pooling.nw"
typedef struct PwCase {
    size_t n;
    double p;
    uint64_t seed;
    real *in, *out, *mask, *r;
} PwCase;

static double relu_loss(void *ctx)
{
    PwCase *t = ctx;
    relu_forward(t->out, t->in, t->n);
    return gc_dot(t->out, t->r, t->n);
}
#line 508 "book/23-pointwise-and-pooling.nw"
static double dropout_loss(void *ctx)
{
    PwCase *t = ctx;
    Rng rng;
    rng_seed(&rng, t->seed);
    dropout_forward(t->out, t->mask, t->in, t->p, t->n, &rng, MODE_TRAIN);
    return gc_dot(t->out, t->r, t->n);
}
#line 553 "book/23-pointwise-and-pooling.nw"
static void dropout_all(void *ctx)
{
    (void)ctx;
    real x = 1, y, m;
    Rng rng;
    rng_seed(&rng, 1);
    dropout_forward(&y, &m, &x, 1.0, 1, &rng, MODE_TRAIN);
}

#line 454 "book/23-pointwise-and-pooling.nw"
int main(void)
{
    Rng rng;
    rng_seed(&rng, 2014);
    PwCase t = {.n = 60, .p = 0.3, .seed = 99};
    t.in = gc_normal(t.n, &rng);
    t.out = gc_zeros(t.n);
    t.mask = gc_zeros(t.n);
    t.r = gc_normal(t.n, &rng);
    #line 489 "book/23-pointwise-and-pooling.nw"
    for (size_t i = 0; i < t.n; i++)
        t.in[i] = t.in[i] > 0 ? 0.1 + t.in[i] : -0.1 + t.in[i];
    real *din = gc_zeros(t.n), *din_out = gc_zeros(t.n);
    relu_loss(&t);
    relu_backward(din, t.r, t.in, t.n);
    relu_backward(din_out, t.r, t.out, t.n);
    gc_check("relu: dL/din", relu_loss, &t, t.in, din, t.n);
    int same = 1;
    for (size_t i = 0; i < t.n; i++)
        same &= din[i] == din_out[i];
    tap_ok(same, "relu backward gives the same gradient from the output as from the input");
    #line 519 "book/23-pointwise-and-pooling.nw"
    for (size_t i = 0; i < t.n; i++)
        din[i] = 0;
    dropout_loss(&t);
    dropout_backward(din, t.r, t.mask, t.n);
    gc_check("dropout p=0.3, fixed mask: dL/din", dropout_loss, &t, t.in, din, t.n);
    #line 533 "book/23-pointwise-and-pooling.nw"
    enum { BIG = 100000 };
    real *x = gc_normal(BIG, &rng), *y = gc_zeros(BIG), *m = gc_zeros(BIG);
    dropout_forward(y, m, x, 0.25, BIG, &rng, MODE_TRAIN);
    size_t zeros = 0;
    int exact = 1;
    for (size_t i = 0; i < BIG; i++) {
        zeros += m[i] == 0;
        exact &= (m[i] == 0 || m[i] == (real)(1 / 0.75)) && y[i] == m[i] * x[i];
    }
    tap_ok(fabs((double)zeros / BIG - 0.25) < 0.007, "dropout p=0.25 zeroes a fraction %.4f of 100000 values", (double)zeros / BIG);
    tap_ok(exact, "dropout keeps values scaled by exactly 1/(1-p) and zeroes the rest");
    dropout_forward(y, m, x, 0.25, BIG, &rng, MODE_EVAL);
    int identity = 1;
    for (size_t i = 0; i < BIG; i++)
        identity &= y[i] == x[i] && m[i] == 1;
    tap_ok(identity, "dropout in evaluation mode is the identity with an all-ones mask");
    tap_ok(gc_dies(dropout_all, NULL), "dropout with p = 1 is a checked runtime error");
    #line 466 "book/23-pointwise-and-pooling.nw"
    free(t.in), free(t.out), free(t.mask), free(t.r);
    free(din), free(din_out), free(x), free(y), free(m);
    return tap_done();
}
