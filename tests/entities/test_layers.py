"""The entity stage does not import the quote stage (issue 15): what both need is in dateline.names."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# The lexicon modules are plain data (they import nothing): the only part of dateline.quotes the
# entity stage may load, through dateline.names.
_DATA_ONLY = {"dateline.quotes", "dateline.quotes.lexicon_en", "dateline.quotes.lexicon_fr"}


def test_entities_load_without_the_quote_finder() -> None:
    code = (
        "import sys, dateline.entities.component, dateline.entities.resolve\n"
        "print('\\n'.join(m for m in sys.modules if m.startswith('dateline.quotes')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert set(out.split()) <= _DATA_ONLY


def test_names_module_imports_neither_stage() -> None:
    # By its import statements (importing the package itself loads dateline/__init__'s API).
    import ast

    import dateline.names

    tree = ast.parse(Path(dateline.names.__file__).read_text(encoding="utf-8"))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    ours = {m for m in imported if m.startswith("dateline")}
    assert ours == {"dateline.quotes"}  # "from dateline.quotes import lexicon_en, lexicon_fr": data only
    assert not any(m.startswith("dateline.entities") for m in imported)
