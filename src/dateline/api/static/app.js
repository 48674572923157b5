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
      throw new Error((e.reason || res.statusText) + (e.hint ? " — " + e.hint : ""));
    }
    return body;
  }

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
      else if (parts[0] === "search") await searchPage(params.get("q") || "");
      else if (parts[0] === "quotes") await quotesPage(params);
      else if (parts[0] === "events") await eventsPage(params);
      else if (parts[0] === "articles") await articlesPage(params);
      else await homePage();
    } catch (err) {
      show(errorBox(err));
    }
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
    show(
      el("h1", {}, "dateline"),
      el("p", { class: "muted" }, `${stats.articles} articles in the store. Search a name above, or browse:`),
      el("h2", {}, "Most mentioned"),
      entityCards(top.items),
    );
  }

  async function searchPage(q) {
    document.title = `${q} — dateline`;
    document.getElementById("search-input").value = q;
    const [ents, arts] = await Promise.all([api("entities", { q, limit: 24 }), api("search", { q, limit: 20 })]);
    show(
      el("h1", {}, "Search: ", el("q", {}, q)),
      el("h2", {}, "Entities"),
      entityCards(ents.items),
      el("h2", {}, "Articles"),
      articleList(arts.items, (a) => a.snippet),
    );
  }

  function articleList(items, extra) {
    if (!items.length) return el("p", { class: "muted" }, "No article found.");
    return el(
      "ul",
      { class: "fact-list" },
      ...items.map((a) =>
        el(
          "li",
          {},
          link(articleHref(a.id), a.title || a.id, "article-link"),
          " ",
          el("span", { class: "muted" }, a.dct || ""),
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
    show(
      el("h1", { id: "entity-name" }, ent.name, " ", el("span", { class: "tag" }, ent.type), ent.country ? el("span", { class: "tag" }, ent.country) : null),
      el("p", { class: "muted" }, `${plural(ent.mentions, "mention")} in ${plural(ent.articles, "article")}. Names: ${aliases}`),
      ent.roles.length ? el("p", {}, "Roles: ", ent.roles.join("; ")) : null,
      el("h2", {}, "Timeline"),
      timelineView(tl.items),
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

  function timelineView(items) {
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
    const data = items.map((r, i) => {
      const content = el("span", { class: "tl-item" }, (r.kind === "event" ? (r.type || "") + ": " : "") + (r.text || ""));
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
    queueMicrotask(() => {
      const tl = new window.vis.Timeline(box, data, groups, {
        stack: true,
        maxHeight: 420,
        zoomable: true,
        orientation: "top",
        tooltip: { followMouse: true },
      });
      tl.on("select", (props) => {
        const it = data[props.items[0]];
        if (it) location.hash = articleHref(it.article);
      });
      box.dataset.ready = "1";
    });
    return box;
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
    // Labels are drawn on a canvas (never parsed as HTML); no HTML tooltips are given.
    const nodes = [{ id: ent.id, label: ent.name, color: "#e0a800", font: { size: 18 } }].concat(
      rows.map((r) => ({ id: r.id, label: r.name, value: r.articles, group: r.type })),
    );
    const edges = rows.map((r) => ({ from: ent.id, to: r.id, value: r.articles }));
    queueMicrotask(() => {
      const net = new window.vis.Network(box, { nodes, edges }, { nodes: { shape: "dot", scaling: { min: 8, max: 30 } }, physics: { stabilization: { iterations: 150 } } });
      net.on("doubleClick", (p) => {
        if (p.nodes.length && p.nodes[0] !== ent.id) location.hash = entityHref(p.nodes[0]);
      });
    });
    return el("div", {}, box, el("p", { class: "muted" }, "Double-click a name to open it."));
  }

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
    show(
      el("h1", {}, art.title || art.id),
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
      const res = await api("quotes", { ...pick(params, ["speaker", "q", "since", "until", "cursor"]), limit: 100 });
      body = el("div", {}, el("p", { class: "muted" }, `${res.items.length}${res.next ? "+" : ""} quotes`), quoteList(res.items, true), res.next ? link("#/quotes?" + new URL(res.next, location.origin).searchParams.toString(), "Next page →") : null);
    } catch (err) {
      body = errorBox(err);
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
      const res = await api("events", { ...pick(params, ["actor", "other", "type", "since", "until", "min_confidence", "cursor"]), limit: 100 });
      const cols = ["date", "type", "source", "target", "confidence", "evidence"];
      // An actor with its code ("Vladimir Poutine [RUSGOV]"); a blank is said to be unknown, never left empty.
      const actorCell = (id, nm, code, missing) =>
        !nm && !code ? el("span", { class: "muted" }, missing) : [id ? link(entityHref(id), nm || code) : nm || code, code ? ` [${code}]` : " [no code]"];
      const rows = res.items.map((r) => ({ ...r, date: dateText(r) }));
      body = el(
        "div",
        {},
        el("p", { class: "muted" }, `${res.items.length}${res.next ? "+" : ""} events`),
        el(
          "table",
          { id: "events-table" },
          el("thead", {}, el("tr", {}, ...cols.map((c) => el("th", {}, c)))),
          el(
            "tbody",
            {},
            ...rows.map((r) =>
              el(
                "tr",
                {},
                el("td", {}, r.date),
                el("td", {}, el("span", { class: "tag" }, r.type), r.negated ? " (negated)" : "", r.modality && r.modality !== "asserted" ? ` (${r.modality})` : ""),
                el("td", {}, ...[].concat(actorCell(r.source_id, r.source, r.source_code, "unknown source"))),
                el("td", {}, "→ ", ...[].concat(actorCell(r.target_id, r.target, r.target_code, "no target given"))),
                el("td", {}, r.confidence == null ? "" : Number(r.confidence).toFixed(2)),
                el("td", {}, r.evidence || "", " ", link(articleHref(r.article, r.id), "↪", "evidence-link")),
              ),
            ),
          ),
        ),
        res.next ? link("#/events?" + new URL(res.next, location.origin).searchParams.toString(), "Next page →") : null,
      );
    } catch (err) {
      body = errorBox(err);
    }
    show(el("h1", {}, "Events"), form, body);
  }
})();
