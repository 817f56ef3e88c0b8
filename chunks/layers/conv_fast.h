#line 1005 "book/30-fast-conv.nw"
#ifndef CONV_FAST_H
#define CONV_FAST_H
#include <stddef.h>
#line 696 "book/30-fast-conv.nw"
typedef struct ConvWork {
    float *mem;
    size_t size;
} ConvWork;
size_t conv_work_size(int N, int C, int H, int W, int K, int R, int pad);
void conv_work_reserve(ConvWork *work, size_t size);
void conv_work_free(ConvWork *work);
#line 876 "book/30-fast-conv.nw"
void conv2d_forward_fast(float *out, const float *in, const float *w,
                         int N, int C, int H, int W, int K, int R, int pad, ConvWork *work);
#line 923 "book/30-fast-conv.nw"
void conv2d_backward_fast(float *din, float *dw, const float *dout, const float *in, const float *w,
                          int N, int C, int H, int W, int K, int R, int pad, ConvWork *work);
#line 1009 "book/30-fast-conv.nw"
#endif
