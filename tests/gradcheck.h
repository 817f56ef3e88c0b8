#line 522 "book/20-tensors-and-rng.nw"
#ifndef GRADCHECK_H
#define GRADCHECK_H
#ifndef REAL_DOUBLE
#error "gradient checks need -DREAL_DOUBLE"
#endif
#line 534 "book/20-tensors-and-rng.nw"
#include <stddef.h>
#include <stdlib.h>
#include "base/check.h"
#include "base/real.h"
#include "base/rng.h"
#include "tap.h"
#line 632 "book/20-tensors-and-rng.nw"
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>
#line 551 "book/20-tensors-and-rng.nw"
#define GC_H     1e-3
#ifndef GC_TOL
#define GC_TOL   1e-6
#endif
#ifndef GC_FLOOR
#define GC_FLOOR 1e-8
#endif
#line 564 "book/20-tensors-and-rng.nw"
static inline real *gc_zeros(size_t n)
{
    real *x = xcalloc(n, sizeof *x);
    return x;
}

static inline real *gc_normal(size_t n, Rng *rng)
{
    real *x = gc_zeros(n);
    for (size_t i = 0; i < n; i++)
        x[i] = rng_normal(rng);
    return x;
}

static inline double gc_dot(const real *a, const real *b, size_t n)
{
    double s = 0;
    for (size_t i = 0; i < n; i++)
        s += (double)a[i] * b[i];
    return s;
}
#line 595 "book/20-tensors-and-rng.nw"
typedef double (*GcLoss)(void *ctx);

static inline int gc_check(const char *what, GcLoss loss, void *ctx, real *x, const real *dx, size_t n)
{
    double worst = -1, analytic = 0, numeric = 0;
    size_t at = 0;
    for (size_t i = 0; i < n; i++) {
        #line 615 "book/20-tensors-and-rng.nw"
        real saved = x[i];
        double L[4];
        for (int s = 0; s < 4; s++) {
            static const double step[4] = {1, -1, 2, -2};
            x[i] = saved + step[s] * GC_H;
            L[s] = loss(ctx);
        }
        x[i] = saved;
        double num = (8 * (L[0] - L[1]) - (L[2] - L[3])) / (12 * GC_H);
        #line 603 "book/20-tensors-and-rng.nw"
        double err = tap_rel_err(dx[i], num, GC_FLOOR);
        if (err > worst) {
            worst = err; at = i; analytic = dx[i]; numeric = num;
        }
    }
    return tap_ok(worst <= GC_TOL,
                  "%s: worst relative error %.1e over %zu entries (at %zu: analytic %.10f numeric %.10f)",
                  what, worst, n, at, analytic, numeric);
}
#line 637 "book/20-tensors-and-rng.nw"
static inline int gc_dies(void (*fn)(void *ctx), void *ctx)
{
    fflush(stdout);
    pid_t pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        if (freopen("/dev/null", "w", stderr) == NULL)
            _exit(2);
        fn(ctx);
        _exit(0);
    }
    int status;
    CHECK(waitpid(pid, &status, 0) == pid);
    return WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT;
}
#line 530 "book/20-tensors-and-rng.nw"
#endif
