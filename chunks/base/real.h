#line 49 "book/20-tensors-and-rng.nw"
#ifndef REAL_H
#define REAL_H
#ifdef REAL_DOUBLE
typedef double real;
#else
typedef float real;
#endif
#endif
