"""TimeML per article: the text with its TIMEX3 tags and the publication date as the DCT.

The DCT keeps its true granularity (``value="2017-01"`` for a month-dated article), which TimeML allows
and which tools that need a full day must treat honestly rather than being handed an invented one.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape, quoteattr

__all__ = ["to_timeml"]


def to_timeml(record: dict[str, Any]) -> str:
    """The TimeML document of one record (timexes that overlap an earlier one are left out)."""
    art = record["article"]
    text = art["text"]
    parts = ['<?xml version="1.0" encoding="UTF-8"?>', "<TimeML>", f"<DOCID>{escape(art['id'])}</DOCID>"]
    parts.append(
        f'<DCT><TIMEX3 tid="t0" type="DATE" value={quoteattr(art["dct"])} temporalFunction="false" '
        f'functionInDocument="CREATION_TIME">{escape(art["dct"])}</TIMEX3></DCT>'
    )
    if art.get("title"):
        parts.append(f"<TITLE>{escape(art['title'])}</TITLE>")
    body = []
    pos = 0
    for t in sorted(record["timexes"], key=lambda t: (t["start"], -t["end"])):
        if t["start"] < pos:
            continue
        body.append(escape(text[pos : t["start"]]))
        attrs = f"tid={quoteattr(t['id'])} type={quoteattr(t['type'])} value={quoteattr(t['value'])}"
        body.append(f"<TIMEX3 {attrs}>{escape(text[t['start'] : t['end']])}</TIMEX3>")
        pos = t["end"]
    body.append(escape(text[pos:]))
    parts.append("<TEXT>" + "".join(body) + "</TEXT>")
    parts.append("</TimeML>")
    return "\n".join(parts) + "\n"
