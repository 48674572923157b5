"""dateline: dated news in, a time-resolved record of who said and did what, to whom, when and where.

The curated public API::

    import dateline
    record = dateline.analyse("Moscou voit ...", date="2017-01", lang="fr")
    with dateline.open_store("dateline.db") as store:
        store.timeline("Sergueï Lavrov")
"""

from __future__ import annotations

__version__ = "0.1.0"

from dateline.article import Article, PubDate
from dateline.errors import DatelineError
from dateline.pipeline import analyse, analyse_articles, load_pipeline
from dateline.readers import read_paths
from dateline.record import SCHEMA, check_record
from dateline.store import Store, open_store

__all__ = [
    "SCHEMA",
    "Article",
    "DatelineError",
    "PubDate",
    "Store",
    "__version__",
    "analyse",
    "analyse_articles",
    "check_record",
    "load_pipeline",
    "open_store",
    "read_paths",
]
