"""English actor codes: international bodies, states named with a role word, nationality words on things,
office holders named by their surname. Sentences written for these tests."""

from __future__ import annotations

from datetime import date
from typing import Any

from spacy.language import Language

from dateline.article import Article, PubDate
from dateline.entities.normalize import fold
from dateline.entities.resolve import phonetic
from dateline.events.actors import _body_code_of
from dateline.events.resources import ActorDictionary
from dateline.pipeline import make_doc

from conftest_events import codes


def _events(nlp: Language, text: str, etype: str, day: str = "1987-03-10") -> list[dict[str, Any]]:
    doc = nlp(make_doc(nlp, Article(text, PubDate.parse(day))))
    return [e for e in doc._.events if e["type"] == etype]


def test_international_bodies_by_name_and_by_pattern() -> None:
    assert _body_code_of("the European Community", "en") == "EURGOV"
    assert _body_code_of("EC", "en") == "EURGOV"
    assert _body_code_of("the International Tin Council (ITC)", "en") == "IGOGOV"
    assert _body_code_of("International Lead Organization", "en") == "IGOGOV"
    assert _body_code_of("International Business Machines", "en") is None
    assert _body_code_of("International Council", "en") is None  # the pattern needs a word between
    assert _body_code_of("European Community", "fr") is None  # English resources only


def _book() -> ActorDictionary:
    def line(names: str, codes_: str) -> str:
        return "|".join(phonetic(fold(n)) for n in names.split("|")) + "\t" + codes_

    return ActorDictionary(
        [
            line("john quill|president quill", "ELBGOV@1980-01-01..1988-01-01|ELBELI@1988-01-01.."),
            line("mary quill", "ELBELI"),  # no dated code: not an office holder of any day
            line("anna roe", "ELBGOV@1970-01-01..1990-01-01"),
            line("peter roe", "MNCBUS@1980-01-01..1990-01-01"),
        ]
    )


def test_office_holder_by_surname_on_the_day() -> None:
    book = _book()
    assert book.office_holder("Quill", date(1985, 6, 1)) == "ELBGOV"
    assert book.office_holder("Quill", date(1989, 6, 1)) == "ELBELI"
    assert book.office_holder("Quill", None) is None  # no date, no guess
    assert book.office_holder("Roe", date(1985, 6, 1)) is None  # two actors of two codes that day
    assert book.office_holder("John Quill", date(1985, 6, 1)) is None  # full names go by the table
    assert book.office_holder("Smith", date(1985, 6, 1)) is None


def test_state_named_with_a_role_word_is_its_government(nlp_en: Language) -> None:
    agree = _events(nlp_en, "MOSCOW, May 2 - The Soviet Union and the EC agreed to cooperate on fusion.", "AGREE")
    assert {c for e in agree for c in codes(e) if c} >= {"SUNGOV", "EURGOV"}


def test_nationality_word_on_a_thing_is_the_state(nlp_en: Language) -> None:
    (ev,) = _events(nlp_en, "WASHINGTON, March 4 - The U.S. imposed tariffs on Brazilian shoes.", "SANCTION")
    assert codes(ev) == ("USAGOV", "BRAGOV")


def test_office_holder_named_by_surname(nlp_en: Language) -> None:
    (ev,) = _events(nlp_en, "WASHINGTON, March 4 - Reagan accused Japan of dumping microchips.", "ACCUSE")
    assert codes(ev) == ("USAGOV", "JPNGOV")


def test_region_abbreviation_without_its_period() -> None:
    from dateline.events.wire import dateline_country

    assert dateline_country("PEORIA, Ill, May 3 - Acme said ...", "en") == "USA"


def test_company_name_cut_short_of_its_form() -> None:
    from dateline.events.wire import is_company

    text = "Quarlen Group Inc said it would sell the unit."
    ent = {"type": "ORG", "name": "Quarlen", "mentions": [{"start": 0, "end": 7, "text": "Quarlen"}]}
    assert is_company(ent, "en", text)
    assert not is_company(ent, "en", "Quarlen Group said it would sell the unit.")


def test_title_word_inside_a_company_name(nlp_en: Language) -> None:
    (ev,) = _events(
        nlp_en,
        "DENVER, March 4 - Norfield General Corp has reached agreement with Arlen Corp on a pump plant sale.",
        "AGREE",
    )
    assert codes(ev) == ("USABUS", "USABUS")


def test_state_of_the_time() -> None:
    from dateline.events.wire import state_of_the_time

    assert state_of_the_time("RUSGOV", date(1987, 5, 1), "en") == "SUNGOV"
    assert state_of_the_time("RUSGOV", date(2015, 5, 1), "en") == "RUSGOV"
    assert state_of_the_time("RUSGOV", None, "en") == "RUSGOV"
    assert state_of_the_time("USAGOV", date(1987, 5, 1), "en") == "USAGOV"


def test_parties_named_together_agree_with_each_other(nlp_en: Language) -> None:
    agree = [
        e
        for e in _events(nlp_en, "GENEVA, May 2 - Chile, Peru and Bolivia agreed to study a new copper pact.", "AGREE")
        if e["trigger"]["lemma"] == "agree"
    ]
    pairs = {frozenset(codes(e)) for e in agree}
    assert pairs == {frozenset({"CHLGOV", "PERGOV"}), frozenset({"CHLGOV", "BOLGOV"})}
    assert all(e["symmetric"] for e in agree)


def test_two_companies_each_with_its_legal_form(nlp_en: Language) -> None:
    (ev,) = _events(nlp_en, "DENVER, March 4 - Norfield Tools Inc and Arlen Corp have agreed to merge.", "AGREE")
    assert codes(ev) == ("USABUS", "USABUS")


def test_party_of_the_act_the_verb_needs(nlp_en: Language) -> None:
    text = "DENVER, March 4 - Norfield Tools Inc said it ended talks with Arlen Corp on a sale."
    (ev,) = _events(nlp_en, text, "SANCTION")
    assert codes(ev) == ("USABUS", "USABUS")


def test_business_name_words() -> None:
    from dateline.events.wire import is_company

    def org(name: str) -> dict[str, Any]:
        return {"type": "ORG", "name": name, "mentions": [{"start": 0, "end": len(name), "text": name}]}

    assert is_company(org("Quarlen Wool Futures Exchange"), "en")
    assert is_company(org("Norfield Industries"), "en")
    assert not is_company(org("Exchange"), "en")  # the word alone names no company
    assert not is_company(org("Norfield Industries"), "fr")
