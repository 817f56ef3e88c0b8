#!/bin/sh
# make check-book: chunks, HTML in Chromium, PDF page by page (see book/91b-checking.nw)
book=${1:?usage: check-book.sh BOOK-DIR OUT-DIR FILE.nw...}
out=${2:?usage: check-book.sh BOOK-DIR OUT-DIR FILE.nw...}
shift 2
status=0
ok() { if [ "$1" = 0 ]; then echo "ok - $2"; else echo "not ok - $2"; status=1; fi; }
rm -rf "$out" && mkdir -p "$out"
unused=$(noroots "$@" | sed -e 's/^<<//' -e 's/>>$//' | grep -v '^chunks/\|^tests/')
[ -z "$unused" ]
ok $? "every chunk is used or is a root file under chunks/ or tests/${unused:+; unused: $unused}"
undefined=$(/usr/lib/noweb/markup "$@" | awk '/^@defn / { d[substr($0, 7)] = 1 }
    /^@use / { u[substr($0, 6)] = 1 } END { for (x in u) if (!(x in d)) print x }')
[ -z "$undefined" ]
ok $? "every chunk that is used is defined${undefined:+; undefined: $undefined}"
bash tests/book-numbers.t >"$out/book-numbers.tap" 2>&1 && ! grep -q SKIP "$out/book-numbers.tap"
ok $? "the check of the prose's numbers passes its own test on crafted pages ($(grep -c '^ok' "$out/book-numbers.tap") ok)"
node chunks/tools/check-book.mjs "$book" "$out"
ok $? "the HTML book passes its checks in Chromium"
epubcheck=epubcheck
epubcheck --version >/dev/null 2>&1 || epubcheck="java -jar /usr/share/java/epubcheck.jar"
$epubcheck "$book/book.epub" >"$out/epubcheck.log" 2>&1
ok $? "epubcheck passes book.epub ($(grep -o 'Messages:.*' "$out/epubcheck.log" || tail -1 "$out/epubcheck.log"))"
pdf=$book/book.pdf
pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
mkdir -p "$out/pdf"
pdftoppm -r 40 -png "$pdf" "$out/pdf/page" 2>"$out/pdftoppm.log"
rendered=$(find "$out/pdf" -name '*.png' -size +1k | wc -l)
[ -n "$pages" ] && [ "$rendered" -eq "$pages" ] && [ ! -s "$out/pdftoppm.log" ]
ok $? "every page of book.pdf renders with pdftoppm ($rendered of ${pages:-?} pages)"
pdftotext -layout "$pdf" "$out/book.txt"
sed -n '/^\f\{0,1\} *Contents *$/,/^\f\{0,1\} *Chapter 1 *$/p' "$out/book.txt" | tr -s ' ' >"$out/contents.txt"
tab=$(printf '\t')
notlisted=$(while IFS=$tab read -r num title; do
    prefix=$(printf '%s' "$title" | cut -c1-24)
    if [ "$num" = - ]; then want="$prefix"; else want="$num $prefix"; fi
    grep -qF -- "$want" "$out/contents.txt" || printf '%s; ' "$num $title"
done <"$out/chapters.txt")
[ -s "$out/contents.txt" ] && [ -s "$out/chapters.txt" ] && [ -z "$notlisted" ]
ok $? "the PDF's contents list all $(wc -l <"$out/chapters.txt") chapters of the HTML book${notlisted:+; missing: $notlisted}"
html_figs=$(wc -l <"$out/figures.txt")
pdf_figs=$(grep -o '^ *Figure [0-9]*\.[0-9]*:' "$out/book.txt" | sort -u | wc -l)
nopdf=$(while read -r src; do [ -s "$book/${src%.svg}.pdf" ] || printf '%s ' "${src%.svg}.pdf"; done <"$out/figures.txt")
[ "$html_figs" -gt 0 ] && [ "$pdf_figs" -eq "$html_figs" ] && [ -z "$nopdf" ]
ok $? "the PDF has all $html_figs figures of the HTML book ($pdf_figs captions)${nopdf:+; missing: $nopdf}"
pdftotext -bbox "$pdf" "$out/book-words.html"
outside=$(awk -F'"' '/<page / { page++; width = $2 }
    /<word / && ($6 > width - 56.7 || $2 < 56.7) { w = $0; sub(/.*">/, "", w); sub(/<\/word>.*/, "", w)
                                                  printf "p. %d: %s; ", page, w }' "$out/book-words.html")
[ -z "$outside" ]
ok $? "no text of the PDF runs into the outer 2 cm of a page${outside:+; $outside}"
exit $status
