"""Validate a gold file (quotes, attributions, events or time expressions) against the corpus texts in ../shared.

    python eval/tools/check_gold.py eval/quotes/fr_gold.jsonl eval/events/fr_gold.jsonl
    python eval/tools/check_gold.py eval/*/*_test*.jsonl     # the test sets and their second passes

For every line: the corpus and id exist, the sha1 of the record's text matches (so a changed corpus
is noticed instead of scoring against shifted offsets), every span is inside the text with
start < end, no span starts or ends inside a word or on whitespace, and the labels are valid
(quote kinds; PLOVER types and modes from plover_ontology.json; actor codes; modalities; TIMEX3-like
date values). Quote files must not repeat an article; event files must not repeat a sentence, and
event spans must lie inside their sentence. Exit status 1 and one message per problem otherwise.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from corpora import ALL_CORPORA as CORPORA
from corpora import SHARED, load_records, text_sha1

QUOTE_KINDS = {"direct", "indirect", "mixed"}
MODALITIES = {"asserted", "intended", "hypothetical", "reported"}
# Country (ISO3 or a PLOVER non-state code) + PLOVER sector code; both three capital letters.
ACTOR_CODE = re.compile(r"^[A-Z]{3}[A-Z]{3}$")
SECTORS = {
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS",
    "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC",
}  # fmt: skip
# TIMEX3 values for dates as the guidelines allow them: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www,
# seasons (YYYY-SU), decades (199), with an optional time of day.
TIMEX_DATE = re.compile(r"^(\d{3,4}|\d{4}-(\d{2}|W\d{2}|SP|SU|FA|WI)|\d{4}-\d{2}-\d{2}(T[\d:]+|T(MO|AF|EV|NI))?)$")


def load_ontology(shared: Path) -> dict[str, set[str]]:
    """PLOVER type -> set of its mode names, from the shared ontology file."""
    data = json.loads((shared / "eval" / "events" / "plover" / "plover_ontology.json").read_text("utf-8"))
    out: dict[str, set[str]] = {}
    for ev in data["event_types"]:
        out[ev["event"]] = {m["mode"] if isinstance(m, dict) else m for m in ev.get("modes") or []}
    return out


def _word(ch: str) -> bool:
    return ch.isalnum()


def _inside_word(text: str, i: int) -> bool:
    """True when offset i falls between two word characters of one word.

    The corpora glue sentences and inter-titles to the next sentence ("des faitsLe quinquagénaire");
    a lower-case letter followed by an upper-case one is such a seam, so a boundary there is allowed.
    """
    if i <= 0 or i >= len(text) or not (_word(text[i - 1]) and _word(text[i])):
        return False
    return not (text[i - 1].islower() and text[i].isupper())


def span_problems(text: str, start: object, end: object, what: str) -> list[str]:
    """Problems of one [start, end) span: types, bounds, empty, whitespace or mid-word edges."""
    if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool):
        return [f"{what}: offsets must be integers, got {start!r}, {end!r}"]
    if not 0 <= start < end <= len(text):
        return [f"{what}: [{start}, {end}) out of bounds or empty (text length {len(text)})"]
    probs = []
    piece = text[start:end]
    if piece[0].isspace() or piece[-1].isspace():
        probs.append(f"{what}: [{start}, {end}) starts or ends on whitespace: {piece[:40]!r}")
    if _inside_word(text, start):
        context = text[max(0, start - 10) : start + 10]
        probs.append(f"{what}: [{start}, {end}) starts inside a word: {context!r}")
    if _inside_word(text, end):
        context = text[max(0, end - 10) : end + 10]
        probs.append(f"{what}: [{start}, {end}) ends inside a word: {context!r}")
    return probs


def _pair(text: str, value: object, what: str, nullable: bool = True) -> list[str]:
    if value is None:
        return [] if nullable else [f"{what}: must not be null"]
    if not isinstance(value, list) or len(value) != 2:
        return [f"{what}: must be [start, end] or null, got {value!r}"]
    return span_problems(text, value[0], value[1], what)


def check_quote_line(rec: dict, text: str) -> list[str]:
    """Problems of one line of eval/quotes/fr_gold.jsonl."""
    probs: list[str] = []
    quotes = rec.get("quotes")
    if not isinstance(quotes, list):
        return ["'quotes' must be a list"]
    prev_start = -1
    for n, q in enumerate(quotes):
        w = f"quote {n}"
        extra = set(q) - {"start", "end", "kind", "cue", "speaker", "speaker_entity"}
        if extra:
            probs.append(f"{w}: unknown keys {sorted(extra)}")
        probs += span_problems(text, q.get("start"), q.get("end"), w)
        if q.get("kind") not in QUOTE_KINDS:
            probs.append(f"{w}: kind {q.get('kind')!r} not in {sorted(QUOTE_KINDS)}")
        probs += _pair(text, q.get("cue"), f"{w} cue")
        probs += _pair(text, q.get("speaker"), f"{w} speaker")
        ent = q.get("speaker_entity")
        if ent is not None and (not isinstance(ent, str) or not ent.strip()):
            probs.append(f"{w}: speaker_entity must be a non-empty string or null")
        if isinstance(q.get("start"), int):
            if q["start"] < prev_start:
                probs.append(f"{w}: quotes are not in text order")
            prev_start = q["start"]
    return probs


TIMEX_TYPES = {"DATE", "TIME", "DURATION", "SET"}
# TIMEX3 values as TimeML writes them: dates and times (X for unknown digits, seasons, weekends, parts of
# the day, quarters, halves, decades/centuries), the REF values, and durations/sets (P..., PT..., PX...;
# PXX is a vague amount of a vague unit, which one test annotator used).
TIMEX_VALUE = re.compile(
    r"^(PRESENT_REF|PAST_REF|FUTURE_REF"
    r"|[\dX]{2,4}(-([\dX]{2}|W[\dX]{2}|Q[1-4X]|H[12]|SP|SU|FA|WI)(-([\dX]{2}|WE|[1-7]))?)?"
    r"(T([\dX]{2}(:[\dX]{2})?|MO|AF|EV|NI|DT))?"
    r"|P(T)?([\dX.]+[YMWDHS]|T?[\dX.]+[HMS])+|PT?X[YMWDHSX]|P[\dX.]+(Y|M|W|D|DE|CE|Q|H)(T.*)?)$"
)
TIMEX_MODS = {
    "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS",
    "EQUAL_OR_MORE", "START", "MID", "END", "APPROX",
}  # fmt: skip


def check_timex_line(rec: dict, text: str, date: str) -> list[str]:
    """Problems of one line of eval/timex/*_test.jsonl: spans, types, values, mods, order, the DCT."""
    probs: list[str] = []
    if rec.get("dct") != (date or "")[:10]:
        probs.append(f"dct {rec.get('dct')!r} is not the record's date {date!r}")
    timexes = rec.get("timexes")
    if not isinstance(timexes, list):
        return [*probs, "'timexes' must be a list"]
    prev_end = -1
    for n, t in enumerate(timexes):
        w = f"timex {n}"
        extra = set(t) - {"start", "end", "type", "value", "mod"}
        if extra:
            probs.append(f"{w}: unknown keys {sorted(extra)}")
        probs += span_problems(text, t.get("start"), t.get("end"), w)
        if t.get("type") not in TIMEX_TYPES:
            probs.append(f"{w}: type {t.get('type')!r} not in {sorted(TIMEX_TYPES)}")
        if not isinstance(t.get("value"), str) or not TIMEX_VALUE.match(t["value"]):
            probs.append(f"{w}: value {t.get('value')!r} is not a TIMEX3 value")
        if "mod" in t and t["mod"] not in TIMEX_MODS:
            probs.append(f"{w}: mod {t['mod']!r} not in {sorted(TIMEX_MODS)}")
        if isinstance(t.get("start"), int):
            if t["start"] < prev_end:
                probs.append(f"{w}: timexes overlap or are not in text order")
            prev_end = t.get("end", t["start"])
    return probs


def check_attribution_line(rec: dict, text: str) -> list[str]:
    """Problems of one line of eval/quotes/en_test*.jsonl (PolNeAR's conventions: content, cue, source)."""
    probs: list[str] = []
    attrs = rec.get("attributions")
    if not isinstance(attrs, list):
        return ["'attributions' must be a list"]
    for n, a in enumerate(attrs):
        w = f"attribution {n}"
        extra = set(a) - {"content", "cue", "source", "source_entity", "kind", "content_parts", "cue_parts"}
        if extra:
            probs.append(f"{w}: unknown keys {sorted(extra)}")
        probs += _pair(text, a.get("content"), f"{w} content", nullable=False)
        probs += _pair(text, a.get("cue"), f"{w} cue")
        probs += _pair(text, a.get("source"), f"{w} source")
        for part in a.get("content_parts", []) + a.get("cue_parts", []):
            probs += _pair(text, part, f"{w} part", nullable=False)
        if a.get("kind") not in QUOTE_KINDS:
            probs.append(f"{w}: kind {a.get('kind')!r} not in {sorted(QUOTE_KINDS)}")
        ent = a.get("source_entity")
        if ent is not None and (not isinstance(ent, str) or not ent.strip()):
            probs.append(f"{w}: source_entity must be a non-empty string or null")
    return probs


def check_event_line(rec: dict, text: str, ontology: dict[str, set[str]]) -> list[str]:
    """Problems of one line of eval/events/fr_gold.jsonl."""
    probs = span_problems(text, rec.get("start"), rec.get("end"), "sentence")
    if probs:
        return probs
    s0, e0 = rec["start"], rec["end"]
    events = rec.get("events")
    if not isinstance(events, list):
        return ["'events' must be a list"]

    def inside(pair: object, what: str) -> list[str]:
        ok_pair = isinstance(pair, list) and len(pair) == 2 and all(isinstance(x, int) for x in pair)
        if ok_pair and not s0 <= pair[0] < pair[1] <= e0:  # type: ignore[index, operator]
            return [f"{what}: {pair} not inside the sentence [{s0}, {e0})"]
        return []

    for n, ev in enumerate(events):
        w = f"event {n}"
        # "happening" (test sets): events of one article that are the same real-world happening share it.
        keys = {"type", "mode", "trigger", "source", "target", "negated", "modality", "date_value", "happening"}
        extra = set(ev) - keys
        if extra:
            probs.append(f"{w}: unknown keys {sorted(extra)}")
        if "happening" in ev and not (isinstance(ev["happening"], int) and not isinstance(ev["happening"], bool)):
            probs.append(f"{w}: happening must be an integer")
        typ, mode = ev.get("type"), ev.get("mode")
        if typ not in ontology:
            probs.append(f"{w}: type {typ!r} is not a PLOVER 2.0 type")
        elif mode is not None and mode not in ontology[typ]:
            probs.append(f"{w}: mode {mode!r} is not a mode of {typ} ({sorted(ontology[typ])})")
        probs += _pair(text, ev.get("trigger"), f"{w} trigger", nullable=False)
        probs += inside(ev.get("trigger"), f"{w} trigger")
        for role in ("source", "target"):
            actor = ev.get(role)
            if actor is None:
                if role == "source":
                    probs.append(f"{w}: source must be an object (its span/code may be null)")
                continue
            if not isinstance(actor, dict) or set(actor) != {"span", "code"}:
                probs.append(f"{w} {role}: must be {{'span', 'code'}}, got {actor!r}")
                continue
            probs += _pair(text, actor["span"], f"{w} {role} span")
            probs += inside(actor["span"], f"{w} {role} span")
            code = actor["code"]
            if code is not None and (
                not isinstance(code, str) or not ACTOR_CODE.match(code) or code[3:] not in SECTORS
            ):
                probs.append(f"{w} {role}: code {code!r} is not COUNTRY(3)+SECTOR(3) with a PLOVER sector")
        if not isinstance(ev.get("negated"), bool):
            probs.append(f"{w}: negated must be true or false")
        if ev.get("modality") not in MODALITIES:
            probs.append(f"{w}: modality {ev.get('modality')!r} not in {sorted(MODALITIES)}")
        dv = ev.get("date_value")
        if dv is not None and (not isinstance(dv, str) or not TIMEX_DATE.match(dv)):
            probs.append(f"{w}: date_value {dv!r} is not a TIMEX3 date value")
    return probs


def check_file(path: Path, shared: Path = SHARED) -> tuple[int, list[str]]:
    """(number of lines, problems) of a gold file; the kind of file is told by its lines' keys."""
    lines = [json.loads(x) for x in path.read_text("utf-8").splitlines() if x.strip()]
    wanted: dict[str, set[str]] = defaultdict(set)
    for rec in lines:
        if rec.get("corpus") in CORPORA:
            wanted[rec["corpus"]].add(rec.get("id"))
    texts = {c: load_records(c, ids, shared) for c, ids in wanted.items()}
    ontology = load_ontology(shared)
    problems: list[str] = []
    seen: set[tuple] = set()
    for n, rec in enumerate(lines, 1):
        where = f"{path.name}:{n} {rec.get('id')}"
        corpus = rec.get("corpus")
        if corpus not in CORPORA:
            problems.append(f"{where}: unknown corpus {corpus!r}")
            continue
        article = texts[corpus].get(rec.get("id"))
        if article is None:
            problems.append(f"{where}: id not found in {corpus}")
            continue
        text = article["text"]
        if rec.get("sha1") != text_sha1(text):
            problems.append(f"{where}: sha1 does not match the corpus text")
            continue
        if "quotes" in rec:
            key: tuple = (corpus, rec["id"])
            if key in seen:
                problems.append(f"{where}: article appears twice")
            seen.add(key)
            problems += [f"{where}: {p}" for p in check_quote_line(rec, text)]
        elif "events" in rec:
            key = (corpus, rec["id"], rec.get("start"), rec.get("end"))
            if key in seen:
                problems.append(f"{where}: sentence appears twice")
            seen.add(key)
            problems += [f"{where}: {p}" for p in check_event_line(rec, text, ontology)]
        elif "timexes" in rec or "attributions" in rec:
            key = (corpus, rec["id"])
            if key in seen:
                problems.append(f"{where}: article appears twice")
            seen.add(key)
            if "timexes" in rec:
                problems += [f"{where}: {p}" for p in check_timex_line(rec, text, article.get("date") or "")]
            else:
                problems += [f"{where}: {p}" for p in check_attribution_line(rec, text)]
        else:
            problems.append(f"{where}: neither 'quotes', 'events', 'timexes' nor 'attributions'")
    return len(lines), problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--shared", type=Path, default=SHARED)
    args = ap.parse_args(argv)
    bad = False
    for path in args.files:
        n, problems = check_file(path, args.shared)
        for p in problems:
            print(p)
        print(f"{path}: {n} lines, {len(problems)} problems")
        bad = bad or bool(problems)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
