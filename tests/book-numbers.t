#!/bin/bash
# The prose-number check of make check-book, on crafted pages (book/91b-checking.nw)
if ! command -v node >/dev/null || [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ] ||
   [ ! -d node_modules/playwright-core ]; then
    echo "1..0 # SKIP needs node, chromium and playwright-core (make check-book installs them)"
    exit 0
fi
exec node --input-type=module - <<'END_OF_TEST'
import { chromium } from "playwright-core";
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
const { proseNumbers } = await import(pathToFileURL(resolve("chunks/tools/prose-numbers.mjs")).href);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const page = await browser.newPage();
const values = { "mnist.main.final_test_acc": "99.40", "mnist.main.params": "15440", "part1.iters": "200" };
let n = 0, failed = 0;
async function verdict(html, want, what) {
  await page.setContent(`<html><body>${html}</body></html>`);
  const r = await page.evaluate(proseNumbers, values);
  const got = r.unmarked.concat(r.wrongValues);
  const good = got.length === want.length && want.every((w, i) => got[i].includes(w));
  n++; if (!good) failed++;
  console.log(`${good ? "ok" : "not ok"} ${n} - ${what}: ${JSON.stringify(got)}`);
}
await verdict(`<p>The run ended at 99.40 % test accuracy.</p>`, ["copies mnist.main.final_test_acc"],
              "a value copied into the prose is caught and named");
await verdict(`<p>The run ended at 99.4 %.</p>`, ["copies mnist.main.final_test_acc"],
              "so is a copy with fewer digits that equals the value");
await verdict(`<p>The target is <span class="typed">99.4</span> %.</p>`, [],
              "a marked target equal to a run's value is not caught");
await verdict(`<p>A design run reached 98.73 % in 2019.</p>`, ["98.73", "2019"],
              "an unmarked typed number is caught even when no value equals it");
await verdict(`<p>It ended at <span class="value" data-key="mnist.main.final_test_acc">99.40</span> %.</p>`, [],
              "a value span that shows its value passes");
await verdict(`<p>It ended at <span class="value" data-key="mnist.main.final_test_acc">99.42</span> %.</p>`,
              ["mnist.main.final_test_acc: 99.42"], "a value span that shows another number is caught");
await verdict(`<p>It has <span class="value" data-key="mnist.main.params">15,440</span> parameters.</p>`, [],
              "a value span shows its value with the thousands grouped");
await verdict(`<p>It has <span class="value" data-key="mnist.main.params">15440</span> parameters.</p>`,
              ["mnist.main.params: 15440"], "a value span without the grouping is caught");
await verdict(`<p><code>x = 99.40</code> <math><mn>15440</mn></math></p><table><tr><td>99.40</td></tr></table>` +
              `<h2><span class="header-section-number">12.3.4</span> Results</h2><p><a href="#x">123</a></p>`, [],
              "numbers in code, math, tables, section numbers and links are not prose");
await verdict(`<p>15 epochs of 200 iterations on 60,000 images at lr 0.5</p>`, [],
              "numbers with fewer than three significant digits are left alone");
await browser.close();
console.log(`1..${n}`);
process.exit(failed ? 1 : 0);
END_OF_TEST
