#line 403 "book/20-tensors-and-rng.nw"
#include <inttypes.h>
#include <math.h>
#include "tap.h"
#include "base/rng.h"

int main(void)
{
    uint64_t state = 0;
    uint64_t z = splitmix64(&state);
    tap_ok(z == 0xe220a8397b1dcdafu, "splitmix64 from seed 0 gives 0x%016" PRIx64 " (published: 0xe220a8397b1dcdaf)", z);
    #line 422 "book/20-tensors-and-rng.nw"
    static const uint64_t want[3] = {
        0x15780b2e0c2ec716u, 0x6104d9866d113a7eu, 0xae17533239e499a1u,
    };
    Rng rng;
    rng_seed(&rng, 42);
    for (int i = 0; i < 3; i++) {
        uint64_t got = rng_next(&rng);
        tap_ok(got == want[i], "xoshiro256** seed 42 output %d: 0x%016" PRIx64 " (expected 0x%016" PRIx64 ")", i, got, want[i]);
    }
    #line 434 "book/20-tensors-and-rng.nw"
    Rng a, b;
    rng_seed(&a, 7);
    rng_seed(&b, 7);
    int same = 1;
    for (int i = 0; i < 1000; i++)
        same &= rng_next(&a) == rng_next(&b);
    tap_ok(same, "two generators seeded with 7 agree on 1000 draws");
    rng_seed(&b, 8);
    tap_ok(rng_next(&a) != rng_next(&b), "seeds 7 and 8 give different streams");
    #line 446 "book/20-tensors-and-rng.nw"
    enum { DRAWS = 100000 };
    double su = 0, suu = 0, sz = 0, szz = 0, umin = 1, umax = 0;
    rng_seed(&rng, 1);
    for (int i = 0; i < DRAWS; i++) {
        double u = rng_uniform(&rng), x = rng_normal(&rng);
        su += u; suu += u * u; sz += x; szz += x * x;
        umin = fmin(umin, u); umax = fmax(umax, u);
    }
    double mu = su / DRAWS, vu = suu / DRAWS - mu * mu;
    double mz = sz / DRAWS, vz = szz / DRAWS - mz * mz;
    tap_ok(umin >= 0 && umax < 1, "uniforms lie in [0,1): min %.6f max %.6f", umin, umax);
    tap_ok(fabs(mu - 0.5) < 0.004, "uniform mean %.5f (expected 0.5)", mu);
    tap_ok(fabs(vu - 1.0 / 12) < 0.001, "uniform variance %.5f (expected 1/12 = 0.08333)", vu);
    tap_ok(fabs(mz) < 0.013, "normal mean %.5f (expected 0)", mz);
    tap_ok(fabs(vz - 1) < 0.02, "normal variance %.5f (expected 1)", vz);
    #line 464 "book/20-tensors-and-rng.nw"
    int seen[7] = {0}, below = 1;
    for (int i = 0; i < 7000; i++) {
        uint64_t r = rng_below(&rng, 7);
        below &= r < 7;
        if (r < 7)
            seen[r]++;
    }
    int all = 1;
    for (int i = 0; i < 7; i++)
        all &= seen[i] > 800 && seen[i] < 1200;
    tap_ok(below && all, "rng_below(7) over 7000 draws: counts %d %d %d %d %d %d %d", seen[0], seen[1], seen[2], seen[3], seen[4], seen[5], seen[6]);
    #line 417 "book/20-tensors-and-rng.nw"
    return tap_done();
}
