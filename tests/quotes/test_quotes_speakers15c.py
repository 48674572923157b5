"""Speakers, inserted clauses and titles (issue 15, third round), on sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest


def _quotes(text: str, nlp: Any) -> list[dict[str, Any]]:
    from dateline.pipeline import analyse

    assert nlp is not None
    return list(analyse(text, "2017-03-01", lang="fr")["quotes"])


def _speaker(q: dict[str, Any]) -> str | None:
    return q["speaker"]["text"] if q["speaker"] else None


@pytest.mark.model
def test_an_inverted_verb_the_tagger_reads_as_a_noun_reports_the_quotation(nlp_fr: Any) -> None:
    (q,) = _quotes("« Je ne regrette absolument rien de tout cela », livre Martine Dupuis.", nlp_fr)
    assert q["cue"]["text"] == "livre"
    assert _speaker(q) == "Martine Dupuis"


@pytest.mark.model
def test_the_postposed_speaker_wins_over_a_passive_clause_before_the_colon(nlp_fr: Any) -> None:
    text = "Le projet est jugé plutôt utile : « Il apporte des emplois et de la vie au village », juge un habitant."
    (q,) = _quotes(text, nlp_fr)
    assert _speaker(q) == "un habitant"


@pytest.mark.model
def test_a_former_holder_of_a_role_speaks_in_an_inserted_clause(nlp_fr: Any) -> None:
    qs = _quotes("« Je n'ai rien à cacher à personne, se défend l'ex-député. J'ai toujours payé mes impôts. »", nlp_fr)
    assert [q["text"] for q in qs] == ["Je n'ai rien à cacher à personne", "J'ai toujours payé mes impôts."]
    assert all(_speaker(q) == "l'ex-député" for q in qs)


@pytest.mark.model
def test_an_inserted_clause_may_end_on_a_complement_of_place(nlp_fr: Any) -> None:
    text = "« Nous irons jusqu'au bout, explique l'ancien maire dans Le Figaro. Personne ne nous arrêtera. »"
    qs = _quotes(text, nlp_fr)
    assert [q["text"] for q in qs] == ["Nous irons jusqu'au bout", "Personne ne nous arrêtera."]
    assert all((_speaker(q) or "").startswith("l'ancien maire") for q in qs)


@pytest.mark.model
def test_a_subject_pronoun_the_parser_calls_impersonal_speaks_not_the_emphatic_pronoun(nlp_fr: Any) -> None:
    (q,) = _quotes("Il l'affirme lui-même : « La politique ne me manque pas du tout. »", nlp_fr)
    assert _speaker(q) == "Il"


@pytest.mark.model
def test_a_clause_in_a_compound_tense_gives_the_floor_before_a_colon(nlp_fr: Any) -> None:
    text = "Le directeur de la police a pris la parole : « Il est étonnant que l'on accuse nos services »."
    (q,) = _quotes(text, nlp_fr)
    assert _speaker(q) == "Le directeur de la police"


@pytest.mark.model
def test_pour_a_follower_introduces_a_quotation(nlp_fr: Any) -> None:
    (q,) = _quotes("Pour ce jeune supporter, « Le maire ne fait pas assez pour les jeunes du quartier ».", nlp_fr)
    assert _speaker(q) == "ce jeune supporter"


@pytest.mark.model
def test_titles_of_works_and_names_given_are_not_quotations(nlp_fr: Any) -> None:
    assert _quotes("Dans son livre « Une vie de chien », Paul Martin raconte son enfance à la campagne.", nlp_fr) == []
    assert _quotes("Elle présente l'émission « Tout le monde a du talent » sur France 3.", nlp_fr) == []
    assert _quotes("Il a lu un livre sur celle qui était appelée « La reine des neiges ».", nlp_fr) == []


@pytest.mark.model
def test_a_reporting_clause_inserted_in_an_unquoted_sentence_keeps_the_rest_of_it(nlp_fr: Any) -> None:
    text = "Entre les deux tours du scrutin, rapporte le Canard enchaîné, il aurait reçu une offre du parti."
    (q,) = _quotes(text, nlp_fr)
    assert q["text"].endswith("il aurait reçu une offre du parti")
    assert (_speaker(q) or "").startswith("le Canard")


@pytest.mark.model
def test_a_verb_of_judgement_with_an_object_and_its_attribute_reports_a_view(nlp_fr: Any) -> None:
    (q,) = _quotes("La police considère le voisin comme un suspect sérieux.", nlp_fr)
    assert q["kind"] == "indirect"
    assert q["text"] == "le voisin comme un suspect sérieux"
    assert _speaker(q) == "La police"


@pytest.mark.model
def test_restrictive_que_relative_que_and_pour_with_an_infinitive_report_nothing(nlp_fr: Any) -> None:
    assert _quotes("Pour trouver un logement, elle ne jure que par les petites annonces.", nlp_fr) == []
    assert _quotes("Elle a refusé la direction du musée, que lui offrait le ministre.", nlp_fr) == []
    assert _quotes("Pour inciter les touristes à rester prudents, la police renforce les patrouilles.", nlp_fr) == []


@pytest.mark.model
def test_an_outlet_passing_on_a_source_preposition_report_is_a_relay(nlp_fr: Any) -> None:
    qs = _quotes("Selon le frère de la victime, le conducteur roulait beaucoup trop vite, rapporte Le Progrès.", nlp_fr)
    outer = [q for q in qs if q.get("relays")]
    assert len(outer) == 1 and (_speaker(outer[0]) or "").startswith("Le Progrès")
    inner = [q for q in qs if q["id"] == outer[0]["relays"]]
    assert inner and _speaker(inner[0]) == "le frère de la victime"


@pytest.mark.model
def test_a_reporting_sentence_right_before_an_unattributed_quotation_gives_its_speaker(nlp_fr: Any) -> None:
    text = "Il raconte tout sur son site internet. « J'ai parlé de cette histoire avec un vieil ami policier. »"
    (q,) = _quotes(text, nlp_fr)
    assert _speaker(q) == "Il"
