#line 168 "book/27-network.nw"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "layers/batchnorm.h"
#include "layers/batchnorm_fast.h"
#include "base/check.h"
#include "layers/conv.h"
#include "layers/loss.h"
#include "network/network.h"
#include "layers/pointwise.h"
#include "layers/pool.h"
#line 198 "book/27-network.nw"
static const LayerSpec main_layers[] = {
    { .kind = LAYER_CONV, .K = 16, .R = 3,           .bn_relu = 1 },                   /* 16x26x26 */
    { .kind = LAYER_CONV, .K = 32, .R = 3,           .bn_relu = 1 },                   /* 32x24x24 */
    { .kind = LAYER_MAXPOOL },                                                         /* 32x12x12 */
    { .kind = LAYER_CONV, .K = 16, .R = 1,           .bn_relu = 1 },                   /* 16x12x12 */
    { .kind = LAYER_CONV, .K = 16, .R = 3, .pad = 1, .bn_relu = 1 },                   /* 16x12x12 */
    { .kind = LAYER_CONV, .K = 32, .R = 3, .pad = 1, .bn_relu = 1 },                   /* 32x12x12 */
    { .kind = LAYER_MAXPOOL },                                                         /* 32x6x6 */
    { .kind = LAYER_CONV, .K = 16, .R = 1,           .bn_relu = 1 },                   /* 16x6x6 */
    { .kind = LAYER_CONV, .K = 16, .R = 3, .pad = 1, .bn_relu = 1, .dropout = 0.05 },  /* 16x6x6 */
    { .kind = LAYER_CONV, .K = 10, .R = 1 },                                           /* 10x6x6 */
    { .kind = LAYER_GAP },                                                             /* 10x1x1 */
};
static const LayerSpec small_layers[] = {
    { .kind = LAYER_CONV, .K = 8,  .R = 3,           .bn_relu = 1 },                   /* 8x26x26 */
    { .kind = LAYER_CONV, .K = 12, .R = 3,           .bn_relu = 1 },                   /* 12x24x24 */
    { .kind = LAYER_CONV, .K = 16, .R = 3, .pad = 1, .bn_relu = 1 },                   /* 16x24x24 */
    { .kind = LAYER_MAXPOOL },                                                         /* 16x12x12 */
    { .kind = LAYER_CONV, .K = 8,  .R = 1,           .bn_relu = 1 },                   /* 8x12x12 */
    { .kind = LAYER_CONV, .K = 12, .R = 3,           .bn_relu = 1 },                   /* 12x10x10 */
    { .kind = LAYER_CONV, .K = 16, .R = 3,           .bn_relu = 1 },                   /* 16x8x8 */
    { .kind = LAYER_CONV, .K = 14, .R = 3,           .bn_relu = 1, .dropout = 0.05 },  /* 14x6x6 */
    { .kind = LAYER_CONV, .K = 10, .R = 1 },                                           /* 10x6x6 */
    { .kind = LAYER_GAP },                                                             /* 10x1x1 */
};
static const LayerSpec tiny_layers[] = {
    { .kind = LAYER_CONV, .K = 8,  .R = 3,           .bn_relu = 1 },                   /* 8x26x26 */
    { .kind = LAYER_CONV, .K = 8,  .R = 3,           .bn_relu = 1 },                   /* 8x24x24 */
    { .kind = LAYER_CONV, .K = 12, .R = 3, .pad = 1, .bn_relu = 1 },                   /* 12x24x24 */
    { .kind = LAYER_MAXPOOL },                                                         /* 12x12x12 */
    { .kind = LAYER_CONV, .K = 8,  .R = 1,           .bn_relu = 1 },                   /* 8x12x12 */
    { .kind = LAYER_CONV, .K = 10, .R = 3,           .bn_relu = 1 },                   /* 10x10x10 */
    { .kind = LAYER_CONV, .K = 12, .R = 3,           .bn_relu = 1 },                   /* 12x8x8 */
    { .kind = LAYER_CONV, .K = 12, .R = 3,           .bn_relu = 1, .dropout = 0.05 },  /* 12x6x6 */
    { .kind = LAYER_CONV, .K = 10, .R = 1 },                                           /* 10x6x6 */
    { .kind = LAYER_GAP },                                                             /* 10x1x1 */
};
static const LayerSpec wide_layers[] = {
    { .kind = LAYER_CONV, .K = 12, .R = 3,           .bn_relu = 1 },                   /* 12x26x26 */
    { .kind = LAYER_CONV, .K = 18, .R = 3,           .bn_relu = 1 },                   /* 18x24x24 */
    { .kind = LAYER_CONV, .K = 24, .R = 3, .pad = 1, .bn_relu = 1 },                   /* 24x24x24 */
    { .kind = LAYER_MAXPOOL },                                                         /* 24x12x12 */
    { .kind = LAYER_CONV, .K = 12, .R = 1,           .bn_relu = 1 },                   /* 12x12x12 */
    { .kind = LAYER_CONV, .K = 18, .R = 3,           .bn_relu = 1 },                   /* 18x10x10 */
    { .kind = LAYER_CONV, .K = 24, .R = 3,           .bn_relu = 1 },                   /* 24x8x8 */
    { .kind = LAYER_CONV, .K = 21, .R = 3,           .bn_relu = 1, .dropout = 0.05 },  /* 21x6x6 */
    { .kind = LAYER_CONV, .K = 10, .R = 1 },                                           /* 10x6x6 */
    { .kind = LAYER_GAP },                                                             /* 10x1x1 */
};
const Architecture arch_main = {
    .name = "main",
    .about = "16/32 channels; 1x1 transitions; GAP",
    .nlayers = sizeof main_layers / sizeof main_layers[0],
    .layers = main_layers,
};
const Architecture arch_small = {
    .name = "small",
    .about = "8-16 channels; deeper before and after one pool; GAP",
    .nlayers = sizeof small_layers / sizeof small_layers[0],
    .layers = small_layers,
};
const Architecture arch_tiny = {
    .name = "tiny",
    .about = "8-12 channels; the small network thinner; GAP",
    .nlayers = sizeof tiny_layers / sizeof tiny_layers[0],
    .layers = tiny_layers,
};
const Architecture arch_wide = {
    .name = "wide",
    .about = "12-24 channels; the small network 1.5 times wider; GAP",
    .nlayers = sizeof wide_layers / sizeof wide_layers[0],
    .layers = wide_layers,
};
#line 188 "book/27-network.nw"
static void carve(Net *net);
static real *mirror(const Net *net, const real *param);
static void conv_forward(Net *net, const Layer *L, real *out, real *planes, const real *x, int n);
static void bn_relu_forward(const Net *net, Layer *L, int n, Mode mode);
static void bn_relu_backward(const Net *net, Layer *L, int n);
static void conv_backward(Net *net, int l, real *dx, const real *dout, const real *x, int n, double *t);
static void net_lap(const Net *net, int l, Pass pass, double *t);
#line 247 "book/31-fast-step.nw"
static real *net_planes(const Net *net, const Layer *L, Mode mode);
#line 687 "book/31-fast-step.nw"
static int net_overwrites_dout(const Net *net, int l);
#line 816 "book/31-fast-step.nw"
static int net_pool_in_bn(const Net *net, int l);
#line 278 "book/27-network.nw"
const Architecture *arch_find(const char *name)
{
    if (strcmp(name, arch_main.name) == 0)
        return &arch_main;
    if (strcmp(name, arch_small.name) == 0)
        return &arch_small;
    if (strcmp(name, arch_tiny.name) == 0)
        return &arch_tiny;
    if (strcmp(name, arch_wide.name) == 0)
        return &arch_wide;
    return NULL;
}
#line 381 "book/27-network.nw"
Net *net_create(const Architecture *arch, int N)
{
    CHECK(arch != NULL && N > 0);
    Net *net = xcalloc(1, sizeof *net);
    net->arch = arch;
    net->N = N;
    net->nlayers = arch->nlayers;
    net->layer = xcalloc(arch->nlayers, sizeof *net->layer);
    #line 406 "book/27-network.nw"
    int C = 1, H = 28, W = 28;
    for (int l = 0; l < net->nlayers; l++) {
        Layer *L = &net->layer[l];
        L->spec = arch->layers[l];
        L->C = C, L->H = H, L->W = W;
        if (L->spec.kind == LAYER_CONV) {
            L->K = L->spec.K;
            L->Ho = H + 2 * L->spec.pad - L->spec.R + 1;
            L->Wo = W + 2 * L->spec.pad - L->spec.R + 1;
        } else if (L->spec.kind == LAYER_MAXPOOL) {
            CHECK(H % 2 == 0 && W % 2 == 0);
            L->K = C, L->Ho = H / 2, L->Wo = W / 2;
        } else {
            L->K = C, L->Ho = 1, L->Wo = 1;
        }
        C = L->K, H = L->Ho, W = L->Wo;
    }
    CHECK(net->layer[net->nlayers - 1].spec.kind == LAYER_GAP && C == 10);
    #line 390 "book/27-network.nw"
    carve(net);
    #line 500 "book/27-network.nw"
    net->params = xcalloc(net->nparams, sizeof(real));
    net->grads = xcalloc(net->nparams, sizeof(real));
    net->velocity = xcalloc(net->nparams, sizeof(real));
    net->stats = xcalloc(net->nstats, sizeof(real));
    net->arena = xcalloc(net->narena, sizeof(real));
    #line 392 "book/27-network.nw"
    carve(net);
    #line 808 "book/27-network.nw"
    size_t need = 0;
    for (int l = 0; l < net->nlayers; l++) {
        const Layer *L = &net->layer[l];
        size_t w = L->spec.kind == LAYER_CONV ? conv_work_size(N, L->C, L->H, L->W, L->K, L->spec.R, L->spec.pad)
                 : L->spec.kind == LAYER_MAXPOOL ? bn_relu_pool_scratch_size(N, L->H, L->W) : 0;
        need = w > need ? w : need;
    }
    conv_work_reserve(&net->work, need);
    #line 394 "book/27-network.nw"
    net->kernels = NET_DEFAULT_KERNELS;
    return net;
}
#line 432 "book/27-network.nw"
static real *take(real *base, size_t *cursor, size_t n)
{
    real *p = base ? base + *cursor : NULL;
    *cursor += n;
    return p;
}

static void carve(Net *net)
{
    size_t p = 0, s = 0, a = 0;
    const size_t N = net->N;
    net->input = take(net->arena, &a, N * 28 * 28);
    for (int l = 0; l < net->nlayers; l++) {
        Layer *L = &net->layer[l];
        size_t in = N * L->C * L->H * L->W, out = N * L->K * L->Ho * L->Wo;
        #line 461 "book/27-network.nw"
        (void)in;
        if (L->spec.kind == LAYER_CONV) {
            L->w = take(net->params, &p, (size_t)L->K * L->C * L->spec.R * L->spec.R);
            if (L->spec.bn_relu) {
                #line 481 "book/27-network.nw"
                L->gamma = take(net->params, &p, L->K);
                L->beta = take(net->params, &p, L->K);
                L->running_mean = take(net->stats, &s, L->K);
                L->running_var = take(net->stats, &s, L->K);
                L->mean = take(net->arena, &a, L->K);
                L->rstd = take(net->arena, &a, L->K);
            #line 466 "book/27-network.nw"
            }
        }
        if (L->spec.kind == LAYER_CONV && L->spec.bn_relu) {
            L->conv = take(net->arena, &a, out), L->dconv = take(net->arena, &a, out);
            L->act = take(net->arena, &a, out), L->dact = take(net->arena, &a, out);
            L->dbn = take(net->arena, &a, out);
            L->mask = L->spec.dropout > 0 ? take(net->arena, &a, out) : NULL;
            L->planes = take(net->arena, &a, N * L->K * 2);
        }
        L->out = L->spec.kind == LAYER_CONV && L->spec.bn_relu && L->spec.dropout == 0 ? L->act : take(net->arena, &a, out);
        L->dout = L->spec.kind == LAYER_CONV && L->spec.bn_relu && L->spec.dropout == 0 ? L->dact : take(net->arena, &a, out);
        L->argmax = L->spec.kind == LAYER_MAXPOOL ? (int *)take(net->arena, &a, out) : NULL;
        #line 508 "book/27-network.nw"
        L->dw = mirror(net, L->w);
        L->dgamma = mirror(net, L->gamma);
        L->dbeta = mirror(net, L->beta);
    #line 448 "book/27-network.nw"
    }
    net->logp = take(net->arena, &a, N * 10);
    net->nparams = p, net->nstats = s, net->narena = a;
}
#line 493 "book/27-network.nw"
static real *mirror(const Net *net, const real *param)
{
    return param ? net->grads + (param - net->params) : NULL;
}
#line 514 "book/27-network.nw"
void net_free(Net *net)
{
    if (!net)
        return;
    free(net->params), free(net->grads), free(net->velocity);
    free(net->stats), free(net->arena), free(net->layer);
    conv_work_free(&net->work);
    free(net);
}
#line 537 "book/27-network.nw"
void net_init(Net *net, Rng *rng)
{
    for (int l = 0; l < net->nlayers; l++) {
        Layer *L = &net->layer[l];
        if (L->spec.kind != LAYER_CONV)
            continue;
        conv_init_kaiming(L->w, L->K, L->C, L->spec.R, rng);
        if (L->spec.bn_relu)
            bn_init(L->gamma, L->beta, L->running_mean, L->running_var, L->K);
    }
    for (size_t i = 0; i < net->nparams; i++)
        net->velocity[i] = 0;
}
#line 563 "book/27-network.nw"
size_t net_layer_params(const Layer *L)
{
    if (L->spec.kind != LAYER_CONV)
        return 0;
    size_t n = (size_t)L->K * L->C * L->spec.R * L->spec.R;
    return L->spec.bn_relu ? n + 2 * (size_t)L->K : n;
}
#line 583 "book/27-network.nw"
void net_summary(FILE *out, const Net *net)
{
    fprintf(out, "layer,kind,output_shape,params\n");
    for (int l = 0; l < net->nlayers; l++) {
        const Layer *L = &net->layer[l];
        char kind[64];
        #line 597 "book/27-network.nw"
        if (L->spec.kind == LAYER_CONV)
            snprintf(kind, sizeof kind, "conv %dx%d %d->%d pad %d%s%s", L->spec.R, L->spec.R, L->C, L->K,
                     L->spec.pad, L->spec.bn_relu ? " BN ReLU" : "", L->spec.dropout > 0 ? " dropout" : "");
        else
            snprintf(kind, sizeof kind, L->spec.kind == LAYER_MAXPOOL ? "maxpool 2x2" : "global avg pool");
        #line 590 "book/27-network.nw"
        fprintf(out, "%d,%s,%dx%dx%d,%zu\n", l + 1, kind, L->K, L->Ho, L->Wo, net_layer_params(L));
    }
    fprintf(out, "total,network '%s': %s,,%zu\n", net->arch->name, net->arch->about, net->nparams);
}
#line 620 "book/27-network.nw"
double net_forward(Net *net, const int *labels, int n, Mode mode, Rng *rng)
{
    CHECK(n > 0 && n <= net->N);
    const real *x = net->input;
    double t = net->times ? net->clock() : 0;
    for (int l = 0; l < net->nlayers; l++) {
        Layer *L = &net->layer[l];
        size_t count = (size_t)n * L->K * L->Ho * L->Wo;
        switch (L->spec.kind) {
        case LAYER_CONV:
            #line 658 "book/27-network.nw"
            if (!L->spec.bn_relu) {
                conv_forward(net, L, L->out, NULL, x, n);
                net_lap(net, l, PASS_FORWARD, &t);
                break;
            }
            conv_forward(net, L, L->conv, net_planes(net, L, mode), x, n);
            net_lap(net, l, PASS_FORWARD, &t);
            bn_relu_forward(net, L, n, mode);
            if (L->mask)
                dropout_forward(L->out, L->mask, L->act, L->spec.dropout, count, rng, mode);
            #line 631 "book/27-network.nw"
            break;
        case LAYER_MAXPOOL:
            if (net->kernels == KERNELS_FAST)
                maxpool_forward_rows(L->out, L->argmax, x, n, L->C, L->H, L->W);
            else
                maxpool_forward(L->out, L->argmax, x, n, L->C, L->H, L->W);
            break;
        case LAYER_GAP:
            gap_forward(L->out, x, n, L->C, L->H, L->W);
            break;
        }
        net_lap(net, l, PASS_REST_FORWARD, &t);
        x = L->out;
    }
    double eps = mode == MODE_TRAIN ? net->label_smoothing : 0;
    double loss = logsoftmax_smoothed_forward(net->logp, x, labels, n, 10, eps);
    net_lap(net, net->nlayers, PASS_REST_FORWARD, &t);
    return loss;
}
#line 684 "book/27-network.nw"
void net_backward(Net *net, const int *labels, int n)
{
    double t = net->times ? net->clock() : 0;
    #line 731 "book/27-network.nw"
    memset(net->grads, 0, net->nparams * sizeof(real));
    for (int l = 0; l < net->nlayers; l++) {
        Layer *L = &net->layer[l];
        size_t count = (size_t)n * L->K * L->Ho * L->Wo;
        if (!net_overwrites_dout(net, l))
            memset(L->dout, 0, count * sizeof(real));
        if (L->dconv) {
            if (net->kernels != KERNELS_FAST) {
                memset(L->dconv, 0, count * sizeof(real));
                memset(L->dbn, 0, count * sizeof(real));
            }
            if (L->dact != L->dout)
                memset(L->dact, 0, count * sizeof(real));
        }
    }
    #line 688 "book/27-network.nw"
    Layer *last = &net->layer[net->nlayers - 1];
    logsoftmax_smoothed_backward(last->dout, net->logp, labels, n, 10, net->label_smoothing);
    net_lap(net, net->nlayers, PASS_REST_BACKWARD, &t);
    for (int l = net->nlayers - 1; l >= 0; l--) {
        Layer *L = &net->layer[l];
        const real *x = l > 0 ? net->layer[l - 1].out : net->input;
        real *dx = l > 0 ? net->layer[l - 1].dout : NULL;
        size_t count = (size_t)n * L->K * L->Ho * L->Wo;
        switch (L->spec.kind) {
        case LAYER_CONV:
            #line 756 "book/27-network.nw"
            if (!L->spec.bn_relu) {
                conv_backward(net, l, dx, L->dout, x, n, &t);
                break;
            }
            if (L->mask)
                dropout_backward(L->dact, L->dout, L->mask, count);
            bn_relu_backward(net, L, n);
            net_lap(net, l, PASS_REST_BACKWARD, &t);
            conv_backward(net, l, dx, L->dconv, x, n, &t);
            #line 699 "book/27-network.nw"
            break;
        case LAYER_MAXPOOL:
            if (net_pool_in_bn(net, l - 1))
                break;
            if (net_overwrites_dout(net, l - 1))
                maxpool_backward_overwrite(dx, L->dout, L->argmax, n, L->C, L->H, L->W);
            else
                maxpool_backward(dx, L->dout, L->argmax, n, L->C, L->H, L->W);
            break;
        case LAYER_GAP:
            gap_backward(dx, L->dout, n, L->C, L->H, L->W);
            break;
        }
        net_lap(net, l, PASS_REST_BACKWARD, &t);
    }
}
#line 819 "book/27-network.nw"
static void conv_forward(Net *net, const Layer *L, real *out, real *planes, const real *x, int n)
{
#ifdef REAL_DOUBLE
    CHECK(net->kernels == KERNELS_PLAIN);
    (void)planes;
#else
    if (net->kernels != KERNELS_PLAIN) {
        conv2d_forward_fast(out, planes, x, L->w, n, L->C, L->H, L->W, L->K, L->spec.R, L->spec.pad,
                            &net->work);
        return;
    }
#endif
    conv2d_forward(out, x, L->w, n, L->C, L->H, L->W, L->K, L->spec.R, L->spec.pad);
}

static void conv_backward(Net *net, int l, real *dx, const real *dout, const real *x, int n, double *t)
{
    const Layer *L = &net->layer[l];
#ifdef REAL_DOUBLE
    CHECK(net->kernels == KERNELS_PLAIN);
#else
    if (net->kernels != KERNELS_PLAIN) {
        conv2d_backward_weights_fast(L->dw, dout, x, n, L->C, L->H, L->W, L->K, L->spec.R, L->spec.pad,
                                     &net->work);
        net_lap(net, l, PASS_BACKWARD_WEIGHTS, t);
        if (dx != NULL) {
            conv2d_backward_data_fast(dx, dout, L->w, n, L->C, L->H, L->W, L->K, L->spec.R, L->spec.pad,
                                      net_overwrites_dout(net, l - 1), &net->work);
            net_lap(net, l, PASS_BACKWARD_DATA, t);
        }
        return;
    }
#endif
    conv2d_backward(dx, L->dw, dout, x, L->w, n, L->C, L->H, L->W, L->K, L->spec.R, L->spec.pad);
    net_lap(net, l, PASS_BACKWARD_WEIGHTS, t);
}
#line 862 "book/27-network.nw"
static void bn_relu_forward(const Net *net, Layer *L, int n, Mode mode)
{
    size_t count = (size_t)n * L->K * L->Ho * L->Wo;
#ifndef REAL_DOUBLE
    if (net->kernels == KERNELS_FAST) {
        bn_relu_forward_fast(L->act, L->conv, net_planes(net, L, mode), L->gamma, L->beta, L->mean, L->rstd,
                             L->running_mean, L->running_var, n, L->K, L->Ho, L->Wo, mode);
        return;
    }
#endif
    (void)net;
    bn_forward(L->act, L->conv, L->gamma, L->beta, L->mean, L->rstd, L->running_mean,
               L->running_var, n, L->K, L->Ho, L->Wo, mode);
    relu_forward(L->act, L->act, count);
}

static void bn_relu_backward(const Net *net, Layer *L, int n)
{
    size_t count = (size_t)n * L->K * L->Ho * L->Wo;
#ifndef REAL_DOUBLE
    if (net_pool_in_bn(net, (int)(L - net->layer))) {
        const Layer *pool = L + 1;
        CHECK(net->work.size >= bn_relu_pool_scratch_size(n, L->Ho, L->Wo));
        bn_relu_pool_backward_fast(L->dconv, L->dgamma, L->dbeta, pool->dout, pool->argmax, L->conv, L->gamma,
                                   L->beta, L->mean, L->rstd, net->work.mem, n, L->K, L->Ho, L->Wo);
        return;
    }
    if (net->kernels == KERNELS_FAST) {
        bn_relu_backward_fast(L->dconv, L->dgamma, L->dbeta, L->dact, L->conv, L->gamma, L->beta,
                              L->mean, L->rstd, n, L->K, L->Ho, L->Wo);
        return;
    }
#endif
    (void)net;
    relu_backward(L->dbn, L->dact, L->act, count);
    bn_backward(L->dconv, L->dgamma, L->dbeta, L->dbn, L->conv, L->gamma, L->mean, L->rstd,
                n, L->K, L->Ho, L->Wo);
}
#line 938 "book/27-network.nw"
static void net_lap(const Net *net, int l, Pass pass, double *t)
{
    if (net->times == NULL)
        return;
    double now = net->clock();
    net->times[l].seconds[pass] += now - *t;
    *t = now;
}
#line 240 "book/31-fast-step.nw"
static real *net_planes(const Net *net, const Layer *L, Mode mode)
{
    return net->kernels == KERNELS_FAST && mode == MODE_TRAIN ? L->planes : NULL;
}
#line 677 "book/31-fast-step.nw"
static int net_overwrites_dout(const Net *net, int l)
{
    if (net->kernels != KERNELS_FAST || l < 0 || l + 1 >= net->nlayers)
        return 0;
    LayerKind next = net->layer[l + 1].spec.kind;
    return next == LAYER_MAXPOOL || next == LAYER_CONV;
}
#line 805 "book/31-fast-step.nw"
static int net_pool_in_bn(const Net *net, int l)
{
    if (net->kernels != KERNELS_FAST || l < 0 || l + 1 >= net->nlayers)
        return 0;
    const Layer *L = &net->layer[l];
    return L->spec.kind == LAYER_CONV && L->spec.bn_relu && L->mask == NULL
        && net->layer[l + 1].spec.kind == LAYER_MAXPOOL;
}
