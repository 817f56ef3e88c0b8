// The chapter "The network in your browser" in Chromium (book/32-browser.nw)
import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [dir, out, bin = "build/bin", data = "data/mnist"] = process.argv.slice(2);
let n = 0, failed = 0;
const ok = (cond, what) => { n++; if (!cond) failed++; console.log(`${cond ? "ok" : "not ok"} ${n} - ${what}`); };
const file = readdirSync(dir).filter((f) => f.endsWith(".html")).sort()
  .find((f) => readFileSync(join(dir, f), "utf8").includes('id="bp-draw"'));
if (!file) { console.log("not ok 1 - a page of the book holds the widget bp-draw\n1..1"); process.exit(1); }
mkdirSync(out, { recursive: true });
const model = join(dir, "runs", "mnist-main.model"), tmp = mkdtempSync(join(tmpdir(), "bp-browser-"));
const images = readFileSync(join(data, "t10k-images-idx3-ubyte"));
const image = (i) => Array.from(images.subarray(16 + 784 * i, 16 + 784 * (i + 1)));
const native = execFileSync(join(bin, "mnistprobs"), ["--model", model, "--data", data, "--count", "100"],
                            { encoding: "utf8" }).trim().split("\n").slice(1).map((l) => l.split(",").map(Number));
const mnistnetPredict = (pixels) => {
  const pgm = join(tmp, "drawn.pgm");
  writeFileSync(pgm, Buffer.concat([Buffer.from("P5\n28 28\n255\n"), Buffer.from(pixels)]));
  return Number(execFileSync(join(bin, "mnistnet"), ["predict", "--model", model, pgm], { encoding: "utf8" })
    .match(/^digit (\d)/)[1]);
};
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const errors = [];
const open = async (options) => {
  const context = await browser.newContext({ deviceScaleFactor: 1, ...options });
  const page = await context.newPage();
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("requestfailed", (r) => errors.push(`${r.url().slice(0, 120)}: ${r.failure()?.errorText}`));
  await page.goto(pathToFileURL(resolve(dir, file)).href, { waitUntil: "load" });
  await page.waitForFunction(() => window.backprop, null, { timeout: 30000 });
  return [context, page];
};
try {
  const [laptop, page] = await open({ viewport: { width: 1366, height: 900 } });
  let same = 0, worst = 0;
  for (let i = 0; i < 10; i++) {
    const r = await page.evaluate((px) => window.backprop.predict(new Uint8Array(px)), image(i));
    same += r.digit === native[i][2];
    for (let j = 0; j < 10; j++) worst = Math.max(worst, Math.abs(r.probs[j] - native[i][3 + j]));
  }
  ok(same === 10 && worst <= 1e-5,
     `predict on test images 0..9: ${same} of 10 digits as native mnistprobs, probabilities within ${worst.toExponential(2)}`);
  const timing = await page.evaluate((px) => {
    const x = new Uint8Array(px);
    for (let k = 0; k < 20; k++) window.backprop.predict(x);
    const t0 = performance.now();
    for (let k = 0; k < 200; k++) window.backprop.predict(x);
    return { ms: (performance.now() - t0) / 200, sizes: window.backprop.sizes };
  }, image(0));
  console.log(`# module ${timing.sizes.wasm} bytes, model ${timing.sizes.model} bytes, ` +
              `one prediction ${timing.ms.toFixed(2)} ms (mean of 200, in ${file})`);
  const sure = native.filter((r) => Math.max(...r.slice(3)) >= 0.9).map((r) => r[0]);
  const chosen = [...sure, 0, 1, 2].filter((v, k, a) => a.indexOf(v) === k).slice(0, 3);
  const pad = await page.locator("#bp-canvas").boundingBox(), cell = pad.width / 28;
  await page.locator("#bp-draw").scrollIntoViewIfNeeded();
  for (const [k, i] of chosen.entries()) {
    await page.click("#bp-clear");
    const px = image(i), box = await page.locator("#bp-canvas").boundingBox();
    for (let r = 0; r < 28; r++)
      for (let c = 0; c < 28; c++) {
        if (px[r * 28 + c] < 128 || (c > 0 && px[r * 28 + c - 1] >= 128)) continue;
        let e = c;
        while (e + 1 < 28 && px[r * 28 + e + 1] >= 128) e++;
        await page.mouse.move(box.x + (c + 0.5) * cell, box.y + (r + 0.5) * cell);
        await page.mouse.down();
        await page.mouse.move(box.x + (e + 0.5) * cell, box.y + (r + 0.5) * cell, { steps: 2 });
        await page.mouse.up();
      }
    const shown = Number(await page.textContent("#bp-digit")), seen = await page.evaluate(() => Array.from(window.backprop.seen()));
    const want = mnistnetPredict(seen), original = native[i][2], isSure = sure.includes(i);
    ok(shown === want, `test image ${i} redrawn with the mouse: the page shows ${shown}, mnistnet predict on the page's 28x28 gives ${want}`);
    if (isSure) ok(shown === original, `test image ${i} redrawn: the page shows ${shown}, the native network reads the original as ${original}`);
    else console.log(`# test image ${i}: the native network is not sure of the original (${original}); the page shows ${shown}`);
    await page.locator("#bp-draw").screenshot({ path: join(out, `browser-drawn-${k + 1}.png`) });
  }
  await page.click("#bp-clear");
  ok((await page.textContent("#bp-digit")) === "", "Clear empties the canvas and the answer");
  const csv = readFileSync(join(dir, "runs", "part1-lr0.5.csv"), "utf8").trim().split("\n");
  const names = csv[0].split(","), rows = await page.evaluate(() => window.backprop.excelnet({ lr: 0.5, iters: 200 }));
  const exact = rows.length === csv.length - 1 && csv.slice(1).every((l, i) => l.split(",").every((x, j) => rows[i][names[j]] === Number(x)));
  ok(exact, `excelnet({ lr: 0.5, iters: 200 }) in the page: all ${rows.length} rows equal the build's part1-lr0.5.csv exactly`);
  await page.fill("#bp-lr", "2");
  await page.fill("#bp-iters", "50");
  await page.click("#bp-train");
  const lastIter = await page.textContent("#bp-rows tbody tr:last-child td:first-child");
  ok(lastIter === "49", `Train at rate 2 for 50 steps shows the rows up to step ${lastIter}`);
  await page.locator("#bp-excelnet").screenshot({ path: join(out, "browser-excelnet.png") });
  await laptop.close();
  const [phone, small] = await open({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  await small.locator("#bp-canvas").scrollIntoViewIfNeeded();
  const tb = await small.locator("#bp-canvas").boundingBox(), scrolled = await small.evaluate(() => scrollY);
  const cdp = await small.context().newCDPSession(small);
  const touch = (type, y) => cdp.send("Input.dispatchTouchEvent",
    { type, touchPoints: type === "touchEnd" ? [] : [{ x: tb.x + tb.width / 2, y: tb.y + y * tb.height }] });
  await touch("touchStart", 0.15);
  for (let y = 0.2; y <= 0.85; y += 0.05) await touch("touchMove", y);
  await touch("touchEnd", 0.85);
  await small.waitForTimeout(100);
  const fingerSeen = await small.evaluate(() => Array.from(window.backprop.seen()));
  const fingerShown = await small.textContent("#bp-digit");
  ok(tb.x >= 0 && tb.x + tb.width <= 390, `at a phone's width the canvas fits (${Math.round(tb.x)}..${Math.round(tb.x + tb.width)} of 390)`);
  ok(fingerSeen.some((v) => v > 0) && fingerShown !== "" && Number(fingerShown) === mnistnetPredict(fingerSeen),
     `a finger's stroke is drawn and read: the page shows ${fingerShown}, as mnistnet predict on its 28x28`);
  ok((await small.evaluate(() => scrollY)) === scrolled, "the finger drew instead of scrolling the page");
  await small.screenshot({ path: join(out, "browser-phone.png") });
  await phone.close();
} catch (e) {
  ok(false, `the page can be used: ${e.message.split("\n")[0]}`);
}
ok(errors.length === 0, `no console errors, exceptions or failed requests${errors.length ? ": " + errors.join(" | ") : ""}`);
await browser.close();
rmSync(tmp, { recursive: true, force: true });
console.log(`1..${n}`);
process.exit(failed ? 1 : 0);
