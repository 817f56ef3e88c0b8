#line 129 "book/27-network.nw"
#ifndef NETWORK_H
#define NETWORK_H
#include <stddef.h>
#include <stdio.h>
#include "layers/conv_fast.h"
#include "base/real.h"
#include "base/rng.h"
#line 142 "book/27-network.nw"
typedef enum { LAYER_CONV, LAYER_MAXPOOL, LAYER_GAP } LayerKind;

typedef struct {
    LayerKind kind;
    int K, R, pad;   /* LAYER_CONV: output channels, kernel side, zero padding */
    int bn_relu;     /* LAYER_CONV: batch norm and ReLU follow */
    double dropout;  /* probability of dropping after the ReLU; 0 for none */
} LayerSpec;

typedef struct {
    const char *name;           /* for --arch */
    const char *about;          /* one line, no commas: it goes into a CSV field */
    int nlayers;
    const LayerSpec *layers;    /* nlayers rows, from a 1x28x28 image to a LAYER_GAP over 10 channels */
} Architecture;
#line 302 "book/27-network.nw"
typedef struct {
    LayerSpec spec;
    int C, H, W;     /* input shape of one image */
    int K, Ho, Wo;   /* output shape of one image */
    #line 316 "book/27-network.nw"
    real *w, *dw;                          /* (K,C,R,R), in params and grads */
    real *gamma, *dgamma, *beta, *dbeta;   /* (K), in params and grads; bn_relu only */
    real *running_mean, *running_var;      /* (K), in stats; bn_relu only */
    #line 330 "book/27-network.nw"
    real *conv, *dconv;       /* (N,K,Ho,Wo) the convolution's output; bn_relu only */
    real *act, *dact, *dbn;   /* (N,K,Ho,Wo) relu(bn(conv)); dbn: gradient of bn's output; bn_relu only */
    real *mask;               /* (N,K,Ho,Wo) dropout's mask, or NULL */
    real *out, *dout;         /* (N,K,Ho,Wo) the next layer's input; = act, dact if bn_relu without dropout */
    real *mean, *rstd;        /* (K) batch norm's statistics of the last forward */
    real *planes;             /* (N,K,2) each plane's mean and squared deviations, from the fast conv; bn_relu only */
    int *argmax;              /* (N,K,Ho,Wo) max-pool: offsets into the input; else NULL */
#line 308 "book/27-network.nw"
} Layer;
#line 791 "book/27-network.nw"
/* the layer chapters' kernels; the im2col + GEMM convolution; that plus the fused batch norm and ReLU */
typedef enum { KERNELS_PLAIN, KERNELS_FAST_CONV, KERNELS_FAST } Kernels;
#ifdef REAL_DOUBLE
#define NET_DEFAULT_KERNELS KERNELS_PLAIN
#else
#define NET_DEFAULT_KERNELS KERNELS_FAST
#endif
#line 916 "book/27-network.nw"
typedef enum {
    PASS_FORWARD, PASS_BACKWARD_DATA, PASS_BACKWARD_WEIGHTS,  /* the convolution's */
    PASS_REST_FORWARD, PASS_REST_BACKWARD,                    /* the layer's others, or the loss */
    NPASSES
} Pass;
typedef struct {
    double seconds[NPASSES];   /* summed over every batch since the caller zeroed them */
} LayerTimes;
#line 349 "book/27-network.nw"
typedef struct {
    const Architecture *arch;
    int N;                              /* the largest batch the arena holds */
    int nlayers;
    Layer *layer;                       /* (nlayers) */
    real *params, *grads, *velocity;    /* (nparams) each, one layout */
    size_t nparams;
    real *stats;                        /* (nstats) running statistics */
    size_t nstats;
    real *arena;                        /* (narena) activations and their gradients */
    size_t narena;
    real *input;                        /* (N,1,28,28) in the arena: the caller fills it */
    real *logp;                         /* (N,10) log-probabilities of the last forward */
    double label_smoothing;             /* the loss's epsilon in training, 0 (the plain loss) by default */
    ConvWork work;                      /* scratch of the fast convolution */
    Kernels kernels;                    /* which kernels forward and backward call */
    LayerTimes *times;                  /* NULL, or (nlayers + 1) rows that forward and backward add to */
    double (*clock)(void);              /* with times: the clock they read, in seconds */
} Net;
#line 274 "book/27-network.nw"
extern const Architecture arch_main, arch_small, arch_tiny, arch_wide;  /* the book's four networks */
/* the architecture called name ("main", "small", "tiny", "wide"), or NULL */
const Architecture *arch_find(const char *name);
#line 376 "book/27-network.nw"
/* a network of arch for batches of up to N images, all arrays zeroed (net_init comes next) */
Net *net_create(const Architecture *arch, int N);
/* frees net and everything it owns; net may be NULL */
void net_free(Net *net);
#line 534 "book/27-network.nw"
/* Kaiming weights from rng, layer by layer; batch norms the identity; velocity zero */
void net_init(Net *net, Rng *rng);
#line 560 "book/27-network.nw"
/* trainable numbers of L: its convolution weights, plus gamma and beta with bn_relu */
size_t net_layer_params(const Layer *L);
#line 580 "book/27-network.nw"
/* writes net's layer table to out: CSV with a header line, one row per layer, a total row */
void net_summary(FILE *out, const Net *net);
#line 617 "book/27-network.nw"
/* input (n,1,28,28), n <= N, through every layer: writes logp (n,10), returns the mean loss; rng: dropout's */
double net_forward(Net *net, const int *labels, int n, Mode mode, Rng *rng);
#line 681 "book/27-network.nw"
/* after net_forward on this batch: grads (nparams) = dL/dparams; zeroes them, and the d tensors it adds to */
void net_backward(Net *net, const int *labels, int n);
#line 138 "book/27-network.nw"
#endif
