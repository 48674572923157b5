"""Mention boundaries the grouper corrects: a country's name inside a longer name is not the country."""

from __future__ import annotations

from typing import Any

import spacy
from spacy.tokens import Doc, Span

from dateline.entities.component import EntityGrouper
from dateline.extensions import register_extensions


def _entities(words: list[str], spaces: list[bool], ents: list[tuple[int, int, str]]) -> dict[str, dict[str, Any]]:
    register_extensions()
    nlp = spacy.blank("fr")
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in ents]
    EntityGrouper(nlp, "dateline_entities", 2)(doc)
    return {e["name"]: e for e in doc._.entities}


def test_channel_number_after_a_lost_space() -> None:
    # "Il parlait sur le plateau de France 3.Les chiffres montent." — title and lead glued together:
    # one token "3.Les"; the model tagged "de France".
    words = ["Il", "parlait", "sur", "le", "plateau", "de", "France", "3.Les", "chiffres", "montent", "."]
    spaces = [True] * 9 + [False, False]
    by_name = _entities(words, spaces, [(5, 7, "LOC")])
    assert set(by_name) == {"France 3"}
    # A channel is an organisation (media), whatever the model's label (issue 15; it was kept LOC).
    assert by_name["France 3"]["country"] is None and by_name["France 3"]["type"] == "ORG"


def test_a_number_that_is_a_quantity_is_not_part_of_the_name() -> None:
    # "En France 30 à 40 % des foyers …" and "Léa Dupont 25 ans …": the country, the person.
    words = ["En", "France", "30", "à", "40", "%", "des", "foyers", ",", "dont", "Léa", "Dupont", "25", "ans", "."]
    spaces = [True] * 4 + [False] + [True] * 3 + [True] * 5 + [False, False]
    spaces[7] = False
    by_name = _entities(words, spaces, [(1, 2, "LOC"), (10, 12, "PER")])
    assert set(by_name) == {"France", "Léa Dupont"}
    assert by_name["France"]["country"] == "FRA"


def test_a_party_named_after_the_country() -> None:
    # "Pour la France insoumise, la réforme doit partir." — the model tags "la France" only.
    words = ["Pour", "la", "France", "insoumise", ",", "la", "réforme", "doit", "partir", "."]
    spaces = [True, True, True, False, True, True, True, True, False, False]
    by_name = _entities(words, spaces, [(1, 3, "LOC")])
    # Named by its canonical name (organisations.tsv, issue 15); the mention is the text's.
    assert set(by_name) == {"La France insoumise"}
    assert (by_name["La France insoumise"]["type"], by_name["La France insoumise"]["country"]) == ("ORG", None)
    assert [m["text"] for m in by_name["La France insoumise"]["mentions"]] == ["France insoumise"]


def test_hollande_the_country_takes_an_article_the_person_does_not() -> None:
    # "François Hollande a roulé de la Hollande aux Alpes ; Hollande était ravi ." — the model calls both
    # bare "Hollande" places.
    words = ["François", "Hollande", "a", "roulé", "de", "la", "Hollande", "aux", "Alpes", ";"]
    words += ["Hollande", "était", "ravi", "."]
    spaces = [True] * 12 + [False, False]
    by_name = _entities(words, spaces, [(0, 2, "PER"), (6, 7, "LOC"), (8, 9, "LOC"), (10, 11, "LOC")])
    # The country is named as the gazetteer names it (issue 15: one entity per state in an article).
    assert (by_name["Pays-Bas"]["type"], by_name["Pays-Bas"]["country"]) == ("GPE", "NLD")
    assert [m["text"] for m in by_name["Pays-Bas"]["mentions"]] == ["Hollande"]
    person = by_name["François Hollande"]
    assert person["type"] == "PER" and [m["text"] for m in person["mentions"]] == ["François Hollande", "Hollande"]


def test_titled_surnames_attach_to_the_first_name_of_their_sex() -> None:
    # "Marine Le Pen répond à Jean-Marie Le Pen . Monsieur Le Pen , dit madame Le Pen , Le Pen part ."
    words = ["Marine", "Le", "Pen", "répond", "à", "Jean-Marie", "Le", "Pen", ".", "Monsieur", "Le", "Pen", ","]
    words += ["dit", "madame", "Le", "Pen", ",", "Le", "Pen", "part", "."]
    spaces = [True] * len(words)
    ents = [(0, 3, "PER"), (5, 8, "PER"), (9, 12, "PER"), (14, 17, "PER"), (18, 20, "PER")]
    by_name = _entities(words, spaces, ents)
    assert set(by_name) == {"Marine Le Pen", "Jean-Marie Le Pen", "Le Pen"}
    assert [m["text"] for m in by_name["Marine Le Pen"]["mentions"]] == ["Marine Le Pen", "madame Le Pen"]
    assert [m["text"] for m in by_name["Jean-Marie Le Pen"]["mentions"]] == ["Jean-Marie Le Pen", "Monsieur Le Pen"]


def test_broadcast_boilerplate_is_not_an_entity() -> None:
    # "Le JT montre la ville, dit Paul Martin." with the model's tags on each name.
    words = ["Le", "JT", "montre", "la", "ville", ",", "dit", "Paul", "Martin", "."]
    spaces = [True] * 4 + [False, True, True, True, False, False]
    by_name = _entities(words, spaces, [(1, 2, "ORG"), (7, 9, "PER")])
    assert set(by_name) == {"Paul Martin"}


def test_english_possessive_is_not_part_of_the_name() -> None:
    words = ["Ian", "Paisley", "'s", "party", "won", "."]
    spaces = [True, False, True, True, False, False]
    by_name = _entities(words, spaces, [(0, 3, "PERSON")])
    assert set(by_name) == {"Ian Paisley"}
