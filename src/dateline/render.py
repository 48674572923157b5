"""Readable views of a record for a person: the text with its facts marked, and lists of those facts.

Marks are inserted as brackets so the view works in any terminal and in plain files:
``[Sergueï Lavrov|PER]`` for an entity mention, ``{le 28 janvier|2017-01-28}`` for a time expression,
``«q1 … q1»`` around a quotation.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["actor_pair", "format_interval", "marked_text", "record_text", "visible"]

# Control characters but tab and newline: C0, DEL and C1. Printed raw, ESC and CSI (U+009B) start terminal
# sequences that an article's text could use to rewrite the screen, change the title, or hide lines.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """``text`` safe to print to a terminal: every control character but tab and newline written as a
    ``\\xNN`` escape (a Windows line end is a line end). Only for people: records keep the text as is."""
    return _CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}", text.replace("\r\n", "\n"))


def actor_pair(source: str | None, source_code: str | None, target: str | None, target_code: str | None) -> str:
    """Who did it to whom: "Vladimir Poutine [RUSGOV] → Angela Merkel [DEUGOV]".

    An actor named but not coded shows "[no code]"; a missing target says "no target given", a missing
    source "unknown source", so a reader never takes a blank for a known actor.
    """

    def one(name: str | None, code: str | None, missing: str) -> str:
        if not name and not code:
            return missing
        return f"{name or code} [{code or 'no code'}]" if name else f"[{code}]"

    return f"{one(source, source_code, 'unknown source')} → {one(target, target_code, 'no target given')}"


def format_interval(value: str | None, earliest: str | None, latest: str | None) -> str:
    """'2017-01-28' when the interval is one day equal to the value, else 'value [earliest..latest]'."""
    if earliest is None or latest is None:
        return f"{value} [unresolved]"
    if earliest == latest == value:
        return value
    if earliest == latest:
        return f"{value} [{earliest}]"
    return f"{value} [{earliest}..{latest}]"


def marked_text(record: dict[str, Any]) -> str:
    """The article text with entity mentions, time expressions and quotes marked inline."""
    text = record["article"]["text"]
    inserts: list[tuple[int, int, str]] = []  # (position, order, string); order breaks ties at a position
    for ent in record["entities"]:
        for m in ent["mentions"]:
            inserts.append((m["start"], 2, "["))
            inserts.append((m["end"], 0, f"|{ent['type']} {ent['id']}]"))
    for t in record["timexes"]:
        inserts.append((t["start"], 2, "{"))
        inserts.append((t["end"], 0, f"|{t['value']}}}"))
    for q in record["quotes"]:
        inserts.append((q["start"], 3, f"⟦{q['id']} "))
        inserts.append((q["end"], -1, f" {q['id']}⟧"))
    out = []
    pos = 0
    for at, _, s in sorted(inserts, key=lambda x: (x[0], x[1])):
        out.append(text[pos:at])
        out.append(s)
        pos = at
    out.append(text[pos:])
    return "".join(out)


def record_text(record: dict[str, Any]) -> str:
    """A readable report of one record: header, marked text, then entities, dates, quotes, events, with
    control characters made :func:`visible`."""
    return visible(_record_text(record))


def _record_text(record: dict[str, Any]) -> str:
    art = record["article"]
    pub = art["published"]
    lines = [
        f"article {art['id']}" + (f" — {art['title']}" if art.get("title") else ""),
        f"  date {art['dct']} ({art['dct_granularity']}), written {pub['earliest']}..{pub['latest']}, "
        f"lang {art['lang']}" + (f", source {art['source']}" if art.get("source") else ""),
        "",
        marked_text(record).strip(),
        "",
    ]
    if record["entities"]:
        lines.append("entities:")
        for e in record["entities"]:
            extra = f" {e['country']}" if e.get("country") else ""
            roles = f" — {'; '.join(e['roles'])}" if e.get("roles") else ""
            lines.append(f"  {e['id']:>4} {e['type']:<4} {e['name']}{extra} ×{len(e['mentions'])}{roles}")
    if record["timexes"]:
        lines.append("time expressions:")
        for t in record["timexes"]:
            when = format_interval(t["value"], t.get("earliest"), t.get("latest"))
            lines.append(f"  {t['id']:>4} {t['type']:<8} {t['text']!r} → {when}")
    if record["quotes"]:
        lines.append("quotes:")
        ents = {e["id"]: e["name"] for e in record["entities"]}
        for q in record["quotes"]:
            sp = q.get("speaker")
            who = "?" if not sp else ents.get(sp.get("entity") or "", sp["text"])
            d = q.get("date") or {}
            when = format_interval(d.get("value"), d.get("earliest"), d.get("latest")) if d else "?"
            snippet = q["text"] if len(q["text"]) <= 100 else q["text"][:97] + "..."
            lines.append(f"  {q['id']:>4} {q['kind']:<8} {who} ({when}): {snippet}")
    if record["events"]:
        lines.append("events:")
        for v in record["events"]:
            d = v["date"]
            when = format_interval(d.get("value"), d.get("earliest"), d.get("latest"))
            ents = {e["id"]: e["name"] for e in record["entities"]}
            src, tgt = v.get("source") or {}, v.get("target") or {}
            who = actor_pair(
                ents.get(src.get("entity") or ""), src.get("code"), ents.get(tgt.get("entity") or ""), tgt.get("code")
            )
            neg = " NOT" if v.get("negated") else ""
            conf = f", {v['confidence']:.2f}" if v.get("confidence") is not None else ""
            lines.append(
                f"  {v['id']:>4} {v['type']}{neg} {who} ({when}, {v['modality']}{conf}): {v['evidence']['text'][:100]}"
            )
    return "\n".join(lines)
