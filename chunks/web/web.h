#line 266 "book/32-browser.nw"
#ifndef WEB_H
#define WEB_H
#include <stddef.h>
#include <stdint.h>
#include "base/real.h"
#line 144 "book/32-browser.nw"
/* the model file's size bytes at buf become the network; 0, or -1 after a message on stderr */
int web_model_read(const unsigned char *buf, size_t size);
/* pixels (28,28) bytes, MNIST's: the predicted digit; web_probs() then holds the ten probabilities */
int web_predict(const uint8_t *pixels);
/* (10) the probabilities of the last web_predict */
const double *web_probs(void);
#line 205 "book/32-browser.nw"
/* the number of layers of the model */
int web_layers(void);
/* (4) layer l's kind, channels, height, width */
const int *web_layer_shape(int l);
/* (K,H,W) layer l's output for the last web_predict */
const real *web_layer_out(int l);
#line 244 "book/32-browser.nw"
/* excelnet's CSV, header and one row per step, for iters steps at rate lr from the class spreadsheet */
const char *web_excelnet(double lr, int iters);
#line 272 "book/32-browser.nw"
#endif
