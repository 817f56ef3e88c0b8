#line 127 "book/20-tensors-and-rng.nw"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include "base/check.h"

void check_fail(const char *cond, const char *file, int line)
{
    fflush(stdout);
    fprintf(stderr, "%s:%d: checked runtime error: %s\n", file, line, cond);
    abort();
}
#line 153 "book/20-tensors-and-rng.nw"
int input_error(char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (errlen > 0)
        vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
    return -1;
}
