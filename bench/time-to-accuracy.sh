#!/bin/sh
# Time to 99.4 % test accuracy: the C trainer's runs against PyTorch's
# seed-like recipe (bench/pytorch_mnistnet.py: the same network, one-cycle
# schedule, +-7 degree rotation, batch 128), trained here on the same number
# of threads. The C runs are the build's own run of the main network, from
# its log, and the book's short run (chapter "Training on MNIST": the flags
# SHORT_FLAGS), trained here for each seed of SEEDS, in this invocation.
# Each time is the sum of the per-epoch training seconds up to and including
# the first epoch whose test accuracy is at least 99.4 %. Prints each time
# and its ratio to PyTorch's.
#
#   sh bench/time-to-accuracy.sh MNISTNET C_LOG DATA_DIR OUT_DIR THREADS EPOCHS SHORT_FLAGS SEEDS
#
# PyTorch is a benchmark peer only: without Debian's python3-torch the
# comparison is skipped (exit 0, one line saying so).
set -eu
if [ $# -ne 8 ]; then
    echo "usage: time-to-accuracy.sh MNISTNET C_LOG DATA_DIR OUT_DIR THREADS EPOCHS SHORT_FLAGS SEEDS" >&2
    exit 2
fi
mnistnet=$1 log=$2 data=$3 out=$4 threads=$5 epochs=$6 short=$7 seeds=$8
here=$(dirname "$0")
python=/usr/bin/python3
[ -x "$mnistnet" ] || { echo "time-to-accuracy: $mnistnet is not an executable; run make build" >&2; exit 1; }
[ -r "$log" ] || { echo "time-to-accuracy: $log: no such training log; run make" >&2; exit 1; }
[ -d "$data" ] || { echo "time-to-accuracy: $data: no such directory; run make data" >&2; exit 1; }
mkdir -p "$out"
. "$here/require-pytorch.sh"
require_pytorch time-to-accuracy
# to_target FILE SECONDS_COLUMN ACCURACY_COLUMN: "seconds epoch" of the first
# epoch at >= 99.4 %, or nothing; columns by name from the header line
to_target() {
    awk -F, -v s="$2" -v a="$3" 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
        { t += $col[s] }
        $col[a] >= 0.994 { printf "%.1f %d\n", t, $col["epoch"]; exit }' "$1"
}
# The short runs first, then PyTorch's: all in this invocation, on $threads threads
for s in $seeds; do
    # shellcheck disable=SC2086 # $short is a list of flags
    "$mnistnet" train --data "$data" $short --seed "$s" --threads "$threads" \
        --log "$out/c-short-seed$s.csv" >"$out/c-short-seed$s.out"
done
"$python" "$here/pytorch_mnistnet.py" --data "$data" --epochs "$epochs" --threads "$threads" \
    --csv "$out/pytorch-accuracy.csv" >"$out/pytorch-accuracy.out"
p=$(to_target "$out/pytorch-accuracy.csv" train_s test_acc)
# PyTorch's whole run, for a bound when it never got there
p_all=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next } { t += $col["train_s"] }
                 END { printf "%.1f", t }' "$out/pytorch-accuracy.csv")
say() { if [ -n "$2" ]; then echo "$1 reached 99.4 % in epoch ${2#* } after ${2% *} s of training"
        else echo "$1 did not reach 99.4 % in its run"; fi; }
say "PyTorch ($epochs epochs, $threads threads)" "$p"
# compare NAME LOG: one C run against PyTorch's
compare() {
    c=$(to_target "$2" seconds test_acc)
    say "$1" "$c"
    if [ -n "$c" ] && [ -n "$p" ]; then
        echo "${c% *} ${p% *}" | awk -v n="$1" '{ printf "  time to 99.4 %%, %s: C / PyTorch = %.3f\n", n, $1 / $2 }'
    elif [ -n "$c" ]; then
        echo "${c% *} $p_all" | awk -v n="$1" '{ printf "  time to 99.4 %%, %s: C / PyTorch < %.2f (PyTorch trained %.1f s without getting there)\n", n, $1 / $2, $2 }'
    fi
}
compare "C, the book's run ($log)" "$log"
for s in $seeds; do
    compare "C, the short run ($short), seed $s" "$out/c-short-seed$s.csv"
done
