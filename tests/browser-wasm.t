#!/usr/bin/env node
// The page's WebAssembly module and glue, in Node (book/32-browser.nw)
"use strict";
const fs = require("node:fs"), path = require("node:path"), vm = require("node:vm");
const { execFileSync } = require("node:child_process");
const bin = process.env.BIN || "build/bin", build = path.dirname(bin);
const data = process.env.MNIST_DIR || "data/mnist", wasmFile = path.join(build, "web", "backprop.wasm");
let n = 0, failed = 0;
const ok = (cond, what) => { n++; if (!cond) failed++; console.log(`${cond ? "ok" : "not ok"} ${n} - ${what}`); };
const skip = (why) => { console.log(`1..0 # SKIP ${why}`); process.exit(0); };
if (!fs.existsSync(wasmFile)) skip(`no ${wasmFile} (clang for wasm32-wasi missing?)`);
if (!fs.existsSync(path.join(data, "t10k-images-idx3-ubyte"))) skip(`no MNIST data in ${data} (run make data)`);
const tmp = fs.mkdtempSync(path.join(require("node:os").tmpdir(), "bp-wasm-"));
process.on("exit", () => fs.rmSync(tmp, { recursive: true, force: true }));
(async () => {
  let model = path.join(build, "book", "runs", "mnist-main.model");
  if (!fs.existsSync(model)) {
    model = path.join(tmp, "m.model");
    execFileSync(path.join(bin, "mnistnet"), ["train", "--arch", "main", "--data", data, "--epochs", "1",
      "--train-limit", "1000", "--test-limit", "100", "--seed", "3", "--threads", "2", "--log", path.join(tmp, "m.csv"),
      "--save", model], { stdio: "ignore" });
  }
  console.log(`# model ${model}, module ${wasm_size(wasmFile)} bytes`);
  function wasm_size(f) { return fs.statSync(f).size; }
  const wasm = fs.readFileSync(wasmFile);
  vm.runInThisContext(fs.readFileSync("chunks/web/backprop.js", "utf8"));
  const bp = await backpropStart(wasm, fs.readFileSync(model));
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(wasm)).map((i) => `${i.module}.${i.name}`).sort();
  ok(imports.join(" ") === ["fd_close", "fd_fdstat_get", "fd_seek", "fd_write", "proc_exit"]
       .map((f) => `wasi_snapshot_preview1.${f}`).join(" "),
     `the module imports only the five WASI functions of the glue (${imports.length}: ${imports.map((i) => i.split(".")[1]).join(", ")})`);
  const images = fs.readFileSync(path.join(data, "t10k-images-idx3-ubyte"));
  const image = (i) => new Uint8Array(images.buffer, images.byteOffset + 16 + 784 * i, 784);
  const native = execFileSync(path.join(bin, "mnistprobs"), ["--model", model, "--data", data, "--count", "1000"],
                              { encoding: "utf8" }).trim().split("\n").slice(1).map((l) => l.split(",").map(Number));
  let same = 0, ties = 0, worst = 0, sums = 0;
  for (const [i, , digit, ...p] of native) {
    const r = bp.predict(image(i)), best = Math.max(...p);
    if (r.digit === digit) same++;
    else if (best - p[r.digit] <= 1e-5) ties++;
    for (let j = 0; j < 10; j++) worst = Math.max(worst, Math.abs(r.probs[j] - p[j]));
    sums = Math.max(sums, Math.abs(r.probs.reduce((a, b) => a + b) - 1));
  }
  ok(native.length === 1000 && same + ties === 1000,
     `first 1000 test images: the module predicts native mnistprobs's digit on ${same}, ties within 1e-5 on ${ties}`);
  ok(worst <= 1e-5, `first 1000 test images: the probabilities agree within 1e-5 (largest difference ${worst.toExponential(2)})`);
  ok(sums <= 1e-6, `the ten probabilities sum to 1 within 1e-6 (largest error ${sums.toExponential(2)})`);
  let agree = 0;
  for (const i of [0, 1, 2]) {
    const pgm = path.join(tmp, `${i}.pgm`);
    fs.writeFileSync(pgm, Buffer.concat([Buffer.from("P5\n28 28\n255\n"), Buffer.from(image(i))]));
    const out = execFileSync(path.join(bin, "mnistnet"), ["predict", "--model", model, pgm], { encoding: "utf8" });
    const digit = Number(out.match(/^digit (\d)/)[1]), p = [...out.matchAll(/= ([\d.]+)/g)].map((m) => Number(m[1]));
    agree += digit === native[i][2] && p.every((x, j) => Math.abs(x - native[i][3 + j]) <= 5e-7);
  }
  ok(agree === 3, `mnistnet predict on test images 0, 1, 2 gives mnistprobs's digits and probabilities (${agree} of 3)`);
  for (const lr of [0.5, 2]) {
    const want = execFileSync(path.join(bin, "excelnet"), ["--lr", String(lr), "--iters", "200"], { encoding: "utf8" });
    ok(bp.excelnetCsv(lr, 200) === want, `excelnet at lr ${lr}, 200 steps: the module's CSV is the native CSV, byte for byte`);
    const [head, ...rows] = want.trim().split("\n"), names = head.split(","), got = bp.excelnet({ lr, iters: 200 });
    const exact = got.length === rows.length && rows.every((r, i) => r.split(",").every((x, j) => got[i][names[j]] === Number(x)));
    ok(exact, `excelnet at lr ${lr}: all ${rows.length} row objects hold the CSV's numbers exactly, by column name`);
  }
  const ink = new Uint8Array(280 * 280);
  for (let y = 10; y < 210; y++) ink.fill(255, y * 280 + 5, y * 280 + 90);
  const f = bp.fromDrawing(ink, 280, 280);
  let rows = new Set(), mass = 0, my = 0, mx = 0;
  f.forEach((v, k) => { if (v) rows.add(Math.floor(k / 28)); mass += v; my += (Math.floor(k / 28) + 0.5) * v; mx += (k % 28 + 0.5) * v; });
  ok(rows.size === 20 && Math.abs(my / mass - 14) <= 0.5 && Math.abs(mx / mass - 14) <= 0.5,
     `the module's preprocessing: the off-centre rectangle fills 20 rows, centre of mass (${(my / mass).toFixed(3)}, ${(mx / mass).toFixed(3)})`);
  console.log(`1..${n}`);
  process.exitCode = failed ? 1 : 0;
})().catch((e) => { console.log(`not ok - ${e.stack}`); console.log(`1..${n + 1}`); process.exitCode = 1; });
