#line 83 "book/20-tensors-and-rng.nw"
#ifndef REAL_H
#define REAL_H
#ifdef REAL_DOUBLE
typedef double real;
#else
typedef float real;
#endif
#line 99 "book/20-tensors-and-rng.nw"
typedef enum { MODE_EVAL, MODE_TRAIN } Mode;  /* how a forward pass behaves: evaluation or training */
#line 91 "book/20-tensors-and-rng.nw"
#endif
