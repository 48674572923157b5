"""Dating quotations: a time expression governing the reporting clause, else the publication window.

Docs are built by hand (no model), with timex dicts as the time component writes them."""

from __future__ import annotations

from datetime import date

import spacy
from spacy.tokens import Doc

from dateline.article import PubDate
from dateline.extensions import register_extensions
from dateline.quotes.dating import quote_date

register_extensions()

WORDS = ["«", "Non", "»", ",", "a", "déclaré", "samedi", "le", "ministre", "."]
SPACES = [True, True, False, True, True, True, True, True, False, False]
HEADS = [1, 5, 1, 5, 5, 5, 5, 8, 5, 5]
DEPS = ["punct", "ccomp", "punct", "punct", "aux:tense", "ROOT", "obl:mod", "det", "nsubj", "punct"]
POS = ["PUNCT", "ADV", "PUNCT", "PUNCT", "AUX", "VERB", "NOUN", "DET", "NOUN", "PUNCT"]


def make_doc(timexes: list[dict[str, object]], published: tuple[date, date] | None = None) -> Doc:
    nlp = spacy.blank("fr")
    doc = Doc(nlp.vocab, words=WORDS, spaces=SPACES, heads=HEADS, deps=DEPS, pos=POS)
    doc._.dct = PubDate.parse("2017-01")
    doc._.timexes = timexes
    doc._.published = published
    return doc


def test_timex_in_the_reporting_clause_dates_the_quote() -> None:
    doc = make_doc([])
    s = doc.text.index("samedi")
    tx = {
        "id": "t1",
        "start": s,
        "end": s + 6,
        "value": "2017-01-28",
        "earliest": "2017-01-28",
        "latest": "2017-01-28",
    }
    doc._.timexes = [tx]
    out = quote_date(doc, (2, 5), doc[4:6], doc[7:9], doc[5])
    assert out == {"value": "2017-01-28", "earliest": "2017-01-28", "latest": "2017-01-28", "timex": "t1"}


def test_timex_inside_the_content_does_not_date_the_statement() -> None:
    doc = make_doc(
        [
            {
                "id": "t1",
                "start": 2,
                "end": 5,
                "value": "2017-01-02",
                "earliest": "2017-01-02",
                "latest": "2017-01-02",
            }
        ]
    )
    out = quote_date(doc, (2, 5), doc[4:6], doc[7:9], doc[5])
    assert out == {"value": "2017-01", "earliest": "2017-01-01", "latest": "2017-01-31"}


def test_publication_window_when_tightened() -> None:
    doc = make_doc([], published=(date(2017, 1, 28), date(2017, 1, 31)))
    out = quote_date(doc, (2, 5), doc[4:6], doc[7:9], doc[5])
    assert out == {"value": "2017-01", "earliest": "2017-01-28", "latest": "2017-01-31"}


def test_no_date_without_dct() -> None:
    doc = make_doc([])
    doc._.dct = None
    assert quote_date(doc, (2, 5), None, None, None) is None
