#line 90 "book/20-tensors-and-rng.nw"
#include <stdio.h>
#include <stdlib.h>
#include "check.h"

void check_fail(const char *cond, const char *file, int line)
{
    fflush(stdout);
    fprintf(stderr, "%s:%d: checked runtime error: %s\n", file, line, cond);
    abort();
}
