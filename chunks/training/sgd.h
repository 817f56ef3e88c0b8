#line 596 "book/24-loss-and-sgd.nw"
#ifndef SGD_H
#define SGD_H
#include <stddef.h>
#include "base/real.h"
#line 608 "book/24-loss-and-sgd.nw"
/* w, v (n) in place: g' = g + weight_decay w, v = momentum v + g', w -= lr (nesterov ? g' + momentum v : v) */
void sgd_step(real *w, real *v, const real *g, size_t n,
              double lr, double momentum, double weight_decay, int nesterov);
#line 640 "book/24-loss-and-sgd.nw"
/* the step schedule's rate in epoch: lr0 gamma^(epoch / step_size) */
double lr_step(long epoch, double lr0, long step_size, double gamma);
#line 675 "book/24-loss-and-sgd.nw"
/* one-cycle rate at step t < total: lr_max/div_start up to lr_max (pct_start), down to lr_max/div_start/div_final */
double lr_onecycle(long t, long total, double lr_max, double pct_start,
                   double div_start, double div_final);
#line 601 "book/24-loss-and-sgd.nw"
#endif
