"""Engines run ``analyse_articles`` over batches of articles: in-process or on a local process pool."""

from dateline.engines.local import analyse_batches

__all__ = ["analyse_batches"]
