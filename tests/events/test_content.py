"""The content of a speech act (French ``content.tsv``): its own event, folded into it, or instead of it."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _types(doc) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(e["type"], e["modality"]) for e in doc._.events]


def test_threatened_act_is_its_own_hypothetical_event(fr) -> None:  # type: ignore[no-untyped-def]
    doc = fr("Les infirmières de la clinique menacent de démissionner.")
    assert ("THREATEN", "asserted") in _types(doc)
    assert ("RETREAT", "hypothetical") in _types(doc)


def test_refused_act_is_folded_into_the_refusal(fr) -> None:  # type: ignore[no-untyped-def]
    doc = fr("Le ministre a refusé de rencontrer les représentants des agriculteurs.")
    assert [t for t, _ in _types(doc)] == ["REJECT"]


def test_call_to_strike_is_the_strike_intended(fr) -> None:  # type: ignore[no-untyped-def]
    doc = fr("Les syndicats de cheminots appellent à la grève jeudi.")
    (ev,) = doc._.events
    assert (ev["type"], ev["modality"]) == ("PROTEST", "intended")
    assert ev["source"]["code"] is not None and ev["source"]["code"].endswith("LAB")


def test_a_verbal_locution_is_one_event_with_the_locution_as_trigger(fr) -> None:  # type: ignore[no-untyped-def]
    doc = fr("Le parquet de Lyon a ouvert une enquête sur le directeur de l'usine.")
    (ev,) = doc._.events
    assert ev["type"] == "ACCUSE" and ev["mode"] == "investigate"
    assert ev["trigger"]["text"] == "ouvert une enquête"


def test_the_object_noun_of_a_demand_is_the_demand(fr) -> None:  # type: ignore[no-untyped-def]
    doc = fr("Le comité réclame la libération du journaliste.")
    assert [t for t, _ in _types(doc)] == ["REQUEST"]
