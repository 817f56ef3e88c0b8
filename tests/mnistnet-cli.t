#!/bin/bash
# mnistnet's command line and files: bad input is refused clearly (book/28c-mnistnet.nw)
bin=${BIN:-build/bin}
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
n=0; status=0
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; status=1; fi; }
. tests/fake-mnist.sh
fake_mnist "$tmp/fake" 128
"$bin/mnistnet" train --data "$tmp/fake" --arch small --epochs 1 --batch 64 --save "$tmp/good.model" >/dev/null
ok $? "training on a tiny fake data set writes a model"
head -c 100 "$tmp/good.model" >"$tmp/truncated.model"
cp "$tmp/good.model" "$tmp/flipped.model"
printf '\125' | dd of="$tmp/flipped.model" bs=1 seek=300 conv=notrunc 2>/dev/null
! cmp -s "$tmp/good.model" "$tmp/flipped.model"; ok $? "the flipped copy differs from the model"
{ printf 'P5\n28 28\n255\n'; head -c 784 /dev/zero; } >"$tmp/digit.pgm"
bad_set() { rm -rf "$tmp/$1"; cp -r "$tmp/fake" "$tmp/$1"; }
idx_images() {  # idx_images COUNT ROWS COLS BYTES: an images file whose header says COUNT x ROWS x COLS
    printf '\0\0\10\3'; be32 "$1"; be32 "$2"; be32 "$3"; head -c "$4" /dev/zero
}
bad_set overflow; idx_images 5478275 28 28 784 >"$tmp/overflow/train-images-idx3-ubyte"
bad_set wrapped; idx_images 1 4294967295 4294967295 784 >"$tmp/wrapped/train-images-idx3-ubyte"
bad_set lying; idx_images 200 28 28 $((128 * 784)) >"$tmp/lying/train-images-idx3-ubyte"
bad_set short; head -c 5000 "$tmp/fake/train-images-idx3-ubyte" >"$tmp/short/train-images-idx3-ubyte"
bad_set nolabels; rm "$tmp/nolabels/t10k-labels-idx1-ubyte"
bad_set label10; printf '\12' | dd of="$tmp/label10/train-labels-idx1-ubyte" bs=1 seek=20 conv=notrunc 2>/dev/null
bad_set mixed; cp "$tmp/fake/train-labels-idx1-ubyte" "$tmp/mixed/train-images-idx3-ubyte"
bad_set dirfile; rm "$tmp/dirfile/train-labels-idx1-ubyte"; mkdir "$tmp/dirfile/train-labels-idx1-ubyte"
bad_set counts; { printf '\0\0\10\1'; be32 127; head -c 127 "$tmp/fake/train-labels-idx1-ubyte" | tail -c 119;
                  head -c 8 /dev/zero; } >"$tmp/counts/train-labels-idx1-ubyte"
bad_set gz; head -c 3000 "$tmp/fake/train-images-idx3-ubyte" | gzip -c >"$tmp/gz/train-images-idx3-ubyte.gz"
rm "$tmp/gz/train-images-idx3-ubyte"
fix_crc() {  # fix_crc FILE: rewrite the last 4 bytes as the CRC-32 of the others
    local size; size=$(stat -c %s "$1")
    { head -c $((size - 4)) "$1"; head -c $((size - 4)) "$1" | gzip -c | tail -c 8 | head -c 4; } >"$1.new"
    mv "$1.new" "$1"
}
spoil() {  # spoil FROM TO OFFSET BYTES: copy FROM to TO, write BYTES at OFFSET, fix the CRC
    cp "$tmp/$1" "$tmp/$2"
    printf "$4" | dd of="$tmp/$2" bs=1 seek="$3" conv=notrunc 2>/dev/null
    fix_crc "$tmp/$2"
}
spoil good.model other-arch.model 16 'main\0'
spoil good.model unknown-arch.model 16 'huge\0'
spoil good.model version1.model 8 '\1\0\0\0'
"$bin/mnistnet" train --data "$tmp/fake" --arch small --epochs 1000 --batch 64 --save "$tmp/ck.model" >/dev/null 2>&1 &
pid=$!; tries=0
while [ ! -s "$tmp/ck.model" ] && [ $tries -lt 1200 ]; do sleep 0.05; tries=$((tries + 1)); done
kill -TERM $pid; wait $pid
np=$(od -An -t u8 -j 544 -N 8 "$tmp/ck.model" | tr -d ' '); ns=$(od -An -t u8 -j 552 -N 8 "$tmp/ck.model" | tr -d ' ')
state=$((568 + 4 * (np + ns) + 4 * np))  # the StateRecord, after the numbers and the velocity
spoil ck.model ck-epoch.model $((state + 18 * 8)) '\210\23\0\0\0\0\0\0'    # epoch 5000 of 1000
spoil ck.model ck-lr.model $((state + 7 * 8)) '\0\0\0\0\0\0\370\177'       # lr_max NaN
head -c 2000 "$tmp/ck.model" >"$tmp/ck-short.model"
bad_set fake2; printf '\1' | dd of="$tmp/fake2/train-labels-idx1-ubyte" bs=1 seek=8 conv=notrunc 2>/dev/null
{ printf 'P5\n30 28\n255\n'; head -c 840 /dev/zero; } >"$tmp/wide.pgm"
{ printf 'P6\n28 28\n255\n'; head -c 2352 /dev/zero; } >"$tmp/colour.ppm"
{ printf 'P5\r\n28 28\r\n255\r\n'; head -c 784 /dev/zero; } >"$tmp/crlf.pgm"
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
2|train --data $tmp --label-smoothing 1|--label-smoothing: '1' is not a number in \[0, 1)
2|train --data $tmp --label-smoothing -0.1|--label-smoothing: '-0.1' is not a number in \[0, 1)
2|train --data $tmp --label-smoothing nan|--label-smoothing: 'nan' is not a number in \[0, 1)
2|train --data $tmp --clean-epochs -1|--clean-epochs: '-1' is not a whole number from 0 to 1000
2|train --data $tmp --clean-epochs 1001|--clean-epochs: '1001' is not a whole number from 0 to 1000
2|train --data $tmp --arch huge|--arch: 'huge' is not a network
2|train --data $tmp --bogus|'--bogus' is not an option of 'train'
2|eval --data $tmp --epochs 3 --model x|'--epochs' is not an option of 'eval'
2|eval --data $tmp|eval needs --model FILE
2|predict --model x|predict needs an IMAGE.pgm
2|train --data $tmp --epochs|--epochs needs a value
1|train --data $tmp/overflow|header claims 5478275 items, more than the 1000000
1|train --data $tmp/wrapped|images are 4294967295x4294967295, expected 28x28
1|train --data $tmp/lying|truncated: header promises 156800 data bytes, file has 100352
1|train --data $tmp/short|train-images-idx3-ubyte: truncated: header promises
1|train --data $tmp/nolabels|t10k-labels-idx1-ubyte: no such file (nor .gz)
1|train --data $tmp/label10|label 10 at index 12 is not a digit
1|train --data $tmp/mixed|magic number 0x00000801, expected 0x00000803
1|train --data $tmp/dirfile|train-labels-idx1-ubyte: not a regular file
1|train --data $tmp/counts|has 128 images but train-labels-idx1-ubyte has 127 labels
1|train --data $tmp/gz|train-images-idx3-ubyte.gz: truncated
1|train --data $tmp/fake/train-images-idx3-ubyte|not a directory
1|eval --model $tmp/other-arch.model --data $tmp/fake|made for another architecture
1|eval --model $tmp/unknown-arch.model --data $tmp/fake|made for an unknown architecture
1|predict --model $tmp/version1.model $tmp/digit.pgm|unsupported model format version
1|train --resume $tmp/ck-epoch.model --data $tmp/fake|impossible position in the run
1|train --resume $tmp/ck-lr.model --data $tmp/fake|settings out of range
1|train --resume $tmp/ck-short.model --data $tmp/fake|truncated
1|train --resume $tmp/flipped.model --data $tmp/fake|checksum mismatch
1|train --resume $tmp/missing.model --data $tmp/fake|missing.model: cannot open
1|train --resume $tmp/ck.model --data $tmp/fake2|not the data that the run in
1|train --resume $tmp/good.model --data $tmp/fake|cannot be resumed
2|train --resume $tmp/ck.model --data $tmp/fake --seed 4|--seed cannot be combined with --resume
2|eval --resume $tmp/ck.model --model x|'--resume' is not an option of 'eval'
1|predict --model $tmp/good.model $tmp/wide.pgm|is 30x28, expected 28x28
1|predict --model $tmp/good.model $tmp/colour.ppm|a PPM colour image
1|predict --model $tmp/good.model $tmp/crlf.pgm|the header ends in CR LF
2|train --data $tmp --lr inf|--lr: 'inf' is not a number in (0, 10]
2|train --data $tmp --lr 1e999|--lr: '1e999' is not a number in (0, 10]
2|train --data $tmp --batch -5|--batch: '-5' is not a whole number
2|train --data $tmp --epochs 1001|--epochs: '1001' is not a whole number from 1 to 1000
2|train --data $tmp --train-limit 0|--train-limit: '0' is not a positive whole number
2|train --data $tmp --test-limit 99999999999999999999|--test-limit: '99999999999999999999' is not
2|train --data $tmp --threads 1000|--threads: '1000' is not a whole number from 1 to 256
2|train --data $tmp/fake --save $tmp/nowhere/a.model|cannot write $tmp/nowhere/a.model
2|train --data $tmp/fake --log $tmp/nowhere/a.csv|cannot write $tmp/nowhere/a.csv
2|eval --model $tmp/good.model --data $tmp/fake --confusion $tmp/nowhere/c.csv|cannot write $tmp/nowhere/c.csv
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
"$bin/mnistnet" train --data "$tmp/fake" --arch small --epochs 1 --batch 64 --seed 4 --threads 1 \
    --log "$tmp/log.csv" >/dev/null
[ "$(head -1 "$tmp/log.csv")" = epoch,seconds,lr,train_loss,train_acc,test_loss,test_acc ]
ok $? "the log's first line is its header: $(head -1 "$tmp/log.csv")"
grep -qx 'command mnistnet train --arch small --epochs 1 --batch 64 --lr 0.2 --clean-epochs 3 --seed 4 --threads 1' \
    "$tmp/log.csv.meta" && grep -qx 'train_images 128' "$tmp/log.csv.meta"
ok $? "log.csv.meta holds the command and the settings: $(head -1 "$tmp/log.csv.meta")"
sched() {  # sched WANT_ROW4 ARGS...: 20 steps (21 lines) with step 4 = WANT_ROW4
    local want=$1 got lines; shift
    "$bin/mnistnet" schedule --epochs 1 "$@" >"$tmp/sched" 2>&1
    lines=$(wc -l <"$tmp/sched"); got=$(sed -n 6p "$tmp/sched")
    [ "$lines" = 21 ] && [ "$got" = "$want" ]
    ok $? "schedule $*: $lines lines (21), step 4 is $got ($want)"
}
sched 4,0.20000,0.2 --arch main --train-limit 2560
sched 4,0.20000,0.2 --arch small --train-limit 1280
sched 4,0.20000,0.1 --train-limit 1280 --arch tiny
sched 4,0.20000,0.3 --lr 0.3 --batch 256 --arch small --train-limit 5120
sched 4,0.20000,0.2 --train-limit 2560
while IFS='|' read -r args want; do
    # shellcheck disable=SC2086
    "$bin/mnistnet" train --data "$tmp/fake" $args --epochs 1 --threads 1 --log "$tmp/r.csv" >/dev/null
    grep -qx "command mnistnet train $want --seed 1 --threads 1" "$tmp/r.csv.meta"
    ok $? "train $args: $(head -1 "$tmp/r.csv.meta")"
done <<RUNS
--arch main|--arch main --epochs 1 --batch 128 --lr 0.2 --label-smoothing 0.1 --clean-epochs 3
--label-smoothing 0 --arch main|--arch main --epochs 1 --batch 128 --lr 0.2 --clean-epochs 3
--arch tiny|--arch tiny --epochs 1 --batch 64 --lr 0.1 --clean-epochs 3
--batch 32 --arch tiny|--arch tiny --epochs 1 --batch 32 --lr 0.1 --clean-epochs 3
--arch tiny --label-smoothing 0.2|--arch tiny --epochs 1 --batch 64 --lr 0.1 --label-smoothing 0.2 --clean-epochs 3
--clean-epochs 0 --arch small|--arch small --epochs 1 --batch 64 --lr 0.2
--arch wide --clean-epochs 1|--arch wide --epochs 1 --batch 64 --lr 0.2 --clean-epochs 1
RUNS
bad_set locked; chmod 000 "$tmp/locked/train-images-idx3-ubyte"
if [ -r "$tmp/locked/train-images-idx3-ubyte" ]; then
    n=$((n + 1)); echo "ok $n # SKIP an unreadable file: chmod 000 does not stop this user (root?)"
else
    "$bin/mnistnet" train --data "$tmp/locked" 2>"$tmp/err" >/dev/null; rc=$?
    [ $rc = 1 ] && grep -q 'train-images-idx3-ubyte: cannot open: Permission denied' "$tmp/err"
    ok $? "an unreadable file: exit $rc, $(cat "$tmp/err")"
fi
chmod 644 "$tmp/locked/train-images-idx3-ubyte"
"$bin/mnistnet" train --data "$tmp/fake" --arch small --epochs 1 --train-limit 1 >/dev/null 2>"$tmp/err"
ok $? "a run of one step trains (it used to fail a CHECK in the schedule) $(head -c 100 "$tmp/err")"
cp "$tmp/ck.model" "$tmp/keep.model"
"$bin/mnistnet" train --data "$tmp/short" --save "$tmp/keep.model" >/dev/null 2>&1
cmp -s "$tmp/ck.model" "$tmp/keep.model"; ok $? "a run that fails on its data leaves an existing --save file as it was"
[ -z "$(find "$tmp" -name '*.tmp.*')" ]; ok $? "and no temporary file is left behind"
full_stdout() {
    if [ ! -w /dev/full ]; then
        n=$((n + 1)); echo "ok $n # SKIP no /dev/full: ${1##*/} ${*:2}"; return
    fi
    "$@" >/dev/full 2>"$tmp/full.err"; rc=$?
    [ "$rc" = 1 ] && [ "$(wc -l <"$tmp/full.err")" = 1 ] &&
        grep -q 'writing standard output failed: No space left on device' "$tmp/full.err"
    ok $? "${1##*/} ${*:2} >/dev/full -> exit $rc (want 1): $(head -c 100 "$tmp/full.err")"
}
full_stdout "$bin/mnistnet" --help
full_stdout "$bin/mnistnet" summary --arch small
full_stdout "$bin/mnistnet" schedule --epochs 2 --train-limit 1000
full_stdout "$bin/mnistnet" eval --model "$tmp/good.model" --data "$tmp/fake"
full_stdout "$bin/mnistnet" predict --model "$tmp/good.model" "$tmp/digit.pgm"
full_stdout "$bin/mnistnet" train --data "$tmp/fake" --arch small --epochs 1 --batch 64
echo "1..$n"
exit $status
