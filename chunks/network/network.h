#line 86 "book/27-network.nw"
#ifndef NETWORK_H
#define NETWORK_H
#include <stddef.h>
#include <stdio.h>
#include "layers/conv_fast.h"
#include "base/real.h"
#include "base/rng.h"
#line 99 "book/27-network.nw"
typedef enum { LAYER_CONV, LAYER_MAXPOOL, LAYER_GAP } LayerKind;

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
#line 192 "book/27-network.nw"
typedef struct {
    LayerSpec spec;
    int C, H, W;
    int K, Ho, Wo;
    #line 206 "book/27-network.nw"
    real *w, *dw;
    real *gamma, *dgamma, *beta, *dbeta;
    real *running_mean, *running_var;
    #line 220 "book/27-network.nw"
    real *conv, *dconv;
    real *act, *dact, *dbn;
    real *mask;
    real *out, *dout;
    real *mean, *rstd;
    int *argmax;
#line 198 "book/27-network.nw"
} Layer;
#line 640 "book/27-network.nw"
typedef enum { KERNELS_PLAIN, KERNELS_FAST_CONV, KERNELS_FAST } Kernels;
#ifdef REAL_DOUBLE
#define NET_DEFAULT_KERNELS KERNELS_PLAIN
#else
#define NET_DEFAULT_KERNELS KERNELS_FAST
#endif
#line 237 "book/27-network.nw"
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
    Kernels kernels;
} Net;
#line 169 "book/27-network.nw"
extern const Architecture arch_main, arch_small;
const Architecture *arch_find(const char *name);
#line 261 "book/27-network.nw"
Net *net_create(const Architecture *arch, int N);
void net_free(Net *net);
#line 416 "book/27-network.nw"
void net_init(Net *net, Rng *rng);
#line 441 "book/27-network.nw"
size_t net_layer_params(const Layer *L);
#line 460 "book/27-network.nw"
void net_summary(FILE *out, const Net *net);
#line 493 "book/27-network.nw"
double net_forward(Net *net, const int *labels, int n, Mode mode, Rng *rng);
#line 546 "book/27-network.nw"
void net_backward(Net *net, const int *labels, int n);
#line 95 "book/27-network.nw"
#endif
