"""Attribution constructions the finder did not know (issue 15), on sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from dateline.quotes.direct import scan_direct
from dateline.quotes.resources import formulas, pairs


def _quotes(text: str, nlp: Any) -> list[dict[str, Any]]:
    from dateline.pipeline import analyse

    assert nlp is not None
    return list(analyse(text, "2017-03-01", lang="fr")["quotes"])


def _one(text: str, nlp: Any) -> dict[str, Any]:
    qs = _quotes(text, nlp)
    assert len(qs) == 1, qs
    return qs[0]


def test_resource_sections_for_the_new_constructions() -> None:
    fr = formulas("fr")
    assert "agacer" in fr["pronominal_reporting"]
    assert ("laisser", "entendre") in pairs(fr["formula_pairs"])
    assert "télévision" in fr["speaking_groups"]
    assert "rajouter" in fr["reporting_verbs"]
    assert pairs(frozenset({"un", "deux mots", "trois mots ici"})) == frozenset({("deux", "mots")})


def test_a_straight_quote_that_can_only_open_ends_the_one_left_open() -> None:
    text = 'Il parle de "trois hectares et de granges. "Le prix était fou", dit-il.'
    found = [(text[q.start : q.end], q.closed) for q in scan_direct(text)]
    assert found == [("trois hectares et de granges.", False), ("Le prix était fou", True)]
    # Closing marks glued to their words are untouched.
    plain = 'Il dit "oui" et "non".'
    assert [plain[q.start : q.end] for q in scan_direct(plain)] == ["oui", "non"]


@pytest.mark.model
def test_pronominal_verbs_of_saying(nlp_fr: Any) -> None:
    q = _one("« Ce retard est inacceptable », s'agace une habitante du quartier.", nlp_fr)
    assert q["speaker"]["text"] == "une habitante du quartier"
    assert q["cue"]["text"] == "agace"


@pytest.mark.model
def test_a_name_spelled_like_a_negation_does_not_negate(nlp_fr: Any) -> None:
    q = _one("Le Point affirme que le projet sera abandonné en mars.", nlp_fr)
    assert q["text"] == "le projet sera abandonné en mars"
    assert q["speaker"]["text"] == "Le Point"


@pytest.mark.model
def test_two_verb_formulas(nlp_fr: Any) -> None:
    q = _one("La ministre a laissé entendre que la réforme serait retardée d'un an.", nlp_fr)
    assert q["text"] == "la réforme serait retardée d'un an"
    assert q["speaker"]["text"] == "La ministre"
    q = _one("Le président partira en vacances lundi, croit savoir l'hebdomadaire.", nlp_fr)
    assert q["text"] == "Le président partira en vacances lundi"
    assert q["speaker"]["text"] == "l'hebdomadaire"
    assert _quotes("Le ministre n'a pas laissé entendre qu'il partirait.", nlp_fr) == []


@pytest.mark.model
def test_a_source_closing_its_sentence(nlp_fr: Any) -> None:
    q = _one("Le pont est fermé : sa structure présente des fissures, selon les ingénieurs.", nlp_fr)
    assert q["text"] == "sa structure présente des fissures"
    assert q["speaker"]["text"] == "les ingénieurs"
    qs = _quotes("Le ministre a démissionné. Trompeur, d'après la rédaction.", nlp_fr)
    assert [q["text"] for q in qs] == ["Trompeur"]
    # "selon" + a measure is no source.
    assert _quotes("Les travaux dureront deux ans selon la hauteur du bâtiment.", nlp_fr) == []


@pytest.mark.model
def test_media_nouns_speak(nlp_fr: Any) -> None:
    q = _one("Selon la télévision publique, le scrutin aura lieu en mai.", nlp_fr)
    assert q["text"] == "le scrutin aura lieu en mai"
    assert q["speaker"]["text"] == "la télévision publique"


@pytest.mark.model
def test_an_outlet_that_learnt_the_news_from_a_source(nlp_fr: Any) -> None:
    q = _one("Le chanteur a été hospitalisé dimanche, a appris la radio auprès de son agent.", nlp_fr)
    assert q["text"] == "Le chanteur a été hospitalisé dimanche"
    assert q["speaker"]["text"] == "son agent"


@pytest.mark.model
def test_an_elided_word_after_a_glued_stop_starts_a_sentence(nlp_fr: Any) -> None:
    q = _one("Le maire est parti.D'après ses proches, il reviendra en juin.", nlp_fr)
    assert q["text"] == "il reviendra en juin"
    assert q["speaker"]["text"] == "ses proches"


@pytest.mark.model
def test_an_adjective_standing_for_its_noun_is_the_speaker(nlp_fr: Any) -> None:
    qs = _quotes("« Nous resterons ici », assure un gréviste. « Il faut tenir bon », renchérit une autre.", nlp_fr)
    assert [q["speaker"]["text"] for q in qs] == ["un gréviste", "une autre"]
    assert not qs[1]["speaker"].get("inherited")
