#line 641 "book/92-faults.nw"
#include "fuzz.h"
#include "data/mnist.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    size_t split = ((size_t)data[0] | (size_t)data[1] << 8) % (size - 1);
    char dir[128], err[512];
    fuzz_file("train-images-idx3-ubyte", data + 2, split);
    snprintf(dir, sizeof dir, "%s", fuzz_file("train-labels-idx1-ubyte", data + 2 + split, size - 2 - split));
    *strrchr(dir, '/') = '\0';
    Mnist set;
    if (mnist_load(&set, dir, "train", err, sizeof err) == 0)
        mnist_free(&set);
    return 0;
}
