"""The learned option for English attributions: a small token tagger (issue 15), beside the rules.

A token tagger labels each token ``B-``/``I-`` ``CUE``, ``SOURCE`` or ``CONTENT`` (or ``O``), in the
convention of PolNeAR's attribution annotation (a flat, univocal annotation: each token belongs to at
most one attribution). It is trained by ``make train-quotes-en`` (``train/quotes_en/train.py``) on
PolNeAR's *train* split only; its dev split selects the epoch. This module holds both ends of that:

- the converter: brat standoff attributions (:func:`parse_brat`) to token tags (:func:`bio_tags`);
- the adapter: token tags back to attributions (:func:`decode`), and those to the quote finder's
  :class:`~dateline.quotes.common.Candidate` (:func:`learned_candidates`), so that speakers are
  resolved to entities and quotes dated exactly as the rules' quotations are.

The tagger is a spaCy ``tagger`` with its own small tok2vec (hash embeddings of the word's norm,
prefix, suffix and shape, and of the part-of-speech tag and dependency label the English model has
already given, so it reads the analysed ``Doc`` without changing it). It is opt-in: the quote finder
uses it only when ``learned`` is set in its config (``"only"`` or ``"combine"``) and a model is found.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span

from dateline.bio import as_probabilities, tagger_of, viterbi
from dateline.quotes.common import Candidate, Lexicon

__all__ = [
    "LABELS",
    "Attribution",
    "LearnedTagger",
    "Run",
    "bio_tags",
    "constrained_tags",
    "decode",
    "learned_candidates",
    "parse_brat",
]

LABELS = ("CUE", "SOURCE", "CONTENT")

# A cue this many tokens or fewer from a content is its cue; past it, a content stands alone (a
# continuation of the quotation before it). Reporting clauses sit next to what they report.
_CUE_REACH = 12
# A source this many tokens or fewer from its cue is the cue's (subject or postposed "said X").
_SOURCE_REACH = 8


@dataclass(frozen=True)
class Attribution:
    """One attribution as annotated: character fragments of its content, cue and source."""

    content: tuple[tuple[int, int], ...]
    cue: tuple[tuple[int, int], ...] = ()
    source: tuple[tuple[int, int], ...] = ()

    def parts(self) -> list[tuple[str, tuple[tuple[int, int], ...]]]:
        """(label, fragments) of its three roles."""
        return [("CONTENT", self.content), ("CUE", self.cue), ("SOURCE", self.source)]


def parse_brat(ann: str) -> list[Attribution]:
    """The attributions of a brat standoff file (PolNeAR's ``.ann``), fragments kept apart.

    ``T`` lines are spans (``Label start end[;start end...]``), ``E`` lines tie an attribution's
    ``Content``, ``Cue`` and ``Source`` together; an event without a content is dropped.
    """
    spans: dict[str, tuple[tuple[int, int], ...]] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            _, _, offs = parts[1].partition(" ")
            try:
                frags = tuple((int(a), int(b)) for a, b in (f.split() for f in offs.split(";") if len(f.split()) == 2))
            except ValueError:
                continue
            if frags:
                spans[parts[0]] = frags
        elif parts[0].startswith("E"):
            events.append(dict(a.split(":", 1) for a in parts[1].split()[1:] if ":" in a))
    out = []
    for args in events:
        content = spans.get(args.get("Content", ""))
        if not content:
            continue
        out.append(Attribution(content, spans.get(args.get("Cue", ""), ()), spans.get(args.get("Source", ""), ())))
    return out


def bio_tags(doc: Doc, attributions: list[Attribution]) -> list[str]:
    """One tag per token of ``doc``: ``B-``/``I-`` + label for the tokens each fragment covers, ``O``
    elsewhere. A token already tagged keeps its first tag (the annotation is univocal; where two
    attributions' spans touch one token, the first one read wins); white-space tokens stay ``O``."""
    tags = ["O"] * len(doc)
    for att in attributions:
        for label, frags in att.parts():
            for s, e in frags:
                span = doc.char_span(s, e, alignment_mode="expand")
                if span is None or len(span) == 0:
                    continue
                first = True
                for tok in span:
                    if tok.is_space or tags[tok.i] != "O":
                        continue
                    tags[tok.i] = ("B-" if first else "I-") + label
                    first = False
    return tags


@dataclass
class Run:
    """A maximal run of tokens with one label: ``[start, end)`` token indices."""

    label: str
    start: int
    end: int


def _runs(doc: Doc, tags: list[str]) -> list[Run]:
    """Runs of one label; a ``B-`` tag starts a new run, white space inside a run does not end it."""
    runs: list[Run] = []
    for i, tag in enumerate(tags):
        if tag == "O" or "-" not in tag:
            if doc[i].is_space and runs and runs[-1].end == i and i + 1 < len(tags) and tags[i + 1].startswith("I-"):
                runs[-1].end = i + 1  # a line break inside a span
            continue
        prefix, label = tag.split("-", 1)
        last = runs[-1] if runs else None
        if prefix == "I" and last is not None and last.label == label and last.end == i:
            last.end = i + 1
        else:
            runs.append(Run(label, i, i + 1))
    return runs


def _gap(a: Run, b: Run) -> int:
    """Tokens between two runs (0 when they touch)."""
    return max(b.start - a.end, a.start - b.end, 0)


@dataclass
class Decoded:
    """An attribution read from the tags: content runs (one, or two around an inserted reporting
    clause), its cue run and source run when found."""

    contents: list[Run]
    cue: Run | None = None
    source: Run | None = None

    @property
    def start(self) -> int:
        """First token of the content."""
        return self.contents[0].start

    @property
    def end(self) -> int:
        """Token after the content."""
        return self.contents[-1].end


def decode(doc: Doc, tags: list[str]) -> list[Decoded]:
    """Attributions from token tags.

    Each content run takes the nearest cue run within reach (``_CUE_REACH`` tokens); two content runs
    that share a cue and have only that reporting clause (cue, source, punctuation) between them are
    one content cut by an inserted clause ("The plan, she said, is dead"). A source run goes to the
    nearest cue within ``_SOURCE_REACH`` tokens; a content without a cue keeps a source next to it.
    """
    runs = _runs(doc, tags)
    contents = [r for r in runs if r.label == "CONTENT"]
    cues = [r for r in runs if r.label == "CUE"]
    sources = [r for r in runs if r.label == "SOURCE"]
    out: list[Decoded] = []
    for run in contents:
        near = [(_gap(run, c), c.start, c) for c in cues if _gap(run, c) <= _CUE_REACH]
        cue = min(near, key=lambda x: (x[0], x[1]))[2] if near else None
        prev = out[-1] if out else None
        if prev is not None and cue is not None and prev.cue is cue and _only_clause(doc, tags, prev.end, run.start):
            prev.contents.append(run)
            continue
        out.append(Decoded([run], cue))
    for d in out:
        anchor = d.cue if d.cue is not None else d.contents[0]
        reach = _SOURCE_REACH if d.cue is not None else 2
        near_s = [(_gap(anchor, s), s.start, s) for s in sources if _gap(anchor, s) <= reach]
        if near_s:
            d.source = min(near_s, key=lambda x: (x[0], x[1]))[2]
    return out


def _only_clause(doc: Doc, tags: list[str], a: int, b: int) -> bool:
    """Whether tokens ``[a, b)`` hold nothing but a reporting clause: cue, source, punctuation."""
    return all(tags[i] != "O" or doc[i].is_punct or doc[i].is_space for i in range(a, b)) and b - a <= _CUE_REACH


def constrained_tags(scores: Any, labels: tuple[str, ...]) -> list[str]:
    """The most probable tag sequence in which every ``I-X`` follows a ``B-X`` or ``I-X`` (Viterbi
    over the tagger's per-token probabilities ``scores``, tokens × labels).

    The tagger decides token by token, so its best tags alone break a long content into pieces (an
    ``O`` or another label inside it) and start spans with ``I-``; reading the best *consistent*
    sequence keeps a span whole where the model hesitates over a token or two.
    """
    probs = as_probabilities(scores)
    if probs.ndim != 2 or len(probs) == 0:
        return []
    return [labels[k] for k in viterbi(np.log(np.clip(probs, 1e-9, 1.0)), tuple(labels))]


class LearnedTagger:
    """A trained attribution tagger: loaded from a directory written by ``train/quotes_en/train.py``,
    or a pipeline already in memory (the one the trainer is fitting, so that the epoch it keeps is
    chosen on the tags as this adapter reads them at run time).

    Only its ``tagger`` component is used, through ``predict``: the tags it gives are read, never
    written on the ``Doc`` (whose part-of-speech tags the rules and the other components need).
    """

    def __init__(self, model: Path | Language) -> None:
        self.path, self.nlp, self.pipe = tagger_of(model)
        self.labels: tuple[str, ...] = tuple(self.pipe.labels)

    def tags(self, doc: Doc) -> list[str]:
        """The tag of each token of ``doc`` (an analysed English ``Doc``: its tags and dependencies
        are features of the model)."""
        if len(doc) == 0:
            return []
        return constrained_tags(self.pipe.model.predict([doc])[0], self.labels)


def _kind(start: int, end: int, marked: list[tuple[int, int]]) -> str:
    """``direct`` when the content lies between quotation marks, ``mixed`` when it holds a quoted
    stretch, ``indirect`` otherwise (``marked``: content spans between marks)."""
    for s, e in marked:
        if (s - 1 <= start and end <= e + 1) or (start <= s and e <= end and (e - s) >= 0.9 * (end - start)):
            return "direct"
    if any(start <= s and e <= end for s, e in marked):
        return "mixed"
    return "indirect"


# Longest subject taken whole as the speaker; a longer one (a relative clause, an apposition) gives its
# head's compound name or noun alone.
_SUBJECT_TOKENS = 8


def _subject_of(cue: Span) -> Span | None:
    """The source a parse gives a cue when the tagger gave none: the subject of its verb ("the
    minister said"), the agent of a passive one ("it was announced by the board"), the object of
    "according to"."""
    doc = cue.doc
    for tok in cue:
        for child in tok.children:
            head = None
            # A passive's subject speaks only when it is not the expletive "it" ("it was said that").
            if child.dep_ == "nsubj" or (child.dep_ == "nsubjpass" and child.pos_ != "PRON"):
                head = child
            elif child.dep_ in ("agent", "prep") and child.lower_ in ("by", "to"):
                head = next((g for g in child.children if g.dep_ == "pobj"), None)
            if head is None or (cue.start <= head.i < cue.end):
                continue
            left, right = head.left_edge.i, head.right_edge.i + 1
            if right - left > _SUBJECT_TOKENS:
                left = min([head.i] + [c.i for c in head.lefts if c.dep_ in ("compound", "amod", "det", "poss")])
                right = head.i + 1
            return doc[left:right]
    return None


def learned_candidates(
    doc: Doc, tags: list[str], lex: Lexicon, marked: list[tuple[int, int]] | None = None
) -> list[Candidate]:
    """Quote finder candidates from the tagger's tags.

    A content without a cue is left out: an attribution always has one (PolNeAR's guidelines annotate
    no attribution without its cue), so a content span alone is a stray piece of tagging. Attributions
    whose cue is a verb of private thought or perception (the lexicon's ``cognition``
    list: "think", "hope", "see") are left out, as the rules leave them out: a thought is not a
    statement. A cue that is a verb gives the date's verb; the source span is the speaker (without
    one, the subject the parse gives the cue), resolved to an entity by the quote finder as for the
    rules' quotations.
    """
    out = []
    for d in decode(doc, tags):
        if d.cue is None:
            continue
        cue = doc[d.cue.start : d.cue.end]
        if any(t.lemma_.lower() in lex.cognition for t in cue):
            continue
        start = doc[d.start].idx
        last = doc[d.end - 1]
        end = last.idx + len(last.text)
        if end <= start:
            continue
        speaker: Span | None = doc[d.source.start : d.source.end] if d.source is not None else _subject_of(cue)
        verb = next((t for t in cue if t.pos_ in ("VERB", "AUX")), None) or cue.root
        out.append(Candidate(start, end, _kind(start, end, marked or []), cue, speaker, verb, "learned"))
    return out
