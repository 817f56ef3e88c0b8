#line 22 "book/28-training.nw"
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include "augment.h"
#include "check.h"
#include "cli.h"
#include "sgd.h"
#include "train.h"
#line 67 "book/28-training.nw"
TrainConfig train_defaults(void)
{
    TrainConfig c = { &arch_main, 15, 128, 0.1, 0.9, 5e-5, 1, 1, 7.0, 2.0, 1, 0, 0 };
    return c;
}
#line 85 "book/28-training.nw"
static const double pixel_mean = 0.1307, pixel_std = 0.3081;
#line 100 "book/28-training.nw"
void batch_fill(real *input, int *labels, const Mnist *set, const int *index, int n,
                const TrainConfig *c, int epoch, int training)
{
    /* set images (n_set,28,28) bytes -> input (n,1,28,28), labels (n) */
    #pragma omp parallel for schedule(static)
    for (int b = 0; b < n; b++) {
        const uint8_t *img = set->images + (size_t)index[b] * MNIST_PIXELS;
        real *x = input + (size_t)b * MNIST_PIXELS;
        
#line 117 "book/28-training.nw"
if (training && c->augment) {
    Rng r;
    rng_seed(&r, c->seed * 1000003u ^ ((uint64_t)epoch << 32) ^ (uint64_t)index[b]);
    augment_random(x, img, MNIST_ROWS, MNIST_COLS, c->max_degrees, c->max_shift, &r);
} else {
    augment_none(x, img, MNIST_PIXELS);
}
#line 109 "book/28-training.nw"
        for (int p = 0; p < MNIST_PIXELS; p++)
            x[p] = (real)((x[p] - pixel_mean) / pixel_std);
        labels[b] = set->labels[index[b]];
    }
}
#line 135 "book/28-training.nw"
static void shuffle(int *index, int n, Rng *rng)
{
    for (int i = n - 1; i > 0; i--) {
        int j = (int)rng_below(rng, (uint64_t)i + 1);
        int t = index[i];
        index[i] = index[j];
        index[j] = t;
    }
}
#line 158 "book/28-training.nw"
double train_lr(const TrainConfig *c, long step, long total_steps)
{
    return lr_onecycle(step, total_steps, c->lr_max, 0.25, 25, 1e4);
}
#line 188 "book/28-training.nw"
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
#line 218 "book/28-training.nw"
EpochResult train_epoch(Net *net, const Mnist *train, int *index, int n_train, const TrainConfig *c,
                        int epoch, long *step, long total_steps, Rng *rng, int *labels,
                        ProgressFn progress)
{
    EpochResult r = { 0, 0, 0, 0 };
    double loss_sum = 0;
    long correct = 0, batches = (n_train + c->batch - 1) / c->batch;
    shuffle(index, n_train, rng);
    for (long b = 0; b < batches; b++) {
        int first = (int)(b * c->batch), n = n_train - first < c->batch ? n_train - first : c->batch;
        
#line 239 "book/28-training.nw"
batch_fill(net->input, labels, train, index + first, n, c, epoch, 1);
double loss = net_forward(net, labels, n, 1, rng);
net_backward(net, labels, n);
r.lr = train_lr(c, *step, total_steps);
sgd_step(net->params, net->velocity, net->grads, net->nparams, r.lr, c->momentum,
         c->weight_decay, c->nesterov);
++*step;
loss_sum += loss * n;
correct += net_correct(net, labels, n);
#line 229 "book/28-training.nw"
        if (progress)
            progress(epoch, b + 1, batches, loss_sum / (first + n), (double)correct / (first + n));
    }
    r.loss = loss_sum / n_train;
    r.accuracy = (double)correct / n_train;
    return r;
}
#line 268 "book/28-training.nw"
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
        batch_fill(net->input, labels, set, index, n, &none, 0, 0);
        r.loss += net_forward(net, labels, n, 0, NULL) * n;
        
#line 290 "book/28-training.nw"
for (int b = 0; b < n; b++) {
    int p = net_predicted(net, b);
    r.confusion[labels[b]][p]++;
    correct += p == labels[b];
}
#line 282 "book/28-training.nw"
    }
    r.loss /= n_set;
    r.accuracy = (double)correct / n_set;
    return r;
}
#line 334 "book/28-training.nw"
int model_save(const Net *net, const char *path)
{
    ModelHeader h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, "BPBHMDL1", 8);
    h.version = 1;
    snprintf(h.arch, sizeof h.arch, "%s", net->arch->name);
    h.nparams = net->nparams, h.nstats = net->nstats, h.real_size = sizeof(real);
    Output o;
    if (cli_output_open(&o, path) != 0)
        return -1;
    uLong crc = crc32(0L, Z_NULL, 0);
    
#line 354 "book/28-training.nw"
fwrite(&h, sizeof h, 1, o.fp);
crc = crc32(crc, (const Bytef *)&h, sizeof h);
fwrite(net->params, sizeof(real), net->nparams, o.fp);
crc = crc32(crc, (const Bytef *)net->params, (uInt)(net->nparams * sizeof(real)));
fwrite(net->stats, sizeof(real), net->nstats, o.fp);
crc = crc32(crc, (const Bytef *)net->stats, (uInt)(net->nstats * sizeof(real)));
#line 347 "book/28-training.nw"
    uint32_t c32 = (uint32_t)crc;
    fwrite(&c32, sizeof c32, 1, o.fp);
    return cli_output_commit(&o);
}
#line 370 "book/28-training.nw"
Net *model_load(const char *path, int N, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
        return NULL;
    }
    ModelHeader h;
    Net *net = NULL;
    const char *problem = NULL;
    
#line 393 "book/28-training.nw"
const Architecture *arch = NULL;
if (fread(&h, sizeof h, 1, f) != 1 || memcmp(h.magic, "BPBHMDL1", 8) != 0)
    problem = "not a model file (bad magic)";
else if (h.version != 1)
    problem = "unsupported model format version";
else if (h.real_size != sizeof(real))
    problem = "model stores numbers of another size";
else if (memchr(h.arch, '\0', sizeof h.arch) == NULL || (arch = arch_find(h.arch)) == NULL)
    problem = "unknown architecture";
if (!problem) {
    net = net_create(arch, N);
    if (h.nparams != net->nparams || h.nstats != net->nstats)
        problem = "parameter counts do not match its architecture";
}
#line 381 "book/28-training.nw"
    
#line 410 "book/28-training.nw"
if (!problem) {
    uint32_t stored;
    int extra;
    uLong crc = crc32(crc32(0L, Z_NULL, 0), (const Bytef *)&h, sizeof h);
    if (fread(net->params, sizeof(real), net->nparams, f) != net->nparams
        || fread(net->stats, sizeof(real), net->nstats, f) != net->nstats
        || fread(&stored, sizeof stored, 1, f) != 1)
        problem = "truncated";
    else if ((extra = fgetc(f)) != EOF)
        problem = "trailing bytes after the checksum";
    else {
        crc = crc32(crc, (const Bytef *)net->params, (uInt)(net->nparams * sizeof(real)));
        crc = crc32(crc, (const Bytef *)net->stats, (uInt)(net->nstats * sizeof(real)));
        if ((uint32_t)crc != stored)
            problem = "checksum mismatch (the file is corrupted)";
    }
}
#line 382 "book/28-training.nw"
    fclose(f);
    if (problem) {
        snprintf(err, errlen, "%s: %s", path, problem);
        net_free(net);
        return NULL;
    }
    return net;
}
