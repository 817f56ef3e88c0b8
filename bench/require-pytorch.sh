# Sourced by bench/compare-pytorch.sh and bench/time-to-accuracy.sh, which
# set $python and $here first. require_pytorch NAME ends the calling script
# when PyTorch cannot run bench/pytorch_mnistnet.py: with status 0 and one
# line when Debian's python3-torch is not installed (the comparison is
# skipped), with status 1 and a message on stderr when the script fails.
require_pytorch() {
    status=0
    "$python" "$here/pytorch_mnistnet.py" --summary >/dev/null 2>&1 || status=$?
    if [ "$status" -eq 77 ] || [ ! -x "$python" ]; then
        echo "$1: python3-torch is not installed (apt-get install python3-torch); comparison skipped"
        exit 0
    elif [ "$status" -ne 0 ]; then
        echo "$1: $here/pytorch_mnistnet.py --summary failed (status $status)" >&2
        exit 1
    fi
}
