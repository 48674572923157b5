"""``dateline_entities``: group the named-entity mentions of one article into entities.

spaCy tags mentions one by one and sometimes disagrees with itself (the French model calls "Daech" a
person in one sentence and an organisation in the next). Grouping per article fixes the type by
majority over all mentions of a name, and attaches a bare surname ("Lavrov") to the full name it
abbreviates ("Sergueï Lavrov") when that is unambiguous in the article.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from dateline.entities.normalize import fold, name_key
from dateline.extensions import register_extensions

__all__ = ["LABEL_MAP", "EntityGrouper", "make_entity_grouper"]

# spaCy labels (French WikiNER scheme and English OntoNotes scheme) to the contract's entity types.
# Dates, numbers and quantities are not entities here: time expressions have their own component.
LABEL_MAP: dict[str, str] = {
    "PER": "PER",
    "PERSON": "PER",
    "ORG": "ORG",
    "LOC": "LOC",
    "GPE": "GPE",
    "FAC": "LOC",
    "MISC": "MISC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
}

_TRIM = ' \t\r\n,;:.!?«»“”"()[]{}–—'
_LEADING_DET = re.compile(r"(?:l['’]|le |la |les |the )")
# The model also lets a preposition into place and organisation spans ("de France 2"); in a person's
# name it is a particle and stays ("de Gaulle", "de Villepin").
_LEADING_PREP = re.compile(r"(?:de |du |des |d['’])(?=[A-ZÀ-Ý])")


@dataclass
class _Group:
    key: str
    forms: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)
    mentions: list[tuple[int, int]] = field(default_factory=list)


def _with_number(span: Span) -> Span:
    """Extend a name by a one- or two-digit number the model left out of it: 'France' in 'France 2' (a
    TV channel, not the country), 'Apollo 11'. Years and dates have more digits or other shapes."""
    doc = span.doc
    if span.end < len(doc):
        nxt = doc[span.end]
        if nxt.is_digit and len(nxt.text) <= 2 and span[-1].whitespace_ == " ":
            return doc[span.start : span.end + 1]
    return span


def _trimmed(span: Span) -> tuple[int, int, str] | None:
    """Character offsets and text of a mention with edge punctuation and spaces removed."""
    text = span.text
    left = len(text) - len(text.lstrip(_TRIM))
    right = len(text.rstrip(_TRIM))
    if right <= left:
        return None
    # A plain article the model included in the span ("la France", "le Kremlin") is not part of the
    # name; capitalised ones are ("Le Pen", "La Fontaine").
    det = _LEADING_DET.match(text, left, right)
    if det and det.end() < right:
        left = det.end()
    prep = _LEADING_PREP.match(text, left, right) if span.label_ not in ("PER", "PERSON") else None
    if prep and prep.end() < right:
        left = prep.end()
    start = span.start_char + left
    return start, span.start_char + right, text[left:right]


class EntityGrouper:
    """Writes ``doc._.entities``: one dict per entity, ids ``e1``.. in order of first mention."""

    def __init__(self, nlp: Language, name: str, min_chars: int) -> None:
        self.name = name
        self.min_chars = min_chars
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        groups: dict[str, _Group] = {}
        for ent in doc.ents:
            etype = LABEL_MAP.get(ent.label_)
            if etype is None:
                continue
            trimmed = _trimmed(_with_number(ent))
            if trimmed is None:
                continue
            start, end, text = trimmed
            key = name_key(text)
            if len(key) < self.min_chars or not any(ch.isalpha() for ch in key):
                continue
            group = groups.setdefault(key, _Group(key))
            group.forms[text] += 1
            group.types[etype] += 1
            group.mentions.append((start, end))
        self._attach_surnames(groups)
        entities: list[dict[str, Any]] = []
        ordered = sorted(groups.values(), key=lambda g: min(g.mentions))
        for i, g in enumerate(ordered, 1):
            # The longest of the most frequent forms names the entity: "Sergueï Lavrov" over "Lavrov".
            name = max(g.forms, key=lambda f: (len(f.split()), g.forms[f], len(f)))
            etype = max(g.types, key=lambda t: (g.types[t], -list(g.types).index(t)))
            entities.append(
                {
                    "id": f"e{i}",
                    "name": name,
                    "type": etype,
                    "country": None,
                    "roles": [],
                    "mentions": [{"start": s, "end": e, "text": doc.text[s:e]} for s, e in sorted(g.mentions)],
                }
            )
        doc._.entities = entities
        return doc

    @staticmethod
    def _attach_surnames(groups: dict[str, _Group]) -> None:
        """Merge a one-word person mention into the unique multi-word person name ending with it."""
        people = [g for g in groups.values() if g.types.get("PER", 0) > 0 and " " in g.key]
        for key in [k for k, g in groups.items() if " " not in k]:
            short = groups[key]
            if short.types.most_common(1)[0][0] not in ("PER",):
                continue
            owners = [g for g in people if fold(g.key).split()[-1] == key]
            if len(owners) == 1:
                owner = owners[0]
                owner.forms.update({f: 0 for f in short.forms})  # known forms, not counted as names
                owner.types.update(short.types)
                owner.mentions.extend(short.mentions)
                del groups[key]


@Language.factory(
    "dateline_entities",
    assigns=["doc._.entities"],
    requires=["doc.ents"],
    default_config={"min_chars": 2},
)
def make_entity_grouper(nlp: Language, name: str, min_chars: int) -> EntityGrouper:
    """Group named-entity mentions into per-article entities (see :class:`EntityGrouper`)."""
    return EntityGrouper(nlp, name, min_chars)
