#!/bin/bash
# chunks/tools/gv-fill.awk on crafted templates (book/91c-exercises.nw)
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
printf 'a.b 0.1234567\nc some words\n' >"$tmp/values.txt"
n=0
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi; }
out=$(printf 'x [label="@a.b@ / @a.b:%%.3f@ / @c@"]\n' >"$tmp/t.gv"; awk -f chunks/tools/gv-fill.awk "$tmp/values.txt" "$tmp/t.gv")
[ "$out" = 'x [label="0.1234567 / 0.123 / some words"]' ]; ok $? "values, formatted values and words are filled in"
printf 'a\n@a.c@\n' >"$tmp/bad.gv"
awk -f chunks/tools/gv-fill.awk "$tmp/values.txt" "$tmp/bad.gv" >/dev/null 2>"$tmp/err"; rc=$?
[ $rc != 0 ] && grep -qF "bad.gv:2: no value 'a.c'" "$tmp/err"; ok $? "a missing key stops the fill and names the line"
printf 'a@b.c and user@host\n' >"$tmp/plain.gv"
[ "$(awk -f chunks/tools/gv-fill.awk "$tmp/values.txt" "$tmp/plain.gv")" = 'a@b.c and user@host' ]
ok $? "an at sign that opens no reference is left alone"
echo "1..$n"
