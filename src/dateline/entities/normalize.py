"""Name normalisation shared by in-article grouping and cross-document resolution."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["MAX_NAME_CHARS", "fold", "name_key", "name_offset", "strip_determiners"]

# The longest name an entity may have. No person, organisation or place is named in more than 200
# characters (the United Nations' longest agency names are under 80), while a run of capitalised garbage
# the model takes for a name is unbounded; and the store indexes names, which PostgreSQL cannot do for a
# value over about 2,700 bytes (SQLite can: the two stores of one input would differ).
MAX_NAME_CHARS = 200

# Lower-case only (and the elided "L'"): a capitalised "Le" at the start of a name is part of it ("Le
# Pen", "Le Drian"), while the model sometimes includes a plain article ("le Kremlin") in the span. The
# entity component strips a capitalised article from names that are not people's ("La France").
_DETERMINERS = re.compile(r"^(?:[lL]['’]|le |la |les |du |des |de la |de l['’]|d['’]|de |the |a |an )")
_SPACES = re.compile(r"\s+")
_EDGE_PUNCT = " \t\r\n,;:.!?«»“”\"'’()[]{}-–—"


# A preposition, contracted with the article or not, that a phrase taken as a name may begin with ("aux
# forces armées maliennes", "des rebelles", "to the rebels"). Followed by a lower-case word it is no
# part of the name; before a capital it may be a surname's particle ("de Gaulle") and stays.
_LEADING_PREPOSITION = re.compile(
    r"(?:à la |à l['’]|au |aux |à |de la |de l['’]|du |des |de |d['’]|en |par |pour |sur |avec |dans |chez |"
    r"of |to |in |at |from |by |with )(?=[a-zà-ÿ])"
)


def name_offset(text: str) -> int:
    """How many characters of a phrase come before the name in it: a leading preposition before a
    lower-case word ("aux forces armées maliennes" → 4, "de Gaulle" → 0)."""
    m = _LEADING_PREPOSITION.match(text)
    return m.end() if m is not None and m.end() < len(text) else 0


# A pure function of its text, called on the same few names again and again (every mention is folded
# by several checks): remembered, within a bound.
@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case, strip accents and collapse white space: 'Sergueï  Lavrov' -> 'serguei lavrov'."""
    decomposed = unicodedata.normalize("NFKD", text)
    no_marks = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", no_marks.replace("’", "'")).strip().casefold()


def strip_determiners(text: str) -> str:
    """Remove a leading article ('le Kremlin' -> 'Kremlin', "l'Élysée" -> 'Élysée')."""
    return _DETERMINERS.sub("", text.strip(_EDGE_PUNCT)).strip(_EDGE_PUNCT)


def name_key(text: str) -> str:
    """The key under which mentions of the same name are grouped."""
    return fold(strip_determiners(text))
