#line 406 "book/21-conv.nw"
#include <stdio.h>
#include "layers/conv.h"
#line 448 "book/21-conv.nw"
static void print_map(const char *name, const real *a, int rows, int cols)
{
    for (int i = 0; i < rows; i++)
        for (int j = 0; j < cols; j++)
            printf("worked.conv.%s.%d.%d %g\n", name, i, j, a[i * cols + j]);
}

#line 410 "book/21-conv.nw"
int main(void)
{
    #line 423 "book/21-conv.nw"
    const real x[16] = {1, 2, 0, 1,
                        3, 1, 2, 0,
                        0, 1, 3, 2,
                        2, 0, 1, 1};
    const real w[9] = {1, 0, -1,
                       2, 1, 0,
                       0, -1, 1};
    const real g[4] = {1, -1,
                       2, 0.5};
    #line 413 "book/21-conv.nw"
    real y[4], din[16] = {0}, dw[9] = {0};
    conv2d_forward(y, x, w, 1, 1, 4, 4, 1, 3, 0);
    conv2d_backward(din, dw, g, x, w, 1, 1, 4, 4, 1, 3, 0);
    #line 440 "book/21-conv.nw"
    real g01[4] = {0, g[1], 0, 0}, din01[16] = {0}, dw01[9] = {0};
    conv2d_backward(din01, dw01, g01, x, w, 1, 1, 4, 4, 1, 3, 0);
    #line 457 "book/21-conv.nw"
    print_map("x", x, 4, 4);
    print_map("w", w, 3, 3);
    print_map("y", y, 2, 2);
    print_map("g", g, 2, 2);
    print_map("din", din, 4, 4);
    print_map("dw", dw, 3, 3);
    print_map("din01", din01, 4, 4);
    print_map("dw01", dw01, 3, 3);
    #line 418 "book/21-conv.nw"
    return 0;
}
