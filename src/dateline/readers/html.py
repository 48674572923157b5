"""HTML pages saved from news sites: main text, title, date and language extracted with trafilatura.

The date trafilatura finds in the page metadata becomes the publication date at the granularity it
gives; the extracted main text is the article text, and offsets refer to it.
"""

from __future__ import annotations

import re

from dateline.article import Article, PubDate
from dateline.errors import DatelineError

__all__ = ["parse_html"]

# trafilatura reports a language only when asked to detect one; the page's own declaration is a better
# source and costs a regex.
_HTML_LANG = re.compile(r"<html\b[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)


def parse_html(
    html: str, *, source: str | None = None, default_date: str | None = None, lang: str | None = None
) -> Article:
    """Extract one article from an HTML page."""
    import trafilatura  # imported here: loading it costs ~0.3 s and most runs read no HTML

    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, url=source)
    except Exception as exc:  # a page the HTML parser chokes on costs that page, never the batch
        raise DatelineError(
            "no-text", f"the HTML page could not be parsed ({type(exc).__name__}: {exc})", source=source
        ) from exc
    if doc is None:
        raise DatelineError("no-text", "no main text found in the HTML page", source=source)
    text = getattr(doc, "text", None) or ""
    if not text.strip():
        raise DatelineError("empty-text", "the HTML page has no main text", source=source)
    raw_date = getattr(doc, "date", None) or default_date
    if not raw_date:
        raise DatelineError(
            "missing-date",
            "no publication date found in the page metadata and no --date given",
            hint="pass --date",
            source=source,
        )
    try:
        dct = PubDate.parse(raw_date)
    except DatelineError as err:
        raise err.located(source) from None
    declared = _HTML_LANG.search(html[:5000])
    page_lang = lang or getattr(doc, "language", None) or (declared.group(1) if declared else None)
    return Article(
        text=text,
        dct=dct,
        title=getattr(doc, "title", None),
        url=getattr(doc, "url", None),
        source=getattr(doc, "sitename", None) or getattr(doc, "hostname", None),
        lang=str(page_lang).lower()[:2] if page_lang else None,
        origin=source,
    )
