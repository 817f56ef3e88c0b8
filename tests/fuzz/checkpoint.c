#line 692 "book/92-faults.nw"
#include <zlib.h>
#include "fuzz.h"
#include "training/train.h"

static void load(const uint8_t *data, size_t size)
{
    char err[512];
    TrainState s;
    Net *net = model_load(fuzz_file("checkpoint.model", data, size), 1, &s, err, sizeof err);
    if (net) {
        net_free(net);
        train_state_free(&s);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    load(data, size);
    if (size < 4 || size > MODEL_MAX_BYTES)
        return 0;
    uint8_t *fixed = xmalloc(size);
    memcpy(fixed, data, size);
    uint32_t crc = (uint32_t)crc32(crc32(0L, Z_NULL, 0), fixed, (uInt)(size - 4));
    memcpy(fixed + size - 4, &crc, 4);
    load(fixed, size);
    free(fixed);
    return 0;
}
