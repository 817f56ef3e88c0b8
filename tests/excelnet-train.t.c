#line 935 "book/10-excelnet.nw"
#include "base/rng.h"
#include "excelnet/excelnet.h"
#include "tap.h"
#line 788 "book/10-excelnet.nw"
static double loss(const Weights *w, const Example *x)
{
    Forward f;
    excelnet_forward(&f, w, x);
    return f.E_total;
}
#line 886 "book/10-excelnet.nw"
static void random_point(Rng *rng, Weights *w, Example *x)
{
    double v[12];
    for (int j = 0; j < 12; j++)
        v[j] = j < 8 ? -3 + 6 * rng_uniform(rng) : rng_uniform(rng);
    *w = (Weights){ v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7] };
    *x = (Example){ .i1 = v[8], .i2 = v[9], .t1 = v[10], .t2 = v[11] };
}
#line 940 "book/10-excelnet.nw"
int main(void)
{
    #line 948 "book/10-excelnet.nw"
    Rng rng;
    rng_seed(&rng, 20261125);
    for (int k = 0; k <= 10; k++) {
        Weights w = excelnet_default_weights;
        Example x = excelnet_default_example;
        if (k > 0)
            random_point(&rng, &w, &x);
        double before = loss(&w, &x);
        excelnet_train(NULL, &w, &x, 0.01, 1);
        double after = loss(&w, &x);
        tap_ok(after < before, "one step at lr 0.01 lowers E_total at point %d: %.17g -> %.17g",
               k, before, after);
    }
    #line 943 "book/10-excelnet.nw"
    return tap_done();
}
