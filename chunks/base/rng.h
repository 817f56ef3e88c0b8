#line 223 "book/20-tensors-and-rng.nw"
#ifndef RNG_H
#define RNG_H
#include <stdint.h>
typedef struct Rng {
    uint64_t s[4];
} Rng;
#line 253 "book/20-tensors-and-rng.nw"
uint64_t splitmix64(uint64_t *state);
void rng_seed(Rng *rng, uint64_t seed);
#line 289 "book/20-tensors-and-rng.nw"
uint64_t rng_next(Rng *rng);
#line 314 "book/20-tensors-and-rng.nw"
double rng_uniform(Rng *rng);
#line 329 "book/20-tensors-and-rng.nw"
uint64_t rng_below(Rng *rng, uint64_t n);
#line 356 "book/20-tensors-and-rng.nw"
double rng_normal(Rng *rng);
#line 230 "book/20-tensors-and-rng.nw"
#endif
