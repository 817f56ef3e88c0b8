#line 178 "book/95b-solutions-conv-pool.nw"
#include <stdio.h>
#include "network/network.h"

int main(void)
{
    Net *net = net_create(&arch_main, 1);
    double forward = 0, train = 0;
    for (int l = 0; l < net->nlayers; l++) {
        const Layer *L = &net->layer[l];
        if (L->spec.kind != LAYER_CONV)
            continue;
        double f = (double)L->K * L->C * L->spec.R * L->spec.R * L->Ho * L->Wo;
        forward += f;
        train += l == 0 ? 2 * f : 3 * f;
    }
    printf("worked.macs.main.forward %.0f\n", forward);
    printf("worked.macs.main.train %.0f\n", train);
    printf("worked.macs.main.tflop_per_epoch %.2f\n", 2 * train * 60000 * 1e-12);
    net_free(net);
    return 0;
}
