"""The quote finder's resource files: attribution formulas per language, as data.

``dateline/data/quotes/formulas.<lang>.txt`` holds, per language, the word lists of the attribution
formulas added for issue 15 (impersonal passives, reading formulas, causative, two-verb and noun
formulas of saying, pronominal verbs of saying, and additions to the core lists of reporting verbs
and speaking groups), each file with its origin in its header. One loader reads every language, so a language is
added by writing its file, not code (as HeidelTime keeps its resources). A language without a file
has empty lists: the formulas are then simply not recognised.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from dateline.sections import parse_sections

__all__ = ["SECTIONS", "formulas", "pairs", "role_synonyms"]

SECTIONS = (
    "impersonal_passive",
    "reading_verbs",
    "document_prepositions",
    "causative_saying",
    "faire_forms",
    "faire_noun_saying",
    "reporting_verbs",
    "pronominal_reporting",
    "formula_pairs",
    "speaking_groups",
    "reply_verbs",
    "role_nouns",
    "role_prefixes",
    "work_nouns",
    "naming_verbs",
    "attribute_verbs",
    "press_nouns",
    "broadcast_nouns",
    "outlet_nouns",
    "circumstance_prepositions",
    "circumstance_nouns",
    "role_synonyms",
    "office_compounds",
)


def parse(text: str, origin: str = "<text>") -> dict[str, frozenset[str]]:
    """Sections of a formulas file: ``[name]`` opens one, then one entry per line, ``#`` comments."""
    return parse_sections(text, SECTIONS, origin, lambda _section, line: [line.lower()])


def pairs(entries: frozenset[str]) -> frozenset[tuple[str, str]]:
    """The ``[formula_pairs]`` lines as (governor lemma, infinitive lemma) pairs."""
    out = set()
    for line in entries:
        words = line.split()
        if len(words) == 2:
            out.add((words[0], words[1]))
    return frozenset(out)


def role_synonyms(entries: frozenset[str]) -> dict[str, str]:
    """The ``[role_synonyms]`` lines ("édile maire") as a word -> the role word it stands for."""
    return dict(sorted(pairs(entries)))


@lru_cache(maxsize=4)
def formulas(lang: str) -> dict[str, frozenset[str]]:
    """The formula lists of ``lang`` (every section present, empty when the language has no file)."""
    path = resources.files("dateline").joinpath(f"data/quotes/formulas.{lang}.txt")
    if not path.is_file():
        return {name: frozenset() for name in SECTIONS}
    return parse(path.read_text(encoding="utf-8"), f"formulas.{lang}.txt")
