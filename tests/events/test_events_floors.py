"""CI floors for event extraction, pinned a little under the scores measured with eval/events.py.

Measured on 2026-11-29 (``python eval/events.py english``; ``python eval/events.py french --gold ...``):
PLOVER gold dev type F1 0.740 (keyword baseline 0.514); UniversalPetrarch validation F1 0.411
(baseline 0.339); French gold (108 sentences) precision 0.976, recall 0.519. Each floor is 0.01–0.02
under, so noise in a model update does not break CI while a real regression does; the French floor
is the issue's target (0.85), well under what is measured, because the gold set is still growing.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest
from spacy.language import Language

from tests_shared import SHARED, need_shared  # type: ignore[import-not-found]

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parent.parent.parent


def _eval_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dateline_eval_events", ROOT / "eval" / "events.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # its dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


def test_english_floors(nlp_en: Language) -> None:
    gold = need_shared("eval", "events", "gold")
    ev = _eval_module()
    sets = {
        "plover": ev.read_plover_gold(gold / "PLOVER_GSR_CAMEO.dev.json"),
        "up": ev.read_up_gold(gold / "UP_PETR2_GSR_validation.xml"),
    }
    assert len(sets["plover"]) == 215 and len(sets["up"]) == 78
    rep = ev.english_scores(nlp_en, sets)
    assert rep["plover"]["dateline"]["F1"] >= 0.72  # 0.740 measured; the target is 0.70
    assert rep["up"]["dateline"]["F1"] >= 0.39
    for name in sets:
        assert rep[name]["dateline"]["F1"] > rep[name]["keyword_baseline"]["F1"] + 0.05
        assert rep[name]["dateline"]["P"] > rep[name]["keyword_baseline"]["P"]
    assert rep["plover"]["source_country"]["acc"] >= 0.71


def _french_gold() -> Path:
    path = Path(os.environ.get("DATELINE_FR_EVENT_GOLD", ROOT / "eval" / "events" / "fr_gold.jsonl"))
    assert path.exists(), f"French event gold not found at {path}"
    return path


def test_french_floors(nlp_fr: Language) -> None:
    gold = _french_gold()
    need_shared("corpora")
    rep = _eval_module().french_scores(nlp_fr, gold, SHARED)
    assert rep["skipped"] == 0
    assert rep["sentences"] >= 60
    assert rep["dateline"]["P"] >= 0.85
    assert rep["dateline"]["R"] >= 0.49
    # Like with like: by the trigger rule, and by per-sentence type sets.
    assert rep["dateline"]["P"] > rep["keyword_baseline"]["P"]
    assert rep["dateline_type_sets"]["P"] > rep["keyword_baseline_type_sets"]["P"]
    # The time component is always in the pipeline (load_pipeline refuses to leave one out): no event may
    # carry the publication date when the text gives another one.
    assert "dateline_timex" in nlp_fr.pipe_names
    assert rep["pubdate_when_text_gives_another"] == 0
