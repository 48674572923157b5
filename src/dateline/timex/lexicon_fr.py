"""French month and weekday names, as read from ``data/timex/fr.toml`` by the one loader.

Kept as a module for the importers outside :mod:`dateline.timex` (the entity component's date filter);
the time rules read :func:`dateline.timex.lexicon.lexicon` directly.
"""

from __future__ import annotations

from dateline.timex.lexicon import lexicon as _lexicon

MONTHS: dict[str, int] = _lexicon("fr").MONTHS
WEEKDAYS: dict[str, int] = _lexicon("fr").WEEKDAYS
