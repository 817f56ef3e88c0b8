#!/bin/bash
# excelnet's command line: header, bad input, output files (book/93-programs.nw)
bin=${BIN:-build/bin}
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
n=0; status=0
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; status=1; fi; }
want='iter,w1,w2,w3,w4,w5,w6,w7,w8,h1,a_h1,h2,a_h2,o1,a_o1,o2,a_o2,E1,E2,E_total,dE_dw1,dE_dw2,dE_dw3,dE_dw4,dE_dw5,dE_dw6,dE_dw7,dE_dw8'
got=$("$bin/excelnet" --iters 0)
[ "$got" = "$want" ]; ok $? "--iters 0 prints exactly the header"
rows=$("$bin/excelnet" --iters 7 | wc -l)
[ "$rows" = 8 ]; ok $? "--iters 7 prints the header and 7 rows (got $rows lines)"
"$bin/excelnet" --help | grep -q -- '--weights W1,...,W8'; ok $? "--help lists the flags"
"$bin/excelnet" --lr=0.8 --iters=2 --csv="$tmp/eq.csv" && [ "$(wc -l <"$tmp/eq.csv")" = 3 ]
ok $? "--flag=value works and --csv writes the file"
mode=$(umask 022 && "$bin/excelnet" --iters 1 --csv "$tmp/mode.csv" && stat -c %a "$tmp/mode.csv")
[ "$mode" = 644 ]; ok $? "with umask 022 the CSV is created rw-r--r-- like any new file (got $mode)"
while IFS='|' read -r args msg; do
    # shellcheck disable=SC2086
    "$bin/excelnet" $args >"$tmp/out" 2>"$tmp/err"; rc=$?
    lines=$(wc -l <"$tmp/err")
    [ $rc = 2 ] && [ ! -s "$tmp/out" ] && [ "$lines" = 1 ] && grep -q -- "$msg" "$tmp/err"
    ok $? "'$args' -> exit $rc, $lines line(s) on stderr: $(head -c 100 "$tmp/err")"
done <<'TABLE'
--lr abc|--lr: 'abc' is not a positive number
--lr nan|--lr: 'nan' is not a positive number
--lr inf|--lr: 'inf' is not a positive number
--lr -0.5|--lr: '-0.5' is not a positive number
--lr 0|--lr: '0' is not a positive number
--lr 0.5x|--lr: '0.5x' is not a positive number
--lr|--lr needs a value
--iters -1|--iters: '-1' is not a whole number
--iters 2.5|--iters: '2.5' is not a whole number
--iters 99999999999999999999|--iters: '99999999999999999999' is not a whole number
--iters 20000000|--iters: '20000000' is not a whole number
--weights 1,2,3,4,5,6,7|--weights: '1,2,3,4,5,6,7' is not eight numbers
--weights 1,2,3,4,5,6,7,8,9|--weights: '1,2,3,4,5,6,7,8,9' is not eight numbers
--weights 1,2,3,4,5,6,7,|--weights: '1,2,3,4,5,6,7,' is not eight numbers
--weights 1,2,3,4,5,nan,7,8|is not eight numbers
--inputs 0.05|--inputs: '0.05' is not two numbers
--inputs 0.05,,0.1|--inputs: '0.05,,0.1' is not two numbers
--targets 0.5,x|--targets: '0.5,x' is not two numbers
--bogus|unknown option '--bogus'
stray|unknown option 'stray'
--csv /nonexistent-dir/out.csv|cannot write /nonexistent-dir/out.csv
--lr 1e999|--lr: '1e999' is not a positive number
--weights 1,2,3,4,5,6,7,inf|is not eight numbers
--targets 0.5,1e999|--targets: '0.5,1e999' is not two numbers
--csv /|cannot write /
TABLE
printf 'precious\n' >"$tmp/keep.csv"
"$bin/excelnet" --csv "$tmp/keep.csv" --lr oops 2>/dev/null
[ "$(cat "$tmp/keep.csv")" = precious ]; ok $? "a refused run leaves an existing --csv file untouched"
[ -z "$(find "$tmp" -name 'keep.csv.tmp*')" ]; ok $? "and leaves no temporary file behind"
full_stdout() {
    if [ ! -w /dev/full ]; then
        n=$((n + 1)); echo "ok $n # SKIP no /dev/full: ${1##*/} ${*:2}"; return
    fi
    "$@" >/dev/full 2>"$tmp/full.err"; rc=$?
    [ "$rc" = 1 ] && [ "$(wc -l <"$tmp/full.err")" = 1 ] &&
        grep -q 'writing standard output failed: No space left on device' "$tmp/full.err"
    ok $? "${1##*/} ${*:2} >/dev/full -> exit $rc (want 1): $(head -c 100 "$tmp/full.err")"
}
full_stdout "$bin/excelnet" --iters 3
full_stdout "$bin/excelnet" --help
echo "1..$n"
exit $status
