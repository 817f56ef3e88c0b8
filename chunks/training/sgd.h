#line 230 "book/24-loss-and-sgd.nw"
#ifndef SGD_H
#define SGD_H
#include <stddef.h>
#include "base/real.h"
#line 242 "book/24-loss-and-sgd.nw"
void sgd_step(real *w, real *v, const real *g, size_t n,
              double lr, double momentum, double weight_decay, int nesterov);
#line 273 "book/24-loss-and-sgd.nw"
double lr_step(long epoch, double lr0, long step_size, double gamma);
#line 307 "book/24-loss-and-sgd.nw"
double lr_onecycle(long t, long total, double lr_max, double pct_start,
                   double div_start, double div_final);
#line 235 "book/24-loss-and-sgd.nw"
#endif
