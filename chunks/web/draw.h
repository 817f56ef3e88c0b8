#line 546 "book/32-browser.nw"
#ifndef DRAW_H
#define DRAW_H
#include <stdint.h>
#line 405 "book/32-browser.nw"
/* out (28,28) = the ink of canvas (H,W), 0..255, made into an MNIST digit; 0, or -1 with out all 0 if no ink */
int mnist_from_drawing(uint8_t *out, const uint8_t *canvas, int H, int W);
#line 550 "book/32-browser.nw"
#endif
