#!/bin/bash
# mnistnet's checkpoints: stop, resume, survive SIGKILL, divergence (book/28b-checkpoints.nw)
bin=${BIN:-build/bin}
data=${MNIST_DIR:-data/mnist}
if [ ! -f "$data/train-images-idx3-ubyte" ] && [ ! -f "$data/train-images-idx3-ubyte.gz" ]; then
    echo "1..0 # SKIP no MNIST data in $data (run make data)"
    exit 0
fi
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
n=0; status=0
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; status=1; fi; }
run=(train --arch small --data "$data" --epochs 3 --train-limit 512 --test-limit 200 --batch 32
     --label-smoothing 0.1 --clean-epochs 1 --seed 3 --threads 2)
interrupt() {  # interrupt NAME SIGNAL FILE-TO-WAIT-FOR
    "$bin/mnistnet" "${run[@]}" --log "$tmp/$1.csv" --save "$tmp/$1.model" >"$tmp/$1.out" 2>"$tmp/$1.err" &
    local pid=$! tries=0
    while [ ! -s "$3" ] && [ $tries -lt 1200 ]; do sleep 0.05; tries=$((tries + 1)); done
    kill -"$2" $pid; { wait $pid; } 2>/dev/null; rc=$?
    cp "$tmp/$1.model" "$tmp/$1.stopped" 2>/dev/null
}
check_resumed() {  # check_resumed NAME
    "$bin/mnistnet" train --resume "$tmp/$1.model" --data "$data" --log "$tmp/$1.csv" >"$tmp/$1.out2" 2>&1
    ok $? "$1: resuming exits 0"
    cmp -s "$tmp/ref.model" "$tmp/$1.model"; ok $? "$1: the resumed run ends with the reference model, byte for byte"
    cut -d, -f1,3- "$tmp/$1.csv" | cmp -s - "$tmp/ref.cols"; ok $? "$1: and with the reference log, apart from the seconds"
}
"$bin/mnistnet" "${run[@]}" --log "$tmp/ref.csv" --save "$tmp/ref.model" >/dev/null 2>&1; ok $? "the reference run exits 0"
cut -d, -f1,3- "$tmp/ref.csv" >"$tmp/ref.cols"
perl -MPOSIX -e 'sigprocmask(SIG_BLOCK, POSIX::SigSet->new(SIGTERM)) or die "sigprocmask: $!";
                 kill "TERM", $$; exec @ARGV or die "exec: $!"' \
    "$bin/mnistnet" "${run[@]}" --log "$tmp/term.csv" --save "$tmp/term.model" >"$tmp/term.out" 2>"$tmp/term.err"
rc=$?
[ $rc = 143 ]; ok $? "SIGTERM pending at the start: exit status $rc (want 143)"
grep -q 'stopped by SIGTERM in epoch 1 after batch 1 of 16; checkpoint saved; continue with: mnistnet train --resume' \
    "$tmp/term.err"; ok $? "and stops after the first batch and says how to resume: $(head -c 150 "$tmp/term.err")"
check_resumed term
interrupt int INT "$tmp/int.model"
[ $rc = 130 ]; ok $? "SIGINT after the first checkpoint: exit status $rc (want 130)"
grep -Eq 'stopped by SIGINT (in epoch 2 after batch|after epoch 1;)' "$tmp/int.err"
ok $? "and stops in epoch 2 or just before it: $(head -c 80 "$tmp/int.err")"
check_resumed int
interrupt kill KILL "$tmp/kill.model"
[ $rc = 137 ]; ok $? "SIGKILL after the first checkpoint: exit status $rc (want 137)"
check_resumed kill
fix_crc() {  # fix_crc FILE: rewrite the last 4 bytes as the CRC-32 of the others
    local size; size=$(stat -c %s "$1")
    { head -c $((size - 4)) "$1"; head -c $((size - 4)) "$1" | gzip -c | tail -c 8 | head -c 4; } >"$1.new"
    mv "$1.new" "$1"
}
cp "$tmp/int.stopped" "$tmp/nan.model"
nparams=$("$bin/mnistnet" summary --arch small | awk -F, '$1 == "total" { print $4 }')
for k in $(seq 140); do printf '\377\377\177\177'; done |
    dd of="$tmp/nan.model" bs=1 seek=$((568 + 4 * (nparams - 140))) conv=notrunc 2>/dev/null
fix_crc "$tmp/nan.model"; cp "$tmp/nan.model" "$tmp/nan.copy"
"$bin/mnistnet" train --resume "$tmp/nan.model" --data "$data" >/dev/null 2>"$tmp/nan.err"; rc=$?
[ $rc = 1 ] && grep -q 'the loss became NaN in epoch 2, batch [0-9]*: training diverged; try a smaller --lr' "$tmp/nan.err"
ok $? "a NaN loss stops the run: exit $rc, $(head -c 150 "$tmp/nan.err")"
cmp -s "$tmp/nan.model" "$tmp/nan.copy"; ok $? "and the last good checkpoint is left as it was"
"$bin/mnistnet" train --resume "$tmp/ref.model" --data "$data" 2>"$tmp/err" >/dev/null; rc=$?
[ $rc = 1 ] && grep -q 'without training state, so it cannot be resumed' "$tmp/err"
ok $? "resuming a finished run's model: exit $rc, $(cat "$tmp/err")"
"$bin/mnistnet" train --resume "$tmp/term.model" --data "$data" --epochs 5 2>"$tmp/err" >/dev/null; rc=$?
[ $rc = 2 ] && grep -q -- '--epochs cannot be combined with --resume' "$tmp/err"
ok $? "--resume with --epochs: exit $rc, $(cat "$tmp/err")"
echo "1..$n"
exit $status
