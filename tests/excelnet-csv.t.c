#line 518 "book/93-programs.nw"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "excelnet/excelnet.h"
#include "tap.h"
#line 549 "book/93-programs.nw"
static void compare_rows(const char *cmd, const char *expected)
{
    FILE *p = popen(cmd, "r");
    char got[1 << 16];
    size_t len = p ? fread(got, 1, sizeof got - 1, p) : 0;
    got[len] = '\0';
    int status = p ? pclose(p) : -1;
    tap_ok(status == 0, "'%s' exits with status 0", cmd);
    tap_ok(strcmp(got, expected) == 0, "its output is byte for byte the in-process CSV");
    #line 568 "book/93-programs.nw"
    Weights w = excelnet_default_weights;
    Forward f;
    Gradients g;
    int exact = 1;
    for (long k = 0; k < 20; k++) {
        excelnet_forward(&f, &w, &excelnet_default_example);
        excelnet_backward(&g, &f, &w, &excelnet_default_example);
        char row[2048];
        FILE *m = fmemopen(row, sizeof row, "w");
        excelnet_csv_row(m, k, &w, &f, &g);
        fclose(m);
        const double v[] = { w.w1, w.w5, f.a_h2, f.a_o1, f.E_total, g.dE_dw1, g.dE_dw8 };
        const int col[] = { 1, 5, 12, 14, 19, 20, 27 };
        for (int j = 0; j < 7; j++) {
            const char *s = row;
            for (int c = 0; c < col[j]; c++)
                s = strchr(s, ',') + 1;
            exact = exact && strtod(s, NULL) == v[j];
        }
        excelnet_update(&w, &g, 2);
    }
    tap_ok(exact, "w1, w5, a_h2, a_o1, E_total, dE_dw1, dE_dw8 of 20 rows read back exactly");
#line 559 "book/93-programs.nw"
}
#line 524 "book/93-programs.nw"
int main(void)
{
    const char *bin = getenv("BIN") ? getenv("BIN") : "build/bin";
    char cmd[512], expected[1 << 16];
    snprintf(cmd, sizeof cmd, "%s/excelnet --lr 2 --iters 20", bin);
    #line 541 "book/93-programs.nw"
    FILE *mem = fmemopen(expected, sizeof expected, "w");
    Weights w = excelnet_default_weights;
    excelnet_csv_header(mem);
    excelnet_train(mem, &w, &excelnet_default_example, 2, 20);
    fclose(mem);
    #line 530 "book/93-programs.nw"
    compare_rows(cmd, expected);
    return tap_done();
}
