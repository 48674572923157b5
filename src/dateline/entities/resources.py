"""The entity grouper's language resources: one reader for the per-language data files.

Language knowledge lives in ``dateline/data/entities/<lang>/`` (HeidelTime-style: adding a language is
adding a folder), each file with a ``#`` header saying where its list comes from:

- ``seats.tsv``: seats of government and institutions named for the institution ("l'Élysée", "the
  White House"): ``name<TAB>ISO3<TAB>role[<TAB>acting]`` (:func:`seats`);
- ``organisation_seats.tsv``: capitals that, acting, stand for an international organisation rather
  than for their state ("Bruxelles" → "Union européenne"): ``capital<TAB>organisation``
  (:func:`organisation_seats`);
- ``surname_countries.tsv``: everyday country names that are also surnames in the news ("Hollande"):
  ``form<TAB>ISO3`` (:func:`surname_countries`);
- ``organisations.tsv``: the names of one organisation that spelling and initials do not relate ("LREM",
  "En marche" for "La République en marche"): ``canonical<TAB>name|name`` (:func:`organisation_aliases`);
- ``words.txt``: word lists in ``[section]`` blocks (:func:`words`, sections in :data:`SECTIONS`).

A language without a file has empty tables: the rules that read them then simply do not fire.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from dateline.entities.normalize import fold, name_key
from dateline.sections import parse_sections

__all__ = [
    "SECTIONS",
    "Seat",
    "organisation_aliases",
    "organisation_names",
    "organisation_seats",
    "seats",
    "surname_countries",
    "words",
]

# The sections of ``words.txt`` (the file's header explains each).
SECTIONS = (
    "not_names",
    "common_nouns",
    "pronouns",
    "organisations",
    "media",
    "press",
    "classifiers",
    "place_heads",
    "role_modifiers",
    "office_titles",
    "office_domains",
    "given_names",
)


def _text(lang: str, name: str) -> str | None:
    path = resources.files("dateline") / "data" / "entities" / lang / name
    return path.read_text(encoding="utf-8") if path.is_file() else None


def _rows(lang: str, name: str) -> list[list[str]]:
    """The data rows of ``data/entities/<lang>/<name>`` (no header, no blank line); [] when absent."""
    text = _text(lang, name)
    if text is None:
        return []
    out = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        out.append([c.strip() for c in line.split("\t")])
    return out


def _langs(lang: str | None) -> tuple[str, ...]:
    return (lang,) if lang in ("fr", "en") else ("fr", "en")


@dataclass(frozen=True)
class Seat:
    """A seat of government standing for an institution of a state: ISO3 and CAMEO role ("GOV");
    ``acting``: the name is also an ordinary place, the institution only when it acts ("Bercy")."""

    name: str
    iso3: str
    role: str
    acting: bool = False


@cache
def seats(lang: str | None = None) -> tuple[Seat, ...]:
    """The seats of government of ``lang`` (both languages for ``None``), in file order."""
    out: list[Seat] = []
    for lg in _langs(lang):
        for row in _rows(lg, "seats.tsv"):
            if len(row) >= 3:
                out.append(Seat(row[0], row[1], row[2], len(row) > 3 and row[3] == "acting"))
    return tuple(out)


@cache
def organisation_seats(lang: str | None = None) -> dict[str, str]:
    """Folded capital name → the name of the organisation it stands for when it acts."""
    out: dict[str, str] = {}
    for lg in _langs(lang):
        for row in _rows(lg, "organisation_seats.tsv"):
            if len(row) >= 2:
                out.setdefault(fold(row[0]), row[1])
    return out


@cache
def surname_countries(lang: str | None = None) -> dict[str, str]:
    """Folded everyday country name that is also a surname → ISO3 ("hollande" → "NLD")."""
    out: dict[str, str] = {}
    for lg in _langs(lang):
        for row in _rows(lg, "surname_countries.tsv"):
            if len(row) >= 2:
                out.setdefault(fold(row[0]), row[1])
    return out


@cache
def organisation_aliases(lang: str | None = None) -> dict[str, str]:
    """Name → canonical name of the organisation it names: acronyms (all capitals) as written, other
    names folded without leading articles (the key :func:`~dateline.entities.normalize.name_key` gives);
    the canonical name maps to itself."""
    out: dict[str, str] = {}
    for lg in _langs(lang):
        for row in _rows(lg, "organisations.tsv"):
            if len(row) < 2:
                continue
            canonical = row[0]
            for alias in [canonical, *row[1].split("|")]:
                alias = alias.strip()
                if alias:
                    out.setdefault(alias if alias.replace(".", "").isupper() else name_key(alias), canonical)
    return out


def parse_words(text: str, origin: str = "<text>") -> dict[str, frozenset[str]]:
    """Sections of a words file: ``[name]`` opens one, then one entry per line, ``#`` comments.

    Entries are kept folded (lower case, no accents), as the rules compare them."""

    def entries(section: str, line: str) -> list[str]:
        # Given names are single words and may be listed several a line.
        return [fold(x) for x in (line.split() if section == "given_names" else [line])]

    return parse_sections(text, SECTIONS, origin, entries)


@cache
def words(lang: str | None = None) -> dict[str, frozenset[str]]:
    """The word lists of ``lang`` (both languages merged for ``None``), every section present."""
    merged: dict[str, set[str]] = {name: set() for name in SECTIONS}
    for lg in _langs(lang):
        text = _text(lg, "words.txt")
        if text is None:
            continue
        for k, v in parse_words(text, f"entities/{lg}/words.txt").items():
            merged[k] |= v
    return {k: frozenset(v) for k, v in merged.items()}


@cache
def organisation_names(lang: str | None = None) -> tuple[str, ...]:
    """Organisation names as written (not folded), for searching the text: see ``[organisations]``."""
    out: list[str] = []
    for lg in _langs(lang):
        text = _text(lg, "words.txt") or ""
        current = None
        for raw in text.splitlines():
            line = raw.split("#", 1)[0].strip()
            if line.startswith("[") and line.endswith("]"):
                current = line[1:-1].strip()
            elif line and current == "organisations" and line not in out:
                out.append(line)
    return tuple(out)
