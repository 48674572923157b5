"""The ``dateline`` command: a thin layer over the importable core (readers, pipeline, store).

Every command has ``--help``; errors are printed as ``file:line: code: reason (hint)`` on stderr and the
exit status is 1 when anything failed, 0 otherwise.
"""

from __future__ import annotations

import importlib
import json
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, ClassVar

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from dateline import __version__
from dateline.errors import DatelineError
from dateline.readers import DEFAULT_MAX_CHARS

__all__ = ["main"]

_out = Console(highlight=False)
_err = Console(stderr=True, highlight=False, soft_wrap=True)
if not _out.is_terminal:
    # Piped or redirected: a wide table that tools like grep and less can use, instead of wrapping at 80.
    _out = Console(highlight=False, width=240)

# Longest cell shown in a table; JSON output is never cut.
_CELL = 90

DB_OPTION = click.option(
    "--db",
    default="dateline.db",
    show_default=True,
    envvar="DATELINE_DB",
    help="The store: a SQLite file, or a PostgreSQL database URL (postgresql://user:password@host:port/dbname).",
)
LANG_OPTION = click.option(
    "--lang",
    type=click.Choice(["fr", "en", "auto"]),
    default="auto",
    show_default=True,
    help="Language of the articles; auto uses the input's own field, else detects it.",
)
DATE_OPTION = click.option(
    "--date", "default_date", help="Publication date for inputs that carry none (ISO, any granularity)."
)
MAX_CHARS_OPTION = click.option(
    "--max-chars",
    type=click.IntRange(1),
    default=DEFAULT_MAX_CHARS,
    show_default=True,
    help="Refuse articles longer than this many characters.",
)
FORMAT_OPTION = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "jsonl"]),
    default="table",
    show_default=True,
    help="Output: a table for people, JSON or JSON Lines for programs.",
)


# DEL and the C1 controls (U+009B is a terminal's CSI), which JSON may hold raw and json.dumps leaves so.
_RAW_IN_JSON = re.compile("[\x7f-\x9f]")


def _json(value: Any, indent: int | None = None) -> str:
    """JSON for output: UTF-8 as it is, but every control character escaped (json.dumps escapes those
    below U+0020; DEL and C1 are escaped here), so that printing it to a terminal cannot send it
    sequences. They can only be inside strings, so the JSON says exactly the same."""
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return _RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _report(err: DatelineError) -> None:
    from rich.markup import escape

    from dateline.render import visible

    message = visible(str(err))  # a file name or a value from the input may hold terminal sequences
    _err.print(f"[red]error[/red] {escape(message)}", markup=True, highlight=False) if _err.is_terminal else print(
        f"error {message}", file=sys.stderr
    )


def _check_day(value: str | None, name: str) -> str | None:
    """Validate a --since/--until value; a month, ISO week (2017-W01) or year means its first/last day
    as appropriate."""
    if value is None:
        return None
    import re

    from dateline.article import PubDate
    from dateline.store.queries import period_bounds

    try:
        if re.match(r"^\d{4}-W\d{2}$", value):
            return period_bounds(value)[0 if name == "--since" else 1]
        d = PubDate.parse(value)
    except DatelineError as err:
        raise click.BadParameter(err.reason, param_hint=name) from None
    return (d.earliest if name == "--since" else d.latest).isoformat()


def _dates(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    s, u = _check_day(since, "--since"), _check_day(until, "--until")
    if s and u and s > u:
        raise click.BadParameter(f"--since {s} is after --until {u}", param_hint="--since/--until")
    return s, u


def _open(db: str) -> Any:
    from dateline.store import open_store

    try:
        return open_store(db, readonly=True)
    except DatelineError as err:
        _report(err)
        sys.exit(1)


def _emit(rows: Sequence[dict[str, Any]], columns: Sequence[str], fmt: str, title: str | None = None) -> None:
    if fmt == "json":
        click.echo(_json(list(rows), indent=2))
    elif fmt == "jsonl":
        for r in rows:
            click.echo(_json(r))
    else:
        table = Table(title=title, show_lines=False, title_justify="left", box=None, header_style="bold")
        for c in columns:
            table.add_column(c, overflow="ellipsis", no_wrap=True)
        for r in rows:
            # Text, not markup: "[RUSGOV]", "[no code]" or brackets in an evidence are data, not styles.
            table.add_row(*(Text(_cell(r.get(c))) for c in columns))
        _out.print(table)


def _cell(value: Any) -> str:
    from dateline.render import visible

    if value is None:
        return ""
    text = visible(" ".join(str(value).split()))
    return text if len(text) <= _CELL else text[: _CELL - 1] + "…"


class _Commands(click.Group):
    """The command group, with ``serve`` loaded only when asked for: it brings in the web stack
    (FastAPI, uvicorn), which every other command would otherwise pay for at start-up."""

    _LAZY: ClassVar[dict[str, tuple[str, str]]] = {"serve": ("dateline.api.command", "serve")}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self._LAZY})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self._LAZY and cmd_name not in self.commands:
            module, attr = self._LAZY[cmd_name]
            self.add_command(getattr(importlib.import_module(module), attr), cmd_name)
        return super().get_command(ctx, cmd_name)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="dateline")
def main() -> None:
    """dateline: dated news in, a queryable record of who said and did what, to whom, when and where.

    Analyse articles without a database (analyse), or store them (ingest) and query the store
    (articles, show, entities, timeline, quotes, events, search).
    """


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "jsonl", "text"]),
    default="json",
    show_default=True,
    help="json: one indented record per article; jsonl: one record per line; text: for people.",
)
@LANG_OPTION
@DATE_OPTION
@MAX_CHARS_OPTION
def analyse(paths: tuple[str, ...], fmt: str, lang: str, default_date: str | None, max_chars: int) -> None:
    """Print the analysis record of each article in PATHS (files, directories, globs; .gz read).

    Nothing is stored. The record follows the contract dateline.analysis/1.
    """
    from dateline.pipeline import SKIP_CODES, analyse_articles
    from dateline.readers import read_paths
    from dateline.render import record_text

    failed = False
    articles = read_paths(paths, default_date=default_date, lang=None if lang == "auto" else lang, max_chars=max_chars)
    for res in analyse_articles(articles, lang=None if lang == "auto" else lang, max_chars=max_chars):
        if isinstance(res, DatelineError):
            _report(res)
            failed = failed or res.code not in SKIP_CODES
            continue
        if fmt == "json":
            click.echo(_json(res, indent=2))
        elif fmt == "jsonl":
            click.echo(_json(res))
        else:
            click.echo(record_text(res) + "\n")
    sys.exit(1 if failed else 0)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@DB_OPTION
@LANG_OPTION
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Worker processes (each loads the model once).",
)
@DATE_OPTION
@MAX_CHARS_OPTION
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="local: this machine's processes; dask: a Dask cluster (same records).",
)
@click.option("--scheduler", help="With --engine dask: a running scheduler (tcp://host:8786); default a LocalCluster.")
@click.option("--quiet", is_flag=True, help="No progress bar and no summary.")
def ingest(
    paths: tuple[str, ...],
    db: str,
    lang: str,
    workers: int,
    default_date: str | None,
    max_chars: int,
    engine: str,
    scheduler: str | None,
    quiet: bool,
) -> None:
    """Analyse the articles in PATHS and store them in the store (--db).

    Re-ingesting the same input changes nothing; an article id seen with new text replaces its facts.
    Bad inputs are reported with file, line and reason and the rest goes on; the exit status is 1 if
    anything failed.
    """
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from dateline.ingest import IngestSummary
    from dateline.ingest import ingest as run_ingest
    from dateline.store import open_store, shown

    if default_date is not None:
        _check_day(default_date, "--date")
    show = _err.is_terminal and not quiet
    progress = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(bar_width=None),
        TextColumn("{task.fields[stats]}"),
        TimeElapsedColumn(),
        console=_err,
        disable=not show,
        transient=True,
    )
    task = progress.add_task("ingesting", total=None, stats="")

    def tick(s: IngestSummary) -> None:
        progress.update(
            task,
            stats=f"read {s.read} · stored {s.stored + s.replaced} · unchanged {s.unchanged} · failed {s.failed}",
        )

    summary = IngestSummary()

    def report_summary(stopped: bool = False) -> None:
        if quiet:
            return
        counts = ", ".join(f"{k} {v}" for k, v in summary.as_dict().items())
        print(f"{shown(db)}: {counts}", file=sys.stderr)
        if stopped:
            left = summary.unfinished
            rest = "" if summary.all_read else ", and the rest of the input was not read"
            articles = "article" if left == 1 else "articles"
            print(f"stopped: {left} {articles} read but not stored{rest}; what is stored is complete", file=sys.stderr)

    try:
        with open_store(db) as store, progress:
            run_ingest(
                paths,
                store,
                lang=lang,
                workers=workers,
                default_date=default_date,
                max_chars=max_chars,
                engine=engine,
                scheduler=scheduler,
                on_progress=tick if show else None,
                on_error=_report,
                summary=summary,
            )
    except DatelineError as err:
        _report(err)
        if summary.read:
            report_summary(stopped=True)
        sys.exit(1)
    except KeyboardInterrupt:
        if summary.read:
            report_summary(stopped=True)
        print(
            "interrupted: every article stored so far is complete; run the same command to finish",
            file=sys.stderr,
        )
        sys.exit(130)
    report_summary()
    if not quiet:
        for skip in summary.skips[:20]:
            print(f"skipped {skip}", file=sys.stderr)
        if len(summary.skips) > 20:
            print(
                f"skipped … and {len(summary.skips) - 20} more ('dateline skipped' lists them)",
                file=sys.stderr,
            )
    sys.exit(0 if summary.ok else 1)


def query_filters(f: Callable[..., Any]) -> Callable[..., Any]:
    """The filters every query command takes: dates (with the treatment of uncertain dates), language, source."""
    for opt in reversed(
        [
            click.option("--since", help="Only facts that may fall on or after this date (ISO, any granularity)."),
            click.option("--until", help="Only facts that may fall on or before this date (ISO, any granularity)."),
            click.option(
                "--uncertain",
                type=click.Choice(["overlap", "within"]),
                default="overlap",
                show_default=True,
                help="A fact dated by an interval straddling the range: keep it (overlap) or not (within).",
            ),
            click.option("--lang", help="Only articles in this language."),
            click.option("--source", help="Only articles from this source."),
        ]
    ):
        f = opt(f)
    return f


def _filters(kw: dict[str, Any]) -> dict[str, Any]:
    """Validate and pop the common filter options into keyword arguments for the store's queries."""
    since, until = _dates(kw.pop("since"), kw.pop("until"))
    return {
        "since": since,
        "until": until,
        "uncertain": kw.pop("uncertain"),
        "lang": kw.pop("lang"),
        "source": kw.pop("source"),
    }


def _run(db: str, query: Callable[[Any], Any], names: Sequence[str | None] = ()) -> Any:
    """Run a query on a read-only store, turning a DatelineError into a message and exit status 1.

    Each of ``names`` (the entity names the query takes) is looked up first, the way people type names:
    one that fits several entities stops with the list of candidates; one found by a surname, a
    prefix or a role is said on stderr ("'Trump' is Donald Trump"), with the others it also fits."""
    with _open(db) as store:
        try:
            for name in names:
                if name:
                    _say_who(store.lookup(name))
            return query(store)
        except DatelineError as err:
            _report(err)
            candidates = getattr(err, "candidates", None)
            if candidates:
                _candidates(candidates)
            sys.exit(1)


def _say_who(found: Any) -> None:
    """Raise the lookup's error if a name did not resolve to one entity; note how it did if not by name."""
    if found.ambiguous:
        raise found.error()
    if found.clusters and found.how != "name":
        first = next((c for c in found.candidates if c["id"] == found.clusters[0]), {"name": found.clusters[0]})
        also = ", ".join(c["name"] for c in found.others()[:5])
        print(
            f"note: {found.query!r} is {first['name']} (id {found.clusters[0]!r}, by {found.how})"
            + (f"; it also fits: {also}" if also else ""),
            file=sys.stderr,
        )


def _candidates(candidates: Sequence[dict[str, Any]]) -> None:
    """The entities an ambiguous name fits, as a table on stderr."""
    table = Table(title="did you mean", title_justify="left", box=None, header_style="bold")
    cols = ("name", "type", "country", "mentions", "articles", "id")
    for col in cols:
        table.add_column(col, overflow="ellipsis", no_wrap=True)
    for c in candidates:
        table.add_row(*(_cell(c.get(k)) for k in cols))
    _err.print(table)


def _when(rows: Sequence[dict[str, Any]]) -> None:
    from dateline.render import format_interval

    for r in rows:
        r["when"] = format_interval(r["value"], r["earliest"], r["latest"])


@main.command()
@DB_OPTION
@query_filters
@click.option("--limit", type=click.IntRange(1), default=100, show_default=True)
@FORMAT_OPTION
def articles(db: str, limit: int, fmt: str, **kw: Any) -> None:
    """List stored articles in publication order, with their dates at their true granularity."""
    f = _filters(kw)
    rows = _run(db, lambda s: s.articles(limit=limit, **f))
    for r in rows:
        r["written"] = (
            r["published_earliest"]
            if r["published_earliest"] == r["published_latest"]
            else f"{r['published_earliest']}..{r['published_latest']}"
        )
        r["title"] = r["title"] or " ".join(r["head"].split())[:60] + "…"
    cols = [
        "id",
        "dct",
        "dct_granularity",
        "written",
        "lang",
        "title",
        "n_entities",
        "n_timexes",
        "n_quotes",
        "n_events",
    ]
    _emit(rows, cols, fmt, title=f"{len(rows)} articles")


@main.command()
@click.argument("article_id")
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def show(article_id: str, db: str, fmt: str) -> None:
    """Show one stored article: its text with entities, dates and quotes marked, then its facts."""
    from dateline.render import record_text

    rec = _run(db, lambda s: s.record(article_id))
    click.echo(_json(rec, indent=2) if fmt == "json" else record_text(rec))


@main.group(invoke_without_command=True)
@DB_OPTION
@click.option("--type", "etype", type=click.Choice(["PER", "ORG", "LOC", "GPE", "MISC"]), help="Only this type.")
@click.option("--top", type=click.IntRange(1), default=20, show_default=True, help="How many.")
@query_filters
@FORMAT_OPTION
@click.pass_context
def entities(ctx: click.Context, db: str, etype: str | None, top: int, fmt: str, **kw: Any) -> None:
    """The most mentioned entities across the store (each one person, organisation or place, whatever the
    names it goes by), or correct them with a subcommand: merge, split, rename, corrections.

    Corrections are kept in the store and re-applied whenever entities are re-clustered, so they survive
    re-ingest. The alias file (corrections --export/--import) has one correction a line:
    'merge: Vladimir Poutine = Putin', 'split: Le Pen', 'rename: Daech = État islamique'.
    """
    if ctx.invoked_subcommand is not None:
        ctx.obj = {"db": db}
        return
    f = _filters(kw)
    rows = _run(db, lambda s: s.entities(type=etype, top=top, **f))
    _emit(rows, ["name", "type", "country", "articles", "mentions", "forms", "id"], fmt, title="entities")


def _writable(db: str) -> Any:
    from dateline.store import is_url, open_store

    if not is_url(db) and not Path(db).exists():
        _report(DatelineError("no-store", f"no store at {db}", hint="run 'dateline ingest' first, or pass --db"))
        sys.exit(1)
    try:
        return open_store(db)
    except DatelineError as err:
        _report(err)
        sys.exit(1)


def _correct(ctx: click.Context, action: Callable[[Any], Any]) -> Any:
    with _writable(ctx.obj["db"]) as store:
        try:
            return action(store)
        except DatelineError as err:
            _report(err)
            sys.exit(1)


@entities.command("merge")
@click.argument("a")
@click.argument("b")
@click.pass_context
def entities_merge(ctx: click.Context, a: str, b: str) -> None:
    """Make the entities named A and B one entity."""
    cid = _correct(ctx, lambda s: s.merge(a, b))
    click.echo(f"merged {a!r} and {b!r} into {cid!r}")


@entities.command("split")
@click.argument("name")
@click.pass_context
def entities_split(ctx: click.Context, name: str) -> None:
    """Make the name NAME an entity of its own (no longer attached to a longer name by the rules)."""
    _correct(ctx, lambda s: s.split(name))
    click.echo(f"{name!r} now stands alone")


@entities.command("rename")
@click.argument("name")
@click.argument("new_name")
@click.pass_context
def entities_rename(ctx: click.Context, name: str, new_name: str) -> None:
    """Give the entity that NAME designates the display name NEW_NAME."""
    _correct(ctx, lambda s: s.rename(name, new_name))
    click.echo(f"renamed {name!r} to {new_name!r}")


@entities.command("corrections")
@click.option("--export", "export_path", type=click.Path(dir_okay=False), help="Write them as an alias file.")
@click.option("--import", "import_path", type=click.Path(exists=True, dir_okay=False), help="Apply an alias file.")
@click.pass_context
def entities_corrections(ctx: click.Context, export_path: str | None, import_path: str | None) -> None:
    """List the corrections, export them as an alias file, or apply one (all of it or, on an error, none)."""
    if import_path:
        n = _correct(ctx, lambda s: s.import_aliases(import_path))
        click.echo(f"applied {n} corrections from {import_path}")
        return
    text = _correct(ctx, lambda s: s.export_aliases())
    if export_path:
        Path(export_path).write_text(text, encoding="utf-8")
        click.echo(f"wrote {export_path}")
    else:
        click.echo(text, nl=False)


@main.command()
@click.argument("name")
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def entity(name: str, db: str, fmt: str) -> None:
    """One entity: the names it goes by, its roles, type, country and counts."""
    from dateline.render import visible

    e = _run(db, lambda s: s.entity(name), [name])
    if fmt == "json":
        click.echo(_json(e, indent=2))
        return
    lines = [
        f"{e['name']} ({e['type']}{', ' + e['country'] if e['country'] else ''}) — id {e['id']!r}",
        f"  {e['mentions']} mentions in {e['articles']} articles",
        "  names: " + ", ".join(f"{a['name']} ×{a['mentions']}" for a in e["aliases"]),
    ]
    if e["roles"]:
        lines.append("  roles: " + "; ".join(e["roles"][:10]))
    click.echo(visible("\n".join(lines)))


@main.command()
@click.argument("name")
@DB_OPTION
@query_filters
@click.option("--limit", type=click.IntRange(1), help="At most this many facts.")
@FORMAT_OPTION
def timeline(name: str, db: str, limit: int | None, fmt: str, **kw: Any) -> None:
    """What the store knows about NAME in date order: events, quotes and mentions, with their dates.

    A date known only as an interval (an article dated to the month, "samedi" in such an article) is
    shown as that interval, never as a made-up day.
    """
    f = _filters(kw)
    rows = _run(db, lambda s: s.timeline(name, limit=limit, **f), [name])
    _when(rows)
    for r in rows:
        r["what"] = (
            r["kind"]
            + (f" {r['type']}" if r.get("type") else "")
            + (f" ×{r['count']}" if r["kind"] == "mention" else "")
        )
    _emit(rows, ["when", "what", "article", "text"], fmt, title=f"timeline of {name}")


@main.command()
@DB_OPTION
@click.option("--speaker", help="Only quotes by this speaker (any name it goes by).")
@click.option("--search", help="Only quotes containing all these words.")
@query_filters
@click.option("--limit", type=click.IntRange(1), default=100, show_default=True)
@FORMAT_OPTION
def quotes(db: str, speaker: str | None, search: str | None, limit: int, fmt: str, **kw: Any) -> None:
    """Quotes in date order, with their speakers."""
    f = _filters(kw)
    rows = _run(db, lambda s: s.quotes(speaker=speaker, search=search, limit=limit, **f), [speaker])
    _when(rows)
    _emit(rows, ["when", "speaker", "kind", "text", "article"], fmt, title="quotes")


@main.command()
@DB_OPTION
@click.option("--actor", help="Only events with this actor as source or target.")
@click.option("--with", "other", help="With --actor: only events between the two actors (either direction).")
@click.option("--type", "etype", help="Only this PLOVER event type (e.g. CONSULT).")
@click.option("--grouped", is_flag=True, help="One row per event told by several articles, with counts.")
@click.option(
    "--min-confidence",
    type=click.FloatRange(0, 1),
    default=None,
    help="Hide events less sure than this (default: the floor calibrated on the dev gold; 0 shows all).",
)
@query_filters
@click.option("--limit", type=click.IntRange(1), default=100, show_default=True)
@FORMAT_OPTION
def events(
    db: str,
    actor: str | None,
    other: str | None,
    etype: str | None,
    grouped: bool,
    min_confidence: float | None,
    limit: int,
    fmt: str,
    **kw: Any,
) -> None:
    """Events in date order: who did what to whom (source → target, with their codes), when, with the evidence.

    With --grouped, the same event told by several articles is one row, with how many times, in how many
    articles and by how many sources it was told. Events below --min-confidence are hidden (exports keep
    every event with its confidence).
    """
    from dateline.events.confidence import default_min_confidence

    if other and not actor:
        raise click.UsageError("--with needs --actor")
    floor = default_min_confidence() if min_confidence is None else min_confidence
    f = _filters(kw)
    if grouped:
        rows = _run(
            db,
            lambda s: s.event_groups(actor=actor, other=other, type=etype, min_confidence=floor, limit=limit, **f),
            [actor, other],
        )
        _when(rows)
        _who(rows)
        _emit(
            rows,
            ["when", "type", "who", "mentions", "articles", "sources", "evidence"],
            fmt,
            title="events (grouped across articles)",
        )
        return
    rows = _run(
        db,
        lambda s: s.events(actor=actor, other=other, type=etype, min_confidence=floor, limit=limit, **f),
        [actor, other],
    )
    _when(rows)
    _who(rows)
    _emit(rows, ["when", "type", "who", "modality", "confidence", "evidence", "article"], fmt, title="events")


def _who(rows: Sequence[dict[str, Any]]) -> None:
    """``who``: "source [CODE] → target [CODE]", saying so when the target (or source) is unknown."""
    from dateline.render import actor_pair

    for r in rows:
        r["who"] = actor_pair(r.get("source"), r.get("source_code"), r.get("target"), r.get("target_code"))


@main.command()
@click.argument("name")
@DB_OPTION
@click.option("--by", type=click.Choice(["day", "week", "month", "year"]), help="Count per period.")
@click.option("--top", type=click.IntRange(1), default=20, show_default=True, help="How many (per period).")
@query_filters
@FORMAT_OPTION
def comentions(name: str, db: str, by: str | None, top: int, fmt: str, **kw: Any) -> None:
    """Who appears in the same articles as NAME, with the number of shared articles."""
    f = _filters(kw)
    rows = _run(db, lambda s: s.comentions(name, by=by, top=top, **f), [name])
    _emit(rows, (["period"] if by else []) + ["name", "type", "articles"], fmt, title=f"co-mentions of {name}")


@main.command()
@click.argument("name")
@DB_OPTION
@click.option("--by", type=click.Choice(["day", "week", "month", "year"]), default="month", show_default=True)
@query_filters
@FORMAT_OPTION
def mentions(name: str, db: str, by: str, fmt: str, **kw: Any) -> None:
    """Mentions of NAME per day, week, month or year. Articles dated more loosely than the period (a
    month-dated article in a count per day) are counted apart as uncertain, never spread or guessed."""
    f = _filters(kw)
    rows = _run(db, lambda s: s.mentions_over_time(name, by=by, **f), [name])
    _emit(
        rows,
        ["period", "mentions", "articles", "uncertain_mentions", "uncertain_articles"],
        fmt,
        title=f"mentions of {name}",
    )


@main.command()
@click.argument("query")
@DB_OPTION
@click.option("--entity", help="Only articles that mention this entity.")
@query_filters
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@FORMAT_OPTION
def search(query: str, db: str, entity: str | None, limit: int, fmt: str, **kw: Any) -> None:
    """Full-text search over article titles and texts (accents ignored), optionally with an entity."""
    f = _filters(kw)
    rows = _run(db, lambda s: s.search(query, entity=entity, limit=limit, **f), [entity])
    _emit(rows, ["id", "dct", "title", "snippet"], fmt, title=f"search: {query}")


@main.command()
@DB_OPTION
@FORMAT_OPTION
def skipped(db: str, fmt: str) -> None:
    """Articles that were read but not analysed (e.g. an unsupported language), with the reason."""
    rows = _run(db, lambda s: s.skipped())
    _emit(rows, ["origin", "article_id", "code", "reason"], fmt, title="skipped")


@main.command("export")
@DB_OPTION
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "parquet", "timeml", "gdelt"]),
    required=True,
    help="jsonl: analysis records; csv/parquet: tables; timeml: one .tml per article; gdelt: events TSV.",
)
@click.option("--out", required=True, type=click.Path(), help="File (jsonl, gdelt) or folder (csv, parquet, timeml).")
@click.option("--since", help="Only articles that may have been written on or after this date.")
@click.option("--until", help="Only articles that may have been written on or before this date.")
def export_cmd(db: str, fmt: str, out: str, since: str | None, until: str | None) -> None:
    """Export the store: analysis records (JSONL, re-ingestible as they are), tables as CSV or as Parquet
    partitioned by month, TimeML per article, or a GDELT-like events table (columns in the README)."""
    from dateline.export import export

    s, u = _dates(since, until)
    n = _run(db, lambda store: export(store, fmt, out, since=s, until=u))
    print(f"exported {n} articles to {out}", file=sys.stderr)


@main.group()
def plot() -> None:
    """Plots: write a PNG or SVG (by the file's suffix)."""


@plot.command("mentions")
@click.argument("names", nargs=-1, required=True)
@DB_OPTION
@click.option("--by", type=click.Choice(["day", "week", "month", "year"]), default="month", show_default=True)
@click.option("--out", default="mentions.png", show_default=True, type=click.Path(dir_okay=False))
@query_filters
def plot_mentions_cmd(names: tuple[str, ...], db: str, by: str, out: str, **kw: Any) -> None:
    """Mentions of one or more entities over time. Articles dated more loosely than the period are drawn
    as a lighter band, never as if their day were known."""
    from dateline.plot import plot_mentions

    f = _filters(kw)
    series = _run(db, lambda s: {n: s.mentions_over_time(n, by=by, **f) for n in names}, names)
    print(f"wrote {plot_mentions(series, out, by=by)}", file=sys.stderr)
