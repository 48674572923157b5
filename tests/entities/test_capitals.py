"""When a capital stands for its state's government and when it is the city (hand-parsed sentences).

The sentences are written for these tests; each token is (word, lemma, POS, head index, dependency),
so no model is needed and the rule is tested on the parse it reads.
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from dateline.entities.component import EntityGrouper, _acts_as_state
from dateline.extensions import register_extensions

Tok = tuple[str, str, str, int, str]


def _doc(toks: list[Tok], ents: list[tuple[int, int, str]]) -> Doc:
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


def _state(doc: Doc, i: int) -> bool:
    tok = doc[i]
    return _acts_as_state(doc, tok.idx, tok.idx + len(tok.text), "fr")


def test_subject_of_an_act_of_government_is_the_state() -> None:
    # "Moscou a rejeté ces accusations ."
    doc = _doc(
        [
            ("Moscou", "Moscou", "PROPN", 2, "nsubj"),
            ("a", "avoir", "AUX", 2, "aux:tense"),
            ("rejeté", "rejeter", "VERB", 2, "ROOT"),
            ("ces", "ce", "DET", 4, "det"),
            ("accusations", "accusation", "NOUN", 2, "obj"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        [(0, 1, "LOC")],
    )
    assert _state(doc, 0)


def test_subject_of_what_a_city_does_is_the_city() -> None:
    # "Paris a sorti le grand jeu ." — a city can put on a show; only a government rejects, sanctions.
    doc = _doc(
        [
            ("Paris", "Paris", "PROPN", 2, "nsubj"),
            ("a", "avoir", "AUX", 2, "aux:tense"),
            ("sorti", "sortir", "VERB", 2, "ROOT"),
            ("le", "le", "DET", 5, "det"),
            ("grand", "grand", "ADJ", 5, "amod"),
            ("jeu", "jeu", "NOUN", 2, "obj"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        [(0, 1, "LOC")],
    )
    assert not _state(doc, 0)
    # "Berlin a dit adieu à l' hiver ." — a formula said by a city celebrating, not a statement.
    doc = _doc(
        [
            ("Berlin", "Berlin", "PROPN", 2, "nsubj"),
            ("a", "avoir", "AUX", 2, "aux:tense"),
            ("dit", "dire", "VERB", 2, "ROOT"),
            ("adieu", "adieu", "NOUN", 2, "obj"),
            ("à", "à", "ADP", 6, "case"),
            ("l'", "le", "DET", 6, "det"),
            ("hiver", "hiver", "NOUN", 2, "obl:arg"),
            (".", ".", "PUNCT", 2, "punct"),
        ],
        [(0, 1, "LOC")],
    )
    assert not _state(doc, 0)


def test_a_modal_leaves_the_choice_to_its_infinitive() -> None:
    def sentence(verb: str, lemma: str, obj: str) -> Doc:
        # "Madrid devrait <verb> le <obj> ."
        return _doc(
            [
                ("Madrid", "Madrid", "PROPN", 1, "nsubj"),
                ("devrait", "devoir", "VERB", 1, "ROOT"),
                (verb, lemma, "VERB", 1, "xcomp"),
                ("le", "le", "DET", 4, "det"),
                (obj, obj, "NOUN", 2, "obj"),
                (".", ".", "PUNCT", 1, "punct"),
            ],
            [(0, 1, "LOC")],
        )

    assert _state(sentence("reprendre", "reprendre", "contrôle"), 0)  # a light verb and its object
    assert not _state(sentence("accueillir", "accueillir", "festival"), 0)
    assert _state(sentence("sanctionner", "sanctionner", "régime"), 0)


def test_a_route_between_cities_is_not_a_relation_between_states() -> None:
    # "Un train relie désormais Paris , Nantes et Brest ." — listed with cities that are no capitals.
    toks: list[Tok] = [
        ("Un", "un", "DET", 1, "det"),
        ("train", "train", "NOUN", 2, "nsubj"),
        ("relie", "relier", "VERB", 2, "ROOT"),
        ("désormais", "désormais", "ADV", 2, "advmod"),
        ("Paris", "Paris", "PROPN", 2, "obj"),
        (",", ",", "PUNCT", 6, "punct"),
        ("Nantes", "Nantes", "PROPN", 2, "obj"),  # the parser makes list members siblings
        ("et", "et", "CCONJ", 8, "cc"),
        ("Brest", "Brest", "PROPN", 6, "conj"),
        (".", ".", "PUNCT", 2, "punct"),
    ]
    assert not _state(_doc(toks, [(4, 5, "LOC"), (6, 7, "LOC"), (8, 9, "LOC")]), 4)
    # "Les tensions entre Paris et Rome durent ." — two capitals: two governments.
    doc = _doc(
        [
            ("Les", "le", "DET", 1, "det"),
            ("tensions", "tension", "NOUN", 6, "nsubj"),
            ("entre", "entre", "ADP", 3, "case"),
            ("Paris", "Paris", "PROPN", 1, "nmod"),
            ("et", "et", "CCONJ", 5, "cc"),
            ("Rome", "Rome", "PROPN", 3, "conj"),
            ("durent", "durer", "VERB", 6, "ROOT"),
            (".", ".", "PUNCT", 6, "punct"),
        ],
        [(3, 4, "LOC"), (5, 6, "LOC")],
    )
    assert _state(doc, 3) and _state(doc, 5)
    # "La crise entre Madrid et la Catalogne dure ." — a relation noun names parties, even a region.
    doc = _doc(
        [
            ("La", "le", "DET", 1, "det"),
            ("crise", "crise", "NOUN", 7, "nsubj"),
            ("entre", "entre", "ADP", 3, "case"),
            ("Madrid", "Madrid", "PROPN", 1, "nmod"),
            ("et", "et", "CCONJ", 6, "cc"),
            ("la", "le", "DET", 6, "det"),
            ("Catalogne", "Catalogne", "PROPN", 3, "conj"),
            ("dure", "durer", "VERB", 7, "ROOT"),
            (".", ".", "PUNCT", 7, "punct"),
        ],
        [(3, 4, "LOC"), (6, 7, "LOC")],
    )
    assert _state(doc, 3)


def test_relative_clause_and_relation_partner() -> None:
    # "Un répit pour Paris , qui redoute une escalade ." — the antecedent is the subject of "redoute".
    doc = _doc(
        [
            ("Un", "un", "DET", 1, "det"),
            ("répit", "répit", "NOUN", 1, "ROOT"),
            ("pour", "pour", "ADP", 3, "case"),
            ("Paris", "Paris", "PROPN", 1, "nmod"),
            (",", ",", "PUNCT", 3, "punct"),
            ("qui", "qui", "PRON", 6, "nsubj"),
            ("redoute", "redoute", "VERB", 3, "acl:relcl"),  # the lemmatiser leaves the form
            ("une", "un", "DET", 8, "det"),
            ("escalade", "escalade", "NOUN", 6, "obj"),
            (".", ".", "PUNCT", 1, "punct"),
        ],
        [(3, 4, "LOC")],
    )
    assert _state(doc, 3)
    # "Les pourparlers avec Bruxelles reprennent ." — the other party of talks.
    doc = _doc(
        [
            ("Les", "le", "DET", 1, "det"),
            ("pourparlers", "pourparlers", "NOUN", 4, "nsubj"),
            ("avec", "avec", "ADP", 3, "case"),
            ("Bruxelles", "Bruxelles", "PROPN", 1, "nmod"),
            ("reprennent", "reprendre", "VERB", 4, "ROOT"),
            (".", ".", "PUNCT", 4, "punct"),
        ],
        [(3, 4, "LOC")],
    )
    assert _state(doc, 3)


def test_a_name_the_parser_hangs_on_nothing_is_read_from_the_verb_after_it() -> None:
    # "Et puis Londres exige des garanties ." parsed with "Londres" as a conjunct of "Et".
    doc = _doc(
        [
            ("Et", "et", "CCONJ", 3, "cc"),
            ("puis", "puis", "ADV", 2, "advmod"),
            ("Londres", "Londres", "PROPN", 0, "conj"),
            ("exige", "exiger", "VERB", 3, "ROOT"),
            ("des", "un", "DET", 5, "det"),
            ("garanties", "garantie", "NOUN", 3, "obj"),
            (".", ".", "PUNCT", 3, "punct"),
        ],
        [(2, 3, "LOC")],
    )
    assert _state(doc, 2)


def test_the_seat_of_the_eu_acting_is_the_eu() -> None:
    # "Bruxelles exige des réformes de l' Union européenne , à Bruxelles ."
    toks: list[Tok] = [
        ("Bruxelles", "Bruxelles", "PROPN", 1, "nsubj"),
        ("exige", "exiger", "VERB", 1, "ROOT"),
        ("des", "un", "DET", 3, "det"),
        ("réformes", "réforme", "NOUN", 1, "obj"),
        ("de", "de", "ADP", 6, "case"),
        ("l'", "le", "DET", 6, "det"),
        ("Union", "Union", "PROPN", 3, "nmod"),
        ("européenne", "européen", "ADJ", 6, "amod"),
        (",", ",", "PUNCT", 10, "punct"),
        ("à", "à", "ADP", 10, "case"),
        ("Bruxelles", "Bruxelles", "PROPN", 1, "obl:mod"),
        (".", ".", "PUNCT", 1, "punct"),
    ]
    doc = _doc(toks, [(0, 1, "LOC"), (6, 8, "ORG"), (10, 11, "LOC")])
    EntityGrouper(spacy.blank("fr"), "dateline_entities", 2)(doc)
    by_name = {e["name"]: e for e in doc._.entities}
    eu = by_name["Union européenne"]
    assert (eu["type"], eu["country"]) == ("ORG", None)
    assert [m["text"] for m in eu["mentions"]] == ["Bruxelles", "Union européenne"]
    city = by_name["Bruxelles"]
    assert (city["type"], city["country"], len(city["mentions"])) == ("LOC", "BEL", 1)


def test_the_second_party_of_entre_read_on_the_words() -> None:
    # "Des liens entre leur équipe de campagne et Moscou ." — the parser hangs "Moscou" on "campagne".
    doc = _doc(
        [
            ("Des", "un", "DET", 1, "det"),
            ("liens", "lien", "NOUN", 1, "ROOT"),
            ("entre", "entre", "ADP", 4, "case"),
            ("leur", "leur", "DET", 4, "det"),
            ("équipe", "équipe", "NOUN", 1, "nmod"),
            ("de", "de", "ADP", 6, "case"),
            ("campagne", "campagne", "NOUN", 4, "nmod"),
            ("et", "et", "CCONJ", 8, "cc"),
            ("Moscou", "Moscou", "PROPN", 6, "conj"),
            (".", ".", "PUNCT", 1, "punct"),
        ],
        [(8, 9, "LOC")],
    )
    assert _state(doc, 8)
