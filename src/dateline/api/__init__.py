"""``dateline serve``: a read-only REST API and web UI over a dateline store."""

from __future__ import annotations

__all__ = ["create_app"]


def __getattr__(name: str) -> object:
    # FastAPI is imported only when the app is asked for, so ``import dateline.api`` stays cheap.
    if name == "create_app":
        from dateline.api.app import create_app

        return create_app
    raise AttributeError(name)
