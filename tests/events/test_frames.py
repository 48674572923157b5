"""Actor coding and frames on sentences written for these tests (French and English models)."""

from __future__ import annotations

import pytest

from conftest_events import codes as _codes  # type: ignore[import-not-found]
from conftest_events import only as _only  # type: ignore[import-not-found]

pytestmark = pytest.mark.model


def test_french_army_bombs_group(fr) -> None:  # type: ignore[no-untyped-def]
    doc = fr("L'armée française a bombardé des positions de Daech en Syrie.")
    ev = _only(doc, "ASSAULT")
    assert _codes(ev) == ("FRAMIL", "IMGREB")  # a transnational armed group: IMG + REB (guidelines, 3.3)
    assert ev["mode"] == "aerial" and ev["cameo"] == "195"
    # "l'armée française" is no NER entity: it was appended as one, with the next free id.
    src = next(e for e in doc._.entities if e["id"] == ev["source"]["entity"])
    assert src["name"] == "armée française" and src["country"] == "FRA"
    assert ev["location"] is None or doc.text[ev["location"]["start"] : ev["location"]["end"]] == "Syrie"


def test_rebels_by_demonym(fr) -> None:  # type: ignore[no-untyped-def]
    ev = _only(fr("Les rebelles syriens ont attaqué un poste de police."), "ASSAULT")
    assert ev["source"]["code"] == "SYRREB"


def test_reciprocal_phone_call_is_one_symmetric_event(fr) -> None:  # type: ignore[no-untyped-def]
    text = "Le président russe Vladimir Poutine et le président américain Donald Trump se sont entretenus au téléphone."
    ev = _only(fr(text), "CONSULT")
    assert ev["mode"] == "phone" and ev["cameo"] == "041"
    assert _codes(ev) == ("RUSGOV", "USAGOV")
    assert ev["symmetric"] is True


def test_capital_and_metonym_stand_for_governments(fr) -> None:  # type: ignore[no-untyped-def]
    ev = _only(fr("Le Kremlin a accusé Washington d'ingérence."), "ACCUSE")
    assert _codes(ev) == ("RUSGOV", "USAGOV")
    assert ev["mode"] == "allege"


def test_the_european_union_is_coded_as_such_whether_named_or_called_bruxelles(fr) -> None:  # type: ignore[no-untyped-def]
    # The organisation table is keyed by folded names: "Union européenne" with its accent must find it,
    # not fall back to "Union" as a trade union of the article's country.
    ev = _only(fr("L'Union européenne a sanctionné la Pologne mardi."), "SANCTION")
    assert _codes(ev) == ("EURGOV", "POLGOV")
    # "Bruxelles" acting is the Union (the entity grouper names it so), not Belgium's government.
    ev = _only(fr("Bruxelles a sanctionné la Pologne mardi."), "SANCTION")
    assert _codes(ev) == ("EURGOV", "POLGOV")


def test_signing_an_agreement_is_support(fr) -> None:  # type: ignore[no-untyped-def]
    ev = _only(fr("La Russie et les États-Unis ont signé un accord de coopération."), "SUPPORT")
    assert ev["cameo"] == "057" and set(_codes(ev)) == {"RUSGOV", "USAGOV"}
    # The agreement noun is the object of "signer": folded into the SUPPORT event, not a second event.
    assert [e["type"] for e in fr("La Russie et les États-Unis ont signé un accord.")._.events] == ["SUPPORT"]


def test_recipient_hanging_on_the_object(fr) -> None:  # type: ignore[no-untyped-def]
    ev = _only(fr("La France a livré des armes aux rebelles syriens."), "AID")
    assert _codes(ev) == ("FRAGOV", "SYRREB")


def test_police_arrest(fr) -> None:  # type: ignore[no-untyped-def]
    ev = _only(fr("La police a arrêté trois manifestants à Paris."), "COERCE")
    assert ev["mode"] == "arrest"
    assert ev["source"]["code"].endswith("COP") and ev["target"]["code"].endswith("CVL")


def test_topic_nouns_are_not_events(fr) -> None:  # type: ignore[no-untyped-def]
    # A noun with no support verb, participle, date or intention is a topic, not an event.
    doc = fr("La coopération entre la Russie et la Chine représente une priorité pour les deux pays.")
    assert doc._.events == []


def test_verbal_attack_is_accuse(fr) -> None:  # type: ignore[no-untyped-def]
    ev = _only(fr("Claire Vidal attaque chaque jour davantage le candidat du parti adverse."), "ACCUSE")
    assert ev["mode"] == "disapprove"


def test_natural_cause_is_no_assault(fr) -> None:  # type: ignore[no-untyped-def]
    assert fr("Le port de la ville a été sévèrement touché par la tempête.")._.events == []


def test_english_phone_call(en) -> None:  # type: ignore[no-untyped-def]
    text = "Russian President Vladimir Putin and U.S. President Donald Trump spoke by telephone."
    ev = _only(en(text), "CONSULT")
    assert ev["mode"] == "phone"
    assert set(_codes(ev)) == {"RUSGOV", "USAGOV"}


def test_english_withdrawal(en) -> None:  # type: ignore[no-untyped-def]
    ev = _only(en("French troops withdrew from northern Mali."), "RETREAT")
    assert ev["source"]["code"] == "FRAMIL" and ev["mode"] == "withdraw"


def test_english_demand_folds_the_demanded_act(en) -> None:  # type: ignore[no-untyped-def]
    doc = en("Greece demanded that Turkey withdraw its troops from Cyprus.")
    assert [e["type"] for e in doc._.events] == ["REQUEST"]
    assert doc._.events[0]["source"]["code"] == "GRCGOV"
