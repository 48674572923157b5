"""Nationality words are no entities (issue 15), yet events are told of the people they name.

The entity grouper leaves "les Français", "the Palestinians" out of ``doc._.entities`` and lists them
(``demonym_mentions``); the actor coder makes an entity for one only when an event needs it, and counts
them all as evidence of the article's country. Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from dateline.entities.component import demonym_mentions
from dateline.entities.normalize import name_offset

from conftest_events import only as _only  # type: ignore[import-not-found]


def test_a_leading_preposition_is_no_part_of_a_phrase_taken_as_a_name() -> None:
    assert name_offset("aux forces armées maliennes") == len("aux ")
    assert name_offset("des rebelles syriens") == len("des ")
    assert name_offset("de Gaulle") == 0  # a surname's particle stays
    assert name_offset("rebelles") == 0


@pytest.mark.model
def test_the_people_a_nationality_names_act_in_events(en) -> None:  # type: ignore[no-untyped-def]
    doc = en("The Lithuanians rejected the proposal on Monday.")
    assert [(m[2], m[3]) for m in demonym_mentions(doc)] == [("LTU", True)]
    ev = _only(doc, "REJECT")
    assert ev["source"]["code"].startswith("LTU")
    ent = next(e for e in doc._.entities if e["id"] == ev["source"]["entity"])
    assert (ent["type"], ent["country"], ent.get("origin")) == ("MISC", "LTU", "events")


@pytest.mark.model
def test_a_nationality_in_no_event_is_no_entity(fr) -> None:  # type: ignore[no-untyped-def]
    doc = fr("Le programme parle du quotidien des Portugais.")
    assert [(m[2], m[3]) for m in demonym_mentions(doc)] == [("PRT", True)]
    assert all(e["name"] != "Portugais" for e in doc._.entities)
