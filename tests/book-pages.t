#!/bin/bash
# book-pages.mjs on a small crafted book (book/91-weaving.nw)
if ! command -v node >/dev/null || [ ! -d node_modules/cheerio ] || [ ! -d node_modules/minisearch ]; then
    echo "1..0 # SKIP needs node and the npm packages cheerio and minisearch (make installs them)"
    exit 0
fi
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/in"
cat >"$tmp/in/book.html" <<'END_OF_BOOK'
<!DOCTYPE html><html><head><title>T</title><style>code{}</style></head><body>
<header id="title-block-header"><h1 class="title">Tiny Book</h1></header>
<nav id="TOC" role="doc-toc"><h2 id="toc-title">Contents</h2><ul>
<li><a href="#ch:preface">Preface</a></li><li><a href="#part:one">I Part one</a></li>
<li><a href="#ch:one">1 One</a><ul><li><a href="#sec:one">1.1 Section</a></li></ul></li>
<li><a href="#ch:two">2 Two</a></li><li><a href="#part:appendices">Appendices</a></li>
<li><a href="#ch:app">A App</a></li><li><a href="#index-identifiers">Index of identifiers</a></li></ul></nav>
<h1 class="unnumbered" id="ch:preface">Preface</h1><p>Read <a href="#sec:one">the section</a>.</p>
<h1 class="part" data-number="I" id="part:one">Part one</h1><p>About the part.</p>
<h1 data-number="1" id="ch:one">One</h1><p>Weights as Kaiming He proposed.</p>
<h2 data-number="1.1" id="sec:one">Section</h2>
<div class="chunk"><p><span id="NWa-1" class="chunkhead">main <a href="#NWa-1">1</a></span></p>
<div class="sourceCode" id="cb1"><pre class="sourceCode c"><code class="sourceCode c"><span id="cb1-1"><a href="#cb1-1" aria-hidden="true" tabindex="-1"></a>int main(void) {</span>
<span id="cb1-2"><a href="#cb1-2" aria-hidden="true" tabindex="-1"></a>    &lt;&lt;count the weights 2&gt;&gt;</span>
<span id="cb1-3"><a href="#cb1-3" aria-hidden="true" tabindex="-1"></a>}</span></code></pre></div></div>
<div class="chunk" data-next="NWb-2"><p><span id="NWb-1" class="chunkhead">count the weights <a href="#NWb-1">2</a></span></p>
<div class="sourceCode" id="cb2"><pre class="sourceCode c"><code class="sourceCode c"><span id="cb2-1"><a href="#cb2-1" aria-hidden="true" tabindex="-1"></a>first_part();</span></code></pre></div></div>
<div class="exercise kind-derive" id="ex:one:a"><p><a href="#ex:one:a"><strong>Exercise 1.1</strong></a> Derive.</p>
<p><a href="#sol:one:a" class="to-solution">Solution</a></p></div>
<h1 data-number="2" id="ch:two">Two</h1><p>Back to <a href="#ch:one">chapter 1</a>, <a href="#sec:one">its section</a>, <a href="#NWb-1">chunk 2</a>, <a href="#here">here</a>.</p>
<p id="here">Here.</p>
<div class="chunk" data-prev="NWb-1"><p><span id="NWb-2" class="chunkhead">count the weights <a href="#NWb-2">3</a></span></p>
<div class="sourceCode" id="cb3"><pre class="sourceCode c"><code class="sourceCode c"><span id="cb3-1"><a href="#cb3-1" aria-hidden="true" tabindex="-1"></a>second_part();</span></code></pre></div></div>
<h1 class="appendices part unnumbered" id="part:appendices">Appendices</h1>
<h1 data-number="A" id="ch:app">App</h1><p>An appendix.</p>
<div class="solution" id="sol:one:a"><p><a href="#ex:one:a"><strong>Solution to Exercise 1.1</strong></a> Done.</p></div>
<h1 class="unnumbered" id="index-identifiers">Index of identifiers</h1>
<ul><li><code>first_part</code>: <strong><a href="#NWb-1">2</a></strong></li></ul>
</body></html>
END_OF_BOOK
touch "$tmp/stale.html"
node chunks/tools/book-pages.mjs "$tmp/in/book.html" "$tmp" >"$tmp/log" 2>&1 || { cat "$tmp/log"; echo "1..1"; echo "not ok 1 - book-pages.mjs runs"; exit 1; }
exec node --input-type=module - "$tmp" <<'END_OF_TEST'
import { readFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
const dir = process.argv[2];
const require = createRequire(process.cwd() + "/package.json");
const MiniSearch = require("minisearch");
const page = (f) => readFileSync(`${dir}/${f}`, "utf8");
let n = 0, failed = 0;
function ok(cond, what) { n++; if (!cond) failed++; console.log(`${cond ? "ok" : "not ok"} ${n} - ${what}`); }
const list = JSON.parse(page("pages.json")).map((p) => p.file).join(" ");
ok(list === "index.html preface.html part-one.html one.html two.html part-appendices.html app.html index-identifiers.html",
   `a page per level-1 heading, in order: ${list}`);
ok(!existsSync(`${dir}/stale.html`), "a page that the build did not write is removed");
const two = page("two.html"), one = page("one.html");
ok(two.includes('href="one.html">chapter 1') && two.includes('href="one.html#sec:one">its section') &&
   two.includes('href="one.html#NWb-1">chunk 2') && two.includes('href="#here">here'),
   "links to another page name its file, links on the page stay anchors");
ok(page("preface.html").includes('href="one.html#sec:one"'), "a link before the chapter it points to is rewritten too");
ok(one.includes('href="app.html#sol:one:a"') && page("app.html").includes('href="one.html#ex:one:a"') &&
   one.includes('href="#ex:one:a"'), "an exercise and its solution in the appendix link to each other");
const details = one.match(/<details class="use">[\s\S]*?<\/details>/)?.[0] || "";
ok(details.includes("count the weights") && details.includes("first_part();") && details.includes("second_part();") &&
   details.includes('href="two.html#NWb-2"'), "a use of a chunk opens both its parts in place, with a link to the second");
ok(!/id="cb1-1"|aria-hidden/.test(one), "the code lines' anchors are gone");
ok(one.includes('class="chunknext" href="two.html#NWb-2"') && two.includes('class="chunkprev" href="one.html#NWb-1"'),
   "the parts of a chunk link to each other across pages");
ok(/<title>1 One \u2014 Tiny Book<\/title>/.test(one), "the page's title names the chapter");
ok(/class="crumbs"[^]*href="part-one.html">Part I: Part one<\/a> \u203a <a href="one.html">1 One/.test(one) &&
   page("app.html").includes('href="part-appendices.html">Appendices</a>'), "the breadcrumbs name the part and the chapter");
ok(one.includes('rel="prev" href="part-one.html"') && one.includes('rel="next" href="two.html"'), "previous and next pages");
ok(one.includes('<a class="permalink" href="#sec:one"'), "a heading has its permalink");
ok(page("part-one.html").includes('<ul class="part-contents"><li><a href="one.html">1 One</a></li><li><a href="two.html">2 Two</a></li></ul>'),
   "a part's page lists its chapters");
globalThis.window = {};
new Function(page("search-index.js"))();
const engine = MiniSearch.loadJS(window.bookSearch.index, { ...window.bookSearch.options, tokenize: window.bookSearch.tokenize });
const first = (q) => { const r = engine.search(q, { prefix: true })[0]; return r ? r.page + "#" + r.anchor : "nothing"; };
ok(first("Kaiming") === "one.html#", `a word of the prose leads to its chapter's page: ${first("Kaiming")}`);
ok(first("count the weights") === "one.html#NWb-1", `a chunk's name leads to the chunk: ${first("count the weights")}`);
ok(first("first_part") === "one.html#NWb-1", `an identifier leads to the chunk that defines it: ${first("first_part")}`);
ok(first("first") === "one.html#NWb-1", `the start of an identifier finds it too: ${first("first")}`);
console.log(`1..${n}`);
process.exit(failed ? 1 : 0);
END_OF_TEST
