#!/bin/bash
# mnistnet learns, is reproducible, and its model file round-trips (book/28c-mnistnet.nw)
bin=${BIN:-build/bin}
data=${MNIST_DIR:-data/mnist}
if [ ! -f "$data/train-images-idx3-ubyte" ] && [ ! -f "$data/train-images-idx3-ubyte.gz" ]; then
    echo "1..0 # SKIP no MNIST data in $data (run make data)"
    exit 0
fi
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
n=0; status=0
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; status=1; fi; }
run() {
    "$bin/mnistnet" train --arch small --data "$data" --epochs 1 --train-limit 10000 --batch 64 --lr 0.1 \
        --clean-epochs 0 --test-limit 2000 --seed 5 --threads 2 --log "$tmp/$1.csv" --save "$tmp/$1.model" >"$tmp/$1.out" 2>&1
}
run a; ok $? "mnistnet train exits 0"
acc=$(awk -F, '$1 == 1 { print $7 * 100 }' "$tmp/a.csv")
awk -v a="$acc" 'BEGIN { exit !(a >= 80) }'; ok $? "one epoch on 10000 images: test accuracy $acc % >= 80 %"
run b
cut -d, -f1,3- "$tmp/a.csv" >"$tmp/a.cols"; cut -d, -f1,3- "$tmp/b.csv" >"$tmp/b.cols"
cmp -s "$tmp/a.cols" "$tmp/b.cols"; ok $? "same seed and threads: the same log, apart from the seconds"
cmp -s "$tmp/a.model" "$tmp/b.model"; ok $? "same seed and threads: the same model file, byte for byte"
line=$("$bin/mnistnet" eval --model "$tmp/a.model" --data "$data" --test-limit 2000 --confusion "$tmp/c.csv")
ok $? "mnistnet eval exits 0"
got=$(printf '%s\n' "$line" | sed -n 's/.*accuracy \([0-9.]*\)%.*/\1/p')
want=$(awk -F, '$1 == 1 { printf "%.2f", $7 * 100 }' "$tmp/a.csv")
[ "$got" = "$want" ]; ok $? "eval of the saved model: $got % (training reported $want %)"
total=$(awk -F, 'NR > 1 { for (i = 2; i <= NF; i++) s += $i } END { print s }' "$tmp/c.csv")
[ "$total" = 2000 ]; ok $? "the confusion matrix counts all 2000 test images ($total)"
echo "1..$n"
exit $status
