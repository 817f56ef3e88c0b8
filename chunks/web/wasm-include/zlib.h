#line 368 "book/32-browser.nw"
#ifndef WASM_ZLIB_H
#define WASM_ZLIB_H
#include "web/crc32.h"
typedef unsigned long uLong;
typedef unsigned int uInt;
typedef unsigned char Bytef;
#define Z_NULL 0
#define crc32(crc, buf, len) crc32_update((uint32_t)(crc), (buf), (len))
#endif
