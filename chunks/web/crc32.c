#line 348 "book/32-browser.nw"
#include "web/crc32.h"
uint32_t crc32_update(uint32_t crc, const unsigned char *p, size_t n)
{
    if (p == NULL)
        return 0;
    crc = ~crc;
    for (size_t i = 0; i < n; i++) {
        crc ^= p[i];
        for (int k = 0; k < 8; k++)
            crc = crc >> 1 ^ (0xEDB88320u & -(crc & 1u));
    }
    return ~crc;
}
