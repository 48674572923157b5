"""The per-language resource files and their one loader: dateline.timex.lexicon."""

from __future__ import annotations

import pytest

from dateline.timex import lexicon_en, lexicon_fr
from dateline.timex.detect import rule_names
from dateline.timex.lexicon import _DATA, LANGS, lexicon


@pytest.mark.parametrize("lang", LANGS)
def test_resource_files_state_their_origin_and_load(lang: str) -> None:
    head = (_DATA / f"{lang}.toml").read_text("utf-8").splitlines()[:8]
    assert any(line.startswith("# Origin:") for line in head)
    lx = lexicon(lang)
    assert len(lx.MONTHS) >= 12 and len(lx.WEEKDAYS) == 7
    assert isinstance(lx.PAST_CUES, tuple) and isinstance(lx.NOT_TIMEX, tuple)
    assert lx.REF_TYPE in ("DATE", "TIME")


def test_the_module_views_are_the_resource_files() -> None:
    assert lexicon_fr.MONTHS is lexicon("fr").MONTHS
    assert lexicon_en.WEEKDAYS["friday"] == 4


@pytest.mark.parametrize("lang", LANGS)
def test_every_rule_has_a_place_in_the_order(lang: str) -> None:
    names = rule_names(lang)
    assert len(names) == len(set(names)) > 30
