"""Speakers on unseen news (issue 15): addressee vs speaker, whole noun phrases, person over country,
the salient subject for pronouns, colon introductions, glued paragraph seams. Sentences written for
these tests, through the real pipeline."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model


def analyse(text: str, lang: str, nlp: Any) -> dict[str, Any]:
    from dateline.pipeline import analyse as run

    assert nlp is not None
    return run(text, "2017-03-01", lang=lang)


def speaker_of(rec: dict[str, Any], start: str) -> tuple[str | None, str | None]:
    """(speaker text, entity name) of the quote whose text starts with ``start``."""
    q = next(q for q in rec["quotes"] if q["text"].startswith(start))
    sp = q["speaker"] or {}
    name = next((e["name"] for e in rec["entities"] if e["id"] == sp.get("entity")), None)
    return sp.get("text"), name


def test_dative_clitic_is_the_addressee_not_the_speaker(nlp_fr: Any) -> None:
    rec = analyse(
        "« Nous ne céderons rien sur ce dossier », lui avait dit Christian Dupont lors de leur rencontre.", "fr", nlp_fr
    )
    assert speaker_of(rec, "Nous ne céderons") == ("Christian Dupont", "Christian Dupont")


def test_plural_dative_before_inverted_clitic(nlp_fr: Any) -> None:
    rec = analyse("Marc Vidal a reçu les grévistes. « Rien n'est décidé », leur a-t-il assuré.", "fr", nlp_fr)
    assert speaker_of(rec, "Rien n'est") == ("il", "Marc Vidal")


def test_hyphenated_speaker_is_the_whole_word(nlp_fr: Any) -> None:
    rec = analyse("L'état-major a affirmé que deux soldats avaient été blessés.", "fr", nlp_fr)
    assert speaker_of(rec, "deux soldats")[0] == "L'état-major"
    rec = analyse("Le Royaume-Uni a indiqué que les négociations reprendraient lundi.", "fr", nlp_fr)
    assert speaker_of(rec, "les négociations")[0] == "Le Royaume-Uni"


def test_demonym_before_a_name_the_person_speaks(nlp_fr: Any) -> None:
    rec = analyse("La Brésilienne Ana Costa a déclaré que le projet serait abandonné.", "fr", nlp_fr)
    text, name = speaker_of(rec, "le projet")
    assert name == "Ana Costa"
    assert text is not None and text.endswith("Ana Costa")


def test_pronoun_goes_to_the_subject_of_the_previous_sentence(nlp_fr: Any) -> None:
    rec = analyse(
        "Paul Morel a reçu Marc Petit mardi à la mairie. « Nous allons travailler ensemble », a-t-il déclaré.",
        "fr",
        nlp_fr,
    )
    assert speaker_of(rec, "Nous allons") == ("il", "Paul Morel")


def test_pronoun_after_a_name_in_subject_position_keeps_the_nearest(nlp_fr: Any) -> None:
    # The nearest name is itself a subject: no reason to go further back.
    rec = analyse(
        "Paul Morel est arrivé. Marc Petit a reçu les élus. « Nous allons travailler », a-t-il déclaré.", "fr", nlp_fr
    )
    assert speaker_of(rec, "Nous allons") == ("il", "Marc Petit")


def test_colon_after_a_clause_with_a_person_subject(nlp_fr: Any) -> None:
    rec = analyse(
        "Paul Morel pointe du doigt ces retards : « Les usagers attendent depuis trois ans une solution. »",
        "fr",
        nlp_fr,
    )
    assert speaker_of(rec, "Les usagers") == ("Paul Morel", "Paul Morel")


def test_colon_after_a_clause_about_a_thing_gives_no_speaker(nlp_fr: Any) -> None:
    rec = analyse("Le bilan est lourd : « Trois maisons ont été détruites par les flammes cette nuit. »", "fr", nlp_fr)
    assert all(q["speaker"] is None for q in rec["quotes"])


def test_glued_paragraph_seam_does_not_hide_the_speaker(nlp_fr: Any) -> None:
    # Paragraphs glued without a space, as some corpora extract them.
    text = (
        'Le conseil municipal a voté le budget mardi soir."Nous tiendrons les délais prévus pour le chantier"'
        "Élisabeth Morin confie son espoir."
    )
    rec = analyse(text, "fr", nlp_fr)
    assert speaker_of(rec, "Nous tiendrons")[1] == "Élisabeth Morin"
