#line 573 "book/10-excelnet.nw"
#include <stdint.h>
#include "excelnet/excelnet.h"
#include "tap.h"
#line 465 "book/10-excelnet.nw"
static double loss(const Weights *w, const Example *x)
{
    Forward f;
    excelnet_forward(&f, w, x);
    return f.E_total;
}
#line 543 "book/10-excelnet.nw"
static uint64_t rng_state = 20261125;

static double uniform(double lo, double hi)
{
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    z ^= z >> 31;
    return lo + (hi - lo) * (double)(z >> 11) / 9007199254740992.0;
}
#line 578 "book/10-excelnet.nw"
int main(void)
{
    #line 586 "book/10-excelnet.nw"
    for (int p = 0; p <= 10; p++) {
        Weights w = excelnet_default_weights;
        Example x = excelnet_default_example;
        if (p > 0) {
            w = (Weights){ uniform(-3, 3), uniform(-3, 3), uniform(-3, 3), uniform(-3, 3),
                           uniform(-3, 3), uniform(-3, 3), uniform(-3, 3), uniform(-3, 3) };
            x = (Example){ uniform(0, 1), uniform(0, 1), uniform(0, 1), uniform(0, 1) };
        }
        double before = loss(&w, &x);
        excelnet_train(NULL, &w, &x, 0.01, 1);
        double after = loss(&w, &x);
        tap_ok(after < before, "one step at lr 0.01 lowers E_total at point %d: %.17g -> %.17g",
               p, before, after);
    }
    #line 581 "book/10-excelnet.nw"
    return tap_done();
}
