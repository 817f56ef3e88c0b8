#line 1299 "book/30-fast-conv.nw"
#ifndef BENCH_H
#define BENCH_H
#include <stdio.h>
typedef struct {
    const char *measure, *kernels;
    int threads;
    const char *unit;
    double value;
} BenchRow;
void bench_rows_print(FILE *out, const BenchRow *rows, int n);
int bench_rows_write(const char *path, const BenchRow *rows, int n);
#endif
