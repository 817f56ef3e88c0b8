#!/bin/bash
# chunks/: every folder has a rank, every include points to its own rank or below (book/00-preface.nw)
n=0; status=0
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; status=1; fi; }
declare -A rank=([base]=0 [layers]=1 [data]=1 [excelnet]=1 [network]=2 [training]=3 [bench]=4 [programs]=4 [web]=4 [tools]=9)
unknown=$(for d in chunks/*/; do d=${d%/}; d=${d#chunks/}; [ -n "${rank[$d]+set}" ] || echo "$d"; done)
[ -z "$unknown" ]; ok $? "every folder of chunks/ has a rank ${unknown:+(not: $unknown)}"
includes=0; bad=""
for f in chunks/*/*.c chunks/*/*.h; do
    own=${f#chunks/}; own=${own%%/*}
    while read -r inc; do
        includes=$((includes + 1))
        to=${inc%%/*}
        if [ "$to" = "$inc" ] || [ -z "${rank[$to]+set}" ] || [ ! -f "chunks/$inc" ]; then
            bad="$bad $f->$inc(not a file of a ranked folder)"
        elif [ "$to" != "$own" ] && [ "${rank[$to]}" -ge "${rank[$own]}" ]; then
            bad="$bad $f->$inc"
        fi
    done < <(sed -n 's/^ *# *include "\([^"]*\)".*/\1/p' "$f")
done
[ "$includes" -gt 0 ] && [ -z "$bad" ]
ok $? "all $includes includes of chunks/ point to their own folder or a lower rank${bad:+; upward:$bad}"
echo "1..$n"
exit $status
