// make check-book: the HTML book in Chromium (see book/91b-checking.nw)
import { chromium } from "playwright-core";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { basename, extname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { proseNumbers } from "./prose-numbers.mjs";

const [dir, out] = process.argv.slice(2);
const manifest = existsSync(join(dir, "pages.json")) ? JSON.parse(readFileSync(join(dir, "pages.json"), "utf8")) : [];
const pages = manifest.length ? manifest.map((p) => p.file) : readdirSync(dir).filter((f) => f.endsWith(".html")).sort();
const values = {};
for (const line of readFileSync(join(dir, "values.txt"), "utf8").split("\n")) {
  const m = line.match(/^(\S+)\s+(.*?)\s*$/);
  if (m) values[m[1]] = m[2];
}
if (pages.length === 0) { console.log(`not ok - no HTML page in ${dir}`); process.exit(1); }
const entities = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" };
const ids = {};
for (const f of readdirSync(dir).filter((f) => f.endsWith(".html")))
  ids[f] = new Set([...readFileSync(join(dir, f), "utf8").matchAll(/\sid="([^"]*)"/g)]
                   .map((m) => m[1].replace(/&(amp|lt|gt|quot|#39);/g, (_, e) => entities[e])));
const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
                ".svg": "image/svg+xml", ".json": "application/json", ".png": "image/png" };
const root = resolve(dir);
const server = createServer((req, res) => {
  let path = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
  if (path.endsWith("/")) path += "index.html";
  const file = resolve(root, "." + path);
  if (!file.startsWith(root + "/") || !existsSync(file) || !statSync(file).isFile()) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { "content-type": types[extname(file)] || "application/octet-stream" });
  res.end(readFileSync(file));
});
await new Promise((done) => server.listen(0, "127.0.0.1", done));
const served = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
let failed = false, valueSpans = 0;
function ok(cond, what) { console.log(`${cond ? "ok" : "not ok"} - ${what}`); if (!cond) failed = true; }
const widths = { laptop: { width: 1366, height: 900 }, phone: { width: 390, height: 844 } };
const ways = [["laptop", widths.laptop, pathToFileURL(resolve(dir)).href + "/", "at laptop width"],
              ["phone", widths.phone, pathToFileURL(resolve(dir)).href + "/", "at phone width"],
              ["http", widths.laptop, served, "over HTTP"]];
for (const file of pages)
  for (const [name, viewport, base, how] of ways) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const errors = [];
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("requestfailed", (r) => errors.push(`${r.url().slice(0, 120)}: ${r.failure()?.errorText}`));
    await page.goto(base + file, { waitUntil: "load" });
    const report = await page.evaluate(inspect, values);
    const loaded = await page.evaluate(() => Math.round(performance.getEntriesByType("navigation")[0].loadEventEnd));
    const at = `${file} ${how}`;
    const missing = report.fileLinks.filter((u) => !leadsSomewhere(u, base));
    ok(report.brokenAnchors.length === 0 && missing.length === 0,
       `${at}: all ${report.links} links lead somewhere ${list(report.brokenAnchors.concat(missing))}`);
    ok(report.badImages.length === 0, `${at}: all ${report.images} images load ${list(report.badImages)}`);
    ok(report.rawTex.length === 0, `${at}: no raw TeX outside code and math (${report.maths} formulas) ${list(report.rawTex)}`);
    ok(errors.length === 0, `${at}: no console errors, exceptions or failed requests ${list(errors)}`);
    ok(report.overflow.length === 0, `${at}: nothing makes the page scroll sideways ${list(report.overflow)}`);
    const numbers = await page.evaluate(proseNumbers, values);
    valueSpans += name === "laptop" ? numbers.values : 0;
    ok(numbers.wrongValues.length === 0,
       `${at}: all ${numbers.values} numbers from the runs show values.txt ${list(numbers.wrongValues)}`);
    ok(numbers.unmarked.length === 0,
       `${at}: every number of the prose is a value of the runs or marked as typed ${list(numbers.unmarked)}`);
    const size = statSync(join(dir, file)).size;
    console.log(`# ${at}: ${Math.round(size / 1024)} KB of HTML, loaded in ${loaded} ms`);
    if (name === "laptop") ok(size <= 600 * 1024, `${file}: ${Math.round(size / 1024)} KB of HTML, at most 600 KB`);
    if (!base.startsWith("http")) { const shots = join(out, name), stem = file.replace(/\.html$/, "");
                                    mkdirSync(shots, { recursive: true });
                                    await page.screenshot({ path: join(shots, `${stem}-00-top.png`) });
                                    const chapters = await page.$$eval("h1[id]", (hs) => hs.map((h) => h.id));
                                    for (const [i, id] of chapters.entries()) {
                                      await page.evaluate((x) => document.getElementById(x).scrollIntoView(), id);
                                      await page.screenshot({ path: join(shots, `${stem}-${String(i + 1).padStart(2, "0")}-${id.replace(/\W/g, "-")}.png`) });
                                    }
                                    for (const what of ["figure", "table"]) {
                                      const count = await page.locator(what).count();
                                      for (let i = 0; i < count; i++) {
                                        await page.evaluate(([w, j]) => document.querySelectorAll(w)[j].scrollIntoView(), [what, i]);
                                        await page.screenshot({ path: join(shots, `${stem}-${what}-${String(i + 1).padStart(2, "0")}.png`) });
                                      }
                                    }
                                    if (name === "laptop") { const heads = await page.$$eval("h1[id]:not(.title)", (hs) => hs.map((h) =>
                                                               (h.dataset.number || "-") + "\t" + h.textContent.slice((h.querySelector(".header-section-number")
                                                                                                   ?.textContent || "").length).replace(/\s+/g, " ").trim()));
                                                             writeFileSync(join(out, "chapters.txt"), heads.join("\n") + "\n", { flag: "a" });
                                                             const figs = await page.$$eval("figure img", (is) => is.map((i) => i.getAttribute("src")));
                                                             if (figs.length) writeFileSync(join(out, "figures.txt"), figs.join("\n") + "\n", { flag: "a" }); } }
    await context.close();
  }
ok(valueSpans > 0, `the pages show ${valueSpans} numbers from the runs, all as values.txt has them`);
const fileBase = pathToFileURL(resolve(dir)).href + "/";
const start = (manifest.find((p) => p.kind === "chapter") || { file: pages[0] }).file;
async function searchAndFollow(base, viewport, query, want, word, shot) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await page.goto(base + start, { waitUntil: "load" });
  await page.fill("form.search input", query);
  await page.waitForSelector("ol.search-results li", { timeout: 20000 }).catch(() => {});
  const hrefs = await page.$$eval("ol.search-results a", (as) => as.map((a) => a.getAttribute("href")));
  if (shot) await page.screenshot({ path: shot });
  const pick = want ? hrefs.slice(0, 5).indexOf(want) : 0;
  const r = { ok: false, results: hrefs.length, landed: "nothing", why: errors.join(" | ") || "no result" };
  if (pick >= 0 && hrefs[pick]) {
    await page.locator("ol.search-results a").nth(pick).click();
    await page.waitForURL((u) => u.href.endsWith(hrefs[pick]) || u.href.endsWith(hrefs[pick] + "#"), { timeout: 10000 }).catch(() => {});
    await page.waitForLoadState("load");
    const there = await page.evaluate((w) => {
      const id = decodeURIComponent(location.hash.slice(1));
      const t = id ? document.getElementById(id) : document.querySelector("main h1");
      if (!t) return null;
      const head = t.closest("h1, h2, h3, h4") || t;
      let text = t.closest(".chunk") ? t.closest(".chunk").textContent : head.textContent;
      for (let e = head.nextElementSibling; e && !/^H[1-4]$/.test(e.tagName); e = e.nextElementSibling) text += " " + e.textContent;
      const top = t.getBoundingClientRect().top;
      return { top: Math.round(top), inView: top > -5 && top < innerHeight / 2, has: !w || text.includes(w),
               chunk: !!t.closest(".chunkhead") };
    }, word);
    r.landed = page.url().slice(base.length);
    if (!there) r.why = "its target is not on the page";
    else {
      r.ok = there.inView && there.has && (!want || there.chunk) && errors.length === 0;
      r.why = `whose target is in view (${there.top} px from the top)` + (word ? `, and its section ${there.has ? "holds" : "lacks"} "${word}"` : "") +
              (want ? `, a chunk's heading: ${there.chunk}` : "") + (errors.length ? `; errors: ${errors.join(" | ")}` : "");
    }
  }
  await context.close();
  return r;
}
const picks = {};
{
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(fileBase + "index-chunks.html", { waitUntil: "load" });
  picks.chunk = await page.$$eval("main li", (lis) => lis.map((li) => ({
    name: Array.from(li.childNodes).filter((n) => n.nodeName.toLowerCase() !== "math").map((n) => n.textContent).join("")
            .split(":")[0].replace(/\s+/g, " ").trim(),
    href: li.querySelector("strong a")?.getAttribute("href") })).find((c) => c.href && !c.name.includes("/") && c.name.split(" ").length >= 3));
  await page.goto(fileBase + "index-identifiers.html", { waitUntil: "load" });
  picks.identifier = await page.$$eval("main li", (lis) => lis.map((li) => ({
    name: li.querySelector("code")?.textContent || "", href: li.querySelector("strong a")?.getAttribute("href") }))
    .find((c) => c.href && c.name.includes("_")));
  await context.close();
}
for (const base of [fileBase, served]) {
  const r = await searchAndFollow(base, widths.laptop, "Kaiming", null, "Kaiming");
  ok(r.ok, `searching for "Kaiming" ${base.startsWith("http") ? "over http" : "from the disk"}: ${r.results} results; the first opens ${r.landed}, ${r.why}`);
}
const phone = await searchAndFollow(fileBase, widths.phone, "Kaiming", null, "Kaiming", join(out, "search-phone.png"));
ok(phone.ok, `searching for "Kaiming" at phone width: the first result opens ${phone.landed}`);
await searchAndFollow(fileBase, widths.laptop, "Kaiming", null, "Kaiming", join(out, "search-laptop.png"));
const c = await searchAndFollow(fileBase, widths.laptop, picks.chunk.name, picks.chunk.href, null);
ok(c.ok, `searching for the chunk name "${picks.chunk.name}": ${c.results} results, one opens ${c.landed}, ${c.why}`);
const v = await searchAndFollow(fileBase, widths.laptop, picks.identifier.name, picks.identifier.href, null);
ok(v.ok, `searching for the identifier ${picks.identifier.name}: ${v.results} results, one opens ${v.landed}, ${v.why}`);
const withUse = pages.find((f) => readFileSync(join(dir, f), "utf8").includes('<details class="use">'));
for (const [name, viewport] of Object.entries(widths)) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(fileBase + withUse, { waitUntil: "load" });
  const use = page.locator("details.use").first();
  const before = await use.evaluate((d) => d.open);
  await use.locator("summary > code").click();
  const after = await use.evaluate((d) => ({ open: d.open, height: d.querySelector("pre").getBoundingClientRect().height,
                                            lines: d.querySelector("pre").textContent.split("\n").length - 1 }));
  await use.evaluate((d) => d.scrollIntoView({ block: "center" }));
  await page.screenshot({ path: join(out, `inline-chunk-${name}.png`) });
  ok(!before && after.open && after.height > 0 && after.lines > 0,
     `${withUse} at ${name} width, no JavaScript: a click on a used chunk's name shows its ${after.lines} lines in place`);
  await context.close();
}
await browser.close();
server.close();
process.exit(failed ? 1 : 0);
function leadsSomewhere(u, base) {
  if (!u.startsWith(base)) return !u.startsWith("file:");
  const [path, hash] = u.slice(base.length).split("#");
  const file = join(dir, decodeURIComponent(path) || "index.html");
  if (!existsSync(file)) return false;
  return !hash || (ids[basename(file)] || new Set()).has(decodeURIComponent(hash));
}
function list(a) { return a.length ? `; ${a.length} found: ${a.slice(0, 8).join(" | ")}` : ""; }
function inspect(values) {
  const r = { links: 0, brokenAnchors: [], fileLinks: [], images: 0, badImages: [], rawTex: [],
              maths: document.querySelectorAll("math").length, overflow: [] };
  for (const a of document.querySelectorAll("a[href]")) {
    r.links++;
    const href = a.getAttribute("href");
    if (href.startsWith("#")) {
      if (!document.getElementById(decodeURIComponent(href.slice(1)))) r.brokenAnchors.push(href);
    } else if (!/^(https?|mailto):/.test(href)) r.fileLinks.push(a.href);
  }
  for (const img of document.querySelectorAll("img")) {
    r.images++;
    if (!img.complete || img.naturalWidth === 0) r.badImages.push(img.getAttribute("src"));
  }
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let t = walk.nextNode(); t; t = walk.nextNode()) {
    if (t.parentElement.closest("code, pre, math, script, style, .sourceCode")) continue;
    const m = t.nodeValue.match(/\\[A-Za-z]+|\$|[_^]\{/);
    if (m) r.rawTex.push(JSON.stringify(t.nodeValue.slice(Math.max(0, m.index - 30), m.index + 30)));
  }
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > width + 1)
    for (const e of document.body.querySelectorAll("*")) {
      if (e.getBoundingClientRect().right <= width + 1) continue;
      let p = e.parentElement, clipped = false;
      for (; p && p !== document.body && !clipped; p = p.parentElement)
        clipped = getComputedStyle(p).overflowX !== "visible";
      if (!clipped) r.overflow.push(`${e.tagName.toLowerCase()}${e.id ? "#" + e.id : ""}.${e.className}: ` +
                                    JSON.stringify((e.textContent || "").slice(0, 40)));
    }
  return r;
}
