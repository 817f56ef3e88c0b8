#line 330 "book/23-pointwise-and-pooling.nw"
#include <stdio.h>
#include "base/rng.h"
#include "layers/pointwise.h"
#include "layers/pool.h"
#line 394 "book/23-pointwise-and-pooling.nw"
static void print_vector(const char *name, const real *a, int n)
{
    for (int i = 0; i < n; i++)
        printf("worked.%s.%d %g\n", name, i, a[i]);
}

#line 336 "book/23-pointwise-and-pooling.nw"
int main(void)
{
    #line 350 "book/23-pointwise-and-pooling.nw"
    const real x[4] = {1.5, -0.5, 2, 0.25}, g[4] = {1, -2, 3, 0.5};
    real r[4], mask[4], y[4], dr[4] = {0}, dx[4] = {0};
    Rng rng;
    rng_seed(&rng, 3);
    relu_forward(r, x, 4);
    dropout_forward(y, mask, r, 0.5, 4, &rng, MODE_TRAIN);
    dropout_backward(dr, g, mask, 4);
    relu_backward(dx, dr, x, 4);
    print_vector("relu.x", x, 4), print_vector("relu.y", r, 4), print_vector("relu.din", dx, 4);
    print_vector("dropout.mask", mask, 4), print_vector("dropout.y", y, 4);
    print_vector("dropout.g", g, 4), print_vector("dropout.din", dr, 4);
    #line 367 "book/23-pointwise-and-pooling.nw"
    const real xp[16] = {1, 5, 2, 0,
                         3, 4, 8, 7,
                         6, 2, 1, 3,
                         0, 1, 9, 4};
    const real gp[4] = {1, -2, 0.5, 3};
    real yp[4], dxp[16] = {0}, arg[4];
    int argmax[4];
    maxpool_forward(yp, argmax, xp, 1, 1, 4, 4);
    maxpool_backward(dxp, gp, argmax, 1, 1, 4, 4);
    for (int o = 0; o < 4; o++)
        arg[o] = (real)argmax[o];
    print_vector("maxpool.x", xp, 16), print_vector("maxpool.y", yp, 4), print_vector("maxpool.argmax", arg, 4);
    print_vector("maxpool.g", gp, 4), print_vector("maxpool.din", dxp, 16);
    #line 383 "book/23-pointwise-and-pooling.nw"
    real ygap, ggap = 2, dxgap[4] = {0};
    gap_forward(&ygap, yp, 1, 1, 2, 2);
    gap_backward(dxgap, &ggap, 1, 1, 2, 2);
    print_vector("gap.y", &ygap, 1), print_vector("gap.g", &ggap, 1), print_vector("gap.din", dxgap, 4);
    #line 341 "book/23-pointwise-and-pooling.nw"
    return 0;
}
