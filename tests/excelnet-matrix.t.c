#line 489 "book/10-excelnet.nw"
#include <math.h>
#include <stdio.h>
#include "base/rng.h"
#include "excelnet/excelnet.h"
#include "tap.h"
#define MATRIX_TOL 1e-15
#line 886 "book/10-excelnet.nw"
static void random_point(Rng *rng, Weights *w, Example *x)
{
    double v[12];
    for (int j = 0; j < 12; j++)
        v[j] = j < 8 ? -3 + 6 * rng_uniform(rng) : rng_uniform(rng);
    *w = (Weights){ v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7] };
    *x = (Example){ .i1 = v[8], .i2 = v[9], .t1 = v[10], .t2 = v[11] };
}
#line 508 "book/10-excelnet.nw"
static void as_array(double v[10], const Gradients *g)
{
    const double u[10] = { g->dE_dw1, g->dE_dw2, g->dE_dw3, g->dE_dw4, g->dE_dw5,
                           g->dE_dw6, g->dE_dw7, g->dE_dw8, g->dE_da_h1, g->dE_da_h2 };
    for (int j = 0; j < 10; j++)
        v[j] = u[j];
}

static double worst_difference(const Gradients *a, const Gradients *b)
{
    double p[10], q[10], worst = 0;
    as_array(p, a);
    as_array(q, b);
    for (int j = 0; j < 10; j++)
        worst = fmax(worst, tap_rel_err(p[j], q[j], 1e-300));
    return worst;
}
#line 528 "book/10-excelnet.nw"
static double check_matrix(const Weights *w, const Example *x)
{
    Forward f;
    Gradients scalar, matrix;
    excelnet_forward(&f, w, x);
    excelnet_backward(&scalar, &f, w, x);
    excelnet_backward_matrix(&matrix, &f, w, x);
    return worst_difference(&scalar, &matrix);
}
#line 498 "book/10-excelnet.nw"
int main(void)
{
    #line 540 "book/10-excelnet.nw"
    const double lrs[4] = { 0.1, 0.5, 2.0, 100 };
    const long rows[4] = { 0, 1, 10, 39 };
    for (int r = 0; r < 4; r++) {
        Weights w = excelnet_default_weights;
        double worst = 0;
        for (long k = 0; k <= rows[3]; k++) {
            for (int j = 0; j < 4; j++)
                if (rows[j] == k)
                    worst = fmax(worst, check_matrix(&w, &excelnet_default_example));
            excelnet_train(NULL, &w, &excelnet_default_example, lrs[r], 1);
        }
        tap_ok(worst <= MATRIX_TOL, "matrix form = scalar form at lr %g, rows 0, 1, 10, 39: "
               "worst relative difference %.1e", lrs[r], worst);
    }
    #line 557 "book/10-excelnet.nw"
    Rng rng;
    rng_seed(&rng, 20261125);
    double worst = 0;
    for (int k = 1; k <= 100; k++) {
        Weights w;
        Example x;
        random_point(&rng, &w, &x);
        worst = fmax(worst, check_matrix(&w, &x));
    }
    tap_ok(worst <= MATRIX_TOL, "matrix form = scalar form at 100 random points: worst relative difference %.1e", worst);
    #line 577 "book/10-excelnet.nw"
    Forward f;
    Gradients g;
    const Weights *w0 = &excelnet_default_weights;
    excelnet_forward(&f, w0, &excelnet_default_example);
    excelnet_backward(&g, &f, w0, &excelnet_default_example);
    double delta_o1 = g.dE_dw5 / f.a_h1, delta_o2 = g.dE_dw7 / f.a_h1;
    double transposed = delta_o1 * w0->w5 + delta_o2 * w0->w6;
    double off = tap_rel_err(transposed, g.dE_da_h1, 1e-300);
    tap_ok(off > 1e6 * MATRIX_TOL, "W2 laid out by columns: dE/da_h1 off by %.1e, far above the tolerance", off);
    #line 503 "book/10-excelnet.nw"
    return tap_done();
}
