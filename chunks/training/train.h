#line 13 "book/28-training.nw"
#ifndef TRAIN_H
#define TRAIN_H
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include "data/mnist.h"
#include "network/network.h"
#line 194 "book/28-training.nw"
typedef struct {
    const Architecture *arch;
    int epochs;
    int batch;
    double lr_max;
    double momentum;
    double weight_decay;
    double label_smoothing;
    int nesterov;
    int augment;
    int clean_epochs;
    double max_degrees, max_shift;
    uint64_t seed;
    int train_limit, test_limit;
} TrainConfig;
#line 666 "book/28-training.nw"
typedef struct {
    int epoch;
    double seconds, lr, train_loss, train_acc, test_loss, test_acc;
} EpochLog;

typedef struct {
    TrainConfig config;
    int threads;
    int n_train, n_test;
    uint32_t data_crc;
    int epoch;
    long batch, step;
    double loss_sum, seconds;
    long correct;
    Rng rng;
    int *index;
    EpochLog *log;
} TrainState;
#line 736 "book/28-training.nw"
typedef enum { EPOCH_DONE, EPOCH_STOPPED, EPOCH_DIVERGED } EpochStatus;

typedef struct {
    EpochStatus status;
    long bad_batch;
    double loss;
    double accuracy;
    double seconds;
    double lr;
} EpochResult;

/* called as batches finish: epoch and batch numbers, running loss and accuracy of the epoch */
typedef void (*ProgressFn)(int epoch, long batch, long batches, double loss, double accuracy);
#line 841 "book/28-training.nw"
typedef struct {
    double loss;
    double accuracy;
    long confusion[10][10];
} EvalResult;
#line 52 "book/28b-checkpoints.nw"
typedef struct {
    char magic[8];
    uint32_t version, real_size;
    char arch[16];
    char layout[512];
    uint64_t nparams, nstats, state_bytes;
} ModelHeader;
#line 97 "book/28b-checkpoints.nw"
typedef struct {
    int64_t epochs, batch, nesterov, augment, clean_epochs, train_limit, test_limit;
    double lr_max, momentum, weight_decay, max_degrees, max_shift, label_smoothing;
    uint64_t seed;
    int64_t threads, n_train, n_test;
    uint64_t data_crc;
    int64_t epoch, batch_done, step, correct;
    double loss_sum, seconds;
    uint64_t rng[4];
} StateRecord;
#line 255 "book/28b-checkpoints.nw"
enum { MODEL_MAX_BYTES = 64 << 20 };
#line 214 "book/28-training.nw"
/* PyTorch's recipe: main, 15 epochs of batches of 128, one-cycle to lr 0.1, all images */
TrainConfig train_defaults(void);
#line 250 "book/28-training.nw"
/* train_defaults() for arch, with the batch size, peak lr, label smoothing and clean epochs the book trains it with */
TrainConfig train_recipe(const Architecture *arch);
#line 495 "book/28-training.nw"
/* input (n,1,28,28), labels (n): set's images index[0..n-1], standardised; augmented if MODE_TRAIN */
void batch_fill(real *input, int *labels, const Mnist *set, const int *index, int n,
                const TrainConfig *c, int epoch, Mode mode);
#line 610 "book/28-training.nw"
/* the rate of step 0 <= step < total_steps: one-cycle to c->lr_max; lr_max/25 for a run of one step */
double train_lr(const TrainConfig *c, long step, long total_steps);
#line 631 "book/28-training.nw"
/* logp (N,10): the class 0..9 of the largest log-probability in row b < N */
int net_predicted(const Net *net, int b);
/* logp (N,10), labels (n): how many of the first n <= N rows predict their label */
int net_correct(const Net *net, const int *labels, int n);
#line 694 "book/28-training.nw"
/* s for a new run of c: index (n_train) in file order, rng seeded from c->seed, log (c->epochs) */
void train_state_init(TrainState *s, const TrainConfig *c, const Mnist *train, const Mnist *test);
/* frees s->index and s->log */
void train_state_free(TrainState *s);
#line 771 "book/28-training.nw"
/* epoch s->epoch + 1 from batch s->batch to its end, *stop or a NaN (status); labels (c->batch) scratch */
EpochResult train_epoch(Net *net, const Mnist *train, TrainState *s, long total_steps, int *labels,
                        ProgressFn progress, volatile sig_atomic_t *stop);
#line 849 "book/28-training.nw"
/* loss, accuracy, confusion of set's first n_set images, net->N at a time; labels, index (net->N) scratch */
EvalResult net_evaluate(Net *net, const Mnist *set, int n_set, int *labels, int *index);
#line 174 "book/28b-checkpoints.nw"
/* the model, and s unless NULL, into path by temporary file and rename; 0, or -1 after a message */
int model_save(const Net *net, const TrainState *s, const char *path);
#line 259 "book/28b-checkpoints.nw"
/* the network in path, batch capacity N, its state into s unless NULL; NULL with the reason in err */
Net *model_load(const char *path, int N, TrainState *s, char *err, size_t errlen);
#line 271 "book/28b-checkpoints.nw"
/* model_load's checks and copies on the size bytes of a model file at buf, called name in err */
Net *model_read(const unsigned char *buf, size_t size, const char *name, int N, TrainState *s,
                char *err, size_t errlen);
#line 681 "book/28b-checkpoints.nw"
/* CRC-32 of train's images and labels, then test's (n images each) */
uint32_t train_data_crc(const Mnist *train, const Mnist *test);
#line 22 "book/28-training.nw"
#endif
