#!/bin/bash
# E_total after 1 and 50 iterations at lr 1: excelnet against bc (book/93-programs.nw)
bin=${BIN:-build/bin}
echo "1..2"
ref=$(bc -lq <<'BC'
scale = 60
define s(x) { return 1 / (1 + e(-x)); }
define etotal(w[], i1, i2, t1, t2) {
    auto ah1, ah2, ao1, ao2
    ah1 = s(w[1] * i1 + w[2] * i2); ah2 = s(w[3] * i1 + w[4] * i2)
    ao1 = s(w[5] * ah1 + w[6] * ah2); ao2 = s(w[7] * ah1 + w[8] * ah2)
    return (t1 - ao1) ^ 2 / 2 + (t2 - ao2) ^ 2 / 2
}
w[1] = .15; w[2] = .2; w[3] = .25; w[4] = .3; w[5] = .4; w[6] = .45; w[7] = .5; w[8] = .55
h = 10 ^ -25
for (k = 1; k <= 50; k++) {
    for (j = 1; j <= 8; j++) {
        for (m = 1; m <= 8; m++) p[m] = w[m]
        p[j] = w[j] + h; a = etotal(p[], .05, .1, .5, .5)
        p[j] = w[j] - h; b = etotal(p[], .05, .1, .5, .5)
        g[j] = (a - b) / (2 * h)
    }
    for (j = 1; j <= 8; j++) w[j] = w[j] - g[j]
    if (k == 1 || k == 50) print k, " ", etotal(w[], .05, .1, .5, .5), "\n"
}
BC
)
csv=$("$bin/excelnet" --lr 1 --iters 51) || { echo "Bail out! excelnet failed"; exit 1; }
n=0
for k in 1 50; do
    n=$((n + 1))
    want=$(printf '%s\n' "$ref" | awk -v k=$k '$1 == k { print $2 }')
    got=$(printf '%s\n' "$csv" | awk -F, -v k=$k '$1 == k { print $20 }')
    awk -v n=$n -v k=$k -v got="$got" -v want="$want" 'BEGIN {
        rel = (got - want) / want; if (rel < 0) rel = -rel
        printf "%s %d - E_total after %d iterations at lr 1: excelnet %s, bc %s (rel. error %.1e)\n",
            (rel <= 1e-11 ? "ok" : "not ok"), n, k, got, want, rel
        exit rel <= 1e-11 ? 0 : 1 }' || status=1
done
exit ${status:-0}
