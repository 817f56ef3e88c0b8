#!/bin/bash
# mnistnet's schedule and its refusals, and a line of mnist-values.awk, as predicted by the exercises (book/95d-solutions-training.nw)
bin=${BIN:-build/bin}
n=0; status=0
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; status=1; fi; }
"$bin/mnistnet" schedule --epochs 2 --batch 100 --lr 0.1 --train-limit 1000 >"${TMPDIR:-/tmp}/schedule.$$"
lines=$(wc -l <"${TMPDIR:-/tmp}/schedule.$$")
[ "$lines" = 21 ]; ok $? "schedule of 2 epochs of 10 steps: $lines lines (21)"
row() { sed -n "$(($1 + 2))p" "${TMPDIR:-/tmp}/schedule.$$"; }
[ "$(row 19)" = "19,1.90000,4e-07" ]; ok $? "last row: $(row 19) (19,1.90000,4e-07)"
[ "$(row 4)" = "4,0.40000,0.1" ] && [ "$(row 0)" = "0,0.00000,0.004" ]
ok $? "step 4 is the peak, $(row 4); step 0 is $(row 0)"
rm -f "${TMPDIR:-/tmp}/schedule.$$"
"$bin/mnistnet" schedule --epochs 3 --batch 100 --train-limit 1050 >"${TMPDIR:-/tmp}/rows.$$"
lines=$(wc -l <"${TMPDIR:-/tmp}/rows.$$"); last=$(tail -1 "${TMPDIR:-/tmp}/rows.$$" | cut -d, -f1,2)
[ "$lines" = 34 ] && [ "$last" = "32,2.90909" ]
ok $? "3 epochs of 1050 images in batches of 100: $lines lines (34), last row $last (32,2.90909)"
rm -f "${TMPDIR:-/tmp}/rows.$$"
refused() {  # refused MESSAGE ARGS...: mnistnet ARGS exits 2 and prints MESSAGE
    local want=$1; shift
    local got; got=$("$bin/mnistnet" "$@" 2>&1 >/dev/null); local rc=$?
    [ $rc = 2 ] && [ "$got" = "mnistnet: $want (try --help)" ]; ok $? "mnistnet $*: exit $rc, $got"
}
refused "'--epochs' is not an option of 'eval'" eval --epochs 3 --model m --data d
refused "--lr: '0' is not a number in (0, 10]" train --data d --lr 0
refused "--seed cannot be combined with --resume: a resumed run keeps the settings it was started with" \
    train --resume x --data d --seed 3
refused "predict needs an IMAGE.pgm" predict --model m
rises=$(printf '%s\n' epoch,seconds,lr,train_loss,train_acc,test_loss,test_acc \
    1,10,0.1,0.5,0.9,0.08,0.97 2,10,0.1,0.2,0.95,0.09,0.975 3,10,0.1,0.1,0.97,0.05,0.985 \
    4,10,0.1,0.1,0.98,0.06,0.99 | awk -F, '
$1 ~ /^[0-9]+$/ {
    before_last = final_loss; final_loss = $6
    if (rows_seen++ > 0 && $6 > before_last) loss_rises++
}
END { print loss_rises + 0 }')
[ "$rises" = 2 ]; ok $? "test loss 0.08 0.09 0.05 0.06: $rises epochs rose (2)"
echo "1..$n"
exit $status
