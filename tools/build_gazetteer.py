"""Build ``src/dateline/data/gazetteer.json``: country names, capitals and demonyms in French and English.

Run from the repository root (needs ``pycountry`` from the ``build`` extra and the country tables in
``../shared/eval/events/countries``)::

    python tools/build_gazetteer.py [--shared ../shared] [--out src/dateline/data/gazetteer.json]

Sources (attribution in ``src/dateline/data/README.md``):

- pycountry (ISO 3166-1, LGPL-2.1): ISO codes, English names, French names (its iso-codes translations);
- mledoze/countries (ODbL 1.0): common and official names in English and French, English capitals,
  English and French demonyms (masculine/feminine);
- NGEC ``countries.csv``: English nationality adjectives and plurals.

Two small hand-written tables cover what none of these sources has: the French exonyms of capitals
("Moscou", "Londres", "Pékin"; the sources give capitals in English only) and the non-state armed
groups that news text uses as actors ("Daech"). They are marked ``"origin": "hand"`` in the output.
The seats of government named for their institutions ("le Kremlin", "l'Élysée") are not built here:
they are per-language resource files, ``src/dateline/data/entities/<lang>/seats.tsv``.
"""

from __future__ import annotations

import argparse
import csv
import gettext
import importlib.metadata
import json
from pathlib import Path
from typing import Any

import pycountry

ROOT = Path(__file__).resolve().parent.parent

# French names of capitals where French differs from the English name mledoze gives. No source on
# hand has French city names, so this is written by hand and kept to capitals that news cites.
FR_CAPITALS: dict[str, list[str]] = {
    "RUS": ["Moscou"],
    "GBR": ["Londres"],
    "CHN": ["Pékin", "Beijing"],
    "POL": ["Varsovie"],
    "BEL": ["Bruxelles"],
    "AUT": ["Vienne"],
    "GRC": ["Athènes"],
    "EGY": ["Le Caire"],
    "DZA": ["Alger"],
    "IRN": ["Téhéran"],
    "SYR": ["Damas"],
    "IRQ": ["Bagdad"],
    "LBN": ["Beyrouth"],
    "KOR": ["Séoul"],
    "IND": ["New Delhi", "Delhi"],
    "DNK": ["Copenhague"],
    "PRT": ["Lisbonne"],
    "ROU": ["Bucarest"],
    "CUB": ["La Havane"],
    "MEX": ["Mexico"],
    "BRA": ["Brasília", "Brasilia"],
    "CHE": ["Berne"],
    "SAU": ["Riyad"],
    "KWT": ["Koweït"],
    "ARE": ["Abou Dhabi"],
    "OMN": ["Mascate"],
    "YEM": ["Sanaa"],
    "AFG": ["Kaboul"],
    "ETH": ["Addis-Abeba"],
    "CYP": ["Nicosie"],
    "MLT": ["La Valette"],
    "UKR": ["Kiev", "Kyiv"],
    "BLR": ["Minsk"],
    "GEO": ["Tbilissi"],
    "ARM": ["Erevan"],
    "AZE": ["Bakou"],
    "TUR": ["Ankara"],
    "ISR": ["Jérusalem", "Tel-Aviv"],
    "LBY": ["Tripoli"],
    "SDN": ["Khartoum"],
    "ZAF": ["Pretoria"],
    "JPN": ["Tokyo"],
    "PRK": ["Pyongyang"],
    "USA": ["Washington"],
    "VAT": ["Vatican"],
}
# Everyday French names of countries that the ISO and mledoze tables lack: the press says
# "la Grande-Bretagne" for the United Kingdom, "l'Amérique" for the United States, "l'Hexagone" for
# France. ("Angleterre" stays England, not the UK; "Hollande" is too often François Hollande.)
NAMES_FR_EXTRA: dict[str, list[str]] = {
    "GBR": ["Grande-Bretagne"],
    "USA": ["Amérique"],
    "FRA": ["Hexagone"],
}
# Transnational militarized groups, coded the CAMEO way (IMG + religion + group: the PETRARCH/UD
# validation set codes ISIL as IMGMUSISI).
GROUPS: list[dict[str, Any]] = [
    {
        "code": "IMGMUSISI",
        "names": [
            "Daech",
            "Daesh",
            "Daïch",
            "État islamique",
            "Etat islamique",
            "groupe État islamique",
            "groupe terroriste État islamique",
            "organisation État islamique",
            "EI",
            "Islamic State",
            "ISIS",
            "ISIL",
            "IS",
        ],
    },
    {"code": "IMGMUSAQA", "names": ["al-Qaïda", "Al-Qaïda", "al-Qaeda", "Al Qaeda", "Al-Qaida"]},
]


def _fr_plural(word: str) -> str:
    return word if word.endswith(("s", "x")) else word + "s"


def build(shared: Path) -> dict[str, Any]:
    """Collect the country table from pycountry, mledoze and NGEC."""
    countries_dir = shared / "eval" / "events" / "countries"
    mledoze = {c["cca3"]: c for c in json.loads((countries_dir / "mledoze_countries.json").read_text())}
    ngec: dict[str, list[str]] = {}
    with (countries_dir / "countries_nationality_NGEC2025.csv").open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            words = [w.strip() for w in row["Nationality"].split(",") if w.strip()]
            # Multi-word entries are official country names repeated there, not adjectives.
            ngec[row["CCA3"]] = [w for w in words if len(w.split()) <= 2]
    fr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    out: dict[str, Any] = {}
    # pycountry's ISO list, plus the few entries mledoze has beyond it (Kosovo, XKX).
    entries: list[tuple[str, str, Any]] = [(c.alpha_3, c.alpha_2, c) for c in pycountry.countries]
    known = {c.alpha_3 for c in pycountry.countries}
    entries += [(k, v["cca2"], None) for k, v in mledoze.items() if k not in known]
    for iso3, iso2, c in entries:
        m = mledoze.get(iso3, {})
        names_en = []
        fr_name = ","
        if c is not None:
            names_en = [c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)]
            fr_name = fr.gettext(c.name)
        if m:
            names_en += [m["name"]["common"], m["name"]["official"]]
            alts = m.get("altSpellings", [])
            names_en += [a for a in alts if (a.isascii() and len(a) > 2) or a in ("US", "UK")]
        names_fr = [] if "," in fr_name else [fr_name]  # "Russie, Fédération de" is an index form
        if m:
            names_fr += [m["translations"]["fra"]["common"], m["translations"]["fra"]["official"]]
        names_fr += NAMES_FR_EXTRA.get(iso3, [])
        caps_en = list(m.get("capital", []))
        caps_en += [cap.replace(" D.C.", "") for cap in caps_en if cap.endswith(" D.C.")]
        dem = m.get("demonyms", {})
        dem_en = [dem.get("eng", {}).get(g) for g in ("m", "f")] + ngec.get(iso3, [])
        dem_fr: list[str] = []
        for g in ("m", "f"):
            w = dem.get("fra", {}).get(g)
            if w:
                dem_fr += [w, _fr_plural(w)]
        out[iso3] = {
            "iso2": iso2,
            # Used to break ties: "French" is the demonym of France and of its southern territories.
            "sovereign": bool(m.get("unMember") or m.get("independent")),
            "names_en": _uniq(names_en),
            "names_fr": _uniq(names_fr),
            "capitals_en": _uniq(caps_en),
            "capitals_fr": _uniq(FR_CAPITALS.get(iso3, []) + caps_en),
            "demonyms_en": _uniq(dem_en),
            "demonyms_fr": _uniq(dem_fr),
        }
    return {
        "sources": {
            "pycountry": importlib.metadata.version("pycountry"),
            "mledoze/countries": "ODbL 1.0, dist/countries.json",
            "NGEC countries.csv": "ahalterman/NGEC-2025 NGEC/assets/countries.csv",
            "hand": "French capital exonyms, non-state groups (tools/build_gazetteer.py)",
        },
        "countries": out,
        "groups": [dict(x, origin="hand") for x in GROUPS],
    }


def _uniq(items: list[str | None]) -> list[str]:
    seen: list[str] = []
    for x in items:
        if x and x not in seen:
            seen.append(x)
    return seen


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "dateline" / "data" / "gazetteer.json")
    args = ap.parse_args()
    data = build(args.shared)
    text = json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True)
    args.out.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(data['countries'])} countries")


if __name__ == "__main__":
    main()
