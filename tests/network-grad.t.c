#line 965 "book/27-network.nw"
#include <math.h>
#include <stdlib.h>
#include "base/check.h"
#include "network/network.h"
#include "tap.h"
#line 988 "book/27-network.nw"
static double loss_with_mask(Net *net, const int *labels, int n)
{
    Rng mask_rng;
    rng_seed(&mask_rng, 99);
    return net_forward(net, labels, n, MODE_TRAIN, &mask_rng);
}
#line 971 "book/27-network.nw"
int main(void)
{
    const int n = 4;
    int labels[4] = { 3, 1, 4, 1 };
    Rng rng;
    rng_seed(&rng, 7);
    Net *net = net_create(&arch_small, n);
    net_init(net, &rng);
    for (size_t i = 0; i < (size_t)n * 784; i++)
        net->input[i] = rng_normal(&rng);
    #line 1014 "book/27-network.nw"
    double *theta = xmalloc(net->nparams * sizeof *theta), *u = xmalloc(net->nparams * sizeof *u);
    for (size_t i = 0; i < net->nparams; i++)
        theta[i] = net->params[i];
    loss_with_mask(net, labels, n);
    net_backward(net, labels, n);
    for (int d = 1; d <= 4; d++) {
        double gu = 0, norm = 0, e[4], steps[4] = { 1, -1, 2, -2 }, h = 1e-5;
        if (d == 4) {
            net->label_smoothing = 0.1;
            loss_with_mask(net, labels, n);
            net_backward(net, labels, n);
        }
        for (size_t i = 0; i < net->nparams; i++)
            u[i] = rng_normal(&rng), norm += u[i] * u[i];
        for (size_t i = 0; i < net->nparams; i++)
            u[i] /= sqrt(norm), gu += net->grads[i] * u[i];
        for (int s = 0; s < 4; s++) {
            for (size_t i = 0; i < net->nparams; i++)
                net->params[i] = theta[i] + steps[s] * h * u[i];
            e[s] = loss_with_mask(net, labels, n);
        }
        for (size_t i = 0; i < net->nparams; i++)
            net->params[i] = theta[i];
        double numeric = (8 * (e[0] - e[1]) - (e[2] - e[3])) / (12 * h);
        double err = tap_rel_err(gu, numeric, 1e-8);
        tap_ok(err <= 1e-6, "whole network, direction %d%s: g.u = %.10g, numeric %.10g (rel. error %.1e)",
               d, d == 4 ? " with label smoothing 0.1" : "", gu, numeric, err);
    }
    free(theta), free(u);
    #line 982 "book/27-network.nw"
    net_free(net);
    return tap_done();
}
