#line 769 "book/10-excelnet.nw"
#include <stdio.h>
#include "excelnet/excelnet.h"
#define GC_TOL   1e-7
#define GC_FLOOR 1e-9
#include "gradcheck.h"
#line 788 "book/10-excelnet.nw"
static double loss(const Weights *w, const Example *x)
{
    Forward f;
    excelnet_forward(&f, w, x);
    return f.E_total;
}
#line 886 "book/10-excelnet.nw"
static void random_point(Rng *rng, Weights *w, Example *x)
{
    double v[12];
    for (int j = 0; j < 12; j++)
        v[j] = j < 8 ? -3 + 6 * rng_uniform(rng) : rng_uniform(rng);
    *w = (Weights){ v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7] };
    *x = (Example){ .i1 = v[8], .i2 = v[9], .t1 = v[10], .t2 = v[11] };
}
#line 802 "book/10-excelnet.nw"
typedef struct {
    double w[8];
    double a_h[2];
    Example x;
} Point;

static Weights weights_of(const Point *p)
{
    const double *w = p->w;
    return (Weights){ w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7] };
}

static double loss_of_weights(void *ctx)
{
    const Point *p = ctx;
    Weights w = weights_of(p);
    return loss(&w, &p->x);
}

static double loss_of_hidden(void *ctx)
{
    const Point *p = ctx;
    Weights w = weights_of(p);
    return excelnet_loss_from_hidden(p->a_h[0], p->a_h[1], &w, &p->x);
}
#line 836 "book/10-excelnet.nw"
static void check_point(const char *where, const Weights *w, const Example *x, int each)
{
    Forward f;
    Gradients g;
    excelnet_forward(&f, w, x);
    excelnet_backward(&g, &f, w, x);
    Point p = {
        .w = { w->w1, w->w2, w->w3, w->w4, w->w5, w->w6, w->w7, w->w8 },
        .a_h = { f.a_h1, f.a_h2 },
        .x = *x,
    };
    const double dw[8] = { g.dE_dw1, g.dE_dw2, g.dE_dw3, g.dE_dw4,
                           g.dE_dw5, g.dE_dw6, g.dE_dw7, g.dE_dw8 };
    const double da_h[2] = { g.dE_da_h1, g.dE_da_h2 };
    char what[64];
    if (each) {
        #line 863 "book/10-excelnet.nw"
        for (int j = 0; j < 8; j++) {
            snprintf(what, sizeof what, "dE/dw%d at %s", j + 1, where);
            gc_check(what, loss_of_weights, &p, &p.w[j], &dw[j], 1);
        }
        for (int j = 0; j < 2; j++) {
            snprintf(what, sizeof what, "dE/da_h%d at %s", j + 1, where);
            gc_check(what, loss_of_hidden, &p, &p.a_h[j], &da_h[j], 1);
        }
    #line 853 "book/10-excelnet.nw"
    } else {
        snprintf(what, sizeof what, "dE/dw1..dE/dw8 at %s", where);
        gc_check(what, loss_of_weights, &p, p.w, dw, 8);
        snprintf(what, sizeof what, "dE/da_h1, dE/da_h2 at %s", where);
        gc_check(what, loss_of_hidden, &p, p.a_h, da_h, 2);
    }
}
#line 778 "book/10-excelnet.nw"
int main(void)
{
    #line 874 "book/10-excelnet.nw"
    check_point("the default point", &excelnet_default_weights, &excelnet_default_example, 1);
    #line 897 "book/10-excelnet.nw"
    Rng rng;
    rng_seed(&rng, 20261125);
    for (int k = 1; k <= 100; k++) {
        Weights w;
        Example x;
        random_point(&rng, &w, &x);
        char where[32];
        snprintf(where, sizeof where, "random point %d", k);
        check_point(where, &w, &x, 0);
    }
    #line 917 "book/10-excelnet.nw"
    Forward f;
    Gradients g;
    excelnet_forward(&f, &excelnet_default_weights, &excelnet_default_example);
    excelnet_backward(&g, &f, &excelnet_default_weights, &excelnet_default_example);
    double slip = g.dE_da_h2 * f.a_h1 * (1 - f.a_h1) * excelnet_default_example.i1;
    double off = tap_rel_err(slip, g.dE_dw3, GC_FLOOR);
    tap_ok(off > 100 * GC_TOL,
           "dE/dw3 with a_h1's sigmoid factor is off by %.1e, %.0f times the tolerance",
           off, off / GC_TOL);
    #line 783 "book/10-excelnet.nw"
    return tap_done();
}
