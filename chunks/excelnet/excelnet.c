#line 74 "book/10-excelnet.nw"
#include <math.h>
#include <stdio.h>
#include "excelnet/excelnet.h"
#line 109 "book/10-excelnet.nw"
const Example excelnet_default_example = { .i1 = 0.05, .i2 = 0.1, .t1 = 0.5, .t2 = 0.5 };
const Weights excelnet_default_weights = { 0.15, 0.2, 0.25, 0.3, 0.4, 0.45, 0.5, 0.55 };
#line 123 "book/10-excelnet.nw"
double sigmoid(double x)
{
    return 1.0 / (1.0 + exp(-x));
}

void excelnet_forward(Forward *f, const Weights *w, const Example *x)
{
    #line 137 "book/10-excelnet.nw"
    f->h1 = w->w1 * x->i1 + w->w2 * x->i2;
    f->a_h1 = sigmoid(f->h1);
    f->h2 = w->w3 * x->i1 + w->w4 * x->i2;
    f->a_h2 = sigmoid(f->h2);
    #line 144 "book/10-excelnet.nw"
    f->o1 = w->w5 * f->a_h1 + w->w6 * f->a_h2;
    f->a_o1 = sigmoid(f->o1);
    f->o2 = w->w7 * f->a_h1 + w->w8 * f->a_h2;
    f->a_o2 = sigmoid(f->o2);
    #line 151 "book/10-excelnet.nw"
    f->E1 = 0.5 * (x->t1 - f->a_o1) * (x->t1 - f->a_o1);
    f->E2 = 0.5 * (x->t2 - f->a_o2) * (x->t2 - f->a_o2);
    f->E_total = f->E1 + f->E2;
#line 133 "book/10-excelnet.nw"
}
#line 260 "book/10-excelnet.nw"
void excelnet_backward(Gradients *g, const Forward *f, const Weights *w, const Example *x)
{
    #line 270 "book/10-excelnet.nw"
    double delta_o1 = (f->a_o1 - x->t1) * f->a_o1 * (1 - f->a_o1);
    double delta_o2 = (f->a_o2 - x->t2) * f->a_o2 * (1 - f->a_o2);
    #line 275 "book/10-excelnet.nw"
    g->dE_dw5 = delta_o1 * f->a_h1;
    g->dE_dw6 = delta_o1 * f->a_h2;
    g->dE_dw7 = delta_o2 * f->a_h1;
    g->dE_dw8 = delta_o2 * f->a_h2;
    #line 308 "book/10-excelnet.nw"
    g->dE_da_h1 = delta_o1 * w->w5 + delta_o2 * w->w7;
    g->dE_da_h2 = delta_o1 * w->w6 + delta_o2 * w->w8;
    #line 354 "book/10-excelnet.nw"
    double delta_h1 = g->dE_da_h1 * f->a_h1 * (1 - f->a_h1);
    double delta_h2 = g->dE_da_h2 * f->a_h2 * (1 - f->a_h2);
    g->dE_dw1 = delta_h1 * x->i1;
    g->dE_dw2 = delta_h1 * x->i2;
    g->dE_dw3 = delta_h2 * x->i1;
    g->dE_dw4 = delta_h2 * x->i2;
#line 266 "book/10-excelnet.nw"
}
#line 420 "book/10-excelnet.nw"
void excelnet_backward_matrix(Gradients *g, const Forward *f, const Weights *w, const Example *x)
{
    #line 432 "book/10-excelnet.nw"
    const double in[2] = { x->i1, x->i2 }, t[2] = { x->t1, x->t2 };
    const double a_h[2] = { f->a_h1, f->a_h2 }, a_o[2] = { f->a_o1, f->a_o2 };
    const double W2[2][2] = { { w->w5, w->w6 }, { w->w7, w->w8 } };
    double delta_o[2], dE_da_h[2], delta_h[2], dW1[2][2], dW2[2][2];
    #line 439 "book/10-excelnet.nw"
    for (int j = 0; j < 2; j++)
        delta_o[j] = (a_o[j] - t[j]) * a_o[j] * (1 - a_o[j]);
    #line 444 "book/10-excelnet.nw"
    for (int j = 0; j < 2; j++)
        for (int k = 0; k < 2; k++)
            dW2[j][k] = delta_o[j] * a_h[k];
    #line 450 "book/10-excelnet.nw"
    for (int k = 0; k < 2; k++) {
        dE_da_h[k] = 0;
        for (int j = 0; j < 2; j++)
            dE_da_h[k] += W2[j][k] * delta_o[j];
        delta_h[k] = dE_da_h[k] * a_h[k] * (1 - a_h[k]);
    }
    #line 459 "book/10-excelnet.nw"
    for (int j = 0; j < 2; j++)
        for (int k = 0; k < 2; k++)
            dW1[j][k] = delta_h[j] * in[k];
    #line 465 "book/10-excelnet.nw"
    *g = (Gradients){
        .dE_dw1 = dW1[0][0], .dE_dw2 = dW1[0][1], .dE_dw3 = dW1[1][0], .dE_dw4 = dW1[1][1],
        .dE_dw5 = dW2[0][0], .dE_dw6 = dW2[0][1], .dE_dw7 = dW2[1][0], .dE_dw8 = dW2[1][1],
        .dE_da_h1 = dE_da_h[0], .dE_da_h2 = dE_da_h[1],
    };
#line 428 "book/10-excelnet.nw"
}
#line 629 "book/10-excelnet.nw"
void excelnet_update(Weights *w, const Gradients *g, double lr)
{
    w->w1 -= lr * g->dE_dw1;
    w->w2 -= lr * g->dE_dw2;
    w->w3 -= lr * g->dE_dw3;
    w->w4 -= lr * g->dE_dw4;
    w->w5 -= lr * g->dE_dw5;
    w->w6 -= lr * g->dE_dw6;
    w->w7 -= lr * g->dE_dw7;
    w->w8 -= lr * g->dE_dw8;
}
#line 655 "book/10-excelnet.nw"
void excelnet_csv_header(FILE *out)
{
    fputs("iter,w1,w2,w3,w4,w5,w6,w7,w8,h1,a_h1,h2,a_h2,o1,a_o1,o2,a_o2,"
          "E1,E2,E_total,dE_dw1,dE_dw2,dE_dw3,dE_dw4,dE_dw5,dE_dw6,dE_dw7,dE_dw8\n", out);
}
#line 668 "book/10-excelnet.nw"
void excelnet_csv_row(FILE *out, long iter, const Weights *w, const Forward *f, const Gradients *g)
{
    const double v[] = {
        w->w1, w->w2, w->w3, w->w4, w->w5, w->w6, w->w7, w->w8,
        f->h1, f->a_h1, f->h2, f->a_h2, f->o1, f->a_o1, f->o2, f->a_o2,
        f->E1, f->E2, f->E_total,
        g->dE_dw1, g->dE_dw2, g->dE_dw3, g->dE_dw4,
        g->dE_dw5, g->dE_dw6, g->dE_dw7, g->dE_dw8,
    };
    fprintf(out, "%ld", iter);
    for (size_t j = 0; j < sizeof v / sizeof v[0]; j++)
        fprintf(out, ",%.17g", v[j]);
    fputc('\n', out);
}
#line 691 "book/10-excelnet.nw"
void excelnet_train(FILE *out, Weights *w, const Example *x, double lr, long iters)
{
    Forward f;
    Gradients g;
    for (long k = 0; k < iters; k++) {
        excelnet_forward(&f, w, x);
        excelnet_backward(&g, &f, w, x);
        if (out)
            excelnet_csv_row(out, k, w, &f, &g);
        excelnet_update(w, &g, lr);
    }
}
#line 754 "book/10-excelnet.nw"
double excelnet_loss_from_hidden(double a_h1, double a_h2, const Weights *w, const Example *x)
{
    double a_o1 = sigmoid(w->w5 * a_h1 + w->w6 * a_h2);
    double a_o2 = sigmoid(w->w7 * a_h1 + w->w8 * a_h2);
    return 0.5 * (x->t1 - a_o1) * (x->t1 - a_o1) + 0.5 * (x->t2 - a_o2) * (x->t2 - a_o2);
}
