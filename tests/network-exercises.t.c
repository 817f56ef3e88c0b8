#line 719 "book/95d-solutions-training.nw"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "layers/batchnorm.h"
#include "layers/conv.h"
#include "network/network.h"
#include "tap.h"
#define main bench_train_main
#include "bench/bench-train-main.c"
#undef main
#line 1498 "book/95d-solutions-training.nw"
static void conv_bn(real *y, real *rstd, const real *x, const real *w, double a)
{
    /* x (4,1,8,8), w (1,1,3,3) -> y (4,1,6,6) = bn(conv(x, a w)), training mode */
    real aw[9], conv[4 * 36], gamma = 1, beta = 0, mean, rmean = 0, rvar = 1;
    for (int k = 0; k < 9; k++)
        aw[k] = (real)(a * w[k]);
    conv2d_forward(conv, x, aw, 4, 1, 8, 8, 1, 3, 0);
    bn_forward(y, conv, &gamma, &beta, &mean, rstd, &rmean, &rvar, 4, 1, 6, 6, MODE_TRAIN);
}

#line 731 "book/95d-solutions-training.nw"
int main(void)
{
    Net *net = net_create(&arch_main, 1);
    #line 768 "book/95d-solutions-training.nw"
    {
        static const double by_hand[11] = { 97344, 2654208, 0, 73728, 331776, 663552, 0, 18432, 82944, 5760, 0 };
        double sum = 0;
        int same = net->nlayers == 11;
        for (int l = 0; l < net->nlayers && same; l++) {
            const Layer *L = &net->layer[l];
            double f = L->spec.kind == LAYER_CONV ? (double)L->K * L->C * L->spec.R * L->spec.R * L->Ho * L->Wo : 0;
            same = f == by_hand[l];
            sum += f;
        }
        tap_ok(same && sum == 3927744, "main network: the table's multiply-adds per layer, %.0f in all", sum);
        double eval = flops_per_image(net, MODE_EVAL) / 2, train = flops_per_image(net, MODE_TRAIN) / 2;
        tap_ok(eval == 3927744 && train == 11685888, "bench-train counts %.0f multiply-adds forward, %.0f a "
               "training step (by hand 3927744 and 11685888)", eval, train);
    }
    #line 825 "book/95d-solutions-training.nw"
    {
        Net *rf = net_create(&arch_main, 28);
        Rng rng;
        rng_seed(&rng, 27);
        net_init(rf, &rng);
        #line 843 "book/95d-solutions-training.nw"
        for (int l = 0; l < rf->nlayers; l++) {
            const Layer *L = &rf->layer[l];
            size_t n = L->spec.kind == LAYER_CONV ? (size_t)L->K * L->C * L->spec.R * L->spec.R : 0;
            for (size_t i = 0; i < n; i++)
                L->w[i] = (real)(1.0 / (L->C * L->spec.R * L->spec.R));
        }
        #line 831 "book/95d-solutions-training.nw"
        int labels[28] = { 0 }, seen = 0, top = 28, bottom = -1, left = 28, right = -1;
        for (int r = 0; r < 28; r++) {
            #line 852 "book/95d-solutions-training.nw"
            memset(rf->input, 0, 28 * 784 * sizeof(real));
            for (int b = 0; b < 28; b++)
                rf->input[(size_t)b * 784 + r * 28 + b] = 1;
            net_forward(rf, labels, 28, MODE_EVAL, NULL);
            const Layer *L9 = &rf->layer[8];
            for (int b = 0; b < 28; b++)
                if (L9->out[(size_t)b * L9->K * 36 + 2 * 6 + 2] > 0) {
                    seen++;
                    top = r < top ? r : top, bottom = r > bottom ? r : bottom;
                    left = b < left ? b : left, right = b > right ? b : right;
                }
        #line 834 "book/95d-solutions-training.nw"
        }
        tap_ok(seen == 576 && top == 0 && bottom == 23 && left == 0 && right == 23,
               "layer 9's value (2,2) sees %d pixels, rows %d..%d, columns %d..%d (24x24 from the top left)",
               seen, top, bottom, left, right);
        net_free(rf);
    }
    #line 900 "book/95d-solutions-training.nw"
    {
        Net *big = net_create(&arch_main, 128);
        tap_ok(net->narena == 218910 + 288 && big->narena == (size_t)218910 * 128 + 288,
               "main network's arena: %zu numbers for N = 1, %zu for N = 128 (218910 N + 288)", net->narena,
               big->narena);
        net_free(big);
    }
    #line 1510 "book/95d-solutions-training.nw"
    {
        Rng rng;
        real x[4 * 64], w[9], y1[144], y3[144], yneg[144], ysmall[144], r1, r3, rneg, rsmall;
        rng_seed(&rng, 29);
        for (int k = 0; k < 4 * 64; k++)
            x[k] = (real)rng_normal(&rng);
        for (int k = 0; k < 9; k++)
            w[k] = (real)rng_normal(&rng);
        conv_bn(y1, &r1, x, w, 1), conv_bn(y3, &r3, x, w, 3), conv_bn(yneg, &rneg, x, w, -1);
        conv_bn(ysmall, &rsmall, x, w, 1e-3);
        double d3 = 0, dneg = 0, dsmall = 0, var = 1 / ((double)r1 * r1) - BN_EPS;
        double factor = sqrt((var + BN_EPS) / (var + BN_EPS / 1e-6));
        for (int k = 0; k < 144; k++) {
            d3 = fmax(d3, fabs(y3[k] - y1[k])), dneg = fmax(dneg, fabs(yneg[k] + y1[k]));
            dsmall = fmax(dsmall, fabs(ysmall[k] - factor * y1[k]));
        }
        tap_ok(d3 < 1e-5 && dneg < 1e-5, "batch norm of conv(3w) = that of conv(w) (%.1e), of conv(-w) its "
               "negative (%.1e)", d3, dneg);
        tap_ok(dsmall < 1e-4 && factor < 0.9, "w / 1000 shrinks the output by the predicted %.4f (error %.1e)",
               factor, dsmall);
    }
    #line 1551 "book/95d-solutions-training.nw"
    {
        Net *eight = net_create(&arch_main, 8);
        Rng rng;
        int labels[8] = { 0 }, same = 1;
        rng_seed(&rng, 30);
        net_init(eight, &rng);
        for (size_t k = 0; k < 8 * 784; k++)
            eight->input[k] = (real)rng_normal(&rng);
        net_forward(eight, labels, 8, MODE_EVAL, NULL);
        const Layer *last = &eight->layer[9];
        for (int b = 0; b < 8; b++) {
            #line 1571 "book/95d-solutions-training.nw"
            const real *maps = last->out + (size_t)b * 10 * 36;
            double lo = maps[0], hi = maps[0], best = -1e300, best_scaled = -1e300;
            int plain = 0, scaled = 0;
            for (int k = 0; k < 360; k++)
                lo = fmin(lo, maps[k]), hi = fmax(hi, maps[k]);
            for (int c = 0; c < 10; c++) {
                double z = 0, m = 0;
                for (int k = 0; k < 36; k++)
                    z += maps[c * 36 + k] / 36.0, m += (maps[c * 36 + k] - lo) / (hi - lo) / 36.0;
                if (z > best)
                    best = z, plain = c;
                if (m > best_scaled)
                    best_scaled = m, scaled = c;
            }
            #line 1563 "book/95d-solutions-training.nw"
            same &= plain == net_predicted(eight, b) && scaled == plain;
        }
        tap_ok(same, "eight images: the predicted class is the map of largest mean, scaled or not");
        net_free(eight);
    }
    #line 1603 "book/95d-solutions-training.nw"
    {
        int rows = 1, tiles = 1, channels = 0;
        for (int l = 0; l < net->nlayers; l++) {
            const Layer *L = &net->layer[l];
            if (L->spec.kind != LAYER_CONV)
                continue;
            rows++, channels += L->K, tiles += L->K < 10 ? L->K : 10;
        }
        tap_ok(rows == 9 && tiles == 81 && channels == 154, "the maps picture of the main network: %d rows, %d tiles, "
               "%d channels, %d left out (9, 81, 154, 74)", rows, tiles, channels, channels - (tiles - 1));
    }
    #line 1630 "book/95d-solutions-training.nw"
    {
        const Layer *L2 = &net->layer[1];
        double f2 = 2.0 * L2->K * L2->C * L2->spec.R * L2->spec.R * L2->Ho * L2->Wo;
        double share = 3 * f2 / flops_per_image(net, MODE_TRAIN);
        tap_ok(fabs(share - 7962624.0 / 11685888) < 1e-12, "the big layer does %.1f %% of a training step's flops",
               100 * share);
    }
    #line 1988 "book/95d-solutions-training.nw"
    {
        double tflop = flops_per_image(net, MODE_TRAIN) * 60000 * 1e-12;
        tap_ok(fabs(tflop - 1.40230656) < 1e-12, "a training epoch of 60000 images: %.8f TFLOP", tflop);
    }
    #line 735 "book/95d-solutions-training.nw"
    net_free(net);
    return tap_done();
}
