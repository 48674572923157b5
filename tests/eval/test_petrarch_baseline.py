"""The PETRARCH2-style baseline coder (eval/petrarch_baseline.py) on sentences written for these tests.

The reader helpers are checked on their own; the coder itself needs the PETRARCH2 dictionaries in
../shared (skipped without them, failed under DATELINE_REQUIRE_SHARED=1) and the English spaCy model, and
is loaded once for the module.
"""

from __future__ import annotations

import sys
from datetime import date
from typing import Any

import pytest

from dl_testing import ROOT, need_shared

sys.path.insert(0, str(ROOT / "eval"))
import petrarch_baseline as pb

pytestmark = pytest.mark.model

DAY = "2016-05-01"


def test_norm_words_splits_like_spacy() -> None:
    assert pb._norm_words("BAN_KI-MOON_") == ("BAN", "KI", "-", "MOON")
    assert pb._norm_words("RUSSIAN_FOREIGN_MINISTER") == ("RUSSIAN", "FOREIGN", "MINISTER")
    assert pb._norm_words("F-16") == ("F-16",)


def test_codes_and_dates() -> None:
    assert pb._code("042:043") == ("042", "043")
    assert pb._code(":173") == ("", "173")
    assert pb._code("190") == ("190", "")
    assert pb._code("---") is None
    assert pb._parse_date("000507") == date(2000, 5, 7)
    assert pb._parse_date("991231") == date(1999, 12, 31)
    assert pb._parse_date("20070101") == date(2007, 1, 1)
    actor = pb.Actor(codes=[("XGOV", date(2000, 1, 1), date(2005, 1, 1)), ("XGOV", date(2010, 1, 1), None)])
    actor.undated.append("XELI")
    assert actor.code_on(date(2003, 6, 1)) == "XGOV"
    assert actor.code_on(date(2007, 6, 1)) == "XELI"
    assert actor.code_on(date(2012, 6, 1)) == "XGOV"
    assert actor.code_on(None) == "XELI"


@pytest.fixture(scope="module")
def coder() -> pb.PetrarchStyleCoder:
    shared = need_shared("eval", "events", "dictionaries", pb.VERB_FILE).parents[3]
    need_shared("eval", "events", "plover", "CAMEO2PLOVER-2021.txt")
    pytest.importorskip(pb.MODEL)
    return pb.PetrarchStyleCoder(shared)


def _summary(events: list[dict[str, Any]]) -> list[tuple[str, str, str | None, str | None]]:
    return [(e["type"], e["cameo"], (e["source"] or {}).get("code"), (e["target"] or {}).get("code")) for e in events]


def test_dictionaries_are_read(coder: pb.PetrarchStyleCoder) -> None:
    assert len(coder.patterns) > 350  # verb blocks
    assert sum(len(p) for p in coder.patterns.values()) > 4000
    assert coder.n_actor_names > 30000
    assert "MET" in coder.verbs and "MEET" in coder.verbs
    assert coder.plover_type("0311") == "AGREE"
    assert coder.plover_type("190") == "ASSAULT"
    assert coder.plover_type("010") is None  # roots 01/02: no PLOVER type


def test_consult_country_plus_agent(coder: pb.PetrarchStyleCoder) -> None:
    text = "The Russian president met the French foreign minister in Paris."
    events = coder.code(text, DAY)
    assert _summary(events) == [("CONSULT", "040", "RUSGOV", "FRAGOV")]
    start, end = events[0]["trigger"]
    assert text[start:end] == "met"


def test_passive_by_agent_is_the_source(coder: pb.PetrarchStyleCoder) -> None:
    events = coder.code("Egyptian protesters were attacked by French troops.", DAY)
    assert _summary(events) == [("ASSAULT", "190", "FRAMIL", "EGYOPP")]


def test_unknown_actor_has_no_code(coder: pb.PetrarchStyleCoder) -> None:
    (event,) = coder.code("The zorblat group condemned the decision.", DAY)
    assert event["type"] == "ACCUSE"
    assert event["source"]["code"] is None
    assert event["target"]["code"] is None


def test_no_dictionary_verb_no_event(coder: pb.PetrarchStyleCoder) -> None:
    assert coder.code("The weather was nice and the cat slept.", DAY) == []


def test_date_ranged_actor_codes(coder: pb.PetrarchStyleCoder) -> None:
    text = "Putin criticized Germany."
    assert _summary(coder.code(text, "2005-03-01")) == [("ACCUSE", "111", "RUSGOV", "DEU")]
    assert _summary(coder.code(text, "1985-03-01")) == [("ACCUSE", "111", "RUSELI", "DEU")]


def test_pattern_beats_block_default(coder: pb.PetrarchStyleCoder) -> None:
    (event,) = coder.code("China sent humanitarian aid to Nepal.", DAY)
    assert (event["type"], event["cameo"]) == ("AID", "073")  # - * {HUMANITARIAN AID} [073]
    assert event["source"]["code"] == "CHN"
    assert event["target"]["code"] == "NPL"  # the object has no actor: the PP's
    (event,) = coder.code("Japan called off the talks with China.", DAY)  # multi-word verb +CALL_OFF
    assert _summary([event]) == [("SANCTION", "160", "JPN", "CHN")]


def test_compound_source_gives_one_event_each(coder: pb.PetrarchStyleCoder) -> None:
    events = coder.code("Germany and France condemned the Iranian government.", DAY)
    assert sorted(_summary(events)) == [("ACCUSE", "111", "DEU", "IRNGOV"), ("ACCUSE", "111", "FRA", "IRNGOV")]


def test_complex_code_gives_the_reciprocal_event(coder: pb.PetrarchStyleCoder) -> None:
    events = coder.code("The Russian president rushed to France.", DAY)  # - * (TO) [042:043]
    assert sorted(_summary(events)) == [("CONSULT", "042", "RUSGOV", "FRA"), ("CONSULT", "043", "FRA", "RUSGOV")]


def test_discarded_sentence(coder: pb.PetrarchStyleCoder) -> None:
    assert coder.code("In 1999 Russian troops attacked the town.", DAY) == []  # years are discards
    assert coder.code("Russian troops attacked the town.", DAY) != []


def test_accepts_a_parsed_doc_and_several_sentences(coder: pb.PetrarchStyleCoder) -> None:
    doc = coder.nlp("The weather was nice. Germany condemned the Iranian government.")
    events = coder.code(doc, DAY)
    assert _summary(events) == [("ACCUSE", "111", "DEU", "IRNGOV")]
    assert events[0]["trigger"][0] > len("The weather was nice.")


def test_require_dyad_drops_events_without_actors(coder: pb.PetrarchStyleCoder) -> None:
    coder.require_dyad = True
    try:
        assert coder.code("The zorblat group condemned the decision.", DAY) == []
        assert coder.code("Putin criticized Germany.", DAY) != []
    finally:
        coder.require_dyad = False
