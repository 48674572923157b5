"""Context for resolving time expressions: tense direction, the publication window, narrative anchors.

- :func:`direction` reads the tense of the verb governing an expression in the dependency parse
  ("se sont entretenus samedi" → past, "se rencontreront samedi" → future, "will meet on Friday" →
  future), so an underspecified "samedi" is the last or the next Saturday.
- :func:`infer_published` tightens a month- or year-only publication date with what the text says:
  a past-tense "le 28 janvier" in an article dated ``2017-01`` was written on or after the 28th; a
  future-tense "le 30 janvier" on or before the 30th.
- :func:`narrative_anchor` gives the day the narration last named, for "le lendemain" and clock times.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from functools import cache
from itertools import pairwise

from spacy.tokens import Doc, Token

from dateline.extensions import doc_text
from dateline.timex.detect import Candidate
from dateline.timex.lexicon import alternation, lexicon
from dateline.timex.normalize import resolve

__all__ = [
    "apposition_day",
    "dateline_day",
    "describes_present_state",
    "direction",
    "infer_published",
    "is_conditional",
    "narrative_anchor",
    "verb_direction",
]

_AUX_DEPS = ("aux", "aux:tense", "aux:pass", "auxpass", "cop", "aux:caus")
# How far up the dependency tree to look for the governing verb: a time expression hangs from its verb
# directly or through a noun or preposition ("lors de la réunion de samedi"); further up, the verb met
# is rarely the one that dates the expression.
_MAX_HOPS = 4


def _aux(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ in _AUX_DEPS or c.dep_.startswith("aux")]


def _has(tok: Token, feat: str, value: str) -> bool:
    return value in tok.morph.get(feat, [])


def verb_direction(verb: Token, lang: str) -> int:
    """-1 if ``verb`` (with its auxiliaries) is in a past tense, +1 future, 0 present or unknown."""
    auxs = _aux(verb)
    forms = [verb, *auxs]
    prospective = verb.lemma_.lower() in lexicon(lang).PROSPECTIVE_LEMMAS
    if lang == "en":
        lowers = {a.lower_ for a in auxs}
        if lowers & {"will", "'ll", "shall", "wo"}:
            return 1
        if verb.lower_ == "going" and any(c.dep_ == "xcomp" for c in verb.children):
            return 1
        if verb.tag_ == "VBN" and not auxs:
            return 1 if prospective else -1
        if verb.tag_ == "VBN" and prospective and any(a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP") for a in auxs):
            return 1  # a present passive of a plan: "the sale is scheduled to close Monday"
        if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxs):
            return -1
        if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxs):
            return 1 if prospective else -1  # "has set Nov. 10 as the date" looks ahead
        if (
            verb.tag_ in ("VB", "VBG")
            and verb.dep_ in ("xcomp", "ccomp")
            and verb.head.i != verb.i
            and verb.head.pos_ in ("VERB", "AUX")
        ):
            if verb_direction(verb.head, lang) > 0:
                return 1
            # "trading is to resume Tuesday": a present "be" with "to" and an infinitive is what is due.
            head = verb.head
            if head.lemma_ == "be" and head.tag_ in ("VBZ", "VBP") and any(c.lower_ == "to" for c in verb.children):
                return 1
        return 0
    # French
    if any(_has(t, "Tense", "Fut") for t in forms):
        return 1
    if any(a.lemma_ == "aller" and _has(a, "Tense", "Pres") for a in auxs) and _has(verb, "VerbForm", "Inf"):
        return 1
    tense_aux = [a for a in auxs if a.dep_ in ("aux:tense", "aux")]
    pass_aux = [a for a in auxs if a.dep_ == "aux:pass"]
    if _has(verb, "VerbForm", "Part"):
        if tense_aux:
            if prospective and not any(_has(a, "Tense", "Imp") for a in tense_aux):
                return 1  # "a fixé la réunion au 16 juillet" looks ahead
            return -1  # passé composé, plus-que-parfait: "ont été conclues le 28 janvier"
        if pass_aux:
            # A present passive ("est fixé à samedi") reports a plan; a past one a fact.
            if any(_has(a, "Tense", "Imp") or _has(a, "Tense", "Past") for a in pass_aux):
                return -1
            return 1 if prospective else 0
        # A bare participle: "la conversation tenue le 28 janvier" (past) but "la réunion prévue le
        # 16 juillet" (ahead).
        return 1 if prospective else -1
    if any(_has(a, "VerbForm", "Part") for a in auxs):  # "ont été (au centre)"
        return -1
    if any(is_conditional(t, lang) for t in forms):
        return 1  # "devrait", "se tiendrait": prospective in news
    if any(_has(t, "Tense", "Imp") or _has(t, "Tense", "Past") for t in forms):
        return -1
    if _has(verb, "VerbForm", "Inf") and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
        # An infinitive looks ahead of its governing verb: future if that verb is, or if it is a modal
        # in the present ("doit rouvrir le musée en août", "peut reprendre lundi": what is due or
        # possible is still to come).
        head = verb.head
        if verb_direction(head, lang) > 0:
            return 1
        modal = head.lemma_.lower() in lexicon(lang).MODAL_LEMMAS and _has(head, "Tense", "Pres")
        return 1 if modal and not _aux(head) else 0
    return 0


def is_conditional(tok: Token, lang: str) -> bool:
    """Whether ``tok`` is a verb in the conditional. The French model tags some conditionals as
    imperfects ("se tiendrait", "vaudrait", "baisseraient": Tense=Imp); their form tells them
    apart: the future stem, which ends in "r" ("tiendr-", "vaudr-", "baisser-"), before the
    imperfect ending, where an imperfect has the stem of its infinitive without its ending
    ("déclar-ait", "cour-ait", "offr-ait")."""
    if _has(tok, "Mood", "Cnd"):
        return True
    if lang != "fr" or not _has(tok, "Tense", "Imp"):
        return False
    form = tok.lower_
    for ending in lexicon(lang).IMPERFECT_ENDINGS:
        if form.endswith(ending) and len(form) > len(ending) + 1:
            stem = form[: -len(ending)]
            return stem.endswith("r") and stem != tok.lemma_.lower()[:-2]
    return False


def direction(doc: Doc, start: int, end: int, lang: str) -> int:
    """The tense direction of the verb governing the expression at ``doc.text[start:end]``.

    Climbs the dependency tree from the expression to the first verb (or a predicate with an
    auxiliary or copula). An expression that modifies a noun ("la réunion de samedi") gets no
    direction from a verb further up; one introduced by "d'ici" is ahead, and one introduced by
    "jusqu'au" / "until" / "through" is a deadline: ahead when its clause looks ahead, else either way.
    """
    text = doc_text(doc)
    if _ahead_before(lang).search(text, max(0, start - 16), start):
        return 1
    before = text[max(0, start - 9) : start].lower().replace("’", "'").rstrip()
    lex = lexicon(lang)
    if before.endswith(lex.OPEN_PREPOSITIONS):
        # A deadline: ahead when the clause looks ahead ("will double by August"); set in the past
        # ("a donné jusqu'au 20 février") it may lie either side of the writing day.
        return max(0, _climb(doc, start, end, lang, before))
    if before.endswith(lex.SINCE_PREPOSITIONS):
        return -1  # "depuis janvier", "since March": a start already passed
    return _climb(doc, start, end, lang, before)


@cache
def _ahead_before(lang: str) -> re.Pattern[str]:
    """The words right before a date that put it ahead whatever the tense (the language's
    ``AHEAD_WORDS``: "d'ici 2020", "payable April 15", "effective May 1")."""
    words = lexicon(lang).AHEAD_WORDS
    if not words:
        return re.compile(r"(?!)")
    return re.compile(rf"(?<![\w-]){alternation(words)}\s+(?:on\s+|le\s+)?$", re.I)


def _climb(doc: Doc, start: int, end: int, lang: str, before: str) -> int:
    """The direction of the first verb up the dependency tree from the expression (see direction)."""
    lex = lexicon(lang)
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return 0
    tok = span.root
    moved_to = any(before == w or before.endswith((" " + w, "\n" + w)) for w in lex.MOVE_PREPOSITIONS)
    for hop in range(_MAX_HOPS + 1):
        inside = span.start <= tok.i < span.end
        if tok.pos_ in ("VERB", "AUX") or _aux(tok):
            if not inside or tok.pos_ == "VERB":
                if moved_to and tok.lemma_.lower() in lex.MOVE_LEMMAS:
                    return 1  # "extended to Nov. 20": the new deadline is ahead
                return verb_direction(tok, lang)
        elif hop > 0 and not inside and tok.pos_ in ("NOUN", "PROPN", "PRON"):
            return 0
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return 0


def describes_present_state(doc: Doc, start: int, end: int, lang: str) -> bool:
    """Whether the clause of the expression at ``doc.text[start:end]`` describes a state that holds at
    present rather than locating an event on a day.

    French news writes "aujourd'hui" both ways: "le ministre se rendra aujourd'hui à Lyon" (the day of
    writing) and "l'usine est aujourd'hui fermée" (nowadays: TimeML's PRESENT_REF). The state readings
    are told by the form of the governing predicate: a present copula ("c'est aujourd'hui la règle"), a
    present passive or adjectival participle ("les rues sont aujourd'hui désertes", "le suspect est
    aujourd'hui placé en détention", unless the participle announces an event: "la décision est
    attendue aujourd'hui"), a conditional of estimation ("le domaine vaudrait aujourd'hui le double",
    not the modals that schedule: "il devrait partir aujourd'hui"), or a negated present ("personne ne
    conteste aujourd'hui ce choix"). A future, a past tense or an infinitive (what is planned: "la
    foire doit ouvrir aujourd'hui") locate an event.
    """
    lex = lexicon(lang)
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    tok = span.root
    for _ in range(_MAX_HOPS + 1):
        if not (span.start <= tok.i < span.end) and (tok.pos_ in ("VERB", "AUX") or _aux(tok)):
            break
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    else:
        return False
    auxs = _aux(tok)
    forms = [tok, *auxs]
    if any(_has(t, "Tense", "Fut") for t in forms) or _has(tok, "VerbForm", "Inf"):
        return False
    if any(a.dep_ in ("aux:tense", "aux") and _has(a, "Tense", "Pres") for a in auxs if a.dep_ != "cop"):
        return False  # passé composé: an event ("a annoncé aujourd'hui")
    if any(_has(t, "Tense", "Imp") or _has(t, "Tense", "Past") for t in auxs):
        return False
    if any(a.dep_ == "cop" for a in auxs):
        return True
    if _has(tok, "VerbForm", "Part"):
        passive = [a for a in auxs if a.dep_ == "aux:pass"]
        return bool(passive) and tok.lemma_.lower() not in lex.PROSPECTIVE_LEMMAS
    if is_conditional(tok, lang):
        return tok.lemma_.lower() not in lex.MODAL_LEMMAS
    if _has(tok, "Tense", "Pres"):
        if tok.lemma_.lower() == lex.COPULA_LEMMA:
            return True
        return any(c.lower_ in lex.NEGATION_WORDS for c in tok.children)
    return False


def infer_published(cands: Sequence[Candidate], dirs: Sequence[int], window: tuple[date, date]) -> tuple[date, date]:
    """Tighten the writing window with explicit day dates the text puts in the past or the future.

    Only full calendar dates ("le 28 janvier", "March 3") count, each read in the window's year when
    it gives none; evidence outside the window or contradicting earlier evidence is ignored rather
    than trusted (the window never becomes empty).
    """
    lo, hi = window
    if lo == hi:
        return window
    for c, d in zip(cands, dirs, strict=True):
        e = c.expr
        if e.kind != "cal" or e.month is None or e.day is None or e.hour is not None:
            continue
        tense = e.cue or d
        if tense == 0:
            continue
        if e.year is None:
            if lo.year != hi.year:
                continue
            e = replace(e, year=lo.year)  # read in the window's year
        r = resolve(e, (lo, hi), 0)
        if r.earliest is None or r.earliest != r.latest:
            continue
        # "le 20 janvier dernier" is written at least the next day; a past-tense "le 28 janvier" may
        # be written on the 28th itself.
        day = r.earliest + timedelta(days=1) if e.cue < 0 else r.earliest
        if e.cue > 0:
            day = r.earliest - timedelta(days=1)
        if tense < 0 and lo < day <= hi:
            lo = day
        elif tense > 0 and lo <= day < hi:
            hi = day
    return _named_weekdays(cands, lo, hi)


def _named_weekdays(cands: Sequence[Candidate], lo: date, hi: date) -> tuple[date, date]:
    """The window narrowed to the days whose weekday the text gives: "aujourd'hui mardi" is written on a
    Tuesday, "hier lundi" on a Tuesday too. The first and last such days in the window bound it; when
    only one is left, the article's day is known. Contradicting weekdays leave the window as it was."""
    for c in cands:
        e = c.expr
        if e.kind != "relday" or e.weekday is None:
            continue
        wanted = (e.weekday - e.offset) % 7  # the writing day's weekday
        first = lo + timedelta(days=(wanted - lo.weekday()) % 7)
        last = hi - timedelta(days=(hi.weekday() - wanted) % 7)
        if first <= last:
            lo, hi = first, last
    return lo, hi


# Words before a date that make it the article's own publication stamp: "Publié le 12/05/2017 à 10h32",
# "mis à jour le 3 mai", "Posted on March 3, 2017". That date is the day the text was written. A stamp
# opens its line (after a separator at most); inside a sentence the same participle reports another
# publication ("selon une étude publiée lundi 2 mars", "a report published on March 3"), usually days
# before the article, so it says nothing exact about the writing day.
_PUBLISHED_BEFORE = re.compile(
    r"[\s|•·*>—–-]*(?:publié|publiée|mis\s+à\s+jour|mise\s+à\s+jour|actualisé|actualisée|posted|published|updated)"
    r"(?:\s+(?:le|on))?\s*[:,]?\s*$",
    re.I,
)


# A wire story's dateline: "BRUSSELS, February 10 (Xinhua) --", "PARIS, 12 mai (AFP) -": a place in
# capitals or title case and a comma before the date, a source in brackets or a dash after it.
_DATELINE_BEFORE = re.compile(r"^\s*[A-ZÀ-Ý][\w.'’ -]{1,40},\s*$")
_DATELINE_AFTER = re.compile(r"^(?:,?\s*\d{4})?\s*(?:\([^)\n]{1,30}\)|--|—|–|_|-\s)")
_DATELINE_REACH = 80


def dateline_day(text: str, cands: Sequence[Candidate], window: tuple[date, date]) -> date | None:
    """The day a wire story's dateline gives, when it opens the text and lies in the window; or the day
    of a publication stamp anywhere in the text ("Publié le 12/05/2017").

    The dateline is the day the story is told from: an article dated only ``1999-02`` that opens with
    "BRUSSELS, February 10 (Xinhua) --" was written on February 10, so its "Wednesday" is the 10th.
    """
    for c in cands:
        e = c.expr
        if e.kind != "cal" or e.month is None or e.day is None:
            continue
        line_start = text.rfind("\n", 0, c.start) + 1
        stamped = c.start - line_start <= 32 and bool(_PUBLISHED_BEFORE.match(text, line_start, c.start))
        if not stamped and (
            c.start > _DATELINE_REACH
            or not (_DATELINE_BEFORE.match(text[: c.start]) and _DATELINE_AFTER.match(text[c.end : c.end + 40]))
        ):
            continue
        r = resolve(e if e.year is not None else replace(e, year=window[0].year), window, 0)
        if r.earliest is not None and r.earliest == r.latest and window[0] <= r.earliest <= window[1]:
            return r.earliest
    return None


# Between a deictic day and the date set beside it: "hier, lundi 2 décembre", "demain (mardi 3 mai)",
# "aujourd'hui 8 octobre", "yesterday, March 2".
_APPOSITION = re.compile(r"^\s*[,(]?\s*(?:le\s+|on\s+)?$", re.I)
# Quotation marks that open and close a quotation (a straight double quote does both).
_QUOTE_OPEN, _QUOTE_CLOSE = "«“", "»”"


def _in_quotation(text: str, pos: int) -> bool:
    """Whether ``text[pos]`` lies inside a quotation of its paragraph (a speaker's "hier" counts from
    the day they spoke, not from the writing day)."""
    para = text[text.rfind("\n", 0, pos) + 1 : pos]
    opened = sum(para.count(q) for q in _QUOTE_OPEN) - sum(para.count(q) for q in _QUOTE_CLOSE)
    return opened > 0 or para.count('"') % 2 == 1


def apposition_day(text: str, cands: Sequence[Candidate], window: tuple[date, date]) -> date | None:
    """The writing day a deictic day tells when the text sets its date beside it: "hier, lundi 2
    décembre" was written on 3 December, "demain 13 mars" on the 12th. Outside quotations only, the
    date inside the window once moved back, and all such pairs agreeing (else None)."""
    days: set[date] = set()
    for a, b in pairwise(cands):
        if b.expr.kind != "cal" or b.expr.month is None or b.expr.day is None:
            continue
        # Days counted from the writing day: "hier", "demain", and "il y a trois jours" / "two weeks ago".
        shift = a.expr.kind == "shift" and a.expr.unit in ("D", "W") and not a.expr.narrative
        if a.expr.kind != "relday" and not shift:
            continue
        if b.expr.hour is not None or not _APPOSITION.match(text[a.end : b.start]) or _in_quotation(text, a.start):
            continue
        e = b.expr if b.expr.year is not None else replace(b.expr, year=window[0].year)
        r = resolve(e, window, 0)
        if r.earliest is None or r.earliest != r.latest:
            continue
        day = r.earliest - timedelta(days=a.expr.offset * (7 if a.expr.unit == "W" else 1))
        if window[0] <= day <= window[1]:
            days.add(day)
    return days.pop() if len(days) == 1 else None


# How far back a bare clock time ("départ à 9 h") looks for the day the narration named: within the
# same paragraph and about two or three sentences; beyond that the text has usually moved on.
CLOCK_REACH_CHARS = 300


def narrative_anchor(last_day: tuple[date, int] | None, pos: int, kind: str, text: str) -> date | None:
    """The day a relative expression at ``text[pos]`` is anchored on, if the narration named one.

    ``last_day`` is the last day named before, with the offset where its mention ended. "le
    lendemain"/"la veille" take it wherever it was; a bare clock time ("à 20 h") only from the same
    paragraph and within :data:`CLOCK_REACH_CHARS`.
    """
    if last_day is None:
        return None
    day, where = last_day
    if kind == "narr":
        return day
    if kind == "clock" and pos - where <= CLOCK_REACH_CHARS and "\n" not in text[where:pos]:
        return day
    return None
