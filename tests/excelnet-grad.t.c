#line 448 "book/10-excelnet.nw"
#include <math.h>
#include <stdint.h>
#include "excelnet/excelnet.h"
#include "tap.h"
#line 465 "book/10-excelnet.nw"
static double loss(const Weights *w, const Example *x)
{
    Forward f;
    excelnet_forward(&f, w, x);
    return f.E_total;
}
#line 472 "book/10-excelnet.nw"
static double numeric_dw(double *wj, Weights *w, const Example *x)
{
    const double h = 1e-3, w0 = *wj;
    double e[4], steps[4] = { h, -h, 2 * h, -2 * h };
    for (int s = 0; s < 4; s++) {
        *wj = w0 + steps[s];
        e[s] = loss(w, x);
    }
    *wj = w0;
    return (8 * (e[0] - e[1]) - (e[2] - e[3])) / (12 * h);
}
#line 489 "book/10-excelnet.nw"
static double numeric_da(int which, double a_h1, double a_h2, const Weights *w, const Example *x)
{
    const double h = 1e-3;
    double e[4], steps[4] = { h, -h, 2 * h, -2 * h };
    for (int s = 0; s < 4; s++)
        e[s] = which == 1 ? excelnet_loss_from_hidden(a_h1 + steps[s], a_h2, w, x)
                          : excelnet_loss_from_hidden(a_h1, a_h2 + steps[s], w, x);
    return (8 * (e[0] - e[1]) - (e[2] - e[3])) / (12 * h);
}
#line 543 "book/10-excelnet.nw"
static uint64_t rng_state = 20261125;

static double uniform(double lo, double hi)
{
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    z ^= z >> 31;
    return lo + (hi - lo) * (double)(z >> 11) / 9007199254740992.0;
}
#line 505 "book/10-excelnet.nw"
static double worst;

static void check_point(const char *where, Weights w, const Example *x, int verbose)
{
    Forward f;
    Gradients g;
    excelnet_forward(&f, &w, x);
    excelnet_backward(&g, &f, &w, x);
    struct { const char *name; double analytic; double *weight; } item[] = {
        { "dE/dw1", g.dE_dw1, &w.w1 }, { "dE/dw2", g.dE_dw2, &w.w2 },
        { "dE/dw3", g.dE_dw3, &w.w3 }, { "dE/dw4", g.dE_dw4, &w.w4 },
        { "dE/dw5", g.dE_dw5, &w.w5 }, { "dE/dw6", g.dE_dw6, &w.w6 },
        { "dE/dw7", g.dE_dw7, &w.w7 }, { "dE/dw8", g.dE_dw8, &w.w8 },
        { "dE/da_h1", g.dE_da_h1, NULL }, { "dE/da_h2", g.dE_da_h2, NULL },
    };
    for (int j = 0; j < 10; j++) {
        double numeric = item[j].weight ? numeric_dw(item[j].weight, &w, x)
                                        : numeric_da(j - 7, f.a_h1, f.a_h2, &w, x);
        double err = tap_rel_err(item[j].analytic, numeric, 1e-9);
        worst = fmax(worst, err);
        if (verbose || err > 1e-7)
            tap_ok(err <= 1e-7, "%s at %s: analytic %.12g numeric %.12g (rel. error %.1e)",
                   item[j].name, where, item[j].analytic, numeric, err);
        else
            tap_ok(1, "%s at %s", item[j].name, where);
    }
}
#line 456 "book/10-excelnet.nw"
int main(void)
{
    #line 535 "book/10-excelnet.nw"
    check_point("the default point", excelnet_default_weights, &excelnet_default_example, 1);
    #line 556 "book/10-excelnet.nw"
    for (int p = 1; p <= 25; p++) {
        Weights w = { uniform(-3, 3), uniform(-3, 3), uniform(-3, 3), uniform(-3, 3),
                      uniform(-3, 3), uniform(-3, 3), uniform(-3, 3), uniform(-3, 3) };
        Example x = { uniform(0, 1), uniform(0, 1), uniform(0, 1), uniform(0, 1) };
        char where[32];
        snprintf(where, sizeof where, "random point %d", p);
        check_point(where, w, &x, 0);
    }
    tap_diag("worst relative error over all gradient checks: %.2e (tolerance 1e-7)", worst);
    #line 460 "book/10-excelnet.nw"
    return tap_done();
}
