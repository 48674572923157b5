"""The learned attribution tagger's converter and adapter (issue 15), on text written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from dateline.errors import DatelineError
from dateline.quotes.common import get_lexicon
from dateline.quotes.learned import (
    LearnedTagger,
    bio_tags,
    constrained_tags,
    decode,
    learned_candidates,
    parse_brat,
)

TEXT = "The mayor said the bridge will close. It will reopen, she added, in May."
#       0123456789012345678901234567890123456789012345678901234567890123456789012
# A hand-written brat file in PolNeAR's layout: spans (T), attributions tying them (E); the second
# attribution's content has two fragments around the inserted reporting clause.
ANN = "\n".join(
    [
        "T1\tSource 0 9\tThe mayor",
        "T2\tCue 10 14\tsaid",
        "T3\tContent 15 36\tthe bridge will close",
        "T4\tAttribution 10 14\tsaid",
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        "T5\tContent 38 52;65 71\tIt will reopen in May",
        "T6\tSource 54 57\tshe",
        "T7\tCue 58 63\tadded",
        "T8\tAttribution 58 63\tadded",
        "E2\tAttribution:T8 Content:T5 Cue:T7 Source:T6",
        "T9\tContent 0 3\tThe",  # a span no attribution uses: ignored
        "E3\tAttribution:T8 Cue:T7",  # an attribution without content: dropped
        "",
    ]
)


def _doc(text: str = TEXT) -> Doc:
    return spacy.blank("en")(text)


def test_parse_brat_keeps_fragments_and_drops_contentless() -> None:
    atts = parse_brat(ANN)
    assert len(atts) == 2
    assert atts[0].content == ((15, 36),) and atts[0].cue == ((10, 14),) and atts[0].source == ((0, 9),)
    assert atts[1].content == ((38, 52), (65, 71))
    assert TEXT[65:71] == "in May"


def test_bio_tags_per_fragment() -> None:
    doc = _doc()
    tags = bio_tags(doc, parse_brat(ANN))
    got = {t.text: tag for t, tag in zip(doc, tags, strict=True)}
    assert [tags[0], tags[1], tags[2], tags[3], tags[4]] == ["B-SOURCE", "I-SOURCE", "B-CUE", "B-CONTENT", "I-CONTENT"]
    assert got["she"] == "B-SOURCE" and got["added"] == "B-CUE"
    assert got["It"] == "B-CONTENT" and got["in"] == "B-CONTENT" and got["May"] == "I-CONTENT"
    assert tags[-1] == "O"  # the final stop belongs to no span


def test_decode_joins_a_content_cut_by_an_inserted_clause() -> None:
    doc = _doc()
    decoded = decode(doc, bio_tags(doc, parse_brat(ANN)))
    assert len(decoded) == 2
    first, second = decoded
    assert doc[first.start : first.end].text == "the bridge will close"
    assert first.cue is not None and doc[first.cue.start : first.cue.end].text == "said"
    assert first.source is not None and doc[first.source.start : first.source.end].text == "The mayor"
    assert len(second.contents) == 2
    assert doc[second.start : second.end].text == "It will reopen, she added, in May"
    assert second.source is not None and doc[second.source.start : second.source.end].text == "she"


def test_decode_content_without_cue_stands_alone() -> None:
    doc = _doc("Prices rose. They will rise again next year, officials expect.")
    tags = ["O"] * len(doc)
    for i in range(3, 9):  # "They will rise again next year"
        tags[i] = "I-CONTENT" if i > 3 else "B-CONTENT"
    decoded = decode(doc, tags)
    assert len(decoded) == 1 and decoded[0].cue is None and decoded[0].source is None


def _analysed(words: list[str], lemmas: list[str], pos: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, lemmas=lemmas, pos=pos)


def test_candidates_leave_out_thoughts_and_take_kind_speaker_and_verb() -> None:
    words = ["Ann", "said", "taxes", "will", "fall", ".", "Bob", "thinks", "they", "will", "rise", "."]
    lemmas = ["Ann", "say", "tax", "will", "fall", ".", "Bob", "think", "they", "will", "rise", "."]
    pos = ["PROPN", "VERB", "NOUN", "AUX", "VERB", "PUNCT", "PROPN", "VERB", "PRON", "AUX", "VERB", "PUNCT"]
    doc = _analysed(words, lemmas, pos)
    tags = ["B-SOURCE", "B-CUE", "B-CONTENT", "I-CONTENT", "I-CONTENT", "O"] * 2
    cands = learned_candidates(doc, tags, get_lexicon("en"))
    assert len(cands) == 1  # "thinks": a thought, not a statement
    c = cands[0]
    assert doc.text[c.start : c.end] == "taxes will fall"
    assert c.kind == "indirect" and c.rule == "learned"
    assert c.speaker is not None and c.speaker.text == "Ann"
    assert c.verb is not None and c.verb.text == "said"
    # Between quotation marks the same content is direct.
    assert learned_candidates(doc, tags, get_lexicon("en"), [(c.start, c.end)])[0].kind == "direct"


def test_candidates_need_a_cue_and_take_the_parse_subject_without_a_source() -> None:
    words = ["The", "senator", "said", "taxes", "will", "fall", ".", "Taxes", "matter", "."]
    heads = [1, 2, 2, 5, 5, 2, 2, 8, 8, 8]
    deps = ["det", "nsubj", "ROOT", "nsubj", "aux", "ccomp", "punct", "nsubj", "ROOT", "punct"]
    pos = ["DET", "NOUN", "VERB", "NOUN", "AUX", "VERB", "PUNCT", "NOUN", "VERB", "PUNCT"]
    lemmas = ["the", "senator", "say", "tax", "will", "fall", ".", "tax", "matter", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    # The tagger found the cue and the content but not the source; the second content has no cue.
    tags = ["O", "O", "B-CUE", "B-CONTENT", "I-CONTENT", "I-CONTENT", "O", "B-CONTENT", "I-CONTENT", "O"]
    cands = learned_candidates(doc, tags, get_lexicon("en"))
    assert len(cands) == 1
    assert cands[0].speaker is not None and cands[0].speaker.text == "The senator"


def test_constrained_tags_keep_spans_whole() -> None:
    labels = ("B-CONTENT", "I-CONTENT", "O")
    # Token by token the best tags would be B, O, I, I: an I- after an O. The best consistent
    # sequence keeps the content whole.
    scores = [[0.9, 0.05, 0.05], [0.1, 0.4, 0.5], [0.1, 0.8, 0.1], [0.1, 0.8, 0.1]]
    assert constrained_tags(scores, labels) == ["B-CONTENT", "I-CONTENT", "I-CONTENT", "I-CONTENT"]
    # A sequence may not start inside a span.
    assert constrained_tags([[0.2, 0.7, 0.1]], labels) == ["B-CONTENT"]
    assert constrained_tags([], labels) == []


def test_constrained_tags_read_raw_scores_as_a_softmax() -> None:
    # The trained tagger (normalize = false) predicts raw scores: negative ones, rows not summing to 1.
    # They are read as the softmax of themselves, as if the model had given probabilities.
    import numpy as np

    labels = ("B-CONTENT", "I-CONTENT", "O")
    raw = np.array([[2.0, -1.0, -1.5], [-0.5, 0.2, 0.4], [-1.0, 1.5, -2.0], [-1.0, 1.5, -2.0]])
    probs = np.exp(raw) / np.exp(raw).sum(axis=1, keepdims=True)
    assert constrained_tags(raw, labels) == constrained_tags(probs, labels)
    assert constrained_tags(raw, labels) == ["B-CONTENT", "I-CONTENT", "I-CONTENT", "I-CONTENT"]
    # Clipping the raw scores instead would read every negative one alike and lose the choice.
    assert constrained_tags([[-0.2, -3.0, -0.1]], labels) == ["O"]


def _tiny_model(path: Path) -> Language:
    """An untrained tagger of the shipped architecture, saved as train/quotes_en/train.py saves one
    (and returned, as the trainer holds it in memory)."""
    from spacy.training import Example
    from thinc.api import Config

    from dl_testing import load_script

    mod = load_script("train/quotes_en/train.py", "train_quotes_en")
    cfg = mod.CONFIG.format(width=16, depth=1, window=1, rows_norm=100)
    nlp = spacy.blank("en")
    nlp.add_pipe("tagger", config={"model": Config().from_str(cfg)["model"]})
    doc = _doc()
    ref = Doc(doc.vocab, words=[t.text for t in doc], tags=bio_tags(doc, parse_brat(ANN)))
    nlp.initialize(lambda: [Example(doc, ref)])
    nlp.to_disk(path)
    return nlp


def test_learned_tagger_reads_without_writing(tmp_path: Path) -> None:
    _tiny_model(tmp_path / "model")
    tagger = LearnedTagger(tmp_path / "model")
    doc = _doc()
    tags = tagger.tags(doc)
    assert len(tags) == len(doc) and set(tags) <= set(tagger.labels)
    assert all(t.tag_ == "" for t in doc)  # the Doc's own tags are left alone
    assert tagger.tags(_doc("")) == []


def test_learned_tagger_over_a_model_in_memory_reads_as_the_loaded_one(tmp_path: Path) -> None:
    in_memory = LearnedTagger(_tiny_model(tmp_path / "model"))
    loaded = LearnedTagger(tmp_path / "model")
    assert in_memory.path is None and loaded.path == tmp_path / "model"
    assert in_memory.labels == loaded.labels
    assert in_memory.tags(_doc()) == loaded.tags(_doc())


def test_quote_finder_refuses_a_missing_model(tmp_path: Path) -> None:
    from dateline.quotes.component import QuoteFinder

    nlp = spacy.blank("en")
    with pytest.raises(DatelineError, match="learned quote tagger"):
        QuoteFinder(nlp, "q", "en", 5, 1, learned="combine", learned_model=str(tmp_path / "none"))
    with pytest.raises(ValueError, match="learned must be"):
        QuoteFinder(nlp, "q", "en", 5, 1, learned="always")
    assert QuoteFinder(nlp, "q", "en", 5, 1).learned is None  # off by default: nothing loaded


def test_pipeline_with_the_learned_option_keeps_the_rules_quotes(tmp_path: Path) -> None:
    """End to end with the English model: ``learned="combine"`` only adds to the rules' quotations,
    ``"only"`` gives the tagger's alone, and every quotation keeps the contract's fields."""
    from dateline.article import Article
    from dateline.extensions import register_extensions
    from dateline.pipeline import MODELS, _available_components, _takes_lang, load_pipeline, make_doc

    _tiny_model(tmp_path / "model")
    register_extensions()
    nlp = spacy.load(MODELS["en"])
    for name in _available_components():
        config: dict[str, str] = {"lang": "en"} if _takes_lang(name) else {}
        if name == "dateline_quotes":
            config.update(learned="combine", learned_model=str(tmp_path / "model"))
        nlp.add_pipe(name, config=config)
    text = (
        'The harbour will close in June, the port director said on Tuesday. "We have no other choice," '
        "she told reporters, adding that the fishermen would be paid."
    )
    art = Article.make(text, "2017-05-02", lang="en")
    combined = nlp(make_doc(nlp, art))._.quotes
    rules = load_pipeline("en")(make_doc(load_pipeline("en"), art))._.quotes
    assert rules, "the rules find these quotations"
    assert {(q["start"], q["end"]) for q in rules} <= {(q["start"], q["end"]) for q in combined}
    for q in combined:
        assert q["text"] == text[q["start"] : q["end"]] and q["kind"] in ("direct", "indirect", "mixed")
