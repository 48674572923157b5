"""Reading the clause of a time expression from a hand-built parse: dateline.timex.anchor."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from dateline.timex.anchor import describes_present_state, direction, is_conditional

VOCAB = spacy.blank("fr").vocab


def _doc(rows: list[tuple[str, str, str, int, str, str]]) -> Doc:
    """A parsed French doc from (word, pos, dep, head, lemma, morph) rows."""
    words, pos, deps, heads, lemmas, morphs = (list(x) for x in zip(*rows, strict=True))
    return Doc(VOCAB, words=words, pos=pos, deps=deps, heads=heads, lemmas=lemmas, morphs=morphs)


def _today(doc: Doc) -> bool:
    i = doc.text.index("aujourd'hui")
    return describes_present_state(doc, i, i + len("aujourd'hui"), "fr")


PRES = "Mood=Ind|Tense=Pres|VerbForm=Fin"
PART = "Tense=Past|VerbForm=Part"


def test_a_present_copula_or_passive_describes_a_state() -> None:
    # "le musée est aujourd'hui fermé": adjectival participle with a present "être".
    doc = _doc([
        ("le", "DET", "det", 1, "le", ""), ("musée", "NOUN", "nsubj", 4, "musée", ""),
        ("est", "AUX", "aux:pass", 4, "être", PRES), ("aujourd'hui", "ADV", "advmod", 4, "aujourd'hui", ""),
        ("fermé", "VERB", "ROOT", 4, "fermer", PART),
    ])  # fmt: skip
    assert _today(doc)
    # "le verdict est attendu aujourd'hui": the participle announces an event of the day.
    doc = _doc([
        ("le", "DET", "det", 1, "le", ""), ("verdict", "NOUN", "nsubj", 3, "verdict", ""),
        ("est", "AUX", "aux:pass", 3, "être", PRES), ("attendu", "VERB", "ROOT", 3, "attendre", PART),
        ("aujourd'hui", "ADV", "advmod", 3, "aujourd'hui", ""),
    ])  # fmt: skip
    assert not _today(doc)


def test_an_event_verb_locates_the_day() -> None:
    # "la foire ouvrira aujourd'hui", "la foire a ouvert aujourd'hui", "la foire ouvre aujourd'hui".
    fut = _doc([
        ("la", "DET", "det", 1, "le", ""), ("foire", "NOUN", "nsubj", 2, "foire", ""),
        ("ouvrira", "VERB", "ROOT", 2, "ouvrir", "Mood=Ind|Tense=Fut|VerbForm=Fin"),
        ("aujourd'hui", "ADV", "advmod", 2, "aujourd'hui", ""),
    ])  # fmt: skip
    past = _doc([
        ("la", "DET", "det", 1, "le", ""), ("foire", "NOUN", "nsubj", 3, "foire", ""),
        ("a", "AUX", "aux:tense", 3, "avoir", PRES), ("ouvert", "VERB", "ROOT", 3, "ouvrir", PART),
        ("aujourd'hui", "ADV", "advmod", 3, "aujourd'hui", ""),
    ])  # fmt: skip
    pres = _doc([
        ("la", "DET", "det", 1, "le", ""), ("foire", "NOUN", "nsubj", 2, "foire", ""),
        ("ouvre", "VERB", "ROOT", 2, "ouvrir", PRES), ("aujourd'hui", "ADV", "advmod", 2, "aujourd'hui", ""),
    ])  # fmt: skip
    assert not any(_today(d) for d in (fut, past, pres))


def test_a_negated_present_describes_a_state() -> None:
    # "rien ne change aujourd'hui".
    doc = _doc([
        ("rien", "PRON", "nsubj", 2, "rien", ""), ("ne", "ADV", "advmod", 2, "ne", ""),
        ("change", "VERB", "ROOT", 2, "changer", PRES), ("aujourd'hui", "ADV", "advmod", 2, "aujourd'hui", ""),
    ])  # fmt: skip
    assert _today(doc)


def _verb(form: str, lemma: str, morph: str) -> Doc:
    """ "il <form> lundi"."""
    return _doc([
        ("il", "PRON", "nsubj", 1, "il", ""), (form, "VERB", "ROOT", 1, lemma, morph),
        ("lundi", "NOUN", "obl:mod", 1, "lundi", ""),
    ])  # fmt: skip


IMP = "Mood=Ind|Tense=Imp|VerbForm=Fin"


def test_a_conditional_tagged_as_an_imperfect_is_told_by_its_stem() -> None:
    for form, lemma in (("viendrait", "venir"), ("rendrait", "rendre"), ("chanteraient", "chanter")):
        assert is_conditional(_verb(form, lemma, IMP)[1], "fr"), form
    for form, lemma in (("courait", "courir"), ("chantait", "chanter"), ("offraient", "offrir")):
        assert not is_conditional(_verb(form, lemma, IMP)[1], "fr"), form
    # The direction of the clause follows: a conditional looks ahead, an imperfect back.
    doc = _verb("viendrait", "venir", IMP)
    assert direction(doc, doc.text.index("lundi"), len(doc.text), "fr") == 1
    doc = _verb("courait", "courir", IMP)
    assert direction(doc, doc.text.index("lundi"), len(doc.text), "fr") == -1


def test_an_infinitive_under_a_present_modal_looks_ahead() -> None:
    # "il doit partir lundi".
    doc = _doc([
        ("il", "PRON", "nsubj", 1, "il", ""), ("doit", "VERB", "ROOT", 1, "devoir", PRES),
        ("partir", "VERB", "xcomp", 1, "partir", "VerbForm=Inf"), ("lundi", "NOUN", "obl:mod", 2, "lundi", ""),
    ])  # fmt: skip
    assert direction(doc, doc.text.index("lundi"), len(doc.text), "fr") == 1
