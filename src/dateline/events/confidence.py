"""How far to trust an event: the evidence the coder weighs, turned into a probability fitted on dev gold.

Every event carries the evidence that made the coder keep it (:func:`evidence`): the lexicon entry's
prior, a verb or a noun trigger, a source and a target found in the parse, a type that needs a target
and has none, a time expression of its own, negation and modality cues, a word at risk of figurative
use, and how many mentions of the happening were merged. A logistic model of these features, fitted on
the dev gold sets only (French dev sentences and dev articles, the English PLOVER dev records,
UniversalPetrarch's validation set and the English dev articles: an event is right when its type matches
the gold), turns them into a probability, so
that of the events given 0.8 about 80 % were right on dev; the test sets only report the reliability.

The weights live in ``dateline/data/events/calibration.tsv``, written by ``python eval/events.py
calibrate``; with no table the confidence is a hand-set score of the same features (:data:`PRIOR`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["FEATURES", "Model", "default_min_confidence", "evidence", "fit_logistic", "model"]

# The features, in the order of the weights (``bias`` is always 1).
FEATURES: tuple[str, ...] = (
    "bias",
    "weight",
    "verb",
    "source",
    "target",
    "missing_target",
    "text_date",
    "figurative_risk",
    "reported",
    "not_asserted",
    "negated",
    "corroborated",
    "bare_noun",
)
# No language feature: the French dev sentences are the ones the rules were tuned on, so a weight for
# "French" would learn that tuning, not how sure an event is on news never seen.
# Hand-set weights used when no fitted table is shipped: the old additive score, on the logit scale.
PRIOR: dict[str, float] = {
    "bias": -1.5,
    "weight": 1.2,
    "verb": 0.4,
    "source": 0.8,
    "target": 0.6,
    "missing_target": -0.4,
    "text_date": 0.4,
    "figurative_risk": -0.4,
    "corroborated": 0.3,
    "bare_noun": -0.3,
}


def evidence(
    *,
    weight: float,
    verb: bool,
    source: bool,
    target: bool,
    needs_target: bool,
    text_date: bool,
    figurative_risk: bool,
    reported: bool,
    modality: str,
    negated: bool,
    bare_noun: bool,
) -> dict[str, float]:
    """The features of one event (see the module docstring); ``corroborated`` is set when mentions merge.

    ``bare_noun``: a noun trigger kept because the noun names an occurrence, with no support verb,
    participle, date or intention verb to say it happened.
    """
    return {
        "bias": 1.0,
        "weight": weight,
        "verb": float(verb),
        "source": float(source),
        "target": float(target),
        "missing_target": float(needs_target and not target),
        "text_date": float(text_date),
        "figurative_risk": float(figurative_risk),
        "reported": float(reported),
        "not_asserted": float(modality != "asserted"),
        "negated": float(negated),
        "corroborated": 0.0,
        "bare_noun": float(bare_noun),
    }


@dataclass(frozen=True)
class Model:
    """A logistic model of the features: ``P(right) = 1 / (1 + exp(-w·x))``."""

    weights: Mapping[str, float]

    def __call__(self, feats: Mapping[str, float]) -> float:
        z = sum(self.weights.get(k, 0.0) * v for k, v in feats.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def fit_logistic(
    rows: Sequence[Mapping[str, float]], labels: Sequence[bool], l2: float = 1.0, steps: int = 50
) -> dict[str, float]:
    """Weights of a logistic regression by Newton's method with an L2 penalty (not on the bias).

    ``l2`` = 1 keeps weights of features seen on a few dozen dev events from running off: with about
    three hundred dev events a feature needs consistent evidence to move far from 0.
    """
    n = len(FEATURES)
    x = [[float(r.get(f, 0.0)) for f in FEATURES] for r in rows]
    y = [1.0 if b else 0.0 for b in labels]
    w = [0.0] * n
    for _ in range(steps):
        grad = [0.0] * n
        hess = [[0.0] * n for _ in range(n)]
        for xi, yi in zip(x, y, strict=True):
            z = sum(a * b for a, b in zip(w, xi, strict=True))
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            for j in range(n):
                grad[j] += (p - yi) * xi[j]
                for k in range(n):
                    hess[j][k] += p * (1 - p) * xi[j] * xi[k]
        for j in range(1, n):
            grad[j] += l2 * w[j]
            hess[j][j] += l2
        for j in range(n):
            hess[j][j] += 1e-6  # a feature never seen on dev keeps weight 0 without a singular system
        step = _solve(hess, grad)
        w = [a - b for a, b in zip(w, step, strict=True)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return {f: round(v, 4) for f, v in zip(FEATURES, w, strict=True)}


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (a small dense system: one row per feature)."""
    n = len(b)
    m = [[*row, b[i]] for i, row in enumerate(a)]
    for col in range(n):
        piv = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[piv] = m[piv], m[col]
        for r in range(n):
            if r != col and m[col][col]:
                f = m[r][col] / m[col][col]
                m[r] = [x - f * y for x, y in zip(m[r], m[col], strict=True)]
    return [m[i][n] / m[i][i] if m[i][i] else 0.0 for i in range(n)]


def _table() -> list[list[str]]:
    path = resources.files("dateline") / "data" / "events" / "calibration.tsv"
    if not path.is_file():
        return []
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line and line[0] != "#"]


@cache
def model() -> Model:
    """The packaged model (the fitted weights; :data:`PRIOR` when no table is shipped)."""
    weights = {row[0]: float(row[1]) for row in _table() if row[0] in FEATURES}
    return Model(weights or PRIOR)


@cache
def default_min_confidence() -> float:
    """The confidence below which ``dateline events``, the API and the explorer hide events by default.

    Chosen on the dev sets by the calibration command (the lowest threshold at which the events shown
    were right at least 90 % of the time there) and written in the table as a
    ``default_min_confidence`` row; 0 when no table is shipped. Exports keep every event.
    """
    for row in _table():
        if row[0] == "default_min_confidence":
            return float(row[1])
    return 0.0
