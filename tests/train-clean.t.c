#line 538 "book/28-training.nw"
#include <string.h>
#include "training/train.h"
#include "tap.h"

static int filled_clean(const TrainConfig *c, int epoch)
{
    /* is epoch's training batch of 8 made-up images the evaluation batch? */
    enum { N = 8 };
    static uint8_t images[N * MNIST_PIXELS], labels[N];
    static real clean[N * MNIST_PIXELS], x[N * MNIST_PIXELS];
    int index[N], lab[N];
    for (size_t k = 0; k < sizeof images; k++)
        images[k] = (uint8_t)(k * 37 % 251);
    for (int b = 0; b < N; b++)
        index[b] = N - 1 - b;
    Mnist set = { .n = N, .images = images, .labels = labels };
    batch_fill(clean, lab, &set, index, N, c, 0, MODE_EVAL);
    batch_fill(x, lab, &set, index, N, c, epoch, MODE_TRAIN);
    return memcmp(x, clean, sizeof x) == 0;
}

int main(void)
{
    TrainConfig c = train_recipe(&arch_main);
    tap_ok(c.clean_epochs > 0 && c.clean_epochs < c.epochs, "the main network's recipe: the last %d of %d epochs clean",
           c.clean_epochs, c.epochs);
    for (int e = 1; e <= c.epochs; e++) {
        int clean = filled_clean(&c, e);
        tap_ok(clean == (e > c.epochs - c.clean_epochs), "epoch %d: %s", e, clean ? "clean" : "augmented");
    }
    c.clean_epochs = c.epochs + 1;
    tap_ok(filled_clean(&c, 1), "%d clean epochs of %d: the first is clean too", c.clean_epochs, c.epochs);
    c = train_defaults();
    tap_ok(c.clean_epochs == 0 && !filled_clean(&c, c.epochs), "PyTorch's recipe augments its last epoch");
    return tap_done();
}
