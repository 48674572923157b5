// dateline web UI: a small hash-routed page over the REST API (/api). No build step.
//
// Safety rule: every value that comes from the store (article text, names, quotes, ids) reaches the page
// through textContent or setAttribute on a non-script attribute, never through innerHTML; links are built
// from encodeURIComponent'd ids under "#/". The server also sends a Content-Security-Policy without
// inline scripts, so data can never become code.
"use strict";

(function () {
  const main = document.getElementById("main");
  const PAGE = 500; // rows asked per API call for the charts and lists (the API's maximum)

  // ---- DOM helpers -------------------------------------------------------------------------------
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = String(v);
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, String(v));
    }
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }
  const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const link = (href, text, cls) => el("a", { href, class: cls }, text);
  const enc = encodeURIComponent;
  const entityHref = (id) => "#/entity/" + enc(id);
  const articleHref = (id, fact) => "#/article/" + enc(id) + (fact ? "/" + enc(fact) : "");
  const dateText = (r) =>
    r.earliest && r.latest && r.earliest !== r.latest ? `${r.value || ""} (${r.earliest} … ${r.latest})` : r.value || r.earliest || "";
  // An interval on one line, its common start written once: 2017-04-01…30, 2017-03-28…04-02.
  function compactDate(r) {
    const a = r.earliest || r.value || "";
    const b = r.latest || a;
    if (a === b) return a;
    if (a.slice(0, 7) === b.slice(0, 7)) return `${a}…${b.slice(8)}`;
    if (a.slice(0, 4) === b.slice(0, 4)) return `${a}…${b.slice(5)}`;
    return `${a}…${b}`;
  }
  const dateCell = (r) => el("span", { class: "date", title: dateText(r) }, compactDate(r));

  function show(...nodes) {
    main.replaceChildren(...nodes.filter((n) => n !== null && n !== undefined && n !== false));
  }
  function errorBox(err) {
    return el("p", { class: "error" }, err.message || String(err));
  }

  // ---- API -----------------------------------------------------------------------------------------
  async function api(path, params) {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) if (v !== null && v !== undefined && v !== "") qs.set(k, v);
    const url = "/api/" + path + (qs.toString() ? "?" + qs : "");
    const res = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await res.json().catch(() => ({}));
    if (!res.ok) {
      const e = body.error || {};
      const err = new Error((e.reason || res.statusText) + (e.hint ? " — " + e.hint : ""));
      err.status = res.status;
      err.code = e.code;
      err.candidates = e.candidates || null; // 300: a name several entities fit
      throw err;
    }
    return body;
  }
  const apiUrl = (path, params) => {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) if (v !== null && v !== undefined && v !== "") qs.set(k, v);
    return "/api/" + path + "?" + qs;
  };

  // ---- routing -------------------------------------------------------------------------------------
  function parseHash() {
    const raw = location.hash.replace(/^#\/?/, "");
    const [path, query] = raw.split("?");
    const parts = path.split("/").filter(Boolean).map((p) => {
      try {
        return decodeURIComponent(p);
      } catch (_) {
        return p;
      }
    });
    return { parts, params: new URLSearchParams(query || "") };
  }

  async function route() {
    const { parts, params } = parseHash();
    try {
      if (parts[0] === "entity" && parts[1]) await entityPage(parts[1]);
      else if (parts[0] === "article" && parts[1]) await articlePage(parts[1], parts[2]);
      else if (parts[0] === "search") await searchPage(params.get("q") || "", params.get("cursor"));
      else if (parts[0] === "quotes") await quotesPage(params);
      else if (parts[0] === "events") await eventsPage(params);
      else if (parts[0] === "articles") await articlesPage(params);
      else await homePage();
    } catch (err) {
      if (err.candidates) show(el("h1", {}, "Which one?"), choiceList(err.candidates, err.message));
      else show(errorBox(err));
    }
  }

  // The entities a name fits, to choose from (the API answered 300).
  function choiceList(candidates, message) {
    return el(
      "div",
      { class: "choice" },
      el("p", { class: "muted" }, message),
      el("p", {}, "Did you mean:"),
      el(
        "ul",
        { class: "fact-list", id: "candidates" },
        ...candidates.map((c) =>
          el("li", {}, link(entityHref(c.id), c.name, "entity-link candidate"), " ", el("span", { class: "tag" }, c.type), el("span", { class: "muted" }, `${plural(c.mentions, "mention")} in ${plural(c.articles, "article")}`)),
        ),
      ),
    );
  }

  document.getElementById("search-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const q = document.getElementById("search-input").value.trim();
    if (q) location.hash = "#/search?q=" + enc(q);
  });
  window.addEventListener("hashchange", route);
  window.addEventListener("DOMContentLoaded", route);

  // ---- pages ---------------------------------------------------------------------------------------
  function entityCards(items) {
    if (!items.length) return el("p", { class: "muted" }, "No entity found.");
    return el(
      "div",
      { class: "cards" },
      ...items.map((e) =>
        el(
          "div",
          { class: "card entity-card" },
          link(entityHref(e.id), e.name, "entity-link"),
          " ",
          el("span", { class: "tag" }, e.type),
          el("div", { class: "muted" }, `${plural(e.mentions, "mention")} in ${plural(e.articles, "article")}`),
        ),
      ),
    );
  }

  async function homePage() {
    document.title = "dateline";
    const [stats, top] = await Promise.all([api("stats"), api("entities", { limit: 24 })]);
    const list = (items, key) => items.map((x) => `${x[key] || "unknown"} (${x.articles})`).join(", ");
    show(
      el("h1", {}, "dateline"),
      el(
        "dl",
        { class: "summary", id: "store-summary" },
        el("dt", {}, "Articles"),
        el("dd", {}, String(stats.articles), stats.earliest ? ` published ${stats.earliest} … ${stats.latest}` : ""),
        el("dt", {}, "Sources"),
        el("dd", {}, list(stats.sources || [], "source")),
        el("dt", {}, "Languages"),
        el("dd", {}, list(stats.languages || [], "lang")),
        el("dt", {}, "Facts"),
        el("dd", {}, `${plural(stats.entities || 0, "entity")} · `, link("#/quotes", plural(stats.quotes || 0, "quote")), " · ", link("#/events", plural(stats.events || 0, "event"))),
      ),
      el("p", { class: "muted" }, "Search a name above (a surname or the start of a name is enough), or browse:"),
      el("h2", {}, "Most mentioned"),
      entityCards(top.items),
    );
  }

  async function searchPage(q, cursor) {
    document.title = `${q} — dateline`;
    document.getElementById("search-input").value = q;
    // The name as people type it: the entity it designates, or the ones it may be.
    const found = api("lookup", { name: q }).then(
      (r) => ({ entity: r }),
      (err) => (err.candidates ? { candidates: err.candidates } : {}),
    );
    const [best, ents, arts] = await Promise.all([found, api("entities", { q, limit: 24 }), api("search", { q, limit: 20, cursor, total: "true" })]);
    let match = null;
    if (best.entity) {
      const e = best.entity;
      match = el(
        "div",
        { class: "card best-match", id: "best-match" },
        el("span", { class: "muted" }, "Entity: "),
        link(entityHref(e.id), e.name, "entity-link best"),
        best.entity.others.length ? el("div", { class: "muted" }, "Also: ", ...best.entity.others.slice(0, 5).flatMap((o, i) => [i ? ", " : "", link(entityHref(o.id), o.name)])) : null,
      );
    } else if (best.candidates) match = choiceList(best.candidates, `“${q}” may be several entities.`);
    const more = arts.next ? link("#/search?" + new URLSearchParams({ q, cursor: new URL(arts.next, location.origin).searchParams.get("cursor") }), "Next page →", "next-page") : null;
    show(
      el("h1", {}, "Search: ", el("q", {}, q)),
      match,
      el("h2", {}, "Entities"),
      entityCards(ents.items),
      el("h2", {}, `Articles (${arts.total ?? arts.items.length})`),
      articleList(arts.items, (a) => snippet(a.snippet), (a) => [a.article_source, a.dct].filter(Boolean).join(" · ")),
      more,
    );
  }

  // A search snippet with its matched words (between [ and ] from the store) as <mark>, never as markup.
  function snippet(text) {
    const box = el("span", { class: "snippet" });
    const parts = String(text || "").split(/(\[[^\[\]]*\])/);
    for (const p of parts) {
      if (p.startsWith("[") && p.endsWith("]") && p.length > 2) box.append(el("mark", {}, p.slice(1, -1)));
      else if (p) box.append(document.createTextNode(p));
    }
    return box;
  }

  function articleList(items, extra, meta) {
    if (!items.length) return el("p", { class: "muted" }, "No article found.");
    return el(
      "ul",
      { class: "fact-list", id: "article-list" },
      ...items.map((a) =>
        el(
          "li",
          {},
          link(articleHref(a.id), a.title || a.id, "article-link"),
          " ",
          el("span", { class: "muted" }, meta ? meta(a) : a.dct || ""),
          el("div", { class: "muted" }, extra(a) || ""),
        ),
      ),
    );
  }

  async function articlesPage(params) {
    document.title = "Articles — dateline";
    const res = await api("articles", { limit: 100, since: params.get("since"), until: params.get("until"), cursor: params.get("cursor") });
    const more = res.next ? link("#/articles?" + new URL(res.next, location.origin).searchParams.toString(), "Next page →") : null;
    show(el("h1", {}, "Articles"), articleList(res.items, (a) => a.head), more);
  }

  // -- entity page
  async function entityPage(id) {
    const ent = await api("entities/" + enc(id));
    document.title = `${ent.name} — dateline`;
    const q = { entity: ent.id };
    const [tl, quotes, co, men] = await Promise.all([
      api("timeline", { ...q, limit: PAGE }),
      api("quotes", { speaker: ent.id, limit: PAGE }),
      api("comentions", { ...q, top: 30, limit: 30 }),
      api("mentions", { ...q, by: "month" }),
    ]);
    const aliases = ent.aliases.map((a) => `${a.name} (${a.mentions})`).join(", ");
    const lk = ent.lookup || { how: "name", others: [] };
    // How a typed name led here ("Trump" is Donald Trump), and what else it fits.
    const how =
      lk.how && lk.how !== "name"
        ? el(
            "p",
            { class: "lookup-note", id: "lookup-note" },
            `“${lk.query}” is ${ent.name} (by ${lk.how}).`,
            lk.others.length ? " It also fits: " : "",
            ...lk.others.slice(0, 6).flatMap((o, i) => [i ? ", " : "", link(entityHref(o.id), o.name)]),
          )
        : null;
    show(
      el("h1", { id: "entity-name" }, ent.name, " ", el("span", { class: "tag" }, ent.type), ent.country ? el("span", { class: "tag" }, ent.country) : null),
      how,
      el("p", { class: "muted" }, `${plural(ent.mentions, "mention")} in ${plural(ent.articles, "article")}. Names: ${aliases}`),
      ent.roles.length ? el("p", {}, "Roles: ", ent.roles.join("; ")) : null,
      el("h2", {}, "Timeline"),
      timelineView(tl.items, ent),
      el(
        "div",
        { class: "two-cols" },
        el("section", {}, el("h2", {}, `Quotes (${quotes.items.length})`), quoteList(quotes.items, false)),
        el("section", {}, el("h2", {}, "Mentions over time"), mentionsChart(men.items)),
      ),
      el("h2", {}, "Co-mentions"),
      networkView(ent, co.items),
    );
  }

  // The window where the facts are dense: from the 5th to the 95th percentile of their dates, widened a
  // little, so one fact dated "2016" does not squeeze the rest into a sliver (it stays a pan/zoom away).
  function denseWindow(items) {
    const t = items.map((r) => Date.parse(r.earliest + "T00:00:00Z")).sort((a, b) => a - b);
    const q = (f) => t[Math.min(t.length - 1, Math.max(0, Math.round(f * (t.length - 1))))];
    let lo = q(0.05);
    let hi = q(0.95) + 86400000;
    const pad = Math.max((hi - lo) * 0.08, 86400000);
    return { start: new Date(lo - pad), end: new Date(hi + pad), all: [new Date(t[0] - pad), new Date(t[t.length - 1] + 86400000 + pad)] };
  }

  // The part of a mention's sentence around the entity's name, so the item shows why it is there.
  function aroundName(text, names) {
    const low = (text || "").toLowerCase();
    let at = -1;
    for (const n of names) {
      const i = low.indexOf(n.toLowerCase());
      if (i >= 0 && (at < 0 || i < at)) at = i;
    }
    return at > 40 ? "…" + text.slice(at - 30) : text || "";
  }

  function timelineView(items, ent) {
    const box = el("div", { id: "timeline" });
    if (!items.length) return el("p", { class: "muted" }, "Nothing dated for this entity.");
    if (!window.vis || !window.vis.Timeline) {
      // Degraded mode (vendor files absent): the same facts as a dated list.
      return el(
        "div",
        { id: "timeline", class: "timeline-fallback" },
        el("p", { class: "fallback-note" }, "Timeline library not installed (run tools/vendor_ui.sh); showing a list."),
        el(
          "ul",
          { class: "fact-list" },
          ...items.map((r) =>
            el("li", {}, el("span", { class: "tag" }, r.kind), el("span", { class: "muted" }, dateText(r) + " "), link(articleHref(r.article), r.text || r.article)),
          ),
        ),
      );
    }
    const groups = [
      { id: "event", content: "events" },
      { id: "quote", content: "quotes" },
      { id: "mention", content: "mentions" },
    ];
    const names = ent ? [ent.name, ...ent.aliases.map((a) => a.name)] : [];
    const data = items.map((r, i) => {
      const shown = r.kind === "mention" ? aroundName(r.text, names) : r.text || "";
      const content = el("span", { class: "tl-item" }, (r.kind === "event" ? (r.type || "") + ": " : "") + shown);
      content.setAttribute("title", `${r.kind} · ${dateText(r)} · ${r.text || ""}`);
      const uncertain = r.earliest !== r.latest;
      const item = { id: i, group: r.kind, content, start: r.earliest, className: "kind-" + r.kind + (uncertain ? " uncertain" : ""), article: r.article };
      if (uncertain) {
        // Uncertain dates are ranges over their whole interval, never a guessed point.
        const end = new Date(r.latest + "T00:00:00Z");
        end.setUTCDate(end.getUTCDate() + 1);
        item.end = end.toISOString().slice(0, 10);
        item.type = "range";
      } else item.type = "box";
      return item;
    });
    // Appended after the caller mounts it: vis needs the element in the document to measure it.
    const win = denseWindow(items);
    const zoom = el("div", { class: "tl-tools" });
    queueMicrotask(() => {
      // No maxHeight: each row is as tall as its stacked items (a cut row hid quotes).
      const tl = new window.vis.Timeline(box, data, groups, {
        stack: true,
        zoomable: true,
        orientation: "top",
        start: win.start,
        end: win.end,
        margin: { item: { horizontal: 2, vertical: 4 } },
        tooltip: { followMouse: true },
      });
      tl.on("select", (props) => {
        const it = data[props.items[0]];
        if (it) location.hash = articleHref(it.article);
      });
      zoom.append(
        el("button", { type: "button", class: "small", onclick: () => tl.setWindow(win.start, win.end) }, "Dense part"),
        el("button", { type: "button", class: "small", id: "tl-all", onclick: () => tl.setWindow(win.all[0], win.all[1]) }, "All facts"),
      );
      box.dataset.ready = "1";
      box.dataset.start = win.start.toISOString().slice(0, 10);
      box.dataset.end = win.end.toISOString().slice(0, 10);
    });
    const legend = el(
      "p",
      { class: "legend", id: "timeline-legend" },
      el("span", { class: "swatch kind-event" }), "event ",
      el("span", { class: "swatch kind-quote" }), "quote ",
      el("span", { class: "swatch kind-mention" }), "mention (the sentence naming it) ",
      el("span", { class: "swatch uncertain" }), "hatched bar: date known only as an interval",
    );
    return el("div", {}, zoom, box, legend);
  }

  function quoteList(items, withSpeaker) {
    if (!items.length) return el("p", { class: "muted" }, "No quote found.");
    return el(
      "ul",
      { class: "quote-list" },
      ...items.map((r) =>
        el(
          "li",
          { class: "quote-item" },
          el("blockquote", {}, r.text),
          el(
            "div",
            { class: "muted" },
            "— ",
            r.speaker_id ? link(entityHref(r.speaker_id), r.speaker, "speaker") : el("span", { class: "speaker" }, r.speaker || "unknown speaker"),
            r.cue ? ` (${r.cue})` : "",
            ", ",
            dateText(r),
            " · ",
            link(articleHref(r.article, r.id), "in the article", "evidence-link"),
            " ",
            el("span", { class: "tag" }, r.kind),
          ),
        ),
      ),
    );
  }

  function mentionsChart(rows) {
    if (!rows.length) return el("p", { class: "muted" }, "No mentions.");
    if (!window.Chart) {
      return table(["period", "mentions", "uncertain_mentions", "articles"], rows, "mentions-table");
    }
    const canvas = el("canvas", { id: "mentions-chart", "aria-label": "Mentions per month" });
    const box = el("div", { id: "chart-box" }, canvas);
    queueMicrotask(
      () =>
        new window.Chart(canvas, {
          type: "bar",
          data: {
            labels: rows.map((r) => r.period),
            datasets: [
              { label: "mentions", data: rows.map((r) => r.mentions), backgroundColor: "#1d4e89" },
              { label: "in articles dated less precisely", data: rows.map((r) => r.uncertain_mentions), backgroundColor: "#9fb6d6" },
            ],
          },
          options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } },
        }),
    );
    return box;
  }

  function networkView(ent, rows) {
    if (!rows.length) return el("p", { class: "muted" }, "No co-mention.");
    if (!window.vis || !window.vis.Network) {
      return table(["name", "type", "articles"], rows, "comentions-table", (r) => link(entityHref(r.id), r.name));
    }
    const box = el("div", { id: "network" });
    // Labels are drawn on a canvas (never parsed as HTML); tooltips are plain text. Only the most
    // shared names carry a label, so labels do not pile up; every node has its name as a tooltip.
    const LABELS = 12;
    const nodes = [{ id: ent.id, label: ent.name, title: ent.name, color: TYPE_COLOURS.self, font: { size: 16 } }].concat(
      rows.map((r, i) => ({
        id: r.id,
        label: i < LABELS ? r.name : undefined,
        title: `${r.name} (${r.type}): ${plural(r.articles, "shared article")}`,
        value: r.articles,
        color: TYPE_COLOURS[r.type] || TYPE_COLOURS.MISC,
      })),
    );
    const edges = rows.map((r) => ({ from: ent.id, to: r.id, value: r.articles, color: { color: "#c8d0da" } }));
    queueMicrotask(() => {
      const net = new window.vis.Network(box, { nodes, edges }, {
        nodes: { shape: "dot", scaling: { min: 6, max: 28, label: { enabled: false } }, font: { size: 12, strokeWidth: 3, strokeColor: "#fff" } },
        edges: { scaling: { min: 1, max: 5 }, smooth: false },
        physics: { solver: "forceAtlas2Based", forceAtlas2Based: { gravitationalConstant: -80, springLength: 120, avoidOverlap: 0.8 }, stabilization: { iterations: 200 } },
        interaction: { hover: true, tooltipDelay: 100 },
      });
      net.once("stabilizationIterationsDone", () => net.setOptions({ physics: false }));
      net.on("doubleClick", (p) => {
        if (p.nodes.length && p.nodes[0] !== ent.id) location.hash = entityHref(p.nodes[0]);
      });
    });
    const legend = el(
      "p",
      { class: "legend", id: "network-legend" },
      el("span", { class: "dot", style: `background:${TYPE_COLOURS.self}` }), ent.name + " ",
      ...["PER", "ORG", "GPE", "LOC", "MISC"].flatMap((t) => [el("span", { class: "dot", style: `background:${TYPE_COLOURS[t]}` }), TYPE_NAMES[t] + " "]),
      "· size and line width: articles shared with " + ent.name + " · labels on the " + LABELS + " most shared (hover for the others) · double-click a name to open it",
    );
    return el("div", {}, box, legend);
  }
  const TYPE_COLOURS = { self: "#e0a800", PER: "#1d4e89", ORG: "#2d8a4e", GPE: "#c2185b", LOC: "#8e5bb5", MISC: "#7a7f87" };
  const TYPE_NAMES = { PER: "person", ORG: "organisation", GPE: "state", LOC: "place", MISC: "other" };

  function table(cols, rows, id, first) {
    return el(
      "table",
      { id },
      el("thead", {}, el("tr", {}, ...cols.map((c) => el("th", {}, c)))),
      el("tbody", {}, ...rows.map((r) => el("tr", {}, ...cols.map((c, i) => el("td", {}, i === 0 && first ? first(r) : r[c] ?? ""))))),
    );
  }

  // -- article page: the text with every fact highlighted and anchored
  async function articlePage(id, factId) {
    const rec = await api("articles/" + enc(id));
    const art = rec.article;
    document.title = `${art.title || art.id} — dateline`;
    const ents = new Map(rec.entities.map((e) => [e.id, e]));
    const spans = [];
    for (const e of rec.entities) for (const m of e.mentions) spans.push({ start: m.start, end: m.end, cls: "hl-mention", fact: e.id, label: `${e.name} (${e.type})` });
    for (const t of rec.timexes) spans.push({ start: t.start, end: t.end, cls: "hl-timex", fact: t.id, label: `${t.type} ${t.value}` });
    for (const q of rec.quotes) {
      spans.push({ start: q.start, end: q.end, cls: "hl-quote", fact: q.id, label: `quote ${q.id} (${q.kind})` });
      if (q.cue) spans.push({ start: q.cue.start, end: q.cue.end, cls: "hl-cue", fact: null, label: "cue" });
    }
    for (const v of rec.events) spans.push({ start: v.evidence.start, end: v.evidence.end, cls: "hl-event", fact: v.id, label: `event ${v.type}` });
    const text = highlight(art.text, spans);
    const name = (ref) => (ref && ents.get(ref.entity) ? ents.get(ref.entity).name : (ref && (ref.text || ref.code)) || "?");
    const legend = el(
      "p",
      { class: "legend", id: "article-legend" },
      el("span", { class: "hl-mention" }, "entity"), " ",
      el("span", { class: "hl-timex" }, "time expression"), " ",
      el("span", { class: "hl-quote" }, "quote"), " ",
      el("span", { class: "hl-cue" }, "speech verb"), " ",
      el("span", { class: "hl-event" }, "event evidence"), " · hover a highlight for what it is",
    );
    show(
      el("h1", {}, art.title || art.id),
      legend,
      el("p", { class: "muted" }, `${art.dct} · written ${art.published.earliest}${art.published.latest !== art.published.earliest ? " … " + art.published.latest : ""}`, art.source ? ` · ${art.source}` : "", safeUrl(art.url) ? " · " : "", safeUrl(art.url) ? el("a", { href: art.url, rel: "noopener noreferrer nofollow" }, "source") : null),
      el(
        "div",
        { class: "two-cols" },
        text,
        el(
          "aside",
          {},
          el("h2", {}, `Entities (${rec.entities.length})`),
          factList(rec.entities, art.id, (e) => [link(entityHref(e.name), e.name), " ", el("span", { class: "tag" }, e.type)]),
          el("h2", {}, `Time expressions (${rec.timexes.length})`),
          factList(rec.timexes, art.id, (t) => [el("span", {}, t.text), " → ", el("code", {}, t.value)]),
          el("h2", {}, `Quotes (${rec.quotes.length})`),
          factList(rec.quotes, art.id, (q) => [el("span", {}, q.speaker ? (q.speaker.entity && ents.get(q.speaker.entity) ? ents.get(q.speaker.entity).name : q.speaker.text) : "unknown speaker"), ": ", el("q", {}, q.text.length > 90 ? q.text.slice(0, 89) + "…" : q.text)]),
          el("h2", {}, `Events (${rec.events.length})`),
          factList(rec.events, art.id, (v) => [el("span", { class: "tag" }, v.type), name(v.source), " → ", name(v.target), v.date ? ` (${v.date.value})` : ""]),
        ),
      ),
    );
    if (factId) {
      const target = document.getElementById("fact-" + factId);
      if (target) {
        target.scrollIntoView({ block: "center" });
        for (const s of document.querySelectorAll(`[data-fact="${CSS.escape(factId)}"]`)) s.classList.add("flash");
      }
    }
  }

  // Only web links become links: a stored "javascript:" or "data:" URL stays inert text.
  const safeUrl = (u) => (typeof u === "string" && /^https?:\/\//i.test(u) ? u : null);

  function factList(items, aid, render) {
    if (!items.length) return el("p", { class: "muted" }, "None.");
    return el("ul", { class: "fact-list" }, ...items.map((f) => el("li", {}, ...render(f), " ", link(articleHref(aid, f.id), "↪ evidence", "evidence-link"))));
  }

  // Split the text at every span boundary; each piece carries the classes of the spans covering it,
  // and the first piece of each fact carries the anchor id "fact-<id>".
  function highlight(text, spans) {
    const cuts = new Set([0, text.length]);
    for (const s of spans) {
      if (s.start >= 0 && s.end <= text.length && s.start < s.end) {
        cuts.add(s.start);
        cuts.add(s.end);
      }
    }
    const points = [...cuts].sort((a, b) => a - b);
    const box = el("div", { class: "article-text", id: "article-text" });
    const anchored = new Set();
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i];
      const b = points[i + 1];
      const cover = spans.filter((s) => s.start <= a && s.end >= b);
      const piece = text.slice(a, b);
      if (!cover.length) {
        box.append(document.createTextNode(piece));
        continue;
      }
      const span = el("span", { class: [...new Set(cover.map((s) => s.cls))].join(" "), title: cover.map((s) => s.label).join(" · ") }, piece);
      const innermost = cover.filter((s) => s.fact).sort((x, y) => x.end - x.start - (y.end - y.start))[0];
      if (innermost) span.dataset.fact = innermost.fact;
      for (const s of cover) {
        if (s.fact && s.start === a && !anchored.has(s.fact)) {
          anchored.add(s.fact);
          box.append(el("span", { id: "fact-" + s.fact, "data-fact": s.fact }));
        }
      }
      box.append(span);
    }
    return box;
  }

  // -- explorers
  function filterForm(fields, params, base) {
    const form = el("form", { class: "filters" });
    for (const [name, label, type, options] of fields) {
      let input;
      if (options) {
        input = el("select", { name }, ...options.map((o) => el("option", { value: o }, o || "any")));
        input.value = params.get(name) || "";
      } else {
        input = el("input", { name, type: type || "text", value: params.get(name) || "", maxlength: 200 });
      }
      form.append(el("label", {}, label, input));
    }
    form.append(el("button", { type: "submit" }, "Filter"));
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const qs = new URLSearchParams();
      for (const [k, v] of new FormData(form)) if (v) qs.set(k, v);
      location.hash = base + "?" + qs;
    });
    return form;
  }

  function pick(params, keys) {
    const out = {};
    for (const k of keys) if (params.get(k)) out[k] = params.get(k);
    return out;
  }

  // A table whose column headers sort the rows shown (click again to reverse).
  function sortableTable(id, columns, rows) {
    const body = el("tbody", {});
    let order = { col: null, dir: 1 };
    const draw = () => {
      const sorted = order.col === null ? rows : [...rows].sort((a, b) => {
        const x = columns[order.col].key(a);
        const y = columns[order.col].key(b);
        return (x > y ? 1 : x < y ? -1 : 0) * order.dir;
      });
      body.replaceChildren(...sorted.map((r) => el("tr", {}, ...columns.map((c) => el("td", { class: c.cls || null, "data-label": c.title }, ...[].concat(c.cell(r)))))));
    };
    const head = el(
      "tr",
      {},
      ...columns.map((c, i) =>
        el("th", { class: c.cls || null }, el("button", { type: "button", class: "sort", title: "sort by " + c.title, onclick: () => { order = { col: i, dir: order.col === i ? -order.dir : 1 }; draw(); } }, c.title)),
      ),
    );
    draw();
    return el("div", { class: "table-wrap" }, el("table", { id, class: "explorer" }, el("thead", {}, head), body));
  }

  // The count, the downloads of the current filter (CSV, JSON) and the link to the next page.
  function listHeader(res, noun, path, query) {
    const total = res.total ?? res.items.length;
    return el(
      "p",
      { class: "list-head" },
      el("span", { class: "count", id: "total" }, `${plural(total, noun)}${res.next ? `, ${res.items.length} shown per page` : ""}`),
      " · download ",
      el("a", { href: apiUrl(path, { ...query, format: "csv", limit: 500 }), download: `${path}.csv`, class: "download" }, "CSV"),
      " ",
      el("a", { href: apiUrl(path, { ...query, format: "json", limit: 500 }), download: `${path}.json`, class: "download" }, "JSON"),
      " (first 500; the API pages on)",
    );
  }
  const nextLink = (res, base) => (res.next ? link(base + "?" + new URL(res.next, location.origin).searchParams.toString(), "Next page →", "next-page") : null);
  const sourceCell = (r) => [link(articleHref(r.article, r.id), r.title || r.article, "article-link"), el("div", { class: "muted" }, r.article_source || "")];

  async function quotesPage(params) {
    document.title = "Quotes — dateline";
    const form = filterForm(
      [
        ["speaker", "Speaker"],
        ["q", "Words"],
        ["since", "Since", "text"],
        ["until", "Until", "text"],
      ],
      params,
      "#/quotes",
    );
    let body;
    try {
      const query = pick(params, ["speaker", "q", "since", "until"]);
      const res = await api("quotes", { ...query, cursor: params.get("cursor"), limit: 100, total: "true" });
      const cols = [
        { title: "date", cls: "date-col", key: (r) => r.earliest + r.latest, cell: (r) => dateCell(r) },
        { title: "speaker", key: (r) => r.speaker || "", cell: (r) => (r.speaker_id ? link(entityHref(r.speaker_id), r.speaker, "speaker") : el("span", { class: "speaker" }, r.speaker || "unknown")) },
        { title: "quote", cls: "text-col", key: (r) => r.text, cell: (r) => [el("blockquote", {}, r.text), el("span", { class: "tag" }, r.kind), r.cue ? el("span", { class: "muted" }, r.cue) : ""] },
        { title: "article", cls: "src-col", key: (r) => (r.title || "") + r.article, cell: sourceCell },
      ];
      body = el("div", { class: "quote-explorer" }, listHeader(res, "quote", "quotes", query), sortableTable("quotes-table", cols, res.items), nextLink(res, "#/quotes"));
    } catch (err) {
      body = err.candidates ? choiceList(err.candidates, err.message) : errorBox(err);
    }
    show(el("h1", {}, "Quotes"), form, body);
  }

  async function eventsPage(params) {
    document.title = "Events — dateline";
    // The PLOVER types of the analysis contract (analysis.v1.schema.json).
    const types = ["", "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
    const form = filterForm(
      [
        ["actor", "Actor"],
        ["other", "With"],
        ["type", "Type", null, types],
        ["since", "Since"],
        ["until", "Until"],
        ["min_confidence", "Min. confidence"],
      ],
      params,
      "#/events",
    );
    let body;
    try {
      const query = pick(params, ["actor", "other", "type", "since", "until", "min_confidence"]);
      const res = await api("events", { ...query, cursor: params.get("cursor"), limit: 100, total: "true" });
      // An actor with its code ("Vladimir Poutine [RUSGOV]"); a blank is said to be unknown, never left empty.
      const actorCell = (id, nm, code, missing) =>
        !nm && !code ? el("span", { class: "muted" }, missing) : [id ? link(entityHref(id), nm || code) : nm || code, code ? ` [${code}]` : " [no code]"];
      const cols = [
        { title: "date", cls: "date-col", key: (r) => r.earliest + r.latest, cell: (r) => dateCell(r) },
        { title: "type", key: (r) => r.type, cell: (r) => [el("span", { class: "tag" }, r.type), r.negated ? " (negated)" : "", r.modality && r.modality !== "asserted" ? ` (${r.modality})` : ""] },
        { title: "source", key: (r) => r.source || r.source_code || "", cell: (r) => actorCell(r.source_id, r.source, r.source_code, "unknown source") },
        { title: "target", key: (r) => r.target || r.target_code || "", cell: (r) => ["→ ", ...[].concat(actorCell(r.target_id, r.target, r.target_code, "no target given"))] },
        { title: "confidence", key: (r) => r.confidence ?? 0, cell: (r) => (r.confidence == null ? "" : Number(r.confidence).toFixed(2)) },
        { title: "evidence", cls: "text-col", key: (r) => r.evidence || "", cell: (r) => [r.evidence || "", " ", link(articleHref(r.article, r.id), "↪", "evidence-link")] },
        { title: "article", cls: "src-col", key: (r) => (r.title || "") + r.article, cell: sourceCell },
      ];
      body = el("div", {}, listHeader(res, "event", "events", query), sortableTable("events-table", cols, res.items), nextLink(res, "#/events"));
    } catch (err) {
      body = err.candidates ? choiceList(err.candidates, err.message) : errorBox(err);
    }
    show(el("h1", {}, "Events"), form, body);
  }
})();
