#line 378 "book/32-browser.nw"
#ifndef WASM_OMP_H
#define WASM_OMP_H
static inline int omp_get_max_threads(void) { return 1; }
static inline int omp_get_thread_num(void) { return 0; }
#endif
