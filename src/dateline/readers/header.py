"""The header text format: ``date 2017-01`` followed by the article text.

Optional leading whitespace, the word ``date``, an ISO 8601 date of any granularity, white space, then
the text. The text is kept exactly as it follows the header, so offsets map back to the file.
"""

from __future__ import annotations

import re

from dateline.article import Article, PubDate
from dateline.errors import DatelineError

__all__ = ["parse_header_text"]

_HEADER = re.compile(r"\A\s*date[ \t]+(?P<date>\S+)(?:[ \t]*\r?\n|[ \t]+|\Z)", re.IGNORECASE)


def parse_header_text(
    raw: str, *, source: str | None = None, default_date: str | None = None, lang: str | None = None
) -> Article:
    """Turn one header-format document into an :class:`Article`.

    Without a ``date`` header the text is accepted only if ``default_date`` is given (the CLI's
    ``--date``): an article without a date is not what dateline is for.
    """
    m = _HEADER.match(raw)
    if m:
        try:
            dct = PubDate.parse(m["date"])
        except DatelineError as err:
            raise err.located(source, 1) from None
        text = raw[m.end() :]
    elif default_date is not None:
        dct = PubDate.parse(default_date)
        text = raw
    else:
        raise DatelineError(
            "missing-date",
            "no 'date ...' header and no --date given",
            hint="start the file with a line like 'date 2017-01-28', or pass --date",
            source=source,
        )
    if not text.strip():
        raise DatelineError("empty-text", "the article has no text after its date header", source=source)
    return Article(text=text, dct=dct, lang=lang, origin=source)
