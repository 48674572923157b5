"""When an event happened: from the time expressions of the article, never invented.

In order of preference (the ``basis`` field says which applied):

1. ``timex``: a time expression governing the trigger ("ont bombardé *samedi*", "une conversation
   ... tenue *le 28 janvier*");
2. ``sentence``: else a time expression that opens the sentence and so frames all of it ("Samedi,
   ..."); a date inside another clause is that clause's, not the event's;
3. ``narrative``: else the date of the previous dated event of the article, the story's current date
   (news tell one day's events in a row: "Les deux ministres ont ensuite signé ...");
4. ``before-publication``: an undated event told in the pluperfect ("il avait été condamné", "had
   signed") happened before the story's own past, so before the article: the value is TIMEX3's
   ``PAST_REF`` and the interval ends the day before publication, with an open start (``0001-01-01``,
   as the contract needs a day); it never borrows the narrative or publication date;
5. ``publication``: else the publication window, written at the publication date's own granularity
   (an article dated ``2017-01`` gives ``2017-01``, never a made-up day).

Timexes are the contract dicts the time component writes on ``doc._.timexes`` (``id``, ``start``,
``end``, ``value``, ``earliest``, ``latest``); the list may be empty when that component is absent.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from spacy.tokens import Doc, Token

from dateline.events.wire import dateline_end
from dateline.extensions import doc_text

__all__ = ["DateFinder", "is_calendar_value", "is_pluperfect"]

# A TIMEX3 value that names calendar time (a year, month, week, day...), not a duration ("P2M"), a
# set or a vague reference ("PRESENT_REF"), which cannot date an event.
_CALENDAR = re.compile(r"^\d{4}(?:-(?:\d{2}|W\d{2}|Q\d|SU|SP|FA|WI|H\d))?(?:-\d{2})?(?:T.*)?$")


# A part of a day ("lundi matin" = 2017-01-30TMO, "hier soir" = ...TEV): the event's date is the day, as
# the annotation guidelines date "ce matin", "ce soir".
_PART_OF_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})T(?:MO|MI|AF|EV|NI|DT)$")


def _day_of(value: str) -> str:
    m = _PART_OF_DAY.match(value)
    return m.group(1) if m else value


def is_calendar_value(value: str | None) -> bool:
    """Whether a TIMEX3 value names a calendar date ("2017-01-28", "2017-W04", "2017-01")."""
    return bool(value) and bool(_CALENDAR.match(value or ""))


def is_pluperfect(verb: Token) -> bool:
    """A pluperfect verb: "avait accusé", "avait été condamné", "s'était rendu", "had signed"."""
    for c in verb.children:
        if not c.dep_.startswith("aux"):
            continue
        if c.lemma_ in ("avoir", "être") and "Imp" in c.morph.get("Tense", []) and c.lower_ != "été":
            return True
        if c.lower_ == "had" and verb.tag_ == "VBN":
            return True
    return False


# Prepositions of simultaneity: an act named in such a phrase happened at the time of its clause ("est mort
# jeudi lors de son interpellation", "pendant la manifestation de samedi").
_DURING = frozenset({"lors", "pendant", "durant", "during"})


def _simultaneous_clause(noun: Token) -> list[Token]:
    """The verb of the clause a noun is simultaneous with ("lors de", "pendant", "au cours de"), else []."""
    head = noun.head
    cases = [c.lower_ for c in noun.children if c.dep_ in ("case", "fixed")]
    if head.pos_ in ("ADV", "ADP") and head.lower_ in _DURING:
        cases.append(head.lower_)
        head = head.head
        if head.pos_ in ("NOUN", "PROPN") and head.dep_.startswith("obl"):
            head = head.head  # "blessé dimanche lors de ...": the parser hangs "lors" on the date
    during = any(c in _DURING for c in cases) or ("cours" in cases and "au" in cases)
    if not during or head.pos_ not in ("VERB", "AUX", "ADJ") or head.i == noun.i:
        return []
    out = [head]
    if head.dep_ in ("advcl", "xcomp", "acl") and "Fin" not in head.morph.get("VerbForm", []):
        out.append(head.head)  # "est mort jeudi après avoir reçu des coups lors de son interpellation"
    return out


class DateFinder:
    """Dates events of one document from its timexes and publication window."""

    def __init__(self, doc: Doc, reported: list[tuple[int, int]] | None = None, conj_dates: bool = False) -> None:
        self.doc = doc
        # Character ranges of reported speech: a date inside them is the speaker's, not the framing verb's.
        self.reported = reported or []
        # A coordinated verb with no date of its own shares its first verb's (read on French dev only).
        self.conj_dates = conj_dates
        # A wire dateline's date ("ROME, April 27 - ...") is the day the story was filed, not the date of
        # the events it tells: it frames no sentence and starts no narrative.
        head = dateline_end(doc_text(doc))
        self.timexes: list[dict[str, Any]] = [
            t
            for t in (doc._.timexes or [])
            if is_calendar_value(t.get("value")) and t.get("earliest") and t.get("latest") and t["start"] >= head
        ]
        self.narrative: dict[str, Any] | None = None
        self._toks: dict[tuple[int, int], list[Token]] = {}

    def _tokens_of(self, tx: dict[str, Any]) -> list[Token]:
        # Every event of the document asks about every timex: its tokens are found once.
        key = (tx["start"], tx["end"])
        toks = self._toks.get(key)
        if toks is None:
            span = self.doc.char_span(tx["start"], tx["end"], alignment_mode="expand")
            toks = self._toks[key] = list(span) if span is not None else []
        return toks

    def governing(self, anchors: list[Token]) -> dict[str, Any] | None:
        """A timex attached to one of the anchor tokens (the trigger, its participle, its support
        verb) or to a noun trigger's own dependents, or just after an anchor."""
        anchor_ids = {t.i for t in anchors}
        if anchors and anchors[0].pos_ in ("NOUN", "PROPN"):
            anchor_ids |= {t.i for t in anchors[0].children}
            anchor_ids |= {t.i for t in _simultaneous_clause(anchors[0])}
        for tx in self.timexes:
            toks = self._tokens_of(tx)
            # Right after an anchor ("tenue le 28 janvier"), a date is that anchor's even when the
            # parser hangs it elsewhere.
            if toks and any(0 < toks[0].i - a.i <= 2 for a in anchors):
                return tx
            inside = {t.i for t in toks}
            for tok in toks:
                # Climb from the timex to the first verb or noun outside it; it must be an anchor.
                head = tok
                steps = 0
                while head.i in inside and head.head.i != head.i and steps < 6:
                    head = head.head
                    steps += 1
                if head.i in anchor_ids:
                    return tx
        return None

    def in_sentence(self, start: int, end: int, trigger: Token) -> dict[str, Any] | None:
        """A time expression that frames the whole sentence: it opens the sentence, before the trigger
        ("Samedi, ...", "Ce jeudi 4 mars, la maire a demandé ...").

        A date in the middle of another clause ("le témoin qui a déménagé il y a trois ans")
        belongs to that clause, not to the event: it is not used.
        """
        doc = trigger.doc
        quoted = self.reported
        for tx in self.timexes:
            if not (start <= tx["start"] and tx["end"] <= end and tx["end"] <= trigger.idx):
                continue
            if any(a <= tx["start"] < b and not a <= trigger.idx < b for a, b in quoted):
                continue  # '"Il y réfléchissait hier", a attaqué X': the quoted words' date, not the attack's
            before = doc_text(doc)[start : tx["start"]]
            words = [w for w in re.split(r"[\s,«»\"“”'’-]+", before) if w]
            # At most two words ahead of it ("Dès", "Ce", "Depuis ce"): it opens the sentence.
            if len(words) <= 2:
                return tx
        return None

    def date(
        self, anchors: list[Token], sent: tuple[int, int], *, remember: bool = True, pluperfect: bool = False
    ) -> dict[str, Any]:
        """The contract ``date`` of an event (with ``basis``), updating the narrative date."""
        tx = self.governing(anchors)
        if tx is None and self.conj_dates and anchors and anchors[0].dep_ == "conj" and anchors[0].pos_ == "VERB":
            # "a livré mercredi un discours et fustigé les chômeurs": a coordinated verb with no date of
            # its own shares its first verb's ("arrêté samedi puis convoqué mardi" keeps its own).
            tx = self.governing([anchors[0].head])
        basis = "timex"
        if tx is None:
            tx = self.in_sentence(sent[0], sent[1], anchors[0])
            basis = "sentence"
        if tx is not None:
            out = {
                "value": _day_of(tx["value"]),
                "earliest": tx["earliest"],
                "latest": tx["latest"],
                "timex": tx["id"],
                "basis": basis,
            }
            if remember:
                self.narrative = out
            return out
        if pluperfect:
            return self.before_publication()
        if self.narrative is not None:
            return dict(self.narrative, basis="narrative")
        return self.publication()

    def before_publication(self) -> dict[str, Any]:
        """Some time before the article (see the module docstring, basis ``before-publication``)."""
        dct = self.doc._.dct
        if dct is None:
            return {"value": "PAST_REF", "earliest": None, "latest": None, "timex": None, "basis": "before-publication"}
        lo = self.doc._.published[0] if self.doc._.published is not None else dct.earliest
        return {
            "value": "PAST_REF",
            "earliest": "0001-01-01",
            "latest": (lo - timedelta(days=1)).isoformat(),
            "timex": None,
            "basis": "before-publication",
        }

    def publication(self) -> dict[str, Any]:
        """The publication window: the event happened no later than the article was written.

        The value keeps the publication date's granularity; the interval is the publication window as
        the time component tightened it (``doc._.published``), else the ``dct`` interval.
        """
        dct = self.doc._.dct
        published = self.doc._.published
        if dct is None:
            return {"value": None, "earliest": None, "latest": None, "timex": None, "basis": "none"}
        if published is not None:
            lo, hi = published
            earliest, latest = lo.isoformat(), hi.isoformat()
        else:
            earliest, latest = dct.earliest.isoformat(), dct.latest.isoformat()
        return {
            "value": dct.value[:10] if dct.granularity in ("day", "minute", "second") else dct.value,
            "earliest": earliest,
            "latest": latest,
            "timex": None,
            "basis": "publication",
        }
