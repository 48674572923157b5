"""Who is who: the country and sector of a person or an organisation, from evidence about it.

One answer, used by the entity layer (an entity's ``country`` and its ``affiliation`` in the record)
and by the event coder (an actor's code). In order of trust:

1. what the text says of that entity, next to one of its mentions:

   - a title before the name: "le ministre russe des Affaires étrangères X" (RUS, GOV), "le président
     américain X", "U.S. Secretary of State X", "Russia's foreign minister X", "l'ancien président X"
     (a former office holder is CAMEO's elite, ELI), "le porte-parole de l'armée X" (a head takes the
     sector of the body it heads: MIL);
   - an apposition after it: "X, le Premier ministre vanuatais," "X, ministre de l'Intérieur,";
   - a nationality word attached to the person: "la Brésilienne X", "l'opposant russe X" (RUS, OPP),
     "le milliardaire américain X", "Brazil's X";
   - for an organisation, a nationality word in or right after its name ("le Parti communiste
     français", "le Congrès américain") or in the role phrase it completes ("le ministère russe des
     Affaires étrangères");

2. the named-actor dictionary (PETRARCH2's Phoenix actors, :func:`dateline.events.resources.actor_dictionary`)
   with the code valid on the article's date, matched through entity resolution's folding and
   transliteration ("Vladimir Poutine" and "Vladimir Putin" meet). A text that gives only a sector
   ("le ministre X") or only a country takes the rest from the dictionary when the two agree;

3. for a person the text titles ("le ministre X", "Finance Minister X") without saying of which state,
   the state of the story's dateline ("TOKYO, April 8 - ..."), else the state the article names when it
   names only one (:func:`complete_from_article`). News style names the host country's officials by
   their bare title and marks foreign ones with a nationality ("U.S. Trade Representative X" in a
   Tokyo story), so in a datelined story an unmarked title is itself evidence; and a title says X holds
   a state's office, which an article naming one state leaves to that state;

4. nothing: a name with no evidence gets no country, never the article's or the sentence's main one
   (the state named most among several, or any state for a person no title ties to one).

Words that are near a name without being about it say nothing: "de la France" at the end of the
previous sentence, "la réunion des ministres du G20" (not a country called Réunion), "les forces de X".

Role nouns, titles and their sectors are the per-language resource files read by
:mod:`dateline.events.resources` (``agents.tsv``: ``title`` titles one person, ``head`` titles the head of
a body and takes that body's sector); nationality words, countries and capitals are the gazetteer's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from itertools import pairwise
from typing import Any

from spacy.tokens import Doc, Span, Token

from dateline.entities.gazetteer import gazetteer
from dateline.entities.normalize import strip_determiners
from dateline.events.resources import Agent, actor_dictionary, agent_of, agents, cues
from dateline.extensions import doc_text

__all__ = [
    "Affiliation",
    "Evidence",
    "affiliation",
    "complete_from_article",
    "dateline_country",
    "in_text",
    "is_country",
    "listed_code",
    "setting_country",
    "sole_country",
]

# How far a title phrase may reach left of a name: "le ministre de l'Europe et des Affaires
# étrangères X" is ten tokens. Punctuation, verbs and pronouns end it first in running text.
_LEFT_WINDOW = 12
# How far an apposition may run after the comma: "X, le Premier ministre du Vanuatu,".
_RIGHT_WINDOW = 10
# Prepositions that join a title to its complement ("ministre des Affaires étrangères", "Secretary of
# State"); any other preposition ends the phrase ("l'envoyé de l'ONU pour la Syrie").
_OF = frozenset({"de", "du", "des", "d'", "d’", "of"})
_AND = frozenset({"et", "and"})
# Tokens that end a phrase: a new clause or another noun phrase starts.
_STOP_POS = frozenset({"VERB", "AUX", "PRON", "SCONJ", "NUM", "INTJ"})
# Adjectives that rank an office rather than name it ("le Premier ministre", "the Prime Minister").
_RANKS = frozenset({"premier", "première", "prime", "vice", "deputy", "grand", "haut", "haute", "high"})


@dataclass(frozen=True)
class Evidence:
    """What gave an affiliation: ``basis`` (``title``, ``apposition``, ``demonym``, ``name`` or
    ``dictionary``) and the characters of the article that say it (for the dictionary: the name it
    was looked up under)."""

    basis: str
    start: int
    end: int
    text: str

    def as_dict(self) -> dict[str, Any]:
        """The record's form of this piece of evidence."""
        return {"basis": self.basis, "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Affiliation:
    """A country (ISO3, or a non-state root such as ``IGO``) and a sector, with their evidence."""

    country: str | None
    sector: str | None
    evidence: tuple[Evidence, ...]
    # The text ties the entity to a body it does not code ("le président du Conseil européen X"): no
    # dictionary entry (an office elsewhere, perhaps an old one) is taken to complete it.
    of_body: bool = False

    @property
    def code(self) -> str | None:
        """The CAMEO-style code: country + sector, either alone when the other is unknown."""
        return ((self.country or "") + (self.sector or "")) or None

    @property
    def iso3(self) -> str | None:
        """The state's ISO3 code when the country is a state (``IGOUNO`` has none)."""
        return self.country if self.country is not None and is_country(self.country) else None

    def as_record(self) -> dict[str, Any]:
        """The record's ``affiliation`` object: the code and the evidence that gave it."""
        return {"code": self.code, "evidence": [e.as_dict() for e in self.evidence]}


@cache
def _iso3_codes() -> frozenset[str]:
    return frozenset(gazetteer().data["countries"])


def is_country(code: str) -> bool:
    """Whether three letters are a state's ISO3 code in the gazetteer ("RUS"), not a sector ("GOV")."""
    return len(code) == 3 and code in _iso3_codes()


def _role(tok: Token, lang: str) -> Agent | None:
    return agent_of(tok, lang)


def _is_title(tok: Token, lang: str) -> bool:
    """A noun that titles one person or heads a body ("ministre", "porte-parole"), as a noun."""
    a = _role(tok, lang)
    return a is not None and a.use in ("title", "head") and tok.pos_ in ("NOUN", "PROPN")


def _is_former(tok: Token, lang: str) -> bool:
    table = cues(lang)
    return table.get(tok.lemma_.lower()) == "ex" or table.get(tok.lower_) == "ex" or tok.lower_.startswith("ex-")


def _nationality(tok: Token, lang: str) -> str | None:
    """ISO3 of a nationality word ("russe", "Américain", "Syrian"), as an adjective or a capitalised noun."""
    if tok.pos_ not in ("ADJ", "NOUN", "PROPN") and not tok.text.isupper():
        return None
    if tok.pos_ != "ADJ" and not tok.text[:1].isupper():
        return None  # "les russes" in lower case is rarely the people; "un russe" is the language
    hit = gazetteer().lookup(tok.text, lang)
    return hit.iso3 if hit is not None and hit.kind == "demonym" else None


def _state_name(tok: Token, lang: str) -> str | None:
    """ISO3 of a capitalised country, capital or seat of power ("France", "U.S.", "Kremlin")."""
    if not tok.text[:1].isupper():
        return None  # "la réunion" is a meeting, not Réunion
    hit = gazetteer().lookup(tok.text, lang)
    if hit is None or hit.iso3 is None or hit.kind not in ("country", "capital", "metonym"):
        return None
    return hit.iso3


def _mention_names(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the model's person names, to stop a phrase at another person's name."""
    return [(e.start, e.end) for e in doc.ents if e.label_ in ("PER", "PERSON")]


@dataclass
class _Reading:
    country: str | None = None
    sector: str | None = None
    former: bool = False
    titled: bool = False
    body: bool = False  # the head's complement names a body of its own ("président du Conseil européen")


def _read(tokens: list[Token], title_at: int | None, lang: str) -> _Reading:
    """What a phrase of ``tokens`` (text order) says of the person it titles.

    ``title_at`` is the index in ``tokens`` of its title or role noun, or None for a bare nationality.
    Words left of the title rank or qualify it ("l'ancien", "U.S.", "Russian"); words right of it are
    its adjectives and its "de"/"of" complement ("russe", "des Affaires étrangères", "de l'armée").
    """
    r = _Reading()
    head: Agent | None = None
    if title_at is not None:
        head = _role(tokens[title_at], lang)
        r.titled = head is not None and head.use in ("title", "head")
        r.sector = head.sector if head is not None and head.sector else None
        r.former = tokens[title_at].lower_.startswith("ex-")
    heads_a_body = head is not None and head.use == "head"
    before = tokens[:title_at] if title_at is not None else tokens
    after = tokens[title_at + 1 :] if title_at is not None else []
    for t in before:
        r.former = r.former or _is_former(t, lang)
        r.country = r.country or _nationality(t, lang)
        if lang == "en" and r.country is None and t.pos_ == "PROPN":
            # "U.S. President X", "Russia's foreign minister X": a state named before the title.
            r.country = _state_name(t, lang)
        a = _role(t, lang)
        if heads_a_body and a is not None and a.sector and a.use == "role":
            r.sector = a.sector  # "rebel commander", "opposition leader": the body named before its head
    in_complement = False
    for t in after:
        if t.lower_ in _OF:
            in_complement = True
            continue
        r.country = r.country or _nationality(t, lang)
        if not in_complement:
            continue
        # "l'ambassadeur de France X", "le porte-parole du Kremlin X".
        r.country = r.country or _state_name(t, lang)
        a = _role(t, lang)
        if heads_a_body and a is not None and a.sector and a.use == "role" and t.pos_ == "NOUN":
            r.sector = a.sector  # "le porte-parole de l'armée", "le chef de l'opposition": the body's sector
        elif t.ent_type_ in ("ORG", "MISC") and t.text[:1].isupper():
            r.body = True
    if heads_a_body and r.body and r.country is None:
        # "le président du Conseil européen X": the head of a named body is of that body, whose code
        # the phrase does not give; its generic sector would be a guess.
        r.sector = None
    if r.former and r.sector == "GOV":
        r.sector = "ELI"  # a former office holder is CAMEO's elite, not the government
    return r


def _name_start(span: Span, lang: str) -> int:
    """The token where the name proper starts in a mention that includes its title ("président russe
    Vladimir Poutine" tagged as one name)."""
    i = span.start
    while i < span.end - 1:
        t = span.doc[i]
        # A capitalised role noun may be a first name ("Marine"): only titles count as a prefix.
        prefix = (
            t.pos_ in ("DET", "ADP")
            or not t.text[:1].isupper()
            or _is_title(t, lang)
            or _nationality(t, lang) is not None
            or t.lower_ in _RANKS
        )
        if not prefix:
            break
        i += 1
    return i


def _prev(doc: Doc, i: int) -> int:
    """The index of the last token before ``i`` that is not white space (line breaks in wrapped
    newswire are tokens of their own), or -1."""
    i -= 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return i


def _next(doc: Doc, i: int) -> int:
    """The index of the first token from ``i`` on that is not white space, or ``len(doc)``."""
    while i < len(doc) and doc[i].is_space:
        i += 1
    return i


def _left_run(doc: Doc, start: int, lang: str, names: list[tuple[int, int]]) -> list[Token]:
    """The tokens of the phrase that ends right before token ``start``, within its sentence."""
    k = _prev(doc, start)
    first = doc[k] if k >= 0 else None
    if first is None or first.pos_ == "ADP" or first.lower_ in _OF:
        return []  # "la liste de Paul Girard", "les forces de X": the name complements another noun
    run: list[Token] = []
    sent_start = doc[start].sent.start if doc.has_annotation("SENT_START") else 0
    i = start - 1
    while i >= max(sent_start, start - _LEFT_WINDOW):
        t = doc[i]
        if t.is_space:
            i -= 1
            continue
        if (t.is_punct and t.text != "-") or t.pos_ in _STOP_POS:
            break
        if t.pos_ == "ADP" and t.lower_ not in _OF:
            break
        if t.pos_ == "CCONJ" and t.lower_ not in _AND:
            break
        if any(s <= i < e for s, e in names):
            break  # another person's name: what is left of it is that person's
        run.append(t)
        i -= 1
    run.reverse()
    return run


def _title_phrase(run: list[Token], lang: str) -> tuple[list[Token], int | None]:
    """The part of ``run`` (the words before a name) that titles the name, and its title's index.

    The title nearest the name titles it: "l'ancien conseiller du président X" titles X "président".
    Without a title, a role noun describing the person ("l'opposant russe X"), a noun with a
    nationality adjective ("le milliardaire américain X") or a nationality right before the name ("la
    Brésilienne X", "Brazil's X").
    """
    title_at = next((k for k in range(len(run) - 1, -1, -1) if _is_title(run[k], lang)), None)
    if title_at is not None:
        # The title's own left modifiers ("l'ancien", "le Premier", "U.S.", "Russian") belong to it; a
        # "de" further left makes the whole phrase another noun's complement.
        lo = title_at
        while lo > 0 and run[lo - 1].lower_ not in _OF and run[lo - 1].pos_ in ("DET", "ADJ", "PROPN", "NOUN", "PART"):
            if run[lo - 1].pos_ == "NOUN" and lang != "en" and _role(run[lo - 1], lang) is None:
                break
            lo -= 1
        return run[lo:], title_at - lo
    k = len(run) - 1
    while k >= 0 and run[k].pos_ == "ADJ":
        k -= 1
    if k >= 0 and run[k].pos_ == "NOUN":
        if _role(run[k], lang) is not None:
            return run[k:], 0
        if k < len(run) - 1:
            return run[k + 1 :], None
    if run and _nationality(run[-1], lang) is not None:
        return run[-1:], None
    if lang == "en" and len(run) >= 2 and run[-1].lower_ in ("'s", "’s") and _state_name(run[-2], lang):
        return run[-2:-1], None
    if lang == "en":
        # English titles are noun compounds before the name, whatever the office: "U.S. Trade
        # Representative X", "West German Economics Minister X", "Dutch coffee trade association
        # chairman X". A state or nationality in the compound is the person's.
        k = len(run)
        while k > 0 and run[k - 1].pos_ in ("PROPN", "NOUN", "ADJ"):
            k -= 1
        chain = run[k:]
        for t in chain:
            if _nationality(t, lang) or _state_name(t, lang):
                return chain, None
    return [], None


def _right(doc: Doc, end: int, lang: str, names: list[tuple[int, int]]) -> tuple[list[Token], int | None]:
    """An apposition after token ``end`` ("X, le Premier ministre vanuatais,") and its title's index."""
    end = _next(doc, end)
    if end >= len(doc) or doc[end].text not in (",", "("):
        return [], None
    run: list[Token] = []
    i = end + 1
    while i < min(len(doc), end + 1 + _RIGHT_WINDOW):
        t = doc[i]
        if t.is_space:
            i += 1
            continue
        if (t.is_punct and t.text != "-") or t.pos_ in _STOP_POS or t.pos_ == "CCONJ":
            break
        if t.pos_ == "ADP" and t.lower_ not in _OF:
            break
        if any(s <= i < e for s, e in names):
            return [], None  # "X, le président russe Y": the title is Y's, in a list of names
        run.append(t)
        i += 1
    if not run or (run[0].pos_ == "PROPN" and _nationality(run[0], lang) is None and _state_name(run[0], lang) is None):
        return [], None  # "Angela Merkel, Emmanuel Macron et ...": a list of names, no apposition
    title_at = next((k for k, t in enumerate(run[:5]) if _is_title(t, lang)), None)
    if title_at is None:
        title_at = next((k for k, t in enumerate(run[:4]) if t.pos_ == "NOUN" and _role(t, lang) is not None), None)
    if title_at is not None:
        return run, title_at
    # "X, un Américain de 45 ans": a nationality noun heading the apposition.
    nat = next((k for k, t in enumerate(run[:3]) if t.pos_ in ("NOUN", "PROPN") and _nationality(t, lang)), None)
    return (run[nat : nat + 1], None) if nat is not None else ([], None)


def _organisation(doc: Doc, span: Span, lang: str) -> tuple[list[Token], str | None, str | None, str]:
    """An organisation's country and sector from its own name and the words around it: "le Parti
    communiste français" (FRA, PTY), "le Congrès américain", "le ministère russe des Affaires
    étrangères"; with the basis of the evidence (``name``, or ``demonym`` for words around it)."""
    toks = [t for t in span if not t.is_space]
    basis = "name"
    sector = next(
        (
            a.sector
            for t in toks
            if t.pos_ in ("NOUN", "PROPN") and (a := _role(t, lang)) and a.sector and a.use == "role"
        ),
        None,
    )
    country = next((c for t in toks if (c := _nationality(t, lang)) is not None), None)
    if country is None:
        # "Bank of Japan", "Banque de France": the state its name says it is of.
        country = next(
            (c for a, b in pairwise(toks) if a.lower_ in _OF and (c := _state_name(b, lang))),
            None,
        )
    after = _next(doc, span.end)
    if country is None and after < len(doc) and doc[after].pos_ == "ADJ":
        country = _nationality(doc[after], lang)  # "le Congrès américain" with the adjective left out
        toks.append(doc[after])
        basis = "demonym"
    if country is None:
        found = _described_by(doc, span.start, lang)
        if found is not None:
            country, lo = found
            toks = [*(t for t in doc[lo : span.start] if not t.is_space), *toks]
            basis = "demonym"
    k = _prev(doc, span.start)
    if country is None and k >= 1 and doc[k].lower_ in _OF:
        # "le ministère russe des [Affaires étrangères]": the role phrase the name completes.
        j = _prev(doc, k)
        while j >= 0 and doc[j].pos_ == "ADJ" and j > k - 3:
            j -= 1
        a = _role(doc[j], lang) if j >= 0 and doc[j].pos_ == "NOUN" else None
        if a is not None and a.use == "role":
            country = next((c for t in doc[j + 1 : k] if (c := _nationality(t, lang)) is not None), None)
            if country is not None:
                sector = sector or a.sector
                toks = [*(t for t in doc[j:k] if not t.is_space), *toks]
                basis = "title"
    return toks, country, sector, basis


def _described_by(doc: Doc, start: int, lang: str) -> tuple[str, int] | None:
    """The state of a description right before an organisation's name, and where it starts: "le
    constructeur japonais Toyota", "the Japanese company X", "Japan's ruling Liberal Democratic Party".

    At most two common words (lower case: "constructeur", "ruling") may stand between the nationality
    and the name; a preposition, a verb or punctuation ends the description.
    """
    i = start - 1
    skipped = 0
    while i >= 0 and skipped <= 2:
        t = doc[i]
        if t.pos_ == "DET" or t.is_space:
            i -= 1
            continue
        nat = _nationality(t, lang)
        if nat is not None:
            return nat, i
        if lang == "en" and t.lower_ in ("'s", "’s") and (j := _prev(doc, i)) >= 0 and (c := _state_name(doc[j], lang)):
            return c, j
        if t.is_punct or t.pos_ not in ("NOUN", "ADJ", "VERB") or t.text[:1].isupper():
            return None
        skipped += 1
        i -= 1
    return None


def in_text(doc: Doc, start: int, end: int, lang: str | None, etype: str = "PER") -> Affiliation | None:
    """What the words around one mention (characters ``start``..``end``) say of its country and sector."""
    lg = lang if lang in ("fr", "en") else "fr"
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    text = doc_text(doc)
    if etype == "ORG":
        toks, country, sector, basis = _organisation(doc, span, lg)
        if country is None and sector is None:
            return None
        lo, hi = toks[0].idx, toks[-1].idx + len(toks[-1])
        return Affiliation(country, sector, (Evidence(basis, lo, hi, text[lo:hi]),))
    names = [(s, e) for s, e in _mention_names(doc) if not (s < span.end and span.start < e)]
    name_start = _name_start(span, lg)
    left = _title_phrase(_left_run(doc, span.start, lg, names) + list(doc[span.start : name_start]), lg)
    for where, (phrase, title_at) in (("title", left), ("apposition", _right(doc, span.end, lg, names))):
        if not phrase:
            continue
        r = _read(phrase, title_at, lg)
        if r.country is None and r.sector is None and not r.body:
            continue
        # "title"/"apposition" for an office ("le ministre", "X, le président"), "role" for another role
        # noun ("l'opposant russe X"), "demonym" for a nationality alone.
        basis = where if r.titled else ("role" if title_at is not None else "demonym")
        lo, hi = phrase[0].idx, phrase[-1].idx + len(phrase[-1])
        return Affiliation(r.country, r.sector, (Evidence(basis, lo, hi, text[lo:hi]),), of_body=r.body)
    return None


def listed_code(forms: list[str], lo: date | None, hi: date | None) -> tuple[str, str] | None:
    """The dictionary's code for the first of ``forms`` it lists, valid over the article's window
    ``lo``..``hi``, with the form it was found under.

    A code that changed inside the window (an office taken during the month the article is dated
    with) keeps what is the same at both ends: the country, when only the sector changed; else
    nothing. With no date only the dictionary's undated code is used.
    """
    book = actor_dictionary()
    for form in forms:
        a = book.code(form, lo)
        b = book.code(form, hi) if hi != lo else a
        if a is None and b is None:
            continue
        if a == b and a is not None:
            return a, form
        if a is not None and b is not None and a[:3] == b[:3]:
            return a[:3], form
        return None
    return None


def _office_holder(forms: list[str], lo: date | None, hi: date | None) -> tuple[str, str] | None:
    """English news names an office holder of its day by his surname ("Reagan said"): the code of the one
    dictionary actor in office over the article's window under that surname
    (:meth:`~dateline.events.resources.ActorDictionary.office_holder`), with the form it was found under;
    only for a person the article names by one word alone."""
    if any(" " in f for f in forms):
        return None
    book = actor_dictionary()
    for form in forms:
        a = book.office_holder(form, lo)
        if a is not None and (hi == lo or book.office_holder(form, hi) == a):
            return a, form
    return None


def _lookup_forms(name: str, mentions: list[dict[str, Any]], etype: str, lang: str | None = None) -> list[str]:
    """The names an entity is looked up under in the dictionary: its own name and its multi-word
    mentions. A bare surname is tried only when the article names no one more fully: with "Michelle
    Obama" in the article, her "Obama" must not find Barack Obama's entry. An organisation named by a
    role noun alone ("le Sénat", "le Parlement") is any country's: the dictionary lists one."""
    forms: list[str] = []
    for f in [name, *(m["text"] for m in mentions)]:
        f = strip_determiners(f)
        if f and f not in forms:
            forms.append(f)
    multi = [f for f in forms if len(f.split()) > 1]
    if etype == "PER":
        return multi or forms
    # Organisations: a short name counts only as an acronym written in capitals ("FBI", "FARC"); two
    # letters collide across the dictionary's 25,000 names.
    table = agents(lang if lang in ("fr", "en") else "fr")
    return [
        f
        for f in forms
        if (len(f.split()) > 1 or len(f) >= 5 or (len(f) >= 3 and f.isupper())) and f.lower() not in table
    ]


def _combine(found: list[Affiliation]) -> Affiliation | None:
    """One affiliation from what several mentions say: the first that gives both parts, else the
    first one completed by another mention's missing part."""
    if not found:
        return None
    full = next((a for a in found if a.country and a.sector), None)
    if full is not None:
        return full
    first = found[0]
    other = next((a for a in found[1:] if (a.country is None) != (first.country is None)), None)
    if other is None:
        return first
    return Affiliation(
        first.country or other.country,
        first.sector or other.sector,
        first.evidence + other.evidence,
        of_body=first.of_body or other.of_body,
    )


def affiliation(
    doc: Doc, name: str, etype: str, mentions: list[dict[str, Any]], lang: str | None
) -> Affiliation | None:
    """A person's or organisation's affiliation from the text, else the dictionary, else None.

    The text wins over the dictionary ("l'ancien président X" is ELI whatever the dictionary says); a
    text that gives only a sector ("le ministre X") takes the dictionary's country, and one that gives
    only a country takes the dictionary's sector when the dictionary's country is the same.
    """
    if etype not in ("PER", "ORG"):
        return None
    found = [a for m in mentions if (a := in_text(doc, m["start"], m["end"], lang, etype)) is not None]
    said = _combine(found)
    if said is not None and said.country and said.sector:
        return said
    dct = getattr(doc._, "dct", None)
    lo, hi = (dct.earliest, dct.latest) if dct is not None else (None, None)
    forms = _lookup_forms(name, mentions, etype, lang)
    listed = listed_code(forms, lo, hi)
    if listed is None and lang == "en" and etype == "PER":
        listed = _office_holder(forms, lo, hi)
    if said is not None and said.of_body and listed is not None and is_country(listed[0][:3]):
        # "le président du Conseil européen X": the text ties X to an organisation; a state's office in
        # the dictionary is another (perhaps an old) one.
        listed = None
    if listed is None:
        return said if said is None or said.code else None
    code, form = listed
    where = next((m for m in mentions if strip_determiners(m["text"]) == form), mentions[0])
    ev = Evidence("dictionary", where["start"], where["end"], where["text"])
    country, sector = code[:3], code[3:6] or None
    if said is None:
        return Affiliation(country, sector, (ev,))
    if said.country is None:
        # A head of a named body ("le président du Conseil européen") takes the body's code from the
        # dictionary whole: the title left its sector open.
        return Affiliation(country, said.sector or (sector if said.of_body else None), (*said.evidence, ev))
    if country == said.country and sector:
        return Affiliation(said.country, sector, (*said.evidence, ev))
    return said


# A wire-story dateline at the start of the text: "TOKYO, April 8 - ", "EINDHOVEN, The Netherlands, April
# 8 - ", "PARIS (AFP) - ": a place in capitals, optionally its country, then a date or an agency and a dash.
_DATELINE = re.compile(
    r"\A\s*(?P<place>[A-Z][A-Z .'-]{1,30}[A-Z])(?:, (?P<region>[A-Z][\w .'-]{1,30}?))?"
    r"(?:, [A-Z][a-z]{2,8}\.? \d{1,2}| \([A-Za-z ]{2,20}\))?\s+[-–—]\s"
)


def dateline_country(text: str) -> dict[str, Any] | None:
    """The state of a story's dateline (its capital, or the country named after the place), as an
    evidence span, or None: "TOKYO, April 8 - " is Japan; "NEW YORK, March 9 - " names no state the
    gazetteer knows (it holds capitals and countries only)."""
    m = _DATELINE.match(text)
    if m is None:
        return None
    gaz = gazetteer()
    # The place is a city (a capital: "SYRIE - " opening a television summary is a topic, not where the
    # story was filed); a country may follow it ("EINDHOVEN, The Netherlands").
    for part, kind in (("region", "country"), ("place", "capital")):
        value = m.group(part)
        if not value:
            continue
        hit = gaz.lookup(value)  # either language: wire datelines are written the agency's way
        if hit is not None and hit.iso3 and hit.kind == kind:
            lo, hi = m.span(part)
            return {"iso3": hit.iso3, "start": lo, "end": hi, "text": text[lo:hi]}
    return None


def sole_country(entities: list[dict[str, Any]]) -> tuple[str, dict[str, Any]] | None:
    """The one state an article's entities name (places, people, organisations), with its first
    mention, when they name exactly one; None when they name none or several."""
    states: dict[str, dict[str, Any]] = {}
    for e in entities:
        code = e.get("country")
        if code and is_country(code) and e.get("origin") != "events" and e.get("mentions"):
            first = min(e["mentions"], key=lambda m: m["start"])
            if code not in states or first["start"] < states[code]["start"]:
                states[code] = first
    if len(states) != 1:
        return None
    code, mention = next(iter(states.items()))
    return code, mention


def setting_country(text: str, entities: list[dict[str, Any]]) -> tuple[str, dict[str, Any]] | None:
    """The state whose officials an article names by their bare title, with its evidence: the
    dateline's, else the one state the article names (see the module docstring, 3)."""
    line = dateline_country(text)
    if line is not None:
        return line["iso3"], {"basis": "dateline", **{k: line[k] for k in ("start", "end", "text")}}
    sole = sole_country(entities)
    if sole is not None:
        return sole[0], {"basis": "article", **sole[1]}
    return None


def complete_from_article(text: str, entities: list[dict[str, Any]]) -> None:
    """Give a titled person of no stated country the article's setting (see :func:`setting_country`).

    Only a title or an apposition that gives a sector counts ("le ministre X", "President X", "the former
    prime minister X"); a name with no title, or a head of a named body, stays without a country.
    """
    setting = setting_country(text, entities)
    if setting is None:
        return
    iso3, evidence = setting
    for e in entities:
        found = e.get("affiliation")
        if e["type"] != "PER" or e.get("country") or not isinstance(found, dict):
            continue
        code = found.get("code") or ""
        titled = any(ev["basis"] in ("title", "apposition") for ev in found.get("evidence", []))
        if len(code) != 3 or is_country(code) or not titled:
            continue
        e["country"] = iso3
        found["code"] = iso3 + code
        found["evidence"] = [*found["evidence"], evidence]
