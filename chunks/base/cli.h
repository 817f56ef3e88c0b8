#line 32 "book/93-programs.nw"
#ifndef CLI_H
#define CLI_H
#include <stdio.h>
#line 59 "book/93-programs.nw"
/* 0 and *out set if text is one finite number, no blanks, not nan or inf; else -1 */
int cli_parse_double(const char *text, double *out);
#line 79 "book/93-programs.nw"
/* 0 and out[0..n-1] set if text is exactly n such numbers joined by commas; else -1 */
int cli_parse_doubles(const char *text, double *out, int n);
#line 105 "book/93-programs.nw"
/* 0 and *out set if text is a decimal whole number in [lo, hi]; else -1 */
int cli_parse_long(const char *text, long lo, long hi, long *out);
#line 128 "book/93-programs.nw"
/* 1 if argv[*i] is flag name: *value its value, *i past it (no value: usage error); else 0 */
int cli_flag(int argc, char **argv, int *i, const char *name, const char **value);
#line 155 "book/93-programs.nw"
/* the program's name at the start of every message; main sets it */
extern const char *cli_program;
/* prints "PROGRAM: message (try --help)" on stderr and exits with status 2 */
void cli_usage_error(const char *fmt, ...);
#line 187 "book/93-programs.nw"
/* an output being written: fp, and for a file its path and the temporary file's name */
typedef struct {
    FILE *fp;
    char *path;
    char *tmp;
} CliOutput;

/* o writes path's temporary file, or stdout if path is NULL; 0, or -1 after a message */
int cli_output_open(CliOutput *o, const char *path);
/* flushes o, fsyncs, renames it to its path; 0, or -1 after a message, temporary file removed */
int cli_output_commit(CliOutput *o);
/* closes and removes o's temporary file; the file at its path stays as it was */
void cli_output_abandon(CliOutput *o);
#line 312 "book/93-programs.nw"
/* flushes stdout; status, or 1 if status is 0 and the text was lost (after a message) */
int cli_finish_stdout(int status);
#line 36 "book/93-programs.nw"
#endif
