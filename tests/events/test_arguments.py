"""Who fills source and target, from the parse: patient nouns, participles, raising, inversion (issue 14)."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model


def _name(doc: Any, actor: dict[str, Any] | None) -> str | None:
    ents = {e["id"]: e["name"] for e in doc._.entities}
    return ents.get((actor or {}).get("entity"))


def test_possessive_of_an_arrest_is_the_one_arrested(fr) -> None:  # type: ignore[no-untyped-def]
    doc = fr("Un homme est mort pendant son interpellation par des policiers.")
    (ev,) = [e for e in doc._.events if e["type"] == "COERCE"]
    assert ev["source"]["code"].endswith("COP")
    assert ev["target"] is not None and ev["target"]["code"].endswith("CRM")


def test_past_participle_qualifies_its_patient(fr) -> None:  # type: ignore[no-untyped-def]
    doc = fr("Un Belge condamné à six ans de prison a fait appel.")
    ev = next(e for e in doc._.events if e["type"] == "SANCTION")
    assert ev["target"] is not None and ev["target"]["code"] == "BELCRM"
    assert (ev["source"]["code"] or "").endswith("JUD")  # only courts sentence


def test_passive_under_a_raising_verb_keeps_the_patient(fr) -> None:  # type: ignore[no-untyped-def]
    doc = fr("Julien Marchal vient d'être condamné à deux ans de prison par le tribunal.")
    (ev,) = doc._.events
    assert _name(doc, ev["target"]) == "Julien Marchal"
    assert _name(doc, ev["source"]) != "Julien Marchal"


def test_inverted_subject_after_the_quoted_words(fr) -> None:  # type: ignore[no-untyped-def]
    doc = fr("« C'est une honte », a dénoncé le porte-parole du syndicat.")
    (ev,) = doc._.events
    assert ev["type"] == "ACCUSE" and ev["source"]["code"] is not None
    assert ev["target"] is None


def test_owner_of_a_seized_thing_is_the_target(fr) -> None:  # type: ignore[no-untyped-def]
    doc = fr("Les gendarmes ont confisqué la moto du jeune homme.")
    (ev,) = doc._.events
    assert ev["type"] == "COERCE" and ev["target"] is not None and ev["target"]["code"].endswith("CRM")


def test_meeting_framing_a_clause_has_the_clause_subject_as_source(fr) -> None:  # type: ignore[no-untyped-def]
    doc = fr("Lors de sa rencontre avec Olaf Scholz, Emmanuel Macron a évoqué l'Ukraine.")
    ev = next(e for e in doc._.events if e["type"] == "CONSULT")
    assert {_name(doc, ev["source"]), _name(doc, ev["target"])} == {"Emmanuel Macron", "Olaf Scholz"}


def test_a_passive_verb_takes_no_subject_from_the_clause_it_hangs_on(fr) -> None:  # type: ignore[no-untyped-def]
    doc = fr("Le suspect a été placé en garde à vue mardi.")
    (ev,) = doc._.events
    assert ev["source"]["code"].endswith("COP") and ev["source"]["entity"] is None
    assert ev["target"] is not None and ev["target"]["code"].endswith("CRM")


def test_a_private_person_is_coded_by_what_is_done_to_them(fr) -> None:  # type: ignore[no-untyped-def]
    doc = fr("À Lyon, Paul Verdier a été condamné à trois ans de prison par le tribunal correctionnel.")
    ev = next(e for e in doc._.events if e["type"] == "SANCTION")
    assert _name(doc, ev["target"]) == "Paul Verdier" and ev["target"]["code"].endswith("CRM")


def test_a_pronoun_patient_is_coded_without_an_entity(fr) -> None:  # type: ignore[no-untyped-def]
    doc = fr("Ils ont été interpellés dans la nuit.")
    (ev,) = doc._.events
    assert ev["target"] is not None and ev["target"]["entity"] is None and ev["target"]["code"].endswith("CRM")
