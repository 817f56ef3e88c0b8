#!/bin/bash
# mnistnet's command line and files: bad input is refused clearly (book/28-training.nw)
bin=${BIN:-build/bin}
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
n=0; status=0
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; status=1; fi; }
be32() { for s in 24 16 8 0; do printf "\\$(printf %03o $(($1 >> s & 255)))"; done; }
mkdir -p "$tmp/fake"
for split in train t10k; do
    { printf '\0\0\10\3'; be32 128; be32 28; be32 28; head -c $((128 * 784)) /dev/zero; } \
        >"$tmp/fake/$split-images-idx3-ubyte"
    { printf '\0\0\10\1'; be32 128; for i in $(seq 0 127); do printf "\\$(printf %03o $((i % 10)))"; done; } \
        >"$tmp/fake/$split-labels-idx1-ubyte"
done
"$bin/mnistnet" train --data "$tmp/fake" --arch small --epochs 1 --batch 64 --save "$tmp/good.model" >/dev/null
ok $? "training on a tiny fake data set writes a model"
head -c 100 "$tmp/good.model" >"$tmp/truncated.model"
cp "$tmp/good.model" "$tmp/flipped.model"
printf '\125' | dd of="$tmp/flipped.model" bs=1 seek=300 conv=notrunc 2>/dev/null
! cmp -s "$tmp/good.model" "$tmp/flipped.model"; ok $? "the flipped copy differs from the model"
{ printf 'P5\n28 28\n255\n'; head -c 784 /dev/zero; } >"$tmp/digit.pgm"
while IFS='|' read -r want args msg; do
    # shellcheck disable=SC2086
    "$bin/mnistnet" $args >"$tmp/out" 2>"$tmp/err"; rc=$?
    lines=$(wc -l <"$tmp/err")
    [ "$rc" = "$want" ] && [ "$lines" = 1 ] && grep -q -- "$msg" "$tmp/err"
    ok $? "mnistnet $args -> exit $rc (want $want): $(head -c 120 "$tmp/err")"
done <<TABLE
2||missing command
2|frobnicate|unknown command 'frobnicate'
2|train|train needs --data DIR
2|train --data $tmp --epochs 0|--epochs: '0' is not a whole number
2|train --data $tmp --epochs x|--epochs: 'x' is not a whole number
2|train --data $tmp --batch 0|--batch: '0' is not a whole number
2|train --data $tmp --batch 100000|--batch: '100000' is not a whole number
2|train --data $tmp --lr nan|--lr: 'nan' is not a number in (0, 10]
2|train --data $tmp --lr -1|--lr: '-1' is not a number in (0, 10]
2|train --data $tmp --lr 1e9|--lr: '1e9' is not a number in (0, 10]
2|train --data $tmp --seed -3|--seed: '-3' is not a whole number
2|train --data $tmp --threads 0|--threads: '0' is not a whole number
2|train --data $tmp --arch huge|--arch: 'huge' is not a network
2|train --data $tmp --bogus|'--bogus' is not an option of 'train'
2|eval --data $tmp --epochs 3 --model x|'--epochs' is not an option of 'eval'
2|eval --data $tmp|eval needs --model FILE
2|predict --model x|predict needs an IMAGE.pgm
2|train --data $tmp --epochs|--epochs needs a value
1|train --data $tmp/none|$tmp/none
1|eval --model $tmp/missing.model --data $tmp|$tmp/missing.model: cannot open
1|predict --model $tmp/truncated.model $tmp/digit.pgm|truncated
1|predict --model $tmp/flipped.model $tmp/digit.pgm|checksum mismatch
1|predict --model $tmp/digit.pgm $tmp/digit.pgm|not a model file
1|predict --model $tmp/good.model $tmp/none.pgm|$tmp/none.pgm
1|predict --model $tmp/good.model $tmp/good.model|$tmp/good.model
TABLE
"$bin/mnistnet" predict --model "$tmp/good.model" "$tmp/digit.pgm" >"$tmp/out"
ok $? "predict with a good model exits 0"
grep -q '^digit [0-9]$' "$tmp/out"; ok $? "predict prints the digit: $(head -1 "$tmp/out")"
sum=$(awk -F' = ' '/^p\(/ { s += $2 } END { printf "%.4f", s }' "$tmp/out")
[ "$sum" = 1.0000 ]; ok $? "and ten probabilities that sum to one ($sum)"
echo "1..$n"
exit $status
