#line 77 "book/25-mnist.nw"
#ifndef MNIST_H
#define MNIST_H
#include <stddef.h>
#include <stdint.h>

#line 89 "book/25-mnist.nw"
enum {
    MNIST_ROWS = 28,
    MNIST_COLS = 28,
    MNIST_PIXELS = MNIST_ROWS * MNIST_COLS,
    MNIST_CLASSES = 10,
    MNIST_MAX_COUNT = 1000000
};
#line 99 "book/25-mnist.nw"
typedef struct {
    int n;
    uint8_t *images;  /* (n, 28, 28), 0 background .. 255 ink */
    uint8_t *labels;  /* (n), each 0..9 */
} Mnist;
#line 118 "book/25-mnist.nw"
/* set <- images (n,28,28) and labels (n) of split "train" or "t10k" in dir; 0, or -1, err and set empty */
int mnist_load(Mnist *set, const char *dir, const char *split, char *err, size_t errlen);
/* frees what mnist_load allocated and leaves set empty; an empty set is fine */
void mnist_free(Mnist *set);
#line 85 "book/25-mnist.nw"
#endif
