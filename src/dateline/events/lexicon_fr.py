"""French trigger lexicon: read from ``dateline/data/events/fr/`` (kept as a module for its importers).

The entries, their frames and the word lists are data (``triggers.tsv``, ``support_verbs.txt``,
``eventive.txt``, each with a header saying where it comes from), read by
:mod:`dateline.events.resources`; adding a language is adding a folder of those files.
"""

from __future__ import annotations

from dateline.events.lexicon import Lexicon, Trigger
from dateline.events.resources import trigger_entries, word_list

__all__ = ["ENTRIES", "EVENTIVE", "LEXICON", "SUPPORT_VERBS"]

ENTRIES: list[Trigger] = trigger_entries("fr")
LEXICON = Lexicon(ENTRIES)
# Verbs that make a noun trigger an event that took place (see support_verbs.txt).
SUPPORT_VERBS: frozenset[str] = word_list("fr", "support_verbs.txt")
# Nouns that name an occurrence by themselves (see eventive.txt).
EVENTIVE: frozenset[str] = word_list("fr", "eventive.txt")
