# noweb back end: markup's stream -> every root chunk, indented, C with #line (see book/91a-tangling.nw)
BEGIN { if (dir == "") fail("usage: markup FILE.nw... | awk -v dir=DIR -f nwtangle.awk") }
/^@file /       { file = substr($0, 7); line = 1; next }
/^@begin code / { incode = 1; header = 1; next }
/^@end code /   { incode = 0; next }
/^@defn / {
    name = substr($0, 7)
    if (!(name in lines)) { lines[name] = 0; order[++names] = name }
    next
}
incode && /^@text / { cur = cur substr($0, 7); next }
incode && /^@use / {
    used = substr($0, 6)
    cur = cur SUBSEP used SUBSEP
    if (!(used in first_use)) first_use[used] = file ":" line
    next
}
/^@nl$/ || /^@index nl$/ {
    if (incode && !header && $0 == "@nl") {
        n = ++lines[name]
        code[name, n] = cur; from[name, n] = file; at[name, n] = line
    }
    cur = ""; header = 0; line++
    next
}
END {
    if (failed) exit 2
    for (u in first_use)
        if (!(u in lines)) {
            printf "nwtangle: %s: undefined chunk name: <<%s>>\n", first_use[u], u > "/dev/stderr"
            failed = 1
        }
    if (failed) exit 2
    for (r = 1; r <= names; r++) {
        root = order[r]
        if (root in first_use) continue
        out = dir "/" ++roots
        print roots, root
        if (root ~ /\.[ch]$/) { cfile = ""; cline = 0; last = ""; ctangle(root, 0) }
        else { buf = ""; bufcol = 0; plain(root, 0); flush() }
        close(out)
    }
}
function plain(name, indent,    j, k, m, part) {
    enter(name)
    for (j = 1; j <= lines[name]; j++) {
        if (j > 1) { flush(); bufcol = indent }
        m = split(code[name, j], part, SUBSEP)
        for (k = 1; k <= m; k++)
            if (k % 2) buf = buf part[k]
            else plain(part[k], bufcol + length(buf))
    }
    leave(name)
}
function flush() {
    print (buf ~ /^ *$/ ? "" : spaces(bufcol) buf) > out
    buf = ""
}
function ctangle(name, indent,    j, k, m, part, col) {
    enter(name)
    for (j = 1; j <= lines[name]; j++) {
        m = split(code[name, j], part, SUBSEP)
        if (m <= 1) { emit(indent, part[1], name, j); continue }
        for (k = 1; k < m; k += 2)
            if (part[k] ~ /^ *#|["'\\]|\/[\/*]/)
                fail(from[name, j] ":" at[name, j] ": put this use of <<" part[k + 1] ">> on a line of its own, " \
                     "since a newline before or after it would change the C")
        col = indent + length(part[1])
        if (part[1] ~ /[^ ]/) emit(indent, rtrim(part[1]), name, j)
        for (k = 2; k < m; k += 2) {
            ctangle(part[k], col)
            if (part[k + 1] ~ /[^ ]/) emit(col, trim(part[k + 1]), name, j)
        }
    }
    leave(name)
}
function emit(col, text, name, j,    f, n) {
    if (text ~ /^ *$/) { print "" > out; cline++; last = ""; return }
    f = from[name, j]; n = at[name, j]
    if (f != cfile || n != cline) {
        if (last ~ /\\$/) fail(f ":" n ": a #line here would continue the macro of the line before it")
        match(text, /^ */)
        printf "%s#line %d \"%s\"\n", spaces(col + RLENGTH), n, f > out
        cfile = f; cline = n
    }
    last = spaces(col) text
    print last > out
    cline++
}
function enter(name) { if (active[name]++) fail("chunk <<" name ">> uses itself") }
function leave(name) { active[name]-- }
function spaces(n,    s) { s = ""; while (n-- > 0) s = s " "; return s }
function trim(s)  { sub(/^ +/, "", s); sub(/ +$/, "", s); return s }
function rtrim(s) { sub(/ +$/, "", s); return s }
function fail(msg) { print "nwtangle: " msg > "/dev/stderr"; failed = 1; exit 2 }
