"""What differs between the SQL of the two stores, in one place.

The store's SQL is written once, with ``?`` placeholders and syntax both SQLite and PostgreSQL accept
(``INSERT … ON CONFLICT``, ``RETURNING``, row values). The few fragments that cannot be shared — full-text
search, an operator or two, how to tell that another connection has committed — come from a
:class:`Dialect`; the PostgreSQL connection turns the placeholders into its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

__all__ = ["POSTGRES", "SQLITE", "Connection", "Cursor", "Dialect", "SearchSQL"]


class Cursor(Protocol):
    """What the store reads from a cursor (``sqlite3.Cursor`` and the PostgreSQL one both have it)."""

    @property
    def description(self) -> Any: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """A connection taking ``?`` placeholders; rows are tuples also addressable by column name."""

    def execute(self, sql: str, parameters: Any = ..., /) -> Any: ...

    def executemany(self, sql: str, parameters: Any, /) -> Any: ...


@dataclass(frozen=True)
class SearchSQL:
    """The pieces of a full-text search: what to select from, the match condition, the snippet and the
    order, each with the arguments its placeholders take (they come in the query in that order:
    snippet, source, match, order)."""

    source: str
    match: str
    snippet: str
    order: str
    match_args: list[Any] = field(default_factory=list)
    snippet_args: list[Any] = field(default_factory=list)
    order_args: list[Any] = field(default_factory=list)


@dataclass(frozen=True)
class Dialect:
    """The SQL fragments of one database engine."""

    name: str
    # ``a LIKE b`` ignoring the case of ASCII letters only (SQLite's LIKE), for equal results on both.
    like: str
    # A join that keeps the order written (SQLite's CROSS JOIN is a planner hint; PostgreSQL's takes no ON).
    ordered_join: str
    # A value that changes whenever another connection commits, to know when cached lookups are stale.
    data_version: str

    def search(self, words: list[str]) -> SearchSQL:
        """Every word of ``words`` in an article's title or text, accents ignored."""
        if self.name == "sqlite":
            # Each word becomes a quoted FTS5 string, so the user's text is never read as FTS5 syntax.
            terms = " ".join('"' + w.replace('"', '""') + '"' for w in words)
            return SearchSQL(
                source="articles_fts JOIN articles a ON a.rowid = articles_fts.rowid",
                match="articles_fts MATCH ?",
                match_args=[terms],
                snippet="snippet(articles_fts, 1, '[', ']', '…', 12)",
                order="rank, a.id",
            )
        # PostgreSQL: the stored tsvector of the article's language (stemmed, accents removed), matched
        # with plainto_tsquery, which reads no operators either. One condition per language, so that
        # each can use the GIN index.
        text = " ".join(words)
        langs = [(lang, cfg) for lang, cfg in TS_CONFIGS.items() if lang]
        known = ", ".join(f"'{lang}'" for lang, _ in langs)
        match = " OR ".join(
            [f"(a.lang = '{lang}' AND a.tsv @@ plainto_tsquery('{cfg}', ?))" for lang, cfg in langs]
            + [f"(a.lang NOT IN ({known}) AND a.tsv @@ plainto_tsquery('{TS_CONFIGS['']}', ?))"]
        )
        config = ts_config_of("a.lang")
        query = f"plainto_tsquery({config}, ?)"
        return SearchSQL(
            source="articles a",
            match=f"({match})",
            match_args=[text] * (len(langs) + 1),
            snippet=f"""ts_headline({config}, a.text, {query},
                        'StartSel=[, StopSel=], MaxWords=12, MinWords=6, MaxFragments=1, FragmentDelimiter=…')""",
            snippet_args=[text],
            order=f"ts_rank(a.tsv, {query}) DESC, a.id",
            order_args=[text],
        )


# PostgreSQL text search configurations by article language ('' for any other): the built-in French,
# English and simple ones with accents removed first (see store/pg_migrations.py).
TS_CONFIGS = {"fr": "dateline_fr", "en": "dateline_en", "": "dateline_simple"}


def ts_config_of(lang_column: str) -> str:
    """The SQL of the text search configuration for the language in ``lang_column``."""
    cases = " ".join(f"WHEN '{lang}' THEN '{cfg}'::regconfig" for lang, cfg in TS_CONFIGS.items() if lang)
    return f"(CASE {lang_column} {cases} ELSE '{TS_CONFIGS['']}'::regconfig END)"


SQLITE = Dialect(name="sqlite", like="LIKE", ordered_join="CROSS JOIN", data_version="PRAGMA data_version")
# Text columns are declared COLLATE "C" (code point order, as SQLite's), and ILIKE under "C" folds ASCII
# letters only. Any commit, anywhere, changes the current snapshot (its xmax or its in-progress list).
POSTGRES = Dialect(
    name="postgresql",
    like='COLLATE "C" ILIKE',
    ordered_join="JOIN",
    data_version="SELECT pg_current_snapshot()::text",
)
