#line 884 "book/30a-im2col.nw"
#ifndef BENCH_H
#define BENCH_H
#include <stdio.h>
typedef struct {                     /* one number, the value bench.MEASURE.KERNELS.t1|tall.UNIT */
    const char *measure, *kernels;   /* what was measured, and with which kernels (or a detail) */
    int threads;
    const char *unit;                /* "gflop_s", "speedup", "images_per_s", ... */
    double value;
} BenchRow;
/* prints rows (n) on out, one aligned line each */
void bench_rows_print(FILE *out, const BenchRow *rows, int n);
/* writes rows (n) to path as CSV with a header line, atomically; 0, or -1 after a message on stderr */
int bench_rows_write(const char *path, const BenchRow *rows, int n);
#endif
