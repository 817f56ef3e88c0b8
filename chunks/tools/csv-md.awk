# CSV -> pandoc pipe table, rows as they are (see book/91-weaving.nw)
BEGIN { FS = "," }
/^#/ { next }
{
    printf "|"
    for (c = 1; c <= NF; c++) printf " %s |", grouped($c)
    printf "\n"
    if (++rows == 1) { printf "|"
                       for (c = 1; c <= NF; c++) printf "%s|", c <= 2 ? "---" : "---:"
                       printf "\n" }
}
function grouped(s,    head, tail) {
    if (s !~ /^-?[0-9]+$/ || length(s) < 4 + (s ~ /^-/)) return s
    head = s; tail = ""
    while (length(head) > 3 && substr(head, length(head) - 3, 1) ~ /[0-9]/) {
        tail = "," substr(head, length(head) - 2) tail
        head = substr(head, 1, length(head) - 3)
    }
    return head tail
}
