"""Query results: plain lists of dicts that also turn into DataFrames and render in Jupyter."""

from __future__ import annotations

import html
from typing import Any

__all__ = ["Rows"]


class Rows(list[dict[str, Any]]):
    """A list of result rows (dicts) with conversions to pandas, polars and Arrow.

    The libraries are imported only when a conversion is asked for (the ``frames`` extra installs them),
    so plain use costs nothing.
    """

    def __init__(self, rows: Any = (), columns: list[str] | None = None) -> None:
        super().__init__(rows)
        self.columns = columns or (list(self[0]) if self else [])

    def to_arrow(self) -> Any:
        """A ``pyarrow.Table`` of the rows."""
        import pyarrow as pa

        return pa.Table.from_pylist(list(self)) if self else pa.table({c: [] for c in self.columns})

    def to_pandas(self) -> Any:
        """A ``pandas.DataFrame`` of the rows."""
        import pandas as pd

        return pd.DataFrame(list(self), columns=self.columns or None)

    def to_polars(self) -> Any:
        """A ``polars.DataFrame`` of the rows."""
        import polars as pl

        return pl.DataFrame(list(self)) if self else pl.DataFrame({c: [] for c in self.columns})

    def _repr_html_(self) -> str:
        """An HTML table for Jupyter (every value escaped; at most 50 rows shown)."""
        cols = self.columns
        head = "".join(f"<th>{html.escape(str(c))}</th>" for c in cols)

        def cell(v: Any) -> str:
            return f"<td>{html.escape('' if v is None else str(v))}</td>"

        body = "".join("<tr>" + "".join(cell(r.get(c)) for c in cols) + "</tr>" for r in self[:50])
        more = f"<p>… {len(self) - 50} more rows</p>" if len(self) > 50 else ""
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}"
