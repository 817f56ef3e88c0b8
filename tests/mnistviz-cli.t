#!/bin/bash
# mnistviz: its three pictures have the announced shape; bad input is refused (book/29a-inside-the-network.nw)
bin=${BIN:-build/bin}
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
n=0; status=0
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; status=1; fi; }
. tests/fake-mnist.sh
fake_mnist "$tmp/fake" 64
"$bin/mnistnet" train --data "$tmp/fake" --arch small --epochs 1 --batch 32 --save "$tmp/m.model" >/dev/null
ok $? "training on a fake data set writes a model"
shape() { awk -F, '/^# tile [0-9]+:/ { b++; next } /^#/ || NF == 0 { next }
    { if (b == 0) t++; else { rows[b]++; cols[b] = NF } }
    END { printf "%d", t; for (i = 1; i <= b; i++) printf " %dx%d", rows[i], cols[i]; print "" }' "$1"; }
"$bin/mnistviz" filters --model "$tmp/m.model" >"$tmp/filters.dat"
want="8$(printf ' 3x3%.0s' 1 2 3 4 5 6 7 8)"
[ "$(shape "$tmp/filters.dat")" = "$want" ]; ok $? "filters: 8 filters of 3x3 ($(shape "$tmp/filters.dat"))"
"$bin/mnistviz" errors --model "$tmp/m.model" --data "$tmp/fake" --count 3 >"$tmp/errors.dat"
[ "$(shape "$tmp/errors.dat")" = "3 28x28 28x28 28x28" ]; ok $? "errors --count 3: three digits of 28x28"
"$bin/mnistviz" maps --model "$tmp/m.model" --data "$tmp/fake" --image 5 >"$tmp/maps.dat"
s=$(shape "$tmp/maps.dat"); set -- $s
[ "$1" = $(($# - 1)) ] && [ "$2" = 28x28 ] && [ "$3" = 26x26 ] && [ "${!#}" = 6x6 ]
ok $? "maps: one block per table row, input 28x28 first, class maps 6x6 last ($s)"
while IFS='|' read -r want args msg; do
    # shellcheck disable=SC2086
    "$bin/mnistviz" $args >"$tmp/out" 2>"$tmp/err"; rc=$?
    [ "$rc" = "$want" ] && grep -q -- "$msg" "$tmp/err" && [ ! -s "$tmp/out" ]
    ok $? "mnistviz $args -> exit $rc (want $want): $(head -c 100 "$tmp/err")"
done <<TABLE
2|frobnicate --model $tmp/m.model|unknown command 'frobnicate'
2|filters|filters needs --model FILE
2|maps --model $tmp/m.model|maps needs --data DIR
2|errors --model $tmp/m.model --data $tmp/fake --count 0|--count: '0' is not a whole number
2|maps --model $tmp/m.model --data $tmp/fake --image 64|--image: the test set has only 64 images
2|filters --model $tmp/m.model --colour red|'--colour' is not an option of mnistviz
1|filters --model $tmp/missing.model|missing.model: cannot open
TABLE
full_stdout() {
    if [ ! -w /dev/full ]; then
        n=$((n + 1)); echo "ok $n # SKIP no /dev/full: ${1##*/} ${*:2}"; return
    fi
    "$@" >/dev/full 2>"$tmp/full.err"; rc=$?
    [ "$rc" = 1 ] && [ "$(wc -l <"$tmp/full.err")" = 1 ] &&
        grep -q 'writing standard output failed: No space left on device' "$tmp/full.err"
    ok $? "${1##*/} ${*:2} >/dev/full -> exit $rc (want 1): $(head -c 100 "$tmp/full.err")"
}
full_stdout "$bin/mnistviz" --help
full_stdout "$bin/mnistviz" filters --model "$tmp/m.model"
full_stdout "$bin/mnistviz" errors --model "$tmp/m.model" --data "$tmp/fake"
full_stdout "$bin/mnistviz" maps --model "$tmp/m.model" --data "$tmp/fake" --image 3
echo "1..$n"
exit $status
