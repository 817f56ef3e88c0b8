#line 13 "book/90-testing.nw"
#ifndef TAP_H
#define TAP_H
#line 26 "book/90-testing.nw"
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#line 30 "book/90-testing.nw"
static int tap_run;
static int tap_failed;
#line 39 "book/90-testing.nw"
static inline int tap_ok(int cond, const char *fmt, ...)
{
    va_list ap;
    tap_run++;
    if (!cond)
        tap_failed++;
    printf("%s %d - ", cond ? "ok" : "not ok", tap_run);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
    fflush(stdout);
    return cond;
}
#line 59 "book/90-testing.nw"
static inline void tap_diag(const char *fmt, ...)
{
    va_list ap;
    printf("# ");
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
    fflush(stdout);
}
#line 79 "book/90-testing.nw"
static inline double tap_rel_err(double a, double b, double floor)
{
    double scale = fmax(fabs(a), fabs(b));
    return fabs(a - b) / fmax(scale, floor);
}
#line 93 "book/90-testing.nw"
static inline int tap_done(void)
{
    printf("1..%d\n", tap_run);
    if (tap_failed)
        tap_diag("failed %d of %d checks", tap_failed, tap_run);
    return tap_failed == 0 && tap_run > 0 ? 0 : 1;
}
#line 18 "book/90-testing.nw"
#endif
