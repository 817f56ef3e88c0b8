# figures/NAME.gv -> dot's input, each @KEY@ or @KEY:FORMAT@ replaced from values.txt (see book/91c-exercises.nw)
# usage: awk -f gv-fill.awk values.txt figures/NAME.gv
FNR == NR { key = $1; sub(/^[^ ]+ /, ""); value[key] = $0; next }
{
    out = ""
    while (match($0, /@[A-Za-z0-9_.-]+(:%[-+ #0-9.]*[a-zA-Z])?@/)) {
        ref = substr($0, RSTART + 1, RLENGTH - 2)
        key = ref; format = ""
        if (index(ref, ":")) { key = substr(ref, 1, index(ref, ":") - 1); format = substr(ref, index(ref, ":") + 1) }
        if (!(key in value)) {
            printf "%s:%d: no value '%s' in %s\n", FILENAME, FNR, key, ARGV[1] > "/dev/stderr"
            bad = 1; exit
        }
        out = out substr($0, 1, RSTART - 1) (format == "" ? value[key] : sprintf(format, value[key]))
        $0 = substr($0, RSTART + RLENGTH)
    }
    print out $0
}
END { exit bad }
