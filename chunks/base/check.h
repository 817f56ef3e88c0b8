#line 120 "book/20-tensors-and-rng.nw"
#ifndef CHECK_H
#define CHECK_H
#include <stddef.h>
#line 128 "book/20-tensors-and-rng.nw"
/* a failed CHECK: prints file, line and condition, then aborts */
_Noreturn void check_fail(const char *cond, const char *file, int line);
#define CHECK(cond) ((cond) ? (void)0 : check_fail(#cond, __FILE__, __LINE__))
/* writes the formatted message into err (errlen bytes) and returns -1 */
int input_error(char *err, size_t errlen, const char *fmt, ...);
#line 187 "book/20-tensors-and-rng.nw"
/* malloc, calloc, realloc, aligned_alloc and strdup that never return NULL:
   out of memory prints one line and exits with status 1 */
void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t size);
void *xaligned_alloc(size_t alignment, size_t size);
char *xstrdup(const char *s);
#line 124 "book/20-tensors-and-rng.nw"
#endif
