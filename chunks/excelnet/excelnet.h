#line 65 "book/10-excelnet.nw"
#ifndef EXCELNET_H
#define EXCELNET_H
#include <stdio.h>
#line 84 "book/10-excelnet.nw"
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
#line 247 "book/10-excelnet.nw"
typedef struct {
    double dE_dw1, dE_dw2, dE_dw3, dE_dw4, dE_dw5, dE_dw6, dE_dw7, dE_dw8;
    double dE_da_h1, dE_da_h2;
} Gradients;
#line 104 "book/10-excelnet.nw"
/* the class spreadsheet's example: inputs 0.05, 0.1, targets 0.5, 0.5 */
extern const Example excelnet_default_example;
/* the class spreadsheet's starting weights: w1..w8 = 0.15, 0.2, ..., 0.55 */
extern const Weights excelnet_default_weights;
#line 118 "book/10-excelnet.nw"
/* the logistic function 1 / (1 + e^-x) */
double sigmoid(double x);
/* fills f with the forward pass of example x through weights w */
void excelnet_forward(Forward *f, const Weights *w, const Example *x);
#line 257 "book/10-excelnet.nw"
/* fills g with every gradient of E_total at w, x; f is excelnet_forward's pass of w, x */
void excelnet_backward(Gradients *g, const Forward *f, const Weights *w, const Example *x);
#line 417 "book/10-excelnet.nw"
/* fills g as excelnet_backward does, from the matrix form: 2x2 arrays, row j = weights into neuron j */
void excelnet_backward_matrix(Gradients *g, const Forward *f, const Weights *w, const Example *x);
#line 626 "book/10-excelnet.nw"
/* one step of gradient descent: each weight w -= lr * dE_total/dw */
void excelnet_update(Weights *w, const Gradients *g, double lr);
#line 650 "book/10-excelnet.nw"
/* writes the CSV's header line: iter, the weights, the forward pass, the gradients */
void excelnet_csv_header(FILE *out);
/* writes row iter: w, f and g, each number %.17g so that it reads back exactly */
void excelnet_csv_row(FILE *out, long iter, const Weights *w, const Forward *f, const Gradients *g);
#line 688 "book/10-excelnet.nw"
/* iters steps at rate lr from w, left as the final weights; one CSV row each to out unless NULL */
void excelnet_train(FILE *out, Weights *w, const Example *x, double lr, long iters);
#line 751 "book/10-excelnet.nw"
/* E_total from the hidden activations a_h1, a_h2 on: the output half of the forward pass */
double excelnet_loss_from_hidden(double a_h1, double a_h2, const Weights *w, const Example *x);
#line 70 "book/10-excelnet.nw"
#endif
