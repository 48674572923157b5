"""The learned acceptance of English event candidates: its features, its decision, and the extractor's modes.

Logic on hand-built feature dicts; the extractor's modes end to end on sentences written for these tests.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from spacy.language import Language

from dateline.events.acceptance import Acceptance, acceptance, candidate_features

from conftest_events import run

_TEXT = (
    "Kenya and Uganda signed a trade agreement in Nairobi on Monday. "
    "The talks on the border dispute were a surprise to the markets. "
    "Officials said the accord on grain would be signed."
)


def _ev(**kw: Any) -> dict[str, Any]:
    ev = {"type": "CONSULT", "source": {"entity": None, "code": None}, "target": None, "modality": "asserted"}
    return {**ev, **kw}


def test_candidate_features_say_why_the_rules_drop_it() -> None:
    x = candidate_features(
        _ev(), {"bias": 1.0, "verb": 0.0}, drops=("anchor", "actor"), dep="nsubj", sent_index=0, n_sents=3,
        capitalised=False,
    )  # fmt: skip
    assert x["drop_anchor"] == x["drop_actor"] == 1.0 and x["drop_fold"] == 0.0
    assert x["kept_by_rules"] == 0.0
    assert x["type_CONSULT"] == 1.0 and x["dep_subj"] == 1.0 and x["first_sentence"] == 1.0
    assert "ev_bias" not in x and x["ev_verb"] == 0.0


def test_candidate_features_of_a_kept_event_with_actors() -> None:
    ev = _ev(type="AGREE", source={"entity": "e1", "code": "KENGOV"}, target={"entity": None, "code": "UGAGOV"})
    x = candidate_features(ev, {}, drops=(), dep="ROOT", sent_index=2, n_sents=3, capitalised=True)
    assert x["kept_by_rules"] == 1.0 and x["src_entity"] == 1.0 and x["tgt_code"] == 1.0
    assert x["position"] == 1.0 and x["capitalised"] == 1.0 and x["dep_root"] == 1.0


def test_acceptance_threshold_and_scope() -> None:
    model = Acceptance({"bias": -1.0, "drop_anchor": -2.0}, threshold=0.5, scope="all")
    assert not model.accepts({"drop_anchor": 1.0})
    assert model.probability({}) == pytest.approx(1 / (1 + 2.718281828**1.0), rel=1e-6)
    keep_rules = Acceptance({"bias": -5.0}, threshold=0.5, scope="dropped")
    assert keep_rules.accepts({"kept_by_rules": 1.0})
    assert not keep_rules.accepts({"kept_by_rules": 0.0})


def test_packaged_model_has_its_provenance() -> None:
    import json
    from importlib import resources

    model = acceptance()
    assert model is not None and 0.0 < model.threshold < 1.0 and model.scope in ("all", "dropped")
    data = json.loads((resources.files("dateline") / "data/events/en/acceptance.json").read_text(encoding="utf-8"))
    assert "make train-events-en" in data["about"] and "test" in data["about"]


@pytest.fixture
def modes(nlp_en: Language) -> Iterator[Any]:
    pipe = nlp_en.get_pipe("dateline_events")
    before = pipe.accept

    def events(mode: str) -> list[dict[str, Any]]:
        pipe.accept = mode
        return list(run(nlp_en, _TEXT, dct="2017-03-06")._.events)

    yield events
    pipe.accept = before


def _key(ev: dict[str, Any]) -> tuple[str, int]:
    return ev["type"], ev["trigger"]["start"]


def test_learned_mode_is_the_default_and_rules_mode_has_no_candidates(modes: Any, nlp_en: Language) -> None:
    import os

    if not os.environ.get("DATELINE_EVENTS_ACCEPT"):
        assert nlp_en.get_pipe("dateline_events").accept == "learned"
    rules = modes("rules")
    assert all("_accept_features" not in e and "_cand" not in e for e in rules)


def test_candidates_mode_adds_the_dropped_mentions(modes: Any) -> None:
    rules = {_key(e) for e in modes("rules")}
    cands = modes("candidates")
    assert rules <= {_key(e) for e in cands}
    dropped = [e for e in cands if e["_drops"]]
    assert dropped, cands  # "the talks" (no anchor, no actor) and the agentless signing at least
    assert all(e["_accept_features"]["kept_by_rules"] == 0.0 for e in dropped)
    assert {d for e in dropped for d in e["_drops"]} <= {"anchor", "actor", "fold", "purpose"}


def test_learned_mode_keeps_what_the_rules_keep_when_its_scope_says_so(modes: Any) -> None:
    model = acceptance()
    assert model is not None
    learned = modes("learned")
    assert all("_accept_features" not in e and "_cand" not in e for e in learned)
    if model.scope == "dropped":
        assert {_key(e) for e in modes("rules")} <= {_key(e) for e in learned}


def test_unknown_mode_is_refused(nlp_en: Language) -> None:
    from dateline.events.component import EventExtractor

    with pytest.raises(ValueError):
        EventExtractor(nlp_en, "x", "en", 0.0, accept="maybe")


def test_french_has_no_learned_model_but_can_list_its_candidates(nlp_fr: Language) -> None:
    # French has no learned acceptance: "learned" (the default) and "rules" give the rules' events; the
    # "candidates" mode, for measuring one by cross-validation (train.py --lang fr), adds the dropped ones.
    pipe = nlp_fr.get_pipe("dateline_events")
    before = pipe.accept
    text = "Le ministre a rencontré son homologue allemand à Berlin. Les négociations sur le commerce."
    try:
        pipe.accept = "rules"
        base = [_key(e) for e in run(nlp_fr, text)._.events]
        pipe.accept = "learned"
        assert [_key(e) for e in run(nlp_fr, text)._.events] == base
        pipe.accept = "candidates"
        cands = list(run(nlp_fr, text)._.events)
        assert set(base) <= {_key(e) for e in cands}
        assert all(("_accept_features" in e) for e in cands)
        assert {_key(e) for e in cands if not e["_drops"]} == set(base)
    finally:
        pipe.accept = before


def test_the_trainer_measures_french_on_the_french_dev_gold() -> None:
    tr = _trainer()  # a fresh module: its English defaults are untouched elsewhere
    tr.configure("fr")
    assert set(tr.ARTICLE_SETS) == {"fr_dev"} and tr.SENTENCE_SETS == ("fr_gold",)
    assert tr.PRECISION_SLACK == 0.02 and tr.LANG == "fr"
    assert not any("_test" in p.name for p in [*tr.ARTICLE_SETS.values(), *tr.SENTENCE_ARTICLES.values()])


def _trainer() -> Any:
    from dl_testing import load_script

    return load_script("train/events_en/train.py", "train_events_en")


def test_training_scores_with_the_scorers_matching() -> None:
    tr = _trainer()
    # One story with two gold events; three candidates: one right, one of the wrong type, one a second
    # mention of the first gold event (found once: a false positive for precision).
    docs = [
        {
            "set": "en_dev", "kind": "article", "id": "a",
            "units": [{
                "gold": [("CONSULT", [10, 15]), ("AGREE", [40, 49])],
                "cands": [
                    {"type": "CONSULT", "triggers": [[10, 15]], "x": {"kept_by_rules": 1.0}},
                    {"type": "REJECT", "triggers": [[40, 49]], "x": {"kept_by_rules": 0.0}},
                    {"type": "CONSULT", "triggers": [[12, 14]], "x": {"kept_by_rules": 0.0}},
                ],
            }],
        },
        {"set": "plover_gsr_dev", "kind": "sentence", "id": "s", "gold": {"AGREE": 1},
         "cands": [{"type": "AGREE", "x": {"kept_by_rules": 0.0}}]},
    ]  # fmt: skip
    everything = {(0, 0, 0): True, (0, 0, 1): True, (0, 0, 2): True, (1, 0, 0): True}
    sc = tr.score(docs, everything)
    assert (sc["en_dev"]["tp"], sc["en_dev"]["fp"], sc["en_dev"]["fn"]) == (1, 2, 1)
    assert (sc["plover_gsr_dev"]["tp"], sc["plover_gsr_dev"]["fp"]) == (1, 0)
    keys, _, ys = tr.rows(docs, [0, 1])
    assert ys == [True, False, True, True] and keys[3] == (1, 0, 0)
    rules = tr.keep_map(docs, dict.fromkeys(keys, 0.0), "dropped", 0.5)
    assert [rules[k] for k in keys] == [True, False, False, False]


def test_training_fit_separates_a_clear_feature() -> None:
    tr = _trainer()
    xs = [{"good": 1.0}] * 20 + [{"good": 0.0}] * 20
    ys = [True] * 18 + [False] * 2 + [False] * 18 + [True] * 2
    w = tr.fit(xs, ys, 1.0)
    assert w["good"] > 2.0
    assert tr.predict(w, {"good": 1.0}) > 0.7 > 0.3 > tr.predict(w, {"good": 0.0})
