"""Who is who (issues 14 and 15): a person's or organisation's country and sector from evidence about
them, kept in the record, and the same answer in the event coder. Sentences written for these tests.

Each kind of evidence — a title, an apposition, a nationality word, the actor dictionary on the
article's date — and its absence: an unknown name gets no country, whatever country the article is about.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from dateline.article import PubDate
from dateline.record import check_record

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[2]


def _run(nlp: Language, text: str, dct: str | None = "2017-06-15") -> Any:
    doc = nlp.make_doc(text)
    doc._.dct = PubDate.parse(dct) if dct else None
    return nlp(doc)


def _entity(doc: Any, name: str) -> dict[str, Any]:
    found = [e for e in doc._.entities if e["name"] == name]
    assert len(found) == 1, [(e["name"], e["type"]) for e in doc._.entities]
    return found[0]


def _basis(ent: dict[str, Any]) -> list[str]:
    return [e["basis"] for e in ent["affiliation"]["evidence"]]


def _evidence_is_the_text(doc: Any, ent: dict[str, Any]) -> None:
    for ev in ent["affiliation"]["evidence"]:
        assert doc.text[ev["start"] : ev["end"]] == ev["text"]


def test_title_before_the_name(nlp_fr: Language) -> None:
    doc = _run(nlp_fr, "Le ministre russe des Affaires étrangères Sergueï Lavrov a reçu une délégation hier.")
    ent = _entity(doc, "Sergueï Lavrov")
    assert ent["country"] == "RUS" and ent["affiliation"]["code"] == "RUSGOV"
    assert _basis(ent) == ["title"]
    assert ent["affiliation"]["evidence"][0]["text"] == "Le ministre russe des Affaires étrangères"
    _evidence_is_the_text(doc, ent)


def test_apposition_after_the_name(nlp_fr: Language) -> None:
    doc = _run(nlp_fr, "Moussa Keïtaba, le Premier ministre malien, a reçu mardi les représentants des syndicats.")
    ent = _entity(doc, "Moussa Keïtaba")
    assert (ent["country"], ent["affiliation"]["code"], _basis(ent)) == ("MLI", "MLIGOV", ["apposition"])
    _evidence_is_the_text(doc, ent)


def test_nationality_word_attached_to_the_person(nlp_fr: Language) -> None:
    doc = _run(nlp_fr, "Le chercheur a salué le travail du milliardaire américain Paul Hendricks.")
    ent = _entity(doc, "Paul Hendricks")
    assert (ent["country"], ent["affiliation"]["code"], _basis(ent)) == ("USA", "USA", ["demonym"])


def test_former_office_holder_and_head_of_a_body(nlp_fr: Language) -> None:
    text = "L'ancien président tchèque Pavel Novotny a critiqué la Pologne et le porte-parole de l'armée Jean Morel."
    doc = _run(nlp_fr, text)
    assert _entity(doc, "Pavel Novotny")["affiliation"]["code"] == "CZEELI"
    # A head takes the sector of the body its complement names: the army's spokesman is MIL, not GOV; of
    # which state the text does not say (it names two).
    assert _entity(doc, "Jean Morel")["affiliation"]["code"] == "MIL"


def test_a_bare_title_in_a_datelined_story_is_the_host_states(nlp_en: Language) -> None:
    # Wire style names the host country's officials by their bare title, foreign ones with a nationality.
    text = (
        "ROME, May 4 - Finance Minister Carlo Bellini said the government would cut spending, while French "
        "Finance Minister Luc Garnier called for talks with Germany."
    )
    doc = _run(nlp_en, text, "1987-05-04")
    ent = _entity(doc, "Carlo Bellini")
    assert ent["affiliation"]["code"] == "ITAGOV" and _basis(ent) == ["title", "dateline"]
    assert ent["affiliation"]["evidence"][1]["text"] == "ROME"
    assert _entity(doc, "Luc Garnier")["affiliation"]["code"] == "FRAGOV"


def test_a_bare_title_in_an_article_that_names_one_state(nlp_fr: Language) -> None:
    doc = _run(nlp_fr, "Le ministre Paul Lemaire a présenté la réforme. La Belgique doit voter en juin.")
    ent = _entity(doc, "Paul Lemaire")
    assert ent["affiliation"]["code"] == "BELGOV" and _basis(ent) == ["title", "article"]
    # Two states named: the title says nothing of which one is his.
    doc = _run(nlp_fr, "Le ministre Paul Lemaire a reçu son homologue. La Belgique et la Suisse ont voté.")
    assert _entity(doc, "Paul Lemaire")["affiliation"]["code"] == "GOV"


def test_dictionary_code_valid_on_the_articles_date(nlp_fr: Language) -> None:
    text = "Barack Obama a critiqué la décision du Congrès."
    assert _entity(_run(nlp_fr, text, "2015-03-02"), "Barack Obama")["affiliation"]["code"] == "USAGOV"
    later = _entity(_run(nlp_fr, text, "2018-03-02"), "Barack Obama")
    assert later["affiliation"]["code"] == "USAELI" and _basis(later) == ["dictionary"]
    # Transliteration: the French spelling finds the dictionary's English one.
    doc = _run(nlp_fr, "Vladimir Poutine a critiqué la décision.", "2016-05-02")
    assert _entity(doc, "Vladimir Poutine")["affiliation"]["code"] == "RUSGOV"


def test_a_title_with_only_a_sector_takes_the_dictionarys_country(nlp_fr: Language) -> None:
    doc = _run(nlp_fr, "Le président Donald Trump a signé le décret.", "2017-06-15")
    ent = _entity(doc, "Donald Trump")
    assert ent["affiliation"]["code"] == "USAGOV" and _basis(ent) == ["title", "dictionary"]


def test_no_evidence_no_country_whatever_the_article_is_about(nlp_fr: Language) -> None:
    text = (
        "La Syrie a rejeté les accusations de la Turquie. À Damas, les autorités syriennes ont démenti. "
        "Marc Duplessis a critiqué ces déclarations devant la presse."
    )
    doc = _run(nlp_fr, text)
    ent = _entity(doc, "Marc Duplessis")
    assert ent["country"] is None and "affiliation" not in ent
    for ev in doc._.events:
        if ev["source"]["entity"] == ent["id"]:
            assert ev["source"]["code"] is None  # not SYRGOV: the article's country says nothing of him


def test_words_near_a_name_that_are_not_about_it(nlp_fr: Language) -> None:
    # The end of the previous sentence and a common noun that spells a country's name are no evidence.
    doc = _run(nlp_fr, "Il a parlé de la France. Karl Rensen a quitté la réunion des ministres du G20.")
    assert _entity(doc, "Karl Rensen")["country"] is None
    assert all(e["country"] != "REU" for e in doc._.entities)


def test_unknown_name_has_no_code_and_no_crash(nlp_fr: Language) -> None:
    doc = _run(nlp_fr, "Zorglub Tartempion a attaqué Blorgville.", None)
    assert all(e.get("affiliation") is None for e in doc._.entities if e["type"] == "PER")


def test_organisation_country_and_sector_from_its_name(nlp_fr: Language) -> None:
    doc = _run(nlp_fr, "Le Parti communiste français a dénoncé la réforme.")
    ent = next(e for e in doc._.entities if e["type"] == "ORG")
    assert ent["country"] == "FRA" and ent["affiliation"]["code"] == "FRAPTY"


def test_english_titles(nlp_en: Language) -> None:
    doc = _run(
        nlp_en, "Russian Foreign Minister Sergei Lavrov met U.S. Secretary of State Rex Tillerson.", "2017-05-10"
    )
    assert _entity(doc, "Sergei Lavrov")["affiliation"]["code"] == "RUSGOV"
    assert _entity(doc, "Rex Tillerson")["affiliation"]["code"] == "USAGOV"
    doc = _run(nlp_en, "Pedro Alvarado, Mexico's foreign minister, criticized the plan.", "2017-05-10")
    assert _entity(doc, "Pedro Alvarado")["affiliation"]["code"] == "MEXGOV"


def test_event_actor_codes_are_the_entities_affiliation(nlp_fr: Language) -> None:
    doc = _run(nlp_fr, "Le ministre malien Moussa Diarra a critiqué le président américain Donald Trump.")
    ev = next(e for e in doc._.events if e["type"] == "ACCUSE")
    by_id = {e["id"]: e for e in doc._.entities}
    assert ev["source"]["code"] == by_id[ev["source"]["entity"]]["affiliation"]["code"] == "MLIGOV"
    assert ev["target"]["code"] == by_id[ev["target"]["entity"]]["affiliation"]["code"] == "USAGOV"


def test_bare_common_noun_takes_no_guessed_country(nlp_fr: Language) -> None:
    text = (
        "Les pourparlers sur la Syrie se sont achevés à Genève. Les délégations se sont mises d'accord sur "
        "un calendrier, a indiqué le médiateur."
    )
    doc = _run(nlp_fr, text)
    codes = [ev["source"]["code"] for ev in doc._.events if ev["type"] == "AGREE"]
    assert codes and all(c in (None, "GOV") for c in codes)  # a sector, of no country: not SYRGOV


def test_sample_articles_end_to_end(nlp_fr: Language) -> None:
    """The bundled samples (written for the project): every person's country has evidence, and the
    record keeps it."""
    import dateline

    paths = [ROOT / "samples" / "fr" / n for n in ("03-poutine-trump-hambourg.txt", "04-le-drian-mali.txt")]
    arts = [a for a in dateline.read_paths([str(p) for p in paths]) if isinstance(a, dateline.Article)]
    records = [r for r in dateline.analyse_articles(arts) if isinstance(r, dict)]
    assert len(records) == 2
    for rec in records:
        assert check_record(rec) == []
        people = {e["name"]: e for e in rec["entities"] if e["type"] == "PER"}
        for ent in people.values():
            if ent.get("country"):
                assert ent["affiliation"]["evidence"], ent
                for ev in ent["affiliation"]["evidence"]:
                    assert rec["article"]["text"][ev["start"] : ev["end"]] == ev["text"]
        codes = {e["name"]: (people.get(e["name"]) or {}).get("country") for e in rec["entities"]}
        if "Donald Trump" in codes:
            assert codes["Donald Trump"] == "USA" and codes["Vladimir Poutine"] == "RUS"
            actor_codes = {v["source"]["code"] for v in rec["events"]} | {
                (v["target"] or {}).get("code") for v in rec["events"]
            }
            assert "SYRGOV" not in actor_codes  # the article's other country is no one's
        if "Jean-Yves Le Drian" in codes:
            assert people["Jean-Yves Le Drian"]["affiliation"]["code"] == "FRAGOV"


def test_role_noun_describing_a_person_and_a_role_noun_naming_a_body(nlp_fr: Language) -> None:
    doc = _run(nlp_fr, "Le dissident russe Oleg Sokolov a dénoncé le vote. Le Sénat a adopté le texte mardi.")
    ent = _entity(doc, "Oleg Sokolov")
    assert (ent["affiliation"]["code"], _basis(ent)) == ("RUSOPP", ["role"])
    # "le Sénat" is any country's senate: the dictionary's one (the American) is not taken for it.
    senate = [e for e in doc._.entities if e["name"] == "Sénat"]
    assert all(e["country"] is None for e in senate)
