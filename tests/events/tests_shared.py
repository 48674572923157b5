"""Re-export of ``tests/conftest.py``'s ``need_shared`` for the event test modules."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location("_root_conftest", Path(__file__).parent.parent / "conftest.py")
assert _spec is not None and _spec.loader is not None
_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mod)
need_shared = _mod.need_shared
SHARED = _mod.SHARED
