"""Build the table of place names that stand for a country in wire datelines, from PETRARCH2's Phoenix
country dictionary (MIT, Open Event Data Alliance).

    python tools/build_places.py [--shared ../shared]

Reads ``../shared/eval/events/dictionaries/petrarch2_Phoenix.Countries.actors.txt`` (TABARI ``.actors``
format): the entries coded with a bare country code (``UNITED_STATES_OF_AMERICA_ [USA]``) list, as ``+``
synonyms, the country's other names, its regions and its towns ("+CHICAGO_", "+OSAKA_"). Writes
``src/dateline/data/events/places.tsv.gz``: one line per name, ``folded name<TAB>country code``, for the
dateline of a story ("CHICAGO, March 12 - ...": :mod:`dateline.events.wire`). A name listed under two
countries is left out. The licence of the source is copied into the header; ``src/dateline/data/README.md``
records the origin. The output is sorted, so re-running it changes nothing.
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
from dateline.entities.normalize import fold  # noqa: E402  (the key wire.py looks names up with)

OUT = ROOT / "src" / "dateline" / "data" / "events" / "places.tsv.gz"
_CODE = re.compile(r"\[([A-Z]{3})\]")


def _name(raw: str) -> str:
    """A TABARI name ("NEW_YORK_CITY_", "+OSAKA_ ") as text ("new york city"), folded."""
    text = raw.split("#", 1)[0].strip().lstrip("+").strip().rstrip("_").replace("_", " ")
    return fold(" ".join(text.split()))


def places(path: Path) -> dict[str, str]:
    """Folded name -> country code, over the entries whose code is a bare country code."""
    seen: dict[str, set[str]] = {}
    block: list[str] = []
    code: str | None = None

    def flush() -> None:
        if code is not None:
            for n in block:
                if len(n) > 1:
                    seen.setdefault(n, set()).add(code)

    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("+"):
            block.append(_name(line))
            continue
        if line[0].isspace():
            if code is None:
                m = _CODE.search(line)
                code = m.group(1) if m and line.strip().startswith("[") and line.strip().endswith("]") else None
            continue
        flush()
        head = line.split("[", 1)
        block = [_name(head[0])]
        m = _CODE.search(line)
        code = m.group(1) if m else None
    flush()
    return {n: next(iter(c)) for n, c in seen.items() if len(c) == 1}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args(argv)
    src = args.shared / "eval" / "events" / "dictionaries"
    table = places(src / "petrarch2_Phoenix.Countries.actors.txt")
    licence = " ".join((src / "petrarch2_LICENSE.txt").read_text(encoding="utf-8").split())
    header = [
        "# Built by tools/build_places.py from PETRARCH2's Phoenix country dictionary",
        "# (petrarch2_Phoenix.Countries.actors.txt in ../shared/eval/events/dictionaries). Do not edit: re-run it.",
        "# Columns: folded place name<TAB>country code. Names listed under two countries are left out.",
        "# Licence of the source:",
        *("# " + line for line in textwrap.wrap(licence, 110)),
    ]
    lines = header + [f"{n}\t{c}" for n, c in sorted(table.items())]
    with gzip.GzipFile(OUT, "wb", mtime=0) as fh:
        fh.write(("\n".join(lines) + "\n").encode("utf-8"))
    print(f"{len(table)} names -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
