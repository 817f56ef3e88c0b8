# CSV -> transposed pandoc pipe table (see book/91-weaving.nw)
BEGIN { FS = ","; nwant = split(rows, want, ",") }
NR == 1 { for (c = 1; c <= NF; c++) head[c] = $c; ncol = NF; next }
{ for (j = 1; j <= nwant; j++)
      if ($1 == want[j]) { found[j] = 1; for (c = 1; c <= NF; c++) cell[want[j], c] = $c } }
END {
    for (j = 1; j <= nwant; j++)
        if (!found[j]) { printf "csv-table: %s has no row for iteration %s\n", FILENAME, want[j] > "/dev/stderr"; exit 1 }
    printf "| %s |", head[1]
    for (j = 1; j <= nwant; j++) printf " %s |", want[j]
    printf "\n|---|"
    for (j = 1; j <= nwant; j++) printf "---:|"
    printf "\n"
    for (c = 2; c <= ncol; c++) {
        printf "| `%s` |", head[c]
        for (j = 1; j <= nwant; j++) printf " %.6g |", cell[want[j], c]
        printf "\n"
    }
}
