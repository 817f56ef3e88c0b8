// The page's side of the WebAssembly module (book/32-browser.nw)
globalThis.backpropStart = async function (wasmBytes, modelBytes) {
  let c, pending = "";
  const bytes = (p, n) => new Uint8Array(c.memory.buffer, p, n);
  const wasi = {
    fd_write(fd, iovs, count, written) {
      const v = new DataView(c.memory.buffer);
      let n = 0;
      for (let i = 0; i < count; i++, iovs += 8) {
        const len = v.getUint32(iovs + 4, true);
        pending += new TextDecoder().decode(bytes(v.getUint32(iovs, true), len));
        n += len;
      }
      const lines = pending.split("\n");
      pending = lines.pop();
      for (const line of lines) (fd === 2 ? console.error : console.log)(`backprop: ${line}`);
      v.setUint32(written, n, true);
      return 0;
    },
    proc_exit(status) { throw new Error(`backprop: the C code exited with status ${status}`); },
    fd_close: () => 52, fd_seek: () => 52, fd_fdstat_get: () => 52,
  };
  ({ instance: { exports: c } } = await WebAssembly.instantiate(wasmBytes, { wasi_snapshot_preview1: wasi }));
  c._initialize();
  const copyIn = (src) => { const p = c.malloc(src.length); bytes(p, src.length).set(src); return p; };
  const model = copyIn(modelBytes), loaded = c.web_model_read(model, modelBytes.length);
  c.free(model);
  if (loaded !== 0) throw new Error("backprop: the model did not load (the reason is above)");
  const image = c.malloc(784);
  return {
    predict(pixels) {
      if (!(pixels instanceof Uint8Array) || pixels.length !== 784)
        throw new TypeError("backprop.predict wants a Uint8Array of 784 bytes");
      bytes(image, 784).set(pixels);
      const digit = c.web_predict(image);
      return { digit, probs: Array.from(new Float64Array(c.memory.buffer, c.web_probs(), 10)) };
    },
    fromDrawing(ink, height, width) {
      const p = copyIn(ink);
      c.mnist_from_drawing(image, p, height, width);
      c.free(p);
      return bytes(image, 784).slice();
    },
    layers() {
      const out = [];
      for (let l = 0; l < c.web_layers(); l++) {
        const [kind, K, H, W] = new Int32Array(c.memory.buffer, c.web_layer_shape(l), 4);
        out.push({ kind, K, H, W, out: new Float32Array(c.memory.buffer, c.web_layer_out(l), K * H * W).slice() });
      }
      return out;
    },
    excelnetCsv(lr, iters) {
      if (!(lr > 0 && lr < Infinity) || !Number.isInteger(iters) || iters < 0 || iters > 100000)
        throw new TypeError("backprop.excelnet wants lr > 0 and a whole number of iters from 0 to 100000");
      const p = c.web_excelnet(lr, iters), m = new Uint8Array(c.memory.buffer);
      return new TextDecoder().decode(m.subarray(p, m.indexOf(0, p)));
    },
    excelnet({ lr, iters }) {
      const [head, ...rows] = this.excelnetCsv(lr, iters).trimEnd().split("\n");
      const names = head.split(",");
      return rows.map((r) => Object.fromEntries(r.split(",").map((x, i) => [names[i], Number(x)])));
    },
  };
};
