# noweb back end: annotated noweb stream -> pandoc Markdown (see book/91-weaving.nw)
{ line[++n] = $0 }
END {
    chunks = 0
    for (i = 1; i <= n; i++) {
        k = keyword(line[i]); a = arg(line[i])
        if (k == "@begin" && a ~ /^code /) { chunks++; have_label = 0; cur = "" }
        else if (k == "@xref" && a ~ /^label / && !have_label && cur == "") {
            number[substr(a, 7)] = chunks; have_label = 1
        }
        else if (k == "@defn") { cur = a; if (have_label) named[chunks] = a }
        else if (k == "@use" && !(a in parent)) parent[a] = cur
    }
    for (l in number) is_c[l] = language(named[number[l]]) == "c"
    for (i = 1; i <= n; i++) {
        k = keyword(line[i]); a = arg(line[i])
        if (k == "@begin" && a ~ /^code /) { here = ""; have_label = 0 }
        else if (k == "@xref" && a ~ /^label / && !have_label) { here = substr(a, 7); have_label = 1 }
        else if (k == "@index" && a ~ /^defitem / && is_c[here]) defs[substr(a, 9)]++
    }
    for (id in defs) indexed[id] = defs[id] == 1 && length(id) > 1
    incode = 0
    for (i = 1; i <= n; i++) {
        k = keyword(line[i]); a = arg(line[i])
        if (k == "@file") printf "\n\n"
        else if (k == "@begin" && a ~ /^code /) { incode = 1; label = ""; name = ""; code = ""; pending = ""
                                                  used_in = ""; nextdef = ""; prevdef = ""; nextlabel = ""; prevlabel = ""; root = 0
                                                  defines = ""; uses = ""; where = ""; chunk_uses = ""
                                                  started = 0 }
        else if (k == "@end" && a ~ /^code /) { incode = 0
                                                sub(/\n+$/, "", code)
                                                printf "\n\n::: {.chunk%s%s}\n", (prevlabel != "" ? " prev=" prevlabel : ""), (nextlabel != "" ? " next=" nextlabel : "")
                                                printf "[$\\langle$%s [%d](#%s)$\\rangle%s$]{#%s .chunkhead}\n\n", \
                                                    mdname(name), number[label], label, (prevdef != "" ? "\\mathord{+}\\!\\equiv" : "\\equiv"), label
                                                printf "~~~~~~~~ {.%s}\n%s\n~~~~~~~~\n\n", language(name), code
                                                foot = ""
                                                if (root && name ~ /\//) foot = foot "Root chunk: written to `" name "` by `make tangle`. "
                                                else if (used_in != "")  foot = foot "Used in " used_in ". "
                                                if (prevdef != "") foot = foot "Continues " prevdef ". "
                                                if (nextdef != "") foot = foot "Continued in " nextdef ". "
                                                if (chunk_uses != "") foot = foot "Uses chunks " chunk_uses ". "
                                                if (defines != "") foot = foot "Defines " defines ". "
                                                if (uses != "")    foot = foot "Uses " uses ". "
                                                if (foot != "") printf "[%s]{.chunkfoot}\n\n", foot
                                                printf ":::\n\n" }
        else if (incode) { if (k == "@xref" && a ~ /^label / && label == "" && name == "") label = substr(a, 7)
                           else if (k == "@defn")   name = a
                           else if (k == "@text")   code = code a
                           else if (k == "@nl")     { if (name != "" && started) code = code "\n"; started = 1 }
                           else if (k == "@use")    { code = code "<<" plain(a) " " number[pending] ">>"; note_chunk_use(pending) }
                           else if (k == "@xref")   { split(a, w, " ")
                                                      if (w[1] == "ref")           pending = w[2]
                                                      else if (w[1] == "useitem")  used_in = used_in sep(used_in) link(w[2])
                                                      else if (w[1] == "notused")  root = 1
                                                      else if (w[1] == "nextdef")  { nextdef = link(w[2]); nextlabel = w[2] }
                                                      else if (w[1] == "prevdef")  { prevdef = link(w[2]); prevlabel = w[2] } }
                           else if (k == "@index")  { split(a, w, " ")
                                                      if (!is_c[label]) ;
                                                      else if (w[1] == "isused" || w[1] == "isdefined") {
                                                          if (is_c[w[2]] && index(where, link(w[2])) == 0) where = where sep(where) link(w[2])
                                                      } else if (w[1] == "defitem") {
                                                          if (indexed[w[2]]) defines = defines sep(defines) "`" w[2] "`" (where == "" ? "" : " (used in " where ")")
                                                          where = ""
                                                      } else if (w[1] == "useitem") {
                                                          if (indexed[w[2]]) uses = uses sep(uses) "`" w[2] "`" (where == "" ? "" : " " where)
                                                          where = ""
                                                      } } }
        else if (k == "@text")     printf "%s", a
        else if (k == "@nl")       printf "\n"
        else if (k == "@quote")    printf "`"
        else if (k == "@endquote") printf "`"
    }
    printf "\n\n# Index of chunks {.unnumbered #index-chunks}\n\n"
    for (i = 1; i <= n; i++) {
        k = keyword(line[i]); a = arg(line[i]); split(a, w, " ")
        if (k != "@xref") continue
        if (w[1] == "chunkbegin") { entry = "$\\langle$" mdname(substr(a, length(w[1]) + length(w[2]) + 3)) "$\\rangle$:"; refs = "" }
        else if (w[1] == "chunkdefn") refs = refs sep(refs) "**" link(w[2]) "**"
        else if (w[1] == "chunkuse")  refs = refs sep(refs) link(w[2])
        else if (w[1] == "chunkend")  printf "- %s %s\n", entry, refs
    }
    printf "\n\n# Index of identifiers {.unnumbered #index-identifiers}\n\n"
    for (i = 1; i <= n; i++) {
        k = keyword(line[i]); a = arg(line[i]); split(a, w, " ")
        if (k != "@index") continue
        if (w[1] == "entrybegin") { entry = "`" w[3] "`:"; refs = ""; defined = 0; w3 = w[3] }
        else if (w[1] == "entrydefn" && is_c[w[2]]) { refs = refs sep(refs) "**" link(w[2]) "**"; defined = 1 }
        else if (w[1] == "entryuse" && is_c[w[2]])  refs = refs sep(refs) link(w[2])
        else if (w[1] == "entryend" && defined && indexed[w3])  printf "- %s %s\n", entry, refs
    }
}
function language(name,    steps) {
    for (steps = 0; (name in parent) && parent[name] != "" && steps < 100; steps++)
        name = parent[name]
    if (name ~ /\.[ch]$/) return "c"
    if (name ~ /\.awk$/)  return "awk"
    if (name ~ /\.lua$/)  return "lua"
    if (name ~ /\.(sh|t)$/) return "bash"
    if (name ~ /\.gp$/)   return "gnuplot"
    return "default"
}
function keyword(s) { return s ~ / / ? substr(s, 1, index(s, " ") - 1) : s }
function arg(s)     { return s ~ / / ? substr(s, index(s, " ") + 1) : "" }
function note_chunk_use(l) { if (index(chunk_uses ",", link(l) ",") == 0) chunk_uses = chunk_uses sep(chunk_uses) link(l) }
function link(l) { return "[" number[l] "](#" l ")" }
function sep(s)  { return s == "" ? "" : ", " }
function plain(s) { gsub(/\[\[|\]\]/, "", s); return s }
function mdname(s,    out, parts, m, j) {
    m = split(s, parts, /\[\[|\]\]/)
    out = ""
    for (j = 1; j <= m; j++)
        out = out (j % 2 == 0 ? "`" parts[j] "`" : escape(parts[j]))
    return out
}
function escape(s) { gsub(/[][\\*_<>$#`~|]/, "\\\\&", s); return s }
