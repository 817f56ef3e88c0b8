#line 918 "book/95d-solutions-training.nw"
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "base/check.h"
#include "training/train.h"
#include "tap.h"
#line 938 "book/95d-solutions-training.nw"
static Mnist tiny_set(int n, uint64_t seed)
{
    Mnist set = { .n = n };
    Rng rng;
    rng_seed(&rng, seed);
    set.images = xmalloc((size_t)n * MNIST_PIXELS);
    set.labels = xmalloc((size_t)n);
    for (size_t k = 0; k < (size_t)n * MNIST_PIXELS; k++)
        set.images[k] = (uint8_t)rng_below(&rng, 256);
    for (int i = 0; i < n; i++)
        set.labels[i] = (uint8_t)rng_below(&rng, 10);
    return set;
}
#line 1146 "book/95d-solutions-training.nw"
static long file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long)st.st_size : -1;
}
#line 1201 "book/95d-solutions-training.nw"
static void damage(const char *from, const char *to, long at, int bits, long cut, int extra)
{
    /* copy from to to, xor byte at with bits, drop cut bytes at the end, add extra zero bytes */
    long size = file_size(from);
    unsigned char *buf = xcalloc((size_t)size + (size_t)extra, 1);
    FILE *f = fopen(from, "rb");
    if (f != NULL && fread(buf, 1, (size_t)size, f) == (size_t)size)
        buf[at] ^= (unsigned char)bits;
    if (f != NULL)
        fclose(f);
    f = fopen(to, "wb");
    if (f != NULL) {
        fwrite(buf, 1, (size_t)(size - cut + extra), f);
        fclose(f);
    }
    free(buf);
}

static void expect_refused(const char *what, const char *path, const char *want)
{
    char err[600] = "", full[600];
    snprintf(full, sizeof full, "%s: %s", path, want);
    Net *got = model_load(path, 1, NULL, err, sizeof err);
    tap_ok(got == NULL && strcmp(err, full) == 0, "%s: \"%s\"", what, err);
    net_free(got);
}

#line 930 "book/95d-solutions-training.nw"
int main(void)
{
    #line 971 "book/95d-solutions-training.nw"
    {
        TrainConfig c = train_defaults();
        long best = 0;
        for (long t = 1; t < 7035; t++)
            best = train_lr(&c, t, 7035) > train_lr(&c, best, 7035) ? t : best;
        double short7 = 0.1 - train_lr(&c, 1757, 7035), short8 = 0.1 - train_lr(&c, 1758, 7035);
        tap_ok(best == 1758, "the default run's largest rate is at step %ld of 7035 (1758)", best);
        tap_ok(fabs(short7 / 4.31e-8 - 1) < 0.01 && fabs(short8 / 5.54e-10 - 1) < 0.01,
               "steps 1757 and 1758 fall short of 0.1 by %.3g and %.3g", short7, short8);
        tap_ok(fabs(train_lr(&c, 0, 7035) - 0.004) < 1e-15 && fabs(train_lr(&c, 7034, 7035) - 4e-7) < 1e-18,
               "first rate %g, last rate %g", train_lr(&c, 0, 7035), train_lr(&c, 7034, 7035));
    }
    #line 1002 "book/95d-solutions-training.nw"
    {
        Mnist two = tiny_set(2, 1);
        memset(two.images, 0, MNIST_PIXELS), memset(two.images + MNIST_PIXELS, 255, MNIST_PIXELS);
        TrainConfig c = train_defaults();
        real x[2 * MNIST_PIXELS];
        int labels[2], index[2] = { 0, 1 };
        batch_fill(x, labels, &two, index, 2, &c, 0, MODE_EVAL);
        tap_ok(fabs(x[5] + 0.424213) < 1e-6 && fabs(x[MNIST_PIXELS + 5] - 2.821487) < 1e-6,
               "standardised background %.6f, full ink %.6f", x[5], x[MNIST_PIXELS + 5]);
        mnist_free(&two);
        #line 1017 "book/95d-solutions-training.nw"
        Mnist train;
        char err[512];
        if (mnist_load(&train, "data/mnist", "train", err, sizeof err) == 0) {
            static real batch[128 * MNIST_PIXELS];
            int idx[128], lab[128];
            double s = 0, ss = 0, count = (double)train.n * MNIST_PIXELS;
            for (int first = 0; first < train.n; first += 128) {
                int n = train.n - first < 128 ? train.n - first : 128;
                for (int b = 0; b < n; b++)
                    idx[b] = first + b;
                batch_fill(batch, lab, &train, idx, n, &c, 0, MODE_EVAL);
                for (size_t k = 0; k < (size_t)n * MNIST_PIXELS; k++)
                    s += batch[k], ss += (double)batch[k] * batch[k];
            }
            double mean = s / count, var = ss / count - mean * mean;
            tap_ok(fabs(mean) < 1e-3 && fabs(var - 1) < 1e-3, "standardised training set: mean %.5f, variance %.5f",
                   mean, var);
            mnist_free(&train);
        } else {
            tap_ok(1, "standardised training set # skip no MNIST in data/mnist");
        }
    #line 1013 "book/95d-solutions-training.nw"
    }
    #line 1062 "book/95d-solutions-training.nw"
    {
        Mnist set = tiny_set(16, 2);
        TrainConfig c = train_defaults();
        static real one[16 * MNIST_PIXELS], two[16 * MNIST_PIXELS], later[16 * MNIST_PIXELS];
        int labels[16], index[16];
        for (int b = 0; b < 16; b++)
            index[b] = 15 - b;
        omp_set_num_threads(1);
        batch_fill(one, labels, &set, index, 16, &c, 1, MODE_TRAIN);
        omp_set_num_threads(2);
        batch_fill(two, labels, &set, index, 16, &c, 1, MODE_TRAIN);
        batch_fill(later, labels, &set, index, 16, &c, 2, MODE_TRAIN);
        tap_ok(memcmp(one, two, sizeof one) == 0, "an augmented batch is the same on one thread and on two");
        tap_ok(memcmp(two, later, sizeof two) != 0, "and differs from the same images' in the next epoch");
        mnist_free(&set);
    }
    #line 1108 "book/95d-solutions-training.nw"
    {
        TrainConfig c = train_recipe(&arch_main);
        long per_epoch = (60000 + c.batch - 1) / c.batch, total = c.epochs * per_epoch;
        long first_clean = (long)(c.epochs - c.clean_epochs) * per_epoch;
        double all = 0, clean = 0;
        for (long t = 0; t < total; t++) {
            double lr = train_lr(&c, t, total);
            all += lr;
            if (t >= first_clean)
                clean += lr;
        }
        double share = 100 * clean / all, first = train_lr(&c, first_clean, total) / c.lr_max;
        tap_ok(total == 7035 && total - first_clean == 1407, "main's run: %ld steps, %ld of them clean", total,
               total - first_clean);
        tap_ok(fabs(share - 2.2) < 0.05, "the clean steps get %.3f %% of the learning rates' sum (about 2.2 %%)", share);
        tap_ok(fabs(first - 0.165) < 0.001, "the first clean step's rate is %.4f of the peak (0.165)", first);
    }
    #line 1154 "book/95d-solutions-training.nw"
    char model[] = "/tmp/training-exercises-XXXXXX";
    int fd = mkstemp(model);
    if (fd >= 0)
        close(fd);
    char checkpoint[64];
    snprintf(checkpoint, sizeof checkpoint, "%s.ckpt", model);
    Net *net = net_create(&arch_main, 1);
    {
        Mnist train = { .n = 60000 }, test = { .n = 10 };
        train.images = xcalloc((size_t)train.n * MNIST_PIXELS, 1), train.labels = xcalloc(train.n, 1);
        test.images = xcalloc((size_t)test.n * MNIST_PIXELS, 1), test.labels = xcalloc(test.n, 1);
        TrainConfig c = train_defaults();
        TrainState s;
        train_state_init(&s, &c, &train, &test);
        s.epoch = 1, s.log[0].epoch = 1;
        int ok = model_save(net, NULL, model) == 0 && model_save(net, &s, checkpoint) == 0;
        tap_ok(ok && sizeof(ModelHeader) == 568 && sizeof(StateRecord) == 224,
               "a header of %zu bytes and a state record of %zu", sizeof(ModelHeader), sizeof(StateRecord));
        tap_ok(ok && file_size(model) == 63484 && file_size(checkpoint) == 365524,
               "main network: model %ld bytes (63484), checkpoint after epoch 1 %ld (365524)", file_size(model),
               file_size(checkpoint));
        train_state_free(&s), mnist_free(&train), mnist_free(&test);
    }
    #line 1230 "book/95d-solutions-training.nw"
    {
        char bad[80];
        snprintf(bad, sizeof bad, "%s.bad", model);
        damage(model, bad, 568, 1, 0, 0);
        expect_refused("a bit of the first weight", bad, "checksum mismatch (the file is corrupted)");
        damage(model, bad, 0, 0, 1, 0);
        expect_refused("one byte short", bad, "truncated: shorter than its header says");
        damage(model, bad, 0, 0, 0, 1);
        expect_refused("one byte more", bad, "trailing bytes after the checksum");
        damage(model, bad, 8, 4 ^ 5, 0, 0);
        expect_refused("version 5", bad, "unsupported model format version (this mnistnet reads version 4; "
                       "train the model again)");
        unlink(bad);
    }
    unlink(model), unlink(checkpoint);
    net_free(net);
    #line 1396 "book/95d-solutions-training.nw"
    {
        Rng rng;
        double s = 0, ss = 0;
        rng_seed(&rng, 29);
        for (int r = 0; r < 400; r++) {
            int right = 0;
            for (int i = 0; i < 10000; i++)
                right += rng_uniform(&rng) < 0.994;
            s += right / 1e4, ss += (right / 1e4) * (right / 1e4);
        }
        double mean = s / 400, sd = sqrt((ss - 400 * mean * mean) / 399), want = sqrt(0.994 * 0.006 / 1e4);
        tap_ok(fabs(sd / want - 1) < 0.15, "400 simulated test sets: accuracy %.5f +- %.6f (formula %.6f)", mean,
               sd, want);
    }
    #line 933 "book/95d-solutions-training.nw"
    return tap_done();
}
