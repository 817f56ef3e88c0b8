#line 230 "book/20-tensors-and-rng.nw"
#ifndef RNG_H
#define RNG_H
#include <stdint.h>
typedef struct Rng {
    uint64_t s[4];  /* the xoshiro256** state */
} Rng;
#line 260 "book/20-tensors-and-rng.nw"
/* advances *state by the golden-ratio constant and returns it mixed: one seeding draw */
uint64_t splitmix64(uint64_t *state);
/* rng's state = four splitmix64 draws from seed; any seed, zero included, is fine */
void rng_seed(Rng *rng, uint64_t seed);
#line 298 "book/20-tensors-and-rng.nw"
/* the next 64 random bits of xoshiro256**; advances rng */
uint64_t rng_next(Rng *rng);
#line 324 "book/20-tensors-and-rng.nw"
/* uniform in [0, 1): the top 53 bits of one draw, times 2^-53 */
double rng_uniform(Rng *rng);
#line 340 "book/20-tensors-and-rng.nw"
/* uniform in 0 .. n-1 without modulo bias (rejects and redraws); n > 0 */
uint64_t rng_below(Rng *rng, uint64_t n);
#line 368 "book/20-tensors-and-rng.nw"
/* standard normal by Box-Muller from two uniforms; the second normal is discarded */
double rng_normal(Rng *rng);
#line 237 "book/20-tensors-and-rng.nw"
#endif
