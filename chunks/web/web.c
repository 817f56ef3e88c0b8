#line 274 "book/32-browser.nw"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "base/check.h"
#include "excelnet/excelnet.h"
#include "training/train.h"
#include "web/web.h"
#line 160 "book/32-browser.nw"
static Net *net;
static double probs[MNIST_CLASSES];

int web_model_read(const unsigned char *buf, size_t size)
{
    char err[256];
    Net *loaded = model_read(buf, size, "mnist-main.model", 1, NULL, err, sizeof err);
    if (!loaded) {
        fprintf(stderr, "%s\n", err);
        return -1;
    }
    net_free(net);
    net = loaded;
    net->kernels = KERNELS_PLAIN;
    return 0;
}

int web_predict(const uint8_t *pixels)
{
    CHECK(net != NULL && pixels != NULL);
    uint8_t unknown = 0;
    Mnist one = { .n = 1, .images = (uint8_t *)pixels, .labels = &unknown };
    TrainConfig c = train_defaults();
    int index = 0, label;
    batch_fill(net->input, &label, &one, &index, 1, &c, 0, MODE_EVAL);
    net_forward(net, &label, 1, MODE_EVAL, NULL);
    for (int j = 0; j < MNIST_CLASSES; j++)
        probs[j] = exp(net->logp[j]);
    return net_predicted(net, 0);
}

const double *web_probs(void)
{
    return probs;
}
#line 214 "book/32-browser.nw"
int web_layers(void)
{
    CHECK(net != NULL);
    return net->nlayers;
}

const int *web_layer_shape(int l)
{
    static int shape[4];
    CHECK(net != NULL && l >= 0 && l < net->nlayers);
    const Layer *L = &net->layer[l];
    shape[0] = (int)L->spec.kind, shape[1] = L->K, shape[2] = L->Ho, shape[3] = L->Wo;
    return shape;
}

const real *web_layer_out(int l)
{
    CHECK(net != NULL && l >= 0 && l < net->nlayers);
    return net->layer[l].out;
}
#line 249 "book/32-browser.nw"
const char *web_excelnet(double lr, int iters)
{
    static char *text;
    size_t len = 0;
    free(text);
    text = NULL;
    FILE *out = open_memstream(&text, &len);
    CHECK(out != NULL && lr > 0 && iters >= 0);
    Weights w = excelnet_default_weights;
    excelnet_csv_header(out);
    excelnet_train(out, &w, &excelnet_default_example, lr, iters);
    CHECK(fclose(out) == 0);
    return text;
}
