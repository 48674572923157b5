"""Who did what to whom: actor classes on sentences written for these tests (issue 14).

Passive voice, targets on obliques and inside acts, non-state sectors, titles and the dictionary,
negation and refraining, pluperfect dates, and the bad inputs the coder must survive.
"""

from __future__ import annotations

import pytest

from conftest_events import codes as _codes  # type: ignore[import-not-found]
from conftest_events import only as _only  # type: ignore[import-not-found]

pytestmark = pytest.mark.model


# -- passive voice --------------------------------------------------------------------------------
def test_passive_with_agent_gives_agent_as_source(fr) -> None:  # type: ignore[no-untyped-def]
    ev = _only(fr("Deux soldats ont été tués par des rebelles dans la nuit."), "ASSAULT")
    assert ev["source"]["code"] == "REB"
    assert (ev["target"] or {}).get("code", "").endswith("MIL")


def test_agentless_passive_has_unknown_source_not_the_victim(fr, en) -> None:  # type: ignore[no-untyped-def]
    ev = _only(fr("Trois soldats ont été tués dans une embuscade."), "ASSAULT")
    assert ev["source"] == {"entity": None, "code": None}
    assert ev["target"]["code"].endswith("MIL")
    ev = _only(en("A soldier was killed when a bomb exploded."), "ASSAULT")
    assert ev["source"]["code"] is None and ev["target"]["code"].endswith("MIL")
    ev = _only(fr("La Grèce a été menacée."), "THREATEN")
    assert _codes(ev) == (None, "GRCGOV")


def test_coordinated_participles_share_the_passive_patient(fr) -> None:  # type: ignore[no-untyped-def]
    doc = fr("Un homme a été arrêté et écroué à Nantes.")
    evs = [e for e in doc._.events if e["type"] == "COERCE"]
    assert len(evs) == 2
    # The man is the patient of both verbs, coded as a suspect (PLOVER's CRM), never their source; the
    # source is the police the act implies, unnamed (no entity); the sentence names no country, so both
    # are of the country French news is about (data/events/fr/home.txt).
    assert all(e["target"]["code"].endswith("CRM") for e in evs)
    # The arrest is the police's, the jailing a judge's (French procedure).
    assert [e["source"]["code"] for e in evs] == ["FRACOP", "FRAJUD"]
    assert all(e["source"]["entity"] is None for e in evs)


def test_active_arrest_keeps_its_named_agent(fr) -> None:  # type: ignore[no-untyped-def]
    ev = _only(fr("Les gendarmes ont arrêté un homme à Nantes."), "COERCE")
    assert ev["source"]["entity"] is not None and ev["source"]["code"].endswith("COP")


# -- targets --------------------------------------------------------------------------------------
def test_phone_call_target_on_the_oblique_and_dictionary_codes(fr) -> None:  # type: ignore[no-untyped-def]
    # "avec X" hangs on "au téléphone"; both people are coded by the actor dictionary on the date.
    ev = _only(fr("Vladimir Poutine s'est entretenu au téléphone avec Angela Merkel.", dct="2017-05-02"), "CONSULT")
    assert _codes(ev) == ("RUSGOV", "DEUGOV") and ev["mode"] == "phone"


def test_reaction_to_an_act_targets_its_author(fr) -> None:  # type: ignore[no-untyped-def]
    ev = _only(fr("Le Japon a condamné les frappes de la Corée du Nord."), "ACCUSE")
    assert _codes(ev) == ("JPNGOV", "PRKGOV")


def test_troops_withdrawn_are_no_target(fr) -> None:  # type: ignore[no-untyped-def]
    ev = _only(fr("L'armée a retiré ses troupes."), "RETREAT")
    assert ev["target"] is None


# -- sectors and persons ----------------------------------------------------------------------------
def test_a_body_named_by_its_members(fr) -> None:  # type: ignore[no-untyped-def]
    ev = _only(fr("Le conseil de l'opposition syrienne a accusé le régime de fraude."), "ACCUSE")
    assert ev["source"]["code"] == "SYROPP"


@pytest.mark.parametrize(
    ("text", "etype", "sector"),
    [
        ("Les syndicats ont appelé à la grève.", "PROTEST", "LAB"),  # a call to strike is the strike, intended
        ("Le Parti socialiste a critiqué le gouvernement.", "ACCUSE", "PTY"),
        ("Les jihadistes ont attaqué une caserne.", "ASSAULT", "REB"),
        ("Les journalistes ont dénoncé la censure.", "ACCUSE", "JRN"),
    ],
)
def test_non_state_actors_get_their_sector(fr, text: str, etype: str, sector: str) -> None:  # type: ignore[no-untyped-def]
    code = _only(fr(text), etype)["source"]["code"]
    assert code is not None and code.endswith(sector) and not code.endswith("GOV")


def test_title_gives_a_persons_country_and_sector(fr) -> None:  # type: ignore[no-untyped-def]
    ev = _only(fr("Le ministre marocain Karim Benalla a critiqué la décision."), "ACCUSE")
    assert ev["source"]["code"] == "MARGOV"


def test_former_office_holder_is_elite(en) -> None:  # type: ignore[no-untyped-def]
    ev = _only(en("Former president Jimmy Carter criticized the government."), "ACCUSE")
    assert ev["source"]["code"] == "USAELI"


def test_relative_pronoun_subject_is_its_antecedent(fr) -> None:  # type: ignore[no-untyped-def]
    doc = fr("Le ministre belge Luc Janssens, qui a critiqué la Pologne, est arrivé hier à Prague.")
    assert _codes(_only(doc, "ACCUSE")) == ("BELGOV", "POLGOV")


def test_unknown_actor_name_gets_no_code(fr) -> None:  # type: ignore[no-untyped-def]
    doc = fr("Zorglub Tartempion a attaqué Blorgville.")
    for ev in doc._.events:
        assert ev["source"]["code"] is None


# -- negation and refraining ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("L'armée ne va pas retirer ses troupes.", "RETREAT"),
        ("Ankara s'est gardé d'accuser Téhéran.", "ACCUSE"),
        ("Le gouvernement a renoncé à sanctionner la Hongrie.", "SANCTION"),
    ],
)
def test_negated_governor_and_refraining_negate_the_act(fr, text: str, etype: str) -> None:  # type: ignore[no-untyped-def]
    assert _only(fr(text), etype)["negated"] is True


def test_english_refraining(en) -> None:  # type: ignore[no-untyped-def]
    assert _only(en("Turkey refrained from blaming Iran."), "ACCUSE")["negated"] is True


def test_negated_implicative_asserts_the_act(fr, en) -> None:  # type: ignore[no-untyped-def]
    assert _only(fr("L'armée n'a pas hésité à bombarder les rebelles."), "ASSAULT")["negated"] is False
    assert _only(en("The army did not hesitate to shell rebel positions."), "ASSAULT")["negated"] is False


# -- dates ----------------------------------------------------------------------------------------
def test_undated_pluperfect_is_before_publication(fr) -> None:  # type: ignore[no-untyped-def]
    ev = _only(fr("Le tribunal avait condamné le maire à deux ans de prison.", dct="2018-03-14"), "SANCTION")
    d = ev["date"]
    assert d["basis"] == "before-publication" and d["value"] == "PAST_REF"
    assert d["latest"] == "2018-03-13" and d["earliest"] < d["latest"]


def test_plain_past_keeps_the_publication_window(fr) -> None:  # type: ignore[no-untyped-def]
    ev = _only(fr("Le tribunal a condamné le maire à deux ans de prison.", dct="2018-03-14"), "SANCTION")
    assert ev["date"]["basis"] == "publication"


# -- confidence -----------------------------------------------------------------------------------
def test_every_event_has_a_confidence_in_0_1(fr) -> None:  # type: ignore[no-untyped-def]
    doc = fr("La Russie a bombardé Alep. Les manifestants ont défilé à Lyon. Paris a critiqué Moscou.")
    assert doc._.events and all(0.0 <= e["confidence"] <= 1.0 for e in doc._.events)
    assert not any("_features" in e for e in doc._.events)


# -- bad input ------------------------------------------------------------------------------------
def test_punctuation_only_text(fr) -> None:  # type: ignore[no-untyped-def]
    assert fr("… !!! ???")._.events == []


def test_list_of_names_with_no_verb(fr) -> None:  # type: ignore[no-untyped-def]
    assert fr("Emmanuel Macron, Angela Merkel, Vladimir Poutine, Xi Jinping.")._.events == []


def test_very_long_sentence(fr) -> None:  # type: ignore[no-untyped-def]
    # One sentence of about 600 tokens: a long enumeration with an event at its end.
    filler = ", ".join(f"la commune numéro {i}" for i in range(150))
    doc = fr(f"Après {filler}, la police a arrêté trois manifestants.")
    assert len(doc) > 600
    assert [e["type"] for e in doc._.events] == ["COERCE"]


def test_trigger_inside_a_quotation_is_reported_with_the_quote_as_evidence(fr) -> None:  # type: ignore[no-untyped-def]
    text = "« Les rebelles ont attaqué le village », a déclaré le ministre."
    ev = _only(fr(text), "ASSAULT")
    assert ev["modality"] == "reported"
    ev_text = ev["evidence"]["text"]
    assert (
        "Les rebelles ont attaqué le village" in ev_text
        and ev_text == text[ev["evidence"]["start"] : ev["evidence"]["end"]]
    )


# -- the country of an article that names none ------------------------------------------------------
def test_article_naming_no_country_is_about_the_languages_home(fr, en) -> None:  # type: ignore[no-untyped-def]
    # Institutions, people described by their role and titled officials of a French story that names no
    # country are French (the guidelines' "country the article makes clear"); English has no such default.
    assert _codes(_only(fr("La police a interpellé un homme."), "COERCE")) == ("FRACOP", "FRACRM")
    assert _codes(_only(fr("Le ministre a dénoncé les propos du maire."), "ACCUSE")) == ("FRAGOV", "FRAGOV")
    assert _codes(_only(fr("La famille a déposé plainte contre le médecin."), "ACCUSE")) == ("FRACVL", "FRAMED")
    assert _only(en("The police arrested a man."), "COERCE")["source"]["code"] == "COP"


def test_article_naming_a_country_keeps_its_evidence(fr) -> None:  # type: ignore[no-untyped-def]
    assert _codes(_only(fr("Au Brésil, la police a arrêté trois hommes."), "COERCE")) == ("BRACOP", "BRACRM")


def test_bare_title_in_home_news_naming_another_state_is_the_home_office(fr) -> None:  # type: ignore[no-untyped-def]
    # French news naming France most gives a bare title the home state even when another state is named;
    # the foreign state keeps its own code, and a nationality word would have given the title its own.
    text = "La France renforce ses contrôles. Le ministre des Armées coopère désormais avec l'Allemagne."
    assert _codes(_only(fr(text), "COOPERATE")) == ("FRAGOV", "DEUGOV")


def test_bare_title_in_news_about_another_state_gets_no_home(fr) -> None:  # type: ignore[no-untyped-def]
    # An article naming Brazil most is not home news: its bare titles are not given France.
    text = "Le Brésil et le Chili discutent. Au Brésil, le ministre a critiqué la France."
    ev = _only(fr(text), "ACCUSE")
    assert _codes(ev) == ("GOV", "FRAGOV")


def test_a_party_is_in_government_or_in_opposition_on_the_articles_day(fr) -> None:  # type: ignore[no-untyped-def]
    # A party named by its name or initials is coded by the language's parties.tsv, not as a government
    # (a title's GOV) nor left without a code; who speaks for it ("le vice-président LR") acts for it.
    ev = _only(fr("Le vice-président LR a vivement critiqué les syndicats.", dct="2018-02-01"), "ACCUSE")
    assert ev["source"]["code"] == "FRAOPP"
    ev = _only(fr("Le Parti socialiste a critiqué le Front national.", dct="2014-06-01"), "ACCUSE")
    assert _codes(ev) == ("FRAPTY", "FRAOPP")
    ev = _only(fr("Le Parti socialiste a critiqué le Front national.", dct="2019-06-01"), "ACCUSE")
    assert _codes(ev) == ("FRAOPP", "FRAOPP")


def test_a_search_targets_whoever_holds_the_premises(fr) -> None:  # type: ignore[no-untyped-def]
    # A search is made at a body's seat or in someone's premises: the body or the holder is the target.
    ev = _only(fr("Les enquêteurs ont mené une perquisition au siège du parti."), "COERCE")
    assert _codes(ev) == ("FRACOP", "FRAPTY")
    ev = _only(fr("La police a perquisitionné dans les locaux de la mairie."), "COERCE")
    assert _codes(ev) == ("FRACOP", "FRAGOV")


def test_a_victim_noun_set_off_by_a_comma_is_said_of_the_noun_before_it(fr) -> None:  # type: ignore[no-untyped-def]
    # "N, cibles de / victimes de <act>": the comma-set noun is an apposition, whatever the parser's label.
    text = "Le plan vise à réduire l'exposition des soldats, cibles d'attaques fréquentes depuis un an."
    ev = _only(fr(text), "ASSAULT")
    assert ev["target"]["code"] == "FRAMIL"
    doc = fr("La ministre a rencontré les infirmières, victimes d'agressions à l'hôpital.")
    assert [e["target"]["code"] for e in doc._.events if e["type"] == "ASSAULT"] == ["FRAMED"]


def test_relative_clause_on_a_de_complement_naming_no_actor_is_said_of_its_noun(fr) -> None:  # type: ignore[no-untyped-def]
    # "les N1 du N2 qui ...": when N2 names no actor, the relative clause's subject is N1.
    ev = _only(fr("Ce propos a fait réagir les téléspectateurs de la soirée qui ont critiqué le ministre."), "ACCUSE")
    assert _codes(ev) == ("FRACVL", "FRAGOV")


def test_countries_named_once_each_are_no_evidence_of_the_articles_country(fr) -> None:  # type: ignore[no-untyped-def]
    # A tie in the country vote says nothing of where the story is: French news is then French, as when
    # no country is named; a country named more than the others still wins.
    text = "Le jeu a été tourné en Espagne puis au Portugal. La police a interpellé un homme."
    assert _codes(_only(fr(text), "COERCE")) == ("FRACOP", "FRACRM")
    text = "Le jeu a été tourné en Espagne puis au Portugal, et encore en Espagne. La police a interpellé un homme."
    assert _codes(_only(fr(text), "COERCE")) == ("ESPCOP", "ESPCRM")


def test_protest_implies_protesters_only_when_kept_anyway(fr) -> None:  # type: ignore[no-untyped-def]
    # A demonstration against a named actor is the protesters' (CVL, unnamed) ...
    ev = _only(fr("Une manifestation contre le maire a eu lieu samedi."), "PROTEST")
    assert _codes(ev) == ("FRACVL", "FRAGOV") and ev["source"]["entity"] is None
    # ... but an implied party is no evidence that a protest took place: a wedding procession is none.
    assert not [e for e in fr("Le cortège a traversé la ville.")._.events if e["type"] == "PROTEST"]


# -- role nouns: categories of people and multi-word heads -------------------------------------------
def test_people_named_by_a_social_category_are_actors(fr) -> None:  # type: ignore[no-untyped-def]
    # "les chômeurs", "les élites": groups of people a speech act can be aimed at (CVL, ELI).
    assert _codes(_only(fr("Le candidat du parti a fustigé les chômeurs."), "ACCUSE"))[1] == "FRACVL"
    assert _codes(_only(fr("Le député a critiqué les élites."), "ACCUSE"))[1] == "FRAELI"
    # A driver arrested is identified as a driver, not only as a suspect: CVL, not CRM.
    assert _codes(_only(fr("La police a arrêté le conducteur."), "COERCE")) == ("FRACOP", "FRACVL")


def test_a_head_noun_with_its_complement_can_name_another_sector(fr) -> None:  # type: ignore[no-untyped-def]
    # "les forces de l'ordre" are the police; "les forces armées" stay the army.
    assert _codes(_only(fr("Les forces de l'ordre ont arrêté un homme."), "COERCE"))[0] == "FRACOP"
    assert _codes(_only(fr("Les forces armées ont attaqué le village."), "ASSAULT"))[0] == "FRAMIL"


def test_the_head_of_a_body_speaks_for_it(fr) -> None:  # type: ignore[no-untyped-def]
    # "le chef du syndicat", "le porte-parole de l'armée": the body's sector; a body the coder does not
    # know leaves the title's own ("le président de la République": GOV).
    assert _codes(_only(fr("Le chef du syndicat a rencontré le ministre."), "CONSULT"))[0] == "FRALAB"
    assert _codes(_only(fr("Le porte-parole de l'armée a dénoncé les rebelles."), "ACCUSE"))[0] == "FRAMIL"
    assert _codes(_only(fr("Le président de la République a rencontré le maire."), "CONSULT"))[0] == "FRAGOV"


def test_relative_clause_of_an_act_noun_names_its_patient(fr) -> None:  # type: ignore[no-untyped-def]
    ev = _only(fr("L'attentat qui a tué dix personnes a choqué le pays."), "ASSAULT")
    assert _codes(ev)[1] == "FRACVL"
    # A relative clause telling something else of the act names no patient of it.
    ev = _only(fr("La manifestation qui a réuni des milliers de personnes a été calme."), "PROTEST")
    assert ev["target"] is None
