#!/bin/bash
# The exercise filter on crafted books (book/91c-exercises.nw)
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
touch "$tmp/values.txt"
n=0
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi; }
weave() {  # weave FORMAT < markdown > output
    pandoc --from markdown --to "$1" --lua-filter chunks/tools/book-filter.lua \
           --lua-filter chunks/tools/exercises.lua -M build-dir="$tmp" 2>"$tmp/err"
}
good() {
    printf '# A chapter {#ch:a}\n\n::: {.exercise #ex:a:one kind=compute}\n'
    printf 'Add two and two.\n:::\n\n::: {.exercise #ex:a:two kind=derive}\nDerive.\n:::\n\n'
    printf '# Solutions {#ch:solutions}\n\n::: {.solution #sol:a:one checked=tests/exercises.t}\nFour.\n:::\n\n'
    printf '::: {.solution #sol:a:two}\nSo.\n:::\n'
}
good | weave html | tr '\n' ' ' >"$tmp/good.html"; ok "${PIPESTATUS[1]}" "a good book weaves to HTML"
grep -q 'href="#ex:a:two"><strong>Exercise 1.2</strong>' "$tmp/good.html"
ok $? "the second exercise of chapter 1 is Exercise 1.2, linked to itself"
grep -q 'href="#sol:a:one" class="to-solution"' "$tmp/good.html"
ok $? "an exercise links to its solution"
grep -q '<strong>Solution to Exercise 1.1</strong>' "$tmp/good.html"; ok $? "a solution names its exercise"
grep -q 'checked by <code>tests/exercises.t</code>' "$tmp/good.html"; ok $? "a checked solution names its test"
good | weave latex | tr '\n' ' ' >"$tmp/good.tex"; ok "${PIPESTATUS[1]}" "a good book weaves to LaTeX"
grep -q 'refstepcounter{exercise}\\label{ex:a:one}' "$tmp/good.tex"; ok $? "in print LaTeX numbers the exercise"
grep -q 'Solution to Exercise~\\ref{ex:a:two}' "$tmp/good.tex"; ok $? "in print the solution refers to the exercise's number"
broken() {  # broken SED-SCRIPT MESSAGE DESCRIPTION
    good | sed "$1" | weave html >/dev/null
    local rc=$?
    [ $rc != 0 ] && grep -qF -- "$2" "$tmp/err"; ok $? "$3"
}
broken 's/#sol:a:two/#sol:a:three/' '#ex:a:two has no solution' "an exercise without a solution is refused"
broken '$a\\n::: {.solution #sol:a:four}\nAn answer.\n:::' '#sol:a:four solves no exercise' \
       "a solution without an exercise is refused"
broken 's/kind=derive/kind=think/' "#ex:a:two has kind 'think'" "an unknown kind is refused"
broken 's/#ex:a:two/#ex:a:one/' 'two exercises are #ex:a:one' "two exercises of one name are refused"
broken 's/#ex:a:two/#ex:two/' "the identifier 'ex:two', not ex:CHAPTER:NAME" "a malformed identifier is refused"
broken 's|checked=tests/exercises.t|checked=tests/nothing.t|' "checked by 'tests/nothing.t', which is not a file" \
       "a solution checked by a missing test is refused"
broken '1s/^/::: {.exercise #ex:a:zero kind=code}\nEarly.\n:::\n\n::: {.solution #sol:a:zero}\nNo.\n:::\n\n/' \
       '#ex:a:zero is not in a numbered chapter' "an exercise before the first chapter is refused"
broken 's/^Add two and two.$/::: {.solution #sol:a:inner}\nInner.\n:::/' 'nested in other blocks' \
       "a solution nested in an exercise is refused"
echo "1..$n"
