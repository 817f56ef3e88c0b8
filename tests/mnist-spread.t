#!/bin/bash
# chunks/tools/mnist-spread.awk on made-up runs (book/29-mnist-results.nw)
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
n=0; status=0
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; status=1; fi; }
printf 'layer,kind,output_shape,params\n1,conv,8x26x26,1200\ntotal,network '\''a'\'': made up,,1234\n' >"$tmp/a-summary.csv"
printf 'layer,kind,output_shape,params\n1,conv,8x26x26,99\ntotal,network '\''b'\'': made up,,99\n' >"$tmp/b-summary.csv"
run() {  # run FILE ARCH SEED "SECONDS:TEST_ACC ..."
    local f=$tmp/$1 e=0 p
    echo epoch,seconds,lr,train_loss,train_acc,test_loss,test_acc >"$f"
    for p in $4; do e=$((e + 1)); echo "$e,${p%:*},0.1,0.1,0.9,0.05,${p#*:}" >>"$f"; done
    printf 'command mnistnet train --arch %s\narch %s\nepochs %d\nbatch 64\nlr 0.1\nseed %s\nthreads 2\ntrain_images 60000\n' \
        "$2" "$2" "$e" "$3" >"$f.meta"
}
run a1.csv a 1 "10:0.990000 20:0.994000 30:0.995000"
run a2.csv a 2 "12:0.993000 12:0.997000 12:0.996000"
run a3.csv a 3 "16:0.993000 16:0.994500 16:0.994000"
run b1.csv b 1 "5:0.980000 7:0.985000"
spread() { awk -v spread_seeds="2 3" -v prefix=s -f chunks/tools/mnist-spread.awk "$@"; }
spread -v emit=csv "$tmp/a-summary.csv" "$tmp/b-summary.csv" "$tmp/a3.csv" "$tmp/b1.csv" "$tmp/a1.csv" "$tmp/a2.csv" \
    >"$tmp/table.csv"
row() { sed -n "$1p" "$tmp/table.csv"; }
nb=$(printf '\302\240')
[ "$(row 2 | sed "s/$nb/ /g")" = "a,1,1234,3,2 (30.0 s),99.50 (3),99.50,20.0" ]; ok $? "seed 1 of a reaches 99.4 % in epoch 2 after 30 s: $(row 2)"
[ "$(row 3 | cut -d, -f2)$(row 4 | cut -d, -f2)" = 23 ]; ok $? "the seeds of a in order, though given 3, 1, 2"
[ "$(row 5 | sed "s/$nb/ /g")" = "a,mean ± sd,1234,,3 of 3,99.55 ± 0.13,99.50 ± 0.10,16.0 ± 4.0" ]
ok $? "a's means: final 99.50 ± 0.10, s/epoch 16.0 ± 4.0: $(row 5)"
[ "$(row 6)" = "b,1,99,2,—,98.50 (2),98.50,6.0" ]; ok $? "a run that never reaches 99.4 %: $(row 6)"
[ "$(row 7 | sed "s/$nb/ /g")" = "b,1 seed,99,,0 of 1,98.50,98.50,6.0" ]
ok $? "one seed: no made-up spread: $(row 7)"
case "$(row 5)" in *" ±"*|*"± "*) false;; *"$nb±$nb"*) true;; *) false;; esac
ok $? "the cells of the means keep their parts together with no-break spaces"
spread -v emit=values "$tmp"/*-summary.csv "$tmp"/[ab]?.csv >"$tmp/values"
value() { sed -n "s/^$1 //p" "$tmp/values"; }
[ "$(value s.a.final_mean)/$(value s.a.final_sd)/$(value s.a.final_min)/$(value s.a.seeds)" = "99.50/0.10/99.40/3" ]
ok $? "values of a: final mean, sd, min, seeds"
[ "$(value s.a.final)" = "99.50 ± 0.10 % over 3 seeds (lowest 99.40 %)" ]; ok $? "a's sentence: $(value s.a.final)"
[ "$(value s.b.final_sd)" = "none (1 seed)" ] && [ "$(value s.b.final)" = "98.50 % from one seed, with no spread to show" ]
ok $? "b's sentence: $(value s.b.final)"
[ "$(value s.a.final_at_target)/$(value s.a.reached)/$(value s.b.reached)" = "3 of 3/3 of 3/0 of 1" ]
ok $? "runs at the target: a final 3 of 3, b 0 of 1"
[ "$(value s.holds)" = "seeds 1, 2 and 3 of a; seed 1 of b; make spread adds seeds 2 and 3" ]
ok $? "which seeds: $(value s.holds)"
held() { spread -v emit=values "$@" | sed -n 's/^s.holds //p'; }
[ "$(held "$tmp/a-summary.csv" "$tmp"/a?.csv)" = "seeds 1, 2 and 3 of a" ]; ok $? "all seeds of one network"
run b2.csv b 2 "5:0.990000 5:0.990000"; run b3.csv b 3 "5:0.990000 5:0.990000"
[ "$(held "$tmp"/*-summary.csv "$tmp"/[ab]?.csv)" = "seeds 1, 2 and 3 of every network" ]; ok $? "all seeds of both"
[ "$(held "$tmp"/*-summary.csv "$tmp"/[ab]1.csv)" = "seed 1 of every network; make spread adds seeds 2 and 3" ]
ok $? "seed 1 only: $(held "$tmp"/*-summary.csv "$tmp"/[ab]1.csv)"
refused() {  # refused MESSAGE FILE...: mnist-spread.awk exits 1 with MESSAGE on stderr
    local want=$1; shift
    spread -v emit=csv "$@" >/dev/null 2>"$tmp/err"; local rc=$?
    [ $rc = 1 ] && [ "$(wc -l <"$tmp/err")" = 1 ] && grep -qF -- "$want" "$tmp/err"; ok $? "refused: $(cat "$tmp/err")"
}
cp "$tmp/a1.csv" "$tmp/again.csv"; cp "$tmp/a1.csv.meta" "$tmp/again.csv.meta"
refused "again.csv and $tmp/a1.csv are both seed 1 of network 'a'" "$tmp/a-summary.csv" "$tmp/a1.csv" "$tmp/again.csv"
run short.csv a 4 "10:0.99"; sed -i 's/^epochs 1/epochs 3/' "$tmp/short.csv.meta"
refused "short.csv: 1 of the run's 3 epochs: an unfinished run" "$tmp/a-summary.csv" "$tmp/short.csv"
run other.csv a 5 "10:0.99 10:0.99 10:0.99"; sed -i 's/^batch 64/batch 128/' "$tmp/other.csv.meta"
refused "other.csv: 3 epochs, batch 128, 60000 training images, but $tmp/a1.csv: 3 epochs, batch 64" \
    "$tmp/a-summary.csv" "$tmp/a1.csv" "$tmp/other.csv"
cp "$tmp/a1.csv" "$tmp/nometa.csv"
refused "nometa.csv.meta: cannot read the run's settings" "$tmp/a-summary.csv" "$tmp/nometa.csv"
refused "b1.csv: network 'b' has no layer table among the inputs" "$tmp/a-summary.csv" "$tmp/b1.csv"
refused "a1.csv.meta: neither a layer table" "$tmp/a-summary.csv" "$tmp/a1.csv.meta"
refused "network 'b' has a layer table but no training log" "$tmp/a-summary.csv" "$tmp/b-summary.csv" "$tmp/a1.csv"
: >"$tmp/empty.csv"
refused "empty.csv: an empty file" "$tmp/a-summary.csv" "$tmp/a1.csv" "$tmp/empty.csv"
refused "no training logs among the inputs" "$tmp/a-summary.csv"
awk -v emit=md -f chunks/tools/mnist-spread.awk "$tmp/a-summary.csv" "$tmp/a1.csv" >/dev/null 2>"$tmp/err"
[ $? = 1 ] && grep -qF "emit must be 'csv' or 'values', not 'md'" "$tmp/err"; ok $? "a wrong emit= is refused"
echo "1..$n"
exit $status
