"""A learned acceptance of English event candidates (issue 14), off by default.

The rules drop two kinds of event mention that are often right and often wrong, and no fixed rule tells
them apart on the dev stories: a noun trigger with nothing saying the act happened (no support verb,
participle, date or intention verb: class ``anchor``, "the talks" as a topic or as a meeting), and an
event whose actors cannot be resolved (class ``actor``: "the agreement was signed", with no party
named). With ``accept = "candidates"`` the English extractor keeps them beside the events it keeps
today, each with the features below and its drop classes; with ``accept = "learned"`` a logistic model
of those features, trained on the English dev gold by ``make train-events-en``
(``train/events_en/train.py``), decides which candidates are events. The weights, the threshold and
the scope (every candidate, or only the ones the rules drop) are in ``data/events/en/acceptance.json``
with their provenance.

Features: the confidence's evidence (:func:`dateline.events.confidence.evidence`), the drop classes,
the PLOVER type, the trigger's dependency role, the actors' kind (named entity, coded, implied), the
modality, the sentence's place in the story, the trigger's capitalisation (headlines), how many mentions
were merged.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["ACCEPT_MODES", "DEP_CLASSES", "DROP_CLASSES", "Acceptance", "acceptance", "candidate_features"]

# How the English extractor decides: the rules alone (today's output), every candidate kept with its
# features (for training), or the learned model.
ACCEPT_MODES = ("rules", "candidates", "learned")
# The rules' reasons to drop a candidate: a noun trigger with no anchor, no actor resolved, the content of
# a speech act folded into it ("urged them to settle": the settling), a purpose clause of another trigger
# ("visited Tokyo to seek credits": the seeking).
DROP_CLASSES = ("anchor", "actor", "fold", "purpose")
# PLOVER 2.0 types (one indicator each).
# Coarse dependency roles of the trigger (Universal Dependencies / ClearNLP labels of en_core_web_sm).
DEP_CLASSES: dict[str, str] = {
    "ROOT": "root",
    "dobj": "obj",
    "obj": "obj",
    "nsubj": "subj",
    "nsubjpass": "subj",
    "pobj": "pobj",
    "conj": "conj",
    "compound": "mod",
    "amod": "mod",
    "xcomp": "comp",
    "ccomp": "comp",
    "advcl": "comp",
    "acl": "rel",
    "relcl": "rel",
}


def candidate_features(
    ev: Mapping[str, Any],
    feats: Mapping[str, float],
    *,
    drops: tuple[str, ...],
    dep: str,
    sent_index: int,
    n_sents: int,
    capitalised: bool,
) -> dict[str, float]:
    """The acceptance features of one (merged) event candidate.

    ``feats`` are the confidence's evidence features; ``drops`` the rules' reasons to drop it (:data:`DROP_CLASSES`;
    empty when the rules keep it); ``dep`` the trigger's dependency label; ``sent_index`` the
    place of its sentence among ``n_sents``; ``capitalised`` a trigger in capitals or title case (a
    headline's words).
    """
    out = {f"ev_{k}": float(v) for k, v in feats.items() if k != "bias"}
    for cls in DROP_CLASSES:
        out[f"drop_{cls}"] = float(cls in drops)
    out["kept_by_rules"] = float(not drops)
    out[f"type_{ev['type']}"] = 1.0
    out[f"dep_{DEP_CLASSES.get(dep, 'other')}"] = 1.0
    src = ev.get("source") or {}
    tgt = ev.get("target") or {}
    out["src_entity"] = float(src.get("entity") is not None)
    out["src_code"] = float(src.get("code") is not None)
    out["src_country"] = float(len(src.get("code") or "") >= 3)
    out["tgt_entity"] = float(tgt.get("entity") is not None)
    out["tgt_code"] = float(tgt.get("code") is not None)
    out["src_implied"] = float(src.get("entity") is None and src.get("code") is not None)
    out[f"modality_{ev.get('modality', 'asserted')}"] = 1.0
    out["first_sentence"] = float(sent_index == 0)
    out["position"] = sent_index / max(1, n_sents - 1)
    out["capitalised"] = float(capitalised)
    out["log_mentions"] = math.log(float(ev.get("mentions", 1)))
    out["symmetric"] = float(bool(ev.get("symmetric")))
    return out


@dataclass(frozen=True)
class Acceptance:
    """A logistic acceptance model: accept when ``P(right) >= threshold``; with ``scope`` ``"dropped"``
    the events the rules keep are always kept and the model decides only the dropped candidates."""

    weights: Mapping[str, float]
    threshold: float
    scope: str = "all"

    def probability(self, x: Mapping[str, float]) -> float:
        """``1 / (1 + exp(-w·x))`` with the ``bias`` weight always on."""
        z = self.weights.get("bias", 0.0) + sum(self.weights.get(k, 0.0) * v for k, v in x.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def accepts(self, x: Mapping[str, float]) -> bool:
        """Whether the candidate with features ``x`` is kept."""
        if self.scope == "dropped" and x.get("kept_by_rules"):
            return True
        return self.probability(x) >= self.threshold


@cache
def acceptance() -> Acceptance | None:
    """The packaged English acceptance model (``data/events/en/acceptance.json``), None when absent."""
    path = resources.files("dateline") / "data" / "events" / "en" / "acceptance.json"
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return Acceptance(dict(data["weights"]), float(data["threshold"]), str(data.get("scope", "all")))
