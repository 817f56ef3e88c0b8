#line 113 "book/20-tensors-and-rng.nw"
#ifndef CHECK_H
#define CHECK_H
#include <stddef.h>
_Noreturn void check_fail(const char *cond, const char *file, int line);
#define CHECK(cond) ((cond) ? (void)0 : check_fail(#cond, __FILE__, __LINE__))
int input_error(char *err, size_t errlen, const char *fmt, ...);
#endif
