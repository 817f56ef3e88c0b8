#line 244 "book/20-tensors-and-rng.nw"
#include <stdint.h>
#include "base/check.h"
#include "base/rng.h"
#line 378 "book/20-tensors-and-rng.nw"
#include <math.h>
#line 265 "book/20-tensors-and-rng.nw"
uint64_t splitmix64(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

void rng_seed(Rng *rng, uint64_t seed)
{
    CHECK(rng != NULL);
    for (int i = 0; i < 4; i++)
        rng->s[i] = splitmix64(&seed);
}
#line 291 "book/20-tensors-and-rng.nw"
static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}
#line 301 "book/20-tensors-and-rng.nw"
uint64_t rng_next(Rng *rng)
{
    uint64_t *s = rng->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}
#line 327 "book/20-tensors-and-rng.nw"
double rng_uniform(Rng *rng)
{
    return (double)(rng_next(rng) >> 11) * 0x1.0p-53;
}
#line 343 "book/20-tensors-and-rng.nw"
uint64_t rng_below(Rng *rng, uint64_t n)
{
    CHECK(n > 0);
    uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    uint64_t x;
    do
        x = rng_next(rng);
    while (x >= limit);
    return x % n;
}
#line 371 "book/20-tensors-and-rng.nw"
double rng_normal(Rng *rng)
{
    double u1 = 1.0 - rng_uniform(rng);
    double u2 = rng_uniform(rng);
    return sqrt(-2.0 * log(u1)) * cos(6.283185307179586 * u2);
}
