"""The event coder's language resources: one reader for the per-language data files.

Language knowledge lives in ``dateline/data/events/<lang>/`` as tab-separated files whose ``#`` header
says where each list comes from (HeidelTime-style: adding a language is adding a folder):

- ``triggers.tsv``: the trigger lexicon, by PLOVER type, each entry with its frame (columns and options
  in the file's header), read by :func:`trigger_entries`;
- ``support_verbs.txt``, ``eventive.txt``: the verbs that make a noun trigger an event that took place,
  and the nouns that name an occurrence by themselves (:func:`word_list`);

- ``agents.tsv``: role nouns and the CAMEO/PLOVER sector they give an actor (``lemma<TAB>SEC<TAB>use``,
  ``use`` = ``title`` for a word that titles one person, "ministre", "general"; ``group`` for a word that
  names the body or group the following ``de``/``of`` complement specifies, "conseil", "council");
- ``agents_phoenix.tsv`` (English): PETRARCH2's generic agent nouns, built by
  ``tools/build_actor_dictionary.py``; the hand-written ``agents.tsv`` wins where both have a word;
- ``content.tsv``: what becomes of an act that is the content of a speech act ("menacent de démissionner"),
  by the governing type (``fold``, ``hypothetical``, ``intended``, ``reported``, ``own``; see the file);
- ``cues.tsv``: words that change how an event is told (``lemma<TAB>class``): ``refrain`` (the subject
  keeps from doing it: "se garder de", "refrain from"), ``implicative`` (a negation on it asserts the
  complement: "n'a pas hésité à frapper"), ``ex`` (a former office holder: "ancien", "former").
- ``home.txt``: the country the language's news is about when an article names no country at all (French:
  France), read by :func:`default_home`; a language without the file has none.

Beside them, ``dateline/data/events/actors.tsv.gz`` is the named-actor dictionary (Phoenix, MIT), and
``actors_since_2014.tsv`` the office holders after it (hand-written; its header gives its scope), both
read by :func:`actor_dictionary`. Sector letters are the project's (PLOVER 2.0): CAMEO's ``MED`` (media) is
``JRN`` and CAMEO's ``HLH`` (health) is ``MED``, as the annotation guidelines say.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from dateline.entities.normalize import fold
from dateline.entities.resolve import phonetic

__all__ = [
    "ActorDictionary",
    "Agent",
    "actor_dictionary",
    "agent_of",
    "agents",
    "bodies",
    "content_rules",
    "cues",
    "default_home",
    "igo_code",
    "party_code",
    "project_code",
    "table_rows",
    "to_plover_sector",
    "trigger_entries",
    "word_list",
]

# CAMEO sector letters whose meaning PLOVER 2.0 changed (see the module docstring).
_SECTOR_MAP = {"MED": "JRN", "HLH": "MED"}


def to_plover_sector(code: str) -> str:
    """A CAMEO actor code with PLOVER 2.0's sector letters ("FRAMED" -> "FRAJRN"; "MED" -> "JRN")."""
    if len(code) == 3:
        return _SECTOR_MAP.get(code, code)
    if len(code) >= 6 and code[3:6] in _SECTOR_MAP:
        return code[:3] + _SECTOR_MAP[code[3:6]] + code[6:]
    return code


def project_code(code: str) -> str:
    """A CAMEO actor code in the project's six-letter scheme (eval/events/GUIDELINES.md, 3.3): country or
    non-state root + PLOVER sector, "VUTGOVEDU" → "VUTGOV"; international bodies as :func:`igo_code`
    says; transnational armed groups ("IMGMUSISI") ``IMG`` + ``REB``."""
    code = to_plover_sector(code)
    if code.startswith("IGO"):
        return igo_code(code)
    if code.startswith("IMG"):
        return "IMGREB"
    return code[:6]


def igo_code(full: str) -> str:
    """An intergovernmental body's Phoenix code in the project's six letters (both annotation guidelines):
    the European Community/Union is ``EURGOV``, the United Nations itself ``UNOGOV`` (``UNOMIL`` for its
    peacekeepers), any other body (UN agencies, the World Bank, the IMF, OPEC, the G-7, regional banks)
    ``IGOGOV``, or ``IGOMIL`` for a military alliance's forces. Phoenix's longer codes ("IGOUNODEVWBK",
    "IGOBUSIMF") name the body's family and function, which the six-letter scheme does not keep."""
    military = "MIL" in full[3:] or "PKO" in full[3:]
    if full.startswith("IGOEUR"):
        return "EURMIL" if military else "EURGOV"
    if full == "IGOUNO" or (full.startswith("IGOUNO") and military):
        return "UNOMIL" if military else "UNOGOV"
    return "IGOMIL" if military else "IGOGOV"


def _rows(lang: str, name: str) -> list[list[str]]:
    """The data rows of ``data/events/<lang>/<name>`` (no header, no blank line); [] when absent."""
    path = resources.files("dateline") / "data" / "events" / lang / name
    if not path.is_file():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        out.append([c.strip() for c in line.split("\t")])
    return out


def table_rows(lang: str, name: str) -> list[list[str]]:
    """The data rows of any tab-separated resource ``data/events/<lang>/<name>``, cells stripped; [] when absent."""
    return _rows(lang, name)


@dataclass(frozen=True)
class Agent:
    """A role noun: the sector it gives and how it is used (``title``, ``group`` or ``role``)."""

    sector: str
    use: str = "role"
    # Only as a common noun, never as a word of a name: "the banks" are businesses, "the World Bank" and
    # "the Asian Development Bank" are whatever the dictionary says of their whole name.
    common: bool = False


@cache
def agents(lang: str) -> dict[str, Agent]:
    """Role nouns of a language, by lower-case lemma and form."""
    out: dict[str, Agent] = {}
    for row in _rows(lang, "agents_phoenix.tsv"):
        if len(row) >= 2 and row[1]:
            out[row[0]] = Agent(to_plover_sector(row[1]))
    for row in _rows(lang, "agents.tsv"):
        out[_agent_key(row[0])] = Agent(
            row[1], row[2] if len(row) > 2 and row[2] else "role", len(row) > 3 and row[3] == "noun"
        )
    return out


_ARTICLES = frozenset({"l", "la", "le", "les", "the"})


def _agent_key(entry: str) -> str:
    """An agents-file key: a word, or a head noun and its complement without their article ("forces de
    l'ordre" → "forces de ordre"), as :func:`~dateline.events.actors.role_of` looks them up."""
    words = [w for w in re.split(r"[\s'’]+", entry.lower()) if w and w not in _ARTICLES]
    return " ".join(words) if " " in entry else entry.lower()


def agent_of(tok: Any, lang: str) -> Agent | None:
    """The role noun entry of a token (a spaCy ``Token``): a two-word entry made of the word before it and
    its lemma first ("central bank" is a state's institution where "bank" alone is a business), then its
    lemma, then its form."""
    table = agents(lang)
    found = None
    if tok.i > 0:
        before = tok.doc[tok.i - 1].lower_
        found = table.get(f"{before} {tok.lemma_.lower()}") or table.get(f"{before} {tok.lower_}")
    found = found or table.get(tok.lemma_.lower()) or table.get(tok.lower_)
    if found is not None and found.common and tok.pos_ == "PROPN":
        return None
    return found


@cache
def cues(lang: str) -> dict[str, str]:
    """Cue words of a language by class (see the module docstring), keyed by lower-case lemma."""
    return {row[0]: row[1] for row in _rows(lang, "cues.tsv") if len(row) >= 2}


@cache
def content_rules(lang: str) -> tuple[tuple[str, str, str], ...]:
    """What becomes of the act a speech act governs (``content.tsv``): (governing type, content type or
    ``*``, rule) rows in file order."""
    return tuple((row[0], row[1], row[2]) for row in _rows(lang, "content.tsv") if len(row) >= 3)


@dataclass(frozen=True)
class _Span:
    code: str
    start: str | None
    end: str | None


class ActorDictionary:
    """Named actors with date-ranged codes: a name gets the code valid on the article's date."""

    def __init__(self, lines: list[str], later: list[str] | None = None) -> None:
        self._by_key: dict[str, int] = {}
        self._codes: list[tuple[_Span, ...]] = []
        for line in lines:
            # Keys are stored as entity resolution's transliteration key (see the build tool). The
            # first actor listed under a name keeps it: the files put the main sense first.
            for n, idx in self._add(line):
                self._by_key.setdefault(n, idx)
        for line in later or []:
            # Hand-written entries (names as written): they replace the built table's entry of a name,
            # to end an office the 2014 files left open.
            for n, idx in self._add(line):
                self._by_key[phonetic(fold(n))] = idx
        self._by_surname: dict[str, set[int]] | None = None  # built on first use (see office_holder)
        self._by_loose: dict[str, int] = {}
        for key, idx in self._by_key.items():
            loose = _loose(key)
            if loose != key:
                self._by_loose.setdefault(loose, idx)

    def _add(self, line: str) -> list[tuple[str, int]]:
        """Store one ``names<TAB>codes`` line's codes; its names with the index of those codes."""
        if not line or line.startswith("#"):
            return []
        names, _, codes = line.partition("\t")
        spans = []
        for c in codes.split("|"):
            code, _, rng = c.strip().partition("@")
            lo, _, hi = rng.partition("..")
            spans.append(_Span(to_plover_sector(code), lo or None, hi or None))
        idx = len(self._codes)
        self._codes.append(tuple(spans))
        return [(n.strip(), idx) for n in names.split("|") if n.strip()]

    def __len__(self) -> int:
        return len(self._by_key)

    def code(self, name: str, on: date | None) -> str | None:
        """The code of ``name`` valid on day ``on`` in the project's scheme (:func:`project_code`: country
        and sector, "VUTGOVEDU" → "VUTGOV"): a dated range holding it, else the undated code.

        Undated codes are the actor's default (a former leader's ``ELI``); with no article date only an
        undated code is used, never a guess at which office was meant.
        """
        full = self.full_code(name, on)
        return project_code(full) if full is not None else None

    def full_code(self, name: str, on: date | None) -> str | None:
        """The dictionary's code of ``name`` on day ``on`` as written there (see :meth:`code`)."""
        key = phonetic(fold(name))
        idx = self._by_key.get(key)
        if idx is None and key.startswith("the "):
            idx = self._by_key.get(key[4:])  # "The World Bank": the article is no part of the name
        if idx is None and " " in (loose := _loose(key)):
            idx = self._by_loose.get(loose)
        if idx is None:
            return None
        spans = self._codes[idx]
        if on is not None:
            day = on.isoformat()
            dated = [s for s in spans if (s.start or s.end) and (s.start or "") <= day <= (s.end or "9999")]
            if dated:
                # The range that starts last is the office held then (ranges overlap at hand-overs).
                return max(dated, key=lambda s: s.start or "").code
        undated = [s for s in spans if not (s.start or s.end)]
        if undated:
            return undated[0].code
        return None

    def office_holder(self, surname: str, on: date | None) -> str | None:
        """The code of the one actor a bare surname can mean on day ``on``: among the dictionary's names
        ending with it ("Reagan": "ronald reagan", "president reagan"), the actors holding a dated code
        on that day (in office then), when exactly one code is held ("Baker" in 1987, two offices of two
        men, gives None). A news story names an office holder of its day by his surname alone; the
        dictionary lists him by his full names. None with no date, for a name of several words, and for
        a surname no office holder of the day bears."""
        if on is None or " " in surname.strip():
            return None
        if self._by_surname is None:
            index: dict[str, set[int]] = {}
            for key, idx in self._by_key.items():
                words = key.split()
                if len(words) > 1:
                    index.setdefault(words[-1], set()).add(idx)
            self._by_surname = index
        day = on.isoformat()
        codes = {
            s.code
            for idx in self._by_surname.get(phonetic(fold(surname)), ())
            for s in self._codes[idx]
            if (s.start or s.end) and (s.start or "") <= day <= (s.end or "9999")
        }
        return project_code(codes.pop()) if len(codes) == 1 else None


# The Arabic article, which names spell "al-", "el-", "al " or leave out ("Bachar el-Assad", "Bashar
# al-Assad", "Omar el-Béchir", "Omar al-Bashir"): a second key without it matches across spellings.
_ARTICLE = re.compile(r"(?:(?<=\s)|^)(?:al|el)(?:-|\s)")


def _loose(key: str) -> str:
    """A dictionary key without the Arabic article and with hyphens as spaces."""
    return " ".join(_ARTICLE.sub(" ", key).replace("-", " ").split())


@cache
def actor_dictionary() -> ActorDictionary:
    """The packaged named-actor dictionary (loaded once, on first use): Phoenix's actors
    (``actors.tsv.gz``), then the office holders after 2014 (``actors_since_2014.tsv``), which replace
    Phoenix's entry of the same name."""
    folder = resources.files("dateline") / "data" / "events"
    path = folder / "actors.tsv.gz"
    lines: list[str] = []
    if path.is_file():
        with gzip.open(str(path), "rt", encoding="utf-8") as fh:
            lines = fh.read().splitlines()
    later = folder / "actors_since_2014.tsv"
    extra = later.read_text(encoding="utf-8").splitlines() if later.is_file() else []
    return ActorDictionary(lines, extra)


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(",") if v.strip())


def trigger_entries(lang: str) -> list[Any]:
    """The trigger lexicon entries of ``data/events/<lang>/triggers.tsv`` (see its header), in file order."""
    from dateline.events.lexicon import trig

    out: list[Any] = []
    for row in _rows(lang, "triggers.tsv"):
        etype, pos, lemmas = row[0], row[1], _split(row[2])
        kw: dict[str, Any] = {}
        for item in row[3].split(";") if len(row) > 3 else []:
            key, _, value = item.strip().partition("=")
            if not key:
                continue
            if key in ("mode", "cameo", "particle", "agent"):
                kw[key] = value
            elif key in ("source", "target", "needs", "forbid", "requires", "unless"):
                kw[key] = _split(value)
            elif key == "modes":
                kw[key] = tuple(tuple(p.split(":", 1)) for p in _split(value))
            elif key == "reflexive" and value == "no":
                kw["irreflexive"] = True
            elif key in ("reflexive", "reciprocal"):
                kw[key] = value == "yes"
            elif key == "weight":
                kw[key] = float(value)
            else:
                raise ValueError(f"{lang}/triggers.tsv: unknown option {key!r} for {lemmas}")
        out.extend(trig(etype, lemmas, pos=pos, **kw))
    return out


@cache
def _parties(lang: str) -> dict[str, tuple[str, tuple[tuple[str, str, str], ...]]]:
    """``<lang>/parties.tsv`` by name form (initials as written, other names folded): the party's country and
    its sectors, each with the days it holds (empty for the default)."""
    out: dict[str, tuple[str, tuple[tuple[str, str, str], ...]]] = {}
    for row in _rows(lang, "parties.tsv"):
        names, country, sectors = row[0], row[1], row[2]
        spans = []
        for item in (x.strip() for x in sectors.split("|") if x.strip()):
            sec, _, days = item.partition("@")
            lo, _, hi = days.partition("..")
            spans.append((sec, lo, hi))
        for name in (x.strip() for x in names.split("|") if x.strip()):
            out[name if name.isupper() else fold(name)] = (country, tuple(spans))
    return out


def party_code(name: str, lang: str | None, on: date | None) -> str | None:
    """The code of a political party named ``name`` on day ``on`` (``<lang>/parties.tsv``): its country and
    PTY while in government, OPP out of it; the undated sector when no day is known; None for no party."""
    table = _parties(lang or "")
    found = table.get(name) or table.get(fold(name))
    if found is None:
        return None
    country, spans = found
    day = on.isoformat() if on is not None else None
    default = next((sec for sec, lo, hi in spans if not lo and not hi), None)
    if day is not None:
        for sec, lo, hi in spans:
            if (lo or hi) and (not lo or lo <= day) and (not hi or day <= hi):
                return country + sec
    return country + default if default else None


@cache
def default_home(lang: str | None) -> str | None:
    """The country a language's news is about when an article names none (``<lang>/home.txt``), else None."""
    rows = _rows(lang or "", "home.txt") if lang else []
    return rows[0][0] if rows and rows[0] else None


@cache
def word_list(lang: str, name: str) -> frozenset[str]:
    """A one-word-a-line list of ``data/events/<lang>/`` (support verbs, eventive nouns)."""
    return frozenset(row[0] for row in _rows(lang, name))


@cache
def bodies(lang: str) -> tuple[dict[str, str], dict[str, str]]:
    """International bodies of a language's news (``bodies.tsv``): codes by folded name, and codes by the
    last word of an "International ... <word>" name (the rows written ``*international <word>``)."""
    names: dict[str, str] = {}
    patterns: dict[str, str] = {}
    for row in _rows(lang, "bodies.tsv"):
        if len(row) < 2:
            continue
        if row[0].startswith("*international "):
            patterns[row[0].split()[-1].lower()] = row[1]
        else:
            names[row[0].lower()] = row[1]
    return names, patterns
