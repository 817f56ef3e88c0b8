#line 332 "book/93-programs.nw"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "base/cli.h"
#include "excelnet/excelnet.h"
#line 365 "book/93-programs.nw"
typedef struct {
    Example example;
    Weights weights;
    double lr;
    long iters;
    const char *csv;
} Settings;
#line 375 "book/93-programs.nw"
static void usage(void)
{
    printf("usage: excelnet [options]\n"
           "Train the spreadsheet network (2 inputs, 2 hidden, 2 outputs, sigmoid, no biases)\n"
           "by gradient descent and write one CSV row per iteration.\n\n"
           "  --lr X                learning rate, a positive number (default 0.5)\n"
           "  --iters N             iterations, 0 to 10000000 (default 100)\n"
           "  --inputs I1,I2        inputs (default 0.05,0.1)\n"
           "  --targets T1,T2       targets (default 0.5,0.5)\n"
           "  --weights W1,...,W8   initial weights (default 0.15,0.2,0.25,0.3,0.4,0.45,0.5,0.55)\n"
           "  --csv FILE            write the CSV to FILE instead of standard output\n"
           "  --help                print this help and exit\n");
}
#line 394 "book/93-programs.nw"
static void read_flags(Settings *s, int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *v;
        double d[8];
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            usage();
            exit(cli_finish_stdout(0));
        } else if (cli_flag(argc, argv, &i, "--lr", &v)) {
            if (cli_parse_double(v, &s->lr) != 0 || s->lr <= 0)
                cli_usage_error("--lr: '%s' is not a positive number", v);
        } else if (cli_flag(argc, argv, &i, "--iters", &v)) {
            if (cli_parse_long(v, 0, 10000000, &s->iters) != 0)
                cli_usage_error("--iters: '%s' is not a whole number from 0 to 10000000", v);
        } else if (cli_flag(argc, argv, &i, "--inputs", &v)) {
            #line 424 "book/93-programs.nw"
            if (cli_parse_doubles(v, d, 2) != 0)
                cli_usage_error("--inputs: '%s' is not two numbers I1,I2", v);
            s->example.i1 = d[0], s->example.i2 = d[1];
        #line 410 "book/93-programs.nw"
        } else if (cli_flag(argc, argv, &i, "--targets", &v)) {
            #line 428 "book/93-programs.nw"
            if (cli_parse_doubles(v, d, 2) != 0)
                cli_usage_error("--targets: '%s' is not two numbers T1,T2", v);
            s->example.t1 = d[0], s->example.t2 = d[1];
        #line 412 "book/93-programs.nw"
        } else if (cli_flag(argc, argv, &i, "--weights", &v)) {
            #line 432 "book/93-programs.nw"
            if (cli_parse_doubles(v, d, 8) != 0)
                cli_usage_error("--weights: '%s' is not eight numbers W1,...,W8", v);
            s->weights = (Weights){ d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7] };
        #line 414 "book/93-programs.nw"
        } else if (cli_flag(argc, argv, &i, "--csv", &v)) {
            s->csv = v;
        } else {
            cli_usage_error("unknown option '%s'", argv[i]);
        }
    }
}
#line 340 "book/93-programs.nw"
int main(int argc, char **argv)
{
    Settings s = {
        .example = excelnet_default_example,
        .weights = excelnet_default_weights,
        .lr = 0.5,
        .iters = 100,
        .csv = NULL,
    };
    cli_program = "excelnet";
    read_flags(&s, argc, argv);
    CliOutput out;
    if (cli_output_open(&out, s.csv) != 0)
        return 2;
    excelnet_csv_header(out.fp);
    excelnet_train(out.fp, &s.weights, &s.example, s.lr, s.iters);
    return cli_output_commit(&out) == 0 ? 0 : 1;
}
