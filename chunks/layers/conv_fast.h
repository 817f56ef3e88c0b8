#line 559 "book/30a-im2col.nw"
#ifndef CONV_FAST_H
#define CONV_FAST_H
#include <stddef.h>
#line 45 "book/30a-im2col.nw"
typedef struct ConvWork {
    float *mem;    /* 64-byte aligned; {0} is an empty workspace */
    size_t size;   /* floats at mem */
} ConvWork;
/* floats of workspace the fast convolution of these sizes needs on omp_get_max_threads() threads */
size_t conv_work_size(int N, int C, int H, int W, int K, int R, int pad);
/* grows work to at least size floats, never shrinks it; the contents are scratch */
void conv_work_reserve(ConvWork *work, size_t size);
/* frees work's memory and leaves it empty, {0} */
void conv_work_free(ConvWork *work);
#line 374 "book/30a-im2col.nw"
/* conv2d_forward in float by im2col + gemm: out (N,K,Ho,Wo) = in (N,C,H,W) * w (K,C,R,R); overwrites out */
void conv2d_forward_im2col(float *out, const float *in, const float *w,
                           int N, int C, int H, int W, int K, int R, int pad, ConvWork *work);
#line 430 "book/30a-im2col.nw"
/* conv2d_backward in float: dw (K,C,R,R) +=, din (N,C,H,W) +=, din may be NULL; same bits on any threads */
void conv2d_backward_fast(float *din, float *dw, const float *dout, const float *in, const float *w,
                          int N, int C, int H, int W, int K, int R, int pad, ConvWork *work);
/* its two halves, which it calls in turn: dw (K,C,R,R) += the weight gradient */
void conv2d_backward_weights_fast(float *dw, const float *dout, const float *in,
                                  int N, int C, int H, int W, int K, int R, int pad, ConvWork *work);
/* and din (N,C,H,W) += the input gradient, or = with overwrite */
void conv2d_backward_data_fast(float *din, const float *dout, const float *w,
                               int N, int C, int H, int W, int K, int R, int pad, int overwrite, ConvWork *work);
/* the same two by im2col, GEMM and col2im, the way this section computes them */
void conv2d_backward_weights_im2col(float *dw, const float *dout, const float *in,
                                    int N, int C, int H, int W, int K, int R, int pad, ConvWork *work);
void conv2d_backward_data_im2col(float *din, const float *dout, const float *w,
                                 int N, int C, int H, int W, int K, int R, int pad, int overwrite, ConvWork *work);
#line 418 "book/30b-shifted.nw"
/* conv2d_forward in float, by gemm_shifted (R > 1 or pad > 0) or gemm: out (N,K,Ho,Wo); overwrites out.
   planes: NULL, or (N,K,2) = bn_plane_statistics of every plane of out */
void conv2d_forward_fast(float *out, float *planes, const float *in, const float *w,
                         int N, int C, int H, int W, int K, int R, int pad, ConvWork *work);
#line 563 "book/30a-im2col.nw"
#endif
