"""Negation and modality (asserted, intended, hypothetical, reported); statements are not events."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _types(doc) -> list[tuple[str, str, bool]]:  # type: ignore[no-untyped-def]
    return [(e["type"], e["modality"], e["negated"]) for e in doc._.events]


def test_negation_not_yet_begun(fr) -> None:  # type: ignore[no-untyped-def]
    doc = fr("La coopération militaire entre Paris et Berlin n'a pas encore commencé.")
    assert _types(doc) == [("COOPERATE", "asserted", True)]
    ev = doc._.events[0]
    assert {ev["source"]["code"], ev["target"]["code"]} == {"FRAGOV", "DEUGOV"}


def test_affirmative_counterpart_is_not_negated(fr) -> None:  # type: ignore[no-untyped-def]
    doc = fr("La coopération militaire entre la France et l'Allemagne a commencé.")
    assert _types(doc) == [("COOPERATE", "asserted", False)]


def test_english_negation(en) -> None:  # type: ignore[no-untyped-def]
    doc = en("Russian troops did not attack the Ukrainian army.")
    assert [(t, n) for t, _, n in _types(doc)] == [("ASSAULT", True)]


def test_intended_envisage(fr) -> None:  # type: ignore[no-untyped-def]
    doc = fr("La France envisage de livrer des armes aux rebelles syriens.")
    (ev,) = doc._.events
    assert (ev["type"], ev["modality"]) == ("AID", "intended")
    # CAMEO codes an intention to give aid as 033, which CAMEO2PLOVER turns into AGREE.
    assert ev["cameo"] == "033"


def test_intended_devrait(fr) -> None:  # type: ignore[no-untyped-def]
    doc = fr("La Russie devrait signer un accord avec la Chine.")
    assert _types(doc) == [("SUPPORT", "intended", False)]


def test_intended_se_prononcer_pour(fr) -> None:  # type: ignore[no-untyped-def]
    doc = fr("Paris et Berlin se sont prononcés pour la coordination de leurs efforts contre Daech.")
    (ev,) = doc._.events
    assert (ev["type"], ev["modality"]) == ("COOPERATE", "intended")
    assert {ev["source"]["code"], ev["target"]["code"]} == {"FRAGOV", "DEUGOV"}


def test_hypothetical_condition(fr) -> None:  # type: ignore[no-untyped-def]
    doc = fr("Si Moscou attaquait l'Ukraine, la réponse serait immédiate.")
    assert ("ASSAULT", "hypothetical", False) in _types(doc)


def test_reported_selon(fr) -> None:  # type: ignore[no-untyped-def]
    doc = fr("Selon le ministre, l'armée turque a bombardé des positions kurdes.")
    assert _types(doc) == [("ASSAULT", "reported", False)]
    assert doc._.events[0]["source"]["code"] == "TURMIL"


def test_reported_inverted_speech_verb(fr) -> None:  # type: ignore[no-untyped-def]
    doc = fr("L'armée turque a bombardé des positions kurdes, a déclaré le ministre.")
    assert _types(doc) == [("ASSAULT", "reported", False)]


def test_statements_are_not_events(fr) -> None:  # type: ignore[no-untyped-def]
    doc = fr("Le ministre russe des Affaires étrangères a déclaré que la situation restait grave.")
    assert doc._.events == []
    doc = fr("« Nous sommes prêts », a ajouté le porte-parole du Kremlin.")
    assert doc._.events == []


def test_refusing_to_comment_rejects_nothing(fr) -> None:  # type: ignore[no-untyped-def]
    assert fr("L'avocat du ministre refuse de commenter l'affaire.")._.events == []
    doc = fr("Le gouvernement refuse la proposition de l'opposition.")
    assert [e["type"] for e in doc._.events] == ["REJECT"]
