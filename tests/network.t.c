#line 935 "book/27-network.nw"
#include "network/network.h"
#include "tap.h"
int main(void)
{
    Net *big = net_create(&arch_main, 2), *small = net_create(&arch_small, 2);
    #line 954 "book/27-network.nw"
    size_t main_count = (16 * 1 * 9 + 32) + (32 * 16 * 9 + 64) + (16 * 32 + 32) + (16 * 16 * 9 + 32)
                      + (32 * 16 * 9 + 64) + (16 * 32 + 32) + (16 * 16 * 9 + 32) + (10 * 16);
    size_t small_count = (8 * 1 * 9 + 16) + (12 * 8 * 9 + 24) + (16 * 12 * 9 + 32) + (8 * 16 + 16)
                       + (12 * 8 * 9 + 24) + (16 * 12 * 9 + 32) + (14 * 16 * 9 + 28) + (10 * 14);
    #line 941 "book/27-network.nw"
    tap_ok(big->nparams == main_count, "main network: %zu parameters (by hand %zu)", big->nparams, main_count);
    tap_ok(big->nparams < 20000, "main network has fewer than 20000 parameters");
    tap_ok(small->nparams == small_count, "small network: %zu parameters (by hand %zu)", small->nparams, small_count);
    tap_ok(small->nparams < 8000, "small network has fewer than 8000 parameters");
    net_free(big), net_free(small);
    return tap_done();
}
