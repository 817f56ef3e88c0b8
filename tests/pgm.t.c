#line 525 "book/26b-pgm.nw"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "data/pgm.h"
#include "base/rng.h"
#include "tap.h"
#line 561 "book/26b-pgm.nw"
enum { MAX_FILES = 64 };
static char files[MAX_FILES][128];
static int n_files;

static const char *put(const char *dir, const char *name, const void *bytes, size_t len)
{
    char *path = files[n_files++];
    snprintf(path, sizeof files[0], "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    fwrite(bytes, 1, len, f);
    fclose(f);
    return path;
}

static const char *put_text(const char *dir, const char *name, const char *text)
{
    return put(dir, name, text, strlen(text));
}
#line 591 "book/26b-pgm.nw"
static void expect_pixels(const char *what, const char *path, int H, int W, const uint8_t *want)
{
    uint8_t got[64];
    char err[256] = "";
    int rc = pgm_read(got, H, W, path, err, sizeof err);
    tap_ok(rc == 0 && memcmp(got, want, (size_t)(H * W)) == 0, "%s: reads %dx%d, every pixel as expected (%s)",
           what, W, H, rc == 0 ? "no error" : err);
}
#line 602 "book/26b-pgm.nw"
static void expect_error(const char *what, const char *path, int H, int W, const char *phrase)
{
    uint8_t got[28 * 28];
    char err[256] = "";
    int rc = pgm_read(got, H, W, path, err, sizeof err);
    int named = strncmp(err, path, strlen(path)) == 0;
    tap_ok(rc == -1 && named && strstr(err, phrase) != NULL, "%s: \"%s\"", what, err);
    if (strstr(err, phrase) == NULL)
        tap_diag("expected the message to contain \"%s\"", phrase);
}
#line 700 "book/26b-pgm.nw"
typedef struct {
    const char *what, *name, *bytes;
    int H, W;
    const char *phrase;
} Case;

static void expect_errors(const char *dir, const Case *cases, size_t n)
{
    for (size_t c = 0; c < n; c++) {
        const Case *k = &cases[c];
        expect_error(k->what, put_text(dir, k->name, k->bytes), k->H, k->W, k->phrase);
    }
}

#line 533 "book/26b-pgm.nw"
int main(void)
{
    #line 549 "book/26b-pgm.nw"
    char dir[] = "/tmp/pgm-test-XXXXXX";
    if (mkdtemp(dir) == NULL) {
        printf("Bail out! cannot make a temporary directory\n");
        return 1;
    }
    #line 618 "book/26b-pgm.nw"
    {
        uint8_t img[28 * 28], back[28 * 28];
        char err[256] = "", path[128];
        Rng rng;
        rng_seed(&rng, 26);
        for (int k = 0; k < 28 * 28; k++)
            img[k] = (uint8_t)rng_below(&rng, 256);
        snprintf(path, sizeof path, "%s/round.pgm", dir);
        strcpy(files[n_files++], path);
        int rc = pgm_write(path, img, 28, 28, err, sizeof err);
        tap_ok(rc == 0, "pgm_write 28x28 (%s)", rc == 0 ? "no error" : err);
        rc = pgm_read(back, 28, 28, path, err, sizeof err);
        tap_ok(rc == 0 && memcmp(img, back, sizeof img) == 0, "round trip: every pixel back (%s)",
               rc == 0 ? "no error" : err);
        memset(back, 0, sizeof back);
        rc = pgm_read_digit(back, path, err, sizeof err);
        tap_ok(rc == 0 && memcmp(img, back, sizeof img) == 0, "pgm_read_digit reads it too (%s)",
               rc == 0 ? "no error" : err);
        #line 641 "book/26b-pgm.nw"
        FILE *f = fopen(path, "rb");
        char head[16] = "";
        long size = -1;
        if (f != NULL) {
            size_t got = fread(head, 1, 13, f);
            head[got] = '\0';
            fseek(f, 0, SEEK_END);
            size = ftell(f);
            fclose(f);
        }
        tap_ok(strcmp(head, "P5\n28 28\n255\n") == 0 && size == 13 + 28 * 28,
               "written file: header P5 28 28 255, %ld bytes (expected 797)", size);
    #line 637 "book/26b-pgm.nw"
    }
    #line 660 "book/26b-pgm.nw"
    static const uint8_t six[6] = { 0, 1, 127, 128, 254, 255 };
    expect_pixels("P2 with comments and odd whitespace",
                  put_text(dir, "plain.pgm", "P2\n# a comment\n3\t# width\n\n 2 # height\r\n255\n"
                                             "0 1   127 # first row\n128\t254 255"), 2, 3, six);
    {
        static const char head[] = "P5 # binary\n# another comment\n3 2\n255\n";
        char buf[sizeof head - 1 + 6];
        memcpy(buf, head, sizeof head - 1);
        memcpy(buf + sizeof head - 1, six, 6);
        expect_pixels("P5 with comments", put(dir, "binary.pgm", buf, sizeof buf), 2, 3, six);
    }
    #line 681 "book/26b-pgm.nw"
    static const uint8_t want15[4] = { 0, 119, 136, 255 };
    expect_pixels("P2 maxval 15", put_text(dir, "m15.pgm", "P2 4 1 15 0 7 8 15\n"), 1, 4, want15);
    static const uint8_t want1[4] = { 0, 255, 255, 0 };
    expect_pixels("P2 maxval 1", put_text(dir, "m1.pgm", "P2 2 2 1\n0 1\n1 0\n"), 2, 2, want1);
    {
        static const uint8_t wide[] = { 'P', '5', ' ', '3', ' ', '1', ' ', '6', '5', '5', '3', '5', '\n',
                                        0x00, 0x00, 0x80, 0x00, 0xff, 0xff };
        static const uint8_t want16[3] = { 0, 128, 255 };
        expect_pixels("P5 maxval 65535, two bytes a sample", put(dir, "m16.pgm", wide, sizeof wide),
                      1, 3, want16);
    }
    #line 719 "book/26b-pgm.nw"
    {
        char missing[128];
        snprintf(missing, sizeof missing, "%s/nowhere.pgm", dir);
        expect_error("missing file", missing, 28, 28, "cannot open: No such file or directory");
    }
    expect_error("a directory", dir, 28, 28, "read error: Is a directory");
    static const Case not_pgm[] = {
        { "empty file", "empty.pgm", "", 28, 28, "empty file, not a PGM image" },
        { "colour PPM", "colour.ppm", "P6\n28 28\n255\n", 28, 28,
          "a PPM colour image (starts with bytes 0x50 0x36)" },
        { "PNG bytes", "digit.png", "\x89PNG\r\n\x1a\n", 28, 28,
          "a PNG image (starts with bytes 0x89 0x50), not a greyscale PGM" },
        { "text", "text.pgm", "hello\n", 28, 28, "not a PGM image" },
    };
    expect_errors(dir, not_pgm, sizeof not_pgm / sizeof not_pgm[0]);
    #line 742 "book/26b-pgm.nw"
    static const Case headers[] = {
        { "header cut after the width", "cut.pgm", "P5\n28 ", 28, 28, "truncated header: no height" },
        { "header ends in a comment", "comment.pgm", "P2 28 28 # 255", 28, 28,
          "truncated header: no maxval" },
        { "negative width", "neg.pgm", "P2 -28 28 255\n", 28, 28,
          "width \"-28\" is not a whole number from 1 to 4096" },
        { "zero height", "zero.pgm", "P5 28 0 255\n", 28, 28,
          "height \"0\" is not a whole number from 1 to 4096" },
        { "height not a number", "abc.pgm", "P5 28 abc 255\n", 28, 28,
          "height \"abc\" is not a whole number" },
        { "width 4097", "wide.pgm", "P5 4097 28 255\n", 28, 28,
          "width \"4097\" is not a whole number from 1 to 4096" },
        { "huge width", "huge.pgm", "P5 99999999999999999999 28 255\n", 28, 28,
          "width \"99999999999999999999\" is not a whole number from 1 to 4096" },
        { "wrong size", "30x28.pgm", "P5 30 28 255\n", 28, 28, "is 30x28, expected 28x28" },
        { "maxval 0", "max0.pgm", "P5 28 28 0\n", 28, 28,
          "maxval \"0\" is not a whole number from 1 to 65535" },
        { "maxval 65536", "max65536.pgm", "P5 28 28 65536\n", 28, 28,
          "maxval \"65536\" is not a whole number from 1 to 65535" },
    };
    expect_errors(dir, headers, sizeof headers / sizeof headers[0]);
    #line 771 "book/26b-pgm.nw"
    static const Case rasters[] = {
        { "P5 raster cut", "cut5.pgm", "P5 3 2 255\n\1\2\3\4\5", 2, 3,
          "truncated pixel data: 5 of 6 bytes" },
        { "16-bit P5 raster cut", "cut16.pgm", "P5 3 2 65535\n\1\2\3", 2, 3,
          "truncated pixel data: 3 of 12 bytes" },
        { "P2 raster cut", "cut2.pgm", "P2 3 2 255\n1 2 3\n4 5\n", 2, 3,
          "truncated pixel data: 5 of 6 samples" },
        { "P5 sample above maxval", "over5.pgm", "P5 3 2 100\n\1\2\3\4\310\6", 2, 3,
          "sample at row 1, column 1 is 200, more than maxval 100" },
        { "P2 sample above maxval", "over2.pgm", "P2 3 2 255\n1 2 3\n300 5 6\n", 2, 3,
          "sample at row 1, column 0 is \"300\", not a whole number from 0 to 255 (the maxval)" },
        { "P2 stray word", "word.pgm", "P2 3 2 255\n1 2 x3\n4 5 6\n", 2, 3,
          "sample at row 0, column 2 is \"x3\", not a whole number" },
        { "P2 extra sample", "extra2.pgm", "P2 3 2 255\n1 2 3\n4 5 6 7\n", 2, 3,
          "trailing data after the 6 samples: \"7\"" },
        { "P5 extra byte", "extra5.pgm", "P5 3 2 255\n\1\2\3\4\5\6\n", 2, 3,
          "trailing bytes after the 6 samples" },
        { "P5 header ending in CR LF", "crlf5.pgm", "P5\r\n3 2\r\n255\r\n\1\2\3\4\5\6", 2, 3,
          "the header ends in CR LF" },
    };
    expect_errors(dir, rasters, sizeof rasters / sizeof rasters[0]);
    #line 798 "book/26b-pgm.nw"
    {
        uint8_t px[4] = { 0 };
        char err[256] = "";
        if (access("/dev/full", W_OK) == 0) {
            int rc = pgm_write("/dev/full", px, 2, 2, err, sizeof err);
            tap_ok(rc == -1 && strstr(err, "/dev/full: write error: No space left on device") != NULL,
                   "write to a full disk: \"%s\"", err);
        } else {
            tap_ok(1, "write to a full disk # skip no /dev/full");
        }
    }
    #line 582 "book/26b-pgm.nw"
    for (int k = 0; k < n_files; k++)
        unlink(files[k]);
    rmdir(dir);
    #line 544 "book/26b-pgm.nw"
    return tap_done();
}
