#line 432 "book/31-fast-step.nw"
#include <omp.h>
#include "layers/batchnorm.h"
#include "layers/batchnorm_fast.h"
#include "float-check.h"
#include "layers/pointwise.h"
#line 452 "book/31-fast-step.nw"
typedef struct {
    float *act, *mean, *rstd, *rmean, *rvar, *din, *dgamma, *dbeta;
} BnResult;

static BnResult bt_alloc(size_t n, int C)
{
    BnResult r;
    r.act = xcalloc(n, sizeof(float)), r.din = xcalloc(n, sizeof(float));
    r.mean = xcalloc(C, sizeof(float)), r.rstd = xcalloc(C, sizeof(float));
    r.rmean = xcalloc(C, sizeof(float)), r.rvar = xcalloc(C, sizeof(float));
    r.dgamma = xcalloc(C, sizeof(float)), r.dbeta = xcalloc(C, sizeof(float));
    for (int c = 0; c < C; c++)
        r.rvar[c] = 1, r.dgamma[c] = 0.5f, r.dbeta[c] = -0.25f;
    return r;
}

static void bt_free(BnResult *r)
{
    free(r->act), free(r->mean), free(r->rstd), free(r->rmean), free(r->rvar);
    free(r->din), free(r->dgamma), free(r->dbeta);
}
#line 479 "book/31-fast-step.nw"
static void bt_run_fast(BnResult *r, int threads, const float *in, const float *dact,
                        const float *gamma, const float *beta, int N, int C, int H, int W)
{
    size_t n = (size_t)N * C * H * W;
    omp_set_num_threads(threads);
    memcpy(r->din, dact, n * sizeof(float));
    bn_relu_forward_fast(r->act, in, NULL, gamma, beta, r->mean, r->rstd, r->rmean, r->rvar, N, C, H, W, MODE_TRAIN);
    bn_relu_backward_fast(r->din, r->dgamma, r->dbeta, dact, in, gamma, beta, r->mean, r->rstd, N, C, H, W);
}
#line 495 "book/31-fast-step.nw"
static void bt_case(Rng *rng, int N, int C, int H, int W, int constant_channel)
{
    size_t n = (size_t)N * C * H * W, HW = (size_t)H * W;
    float *in = fc_normal(n, rng), *dact = fc_normal(n, rng);
    float *gamma = fc_normal(C, rng), *beta = fc_normal(C, rng);
    for (size_t i = 0; i < n; i++)
        in[i] = 3 + 2 * in[i];
    if (constant_channel)
        for (int b = 0; b < N; b++)
            for (size_t i = 0; i < HW; i++)
                in[((size_t)b * C + C - 1) * HW + i] = 1.5f;
    char name[80];
    snprintf(name, sizeof name, "N=%d C=%d %dx%d%s", N, C, H, W, constant_channel ? ", constant channel" : "");
    BnResult ref = bt_alloc(n, C), fast = bt_alloc(n, C), one = bt_alloc(n, C);
    #line 519 "book/31-fast-step.nw"
    float *dbn = xcalloc(n, sizeof(float));
    bn_forward(ref.act, in, gamma, beta, ref.mean, ref.rstd, ref.rmean, ref.rvar, N, C, H, W, MODE_TRAIN);
    relu_forward(ref.act, ref.act, n);
    relu_backward(dbn, dact, ref.act, n);
    bn_backward(ref.din, ref.dgamma, ref.dbeta, dbn, in, gamma, ref.mean, ref.rstd, N, C, H, W);
    free(dbn);
    #line 510 "book/31-fast-step.nw"
    bt_run_fast(&fast, 2, in, dact, gamma, beta, N, C, H, W);
    bt_run_fast(&one, 1, in, dact, gamma, beta, N, C, H, W);
    #line 528 "book/31-fast-step.nw"
    struct { const char *what; float *a, *b, *c; size_t n; } pair[] = {
        { "act", fast.act, ref.act, one.act, n },          { "mean", fast.mean, ref.mean, one.mean, C },
        { "rstd", fast.rstd, ref.rstd, one.rstd, C },      { "running mean", fast.rmean, ref.rmean, one.rmean, C },
        { "running var", fast.rvar, ref.rvar, one.rvar, C }, { "din", fast.din, ref.din, one.din, n },
        { "dgamma", fast.dgamma, ref.dgamma, one.dgamma, C }, { "dbeta", fast.dbeta, ref.dbeta, one.dbeta, C },
    };
    int same = 1;
    for (size_t k = 0; k < sizeof pair / sizeof pair[0]; k++) {
        double e = fc_rel_err(pair[k].a, pair[k].b, pair[k].n);
        tap_ok(e <= 1e-5, "%s: %s, relative error %.1e", name, pair[k].what, e);
        same &= memcmp(pair[k].a, pair[k].c, pair[k].n * sizeof(float)) == 0;
    }
    tap_ok(same, "%s: 1 and 2 threads give bit-identical results", name);
    #line 550 "book/31-fast-step.nw"
    float *planes = xmalloc((size_t)N * C * 2 * sizeof(float));
    for (size_t p = 0; p < (size_t)N * C; p++)
        bn_plane_statistics(planes + 2 * p, in + p * HW, HW);
    BnResult given = bt_alloc(n, C);
    bn_relu_forward_fast(given.act, in, planes, gamma, beta, given.mean, given.rstd, given.rmean, given.rvar,
                         N, C, H, W, MODE_TRAIN);
    tap_ok(memcmp(given.act, fast.act, n * sizeof(float)) == 0 && memcmp(given.mean, fast.mean, C * sizeof(float)) == 0
           && memcmp(given.rstd, fast.rstd, C * sizeof(float)) == 0
           && memcmp(given.rvar, fast.rvar, C * sizeof(float)) == 0,
           "%s: given the planes' statistics, act, mean, rstd and running var are bit-identical", name);
    bt_free(&given);
    free(planes);
    #line 568 "book/31-fast-step.nw"
    float *eval_ref = xmalloc(n * sizeof(float)), *eval_fast = xmalloc(n * sizeof(float));
    bn_forward(eval_ref, in, gamma, beta, ref.mean, ref.rstd, ref.rmean, ref.rvar, N, C, H, W, MODE_EVAL);
    relu_forward(eval_ref, eval_ref, n);
    bn_relu_forward_fast(eval_fast, in, NULL, gamma, beta, fast.mean, fast.rstd, ref.rmean, ref.rvar, N, C, H, W,
                         MODE_EVAL);
    double e = fc_rel_err(eval_fast, eval_ref, n);
    tap_ok(e <= 1e-5, "%s: evaluation mode, relative error %.1e", name, e);
    free(eval_ref), free(eval_fast);
    #line 513 "book/31-fast-step.nw"
    bt_free(&ref), bt_free(&fast), bt_free(&one);
    free(in), free(dact), free(gamma), free(beta);
}

#line 439 "book/31-fast-step.nw"
int main(void)
{
    Rng rng;
    rng_seed(&rng, 31);
    bt_case(&rng, 3, 2, 3, 4, 0);
    bt_case(&rng, 5, 3, 7, 5, 1);
    bt_case(&rng, 19, 16, 26, 26, 0);
    bt_case(&rng, 33, 32, 6, 6, 1);
    return tap_done();
}
