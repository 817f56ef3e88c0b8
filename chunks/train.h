#line 10 "book/28-training.nw"
#ifndef TRAIN_H
#define TRAIN_H
#include <stdint.h>
#include <stdio.h>
#include "mnist.h"
#include "network.h"
#line 49 "book/28-training.nw"
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
#line 174 "book/28-training.nw"
typedef struct {
    double loss;
    double accuracy;
    double seconds;
    double lr;
} EpochResult;

typedef void (*ProgressFn)(int epoch, long batch, long batches, double loss, double accuracy);
#line 258 "book/28-training.nw"
typedef struct {
    double loss;
    double accuracy;
    long confusion[10][10];
} EvalResult;
#line 319 "book/28-training.nw"
typedef struct {
    char magic[8];
    uint32_t version;
    char arch[16];
    uint64_t nparams, nstats;
    uint32_t real_size;
} ModelHeader;
#line 65 "book/28-training.nw"
TrainConfig train_defaults(void);
#line 97 "book/28-training.nw"
void batch_fill(real *input, int *labels, const Mnist *set, const int *index, int n,
                const TrainConfig *c, int epoch, int training);
#line 156 "book/28-training.nw"
double train_lr(const TrainConfig *c, long step, long total_steps);
#line 185 "book/28-training.nw"
int net_predicted(const Net *net, int b);
int net_correct(const Net *net, const int *labels, int n);
#line 214 "book/28-training.nw"
EpochResult train_epoch(Net *net, const Mnist *train, int *index, int n_train, const TrainConfig *c,
                        int epoch, long *step, long total_steps, Rng *rng, int *labels,
                        ProgressFn progress);
#line 266 "book/28-training.nw"
EvalResult net_evaluate(Net *net, const Mnist *set, int n_set, int *labels, int *index);
#line 332 "book/28-training.nw"
int model_save(const Net *net, const char *path);
#line 368 "book/28-training.nw"
Net *model_load(const char *path, int N, char *err, size_t errlen);
#line 18 "book/28-training.nw"
#endif
