#line 901 "book/30a-im2col.nw"
#include "bench/bench.h"
#include "base/cli.h"

void bench_rows_print(FILE *out, const BenchRow *rows, int n)
{
    for (int i = 0; i < n; i++)
        fprintf(out, "%-13s %-9s %2d threads %10.2f %s\n", rows[i].measure, rows[i].kernels,
                rows[i].threads, rows[i].value, rows[i].unit);
}

int bench_rows_write(const char *path, const BenchRow *rows, int n)
{
    CliOutput out;
    if (cli_output_open(&out, path) != 0)
        return -1;
    fprintf(out.fp, "measure,kernels,threads,unit,value\n");
    for (int i = 0; i < n; i++)
        fprintf(out.fp, "%s,%s,%d,%s,%.6g\n", rows[i].measure, rows[i].kernels, rows[i].threads,
                rows[i].unit, rows[i].value);
    return cli_output_commit(&out);
}
