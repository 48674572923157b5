"""Build dateline's actor tables from PETRARCH2's Phoenix dictionaries (MIT, Open Event Data Alliance).

    python tools/build_actor_dictionary.py [--shared ../shared]

Reads ``../shared/eval/events/dictionaries/``:

- ``petrarch2_Phoenix.Countries.actors.txt``, ``petrarch2_Phoenix.International.actors.txt`` and
  ``petrarch2_Phoenix.MilNonState.actors.txt`` (TABARI ``.actors`` format: a name, ``+`` synonyms, then
  ``[CODE]`` or date-ranged ``[CODE yymmdd-yymmdd]``, ``[CODE >yymmdd]``, ``[CODE <yymmdd]`` lines);
- ``petrarch2_Phoenix.agents.txt`` (generic agent nouns, ``WORD [~SEC]``).

Writes, under ``src/dateline/data/events/``:

- ``actors.tsv.gz``: one line per named actor, ``names<TAB>codes``: names are folded (lower case, no
  accents, ``_`` as space), spelt by entity resolution's transliteration key (``phonetic``: "putin" and
  "poutine" meet) and joined by ``|``; codes are ``CODE`` or ``CODE@from..to`` (ISO days, an
  open end left empty) joined by ``|``. Country-level entries (a bare three-letter code: country names,
  provinces, towns) are left out, as the project's gazetteer codes places; so are names of one letter.
- ``en/agents_phoenix.tsv``: the single-word English agent nouns and their sector (three letters).

The licence of the sources (MIT) is copied into the header of both files; ``src/dateline/data/README.md``
records the origin. The output is deterministic (sorted), so re-running it changes nothing.
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
from dateline.entities.resolve import phonetic  # noqa: E402  (the same matching key as entity resolution)

OUT = ROOT / "src" / "dateline" / "data" / "events"
ACTOR_FILES = (
    "petrarch2_Phoenix.Countries.actors.txt",
    "petrarch2_Phoenix.International.actors.txt",
    "petrarch2_Phoenix.MilNonState.actors.txt",
)
# A code and its optional date range. The files write days as yymmdd and, in a few hundred entries (many of them
# offices still held in 2014, such as foreign ministers), as yyyymmdd, with or without a space after ">"/"<"; both
# are read. Malformed days (seven or ten digits) match nothing and the code is dropped rather than guessed.
_DAY = r"(?:\d{8}|\d{6})"
_CODE = re.compile(rf"\[([A-Z~]{{3,15}})(?:\s+([<>]?)\s*({_DAY})(?:-({_DAY}))?)?\s*\]")
HEADER = (
    "# Built by tools/build_actor_dictionary.py from PETRARCH2's Phoenix dictionaries (petrarch2_Phoenix.*),\n"
    "# as laid out in ../shared/eval/events/dictionaries. Do not edit: re-run the script.\n"
    "# Licence of the source: MIT. Copyright (c) 2014 Open Event Data Alliance. Permission is hereby granted,\n"
    "# free of charge, to any person obtaining a copy of this software and associated documentation files,\n"
    "# to deal in the Software without restriction, subject to this notice; THE SOFTWARE IS PROVIDED 'AS IS',\n"
    "# WITHOUT WARRANTY OF ANY KIND.\n"
)


def fold(text: str) -> str:
    """Lower case without accents, underscores as spaces (the project's ``fold`` on TABARI names)."""
    text = text.replace("_", " ").strip()
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


def day(yymmdd: str) -> str:
    """A TABARI yymmdd (or yyyymmdd) as an ISO day; two-digit years up to 30 are 20xx (the files date from 2014)."""
    if len(yymmdd) == 8:
        return f"{yymmdd[:4]}-{yymmdd[4:6]}-{yymmdd[6:8]}"
    yy = int(yymmdd[:2])
    year = 2000 + yy if yy <= 30 else 1900 + yy
    return f"{year}-{yymmdd[2:4]}-{yymmdd[4:6]}"


def parse_codes(text: str) -> list[str]:
    """``[CODE ...]`` groups of a line as ``CODE`` or ``CODE@from..to``."""
    out = []
    for code, bound, a, b in _CODE.findall(text):
        if bound == ">":
            out.append(f"{code}@{day(a)}..")
        elif bound == "<":
            out.append(f"{code}@..{day(a)}")
        elif a and b:
            out.append(f"{code}@{day(a)}..{day(b)}")
        else:
            out.append(code)
    return out


def parse_actors(path: Path) -> list[tuple[list[str], list[str]]]:
    """(names, codes) of each actor block of a TABARI ``.actors`` file."""
    blocks: list[tuple[list[str], list[str]]] = []
    names: list[str] = []
    codes: list[str] = []

    def flush() -> None:
        if names and codes:
            blocks.append((list(names), list(codes)))

    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        stripped = line.strip()
        if stripped.startswith("["):
            codes.extend(parse_codes(stripped))
            continue
        if stripped.startswith("+"):
            names.append(fold(_CODE.sub("", stripped[1:])))
            codes.extend(parse_codes(stripped))
            continue
        flush()
        names, codes = [fold(_CODE.sub("", stripped))], parse_codes(stripped)
    flush()
    return blocks


def keep(codes: list[str]) -> bool:
    """An actor more specific than a country: some code has a sector or is a non-state root."""
    return any(len(c.split("@")[0]) > 3 or c.split("@")[0] in ("IGO", "NGO", "IMG", "MNC") for c in codes)


def build_actors(src: Path) -> list[str]:
    """The lines of ``actors.tsv.gz`` (without the header)."""
    merged: dict[tuple[str, ...], set[str]] = {}
    for name in ACTOR_FILES:
        for names, codes in parse_actors(src / name):
            codes = [c for c in codes if not c.startswith("~")]
            if not keep(codes):
                continue
            good = tuple(sorted({phonetic(n) for n in names if len(n.replace(" ", "")) > 1}))
            if good:
                merged.setdefault(good, set()).update(codes)
    return sorted(f"{'|'.join(n)}\t{'|'.join(sorted(c))}" for n, c in merged.items())


def build_agents(src: Path) -> list[str]:
    """The single-word agent nouns of the agents file, ``word<TAB>SEC``."""
    out: dict[str, str] = {}
    for raw in (src / "petrarch2_Phoenix.agents.txt").read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        m = re.match(r"^([A-Z][A-Z'-]*)_?\s+\[~([A-Z]{3})", line)
        if m and "!" not in m.group(1):
            out.setdefault(m.group(1).lower(), m.group(2))
    return sorted(f"{w}\t{s}" for w, s in out.items())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=OUT, help="output folder (default: the package's data/events)")
    args = ap.parse_args(argv)
    src = args.shared / "eval" / "events" / "dictionaries"
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    (out / "en").mkdir(exist_ok=True)
    actors = build_actors(src)
    body = (
        HEADER
        + "# names (folded and transliteration-keyed, |-separated)\tcodes (CODE or CODE@from..to, |-separated)\n"
        + "\n".join(actors)
        + "\n"
    )
    # mtime=0: the same input gives the same bytes, so the committed file only changes with its sources.
    with open(out / "actors.tsv.gz", "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as fh:
        fh.write(body.encode("utf-8"))
    agents = build_agents(src)
    (out / "en" / "agents_phoenix.tsv").write_text(
        HEADER + "# word\tsector\n" + "\n".join(agents) + "\n", encoding="utf-8"
    )
    print(f"{len(actors)} actors, {len(agents)} agent nouns")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
