"""End to end on real text: the sample article and a paragraph of English, through the real models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import dateline
from dateline.errors import DatelineError
from dateline.record import check_record

from dl_testing import need_shared


@pytest.fixture(scope="session")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(need_shared("schema", "analysis.v1.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _people(record: dict[str, Any]) -> set[str]:
    return {e["name"] for e in record["entities"] if e["type"] == "PER"}


def test_sample_record(sample_record: dict[str, Any], validator: jsonschema.Draft202012Validator) -> None:
    validator.validate(sample_record)
    assert check_record(sample_record) == []
    art = sample_record["article"]
    assert (art["dct"], art["dct_granularity"], art["lang"]) == ("2017-01", "month", "fr")
    assert {"Sergueï Lavrov", "Vladimir Poutine", "Donald Trump"} <= _people(sample_record)
    lavrov = next(e for e in sample_record["entities"] if e["name"] == "Sergueï Lavrov")
    assert len(lavrov["mentions"]) >= 3
    for m in lavrov["mentions"]:
        assert art["text"][m["start"] : m["end"]] == m["text"]


def test_english_article(validator: jsonschema.Draft202012Validator) -> None:
    text = (
        "Chancellor Angela Merkel met President Emmanuel Macron in Berlin on Monday. "
        "Merkel said Germany was ready to change the European treaties."
    )
    rec = dateline.analyse(text, "2017-05-15", lang="en")
    validator.validate(rec)
    assert check_record(rec) == []
    assert rec["article"]["lang"] == "en"
    assert {"Angela Merkel", "Emmanuel Macron"} <= _people(rec)
    merkel = next(e for e in rec["entities"] if e["name"] == "Angela Merkel")
    assert len(merkel["mentions"]) == 2  # "Merkel" alone attaches to the full name


def test_language_detection_and_unsupported_language() -> None:
    rec = dateline.analyse("Le président a annoncé mardi une réforme des retraites devant les députés.", "2017")
    assert rec["article"]["lang"] == "fr"
    with pytest.raises(DatelineError) as exc:
        dateline.analyse("Der Bundestag hat am Dienstag eine umfassende Reform der Rente beschlossen.", "2017")
    assert exc.value.code == "unsupported-language"


def test_bad_inputs_pass_through_in_order(tmp_path: Path) -> None:
    good = tmp_path / "a.txt"
    good.write_text("date 2017-02 Emmanuel Macron a parlé.", encoding="utf-8")
    bad = tmp_path / "b.txt"
    bad.write_text("date 2017-02-30 Texte.", encoding="utf-8")
    out = list(dateline.analyse_articles(dateline.read_paths([str(good), str(bad)])))
    assert isinstance(out[0], dict) and isinstance(out[1], DatelineError)
    assert out[1].code == "bad-date"


def test_records_are_deterministic(sample_article: dateline.Article, sample_record: dict[str, Any]) -> None:
    (again,) = list(dateline.analyse_articles([sample_article]))
    assert again == sample_record


def test_dates_the_model_takes_for_names_are_not_entities() -> None:
    rec = dateline.analyse(
        "Vendredi 7 juillet, Donald Trump a rencontré Vladimir Poutine à Hambourg.", "2017-07", lang="fr"
    )
    names = {e["name"] for e in rec["entities"]}
    assert {"Donald Trump", "Vladimir Poutine"} <= names
    assert not any(n.lower().startswith("vendredi") for n in names)
    assert any(t["text"].lower().startswith("vendredi 7 juillet") for t in rec["timexes"])
