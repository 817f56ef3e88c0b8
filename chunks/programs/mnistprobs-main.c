#line 904 "book/32-browser.nw"
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "base/cli.h"
#include "training/train.h"
int main(int argc, char **argv)
{
    #line 928 "book/32-browser.nw"
    cli_program = "mnistprobs";
    const char *model = NULL, *data = NULL, *v;
    long count = 1000;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0) {
            puts("usage: mnistprobs --model FILE --data DIR [--count N]\n"
                 "CSV of the first N (1000) MNIST test images: image,label,digit,p0,...,p9");
            return cli_finish_stdout(0);
        } else if (cli_flag(argc, argv, &i, "--model", &v)) {
            model = v;
        } else if (cli_flag(argc, argv, &i, "--data", &v)) {
            data = v;
        } else if (cli_flag(argc, argv, &i, "--count", &v)) {
            if (cli_parse_long(v, 1, 10000, &count) != 0)
                cli_usage_error("--count: '%s' is not a whole number from 1 to 10000", v);
        } else {
            cli_usage_error("unknown option '%s'", argv[i]);
        }
    }
    if (!model || !data)
        cli_usage_error("needs --model FILE and --data DIR");
    #line 912 "book/32-browser.nw"
    char err[512];
    Mnist test = { 0 };
    Net *net = model_load(model, 100, NULL, err, sizeof err);
    if (!net || mnist_load(&test, data, "t10k", err, sizeof err) != 0) {
        fprintf(stderr, "mnistprobs: %s\n", err);
        net_free(net);
        return 1;
    }
    #line 952 "book/32-browser.nw"
    TrainConfig c = train_defaults();
    int labels[100], index[100];
    printf("image,label,digit,p0,p1,p2,p3,p4,p5,p6,p7,p8,p9\n");
    for (long first = 0; first < count && first < test.n; first += 100) {
        int n = (int)(count - first < 100 ? count - first : 100);
        n = first + n > test.n ? (int)(test.n - first) : n;
        for (int b = 0; b < n; b++)
            index[b] = (int)first + b;
        batch_fill(net->input, labels, &test, index, n, &c, 0, MODE_EVAL);
        net_forward(net, labels, n, MODE_EVAL, NULL);
        for (int b = 0; b < n; b++) {
            printf("%d,%d,%d", index[b], labels[b], net_predicted(net, b));
            for (int j = 0; j < MNIST_CLASSES; j++)
                printf(",%.9g", exp(net->logp[b * MNIST_CLASSES + j]));
            printf("\n");
        }
    }
    #line 921 "book/32-browser.nw"
    net_free(net);
    mnist_free(&test);
    return cli_finish_stdout(0);
}
