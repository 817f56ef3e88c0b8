#line 113 "book/26b-pgm.nw"
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "base/check.h"
#include "data/pgm.h"
#line 199 "book/26b-pgm.nw"
#include <limits.h>
#line 471 "book/26b-pgm.nw"
#include "data/mnist.h"
#line 189 "book/26b-pgm.nw"
enum { TOKEN_SIZE = 24 };
#line 225 "book/26b-pgm.nw"
typedef struct {
    int plain, crlf;
    unsigned long width, height, maxval;
} Header;
#line 137 "book/26b-pgm.nw"
static int is_space(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static int next_token(char *tok, size_t size, FILE *f)
{
    /* tok (size bytes) <- the next token of f, clipped with "..."; 0 at end of file,
       else the character after the token */
    int c = getc(f);
    #line 158 "book/26b-pgm.nw"
    for (;;) {
        if (c == '#')
            while (c != EOF && c != '\n' && c != '\r')
                c = getc(f);
        if (c == EOF || !is_space(c))
            break;
        c = getc(f);
    }
    #line 148 "book/26b-pgm.nw"
    if (c == EOF) {
        tok[0] = '\0';
        return 0;
    }
    #line 175 "book/26b-pgm.nw"
    size_t n = 0;
    int clipped = 0;
    for (; c != EOF && !is_space(c); c = getc(f)) {
        if (n + 1 < size)
            tok[n++] = c > ' ' && c < 0x7f ? (char)c : '?';
        else
            clipped = 1;
    }
    tok[n] = '\0';
    if (clipped)
        memcpy(tok + size - 4, "...", 4);
    #line 153 "book/26b-pgm.nw"
    return c;
}
#line 201 "book/26b-pgm.nw"
static int parse_number(unsigned long *v, const char *tok)
{
    if (tok[0] == '\0' || strspn(tok, "0123456789") != strlen(tok))
        return -1;
    errno = 0;
    *v = strtoul(tok, NULL, 10);
    if (errno == ERANGE)
        *v = ULONG_MAX;
    return 0;
}
#line 238 "book/26b-pgm.nw"
static int read_field(unsigned long *v, int *end, FILE *f, const char *what, unsigned long lo,
                      unsigned long hi, const char *path, char *err, size_t errlen)
{
    char tok[TOKEN_SIZE];
    if ((*end = next_token(tok, sizeof tok, f)) == 0) {
        #line 218 "book/26b-pgm.nw"
        if (ferror(f))
            return input_error(err, errlen, "%s: read error: %s", path, strerror(errno));
        #line 244 "book/26b-pgm.nw"
        return input_error(err, errlen, "%s: truncated header: no %s", path, what);
    }
    if (parse_number(v, tok) != 0 || *v < lo || *v > hi)
        return input_error(err, errlen, "%s: %s \"%s\" is not a whole number from %lu to %lu", path,
                    what, tok, lo, hi);
    return 0;
}
#line 263 "book/26b-pgm.nw"
static int read_header(Header *h, FILE *f, int H, int W, const char *path, char *err,
                       size_t errlen)
{
    int end;
    #line 310 "book/26b-pgm.nw"
    int c0 = getc(f), c1 = c0 == EOF ? EOF : getc(f);
    if (c0 == EOF) {
        #line 218 "book/26b-pgm.nw"
        if (ferror(f))
            return input_error(err, errlen, "%s: read error: %s", path, strerror(errno));
        #line 313 "book/26b-pgm.nw"
        return input_error(err, errlen, "%s: empty file, not a PGM image", path);
    }
    if (c0 == 'P' && (c1 == '5' || c1 == '2')) {
        h->plain = c1 == '2';
    } else {
        #line 218 "book/26b-pgm.nw"
        if (ferror(f))
            return input_error(err, errlen, "%s: read error: %s", path, strerror(errno));
        #line 324 "book/26b-pgm.nw"
        const char *what = c0 == 'P' && (c1 == '1' || c1 == '4') ? "a PBM bitmap"
                         : c0 == 'P' && (c1 == '3' || c1 == '6') ? "a PPM colour image"
                         : c0 == 'P' && c1 == '7' ? "a PAM image"
                         : c0 == 0x89 && c1 == 'P' ? "a PNG image"
                         : c0 == 0xff && c1 == 0xd8 ? "a JPEG image" : "not a PGM image";
        return input_error(err, errlen, "%s: %s (starts with bytes 0x%02x 0x%02x), not a greyscale PGM "
                    "(P5 or P2); convert it to PGM first", path, what, c0, c1 == EOF ? 0 : c1);
    #line 319 "book/26b-pgm.nw"
    }
    #line 268 "book/26b-pgm.nw"
    if (read_field(&h->width, &end, f, "width", 1, PGM_MAX_SIDE, path, err, errlen) != 0
        || read_field(&h->height, &end, f, "height", 1, PGM_MAX_SIDE, path, err, errlen) != 0)
        return -1;
    if (h->width != (unsigned long)W || h->height != (unsigned long)H)
        return input_error(err, errlen, "%s: is %lux%lu, expected %dx%d", path, h->width, h->height,
                    W, H);
    if (read_field(&h->maxval, &end, f, "maxval", 1, PGM_MAX_MAXVAL, path, err, errlen) != 0)
        return -1;
    #line 295 "book/26b-pgm.nw"
    h->crlf = 0;
    if (!h->plain && end == '\r') {
        int c = getc(f);
        h->crlf = c == '\n';
        if (c != EOF)
            ungetc(c, f);
    }
    #line 277 "book/26b-pgm.nw"
    return 0;
}
#line 341 "book/26b-pgm.nw"
static uint8_t scale(unsigned long s, unsigned long maxval)
{
    return (uint8_t)((255 * s + maxval / 2) / maxval);
}
#line 352 "book/26b-pgm.nw"
static int read_raw(uint8_t *pixels, size_t n, const Header *h, FILE *f, const char *path,
                    char *err, size_t errlen)
{
    /* pixels (n) <- n samples of 1 or 2 bytes each, scaled to 0..255 */
    size_t bytes = h->maxval > 255 ? 2 : 1, w = h->width;
    for (size_t k = 0; k < n; k++) {
        unsigned long s = 0;
        #line 370 "book/26b-pgm.nw"
        for (size_t b = 0; b < bytes; b++) {
            int c = getc(f);
            if (c == EOF) {
                #line 218 "book/26b-pgm.nw"
                if (ferror(f))
                    return input_error(err, errlen, "%s: read error: %s", path, strerror(errno));
                #line 374 "book/26b-pgm.nw"
                return input_error(err, errlen, "%s: truncated pixel data: %zu of %zu bytes", path,
                            k * bytes + b, n * bytes);
            }
            s = s * 256 + (unsigned long)c;
        }
        #line 360 "book/26b-pgm.nw"
        if (s > h->maxval)
            return input_error(err, errlen, "%s: sample at row %zu, column %zu is %lu, more than maxval %lu",
                        path, k / w, k % w, s, h->maxval);
        pixels[k] = scale(s, h->maxval);
    }
    return 0;
}
#line 387 "book/26b-pgm.nw"
static int read_plain(uint8_t *pixels, size_t n, const Header *h, FILE *f, const char *path,
                      char *err, size_t errlen)
{
    /* pixels (n) <- n decimal samples, scaled to 0..255 */
    char tok[TOKEN_SIZE];
    size_t w = h->width;
    for (size_t k = 0; k < n; k++) {
        unsigned long s;
        #line 406 "book/26b-pgm.nw"
        if (!next_token(tok, sizeof tok, f)) {
            #line 218 "book/26b-pgm.nw"
            if (ferror(f))
                return input_error(err, errlen, "%s: read error: %s", path, strerror(errno));
            #line 408 "book/26b-pgm.nw"
            return input_error(err, errlen, "%s: truncated pixel data: %zu of %zu samples", path, k, n);
        }
        #line 396 "book/26b-pgm.nw"
        if (parse_number(&s, tok) != 0 || s > h->maxval)
            return input_error(err, errlen, "%s: sample at row %zu, column %zu is \"%s\", not a whole "
                        "number from 0 to %lu (the maxval)", path, k / w, k % w, tok, h->maxval);
        pixels[k] = scale(s, h->maxval);
    }
    return 0;
}
#line 416 "book/26b-pgm.nw"
static int check_end(const Header *h, size_t n, FILE *f, const char *path, char *err,
                     size_t errlen)
{
    char tok[TOKEN_SIZE];
    if (h->plain && next_token(tok, sizeof tok, f))
        return input_error(err, errlen, "%s: trailing data after the %zu samples: \"%s\"", path, n, tok);
    if (!h->plain && getc(f) != EOF) {
        if (h->crlf)
            return input_error(err, errlen, "%s: the header ends in CR LF (\\r\\n, a Windows line end), "
                        "but a P5 header ends in exactly one whitespace byte, so the pixels are off "
                        "by one; the file was probably copied as text, which also damages its pixels: "
                        "write it again", path);
        return input_error(err, errlen, "%s: trailing bytes after the %zu samples (a second image?)",
                    path, n);
    }
    #line 218 "book/26b-pgm.nw"
    if (ferror(f))
        return input_error(err, errlen, "%s: read error: %s", path, strerror(errno));
    #line 432 "book/26b-pgm.nw"
    return 0;
}
#line 446 "book/26b-pgm.nw"
int pgm_read(uint8_t *pixels, int H, int W, const char *path, char *err, size_t errlen)
{
    /* pixels (H,W) <- the PGM image at path, scaled to 0..255 */
    CHECK(pixels != NULL && path != NULL && (err != NULL || errlen == 0));
    CHECK(H > 0 && W > 0 && H <= PGM_MAX_SIDE && W <= PGM_MAX_SIDE);
    size_t n = (size_t)H * W;
    Header h;
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return input_error(err, errlen, "%s: cannot open: %s", path, strerror(errno));
    int rc = read_header(&h, f, H, W, path, err, errlen);
    if (rc == 0)
        rc = h.plain ? read_plain(pixels, n, &h, f, path, err, errlen)
                     : read_raw(pixels, n, &h, f, path, err, errlen);
    if (rc == 0)
        rc = check_end(&h, n, f, path, err, errlen);
    fclose(f);
    return rc;
}
#line 476 "book/26b-pgm.nw"
int pgm_read_digit(uint8_t *pixels, const char *path, char *err, size_t errlen)
{
    /* pixels (28,28) <- the PGM image at path */
    return pgm_read(pixels, MNIST_ROWS, MNIST_COLS, path, err, errlen);
}
#line 497 "book/26b-pgm.nw"
int pgm_write(const char *path, const uint8_t *pixels, int H, int W, char *err, size_t errlen)
{
    /* pixels (H,W) -> a P5 file at path, maxval 255 */
    CHECK(pixels != NULL && path != NULL && (err != NULL || errlen == 0));
    CHECK(H > 0 && W > 0 && H <= PGM_MAX_SIDE && W <= PGM_MAX_SIDE);
    size_t n = (size_t)H * W;
    FILE *f = fopen(path, "wb");
    if (f == NULL)
        return input_error(err, errlen, "%s: cannot open for writing: %s", path, strerror(errno));
    int ok = fprintf(f, "P5\n%d %d\n255\n", W, H) > 0 && fwrite(pixels, 1, n, f) == n;
    int saved = errno;
    if (fclose(f) != 0 || !ok)
        return input_error(err, errlen, "%s: write error: %s", path, strerror(ok ? errno : saved));
    return 0;
}
