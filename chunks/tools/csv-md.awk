# CSV -> pandoc pipe table, rows as they are (see book/91-weaving.nw)
BEGIN { FS = "," }
/^#/ { next }
{
    rows++
    cols[rows] = NF
    for (c = 1; c <= NF; c++) {
        cell[rows, c] = grouped($c)
        if (length(cell[rows, c]) > width[c]) width[c] = length(cell[rows, c])
    }
}
END {
    for (r = 1; r <= rows; r++) {
        printf "|"
        for (c = 1; c <= cols[r]; c++) printf " %s |", cell[r, c]
        printf "\n"
        if (r == 1) { printf "|"
                      for (c = 1; c <= cols[1]; c++) printf "%s%s|", dashes(width[c]), c <= 2 ? "-" : ":"
                      printf "\n" }
    }
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
function dashes(n,    s) {
    for (s = "--"; length(s) < n - 1; s = s "-")
        ;
    return s
}
