#line 1050 "book/27-network.nw"
#include "network/network.h"
#include "tap.h"
int main(void)
{
    Net *big = net_create(&arch_main, 2), *small = net_create(&arch_small, 2), *tiny = net_create(&arch_tiny, 2);
    Net *wide = net_create(&arch_wide, 2);
    #line 1074 "book/27-network.nw"
    size_t main_count = (16 * 1 * 9 + 32) + (32 * 16 * 9 + 64) + (16 * 32 + 32) + (16 * 16 * 9 + 32)
                      + (32 * 16 * 9 + 64) + (16 * 32 + 32) + (16 * 16 * 9 + 32) + (10 * 16);
    size_t small_count = (8 * 1 * 9 + 16) + (12 * 8 * 9 + 24) + (16 * 12 * 9 + 32) + (8 * 16 + 16)
                       + (12 * 8 * 9 + 24) + (16 * 12 * 9 + 32) + (14 * 16 * 9 + 28) + (10 * 14);
    size_t tiny_count = (8 * 1 * 9 + 16) + (8 * 8 * 9 + 16) + (12 * 8 * 9 + 24) + (8 * 12 + 16)
                      + (10 * 8 * 9 + 20) + (12 * 10 * 9 + 24) + (12 * 12 * 9 + 24) + (10 * 12);
    size_t wide_count = (12 * 1 * 9 + 24) + (18 * 12 * 9 + 36) + (24 * 18 * 9 + 48) + (12 * 24 + 24)
                      + (18 * 12 * 9 + 36) + (24 * 18 * 9 + 48) + (21 * 24 * 9 + 42) + (10 * 21);
    #line 1057 "book/27-network.nw"
    tap_ok(big->nparams == main_count, "main network: %zu parameters (by hand %zu)", big->nparams, main_count);
    tap_ok(big->nparams < 20000, "main network has fewer than 20000 parameters");
    tap_ok(small->nparams == small_count, "small network: %zu parameters (by hand %zu)", small->nparams, small_count);
    tap_ok(small->nparams < 8000, "small network has fewer than 8000 parameters");
    tap_ok(tiny->nparams == tiny_count, "tiny network: %zu parameters (by hand %zu)", tiny->nparams, tiny_count);
    tap_ok(tiny->nparams <= 5000, "tiny network has at most 5000 parameters");
    tap_ok(wide->nparams == wide_count, "wide network: %zu parameters (by hand %zu)", wide->nparams, wide_count);
    tap_ok(wide->nparams < 20000, "wide network has fewer than 20000 parameters");
    net_free(big), net_free(small), net_free(tiny), net_free(wide);
    return tap_done();
}
