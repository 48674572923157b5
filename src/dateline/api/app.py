"""The web application: a read-only REST API over a store (under ``/api``) and the web UI (under ``/``).

Every list endpoint answers JSON by default, NDJSON or CSV on ``?format=`` or the ``Accept`` header,
and pages with a cursor (a ``next`` link in the JSON body and a ``Link: <...>; rel="next"`` header).
Errors are JSON ``{"error": {"code", "reason", "hint"}}`` everywhere (unknown routes and methods
too), with a 4xx status — or 300 with ``candidates`` added when a name fits several entities. Names are
looked up the way people type them (:mod:`dateline.store.lookup`). The store's SQL is all
parameterised, ids never reach the file system, and only requests for the host names the server
was started for are answered (DNS rebinding).
"""

from __future__ import annotations

import re
import threading
from collections.abc import AsyncIterator, Callable, Iterable, Mapping, MutableMapping, Sequence
from contextlib import asynccontextmanager
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from dateline import __version__
from dateline.api.browse import (
    ARTICLE_COLS,
    article_page,
    entity_page,
    plain_docs,
    store_summary,
    with_articles,
)
from dateline.api.pages import FORMATS, decode_cursor, encode_cursor, page_rows, render_csv, render_ndjson
from dateline.article import PubDate
from dateline.errors import DatelineError
from dateline.events.ontology import TYPES
from dateline.store import Store, open_store, shown
from dateline.store.lookup import AmbiguousEntity, Lookup
from dateline.store.queries import period_bounds
from dateline.store.results import Rows

__all__ = ["LOOPBACK_HOSTS", "MAX_LIMIT", "check_store", "create_app"]

STATIC = Path(str(files("dateline.api") / "static"))

# Result limits: a page is at most MAX_LIMIT rows, and a store query feeding a page scans at most
# MAX_SCAN rows, so no request can make the server build an unbounded answer.
DEFAULT_LIMIT = 50
MAX_LIMIT = 500
MAX_SCAN = 100_000
# Request limits: the API is read-only (GET), so a request carries no body; its URL stays short. The
# URL cap is above what valid parameters can take once percent-encoded (a few 200-character fields and a
# 2048-character cursor, up to 6 bytes per character), so over-long values get the per-parameter 422.
MAX_URL = 16384
MAX_BODY = 1024
_TEXT = 200  # longest free-text parameter (names, search words)

_NOT_FOUND = {"unknown-entity", "unknown-article"}
# Hints that fit a client of the API, for errors whose own hint is advice for the command line.
_API_HINTS = {
    "unknown-entity": "find it with /api/lookup?name= (any name, surname or start of a name) or /api/entities?q=",
    "unknown-article": "list the articles with /api/articles",
}
# The host names a server started on the loopback answers to; any other Host header is refused (a page
# on another site whose name was made to resolve to 127.0.0.1 must not read the store: DNS rebinding).
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")

Fmt = Literal["json", "ndjson", "csv"]
Period = Literal["day", "week", "month", "year"]


class Candidate(BaseModel):
    """An entity a name may designate."""

    id: str
    name: str
    type: str
    country: str | None = None
    mentions: int
    articles: int


class ErrorBody(BaseModel):
    code: str
    reason: str
    hint: str | None = None
    candidates: list[Candidate] | None = None


class ErrorResponse(BaseModel):
    error: ErrorBody


class Page(BaseModel):
    """A page of a list: its rows, their column names, and the link to the next page (null at the end)."""

    columns: list[str]
    items: list[dict[str, Any]]
    next: str | None


_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorResponse, "description": "Bad parameter (date, range, cursor)"},
    404: {"model": ErrorResponse, "description": "Unknown entity or article"},
    422: {"model": ErrorResponse, "description": "Parameter of the wrong type, length or range"},
    413: {"model": ErrorResponse, "description": "Request body sent (the API takes none)"},
    414: {"model": ErrorResponse, "description": "URL too long"},
}
_AMBIGUOUS: dict[int | str, dict[str, Any]] = {
    300: {
        "model": ErrorResponse,
        "description": "The name fits several entities: `error.candidates` lists them, best first",
    },
}
_LIST: dict[int | str, dict[str, Any]] = {
    **_ERRORS,
    200: {
        "model": Page,
        "description": "JSON page (default), NDJSON or CSV (`format=` or `Accept`); `Link` header to the next page",
        "content": {"application/x-ndjson": {"schema": {"type": "string"}}, "text/csv": {"schema": {"type": "string"}}},
    },
}


_NAMED: dict[int | str, dict[str, Any]] = {**_LIST, **_AMBIGUOUS}
_WEEK = re.compile(r"^\d{4}-W\d{2}$")


def _day(value: str | None, name: str, end: bool) -> str | None:
    """An ISO date of any granularity, or an ISO week (``2017-W01``, the periods ``by=week`` returns),
    as the first (``since``) or last (``until``) day it covers."""
    if value is None or value == "":
        return None
    try:
        if _WEEK.match(value):
            first, last = period_bounds(value)
            return last if end else first
        d = PubDate.parse(value)
    except DatelineError as err:
        raise DatelineError("bad-date", f"{name}: {err.reason}", hint=err.hint) from None
    return (d.latest if end else d.earliest).isoformat()


class Filters:
    """The filters every fact query takes: date range, uncertainty policy, language, source."""

    def __init__(
        self,
        since: str | None,
        until: str | None,
        uncertain: Literal["overlap", "within"],
        lang: str | None,
        source: str | None,
    ) -> None:
        self.since = _day(since, "since", end=False)
        self.until = _day(until, "until", end=True)
        if self.since and self.until and self.since > self.until:
            raise DatelineError("bad-range", f"since {self.since} is after until {self.until}", hint="swap them")
        self.uncertain: Literal["overlap", "within"] = uncertain
        self.lang = lang or None
        self.source = source or None

    def kw(self) -> dict[str, Any]:
        return {
            "since": self.since,
            "until": self.until,
            "uncertain": self.uncertain,
            "lang": self.lang,
            "source": self.source,
        }


async def filters(
    since: Annotated[
        str | None,
        Query(max_length=32, description="ISO date (2017, 2017-01, 2017-01-28) or week (2017-W01): from its first day"),
    ] = None,
    until: Annotated[str | None, Query(max_length=32, description="ISO date or week: up to its last day")] = None,
    uncertain: Annotated[
        Literal["overlap", "within"],
        Query(description="keep uncertain dates that overlap the range, or only those within it"),
    ] = "overlap",
    lang: Annotated[str | None, Query(max_length=8)] = None,
    source: Annotated[str | None, Query(max_length=_TEXT)] = None,
) -> Filters:
    """The filters of a request. A coroutine, so that FastAPI runs it on the event loop: a synchronous
    dependency would cost every request a round trip through the thread pool."""
    return Filters(since, until, uncertain, lang, source)


Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"rows per page (1-{MAX_LIMIT})")]
Cursor = Annotated[str | None, Query(max_length=2048, description="from the previous page's next link")]
Format = Annotated[Fmt | None, Query(description="json (default), ndjson or csv; or use the Accept header")]
Name = Annotated[
    str,
    Query(
        min_length=1,
        max_length=_TEXT,
        description="an entity: its id, any of its names, a surname, the start of a name, or a role it holds",
    ),
]


def _fmt(request: Request, fmt: Fmt | None) -> Fmt:
    if fmt:
        return fmt
    accept = request.headers.get("accept", "")
    if "application/x-ndjson" in accept or "application/jsonl" in accept:
        return "ndjson"
    if "text/csv" in accept:
        return "csv"
    return "json"


def _next_link(request: Request, cursor: str | None) -> str | None:
    if cursor is None:
        return None
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "cursor"]
    params.append(("cursor", cursor))
    return f"{request.url.path}?{urlencode(params)}"


class Paging:
    """A list request's page size, cursor and output format, and how to answer it."""

    def __init__(self, request: Request, limit: int, cursor: str | None, fmt: Fmt | None, total: bool = False) -> None:
        self.request = request
        self.limit = limit
        self.cursor = cursor
        self.fmt = fmt
        self.total = total
        self.count: int | None = None

    def answer(
        self,
        rows: Sequence[dict[str, Any]],
        columns: Sequence[str],
        nxt: str | None,
        resolved: Mapping[str, Lookup] | None = None,
    ) -> Response:
        """A page of rows in the asked format, linking to the page after the cursor ``nxt`` (if any).
        The JSON page also says which entity each name parameter designated (``resolved``), so that a
        client can show "Trump: Donald Trump" and the other entities the name fits."""
        link = _next_link(self.request, nxt)
        headers = {"Link": f'<{link}>; rel="next"'} if link else {}
        out = _fmt(self.request, self.fmt)
        if out == "ndjson":
            return Response(render_ndjson(rows), media_type=FORMATS["ndjson"], headers=headers)
        if out == "csv":
            return Response(render_csv(rows, columns), media_type=FORMATS["csv"], headers=headers)
        body: dict[str, Any] = {"columns": list(columns), "items": list(rows), "next": link}
        if self.count is not None:
            body["total"] = self.count
        if resolved:
            body["resolved"] = {param: resolved_entity(found) for param, found in resolved.items()}
        return JSONResponse(body, headers=headers)

    def facts(
        self,
        fetch: Callable[[Store, int], Rows],
        key: Callable[[dict[str, Any]], list[Any]],
        entities: Mapping[str, str | None] | None = None,
        articles: bool = False,
    ) -> Response:
        """A page of a list the store returns in a fixed order: ``fetch(store, n)`` gives its first ``n``
        rows, ``key`` the sort key of a row (see :func:`~dateline.api.pages.page_rows`). Each name of
        ``entities`` (parameter -> name) must designate an entity of the store: 404 if none, 300 with
        the candidates if several fit. With ``articles``, each row also gets its article's ``title``
        and ``article_source``, so a fact can be read beside where it was told. With ``total=true``,
        the list is counted too (up to MAX_SCAN rows)."""
        s: Store = self.request.app.state.pool.get()
        resolved = {param: need_entity(s, name) for param, name in (entities or {}).items() if name}
        page, nxt, rows = page_rows(lambda n: fetch(s, n), key, self.cursor, self.limit, MAX_SCAN)
        columns = list(getattr(rows, "columns", []))
        if articles:
            page = with_articles(s, page)
            columns += [c for c in ("title", "article_source") if c not in columns]
        if self.total:
            self.count = len(rows) if nxt is None and not self.cursor else len(fetch(s, MAX_SCAN))
        return self.answer(page, columns, nxt, resolved)


Total = Annotated[
    bool, Query(description=f"also count the whole list (up to {MAX_SCAN:,} rows): `total` in the JSON page")
]


async def paging(
    request: Request, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None, format: Format = None, total: Total = False
) -> Paging:
    """The paging of a list request (a coroutine, run on the event loop, like :func:`filters`)."""
    return Paging(request, limit, cursor, format, total)


def _key(*columns: str) -> Callable[[dict[str, Any]], list[Any]]:
    return lambda r: [r[c] for c in columns]


def _error(
    status: int, code: str, reason: str, hint: str | None = None, candidates: list[dict[str, Any]] | None = None
) -> JSONResponse:
    """The one shape of every error: ``{"error": {"code", "reason", "hint"}}`` (``candidates`` added for
    an ambiguous name)."""
    body: dict[str, Any] = {"code": code, "reason": reason, "hint": hint}
    if candidates is not None:
        body["candidates"] = [{k: c[k] for k in Candidate.model_fields} for c in candidates]
    return JSONResponse({"error": body}, status_code=status)


def check_store(db: str | Path) -> None:
    """Refuse, with a clear error, a ``db`` that is not a dateline store this version can read: a file
    that is not SQLite, an empty file or another program's database, a store of a newer schema. The
    server checks at start, so that such a store fails there and not as "no such table" per request."""
    from dateline.store import is_url

    try:
        store = open_store(db, readonly=True)
    except DatelineError:
        raise
    except Exception as exc:  # sqlite3.DatabaseError: "file is not a database"
        raise DatelineError(
            "store-unusable",
            f"{shown(db)} is not a dateline store: {exc}",
            hint="pass --db a store written by 'dateline ingest'",
        ) from None
    with store:
        try:
            if is_url(db):
                from dateline.store.pg_migrations import MIGRATIONS as PG
                from dateline.store.pg_migrations import schema_version

                version, known = schema_version(store.conn), len(PG)
            else:
                from dateline.store.migrations import MIGRATIONS

                version, known = store.conn.execute("PRAGMA user_version").fetchone()[0], len(MIGRATIONS)
            if version > known:
                raise DatelineError(
                    "store-too-new",
                    f"{shown(db)} is at schema version {version}, newer than this dateline reads ({known})",
                    hint="upgrade dateline to serve it",
                )
            if version == 0:
                raise DatelineError(
                    "store-unusable",
                    f"{shown(db)} holds no dateline store (empty, or another program's database)",
                    hint="pass --db a store written by 'dateline ingest'",
                )
            store.conn.execute("SELECT count(*) FROM articles").fetchone()
        except store.db_error as exc:
            raise DatelineError(
                "store-unusable",
                f"{shown(db)} is not a dateline store: {exc}",
                hint="pass --db a store written by 'dateline ingest'",
            ) from None


class _Pool:
    """One read-only store connection per thread, opened on the thread's first request and all closed
    together at shutdown.

    FastAPI runs the (synchronous) endpoints in a thread pool, so there are at most as many connections
    as threads. An endpoint takes its connection with :meth:`get` in the thread that runs it, never in a
    dependency: FastAPI runs a synchronous dependency in a thread pool call of its own, maybe on another
    thread, and the connection it returned would be used by two requests at once.
    """

    def __init__(self, db: str) -> None:
        self.db = db
        check_store(db)  # fail now, clearly, if there is no store or not one we can read
        with open_store(db, readonly=True) as first:
            self.db_error = first.db_error
        self.local = threading.local()
        self.opened: list[Store] = []
        self.lock = threading.Lock()

    def get(self) -> Store:
        s: Store | None = getattr(self.local, "store", None)
        if s is not None and s.broken:  # a database server that restarted: connect again
            s.close()
            with self.lock:
                self.opened.remove(s)
            s = None
        if s is None:
            s = open_store(self.db, readonly=True)
            self.local.store = s
            with self.lock:
                self.opened.append(s)
        return s

    def close(self) -> None:
        with self.lock:
            for s in self.opened:
                s.close()
            self.opened.clear()
        self.local = threading.local()


F = Annotated[Filters, Depends(filters)]
# Declared before F in a signature, so that the OpenAPI parameters come in the order limit, cursor,
# format, then the filters.
P = Annotated[Paging, Depends(paging)]


def need_entity(s: Store, name: str) -> Lookup:
    """What ``name`` designates; ``unknown-entity`` (404) if nothing, ``ambiguous-entity`` (300, with
    the candidates) if several entities fit and none clearly more."""
    found = s.lookup(name)
    if not found.clusters:
        raise found.error()
    return found


def resolved_entity(found: Lookup) -> dict[str, Any]:
    """A resolved name as the API shows it: the query, the entity (its first cluster), how it was
    found, and the other entities the name also fits."""
    first = next((c for c in found.candidates if c["id"] == found.clusters[0]), None)
    return {
        "query": found.query,
        "id": found.clusters[0],
        "name": first["name"] if first else found.clusters[0],
        "how": found.how,
        "others": [{k: c[k] for k in Candidate.model_fields} for c in found.others()],
    }


_CSP = (
    b"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    b"object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
_SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


def _host_name(header: bytes) -> str:
    """The host name of a Host header, without its port, lower-case; IPv6 without its brackets."""
    host = header.decode("latin-1").strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def allowed_hosts(hosts: Iterable[str]) -> frozenset[str]:
    """The set of host names to answer to: the loopback names and ``hosts`` (as a Host header names
    them: no port, no brackets, lower-case)."""
    return frozenset([*LOOPBACK_HOSTS, *(_host_name(h.encode()) for h in hosts if h)])


class _Guard:
    """Request checks and security headers, as a plain ASGI middleware (cheaper per request than
    Starlette's ``BaseHTTPMiddleware``, which matters under load).

    Refuses a Host header that is not one of ``hosts`` (400: a site whose name was rebound to this
    address must not read the store), URLs over MAX_URL (414), any request body over MAX_BODY or chunked
    (413), and NUL characters in the path or parameters (400: never meaningful in a name, date or search,
    and SQLite's full-text parser stops at them). Answers HEAD wherever GET is answered (the same status
    and headers, no body). Adds nosniff, no-referrer, frame denial, and a Content-Security-Policy without
    inline or remote scripts to every response but the Swagger page, so data can never become code even
    if escaping failed somewhere.
    """

    def __init__(self, app: Any, hosts: frozenset[str] = frozenset(LOOPBACK_HOSTS)) -> None:
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope: MutableMapping[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        query: bytes = scope.get("query_string", b"")
        headers = dict(scope.get("headers") or [])
        problem: JSONResponse | None = None
        head = scope.get("method") == "HEAD"
        if head:
            scope = {**scope, "method": "GET"}
        if _host_name(headers.get(b"host", b"")) not in self.hosts:
            problem = _error(
                400,
                "bad-host",
                "this server does not answer for that host name",
                "open it as http://127.0.0.1:PORT/ or http://localhost:PORT/, or start it with --allowed-host NAME",
            )
        elif len(scope.get("raw_path") or path.encode()) + len(query) > MAX_URL:
            problem = _error(414, "uri-too-long", f"the URL is longer than {MAX_URL} characters")
        else:
            length = headers.get(b"content-length", b"")
            if (length and (not length.isdigit() or int(length) > MAX_BODY)) or b"chunked" in headers.get(
                b"transfer-encoding", b""
            ):
                problem = _error(413, "too-large", f"request bodies are limited to {MAX_BODY} bytes")
            elif "\x00" in path or b"%00" in query or b"\x00" in query:
                problem = _error(400, "bad-parameter", "parameters must not contain NUL characters")
        csp = not path.startswith("/docs")

        async def send_with_headers(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *_SECURITY_HEADERS]
                if csp:
                    message["headers"].append((b"content-security-policy", _CSP))
            elif head and message["type"] == "http.response.body":
                message = {**message, "body": b""}  # HEAD: the GET's headers (its length too), no body
            await send(message)

        if problem is not None:
            await problem(scope, receive, send_with_headers)
        else:
            await self.app(scope, receive, send_with_headers)


def create_app(db_path: str | Path, *, title: str = "dateline", hosts: Iterable[str] = ()) -> FastAPI:
    """The FastAPI application serving the store at ``db_path`` read-only.

    ``db_path`` is a SQLite file or a PostgreSQL URL. A store connection belongs to one thread, and
    FastAPI runs the (synchronous) endpoints in a thread pool, so each worker thread opens its own
    read-only connection on first use (again if the connection to a database server broke); all are
    closed when the application shuts down. The store must exist and be a dateline store of a schema
    this version reads (:func:`check_store`): anything else fails here, not on the first request.
    Requests are answered only for the loopback host names and ``hosts`` (the Host header).
    """
    pool = _Pool(str(db_path))

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()

    app = FastAPI(
        title=title,
        version=__version__,
        description="Read-only API over a dateline store: articles and their analysis records, entities, "
        "timelines, quotes, events, co-mentions, mentions over time and full-text search.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.pool = pool

    # -- errors and limits -----------------------------------------------------------------------------
    @app.exception_handler(DatelineError)
    async def dateline_error(_: Request, err: DatelineError) -> JSONResponse:
        if isinstance(err, AmbiguousEntity):
            return _error(300, err.code, err.reason, "ask again with one of the candidates' ids", err.candidates)
        return _error(404 if err.code in _NOT_FOUND else 400, err.code, err.reason, _API_HINTS.get(err.code, err.hint))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, err: StarletteHTTPException) -> JSONResponse:
        # Unknown routes and methods answer in the same shape as every other error.
        if err.status_code == 404:
            return _error(404, "not-found", f"no such page: {request.url.path}", "the API's routes are listed at /docs")
        if err.status_code == 405:
            return _error(
                405, "method-not-allowed", f"{request.method} is not allowed here", "the API is read-only: use GET"
            )
        return _error(err.status_code, "http-error", str(err.detail), "see /docs")

    @app.exception_handler(pool.db_error)
    async def store_error(_: Request, err: Exception) -> JSONResponse:
        # A database server that restarted or went away: this request fails, the next one connects again.
        reason = (str(err).strip().splitlines() or [type(err).__name__])[0]
        return _error(503, "store-unavailable", f"the store could not answer: {reason}", "try again shortly")

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, err: RequestValidationError) -> JSONResponse:
        parts = []
        for e in err.errors():
            where = ".".join(str(p) for p in e.get("loc", ()) if p not in ("query", "path"))
            parts.append(f"{where}: {e.get('msg', 'invalid')}")
        return _error(422, "bad-parameter", "; ".join(parts) or "invalid request", "see /docs for the parameters")

    app.add_middleware(_Guard, hosts=allowed_hosts(hosts))

    # -- articles --------------------------------------------------------------------------------------
    @app.get("/api/articles", responses=_LIST, tags=["articles"], summary="Articles in publication order")
    def list_articles(p: P, f: F) -> Response:
        after = decode_cursor(p.cursor, 3) if p.cursor else None
        if after is not None and not all(isinstance(v, str) for v in after):
            raise DatelineError("bad-cursor", "the cursor is not valid", hint="use the 'next' link as is")
        rows = article_page(pool.get(), after=after, limit=p.limit + 1, **f.kw())
        page = rows[: p.limit]
        nxt = None
        if len(rows) > p.limit:
            last = page[-1]
            nxt = encode_cursor([last["published_earliest"], last["published_latest"], last["id"]])
        return p.answer(page, ARTICLE_COLS, nxt)

    @app.get(
        "/api/articles/{article_id:path}",
        response_model=dict[str, Any],
        responses=_ERRORS,
        tags=["articles"],
        summary="One article with its analysis record (the contract: entities, timexes, quotes, events)",
    )
    def get_article(article_id: Annotated[str, PathParam(min_length=1, max_length=_TEXT)]) -> Response:
        return JSONResponse(pool.get().record(article_id))

    # -- entities --------------------------------------------------------------------------------------
    @app.get(
        "/api/entities", responses=_LIST, tags=["entities"], summary="Entities by name prefix, most mentioned first"
    )
    def list_entities(
        p: P,
        q: Annotated[str | None, Query(max_length=_TEXT, description="start of any word of any of its names")] = None,
        type: Annotated[Literal["PER", "ORG", "LOC", "GPE", "MISC"] | None, Query()] = None,
    ) -> Response:
        after = decode_cursor(p.cursor, 2) if p.cursor else None
        if after is not None and not (isinstance(after[0], int) and isinstance(after[1], str)):
            raise DatelineError("bad-cursor", "the cursor is not valid", hint="use the 'next' link as is")
        rows = entity_page(pool.get(), q, type=type, after=after, limit=p.limit + 1)
        page = rows[: p.limit]
        nxt = encode_cursor([page[-1]["mentions"], page[-1]["id"]]) if len(rows) > p.limit else None
        return p.answer(page, rows.columns, nxt)

    @app.get(
        "/api/lookup",
        response_model=dict[str, Any],
        responses={**_ERRORS, **_AMBIGUOUS},
        tags=["entities"],
        summary="The entity a name designates, as people type names (or the candidates when several fit)",
    )
    def lookup(name: Name) -> Response:
        """Resolves an id, any name or alias, a surname, a first name and surname, a transliteration
        ("Putin"), a prefix ("Lavr"), initials in capitals ("EI") or a role ("président de la
        République"), accents and case ignored. 200 with the entity, how it was found and the other
        entities the name also fits; 300 with the candidates when several fit and none clearly more;
        404 when none does."""
        return JSONResponse(resolved_entity(need_entity(pool.get(), name)))

    @app.get(
        "/api/entities/{entity:path}",
        response_model=dict[str, Any],
        responses={**_ERRORS, **_AMBIGUOUS},
        tags=["entities"],
        summary="One entity: names (aliases with counts), roles, type, country, article and mention counts",
    )
    def get_entity(entity: Annotated[str, PathParam(min_length=1, max_length=_TEXT)]) -> Response:
        """The entity is looked up as ``/api/lookup`` does; ``lookup`` says how, and which other
        entities the name also fits."""
        s = pool.get()
        found = need_entity(s, entity)
        return JSONResponse({**s.entity(entity), "lookup": resolved_entity(found)})

    # -- facts -----------------------------------------------------------------------------------------
    @app.get(
        "/api/timeline", responses=_NAMED, tags=["facts"], summary="An entity's events, quotes and mentions by date"
    )
    def timeline(entity: Name, p: P, f: F) -> Response:
        return p.facts(
            lambda s, n: s.timeline(entity, limit=n, **f.kw()),
            _key("earliest", "latest", "article", "kind", "type"),
            {"entity": entity},
        )

    @app.get("/api/quotes", responses=_NAMED, tags=["facts"], summary="Quotes by speaker, date range and words")
    def quotes(
        p: P,
        f: F,
        speaker: Annotated[str | None, Query(max_length=_TEXT)] = None,
        q: Annotated[str | None, Query(max_length=_TEXT, description="words that must all appear in the quote")] = None,
    ) -> Response:
        return p.facts(
            lambda s, n: s.quotes(speaker=speaker or None, search=q or None, limit=n, **f.kw()),
            _key("earliest", "latest", "article", "start", "id"),
            {"speaker": speaker},
            articles=True,
        )

    @app.get("/api/events", responses=_NAMED, tags=["facts"], summary="Events by actor, pair of actors, type and date")
    def events(
        p: P,
        f: F,
        actor: Annotated[str | None, Query(max_length=_TEXT, description="source or target")] = None,
        other: Annotated[str | None, Query(max_length=_TEXT, description="with actor: the other side")] = None,
        type: Annotated[
            str | None,
            Query(max_length=32, pattern=r"^[A-Za-z_]*$", description="PLOVER type: " + ", ".join(TYPES)),
        ] = None,
        min_confidence: Annotated[
            float | None,
            Query(ge=0, le=1, description="hide less sure events (default: the floor calibrated on dev; 0 = all)"),
        ] = None,
    ) -> Response:
        from dateline.events.confidence import default_min_confidence

        if other and not actor:
            raise DatelineError("bad-parameter", "other needs actor", hint="pass both to get events between two actors")
        if type and type.upper() not in TYPES:
            raise DatelineError(
                "bad-parameter",
                f"type: {type!r} is not a PLOVER event type",
                hint="one of " + ", ".join(TYPES) + " (any case)",
            )
        floor = default_min_confidence() if min_confidence is None else min_confidence
        return p.facts(
            lambda s, n: s.events(
                actor=actor or None, other=other or None, type=type or None, min_confidence=floor, limit=n, **f.kw()
            ),
            _key("earliest", "latest", "article", "id"),
            {"actor": actor, "other": other},
            articles=True,
        )

    @app.get("/api/comentions", responses=_NAMED, tags=["facts"], summary="Who appears in the same articles")
    def comentions(
        entity: Name,
        p: P,
        f: F,
        by: Annotated[Period | None, Query(description="per period")] = None,
        top: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="most frequent per period")] = 20,
    ) -> Response:
        return p.facts(
            lambda s, n: s.comentions(entity, by=by, top=top, **f.kw()),  # bounded by top
            lambda r: [r.get("period", ""), r["id"]],
            {"entity": entity},
        )

    @app.get("/api/mentions", responses=_NAMED, tags=["facts"], summary="Mentions of an entity per period")
    def mentions(
        request: Request,
        f: F,
        entity: Name,
        by: Annotated[Period, Query()] = "month",
        limit: Limit = MAX_LIMIT,  # its own paging parameters: a whole series fits in a page by default
        cursor: Cursor = None,
        format: Format = None,
    ) -> Response:
        return Paging(request, limit, cursor, format).facts(
            lambda s, n: s.mentions_over_time(entity, by=by, **f.kw()),  # one row per period
            _key("period"),
            {"entity": entity},
        )

    @app.get("/api/search", responses=_NAMED, tags=["articles"], summary="Full-text search over titles and texts")
    def search(
        p: P,
        f: F,
        q: Annotated[str, Query(min_length=1, max_length=_TEXT, description="words that must all appear")],
        entity: Annotated[str | None, Query(max_length=_TEXT, description="only articles mentioning it")] = None,
    ) -> Response:
        # Rank order: the key is the article id, unique in a search result.
        return p.facts(
            lambda s, n: s.search(q, entity=entity or None, limit=n, **f.kw()),
            _key("id"),
            {"entity": entity},
            articles=True,
        )

    @app.get("/api/stats", response_model=dict[str, Any], tags=["store"], summary="What the store holds")
    def stats() -> Response:
        """Counts (articles, entities, quotes, events), the span of publication dates, and the articles
        per source and per language."""
        return JSONResponse({**store_summary(pool.get()), "version": __version__})

    # -- docs and UI -----------------------------------------------------------------------------------
    vendor = STATIC / "vendor"

    @app.api_route("/docs", methods=["GET", "HEAD"], include_in_schema=False)
    def docs() -> HTMLResponse:
        # Swagger UI from the vendored files only: nothing is ever fetched from a CDN. Without them (make
        # ui not run), a plain page lists the routes and links the OpenAPI document.
        if (vendor / "swagger-ui-bundle.js").exists():
            return get_swagger_ui_html(
                openapi_url="/openapi.json",
                title=f"{title} API",
                swagger_js_url="/static/vendor/swagger-ui-bundle.js",
                swagger_css_url="/static/vendor/swagger-ui.css",
                swagger_favicon_url="/static/favicon.svg",
            )
        # No script on this page, so it keeps the policy the other pages have.
        return HTMLResponse(
            plain_docs(app.openapi(), f"{title} API"), headers={"content-security-policy": _CSP.decode()}
        )

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    # StaticFiles refuses paths that leave its directory (``..``, absolute paths, symlinks out).
    app.mount("/static", StaticFiles(directory=STATIC, check_dir=True), name="static")
    return app
