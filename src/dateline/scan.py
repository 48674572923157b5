"""Finding the tokens worth a closer look without building a ``Token`` for every word.

Each of dateline's components looks for a few kinds of words (speech verbs, event triggers, "selon",
"pour") in every document. Walking ``for tok in doc`` builds a Python ``Token`` per word and a Python
string per attribute read — most of a component's time on a long article, spent on words that are
none of those. :class:`Columns` reads the parts of speech, lower-cased forms and lemmas once, as
integer arrays, tests each *distinct* word once, and hands back only the positions that pass; the
components then look at those tokens exactly as before, so their results do not change.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from functools import cached_property, lru_cache
from weakref import WeakKeyDictionary

import numpy as np
from spacy.attrs import LEMMA, LOWER, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import StringStore
from spacy.tokens import Doc

__all__ = ["Columns", "WordTest", "columns"]

# Kept beside the Doc, not in ``doc.user_data``: that is serialised with the Doc, and arrays are not
# part of what a Doc says. The entry goes when the Doc does.
_CACHE: WeakKeyDictionary[Doc, Columns] = WeakKeyDictionary()


class WordTest:
    """A test on a word (a lower-cased form or a lemma), remembered per word across documents.

    News repeats its words, so most of a document's distinct words were tested on earlier documents;
    the answers are kept by the word's hash, which spaCy derives from the string itself and so stays
    the same across memory zones. The memory is bounded: past ``limit`` words it starts afresh.
    """

    def __init__(self, test: Callable[[str], bool], limit: int = 1 << 18) -> None:
        self.test = test
        self.limit = limit
        self._known: dict[int, bool] = {}

    def passing(self, hashes: list[int], strings: StringStore) -> list[bool]:
        """The test's answer for each word, given by its hash."""
        known = self._known
        if len(known) > self.limit:
            known.clear()
        # Most words were met before: look them all up at once, then test the new ones, in order.
        out: list[bool | None] = list(map(known.get, hashes))
        if None in out:
            test = self.test
            for k, ok in enumerate(out):
                if ok is None:
                    h = hashes[k]
                    ok = known.get(h)  # the same word twice in ``hashes``: tested once
                    if ok is None:
                        ok = known[h] = bool(test(strings[h]))
                    out[k] = ok
        return out  # type: ignore[return-value]  # every None was filled in


class Columns:
    """A Doc's parts of speech, lower-cased forms and lemmas as arrays (see the module docstring)."""

    def __init__(self, doc: Doc) -> None:
        arr = doc.to_array([LOWER, LEMMA, POS]) if len(doc) else np.zeros((0, 3), dtype="uint64")
        self.lower = arr[:, 0]
        self.lemma = arr[:, 1]
        self.pos = arr[:, 2]
        self._strings = doc.vocab.strings

    @cached_property
    def _distinct_lower(self) -> tuple[list[int], np.ndarray]:
        return _distinct(self.lower)

    @cached_property
    def _distinct_lemma(self) -> tuple[list[int], np.ndarray]:
        return _distinct(self.lemma)

    def _passing(self, distinct: tuple[list[int], np.ndarray], test: WordTest) -> np.ndarray:
        """Mask of the tokens whose value passes ``test``, each distinct value tested once."""
        values, inverse = distinct
        answers = test.passing(values, self._strings)
        return np.array(answers, dtype=bool)[inverse] if answers else np.zeros(0, dtype=bool)

    def where(
        self,
        *,
        pos: Collection[str] | None = None,
        lower: WordTest | Callable[[str], bool] | None = None,
        lemma: WordTest | Callable[[str], bool] | None = None,
        start: int = 0,
        end: int | None = None,
    ) -> list[int]:
        """Indices in ``[start, end)`` of the tokens with a part of speech in ``pos`` and, when given,
        whose lower-cased form passes ``lower`` *or* whose lemma (as spaCy spells it) passes ``lemma``.
        Tests used on every document should be :class:`WordTest` objects made once, to be remembered."""
        n = len(self.pos)
        stop = n if end is None else max(0, min(n, end))  # an end below 0 is an empty range, not from the end
        mask = np.zeros(n, dtype=bool)
        mask[max(0, start) : stop] = True
        if pos is not None:
            mask &= _pos_table(frozenset(pos))[self.pos]
        if lower is not None or lemma is not None:
            words = np.zeros(len(self.pos), dtype=bool)
            if lower is not None:
                words |= self._passing(self._distinct_lower, _word_test(lower))
            if lemma is not None:
                words |= self._passing(self._distinct_lemma, _word_test(lemma))
            mask &= words
        return np.flatnonzero(mask).tolist()

    def lower_at(self, i: int) -> str:
        """The lower-cased form of token ``i`` (without building the Token)."""
        return self._strings[int(self.lower[i])]


@lru_cache(maxsize=64)
def _pos_table(pos: frozenset[str]) -> np.ndarray:
    """Per part-of-speech id, whether it is one of ``pos`` (indexed by a Doc's POS column)."""
    table = np.zeros(max(POS_IDS.values()) + 1, dtype=bool)
    table[[POS_IDS[p] for p in pos]] = True
    return table


def _distinct(column: np.ndarray) -> tuple[list[int], np.ndarray]:
    """The distinct values of ``column`` and, per token, the index of its own among them."""
    values, inverse = np.unique(column, return_inverse=True)
    return values.tolist(), inverse


def _word_test(test: WordTest | Callable[[str], bool]) -> WordTest:
    # A plain function is tested afresh on each call: fine once, wasteful on every document.
    return test if isinstance(test, WordTest) else WordTest(test)


def columns(doc: Doc) -> Columns:
    """The :class:`Columns` of ``doc``, read once and kept with the Doc (its annotations are final by
    the time dateline's components run)."""
    cols = _CACHE.get(doc)
    if cols is None:
        cols = _CACHE[doc] = Columns(doc)
    return cols
