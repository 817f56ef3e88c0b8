# fake_mnist DIR N: a tiny MNIST look-alike for tests (book/29a-inside-the-network.nw)
be32() { for s in 24 16 8 0; do printf "\\$(printf %03o $(($1 >> s & 255)))"; done; }
fake_mnist() {
    mkdir -p "$1" || return 1
    for split in train t10k; do
        { printf '\0\0\10\3'; be32 "$2"; be32 28; be32 28; head -c $(($2 * 784)) /dev/urandom; } \
            >"$1/$split-images-idx3-ubyte"
        { printf '\0\0\10\1'; be32 "$2"; for i in $(seq 0 $(($2 - 1))); do printf "\\$(printf %03o $((i % 10)))"; done; } \
            >"$1/$split-labels-idx1-ubyte"
    done
}
