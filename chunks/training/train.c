#line 31 "book/28-training.nw"
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "data/augment_fast.h"
#include "base/check.h"
#include "training/sgd.h"
#include "training/train.h"
#line 160 "book/28b-checkpoints.nw"
#include <zlib.h>
#include "base/cli.h"
#line 326 "book/28b-checkpoints.nw"
#include <errno.h>
#include <sys/stat.h>
#line 217 "book/28-training.nw"
TrainConfig train_defaults(void)
{
    TrainConfig c = {
        .arch = &arch_main,
        .epochs = 15,
        .batch = 128,
        .lr_max = 0.1,
        .momentum = 0.9,
        .weight_decay = 5e-5,
        .label_smoothing = 0,
        .nesterov = 1,
        .augment = 1,
        .clean_epochs = 0,
        .max_degrees = 7.0,
        .max_shift = 2.0,
        .seed = 1,
        .train_limit = 0,
        .test_limit = 0,
    };
    return c;
}
#line 253 "book/28-training.nw"
TrainConfig train_recipe(const Architecture *arch)
{
    static const struct {
        const Architecture *arch;
        int batch;
        double lr_max, label_smoothing;
        int clean_epochs;
    } recipes[] = {
        { &arch_main, 128, 0.2, 0.1, 3 },
        { &arch_small, 64, 0.2, 0, 3 },
        { &arch_tiny, 64, 0.1, 0, 3 },
        { &arch_wide, 64, 0.2, 0, 3 },
    };
    TrainConfig c = train_defaults();
    c.arch = arch;
    for (size_t k = 0; k < sizeof recipes / sizeof recipes[0]; k++)
        if (recipes[k].arch == arch) {
            c.batch = recipes[k].batch;
            c.lr_max = recipes[k].lr_max;
            c.label_smoothing = recipes[k].label_smoothing;
            c.clean_epochs = recipes[k].clean_epochs;
        }
    return c;
}
#line 481 "book/28-training.nw"
static const double pixel_mean = 0.1307, pixel_std = 0.3081;
#line 499 "book/28-training.nw"
void batch_fill(real *input, int *labels, const Mnist *set, const int *index, int n,
                const TrainConfig *c, int epoch, Mode mode)
{
    /* set images (n_set,28,28) bytes -> input (n,1,28,28), labels (n) */
    #pragma omp parallel for schedule(static)
    for (int b = 0; b < n; b++) {
        const uint8_t *img = set->images + (size_t)index[b] * MNIST_PIXELS;
        real *x = input + (size_t)b * MNIST_PIXELS;
        #line 521 "book/28-training.nw"
        if (mode == MODE_TRAIN && c->augment && epoch <= c->epochs - c->clean_epochs) {
            Rng r;
            rng_seed(&r, c->seed * 1000003u ^ ((uint64_t)epoch << 32) ^ (uint64_t)index[b]);
            augment_random_fast(x, img, MNIST_ROWS, MNIST_COLS, c->max_degrees, c->max_shift, &r);
        } else {
            augment_none(x, img, MNIST_PIXELS);
        }
        #line 508 "book/28-training.nw"
        for (int p = 0; p < MNIST_PIXELS; p++)
            x[p] = (real)((x[p] - pixel_mean) / pixel_std);
        labels[b] = set->labels[index[b]];
    }
}
#line 585 "book/28-training.nw"
static void shuffle(int *index, int n, Rng *rng)
{
    for (int i = n - 1; i > 0; i--) {
        int j = (int)rng_below(rng, (uint64_t)i + 1);
        int t = index[i];
        index[i] = index[j];
        index[j] = t;
    }
}
#line 613 "book/28-training.nw"
double train_lr(const TrainConfig *c, long step, long total_steps)
{
    if (total_steps < 2)
        return c->lr_max / 25;
    return lr_onecycle(step, total_steps, c->lr_max, 0.25, 25, 1e4);
}
#line 636 "book/28-training.nw"
int net_predicted(const Net *net, int b)
{
    const real *lp = net->logp + (size_t)b * 10;
    int best = 0;
    for (int j = 1; j < 10; j++)
        if (lp[j] > lp[best])
            best = j;
    return best;
}

int net_correct(const Net *net, const int *labels, int n)
{
    int correct = 0;
    for (int b = 0; b < n; b++)
        correct += net_predicted(net, b) == labels[b];
    return correct;
}
#line 699 "book/28-training.nw"
void train_state_init(TrainState *s, const TrainConfig *c, const Mnist *train, const Mnist *test)
{
    memset(s, 0, sizeof *s);
    s->config = *c;
    s->n_train = train->n, s->n_test = test->n;
    s->data_crc = train_data_crc(train, test);
    rng_seed(&s->rng, c->seed);
    s->index = xmalloc(sizeof(int) * (size_t)train->n);
    s->log = xcalloc((size_t)c->epochs, sizeof *s->log);
    for (int i = 0; i < train->n; i++)
        s->index[i] = i;
}

void train_state_free(TrainState *s)
{
    free(s->index), free(s->log);
    s->index = NULL, s->log = NULL;
}
#line 762 "book/28-training.nw"
static double wall_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}
#line 775 "book/28-training.nw"
EpochResult train_epoch(Net *net, const Mnist *train, TrainState *s, long total_steps, int *labels,
                        ProgressFn progress, volatile sig_atomic_t *stop)
{
    const TrainConfig *c = &s->config;
    EpochResult r = { .status = EPOCH_DONE };
    long batches = (s->n_train + c->batch - 1) / c->batch;
    double t0 = wall_seconds();
    net->label_smoothing = c->label_smoothing;
    if (s->batch == 0) {
        shuffle(s->index, s->n_train, &s->rng);
        s->loss_sum = 0, s->correct = 0, s->seconds = 0;
    }
    for (long b = s->batch; b < batches; b++) {
        int first = (int)(b * c->batch), n = s->n_train - first < c->batch ? s->n_train - first : c->batch;
        #line 801 "book/28-training.nw"
        batch_fill(net->input, labels, train, s->index + first, n, c, s->epoch + 1, MODE_TRAIN);
        double loss = net_forward(net, labels, n, MODE_TRAIN, &s->rng);
        if (!isfinite(loss)) {
            r.status = EPOCH_DIVERGED, r.bad_batch = b + 1, r.loss = loss;
            return r;
        }
        net_backward(net, labels, n);
        r.lr = train_lr(c, s->step, total_steps);
        sgd_step(net->params, net->velocity, net->grads, net->nparams, r.lr, c->momentum,
                 c->weight_decay, c->nesterov);
        s->step++;
        s->loss_sum += loss * n;
        s->correct += net_correct(net, labels, n);
        #line 790 "book/28-training.nw"
        if (progress)
            progress(s->epoch + 1, b + 1, batches, s->loss_sum / (first + n),
                     (double)s->correct / (first + n));
        #line 817 "book/28-training.nw"
        if (stop && *stop && b + 1 < batches) {
            s->batch = b + 1;
            s->seconds += wall_seconds() - t0;
            r.status = EPOCH_STOPPED;
            return r;
        }
    #line 794 "book/28-training.nw"
    }
    #line 826 "book/28-training.nw"
    s->seconds += wall_seconds() - t0;
    r.loss = s->loss_sum / s->n_train;
    r.accuracy = (double)s->correct / s->n_train;
    r.seconds = s->seconds;
    s->epoch++, s->batch = 0;
    #line 796 "book/28-training.nw"
    return r;
}
#line 852 "book/28-training.nw"
EvalResult net_evaluate(Net *net, const Mnist *set, int n_set, int *labels, int *index)
{
    EvalResult r;
    memset(&r, 0, sizeof r);
    TrainConfig none = train_defaults();
    none.augment = 0;
    long correct = 0;
    for (int first = 0; first < n_set; first += net->N) {
        int n = n_set - first < net->N ? n_set - first : net->N;
        for (int b = 0; b < n; b++)
            index[b] = first + b;
        batch_fill(net->input, labels, set, index, n, &none, 0, MODE_EVAL);
        r.loss += net_forward(net, labels, n, MODE_EVAL, NULL) * n;
        #line 874 "book/28-training.nw"
        for (int b = 0; b < n; b++) {
            int p = net_predicted(net, b);
            r.confusion[labels[b]][p]++;
            correct += p == labels[b];
        }
    #line 866 "book/28-training.nw"
    }
    r.loss /= n_set;
    r.accuracy = (double)correct / n_set;
    return r;
}
#line 70 "book/28b-checkpoints.nw"
static void net_layout(char *buf, size_t size, const Net *net)
{
    size_t len = 0;
    buf[0] = '\0';
    for (int l = 0; l < net->nlayers; l++) {
        const Layer *L = &net->layer[l];
        if (L->spec.kind == LAYER_CONV)
            len += (size_t)snprintf(buf + len, size - len, "conv w %dx%dx%dx%d pad %d bn %d drop %g; ",
                                    L->K, L->C, L->spec.R, L->spec.R, L->spec.pad,
                                    L->spec.bn_relu ? L->K : 0, L->spec.dropout);
        else
            len += (size_t)snprintf(buf + len, size - len, "%s; ", L->spec.kind == LAYER_MAXPOOL ? "maxpool" : "gap");
        CHECK(len < size);
    }
}
#line 110 "book/28b-checkpoints.nw"
static StateRecord state_record(const TrainState *s)
{
    const TrainConfig *c = &s->config;
    StateRecord r = {
        .epochs = c->epochs,
        .batch = c->batch,
        .nesterov = c->nesterov,
        .augment = c->augment,
        .clean_epochs = c->clean_epochs,
        .train_limit = c->train_limit,
        .test_limit = c->test_limit,
        .lr_max = c->lr_max,
        .momentum = c->momentum,
        .weight_decay = c->weight_decay,
        .max_degrees = c->max_degrees,
        .max_shift = c->max_shift,
        .label_smoothing = c->label_smoothing,
        .seed = c->seed,
        .threads = s->threads,
        .n_train = s->n_train,
        .n_test = s->n_test,
        .data_crc = s->data_crc,
        .epoch = s->epoch,
        .batch_done = s->batch,
        .step = s->step,
        .correct = s->correct,
        .loss_sum = s->loss_sum,
        .seconds = s->seconds,
        .rng = { s->rng.s[0], s->rng.s[1], s->rng.s[2], s->rng.s[3] },
    };
    return r;
}

static uint64_t state_bytes(uint64_t nparams, uint64_t n_train, uint64_t epochs_done)
{
    return nparams * sizeof(real) + sizeof(StateRecord) + n_train * sizeof(int32_t)
           + epochs_done * 7 * sizeof(double);
}
#line 163 "book/28b-checkpoints.nw"
static void put(CliOutput *o, uLong *crc, const void *p, size_t n)
{
    fwrite(p, 1, n, o->fp);
    *crc = crc32(*crc, (const Bytef *)p, (uInt)n);
}
#line 177 "book/28b-checkpoints.nw"
int model_save(const Net *net, const TrainState *s, const char *path)
{
    ModelHeader h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, "BPBHMDL1", 8);
    h.version = 4, h.real_size = sizeof(real);
    snprintf(h.arch, sizeof h.arch, "%s", net->arch->name);
    net_layout(h.layout, sizeof h.layout, net);
    h.nparams = net->nparams, h.nstats = net->nstats;
    h.state_bytes = s ? state_bytes(net->nparams, (uint64_t)s->n_train, (uint64_t)s->epoch) : 0;
    CliOutput o;
    if (cli_output_open(&o, path) != 0)
        return -1;
    uLong crc = crc32(0L, Z_NULL, 0);
    put(&o, &crc, &h, sizeof h);
    put(&o, &crc, net->params, net->nparams * sizeof(real));
    put(&o, &crc, net->stats, net->nstats * sizeof(real));
    if (s) {
        #line 208 "book/28b-checkpoints.nw"
        StateRecord rec = state_record(s);
        put(&o, &crc, net->velocity, net->nparams * sizeof(real));
        put(&o, &crc, &rec, sizeof rec);
        put(&o, &crc, s->index, (size_t)s->n_train * sizeof(int32_t));
        for (int e = 0; e < s->epoch; e++) {
            const EpochLog *l = &s->log[e];
            double row[7] = { l->epoch, l->seconds, l->lr, l->train_loss, l->train_acc, l->test_loss, l->test_acc };
            put(&o, &crc, row, sizeof row);
        }
    #line 196 "book/28b-checkpoints.nw"
    }
    uint32_t c32 = (uint32_t)crc;
    fwrite(&c32, sizeof c32, 1, o.fp);
    return cli_output_commit(&o);
}
#line 329 "book/28b-checkpoints.nw"
static const char *read_model_file(unsigned char **buf, size_t *size, const char *path)
{
    static char why[160];
    struct stat st;
    FILE *f = fopen(path, "rb");
    if (!f || fstat(fileno(f), &st) != 0) {
        snprintf(why, sizeof why, "cannot open: %s", strerror(errno));
        if (f)
            fclose(f);
        return why;
    }
    #line 355 "book/28b-checkpoints.nw"
    if (!S_ISREG(st.st_mode) || st.st_size > MODEL_MAX_BYTES) {
        fclose(f);
        return S_ISREG(st.st_mode) ? "larger than 64 MiB, far larger than a model of this book: not a model file"
                                   : "not a regular file";
    }
    #line 341 "book/28b-checkpoints.nw"
    *size = (size_t)st.st_size;
    *buf = xmalloc(*size > 0 ? *size : 1);
    size_t got = fread(*buf, 1, *size, f);
    int failed = ferror(f);
    fclose(f);
    if (failed || got != *size) {
        snprintf(why, sizeof why, "read error: %s", failed ? strerror(errno) : "file changed while reading");
        return why;
    }
    return NULL;
}
#line 367 "book/28b-checkpoints.nw"
static const char *check_header(ModelHeader *h, const unsigned char *buf, size_t size)
{
    if (size < 8 || memcmp(buf, "BPBHMDL1", 8) != 0)
        return "not a model file (bad magic)";
    if (size < sizeof *h + 4)
        return "truncated: shorter than a model header";
    memcpy(h, buf, sizeof *h);
    if (h->version != 4)
        return "unsupported model format version (this mnistnet reads version 4; train the model again)";
    if (h->real_size != sizeof(real))
        return "model stores numbers of another size";
    if (h->nparams > MODEL_MAX_BYTES || h->nstats > MODEL_MAX_BYTES || h->state_bytes > MODEL_MAX_BYTES)
        return "header claims more numbers than any model of this book has (a corrupted header?)";
    uint64_t want = sizeof *h + (h->nparams + h->nstats) * sizeof(real) + h->state_bytes + 4;
    if (size < want)
        return "truncated: shorter than its header says";
    if (size > want)
        return "trailing bytes after the checksum";
    #line 391 "book/28b-checkpoints.nw"
    uint32_t stored;
    memcpy(&stored, buf + size - 4, 4);
    if ((uint32_t)crc32(crc32(0L, Z_NULL, 0), buf, (uInt)(size - 4)) != stored)
        return "checksum mismatch (the file is corrupted)";
    #line 386 "book/28b-checkpoints.nw"
    return NULL;
}
#line 398 "book/28b-checkpoints.nw"
static const char *check_arch(Net **net, const ModelHeader *h, int N)
{
    const Architecture *arch = NULL;
    char layout[sizeof h->layout] = { 0 };
    if (memchr(h->arch, '\0', sizeof h->arch) == NULL || (arch = arch_find(h->arch)) == NULL)
        return "made for an unknown architecture (this mnistnet has main and small)";
    *net = net_create(arch, N);
    net_layout(layout, sizeof layout, *net);
    if (memcmp(layout, h->layout, sizeof layout) != 0)
        return "made for another architecture: its layers differ from this mnistnet's network of "
               "that name";
    if (h->nparams != (*net)->nparams || h->nstats != (*net)->nstats)
        return "parameter counts do not match its architecture";
    return NULL;
}
#line 429 "book/28b-checkpoints.nw"
static const char *load_state(TrainState *s, Net *net, const ModelHeader *h, const unsigned char *p)
{
    StateRecord r;
    if (h->state_bytes == 0)
        return "holds a model without training state, so it cannot be resumed";
    if (h->state_bytes < state_bytes(h->nparams, 0, 0))
        return "training state is too short";
    memcpy(net->velocity, p, net->nparams * sizeof(real));
    memcpy(&r, p + net->nparams * sizeof(real), sizeof r);
    #line 446 "book/28b-checkpoints.nw"
    long batches = r.batch >= 1 && r.batch <= 4096 && r.n_train >= 1 && r.n_train <= MNIST_MAX_COUNT
                  ? (long)((r.n_train + r.batch - 1) / r.batch) : 0;
    if (r.epochs < 1 || r.epochs > 1000 || r.batch < 1 || r.batch > 4096 || r.n_train < 1
        || r.n_train > MNIST_MAX_COUNT || r.n_test < 1 || r.n_test > MNIST_MAX_COUNT
        || r.train_limit < 0 || r.train_limit > MNIST_MAX_COUNT || r.test_limit < 0
        || r.test_limit > MNIST_MAX_COUNT || r.threads < 1 || r.threads > 256
        || (r.nesterov != 0 && r.nesterov != 1) || (r.augment != 0 && r.augment != 1)
        || r.clean_epochs < 0 || r.clean_epochs > 1000
        || !(r.lr_max > 0 && r.lr_max <= 10) || !(r.momentum >= 0 && r.momentum < 1)
        || !(r.weight_decay >= 0 && r.weight_decay < 1) || !(r.max_degrees >= 0 && r.max_degrees <= 180)
        || !(r.max_shift >= 0 && r.max_shift <= 28) || !(r.label_smoothing >= 0 && r.label_smoothing < 1)
        || r.seed > 2147483647u)
        return "training state holds settings out of range";
    if (r.epoch < 0 || r.epoch > r.epochs || r.batch_done < 0 || r.batch_done >= batches
        || (r.epoch == r.epochs && r.batch_done != 0) || r.step != r.epoch * batches + r.batch_done
        || r.correct < 0 || r.correct > r.n_train || !(r.loss_sum >= 0 && r.loss_sum < 1e300)
        || !(r.seconds >= 0 && r.seconds < 1e300))
        return "training state holds an impossible position in the run";
    if (h->state_bytes != state_bytes(h->nparams, (uint64_t)r.n_train, (uint64_t)r.epoch))
        return "training state has the wrong size for its run";
    #line 469 "book/28b-checkpoints.nw"
    memset(s, 0, sizeof *s);
    s->config = (TrainConfig){
        .arch = net->arch,
        .epochs = (int)r.epochs,
        .batch = (int)r.batch,
        .lr_max = r.lr_max,
        .momentum = r.momentum,
        .weight_decay = r.weight_decay,
        .nesterov = (int)r.nesterov,
        .augment = (int)r.augment,
        .clean_epochs = (int)r.clean_epochs,
        .max_degrees = r.max_degrees,
        .max_shift = r.max_shift,
        .label_smoothing = r.label_smoothing,
        .seed = r.seed,
        .train_limit = (int)r.train_limit,
        .test_limit = (int)r.test_limit,
    };
    s->threads = (int)r.threads, s->n_train = (int)r.n_train, s->n_test = (int)r.n_test;
    s->data_crc = (uint32_t)r.data_crc;
    s->epoch = (int)r.epoch, s->batch = r.batch_done, s->step = r.step, s->correct = r.correct;
    s->loss_sum = r.loss_sum, s->seconds = r.seconds;
    memcpy(s->rng.s, r.rng, sizeof r.rng);
    #line 499 "book/28b-checkpoints.nw"
    const unsigned char *q = p + net->nparams * sizeof(real) + sizeof r;
    s->index = xmalloc(sizeof(int) * (size_t)s->n_train);
    s->log = xcalloc((size_t)s->config.epochs, sizeof *s->log);
    unsigned char *seen = xcalloc((size_t)s->n_train, 1);
    memcpy(s->index, q, sizeof(int32_t) * (size_t)s->n_train);
    int bad = 0;
    for (int i = 0; i < s->n_train && !bad; i++) {
        bad = s->index[i] < 0 || s->index[i] >= s->n_train || seen[s->index[i]];
        if (!bad)
            seen[s->index[i]] = 1;
    }
    free(seen);
    q += sizeof(int32_t) * (size_t)s->n_train;
    for (int e = 0; e < s->epoch && !bad; e++, q += 7 * sizeof(double)) {
        double row[7];
        memcpy(row, q, sizeof row);
        bad = row[0] != e + 1;
        if (!bad)
            s->log[e] = (EpochLog){ .epoch = e + 1, .seconds = row[1], .lr = row[2], .train_loss = row[3],
                                    .train_acc = row[4], .test_loss = row[5], .test_acc = row[6] };
    }
    if (bad) {
        train_state_free(s);
        return "training state is inconsistent (image order or log)";
    }
    #line 441 "book/28b-checkpoints.nw"
    return NULL;
}
#line 279 "book/28b-checkpoints.nw"
Net *model_read(const unsigned char *buf, size_t size, const char *name, int N, TrainState *s,
                char *err, size_t errlen)
{
    ModelHeader h;
    Net *net = NULL;
    const char *problem = check_header(&h, buf, size);
    if (!problem)
        problem = check_arch(&net, &h, N);
    if (!problem)
        #line 315 "book/28b-checkpoints.nw"
        {
            memcpy(net->params, buf + sizeof h, net->nparams * sizeof(real));
            memcpy(net->stats, buf + sizeof h + net->nparams * sizeof(real), net->nstats * sizeof(real));
        }
    #line 289 "book/28b-checkpoints.nw"
    if (!problem && s)
        problem = load_state(s, net, &h, buf + sizeof h + (h.nparams + h.nstats) * sizeof(real));
    if (problem) {
        snprintf(err, errlen, "%s: %s", name, problem);
        net_free(net);
        return NULL;
    }
    return net;
}

Net *model_load(const char *path, int N, TrainState *s, char *err, size_t errlen)
{
    unsigned char *buf = NULL;
    size_t size = 0;
    Net *net = NULL;
    const char *problem = read_model_file(&buf, &size, path);
    if (problem)
        snprintf(err, errlen, "%s: %s", path, problem);
    else
        net = model_read(buf, size, path, N, s, err, errlen);
    free(buf);
    return net;
}
#line 684 "book/28b-checkpoints.nw"
uint32_t train_data_crc(const Mnist *train, const Mnist *test)
{
    uLong crc = crc32(0L, Z_NULL, 0);
    const Mnist *set[2] = { train, test };
    for (int k = 0; k < 2; k++) {
        if (set[k]->n == 0)
            continue;
        crc = crc32(crc, set[k]->images, (uInt)((size_t)set[k]->n * MNIST_PIXELS));
        crc = crc32(crc, set[k]->labels, (uInt)set[k]->n);
    }
    return (uint32_t)crc;
}
