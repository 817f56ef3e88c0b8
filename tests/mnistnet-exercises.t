#!/bin/bash
# mnistnet's schedule and its refusals, as predicted by the exercises (book/95d-solutions-training.nw)
bin=${BIN:-build/bin}
n=0; status=0
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; status=1; fi; }
"$bin/mnistnet" schedule --epochs 2 --batch 100 --train-limit 1000 >"${TMPDIR:-/tmp}/schedule.$$"
lines=$(wc -l <"${TMPDIR:-/tmp}/schedule.$$")
[ "$lines" = 21 ]; ok $? "schedule of 2 epochs of 10 steps: $lines lines (21)"
row() { sed -n "$(($1 + 2))p" "${TMPDIR:-/tmp}/schedule.$$"; }
[ "$(row 19)" = "19,1.90000,4e-07" ]; ok $? "last row: $(row 19) (19,1.90000,4e-07)"
[ "$(row 4)" = "4,0.40000,0.1" ] && [ "$(row 0)" = "0,0.00000,0.004" ]
ok $? "step 4 is the peak, $(row 4); step 0 is $(row 0)"
rm -f "${TMPDIR:-/tmp}/schedule.$$"
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
echo "1..$n"
exit $status
