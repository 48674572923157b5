"""The learned extent detector's two ends (issue 16): gold spans to token tags, the tagger's
probabilities to proposals, and how proposals join the rules (sentences written for these tests)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

import numpy as np
import pytest
import spacy
from spacy.tokens import Doc

from dateline.timex.component import TimexTagger, learned_candidates, timexes_for
from dateline.timex.detect import find_candidates
from dateline.timex.learned import LABELS, LearnedExtents, Proposal, bio_tags, proposals, timex_tok2vec

from dl_testing import load_script

NLP = spacy.blank("fr")
DAY = date(2018, 3, 14)


def _probs(tags: list[str], sure: float = 0.9) -> np.ndarray:
    """Probabilities that put ``sure`` on each given tag, the rest spread over the others."""
    out = np.full((len(tags), len(LABELS)), (1 - sure) / (len(LABELS) - 1))
    for i, t in enumerate(tags):
        out[i, LABELS.index(t)] = sure
    return out


def test_bio_tags_widen_to_tokens_and_skip_overlaps() -> None:
    doc = NLP("Il viendra dans quelques semaines, pas avant.")
    start = doc.text.index("quelques")
    tags = bio_tags(doc, [(start + 2, start + 15, "DURATION"), (start + 10, start + 14, "DATE")])
    assert tags == ["O", "O", "O", "B-DURATION", "I-DURATION", "O", "O", "O", "O"]


def test_proposals_read_a_consistent_sequence_with_the_least_sure_token() -> None:
    doc = NLP("Elle est partie depuis belle lurette , dit-on .")
    probs = _probs(["O", "O", "O", "O", "B-DURATION", "I-DURATION", "O", "O", "O"])
    probs[5] = 0.05 / (len(LABELS) - 2)
    probs[5, LABELS.index("I-DURATION")] = 0.6
    probs[5, LABELS.index("O")] = 0.35
    (p,) = proposals(doc, probs, LABELS)
    assert doc.text[p.start : p.end] == "belle lurette"
    assert p.type == "DURATION" and p.confidence == pytest.approx(0.6)


def test_scores_are_read_through_their_softmax() -> None:
    """A tagger saved without normalised outputs gives raw scores: the same spans come out."""
    doc = NLP("Depuis deux ans .")
    tags = ["O", "B-DURATION", "I-DURATION", "O"]
    raw = np.log(_probs(tags)) + 3.0
    assert [(p.start, p.end, p.type) for p in proposals(doc, raw, LABELS)] == [(7, 15, "DURATION")]


def test_an_inside_tag_alone_does_not_start_a_span() -> None:
    """A lone I- where O is nearly as likely: the consistent reading either opens the span with B- or
    leaves it out; it never yields a span starting inside."""
    doc = NLP("Rien ne bouge .")
    probs = _probs(["O", "O", "O", "O"])
    probs[1] = (1 - 0.55) / (len(LABELS) - 1)
    probs[1, LABELS.index("I-DATE")] = 0.55
    # Here B-DATE is far less likely than O, so the consistent reading leaves the token out.
    assert proposals(doc, probs, LABELS) == []


def test_learned_candidates_keep_rule_spans_and_read_what_the_rules_know() -> None:
    text = "Le 3 mars, il a parlé ; voici des lustres que cela dure, et ce mardi encore."
    rules = find_candidates(text, "fr")
    assert [c.text for c in rules] == ["Le 3 mars", "ce mardi"]
    over = Proposal(text.index("3 mars"), text.index("3 mars") + 6, "DATE", 0.99)
    unknown = Proposal(text.index("des lustres"), text.index("des lustres") + 11, "DURATION", 0.9)
    added = learned_candidates(text, rules, [over, unknown], "fr")
    assert [(c.text, c.expr.kind, c.expr.set_value) for c in added] == [("des lustres", "unknown", "PXX")]
    assert learned_candidates(text, rules, [over, unknown], "fr", unknown="drop") == []


def test_an_unknown_duration_keeps_its_unit() -> None:
    text = "Cela a pris de nombreuses semaines."
    p = Proposal(text.index("de nombreuses"), len(text) - 1, "DURATION", 0.8)
    (c,) = learned_candidates(text, [], [p], "fr")
    assert c.expr.set_value == "PXW"


def test_a_proposal_the_rules_can_read_gets_their_value() -> None:
    """Words the rules read on their own, proposed where the rules found nothing in context."""
    text = "Il est arrivé hier soir."
    start = text.index("hier")
    found, _ = timexes_for(NLP(text), "fr", (DAY, DAY), [Proposal(start, start + 9, "TIME", 0.9)])
    assert [(t["text"], t["value"]) for t in found] == [("hier soir", "2018-03-13TEV")]
    # The rules found it already: the proposal adds nothing.
    rules_only, _ = timexes_for(NLP(text), "fr", (DAY, DAY))
    assert found == rules_only


def test_unknown_proposals_get_no_interval() -> None:
    text = "On en parle depuis belle lurette."
    start = text.index("belle")
    found, _ = timexes_for(NLP(text), "fr", (DAY, DAY), [Proposal(start, start + 13, "DURATION", 0.9)])
    assert [(t["text"], t["type"], t["value"], t["earliest"]) for t in found] == [
        ("belle lurette", "DURATION", "PXX", None)
    ]
    assert found[0]["determined"] is False


def test_the_component_refuses_unknown_settings_and_missing_models() -> None:
    from dateline.errors import DatelineError

    with pytest.raises(ValueError):
        TimexTagger(NLP, "t", "fr", learned="maybe")
    with pytest.raises(ValueError):
        TimexTagger(NLP, "t", "fr", learned_unknown="guess")
    with pytest.raises(DatelineError):
        TimexTagger(NLP, "t", "en", learned="on")
    with pytest.raises(DatelineError):
        TimexTagger(NLP, "t", "fr", learned="on", learned_model="/nonexistent/model")


def test_the_feature_layer_reads_the_doc_tensor_without_changing_it() -> None:
    doc = NLP("Trois mots ici")
    doc.tensor = np.ones((3, 8), dtype="float32")
    model = timex_tok2vec(tensor_width=8, width=4, rows=100, depth=1)
    model.initialize(X=[doc])
    (out,) = model.predict([doc])
    assert out.shape == (3, 4)
    assert (doc.tensor == 1).all()
    bare = NLP("Sans tenseur")
    (out2,) = model.predict([bare])
    assert out2.shape == (2, 4)


def _tensor_doc(text: str) -> Doc:
    """A Doc with a made-up tensor standing in for the language model's tok2vec output: the token
    "mars" and the digits stand out in its first columns."""
    doc = NLP(text)
    doc.tensor = np.array([[float(t.lower_ == "mars"), float(t.is_digit), 1.0, 0.5] for t in doc], dtype="float32")
    return doc


def test_the_adapter_over_a_model_in_memory_reads_as_the_loaded_one(tmp_path: Path) -> None:
    """The trainer's cross-validation reads its fresh tagger through the same adapter as the component
    reads the saved one: the same proposals."""
    doc = _tensor_doc("Il part le 3 mars et revient le 9 mars .")
    gold = [(doc.text.index(w), doc.text.index(w) + len(w), "DATE") for w in ("3 mars", "9 mars")]
    args = argparse.Namespace(seed=0, width=8, rows=0, depth=0, lr=0.05, epochs=30, batch=1, dropout=0.0)
    nlp = load_script("train/timex/train.py", "train_timex").train_tagger([doc], [bio_tags(doc, gold)], args)
    nlp.to_disk(tmp_path / "model", exclude=["tokenizer"])
    in_memory, loaded = LearnedExtents(nlp), LearnedExtents(tmp_path / "model")
    assert in_memory.path is None and loaded.path == tmp_path / "model"
    other = _tensor_doc("Rendez-vous le 12 mars .")
    found = in_memory.propose(other)
    assert found == loaded.propose(other)
    assert [(other.text[p.start : p.end], p.type) for p in found] == [("12 mars", "DATE")]
    assert in_memory.propose(NLP("")) == []


@pytest.mark.model
def test_the_shipped_model_only_adds_to_the_rules() -> None:
    """End to end with the French pipeline and the shipped model: every rule timex stays as it was,
    and whatever the detector adds overlaps none of them."""
    from dateline.article import PubDate
    from dateline.pipeline import load_pipeline

    nlp = load_pipeline("fr")
    text = (
        "Le conseil s'est réuni mardi 4 avril à Lyon pendant trois heures. Depuis des lustres, ses membres "
        "se voient chaque semaine, et la prochaine séance aura lieu dans quinze jours, au printemps."
    )
    doc = nlp.make_doc(text)
    doc._.dct = PubDate.parse("2017-04")
    doc = nlp(doc)
    rules = list(doc._.timexes)
    on = TimexTagger(nlp, "dateline_timex", "fr", learned="on", learned_threshold=0.0)
    (again,) = list(on.pipe([doc]))
    found = again._.timexes
    key = [(t["start"], t["end"], t["value"]) for t in rules]
    assert [(t["start"], t["end"], t["value"]) for t in found if (t["start"], t["end"], t["value"]) in key] == key
    for t in found:
        if (t["start"], t["end"], t["value"]) not in key:
            assert not any(t["start"] < r["end"] and r["start"] < t["end"] for r in rules)
