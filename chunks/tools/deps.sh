#!/bin/sh
# What the build needs on the machine; apt-get installs what is missing (book/89-setup.nw)
# usage: deps.sh [--simulate] GROUP...    groups: build check-book valgrind fuzz
requirements() {
    cat <<'EOF'
build       command  notangle                 noweb
build       command  noweave                  noweb
build       command  cpif                     noweb
build       command  pandoc                   pandoc
build       command  gnuplot                  gnuplot-nox
build       command  dot                      graphviz
build       command  bc                       bc
build       command  prove                    perl
build       command  make                     make
build       command  gcc                      gcc
build       header   zlib.h                   zlib1g-dev
build       command  clang                    clang
build       command  wasm-ld                  lld
build       file     /usr/lib/wasm32-wasi/libc.a  wasi-libc
build       package  libclang-rt-14-dev-wasm32  libclang-rt-14-dev-wasm32
build       command  pdflatex                 texlive-latex-base
build       tex      lmodern.sty              lmodern
build       tex      microtype.sty            texlive-latex-recommended
build       tex      pzdr.tfm                 texlive-fonts-recommended
build       tex      xurl.sty                 texlive-latex-extra
build       tex      fvextra.sty              texlive-latex-extra
build       command  pdftoppm                 poppler-utils
build       file     /etc/ssl/certs/ca-certificates.crt  ca-certificates
build       node     npm                      -
check-book  command  chromium                 chromium
check-book  command  pdfinfo                  poppler-utils
check-book  command  pdftotext                poppler-utils
check-book  command  noroots                  noweb
check-book  command  epubcheck                epubcheck
check-book  node     npm                      -
valgrind    command  valgrind                 valgrind
fuzz        command  clang                    clang
fuzz        package  libclang-rt-14-dev       libclang-rt-14-dev
fuzz        package  libomp-14-dev            libomp-14-dev
EOF
}
have() {
    case $1 in
    command) command -v "$2" >/dev/null 2>&1 ;;
    tex)     kpsewhich "$2" >/dev/null 2>&1 ;;
    header)  printf '#include <%s>\n' "$2" | ${CC:-cc} -E -x c - >/dev/null 2>&1 ;;
    file)    [ -e "$2" ] ;;
    package) [ "$(dpkg-query -W -f='${Status}' "$2" 2>/dev/null)" = "install ok installed" ] ;;
    esac
}
node_packages() {
    if node --version >/dev/null 2>&1 && npm --version >/dev/null 2>&1; then
        return 0
    elif ! command -v node >/dev/null 2>&1; then
        echo "nodejs npm"
    elif dpkg-query -W -f='${Maintainer}' nodejs 2>/dev/null | grep -q Debian; then
        echo npm
    else
        echo "deps: node ($(command -v node)) works but npm does not; this Node.js is not" \
             "Debian's, whose npm would conflict with it: install npm the way node came" >&2
        return 1
    fi
}
simulate=no
if [ "${1:-}" = --simulate ]; then simulate=yes; shift; fi
[ $# -gt 0 ] || { echo "usage: deps.sh [--simulate] GROUP..." >&2; exit 2; }
for g in "$@"; do
    requirements | awk -v g="$g" '$1 == g { found = 1 } END { exit !found }' ||
        { echo "deps: unknown group '$g'" >&2; exit 2; }
done
missing=""
packages=""
add_package() {
    case " $packages " in *" $1 "*) ;; *) packages="${packages:+$packages }$1" ;; esac
}
groups=" $* "
requirements | {
    while read -r group kind thing package; do
        case $groups in *" $group "*) ;; *) continue ;; esac
        if [ "$kind" = node ]; then
            node_pkgs=$(node_packages) || exit 1
            for p in $node_pkgs; do add_package "$p"; done
            [ -z "$node_pkgs" ] || missing="$missing node/npm"
        elif [ $simulate = yes ] || ! have "$kind" "$thing"; then
            missing="$missing $thing"
            add_package "$package"
        fi
    done
    echo "$missing"
    echo "$packages"
} >"${TMPDIR:-/tmp}/deps.$$" || { rm -f "${TMPDIR:-/tmp}/deps.$$"; exit 1; }
{ read -r missing; read -r packages; } <"${TMPDIR:-/tmp}/deps.$$"
rm -f "${TMPDIR:-/tmp}/deps.$$"
if [ $simulate = yes ]; then
    echo "deps: the plan for a machine with none of the tools: apt-get install $packages"
    if [ "$(id -u)" = 0 ] && ! apt-get update -qq; then
        echo "deps: apt-get update failed; the plan cannot be checked against fresh lists" >&2
        exit 1
    fi
    apt-get --simulate install --no-install-recommends $packages >"${TMPDIR:-/tmp}/deps-plan.$$" 2>&1
    status=$?
    if [ $status = 0 ]; then
        grep -E '^[0-9]+ upgraded' "${TMPDIR:-/tmp}/deps-plan.$$"
        echo "deps: apt-get resolves the plan"
    else
        sed -n '/following packages have unmet/,$p; /^E:/p' "${TMPDIR:-/tmp}/deps-plan.$$" | uniq >&2
        echo "deps: apt-get cannot resolve the plan (exit $status)" >&2
    fi
    rm -f "${TMPDIR:-/tmp}/deps-plan.$$"
    exit $status
fi
[ -n "$packages" ] || exit 0
echo "deps: missing:$missing"
if [ "$(id -u)" = 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=sudo
else
    echo "deps: installing needs root; as root, run:" >&2
    echo "    apt-get update && apt-get install -y --no-install-recommends $packages" >&2
    exit 1
fi
echo "deps: apt-get install $packages"
$SUDO apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $packages ||
    { echo "deps: apt-get failed; nothing is installed or the install is incomplete" >&2; exit 1; }
still=""
for g in "$@"; do
    still="$still$(requirements | while read -r group kind thing package; do
        [ "$group" = "$g" ] || continue
        if [ "$kind" = node ]; then [ -z "$(node_packages 2>/dev/null)" ] || printf ' node/npm'
        elif ! have "$kind" "$thing"; then printf ' %s' "$thing"; fi
    done)"
done
[ -z "$still" ] || { echo "deps: still missing after apt-get:$still" >&2; exit 1; }
echo "deps: installed $packages"
