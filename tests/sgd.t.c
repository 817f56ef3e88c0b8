#line 733 "book/24-loss-and-sgd.nw"
#include <math.h>
#include "training/sgd.h"
#include "tap.h"

static void one_weight(real *w, real *v, int steps, double wd, int nesterov)
{
    real g = 0.5f;
    *w = 1;
    *v = 0;
    for (int s = 0; s < steps; s++)
        sgd_step(w, v, &g, 1, 0.1, 0.9, wd, nesterov);
}

int main(void)
{
    real w, v;
    #line 758 "book/24-loss-and-sgd.nw"
    one_weight(&w, &v, 1, 0, 0);
    tap_ok(fabs(w - 0.95) < 1e-6 && fabs(v - 0.5) < 1e-6, "momentum, step 1: w %.6f v %.6f (expected 0.95, 0.5)", w, v);
    one_weight(&w, &v, 2, 0, 0);
    tap_ok(fabs(w - 0.855) < 1e-6 && fabs(v - 0.95) < 1e-6, "momentum, step 2: w %.6f v %.6f (expected 0.855, 0.95)", w, v);
    one_weight(&w, &v, 1, 0, 1);
    tap_ok(fabs(w - 0.905) < 1e-6, "Nesterov, step 1: w %.6f (expected 0.905)", w);
    one_weight(&w, &v, 1, 0.1, 0);
    tap_ok(fabs(w - 0.94) < 1e-6 && fabs(v - 0.6) < 1e-6, "weight decay 0.1, step 1: w %.6f v %.6f (expected 0.94, 0.6)", w, v);
    #line 769 "book/24-loss-and-sgd.nw"
    double lr0 = lr_onecycle(0, 100, 0.4, 0.25, 25, 1e4);
    double lr12 = lr_onecycle(12, 100, 0.4, 0.25, 25, 1e4);
    double lr24 = lr_onecycle(24, 100, 0.4, 0.25, 25, 1e4);
    double lr99 = lr_onecycle(99, 100, 0.4, 0.25, 25, 1e4);
    tap_ok(fabs(lr0 - 0.016) < 1e-15, "one-cycle starts at lr_max/25: %g (expected 0.016)", lr0);
    tap_ok(fabs(lr12 - 0.208) < 1e-15, "one-cycle at step 12 is halfway up: %g (expected 0.208)", lr12);
    tap_ok(fabs(lr24 - 0.4) < 1e-15, "one-cycle peaks at step 24: %g (expected 0.4)", lr24);
    tap_ok(fabs(lr99 - 1.6e-6) < 1e-18, "one-cycle ends at lr_max/25/1e4: %g (expected 1.6e-06)", lr99);
    int up = 1, down = 1;
    for (long t = 1; t < 100; t++) {
        double a = lr_onecycle(t - 1, 100, 0.4, 0.25, 25, 1e4), b = lr_onecycle(t, 100, 0.4, 0.25, 25, 1e4);
        if (t <= 24)
            up &= b > a;
        else
            down &= b < a;
    }
    tap_ok(up && down, "one-cycle rises strictly to step 24 and falls strictly after it");
    #line 751 "book/24-loss-and-sgd.nw"
    tap_ok(fabs(lr_step(2, 0.1, 3, 0.1) - 0.1) < 1e-15 && fabs(lr_step(3, 0.1, 3, 0.1) - 0.01) < 1e-15,
           "step schedule: %g in epoch 2, %g in epoch 3 (expected 0.1, 0.01)", lr_step(2, 0.1, 3, 0.1), lr_step(3, 0.1, 3, 0.1));
    return tap_done();
}
