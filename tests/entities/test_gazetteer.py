"""The country gazetteer (FR/EN lookups) and its use by the entity component."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from dateline.entities.component import EntityGrouper
from dateline.entities.gazetteer import gazetteer
from dateline.extensions import register_extensions


@pytest.mark.parametrize(
    ("text", "lang", "iso3", "kind"),
    [
        ("Moscou", "fr", "RUS", "capital"),
        ("Washington", None, "USA", "capital"),
        ("Russie", "fr", "RUS", "country"),
        ("russe", "fr", "RUS", "demonym"),
        ("russes", "fr", "RUS", "demonym"),
        ("américain", "fr", "USA", "demonym"),
        ("Américaines", "fr", "USA", "demonym"),
        ("les États-Unis", "fr", "USA", "country"),
        ("Etats-Unis", "fr", "USA", "country"),
        ("the United States", "en", "USA", "country"),
        ("American", None, "USA", "demonym"),
        ("French", "en", "FRA", "demonym"),
        ("française", "fr", "FRA", "demonym"),
        ("Pékin", "fr", "CHN", "capital"),
        ("nord-coréen", "fr", "PRK", "demonym"),
        ("Syrian", "en", "SYR", "demonym"),
    ],
)
def test_lookup(text: str, lang: str | None, iso3: str, kind: str) -> None:
    place = gazetteer().lookup(text, lang)
    assert place is not None, text
    assert (place.iso3, place.kind) == (iso3, kind)


def test_metonyms_and_groups() -> None:
    g = gazetteer()
    kremlin = g.lookup("le Kremlin")
    assert kremlin is not None and kremlin.code == "RUSGOV" and kremlin.kind == "metonym"
    elysee = g.lookup("l'Élysée")
    assert elysee is not None and elysee.code == "FRAGOV"
    for name in ("Daech", "État islamique", "EI", "ISIS"):
        hit = g.lookup(name)
        assert hit is not None and hit.code == "IMGMUSISI" and hit.iso3 is None, name


def test_short_capital_forms_are_case_sensitive() -> None:
    g = gazetteer()
    assert g.lookup("US", "en") is not None
    assert g.lookup("us", "en") is None  # the pronoun is not a country
    assert g.lookup("is", "en") is None


def test_unknown_words() -> None:
    g = gazetteer()
    assert g.lookup("ministre") is None
    assert g.demonym("Moscou") is None  # a capital is not a nationality word
    assert g.demonym("syriens") == "SYR"
    assert g.country_name("RUS", "fr") == "Russie"


def _doc(words: list[str], ents: list[tuple[int, int, str]]) -> Doc:
    register_extensions()
    nlp = spacy.blank("fr")
    doc = Doc(nlp.vocab, words=words)
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in ents]
    return doc


def test_component_promotes_capitals_and_fixes_groups() -> None:
    words = ["Moscou", "et", "Washington", "combattent", "Daech", "et", "l'", "État", "islamique", "."]
    doc = _doc(words, [(0, 1, "LOC"), (2, 3, "LOC"), (4, 5, "PER"), (7, 8, "LOC")])
    EntityGrouper(spacy.blank("fr"), "dateline_entities", 2)(doc)
    by_name = {e["name"]: e for e in doc._.entities}
    # Capitals acting (no parse here: taken as acting) are their states, named as the states (issue 15).
    assert by_name["Russie"]["type"] == "GPE" and by_name["Russie"]["country"] == "RUS"
    assert [m["text"] for m in by_name["Russie"]["mentions"]] == ["Moscou"]
    assert by_name["États-Unis"]["type"] == "GPE" and by_name["États-Unis"]["country"] == "USA"
    groups = [e for e in doc._.entities if e["type"] == "ORG"]
    # "Daech" (tagged PER) and "État islamique" (the model cut "État" out as LOC) are one ORG.
    assert len(groups) == 1
    assert {m["text"] for m in groups[0]["mentions"]} == {"Daech", "État islamique"}
    assert [e["id"] for e in doc._.entities] == [f"e{i}" for i in range(1, len(doc._.entities) + 1)]


@pytest.mark.model
def test_person_country_from_title(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    doc = nlp_fr("Le président russe Vladimir Poutine a reçu son homologue américain Donald Trump.")
    countries = {e["name"]: e["country"] for e in doc._.entities}
    assert countries.get("Vladimir Poutine") == "RUS"
    assert countries.get("Donald Trump") == "USA"
