"""The web application: a read-only REST API over a store (under ``/api``) and the web UI (under ``/``).

Every list endpoint answers JSON by default, NDJSON or CSV on ``?format=`` or the ``Accept`` header,
and pages with a cursor (a ``next`` link in the JSON body and a ``Link: <...>; rel="next"`` header).
Errors are JSON ``{"error": {"code", "reason", "hint"}}`` with a 4xx status; the store's SQL is all
parameterised, and ids never reach the file system.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Callable, MutableMapping, Sequence
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

from dateline import __version__
from dateline.api.browse import ARTICLE_COLS, article_page, entity_page
from dateline.api.pages import FORMATS, decode_cursor, encode_cursor, page_rows, render_csv, render_ndjson
from dateline.article import PubDate
from dateline.errors import DatelineError
from dateline.store import Store, open_store
from dateline.store.results import Rows

__all__ = ["MAX_LIMIT", "create_app"]

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

Fmt = Literal["json", "ndjson", "csv"]
Period = Literal["day", "week", "month", "year"]


class ErrorBody(BaseModel):
    code: str
    reason: str
    hint: str | None = None


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
_LIST: dict[int | str, dict[str, Any]] = {
    **_ERRORS,
    200: {
        "model": Page,
        "description": "JSON page (default), NDJSON or CSV (`format=` or `Accept`); `Link` header to the next page",
        "content": {"application/x-ndjson": {"schema": {"type": "string"}}, "text/csv": {"schema": {"type": "string"}}},
    },
}


def _day(value: str | None, name: str, end: bool) -> str | None:
    """An ISO date of any granularity as the first (``since``) or last (``until``) day it covers."""
    if value is None or value == "":
        return None
    try:
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
        str | None, Query(max_length=32, description="ISO date (2017, 2017-01, 2017-01-28): from its first day")
    ] = None,
    until: Annotated[str | None, Query(max_length=32, description="ISO date: up to its last day")] = None,
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
Name = Annotated[str, Query(min_length=1, max_length=_TEXT, description="an entity name, alias or id")]


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

    def __init__(self, request: Request, limit: int, cursor: str | None, fmt: Fmt | None) -> None:
        self.request = request
        self.limit = limit
        self.cursor = cursor
        self.fmt = fmt

    def answer(self, rows: Sequence[dict[str, Any]], columns: Sequence[str], nxt: str | None) -> Response:
        """A page of rows in the asked format, linking to the page after the cursor ``nxt`` (if any)."""
        link = _next_link(self.request, nxt)
        headers = {"Link": f'<{link}>; rel="next"'} if link else {}
        out = _fmt(self.request, self.fmt)
        if out == "ndjson":
            return Response(render_ndjson(rows), media_type=FORMATS["ndjson"], headers=headers)
        if out == "csv":
            return Response(render_csv(rows, columns), media_type=FORMATS["csv"], headers=headers)
        return JSONResponse({"columns": list(columns), "items": list(rows), "next": link}, headers=headers)

    def facts(
        self,
        fetch: Callable[[Store, int], Rows],
        key: Callable[[dict[str, Any]], list[Any]],
        entities: Sequence[str | None] = (),
    ) -> Response:
        """A page of a list the store returns in a fixed order: ``fetch(store, n)`` gives its first ``n``
        rows, ``key`` the sort key of a row (see :func:`~dateline.api.pages.page_rows`). Each of the
        ``entities`` given must be in the store (404 otherwise)."""
        s: Store = self.request.app.state.pool.get()
        for name in entities:
            if name:
                need_entity(s, name)
        page, nxt, rows = page_rows(lambda n: fetch(s, n), key, self.cursor, self.limit, MAX_SCAN)
        return self.answer(page, getattr(rows, "columns", []), nxt)


async def paging(
    request: Request, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None, format: Format = None
) -> Paging:
    """The paging of a list request (a coroutine, run on the event loop, like :func:`filters`)."""
    return Paging(request, limit, cursor, format)


def _key(*columns: str) -> Callable[[dict[str, Any]], list[Any]]:
    return lambda r: [r[c] for c in columns]


def _error(status: int, code: str, reason: str, hint: str | None = None) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "reason": reason, "hint": hint}}, status_code=status)


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
        with open_store(db, readonly=True) as first:  # fail now, clearly, if there is no store
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


def need_entity(s: Store, name: str) -> None:
    """Raise ``unknown-entity`` (404) unless ``name`` designates an entity of the store."""
    if not s.clusters_for(name):
        raise DatelineError("unknown-entity", f"no entity named {name!r} in the store", hint="search /api/entities?q=")


_CSP = (
    b"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    b"object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
_SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class _Guard:
    """Request limits and security headers, as a plain ASGI middleware (cheaper per request than
    Starlette's ``BaseHTTPMiddleware``, which matters under load).

    Refuses URLs over MAX_URL (414), any request body over MAX_BODY or chunked (413), and NUL characters in
    the path or parameters (400: never meaningful in a name, date or search, and SQLite's full-text parser
    stops at them). Adds nosniff, no-referrer, frame denial, and a Content-Security-Policy without inline
    or remote scripts to every response but the Swagger page, so data can never become code even if
    escaping failed somewhere.
    """

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: MutableMapping[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        query: bytes = scope.get("query_string", b"")
        problem: JSONResponse | None = None
        if len(scope.get("raw_path") or path.encode()) + len(query) > MAX_URL:
            problem = _error(414, "uri-too-long", f"the URL is longer than {MAX_URL} characters")
        else:
            headers = dict(scope.get("headers") or [])
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
            await send(message)

        if problem is not None:
            await problem(scope, receive, send_with_headers)
        else:
            await self.app(scope, receive, send_with_headers)


def create_app(db_path: str | Path, *, title: str = "dateline") -> FastAPI:
    """The FastAPI application serving the store at ``db_path`` read-only.

    ``db_path`` is a SQLite file or a PostgreSQL URL. A store connection belongs to one thread, and
    FastAPI runs the (synchronous) endpoints in a thread pool, so each worker thread opens its own
    read-only connection on first use (again if the connection to a database server broke); all are
    closed when the application shuts down. The store must exist: a missing store fails here, not on the first
    request.
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
        return _error(404 if err.code in _NOT_FOUND else 400, err.code, err.reason, err.hint)

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

    app.add_middleware(_Guard)

    # -- articles --------------------------------------------------------------------------------------
    @app.get("/api/articles", responses=_LIST, tags=["articles"], summary="Articles in publication order")
    def list_articles(p: P, f: F) -> Response:
        after = decode_cursor(p.cursor, 3) if p.cursor else None
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
        "/api/entities/{entity:path}",
        response_model=dict[str, Any],
        responses=_ERRORS,
        tags=["entities"],
        summary="One entity: names (aliases with counts), roles, type, country, article and mention counts",
    )
    def get_entity(entity: Annotated[str, PathParam(min_length=1, max_length=_TEXT)]) -> Response:
        return JSONResponse(pool.get().entity(entity))

    # -- facts -----------------------------------------------------------------------------------------
    @app.get(
        "/api/timeline", responses=_LIST, tags=["facts"], summary="An entity's events, quotes and mentions by date"
    )
    def timeline(entity: Name, p: P, f: F) -> Response:
        return p.facts(
            lambda s, n: s.timeline(entity, limit=n, **f.kw()), _key("earliest", "latest", "article", "kind", "type")
        )

    @app.get("/api/quotes", responses=_LIST, tags=["facts"], summary="Quotes by speaker, date range and words")
    def quotes(
        p: P,
        f: F,
        speaker: Annotated[str | None, Query(max_length=_TEXT)] = None,
        q: Annotated[str | None, Query(max_length=_TEXT, description="words that must all appear in the quote")] = None,
    ) -> Response:
        return p.facts(
            lambda s, n: s.quotes(speaker=speaker or None, search=q or None, limit=n, **f.kw()),
            _key("earliest", "latest", "article", "start", "id"),
            [speaker],
        )

    @app.get("/api/events", responses=_LIST, tags=["facts"], summary="Events by actor, pair of actors, type and date")
    def events(
        p: P,
        f: F,
        actor: Annotated[str | None, Query(max_length=_TEXT, description="source or target")] = None,
        other: Annotated[str | None, Query(max_length=_TEXT, description="with actor: the other side")] = None,
        type: Annotated[str | None, Query(max_length=32, pattern=r"^[A-Za-z_]*$", description="PLOVER type")] = None,
        min_confidence: Annotated[
            float | None,
            Query(ge=0, le=1, description="hide less sure events (default: the floor calibrated on dev; 0 = all)"),
        ] = None,
    ) -> Response:
        from dateline.events.confidence import default_min_confidence

        if other and not actor:
            raise DatelineError("bad-parameter", "other needs actor", hint="pass both to get events between two actors")
        floor = default_min_confidence() if min_confidence is None else min_confidence
        return p.facts(
            lambda s, n: s.events(
                actor=actor or None, other=other or None, type=type or None, min_confidence=floor, limit=n, **f.kw()
            ),
            _key("earliest", "latest", "article", "id"),
            [actor, other],
        )

    @app.get("/api/comentions", responses=_LIST, tags=["facts"], summary="Who appears in the same articles")
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
        )

    @app.get("/api/mentions", responses=_LIST, tags=["facts"], summary="Mentions of an entity per period")
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
        )

    @app.get("/api/search", responses=_LIST, tags=["articles"], summary="Full-text search over titles and texts")
    def search(
        p: P,
        f: F,
        q: Annotated[str, Query(min_length=1, max_length=_TEXT, description="words that must all appear")],
        entity: Annotated[str | None, Query(max_length=_TEXT, description="only articles mentioning it")] = None,
    ) -> Response:
        # Rank order: the key is the article id, unique in a search result.
        return p.facts(lambda s, n: s.search(q, entity=entity or None, limit=n, **f.kw()), _key("id"), [entity])

    @app.get("/api/stats", response_model=dict[str, Any], tags=["store"], summary="Size of the store")
    def stats() -> Response:
        return JSONResponse({"articles": pool.get().count(), "version": __version__})

    # -- docs and UI -----------------------------------------------------------------------------------
    vendor = STATIC / "vendor"

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        if (vendor / "swagger-ui-bundle.js").exists():
            return get_swagger_ui_html(
                openapi_url="/openapi.json",
                title=f"{title} API",
                swagger_js_url="/static/vendor/swagger-ui-bundle.js",
                swagger_css_url="/static/vendor/swagger-ui.css",
                swagger_favicon_url="/static/favicon.svg",
            )
        return get_swagger_ui_html(openapi_url="/openapi.json", title=f"{title} API")

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    # StaticFiles refuses paths that leave its directory (``..``, absolute paths, symlinks out).
    app.mount("/static", StaticFiles(directory=STATIC, check_dir=True), name="static")
    return app
