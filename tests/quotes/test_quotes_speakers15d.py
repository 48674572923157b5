"""Speakers of headings, next sentences and relative clauses (issue 15, fourth round), on sentences
written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from dateline.quotes.component import _in_order_share, _word_seq


def _quotes(text: str, nlp: Any) -> list[dict[str, Any]]:
    from dateline.pipeline import analyse

    assert nlp is not None
    return list(analyse(text, "2017-03-01", lang="fr")["quotes"])


def _speaker(q: dict[str, Any]) -> str | None:
    return q["speaker"]["text"] if q["speaker"] else None


def test_words_of_a_quotation_ignore_case_and_punctuation() -> None:
    assert _word_seq("Nous irons, à pied, jusqu'au port !") == ["nous", "irons", "à", "pied", "jusqu", "au", "port"]


def test_a_heading_shares_its_words_in_order_with_the_quotation_it_repeats() -> None:
    heading = _word_seq("Nous irons jusqu'au port")
    assert _in_order_share(heading, _word_seq("Demain, nous irons à pied jusqu'au port du village")) == 1.0
    assert _in_order_share(heading, _word_seq("Le port est loin, nous n'irons pas")) < 0.8
    assert _in_order_share([], ["a"]) == 0.0


@pytest.mark.model
def test_a_heading_takes_the_speaker_of_the_quotation_it_repeats(nlp_fr: Any) -> None:
    text = (
        "Le conseil municipal a voté la fermeture de l'école, a annoncé la mairie.\n\n"
        "« Nous ne laisserons pas fermer cette école »\n\n"
        "Les parents se sont réunis lundi soir dans la salle des fêtes. "
        "« Nous ne laisserons pas fermer cette école sans nous battre », a prévenu Jeanne Moreau-Lefort, "
        "présidente de l'association des parents d'élèves."
    )
    qs = _quotes(text, nlp_fr)
    heading = next(q for q in qs if q["text"].startswith("Nous ne laisserons") and q["cue"] is None)
    assert heading["speaker"] is not None and heading["speaker"]["text"].startswith("Jeanne Moreau-Lefort")


@pytest.mark.model
def test_a_sentence_with_an_object_after_a_quotation_does_not_report_it(nlp_fr: Any) -> None:
    text = (
        "Paul Garnier a longtemps parlé à la barre. « Je voulais seulement aider ma famille » "
        "Le tribunal le condamne à un an de prison avec sursis."
    )
    qs = _quotes(text, nlp_fr)
    assert all(_speaker(q) != "Le tribunal" for q in qs)


@pytest.mark.model
def test_a_relative_clause_of_saying_is_said_by_the_person_before_its_pronoun(nlp_fr: Any) -> None:
    text = "Le club a rejeté les accusations de l'entraîneur, qui avait assuré que les joueurs étaient mal payés."
    qs = _quotes(text, nlp_fr)
    q = next(q for q in qs if q["text"].startswith("les joueurs"))
    assert _speaker(q) == "l'entraîneur"


@pytest.mark.model
def test_agreeing_with_the_speaker_before_is_a_verb_of_saying(nlp_fr: Any) -> None:
    text = "« Nous voulons la vérité », a dit Jean Valjean. « Nous la voulons tous et vite », a abondé Paul Garnier."
    qs = _quotes(text, nlp_fr)
    assert [_speaker(q) for q in qs] == ["Jean Valjean", "Paul Garnier"]


@pytest.mark.model
def test_a_bare_minister_is_not_the_prime_minister(nlp_fr: Any) -> None:
    from dateline.pipeline import analyse

    text = (
        "Le Premier ministre Jean Valjean a parlé mardi. « Nous voulons la vérité », a-t-il dit. "
        "Le ministre a ensuite expliqué avoir écrit à la famille."
    )
    assert nlp_fr is not None
    rec = analyse(text, "2017-03-01", lang="fr")
    names = {e["id"]: e["name"] for e in rec["entities"]}
    by_text = {q["text"][:12]: q for q in rec["quotes"]}
    first = by_text["Nous voulons"]["speaker"]
    later = by_text["avoir écrit "]["speaker"]
    assert names.get(first["entity"]) == "Jean Valjean"
    assert later["text"] == "Le ministre" and later["entity"] is None


@pytest.mark.model
def test_a_demonstrative_with_a_relative_clause_takes_up_the_person_before(nlp_fr: Any) -> None:
    from dateline.pipeline import analyse

    text = (
        "Marie Durand a perdu la mémoire en février. Elle vit depuis à l'hôpital de la ville. "
        "« Je suis comme perdue dans le brouillard », lance celle qui espère être reconnue."
    )
    assert nlp_fr is not None
    rec = analyse(text, "2017-03-01", lang="fr")
    names = {e["id"]: e["name"] for e in rec["entities"]}
    (q,) = rec["quotes"]
    assert q["speaker"]["text"] == "celle" and names.get(q["speaker"]["entity"]) == "Marie Durand"
