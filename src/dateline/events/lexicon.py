"""The shape of a trigger lexicon: entries with their frames, indexed by lemma.

A :class:`Trigger` says which word (lemma and part of speech) signals which PLOVER event, and its
*frame*: which dependency roles of the trigger hold the source and the target actor. Roles are named
independently of the parser's label set (French UD and English ClearNLP labels are both mapped to them
in :mod:`dateline.events.syntax`):

``subj``      the grammatical subject ("Moscou *a bombardé* ..."); the target when the verb is passive
``obj``       the direct object
``agent``     the agent of a noun ("l'arrestation du suspect *par la police*"); a passive verb's is ``subj``
``pp:X``      a prepositional complement introduced by X ("pp:avec", "pp:contre", "pp:with")
``poss``      a possessor, possessive determiner or "de"/"of" complement of a noun ("les frappes *de la
              Russie*", "*son* arrestation")
``adj``       a nationality adjective on a noun ("les frappes *russes*")
``between``   "entre X et Y" / "between X and Y": both sides at once (a symmetric event)

``needs`` lists lemmas of which one must be found among the trigger's dependents (two levels down) for
the entry to apply: "signer" is SUPPORT only with "accord", "traité"... ; ``unless`` lists lemmas whose
presence there rules it out ("offer" with "shares": a market bid, not an offer of terms); ``modes`` refines the PLOVER
mode from a dependent ("entretien *téléphonique*" → phone).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from dateline.events.ontology import is_mode
from dateline.scan import WordTest

__all__ = ["PARTICIPLE_ENDING", "Lexicon", "Trigger", "trig"]

# The ending of a French -er verb's past participle, which the lemmatizer sometimes leaves as the lemma.
PARTICIPLE_ENDING = re.compile(r"é(?:e|s|es)?$")

VERB_SOURCE = ("subj",)
VERB_TARGET = ("obj", "iobj")
NOUN_SOURCE = ("agent", "poss", "adj")


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry: a lemma that signals a PLOVER event, with its frame."""

    lemma: str
    pos: str  # "VERB" or "NOUN"
    type: str
    mode: str | None = None
    cameo: str | None = None
    source: tuple[str, ...] = VERB_SOURCE
    target: tuple[str, ...] = VERB_TARGET
    needs: tuple[str, ...] = ()
    modes: tuple[tuple[str, str], ...] = ()
    reflexive: bool = False  # French pronominal use required ("se rencontrer", "s'entretenir")
    irreflexive: bool = False  # French pronominal use rules it out ("la voiture s'est arrêtée")
    reciprocal: bool = False  # "X et Y se sont rencontrés": a symmetric event between X and Y
    particle: str | None = None  # English phrasal particle ("call off", "blow up")
    forbid: tuple[str, ...] = ()  # dependency labels that rule the reading out ("arrêter *de* fumer")
    requires: tuple[str, ...] = ()  # dependency labels one of which a child must have ("proposer *de* ...")
    unless: tuple[str, ...] = ()  # lemmas among the dependents that rule it out ("offered to buy shares": a bid)
    weight: float = 1.0  # prior that the word, when it matches, really reports this event
    agent: str | None = None  # the sector of the unnamed institution that alone does it ("verbaliser": COP)


def trig(
    type_: str,
    lemmas: Iterable[str],
    pos: str = "VERB",
    **kw: Any,
) -> list[Trigger]:
    """Entries for several lemmas sharing one event type and frame (nouns get the noun frame)."""
    if pos == "NOUN":
        kw.setdefault("source", NOUN_SOURCE)
        kw.setdefault("target", ("pp:contre", "pp:avec", "pp:against", "pp:with", "pp:on", "pp:sur"))
    out = []
    for lemma in lemmas:
        t = Trigger(lemma=lemma, pos=pos, type=type_, **kw)
        if not is_mode(t.type, t.mode):
            raise ValueError(f"{t.lemma}: {t.mode!r} is not a PLOVER mode of {t.type}")
        out.append(t)
    return out


class Lexicon:
    """Entries indexed by (lemma, coarse part of speech), most specific (most ``needs``) first."""

    def __init__(self, entries: Iterable[Trigger]) -> None:
        self.index: dict[tuple[str, str], list[Trigger]] = {}
        for e in entries:
            self.index.setdefault((e.lemma, e.pos), []).append(e)
        for v in self.index.values():
            v.sort(key=lambda e: (-len(e.needs), -(e.particle is not None), -e.reflexive))

    @cached_property
    def trigger_tests(self) -> tuple[WordTest, WordTest]:
        """Tests on a word's lemma and on its lower-cased form, one of which every token with entries
        passes: its lemma, the lemma spelt as an infinitive ("réclame" -> "réclamer", the participle "gelé"
        -> "geler") or its form has
        an entry under some part of speech (see ``dateline.scan``)."""
        words = frozenset(lemma for lemma, _ in self.index)
        return (
            WordTest(
                lambda lemma: (
                    lemma.lower() in words
                    or lemma.lower() + "r" in words
                    or PARTICIPLE_ENDING.sub("er", lemma.lower()) in words
                )
            ),
            WordTest(words.__contains__),
        )

    def candidates(self, lemma: str, pos: str) -> list[Trigger]:
        """Entries for a lemma used as ``pos`` (``VERB`` also covers auxiliaries used as verbs)."""
        return self.index.get((lemma, "VERB" if pos in ("VERB", "AUX") else pos), [])

    def __len__(self) -> int:
        return sum(len(v) for v in self.index.values())
