#line 63 "book/10-excelnet.nw"
#ifndef EXCELNET_H
#define EXCELNET_H
#include <stdio.h>
#line 82 "book/10-excelnet.nw"
typedef struct {
    double i1, i2;
    double t1, t2;
} Example;

typedef struct {
    double w1, w2, w3, w4, w5, w6, w7, w8;
} Weights;

typedef struct {
    double h1, a_h1, h2, a_h2;
    double o1, a_o1, o2, a_o2;
    double E1, E2, E_total;
} Forward;
#line 212 "book/10-excelnet.nw"
typedef struct {
    double dE_dw1, dE_dw2, dE_dw3, dE_dw4, dE_dw5, dE_dw6, dE_dw7, dE_dw8;
    double dE_da_h1, dE_da_h2;
} Gradients;
#line 102 "book/10-excelnet.nw"
extern const Example excelnet_default_example;
extern const Weights excelnet_default_weights;
#line 114 "book/10-excelnet.nw"
double sigmoid(double x);
void excelnet_forward(Forward *f, const Weights *w, const Example *x);
#line 222 "book/10-excelnet.nw"
void excelnet_backward(Gradients *g, const Forward *f, const Weights *w, const Example *x);
#line 325 "book/10-excelnet.nw"
void excelnet_update(Weights *w, const Gradients *g, double lr);
#line 348 "book/10-excelnet.nw"
void excelnet_csv_header(FILE *out);
void excelnet_csv_row(FILE *out, long iter, const Weights *w, const Forward *f, const Gradients *g);
#line 384 "book/10-excelnet.nw"
void excelnet_train(FILE *out, Weights *w, const Example *x, double lr, long iters);
#line 429 "book/10-excelnet.nw"
double excelnet_loss_from_hidden(double a_h1, double a_h2, const Weights *w, const Example *x);
#line 68 "book/10-excelnet.nw"
#endif
