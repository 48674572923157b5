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


def test_possessor_of_a_decision_does_the_infinitive(en) -> None:  # type: ignore[no-untyped-def]
    ev = only(en("Kenya's decision to suspend interest payments surprised the banks."), "SANCTION")
    assert codes(ev)[0] == "KENGOV"


def test_relative_clause_antecedent_is_an_argument(en) -> None:  # type: ignore[no-untyped-def]
    doc = en("The talks between Kenya and Uganda that broke down last week will resume.")
    assert "SANCTION" in {e["type"] for e in doc._.events}


def test_wire_news_words_of_plover_types(en) -> None:  # type: ignore[no-untyped-def]
    cases = [
        ("Kenya undertook to repay the loans by June.", "AGREE"),
        ("Uganda said it would retaliate against Kenya.", "SANCTION"),
        ("The dockers' union began industrial action against the port authority on Monday.", "PROTEST"),
        ("The World Bank will disburse the loan to Kenya in May.", "AID"),
        ("The minister advised Kenya to lower its duties.", "REQUEST"),
        ("Kenya and Uganda will resume their dialogue on Monday.", "CONSULT"),
    ]
    for text, etype in cases:
        assert etype in {e["type"] for e in en(text)._.events}, text


def test_words_of_business_routine_stay_no_events(en) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "Zorbex Widgets plans to restrict spending on its Nairobi plant.",
        "Zorbex Widgets took no action on Tuesday.",
    ):
        assert not en(text)._.events, text


def test_hyphenated_pair_of_states_are_the_parties(en) -> None:  # type: ignore[no-untyped-def]
    ev = only(en("Fresh U.S.-Japanese talks opened near Lake Geneva."), "CONSULT")
    assert {codes(ev)[0], codes(ev)[1]} == {"USA", "JPN"}
    ev = only(en("Negotiators reached a U.S.-British agreement on fishing quotas."), "AGREE")
    assert {codes(ev)[0], codes(ev)[1]} == {"USA", "GBR"}
    assert ev["symmetric"]


def test_hyphenated_words_that_are_no_pair_of_states(en) -> None:  # type: ignore[no-untyped-def]
    doc = en("Zorbex's U.S.-based arm held talks with Kenya.")
    assert all("JPN" not in str(codes(e)) for e in doc._.events)


def test_concessions_mobilisations_and_approvals(en) -> None:  # type: ignore[no-untyped-def]
    cases = [
        ("Kenya sent two warships to the disputed Lake Victoria island.", "MOBILIZE"),
        ("Zorbex Widgets dropped the lawsuit it had brought against Acme Corp.", "CONCEDE"),
        ("A Nairobi judge granted Zorbex Widgets' request for a delay.", "SUPPORT"),
        ("The senator from Ohio spoke out against the Kenyan ruling.", "ACCUSE"),
    ]
    for text, etype in cases:
        assert etype in {e["type"] for e in en(text)._.events}, text
    assert "MOBILIZE" not in {e["type"] for e in en("Kenya sent a stern letter to Uganda.")._.events}
