#!/bin/bash
# chunks/tools/deps.sh on machines made of stubs: no root, another vendor's node, a refusing apt-get (book/89-setup.nw)
deps=$PWD/chunks/tools/deps.sh
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
n=0; status=0
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; status=1; fi; }
machine() {
    local dir=$1 uid=$2; shift 2
    mkdir -p "$dir"
    for t in sh cat awk grep sed rm uniq mktemp; do ln -sf "$(command -v "$t")" "$dir/$t"; done
    printf '#!/bin/sh\n[ "$1" = -u ] && echo %s\n' "$uid" >"$dir/id"
    printf '#!/bin/sh\nexit 1\n' >"$dir/sudo"
    printf '#!/bin/sh\ncase "$*" in *Maintainer*nodejs*) echo "${NODE_VENDOR:-}";; esac\n' >"$dir/dpkg-query"
    printf '#!/bin/sh\necho "apt-get $*" >>"%s/apt.log"\n[ -z "${APT_FAILS:-}" ]\n' "$dir" >"$dir/apt-get"
    for t in "$@"; do printf '#!/bin/sh\nexit 0\n' >"$dir/$t"; done
    chmod +x "$dir"/*
}
run() { local dir=$1; shift; PATH=$dir "$dir/sh" "$deps" "$@" >"$tmp/out" 2>"$tmp/err"; }
m=$tmp/m1; machine "$m" 0 valgrind
run "$m" nosuchgroup; rc=$?
[ $rc = 2 ] && grep -q "unknown group 'nosuchgroup'" "$tmp/err"; ok $? "an unknown group: exit $rc, $(cat "$tmp/err")"
run "$m" valgrind; rc=$?
[ $rc = 0 ] && [ ! -s "$tmp/out" ] && [ ! -s "$tmp/err" ] && [ ! -e "$m/apt.log" ]
ok $? "nothing missing: exit $rc, nothing printed, apt-get not run"
m=$tmp/m2; machine "$m" 1000
run "$m" valgrind; rc=$?
[ $rc = 1 ] && grep -qx '    apt-get update && apt-get install -y --no-install-recommends valgrind' "$tmp/err" &&
    [ ! -e "$m/apt.log" ]
ok $? "no root, no sudo: exit $rc, the exact apt-get line, nothing installed: $(tail -1 "$tmp/err")"
m=$tmp/m3; machine "$m" 0 chromium pdfinfo pdftotext noroots epubcheck node
NODE_VENDOR="Nodesource <info@nodesource.com>" run "$m" check-book; rc=$?
[ $rc = 1 ] && grep -q 'works but npm does not' "$tmp/err" && [ ! -e "$m/apt.log" ]
ok $? "another vendor's node without npm: exit $rc, no apt-get, $(head -c 90 "$tmp/err")"
m=$tmp/m4; machine "$m" 0 chromium pdfinfo pdftotext noroots epubcheck node npm
run "$m" check-book; rc=$?
[ $rc = 0 ] && [ ! -e "$m/apt.log" ]; ok $? "node and npm work: nothing is asked (exit $rc)"
run "$m" --simulate check-book; rc=$?
[ $rc = 0 ] && grep -q 'install --no-install-recommends chromium poppler-utils noweb epubcheck$' "$m/apt.log"
ok $? "the plan for a bare machine asks for the tools but not for npm or nodejs: $(cat "$m/apt.log" | tail -1)"
m=$tmp/m5; machine "$m" 1000 chromium pdfinfo pdftotext noroots epubcheck
run "$m" check-book; rc=$?
[ $rc = 1 ] && grep -q 'install -y --no-install-recommends nodejs npm$' "$tmp/err"
ok $? "no Node.js at all: Debian's nodejs and npm are asked for: $(tail -1 "$tmp/err")"
m=$tmp/m6; machine "$m" 0
run "$m" valgrind; rc=$?
[ $rc = 1 ] && grep -q 'still missing after apt-get: valgrind' "$tmp/err" && grep -q 'install -y -qq --no-install-recommends valgrind' "$m/apt.log"
ok $? "apt-get succeeds but installs nothing: exit $rc, $(tail -1 "$tmp/err")"
APT_FAILS=1 run "$m" --simulate valgrind; rc=$?
[ $rc = 1 ] && grep -q 'apt-get update failed' "$tmp/err"
ok $? "package lists that cannot be updated fail the plan: exit $rc, $(tail -1 "$tmp/err" | head -c 80)"
APT_FAILS=1 run "$tmp/m2" --simulate valgrind; rc=$?
[ $rc != 0 ] && grep -q 'cannot resolve the plan' "$tmp/err"
ok $? "a plan apt-get cannot resolve fails: exit $rc, $(tail -1 "$tmp/err")"
echo "1..$n"
exit $status
