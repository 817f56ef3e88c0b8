#line 175 "book/24-loss-and-sgd.nw"
#include <math.h>
#include <stdio.h>
#include "layers/loss.h"
#include "training/sgd.h"
#line 479 "book/22-batchnorm.nw"
static void put(const char *prefix, const char *name, int i, double v)
{
    if (i < 0)
        printf("%s.%s %g\n", prefix, name, v);
    else
        printf("%s.%s.%d %g\n", prefix, name, i, v);
}

#line 181 "book/24-loss-and-sgd.nw"
int main(void)
{
    enum { K = 4 };
    real z[K] = {2, 1, 0.1f, -1}, logp[K], dz[K] = {0};
    int t = 1;
    double loss = logsoftmax_nll_forward(logp, z, &t, 1, K);
    logsoftmax_nll_backward(dz, logp, &t, 1, K);
    #line 198 "book/24-loss-and-sgd.nw"
    double m = z[0];
    for (int k = 1; k < K; k++)
        m = fmax(m, z[k]);
    put("worked.loss", "t", -1, t);
    put("worked.loss", "max", -1, m);
    put("worked.loss", "lse", -1, z[0] - logp[0]);
    put("worked.loss", "loss", -1, loss);
    put("worked.loss", "logp.t", -1, logp[t]);
    for (int k = 0; k < K; k++) {
        put("worked.loss", "z", k, z[k]);
        put("worked.loss", "logp", k, logp[k]);
        put("worked.loss", "p", k, exp(logp[k]));
        put("worked.loss", "onehot", k, k == t);
        put("worked.loss", "minus_onehot", k, -(k == t));
        put("worked.loss", "dz", k, dz[k]);
    }
    #line 578 "book/24-loss-and-sgd.nw"
    real w = 0.5f, v = 0.2f, g = -0.3f;
    double lr = 0.1, momentum = 0.9, weight_decay = 0.01;
    put("worked.loss.sgd", "w0", -1, w);
    put("worked.loss.sgd", "v0", -1, v);
    put("worked.loss.sgd", "g", -1, g);
    put("worked.loss.sgd", "lr", -1, lr);
    put("worked.loss.sgd", "momentum", -1, momentum);
    put("worked.loss.sgd", "weight_decay", -1, weight_decay);
    put("worked.loss.sgd", "g_decayed", -1, g + (real)weight_decay * w);
    real wn = w, vn = v;
    sgd_step(&w, &v, &g, 1, lr, momentum, weight_decay, 0);
    sgd_step(&wn, &vn, &g, 1, lr, momentum, weight_decay, 1);
    put("worked.loss.sgd", "v1", -1, v);
    put("worked.loss.sgd", "w1", -1, w);
    put("worked.loss.sgd", "w1_nesterov", -1, wn);
    #line 190 "book/24-loss-and-sgd.nw"
    return 0;
}
