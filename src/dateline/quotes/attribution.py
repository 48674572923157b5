"""Attributing a direct quotation: its cue and its speaker, looked for around the marks.

After the closing mark: "« … », a déclaré Sergueï Lavrov", "« … », a-t-il ajouté", '"…," he said',
'"…," said Trump'. Before the opening mark: "Il a déclaré : « … »", "X a assuré que « … »",
'Trump said: "…"', and the colon introduction without a verb, "Le ministre : « … »".
Windows are bounded (a few tokens on each side, within the clause), so the cost per quotation is
constant.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from dateline.quotes.common import (
    Lexicon,
    Segmenter,
    cue_span,
    is_clitic,
    is_human_noun,
    is_negated,
    is_reporting,
    speaker_span,
)
from dateline.quotes.direct import MarkedQuote
from dateline.quotes.indirect import formula_source, inverted_speaker, subject_of

__all__ = ["Attribution", "attribute_marked", "is_title", "split_incise"]

_AFTER_WINDOW = 7  # ", a-t-il encore ajouté", ", the former secretary said": cue within 7 tokens
_BEFORE_WINDOW = 14  # "X, le ministre russe, a déclaré lors d'une conférence : «": the verb sits close
_STOPS = frozenset({".", "!", "?", "…", ";", "«", "“", "„", "‹"})


@dataclass(frozen=True)
class Attribution:
    cue: Span | None
    speaker: Span | None
    verb: Token | None
    rule: str


def token_at(doc: Doc, char: int) -> int | None:
    """The index of the token holding character `char` of the document, or ``None`` (a space)."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.start


def _np(tok: Token | None) -> Span | None:
    if tok is None:
        return None
    if is_clitic(tok):
        return speaker_span(tok) if tok.pos_ == "PRON" else tok.doc[tok.i : tok.i + 1]
    return speaker_span(tok)


def is_title(doc: Doc, q: MarkedQuote, lex: Lexicon) -> bool:
    """Whether the quotation marks hold a name, not words said: right after a noun of a work or a
    programme ("dans son livre « … »", "l'émission « … »") or a participle of naming ("un texte
    intitulé « … »", "celle qui était appelée « … »")."""
    opening = token_at(doc, q.open)
    if opening is None or opening == 0:
        return False
    prev = doc[opening - 1]
    lemma = prev.lemma_.lower()
    if prev.pos_ == "NOUN" and (lemma in lex.formula("work_nouns") or prev.lower_ in lex.formula("work_nouns")):
        return True
    # Only a participle used as an adjective or a passive: "ce qu'il a appelé « … »" quotes his words.
    naming = "VerbForm=Part" in str(prev.morph) and lemma in lex.formula("naming_verbs")
    return naming and not any(c.dep_ in ("aux", "aux:tense") for c in prev.children)


def attribute_marked(doc: Doc, q: MarkedQuote, lex: Lexicon, seg: Segmenter) -> Attribution | None:
    """Cue and speaker of a quotation between marks, or ``None`` when nothing attributes it."""
    if q.closed and q.mark not in "—–":
        close = token_at(doc, q.close - 1)
        if close is not None:
            found = _after(doc, close, lex)
            if found is not None:
                return found
    opening = token_at(doc, q.open)
    if opening is None:
        return None
    # A quoted term of one to three words is a quotation only when the verb introduces it directly.
    # (``doc.text`` is rebuilt from the tokens at every access: the span is measured on tokens.)
    inside = doc.char_span(q.start, q.end, alignment_mode="expand")
    short = inside is not None and sum(1 for t in inside if not t.is_punct) <= 3
    return _before(doc, opening, lex, seg, short)


def _after(doc: Doc, close: int, lex: Lexicon) -> Attribution | None:
    n = len(doc)
    j = close + 1
    while j < n and doc[j].is_space and "\n" not in doc[j].text:
        j += 1
    if j >= n or "\n" in doc[j].text:
        return None
    first = doc[j]
    if (
        first.text not in (",", "—", "–", "-")
        and not is_reporting(first, lex)
        and first.pos_
        not in (
            "AUX",
            "PRON",
            "PROPN",
            "DET",
            "NOUN",
        )
    ):
        return None
    counted = 0
    bracket = False
    for k in range(j, min(j + 2 * _AFTER_WINDOW, n)):
        t = doc[k]
        if t.text in _STOPS or "\n" in t.text:
            break
        # '"…," Chairman John Baker (R-Ohio) said': a bracketed party or age does not count.
        if t.text == "(":
            bracket = True
        if not bracket:
            counted += 1
            if counted > _AFTER_WINDOW:
                break
        if t.text == ")":
            bracket = False
            continue
        if bracket:
            continue
        if is_reporting(t, lex) and not is_negated(t, lex):
            # A subject between the quotation and the verb ('", he said'), else the inverted one.
            subj = subject_of(t)
            if subj is None or not close < subj.i < t.i:
                # '« … » Élisabeth Morin confie …': a person's name between the quotation and its verb
                # is the subject, whatever the parser hung it on (it may take the object after the
                # verb for an inverted subject).
                subj = next((b for b in doc[close + 1 : t.i] if b.ent_type_ in ("PER", "PERSON")), None)
            formula, source = formula_source(t, lex)
            if formula:
                # "« … », est-il précisé dans le communiqué", "« … », peut-on lire sur son site": the
                # document speaks, or no one is named.
                return Attribution(cue_span(t), source, t, "direct-after")
            if lex.lang == "fr" and first.text not in (",", "—", "–", "-") and _next_clause(t, close, lex):
                # '« … » La cour lui inflige une amende', '« … » Un non-lieu est prononcé': a
                # clause after a quotation with no comma, whose subject is no person and whose verb
                # governs an object of its own (or is passive), is the next sentence, not a reporting
                # clause of the quotation.
                return None
            if subj is None:
                subj = inverted_speaker(t, lex)
                if subj is not None and subj.i <= close:
                    subj = None
            elif lex.lang == "fr" and first.text not in (",", "—", "–", "-") and _ends_sentence(doc, close):
                # '« … la démocratie. » Elle a requis …': a quotation closed on a full stop and a
                # subject-first clause with no comma is the next sentence, not a reporting clause.
                # (French only: English news text often runs '"… over." He said …' as one attribution,
                # and PolNeAR counts it so.)
                return None
            return Attribution(cue_span(t), _np(subj), t, "direct-after")
        if t.pos_ == "VERB" and k > j + 1:
            break  # another clause begins: whatever follows does not report this quotation
    return None


def _next_clause(verb: Token, close: int, lex: Lexicon) -> bool:
    """Whether the verb after the quotation closed at token ``close`` heads a clause of its own: its
    subject stands before it (after the mark) and is no person, and it governs a direct object or a
    clause after the mark (the parser may hang the quotation itself on the verb, and an inverted
    subject on the object slot: "« … » indique le directeur"), or is passive."""
    subj = next((c for c in verb.children if c.dep_.startswith("nsubj") and close < c.i < verb.i), None)
    if subj is None:
        return False
    if subj.ent_type_ in ("PER", "PERSON") or is_human_noun(subj, lex) or subj.pos_ == "PRON":
        return False
    return any(c.dep_ in ("obj", "ccomp", "aux:pass") and c.i > close for c in verb.children)


def _ends_sentence(doc: Doc, close: int) -> bool:
    """Whether the content before the closing mark at token ``close`` ends on a full stop."""
    k = close - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    return k >= 0 and doc[k].text in (".", "…", "...")


def _before(doc: Doc, opening: int, lex: Lexicon, seg: Segmenter, short: bool) -> Attribution | None:
    s0, _ = seg.bounds(opening)
    k = opening - 1
    while k >= s0 and doc[k].is_space:
        k -= 1
    if k < s0:
        return None
    colon = doc[k].text == ":"
    lo = max(s0, opening - _BEFORE_WINDOW)
    for i in range(k, lo - 1, -1):
        t = doc[i]
        if t.text in ("»", "”") and i != k:
            break  # the previous quotation's attribution is not this one's
        if is_reporting(t, lex) and not is_negated(t, lex):
            # The verb must introduce the quotation, not report a clause of its own in between.
            between = doc[t.i + 1 : opening]
            if short and sum(1 for b in between if not b.is_punct and not b.is_space) > 2:
                return None  # 'le président des "amis du vieux port"': a name, not a quotation
            if any(b.pos_ == "VERB" and b.dep_ in ("ccomp", "xcomp") for b in between) and not colon:
                return None
            if k > t.i and doc[k].lower_ in _PLACE_PREPOSITIONS:
                return None  # "a déclaré dans « Le Journal du soir »": a programme's or a paper's title
            subj = subject_of(t)
            if subj is None or subj.i >= opening:
                subj = inverted_speaker(t, lex) if subj is None else subj
                if subj is not None and subj.i >= opening:
                    subj = None
            return Attribution(cue_span(t), _np(subj), t, "direct-before")
    if colon and not short:
        # "Paul Morel pointe ces retards : « … »", "Elle ne cache pas sa colère : « … »": a clause whose
        # subject is a person, closed by a colon that opens a quotation, gives that person the floor
        # even without a verb of saying. Only a person (a name, a personal pronoun, a noun of person):
        # "Le bilan est lourd : « … »" introduces nothing anyone said.
        found = _colon_clause_subject(doc, s0, k, lex)
        if found is not None:
            verb, subj = found
            return Attribution(None, _np(subj), verb, "direct-colon")
    if colon and k - 1 >= s0:
        # "Le ministre : « … »" / "Lavrov: « … »": the noun phrase before the colon speaks.
        head = doc[k - 1]
        while (
            head.head is not head
            and head.head.i < k
            and head.head.i >= s0
            and head.dep_
            in (
                "flat",
                "flat:name",
                "amod",
                "compound",
                "nmod",
            )
        ):
            head = head.head
        if head.pos_ in ("PROPN", "NOUN") and (
            head.ent_type_ in ("PER", "PERSON", "ORG") or head.lemma_.lower() in lex.roles or head.pos_ == "PROPN"
        ):
            return Attribution(None, _np(head), None, "direct-colon")
    return None


# Prepositions before a quoted title, not before quoted words: "dans « Le Monde »", "chez « Paul »",
# "in "The Times"" ("sur" is left out: "s'étend sur « trois hectares »" quotes words).
_PLACE_PREPOSITIONS = frozenset({"dans", "chez", "in"})

_PERSONAL = frozenset({"il", "elle", "he", "she", "ils", "elles", "they"})


def _colon_clause_subject(doc: Doc, s0: int, colon: int, lex: Lexicon) -> tuple[Token, Token] | None:
    """(verb, subject) of the clause that ends at a colon, when its subject is a person (see _before)."""
    for i in range(colon - 1, s0 - 1, -1):
        t = doc[i]
        finite = "VerbForm=Fin" in str(t.morph) or t.tag_ in ("VBD", "VBZ", "VBP")
        if t.pos_ not in ("VERB", "AUX") or not finite:
            continue
        if t.pos_ == "AUX" and t.dep_.startswith("aux") and t.i < t.head.i < colon:
            t = t.head  # "Paul Morel a pris la parole : « … »": the auxiliary's verb heads the clause
        elif t.pos_ == "AUX" and t.dep_ == "cop" and t.i < t.head.i < colon:
            t = t.head  # "Paul Morel était le premier à réagir : « … »": the predicate heads it
        if t.dep_ not in ("ROOT", "conj") or t.head.i < s0:
            return None
        subj = subject_of(t)
        if subj is None or not s0 <= subj.i < t.i:
            return None
        person = (
            subj.ent_type_ in ("PER", "PERSON")
            or subj.lower_ in _PERSONAL
            or (subj.pos_ == "NOUN" and subj.lemma_.lower() in lex.roles)
        )
        return (t, subj) if person else None
    return None


# How far after the comma the verb of an inserted reporting clause stands (", a-t-il encore ajouté").
_INCISE_VERB = 4


def split_incise(
    doc: Doc, q: MarkedQuote, lex: Lexicon
) -> tuple[tuple[int, int], tuple[int, int] | None, Attribution] | None:
    """« Rien, dit-il, ne peut justifier … »: a reporting clause inserted between the marks cuts the
    quotation in two, both said by its speaker. Returns the two content spans (the second ``None``
    when nothing follows the clause) and the clause's attribution, or ``None`` without such a clause.

    The clause is a comma, a reporting verb within a few words and its speaker after it (an inverted
    clitic or a name: the inverted order is what marks an inserted clause, not the quoted words). The
    quotation resumes after the comma that closes the clause, or, when the clause runs to the end of
    its sentence ("…, a réagi X, porte-parole de Y, selon Z."), after that sentence.
    """
    inside = doc.char_span(q.start, q.end, alignment_mode="expand")
    if inside is None or len(inside) < 4:
        return None
    for c in range(inside.start + 1, inside.end - 1):
        if doc[c].text != ",":
            continue
        att = _after(doc, c - 1, lex)
        if att is None or att.verb is None or att.speaker is None or att.cue is None:
            continue
        if att.verb.i > c + _INCISE_VERB or att.speaker.start <= att.verb.i or att.speaker.end > inside.end:
            continue
        if any(doc[k].lower_ in ("qui", "que", "qu'", "qu’", "dont", "où") for k in range(c + 1, att.verb.i)):
            continue  # "…, qui a conclu à …": a relative clause of the quoted words, not an inserted one
        if att.speaker[0].pos_ == "ADP":
            continue  # "… conclu à une valeur": a complement, never a speaker
        who = att.speaker.root
        # "dit-il": the inverted clitic shows a finite verb whatever the tagger says of "dit".
        finite = "VerbForm=Fin" in str(att.verb.morph) or len(att.cue) > 1 or who.text.startswith("-")
        speaks = (
            who.pos_ in ("PRON", "PROPN")
            or who.text.startswith("-")
            or bool(who.ent_type_)
            or is_human_noun(who, lex)
            or who.lemma_.lower() in lex.groups
        )
        if not (finite and speaks):
            continue  # "…, demandant sa destitution": a participle and its object, not a speaker
        first = (q.start, doc[c - 1].idx + len(doc[c - 1].text))
        k = _past_complement(doc, att.speaker.end, inside.end)
        if k >= inside.end:
            return first, None, att
        if doc[k].text == ",":
            # The clause ends here unless only an apposition follows up to the end of the sentence.
            stop = k + 1
            while stop < inside.end and doc[stop].text not in (".", "!", "?", "…"):
                stop += 1
            rest = doc[k + 1 : stop]
            if any(t.pos_ in ("VERB", "AUX") and "VerbForm=Fin" in str(t.morph) for t in rest):
                return first, _resume(doc, k + 1, q), att
            k = stop
        if k < inside.end and doc[k].text in (".", "!", "?", "…"):
            return first, _resume(doc, k + 1, q), att
        return None
    return None


# How long a circumstantial complement after an inserted clause's speaker may be ("…, explique l'élu
# dans un entretien au journal régional. …"), in tokens.
_COMPLEMENT_REACH = 8


def _past_complement(doc: Doc, k: int, end: int) -> int:
    """The token after a prepositional complement that closes an inserted reporting clause ("…,
    confie-t-elle au Monde, …", "…, explique l'élu dans un entretien. …"), or ``k`` without one: a
    preposition, then only nouns, names, adjectives, determiners and prepositions up to a comma or a
    full stop."""
    if k >= end or doc[k].pos_ != "ADP":
        return k
    j = k
    while j < end and j - k < _COMPLEMENT_REACH and doc[j].pos_ in ("ADP", "DET", "NOUN", "PROPN", "ADJ", "NUM"):
        j += 1
    if j < end and doc[j].text in (",", ".", "!", "?", "…"):
        return j
    return k


def _resume(doc: Doc, k: int, q: MarkedQuote) -> tuple[int, int] | None:
    while k < len(doc) and (doc[k].is_space or doc[k].is_punct) and doc[k].idx < q.end:
        k += 1
    if k >= len(doc) or doc[k].idx >= q.end:
        return None
    return doc[k].idx, q.end
