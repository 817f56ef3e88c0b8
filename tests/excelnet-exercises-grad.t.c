#line 9 "book/95a-solutions-spreadsheet.nw"
#include <math.h>
#include <stdio.h>
#include "excelnet/excelnet.h"
#define GC_TOL   1e-7
#define GC_FLOOR 1e-9
#include "gradcheck.h"
#line 886 "book/10-excelnet.nw"
static void random_point(Rng *rng, Weights *w, Example *x)
{
    double v[12];
    for (int j = 0; j < 12; j++)
        v[j] = j < 8 ? -3 + 6 * rng_uniform(rng) : rng_uniform(rng);
    *w = (Weights){ v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7] };
    *x = (Example){ .i1 = v[8], .i2 = v[9], .t1 = v[10], .t2 = v[11] };
}
#line 60 "book/95a-solutions-spreadsheet.nw"
typedef struct {
    double p[12];  /* w1..w8, then b1..b4 */
    Example x;
} BiasNet;

static double bias_forward(const BiasNet *n, double a[4])
{
    const double *p = n->p;
    const Example *x = &n->x;
    double a_h1 = sigmoid(p[0] * x->i1 + p[1] * x->i2 + p[8]);
    double a_h2 = sigmoid(p[2] * x->i1 + p[3] * x->i2 + p[9]);
    double a_o1 = sigmoid(p[4] * a_h1 + p[5] * a_h2 + p[10]);
    double a_o2 = sigmoid(p[6] * a_h1 + p[7] * a_h2 + p[11]);
    if (a != NULL) {
        a[0] = a_h1; a[1] = a_h2; a[2] = a_o1; a[3] = a_o2;
    }
    return 0.5 * (x->t1 - a_o1) * (x->t1 - a_o1) + 0.5 * (x->t2 - a_o2) * (x->t2 - a_o2);
}

static double bias_loss(void *ctx)
{
    return bias_forward(ctx, NULL);
}
#line 86 "book/95a-solutions-spreadsheet.nw"
static void bias_backward(double g[12], const BiasNet *n)
{
    double a[4];
    bias_forward(n, a);
    const double *p = n->p;
    const Example *x = &n->x;
    double delta_o1 = (a[2] - x->t1) * a[2] * (1 - a[2]);
    double delta_o2 = (a[3] - x->t2) * a[3] * (1 - a[3]);
    double delta_h1 = (delta_o1 * p[4] + delta_o2 * p[6]) * a[0] * (1 - a[0]);
    double delta_h2 = (delta_o1 * p[5] + delta_o2 * p[7]) * a[1] * (1 - a[1]);
    const double v[12] = {
        delta_h1 * x->i1, delta_h1 * x->i2, delta_h2 * x->i1, delta_h2 * x->i2,
        delta_o1 * a[0], delta_o1 * a[1], delta_o2 * a[0], delta_o2 * a[1],
        delta_h1, delta_h2, delta_o1, delta_o2,
    };
    for (int j = 0; j < 12; j++)
        g[j] = v[j];
}
#line 184 "book/95a-solutions-spreadsheet.nw"
typedef struct {
    double w[8], o[2];
    Example x;
} CePoint;

static double cross_entropy(double a_o1, double a_o2, const Example *x)
{
    return -(x->t1 * log(a_o1) + (1 - x->t1) * log(1 - a_o1))
           - (x->t2 * log(a_o2) + (1 - x->t2) * log(1 - a_o2));
}

static double ce_of_outputs(void *ctx)
{
    const CePoint *c = ctx;
    return cross_entropy(sigmoid(c->o[0]), sigmoid(c->o[1]), &c->x);
}

static double ce_of_weights(void *ctx)
{
    const CePoint *c = ctx;
    const double *w = c->w;
    Forward f;
    excelnet_forward(&f, &(Weights){ w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7] }, &c->x);
    return cross_entropy(f.a_o1, f.a_o2, &c->x);
}
#line 212 "book/95a-solutions-spreadsheet.nw"
static void ce_backward(double g[8], const CePoint *c)
{
    const double *w = c->w;
    const Example *x = &c->x;
    Forward f;
    excelnet_forward(&f, &(Weights){ w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7] }, x);
    double delta_o1 = f.a_o1 - x->t1, delta_o2 = f.a_o2 - x->t2;
    double delta_h1 = (delta_o1 * w[4] + delta_o2 * w[6]) * f.a_h1 * (1 - f.a_h1);
    double delta_h2 = (delta_o1 * w[5] + delta_o2 * w[7]) * f.a_h2 * (1 - f.a_h2);
    const double v[8] = { delta_h1 * x->i1, delta_h1 * x->i2, delta_h2 * x->i1, delta_h2 * x->i2,
                          delta_o1 * f.a_h1, delta_o1 * f.a_h2, delta_o2 * f.a_h1, delta_o2 * f.a_h2 };
    for (int j = 0; j < 8; j++)
        g[j] = v[j];
}
#line 379 "book/95a-solutions-spreadsheet.nw"
typedef struct {
    double w[8];
    Example x;
} TanhPoint;

static double tanh_forward(const TanhPoint *t, double a[4])
{
    const double *w = t->w;
    const Example *x = &t->x;
    double a_h1 = tanh(w[0] * x->i1 + w[1] * x->i2);
    double a_h2 = tanh(w[2] * x->i1 + w[3] * x->i2);
    double a_o1 = sigmoid(w[4] * a_h1 + w[5] * a_h2);
    double a_o2 = sigmoid(w[6] * a_h1 + w[7] * a_h2);
    if (a != NULL) {
        a[0] = a_h1; a[1] = a_h2; a[2] = a_o1; a[3] = a_o2;
    }
    return 0.5 * (x->t1 - a_o1) * (x->t1 - a_o1) + 0.5 * (x->t2 - a_o2) * (x->t2 - a_o2);
}

static double tanh_loss(void *ctx)
{
    return tanh_forward(ctx, NULL);
}
#line 405 "book/95a-solutions-spreadsheet.nw"
static void tanh_backward(double g[8], const TanhPoint *t)
{
    double a[4];
    tanh_forward(t, a);
    const double *w = t->w;
    const Example *x = &t->x;
    double delta_o1 = (a[2] - x->t1) * a[2] * (1 - a[2]);
    double delta_o2 = (a[3] - x->t2) * a[3] * (1 - a[3]);
    double delta_h1 = (delta_o1 * w[4] + delta_o2 * w[6]) * (1 - a[0] * a[0]);
    double delta_h2 = (delta_o1 * w[5] + delta_o2 * w[7]) * (1 - a[1] * a[1]);
    const double v[8] = { delta_h1 * x->i1, delta_h1 * x->i2, delta_h2 * x->i1, delta_h2 * x->i2,
                          delta_o1 * a[0], delta_o1 * a[1], delta_o2 * a[0], delta_o2 * a[1] };
    for (int j = 0; j < 8; j++)
        g[j] = v[j];
}
#line 19 "book/95a-solutions-spreadsheet.nw"
int main(void)
{
    Rng rng;
    rng_seed(&rng, 20261125);
    #line 113 "book/95a-solutions-spreadsheet.nw"
    const Weights *w0 = &excelnet_default_weights;
    BiasNet bn = { .p = { w0->w1, w0->w2, w0->w3, w0->w4, w0->w5, w0->w6, w0->w7, w0->w8 },
                   .x = excelnet_default_example };
    double bg[12];
    bias_backward(bg, &bn);
    gc_check("biases zero: dE/dw1..dE/dw8, dE/db1..dE/db4", bias_loss, &bn, bn.p, bg, 12);
    Forward f0;
    Gradients g0;
    excelnet_forward(&f0, w0, &bn.x);
    excelnet_backward(&g0, &f0, w0, &bn.x);
    const double plain[8] = { g0.dE_dw1, g0.dE_dw2, g0.dE_dw3, g0.dE_dw4,
                              g0.dE_dw5, g0.dE_dw6, g0.dE_dw7, g0.dE_dw8 };
    double same = 0;
    for (int j = 0; j < 8; j++)
        same = fmax(same, tap_rel_err(bg[j], plain[j], 1e-300));
    tap_ok(same == 0, "biases zero: the weight gradients are excelnet_backward's (worst relative difference %.1e)", same);
    tap_ok(fabs(bg[10] - g0.dE_dw5 / f0.a_h1) < 1e-15,
           "biases zero: dE/db3 = delta_o1 = %.6g", bg[10]);
    bn.p[8] = bn.p[9] = 0.35;
    bn.p[10] = bn.p[11] = 0.6;
    bias_backward(bg, &bn);
    gc_check("biases 0.35, 0.35, 0.6, 0.6: all twelve gradients", bias_loss, &bn, bn.p, bg, 12);
    for (int k = 0; k < 20; k++) {
        Weights w;
        random_point(&rng, &w, &bn.x);
        const double ws[8] = { w.w1, w.w2, w.w3, w.w4, w.w5, w.w6, w.w7, w.w8 };
        for (int j = 0; j < 8; j++)
            bn.p[j] = ws[j];
        for (int j = 8; j < 12; j++)
            bn.p[j] = -3 + 6 * rng_uniform(&rng);
        bias_backward(bg, &bn);
        char what[64];
        snprintf(what, sizeof what, "biases, random point %d: all twelve gradients", k + 1);
        gc_check(what, bias_loss, &bn, bn.p, bg, 12);
    }
    #line 229 "book/95a-solutions-spreadsheet.nw"
    for (int k = 0; k < 20; k++) {
        CePoint c;
        Weights w;
        random_point(&rng, &w, &c.x);
        const double ws[8] = { w.w1, w.w2, w.w3, w.w4, w.w5, w.w6, w.w7, w.w8 };
        for (int j = 0; j < 8; j++)
            c.w[j] = ws[j];
        c.o[0] = -3 + 6 * rng_uniform(&rng);
        c.o[1] = -3 + 6 * rng_uniform(&rng);
        double delta_o[2] = { sigmoid(c.o[0]) - c.x.t1, sigmoid(c.o[1]) - c.x.t2 }, g[8];
        char what[80];
        snprintf(what, sizeof what, "cross-entropy, random point %d: delta_o = a_o - t", k + 1);
        gc_check(what, ce_of_outputs, &c, c.o, delta_o, 2);
        ce_backward(g, &c);
        snprintf(what, sizeof what, "cross-entropy, random point %d: dE/dw1..dE/dw8", k + 1);
        gc_check(what, ce_of_weights, &c, c.w, g, 8);
    }
    double a6 = sigmoid(6), se6 = a6 * a6 * (1 - a6);
    tap_ok(a6 / se6 > 400, "at o = 6, t = 0: squared error's delta %.4f, cross-entropy's %.4f, %.0f times larger",
           se6, a6, a6 / se6);
    #line 283 "book/95a-solutions-spreadsheet.nw"
    int slip_points = 0, slip_caught = 0;
    double slip_worst = 0;
    Rng slip_rng;
    rng_seed(&slip_rng, 20261125);
    for (int k = 0; k <= 102; k++) {
        Weights w = excelnet_default_weights;
        Example x = excelnet_default_example;
        if (k > 0 && k <= 100)
            random_point(&slip_rng, &w, &x);
        if (k == 101)
            w.w3 = w.w1, w.w4 = w.w2;
        if (k == 102)
            w.w3 = -w.w1, w.w4 = -w.w2;
        Forward f;
        Gradients g;
        excelnet_forward(&f, &w, &x);
        excelnet_backward(&g, &f, &w, &x);
        double slip = g.dE_da_h2 * f.a_h1 * (1 - f.a_h1) * x.i1;
        double measured = fabs(slip - g.dE_dw3) / fabs(g.dE_dw3);
        double predicted = fabs(1 - f.a_h1 * (1 - f.a_h1) / (f.a_h2 * (1 - f.a_h2)));
        if (k == 0)
            tap_ok(fabs(measured - predicted) < 1e-12 && measured > 2000 * GC_TOL,
                   "the slip at the default point: relative error %.3e, predicted %.3e, %.0f times the tolerance",
                   measured, predicted, measured / GC_TOL);
        else if (k <= 100) {
            slip_worst = fmax(slip_worst, fabs(measured - predicted) / fmax(predicted, 1e-300));
            slip_points++;
            slip_caught += measured > GC_TOL;
        } else
            tap_ok(measured < 1e-12, "the slip where h2 = %sh1: relative error %.1e, invisible",
                   k == 101 ? "" : "-", measured);
    }
    tap_ok(slip_worst < 1e-9, "the slip at %d random points: relative error = |1 - s'(h1)/s'(h2)| "
           "(worst relative disagreement %.1e)", slip_points, slip_worst);
    tap_ok(slip_caught >= 90, "the slip misses by more than the tolerance at %d of the %d random points",
           slip_caught, slip_points);
    #line 347 "book/95a-solutions-spreadsheet.nw"
    double w5_hand = 0.4 - 0.5 * 0.0128808, w1_hand = 0.15 - 0.5 * 0.000316993;
    Weights stepped = excelnet_default_weights;
    excelnet_train(NULL, &stepped, &excelnet_default_example, 0.5, 1);
    tap_ok(fabs(w5_hand - stepped.w5) < 1e-8 && fabs(w1_hand - stepped.w1) < 1e-8,
           "one update by hand: w5 %.7f (trainer %.9f), w1 %.7f (trainer %.9f)",
           w5_hand, stepped.w5, w1_hand, stepped.w1);
    double moved5 = 0.4 - stepped.w5, moved1 = 0.15 - stepped.w1;
    tap_ok(fabs(moved5 / 0.4 - 0.016) < 0.001 && fabs(moved1 / 0.15 - 0.001) < 0.0001,
           "w5 moved by %.2f %% of its value, w1 by %.2f %%", 100 * moved5 / 0.4, 100 * moved1 / 0.15);
    #line 423 "book/95a-solutions-spreadsheet.nw"
    for (int k = 0; k <= 20; k++) {
        Weights w = excelnet_default_weights;
        TanhPoint tp = { .x = excelnet_default_example };
        if (k > 0)
            random_point(&rng, &w, &tp.x);
        const double ws[8] = { w.w1, w.w2, w.w3, w.w4, w.w5, w.w6, w.w7, w.w8 };
        for (int j = 0; j < 8; j++)
            tp.w[j] = ws[j];
        double g[8];
        tanh_backward(g, &tp);
        char what[64];
        snprintf(what, sizeof what, "tanh hidden layer, point %d: dE/dw1..dE/dw8", k);
        gc_check(what, tanh_loss, &tp, tp.w, g, 8);
    }
    #line 28 "book/95a-solutions-spreadsheet.nw"
    return tap_done();
}
