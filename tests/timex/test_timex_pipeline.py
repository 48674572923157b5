"""The timex component in the real pipeline: tense direction, month-only dates, the sample article."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

from dateline.article import PubDate
from dateline.record import check_record
from dateline.timex.anchor import direction

from dl_testing import need_shared

pytestmark = pytest.mark.model


def run(nlp: Any, text: str, dct: str) -> Doc:
    doc = nlp.make_doc(text)
    doc._.dct = PubDate.parse(dct)
    return nlp(doc)


def timex(doc: Doc, text: str) -> dict[str, Any]:
    found = [t for t in doc._.timexes if t["text"] == text]
    assert found, [t["text"] for t in doc._.timexes]
    return found[0]


# ------------------------------------------------------------------------------- direction from tense


def test_direction_from_a_hand_built_parse() -> None:
    """ "ils ont parlé samedi" / "ils parleront samedi", parsed by hand: auxiliary + participle is past,
    a future-tense verb is future, a present one says nothing."""
    vocab = spacy.blank("fr").vocab
    words = ["ils", "ont", "parlé", "samedi"]
    past = Doc(
        vocab, words=words, pos=["PRON", "AUX", "VERB", "NOUN"],
        deps=["nsubj", "aux:tense", "ROOT", "obl:mod"], heads=[2, 2, 2, 2],
        morphs=["", "Mood=Ind|Tense=Pres", "Tense=Past|VerbForm=Part", ""],
    )  # fmt: skip
    assert direction(past, past.text.index("samedi"), len(past.text), "fr") == -1
    fut = Doc(
        vocab, words=["ils", "parleront", "samedi"], pos=["PRON", "VERB", "NOUN"],
        deps=["nsubj", "ROOT", "obl:mod"], heads=[1, 1, 1],
        morphs=["", "Mood=Ind|Tense=Fut|VerbForm=Fin", ""],
    )  # fmt: skip
    assert direction(fut, fut.text.index("samedi"), len(fut.text), "fr") == 1
    pres = Doc(
        vocab, words=["ils", "parlent", "samedi"], pos=["PRON", "VERB", "NOUN"],
        deps=["nsubj", "ROOT", "obl:mod"], heads=[1, 1, 1],
        morphs=["", "Mood=Ind|Tense=Pres|VerbForm=Fin", ""],
    )  # fmt: skip
    assert direction(pres, pres.text.index("samedi"), len(pres.text), "fr") == 0


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Les deux présidents se sont entretenus samedi au téléphone.", "2017-01-28"),
        ("Les deux présidents se rencontreront samedi à Genève.", "2017-02-04"),
        ("Le ministre avait annoncé jeudi sa démission.", "2017-01-26"),
        ("Le ministre va annoncer jeudi sa démission.", "2017-02-02"),
    ],
)
def test_french_tense_decides_the_weekday(nlp_fr: Any, sentence: str, value: str) -> None:
    doc = run(nlp_fr, sentence, "2017-01-30")
    (t,) = [t for t in doc._.timexes if t["type"] == "DATE"]
    assert t["value"] == value


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The two presidents spoke on Saturday.", "2017-01-28"),
        ("The two presidents will meet on Saturday in Geneva.", "2017-02-04"),
        ("The sale of the mill is scheduled to close on Saturday.", "2017-02-04"),
        ("Trading in the shares is to resume on Saturday.", "2017-02-04"),
    ],
)
def test_english_tense_decides_the_weekday(nlp_en: Any, sentence: str, value: str) -> None:
    doc = run(nlp_en, sentence, "2017-01-30")
    assert timex(doc, "Saturday")["value"] == value


def test_deadline_and_plans_are_ahead_whatever_the_tense(nlp_fr: Any) -> None:
    doc = run(
        nlp_fr,
        "Il a donné jusqu'au 20 février aux négociateurs. La réunion prévue le 3 mars aura lieu.",
        "2017-06-15",
    )
    assert timex(doc, "20 février")["value"] == "2017-02-20"  # nearest, not pushed back a year by "a donné"
    assert timex(doc, "le 3 mars")["value"] == "2018-03-03"  # "prévue": a plan, so the coming 3 March


def test_a_deadline_follows_a_clause_that_looks_ahead(nlp_en: Any) -> None:
    # Written in mid-February: the nearest August is last year's, but "will ... by August" is ahead.
    doc = run(nlp_en, "The airline will double its flights to India by August.", "2017-02-14")
    assert timex(doc, "August")["value"] == "2017-08"
    doc = run(nlp_en, "The bank will buy the shares from today through Nov. 17.", "2017-10-27")
    assert timex(doc, "Nov. 17")["value"] == "2017-11-17"


def test_narrative_anchor_for_le_lendemain_and_clock_times(nlp_fr: Any) -> None:
    doc = run(nlp_fr, "Le 24 mars, la police est arrivée à 20 h. Le lendemain, le juge l'a entendu.", "2017-04-02")
    assert timex(doc, "20 h")["value"] == "2017-03-24T20:00"
    t = timex(doc, "Le lendemain")
    assert (t["value"], t.get("anchor")) == ("2017-03-25", "narrative")


# ----------------------------------------------------------------------------------- month-only dates


def test_month_only_dct_is_tightened_by_a_past_date(nlp_fr: Any) -> None:
    doc = run(nlp_fr, "L'accord a été signé le 29 janvier. Les ministres se sont parlé samedi.", "2017-01")
    assert doc._.published == (date(2017, 1, 29), date(2017, 1, 31))
    t = timex(doc, "samedi")
    assert (t["value"], t["earliest"], t["latest"]) == ("2017-01-28", "2017-01-28", "2017-01-28")


def test_month_only_dct_stays_honest_when_the_text_does_not_settle_the_day(nlp_fr: Any) -> None:
    doc = run(nlp_fr, "L'accord a été signé le 26 janvier. Les ministres se sont parlé samedi.", "2017-01")
    assert doc._.published == (date(2017, 1, 26), date(2017, 1, 31))
    t = timex(doc, "samedi")  # the 21st if written on the 26th or 27th, else the 28th
    assert (t["earliest"], t["latest"]) == ("2017-01-21", "2017-01-28")
    assert t["value"] == "2017-01" and t["determined"] is False


def test_month_only_weekday_is_the_one_the_text_names_with_its_date(nlp_fr: Any) -> None:
    doc = run(
        nlp_fr,
        "Le sommet se tiendra samedi 21 janvier à Genève. Samedi, les ministres arriveront tôt.",
        "2017-01",
    )
    t = timex(doc, "Samedi")  # four Saturdays fit the month; the text named one of them
    assert (t["value"], t["earliest"], t["latest"]) == ("2017-01-21", "2017-01-21", "2017-01-21")


def test_month_only_weekday_stays_an_interval_beside_a_date_without_its_weekday(nlp_en: Any) -> None:
    doc = run(nlp_en, "The deal was signed on Jan. 6. The ministers met again on Friday.", "2017-01")
    t = timex(doc, "Friday")  # Jan. 6 was a Friday, but the text does not say it is this one
    assert t["determined"] is False and t["earliest"] < t["latest"]


def test_a_date_moved_to_is_ahead_whatever_the_tense(nlp_en: Any) -> None:
    doc = run(nlp_en, "The company extended to Nov. 20 its offer for all the shares.", "2017-11")
    assert timex(doc, "Nov. 20")["value"] == "2017-11-20"
    assert doc._.published == (date(2017, 11, 1), date(2017, 11, 20))  # not "written after the 20th"


def test_month_only_dct_is_settled_by_a_wire_dateline(nlp_en: Any, nlp_fr: Any) -> None:
    doc = run(nlp_en, "GENEVA, March 3 (AP) _ The ministers met on Thursday.", "2017-03")
    assert doc._.published == (date(2017, 3, 3), date(2017, 3, 3))
    assert timex(doc, "Thursday")["value"] == "2017-03-02"
    doc = run(nlp_fr, "PARIS, 12 mai (AFP) - Les ministres se sont réunis jeudi.", "2017-05")
    assert doc._.published == (date(2017, 5, 12), date(2017, 5, 12))
    # A date opening an ordinary sentence is no dateline: the window stays the month.
    doc = run(nlp_fr, "Le 12 mai, les ministres se réuniront encore.", "2017-05")
    assert doc._.published == (date(2017, 5, 1), date(2017, 5, 12))


def test_future_date_bounds_the_window_from_above(nlp_fr: Any) -> None:
    doc = run(nlp_fr, "Les deux pays se rencontreront le 12 janvier à Genève.", "2017-01")
    assert doc._.published == (date(2017, 1, 1), date(2017, 1, 12))


def test_year_only_dct(nlp_fr: Any) -> None:
    doc = run(nlp_fr, "L'accord a été conclu le 28 janvier. Le ministre a parlé hier.", "2017")
    assert doc._.published == (date(2017, 1, 28), date(2017, 12, 31))
    t = timex(doc, "hier")
    assert (t["earliest"], t["latest"], t["value"]) == ("2017-01-27", "2017-12-30", "2017")


def test_english_month_only_dct(nlp_en: Any) -> None:
    doc = run(nlp_en, "The deal was signed on Jan. 29. The ministers spoke on Saturday.", "2017-01")
    assert doc._.published == (date(2017, 1, 29), date(2017, 1, 31))
    assert timex(doc, "Saturday")["value"] == "2017-01-28"


def test_no_dct_gives_x_values(nlp_fr: Any) -> None:
    doc = nlp_fr(nlp_fr.make_doc("Ils se sont vus le 28 janvier, hier soir."))
    assert doc._.published is None
    assert [(t["value"], t["earliest"]) for t in doc._.timexes] == [
        ("XXXX-01-28", None),
        ("XXXX-XX-XXTEV", None),
    ]


# ------------------------------------------------------------------------------------ the sample, E2E


def test_sample_from_its_month_only_date(sample_record: dict[str, Any]) -> None:
    """All four expressions of the sample come out right from ``date 2017-01`` alone."""
    assert sample_record["article"]["dct"] == "2017-01"
    assert sample_record["article"]["published"] == {"earliest": "2017-01-28", "latest": "2017-01-31"}
    got = [(t["text"], t["type"], t["value"], t["earliest"], t["latest"]) for t in sample_record["timexes"]]
    assert got == [
        ("le 28 janvier", "DATE", "2017-01-28", "2017-01-28", "2017-01-28"),
        ("le 28 janvier", "DATE", "2017-01-28", "2017-01-28", "2017-01-28"),
        ("samedi", "DATE", "2017-01-28", "2017-01-28", "2017-01-28"),
        ("le 20 janvier dernier", "DATE", "2017-01-20", "2017-01-20", "2017-01-20"),
    ]
    assert [t["id"] for t in sample_record["timexes"]] == ["t1", "t2", "t3", "t4"]


def test_sample_record_is_sound_and_valid(sample_record: dict[str, Any]) -> None:
    import jsonschema

    assert check_record(sample_record) == []
    schema = json.loads(need_shared("schema", "analysis.v1.schema.json").read_text())
    jsonschema.validate(sample_record, schema)
    text = sample_record["article"]["text"]
    for t in sample_record["timexes"]:
        assert text[t["start"] : t["end"]] == t["text"]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Le vieux moulin est aujourd'hui fermé au public.", "PRESENT_REF"),
        ("Ce domaine vaudrait aujourd'hui le double de son prix.", "PRESENT_REF"),
        ("Le maire inaugurera aujourd'hui le nouveau pont.", "2017-03-15"),
        ("Le maire a inauguré aujourd'hui le nouveau pont.", "2017-03-15"),
    ],
)
def test_aujourdhui_of_a_present_state_is_nowadays(nlp_fr: Any, sentence: str, value: str) -> None:
    assert timex(run(nlp_fr, sentence, "2017-03-15"), "aujourd'hui")["value"] == value


def test_a_dividend_payable_on_a_date_is_ahead(nlp_en: Any) -> None:
    doc = run(nlp_en, "The board declared a dividend of ten cents, payable Jan. 20 to holders of record.", "2017-02-15")
    assert timex(doc, "Jan. 20")["value"] == "2018-01-20"
