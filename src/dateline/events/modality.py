"""Is the event asserted, intended, hypothetical or only reported? Is it negated?

- **reported**: the trigger is inside what someone says — a quote found by the quotes component
  (``doc._.quotes``), text between quotation marks, the content clause of a speech verb ("X a déclaré
  que ...", "..., a déclaré X" after the quoted clause), or a sentence framed by "selon X".
- **intended**: a modal or intention verb governs it ("devrait", "envisage de", "se sont prononcés
  pour", "will", "plans to", "offered to"); PLOVER codes a stated intent to cooperate as AGREE and a
  stated intent to harm as THREATEN, which the component does with this flag.
- **hypothetical**: a condition or possibility ("si", "pourrait", "éventuelle", "if", "could", "may").
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Doc, Token

from dateline.extensions import doc_text
from dateline.scan import WordTest, columns

__all__ = [
    "INTENT_VERBS",
    "SPEECH_VERBS",
    "intent_governor",
    "modal_of",
    "reported_ranges",
]

SPEECH_VERBS = frozenset(
    [
        "déclarer",
        "dire",
        "affirmer",
        "ajouter",
        "estimer",
        "souligner",
        "indiquer",
        "préciser",
        "expliquer",
        "assurer",
        "rappeler",
        "annoncer",
        "confier",
        "juger",
        "répondre",
        "noter",
        "insister",
        "poursuivre",
        "conclure",
        "lancer",
        "martеler",
        "say",
        "tell",
        "state",
        "add",
        "claim",
        "note",
        "stress",
        "explain",
        "announce",
        "insist",
        "remark",
        "told",
    ]
)
# Verbs (and "verb + preposition") whose complement is an event only intended by the subject.
INTENT_VERBS = frozenset(
    [
        "vouloir",
        "envisager",
        "prévoir",
        "projeter",
        "compter",
        "souhaiter",
        "espérer",
        "promettre",
        "proposer",
        "décider",
        "s'engager",
        "engager",
        "prononcer",
        "préparer",
        "chercher",
        "tenter",
        "viser",
        "want",
        "plan",
        "intend",
        "hope",
        "promise",
        "pledge",
        "vow",
        "offer",
        "propose",
        "decide",
        "prepare",
        "seek",
        "aim",
        "expect",
        "agree",
        "ready",
        "willing",
        "prepared",
    ]
)
_MODAL_INTENT = frozenset({"will", "would", "shall", "'ll", "going"})
_MODAL_HYPO = frozenset({"may", "might", "could", "can"})
_HYPO_ADJ = frozenset(
    [
        "éventuel",
        "éventuelle",
        "possible",
        "possibles",
        "potentiel",
        "potentielle",
        "hypothétique",
        "eventual",
        "possible",
        "potential",
        "hypothetical",
    ]
)
# Adjectives that make a noun trigger a plan ("the proposed merger", "a planned visit").
_INTENT_ADJ = frozenset(["proposed", "planned", "projected", "envisaged", "prévu", "prévue", "envisagé", "envisagée"])
# Words under which an act is still awaited ("subject to approval by", "awaiting Senate approval",
# "pending approval"): it may or may not happen.
_PENDING = frozenset(["subject", "await", "awaiting", "pending", "conditional"])
_QUOTE_PAIRS = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"\n]*\"")


_SELON = frozenset({"selon", "according"})
_IS_SELON = WordTest(_SELON.__contains__)
_IS_SPEECH_VERB = WordTest(lambda lemma: lemma.lower() in SPEECH_VERBS)


def reported_ranges(doc: Doc, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character ranges of reported speech: quotes, quoted text, speech-verb content, "selon" sentences."""
    out: list[tuple[int, int]] = []
    for q in doc._.quotes or []:
        out.append((int(q["start"]), int(q["end"])))
    for m in _QUOTE_PAIRS.finditer(doc_text(doc)):
        out.append((m.start(), m.end()))
    # Only "selon"/"according" and speech verbs matter below: find them once for the whole document.
    cues = columns(doc).where(lower=_IS_SELON, lemma=_IS_SPEECH_VERB)
    for s, e in sentences:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            continue
        for i in cues[bisect_left(cues, span.start) : bisect_left(cues, span.end)]:
            tok = doc[i]
            lemma = tok.lemma_.lower()
            if tok.lower_ in _SELON:
                out.append((s, e))
                break
            if lemma not in SPEECH_VERBS or tok.pos_ not in ("VERB", "AUX"):
                continue
            # "..., a déclaré X": the clause before the comma that precedes the verb is the content.
            j = tok.i - 1
            while j >= span.start and doc[j].pos_ == "AUX":
                j -= 1
            if j >= span.start and doc[j].text in (",", "»", "”"):
                out.append((s, doc[j].idx))
            # "X a déclaré que ...", "X said (that) ...": the complement clause.
            for c in tok.children:
                if c.dep_ in ("ccomp", "parataxis", "obj", "dobj") and c.pos_ in ("VERB", "AUX", "ADJ"):
                    sub = list(c.subtree)
                    out.append((sub[0].idx, sub[-1].idx + len(sub[-1])))
    return out


def intent_governor(tok: Token, max_up: int = 3) -> Token | None:
    """An intention verb above the trigger ("décidé d'*organiser*", "prononcés pour la
    *coordination*", "offered to *negotiate*"), or None."""
    cur = tok
    for _ in range(max_up):
        if cur.head.i == cur.i:
            return None
        complement = cur.dep_ in ("xcomp", "ccomp", "obl", "obl:arg", "obj", "dobj", "pobj", "prep", "acomp")
        if not complement and not (cur.dep_ == "nmod" and cur.head.pos_ == "NOUN"):
            return None
        cur = cur.head
        lemma = cur.lemma_.lower()
        if lemma in INTENT_VERBS and cur.pos_ in ("VERB", "AUX", "ADJ"):
            return cur
    return None


def modal_of(tok: Token, verb: Token | None = None) -> str | None:
    """``intended``, ``hypothetical`` or ``reported`` from modal auxiliaries, mood, tense and
    adjectives, else None."""
    v = verb if verb is not None else tok
    if tok.pos_ == "NOUN":
        awaited = _awaited(tok)
        if awaited is not None:
            return awaited
    for c in v.children:
        low = c.lower_
        if c.dep_ in ("aux", "aux:tense") and low in _MODAL_INTENT:
            return "intended"
        if c.dep_ == "aux" and low in _MODAL_HYPO:
            return "hypothetical"
        if c.dep_ == "mark" and low in ("si", "if", "unless"):
            return "hypothetical"
    # "The union is to challenge ...": "be" + infinitive states a plan.
    if (
        v.dep_ == "xcomp"
        and v.head.lemma_.lower() == "be"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
    ):
        return "intended"
    # French modal verbs govern the trigger as an infinitive: "devrait signer", "pourrait frapper".
    head = v.head if v.dep_ == "xcomp" else None
    if head is not None:
        lemma = head.lemma_.lower()
        if lemma == "devoir" or (lemma == "aller" and "Inf" in v.morph.get("VerbForm", [])):
            return "intended"
        if lemma == "pouvoir":
            return "hypothetical"
    # Past conditional ("aurait bombardé") is the journalistic conditional: reported, not hypothetical.
    for c in v.children:
        if c.dep_.startswith("aux") and "Cnd" in c.morph.get("Mood", []) and c.lemma_ in ("avoir", "être"):
            return "reported"
    mood = v.morph.get("Mood", []) + v.morph.get("Tense", [])
    if "Cnd" in mood:
        return "hypothetical"
    # A future act is intended, unless it is a scheduled occurrence ("le sommet aura lieu demain").
    if "Fut" in mood and v.lemma_.lower() not in ("avoir", "tenir", "dérouler"):
        return "intended"
    for c in tok.children:
        if c.dep_ == "amod" and c.lemma_.lower() in _HYPO_ADJ:
            return "hypothetical"
    return None


def _awaited(noun: Token) -> str | None:
    """The modality a noun trigger's own phrase gives: planned ("the proposed merger" → intended), awaited
    ("subject to approval", "awaiting approval", "pending approval" → hypothetical), or said likely ("a
    process of arbitration is likely" → hypothetical); else None."""
    if any(c.dep_ == "amod" and c.lower_ in _INTENT_ADJ for c in noun.children):
        return "intended"
    cur = noun
    for _ in range(3):
        head = cur.head
        if head.i == cur.i:
            break
        if head.lower_ in _PENDING or head.lemma_.lower() in _PENDING:
            return "hypothetical"
        if cur.dep_ in ("nsubj", "nsubjpass") and any(
            c.dep_ == "acomp" and c.lemma_.lower() in _HYPO_ADJ | {"likely", "unlikely", "probable"}
            for c in head.children
        ):
            return "hypothetical"
        if cur.dep_ not in ("pobj", "prep", "dobj", "obj"):
            break
        cur = head
    return None


def covered(ranges: list[tuple[int, int]], pos: int) -> bool:
    """Whether a character position falls in one of the ranges."""
    return any(s <= pos < e for s, e in ranges)
