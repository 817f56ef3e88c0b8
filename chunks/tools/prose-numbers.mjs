// The numbers of a page's prose: value spans and typed numbers (see book/91b-checking.nw)
export function proseNumbers(values) {
  const r = { values: 0, wrongValues: [], unmarked: [] };
  const digits = (s) => s.replace(/[eE].*$/, "").replace(/\D/g, "").replace(/^0+/, "").replace(/0+$/, "").length;
  const byNumber = {};
  for (const [k, v] of Object.entries(values))
    if (/^-?[\d.]+(e[-+]?\d+)?$/i.test(v) && digits(v) >= 3) byNumber[Number(v)] = k;
  const grouped = (v) => { const m = /^(-?)(\d+)(\.\d*)?$/.exec(v);
                           return !m || m[2].length < 4 ? v : m[1] + m[2].replace(/\B(?=(\d{3})+$)/g, ",") + (m[3] || ""); };
  for (const s of document.querySelectorAll("span.value")) {
    r.values++;
    if (values[s.dataset.key] === undefined || grouped(values[s.dataset.key]) !== s.textContent.replace(/\s+/g, " "))
      r.wrongValues.push(`${s.dataset.key}: ${s.textContent}`);
  }
  const skip = "a, code, pre, math, table, nav, .sourceCode, .value, .typed, .chunkhead, .chunkfoot, " +
               ".header-section-number";
  const prose = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let t = prose.nextNode(); t; t = prose.nextNode()) {
    if (t.parentElement.closest(skip)) continue;
    for (const m of t.nodeValue.matchAll(/(?<![A-Za-z_\d.,]|[A-Za-z]-)\d+(,\d{3})*(\.\d+)?([eE][-+]?\d+)?(?!\d)/g)) {
      const n = m[0].replace(/,/g, "");
      if (digits(n) < 3) continue;
      const near = JSON.stringify(t.nodeValue.slice(Math.max(0, m.index - 25), m.index + m[0].length + 10));
      r.unmarked.push(Number(n) in byNumber ? `"${m[0]}" copies ${byNumber[Number(n)]}: ${near}`
                                            : `"${m[0]}" has no mark: ${near}`);
    }
  }
  return r;
}
