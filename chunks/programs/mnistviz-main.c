#line 102 "book/29a-inside-the-network.nw"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "base/check.h"
#include "base/cli.h"
#include "training/train.h"
#line 179 "book/29a-inside-the-network.nw"
static void write_block(const char *what, int tile, const double *m, int rows, int cols)
{
    /* m (rows, cols), written as one gnuplot matrix block */
    printf("\n\n# tile %d: %s\n", tile, what);
    for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++)
            printf("%.4g%c", m[(size_t)r * cols + c], c == cols - 1 ? '\n' : ',');
}
#line 198 "book/29a-inside-the-network.nw"
static int write_errors(Net *net, const Mnist *test, int count)
{
    int *index = xmalloc(sizeof(int) * net->N), *labels = xmalloc(sizeof(int) * net->N);
    int *found = xmalloc(sizeof(int) * count), *said = xmalloc(sizeof(int) * count), nfound = 0;
    long wrong = 0;
    #line 216 "book/29a-inside-the-network.nw"
    TrainConfig plain = train_defaults();
    plain.augment = 0;
    for (int first = 0; first < test->n; first += net->N) {
        int n = test->n - first < net->N ? test->n - first : net->N;
        for (int b = 0; b < n; b++)
            index[b] = first + b;
        batch_fill(net->input, labels, test, index, n, &plain, 0, MODE_EVAL);
        net_forward(net, labels, n, MODE_EVAL, NULL);
        #line 229 "book/29a-inside-the-network.nw"
        for (int b = 0; b < n; b++) {
            int p = net_predicted(net, b);
            if (p == labels[b])
                continue;
            if (nfound < count)
                found[nfound] = index[b], said[nfound++] = p;
            wrong++;
        }
    #line 225 "book/29a-inside-the-network.nw"
    }
    #line 204 "book/29a-inside-the-network.nw"
    printf("# mnistviz errors: the first %d of %ld misclassified test images (of %d)\n", nfound,
           wrong, test->n);
    printf("# tile,image,true,predicted\n");
    for (int t = 0; t < nfound; t++)
        printf("%d,%d,%d,%d\n", t + 1, found[t], test->labels[found[t]], said[t]);
    #line 240 "book/29a-inside-the-network.nw"
    double ink[MNIST_PIXELS];
    for (int t = 0; t < nfound; t++) {
        const uint8_t *px = test->images + (size_t)found[t] * MNIST_PIXELS;
        for (int p = 0; p < MNIST_PIXELS; p++)
            ink[p] = px[p] / 255.0;
        write_block("test image", t + 1, ink, MNIST_ROWS, MNIST_COLS);
    }
    #line 210 "book/29a-inside-the-network.nw"
    free(index), free(labels), free(found), free(said);
    return 0;
}
#line 259 "book/29a-inside-the-network.nw"
static int write_filters(const Net *net)
{
    const Layer *L = &net->layer[0];
    CHECK(L->spec.kind == LAYER_CONV && L->C == 1);
    int R = L->spec.R, RR = R * R;
    double f[RR];
    printf("# mnistviz filters: the %d filters of layer 1 (%dx%d), each scaled to [-1, 1]\n", L->K, R, R);
    printf("# tile,largest_abs_weight,gamma_sign\n");
    #line 277 "book/29a-inside-the-network.nw"
    for (int k = 0; k < L->K; k++) {
        double m = 0;
        for (int j = 0; j < RR; j++)
            m = fmax(m, fabs(L->w[(size_t)k * RR + j]));
        printf("%d,%.6g,%d\n", k + 1, m, L->gamma && L->gamma[k] < 0 ? -1 : 1);
    }
    #line 268 "book/29a-inside-the-network.nw"
    for (int k = 0; k < L->K; k++) {
        #line 286 "book/29a-inside-the-network.nw"
        const real *w = L->w + (size_t)k * RR;
        double m = 0, sign = L->gamma && L->gamma[k] < 0 ? -1 : 1;
        for (int j = 0; j < RR; j++)
            m = fmax(m, fabs(w[j]));
        for (int j = 0; j < RR; j++)
            f[j] = m > 0 ? sign * w[j] / m : 0;
        #line 270 "book/29a-inside-the-network.nw"
        write_block("filter", k + 1, f, R, R);
    }
    return 0;
}
#line 305 "book/29a-inside-the-network.nw"
static void scale_into(double *m, const real *x, size_t n, const real *layer, size_t nlayer)
{
    /* m (n) = x (n) mapped to [0, 1] by the range of layer (nlayer) */
    double lo = layer[0], hi = layer[0];
    for (size_t i = 1; i < nlayer; i++)
        lo = fmin(lo, layer[i]), hi = fmax(hi, layer[i]);
    for (size_t i = 0; i < n; i++)
        m[i] = hi > lo ? (x[i] - lo) / (hi - lo) : 0;
}
#line 317 "book/29a-inside-the-network.nw"
enum { MAPS_PER_ROW = 10 };
static int write_maps(Net *net, const Mnist *test, int image)
{
    int label, index[1] = { image };
    TrainConfig plain = train_defaults();
    plain.augment = 0;
    batch_fill(net->input, &label, test, index, 1, &plain, 0, MODE_EVAL);
    net_forward(net, &label, 1, MODE_EVAL, NULL);
    int predicted = net_predicted(net, 0);
    printf("# mnistviz maps: test image %d (a %d, predicted %d) through %s\n", image, label,
           predicted, net->arch->name);
    printf("# tile,row,column,layer,channels,height,width,true,predicted\n");
    #line 339 "book/29a-inside-the-network.nw"
    int tile = 0, row = 0;
    printf("%d,0,0,0,1,%d,%d,%d,%d\n", ++tile, MNIST_ROWS, MNIST_COLS, label, predicted);
    for (int l = 0; l < net->nlayers; l++) {
        const Layer *L = &net->layer[l];
        if (L->spec.kind != LAYER_CONV)
            continue;
        row++;
        for (int k = 0; k < L->K && k < MAPS_PER_ROW; k++)
            printf("%d,%d,%d,%d,%d,%d,%d,%d,%d\n", ++tile, row, k, l + 1, L->K, L->Ho, L->Wo, label,
                   predicted);
    }
    #line 353 "book/29a-inside-the-network.nw"
    double m[MNIST_PIXELS];
    tile = 0;
    scale_into(m, net->input, MNIST_PIXELS, net->input, MNIST_PIXELS);
    write_block("input", ++tile, m, MNIST_ROWS, MNIST_COLS);
    for (int l = 0; l < net->nlayers; l++) {
        const Layer *L = &net->layer[l];
        size_t hw = (size_t)L->Ho * L->Wo;
        if (L->spec.kind != LAYER_CONV)
            continue;
        CHECK(hw <= MNIST_PIXELS);
        for (int k = 0; k < L->K && k < MAPS_PER_ROW; k++) {
            scale_into(m, L->out + k * hw, hw, L->out, hw * L->K);
            write_block("feature map", ++tile, m, L->Ho, L->Wo);
        }
    }
    #line 331 "book/29a-inside-the-network.nw"
    return 0;
}
#line 87 "book/29a-inside-the-network.nw"
int main(int argc, char **argv)
{
    #line 115 "book/29a-inside-the-network.nw"
    cli_program = "mnistviz";
    if (argc < 2 || strcmp(argv[1], "--help") == 0) {
        puts("usage: mnistviz errors|filters|maps --model FILE [--data DIR] [--count N] [--image I]");
        return argc < 2 ? 2 : cli_finish_stdout(0);
    }
    const char *cmd = argv[1], *model = NULL, *data = NULL;
    long count = 24, image = 0;
    if (strcmp(cmd, "errors") != 0 && strcmp(cmd, "filters") != 0 && strcmp(cmd, "maps") != 0)
        cli_usage_error("unknown command '%s' (errors, filters, maps)", cmd);
    for (int i = 2; i < argc; i++) {
        #line 131 "book/29a-inside-the-network.nw"
        const char *v;
        if (cli_flag(argc, argv, &i, "--model", &v))
            model = v;
        else if (cli_flag(argc, argv, &i, "--data", &v))
            data = v;
        else if (cli_flag(argc, argv, &i, "--count", &v)) {
            if (cli_parse_long(v, 1, 100, &count) != 0)
                cli_usage_error("--count: '%s' is not a whole number from 1 to 100", v);
        } else if (cli_flag(argc, argv, &i, "--image", &v)) {
            if (cli_parse_long(v, 0, 9999, &image) != 0)
                cli_usage_error("--image: '%s' is not a test image number from 0 to 9999", v);
        } else
            cli_usage_error("'%s' is not an option of mnistviz", argv[i]);
    #line 126 "book/29a-inside-the-network.nw"
    }
    #line 147 "book/29a-inside-the-network.nw"
    if (model == NULL)
        cli_usage_error("%s needs --model FILE", cmd);
    int needs_data = strcmp(cmd, "filters") != 0;
    if (needs_data && data == NULL)
        cli_usage_error("%s needs --data DIR", cmd);
    #line 158 "book/29a-inside-the-network.nw"
    char err[512];
    Net *net = model_load(model, 500, NULL, err, sizeof err);
    if (!net) {
        fprintf(stderr, "mnistviz: %s\n", err);
        return 1;
    }
    Mnist test = { 0, NULL, NULL };
    if (needs_data && mnist_load(&test, data, "t10k", err, sizeof err) != 0) {
        fprintf(stderr, "mnistviz: %s\n", err);
        net_free(net);
        return 1;
    }
    if (needs_data && image >= test.n)
        cli_usage_error("--image: the test set has only %d images", test.n);
    #line 91 "book/29a-inside-the-network.nw"
    int status = strcmp(cmd, "errors") == 0 ? write_errors(net, &test, count)
               : strcmp(cmd, "filters") == 0 ? write_filters(net)
               : write_maps(net, &test, image);
    net_free(net);
    if (test.n > 0)
        mnist_free(&test);
    return cli_finish_stdout(status);
}
