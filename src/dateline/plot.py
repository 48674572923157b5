"""Plots people would rather look at than read: mentions of entities over time.

Mentions in articles dated more loosely than the period are drawn apart, as a lighter stacked band, so a
month-dated article is never drawn as if it were known to the day.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["plot_mentions"]


def plot_mentions(series: dict[str, list[dict[str, Any]]], out: str | Path, *, by: str = "month") -> Path:
    """Write a PNG or SVG (by ``out``'s suffix) of mentions per period, one line per entity."""
    import matplotlib

    matplotlib.use("Agg")  # no display needed: this writes a file
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    out = Path(out)
    fig, ax = plt.subplots(figsize=(10, 4.5), dpi=120)
    periods = _all_periods([r for rows in series.values() for r in rows], by)
    index = {p: i for i, p in enumerate(periods)}
    for name, found in series.items():
        # Periods without a mention are drawn as zero, not bridged by the line.
        by_period = {r["period"]: r for r in found}
        # Rows of their own for articles dated more loosely than the period (a month in a count per
        # day): a flat band over the whole window, never a point on one of its days.
        windows = [r for r in found if r["period"] not in index]
        rows = [by_period.get(p, {"mentions": 0, "uncertain_mentions": 0}) for p in periods]
        xs = list(range(len(periods)))
        certain = [r["mentions"] for r in rows]
        upper = [r["mentions"] + r["uncertain_mentions"] for r in rows]
        (line,) = ax.plot(xs, certain, marker="o", label=name)
        if any(r["uncertain_mentions"] for r in rows):
            ax.fill_between(
                xs,
                certain,
                upper,
                color=line.get_color(),
                alpha=0.2,
                label=f"{name}: articles dated more loosely than a {by}",
            )
        for k, w in enumerate(windows):
            span = [i for p, i in index.items() if w["start"] <= _period_start(p) <= w["end"]]
            if span:
                ax.fill_between(
                    [span[0] - 0.4, span[-1] + 0.4],
                    [w["uncertain_mentions"]] * 2,
                    color=line.get_color(),
                    alpha=0.12,
                    hatch="//",
                    label=f"{name}: articles dated only to {w['period']}" if k == 0 else None,
                )
    step = max(1, len(periods) // 24)  # at most about 24 labels, so they stay readable
    ax.set_xticks(range(0, len(periods), step))
    ax.set_xticklabels(periods[::step], rotation=45, ha="right", fontsize=8)
    ax.set_ylabel("mentions")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title(f"Mentions per {by}")
    ax.legend(fontsize=8)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out)
    plt.close(fig)
    return out


def _all_periods(rows: list[dict[str, Any]], by: str) -> list[str]:
    """Every period from the first to the last one with data, gaps included."""
    from datetime import date, timedelta

    from dateline.store.queries import bucket

    if not rows:
        return []
    day = min(r["start"] for r in rows)
    last = max(r["start"] if bucket(r["start"], by)[0] == r["period"] else r["end"] for r in rows)  # type: ignore[arg-type]
    labels = []
    while day <= last:
        label, _, end = bucket(day, by)  # type: ignore[arg-type]
        labels.append(label)
        day = (date.fromisoformat(end) + timedelta(days=1)).isoformat()
    return labels


def _period_start(label: str) -> str:
    """The first day of a period label."""
    from dateline.store.queries import period_bounds

    return period_bounds(label)[0]
