"""Read queries over the store, all on canonical (cross-document) entities and filterable alike.

Every query takes the same filters: a date range (``since``/``until``, ISO days) applied to each fact's
resolved date interval, ``uncertain`` saying what to do with an interval that straddles the range
(``overlap``: keep it, the default; ``within``: keep only intervals entirely inside), a language and a
source. Results are :class:`~dateline.store.results.Rows`.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Literal, TypedDict, Unpack

from dateline.errors import DatelineError
from dateline.store.dialect import Connection, Cursor, Dialect
from dateline.store.lookup import Lookup, lookup
from dateline.store.results import Rows

__all__ = ["FilterArgs", "Filters", "Period", "Queries", "Uncertain", "bucket", "period_bounds"]

Uncertain = Literal["overlap", "within"]
Period = Literal["day", "week", "month", "year"]


class _Filter:
    """SQL conditions for the common filters, on a fact's interval columns and its article's columns."""

    def __init__(
        self,
        lo: str,
        hi: str,
        *,
        since: str | None = None,
        until: str | None = None,
        lang: str | None = None,
        source: str | None = None,
        uncertain: Uncertain = "overlap",
        article: str = "a",
    ) -> None:
        if since and until and since > until:
            raise DatelineError("bad-range", f"since {since} is after until {until}", hint="swap them")
        if uncertain not in ("overlap", "within"):
            raise DatelineError("bad-option", f"uncertain must be 'overlap' or 'within', not {uncertain!r}")
        self.conds: list[str] = []
        self.args: list[Any] = []
        if since:
            self.conds.append(f"{hi if uncertain == 'overlap' else lo} >= ?")
            self.args.append(since)
        if until:
            self.conds.append(f"{lo if uncertain == 'overlap' else hi} <= ?")
            self.args.append(until)
        if lang:
            self.conds.append(f"{article}.lang = ?")
            self.args.append(lang)
        if source:
            self.conds.append(f"{article}.source = ?")
            self.args.append(source)

    def add(self, cond: str, *args: Any) -> _Filter:
        self.conds.append(cond)
        self.args.extend(args)
        return self

    @property
    def where(self) -> str:
        return ("WHERE " + " AND ".join(self.conds)) if self.conds else ""


class FilterArgs(TypedDict, total=False):
    """The filters every query takes as keyword arguments (``store.quotes(since="2017-03")``)."""

    since: str | None
    until: str | None
    lang: str | None
    source: str | None
    uncertain: Uncertain


@dataclass(frozen=True)
class Filters:
    """The common filters as one value, to pass around (``store.quotes(filters=f)``) or reuse."""

    since: str | None = None
    until: str | None = None
    lang: str | None = None
    source: str | None = None
    uncertain: Uncertain = "overlap"

    def on(self, lo: str, hi: str, *, article: str = "a") -> _Filter:
        """The SQL conditions of these filters on a fact's interval columns ``lo``/``hi``."""
        return _Filter(
            lo,
            hi,
            since=self.since,
            until=self.until,
            lang=self.lang,
            source=self.source,
            uncertain=self.uncertain,
            article=article,
        )

    def kw(self) -> FilterArgs:
        """These filters as keyword arguments."""
        return FilterArgs(
            since=self.since, until=self.until, lang=self.lang, source=self.source, uncertain=self.uncertain
        )


class EventArgs(FilterArgs, total=False):
    """The arguments that select events (:meth:`Queries.events`), shared by :meth:`Queries.event_groups`."""

    actor: str | None
    other: str | None
    type: str | None
    min_confidence: float | None
    filters: Filters | None


def filters_of(filters: Filters | None, kw: FilterArgs) -> Filters:
    """``filters`` (default none) with the keyword filters given beside it applied over it."""
    unknown = set(kw) - set(FilterArgs.__annotations__)
    if unknown:
        raise TypeError(f"unexpected keyword argument(s): {', '.join(sorted(unknown))}")
    if filters is None:
        return Filters(**kw)
    return dataclasses.replace(filters, **kw) if kw else filters


# The publication window of the article, the interval of facts that are the article itself.
_PUBLISHED = ("a.published_earliest", "a.published_latest")


def _limit(sql: str, args: list[Any], limit: int | None) -> str:
    if limit is not None:
        args.append(limit)
        return sql + " LIMIT ?"
    return sql


def bucket(day: str, by: Period) -> tuple[str, str, str]:
    """The period containing an ISO day, as (label, first day, last day)."""
    d = date.fromisoformat(day)
    if by == "day":
        return day, day, day
    if by == "week":
        start = d - timedelta(days=d.weekday())
        iso = start.isocalendar()
        return f"{iso.year}-W{iso.week:02d}", start.isoformat(), (start + timedelta(days=6)).isoformat()
    if by == "month":
        first = d.replace(day=1)
        nxt = (first + timedelta(days=32)).replace(day=1)
        return day[:7], first.isoformat(), (nxt - timedelta(days=1)).isoformat()
    if by == "year":
        return day[:4], f"{day[:4]}-01-01", f"{day[:4]}-12-31"
    raise DatelineError("bad-option", f"period must be day, week, month or year, not {by!r}")


def period_bounds(label: str) -> tuple[str, str]:
    """The first and last day of a period as :func:`bucket` labels it ("2017", "2017-01", "2017-W01",
    "2017-01-28"), so that a period read off a count can be asked for again as a date range."""
    try:
        if "-W" in label:
            year, week = label.split("-W")
            first = date.fromisocalendar(int(year), int(week), 1)
            return first.isoformat(), (first + timedelta(days=6)).isoformat()
        parts = label.split("-")
        if len(parts) == 1 and len(label) == 4:
            return f"{label}-01-01", f"{label}-12-31"
        if len(parts) == 2:
            return bucket(f"{label}-01", "month")[1:]
        return bucket(date.fromisoformat(label).isoformat(), "day")[1:]
    except ValueError:
        raise DatelineError(
            "bad-date",
            f"{label!r} is not a period",
            hint="write a year (2017), a month (2017-01), an ISO week (2017-W01; weeks run 01-52 or 53) or a day",
        ) from None


def _window_label(lo: str, hi: str) -> tuple[str, str, str]:
    """The label and bounds of the narrowest calendar period that holds a date window: its month, else
    its year, else the window itself ("2016-12-30..2017-01-02")."""
    if lo[:7] == hi[:7]:
        return bucket(lo, "month")
    if lo[:4] == hi[:4]:
        return bucket(lo, "year")
    return f"{lo}..{hi}", lo, hi


# A count per period asks the period of the same few hundred days again and again.
_bucket = lru_cache(maxsize=8192)(bucket)


class Queries:
    """Query methods of a store; mixed into :class:`~dateline.store.base.Store`. The SQL is shared by
    both backends; what differs comes from ``dialect``."""

    conn: Connection
    dialect: Dialect
    _cluster_cache: dict[str, Lookup] | None = None
    _cluster_cache_version: int | None = None

    # -- entities --------------------------------------------------------------------------------------
    def lookup(self, name: str) -> Lookup:
        """What a name typed by a user designates: the entity, or the candidates when several fit (see
        :func:`dateline.store.lookup.lookup`).

        Cached per store: a UI asks for the same few names again and again. The dialect's data version
        changes whenever another connection commits, which empties the cache.
        """
        version = self.conn.execute(self.dialect.data_version).fetchone()[0]
        cache = self._cluster_cache
        if cache is None or self._cluster_cache_version != version:
            cache = {}
            self._cluster_cache = cache
            self._cluster_cache_version = version
        if name not in cache:
            if len(cache) > 4096:
                cache.clear()
            cache[name] = lookup(self.conn, name)
        return cache[name]

    def clusters_for(self, name: str) -> list[str]:
        """Cluster ids a name designates (empty when it designates none, or several equally well)."""
        return list(self.lookup(name).clusters)

    def _cluster(self, name: str) -> list[str]:
        """The clusters of a name, or ``unknown-entity`` / ``ambiguous-entity`` (with the candidates)."""
        found = self.lookup(name)
        if not found.clusters:
            raise found.error()
        return list(found.clusters)

    def _cluster_or_none(self, name: str) -> list[str]:
        """The clusters of a name as a filter: none when it designates nothing (the filter then keeps
        nothing), ``ambiguous-entity`` when several entities fit (a silent empty list would mislead)."""
        found = self.lookup(name)
        if found.ambiguous:
            raise found.error()
        return list(found.clusters)

    def _plain(self, sql: str, args: Sequence[Any]) -> Cursor:
        """The rows of a query as plain tuples (cheaper than rows addressable by name)."""
        raise NotImplementedError

    def _dicts(self, sql: str, args: Sequence[Any]) -> list[dict[str, Any]]:
        """Rows as dicts. Built from plain tuples and the column names once: ``dict(sqlite3.Row)`` looks
        each name up in turn, which on a thousand-row timeline cost more than the query itself."""
        cur = self._plain(sql, args)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur]

    def entities(
        self,
        *,
        type: str | None = None,
        top: int | None = 20,
        filters: Filters | None = None,
        **kw: Unpack[FilterArgs],
    ) -> Rows:
        """Canonical entities, most mentioned first, with their article and mention counts."""
        f = filters_of(filters, kw).on(*_PUBLISHED)
        if type:
            f.add("c.type = ?", type)
        sql = f"""SELECT c.id, c.name, c.type, c.country, count(DISTINCT e.article_rowid) AS articles,
                         sum(e.n_mentions) AS mentions, c.n_forms AS forms
                  FROM entities e JOIN forms fo ON fo.key = e.form_key JOIN clusters c ON c.id = fo.cluster
                  JOIN articles a ON a.rowid = e.article_rowid
                  {f.where} GROUP BY c.id ORDER BY mentions DESC, articles DESC, c.id"""
        args = list(f.args)
        return Rows(
            self._dicts(_limit(sql, args, top), args),
            ["id", "name", "type", "country", "articles", "mentions", "forms"],
        )

    def entity(self, name: str) -> dict[str, Any]:
        """One canonical entity: its names (aliases with counts), roles, type, country and counts."""
        cid = self._cluster(name)[0]
        c = self.conn.execute("SELECT * FROM clusters WHERE id = ?", (cid,)).fetchone()
        aliases = [
            {"name": r[0], "mentions": r[1]}
            for r in self.conn.execute(
                """SELECT n.name, sum(n.n) AS m FROM form_names n JOIN forms f ON f.key = n.key
                   WHERE f.cluster = ? GROUP BY n.name ORDER BY m DESC, n.name""",
                (cid,),
            )
        ]
        roles: dict[str, int] = {}
        # Articles are counted once each: an article that names the entity by two forms ("Sergueï
        # Lavrov" and "Lavrov" grouped apart in it) has two entity rows, one article (as entities()).
        articles: set[int] = set()
        n_ment = 0
        for r in self.conn.execute(
            """SELECT e.roles, e.n_mentions, e.article_rowid FROM entities e JOIN forms f ON f.key = e.form_key
               WHERE f.cluster = ?""",
            (cid,),
        ):
            articles.add(r[2])
            n_ment += r[1]
            for role in json.loads(r[0]):
                roles[role] = roles.get(role, 0) + 1
        return {
            "id": cid,
            "name": c["name"],
            "type": c["type"],
            "country": c["country"],
            "aliases": aliases,
            "roles": sorted(roles, key=lambda k: (-roles[k], k)),
            "articles": len(articles),
            "mentions": n_ment,
        }

    # -- facts -----------------------------------------------------------------------------------------
    def timeline(
        self,
        name: str,
        *,
        limit: int | None = None,
        filters: Filters | None = None,
        **kw: Unpack[FilterArgs],
    ) -> Rows:
        """What the store knows about an entity in date order: events it takes part in, its quotes, and
        the articles that mention it, each with its date (value and interval) and its evidence."""
        clusters = self._cluster(name)
        marks = ",".join("?" * len(clusters))
        flt = filters_of(filters, kw)
        fm = flt.on(*_PUBLISHED)
        mentions = f"""
            SELECT 'mention' AS kind, a.id AS article, a.title, a.dct, a.dct_granularity AS granularity,
                   a.dct AS value, a.published_earliest AS earliest, a.published_latest AS latest,
                   e.n_mentions AS count, NULL AS type, NULL AS source, NULL AS target,
                   (SELECT m.start FROM mentions m WHERE m.article_rowid = e.article_rowid
                      AND m.entity_local_id = e.local_id ORDER BY m.start LIMIT 1) AS start,
                   NULL AS "end", a.rowid AS article_rowid, 2 AS kind_order
            FROM entities e JOIN forms f ON f.key = e.form_key JOIN articles a ON a.rowid = e.article_rowid
            {fm.add(f"f.cluster IN ({marks})", *clusters).where}"""
        lo, hi = "coalesce(q.earliest, a.published_earliest)", "coalesce(q.latest, a.published_latest)"
        fq = flt.on(lo, hi)
        quotes = f"""
            SELECT 'quote', a.id, a.title, a.dct, a.dct_granularity, coalesce(q.date_value, a.dct), {lo}, {hi},
                   1, q.kind, NULL, NULL, q.start, q."end", a.rowid, 1
            FROM forms f CROSS JOIN entities e CROSS JOIN quotes q CROSS JOIN articles a
            {fq.add(f"f.cluster IN ({marks})", *clusters).add(_QUOTE_OF).where}"""
        lo, hi = "coalesce(v.earliest, a.published_earliest)", "coalesce(v.latest, a.published_latest)"
        fv = flt.on(lo, hi)
        events = f"""
            SELECT 'event', a.id, a.title, a.dct, a.dct_granularity, coalesce(v.date_value, a.dct), {lo}, {hi},
                   1, v.type, v.source_code, v.target_code, v.evidence_start, v.evidence_end, a.rowid, 0
            FROM forms f CROSS JOIN entities e CROSS JOIN events v CROSS JOIN articles a
            {fv.add(f"f.cluster IN ({marks})", *clusters).add(_EVENT_OF).where}"""
        sql = f"""{mentions} UNION ALL {quotes} UNION ALL {events}
                  ORDER BY earliest, latest, article, kind_order, start"""
        args = fm.args + fq.args + fv.args
        rows = Rows(
            columns=[
                "kind",
                "value",
                "earliest",
                "latest",
                "article",
                "title",
                "dct",
                "granularity",
                "count",
                "type",
                "source",
                "target",
                "text",
            ]
        )
        # Tuples: the rows are rebuilt below, without the sorting columns.
        found = self._plain(_limit(sql, args, limit), args).fetchall()
        texts = self._texts({r[14] for r in found})
        for kind, article, title, dct, gran, value, earliest, latest, count, typ, src, tgt, start, end, rid, _ in found:
            text = texts[rid]
            if kind == "mention":
                snippet = sentence_around(text, start or 0, start or 0)
            else:
                snippet = " ".join(text[start:end].split())
            rows.append(
                {
                    "kind": kind,
                    "article": article,
                    "title": title,
                    "dct": dct,
                    "granularity": gran,
                    "value": value,
                    "earliest": earliest,
                    "latest": latest,
                    "count": count,
                    "type": typ,
                    "source": src,
                    "target": tgt,
                    "text": snippet,
                }
            )
        return rows

    def _texts(self, rowids: set[int]) -> dict[int, str]:
        """Article texts by rowid, fetched in a few queries rather than one per row."""
        out: dict[int, str] = {}
        ids = sorted(rowids)
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            out.update(
                self.conn.execute(f"SELECT rowid, text FROM articles WHERE rowid IN ({marks})", chunk).fetchall()
            )
        return out

    def quotes(
        self,
        *,
        speaker: str | None = None,
        search: str | None = None,
        limit: int | None = None,
        filters: Filters | None = None,
        **kw: Unpack[FilterArgs],
    ) -> Rows:
        """Quotes in date order, by speaker (any of its names), date range and words in the quote."""
        lo, hi = "coalesce(q.earliest, a.published_earliest)", "coalesce(q.latest, a.published_latest)"
        f = filters_of(filters, kw).on(lo, hi)
        # Without a speaker: every quote, its speaker's entity joined when it has one. With one: start
        # from the speaker's names (CROSS JOIN fixes that order), which the indexes make a few lookups
        # instead of a scan of every quote.
        source_sql = """quotes q JOIN articles a ON a.rowid = q.article_rowid
                  LEFT JOIN entities se ON se.article_rowid = q.article_rowid AND se.local_id = q.speaker_entity
                  LEFT JOIN forms sf ON sf.key = se.form_key"""
        speaker_name = "coalesce(c.name, se.name, q.speaker_text)"
        if speaker:
            clusters = self._cluster_or_none(speaker)
            if not clusters:
                return Rows(columns=_QUOTE_COLS)
            # Quotes before articles: most articles naming the speaker quote it nowhere. And the speaker's
            # cluster always has a name, so the entity row itself is not read (its index covers the join).
            source_sql = "forms sf CROSS JOIN entities se CROSS JOIN quotes q CROSS JOIN articles a"
            f.add("a.rowid = q.article_rowid")
            speaker_name = "coalesce(c.name, q.speaker_text)"
            f.add("se.form_key = sf.key AND q.article_rowid = se.article_rowid AND q.speaker_entity = se.local_id")
            f.add(f"sf.cluster IN ({','.join('?' * len(clusters))})", *clusters)
        if search:
            for word in search.split():
                f.add(f"q.text {self.dialect.like} ? ESCAPE '\\'", "%" + _escape_like(word) + "%")
        sql = f"""SELECT a.id AS article, a.dct, q.local_id AS id, q.kind, q.text, q.cue_text AS cue,
                         q.speaker_text, {speaker_name} AS speaker, c.id AS speaker_id,
                         coalesce(q.date_value, a.dct) AS value, {lo} AS earliest, {hi} AS latest,
                         q.start, q."end"
                  FROM {source_sql}
                  LEFT JOIN clusters c ON c.id = sf.cluster
                  {f.where} ORDER BY earliest, latest, a.id, q.start, q.local_id"""
        args = list(f.args)
        return Rows(self._dicts(_limit(sql, args, limit), args), _QUOTE_COLS)

    def events(
        self,
        *,
        actor: str | None = None,
        other: str | None = None,
        type: str | None = None,
        min_confidence: float | None = None,
        limit: int | None = None,
        filters: Filters | None = None,
        **kw: Unpack[FilterArgs],
    ) -> Rows:
        """Events in date order: by actor (source or target), between two actors (``actor`` and
        ``other``, either direction), by PLOVER type and date range, and at least ``min_confidence``
        (an event stored without a confidence counts as sure)."""
        lo, hi = "coalesce(v.earliest, a.published_earliest)", "coalesce(v.latest, a.published_latest)"
        f = filters_of(filters, kw).on(lo, hi)
        if type:
            f.add("v.type = ?", type.upper())
        if min_confidence:
            f.add("coalesce(v.confidence, 1.0) >= ?", float(min_confidence))
        found = [self._cluster_or_none(who) for who in (actor, other) if who]
        if any(not c for c in found):
            return Rows(columns=_EVENT_COLS)
        source_sql = "events v JOIN articles a ON a.rowid = v.article_rowid"
        pre: list[Any] = []
        if found:
            # With an actor, start from its names (CROSS JOIN fixes the order) rather than scan every
            # event, and keep each event once (an actor named twice in one article must not double it)
            # by its key — a DISTINCT over the finished rows sorted their evidence texts too.
            source_sql = f"""(SELECT DISTINCT v2.article_rowid AS r, v2.local_id AS l
                               FROM forms af CROSS JOIN entities ae CROSS JOIN events v2
                               WHERE af.cluster IN ({",".join("?" * len(found[0]))}) AND ae.form_key = af.key
                                 AND v2.article_rowid = ae.article_rowid
                                 AND (v2.source_entity = ae.local_id OR v2.target_entity = ae.local_id)) hit
                             {self.dialect.ordered_join} events v ON v.article_rowid = hit.r AND v.local_id = hit.l
                             JOIN articles a ON a.rowid = v.article_rowid"""
            pre = list(found[0])
        if len(found) == 2:
            a_c, o_c = found
            ma, mo = ",".join("?" * len(a_c)), ",".join("?" * len(o_c))
            f.add(
                f"((sc.id IN ({ma}) AND tc.id IN ({mo})) OR (sc.id IN ({mo}) AND tc.id IN ({ma})))",
                *a_c,
                *o_c,
                *o_c,
                *a_c,
            )
        sql = f"""SELECT a.id AS article, a.dct, v.local_id AS id, v.type, v.mode, v.cameo,
                         coalesce(sc.name, se.name) AS source, v.source_code, sc.id AS source_id,
                         coalesce(tc.name, te.name) AS target, v.target_code, tc.id AS target_id,
                         coalesce(v.date_value, a.dct) AS value, {lo} AS earliest, {hi} AS latest,
                         v.negated, v.modality, v.confidence, v.symmetric, a.source AS article_source,
                         substr(a.text, v.evidence_start + 1, v.evidence_end - v.evidence_start) AS evidence
                  FROM {source_sql}
                  LEFT JOIN entities se ON se.article_rowid = v.article_rowid AND se.local_id = v.source_entity
                  LEFT JOIN forms sf ON sf.key = se.form_key LEFT JOIN clusters sc ON sc.id = sf.cluster
                  LEFT JOIN entities te ON te.article_rowid = v.article_rowid AND te.local_id = v.target_entity
                  LEFT JOIN forms tf ON tf.key = te.form_key LEFT JOIN clusters tc ON tc.id = tf.cluster
                  {f.where} ORDER BY earliest, latest, a.id, v.evidence_start, v.local_id"""
        args = pre + f.args
        return Rows(self._dicts(_limit(sql, args, limit), args), _EVENT_COLS)

    def event_groups(self, *, limit: int | None = None, **kw: Unpack[EventArgs]) -> Rows:
        """The same event told by several articles, counted once: events of the same PLOVER type, the
        same source and target (canonical entities, else actor codes) and the same polarity, whose date
        intervals overlap, form one group — with how many times it was told (``mentions``), in how many
        articles and by how many distinct sources (GDELT's NumMentions/NumArticles/NumSources). The
        group's interval is where its members' intervals all meet when they do, else their span. Takes
        the arguments of :meth:`events`."""
        rows = self.events(**kw)

        def key(r: dict[str, Any]) -> tuple[str, str, str, int]:
            src = r["source_id"] or r["source_code"] or ""
            tgt = r["target_id"] or r["target_code"] or ""
            if r["symmetric"]:  # "X et Y se sont entretenus" = "Y et X se sont entretenus"
                src, tgt = sorted((src, tgt))
            return (r["type"], src, tgt, int(r["negated"]))

        groups: list[dict[str, Any]] = []
        current: dict[str, Any] | None = None
        for r in sorted(rows, key=lambda r: (key(r), r["earliest"], r["latest"], r["article"], r["id"])):
            if current is not None and current["_key"] == key(r) and r["earliest"] <= current["_hi"]:
                current["_members"].append(r)
                current["_hi"] = max(current["_hi"], r["latest"])
                continue
            current = {"_key": key(r), "_hi": r["latest"], "_members": [r]}
            groups.append(current)
        out = []
        for g in groups:
            members = g["_members"]
            first = members[0]
            lo = max(m["earliest"] for m in members)
            hi = min(m["latest"] for m in members)
            if lo > hi:  # the reports do not agree on one interval: keep their span, honestly wider
                lo, hi = min(m["earliest"] for m in members), max(m["latest"] for m in members)
            values = [m["value"] for m in members]
            out.append(
                {
                    "type": first["type"],
                    "source": first["source"],
                    "source_code": first["source_code"],
                    "target": first["target"],
                    "target_code": first["target_code"],
                    "negated": first["negated"],
                    "value": max(set(values), key=lambda v: (values.count(v), len(v), v)),
                    "earliest": lo,
                    "latest": hi,
                    "mentions": len(members),
                    "articles": len({m["article"] for m in members}),
                    "sources": len({m["article_source"] or m["article"] for m in members}),
                    "first_article": first["article"],
                    "evidence": first["evidence"],
                }
            )
        out.sort(key=lambda r: (r["earliest"], r["latest"], r["type"], r["first_article"]))
        cols = [
            "type",
            "source",
            "source_code",
            "target",
            "target_code",
            "negated",
            "value",
            "earliest",
            "latest",
            "mentions",
            "articles",
            "sources",
            "first_article",
            "evidence",
        ]
        return Rows(out[:limit] if limit is not None else out, cols)

    def comentions(
        self,
        name: str,
        *,
        by: Period | None = None,
        top: int | None = 20,
        filters: Filters | None = None,
        **kw: Unpack[FilterArgs],
    ) -> Rows:
        """Who appears in the same articles as an entity, with the number of shared articles; with
        ``by``, per period (an article counts in the period of its earliest possible date)."""
        clusters = self._cluster(name)
        m = ",".join("?" * len(clusters))
        f = filters_of(filters, kw).on(*_PUBLISHED)
        f.add(
            f"""e.article_rowid IN (SELECT e2.article_rowid FROM entities e2 JOIN forms f2 ON f2.key = e2.form_key
                                      WHERE f2.cluster IN ({m}))""",
            *clusters,
        )
        f.add(f"fo.cluster NOT IN ({m})", *clusters)
        base = """FROM entities e JOIN forms fo ON fo.key = e.form_key JOIN clusters c ON c.id = fo.cluster
                  JOIN articles a ON a.rowid = e.article_rowid"""
        if not by:
            # Counted, ordered and cut in SQL: pulling every (entity, article) pair into Python was most
            # of the time for an entity in thousands of articles.
            sql = f"""SELECT c.id, c.name, c.type, count(DISTINCT e.article_rowid) AS articles {base} {f.where}
                      GROUP BY c.id ORDER BY articles DESC, c.id"""
            args = list(f.args)
            return Rows(self._dicts(_limit(sql, args, top), args), ["id", "name", "type", "articles"])
        # Per period: counted per publication day in SQL (an article has one earliest day, so the counts
        # of the days of a period add up to its distinct articles), then summed per period.
        sql = f"""SELECT c.id, c.name, c.type, a.published_earliest, count(DISTINCT e.article_rowid)
                  {base} {f.where} GROUP BY c.id, a.published_earliest"""
        counts: dict[tuple[str, str, str, str], int] = {}
        for cid, cname, ctype, earliest, n in self._plain(sql, f.args):
            key = (_bucket(earliest, by)[0], cid, cname, ctype)
            counts[key] = counts.get(key, 0) + n
        rows: list[dict[str, Any]] = [
            {"period": p, "id": cid, "name": n, "type": t, "articles": k} for (p, cid, n, t), k in counts.items()
        ]
        rows.sort(key=lambda r: (r["period"], -r["articles"], r["id"]))
        if top is not None:
            kept: list[dict[str, Any]] = []
            per: dict[str, int] = {}
            for r in rows:
                if per.get(r["period"], 0) < top:
                    kept.append(r)
                    per[r["period"]] = per.get(r["period"], 0) + 1
            rows = kept
        return Rows(rows, ["period", "id", "name", "type", "articles"])

    def mentions_over_time(
        self,
        name: str,
        *,
        by: Period = "month",
        filters: Filters | None = None,
        **kw: Unpack[FilterArgs],
    ) -> Rows:
        """Mentions of an entity per period, for plots. An article whose publication window fits in one
        period counts there; one whose window is wider (a month-dated article in a per-day count) is
        counted apart, as ``uncertain_mentions`` in a row of its own whose period is its window's (the
        month "2017-04", from its first to its last day), never in one of the window's days or weeks:
        never spread, guessed or put at the 1st."""
        clusters = self._cluster(name)
        m = ",".join("?" * len(clusters))
        f = filters_of(filters, kw).on(*_PUBLISHED)
        f.add(f"fo.cluster IN ({m})", *clusters)
        sql = f"""SELECT a.published_earliest AS lo, a.published_latest AS hi, sum(e.n_mentions) AS n,
                         count(DISTINCT e.article_rowid) AS arts
                  FROM entities e JOIN forms fo ON fo.key = e.form_key JOIN articles a ON a.rowid = e.article_rowid
                  {f.where} GROUP BY lo, hi"""
        out: dict[str, dict[str, Any]] = {}
        for lo, hi, n, arts in self._plain(sql, f.args):
            label, first, last = _bucket(lo, by)
            uncertain = hi > last
            if uncertain:  # wider than the period: in the row of its own window
                label, first, last = _window_label(lo, hi)
            row = out.setdefault(
                label,
                {
                    "period": label,
                    "start": first,
                    "end": last,
                    "mentions": 0,
                    "articles": 0,
                    "uncertain_mentions": 0,
                    "uncertain_articles": 0,
                },
            )
            if not uncertain:
                row["mentions"] += n
                row["articles"] += arts
            else:
                row["uncertain_mentions"] += n
                row["uncertain_articles"] += arts
        return Rows(
            sorted(out.values(), key=lambda r: (r["start"], r["end"])),
            ["period", "start", "end", "mentions", "articles", "uncertain_mentions", "uncertain_articles"],
        )

    def search(
        self,
        query: str,
        *,
        entity: str | None = None,
        limit: int | None = 20,
        filters: Filters | None = None,
        **kw: Unpack[FilterArgs],
    ) -> Rows:
        """Full-text search over titles and texts, accents ignored, optionally only in articles that
        mention an entity. Each word must appear; the query's own operators are not interpreted, so any
        user string is safe. SQLite (FTS5) matches words as written; PostgreSQL matches them in the
        article's language, stemmed ("négociations" finds "négociation"), and leaves out stop words.
        Results come best match first (each engine ranks its own way), then by article id."""
        # NUL cannot appear inside an SQL string at all: it is a word break here.
        words = query.replace("\x00", " ").split()
        cols = ["id", "dct", "title", "snippet"]
        if not words:
            return Rows(columns=cols)
        fts = self.dialect.search(words)
        f = filters_of(filters, kw).on(*_PUBLISHED)
        f.add(fts.match, *fts.match_args)
        if entity:
            clusters = self._cluster_or_none(entity)
            if not clusters:
                return Rows(columns=cols)
            m = ",".join("?" * len(clusters))
            f.add(
                f"""a.rowid IN (SELECT e.article_rowid FROM entities e JOIN forms fo ON fo.key = e.form_key
                                  WHERE fo.cluster IN ({m}))""",
                *clusters,
            )
        sql = f"""SELECT a.id, a.dct, a.title, {fts.snippet} AS snippet
                  FROM {fts.source} {f.where} ORDER BY {fts.order}"""
        args = [*fts.snippet_args, *f.args, *fts.order_args]
        return Rows(self._dicts(_limit(sql, args, limit), args), cols)


# The quotes and events of an entity's names, joined in that order (the CROSS JOINs fix it): from the
# names to their articles' quotes or events, and only then to the article — most articles that name an
# entity quote it nowhere, and looking them up first made a big entity's timeline several times slower.
_QUOTE_OF = (
    "e.form_key = f.key AND q.article_rowid = e.article_rowid AND q.speaker_entity = e.local_id"
    " AND a.rowid = q.article_rowid"
)
_EVENT_OF = (
    "e.form_key = f.key AND v.article_rowid = e.article_rowid"
    " AND (v.source_entity = e.local_id OR v.target_entity = e.local_id) AND a.rowid = v.article_rowid"
)

_QUOTE_COLS = [
    "article",
    "dct",
    "id",
    "kind",
    "text",
    "cue",
    "speaker_text",
    "speaker",
    "speaker_id",
    "value",
    "earliest",
    "latest",
    "start",
    "end",
]
_EVENT_COLS = [
    "article",
    "dct",
    "id",
    "type",
    "mode",
    "cameo",
    "source",
    "source_code",
    "source_id",
    "target",
    "target_code",
    "target_id",
    "value",
    "earliest",
    "latest",
    "negated",
    "modality",
    "confidence",
    "symmetric",
    "article_source",
    "evidence",
]


def _escape_like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# The end of a sentence: a full stop (or ! ? …) then a space, or glued to the next sentence's capital
# ("à New York.Les New-Yorkais", as some sources' texts are), or a line break.
_SENTENCE_END = re.compile(r"[.!?…](?:\s+|(?=[«\"A-ZÀ-Ý]))|\n")


def sentence_around(text: str, start: int, end: int, width: int = 160) -> str:
    """The sentence (or a window of it) around a span, for showing the evidence behind a mention."""
    # Searched only within the window that can be kept (same result as searching the whole text, which
    # for a long article was most of a timeline's time).
    lo = max(0, start - width - 1)
    left = lo
    for stop in _SENTENCE_END.finditer(text, lo, start):
        left = stop.end()
    hi = min(len(text), end + width + 2)
    found = _SENTENCE_END.search(text, end, hi)
    right = found.start() + 1 if found else len(text)
    left = max(left, start - width)
    right = min(right, end + width)
    return " ".join(text[left:right].split())
