#line 880 "book/28-training.nw"
#include <math.h>
#include <omp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "base/check.h"
#include "base/cli.h"
#include "data/pgm.h"
#include "training/train.h"
#line 914 "book/28-training.nw"
static void usage(FILE *out)
{
    fprintf(out,
        "usage: mnistnet COMMAND [options]\n"
        "Train and use the book's MNIST convolutional network.\n\n"
        "commands:\n"
        "  summary                 print the layer table and the parameter count\n"
        "  train --data DIR        train, testing after every epoch\n"
        "  eval --model FILE --data DIR     test loss, accuracy, confusion matrix\n"
        "  predict --model FILE IMAGE.pgm   the digit in a 28x28 greyscale PGM (white on black)\n"
        "  schedule                the learning rate of every training step, as CSV\n\n"
        "options:\n"
        "  --arch main|small       network (default main: <20k parameters; small: <8k)\n"
        "  --data DIR              directory with the four MNIST idx files (plain or .gz)\n"
        "  --epochs N              epochs, 1..1000 (default 15)\n"
        "  --batch B               batch size, 1..4096 (default 128)\n"
        "  --lr LR                 peak learning rate of the one-cycle schedule (default 0.1)\n"
        "  --seed S                random seed (default 1)\n"
        "  --threads T             OpenMP threads, 1..256 (default: all cores)\n"
        "  --log FILE.csv          per-epoch log\n"
        "  --save FILE             save a checkpoint after every epoch, the model at the end\n"
        "  --resume FILE           continue the run saved in FILE (train; keeps its settings)\n"
        "  --model FILE            model to load (eval, predict)\n"
        "  --confusion FILE.csv    write the confusion matrix (eval)\n"
        "  --no-augment            train without rotation/shift augmentation\n"
        "  --train-limit N         use only the first N training images\n"
        "  --test-limit N          use only the first N test images\n"
        "  --help                  print this help\n");
}
#line 952 "book/28-training.nw"
static const struct { const char *flag, *commands; } option_table[] = {
    { "--arch", " train summary " },       { "--data", " train eval " },
    { "--epochs", " train schedule " },    { "--batch", " train schedule " },
    { "--lr", " train schedule " },        { "--seed", " train " },
    { "--threads", " train eval " },       { "--train-limit", " train schedule " },
    { "--test-limit", " train eval " },    { "--log", " train " },
    { "--save", " train " },               { "--model", " eval predict " },
    { "--confusion", " eval " },           { "--no-augment", " train " },
    { "--resume", " train " },
};

static void check_option_allowed(const char *arg, const char *cmd)
{
    size_t len = strcspn(arg, "=");
    char word[32];
    snprintf(word, sizeof word, " %s ", cmd);
    for (size_t k = 0; k < sizeof option_table / sizeof option_table[0]; k++)
        if (strlen(option_table[k].flag) == len && strncmp(arg, option_table[k].flag, len) == 0
            && strstr(option_table[k].commands, word) == NULL)
            cli_usage_error("'%.*s' is not an option of '%s'", (int)len, arg, cmd);
}
#line 990 "book/28-training.nw"
typedef struct {
    const char *command;
    TrainConfig config;
    const char *data, *log, *save, *model, *confusion, *image, *resume;
    const char *setting;
    int threads;
} Options;

static Options read_options(int argc, char **argv)
{
    Options o = { argv[1], train_defaults(), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0 };
    const char *cmd = argv[1];
    int is_train = strcmp(cmd, "train") == 0, is_eval = strcmp(cmd, "eval") == 0;
    int is_predict = strcmp(cmd, "predict") == 0, is_summary = strcmp(cmd, "summary") == 0;
    int is_schedule = strcmp(cmd, "schedule") == 0;
    if (!is_train && !is_eval && !is_predict && !is_summary && !is_schedule)
        cli_usage_error("unknown command '%s'", cmd);
    for (int i = 2; i < argc; i++) {
        const char *v;
        long n;
        check_option_allowed(argv[i], cmd);
        #line 981 "book/28-training.nw"
        static const char *const run_flags[] = { "--arch", "--epochs", "--batch", "--lr", "--seed",
                                                 "--no-augment", "--train-limit", "--test-limit" };
        for (size_t k = 0; is_train && o.setting == NULL && k < sizeof run_flags / sizeof run_flags[0]; k++)
            if (strncmp(argv[i], run_flags[k], strlen(run_flags[k])) == 0
                && (argv[i][strlen(run_flags[k])] == '\0' || argv[i][strlen(run_flags[k])] == '='))
                o.setting = run_flags[k];
        #line 1020 "book/28-training.nw"
        if (cli_flag(argc, argv, &i, "--arch", &v)) {
            if ((o.config.arch = arch_find(v)) == NULL)
                cli_usage_error("--arch: '%s' is not a network (main, small)", v);
        } else if (cli_flag(argc, argv, &i, "--data", &v)) {
            o.data = v;
        } else if (cli_flag(argc, argv, &i, "--epochs", &v)) {
            if (cli_parse_long(v, 1, 1000, &n) != 0)
                cli_usage_error("--epochs: '%s' is not a whole number from 1 to 1000", v);
            o.config.epochs = (int)n;
        } else if (cli_flag(argc, argv, &i, "--batch", &v)) {
            if (cli_parse_long(v, 1, 4096, &n) != 0)
                cli_usage_error("--batch: '%s' is not a whole number from 1 to 4096", v);
            o.config.batch = (int)n;
        } else if (cli_flag(argc, argv, &i, "--lr", &v)) {
            if (cli_parse_double(v, &o.config.lr_max) != 0 || o.config.lr_max <= 0 || o.config.lr_max > 10)
                cli_usage_error("--lr: '%s' is not a number in (0, 10]", v);
        } else if (cli_flag(argc, argv, &i, "--seed", &v)) {
            if (cli_parse_long(v, 0, 2147483647L, &n) != 0)
                cli_usage_error("--seed: '%s' is not a whole number from 0 to 2147483647", v);
            o.config.seed = (uint64_t)n;
        } else if (cli_flag(argc, argv, &i, "--threads", &v)) {
            if (cli_parse_long(v, 1, 256, &n) != 0)
                cli_usage_error("--threads: '%s' is not a whole number from 1 to 256", v);
            o.threads = (int)n;
        } else if (cli_flag(argc, argv, &i, "--train-limit", &v)) {
            if (cli_parse_long(v, 1, MNIST_MAX_COUNT, &n) != 0)
                cli_usage_error("--train-limit: '%s' is not a positive whole number", v);
            o.config.train_limit = (int)n;
        } else if (cli_flag(argc, argv, &i, "--test-limit", &v)) {
            if (cli_parse_long(v, 1, MNIST_MAX_COUNT, &n) != 0)
                cli_usage_error("--test-limit: '%s' is not a positive whole number", v);
            o.config.test_limit = (int)n;
        } else if (cli_flag(argc, argv, &i, "--log", &v)) {
            o.log = v;
        } else if (cli_flag(argc, argv, &i, "--save", &v)) {
            o.save = v;
        } else if (cli_flag(argc, argv, &i, "--resume", &v)) {
            o.resume = v;
        } else if (cli_flag(argc, argv, &i, "--model", &v)) {
            o.model = v;
        } else if (cli_flag(argc, argv, &i, "--confusion", &v)) {
            o.confusion = v;
        } else if (strcmp(argv[i], "--no-augment") == 0) {
            o.config.augment = 0;
        } else if (is_predict && argv[i][0] != '-' && o.image == NULL) {
            o.image = argv[i];
        } else {
            cli_usage_error("'%s' is not an option of '%s'", argv[i], cmd);
        }
    #line 1013 "book/28-training.nw"
    }
    #line 1072 "book/28-training.nw"
    if ((is_train || is_eval) && o.data == NULL)
        cli_usage_error("%s needs --data DIR", cmd);
    if ((is_eval || is_predict) && o.model == NULL)
        cli_usage_error("%s needs --model FILE", cmd);
    if (is_predict && o.image == NULL)
        cli_usage_error("predict needs an IMAGE.pgm");
    if (o.resume && o.setting)
        cli_usage_error("%s cannot be combined with --resume: a resumed run keeps the settings it was "
                        "started with", o.setting);
    if (o.threads > 0)
        omp_set_num_threads(o.threads);
    #line 1015 "book/28-training.nw"
    return o;
}
#line 1088 "book/28-training.nw"
static int cmd_summary(const Options *o)
{
    Net *net = net_create(o->config.arch, 1);
    net_summary(stdout, net);
    net_free(net);
    return 0;
}
#line 1141 "book/28-training.nw"
static void load_split(Mnist *set, const char *dir, const char *split, int limit)
{
    char err[512];
    if (mnist_load(set, dir, split, err, sizeof err) != 0) {
        fprintf(stderr, "mnistnet: %s\n", err);
        exit(1);
    }
    if (limit > 0 && limit < set->n)
        set->n = limit;
}
#line 1364 "book/28-training.nw"
static void progress(int epoch, long batch, long batches, double loss, double accuracy)
{
    if (batch % 10 != 0 && batch != batches)
        return;
    fprintf(stderr, "\repoch %d  batch %ld/%ld  loss %.4f  acc %.2f%%", epoch, batch, batches,
            loss, 100 * accuracy);
    fflush(stderr);
}
#line 1383 "book/28-training.nw"
static int write_log(const Options *o, const TrainState *s)
{
    const EpochLog *log = s->log;
    CliOutput out;
    if (cli_output_open(&out, o->log) != 0)
        return -1;
    fprintf(out.fp, "epoch,seconds,lr,train_loss,train_acc,test_loss,test_acc\n");
    for (int e = 0; e < s->epoch; e++)
        fprintf(out.fp, "%d,%.3f,%.6g,%.6f,%.6f,%.6f,%.6f\n", log[e].epoch, log[e].seconds,
                log[e].lr, log[e].train_loss, log[e].train_acc, log[e].test_loss, log[e].test_acc);
    if (cli_output_commit(&out) != 0)
        return -1;
    #line 1407 "book/28-training.nw"
    const TrainConfig *c = &s->config;
    char meta[4096];
    if (snprintf(meta, sizeof meta, "%s.meta", o->log) >= (int)sizeof meta) {
        fprintf(stderr, "mnistnet: %s: the log's name is too long for its .meta file\n", o->log);
        return -1;
    }
    if (cli_output_open(&out, meta) != 0)
        return -1;
    fprintf(out.fp, "command mnistnet train --arch %s --epochs %d --batch %d --lr %g --seed %llu "
            "--threads %d%s\n", c->arch->name, c->epochs, c->batch, c->lr_max,
            (unsigned long long)c->seed, omp_get_max_threads(), c->augment ? "" : " --no-augment");
    fprintf(out.fp, "arch %s\nepochs %d\nbatch %d\nlr %g\nseed %llu\nthreads %d\naugment %s\n"
            "train_images %d\n", c->arch->name, c->epochs, c->batch, c->lr_max,
            (unsigned long long)c->seed, omp_get_max_threads(), c->augment ? "on" : "off", s->n_train);
    return cli_output_commit(&out);
#line 1396 "book/28-training.nw"
}
#line 1311 "book/28-training.nw"
static volatile sig_atomic_t stop_signal = 0;

static void on_signal(int sig)
{
    stop_signal = sig;
}

static void catch_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESETHAND;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
}
#line 1164 "book/28-training.nw"
static Net *start_run(TrainState *s, Mnist *train, Mnist *test, Options *o)
{
    char err[512];
    if (!o->resume) {
        load_split(train, o->data, "train", o->config.train_limit);
        load_split(test, o->data, "t10k", o->config.test_limit);
        train_state_init(s, &o->config, train, test);
        s->threads = omp_get_max_threads();
        Net *net = net_create(o->config.arch, o->config.batch);
        net_init(net, &s->rng);
        return net;
    }
    Net *one = model_load(o->resume, 1, s, err, sizeof err);
    if (!one) {
        fprintf(stderr, "mnistnet: %s\n", err);
        exit(1);
    }
    #line 1195 "book/28-training.nw"
    load_split(train, o->data, "train", s->config.train_limit);
    load_split(test, o->data, "t10k", s->config.test_limit);
    if (train->n != s->n_train || test->n != s->n_test || train_data_crc(train, test) != s->data_crc) {
        fprintf(stderr, "mnistnet: %s: not the data that the run in %s was trained on (its images or "
                "labels differ)\n", o->data, o->resume);
        exit(1);
    }
    #line 1205 "book/28-training.nw"
    if (o->threads == 0)
        omp_set_num_threads(s->threads);
    else if (o->threads != s->threads)
        printf("# note: the run used %d threads, this part uses %d; the numbers may differ in the "
               "last digits from an uninterrupted run\n", s->threads, o->threads);
    #line 1183 "book/28-training.nw"
    Net *net = net_create(one->arch, s->config.batch);
    memcpy(net->params, one->params, sizeof(real) * net->nparams);
    memcpy(net->velocity, one->velocity, sizeof(real) * net->nparams);
    memcpy(net->stats, one->stats, sizeof(real) * net->nstats);
    net_free(one);
    if (!o->save)
        o->save = o->resume;
    return net;
}
#line 1331 "book/28-training.nw"
static int stop_run(const Options *o, const Net *net, const TrainState *s)
{
    const char *name = stop_signal == SIGINT ? "SIGINT" : "SIGTERM";
    long batches = (s->n_train + s->config.batch - 1) / s->config.batch;
    char where[96];
    if (s->batch == 0)
        snprintf(where, sizeof where, "after epoch %d", s->epoch);
    else
        snprintf(where, sizeof where, "in epoch %d after batch %ld of %ld", s->epoch + 1, s->batch, batches);
    if (!o->save) {
        fprintf(stderr, "mnistnet: stopped by %s %s; nothing saved (train with --save FILE to be "
                "able to resume)\n", name, where);
    } else if (model_save(net, s, o->save) != 0) {
        return 1;
    } else {
        fprintf(stderr, "mnistnet: stopped by %s %s; checkpoint saved; continue with: mnistnet train "
                "--resume %s --data %s%s%s\n", name, where, o->save, o->data, o->log ? " --log " : "",
                o->log ? o->log : "");
    }
    return 128 + stop_signal;
}
#line 1114 "book/28-training.nw"
static int cmd_train(Options *o)
{
    Mnist train, test;
    TrainState s;
    Net *net = start_run(&s, &train, &test, o);
    const TrainConfig *c = &s.config;
    int *labels = xmalloc(sizeof(int) * c->batch), *eval_index = xmalloc(sizeof(int) * c->batch);
    int status = 0;
    #line 1216 "book/28-training.nw"
    const char *outputs[2] = { o->log, o->save };
    for (int k = 0; k < 2 && status == 0; k++) {
        CliOutput probe;
        if (outputs[k] && cli_output_open(&probe, outputs[k]) != 0)
            status = 2;
        else if (outputs[k])
            cli_output_abandon(&probe);
    }
    #line 1123 "book/28-training.nw"
    catch_signals();
    #line 1227 "book/28-training.nw"
    if (status == 0 && o->resume)
        printf("# resuming %s: %d of %d epochs done, %ld batches into the next\n", o->resume, s.epoch,
               c->epochs, s.batch);
    if (status == 0)
        printf("# mnistnet train: arch %s (%zu parameters), %d epochs, batch %d, lr %g, seed %llu, "
               "%d threads, %d train / %d test images, augmentation %s\n",
               c->arch->name, net->nparams, c->epochs, c->batch, c->lr_max, (unsigned long long)c->seed,
               omp_get_max_threads(), train.n, test.n, c->augment ? "on" : "off");
    fflush(stdout);
    #line 1125 "book/28-training.nw"
    long total = (long)c->epochs * ((s.n_train + c->batch - 1) / c->batch);
    while (status == 0 && s.epoch < c->epochs) {
        #line 1242 "book/28-training.nw"
        EpochResult r = train_epoch(net, &train, &s, total, labels, isatty(STDERR_FILENO) ? progress : NULL,
                                    &stop_signal);
        if (isatty(STDERR_FILENO))
            fprintf(stderr, "\r%78s\r", "");
        if (r.status == EPOCH_DIVERGED) {
            #line 1283 "book/28-training.nw"
            char saved[600] = "";
            if (o->save && s.epoch > 0)
                snprintf(saved, sizeof saved, "; %s still holds the checkpoint of epoch %d", o->save, s.epoch);
            fprintf(stderr, "mnistnet: the loss became %s in epoch %d, batch %ld: training diverged; try a "
                    "smaller --lr than %g%s\n", isnan(r.loss) ? "NaN" : "infinite", s.epoch + 1,
                    r.bad_batch, c->lr_max, saved);
            #line 1248 "book/28-training.nw"
            status = 1;
            break;
        }
        if (r.status == EPOCH_STOPPED) {
            status = stop_run(o, net, &s);
            break;
        }
        #line 1261 "book/28-training.nw"
        EvalResult t = net_evaluate(net, &test, test.n, labels, eval_index);
        printf("epoch %2d/%d  lr %.4f  train loss %.4f acc %.2f%%  test loss %.4f acc %.2f%%  %.1f s\n",
               s.epoch, c->epochs, r.lr, r.loss, 100 * r.accuracy, t.loss, 100 * t.accuracy, r.seconds);
        fflush(stdout);
        s.log[s.epoch - 1] = (EpochLog){ s.epoch, r.seconds, r.lr, r.loss, r.accuracy, t.loss, t.accuracy };
        if ((o->log && write_log(o, &s) != 0)
            || (o->save && model_save(net, s.epoch < c->epochs ? &s : NULL, o->save) != 0))
            status = 1;
        #line 1256 "book/28-training.nw"
        if (stop_signal && s.epoch < c->epochs)
            status = stop_run(o, net, &s);
    #line 1128 "book/28-training.nw"
    }
    net_free(net), free(labels), free(eval_index), train_state_free(&s);
    mnist_free(&train), mnist_free(&test);
    return status;
}
#line 1461 "book/28-training.nw"
static int write_confusion(CliOutput *out, const EvalResult *r)
{
    fprintf(out->fp, "true,0,1,2,3,4,5,6,7,8,9\n");
    for (int t = 0; t < 10; t++) {
        fprintf(out->fp, "%d", t);
        for (int p = 0; p < 10; p++)
            fprintf(out->fp, ",%ld", r->confusion[t][p]);
        fprintf(out->fp, "\n");
    }
    return cli_output_commit(out);
}
#line 1435 "book/28-training.nw"
static int cmd_eval(const Options *o)
{
    char err[512];
    Net *net = model_load(o->model, 500, NULL, err, sizeof err);
    if (!net) {
        fprintf(stderr, "mnistnet: %s\n", err);
        return 1;
    }
    Mnist test;
    load_split(&test, o->data, "t10k", o->config.test_limit);
    CliOutput confusion;
    if (o->confusion && cli_output_open(&confusion, o->confusion) != 0) {
        net_free(net), mnist_free(&test);
        return 2;
    }
    int *labels = xmalloc(sizeof(int) * 500), *index = xmalloc(sizeof(int) * 500);
    EvalResult r = net_evaluate(net, &test, test.n, labels, index);
    printf("test loss %.4f  accuracy %.2f%%  (%d images, model %s, arch %s)\n", r.loss,
           100 * r.accuracy, test.n, o->model, net->arch->name);
    int status = o->confusion && write_confusion(&confusion, &r) != 0 ? 1 : 0;
    free(labels), free(index), net_free(net), mnist_free(&test);
    return status;
}
#line 1481 "book/28-training.nw"
static int cmd_predict(const Options *o)
{
    char err[512];
    uint8_t pixels[MNIST_PIXELS];
    Net *net = model_load(o->model, 1, NULL, err, sizeof err);
    if (!net || pgm_read_digit(pixels, o->image, err, sizeof err) != 0) {
        fprintf(stderr, "mnistnet: %s\n", err);
        net_free(net);
        return 1;
    }
    Mnist one = { 1, pixels, (uint8_t[]){ 0 } };
    int index = 0, label;
    batch_fill(net->input, &label, &one, &index, 1, &o->config, 0, MODE_EVAL);
    net_forward(net, &label, 1, MODE_EVAL, NULL);
    #line 1502 "book/28-training.nw"
    printf("digit %d\n", net_predicted(net, 0));
    for (int j = 0; j < 10; j++)
        printf("p(%d) = %.6f\n", j, exp(net->logp[j]));
    #line 1496 "book/28-training.nw"
    net_free(net);
    return 0;
}
#line 1515 "book/28-training.nw"
static int cmd_schedule(const Options *o)
{
    const TrainConfig *c = &o->config;
    long n = c->train_limit > 0 ? c->train_limit : 60000;
    long per_epoch = (n + c->batch - 1) / c->batch, total = per_epoch * c->epochs;
    printf("step,epoch,lr\n");
    for (long t = 0; t < total; t++)
        printf("%ld,%.5f,%.8g\n", t, (double)t / per_epoch, train_lr(c, t, total));
    return 0;
}
#line 894 "book/28-training.nw"
int main(int argc, char **argv)
{
    cli_program = "mnistnet";
    if (argc < 2)
        cli_usage_error("missing command: summary, train, eval, predict or schedule");
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        usage(stdout);
        return cli_finish_stdout(0);
    }
    Options o = read_options(argc, argv);
    int status = strcmp(argv[1], "summary") == 0  ? cmd_summary(&o)
               : strcmp(argv[1], "train") == 0    ? cmd_train(&o)
               : strcmp(argv[1], "eval") == 0     ? cmd_eval(&o)
               : strcmp(argv[1], "schedule") == 0 ? cmd_schedule(&o)
               :                                    cmd_predict(&o);
    return cli_finish_stdout(status);
}
