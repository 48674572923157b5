"""Language identification with lingua, restricted to a small set of candidate languages.

dateline analyses the languages in :data:`SUPPORTED`; the detector also knows a few other common news
languages so that an article in, say, German is recognised as German and skipped with that reason,
instead of being forced into French or English.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

__all__ = ["CANDIDATES", "SUPPORTED", "detect_language", "preload"]

SUPPORTED: tuple[str, ...] = ("fr", "en")
# Candidates beyond the supported ones: the most common languages of news on the open web. Keeping the
# set small keeps lingua fast and its accuracy high on short texts.
CANDIDATES: tuple[str, ...] = ("fr", "en", "de", "es", "it", "pt", "nl", "ru", "ar", "zh", "tr", "pl")

# Lingua is very accurate from a few hundred characters on; reading more costs time (detection is
# linear in the sample) and gains nothing: on the first 3,000 articles of the Reuters-21578 and
# fr_tvnews_2017 corpora, 500 characters give the same answers as 2,000 but for one Reuters table of
# figures (13 vs 12 wrong of 3,000 English ones, 0 of 3,000 French ones) at half the cost.
_SAMPLE_CHARS = 500


# Lingua's low-accuracy mode (trigrams only) is reliable from about a sentence of running text and is
# light; on a single short sentence full of names it errs (it took "Emmanuel Macron a rencontré Angela
# Merkel à Berlin." for Dutch), so short texts go to the high-accuracy mode, built only when needed
# because its models take about 350 MB.
_SHORT = 200


@lru_cache(maxsize=2)
def _detector(high_accuracy: bool) -> Any:
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    langs = [getattr(IsoCode639_1, code.upper()) for code in CANDIDATES]
    builder = LanguageDetectorBuilder.from_iso_codes_639_1(*langs).with_preloaded_language_models()
    if not high_accuracy:
        builder = builder.with_low_accuracy_mode()
    return builder.build()


def preload() -> None:
    """Build both detectors now rather than at the first text that needs each.

    The high-accuracy one takes seconds and about 350 MB, which is why it is otherwise built only when a
    short text turns up; a benchmark or a long-lived server calls this to keep that out of its timings.
    """
    _detector(False)
    _detector(True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the language of ``text``, or ``None`` when it cannot be told."""
    sample = text[:_SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return None
    lang = _detector(len(sample) < _SHORT).detect_language_of(sample)
    if lang is None:
        return None
    return str(lang.iso_code_639_1.name).lower()
