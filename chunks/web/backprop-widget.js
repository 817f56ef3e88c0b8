// The two widgets of book/32-browser.nw: draw a digit; train Part 1's network
(async function () {
  const $ = (id) => document.getElementById(id);
  const status = $("bp-status");
  if (!status) return;
  if (document.readyState === "loading") await new Promise((done) => addEventListener("DOMContentLoaded", done));
  try {
    if (typeof WebAssembly !== "object" || !globalThis.backpropData || !globalThis.backpropStart)
      throw new Error("this page has no WebAssembly module to run (the build made none, or the browser runs none)");
    const decode = (s) => Uint8Array.from(atob(s), (ch) => ch.charCodeAt(0));
    const wasm = decode(backpropData.wasm), model = decode(backpropData.model);
    const bp = await backpropStart(wasm, model);
    let seen = new Uint8Array(784);
    window.backprop = {
      predict: (pixels) => bp.predict(pixels),
      excelnet: (options) => bp.excelnet(options),
      seen: () => seen.slice(),
      sizes: { wasm: wasm.length, model: model.length },
    };
    const pad = $("bp-canvas"), pen = pad.getContext("2d", { willReadFrequently: true });
    const blank = () => { pen.fillStyle = "#000"; pen.fillRect(0, 0, pad.width, pad.height); };
    blank();
    Object.assign(pen, { strokeStyle: "#fff", lineWidth: 20, lineCap: "round", lineJoin: "round" });
    let last = null, queued = false;
    const at = (e) => {
      const r = pad.getBoundingClientRect();
      return [(e.clientX - r.left) * pad.width / r.width, (e.clientY - r.top) * pad.height / r.height];
    };
    const line = (p) => { pen.beginPath(); pen.moveTo(...last); pen.lineTo(...p); pen.stroke(); last = p; };
    const soon = () => { if (!queued) { queued = true; requestAnimationFrame(() => { queued = false; read(); }); } };
    pad.addEventListener("pointerdown", (e) => { pad.setPointerCapture(e.pointerId); last = at(e); line(last); soon(); });
    pad.addEventListener("pointermove", (e) => { if (last) { line(at(e)); soon(); } });
    for (const end of ["pointerup", "pointercancel"])
      pad.addEventListener(end, () => { if (last) { last = null; read(); } });
    $("bp-clear").addEventListener("click", () => { blank(); read(); });
    function read() {
      const rgba = pen.getImageData(0, 0, pad.width, pad.height).data;
      const ink = new Uint8Array(pad.width * pad.height);
      for (let i = 0; i < ink.length; i++) ink[i] = rgba[4 * i];
      seen = bp.fromDrawing(ink, pad.height, pad.width);
      const empty = seen.every((v) => v === 0);
      const r = empty ? null : bp.predict(seen);
      $("bp-digit").textContent = empty ? "" : String(r.digit);
      paint($("bp-seen"), [seen], 28, 28, 1);
      bars(r);
      maps(empty ? [] : bp.layers());
    }
    function paint(canvas, images, h, w, scale) {
      const g = canvas.getContext("2d"), img = g.createImageData(w, h);
      for (const [k, values] of images.entries()) {
        for (let i = 0; i < h * w; i++) {
          const v = Math.round(255 * Math.min(1, Math.max(0, values[i] * scale / 255)));
          img.data.set([v, v, v, 255], 4 * i);
        }
        g.putImageData(img, k * (w + 1), 0);
      }
    }
    function bars(r) {
      const c = $("bp-bars"), g = c.getContext("2d"), w = c.width / 10, top = 16, bottom = c.height - 18;
      g.clearRect(0, 0, c.width, c.height);
      g.font = "12px sans-serif";
      g.textAlign = "center";
      for (let d = 0; d < 10; d++) {
        const p = r ? r.probs[d] : 0, y = bottom - p * (bottom - top);
        g.fillStyle = r && d === r.digit ? "#1b6ca8" : "#999";
        g.fillRect(d * w + 3, y, w - 6, bottom - y);
        g.fillStyle = "#000";
        g.fillText(String(d), d * w + w / 2, c.height - 4);
        if (r && p >= 0.01) g.fillText(`${Math.round(100 * p)}%`, d * w + w / 2, y - 3);
      }
    }
    function maps(layers) {
      const box = $("bp-maps");
      box.textContent = "";
      for (const [l, L] of layers.entries()) {
        if (L.kind !== 0) continue;
        let lo = Infinity, hi = -Infinity;
        for (const v of L.out) lo = Math.min(lo, v), hi = Math.max(hi, v);
        const n = Math.min(L.K, 10), c = document.createElement("canvas");
        c.width = n * (L.W + 1) - 1, c.height = L.H;
        c.title = `layer ${l + 1}: ${L.K} channels of ${L.H}x${L.W}`;
        c.style.cssText = `display:block;margin:2px 0;image-rendering:pixelated;` +
                          `width:min(${3 * c.width}px,100%);height:auto;background:#fff`;
        const scaled = Array.from({ length: n }, (_, k) =>
          L.out.subarray(k * L.H * L.W, (k + 1) * L.H * L.W).map((v) => hi > lo ? 255 * (v - lo) / (hi - lo) : 0));
        paint(c, scaled, L.H, L.W, 1);
        box.append(c);
      }
    }
    const train = () => {
      const lr = Number($("bp-lr").value), iters = Number($("bp-iters").value);
      let rows;
      try { rows = bp.excelnet({ lr, iters }); } catch (e) { $("bp-loss-note").textContent = e.message; return; }
      $("bp-loss-note").textContent = "";
      const c = $("bp-loss"), g = c.getContext("2d"), top = Math.max(...rows.map((r) => r.E_total));
      g.clearRect(0, 0, c.width, c.height);
      g.strokeStyle = "#888";
      g.strokeRect(30, 5, c.width - 35, c.height - 25);
      g.strokeStyle = "#1b6ca8";
      g.beginPath();
      rows.forEach((r, i) => {
        const x = 30 + (c.width - 35) * i / Math.max(1, rows.length - 1), y = 5 + (c.height - 25) * (1 - r.E_total / top);
        i === 0 ? g.moveTo(x, y) : g.lineTo(x, y);
      });
      g.stroke();
      g.fillStyle = "#000";
      g.font = "12px sans-serif";
      g.fillText("E_total", 0, 14);
      g.fillText(`steps 0 to ${rows.length - 1}`, c.width / 2 - 30, c.height - 4);
      const names = ["iter", "w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "E_total"];
      const shown = rows.filter((r, i) => i < 4 || i === rows.length - 1);
      const table = $("bp-rows");
      table.textContent = "";
      const head = table.createTHead().insertRow();
      for (const n of names) head.insertCell().textContent = n;
      const body = table.createTBody();
      for (const r of shown) {
        const tr = body.insertRow();
        for (const n of names) tr.insertCell().textContent = n === "iter" ? String(r[n]) : r[n].toPrecision(6);
      }
    };
    $("bp-train").addEventListener("click", train);
    train();
    status.textContent = "The network is ready: draw a digit.";
  } catch (e) {
    status.textContent = `The widgets cannot run here: ${e.message}`;
    console.warn(e);
  }
})();
