"""Exports of a store: analysis records (JSONL), tables (CSV, Parquet), TimeML, a GDELT-like events table.

dateline export --format jsonl|csv|parquet|timeml|gdelt --out PATH [--since D] [--until D]
"""

from __future__ import annotations

from dateline.export.run import FORMATS, export

__all__ = ["FORMATS", "export"]
