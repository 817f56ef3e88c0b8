// The HTML book as a page per chapter, with its search index (see book/91-weaving.nw)
import * as cheerio from "cheerio";
import MiniSearch from "minisearch";
import { copyFileSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createRequire } from "node:module";

const [src, dir] = process.argv.slice(2);
if (!src || !dir) { console.error("usage: book-pages.mjs ONE-PAGE.html BOOK-DIR"); process.exit(2); }
const $ = cheerio.load(readFileSync(src, "utf8"));
const book = $("header#title-block-header h1.title").text().trim() || "Book";
const pages = [{ file: "index.html", id: "", title: "Contents", kind: "contents", part: null, nodes: [] }];
let part = null;
for (const node of $("body").children().toArray()) {
  if (node.tagName === "header" || node.tagName === "script" || (node.tagName === "nav" && node.attribs.id === "TOC")) continue;
  if (node.tagName === "h1") {
    const h = $(node), id = h.attr("id") || `page-${pages.length}`;
    const kind = h.hasClass("part") ? "part" : h.hasClass("unnumbered") ? "front" : "chapter";
    const title = h.clone().find(".header-section-number").remove().end().text().replace(/\s+/g, " ").trim();
    const page = { file: fileName(id), id, number: h.attr("data-number") || "", title, kind, nodes: [] };
    if (kind === "part") part = page;
    if (kind === "front") part = null;
    page.part = kind === "chapter" ? part : null;
    pages.push(page);
  }
  pages[pages.length - 1].nodes.push(node);
}
const home = {};
for (const p of pages)
  for (const node of p.nodes)
    for (const e of $(node).find("[id]").addBack("[id]").toArray()) if (!(e.attribs.id in home)) home[e.attribs.id] = p;
function href(id, from) {
  const p = home[id];
  if (!p || p === from) return "#" + id;
  return p.id === id ? p.file : `${p.file}#${id}`;
}
$("code.sourceCode > span > a[aria-hidden]").remove();
$("code.sourceCode > span[id]").removeAttr("id");
const chunks = {}, byNumber = {};
for (const div of $("div.chunk").toArray()) {
  const c = $(div), head = c.find(".chunkhead").first(), code = c.find("div.sourceCode code").first();
  const id = head.attr("id"), number = head.children("a").first().text().trim();
  if (!id || code.length === 0) continue;
  const name = head.clone().find("math, a").remove().end().text().replace(/\s+/g, " ").trim();
  chunks[id] = { id, number, name, div: c, code, lang: code.attr("class"), prev: c.attr("data-prev"), next: c.attr("data-next") };
  byNumber[number] = id;
}
const useLine = /^(\s*)<<(.+) (\d+)>>\s*$/;
const lines = (code) => code.children("span").toArray();
function copyOf(id) {
  let html = "";
  for (let c = chunks[id], n = 0; c && n < 100; c = chunks[c.next], n++) {
    if (n > 0) html += `<span class="cont">\u2026 continued in <a href="#${c.id}">${c.number}</a></span>\n`;
    for (const l of lines(c.code)) {
      const m = $(l).text().match(useLine);
      html += m && byNumber[m[3]] ? `<a class="uselink" href="#${byNumber[m[3]]}">${$.html(l)}</a>\n` : `${$.html(l)}\n`;
    }
  }
  return html;
}
const copies = {};
for (const id of Object.keys(chunks)) copies[id] = copyOf(id);
for (const c of Object.values(chunks)) {
  const pre = (ls) => `<pre class="${c.lang}"><code class="${c.lang}">${ls.join("\n")}</code></pre>`;
  const blocks = [];
  let run = [];
  for (const l of lines(c.code)) {
    const m = $(l).text().match(useLine), used = m && byNumber[m[3]];
    if (!used) { run.push($.html(l)); continue; }
    if (run.length) blocks.push(pre(run));
    run = [];
    blocks.push(`<details class="use"><summary><code>${m[1]}\u27e8${escape(m[2])}\u27e9</code> ` +
                `<a href="#${used}" title="chunk ${m[3]}, where it is defined">${m[3]}</a></summary>` +
                `<pre class="${c.lang}"><code class="${c.lang}">${copies[used]}</code></pre></details>`);
  }
  if (run.length) blocks.push(pre(run));
  c.div.find("div.sourceCode").first().html(blocks.join(""));
  const head = c.div.find(".chunkhead").first();
  if (c.prev) head.append(` <a class="chunkprev" href="#${c.prev}" title="the previous part of this chunk">\u25b2</a>`);
  if (c.next) head.append(` <a class="chunknext" href="#${c.next}" title="the next part of this chunk">\u25bc</a>`);
}
const headings = "h1[id], h2[id], h3[id], h4[id]";
for (const p of pages)
  for (const node of p.nodes)
    $(node).find(headings).addBack(headings).each((_, h) => {
      $(h).append(`<a class="permalink" href="#${h.attribs.id}" aria-label="Link to this section" title="Link to this section"></a>`);
    });
const docs = [];
const textOf = (node) => $(node).clone().find("math, .chunk, script, style, .permalink").remove().end().text();
const entry = (kind, title, page, anchor) =>
  ({ id: docs.length, kind, title, text: "", page: page.file, anchor: anchor === page.id ? "" : anchor, where: label(page) });
for (const p of pages) {
  let doc = null;
  for (const node of p.nodes) {
    if (/^h[1-4]$/.test(node.tagName) && node.attribs.id) docs.push(doc = entry("section", textOf(node).trim(), p, node.attribs.id));
    else if (doc) doc.text += " " + textOf(node);
  }
}
for (const c of Object.values(chunks))
  if (!c.prev) docs.push(entry("chunk", `\u27e8${c.name}\u27e9 ${c.number}`, home[c.id], c.id));
$("#index-identifiers").nextAll("ul").first().children("li").each((_, li) => {
  const name = $(li).children("code").first().text(), def = ($(li).find("strong a").first().attr("href") || "").slice(1);
  if (name && home[def]) docs.push(entry("identifier", name, home[def], def));
});
for (const d of docs) { d.title = d.title.replace(/\s+/g, " "); d.text = d.text.replace(/\s+/g, " ").trim(); }
const options = { fields: ["title", "text"], storeFields: ["kind", "title", "page", "anchor", "where"] };
const tokenize = (text) => text.split(/[^\p{L}\p{N}_]+/u).filter((t) => t !== "");
const search = new MiniSearch({ ...options, tokenize });
search.addAll(docs);
writeFileSync(join(dir, "search-index.js"), `// The search index of the book (chunks/tools/book-pages.mjs, MiniSearch)\n` +
  `window.bookSearch = { options: ${JSON.stringify(options)}, tokenize: ${tokenize}, index: ${JSON.stringify(search)} };\n`);
const require = createRequire(import.meta.url);
copyFileSync(join(dirname(require.resolve("minisearch")), "..", "umd", "index.js"), join(dir, "minisearch.js"));
copyFileSync(new URL("./book.js", import.meta.url), join(dir, "book.js"));
const style = $("head").children("style").toArray().map((e) => $.html(e)).join("\n") +
              `\n<link rel="stylesheet" href="style.css">`;
const toc = $("nav#TOC");
for (const [i, p] of pages.entries()) {
  const prev = pages[i - 1], next = pages[i + 1];
  for (const node of p.nodes)
    $(node).find("a[href^='#']").addBack("a[href^='#']").each((_, a) => { a.attribs.href = href(a.attribs.href.slice(1), p); });
  let side = "";
  if (p.kind !== "contents") {
    const s = toc.clone();
    s.find("h2").first().html(`<a href="index.html">Contents</a>`);
    s.children("ul").children("li").each((_, li) => {
      const id = ($(li).children("a").first().attr("href") || "").slice(1);
      if (home[id] === p) $(li).addClass("here"); else $(li).children("ul").remove();
    });
    s.find("a[href^='#']").each((_, a) => { a.attribs.href = href(a.attribs.href.slice(1), p); });
    side = $.html(s);
  }
  const crumbs = [`<a href="index.html">${escape(book)}</a>`];
  if (p.part) crumbs.push(`<a href="${p.part.file}">${escape(label(p.part))}</a>`);
  if (p.kind !== "contents") crumbs.push(`<a href="${p.file}">${escape(label(p))}</a>`);
  const bar = `<header class="bar"><nav class="crumbs" aria-label="Breadcrumbs">${crumbs.join(" \u203a ")}` +
    `<span class="crumb-section"></span></nav><nav class="pager" aria-label="Previous and next page">` +
    (prev ? `<a class="prev" rel="prev" href="${prev.file}" title="${escape(label(prev))}">\u2190 Previous</a>` : "") +
    (next ? `<a class="next" rel="next" href="${next.file}" title="${escape(label(next))}">Next \u2192</a>` : "") +
    `</nav><form class="search" role="search" hidden><input type="search" placeholder="Search the book" ` +
    `aria-label="Search the book"><ol class="search-results"></ol></form></header>`;
  let body;
  if (p.kind === "contents") {
    const all = toc.clone().attr("id", "contents").removeAttr("role");
    all.find("a[href^='#']").each((_, a) => { a.attribs.href = href(a.attribs.href.slice(1), p); });
    body = $.html($("header#title-block-header")) + $.html(all);
  } else {
    body = p.nodes.map((n) => $.html(n)).join("\n");
    const members = pages.filter((q) => q.part === p);
    if (members.length)
      body += `<ul class="part-contents">${members.map((q) => `<li><a href="${q.file}">${escape(label(q))}</a></li>`).join("")}</ul>`;
  }
  const foot = `<nav class="chapnav" aria-label="Previous and next chapter">` +
    (prev ? `<a class="prev" href="${prev.file}">\u2190 ${escape(label(prev))}</a>` : "") +
    `<a class="contents" href="index.html">Contents</a>` +
    (next ? `<a class="next" href="${next.file}">${escape(label(next))} \u2192</a>` : "") + `</nav>`;
  writeFileSync(join(dir, p.file), `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escape(p.kind === "contents" ? book : `${label(p)} \u2014 ${book}`)}</title>
${prev ? `<link rel="prev" href="${prev.file}">` : ""}${next ? `<link rel="next" href="${next.file}">` : ""}
${style}
<script src="book.js" defer></script>
</head>
<body class="site ${p.kind}">
${bar}
${side}
<main>
${body}
${foot}
</main>
</body>
</html>
`);
}
for (const f of readdirSync(dir))
  if (f.endsWith(".html") && !pages.some((p) => p.file === f)) unlinkSync(join(dir, f));
writeFileSync(join(dir, "pages.json"), JSON.stringify(pages.map((p) => ({
  file: p.file, id: p.id, number: p.number || "", title: p.title, kind: p.kind, part: p.part ? p.part.file : null })), null, 1) + "\n");
console.log(`book-pages: ${pages.length} pages, ${docs.length} entries in the search index`);
function fileName(id) {
  return id.replace(/^(ch|sec):/, "").replace(/^part:/, "part-").replace(/[^A-Za-z0-9_-]/g, "-") + ".html";
}
function label(p) {
  return p.kind === "part" && p.number ? `Part ${p.number}: ${p.title}` : (p.number ? `${p.number} ${p.title}` : p.title);
}
function escape(s) { return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;"); }
