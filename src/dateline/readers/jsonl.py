"""JSON Lines: one article per line, with our field names or those of news-please and trafilatura."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from dateline.article import Article, PubDate
from dateline.errors import DatelineError
from dateline.readers.files import DEFAULT_MAX_CHARS, iter_lines

__all__ = ["article_from_mapping", "read_jsonl"]

# Field names, first found wins: ours, then news-please's, then trafilatura's JSON output.
_TEXT = ("text", "maintext", "raw_text", "content")
_DATE = ("date", "date_publish", "published", "pubdate", "date_published", "filedate")
_LANG = ("lang", "language")
_SOURCE = ("source", "source_domain", "sitename", "hostname")


def _first(obj: dict[str, Any], names: tuple[str, ...]) -> Any:
    for name in names:
        value = obj.get(name)
        if value not in (None, ""):
            return value
    return None


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


def article_from_mapping(
    obj: Any, *, default_date: str | None = None, lang: str | None = None
) -> Article:
    """Build an article from one decoded JSON object; unknown fields are ignored."""
    if not isinstance(obj, dict):
        raise DatelineError("bad-json", f"expected a JSON object, got {type(obj).__name__}")
    text = _first(obj, _TEXT)
    if text is None:
        raise DatelineError("empty-text", "no 'text' (or 'maintext') field", hint="each line needs a text")
    if not isinstance(text, str):
        raise DatelineError("bad-json", "'text' is not a string")
    if not text.strip():
        raise DatelineError("empty-text", "the article text is empty")
    raw_date = _first(obj, _DATE)
    if raw_date is None:
        if default_date is None:
            raise DatelineError(
                "missing-date", "no 'date' field and no --date given", hint="add a date or pass --date"
            )
        raw_date = default_date
    dct = PubDate.parse(str(raw_date))
    given_lang = lang or _first(obj, _LANG)
    return Article(
        text=text,
        dct=dct,
        id=_opt_str(obj.get("id")) or "",
        title=_opt_str(obj.get("title")),
        url=_opt_str(obj.get("url")),
        source=_opt_str(_first(obj, _SOURCE)),
        lang=str(given_lang).lower()[:3] if given_lang else None,
    )


def read_jsonl(
    path: str,
    *,
    default_date: str | None = None,
    lang: str | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[Article | DatelineError]:
    """Stream the articles of a JSONL file, yielding an error (with its line) for each bad line."""
    for n, line in iter_lines(path, max_chars):
        if isinstance(line, DatelineError):
            yield line
            continue
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield DatelineError("bad-json", f"malformed JSON: {exc.msg} at column {exc.colno}",
                                source=path, line=n)
            continue
        try:
            art = article_from_mapping(obj, default_date=default_date, lang=lang)
        except DatelineError as err:
            yield err.located(path, n)
            continue
        if len(art.text) > max_chars:
            yield DatelineError("too-large", f"article has {len(art.text):,} characters, over the "
                                f"{max_chars:,} limit", hint="raise --max-chars", source=path, line=n)
            continue
        art.origin = f"{path}:{n}"
        yield art
