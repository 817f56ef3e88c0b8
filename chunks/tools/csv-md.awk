# CSV -> pandoc pipe table, rows as they are (see book/91-weaving.nw)
BEGIN { FS = "," }
/^#/ { next }
{
    printf "|"
    for (c = 1; c <= NF; c++) printf " %s |", $c
    printf "\n"
    if (++rows == 1) { printf "|"
                       for (c = 1; c <= NF; c++) printf "%s|", c <= 2 ? "---" : "---:"
                       printf "\n" }
}
