#!/bin/sh
# Seed corpora for the fuzz targets (book/92-faults.nw): seeds.sh DIR MNISTNET
set -e
out=$1; mnistnet=$2
mkdir -p "$out/idx" "$out/pgm" "$out/checkpoint" "$out/fake"
be32() { for s in 24 16 8 0; do printf "\\$(printf %03o $(($1 >> s & 255)))"; done; }
for split in train t10k; do
    { printf '\0\0\10\3'; be32 2; be32 28; be32 28; head -c 1568 /dev/urandom; } >"$out/fake/$split-images-idx3-ubyte"
    { printf '\0\0\10\1'; be32 2; printf '\3\7'; } >"$out/fake/$split-labels-idx1-ubyte"
done
{ printf '\60\6'; cat "$out/fake/train-images-idx3-ubyte" "$out/fake/train-labels-idx1-ubyte"; } >"$out/idx/plain"
gzip -c "$out/fake/train-images-idx3-ubyte" >"$out/images.gz"
size=$(wc -c <"$out/images.gz")
{ printf "\\$(printf %03o $((size & 255)))\\$(printf %03o $((size >> 8)))"; cat "$out/images.gz";
  cat "$out/fake/train-labels-idx1-ubyte"; } >"$out/idx/gzip"
printf 'P5\n3 2\n255\n\1\2\3\4\5\6' >"$out/pgm/p5"
printf 'P2\n# a comment\n3 2\n15\n1 2 3\n4 5 15\n' >"$out/pgm/p2"
printf 'P5 3 2 65535\n\0\1\0\2\0\3\1\0\2\0\377\377' >"$out/pgm/p5-16bit"
{ printf 'P5\n28 28\n255\n'; head -c 784 /dev/urandom; } >"$out/pgm/digit"
"$mnistnet" train --data "$out/fake" --arch small --epochs 1 --batch 2 --save "$out/checkpoint/model" >/dev/null
"$mnistnet" train --data "$out/fake" --arch small --epochs 1000 --batch 1 --save "$out/checkpoint/ck" >/dev/null 2>&1 &
pid=$!
while [ ! -s "$out/checkpoint/ck" ]; do sleep 0.05; done
kill -TERM $pid; wait $pid || true
