#!/bin/sh
# Time to 99.4 % test accuracy: the C trainer's run, from its log, against
# PyTorch's seed-like recipe (bench/pytorch_mnistnet.py: the same network,
# one-cycle schedule, +-7 degree rotation, batch 128), trained here on the
# same number of threads. Each time is the sum of the per-epoch training
# seconds up to and including the first epoch whose test accuracy is at
# least 99.4 %. Prints both and the ratio C / PyTorch.
#
#   sh bench/time-to-accuracy.sh C_LOG DATA_DIR OUT_DIR [THREADS] [EPOCHS]
#
# PyTorch is a benchmark peer only: without Debian's python3-torch the
# comparison is skipped (exit 0, one line saying so).
set -eu
if [ $# -lt 3 ]; then
    echo "usage: time-to-accuracy.sh C_LOG DATA_DIR OUT_DIR [THREADS] [EPOCHS]" >&2
    exit 2
fi
log=$1 data=$2 out=$3 threads=${4:-2} epochs=${5:-15}
here=$(dirname "$0")
python=/usr/bin/python3
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
c=$(to_target "$log" seconds test_acc)
"$python" "$here/pytorch_mnistnet.py" --data "$data" --epochs "$epochs" --threads "$threads" \
    --csv "$out/pytorch-accuracy.csv" >"$out/pytorch-accuracy.out"
p=$(to_target "$out/pytorch-accuracy.csv" train_s test_acc)
say() { if [ -n "$2" ]; then echo "$1 reached 99.4 % in epoch ${2#* } after ${2% *} s of training"
        else echo "$1 did not reach 99.4 % in its run"; fi; }
say "C ($log)" "$c"
say "PyTorch ($epochs epochs, $threads threads)" "$p"
# PyTorch's whole run, for a bound when it never got there
p_all=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next } { t += $col["train_s"] }
                 END { printf "%.1f", t }' "$out/pytorch-accuracy.csv")
if [ -n "$c" ] && [ -n "$p" ]; then
    echo "${c% *} ${p% *}" | awk '{ printf "time to 99.4 %%: C / PyTorch = %.2f\n", $1 / $2 }'
elif [ -n "$c" ]; then
    echo "${c% *} $p_all" | awk '{ printf "time to 99.4 %%: C / PyTorch < %.2f (PyTorch trained %.1f s without getting there)\n", $1 / $2, $2 }'
fi
