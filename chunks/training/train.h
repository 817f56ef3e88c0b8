#line 10 "book/28-training.nw"
#ifndef TRAIN_H
#define TRAIN_H
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include "data/mnist.h"
#include "network/network.h"
#line 52 "book/28-training.nw"
typedef struct {
    const Architecture *arch;
    int epochs;
    int batch;
    double lr_max;
    double momentum;
    double weight_decay;
    int nesterov;
    int augment;
    double max_degrees, max_shift;
    uint64_t seed;
    int train_limit, test_limit;
} TrainConfig;
#line 215 "book/28-training.nw"
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
#line 296 "book/28-training.nw"
typedef enum { EPOCH_DONE, EPOCH_STOPPED, EPOCH_DIVERGED } EpochStatus;

typedef struct {
    EpochStatus status;
    long bad_batch;
    double loss;
    double accuracy;
    double seconds;
    double lr;
} EpochResult;

typedef void (*ProgressFn)(int epoch, long batch, long batches, double loss, double accuracy);
#line 398 "book/28-training.nw"
typedef struct {
    double loss;
    double accuracy;
    long confusion[10][10];
} EvalResult;
#line 467 "book/28-training.nw"
typedef struct {
    char magic[8];
    uint32_t version, real_size;
    char arch[16];
    char layout[512];
    uint64_t nparams, nstats, state_bytes;
} ModelHeader;
#line 512 "book/28-training.nw"
typedef struct {
    int64_t epochs, batch, nesterov, augment, train_limit, test_limit;
    double lr_max, momentum, weight_decay, max_degrees, max_shift;
    uint64_t seed;
    int64_t threads, n_train, n_test;
    uint64_t data_crc;
    int64_t epoch, batch_done, step, correct;
    double loss_sum, seconds;
    uint64_t rng[4];
} StateRecord;
#line 636 "book/28-training.nw"
enum { MODEL_MAX_BYTES = 64 << 20 };
#line 68 "book/28-training.nw"
TrainConfig train_defaults(void);
#line 100 "book/28-training.nw"
void batch_fill(real *input, int *labels, const Mnist *set, const int *index, int n,
                const TrainConfig *c, int epoch, Mode mode);
#line 163 "book/28-training.nw"
double train_lr(const TrainConfig *c, long step, long total_steps);
#line 183 "book/28-training.nw"
int net_predicted(const Net *net, int b);
int net_correct(const Net *net, const int *labels, int n);
#line 242 "book/28-training.nw"
void train_state_init(TrainState *s, const TrainConfig *c, const Mnist *train, const Mnist *test);
void train_state_free(TrainState *s);
uint32_t train_data_crc(const Mnist *train, const Mnist *test);
#line 330 "book/28-training.nw"
EpochResult train_epoch(Net *net, const Mnist *train, TrainState *s, long total_steps, int *labels,
                        ProgressFn progress, volatile sig_atomic_t *stop);
#line 406 "book/28-training.nw"
EvalResult net_evaluate(Net *net, const Mnist *set, int n_set, int *labels, int *index);
#line 564 "book/28-training.nw"
int model_save(const Net *net, const TrainState *s, const char *path);
#line 640 "book/28-training.nw"
Net *model_load(const char *path, int N, TrainState *s, char *err, size_t errlen);
#line 19 "book/28-training.nw"
#endif
