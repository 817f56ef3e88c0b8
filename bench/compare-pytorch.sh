#!/bin/sh
# Train one epoch of the main network with the book's C trainer and with
# PyTorch (bench/pytorch_mnistnet.py, same architecture, batch, augmentation,
# optimiser and schedule: the C run is given PyTorch's peak lr of 0.1, no
# label smoothing, and augmentation in every epoch, as PyTorch's recipe
# has it; its one epoch would otherwise be one of the main network's clean
# epochs), alternately, twice each, on the same number of
# threads; print the ratio of the best epoch times, C / PyTorch.
#
#   sh bench/compare-pytorch.sh MNISTNET DATA_DIR OUT_DIR [THREADS]
#
# PyTorch is a benchmark peer only: without Debian's python3-torch the
# comparison is skipped (exit 0, one line saying so).
set -eu
if [ $# -lt 3 ]; then
    echo "usage: compare-pytorch.sh MNISTNET DATA_DIR OUT_DIR [THREADS]" >&2
    exit 2
fi
mnistnet=$1 data=$2 out=$3 threads=${4:-2}
here=$(dirname "$0")
python=/usr/bin/python3
[ -x "$mnistnet" ] || { echo "compare-pytorch: $mnistnet is not an executable; run make build" >&2; exit 1; }
[ -d "$data" ] || { echo "compare-pytorch: $data: no such directory; run make data" >&2; exit 1; }
mkdir -p "$out"

. "$here/require-pytorch.sh"
require_pytorch compare-pytorch
"$mnistnet" summary >"$out/summary-c.csv"
"$python" "$here/pytorch_mnistnet.py" --summary >"$out/summary-pytorch.csv"
if ! cmp -s "$out/summary-c.csv" "$out/summary-pytorch.csv"; then
    echo "compare-pytorch: the PyTorch network differs from 'mnistnet summary':" >&2
    diff "$out/summary-c.csv" "$out/summary-pytorch.csv" >&2 || true
    exit 1
fi

csv=$out/compare-pytorch.csv
echo "framework,threads,round,train_s" >"$csv.tmp"
for round in 1 2; do
    "$mnistnet" train --data "$data" --epochs 1 --lr 0.1 --label-smoothing 0 --clean-epochs 0 --threads "$threads" \
        --log "$out/c-epoch.csv" >/dev/null
    c_s=$(awk -F, '$1 == "1" { print $2 }' "$out/c-epoch.csv")
    echo "C,$threads,$round,$c_s" >>"$csv.tmp"
    "$python" "$here/pytorch_mnistnet.py" --data "$data" --epochs 1 --threads "$threads" \
        --csv "$out/pytorch-epoch.csv" >/dev/null
    p_s=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
                   { print $col["train_s"] }' "$out/pytorch-epoch.csv")
    echo "PyTorch,$threads,$round,$p_s" >>"$csv.tmp"
    echo "round $round: C $c_s s, PyTorch $p_s s per training epoch ($threads threads)"
done
mv "$csv.tmp" "$csv"
awk -F, 'NR > 1 { if (!($1 in best) || $4 < best[$1]) best[$1] = $4 }
         END { printf "best epoch: C %.2f s, PyTorch %.2f s; C / PyTorch = %.3f\n",
                      best["C"], best["PyTorch"], best["C"] / best["PyTorch"] }' "$csv"
