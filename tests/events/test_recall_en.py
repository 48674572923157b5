"""English events on wire-news phrasings the rules had lost, on sentences written for these tests."""

from __future__ import annotations

from conftest_events import codes, only


def test_request_target_is_the_subject_of_the_that_clause(en) -> None:  # type: ignore[no-untyped-def]
    ev = only(en("The farmers' union demanded that Kenya lower its fuel duties."), "REQUEST")
    assert codes(ev)[1] == "KENGOV"


def test_request_asking_whether_names_no_addressee(en) -> None:  # type: ignore[no-untyped-def]
    doc = en("The union asked whether Kenya would lower its fuel duties.")
    assert all(codes(e)[1] != "KENGOV" for e in doc._.events if e["type"] == "REQUEST")


def test_body_named_by_a_role_noun_compounded_with_it(en) -> None:  # type: ignore[no-untyped-def]
    ev = only(en("Rebel groups demanded that Kenya free the prisoners."), "REQUEST")
    assert codes(ev) == ("REB", "KENGOV")
    ev = only(en("Opposition groups in Kenya urged that the president step down."), "REQUEST")
    assert codes(ev)[0] is not None and codes(ev)[0].endswith("OPP")


def test_an_agreement_that_must_be_reached_is_a_demand(en) -> None:  # type: ignore[no-untyped-def]
    doc = en("The envoy said Kenya and the rebels must reach an agreement soon.")
    assert {e["type"] for e in doc._.events} == {"REQUEST"}
    doc = en("The rebels said the president must agree to constitutional changes.")
    assert {e["type"] for e in doc._.events} == {"REQUEST"}


def test_an_agreement_reached_stays_an_agreement(en) -> None:  # type: ignore[no-untyped-def]
    doc = en("Kenya and the rebels reached an agreement on Monday.")
    assert "AGREE" in {e["type"] for e in doc._.events}
