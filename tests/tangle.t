#!/bin/bash
# make tangle: the files, cpif, refusals; indentation and #line of the C (book/91a-tangling.nw)
if ! command -v notangle >/dev/null || ! command -v make >/dev/null; then
    echo "1..0 # SKIP needs noweb and make"
    exit 0
fi
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
n=0; status=0
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; status=1; fi; }
mkdir "$tmp/tree" && cp -a Makefile book chunks tests "$tmp/tree/"
tangle() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C "$tmp/tree" tangle BUILD=build >"$tmp/out" 2>&1; }
age() { find "$tmp/tree/chunks" "$tmp/tree/tests" -type f -exec touch -d '2001-01-01 00:00' {} +; }
rewritten() { (cd "$tmp/tree" && find chunks tests -newermt '2001-01-02' -type f | sort); }
files=$(cd "$tmp/tree" && find chunks tests -type f | wc -l)
tangle && [ "$(ls -A "$tmp/tree" | tr '\n' ' ')" = "Makefile book chunks tests " ]
ok $? "make tangle runs in a copy of the tree and leaves no temporary files$(head -c 300 "$tmp/out" | sed 's/^/; /')"
diff -r chunks "$tmp/tree/chunks" >"$tmp/diff" && diff -r tests "$tmp/tree/tests" >>"$tmp/diff"
ok $? "make tangle changes nothing: the $files files of chunks/ and tests/ are what the book makes\
$(grep -E '^(diff|Only)' "$tmp/diff" | head -3 | sed 's/^/; /' | tr -d '\n')"
wrong=$(cd "$tmp/tree" && find chunks tests -type f | while read -r f; do
    case $f in *.t|*.sh) want=755;; *) want=644;; esac
    [ "$(stat -c %a "$f")" = $want ] || printf '%s ' "$f"
done)
[ -z "$wrong" ]; ok $? "shell scripts and tests are mode 755, every other file 644${wrong:+; wrong: $wrong}"
age
tangle && [ -z "$(rewritten)" ]
ok $? "a second make tangle rewrites none of the $files files: cpif leaves every modification time alone"
victim=$(cd "$tmp/tree" && find chunks -name '*.c' | sort | head -1)
age; echo '/* edited by hand */' >>"$tmp/tree/$victim"
: >"$tmp/tree/chunks/no-chunk-makes-this.c"; : >"$tmp/tree/tests/no-chunk-makes-this.t"
tangle && cmp -s "$victim" "$tmp/tree/$victim" && [ "$(rewritten)" = "$victim" ] &&
    [ ! -e "$tmp/tree/chunks/no-chunk-makes-this.c" ] && grep -q 'removing chunks/no-chunk-makes-this.c' "$tmp/out" &&
    [ ! -e "$tmp/tree/tests/no-chunk-makes-this.t" ] && grep -q 'removing tests/no-chunk-makes-this.t' "$tmp/out"
ok $? "after a hand edit of $victim make tangle rewrites that file alone, and removes the files no chunk makes"
refused() {
    printf '%b' "$1" >"$tmp/tree/book/zz-bad.nw"; age
    ! tangle && grep -qF -- "$2" "$tmp/out" && [ -z "$(rewritten)" ] && [ "$(ls -A "$tmp/tree" | wc -l)" = 4 ]
    ok $? "$3: make tangle fails, touches nothing, and says: $(grep -m1 -F -- "$2" "$tmp/out")"
    rm -f "$tmp/tree/book/zz-bad.nw"
}
refused '<<elsewhere/x.c>>=\nint x;\n@\n' "is not a path under chunks/ or tests/" "a root outside chunks/ and tests/"
refused '<<chunks/zz-bad.c>>=\n<<a chunk that nobody defines>>\n@\n' \
        "undefined chunk name: <<a chunk that nobody defines>>" "a use of an undefined chunk"
refused '<<chunks/zz-bad.c>>=\n#define ONE <<one>>\n@\n<<one>>=\n1\n@\n' \
        "on a line of its own" "a use inside a preprocessor line"
cfiles=$(find chunks tests -name '*.[ch]' | sort)
cat >"$tmp/depth.awk" <<'END_OF_AWK'
FNR == 1 { depth = 0; open_braces = 0; incomment = 0 }
{
    comment_line = incomment
    s = $0; code = ""
    while (s != "") {
        if (incomment) {
            if (!(i = index(s, "*/"))) break
            s = substr(s, i + 2); incomment = 0; continue
        }
        if (!match(s, /\/\*|\/\/|["']/)) { code = code s; break }
        code = code substr(s, 1, RSTART - 1); q = substr(s, RSTART, RLENGTH); s = substr(s, RSTART + RLENGTH)
        if (q == "//") break
        if (q == "/*") { incomment = 1; code = code " "; continue }
        while (s != "" && substr(s, 1, 1) != q) s = substr(s, substr(s, 1, 1) == "\\" ? 3 : 2)
        s = substr(s, 2); code = code q q
    }
    if ($0 !~ /[^ ]/ || comment_line) next
    if (code ~ /^ *#/) { pp++; next }
    total++
    c = code; sub(/^ +/, "", c); closes = 0
    for (k = open_braces; k > 0 && substr(c, 1, 1) == "}"; k--) { closes += block[k]; c = substr(c, 2) }
    want = 4 * (depth - closes) - (c ~ /^(case |default *:)/ ? 4 : 0)
    match($0, /^ */)
    if (RLENGTH < want && ++bad <= 5) first[bad] = FILENAME ":" FNR ": indented " RLENGTH ", depth wants " want ": " $0
    sub(/ +$/, "", code)
    for (i = 1; i <= length(code); i++) {
        ch = substr(code, i, 1)
        if (ch == "{") { block[++open_braces] = i == length(code); depth += block[open_braces] }
        else if (ch == "}" && open_braces > 0) depth -= block[open_braces--]
    }
}
END { print bad + 0, total + 0, pp + 0; for (i = 1; i <= bad && i <= 5; i++) print first[i] }
END_OF_AWK
awk -f "$tmp/depth.awk" $cfiles </dev/null >"$tmp/depth"
read -r bad total pp <"$tmp/depth"
[ "$bad" = 0 ] && [ "$total" -gt 0 ]
ok $? "no tangled C line is shallower than its brace depth: $bad of $total lines in \
$(echo $cfiles | wc -w) files ($pp preprocessor lines not counted)"
sed -n '2,6s/^/# /p' "$tmp/depth"
cat >"$tmp/lines.awk" <<'END_OF_AWK'
BEGIN { lt = "<" "<"; gt = ">" ">" }
FNR == 1 { f = "" }
/^ *#line [0-9]+ "[^"]*"$/ {
    directives++; named = 1
    match($0, /^ */); indent = RLENGTH
    split($0, w, " "); n = w[2]; f = substr(w[3], 2, length(w[3]) - 2)
    next
}
/[^ ]/ {
    lines++
    if (f == "") { wrong("has no #line before it"); next }
    if (!(f in loaded)) { loaded[f] = 1; while ((getline l < f) > 0) src[f, ++length_of[f]] = l; close(f) }
    raw = src[f, n]
    book = raw; sub(/^@@/, "@", book); sub(/^ +/, "", book)
    gsub("@" lt, lt, book); gsub("@" gt, gt, book)
    got = $0; sub(/^ +/, "", got)
    piece = got != book && raw ~ lt ".*" gt && (got == before_use(raw) || got == after_use(raw))
    match($0, /^ */)
    if (got != book && !piece) wrong("is not line " n " of " f ": " raw)
    else if (named && RLENGTH != indent) wrong("is indented " RLENGTH " columns, its #line " indent)
    else if (named && piece) pieces++
    named = 0
}
{ n++ }
function before_use(s) { sub(" *" lt ".*", "", s); sub(/^ +/, "", s); return s }
function after_use(s)  { sub(".*" gt " *", "", s); return s }
function wrong(why) {
    if (named) bad_directives++; else bad_lines++
    if (++shown <= 5) report[shown] = FILENAME ":" FNR ": " $0 " " why
}
END {
    print bad_directives + 0, directives + 0, pieces + 0, bad_lines + 0, lines + 0
    for (i = 1; i <= shown && i <= 5; i++) print report[i]
}
END_OF_AWK
awk -f "$tmp/lines.awk" $cfiles </dev/null >"$tmp/lines"
read -r bad_directives directives pieces bad_lines lines <"$tmp/lines"
[ "$bad_directives" = 0 ] && [ "$directives" -gt 0 ]
ok $? "every #line names the line of the book that follows it, and is indented like it: \
$bad_directives wrong of $directives ($pieces name a piece of a line split at a use)"
[ "$bad_lines" = 0 ] && [ "$lines" -gt 0 ]
ok $? "every line of tangled C that is not blank is the line of the book that the compiler's count gives it: \
$bad_lines wrong of $lines"
sed -n '2,6s/^/# /p' "$tmp/lines"
echo "1..$n"
exit $status
