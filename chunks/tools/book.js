// The HTML book's page script: where the reader is, and search (see book/91-weaving.nw)
(function () {
  var toc = document.getElementById("TOC"), crumb = document.querySelector(".crumb-section");
  var heads = Array.prototype.slice.call(document.querySelectorAll("main h2[id], main h3[id]"));
  var links = {}, current = null, shown = null;
  if (toc) toc.querySelectorAll("a[href^='#']").forEach(function (a) {
    links[decodeURIComponent(a.getAttribute("href").slice(1))] = a;
  });
  function mark() {
    var top = null, section = null;
    for (var i = 0; i < heads.length && heads[i].getBoundingClientRect().top < 120; i++) {
      top = heads[i];
      if (top.tagName === "H2") section = top;
    }
    if (crumb && section !== shown) {
      shown = section;
      crumb.textContent = "";
      if (section) {
        var a = document.createElement("a");
        a.href = "#" + section.id;
        a.textContent = section.textContent.replace(/\s+/g, " ").trim();
        crumb.append(" \u203a ", a);
      }
    }
    var entry = top ? links[top.id] || (section && links[section.id]) : null;
    if (entry === current) return;
    if (current) current.classList.remove("current");
    current = entry;
    if (!entry) return;
    entry.classList.add("current");
    if (getComputedStyle(toc).position === "fixed" &&
        (entry.offsetTop < toc.scrollTop || entry.offsetTop > toc.scrollTop + toc.clientHeight - 40))
      toc.scrollTop = entry.offsetTop - toc.clientHeight / 3;
  }
  document.addEventListener("scroll", mark, { passive: true });
  mark();
  var here = toc && toc.querySelector("li.here");
  if (here && getComputedStyle(toc).position === "fixed") toc.scrollTop = here.offsetTop - 40;
  var form = document.querySelector("form.search");
  if (!form) return;
  var input = form.querySelector("input"), list = form.querySelector(".search-results");
  var engine = null, loading = null;
  form.hidden = false;
  function load(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src; s.onload = resolve; s.onerror = function () { reject(new Error("cannot load " + src)); };
      document.head.appendChild(s);
    });
  }
  function ready() {
    if (!loading) loading = load("minisearch.js").then(function () { return load("search-index.js"); }).then(function () {
      var b = window.bookSearch;
      engine = MiniSearch.loadJS(b.index, Object.assign({ tokenize: b.tokenize }, b.options));
    });
    return loading;
  }
  function show() {
    var q = input.value.trim();
    list.textContent = "";
    if (!q || !engine) return;
    var options = { prefix: true, fuzzy: 0.15, boost: { title: 3 }, combineWith: "AND" };
    var results = engine.search(q, options);
    if (results.length === 0) { options.combineWith = "OR"; results = engine.search(q, options); }
    results.slice(0, 12).forEach(function (r) {
      var li = document.createElement("li"), a = document.createElement("a");
      var kind = document.createElement("span"), where = document.createElement("span");
      kind.className = "kind"; kind.textContent = r.kind;
      where.className = "where"; where.textContent = r.where;
      a.href = r.page + (r.anchor ? "#" + r.anchor : "");
      a.append(kind, " " + r.title + " ", where);
      li.appendChild(a);
      list.appendChild(li);
    });
    if (results.length === 0) {
      var none = document.createElement("li");
      none.className = "none"; none.textContent = "Nothing found for \u201c" + q + "\u201d";
      list.appendChild(none);
    }
  }
  input.addEventListener("focus", ready);
  input.addEventListener("input", function () { ready().then(show); });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    ready().then(function () { show(); var first = list.querySelector("a"); if (first) location.href = first.href; });
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "/" && document.activeElement !== input) { e.preventDefault(); input.focus(); }
    if (e.key === "Escape" && document.activeElement === input) { input.value = ""; list.textContent = ""; input.blur(); }
  });
})();
