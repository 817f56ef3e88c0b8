#line 461 "book/95b-solutions-conv-pool.nw"
#include "gradcheck.h"
#include "layers/pointwise.h"
#include "layers/pool.h"
#line 511 "book/95b-solutions-conv-pool.nw"
static double max_of_window(void *ctx)
{
    real *x = ctx, y;
    int arg;
    maxpool_forward(&y, &arg, x, 1, 1, 2, 2);
    return y;
}

#line 466 "book/95b-solutions-conv-pool.nw"
int main(void)
{
    Rng rng;
    rng_seed(&rng, 2024);
    #line 521 "book/95b-solutions-conv-pool.nw"
    real tie[4] = {3, 3, 3, 3}, ytie, gtie = 1.5, dtie[4] = {0};
    int atie;
    maxpool_forward(&ytie, &atie, tie, 1, 1, 2, 2);
    maxpool_backward(dtie, &gtie, &atie, 1, 1, 2, 2);
    tap_ok(atie == 0 && dtie[0] == gtie && dtie[1] == 0 && dtie[2] == 0 && dtie[3] == 0,
           "max-pool of four equal values routes the whole gradient to the first (argmax %d)", atie);
    int halves = 1;
    for (int a = 0; a < 4; a++) {
        tie[a] = 3 + GC_H;
        double up = max_of_window(tie);
        tie[a] = 3 - GC_H;
        double down = max_of_window(tie);
        tie[a] = 3;
        halves &= fabs((up - down) / (2 * GC_H) - 0.5) < 1e-9;
    }
    tap_ok(halves, "at the tie the central difference of the maximum is 1/2 for each of the four inputs");
    int below = 0;
    for (int trial = 0; trial < 1000; trial++) {
        real moved[4];
        double along = 0;
        for (int a = 0; a < 4; a++) {
            double d = rng_normal(&rng);
            moved[a] = tie[a] + d;
            along += (dtie[a] / gtie) * d;
        }
        below += max_of_window(moved) < ytie + along - 1e-12;
    }
    tap_ok(below == 0, "the code's choice (1, 0, 0, 0) is a subgradient: max(x + d) >= max(x) + d_0 along 1000 random d");
    #line 575 "book/95b-solutions-conv-pool.nw"
    enum { M = 40000 };
    const real xs[4] = {1.5, -0.5, 2, 0.25};
    const double p = 0.5;
    double sum[4] = {0}, sum_m2 = 0;
    for (int draw = 0; draw < M; draw++) {
        real ys[4], ms[4];
        dropout_forward(ys, ms, xs, p, 4, &rng, MODE_TRAIN);
        for (int i = 0; i < 4; i++)
            sum[i] += ys[i], sum_m2 += (double)ms[i] * ms[i];
    }
    for (int i = 0; i < 4; i++) {
        double sd = fabs(xs[i]) * sqrt(p / ((1 - p) * M));
        tap_ok(fabs(sum[i] / M - xs[i]) < 5 * sd, "dropout p=0.5: mean of %d outputs for x = %g is %.4f (within 5 sd = %.4f)",
               M, xs[i], sum[i] / M, 5 * sd);
    }
    double m2 = sum_m2 / (4.0 * M), sd_m2 = sqrt(p / ((1 - p) * (1 - p) * (1 - p) * 4 * M));
    tap_ok(fabs(m2 - 1 / (1 - p)) < 5 * sd_m2, "dropout p=0.5: mean of m^2 is %.4f, expected 1/(1-p) = 2 within %.4f", m2, 5 * sd_m2);
    #line 613 "book/95b-solutions-conv-pool.nw"
    const real xp[16] = {1, 5, 2, 0, 3, 4, 8, 7, 6, 2, 1, 3, 0, 1, 9, 4}, gp[4] = {1, -2, 0.5, 3};
    real yp[4], dp[16] = {0}, S[4][16] = {{0}};
    int arg[4];
    maxpool_forward(yp, arg, xp, 1, 1, 4, 4);
    maxpool_backward(dp, gp, arg, 1, 1, 4, 4);
    for (int o = 0; o < 4; o++)
        S[o][arg[o]] = 1;
    tap_ok(arg[0] == 1 && arg[1] == 6 && arg[2] == 8 && arg[3] == 14, "worked max-pool: the ones of S are in columns 1, 6, 8, 14");
    #line 626 "book/95b-solutions-conv-pool.nw"
    int fwd = 1, bwd = 1, eye = 1;
    for (int o = 0; o < 4; o++) {
        double s = 0;
        for (int q = 0; q < 16; q++)
            s += S[o][q] * xp[q];
        fwd &= s == yp[o];
        for (int o2 = 0; o2 < 4; o2++) {
            double e = 0;
            for (int q = 0; q < 16; q++)
                e += S[o][q] * S[o2][q];
            eye &= e == (o == o2);
        }
    }
    for (int q = 0; q < 16; q++) {
        double s = 0;
        for (int o = 0; o < 4; o++)
            s += S[o][q] * gp[o];
        bwd &= s == dp[q];
    }
    tap_ok(fwd && bwd, "worked max-pool: y = S x and din = S^T g");
    tap_ok(eye, "worked max-pool: S S^T = I, the windows do not overlap");
    #line 650 "book/95b-solutions-conv-pool.nw"
    real yg, gg = 2, dg[4] = {0};
    gap_forward(&yg, yp, 1, 1, 2, 2);
    gap_backward(dg, &gg, 1, 1, 2, 2);
    double mean = 0;
    int spread = 1;
    for (int q = 0; q < 4; q++)
        mean += 0.25 * yp[q], spread &= dg[q] == 0.25 * gg;
    tap_ok(mean == yg && spread, "global average pool of [5 8; 6 9]: y = (1/4) 1^T x = %g, din = (1/4) 1 g = %g each", yg, dg[0]);
    #line 678 "book/95b-solutions-conv-pool.nw"
    enum { NO = 1000 };
    real *xo = gc_normal(NO, &rng), *go = gc_normal(NO, &rng);
    real *r1 = gc_zeros(NO), *y1 = gc_zeros(NO), *m1 = gc_zeros(NO), *d1 = gc_zeros(NO), *dr1 = gc_zeros(NO);
    real *t2 = gc_zeros(NO), *y2 = gc_zeros(NO), *m2s = gc_zeros(NO), *d2 = gc_zeros(NO), *dt2 = gc_zeros(NO);
    Rng a, b;
    rng_seed(&a, 7), rng_seed(&b, 7);
    relu_forward(r1, xo, NO);
    dropout_forward(y1, m1, r1, 0.3, NO, &a, MODE_TRAIN);
    dropout_backward(dr1, go, m1, NO);
    relu_backward(d1, dr1, xo, NO);
    dropout_forward(t2, m2s, xo, 0.3, NO, &b, MODE_TRAIN);
    relu_forward(y2, t2, NO);
    relu_backward(dt2, go, t2, NO);
    dropout_backward(d2, dt2, m2s, NO);
    int same_y = 1, same_d = 1;
    for (int i = 0; i < NO; i++)
        same_y &= y1[i] == y2[i], same_d &= d1[i] == d2[i];
    tap_ok(same_y && same_d, "ReLU then dropout equals dropout then ReLU, outputs and input gradients, on %d values", NO);
    free(xo), free(go), free(r1), free(y1), free(m1), free(d1), free(dr1);
    free(t2), free(y2), free(m2s), free(d2), free(dt2);
    #line 474 "book/95b-solutions-conv-pool.nw"
    return tap_done();
}
