"""English attribution constructions (issue 15), on sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest


def _quotes(text: str, nlp: Any) -> list[dict[str, Any]]:
    from dateline.pipeline import analyse

    assert nlp is not None
    return list(analyse(text, "2016-10-01", lang="en")["quotes"])


@pytest.mark.model
def test_one_of_a_group_is_a_speaker_not_the_impersonal_one(nlp_en: Any) -> None:
    text = "In a statement, one of the firm's lawyers, John Baker, said the records show the driver was not speeding."
    (q,) = _quotes(text, nlp_en)
    assert q["text"] == "the records show the driver was not speeding"
    assert "John Baker" in q["speaker"]["text"]


@pytest.mark.model
def test_a_bracketed_party_does_not_push_the_verb_out_of_reach(nlp_en: Any) -> None:
    text = '"Such deals should never be made," Committee Chairman John Baker (R-Ohio) said in a statement.'
    (q,) = _quotes(text, nlp_en)
    assert q["kind"] == "direct"
    assert q["speaker"]["text"] == "Committee Chairman John Baker"


@pytest.mark.model
def test_told_reporters_that(nlp_en: Any) -> None:
    (q,) = _quotes("The mayor told reporters that the bridge would reopen in May.", nlp_en)
    assert q["text"] == "the bridge would reopen in May"
    assert q["speaker"]["text"] == "The mayor"
