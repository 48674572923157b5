"""Attribution formulas from the resource files (issue 15), on sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from dateline.quotes.resources import SECTIONS, formulas, parse


def test_every_language_file_has_every_section() -> None:
    for lang in ("fr", "en"):
        data = formulas(lang)
        assert set(data) == set(SECTIONS)
    assert "préciser" in formulas("fr")["impersonal_passive"]
    assert "lire" in formulas("fr")["reading_verbs"]
    assert all(not v for v in formulas("xx").values())  # no file: no formulas, no error


def test_parser_rejects_unknown_sections_and_orphans() -> None:
    assert parse("[reading_verbs]\nlire # comment\n\n")["reading_verbs"] == frozenset({"lire"})
    with pytest.raises(ValueError, match="unknown section"):
        parse("[nope]\nx")
    with pytest.raises(ValueError, match="before any section"):
        parse("lire")


def _quotes(text: str, nlp: Any) -> list[dict[str, Any]]:
    from dateline.pipeline import analyse

    assert nlp is not None
    return list(analyse(text, "2017-03-01", lang="fr")["quotes"])


@pytest.mark.model
def test_impersonal_passive_names_the_document_not_a_person(nlp_fr: Any) -> None:
    (q,) = _quotes("Aucune victime n'est à déplorer, est-il précisé dans le communiqué.", nlp_fr)
    assert q["text"] == "Aucune victime n'est à déplorer"
    assert q["speaker"]["text"] == "le communiqué"


@pytest.mark.model
def test_impersonal_il_is_never_resolved_to_a_person(nlp_fr: Any) -> None:
    text = "Paul Morel a visité le site. « Les travaux sont finis », est-il précisé dans la note."
    qs = [q for q in _quotes(text, nlp_fr) if q["text"].startswith("Les travaux")]
    assert qs and qs[0]["speaker"]["text"] == "la note"
    assert qs[0]["speaker"]["entity"] is None


@pytest.mark.model
def test_reading_formula_the_reader_is_not_the_speaker(nlp_fr: Any) -> None:
    (q,) = _quotes("« Nous exigeons des excuses », peut-on lire dans le communiqué du syndicat CGT.", nlp_fr)
    assert q["speaker"]["text"] == "le communiqué du syndicat CGT"


@pytest.mark.model
def test_faire_savoir_is_a_verb_of_saying(nlp_fr: Any) -> None:
    (q,) = _quotes("Le ministère fait savoir que les écoles resteront fermées jusqu'à lundi.", nlp_fr)
    assert q["text"] == "les écoles resteront fermées jusqu'à lundi"
    assert q["speaker"]["text"] == "Le ministère"
    (q,) = _quotes("« Les écoles resteront fermées », fait savoir le ministère.", nlp_fr)
    assert q["speaker"]["text"] == "le ministère"


@pytest.mark.model
def test_faire_etat_de_reports_what_follows(nlp_fr: Any) -> None:
    (q,) = _quotes("Le préfet a fait état de trois blessés légers dans la nuit.", nlp_fr)
    assert q["text"] == "trois blessés légers dans la nuit"
    assert q["speaker"]["text"] == "Le préfet"


@pytest.mark.model
def test_faire_with_another_noun_reports_nothing(nlp_fr: Any) -> None:
    assert _quotes("Le préfet a fait une visite à la caserne dans la nuit.", nlp_fr) == []
    assert _quotes("Le préfet n'a pas fait état de blessés dans la nuit.", nlp_fr) == []


@pytest.mark.model
def test_active_inverted_il_is_a_person_not_a_formula(nlp_fr: Any) -> None:
    text = "Paul Morel était à Lyon. « Les travaux sont finis », a-t-il expliqué dans la soirée."
    qs = [q for q in _quotes(text, nlp_fr) if q["text"].startswith("Les travaux")]
    assert qs and qs[0]["speaker"]["text"] == "il"
