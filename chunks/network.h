#line 76 "book/27-network.nw"
#ifndef NETWORK_H
#define NETWORK_H
#include <stddef.h>
#include <stdio.h>
#include "conv_fast.h"
#include "real.h"
#include "rng.h"
#line 89 "book/27-network.nw"
typedef enum { CONV, MAXPOOL, GAP } LayerKind;

typedef struct {
    LayerKind kind;
    int K, R, pad;
    int bn_relu;
    double dropout;
} LayerSpec;

typedef struct {
    const char *name;
    const char *about;
    int nlayers;
    const LayerSpec *layers;
} Architecture;
#line 179 "book/27-network.nw"
typedef struct {
    LayerSpec spec;
    int C, H, W;
    int K, Ho, Wo;
    
#line 193 "book/27-network.nw"
real *w, *dw;
real *gamma, *dgamma, *beta, *dbeta;
real *running_mean, *running_var;
#line 184 "book/27-network.nw"
    
#line 207 "book/27-network.nw"
real *conv, *dconv;
real *act, *dact, *dbn;
real *mask;
real *out, *dout;
real *mean, *rstd;
int *argmax;
#line 185 "book/27-network.nw"
} Layer;
#line 223 "book/27-network.nw"
typedef struct {
    const Architecture *arch;
    int N;
    int nlayers;
    Layer *layer;
    real *params, *grads, *velocity;
    size_t nparams;
    real *stats;
    size_t nstats;
    real *arena;
    size_t narena;
    real *input;
    real *logp;
    ConvWork work;
} Net;
#line 156 "book/27-network.nw"
extern const Architecture arch_main, arch_small;
const Architecture *arch_find(const char *name);
#line 246 "book/27-network.nw"
Net *net_create(const Architecture *arch, int N);
void net_free(Net *net);
#line 403 "book/27-network.nw"
void net_init(Net *net, Rng *rng);
#line 428 "book/27-network.nw"
size_t net_layer_params(const Layer *L);
#line 443 "book/27-network.nw"
void net_summary(FILE *out, const Net *net);
#line 476 "book/27-network.nw"
double net_forward(Net *net, const int *labels, int n, int training, Rng *rng);
#line 525 "book/27-network.nw"
void net_backward(Net *net, const int *labels, int n);
#line 85 "book/27-network.nw"
#endif
