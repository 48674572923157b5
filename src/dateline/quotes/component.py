"""``dateline_quotes``: who said what — direct, indirect and mixed quotations with their speakers.

Writes ``doc._.quotes`` (contract dicts ``q1``..) and appends the titles it learns to the person
entities' ``roles``. Reads ``doc._.entities`` (speaker resolution), ``doc._.timexes`` and
``doc._.published``/``doc._.dct`` (dating). Steps:

1. quotation marks are scanned on the raw text (:mod:`dateline.quotes.direct`), each quotation is
   attributed from the words around its marks (:mod:`dateline.quotes.attribution`);
2. reported speech is found from reporting verbs, source prepositions and colons
   (:mod:`dateline.quotes.indirect`);
3. the two are merged: a reported clause that contains a quoted fragment is *mixed*; a reported clause
   that is wholly a quotation is that direct quotation; reports inside a quotation are the quoted
   speaker's words, not the article's quotations;
4. a quotation between marks that nothing attributes is kept only when it is a sentence (scare quotes,
   titles and single words are not quotations); it takes the speaker of the quotation just before it
   in the same or the previous paragraph, the usual way news continues a quotation;
5. speakers are resolved to entities (:mod:`dateline.quotes.speakers`) and quotes dated
   (:mod:`dateline.quotes.dating`).

Opt-in, English: a learned attribution tagger (:mod:`dateline.quotes.learned`, config ``learned``:
``"only"`` replaces the rules' candidates with its own, ``"combine"`` adds those that overlap no rule
quotation; ``learned_model`` names its directory). Its candidates go through steps 4–5 like the rules'.
"""

from __future__ import annotations

import bisect
import dataclasses
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from dateline.extensions import doc_text, register_extensions
from dateline.quotes.attribution import attribute_marked, is_title, split_incise, token_at
from dateline.quotes.common import (
    Candidate,
    Lexicon,
    Segmenter,
    get_lexicon,
    is_human_noun,
    is_negated,
    is_reporting,
    speaker_span,
)
from dateline.quotes.dating import TimexIndex, quote_date
from dateline.quotes.direct import MarkedQuote, scan_direct
from dateline.quotes.indirect import find_indirect, subject_of
from dateline.quotes.learned import LearnedTagger, learned_candidates
from dateline.quotes.speakers import SpeakerResolver
from dateline.wrapping import unwrap

__all__ = ["QuoteFinder", "extract_quotes", "make_quote_finder"]


def _words(text: str) -> int:
    return sum(1 for w in text.split() if any(ch.isalpha() for ch in w))


def _sentence_like(doc: Doc, text: str, q: MarkedQuote) -> bool:
    """Whether a quotation nothing attributes reads as someone's sentence: it starts with a capital
    and has a finite verb (a title, a term or a list of nouns does not)."""
    first = next((ch for ch in text[q.start : q.end] if ch.isalpha()), "")
    if not first.isupper():
        return False
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    finite = ("VBD", "VBZ", "VBP", "MD")
    return span is not None and any("VerbForm=Fin" in str(t.morph) or t.tag_ in finite for t in span)


class QuoteFinder:
    """The pipeline component (see the module docstring)."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        lang: str,
        min_words: int,
        context_paragraphs: int,
        learned: str = "off",
        learned_model: str = "",
    ) -> None:
        self.name = name
        self.lang = lang
        self.min_words = min_words
        self.context_paragraphs = context_paragraphs
        if learned not in LEARNED_MODES:
            raise ValueError(f"learned must be one of {', '.join(LEARNED_MODES)}, not {learned!r}")
        self.learned_mode = learned
        self.learned = _load_learned(learned_model) if learned != "off" else None
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = extract_quotes(
            doc,
            self.lang,
            self.min_words,
            self.context_paragraphs,
            learned=self.learned,
            learned_mode=self.learned_mode,
        )
        return doc


LEARNED_MODES = ("off", "only", "combine")


def _load_learned(path: str) -> LearnedTagger:
    """The learned tagger at ``path`` (a local directory; nothing is downloaded)."""
    from pathlib import Path

    from dateline.errors import DatelineError

    if not path or not Path(path).is_dir():
        raise DatelineError(
            "missing-model",
            f"the learned quote tagger was asked for (learned_model={path!r}) but no model directory is there",
            hint="train one with `make train-quotes-en` and give its model-best directory as learned_model",
        )
    return LearnedTagger(Path(path))


def extract_quotes(
    doc: Doc,
    lang: str = "fr",
    min_words: int = 5,
    context_paragraphs: int = 1,
    *,
    learned: LearnedTagger | None = None,
    learned_mode: str = "combine",
) -> list[dict[str, Any]]:
    """The quotations of a parsed ``doc`` as contract dicts (also usable without the pipeline).

    With a ``learned`` tagger, ``learned_mode="only"`` keeps its candidates alone and ``"combine"``
    adds to the rules' those of its candidates that overlap none of them.
    """
    lex = get_lexicon(lang)
    seg = Segmenter(doc)
    text = doc_text(doc)
    # Quotation marks and paragraphs are read on the text with its typesetting line breaks undone
    # (same offsets): in hard-wrapped wire copy a quotation runs over several lines of one paragraph.
    reading = unwrap(text)
    marked = scan_direct(reading)
    cands: list[Candidate] = []
    unattributed: list[MarkedQuote] = []
    # Titles of works and names given between marks are no one's words (they stay marked text: a
    # reported clause holding one is still read with its marks).
    for q in marked:
        if is_title(doc, q, lex):
            continue
        if lang == "fr":
            # « A, dit-il, B »: French inserts the reporting clause inside the marks (English closes
            # and reopens them, which the scanner already gives as two quotations).
            split = split_incise(doc, q, lex)
            if split is not None:
                first, second, inc = split
                for part in (first, second):
                    if part is not None:
                        a, b = part
                        cands.append(Candidate(a, b, "direct", inc.cue, inc.speaker, inc.verb, "direct-incise"))
                continue
        att = attribute_marked(doc, q, lex, seg)
        if att is None:
            unattributed.append(q)
            continue
        if att.speaker is None and _words(text[q.start : q.end]) <= 3:
            unattributed.append(q)  # a quoted term with a verb nearby but no one saying it
            continue
        cands.append(Candidate(q.start, q.end, "direct", att.cue, att.speaker, att.verb, att.rule))
    direct_spans = _Spans([(c.start, c.end) for c in cands])
    marked_spans = _Spans([(q.open, q.close) for q in marked])
    by_open = {q.open: q for q in marked}
    absorbed: set[int] = set()  # content starts of quoted fragments inside mixed quotations
    for ind in find_indirect(doc, lex, seg):
        merged = _merge_indirect(ind, direct_spans, marked_spans, by_open, absorbed)
        if merged is not None:
            cands.append(merged)
    cands = [c for c in cands if not (c.kind == "direct" and c.start in absorbed)]
    # Quotations with no attribution: a sentence between marks, continuing a speaker just quoted.
    for q in unattributed:
        if q.start in absorbed:
            continue  # a fragment inside a reported clause: that clause is mixed
        if _words(text[q.start : q.end]) < min_words or not _sentence_like(doc, text, q):
            continue
        cands.append(Candidate(q.start, q.end, "direct", None, None, None, "direct-context"))
    # A relay ("X a demandé à Y de partir, rapporte Franceinfo") is kept beside the report it passes
    # on, in every language, and says so (`relays`): both attributions are true, and which of them a
    # reader (or a gold set's convention) counts as the quotation is theirs to choose.
    cands = _mark_relays(cands)
    cands = _drop_nested([c for c in cands if not c.relay]) + [c for c in cands if c.relay]
    quoted = [(q.start, q.end) for q in marked]
    if learned is not None:
        extra = learned_candidates(doc, learned.tags(doc), lex, quoted)
        if learned_mode == "only":
            cands = extra
        else:
            # A few dozen candidates per article: a plain overlap test is cheap enough.
            taken = [(c.start, c.end) for c in cands]
            cands += [c for c in extra if not any(s < c.end and c.start < e for s, e in taken)]
    cands.sort(key=lambda c: (c.start, c.end))
    resolver = SpeakerResolver(doc, lex, quoted)
    timexes = TimexIndex(doc._.timexes or [])
    out: list[dict[str, Any]] = []
    last_speaker: tuple[int, dict[str, Any]] | None = None  # (end of the quote, its speaker dict)
    for c in cands:
        speaker: dict[str, Any] | None = None
        if c.speaker is not None and len(c.speaker) > 0:
            said_by = resolver.trimmed(c.speaker)
            ent = resolver.resolve(said_by, exclude=(c.start, c.end), verb=c.verb)
            s0, s1 = said_by.start_char, said_by.end_char
            # The inverted clitic of "a-t-il ajouté" is the pronoun "il", without its hyphens.
            if text[s0:s1].startswith("-"):
                s0 += 1
                if text[s0:s1].startswith("t-"):
                    s0 += 2
            speaker = {"start": s0, "end": s1, "text": text[s0:s1], "entity": ent} if s1 > s0 else None
        elif c.rule == "direct-context" and (said := _reporting_sentence_before(doc, seg, c, lex)) is not None:
            # "Il raconte tout sur son blog. « … »": the sentence just before reports, its subject speaks.
            ent = resolver.resolve(said, exclude=(c.start, c.end))
            speaker = {"start": said.start_char, "end": said.end_char, "text": said.text, "entity": ent}
        elif c.rule == "direct-context" and (named := _context_subject(resolver, seg, c, last_speaker)) is not None:
            # A quotation nothing attributes, after a sentence whose subject is a person ("Anne Roy
            # pointe ces retards : « … »", "Julie Martin est sur place. « … »"): that person speaks,
            # not a speaker quoted before that sentence.
            ent = resolver.resolve(named)
            speaker = {"start": named.start_char, "end": named.end_char, "text": named.text, "entity": ent}
            speaker["inherited"] = True
        elif (
            # A quotation with no cue ("direct-context"), or with a cue that names no one ("Et
            # d'ajouter : « … »"): the speaker just quoted goes on.
            (c.rule == "direct-context" or (c.kind == "direct" and c.cue is not None))
            and last_speaker is not None
            and _paragraphs_between(reading, last_speaker[0], c.start) <= context_paragraphs
        ):
            speaker = dict(last_speaker[1], inherited=True)
        quote: dict[str, Any] = {
            "id": f"q{len(out) + 1}",
            "start": c.start,
            "end": c.end,
            "text": text[c.start : c.end],
            "kind": c.kind,
            "cue": (
                {"start": c.cue.start_char, "end": c.cue.end_char, "text": c.cue.text} if c.cue is not None else None
            ),
            "speaker": speaker,
            "date": quote_date(doc, (c.start, c.end), c.cue, c.speaker, c.verb, timexes),
            "rule": c.rule,
        }
        out.append(quote)
        if speaker is not None:
            last_speaker = (c.end, {k: v for k, v in speaker.items() if k != "inherited"})
    _repeated_headings(cands, out)
    for c, quote in zip(cands, out, strict=True):
        if c.relay:
            # The report passed on: the first other quotation whose cue stands inside the relay's content.
            quote["relays"] = next(
                (
                    q["id"]
                    for d, q in zip(cands, out, strict=True)
                    if not d.relay and q["cue"] is not None and c.start <= q["cue"]["start"] < c.end
                ),
                None,
            )
    return out


def _word_seq(text: str) -> list[str]:
    """The words of a quotation, lower-cased, without punctuation (apostrophes split words)."""
    out: list[str] = []
    word: list[str] = []
    for ch in text.lower():
        if ch.isalnum():
            word.append(ch)
        elif word:
            out.append("".join(word))
            word = []
    if word:
        out.append("".join(word))
    return out


def _in_order_share(short: list[str], long: list[str]) -> float:
    """The share of ``short``'s words found in ``long`` in the same order (a longest common
    subsequence over words, over the length of ``short``)."""
    if not short:
        return 0.0
    prev = [0] * (len(long) + 1)
    for a in short:
        cur = [0] * (len(long) + 1)
        for j, b in enumerate(long, 1):
            cur[j] = prev[j - 1] + 1 if a == b else max(prev[j], cur[j - 1])
        prev = cur
    return prev[-1] / len(short)


HEADING_MIN_WORDS = 3
HEADING_SHARE = 0.8


def _repeated_headings(cands: list[Candidate], out: list[dict[str, Any]]) -> None:
    """A quotation nothing attributes that repeats the words of another quotation of the article is
    that quotation's speaker's: web and broadcast news set a line of a later (or earlier) quotation
    apart as a subheading or a lead, without its reporting clause. Such a heading takes the speaker
    of the quotation it repeats (one whose own reporting clause names a speaker), instead of the one
    it would inherit from the quotation just before it."""
    sourced = [
        (_word_seq(q["text"]), q["speaker"])
        for c, q in zip(cands, out, strict=True)
        if c.speaker is not None and q["speaker"] is not None and not q["speaker"].get("inherited")
    ]
    if not sourced:
        return
    for c, q in zip(cands, out, strict=True):
        if c.rule != "direct-context" or c.cue is not None:
            continue
        words = _word_seq(q["text"])
        if len(words) < HEADING_MIN_WORDS:
            continue
        for other, speaker in sourced:
            if len(other) >= len(words) and _in_order_share(words, other) >= HEADING_SHARE:
                q["speaker"] = dict(speaker, inherited=True)
                break


def _reporting_sentence_before(doc: Doc, seg: Segmenter, c: Candidate, lex: Lexicon) -> Span | None:
    """The speaker of a reporting clause that makes up the sentence right before an unattributed
    quotation ("Il raconte tout sur son blog. « … »", "La ministre s'explique. « … »"): the subject,
    before the verb, of the sentence's main verb when it is a verb of saying, or ``None``."""
    k0 = token_at(doc, c.start)
    if k0 is None or k0 < 2:
        return None
    k = k0 - 1
    while k >= 0 and (doc[k].is_space or doc[k].text in ("«", "“", '"')):
        k -= 1
    if k < 1 or doc[k].text not in (".", "!"):
        return None  # the quotation does not open a new sentence
    s0, _ = seg.bounds(k)
    sentence = doc[s0 : k + 1]
    if any(t.text in ("«", "»", "“", "”", '"') for t in sentence):
        return None  # a sentence with a quotation of its own: the usual continuation rules apply
    root = next((t for t in sentence if t.dep_ == "ROOT"), None)
    if root is None or not is_reporting(root, lex, opinion=False) or is_negated(root, lex):
        return None
    subj = subject_of(root)
    if subj is None or not s0 <= subj.i < root.i:
        return None
    person = (
        subj.ent_type_ in ("PER", "PERSON")
        or is_human_noun(subj, lex)
        or (subj.pos_ == "PRON" and subj.lower_ in ("il", "elle", "ils", "elles"))
    )
    if not person:
        return None
    return speaker_span(subj)


def _context_subject(
    resolver: SpeakerResolver, seg: Segmenter, c: Candidate, last: tuple[int, dict[str, Any]] | None
) -> Span | None:
    """The person named as a subject between the last attributed quotation (or, without one, the
    start of the previous sentence) and an unattributed quotation ``c``."""
    doc = resolver.doc
    k0 = token_at(doc, c.start)
    if k0 is None or k0 == 0:
        return None
    prev_start, _ = seg.bounds(max(0, k0 - 2))
    since = doc[prev_start].idx
    if last is not None:
        since = max(since, last[0])
    return resolver.subject_between(since, c.start)


# Past this many characters, the previous speaker is too far for a quotation to continue it (and the
# gap is not scanned, which keeps the cost per quotation bounded).
_CONTEXT_CHARS = 2000


def _paragraphs_between(text: str, a: int, b: int) -> int:
    if b <= a:
        return 0
    if b - a > _CONTEXT_CHARS:
        return 1 << 30
    gap = text[a:b]
    return sum(1 for line in gap.split("\n")[1:] if line.strip()) if "\n" in gap else 0


class _Spans:
    """Non-overlapping character spans, sorted: the ones meeting ``[a, b)`` found by bisection, so
    merging stays linear-logarithmic however many quotations an article has."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.ends = [e for _, e in self.spans]

    def meeting(self, a: int, b: int) -> list[tuple[int, int]]:
        k = bisect.bisect_right(self.ends, a)
        out = []
        while k < len(self.spans) and self.spans[k][0] < b:
            out.append(self.spans[k])
            k += 1
        return out


def _merge_indirect(
    ind: Candidate, direct: _Spans, marked: _Spans, by_open: dict[int, MarkedQuote], absorbed: set[int]
) -> Candidate | None:
    """An indirect candidate as it should be kept (mixed, or dropped when a direct quote covers it)."""
    length = ind.end - ind.start
    for s, e in direct.meeting(ind.start, ind.end):
        overlap = min(e, ind.end) - max(s, ind.start)
        if overlap >= 0.6 * length or (s <= ind.start and ind.end <= e):
            return None  # the same quotation, already attributed between marks
    # A reporting verb inside a quotation reports the quoted speaker's words, not the article's.
    if ind.cue is not None:
        at = ind.cue.start_char
        if any(o < at < c for o, c in marked.meeting(at, at + 1)):
            return None
    inner = [by_open[o] for o, c in marked.meeting(ind.start, ind.end + 1) if ind.start <= o and c <= ind.end + 1]
    if inner:
        covered = sum(q.end - q.start for q in inner)
        if covered >= 0.9 * length:
            q = inner[0]
            return Candidate(q.start, q.end, "direct", ind.cue, ind.speaker, ind.verb, ind.rule)
        # The quoted fragment is part of the mixed quotation, not a quotation of its own.
        absorbed.update(q.start for q in inner)
        return Candidate(ind.start, ind.end, "mixed", ind.cue, ind.speaker, ind.verb, ind.rule)
    return ind


# Rules of reports introduced by a source preposition ("selon X, …"): the cue precedes the speaker.
_SOURCE_RULES = frozenset({"source", "pour"})


def _mark_relays(cands: list[Candidate]) -> list[Candidate]:
    """Mark a postposed report whose content is itself a report with its own cue and speaker ("X a
    demandé à Y de partir, rapporte Franceinfo"): the outlet relays X's words, and X's report is
    found on its own (it is not dropped as nested inside the relay's content)."""
    inner = sorted(
        c.cue.start_char
        for c in cands
        if c.cue is not None
        and c.speaker is not None
        # "X a dit que …", and "selon X, …" / "pour X, …", whose cue comes before the speaker
        and (c.speaker.start_char < c.cue.start_char or c.rule in _SOURCE_RULES)
    )
    out = []
    for c in cands:
        if c.rule == "postposed":
            own = c.cue.start_char if c.cue is not None else -1
            k = bisect.bisect_left(inner, c.start)
            while k < len(inner) and inner[k] == own:
                k += 1  # its own cue, when the reporting clause is inserted in the clause it reports
            if k < len(inner) and inner[k] < c.end:
                c = dataclasses.replace(c, relay=True)
        out.append(c)
    return out


def _drop_nested(cands: list[Candidate]) -> list[Candidate]:
    """Keep the outer quotation when one report sits inside another's content, and one per span.

    One sweep in order of start (longest first): a candidate is compared with the kept candidate that
    reaches furthest, so the cost stays linear in the number of candidates.
    """
    out: list[Candidate] = []
    outer: Candidate | None = None
    for c in sorted(cands, key=lambda c: (c.start, -(c.end - c.start))):
        if outer is not None and outer.start <= c.start and c.end <= outer.end:
            cue_at = c.cue.start_char if c.cue is not None else c.start
            if outer.start <= cue_at < outer.end or (outer.start, outer.end) == (c.start, c.end):
                continue
        out.append(c)
        if outer is None or c.end > outer.end:
            outer = c
    return out


@Language.factory(
    "dateline_quotes",
    assigns=["doc._.quotes"],
    requires=["doc._.entities", "token.dep", "token.lemma"],
    default_config={
        "lang": "fr",
        "min_words": 5,
        "context_paragraphs": 1,
        "learned": "off",
        "learned_model": "",
    },
)
def make_quote_finder(
    nlp: Language,
    name: str,
    lang: str,
    min_words: int,
    context_paragraphs: int,
    learned: str = "off",
    learned_model: str = "",
) -> QuoteFinder:
    """Find quotations and their speakers (see :class:`QuoteFinder`); ``learned`` (opt-in) adds the
    learned attribution tagger of ``learned_model``."""
    return QuoteFinder(nlp, name, lang, min_words, context_paragraphs, learned, learned_model)
