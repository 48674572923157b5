"""Wire-copy and business-news conventions the actor coder reads: the dateline's country, companies.

- **The dateline** ("LOUISVILLE, Ky., March 30 - ...", "BONN, April 2 - ..."): news agencies open a
  story with the place it was filed from. Its country is the article's home, the country an actor named
  only by its role ("the union", "the company", "the ministry") is from, as a reader takes it. The place
  is a capital or a country of the gazetteer, a region of the language's ``regions.tsv`` (US states and
  their abbreviations, Canadian provinces), a historical state or seat of government of its
  ``historical.tsv`` ("Peking", "Bonn", "West Germany"), or a town the Phoenix country dictionary lists
  under its country (``places.tsv.gz``, built by ``tools/build_places.py``: "CHICAGO", "OSAKA").
- **Companies**: a name that ends with a company-law form ("Acme Corp", "Beta Holdings PLC") is a
  business, CAMEO sector ``BUS``; a form of one country's law (``PLC``, ``SpA``, ``KK``) or the exchange
  suffix of the instrument code after the name ("Beta PLC <BETA.L>") gives the company's country
  (``companies.tsv``).
"""

from __future__ import annotations

import gzip
import re
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc

from dateline.entities.gazetteer import gazetteer
from dateline.entities.normalize import fold
from dateline.events.resources import table_rows

__all__ = [
    "company_continues",
    "company_country",
    "dateline_country",
    "dateline_end",
    "historical_state",
    "is_company",
    "is_company_form",
    "mark_dateline",
    "state_of_the_time",
]

# "CITY[, Region][, Month D] - ": the opening of an agency story (the region and the date are optional).
_DATELINE = re.compile(
    r"^\s*(?P<city>[A-Z][A-Za-z.'’ -]{1,30}?)\s*"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.'’ ]{1,30}?))?\s*"
    r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}))?\s*(?:-|--|—|–)\s"
)
_TICKER = re.compile(r"^\s*<([A-Z0-9&.\-]{1,12})>")
_CONTINUED = re.compile(r"^\s+(?:and|&)\s+((?:[A-Z][\w.'-]*(?:\s+|$|(?=[<>,]))){1,4})")
# "Henley" + " Group Inc", "Advanced Micro" + " Devices Inc": capitalised words straight after the name,
# then a company-law form (the NER cut the name short of its form).
_NAME_GOES_ON = re.compile(r"^[ \t\n]+((?:[A-Z][\w.'-]*[ \t\n]+){0,3}[A-Z][\w.]*)(?=[\s<>,.;:)]|$)")


def dateline_end(text: str) -> int:
    """The offset just after a story's wire dateline ("LONDON, March 2 - "), 0 when it has none."""
    m = _DATELINE.match(text[:120])
    return m.end() if m is not None else 0


def mark_dateline(doc: Doc, text: str | None = None) -> Doc:
    """Start a sentence after a wire dateline ("LOUISVILLE, Ky., March 30 - Acme Corp said ..."), before
    the parser runs: read as one sentence with it, the place becomes the subject of the lead's verb and
    the company its apposition. Nothing else is touched; a text with no dateline is returned as it is.

    ``text`` is ``doc.text`` when the caller has it (spaCy rebuilds it from the tokens on each access)."""
    text = doc.text if text is None else text
    m = _DATELINE.match(text[:120])
    if m is None or m.end() >= len(text):
        return doc
    for tok in doc:
        if tok.idx >= m.end():
            if tok.i > 0:
                tok.is_sent_start = True
            break
    return doc


@cache
def _forms(lang: str) -> dict[str, str]:
    return {r[1]: (r[2] if len(r) > 2 else "") for r in table_rows(lang, "companies.tsv") if r[0] == "form"}


@cache
def _name_ends(lang: str) -> frozenset[str]:
    return frozenset(r[1] for r in table_rows(lang, "companies.tsv") if r[0] == "name" and len(r) > 1)


@cache
def _tickers(lang: str) -> dict[str, str]:
    return {r[1]: r[2] for r in table_rows(lang, "companies.tsv") if r[0] == "ticker" and len(r) > 2}


@cache
def _regions(lang: str) -> dict[str, str]:
    return {r[0].lower(): r[1] for r in table_rows(lang, "regions.tsv") if len(r) > 1}


@cache
def _historical(lang: str) -> dict[str, str]:
    return {r[0].lower(): r[1] for r in table_rows(lang, "historical.tsv") if len(r) > 1}


@cache
def _successors(lang: str) -> dict[str, tuple[str, str]]:
    return {r[0]: (r[1], r[2]) for r in table_rows(lang, "successors.tsv") if len(r) > 2}


def state_of_the_time(code: str | None, day: date | None, lang: str | None) -> str | None:
    """An actor code with a today's state replaced by the one it belonged to on ``day`` ("RUSGOV" in 1987 →
    "SUNGOV", the language's ``successors.tsv``); the code unchanged with no date or no such row."""
    if not code or day is None or len(code) < 3:
        return code
    found = _successors(lang or "en").get(code[:3])
    if found is None or day.isoformat() >= found[1]:
        return code
    return found[0] + code[3:]


def historical_state(name: str, lang: str | None) -> str | None:
    """The code of a historical state or seat of government ("Soviet Union" → SUN, "Bonn" → DEU), else None."""
    return _historical(lang or "en").get(" ".join(name.split()).lower().removeprefix("the "))


def _place_country(name: str, lang: str | None, region: bool) -> str | None:
    """The country of a dateline's city or region: a region of the language's list first for the slot
    after the city ("Georgia" after a city is the US state), the gazetteer's countries and capitals first
    for the city itself."""
    name = " ".join(name.split()).strip(" ,")
    if not name:
        return None
    regions = _regions(lang or "en")
    # "Ill." is also written "Ill" (the abbreviation without its period).
    in_regions = regions.get(name.lower()) or regions.get(name.lower().rstrip(".")) or regions.get(name.lower() + ".")
    if region and in_regions:
        return in_regions
    hit = gazetteer().lookup(name.title() if name.isupper() else name, lang)
    if hit is not None and hit.iso3 and hit.kind in ("country", "capital"):
        return hit.iso3
    return historical_state(name, lang) or in_regions or _places().get(fold(name))


@cache
def _places() -> dict[str, str]:
    """Towns and regions that stand for their country in a dateline (Phoenix, MIT; ``tools/build_places.py``)."""
    path = resources.files("dateline") / "data" / "events" / "places.tsv.gz"
    if not path.is_file():
        return {}
    with gzip.open(str(path), "rt", encoding="utf-8") as fh:
        rows = [line.rstrip("\n").split("\t") for line in fh if line.strip() and not line.startswith("#")]
    return {r[0]: r[1] for r in rows if len(r) == 2}


def dateline_country(text: str, lang: str | None) -> str | None:
    """The country of a story's dateline ("SAN ANTONIO, Texas, March 9 - " → USA), else None."""
    m = _DATELINE.match(text[:120])
    if m is None:
        return None
    if m.group("region"):
        found = _place_country(m.group("region"), lang, region=True)
        if found:
            return found
    return _place_country(m.group("city"), lang, region=False)


def _last_word(name: str) -> str:
    words = name.replace("<", " ").split()
    return words[-1].lower() if words else ""


def is_company_form(word: str, lang: str | None) -> bool:
    """Whether a word is a company-law form of the language's list ("Inc", "PLC", "SpA")."""
    return word.lower() in _forms(lang or "en")


def is_company(ent: dict[str, Any], lang: str | None, text: str | None = None) -> bool:
    """Whether an organisation's name (or one of its mentions) ends with a company-law form, in English also
    with a word of business names (``companies.tsv``'s ``name`` rows: "... Futures Exchange", "... Industries"),
    or, given the article's ``text``, goes on as a company name the NER cut off ("Mitsui" in "Mitsui and Co
    Ltd", in English also "Henley" in "Henley Group Inc")."""
    forms = _forms(lang or "en")
    if ent.get("type") != "ORG" or not forms:
        return False
    if any(_last_word(n) in forms for n in [ent["name"], *(m["text"] for m in ent["mentions"])]):
        return True
    english = (lang or "en") == "en"
    ends = _name_ends(lang or "en")
    names = [ent["name"], *(m["text"] for m in ent["mentions"])]
    if english and ends and any(len(n.split()) > 1 and _last_word(n) in ends for n in names):
        return True  # "the London Grain Futures Market", "Quarlen Industries"
    if text is not None and english and any(_name_goes_on(text, m["end"], forms) for m in ent["mentions"]):
        return True
    return text is not None and any(company_continues(text, m["end"], lang) for m in ent["mentions"])


def _name_goes_on(text: str, end: int, forms: dict[str, str]) -> bool:
    """Whether the capitalised words right after a name ending at ``end`` end with a company-law form:
    "Henley Group Inc" named "Henley" by the NER."""
    m = _NAME_GOES_ON.match(text[end : end + 60])
    if m is None:
        return False
    words = [w.strip("<>,.").lower() for w in m.group(1).split()]
    return bool(words) and (words[-1] in forms or words[-1] + "." in forms)


def company_continues(text: str, end: int, lang: str | None) -> bool:
    """Whether a name ending at ``end`` goes on as a company name the NER cut off: "Mitsui and Co Ltd",
    "Clayton and Dubilier Inc" ("and"/"&", capitalised words, then a company-law form)."""
    m = _CONTINUED.match(text[end : end + 60])
    if m is None:
        return False
    forms = {f.rstrip(".") for f in _forms(lang or "en")}
    words = [w.strip("<>,.").lower() for w in m.group(1).split()]
    return bool(words) and words[-1] in forms


def company_country(ent: dict[str, Any], text: str, lang: str | None) -> str | None:
    """A company's country from its legal form or from the exchange suffix of the instrument code that
    follows one of its mentions, else None."""
    forms = _forms(lang or "en")
    for n in [ent["name"], *(m["text"] for m in ent["mentions"])]:
        country = forms.get(_last_word(n))
        if country:
            return country
    tickers = _tickers(lang or "en")
    for m in ent["mentions"]:
        t = _TICKER.match(text[m["end"] : m["end"] + 20])
        if t and "." in t.group(1):
            country = tickers.get(t.group(1).rsplit(".", 1)[1].lower())
            if country:
                return country
    return None
