"""Build ``src/dateline/data/plover.json`` from the PLOVER materials in ``../shared/eval/events``.

    python tools/build_plover.py [--shared ../shared]

Keeps what the event component needs at run time: the 16 PLOVER 2.0 event types with their modes,
definitions and scores (``plover/plover_ontology.json``), the CAMEO→PLOVER table
(``plover/CAMEO2PLOVER-2021.txt``) and CAMEO code names (``cameo/cameo_codes_merged.csv``).
Licence CC BY-SA 4.0 (PLOVER); see ``src/dateline/data/README.md``.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from pathlib import Path
from typing import Any

_ROOT = re.compile(r"^(\d{2}):\s*([A-Z]+)\s*$")
ROOT = Path(__file__).resolve().parent.parent
_LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*,\s*([^,#]*?)\s*,\s*([^#]*?)\s*(?:#\s*(.*))?$")


def build(shared: Path) -> dict[str, Any]:
    """Collect types, modes and the CAMEO map."""
    base = shared / "eval" / "events"
    onto = json.loads((base / "plover" / "plover_ontology.json").read_text(encoding="utf-8"))
    types = {}
    for t in onto["event_types"]:
        types[t["event"]] = {
            "definition": t["definition"],
            "quad": t["quad_category"],
            "score": t["score"],
            "requires_recipient": t["requires_recipient"],
            "modes": {m["mode"]: {"definition": m["definition"], "score": m.get("score")} for m in t["modes"]},
        }
    cameo: dict[str, dict[str, Any]] = {}
    for line in (base / "plover" / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        root = _ROOT.match(line.strip())
        if root:
            # "08: RETREAT" repeats root 08 for its second half: the first heading wins.
            cameo.setdefault(root[1], {"event": root[2], "mode": None, "context": [], "label": ""})
            continue
        m = _LINE.match(line.strip())
        if not m:
            continue
        code, event, mode, context, label = m.groups()
        mode = mode.strip() or None
        cameo.setdefault(
            code,
            {
                "event": event,
                "mode": mode if mode and event in types and mode in types[event]["modes"] else None,
                "context": [c.strip() for c in context.split(";") if c.strip()],
                "label": (label or "").strip(),
            },
        )
    names: dict[str, str] = {}
    with (base / "cameo" / "cameo_codes_merged.csv").open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            code = row["code"]
            name = row.get("name_cameo_icews") or row.get("name_gdelt_lookup") or ""
            names[code] = name
    return {
        "source": "openeventdata/PLOVER (CC BY-SA 4.0): PLOVER_MANUAL.tex draft 2.0, CAMEO2PLOVER-2021.txt; "
        "NGEC structured codebook (MIT); CAMEO codebook names via GDELT/ICEWS lookups",
        "types": types,
        "cameo_to_plover": cameo,
        "cameo_names": names,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description="Build src/dateline/data/plover.json")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "dateline" / "data" / "plover.json")
    args = ap.parse_args()
    data = build(args.shared)
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n")
    print(f"wrote {args.out}: {len(data['types'])} types, {len(data['cameo_to_plover'])} CAMEO codes")


if __name__ == "__main__":
    main()
