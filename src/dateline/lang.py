"""Language identification with lingua, restricted to a small set of candidate languages.

dateline analyses the languages in :data:`SUPPORTED`; the detector also knows a few other common news
languages so that an article in, say, German is recognised as German and skipped with that reason,
instead of being forced into French or English.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

__all__ = ["CANDIDATES", "SUPPORTED", "detect_language"]

SUPPORTED: tuple[str, ...] = ("fr", "en")
# Candidates beyond the supported ones: the most common languages of news on the open web. Keeping the
# set small keeps lingua fast and its accuracy high on short texts.
CANDIDATES: tuple[str, ...] = ("fr", "en", "de", "es", "it", "pt", "nl", "ru", "ar", "zh", "tr", "pl")

# Lingua is very accurate from a few hundred characters on; reading a whole 20,000-character article
# costs time and gains nothing, so only the start is looked at.
_SAMPLE_CHARS = 2000


@lru_cache(maxsize=1)
def _detector() -> Any:
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    langs = [getattr(IsoCode639_1, code.upper()) for code in CANDIDATES]
    return (
        LanguageDetectorBuilder.from_iso_codes_639_1(*langs)
        .with_preloaded_language_models()
        .with_low_accuracy_mode()
        .build()
    )


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the language of ``text``, or ``None`` when it cannot be told."""
    sample = text[:_SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return None
    lang = _detector().detect_language_of(sample)
    if lang is None:
        return None
    return str(lang.iso_code_639_1.name).lower()
