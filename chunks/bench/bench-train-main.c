#line 977 "book/31-fast-step.nw"
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include "bench/bench.h"
#include "base/check.h"
#include "base/cli.h"
#include "training/train.h"
#line 1155 "book/31-fast-step.nw"
typedef struct {
    const char *name;   /* the kernels, as the rows name them */
    Kernels kernels;
    int threads;
    Mode mode;          /* MODE_TRAIN: train_epoch; MODE_EVAL: net_evaluate */
    int batches;
    double best;        /* the best time so far, in seconds */
    LayerTimes *times;  /* NULL, or the network's clocks for the profile (added to, not reset) */
} Measure;
#line 1245 "book/31-fast-step.nw"
enum { PLAIN_T, FAST_CONV_T, FAST_1, FAST_T, INFER_1, INFER_T, NMEASURES };
#line 1398 "book/31-fast-step.nw"
enum { MAX_ROWS = 400 };
#line 1052 "book/31-fast-step.nw"
enum { FMA_CHAINS = 12 };

#pragma GCC push_options
#pragma GCC optimize("O2", "fp-contract=fast")
#if defined(__x86_64__)
__attribute__((target("arch=x86-64-v4"), noinline))
static float fma_chains_avx512(long iterations, int *lanes)
{
    typedef float vec __attribute__((vector_size(64)));
    #line 1018 "book/31-fast-step.nw"
    enum { VL = sizeof(vec) / sizeof(float) };
    vec acc[FMA_CHAINS], mul, add;
    for (int l = 0; l < VL; l++)
        mul[l] = 0.999999f, add[l] = 1e-6f;
    for (int j = 0; j < FMA_CHAINS; j++)
        for (int l = 0; l < VL; l++)
            acc[j][l] = (float)j + 0.01f * l;
    for (long it = 0; it < iterations; it++) {
        #pragma GCC unroll 12
        for (int j = 0; j < FMA_CHAINS; j++)
            acc[j] = acc[j] * mul + add;
    }
    float sum = 0;
    for (int j = 0; j < FMA_CHAINS; j++)
        for (int l = 0; l < VL; l++)
            sum += acc[j][l];
    *lanes = VL;
    return sum;
#line 1062 "book/31-fast-step.nw"
}

__attribute__((target("avx2,fma"), noinline))
static float fma_chains_avx2(long iterations, int *lanes)
{
    typedef float vec __attribute__((vector_size(32)));
    #line 1018 "book/31-fast-step.nw"
    enum { VL = sizeof(vec) / sizeof(float) };
    vec acc[FMA_CHAINS], mul, add;
    for (int l = 0; l < VL; l++)
        mul[l] = 0.999999f, add[l] = 1e-6f;
    for (int j = 0; j < FMA_CHAINS; j++)
        for (int l = 0; l < VL; l++)
            acc[j][l] = (float)j + 0.01f * l;
    for (long it = 0; it < iterations; it++) {
        #pragma GCC unroll 12
        for (int j = 0; j < FMA_CHAINS; j++)
            acc[j] = acc[j] * mul + add;
    }
    float sum = 0;
    for (int j = 0; j < FMA_CHAINS; j++)
        for (int l = 0; l < VL; l++)
            sum += acc[j][l];
    *lanes = VL;
    return sum;
#line 1069 "book/31-fast-step.nw"
}
#endif

__attribute__((noinline))
static float fma_chains_generic(long iterations, int *lanes)
{
    typedef float vec __attribute__((vector_size(16)));
    #line 1018 "book/31-fast-step.nw"
    enum { VL = sizeof(vec) / sizeof(float) };
    vec acc[FMA_CHAINS], mul, add;
    for (int l = 0; l < VL; l++)
        mul[l] = 0.999999f, add[l] = 1e-6f;
    for (int j = 0; j < FMA_CHAINS; j++)
        for (int l = 0; l < VL; l++)
            acc[j][l] = (float)j + 0.01f * l;
    for (long it = 0; it < iterations; it++) {
        #pragma GCC unroll 12
        for (int j = 0; j < FMA_CHAINS; j++)
            acc[j] = acc[j] * mul + add;
    }
    float sum = 0;
    for (int j = 0; j < FMA_CHAINS; j++)
        for (int l = 0; l < VL; l++)
            sum += acc[j][l];
    *lanes = VL;
    return sum;
#line 1077 "book/31-fast-step.nw"
}
#pragma GCC pop_options

static float fma_chains(long iterations, int *lanes)
{
#if defined(__x86_64__)
    if (__builtin_cpu_supports("x86-64-v4"))
        return fma_chains_avx512(iterations, lanes);
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
        return fma_chains_avx2(iterations, lanes);
#endif
    return fma_chains_generic(iterations, lanes);
}
#line 1097 "book/31-fast-step.nw"
static double fma_peak(int threads)
{
    const long iterations = 20000000;
    volatile float sink = 0;
    double best = 1e30;
    int lanes = 0;
    for (int rep = 0; rep < 3; rep++) {
        double t0 = omp_get_wtime();
        #pragma omp parallel num_threads(threads)
        {
            int l;
            float s = fma_chains(iterations, &l);
            #pragma omp atomic
            sink += s;
            #pragma omp single nowait
            lanes = l;
        }
        double t = omp_get_wtime() - t0;
        best = t < best ? t : best;
    }
    (void)sink;
    return 2.0 * lanes * FMA_CHAINS * iterations * threads / best * 1e-9;
}
#line 1132 "book/31-fast-step.nw"
static double flops_per_image(const Net *net, Mode mode)
{
    double flops = 0;
    for (int l = 0; l < net->nlayers; l++) {
        const Layer *L = &net->layer[l];
        if (L->spec.kind != LAYER_CONV)
            continue;
        double f = 2.0 * L->K * L->C * L->spec.R * L->spec.R * L->Ho * L->Wo;
        flops += mode == MODE_TRAIN ? (l == 0 ? 2 * f : 3 * f) : f;
    }
    return flops;
}
#line 1167 "book/31-fast-step.nw"
static double time_once(const Measure *m, const Mnist *train, const Mnist *test, int *index, int *labels)
{
    omp_set_num_threads(m->threads);
    TrainConfig c = train_defaults();
    Net *net = net_create(c.arch, c.batch);
    Rng rng;
    rng_seed(&rng, 1);
    net_init(net, &rng);
    net->kernels = m->kernels;
    int images = m->batches * c.batch;
    #line 1199 "book/31-fast-step.nw"
    Mnist first = *train;
    first.n = c.batch;
    TrainState warm;
    train_state_init(&warm, &c, &first, test);
    if (m->mode == MODE_TRAIN)
        train_epoch(net, &first, &warm, 2, labels, NULL, NULL);
    else
        net_evaluate(net, test, c.batch, labels, index);
    train_state_free(&warm);
    #line 1178 "book/31-fast-step.nw"
    net->times = m->times, net->clock = omp_get_wtime;
    Mnist part = *train;
    part.n = images;
    TrainState s;
    train_state_init(&s, &c, &part, test);
    double t0 = omp_get_wtime();
    if (m->mode == MODE_TRAIN)
        train_epoch(net, &part, &s, m->batches, labels, NULL, NULL);
    else
        net_evaluate(net, test, images, labels, index);
    double t = omp_get_wtime() - t0;
    train_state_free(&s);
    net_free(net);
    return t;
}
#line 1297 "book/31-fast-step.nw"
static double per_second(const Measure *m)
{
    return (double)m->batches * 128 / m->best;
}

#line 989 "book/31-fast-step.nw"
int main(int argc, char **argv)
{
    #line 1497 "book/31-fast-step.nw"
    cli_program = "bench-train";
    const char *data = NULL, *csv = NULL;
    long batches = 40;
    for (int i = 1; i < argc; i++) {
        const char *v;
        if (strcmp(argv[i], "--help") == 0) {
            printf("usage: bench-train --data DIR [--batches B] [--csv FILE]\n");
            return cli_finish_stdout(0);
        }
        if (cli_flag(argc, argv, &i, "--data", &v))
            data = v;
        else if (cli_flag(argc, argv, &i, "--csv", &v))
            csv = v;
        else if (cli_flag(argc, argv, &i, "--batches", &v)) {
            if (cli_parse_long(v, 1, 78, &batches) != 0)
                cli_usage_error("--batches: '%s' is not a whole number from 1 to 78", v);
        } else
            cli_usage_error("'%s' is not an option (--data DIR, --batches B, --csv FILE)", argv[i]);
    }
    if (data == NULL)
        cli_usage_error("needs --data DIR, the directory with the MNIST files");
    #line 1525 "book/31-fast-step.nw"
    Mnist train, test;
    char err[512];
    if (mnist_load(&train, data, "train", err, sizeof err) != 0 ||
        mnist_load(&test, data, "t10k", err, sizeof err) != 0) {
        fprintf(stderr, "bench-train: %s\n", err);
        return 1;
    }
    if (batches * 128 > train.n || batches * 128 > test.n) {
        fprintf(stderr, "bench-train: --batches %ld needs %ld training and test images; %s has %d and %d\n",
                batches, batches * 128, data, train.n, test.n);
        return 1;
    }
    int *index = xmalloc(128 * sizeof *index), *labels = xmalloc(128 * sizeof *labels);
    #line 1541 "book/31-fast-step.nw"
    double peak1 = fma_peak(1), peakT = fma_peak(omp_get_max_threads());
    printf("bench-train: main network, batch 128, %ld batches per measurement, %d threads\n",
           batches, omp_get_max_threads());
    #line 1219 "book/31-fast-step.nw"
    int T = omp_get_max_threads();
    int plain_batches = batches / 4 > 2 ? batches / 4 : 2;
    Measure m[] = {
        [PLAIN_T]     = { "plain",     KERNELS_PLAIN,     .threads = T, .mode = MODE_TRAIN, .batches = plain_batches },
        [FAST_CONV_T] = { "fast-conv", KERNELS_FAST_CONV, .threads = T, .mode = MODE_TRAIN, .batches = batches },
        [FAST_1]      = { "fast",      KERNELS_FAST,      .threads = 1, .mode = MODE_TRAIN, .batches = batches },
        [FAST_T]      = { "fast",      KERNELS_FAST,      .threads = T, .mode = MODE_TRAIN, .batches = batches },
        [INFER_1]     = { "fast",      KERNELS_FAST,      .threads = 1, .mode = MODE_EVAL,  .batches = batches },
        [INFER_T]     = { "fast",      KERNELS_FAST,      .threads = T, .mode = MODE_EVAL,  .batches = batches },
    };
    for (int k = 0; k < NMEASURES; k++)
        m[k].best = 1e30;
    for (int round = 0; round < 3; round++)
        for (int k = 0; k < NMEASURES; k++) {
            if (T == 1 && (k == FAST_T || k == INFER_T))
                continue;
            double t = time_once(&m[k], &train, &test, index, labels);
            m[k].best = t < m[k].best ? t : m[k].best;
        }
    #line 1338 "book/31-fast-step.nw"
    const Architecture *arch = train_defaults().arch;
    LayerTimes *times = xcalloc((size_t)arch->nlayers + 1, sizeof *times);
    Measure profile = { "fast", KERNELS_FAST, .threads = T, .mode = MODE_TRAIN, .batches = batches,
                        .times = times };
    double t_profile = time_once(&profile, &train, &test, index, labels);
    #line 1263 "book/31-fast-step.nw"
    Net *shape = net_create(train_defaults().arch, 1);
    double f_train = flops_per_image(shape, MODE_TRAIN), f_infer = flops_per_image(shape, MODE_EVAL);
    net_free(shape);
    BenchRow rows[MAX_ROWS];
    int nr = 0;
    rows[nr++] = (BenchRow){ .measure = "setup", .kernels = "batches", .threads = T, .unit = "count",
                             .value = (double)batches };
    rows[nr++] = (BenchRow){ "setup", "flops", T, "tflop_per_epoch", f_train * 60000 * 1e-12 };
    rows[nr++] = (BenchRow){ "peak", "fma", 1, "gflop_s", peak1 };
    rows[nr++] = (BenchRow){ "peak", "fma", T, "gflop_s", peakT };
    for (int k = 0; k < NMEASURES; k++) {
        if (T == 1 && (k == FAST_T || k == INFER_T))
            continue;
        #line 1286 "book/31-fast-step.nw"
        const char *what = m[k].mode == MODE_TRAIN ? "train" : "infer";
        double rate = per_second(&m[k]);
        double gflops = rate * (m[k].mode == MODE_TRAIN ? f_train : f_infer) * 1e-9;
        double peak = m[k].threads == 1 ? peak1 : peakT;
        rows[nr++] = (BenchRow){ what, m[k].name, m[k].threads, "images_per_s", rate };
        rows[nr++] = (BenchRow){ what, m[k].name, m[k].threads, "s_per_epoch", 60000 / rate };
        rows[nr++] = (BenchRow){ what, m[k].name, m[k].threads, "gflop_s", gflops };
        rows[nr++] = (BenchRow){ what, m[k].name, m[k].threads, "percent_of_peak", 100 * gflops / peak };
    #line 1277 "book/31-fast-step.nw"
    }
    #line 1309 "book/31-fast-step.nw"
    int fast_T = T > 1 ? FAST_T : FAST_1;
    rows[nr++] = (BenchRow){ "train", "fast", T, "scaling", per_second(&m[fast_T]) / per_second(&m[FAST_1]) };
    rows[nr++] = (BenchRow){ "train", "fast-conv", T, "speedup", per_second(&m[FAST_CONV_T]) / per_second(&m[PLAIN_T]) };
    rows[nr++] = (BenchRow){ "train", "fast", T, "speedup", per_second(&m[fast_T]) / per_second(&m[PLAIN_T]) };
    rows[nr++] = (BenchRow){ "train", "fast", T, "speedup_over_fast_conv",
                        per_second(&m[fast_T]) / per_second(&m[FAST_CONV_T]) };
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    rows[nr++] = (BenchRow){ "memory", "peak_rss", T, "mb", ru.ru_maxrss / 1024.0 };
    #line 1355 "book/31-fast-step.nw"
    static char names[MAX_ROWS][32];
    static const char *pass_name[NPASSES] = { "forward", "backward_data", "backward_weights",
                                              "rest_forward", "rest_backward" };
    Net *shape1 = net_create(arch, 1);
    double seen = 0, per_batch = 1e3 / batches, conv_seconds = 0, conv_flops = 0;
    for (int l = 0; l <= arch->nlayers; l++)
        for (int p = 0; p < NPASSES; p++) {
            double sec = times[l].seconds[p];
            if (sec <= 0 || nr + 4 > MAX_ROWS)
                continue;
            seen += sec;
            char *name = names[nr];
            if (l < arch->nlayers)
                snprintf(name, sizeof names[nr], "layer%d.%s", l + 1, pass_name[p]);
            else
                snprintf(name, sizeof names[nr], "loss.%s", pass_name[p]);
            rows[nr++] = (BenchRow){ "profile", name, T, "ms_per_batch", sec * per_batch };
            rows[nr++] = (BenchRow){ "profile", name, T, "percent_of_step", 100 * sec / t_profile };
            if (l < arch->nlayers && p < PASS_REST_FORWARD) {
                #line 1388 "book/31-fast-step.nw"
                const Layer *L = &shape1->layer[l];
                double flops = 2.0 * L->K * L->C * L->spec.R * L->spec.R * L->Ho * L->Wo * 128 * batches;
                conv_seconds += sec, conv_flops += flops;
                rows[nr++] = (BenchRow){ "profile", name, T, "gflop_s", flops / sec * 1e-9 };
                rows[nr++] = (BenchRow){ "profile", name, T, "percent_of_peak", 100 * flops / sec * 1e-9 / peakT };
            #line 1375 "book/31-fast-step.nw"
            }
        }
    rows[nr++] = (BenchRow){ "profile", "conv", T, "percent_of_step", 100 * conv_seconds / t_profile };
    rows[nr++] = (BenchRow){ "profile", "conv", T, "gflop_s", conv_flops / conv_seconds * 1e-9 };
    rows[nr++] = (BenchRow){ "profile", "conv", T, "percent_of_peak", 100 * conv_flops / conv_seconds * 1e-9 / peakT };
    rows[nr++] = (BenchRow){ "profile", "step.rest", T, "ms_per_batch", (t_profile - seen) * per_batch };
    rows[nr++] = (BenchRow){ "profile", "step.rest", T, "percent_of_step", 100 * (t_profile - seen) / t_profile };
    rows[nr++] = (BenchRow){ "profile", "step", T, "ms_per_batch", t_profile * per_batch };
    net_free(shape1);
    free(times);
    #line 1280 "book/31-fast-step.nw"
    bench_rows_print(stdout, rows, nr);
    if (csv != NULL && bench_rows_write(csv, rows, nr) != 0)
        return 1;
    #line 997 "book/31-fast-step.nw"
    return cli_finish_stdout(0);
}
