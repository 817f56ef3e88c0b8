#line 32 "book/28c-mnistnet.nw"
#include <limits.h>
#include <math.h>
#include <omp.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "base/check.h"
#include "base/cli.h"
#include "data/pgm.h"
#include "training/train.h"
#line 396 "book/28c-mnistnet.nw"
typedef enum { CMD_SUMMARY = 1, CMD_TRAIN = 2, CMD_EVAL = 4, CMD_PREDICT = 8, CMD_SCHEDULE = 16 } Command;

typedef struct {
    Command command;
    TrainConfig config;
    const char *data, *log, *save, *model, *confusion, *image, *resume;
    const char *setting;
    int threads;
    unsigned given;
} Options;

static Options options_start(void)
{
    return (Options){ .config = train_defaults() };
}
#line 443 "book/28c-mnistnet.nw"
typedef enum { FLAG_TEXT, FLAG_ARCH, FLAG_INT, FLAG_UINT64, FLAG_COUNT, FLAG_REAL, FLAG_FRACTION, FLAG_OFF } FlagKind;

typedef struct {
    const char *name, *value;
    FlagKind kind;
    long lo, hi;
    unsigned commands, needed_by;
    int sets_up_run, per_network;
    size_t at;
    const char *unset, *help;
} Flag;
#line 460 "book/28c-mnistnet.nw"
static const struct {
    Command command;
    const char *name, *operand, *help;
} commands[] = {
    { .command = CMD_SUMMARY, .name = "summary", .help = "print the layer table and the parameter count" },
    { .command = CMD_TRAIN, .name = "train", .help = "train, testing after every epoch" },
    { .command = CMD_EVAL, .name = "eval", .help = "test loss, accuracy, confusion matrix" },
    { .command = CMD_PREDICT, .name = "predict", .operand = "IMAGE.pgm",
      .help = "the digit in a 28x28 greyscale PGM (white on black)" },
    { .command = CMD_SCHEDULE, .name = "schedule",
      .help = "the learning rate of every step (one-cycle), as CSV" },
};
enum { NCOMMANDS = sizeof commands / sizeof commands[0] };
#line 482 "book/28c-mnistnet.nw"
static const Flag flags[] = {
    { .name = "--arch", .value = "main|small|tiny|wide", .kind = FLAG_ARCH,
      .commands = CMD_SUMMARY | CMD_TRAIN | CMD_SCHEDULE,
      .sets_up_run = 1, .at = offsetof(Options, config.arch),
      .help = "main and wide have <20k parameters, small <8k, tiny <=5k" },
    { .name = "--data", .value = "DIR", .kind = FLAG_TEXT, .commands = CMD_TRAIN | CMD_EVAL,
      .needed_by = CMD_TRAIN | CMD_EVAL, .at = offsetof(Options, data),
      .help = "DIR holds the four MNIST idx files (plain or .gz)" },
    { .name = "--epochs", .value = "N", .kind = FLAG_INT, .lo = 1, .hi = 1000,
      .commands = CMD_TRAIN | CMD_SCHEDULE, .sets_up_run = 1, .at = offsetof(Options, config.epochs),
      .help = "epochs" },
    { .name = "--batch", .value = "B", .kind = FLAG_INT, .lo = 1, .hi = 4096,
      .commands = CMD_TRAIN | CMD_SCHEDULE, .sets_up_run = 1, .at = offsetof(Options, config.batch),
      .per_network = 1, .help = "batch size" },
    { .name = "--lr", .value = "LR", .kind = FLAG_REAL, .lo = 0, .hi = 10,
      .commands = CMD_TRAIN | CMD_SCHEDULE, .sets_up_run = 1, .at = offsetof(Options, config.lr_max),
      .per_network = 1, .help = "peak learning rate" },
    { .name = "--label-smoothing", .value = "EPS", .kind = FLAG_FRACTION, .commands = CMD_TRAIN,
      .sets_up_run = 1, .at = offsetof(Options, config.label_smoothing), .per_network = 1,
      .help = "train against (1-EPS) one-hot + EPS/10" },
    { .name = "--seed", .value = "S", .kind = FLAG_UINT64, .lo = 0, .hi = 2147483647L,
      .commands = CMD_TRAIN, .sets_up_run = 1, .at = offsetof(Options, config.seed), .help = "random seed" },
    { .name = "--threads", .value = "T", .kind = FLAG_INT, .lo = 1, .hi = 256,
      .commands = CMD_TRAIN | CMD_EVAL, .at = offsetof(Options, threads), .unset = "all cores",
      .help = "OpenMP threads" },
    { .name = "--log", .value = "FILE.csv", .kind = FLAG_TEXT, .commands = CMD_TRAIN,
      .at = offsetof(Options, log), .help = "per-epoch log" },
    { .name = "--save", .value = "FILE", .kind = FLAG_TEXT, .commands = CMD_TRAIN,
      .at = offsetof(Options, save), .help = "checkpoint after each epoch, model at the end" },
    { .name = "--resume", .value = "FILE", .kind = FLAG_TEXT, .commands = CMD_TRAIN,
      .at = offsetof(Options, resume), .help = "continue the run saved in FILE, with its settings" },
    { .name = "--model", .value = "FILE", .kind = FLAG_TEXT, .commands = CMD_EVAL | CMD_PREDICT,
      .needed_by = CMD_EVAL | CMD_PREDICT, .at = offsetof(Options, model), .help = "model to load" },
    { .name = "--confusion", .value = "FILE.csv", .kind = FLAG_TEXT, .commands = CMD_EVAL,
      .at = offsetof(Options, confusion), .help = "write the confusion matrix" },
    { .name = "--no-augment", .kind = FLAG_OFF, .commands = CMD_TRAIN, .sets_up_run = 1,
      .at = offsetof(Options, config.augment), .help = "train without rotation/shift augmentation" },
    { .name = "--clean-epochs", .value = "N", .kind = FLAG_INT, .lo = 0, .hi = 1000, .commands = CMD_TRAIN,
      .sets_up_run = 1, .at = offsetof(Options, config.clean_epochs), .per_network = 1,
      .help = "train the last N epochs (all, if fewer) without augmentation" },
    { .name = "--train-limit", .value = "N", .kind = FLAG_COUNT, .commands = CMD_TRAIN | CMD_SCHEDULE,
      .sets_up_run = 1, .at = offsetof(Options, config.train_limit), .unset = "all",
      .help = "use only the first N training images" },
    { .name = "--test-limit", .value = "N", .kind = FLAG_COUNT, .commands = CMD_TRAIN | CMD_EVAL,
      .sets_up_run = 1, .at = offsetof(Options, config.test_limit), .unset = "all",
      .help = "use only the first N test images" },
};
enum { NFLAGS = sizeof flags / sizeof flags[0] };
#line 816 "book/28c-mnistnet.nw"
static void describe_value(FILE *out, const Flag *f, const Options *given)
{
    const void *at = (const char *)given + f->at;
    char range[48] = "", fallback[64] = "";
    switch (f->kind) {
    case FLAG_INT:
        snprintf(range, sizeof range, "%ld..%ld", f->lo, f->hi);
        if (*(const int *)at >= f->lo && *(const int *)at <= f->hi)
            snprintf(fallback, sizeof fallback, "default %d", *(const int *)at);
        break;
    case FLAG_UINT64:
        snprintf(range, sizeof range, "%ld..%ld", f->lo, f->hi);
        snprintf(fallback, sizeof fallback, "default %llu", (unsigned long long)*(const uint64_t *)at);
        break;
    case FLAG_REAL:
        snprintf(range, sizeof range, "%ld < %s <= %ld", f->lo, f->value, f->hi);
        snprintf(fallback, sizeof fallback, "default %g", *(const double *)at);
        break;
    case FLAG_FRACTION:
        snprintf(range, sizeof range, "0 <= %s < 1", f->value);
        snprintf(fallback, sizeof fallback, "default %g", *(const double *)at);
        break;
    case FLAG_ARCH:
        snprintf(fallback, sizeof fallback, "default %s", (*(const Architecture *const *)at)->name);
        break;
    default:
        break;
    }
    if (f->per_network) {
        #line 748 "book/28c-mnistnet.nw"
        static const Architecture *const networks[] = { &arch_main, &arch_small, &arch_tiny, &arch_wide };
        size_t len = (size_t)snprintf(fallback, sizeof fallback, "default");
        for (size_t k = 0; k < sizeof networks / sizeof networks[0]; k++) {
            Options own = options_start();
            own.config = train_recipe(networks[k]);
            const void *v = (const char *)&own + f->at;
            const char *sep = k == 0 ? " " : ", ";
            if (f->kind == FLAG_INT)
                len += (size_t)snprintf(fallback + len, sizeof fallback - len, "%s%s %d", sep, networks[k]->name,
                                        *(const int *)v);
            else
                len += (size_t)snprintf(fallback + len, sizeof fallback - len, "%s%s %g", sep, networks[k]->name,
                                        *(const double *)v);
            CHECK(len < sizeof fallback);
        }
    #line 846 "book/28c-mnistnet.nw"
    }
    if (fallback[0] == '\0' && f->unset)
        snprintf(fallback, sizeof fallback, "default %s", f->unset);
    if (range[0] || fallback[0])
        fprintf(out, " (%s%s%s)", range, range[0] && fallback[0] ? ", " : "", fallback);
}
#line 767 "book/28c-mnistnet.nw"
static int column(int used, int width)
{
    return used < width ? width - used : 1;
}

static void usage(FILE *out)
{
    Options given = options_start();
    fprintf(out, "usage: mnistnet COMMAND [options]\n"
                 "Train and use the book's MNIST convolutional network.\n\n"
                 "commands, with what each needs:\n");
    for (int k = 0; k < NCOMMANDS; k++) {
        int w = fprintf(out, "  %s", commands[k].name);
        for (int j = 0; j < NFLAGS; j++)
            if (flags[j].needed_by & commands[k].command)
                w += fprintf(out, " %s %s", flags[j].name, flags[j].value);
        if (commands[k].operand)
            w += fprintf(out, " %s", commands[k].operand);
        fprintf(out, "%*s%s\n", column(w, 35), "", commands[k].help);
    }
    fprintf(out, "\noptions, the commands that take them, and what they set:\n");
    for (int j = 0; j < NFLAGS; j++) {
        #line 796 "book/28c-mnistnet.nw"
        const Flag *f = &flags[j];
        int w = fprintf(out, "  %s%s%s", f->name, f->value ? " " : "", f->value ? f->value : "");
        fprintf(out, "%*s", column(w, 31), "");
        w = 0;
        for (int k = 0; k < NCOMMANDS; k++)
            if (f->commands & commands[k].command)
                w += fprintf(out, "%s%s", w > 0 ? " " : "", commands[k].name);
        fprintf(out, "%*s%s", column(w, 24), "", f->help);
        describe_value(out, f, &given);
        fprintf(out, "\n");
    #line 790 "book/28c-mnistnet.nw"
    }
    fprintf(out, "  %-29s%-24s%s\n", "--help", "", "print this help");
}
#line 621 "book/28c-mnistnet.nw"
static const Flag *flag_named(const char *arg)
{
    size_t len = strcspn(arg, "=");
    for (int k = 0; k < NFLAGS; k++)
        if (strlen(flags[k].name) == len && strncmp(arg, flags[k].name, len) == 0)
            return &flags[k];
    return NULL;
}
#line 585 "book/28c-mnistnet.nw"
static int given(const Options *o, const char *name)
{
    const Flag *f = flag_named(name);
    CHECK(f != NULL);
    return (o->given >> (f - flags) & 1u) != 0;
}
#line 665 "book/28c-mnistnet.nw"
static void read_value(Options *o, const Flag *f, const char *v)
{
    void *at = (char *)o + f->at;
    long n;
    double x;
    switch (f->kind) {
    case FLAG_TEXT:
        *(const char **)at = v;
        break;
    case FLAG_ARCH:
        if ((*(const Architecture **)at = arch_find(v)) == NULL)
            cli_usage_error("%s: '%s' is not a network (main, small, tiny or wide)", f->name, v);
        break;
    #line 697 "book/28c-mnistnet.nw"
    case FLAG_INT:
    case FLAG_UINT64:
        if (cli_parse_long(v, f->lo, f->hi, &n) != 0)
            cli_usage_error("%s: '%s' is not a whole number from %ld to %ld", f->name, v, f->lo, f->hi);
        if (f->kind == FLAG_INT)
            *(int *)at = (int)n;
        else
            *(uint64_t *)at = (uint64_t)n;
        break;
    case FLAG_COUNT:
        if (cli_parse_long(v, 1, MNIST_MAX_COUNT, &n) != 0)
            cli_usage_error("%s: '%s' is not a positive whole number", f->name, v);
        *(int *)at = (int)n;
        break;
    #line 679 "book/28c-mnistnet.nw"
    case FLAG_REAL:
        if (cli_parse_double(v, &x) != 0 || !(x > f->lo && x <= f->hi))
            cli_usage_error("%s: '%s' is not a number in (%ld, %ld]", f->name, v, f->lo, f->hi);
        *(double *)at = x;
        break;
    case FLAG_FRACTION:
        if (cli_parse_double(v, &x) != 0 || !(x >= 0 && x < 1))
            cli_usage_error("%s: '%s' is not a number in [0, 1)", f->name, v);
        *(double *)at = x;
        break;
    case FLAG_OFF:
        *(int *)at = 0;
        break;
    }
}
#line 640 "book/28c-mnistnet.nw"
static void read_flag(Options *o, const Flag *f, const char *cmd, int argc, char **argv, int *i)
{
    const char *v = NULL;
    if (f == NULL)
        cli_usage_error("'%s' is not an option of '%s'", argv[*i], cmd);
    if ((f->commands & o->command) == 0)
        cli_usage_error("'%s' is not an option of '%s'", f->name, cmd);
    if (f->kind == FLAG_OFF && strcmp(argv[*i], f->name) != 0)
        cli_usage_error("'%s' is not an option of '%s'", argv[*i], cmd);
    if (f->sets_up_run && o->setting == NULL)
        o->setting = f->name;
    o->given |= 1u << (f - flags);
    if (f->kind != FLAG_OFF)
        cli_flag(argc, argv, i, f->name, &v);
    read_value(o, f, v);
}
#line 544 "book/28c-mnistnet.nw"
static Options read_options(int argc, char **argv)
{
    Options o = options_start();
    const char *cmd = argv[1];
    #line 597 "book/28c-mnistnet.nw"
    for (int k = 0; k < NCOMMANDS && o.command == 0; k++)
        if (strcmp(cmd, commands[k].name) == 0)
            o.command = commands[k].command;
    if (o.command == 0)
        cli_usage_error("unknown command '%s'", cmd);
    #line 549 "book/28c-mnistnet.nw"
    for (int i = 2; i < argc; i++) {
        const Flag *f = flag_named(argv[i]);
        if (f == NULL && o.command == CMD_PREDICT && argv[i][0] != '-' && o.image == NULL)
            o.image = argv[i];
        else
            read_flag(&o, f, cmd, argc, argv, &i);
    }
    #line 572 "book/28c-mnistnet.nw"
    CHECK(NFLAGS <= (int)(sizeof o.given * CHAR_BIT));
    TrainConfig recipe = train_recipe(o.config.arch);
    if (!given(&o, "--batch"))
        o.config.batch = recipe.batch;
    if (!given(&o, "--lr"))
        o.config.lr_max = recipe.lr_max;
    if (!given(&o, "--label-smoothing"))
        o.config.label_smoothing = recipe.label_smoothing;
    if (!given(&o, "--clean-epochs"))
        o.config.clean_epochs = recipe.clean_epochs;
    #line 721 "book/28c-mnistnet.nw"
    for (int k = 0; k < NFLAGS; k++) {
        if ((flags[k].needed_by & o.command) == 0)
            continue;
        CHECK(flags[k].kind == FLAG_TEXT);
        if (*(const char **)((char *)&o + flags[k].at) == NULL)
            cli_usage_error("%s needs %s %s", cmd, flags[k].name, flags[k].value);
    }
    if (o.command == CMD_PREDICT && o.image == NULL)
        cli_usage_error("predict needs an IMAGE.pgm");
    if (o.resume && o.setting)
        cli_usage_error("%s cannot be combined with --resume: a resumed run keeps the settings it was "
                        "started with", o.setting);
    if (o.threads > 0)
        omp_set_num_threads(o.threads);
    #line 558 "book/28c-mnistnet.nw"
    return o;
}
#line 605 "book/28c-mnistnet.nw"
static void refuse_missing_command(void)
{
    char list[128] = "";
    size_t len = 0;
    for (int k = 0; k < NCOMMANDS; k++) {
        const char *sep = k == 0 ? "" : k + 1 < NCOMMANDS ? ", " : " or ";
        len += (size_t)snprintf(list + len, sizeof list - len, "%s%s", sep, commands[k].name);
        CHECK(len < sizeof list);
    }
    cli_usage_error("missing command: %s", list);
}
#line 74 "book/28c-mnistnet.nw"
static int cmd_summary(const Options *o)
{
    Net *net = net_create(o->config.arch, 1);
    net_summary(stdout, net);
    net_free(net);
    return 0;
}
#line 135 "book/28c-mnistnet.nw"
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
#line 215 "book/28c-mnistnet.nw"
static void progress(int epoch, long batch, long batches, double loss, double accuracy)
{
    if (batch % 10 != 0 && batch != batches)
        return;
    fprintf(stderr, "\repoch %d  batch %ld/%ld  loss %.4f  acc %.2f%%", epoch, batch, batches,
            loss, 100 * accuracy);
    fflush(stderr);
}
#line 234 "book/28c-mnistnet.nw"
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
    #line 258 "book/28c-mnistnet.nw"
    const TrainConfig *c = &s->config;
    char meta[4096];
    if (snprintf(meta, sizeof meta, "%s.meta", o->log) >= (int)sizeof meta) {
        fprintf(stderr, "mnistnet: %s: the log's name is too long for its .meta file\n", o->log);
        return -1;
    }
    if (cli_output_open(&out, meta) != 0)
        return -1;
    char smoothing[64] = "", clean[64] = "";
    if (c->label_smoothing > 0)
        snprintf(smoothing, sizeof smoothing, " --label-smoothing %g", c->label_smoothing);
    if (c->clean_epochs > 0)
        snprintf(clean, sizeof clean, " --clean-epochs %d", c->clean_epochs);
    fprintf(out.fp, "command mnistnet train --arch %s --epochs %d --batch %d --lr %g%s%s --seed %llu "
            "--threads %d%s\n", c->arch->name, c->epochs, c->batch, c->lr_max, smoothing, clean,
            (unsigned long long)c->seed, omp_get_max_threads(), c->augment ? "" : " --no-augment");
    fprintf(out.fp, "arch %s\nepochs %d\nbatch %d\nlr %g\nlabel_smoothing %g\nseed %llu\nthreads %d\n"
            "augment %s\nclean_epochs %d\ntrain_images %d\n", c->arch->name, c->epochs, c->batch, c->lr_max,
            c->label_smoothing, (unsigned long long)c->seed, omp_get_max_threads(), c->augment ? "on" : "off",
            c->clean_epochs, s->n_train);
    return cli_output_commit(&out);
#line 247 "book/28c-mnistnet.nw"
}
#line 560 "book/28b-checkpoints.nw"
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
    sigset_t both;
    sigemptyset(&both);
    sigaddset(&both, SIGINT);
    sigaddset(&both, SIGTERM);
    pthread_sigmask(SIG_UNBLOCK, &both, NULL);
}
#line 629 "book/28b-checkpoints.nw"
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
    #line 660 "book/28b-checkpoints.nw"
    load_split(train, o->data, "train", s->config.train_limit);
    load_split(test, o->data, "t10k", s->config.test_limit);
    if (train->n != s->n_train || test->n != s->n_test || train_data_crc(train, test) != s->data_crc) {
        fprintf(stderr, "mnistnet: %s: not the data that the run in %s was trained on (its images or "
                "labels differ)\n", o->data, o->resume);
        exit(1);
    }
    #line 670 "book/28b-checkpoints.nw"
    if (o->threads == 0)
        omp_set_num_threads(s->threads);
    else if (o->threads != s->threads)
        printf("# note: the run used %d threads, this part uses %d; the numbers may differ in the "
               "last digits from an uninterrupted run\n", s->threads, o->threads);
    #line 648 "book/28b-checkpoints.nw"
    Net *net = net_create(one->arch, s->config.batch);
    memcpy(net->params, one->params, sizeof(real) * net->nparams);
    memcpy(net->velocity, one->velocity, sizeof(real) * net->nparams);
    memcpy(net->stats, one->stats, sizeof(real) * net->nstats);
    net_free(one);
    if (!o->save)
        o->save = o->resume;
    return net;
}
#line 589 "book/28b-checkpoints.nw"
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
#line 108 "book/28c-mnistnet.nw"
static int cmd_train(Options *o)
{
    Mnist train, test;
    TrainState s;
    Net *net = start_run(&s, &train, &test, o);
    const TrainConfig *c = &s.config;
    int *labels = xmalloc(sizeof(int) * c->batch), *eval_index = xmalloc(sizeof(int) * c->batch);
    int status = 0;
    #line 152 "book/28c-mnistnet.nw"
    const char *outputs[2] = { o->log, o->save };
    for (int k = 0; k < 2 && status == 0; k++) {
        CliOutput probe;
        if (outputs[k] && cli_output_open(&probe, outputs[k]) != 0)
            status = 2;
        else if (outputs[k])
            cli_output_abandon(&probe);
    }
    #line 117 "book/28c-mnistnet.nw"
    catch_signals();
    #line 163 "book/28c-mnistnet.nw"
    if (status == 0 && o->resume)
        printf("# resuming %s: %d of %d epochs done, %ld batches into the next\n", o->resume, s.epoch,
               c->epochs, s.batch);
    if (status == 0)
        printf("# mnistnet train: arch %s (%zu parameters), %d epochs, batch %d, lr %g, label smoothing %g, "
               "seed %llu, %d threads, %d train / %d test images, augmentation %s, last %d epochs clean\n",
               c->arch->name, net->nparams, c->epochs, c->batch, c->lr_max, c->label_smoothing,
               (unsigned long long)c->seed, omp_get_max_threads(), train.n, test.n, c->augment ? "on" : "off",
               c->clean_epochs);
    fflush(stdout);
    #line 119 "book/28c-mnistnet.nw"
    long total = (long)c->epochs * ((s.n_train + c->batch - 1) / c->batch);
    while (status == 0 && s.epoch < c->epochs) {
        #line 179 "book/28c-mnistnet.nw"
        EpochResult r = train_epoch(net, &train, &s, total, labels, isatty(STDERR_FILENO) ? progress : NULL,
                                    &stop_signal);
        if (isatty(STDERR_FILENO))
            fprintf(stderr, "\r%78s\r", "");
        if (r.status == EPOCH_DIVERGED) {
            #line 707 "book/28b-checkpoints.nw"
            char saved[600] = "";
            if (o->save && s.epoch > 0)
                snprintf(saved, sizeof saved, "; %s still holds the checkpoint of epoch %d", o->save, s.epoch);
            fprintf(stderr, "mnistnet: the loss became %s in epoch %d, batch %ld: training diverged; try a "
                    "smaller --lr than %g%s\n", isnan(r.loss) ? "NaN" : "infinite", s.epoch + 1,
                    r.bad_batch, c->lr_max, saved);
            #line 185 "book/28c-mnistnet.nw"
            status = 1;
            break;
        }
        if (r.status == EPOCH_STOPPED) {
            status = stop_run(o, net, &s);
            break;
        }
        #line 198 "book/28c-mnistnet.nw"
        EvalResult t = net_evaluate(net, &test, test.n, labels, eval_index);
        printf("epoch %2d/%d  lr %.4f  train loss %.4f acc %.2f%%  test loss %.4f acc %.2f%%  %.1f s\n",
               s.epoch, c->epochs, r.lr, r.loss, 100 * r.accuracy, t.loss, 100 * t.accuracy, r.seconds);
        fflush(stdout);
        s.log[s.epoch - 1] = (EpochLog){ .epoch = s.epoch, .seconds = r.seconds, .lr = r.lr, .train_loss = r.loss,
                                        .train_acc = r.accuracy, .test_loss = t.loss, .test_acc = t.accuracy };
        if ((o->log && write_log(o, &s) != 0)
            || (o->save && model_save(net, s.epoch < c->epochs ? &s : NULL, o->save) != 0))
            status = 1;
        #line 193 "book/28c-mnistnet.nw"
        if (stop_signal && s.epoch < c->epochs)
            status = stop_run(o, net, &s);
    #line 122 "book/28c-mnistnet.nw"
    }
    net_free(net), free(labels), free(eval_index), train_state_free(&s);
    mnist_free(&train), mnist_free(&test);
    return status;
}
#line 318 "book/28c-mnistnet.nw"
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
#line 292 "book/28c-mnistnet.nw"
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
#line 338 "book/28c-mnistnet.nw"
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
    Mnist one = { .n = 1, .images = pixels, .labels = (uint8_t[]){ 0 } };
    int index = 0, label;
    batch_fill(net->input, &label, &one, &index, 1, &o->config, 0, MODE_EVAL);
    net_forward(net, &label, 1, MODE_EVAL, NULL);
    #line 359 "book/28c-mnistnet.nw"
    printf("digit %d\n", net_predicted(net, 0));
    for (int j = 0; j < 10; j++)
        printf("p(%d) = %.6f\n", j, exp(net->logp[j]));
    #line 353 "book/28c-mnistnet.nw"
    net_free(net);
    return 0;
}
#line 372 "book/28c-mnistnet.nw"
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
#line 50 "book/28c-mnistnet.nw"
int main(int argc, char **argv)
{
    cli_program = "mnistnet";
    if (argc < 2)
        refuse_missing_command();
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        usage(stdout);
        return cli_finish_stdout(0);
    }
    Options o = read_options(argc, argv);
    int status = o.command == CMD_SUMMARY ? cmd_summary(&o)
               : o.command == CMD_TRAIN   ? cmd_train(&o)
               : o.command == CMD_EVAL    ? cmd_eval(&o)
               : o.command == CMD_PREDICT ? cmd_predict(&o)
               :                            cmd_schedule(&o);
    return cli_finish_stdout(status);
}
