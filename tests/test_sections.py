"""The shared reader of sectioned word files (dateline.sections)."""

from __future__ import annotations

import pytest

from dateline.sections import parse_sections


def test_sections_entries_and_comments() -> None:
    text = "# header\n[verbs]\ndire  # a comment\nannoncer\n\n[nouns]\nporte-parole\n"
    out = parse_sections(text, ["verbs", "nouns", "unused"])
    assert out == {
        "verbs": frozenset({"dire", "annoncer"}),
        "nouns": frozenset({"porte-parole"}),
        "unused": frozenset(),
    }


def test_entries_callback_splits_a_line() -> None:
    out = parse_sections("[names]\nAnne Paul\n", ["names"], entries=lambda _s, line: line.lower().split())
    assert out["names"] == frozenset({"anne", "paul"})


@pytest.mark.parametrize(
    ("text", "message"),
    [("[verbs]\ndire\n[adverbs]\nvite\n", "f.txt:3: unknown section [adverbs]"), ("dire\n", "f.txt:1: entry before")],
)
def test_errors_name_the_file_and_line(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse_sections(text, ["verbs"], origin="f.txt")
