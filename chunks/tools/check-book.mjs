// make check-book: the HTML book in Chromium (see book/91b-checking.nw)
import { chromium } from "playwright-core";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { proseNumbers } from "./prose-numbers.mjs";

const [dir, out] = process.argv.slice(2);
const pages = readdirSync(dir).filter((f) => f.endsWith(".html")).sort();
const values = {};
for (const line of readFileSync(join(dir, "values.txt"), "utf8").split("\n")) {
  const m = line.match(/^(\S+)\s+(.*?)\s*$/);
  if (m) values[m[1]] = m[2];
}
if (pages.length === 0) { console.log(`not ok - no HTML page in ${dir}`); process.exit(1); }
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
let failed = false;
function ok(cond, what) { console.log(`${cond ? "ok" : "not ok"} - ${what}`); if (!cond) failed = true; }
const widths = { laptop: { width: 1366, height: 900 }, phone: { width: 390, height: 844 } };
for (const file of pages)
  for (const [name, viewport] of Object.entries(widths)) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const errors = [];
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("requestfailed", (r) => errors.push(`${r.url().slice(0, 120)}: ${r.failure()?.errorText}`));
    await page.goto(pathToFileURL(resolve(dir, file)).href, { waitUntil: "load" });
    const report = await page.evaluate(inspect, values);
    const at = `${file} at ${name} width`;
    const missing = report.fileLinks.filter((u) => !existsSync(fileURLToPath(u.split("#")[0])));
    ok(report.brokenAnchors.length === 0 && missing.length === 0,
       `${at}: all ${report.links} links lead somewhere ${list(report.brokenAnchors.concat(missing))}`);
    ok(report.badImages.length === 0, `${at}: all ${report.images} images load ${list(report.badImages)}`);
    ok(report.rawTex.length === 0, `${at}: no raw TeX outside code and math (${report.maths} formulas) ${list(report.rawTex)}`);
    ok(errors.length === 0, `${at}: no console errors, exceptions or failed requests ${list(errors)}`);
    ok(report.overflow.length === 0, `${at}: nothing makes the page scroll sideways ${list(report.overflow)}`);
    const numbers = await page.evaluate(proseNumbers, values);
    ok(numbers.values > 0 && numbers.wrongValues.length === 0,
       `${at}: all ${numbers.values} numbers from the runs show values.txt ${list(numbers.wrongValues)}`);
    ok(numbers.unmarked.length === 0,
       `${at}: every number of the prose is a value of the runs or marked as typed ${list(numbers.unmarked)}`);
    const shots = join(out, name), base = file.replace(/\.html$/, "");
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, `${base}-00-top.png`) });
    const chapters = await page.$$eval("h1[id]", (hs) => hs.map((h) => h.id));
    for (const [i, id] of chapters.entries()) {
      await page.evaluate((x) => document.getElementById(x).scrollIntoView(), id);
      await page.screenshot({ path: join(shots, `${base}-${String(i + 1).padStart(2, "0")}-${id.replace(/\W/g, "-")}.png`) });
    }
    for (const what of ["figure", "table"]) {
      const count = await page.locator(what).count();
      for (let i = 0; i < count; i++) {
        await page.evaluate(([w, j]) => document.querySelectorAll(w)[j].scrollIntoView(), [what, i]);
        await page.screenshot({ path: join(shots, `${base}-${what}-${String(i + 1).padStart(2, "0")}.png`) });
      }
    }
    if (name === "laptop") { const heads = await page.$$eval("h1[id]:not(.title)", (hs) => hs.map((h) =>
                               (h.dataset.number || "-") + "\t" + h.textContent.slice((h.querySelector(".header-section-number")
                                                                   ?.textContent || "").length).replace(/\s+/g, " ").trim()));
                             writeFileSync(join(out, "chapters.txt"), heads.join("\n") + "\n", { flag: "a" });
                             const figs = await page.$$eval("figure img", (is) => is.map((i) => i.getAttribute("src")));
                             writeFileSync(join(out, "figures.txt"), figs.join("\n") + "\n", { flag: "a" }); }
    await context.close();
  }
await browser.close();
process.exit(failed ? 1 : 0);
function list(a) { return a.length ? `; ${a.length} found: ${a.slice(0, 8).join(" | ")}` : ""; }
function inspect(values) {
  const r = { links: 0, brokenAnchors: [], fileLinks: [], images: 0, badImages: [], rawTex: [],
              maths: document.querySelectorAll("math").length, overflow: [] };
  for (const a of document.querySelectorAll("a[href]")) {
    r.links++;
    const href = a.getAttribute("href");
    if (href.startsWith("#")) {
      if (!document.getElementById(decodeURIComponent(href.slice(1)))) r.brokenAnchors.push(href);
    } else if (a.href.startsWith("file:")) r.fileLinks.push(a.href);
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
