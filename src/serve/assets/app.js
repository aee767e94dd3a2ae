// The page of `newsgraph serve`: canned questions as forms, a SPARQL box,
// results as tables, the diagrams, and each fact linked to its article and
// offsets. Everything it loads comes from this server; data is put in the
// page as text, never as markup.
"use strict";

const ID = "https://w3id.org/newsgraph/id/";
const PREFIXES = [
  ["ng:", "https://w3id.org/newsgraph/ontology#"],
  ["schema:", "http://schema.org/"],
  ["sem:", "http://semanticweb.cs.vu.nl/2009/11/sem/"],
  ["rdfs:", "http://www.w3.org/2000/01/rdf-schema#"],
  ["xsd:", "http://www.w3.org/2001/XMLSchema#"],
  ["id:", ID],
];
const JSON_RESULTS = "application/sparql-results+json";

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
}

function compact(iri) {
  for (const [p, ns] of PREFIXES) if (iri.startsWith(ns)) return p + iri.slice(ns.length);
  return iri;
}

async function fetchOk(url, options) {
  const r = await fetch(url, options);
  if (!r.ok) throw new Error(`${r.status} ${r.statusText}: ${(await r.text()).trim()}`);
  return r;
}

function status(text, error) {
  const s = $("status");
  s.textContent = text;
  s.className = error ? "error" : "";
}

// A cell of a result table: resources of the graph open their sources.
function cell(term) {
  if (!term) return "";
  if (term.type === "uri") {
    const text = compact(term.value);
    if (term.value.startsWith(ID + "article/")) {
      return el("a", { href: "#", title: term.value, onclick: (e) => { e.preventDefault(); showArticle(term.value); } }, text);
    }
    if (term.value.startsWith(ID)) {
      return el("a", { href: "#", title: "where the articles state it", onclick: (e) => { e.preventDefault(); showSources(term.value); } }, text);
    }
    return el("span", { title: term.value }, text);
  }
  return term.value;
}

function renderTable(target, json, extra) {
  target.replaceChildren();
  if (json.boolean !== undefined) {
    target.append(el("p", { class: "boolean" }, String(json.boolean)));
    return 1;
  }
  const vars = json.head.vars;
  const rows = json.results.bindings;
  const head = el("tr", {}, ...vars.map((v) => el("th", {}, v)));
  if (extra) head.append(el("th", {}, extra.title));
  const body = rows.map((b) => {
    const tr = el("tr", {}, ...vars.map((v) => el("td", {}, cell(b[v]))));
    if (extra) tr.append(el("td", {}, extra.cell(b)));
    return tr;
  });
  target.append(el("table", {}, el("thead", {}, head), el("tbody", {}, ...body)));
  return rows.length;
}

async function showResults(title, url, options) {
  $("results-title").textContent = title;
  status("running…");
  $("table").replaceChildren();
  try {
    const r = await fetchOk(url, options);
    const type = r.headers.get("content-type") || "";
    if (type.startsWith(JSON_RESULTS)) {
      const n = renderTable($("table"), await r.json());
      status(`${n} ${n === 1 ? "row" : "rows"}`);
    } else {
      $("table").append(el("pre", {}, await r.text()));
      status(type);
    }
  } catch (e) {
    status(e.message, true);
  }
  $("results").scrollIntoView({ block: "nearest" });
}

async function buildForms() {
  const queries = await (await fetchOk("/queries")).json();
  const forms = $("forms");
  for (const q of queries) {
    const inputs = q.params.map((p) =>
      el("label", {}, p.name + " ", el("input", { name: p.name, required: "", placeholder: p.description })));
    const form = el("form", { class: "canned", "data-query": q.name },
      el("strong", {}, q.name), " ", el("span", { class: "hint" }, q.description), ...inputs,
      el("button", { type: "submit" }, "Run"),
      el("button", { type: "button", class: "plain", title: "copy its SPARQL into the box below",
        onclick: () => { $("sparql-text").value = q.sparql; $("sparql").scrollIntoView(); } }, "SPARQL"));
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const params = new URLSearchParams(new FormData(form));
      showResults(q.name, `/queries/${encodeURIComponent(q.name)}?${params}`, { headers: { Accept: JSON_RESULTS } });
    });
    forms.append(form);
  }
  const box = $("sparql-text");
  const example = queries.find((q) => q.name === "people") || queries[0];
  if (!box.value && example) box.value = example.sparql;
}

function runSparql(e) {
  e.preventDefault();
  const body = new URLSearchParams({ query: $("sparql-text").value });
  showResults("SPARQL", "/query", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: `${JSON_RESULTS}, text/turtle;q=0.9` },
    body,
  });
}

// An SVG drawn by Graphviz on the server, put in the page as a node tree
// (without scripts or event attributes, which Graphviz does not write).
async function showDiagram(view) {
  const target = $("diagram");
  const params = new URLSearchParams();
  if (view === "entity") params.set("name", $("entity-name").value);
  $("dot-link").href = `/dot/${view}?${params}&format=dot`;
  target.replaceChildren(el("p", { class: "hint" }, "drawing…"));
  try {
    const r = await fetchOk(`/dot/${view}?${params}`, { headers: { Accept: "image/svg+xml" } });
    const doc = new DOMParser().parseFromString(await r.text(), "image/svg+xml");
    const svg = doc.documentElement;
    if (svg.nodeName !== "svg") throw new Error("the server sent no SVG");
    svg.querySelectorAll("script, foreignObject").forEach((n) => n.remove());
    svg.querySelectorAll("*").forEach((n) => {
      for (const a of [...n.attributes]) if (a.name.startsWith("on")) n.removeAttribute(a.name);
    });
    target.replaceChildren(document.importNode(svg, true));
    target.dataset.view = view;
  } catch (e) {
    target.replaceChildren(el("p", { class: "error" }, e.message));
  }
}

// A link to the offsets of a mention in its article, and the article's title.
function offsetLink(article, title, begin, end, anchor) {
  const link = el("a", {
    href: `#char=${begin},${end}`,
    class: "offsets",
    title: `${article}#char=${begin},${end}`,
    onclick: (e) => { e.preventDefault(); showArticle(article, Number(begin), Number(end)); },
  }, `“${anchor}” [${begin}–${end}]`);
  return el("span", {}, link, " ", el("span", { class: "hint" }, title || compact(article)));
}

async function showFacts() {
  const target = $("facts-table");
  try {
    const json = await (await fetchOk("/page/facts", { headers: { Accept: JSON_RESULTS } })).json();
    const rows = json.results.bindings;
    const tr = (b) => el("tr", {},
      el("td", {}, b.date ? b.date.value : ""),
      el("td", {}, cell({ type: "uri", value: b.event.value }), " ", b.fact.value),
      el("td", {}, offsetLink(b.article.value, b.title && b.title.value, b.begin.value, b.end.value, b.anchor.value)));
    target.replaceChildren(el("table", {},
      el("thead", {}, el("tr", {}, el("th", {}, "date"), el("th", {}, "fact"), el("th", {}, "stated in (article [offsets] text)"))),
      el("tbody", {}, ...rows.map(tr))));
  } catch (e) {
    target.replaceChildren(el("p", { class: "error" }, e.message));
  }
}

async function showSources(iri) {
  const target = $("mentions");
  target.replaceChildren(el("p", {}, el("strong", {}, compact(iri))));
  try {
    const url = `/page/sources?${new URLSearchParams({ iri })}`;
    const json = await (await fetchOk(url, { headers: { Accept: JSON_RESULTS } })).json();
    const rows = json.results.bindings;
    if (rows.length === 0) target.append(el("p", { class: "hint" }, "no mention recorded"));
    target.append(el("ul", {}, ...rows.map((b) => el("li", {},
      offsetLink(b.article.value, b.title && b.title.value, b.begin.value, b.end.value, b.anchor.value)))));
  } catch (e) {
    target.append(el("p", { class: "error" }, e.message));
  }
  $("source").scrollIntoView({ block: "nearest" });
}

// The article's text with the characters begin..end (code points, as NIF
// counts them) marked.
async function showArticle(iri, begin, end) {
  const target = $("article");
  try {
    const url = `/page/article?${new URLSearchParams({ iri })}`;
    const json = await (await fetchOk(url, { headers: { Accept: JSON_RESULTS } })).json();
    const b = json.results.bindings[0];
    if (!b) throw new Error("no such article");
    const chars = Array.from(b.text.value);
    const body = el("div", { class: "text" });
    if (begin !== undefined) {
      const mark = el("mark", { id: "mark" }, chars.slice(begin, end).join(""));
      body.append(chars.slice(0, begin).join(""), mark, chars.slice(end).join(""));
    } else {
      body.append(b.text.value);
    }
    target.replaceChildren(
      el("h3", {}, b.title ? b.title.value : compact(iri)),
      el("p", { class: "hint" }, `${b.source ? b.source.value : ""} ${b.published ? "· " + b.published.value : ""}`),
      body);
    const mark = $("mark");
    if (mark) mark.scrollIntoView({ block: "center" });
  } catch (e) {
    target.replaceChildren(el("p", { class: "error" }, e.message));
  }
}

async function showStats() {
  try {
    const r = await fetchOk("/queries/articles", { headers: { Accept: JSON_RESULTS } });
    const n = (await r.json()).results.bindings.length;
    $("stats").textContent = `${n} ${n === 1 ? "article" : "articles"} in the graph.`;
  } catch (e) {
    $("stats").textContent = e.message;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("sparql-form").addEventListener("submit", runSparql);
  for (const b of document.querySelectorAll("#dot-form button")) {
    b.addEventListener("click", () => showDiagram(b.dataset.view));
  }
  $("load-facts").addEventListener("click", showFacts);
  buildForms().catch((e) => status(e.message, true));
  showStats();
});
