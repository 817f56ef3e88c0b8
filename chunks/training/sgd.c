#line 603 "book/24-loss-and-sgd.nw"
#include <math.h>
#include "base/check.h"
#include "training/sgd.h"
#line 613 "book/24-loss-and-sgd.nw"
void sgd_step(real *w, real *v, const real *g, size_t n,
              double lr, double momentum, double weight_decay, int nesterov)
{
    /* w, v (n) updated in place; g (n) */
    CHECK(w != NULL && v != NULL && g != NULL);
    CHECK(lr >= 0 && momentum >= 0 && momentum < 1 && weight_decay >= 0);
    for (size_t i = 0; i < n; i++) {
        real gi = g[i] + (real)weight_decay * w[i];
        v[i] = (real)momentum * v[i] + gi;
        real step = nesterov ? gi + (real)momentum * v[i] : v[i];
        w[i] -= (real)lr * step;
    }
}
#line 643 "book/24-loss-and-sgd.nw"
double lr_step(long epoch, double lr0, long step_size, double gamma)
{
    CHECK(epoch >= 0 && step_size > 0);
    return lr0 * pow(gamma, (double)(epoch / step_size));
}
#line 670 "book/24-loss-and-sgd.nw"
static double anneal_cos(double start, double end, double tau)
{
    return end + (start - end) / 2 * (1 + cos(3.141592653589793 * tau));
}
#line 680 "book/24-loss-and-sgd.nw"
double lr_onecycle(long t, long total, double lr_max, double pct_start,
                   double div_start, double div_final)
{
    CHECK(total > 1 && t >= 0 && t < total);
    CHECK(pct_start > 0 && pct_start < 1 && div_start >= 1 && div_final >= 1);
    double lr_start = lr_max / div_start, lr_end = lr_start / div_final;
    double t1 = pct_start * total - 1;
    if (t <= t1)
        return anneal_cos(lr_start, lr_max, t1 > 0 ? t / t1 : 1);
    return anneal_cos(lr_max, lr_end, (t - t1) / (total - 1 - t1));
}
