#line 620 "book/10-excelnet.nw"
#ifndef CLI_H
#define CLI_H
#include <stdio.h>
#line 646 "book/10-excelnet.nw"
int cli_parse_double(const char *text, double *out);
#line 665 "book/10-excelnet.nw"
int cli_parse_doubles(const char *text, double *out, int n);
#line 690 "book/10-excelnet.nw"
int cli_parse_long(const char *text, long lo, long hi, long *out);
#line 712 "book/10-excelnet.nw"
int cli_flag(int argc, char **argv, int *i, const char *name, const char **value);
#line 738 "book/10-excelnet.nw"
extern const char *cli_program;
void cli_usage_error(const char *fmt, ...);
#line 768 "book/10-excelnet.nw"
typedef struct {
    FILE *fp;
    char *path;
    char *tmp;
} Output;

int cli_output_open(Output *o, const char *path);
int cli_output_commit(Output *o);
void cli_output_abandon(Output *o);
#line 893 "book/10-excelnet.nw"
int cli_finish_stdout(int status);
#line 624 "book/10-excelnet.nw"
#endif
