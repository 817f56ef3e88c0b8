#line 38 "book/93-programs.nw"
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "base/check.h"
#include "base/cli.h"
#line 62 "book/93-programs.nw"
int cli_parse_double(const char *text, double *out)
{
    char *end;
    if (*text == '\0' || strchr(" \t\n\v\f\r", *text))
        return -1;
    errno = 0;
    double v = strtod(text, &end);
    if (*end != '\0' || errno == ERANGE || !isfinite(v))
        return -1;
    *out = v;
    return 0;
}
#line 82 "book/93-programs.nw"
int cli_parse_doubles(const char *text, double *out, int n)
{
    char buf[64];
    for (int j = 0; j < n; j++) {
        size_t len = strcspn(text, ",");
        if (len >= sizeof buf)
            return -1;
        memcpy(buf, text, len);
        buf[len] = '\0';
        if (cli_parse_double(buf, &out[j]) != 0)
            return -1;
        text += len;
        if (j < n - 1 && *text++ != ',')
            return -1;
    }
    return *text == '\0' ? 0 : -1;
}
#line 108 "book/93-programs.nw"
int cli_parse_long(const char *text, long lo, long hi, long *out)
{
    char *end;
    if (*text == '\0' || strchr(" \t\n\v\f\r", *text))
        return -1;
    errno = 0;
    long v = strtol(text, &end, 10);
    if (*end != '\0' || errno == ERANGE || v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}
#line 131 "book/93-programs.nw"
int cli_flag(int argc, char **argv, int *i, const char *name, const char **value)
{
    const char *arg = argv[*i];
    size_t len = strlen(name);
    if (strncmp(arg, name, len) != 0)
        return 0;
    if (arg[len] == '=') {
        *value = arg + len + 1;
        return 1;
    }
    if (arg[len] != '\0')
        return 0;
    if (*i + 1 >= argc)
        cli_usage_error("%s needs a value", name);
    *value = argv[++*i];
    return 1;
}
#line 160 "book/93-programs.nw"
const char *cli_program = "?";

void cli_usage_error(const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s: ", cli_program);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, " (try --help)\n");
    exit(2);
}
#line 207 "book/93-programs.nw"
int cli_output_open(CliOutput *o, const char *path)
{
    o->fp = stdout;
    o->path = o->tmp = NULL;
    if (path == NULL)
        return 0;
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        fprintf(stderr, "%s: cannot write %s: it is a directory\n", cli_program, path);
        return -1;
    }
    size_t len = strlen(path);
    o->path = xstrdup(path);
    o->tmp = xmalloc(len + sizeof ".tmp.XXXXXX");
    memcpy(o->tmp, path, len);
    memcpy(o->tmp + len, ".tmp.XXXXXX", sizeof ".tmp.XXXXXX");
    int fd = mkstemp(o->tmp);
    #line 244 "book/93-programs.nw"
    mode_t mask = umask(0);
    umask(mask);
    if (fd >= 0)
        fchmod(fd, 0666 & ~mask);
    #line 225 "book/93-programs.nw"
    if (fd < 0 || (o->fp = fdopen(fd, "w")) == NULL) {
        fprintf(stderr, "%s: cannot write %s: %s\n", cli_program, path, strerror(errno));
        if (fd >= 0)
            close(fd), unlink(o->tmp);
        free(o->path), free(o->tmp);
        return -1;
    }
    return 0;
}
#line 258 "book/93-programs.nw"
static void sync_directory_of(const char *path)
{
    char *copy = xstrdup(path);
    int fd = open(dirname(copy), O_RDONLY);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
    free(copy);
}

int cli_output_commit(CliOutput *o)
{
    const char *name = o->path ? o->path : "standard output";
    int failed = fflush(o->fp) != 0 || ferror(o->fp);
    if (o->path) {
        failed = failed || fsync(fileno(o->fp)) != 0;
        failed = (fclose(o->fp) != 0) || failed;
        failed = failed || rename(o->tmp, o->path) != 0;
        if (!failed)
            sync_directory_of(o->path);
    }
    if (failed) {
        fprintf(stderr, "%s: writing %s failed: %s\n", cli_program, name, strerror(errno));
        if (o->path)
            unlink(o->tmp);
    }
    free(o->path), free(o->tmp);
    return failed ? -1 : 0;
}

void cli_output_abandon(CliOutput *o)
{
    if (o->path) {
        fclose(o->fp);
        unlink(o->tmp);
    }
    free(o->path), free(o->tmp);
}
#line 317 "book/93-programs.nw"
int cli_finish_stdout(int status)
{
    CliOutput out = { .fp = stdout };
    if (cli_output_commit(&out) != 0 && status == 0)
        return 1;
    return status;
}
