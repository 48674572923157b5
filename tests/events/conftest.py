"""Fixtures for the event tests (helpers live in ``conftest_events.py``)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from conftest_events import en, fr  # noqa: F401

# The shared-path helpers of tests/conftest.py, importable from test modules.
sys.path.insert(0, str(Path(__file__).parent.parent))
