"""Shared fixtures: paths to ../shared, the sample article, and the real pipelines (loaded once)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dl_testing import ROOT, SAMPLE, SHARED, need_shared  # noqa: F401  (re-exported)


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared not available")
    return SHARED


@pytest.fixture(scope="session")
def sample_article():  # type: ignore[no-untyped-def]
    """The sample article of the brief, read with the header reader."""
    from dateline.readers import read_file

    path = need_shared("samples", "fr-2017-01-lavrov.txt")
    (art,) = list(read_file(str(path)))
    return art


@pytest.fixture(scope="session")
def nlp_fr():  # type: ignore[no-untyped-def]
    """The full French pipeline (model + dateline components), loaded once for the session."""
    from dateline.pipeline import load_pipeline

    return load_pipeline("fr")


@pytest.fixture(scope="session")
def nlp_en():  # type: ignore[no-untyped-def]
    from dateline.pipeline import load_pipeline

    return load_pipeline("en")


@pytest.fixture(scope="session")
def sample_record(sample_article):  # type: ignore[no-untyped-def]
    """The analysis record of the sample article."""
    from dateline.pipeline import analyse_articles

    (rec,) = list(analyse_articles([sample_article]))
    assert isinstance(rec, dict), rec
    return rec
