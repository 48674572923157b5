"""Finding the entity a user means by a name typed the way people type names.

A user types "Trump", "trump", "Serguei Lavrov", "Putin" for "Vladimir Poutine", "Lavr", or an office
("président de la République"); :func:`lookup` turns that into the canonical entity (cluster) it
designates, or, when several fit and none stands out, into the list of candidates to choose from —
never a bare "not found" while the store holds something that fits. Tried in order:

1. the exact steps of :func:`~dateline.store.forms.find_clusters` (an id, a stored form, a cluster
   name, the same name across transliterations, the unique person owning a surname): what they find
   is the answer, as it always was;
2. names with a word equal to, or starting with, what was typed (accents and case ignored, also across
   transliterations, "ei" for "État islamique" by its initials). Whole words ("Trump" in "Donald
   Trump") count before mere prefixes ("Tru"): one match is the answer; among several whole-word
   matches, the one the resolver's dominance rule picks (three quarters of the mentions and three
   times the next) is; otherwise the candidates are returned;
3. roles and offices the articles give people ("le président de la République"): the entity given
   that role, by the same rule over the articles that give it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from dateline.entities.normalize import fold, name_key
from dateline.entities.resolve import _TITLES, core_key, phonetic
from dateline.errors import DatelineError
from dateline.store.dialect import Connection
from dateline.store.forms import find_clusters

__all__ = ["MAX_CANDIDATES", "AmbiguousEntity", "Lookup", "lookup"]

# How many candidates an ambiguous name lists (best first); more would not help anyone choose.
MAX_CANDIDATES = 10
# How many matching clusters are considered at all (most mentioned first): a one-letter prefix
# matches much of the store, and only the head of that list can ever be shown.
_SCAN = 200
# The resolver's own rule for a short name that fits several groups (see dateline.entities.resolve).
_DOMINANT_SHARE = 0.75
_DOMINANT_RATIO = 3.0
# Words before a role that do not change which office it is: "son ministre de la Défense".
_ROLE_LEAD = re.compile(r"^(?:(?:son|sa|ses|leur|leurs|notre|votre|cet|cette|ce|his|her|their|its)\s+)+")


@dataclass(frozen=True)
class Lookup:
    """What a typed name designates.

    ``clusters`` are the entity's cluster ids when the name resolved (empty otherwise); ``how`` says by
    which step ("name", "word", "prefix", "role"); ``candidates`` lists the entities that fit, best
    first, each as ``{id, name, type, country, mentions, articles}``: the choice to offer when the name
    is ambiguous, and the other entities that also fit when it resolved by a word, a prefix or a role.
    """

    query: str
    clusters: tuple[str, ...] = ()
    how: str | None = None
    candidates: tuple[dict[str, Any], ...] = field(default=())

    @property
    def found(self) -> bool:
        return bool(self.clusters)

    @property
    def ambiguous(self) -> bool:
        return not self.clusters and len(self.candidates) > 1

    def others(self) -> list[dict[str, Any]]:
        """The candidates that are not the entity the name resolved to."""
        return [c for c in self.candidates if c["id"] not in self.clusters]

    def error(self) -> DatelineError:
        """The error for a name that did not resolve: ``ambiguous-entity`` with the candidates, or
        ``unknown-entity``."""
        if self.ambiguous:
            return AmbiguousEntity(self.query, list(self.candidates))
        return DatelineError(
            "unknown-entity",
            f"no entity named {self.query!r} in the store",
            hint="try a surname, a shorter start of the name, or list the entities",
        )


class AmbiguousEntity(DatelineError):
    """A name several entities fit, none clearly more than the others; ``candidates`` lists them, best
    first (each ``{id, name, type, country, mentions, articles}``)."""

    def __init__(self, query: str, candidates: list[dict[str, Any]]) -> None:
        shown = ", ".join(c["name"] for c in candidates[:5]) + (" …" if len(candidates) > 5 else "")
        super().__init__(
            "ambiguous-entity",
            f"{query!r} may be any of {len(candidates)} entities: {shown}",
            hint="pass one of the candidates' names or ids",
        )
        self.query = query
        self.candidates = candidates

    def __reduce__(self) -> tuple[object, ...]:
        return (AmbiguousEntity, (self.query, self.candidates))


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _dominant(ranked: list[dict[str, Any]], weight: str) -> dict[str, Any] | None:
    """The first of ``ranked`` (sorted by ``weight``, descending) if it dominates the others."""
    if len(ranked) == 1:
        return ranked[0]
    top, second = ranked[0][weight], ranked[1][weight]
    total = sum(c[weight] for c in ranked)
    if total and top / total >= _DOMINANT_SHARE and top >= _DOMINANT_RATIO * second:
        return ranked[0]
    return None


def _describe(conn: Connection, ids: list[str]) -> list[dict[str, Any]]:
    """The clusters ``ids`` as candidates, most mentioned first (then by id), with exact counts."""
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = conn.execute(
        f"""SELECT c.id, c.name, c.type, c.country, sum(e.n_mentions) AS mentions,
                   count(DISTINCT e.article_rowid) AS articles
            FROM clusters c JOIN forms f ON f.cluster = c.id JOIN entities e ON e.form_key = f.key
            WHERE c.id IN ({marks}) GROUP BY c.id, c.name, c.type, c.country""",
        ids,
    ).fetchall()
    out = [
        {"id": r[0], "name": r[1], "type": r[2], "country": r[3], "mentions": int(r[4]), "articles": int(r[5])}
        for r in rows
    ]
    out.sort(key=lambda c: (-c["mentions"], -c["articles"], c["id"]))
    return out


def _by_name(conn: Connection, key: str, *, initials: bool) -> dict[str, bool]:
    """Clusters with a name that has a word starting with ``key`` (a folded name, maybe several words),
    as cluster id -> whether the match is of whole words; at most _SCAN, most mentioned first. With
    ``initials`` (the user typed capitals: "EI"), also the names whose initials ``key`` spells."""
    phon = phonetic(key)
    like, plike = _like(key), _like(phon)
    sql = """SELECT f.cluster AS cluster, f.key AS name FROM forms f
             WHERE f.cluster IS NOT NULL AND (f.key LIKE ? ESCAPE '\\' OR f.key LIKE ? ESCAPE '\\')
             UNION SELECT f.cluster, substr(b.block, 3) FROM form_blocks b JOIN forms f ON f.key = b.key
             WHERE f.cluster IS NOT NULL AND (b.block LIKE ? ESCAPE '\\' OR b.block LIKE ? ESCAPE '\\')
             UNION SELECT c.id, c.name_key FROM clusters c
             WHERE c.name_key LIKE ? ESCAPE '\\' OR c.name_key LIKE ? ESCAPE '\\'"""
    args: list[Any] = [like, "% " + like, "k:" + plike, "k:% " + plike, like, "% " + like]
    if initials and " " not in key:
        # Initials: "EI" is how people write "État islamique" (the block of its acronym).
        sql += """ UNION SELECT f.cluster, substr(b.block, 3) FROM form_blocks b JOIN forms f ON f.key = b.key
                   WHERE b.block = ? AND f.cluster IS NOT NULL"""
        args.append("a:" + key)
    whole = re.compile(r"(?:^| )(?:" + re.escape(key) + "|" + re.escape(phon) + r")(?:$| )")
    found: dict[str, bool] = {}
    for cluster, name in conn.execute(
        f"""SELECT m.cluster, m.name FROM ({sql}) m JOIN forms f ON f.cluster = m.cluster
            GROUP BY m.cluster, m.name ORDER BY sum(f.n_mentions) DESC, m.cluster""",
        args,
    ):
        if cluster not in found and len(found) >= _SCAN:
            continue
        found[cluster] = found.get(cluster, False) or bool(whole.search(name or ""))
    return found


def _by_role(conn: Connection, key: str) -> dict[str, int]:
    """Clusters given a role equal to ``key`` or starting with its words (folded, leading possessives
    dropped), as cluster id -> number of articles that give it."""
    counts: dict[str, int] = {}
    for cluster, roles in conn.execute(
        """SELECT f.cluster, e.roles FROM entities e JOIN forms f ON f.key = e.form_key
           WHERE e.roles <> '[]' AND f.cluster IS NOT NULL"""
    ):
        for role in json.loads(roles):
            r = _ROLE_LEAD.sub("", name_key(role))
            if r == key or r.startswith(key + " "):
                counts[cluster] = counts.get(cluster, 0) + 1
                break
    return counts


def _role(conn: Connection, name: str, also: list[dict[str, Any]]) -> Lookup | None:
    """The office-holder a role phrase designates, the candidates when several hold it (then with the
    entities in ``also``, which the name itself matched), or None when no article gives that role."""
    roles = _by_role(conn, _ROLE_LEAD.sub("", name_key(name)))
    if not roles:
        return None
    ranked = _describe(conn, list(roles))
    for c in ranked:
        c["role_articles"] = roles[c["id"]]
    ranked.sort(key=lambda c: (-c["role_articles"], -c["mentions"], c["id"]))
    ranked = ranked[:MAX_CANDIDATES]
    rest = [c for c in also if c["id"] not in roles]
    best = _dominant(ranked, "role_articles")
    if best is not None:
        return Lookup(name, (best["id"],), "role", tuple(ranked + rest))
    return Lookup(name, (), None, tuple(ranked + rest))


def _is_role_phrase(name: str) -> bool:
    """Whether a typed name starts with a title or office ("président de la République", "le
    général"): the store may hold the phrase itself as an entity, but the user means its holder."""
    words = name_key(name).split()
    return bool(words) and words[0] in _TITLES


def lookup(conn: Connection, name: str) -> Lookup:
    """What ``name`` designates in the store (see the module's docstring for the steps)."""
    exact = find_clusters(conn, name)
    if exact:
        described = _describe(conn, exact)
        if _is_role_phrase(name):
            held = _role(conn, name, described)
            if held is not None:
                return held
        return Lookup(name, tuple(exact), "name", tuple(described))
    key = core_key(name) or fold(name)
    if not key.strip(" -'"):
        return Lookup(name)
    matches = _by_name(conn, key, initials=len(name.strip()) >= 2 and name.strip().isupper())
    if matches:
        words = [c for c, w in matches.items() if w]
        ranked = _describe(conn, list(matches))
        if len(ranked) == 1:
            return Lookup(name, (ranked[0]["id"],), "word" if words else "prefix", tuple(ranked))
        whole = [c for c in ranked if c["id"] in set(words)]
        rest = [c for c in ranked if c["id"] not in set(words)]
        ordered = (whole + rest)[:MAX_CANDIDATES]
        best = _dominant(whole, "mentions") if whole else None
        if best is not None:
            return Lookup(name, (best["id"],), "word", tuple(ordered))
        return Lookup(name, (), None, tuple(ordered))
    return _role(conn, name, []) or Lookup(name)
