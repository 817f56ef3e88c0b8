#line 340 "book/32-browser.nw"
#ifndef CRC32_H
#define CRC32_H
#include <stddef.h>
#include <stdint.h>
/* zlib's crc32(crc, p, n): the CRC-32 of p (n bytes) continued from crc; 0 if p is NULL */
uint32_t crc32_update(uint32_t crc, const unsigned char *p, size_t n);
#endif
