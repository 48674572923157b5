"""JSON Lines: one article per line, with our field names or those of news-please and trafilatura."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from dateline.article import Article, PubDate, check_storable
from dateline.errors import DatelineError, readable
from dateline.readers.files import DEFAULT_MAX_CHARS, iter_lines

__all__ = ["article_from_mapping", "read_jsonl"]

# Field names, first found wins: ours, then news-please's, then trafilatura's JSON output.
_TEXT = ("text", "maintext", "raw_text", "content")
_DATE = ("date", "date_publish", "published", "pubdate", "date_published", "filedate")
_LANG = ("lang", "language")
_SOURCE = ("source", "source_domain", "sitename", "hostname")


_JSON_TYPES = {dict: "an object", list: "an array", bool: "true or false", float: "a number with a fraction"}


def _kind(value: Any) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)


def _opt_str(name: str, value: Any) -> str | None:
    """A field that must be a string: a JSON string as it is, an integer as its digits (ids often are
    numbers); anything else (an array, an object, true, 1.5) is refused rather than stored as Python
    would print it."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise DatelineError("bad-json", f"'{name}' must be a string, not {_kind(value)}")


def _field(obj: dict[str, Any], names: tuple[str, ...]) -> tuple[str, Any]:
    for name in names:
        value = obj.get(name)
        if value not in (None, ""):
            return name, value
    return names[0], None


def article_from_mapping(obj: Any, *, default_date: str | None = None, lang: str | None = None) -> Article:
    """Build an article from one decoded JSON object; unknown fields are ignored."""
    if not isinstance(obj, dict):
        raise DatelineError("bad-json", f"expected a JSON object, got {type(obj).__name__}")
    if str(obj.get("schema", "")).startswith("dateline.analysis/"):
        return _article_of_record(obj)
    text_field, text = _field(obj, _TEXT)
    if text is None:
        raise DatelineError("empty-text", "no 'text' (or 'maintext') field", hint="each line needs a text")
    if not isinstance(text, str):
        raise DatelineError("bad-json", f"'{text_field}' must be a string, not {_kind(text)}")
    if not text.strip():
        raise DatelineError("empty-text", "the article text is empty")
    date_field, raw_date = _field(obj, _DATE)
    if raw_date is None:
        if default_date is None:
            raise DatelineError("missing-date", "no 'date' field and no --date given", hint="add a date or pass --date")
        raw_date = default_date
    if isinstance(raw_date, int) and not isinstance(raw_date, bool):
        raw_date = str(raw_date)  # a bare year
    if not isinstance(raw_date, str):
        raise DatelineError(
            "bad-date",
            f"'{date_field}' must be a string, not {_kind(raw_date)}",
            hint='write the date as "2017", "2017-01", "2017-01-28" or "2017-01-28T14:30"',
        )
    dct = PubDate.parse(raw_date)
    given_lang = lang or _opt_str(*_field(obj, _LANG))
    source_field, source = _field(obj, _SOURCE)
    return Article(
        text=text,
        dct=dct,
        id=_opt_str("id", obj.get("id")) or "",
        title=_opt_str("title", obj.get("title")),
        url=_opt_str("url", obj.get("url")),
        source=_opt_str(source_field, source),
        lang=given_lang.lower()[:3] if given_lang else None,
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
            yield DatelineError("bad-json", f"malformed JSON: {exc.msg} at column {exc.colno}", source=path, line=n)
            continue
        except ValueError as exc:  # legal JSON Python will not read: an integer of more than 4,300 digits
            yield DatelineError("bad-json", f"unreadable JSON value: {exc}", source=path, line=n)
            continue
        except RecursionError:
            yield DatelineError("bad-json", "JSON nested too deeply to read", source=path, line=n)
            continue
        try:
            art = article_from_mapping(obj, default_date=default_date, lang=lang)
        except DatelineError as err:
            yield err.located(path, n)
            continue
        except RecursionError:  # a record read back, nested deeper than it can be checked
            yield DatelineError("bad-json", "JSON nested too deeply to read", source=path, line=n)
            continue
        if len(art.text) > max_chars:
            yield DatelineError(
                "too-large",
                f"article has {len(art.text):,} characters, over the {max_chars:,} limit",
                hint="raise --max-chars",
                source=path,
                line=n,
            )
            continue
        art.origin = readable(f"{path}:{n}")
        yield art


def _article_of_record(obj: dict[str, Any]) -> Article:
    """An analysis record read back (e.g. from ``dateline export --format jsonl``): its article, carrying
    the record itself so that ingest stores it as it is instead of analysing the text again."""
    from dateline.record import SCHEMA

    check_strings(obj)
    if obj["schema"] != SCHEMA:
        raise DatelineError(
            "bad-record", f"unsupported record schema {obj['schema']!r}", hint=f"this dateline reads {SCHEMA}"
        )
    try:
        art = obj["article"]
        return Article(
            text=art["text"],
            dct=PubDate.parse(art["dct"]),
            id=art["id"],
            title=art.get("title"),
            url=art.get("url"),
            source=art.get("source"),
            lang=art["lang"],
            meta={"record": obj},
        )
    except (KeyError, TypeError) as exc:
        raise DatelineError("bad-record", f"analysis record without {exc}") from None
    except DatelineError as err:
        if err.code != "bad-argument":
            raise
        raise DatelineError("bad-record", err.reason) from None


def check_strings(value: Any, where: str = "record") -> None:
    """Refuse a record read back that holds, anywhere (keys included), a character no store can keep:
    its names and roles are stored as they are, not only its text."""
    if isinstance(value, str):
        check_storable(value, where)
    elif isinstance(value, dict):
        for k, v in value.items():
            check_storable(str(k), f"{where} key")
            check_strings(v, f"{where}.{k}" if where.count(".") < 2 else where)
    elif isinstance(value, list):
        for v in value:
            check_strings(v, where)
