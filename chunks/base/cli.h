#line 620 "book/10-excelnet.nw"
#ifndef CLI_H
#define CLI_H
#include <stdio.h>
#line 647 "book/10-excelnet.nw"
int cli_parse_double(const char *text, double *out);
#line 666 "book/10-excelnet.nw"
int cli_parse_doubles(const char *text, double *out, int n);
#line 691 "book/10-excelnet.nw"
int cli_parse_long(const char *text, long lo, long hi, long *out);
#line 713 "book/10-excelnet.nw"
int cli_flag(int argc, char **argv, int *i, const char *name, const char **value);
#line 739 "book/10-excelnet.nw"
extern const char *cli_program;
void cli_usage_error(const char *fmt, ...);
#line 769 "book/10-excelnet.nw"
typedef struct {
    FILE *fp;
    char *path;
    char *tmp;
} CliOutput;

int cli_output_open(CliOutput *o, const char *path);
int cli_output_commit(CliOutput *o);
void cli_output_abandon(CliOutput *o);
#line 888 "book/10-excelnet.nw"
int cli_finish_stdout(int status);
#line 624 "book/10-excelnet.nw"
#endif
