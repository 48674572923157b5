"""Event dates: governing timex, sentence timex, narrative date, publication window — never invented."""

from __future__ import annotations

import pytest

from conftest_events import run, timex  # type: ignore[import-not-found]

pytestmark = pytest.mark.model


def test_governing_timex(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "L'armée russe a bombardé Alep le 28 janvier, puis Homs le 3 février."
    txs = [timex(text, "le 28 janvier", "2017-01-28", "t1"), timex(text, "le 3 février", "2017-02-03", "t2")]
    doc = run(nlp_fr, text, timexes=txs)
    ev = next(e for e in doc._.events if e["type"] == "ASSAULT")
    assert ev["date"]["value"] == "2017-01-28" and ev["date"]["timex"] == "t1"
    assert ev["date"]["basis"] == "timex"


def test_framing_timex_dates_the_sentence(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "Samedi, la Russie et la Chine ont signé un accord gazier à Pékin."
    doc = run(nlp_fr, text, timexes=[timex(text, "Samedi", "2017-01-28")])
    (ev,) = doc._.events
    assert ev["date"]["value"] == "2017-01-28" and ev["date"]["timex"] == "t1"
    assert ev["date"]["basis"] in ("timex", "sentence")
    assert ev["date"]["earliest"] == ev["date"]["latest"] == "2017-01-28"


def test_date_of_another_clause_is_not_used(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    # "samedi" dates the announcement, not the signing.
    text = "La Russie et la Chine ont signé un accord gazier, a annoncé samedi le Kremlin."
    doc = run(nlp_fr, text, timexes=[timex(text, "samedi", "2017-01-28")])
    (ev,) = doc._.events
    assert ev["type"] == "SUPPORT" and ev["modality"] == "reported"
    assert ev["date"]["basis"] == "publication" and ev["date"]["value"] == "2017-01"


def test_narrative_date_carries_to_the_next_sentence(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le président russe Vladimir Poutine a rencontré le président turc le 20 janvier. "
        "Les deux présidents ont également signé un accord sur le gaz."
    )
    doc = run(nlp_fr, text, timexes=[timex(text, "le 20 janvier", "2017-01-20")])
    support = next(e for e in doc._.events if e["type"] == "SUPPORT")
    assert support["date"]["value"] == "2017-01-20"
    assert support["date"]["basis"] == "narrative"


def test_publication_window_keeps_its_granularity(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    doc = run(nlp_fr, "La Russie et la Chine ont signé un accord.", dct="2017-01", timexes=[])
    (ev,) = doc._.events
    # A month-dated article gives a month, never a day it does not know.
    assert ev["date"] == {
        "value": "2017-01",
        "earliest": "2017-01-01",
        "latest": "2017-01-31",
        "timex": None,
        "basis": "publication",
    }


def test_durations_do_not_date_events(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "Pendant deux mois, la Russie et la Chine ont négocié un accord qu'elles ont signé."
    doc = run(nlp_fr, text, timexes=[timex(text, "deux mois", "P2M", kind="DURATION")])
    assert doc._.events
    assert all(e["date"]["basis"] == "publication" for e in doc._.events)


def test_part_of_a_day_dates_the_day(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "Le militant a été arrêté mardi matin à Lyon."
    tx = dict(timex(text, "mardi matin", "2017-01-31"), value="2017-01-31TMO")
    doc = run(nlp_fr, text, timexes=[tx])
    (ev,) = doc._.events
    assert ev["date"]["value"] == "2017-01-31"


def test_an_act_during_a_dated_clause_takes_its_date(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "Un manifestant a été blessé dimanche lors de son interpellation par les gendarmes."
    doc = run(nlp_fr, text, timexes=[timex(text, "dimanche", "2017-01-29")])
    ev = next(e for e in doc._.events if e["type"] == "COERCE")
    assert ev["date"]["value"] == "2017-01-29"


def test_a_date_inside_quoted_words_does_not_date_the_framing_verb(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "« Hier encore, il parlait de dialogue », a critiqué la syndicaliste."
    doc = run(nlp_fr, text, timexes=[timex(text, "Hier", "2017-01-30")])
    ev = next(e for e in doc._.events if e["type"] == "ACCUSE")
    assert ev["date"]["value"] != "2017-01-30"
