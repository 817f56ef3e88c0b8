#line 547 "book/25-mnist.nw"
#include "data/mnist.h"
#include "tap.h"
#line 565 "book/25-mnist.nw"
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <unistd.h>
#include <sys/stat.h>
#include <zlib.h>
#line 587 "book/25-mnist.nw"
enum { TINY = 3 };
static const uint8_t tiny_labels[TINY] = { 5, 0, 4 };

static uint8_t tiny_pixel(int i, int p)
{
    return (uint8_t)((7 * i + p) % 256);
}
#line 603 "book/25-mnist.nw"
static void put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24), p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8), p[3] = (uint8_t)v;
}

static size_t idx(uint8_t *buf, uint32_t magic, const uint32_t *dims, int ndims,
                  const uint8_t *data, size_t len)
{
    put32(buf, magic);
    for (int d = 0; d < ndims; d++)
        put32(buf + 4 + 4 * d, dims[d]);
    memcpy(buf + 4 + 4 * ndims, data, len);
    return 4 + 4 * (size_t)ndims + len;
}
#line 621 "book/25-mnist.nw"
static uint8_t pixels[TINY * MNIST_PIXELS];

static size_t make_images(uint8_t *buf, uint32_t magic, uint32_t count, uint32_t rows,
                          uint32_t cols)
{
    uint32_t dims[3] = { count, rows, cols };
    for (int i = 0; i < TINY; i++)
        for (int p = 0; p < MNIST_PIXELS; p++)
            pixels[i * MNIST_PIXELS + p] = tiny_pixel(i, p);
    return idx(buf, magic, dims, 3, pixels, sizeof pixels);
}

static size_t make_labels(uint8_t *buf, uint32_t magic, uint32_t count)
{
    return idx(buf, magic, &count, 1, tiny_labels, TINY);
}
#line 643 "book/25-mnist.nw"
static char case_dir[4200];
static int cases;

static const char *new_case(const char *root)
{
    snprintf(case_dir, sizeof case_dir, "%s/case%02d", root, ++cases);
    mkdir(case_dir, 0700);
    return case_dir;
}

static void put_file(const char *dir, const char *name, const uint8_t *buf, size_t len)
{
    char path[4400];
    size_t n = strlen(name);
    snprintf(path, sizeof path, "%s/%s", dir, name);
    if (n > 3 && strcmp(name + n - 3, ".gz") == 0) {
        gzFile gz = gzopen(path, "wb");
        gzwrite(gz, buf, (unsigned)len);
        gzclose(gz);
    } else {
        FILE *f = fopen(path, "wb");
        fwrite(buf, 1, len, f);
        fclose(f);
    }
}
#line 676 "book/25-mnist.nw"
static const char *set_up(const char *root, const uint8_t *img, size_t len_i,
                          const uint8_t *lab, size_t len_l, const char *suffix)
{
    const char *dir = new_case(root);
    char name[64];
    snprintf(name, sizeof name, "train-images-idx3-ubyte%s", suffix);
    put_file(dir, name, img, len_i);
    snprintf(name, sizeof name, "train-labels-idx1-ubyte%s", suffix);
    put_file(dir, name, lab, len_l);
    return dir;
}
#line 692 "book/25-mnist.nw"
static void expect_tiny(const char *what, const char *dir)
{
    Mnist set;
    char err[512] = "";
    int rc = mnist_load(&set, dir, "train", err, sizeof err);
    tap_ok(rc == 0 && set.n == TINY, "%s: loads %d images (%s)", what, set.n,
           rc == 0 ? "no error" : err);
    tap_ok(rc == 0 && memcmp(set.images, pixels, sizeof pixels) == 0,
           "%s: every pixel as written", what);
    tap_ok(rc == 0 && memcmp(set.labels, tiny_labels, TINY) == 0,
           "%s: labels 5 0 4", what);
    mnist_free(&set);
}
#line 726 "book/25-mnist.nw"
static void remove_tree(const char *path)
{
    DIR *d = opendir(path);
    struct dirent *e;
    char sub[4400];
    if (d == NULL) {
        unlink(path);
        return;
    }
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
            snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
            remove_tree(sub);
        }
    closedir(d);
    rmdir(path);
}
#line 761 "book/25-mnist.nw"
static void check_real(const char *dir, const char *split, int n, const int *classes,
                       double mean)
{
    Mnist set;
    char err[512] = "";
    int hist[MNIST_CLASSES] = { 0 }, sum = 0, same = 1;
    double pixels_sum = 0;
    int rc = mnist_load(&set, dir, split, err, sizeof err);
    tap_ok(rc == 0 && set.n == n, "real %s set loads %d images (%s)", split, set.n,
           rc == 0 ? "no error" : err);
    #line 787 "book/25-mnist.nw"
    for (int i = 0; i < set.n; i++)
        hist[set.labels[i]]++;
    for (int c = 0; c < MNIST_CLASSES; c++)
        sum += hist[c], same = same && hist[c] == classes[c];
    for (size_t p = 0; p < (size_t)set.n * MNIST_PIXELS; p++)
        pixels_sum += set.images[p];
    #line 778 "book/25-mnist.nw"
    tap_ok(sum == n, "real %s labels: histogram sums to %d", split, sum);
    tap_ok(same, "real %s class sizes %d %d %d %d %d %d %d %d %d %d", split, hist[0], hist[1],
           hist[2], hist[3], hist[4], hist[5], hist[6], hist[7], hist[8], hist[9]);
    pixels_sum /= (double)n * MNIST_PIXELS * 255.0;
    tap_ok(tap_rel_err(pixels_sum, mean, 1e-9) < 1e-3, "real %s mean pixel %.4f, expected %.4f",
           split, pixels_sum, mean);
    #line 773 "book/25-mnist.nw"
    mnist_free(&set);
}
#line 80 "book/92-faults.nw"
static const char *damage_gz(const char *root, const uint8_t *img, size_t len_i,
                             const uint8_t *lab, size_t len_l, long at)
{
    const char *dir = set_up(root, img, len_i, lab, len_l, ".gz");
    char path[4400];
    struct stat st;
    snprintf(path, sizeof path, "%s/train-images-idx3-ubyte.gz", dir);
    stat(path, &st);
    if (at < 0)
        truncate(path, st.st_size + at);
    else
        #line 97 "book/92-faults.nw"
        {
            FILE *f = fopen(path, "r+b");
            int c;
            fseek(f, at, SEEK_SET);
            c = fgetc(f);
            fseek(f, at, SEEK_SET);
            fputc(c ^ 0xff, f);
            fclose(f);
        }
    #line 92 "book/92-faults.nw"
    return dir;
}
#line 112 "book/92-faults.nw"
static void expect_error(const char *what, const char *dir, const char *split,
                         const char *phrase)
{
    Mnist set;
    char err[512] = "";
    int rc = mnist_load(&set, dir, split, err, sizeof err);
    tap_ok(rc != 0 && strstr(err, phrase) != NULL && set.n == 0 && set.images == NULL
           && set.labels == NULL, "%s: \"%s\"", what, err);
    if (strstr(err, phrase) == NULL)
        tap_diag("expected the message to contain \"%s\"", phrase);
    mnist_free(&set);
}

#line 552 "book/25-mnist.nw"
int main(void)
{
    #line 574 "book/25-mnist.nw"
    char root[] = "/tmp/mnist-test-XXXXXX";
    if (mkdtemp(root) == NULL) {
        printf("Bail out! cannot make a temporary directory\n");
        return 1;
    }
    #line 710 "book/25-mnist.nw"
    uint8_t img[2 * (16 + TINY * MNIST_PIXELS)] = { 0 }, lab[64] = { 0 };
    size_t len_i = make_images(img, 0x803, TINY, 28, 28);
    size_t len_l = make_labels(lab, 0x801, TINY);
    expect_tiny("plain files", set_up(root, img, len_i, lab, len_l, ""));
    expect_tiny("gzip files", set_up(root, img, len_i, lab, len_l, ".gz"));
    {
        const char *dir = new_case(root);
        put_file(dir, "train-images-idx3-ubyte.gz", img, len_i);
        put_file(dir, "train-labels-idx1-ubyte", lab, len_l);
        expect_tiny("gzip images, plain labels", dir);
    }
    #line 132 "book/92-faults.nw"
    expect_error("truncated images", set_up(root, img, len_i - 100, lab, len_l, ""),
                 "train", "truncated: header promises 2352 data bytes, file has 2252");
    expect_error("truncated labels", set_up(root, img, len_i, lab, len_l - 1, ""),
                 "train", "truncated: header promises 3 data bytes, file has 2");
    expect_error("truncated gzip images", set_up(root, img, len_i - 100, lab, len_l, ".gz"),
                 "train", "train-images-idx3-ubyte.gz: truncated");
    expect_error("truncated header", set_up(root, img, 10, lab, len_l, ""),
                 "train", "truncated header: 10 of 16 bytes");
    expect_error("trailing bytes", set_up(root, img, len_i + 5, lab, len_l, ""),
                 "train", "trailing bytes");
    #line 149 "book/92-faults.nw"
    expect_error("gzip trailer cut", damage_gz(root, img, len_i, lab, len_l, -4),
                 "train", "train-images-idx3-ubyte.gz: read error: unexpected end of file");
    expect_error("gzip data corrupted", damage_gz(root, img, len_i, lab, len_l, 100),
                 "train", "train-images-idx3-ubyte.gz: read error");
    #line 156 "book/92-faults.nw"
    make_images(img, 0x801, TINY, 28, 28);
    expect_error("images with the labels magic", set_up(root, img, len_i, lab, len_l, ""),
                 "train", "magic number 0x00000801, expected 0x00000803");
    make_images(img, 0x03080000, TINY, 28, 28);
    expect_error("little-endian images", set_up(root, img, len_i, lab, len_l, ""),
                 "train", "magic number 0x03080000");
    make_images(img, 0x803, TINY, 28, 28);
    make_labels(lab, 0x803, TINY);
    expect_error("labels with the images magic", set_up(root, img, len_i, lab, len_l, ""),
                 "train", "magic number 0x00000803, expected 0x00000801");
    make_labels(lab, 0x801, TINY);
    #line 170 "book/92-faults.nw"
    make_images(img, 0x803, TINY, 28, 32);
    expect_error("28x32 images", set_up(root, img, len_i, lab, len_l, ""),
                 "train", "images are 28x32, expected 28x28");
    make_images(img, 0x803, TINY, 0, 28);
    expect_error("0x28 images", set_up(root, img, len_i, lab, len_l, ""),
                 "train", "images are 0x28");
    #line 179 "book/92-faults.nw"
    make_images(img, 0x803, 0xFFFFFFFF, 28, 28);
    expect_error("huge lying count", set_up(root, img, len_i, lab, len_l, ""),
                 "train", "claims 4294967295 items");
    make_images(img, 0x803, MNIST_MAX_COUNT, 28, 28);
    expect_error("lying count within the bound", set_up(root, img, len_i, lab, len_l, ""),
                 "train", "truncated: header promises 784000000 data bytes");
    make_images(img, 0x803, TINY, 28, 28);
    #line 192 "book/92-faults.nw"
    len_l = make_labels(lab, 0x801, TINY - 1);
    expect_error("count mismatch", set_up(root, img, len_i, lab, len_l - 1, ""),
                 "train", "has 3 images but train-labels-idx1-ubyte has 2 labels");
    len_l = make_labels(lab, 0x801, TINY);
    lab[8 + 1] = 10;
    expect_error("label 10", set_up(root, img, len_i, lab, len_l, ""),
                 "train", "label 10 at index 1 is not a digit");
    lab[8 + 1] = tiny_labels[1];
    #line 207 "book/92-faults.nw"
    {
        const char *dir = new_case(root);
        put_file(dir, "train-images-idx3-ubyte", img, len_i);
        expect_error("missing labels", dir, "train",
                     "train-labels-idx1-ubyte: no such file (nor .gz); run `make data`");
        expect_error("unknown split", dir, "test", "unknown MNIST split \"test\"");
    }
    #line 222 "book/92-faults.nw"
    {
        const char *dir = set_up(root, img, len_i, lab, len_l, "");
        char path[4400];
        FILE *probe;
        snprintf(path, sizeof path, "%s/train-labels-idx1-ubyte", dir);
        chmod(path, 0);
        if ((probe = fopen(path, "rb")) != NULL) {
            fclose(probe);
            tap_ok(1, "unreadable labels # skip permissions do not stop this user (root?)");
        } else {
            expect_error("unreadable labels", dir, "train", "cannot open: Permission denied");
        }
    }
    #line 238 "book/92-faults.nw"
    {
        char path[4400];
        snprintf(path, sizeof path, "%s/a-file", root);
        put_file(root, "a-file", img, len_i);
        expect_error("directory that is a file", path, "train", "a-file: not a directory");
        snprintf(path, sizeof path, "%s/nowhere", root);
        expect_error("missing directory", path, "train", "nowhere: no such directory");
    }
    #line 796 "book/25-mnist.nw"
    {
        static const int train[MNIST_CLASSES] = { 5923, 6742, 5958, 6131, 5842,
                                                  5421, 5918, 6265, 5851, 5949 };
        static const int t10k[MNIST_CLASSES] = { 980, 1135, 1032, 1010, 982,
                                                 892, 958, 1028, 974, 1009 };
        struct stat st;
        if (stat("data/mnist", &st) == 0) {
            check_real("data/mnist", "train", 60000, train, 0.1307);
            check_real("data/mnist", "t10k", 10000, t10k, 0.1325);
        } else {
            for (int i = 0; i < 8; i++)
                tap_ok(1, "real MNIST # skip data/mnist absent; run `make data`");
        }
    }
    #line 746 "book/25-mnist.nw"
    remove_tree(root);
    #line 560 "book/25-mnist.nw"
    return tap_done();
}
