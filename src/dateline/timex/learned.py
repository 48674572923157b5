"""The learned TIMEX3 extent detector (issue 16): a small token tagger that proposes time expressions
the rules did not find.

The rules stay the detector and the normaliser; the tagger only *proposes* extents, and a proposal is
kept only where no rule candidate overlaps it and its confidence reaches a threshold chosen on dev by
cross-validation (``train/timex/train.py``). This module holds both ends:

- the converter: character spans of TIMEX3s to token tags (:func:`bio_tags`), ``B-``/``I-`` of the
  four TIMEX3 types or ``O``;
- the model's feature layer (:func:`timex_tok2vec`, registered as ``dateline.TimexTok2Vec.v1``): it
  *listens* to the language model's own tok2vec output (``doc.tensor``, set by ``fr_core_news_md``'s
  ``tok2vec`` component; frozen: nothing is learned back into it), optionally beside small hash
  embeddings of the word's norm and shape and window layers. The shipped model uses the tensor alone
  and one maxout layer (cross-validation on dev found the larger variants no better): two small matrix
  products per token, no second tok2vec;
- the adapter: the tagger's probabilities to proposals (:func:`proposals`), the best BIO-consistent
  tag sequence (Viterbi) with each span's confidence (its least sure token);
- :class:`LearnedExtents`, the trained tagger loaded from a local directory (nothing is fetched) or
  given in memory by the trainer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from spacy.language import Language
from spacy.ml.models.tok2vec import MultiHashEmbed
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Maxout, Model, chain, concatenate, expand_window, residual, with_array
from thinc.types import Floats2d

from dateline.bio import as_probabilities, tagger_of, viterbi

__all__ = [
    "DEFAULT_MODEL",
    "LABELS",
    "TYPES",
    "LearnedExtents",
    "Proposal",
    "bio_tags",
    "proposals",
    "timex_tok2vec",
]

TYPES = ("DATE", "TIME", "DURATION", "SET")
LABELS = ("O", *(f"{p}-{t}" for t in TYPES for p in ("B", "I")))

# The model shipped inside the package (French; trained by `make train-timex`, see its README).
DEFAULT_MODEL = Path(__file__).resolve().parent.parent / "data" / "timex" / "model-fr"


def bio_tags(doc: Doc, spans: Sequence[tuple[int, int, str]]) -> list[str]:
    """Token tags of ``doc`` for the character spans ``(start, end, type)``: ``B-TYPE`` on a span's
    first token, ``I-TYPE`` on the others, ``O`` elsewhere (a span is widened to whole tokens; a span
    that overlaps one already tagged is left out, TIMEX3s do not nest)."""
    tags = ["O"] * len(doc)
    for start, end, typ in sorted(spans):
        if typ not in TYPES:
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span) or any(tags[i] != "O" for i in range(span.start, span.end)):
            continue
        tags[span.start] = f"B-{typ}"
        for i in range(span.start + 1, span.end):
            tags[i] = f"I-{typ}"
    return tags


def _doc_tensor(width: int) -> Model[list[Doc], list[Floats2d]]:
    """Each Doc's ``doc.tensor`` (the language model's tok2vec output), zeros when it is not set;
    no gradient flows back (the language model stays as it is)."""

    def forward(model: Model[list[Doc], list[Floats2d]], docs: list[Doc], is_train: bool) -> tuple[Any, Any]:
        out = []
        for doc in docs:
            t = doc.tensor
            if t is None or t.size == 0 or t.shape[0] != len(doc):
                out.append(model.ops.alloc2f(len(doc), width))
            else:
                out.append(model.ops.asarray2f(t))  # type: ignore[arg-type]

        def backprop(_grads: Any) -> list[Doc]:
            return []

        return out, backprop

    return Model("doc_tensor", forward, dims={"nO": width})


@registry.architectures("dateline.TimexTok2Vec.v1")
def timex_tok2vec(tensor_width: int, width: int, rows: int, depth: int) -> Model[list[Doc], list[Floats2d]]:
    """Token vectors for the extent tagger: the language model's ``doc.tensor`` (``tensor_width``,
    frozen), beside hash embeddings (``width``; ``rows`` for the norm, a quarter for the shape; none
    with ``rows=0``), a maxout to ``width``, then ``depth`` residual window layers (one token either
    side)."""
    feats: Model[list[Doc], list[Floats2d]] = _doc_tensor(tensor_width)
    if rows:
        embed = MultiHashEmbed(
            width=width, attrs=["NORM", "SHAPE"], rows=[rows, max(50, rows // 4)], include_static_vectors=False
        )
        feats = concatenate(feats, embed)
    layers: list[Any] = [Maxout(width, nP=3, normalize=True)]
    for _ in range(depth):
        layers.append(residual(chain(expand_window(1), Maxout(width, width * 3, nP=3, normalize=True))))
    encode = layers[0] if len(layers) == 1 else chain(*layers)
    model: Model[list[Doc], list[Floats2d]] = chain(feats, with_array(encode))
    model.set_dim("nO", width)
    return model


@dataclass(frozen=True)
class Proposal:
    """A proposed extent: characters ``[start, end)``, its TIMEX3 type, the tagger's confidence."""

    start: int
    end: int
    type: str
    confidence: float


def _stretches(marked: Any, n: int) -> list[tuple[int, int]]:
    """``[lo, hi)`` stretches covering the marked positions, each widened by one position either
    side, stretches that touch merged."""
    out: list[tuple[int, int]] = []
    for i in np.flatnonzero(marked).tolist():
        lo, hi = max(0, i - 1), min(n, i + 2)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def proposals(doc: Doc, scores: Any, labels: Sequence[str]) -> list[Proposal]:
    """The extents of the best BIO-consistent tag sequence over ``scores`` (tokens x labels), each
    with the probability of its least sure token as confidence; punctuation and spaces at either end
    are trimmed off."""
    probs = as_probabilities(scores)
    if probs.ndim != 2 or len(probs) == 0:
        return []
    # Most tokens are plainly outside any expression: the Viterbi reading runs only over the stretches
    # where some token's best label is not O, one token added on either side (a span of those tokens
    # is all a proposal can be; elsewhere the sequence is O throughout).
    outside = labels.index("O")
    best = probs.argmax(axis=1)
    path = [outside] * len(probs)
    logp = None
    for lo, hi in _stretches(best != outside, len(probs)):
        if logp is None:
            logp = np.log(np.clip(probs, 1e-9, 1.0))
        path[lo:hi] = viterbi(logp[lo:hi], tuple(labels))
    out: list[Proposal] = []
    i = 0
    while i < len(path):
        lab = labels[path[i]]
        if not lab.startswith("B-"):
            i += 1
            continue
        j = i + 1
        while j < len(path) and labels[path[j]] == "I-" + lab[2:]:
            j += 1
        s, e = i, j
        while s < e and (doc[s].is_punct or doc[s].is_space):
            s += 1
        while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space):
            e -= 1
        if e > s:
            conf = float(min(probs[k, path[k]] for k in range(i, j)))
            out.append(Proposal(doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text), lab[2:], conf))
        i = j
    return out


class LearnedExtents:
    """A trained extent tagger: loaded from a directory written by ``train/timex/train.py``, or a
    pipeline already in memory (the one the trainer has just fitted, so that its cross-validation
    reads the tagger as the component does at run time).

    Only its ``tagger`` component is used, through ``predict``: nothing is written on the ``Doc``
    (whose part-of-speech tags the rules and the other components need).
    """

    def __init__(self, model: Path | Language) -> None:
        # A saved model has no tokenizer: the tagger reads Docs made by the language's pipeline.
        self.path, self.nlp, self.pipe = tagger_of(model, exclude=["tokenizer"])
        self.labels: tuple[str, ...] = tuple(self.pipe.labels)

    def propose(self, doc: Doc) -> list[Proposal]:
        """The extents the tagger finds in ``doc`` (an analysed ``Doc`` whose ``tensor`` the language
        model's tok2vec has set)."""
        return self.propose_many([doc])[0]

    def propose_many(self, docs: Sequence[Doc]) -> list[list[Proposal]]:
        """:meth:`propose` for several Docs, the model run once over all of them."""
        todo = [d for d in docs if len(d)]
        scores = iter(self.pipe.model.predict(todo) if todo else [])
        out: list[list[Proposal]] = []
        for d in docs:
            if not len(d):
                out.append([])
                continue
            out.append(proposals(d, next(scores), self.labels))
        return out
