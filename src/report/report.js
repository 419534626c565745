// diakrit review page: the batch's summary, corrections and documents; one document's edits in their
// lines; decisions kept in the browser (localStorage) and saved as JSON for `diakrit apply`.
// No library, no network: the documents' data come from data/dNNNNNN.js, loaded when opened.
"use strict";
(function () {
  const R = JSON.parse(document.getElementById("report-data").textContent);
  const STORE = "diakrit-decisions:" + R.report;
  const DOUBTFUL = R.doubtful_below;
  const KEY = (from, to) => from + "\u0000" + to;
  const state = load();
  const docs = {}; // n → data, once loaded
  let current = null; // { data, order, at }

  function load() {
    try {
      const s = JSON.parse(localStorage.getItem(STORE) || "null");
      if (s && s.corrections && s.edits) return s;
    } catch (e) { /* no storage (private mode): decisions live as long as the page */ }
    return { corrections: {}, edits: {} };
  }
  function persist() {
    try { localStorage.setItem(STORE, JSON.stringify(state)); } catch (e) { /* see load */ }
    const n = Object.keys(state.corrections).length + Object.keys(state.edits).length;
    document.getElementById("decided").textContent = n + (n === 1 ? " decision" : " decisions");
  }

  const el = (tag, attrs, ...kids) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") e.className = v; else if (k.startsWith("on")) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
    }
    for (const k of kids) e.append(k instanceof Node ? k : document.createTextNode(String(k)));
    return e;
  };
  const pct = (n, of) => (of ? (100 * n / of).toFixed(1) : "0.0") + " %";

  // ---- summary ----
  function summary() {
    const s = R.summary;
    const t = el("table", { class: "summary" });
    const row = (k, v) => t.append(el("tr", {}, el("th", {}, k), el("td", {}, v)));
    row("Documents", s.documents);
    row("Words", s.words);
    row("Edits", s.edits + " (" + pct(s.edits, s.words) + " of words)");
    row("Distinct corrections", s.corrections);
    for (const [k, n] of Object.entries(s.kinds)) row("— " + k, n + " (" + pct(n, s.edits) + ")");
    for (const [band, n] of s.bands) row("Confidence " + band, n + " (" + pct(n, s.edits) + ")");
    document.getElementById("summary-table").append(t);
  }

  // ---- corrections ----
  function decisionButtons(get, set) {
    const box = el("span", { class: "decide" });
    const draw = () => {
      box.replaceChildren();
      for (const d of ["accept", "reject"]) {
        box.append(el("button", { class: d + (get() === d ? " on" : ""), onclick: () => { set(get() === d ? null : d); draw(); } }, d));
      }
    };
    draw();
    return box;
  }
  function corrections() {
    const t = el("table", { class: "list" });
    t.append(el("tr", {}, ...["Correction", "Count", "Kind", "Confidence", "Decision (all its edits)"].map((h) => el("th", {}, h))));
    for (const c of R.corrections) {
      const key = KEY(c.from, c.to);
      const conf = c.min_confidence === c.max_confidence ? c.min_confidence.toFixed(3) : c.min_confidence.toFixed(3) + "–" + c.max_confidence.toFixed(3);
      t.append(el("tr", { class: c.min_confidence < DOUBTFUL ? "doubtful" : "" },
        el("td", {}, el("del", {}, c.from), " → ", el("ins", {}, c.to)),
        el("td", { class: "num" }, c.count), el("td", {}, c.kind), el("td", { class: "num" }, conf),
        el("td", {}, decisionButtons(() => state.corrections[key] || null, (d) => {
          if (d) state.corrections[key] = d; else delete state.corrections[key];
          persist();
          if (current) drawText();
        }))));
    }
    const note = R.summary.corrections > R.corrections.length ? el("p", { class: "help" }, "The " + R.corrections.length + " most frequent of " + R.summary.corrections + ".") : "";
    document.getElementById("corrections-table").append(t, note);
  }

  // ---- documents ----
  let docPage = 0;
  let docOrder = R.documents.slice();
  const PER_PAGE = 200;
  function documentsTable() {
    const box = document.getElementById("documents-table");
    box.replaceChildren();
    const cols = [["#", "n"], ["Document", "source"], ["Words", "words"], ["Edits", "edits"], ["Doubtful", "doubtful"], ["Damage", "damage"], ["Stripped å ä ö", "strip_rate"], ["Other damage", "error_rate"], ["Pages", "pages"]];
    const t = el("table", { class: "list" });
    t.append(el("tr", {}, ...cols.map(([h, k]) => el("th", { class: "sortable", onclick: () => {
      docOrder.sort((a, b) => (a[k] < b[k] ? 1 : a[k] > b[k] ? -1 : a.n - b.n));
      if (k === "n" || k === "source") docOrder.reverse();
      docPage = 0; documentsTable();
    } }, h))));
    for (const d of docOrder.slice(docPage * PER_PAGE, (docPage + 1) * PER_PAGE)) {
      t.append(el("tr", { class: d.doubtful ? "doubtful" : "" },
        el("td", { class: "num" }, d.n), el("td", {}, el("a", { href: "#doc=" + d.n, class: "doc-link" }, d.source)),
        el("td", { class: "num" }, d.words), el("td", { class: "num" }, d.edits), el("td", { class: "num" }, d.doubtful),
        el("td", {}, d.damage), el("td", { class: "num" }, d.strip_rate), el("td", { class: "num" }, d.error_rate), el("td", { class: "num" }, d.pages)));
    }
    box.append(t);
    const pages = Math.ceil(docOrder.length / PER_PAGE);
    if (pages > 1) {
      box.append(el("p", { class: "pager" },
        el("button", { onclick: () => { docPage = Math.max(0, docPage - 1); documentsTable(); } }, "‹ previous"),
        " page " + (docPage + 1) + " of " + pages + " ",
        el("button", { onclick: () => { docPage = Math.min(pages - 1, docPage + 1); documentsTable(); } }, "next ›")));
    }
  }

  // ---- one document ----
  window.diakrit = {
    loaded(data) { docs[data.n] = data; if (wanted === data.n) show(data); },
    decisions: () => decisionsFile(),
  };
  let wanted = null;
  function open(n) {
    wanted = n;
    if (docs[n]) return show(docs[n]);
    const s = document.createElement("script");
    s.src = "data/d" + String(n).padStart(6, "0") + ".js";
    s.onerror = () => alert("Cannot read " + s.src + ": is the report folder whole?");
    document.body.append(s);
  }
  function decisionOf(data, e) {
    const own = state.edits[data.content_id + "@" + e[2] + "-" + e[3]];
    if (own) return [own.decision, "own"];
    const rule = state.corrections[KEY(e[4], e[5])];
    if (rule) return [rule, "rule"];
    return ["accept", "default"];
  }
  function show(data) {
    for (const id of ["summary", "corrections", "documents"]) document.getElementById(id).hidden = true;
    document.getElementById("review").hidden = false;
    document.getElementById("review-title").textContent = data.source + " · " + data.edits.length + " edits · " + data.summary.doubtful + " doubtful";
    const order = data.edits.map((e, i) => i).sort((a, b) => data.edits[a][7] - data.edits[b][7] || a - b);
    current = { data, order, at: -1 };
    drawChart();
    drawText();
    window.scrollTo(0, 0);
  }
  function back() {
    current = null; wanted = null;
    for (const id of ["summary", "corrections", "documents"]) document.getElementById(id).hidden = false;
    document.getElementById("review").hidden = true;
    if (location.hash.startsWith("#doc=")) history.replaceState(null, "", "#documents");
  }
  function filtered() {
    const kinds = new Set([...document.querySelectorAll("input.kind:checked")].map((i) => i.value));
    const below = parseFloat(document.getElementById("below").value);
    return current.order.filter((i) => kinds.has(current.data.edits[i][6]) && current.data.edits[i][7] < below);
  }
  function drawChart() {
    // Edits per page (form feeds), or per 60 lines when the text has no pages.
    const { data } = current;
    const text = data.text;
    const breaks = [];
    const byFF = text.includes("\f");
    let line = 0;
    for (let i = 0; i < text.length; i++) {
      if (byFF ? text[i] === "\f" : text[i] === "\n" && ++line % 60 === 0) breaks.push(i);
    }
    const counts = new Array(breaks.length + 1).fill(0);
    for (const e of data.edits) {
      let p = 0;
      while (p < breaks.length && breaks[p] < e[0]) p++;
      counts[p]++;
    }
    const max = Math.max(1, ...counts);
    const w = Math.max(4, Math.min(24, 600 / counts.length));
    const ns = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(ns, "svg");
    svg.setAttribute("class", "chart");
    svg.setAttribute("width", 40 + w * counts.length);
    svg.setAttribute("height", 90);
    counts.forEach((n, i) => {
      const r = document.createElementNS(ns, "rect");
      const h = 60 * n / max;
      r.setAttribute("class", "bar");
      r.setAttribute("x", 30 + i * w); r.setAttribute("y", 70 - h); r.setAttribute("width", w - 1); r.setAttribute("height", h);
      const t = document.createElementNS(ns, "title");
      t.textContent = (byFF ? "page " : "lines " + (i * 60 + 1) + "–") + (byFF ? i + 1 : (i + 1) * 60) + ": " + n + " edits";
      r.append(t);
      svg.append(r);
    });
    const label = document.createElementNS(ns, "text");
    label.setAttribute("x", 0); label.setAttribute("y", 12); label.setAttribute("class", "tick");
    label.textContent = max;
    svg.append(label);
    const box = document.getElementById("review-chart");
    box.replaceChildren(el("span", { class: "help" }, byFF ? "Edits per page" : "Edits per 60 lines"), svg);
  }
  function drawText() {
    const { data } = current;
    const text = data.text;
    const box = document.getElementById("review-text");
    box.replaceChildren();
    // Lines, each with the edits that stand in it; a long text shows the lines with edits and their neighbours.
    const starts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
    const lineOf = (off) => { let lo = 0, hi = starts.length - 1; while (lo < hi) { const m = (lo + hi + 1) >> 1; if (starts[m] <= off) lo = m; else hi = m - 1; } return lo; };
    const near = new Set();
    const whole = text.length < 200000;
    for (const e of data.edits) { const l = lineOf(e[0]); for (let k = l - 1; k <= lineOf(e[1]) + 1; k++) near.add(k); }
    let i = 0, gap = false;
    for (let l = 0; l < starts.length; l++) {
      const a = starts[l], b = l + 1 < starts.length ? starts[l + 1] : text.length;
      if (!whole && !near.has(l)) { while (i < data.edits.length && data.edits[i][0] < b) i++; gap = true; continue; }
      if (gap) { box.append(el("div", { class: "gap" }, "⋯")); gap = false; }
      const row = el("div", { class: "line" }, el("span", { class: "ln" }, l + 1));
      let at = a;
      const content = el("span", { class: "content" });
      while (i < data.edits.length && data.edits[i][0] < b) {
        const e = data.edits[i];
        if (e[0] > at) content.append(text.slice(at, e[0]));
        const [d, how] = decisionOf(data, e);
        const span = el("span", {
          class: "edit k-" + e[6] + " " + d + " " + how + (e[7] < DOUBTFUL ? " doubtful" : ""),
          id: "e" + i, "data-i": i,
          title: "OCR: " + e[4] + " → " + e[5] + " · " + e[6] + " · " + e[7].toFixed(3) + " · " + (how === "default" ? "accepted by default" : d + (how === "rule" ? "ed with its correction" : "ed")),
          onclick: ((k) => () => select(current.order.indexOf(k)))(i),
        }, d === "reject" ? e[4] : e[5]);
        if (d !== "reject") span.append(el("span", { class: "orig" }, e[4]));
        content.append(span);
        at = e[1];
        i++;
      }
      content.append(text.slice(at, b).replace(/\n$/, ""));
      row.append(content);
      box.append(row);
    }
    drawList();
  }
  function drawList() {
    const { data } = current;
    const list = document.getElementById("review-list");
    list.replaceChildren();
    for (const k of filtered()) {
      const e = data.edits[k];
      const [d, how] = decisionOf(data, e);
      list.append(el("li", { "data-i": k, class: d + " " + how + (current.order[current.at] === k ? " current" : ""), onclick: () => select(current.order.indexOf(k)) },
        el("span", { class: "conf" }, e[7].toFixed(3)), " ", el("del", {}, e[4]), " → ", el("ins", {}, e[5]), " ", el("span", { class: "kind" }, e[6]),
        decisionButtons(() => (how === "own" ? d : null), (x) => decide(k, x))));
    }
    document.getElementById("below-value").textContent = parseFloat(document.getElementById("below").value) > 1 ? "all" : document.getElementById("below").value;
  }
  function select(at) {
    if (!current || at < 0) return;
    current.at = at;
    const k = current.order[at];
    document.querySelectorAll(".edit.current").forEach((x) => x.classList.remove("current"));
    const span = document.getElementById("e" + k);
    if (span) { span.classList.add("current"); span.scrollIntoView({ block: "center" }); }
    drawList();
  }
  function decide(k, d) {
    const { data } = current;
    const e = data.edits[k];
    const key = data.content_id + "@" + e[2] + "-" + e[3];
    if (d) state.edits[key] = { document: data.content_id, source: data.source, span: [e[2], e[3]], from: e[4], to: e[5], decision: d };
    else delete state.edits[key];
    persist();
    drawText();
    const span = document.getElementById("e" + k);
    if (span && current.order[current.at] === k) span.classList.add("current");
  }
  function step(dir) {
    const f = filtered();
    if (!f.length) return;
    const pos = f.indexOf(current.order[current.at]);
    const next = pos < 0 ? (dir > 0 ? 0 : f.length - 1) : Math.min(f.length - 1, Math.max(0, pos + dir));
    select(current.order.indexOf(f[next]));
  }

  // ---- decisions file ----
  function decisionsFile() {
    return {
      schema: "diakrit/decisions-1",
      report: R.report,
      options: R.options,
      documents: R.documents.map((d) => ({ content_id: d.content_id, source: d.source })),
      corrections: Object.entries(state.corrections).map(([k, d]) => { const [from, to] = k.split("\u0000"); return { from, to, decision: d }; }),
      edits: Object.values(state.edits).map((e) => ({ document: e.document, span: e.span, from: e.from, to: e.to, decision: e.decision })),
    };
  }
  function save() {
    const blob = new Blob([JSON.stringify(decisionsFile(), null, 1) + "\n"], { type: "application/json" });
    const a = el("a", { href: URL.createObjectURL(blob), download: "decisions.json" });
    document.body.append(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  // ---- wiring ----
  document.getElementById("save").addEventListener("click", save);
  document.querySelectorAll("input.kind").forEach((i) => i.addEventListener("change", () => current && drawList()));
  document.getElementById("below").addEventListener("input", () => current && drawList());
  document.addEventListener("keydown", (ev) => {
    if (!current || ev.target.tagName === "INPUT" || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const k = current.order[current.at];
    switch (ev.key) {
      case "n": case "j": step(1); break;
      case "p": case "k": step(-1); break;
      case "a": if (k !== undefined) decide(k, "accept"); break;
      case "r": if (k !== undefined) decide(k, "reject"); break;
      case "u": if (k !== undefined) decide(k, null); break;
      case "Escape": back(); break;
      default: return;
    }
    ev.preventDefault();
  });
  const route = () => {
    const m = location.hash.match(/^#doc=(\d+)$/);
    if (m) open(parseInt(m[1], 10)); else if (current) back();
  };
  window.addEventListener("hashchange", route);
  summary();
  corrections();
  documentsTable();
  persist();
  route();
})();
