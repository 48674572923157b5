"""Reading a token tagger's B-/I-/O scores: what the learned quote and time taggers share (and how
their adapters get the trained tagger, from its directory or from the trainer's memory).

Both taggers decide token by token, so their best tags alone can open a span with ``I-`` or break one
with a stray ``O``; both read instead the most probable sequence in which every ``I-X`` follows a
``B-X`` or an ``I-X`` (a Viterbi pass over log-probabilities).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from spacy.language import Language

__all__ = ["as_probabilities", "tagger_of", "viterbi"]

# The log-weight of a forbidden step: far below any sum of real log-probabilities.
_FORBID = -1e9


def as_probabilities(scores: Any) -> Any:
    """``scores`` (tokens × labels; a GPU array is copied to the host) as probabilities: kept when each
    row already is a distribution, else their softmax (spaCy's ``Tagger.v2`` with ``normalize = false``
    predicts raw scores)."""
    probs = np.asarray(scores.get() if hasattr(scores, "get") else scores, dtype="float64")
    if probs.ndim == 2 and len(probs) and ((probs < 0).any() or not np.allclose(probs.sum(axis=1), 1.0, atol=1e-3)):
        shifted = np.exp(probs - probs.max(axis=1, keepdims=True))
        probs = shifted / shifted.sum(axis=1, keepdims=True)
    return probs


def tagger_of(model: Path | Language, exclude: Sequence[str] = ()) -> tuple[Path | None, Language, Any]:
    """(directory, pipeline, its ``tagger`` component) of a trained tagger: ``model`` a directory a
    trainer wrote (loaded without the ``exclude`` components; a local directory, nothing is fetched),
    or a pipeline already in memory (the one a trainer is fitting; no directory)."""
    if isinstance(model, Language):
        return None, model, model.get_pipe("tagger")
    import spacy

    nlp = spacy.load(Path(model), exclude=list(exclude))
    return Path(model), nlp, nlp.get_pipe("tagger")


@lru_cache(maxsize=8)
def _transitions(labels: tuple[str, ...]) -> tuple[Any, Any]:
    """Log-weights of label pairs (0, or forbidden: an ``I-X`` after anything but ``B-X``/``I-X``)
    and of first labels (an ``I-`` cannot start)."""

    def allowed(a: str, b: str) -> bool:
        return not b.startswith("I-") or (a != "O" and a[2:] == b[2:])

    trans = np.array([[0.0 if allowed(a, b) else _FORBID for b in labels] for a in labels])
    return trans, np.array([_FORBID if lab.startswith("I-") else 0.0 for lab in labels])


def viterbi(logp: Any, labels: tuple[str, ...]) -> list[int]:
    """Indices into ``labels`` of the best BIO-consistent sequence over ``logp`` (tokens × labels,
    log-probabilities); ``[]`` for no tokens."""
    if len(logp) == 0:
        return []
    trans, start = _transitions(labels)
    best = logp[0] + start
    back = np.zeros((len(logp), len(labels)), dtype=int)
    for i in range(1, len(logp)):
        step = best[:, None] + trans
        back[i] = step.argmax(axis=0)
        best = step.max(axis=0) + logp[i]
    path = [int(best.argmax())]
    for i in range(len(logp) - 1, 0, -1):
        path.append(int(back[i][path[-1]]))
    return path[::-1]
