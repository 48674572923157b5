"""Issue 15's entity error classes, each on sentences written for these tests.

Spans (prepositions glued in front, function words at the end, names cut after "de", a person's name
run into an organisation's), role phrases (resolved to the office holder or dropped), words that name
nothing (demonyms, "l'État", pronouns, boilerplate), seats of government and capitals as data, the
names of one organisation or of one state as one entity, names the model missed, and English typing.
The model's mentions are given by hand (no model is loaded) unless a test is marked ``model``.
"""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.tokens import Doc, Span

from dateline.entities import resources
from dateline.entities.component import EntityGrouper, _acts_as_state
from dateline.entities.gazetteer import gazetteer
from dateline.extensions import register_extensions

Ent = tuple[int, int, str]


def _run(words: list[str], ents: list[Ent], lang: str = "fr") -> list[dict[str, Any]]:
    register_extensions()
    nlp = spacy.blank(lang)
    # Written text: no space before a comma or a full stop, none after an elided article.
    spaces = [i + 1 < len(words) and words[i + 1] not in (",", ".") and w[-1] != "'" for i, w in enumerate(words)]
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in ents]
    EntityGrouper(nlp, "dateline_entities", 2, lang)(doc)
    return list(doc._.entities)


def _by_name(words: list[str], ents: list[Ent], lang: str = "fr") -> dict[str, dict[str, Any]]:
    return {e["name"]: e for e in _run(words, ents, lang)}


def _texts(entity: dict[str, Any]) -> list[str]:
    return [m["text"] for m in entity["mentions"]]


# -- spans ------------------------------------------------------------------------------------------


def test_a_contracted_preposition_before_a_name_is_cut() -> None:
    # "Le pays livre des blindés aux Forces armées tchadiennes et au Caire."
    words = ["Le", "pays", "livre", "des", "blindés", "aux", "Forces", "armées", "tchadiennes", "et", "au", "Caire"]
    by_name = _by_name(words, [(5, 9, "ORG"), (10, 12, "LOC")])
    assert set(by_name) == {"Forces armées tchadiennes", "Caire"}
    assert _texts(by_name["Forces armées tchadiennes"]) == ["Forces armées tchadiennes"]


def test_a_lower_case_phrase_is_no_name() -> None:
    # "Le soleil brille ." with the model's tag on "soleil": no capital, no proper noun.
    assert _run(["Le", "soleil", "brille", "."], [(1, 2, "LOC")]) == []


def test_de_la_and_en_before_a_place_are_cut() -> None:
    # "Il vient de la Sarthe et vit en Bavière."
    words = ["Il", "vient", "de", "la", "Sarthe", "et", "vit", "en", "Bavière", "."]
    by_name = _by_name(words, [(2, 5, "LOC"), (7, 9, "LOC")])
    assert set(by_name) == {"Sarthe", "Bavière"}


def test_a_capitalised_preposition_goes_only_before_a_known_place() -> None:
    # "Au Danemark, le vote a eu lieu." / "Au Bon Accueil est fermé." (a shop's name)
    assert set(_by_name(["Au", "Danemark", ",", "le", "vote"], [(0, 2, "LOC")])) == {"Danemark"}
    assert set(_by_name(["Au", "Bon", "Accueil", "est", "fermé"], [(0, 3, "ORG")])) == {"Au Bon Accueil"}


def test_function_words_at_the_end_of_a_mention_are_cut() -> None:
    # "Le Parlement européen contre la réforme ." — the model ran the name over "contre la".
    words = ["Le", "Parlement", "européen", "contre", "la", "réforme", "."]
    assert set(_by_name(words, [(1, 5, "MISC")])) == {"Parlement européen"}


def test_a_mention_cut_after_de_takes_the_name_that_follows() -> None:
    # "Les navires croisent autour de la presqu'île de Crozon ." — the model tagged "presqu'île de".
    words = ["Les", "navires", "croisent", "autour", "de", "la", "presqu'île", "de", "Crozon", "."]
    by_name = _by_name(words, [(6, 8, "LOC")])
    assert set(by_name) == {"presqu'île de Crozon"}


def test_a_geographic_head_before_de_is_part_of_the_place() -> None:
    # "Les bateaux entrent dans le golfe du Morbihan ." — the model tagged "Morbihan" alone.
    words = ["Les", "bateaux", "entrent", "dans", "le", "golfe", "du", "Morbihan", "."]
    assert set(_by_name(words, [(7, 8, "LOC")])) == {"golfe du Morbihan"}


def test_a_classifier_before_de_is_not_part_of_the_name() -> None:
    # "La ville de Vannes se souvient ." — the model tagged "ville de Vannes".
    words = ["La", "ville", "de", "Vannes", "se", "souvient", "."]
    by_name = _by_name(words, [(1, 4, "LOC")])
    assert set(by_name) == {"Vannes"}
    assert by_name["Vannes"]["type"] == "LOC"


def test_a_surname_cut_on_its_particle_is_completed() -> None:
    # "Paul Le Goff a gagné la course ." — the model tagged "Paul Le".
    words = ["Paul", "Le", "Goff", "a", "gagné", "la", "course", "."]
    assert set(_by_name(words, [(0, 2, "PER")])) == {"Paul Le Goff"}


def test_a_person_named_after_an_organisation_is_a_mention_of_its_own() -> None:
    # "Le Comité olympique Hans Berger a parlé ." — one mention from the model for both.
    words = ["Le", "Comité", "olympique", "Hans", "Berger", "a", "parlé", "."]
    by_name = _by_name(words, [(1, 5, "ORG")])
    assert (by_name["Comité olympique"]["type"], by_name["Hans Berger"]["type"]) == ("ORG", "PER")


def test_a_quotation_mark_ends_a_name() -> None:
    # A heading glued to the text: 'Le pari Dupuis "Deuxième étape' — the name is "Dupuis".
    words = ["Le", "pari", "Dupuis", '"', "Deuxième", "étape", ":", "le", "vote"]
    assert set(_by_name(words, [(2, 6, "PER")])) == {"Dupuis"}


# -- role phrases -------------------------------------------------------------------------------------


def test_a_role_phrase_goes_to_the_holder_named_next_to_it() -> None:
    # "Le Premier ministre Paul Durand arrive . Le Premier ministre parle ."
    words = ["Le", "Premier", "ministre", "Paul", "Durand", "arrive", ".", "Le", "Premier", "ministre", "parle", "."]
    ents = _run(words, [(1, 3, "MISC"), (3, 5, "PER"), (8, 10, "MISC")])
    assert [e["name"] for e in ents] == ["Paul Durand"]
    assert _texts(ents[0]) == ["Premier ministre", "Paul Durand", "Premier ministre"]
    assert ents[0]["type"] == "PER"


def test_a_role_phrase_with_the_holder_named_in_another_sentence() -> None:
    # "Jeanne Roux , la présidente de la région , arrive . Puis la présidente de la région parle ."
    words = ["Jeanne", "Roux", ",", "la", "présidente", "de", "la", "région", ",", "arrive", "."]
    words += ["Puis", "la", "présidente", "de", "la", "région", "parle", "."]
    ents = _run(words, [(0, 2, "PER"), (13, 17, "PER")])
    assert [e["name"] for e in ents] == ["Jeanne Roux"]
    assert _texts(ents[0]) == ["Jeanne Roux", "présidente de la région"]


def test_a_role_phrase_without_a_holder_is_no_entity() -> None:
    # "Le président de la République parle ." — no name in the article.
    words = ["Le", "président", "de", "la", "République", "parle", "."]
    assert _run(words, [(1, 5, "PER")]) == []


def test_a_former_office_holder_is_someone_else() -> None:
    # "Le Premier ministre Paul Durand et l' ancien Premier ministre parlent ."
    words = ["Le", "Premier", "ministre", "Paul", "Durand", "et", "l'", "ancien", "Premier", "ministre", "parlent"]
    ents = _run(words, [(1, 3, "MISC"), (3, 5, "PER"), (7, 10, "MISC")])
    assert [e["name"] for e in ents] == ["Paul Durand"]
    assert "ancien Premier ministre" not in _texts(ents[0])


def test_a_title_in_the_models_mention_leaves_the_name() -> None:
    # "Le Premier ministre Jean Dupré parle . Le Premier ministre ajoute ."
    words = ["Le", "Premier", "ministre", "Jean", "Dupré", "parle", ".", "Le", "Premier", "ministre", "ajoute", "."]
    ents = _run(words, [(1, 5, "PER"), (8, 10, "PER")])
    assert [e["name"] for e in ents] == ["Jean Dupré"]
    assert _texts(ents[0]) == ["Jean Dupré", "Premier ministre"]


def test_a_complement_of_a_title_that_is_a_name_stays() -> None:
    # "Le président du Sénat parle ." — the Senate is named; its president is not.
    words = ["Le", "président", "du", "Sénat", "parle", "."]
    assert set(_by_name(words, [(1, 4, "PER")])) == {"Sénat"}


def test_a_capitalised_title_without_article_may_be_a_first_name() -> None:
    # "Pape Diallo a marqué ." — a person whose first name is "Pape".
    assert set(_by_name(["Pape", "Diallo", "a", "marqué", "."], [(0, 2, "PER")])) == {"Pape Diallo"}


# -- words that name nothing ------------------------------------------------------------------------------


def test_demonyms_the_state_as_a_common_noun_and_pronouns_are_no_entities() -> None:
    # "Les Français aiment l' État . Ça se voit ." with the model's tags on each.
    words = ["Les", "Français", "aiment", "l'", "État", ".", "Ça", "se", "voit", "."]
    assert _run(words, [(1, 2, "LOC"), (4, 5, "LOC"), (6, 7, "MISC")]) == []


def test_the_state_with_an_adjective_is_no_name_but_an_armed_group_is() -> None:
    # "L' État fédéral combat l' État islamique ."
    words = ["L'", "État", "fédéral", "combat", "l'", "État", "islamique", "."]
    by_name = _by_name(words, [(1, 3, "LOC"), (5, 6, "LOC")])
    assert set(by_name) == {"État islamique"}


def test_broadcast_headings_are_no_entities() -> None:
    words = ["Reportage", ":", "le", "JT", "20H", "montre", "Lyon", "."]
    by_name = _by_name(words, [(0, 1, "MISC"), (3, 5, "ORG"), (6, 7, "LOC")])
    assert set(by_name) == {"Lyon"}


def test_english_nationalities_are_no_entities_but_abbreviations_stay() -> None:
    # "Japanese officials met U.S. envoys ."
    words = ["Japanese", "officials", "met", "U.S.", "envoys", "."]
    by_name = _by_name(words, [(0, 1, "NORP"), (3, 4, "GPE")], lang="en")
    assert set(by_name) == {"United States"}
    assert _texts(by_name["United States"]) == ["U.S."]
    assert by_name["United States"]["country"] == "USA"


# -- seats, capitals, countries, organisations ----------------------------------------------------------


def test_seats_of_government_come_from_the_resource_files() -> None:
    for lang in ("fr", "en"):
        seats = resources.seats(lang)
        assert seats and all(len(s.iso3) == 3 and s.role for s in seats)
    elysee = gazetteer().lookup("Élysée", "fr")
    assert elysee is not None and (elysee.kind, elysee.code) == ("metonym", "FRAGOV")
    by_name = _by_name(["L'", "Élysée", "a", "démenti", "."], [(1, 2, "LOC")])
    assert (by_name["Élysée"]["type"], by_name["Élysée"]["country"]) == ("ORG", "FRA")


def _parsed(toks: list[tuple[str, str, str, int, str]], ents: list[Ent]) -> Doc:
    register_extensions()
    nlp = spacy.blank("fr")
    doc = Doc(
        nlp.vocab,
        words=[t[0] for t in toks],
        lemmas=[t[1] for t in toks],
        pos=[t[2] for t in toks],
        heads=[t[3] for t in toks],
        deps=[t[4] for t in toks],
    )
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in ents]
    return doc


def test_a_seat_that_is_also_a_district_is_the_ministry_only_when_it_acts() -> None:
    # "Selon Bercy , la taxe baisse ." / "Ils courent sur les quais de Bercy ."
    acting = _parsed(
        [
            ("Selon", "selon", "ADP", 1, "case"),
            ("Bercy", "Bercy", "PROPN", 5, "obl:mod"),
            (",", ",", "PUNCT", 1, "punct"),
            ("la", "le", "DET", 4, "det"),
            ("taxe", "taxe", "NOUN", 5, "nsubj"),
            ("baisse", "baisser", "VERB", 5, "ROOT"),
            (".", ".", "PUNCT", 5, "punct"),
        ],
        [(1, 2, "LOC")],
    )
    place = _parsed(
        [
            ("Ils", "il", "PRON", 1, "nsubj"),
            ("courent", "courir", "VERB", 1, "ROOT"),
            ("sur", "sur", "ADP", 4, "case"),
            ("les", "le", "DET", 4, "det"),
            ("quais", "quai", "NOUN", 1, "obl:mod"),
            ("de", "de", "ADP", 6, "case"),
            ("Bercy", "Bercy", "PROPN", 4, "nmod"),
            (".", ".", "PUNCT", 1, "punct"),
        ],
        [(6, 7, "LOC")],
    )
    for doc, expected in ((acting, ("ORG", "FRA")), (place, ("LOC", None))):
        EntityGrouper(spacy.blank("fr"), "dateline_entities", 2, "fr")(doc)
        (ent,) = doc._.entities
        assert (ent["type"], ent["country"]) == expected


def test_a_capital_acting_is_one_entity_with_its_country() -> None:
    # "Moscou et la Russie …" with no parse to tell: a capital named as an actor is the state, and one
    # entity with the country named in the same article.
    ents = _run(["Moscou", "et", "la", "Russie", "répondent", "."], [(0, 1, "LOC"), (3, 4, "LOC")])
    assert [(e["name"], e["type"], e["country"], _texts(e)) for e in ents] == [
        ("Russie", "GPE", "RUS", ["Moscou", "Russie"])
    ]


def test_bruxelles_acting_is_the_organisation_of_the_resource_file() -> None:
    assert resources.organisation_seats("fr")["bruxelles"] == "Union européenne"
    by_name = _by_name(["Bruxelles", "exige", "des", "garanties", "."], [(0, 1, "LOC")])
    assert (by_name["Union européenne"]["type"], by_name["Union européenne"]["country"]) == ("ORG", None)


def test_the_addressee_of_a_demand_is_the_state() -> None:
    # "Londres attend de Pékin qu' il respecte l' accord ."
    doc = _parsed(
        [
            ("Londres", "Londres", "PROPN", 1, "nsubj"),
            ("attend", "attendre", "VERB", 1, "ROOT"),
            ("de", "de", "ADP", 3, "case"),
            ("Pékin", "Pékin", "PROPN", 1, "obl:arg"),
            ("qu'", "que", "SCONJ", 6, "mark"),
            ("il", "il", "PRON", 6, "nsubj"),
            ("respecte", "respecter", "VERB", 1, "ccomp"),
            ("l'", "le", "DET", 8, "det"),
            ("accord", "accord", "NOUN", 6, "obj"),
            (".", ".", "PUNCT", 1, "punct"),
        ],
        [(0, 1, "LOC"), (3, 4, "LOC")],
    )
    for i in (0, 3):
        tok = doc[i]
        assert _acts_as_state(doc, tok.idx, tok.idx + len(tok.text), "fr")


def test_names_of_one_organisation_are_one_entity() -> None:
    # "Le MoDem et le Mouvement démocrate …" / "LREM , ex- En marche …"
    ents = _run(["Le", "MoDem", "et", "le", "Mouvement", "démocrate", "votent"], [(1, 2, "ORG"), (4, 6, "ORG")])
    assert [(e["name"], len(e["mentions"])) for e in ents] == [("Mouvement démocrate", 2)]
    ents = _run(["LREM", ",", "ex-", "En", "marche", ",", "gagne"], [(0, 1, "ORG"), (3, 5, "MISC")])
    assert [(e["name"], e["type"], len(e["mentions"])) for e in ents] == [("La République en marche", "ORG", 2)]


def test_a_surname_country_needs_an_article_to_be_the_country() -> None:
    assert resources.surname_countries("fr")["hollande"] == "NLD"
    ents = _run(["Il", "vit", "en", "Hollande", "."], [(3, 4, "LOC")])
    assert [(e["name"], e["country"]) for e in ents] == [("Pays-Bas", "NLD")]


# -- names the model missed -------------------------------------------------------------------------------


def test_a_name_found_once_is_found_everywhere_in_the_article() -> None:
    # "Marion Dupuis parle . Puis Marion Dupuis répond ." — the model tagged the first one only.
    words = ["Marion", "Dupuis", "parle", ".", "Puis", "Marion", "Dupuis", "répond", "."]
    (ent,) = _run(words, [(0, 2, "PER")])
    assert _texts(ent) == ["Marion Dupuis", "Marion Dupuis"]


def test_a_country_the_model_missed_is_found_but_not_inside_a_longer_name() -> None:
    # "Au Danemark , la campagne bat son plein . France Télévisions en parle ."
    words = ["Au", "Danemark", ",", "la", "campagne", "bat", "son", "plein", ".", "France", "Télévisions", "en"]
    ents = _run(words, [])
    assert [(e["name"], e["country"]) for e in ents] == [("Danemark", "DNK")]


# -- English typing -----------------------------------------------------------------------------------------


def test_english_person_typed_a_place_and_surname_typed_an_organisation() -> None:
    # "Walter Brennan said . Brennan added ." — the small English model calls them GPE and ORG.
    words = ["Walter", "Brennan", "said", ".", "Brennan", "added", "."]
    ents = _run(words, [(0, 2, "GPE"), (4, 5, "ORG")], lang="en")
    assert [(e["name"], e["type"], len(e["mentions"])) for e in ents] == [("Walter Brennan", "PER", 2)]


def test_english_companies_named_after_a_person_stay_organisations() -> None:
    words = ["Walter", "Citrus", "Products", "Co", "said", "."]
    ents = _run(words, [(0, 4, "ORG")], lang="en")
    assert [e["type"] for e in ents] == ["ORG"]


# -- resources ------------------------------------------------------------------------------------------------


def test_every_resource_file_has_a_header_and_known_sections() -> None:
    from importlib import resources as ir

    root = ir.files("dateline") / "data" / "entities"
    for lang in ("fr", "en"):
        for f in (root / lang).iterdir():
            text = f.read_text(encoding="utf-8")
            assert text.startswith("#") and ("Origin" in text or "origin" in text.lower()), f.name
        assert resources.words(lang)["office_titles"]
    with pytest.raises(ValueError, match="unknown section"):
        resources.parse_words("[nope]\nx\n")


@pytest.mark.model
def test_sample_like_sentences_end_to_end(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    doc = nlp_fr(
        "Moscou voit des possibilités de coopération avec Washington, a déclaré le ministre. "
        "La situation autour de la péninsule de Corée inquiète les Français."
    )
    by_text = {m["text"]: e for e in doc._.entities for m in e["mentions"]}
    assert (by_text["Moscou"]["type"], by_text["Moscou"]["country"]) == ("GPE", "RUS")
    assert "péninsule de Corée" in by_text
    assert "Français" not in by_text


def test_a_country_name_after_a_given_name_or_a_title_is_a_surname() -> None:
    # "Pierre France écrit . La France vote ." — the model tagged the places alone.
    words = ["Pierre", "France", "écrit", ".", "La", "France", "vote", "."]
    by_name = _by_name(words, [(1, 2, "LOC"), (5, 6, "LOC")])
    assert (by_name["Pierre France"]["type"], by_name["France"]["type"]) == ("PER", "GPE")
    assert _texts(by_name["Pierre France"]) == ["Pierre France"]


def test_a_capital_whose_verb_takes_a_political_act_as_object_is_the_state() -> None:
    # "Lisbonne entend renforcer son soutien ." — an intention (modal) and a political act (its object).
    doc = _parsed(
        [
            ("Lisbonne", "Lisbonne", "PROPN", 1, "nsubj"),
            ("entend", "entendre", "VERB", 1, "ROOT"),
            ("renforcer", "renforcer", "VERB", 1, "xcomp"),
            ("son", "son", "DET", 4, "det"),
            ("soutien", "soutien", "NOUN", 2, "obj"),
            (".", ".", "PUNCT", 1, "punct"),
        ],
        [(0, 1, "LOC")],
    )
    assert _acts_as_state(doc, 0, len("Lisbonne"), "fr")
