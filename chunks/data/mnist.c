#line 127 "book/25-mnist.nw"
#include "data/mnist.h"
#line 149 "book/25-mnist.nw"
#include <stdarg.h>
#include <stdio.h>
#line 161 "book/25-mnist.nw"
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#line 226 "book/25-mnist.nw"
#include <zlib.h>
#line 329 "book/25-mnist.nw"
#include <stdlib.h>
#line 494 "book/25-mnist.nw"
#include "base/check.h"
#line 137 "book/25-mnist.nw"
enum {
    IMAGES_MAGIC = 0x00000803,
    LABELS_MAGIC = 0x00000801
};
#line 333 "book/25-mnist.nw"
enum { BLOCK = 1 << 20 };
#line 64 "book/25-mnist.nw"
static uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}
#line 182 "book/25-mnist.nw"
static int find_file(char *path, size_t size, const char *dir, const char *name,
                     char *err, size_t errlen)
{
    static const char *suffix[] = { "", ".gz" };
    struct stat st;
    for (int i = 0; i < 2; i++) {
        #line 197 "book/25-mnist.nw"
        int len = snprintf(path, size, "%s/%s%s", dir, name, suffix[i]);
        if (len < 0 || (size_t)len >= size)
            return input_error(err, errlen, "%s/%s: path too long", dir, name);
        #line 206 "book/25-mnist.nw"
        if (stat(path, &st) == 0) {
            if (!S_ISREG(st.st_mode))
                return input_error(err, errlen, "%s: not a regular file", path);
            return 0;
        }
        if (errno != ENOENT)
            return input_error(err, errlen, "%s: %s", path, strerror(errno));
    #line 190 "book/25-mnist.nw"
    }
    return input_error(err, errlen, "%s/%s: no such file (nor .gz); run `make data` or pass --data DIR",
                dir, name);
}
#line 236 "book/25-mnist.nw"
static int gz_fail(gzFile gz, const char *path, char *err, size_t errlen)
{
    int code;
    const char *msg = gzerror(gz, &code);
    size_t len = strlen(path);
    if (code == Z_ERRNO)
        msg = strerror(errno);
    else if (strncmp(msg, path, len) == 0 && strncmp(msg + len, ": ", 2) == 0)
        msg += len + 2;
    return input_error(err, errlen, "%s: read error: %s", path, msg);
}
#line 258 "book/25-mnist.nw"
static int read_header(uint32_t *count, uint64_t *size, gzFile gz, const char *path,
                       uint32_t magic, char *err, size_t errlen)
{
    uint8_t head[16];
    int dims = (int)(magic & 0xff);
    int want = 4 + 4 * dims;
    #line 276 "book/25-mnist.nw"
    int got = gzread(gz, head, (unsigned)want);
    if (got < 0)
        return gz_fail(gz, path, err, errlen);
    if (got < want)
        return input_error(err, errlen, "%s: truncated header: %d of %d bytes", path, got, want);
    #line 289 "book/25-mnist.nw"
    if (be32(head) != magic)
        return input_error(err, errlen, "%s: magic number 0x%08lx, expected 0x%08lx (idx%d, unsigned bytes)",
                    path, (unsigned long)be32(head), (unsigned long)magic, dims);
    #line 60 "book/92-faults.nw"
    *count = be32(head + 4);
    if (*count > MNIST_MAX_COUNT)
        return input_error(err, errlen, "%s: header claims %lu items, more than the %d this loader accepts",
                    path, (unsigned long)*count, MNIST_MAX_COUNT);
    #line 308 "book/25-mnist.nw"
    if (dims == 3 && (be32(head + 8) != MNIST_ROWS || be32(head + 12) != MNIST_COLS))
        return input_error(err, errlen, "%s: images are %lux%lu, expected %dx%d", path,
                    (unsigned long)be32(head + 8), (unsigned long)be32(head + 12),
                    MNIST_ROWS, MNIST_COLS);
    #line 268 "book/25-mnist.nw"
    *size = (uint64_t)*count * (dims == 3 ? MNIST_PIXELS : 1);
    return 0;
}
#line 337 "book/25-mnist.nw"
static int read_body(uint8_t **data, gzFile gz, uint64_t size, const char *path,
                     char *err, size_t errlen)
{
    size_t cap = size < BLOCK ? (size_t)size : BLOCK, got = 0;
    uint8_t *buf = xmalloc(cap > 0 ? cap : 1);
    uint8_t extra;
    while (got < size) {
        #line 354 "book/25-mnist.nw"
        if (got == cap) {
            size_t more = cap * 2 < size ? cap * 2 : (size_t)size;
            buf = xrealloc(buf, more), cap = more;
        }
        #line 365 "book/25-mnist.nw"
        size_t ask = cap - got < BLOCK ? cap - got : BLOCK;
        int n = gzread(gz, buf + got, (unsigned)ask);
        if (n < 0 || n == 0) {
            free(buf);
            if (n < 0)
                return gz_fail(gz, path, err, errlen);
            return input_error(err, errlen, "%s: truncated: header promises %llu data bytes, file has %llu",
                        path, (unsigned long long)size, (unsigned long long)got);
        }
        got += (size_t)n;
    #line 346 "book/25-mnist.nw"
    }
    #line 386 "book/25-mnist.nw"
    int n = gzread(gz, &extra, 1), code;
    gzerror(gz, &code);
    if (n < 0 || code != Z_OK) {
        free(buf);
        return gz_fail(gz, path, err, errlen);
    }
    if (n > 0) {
        free(buf);
        return input_error(err, errlen, "%s: trailing bytes after the %llu data bytes the header promises",
                    path, (unsigned long long)size);
    }
    #line 348 "book/25-mnist.nw"
    *data = buf;
    return 0;
}
#line 404 "book/25-mnist.nw"
static int read_idx(uint8_t **data, uint32_t *count, const char *dir, const char *name,
                    uint32_t magic, char *err, size_t errlen)
{
    char path[4096];
    uint64_t size = 0;
    gzFile gz;
    int rc;
    *data = NULL;
    if (find_file(path, sizeof path, dir, name, err, errlen) != 0)
        return -1;
    #line 428 "book/25-mnist.nw"
    errno = 0;
    gz = gzopen(path, "rb");
    if (gz == NULL)
        return input_error(err, errlen, "%s: cannot open: %s", path,
                    errno != 0 ? strerror(errno) : "out of memory");
    #line 415 "book/25-mnist.nw"
    rc = read_header(count, &size, gz, path, magic, err, errlen);
    if (rc == 0)
        rc = read_body(data, gz, size, path, err, errlen);
    gzclose(gz);
    return rc;
}
#line 443 "book/25-mnist.nw"
static int load_split(Mnist *set, const char *dir, const char *split, char *err, size_t errlen)
{
    char images[32], labels[32];
    uint32_t n_images, n_labels;
    struct stat st;
    #line 466 "book/25-mnist.nw"
    if (strcmp(split, "train") != 0 && strcmp(split, "t10k") != 0)
        return input_error(err, errlen, "unknown MNIST split \"%s\"; expected \"train\" or \"t10k\"", split);
    #line 167 "book/25-mnist.nw"
    if (stat(dir, &st) != 0) {
        if (errno == ENOENT)
            return input_error(err, errlen, "%s: no such directory; run `make data` or pass --data DIR", dir);
        return input_error(err, errlen, "%s: %s", dir, strerror(errno));
    }
    if (!S_ISDIR(st.st_mode))
        return input_error(err, errlen, "%s: not a directory; --data takes the directory that holds the idx files", dir);
    #line 450 "book/25-mnist.nw"
    snprintf(images, sizeof images, "%s-images-idx3-ubyte", split);
    snprintf(labels, sizeof labels, "%s-labels-idx1-ubyte", split);
    if (read_idx(&set->images, &n_images, dir, images, IMAGES_MAGIC, err, errlen) != 0
        || read_idx(&set->labels, &n_labels, dir, labels, LABELS_MAGIC, err, errlen) != 0)
        return -1;
    #line 474 "book/25-mnist.nw"
    if (n_images != n_labels)
        return input_error(err, errlen, "%s/%s has %lu images but %s has %lu labels", dir, images,
                    (unsigned long)n_images, labels, (unsigned long)n_labels);
    #line 483 "book/25-mnist.nw"
    for (uint32_t i = 0; i < n_labels; i++)
        if (set->labels[i] >= MNIST_CLASSES)
            return input_error(err, errlen, "%s/%s: label %d at index %lu is not a digit 0..9", dir,
                        labels, set->labels[i], (unsigned long)i);
    #line 457 "book/25-mnist.nw"
    set->n = (int)n_images;
    return 0;
}
#line 498 "book/25-mnist.nw"
int mnist_load(Mnist *set, const char *dir, const char *split, char *err, size_t errlen)
{
    int rc;
    CHECK(set != NULL && dir != NULL && split != NULL);
    CHECK(err != NULL || errlen == 0);
    memset(set, 0, sizeof *set);
    rc = load_split(set, dir, split, err, errlen);
    if (rc != 0)
        mnist_free(set);
    return rc;
}
#line 512 "book/25-mnist.nw"
void mnist_free(Mnist *set)
{
    free(set->images);
    free(set->labels);
    memset(set, 0, sizeof *set);
}
