"""Seeded draw of the documents of the *test* gold sets (issue 13): documents nobody tuned on.

    python eval/tools/draw_test.py timex-fr      # 25 articles (+ spares) for eval/timex/fr_test.jsonl
    python eval/tools/draw_test.py --list        # every set with its seed and size

Prints one tab-separated line per document: rank, corpus, id, date, length, stratum, and whether it
is a "main" pick or a "spare". Annotators take the main picks in order, then spares in rank order
only if the set's minimum count (of expressions, quotes, events or mentions) is not yet reached; the
gold file says how many spares were used. Nothing else is chosen by hand.

What keeps the test documents unseen:
- no article of a dev gold set (eval/*/fr_gold*.jsonl) nor any id written anywhere in src/, tests/,
  bench/, eval/ or docs/ of this repository is eligible;
- French articles come from periods the dev sets do not touch: fr_orangesum_2011_2019 from months
  without any dev article, fr_tvnews_2017 (whose every month has dev articles) from days without any
  dev article, and the TV texts of one day also have the same stories, so a day with a dev article is
  left out whole;
- two test sets never share a document (each set is drawn from what the sets before it left, in the
  order of SETS), so the second-pass agreement of one set is not coloured by another's annotation;
- the draw depends only on the corpora, the dev files and the seed (Python's `random.Random`); the
  same command always prints the same list.
The cue patterns only steer a share of each draw towards documents that hold what the set measures
(quotes, events); the other share is drawn without them, to measure precision on ordinary text.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corpora import ROOT, iter_records
from pick_articles import NEWS_SECTIONS  # the dev draws' news sections: one table for both

REUTERS = "en_reuters21578"
TV = "fr_tvnews_2017"
ORANGE = "fr_orangesum_2011_2019"

# A dev article is any article of these files (the gold sets used so far, now dev).
DEV_FILES = ("eval/quotes/fr_gold.jsonl", "eval/events/fr_gold.jsonl", "eval/entities/fr_gold_clusters.jsonl")
ID_IN_REPO = re.compile(r"\b(tvnews-[0-9a-f]{16}|orangesum-\d+|reuters21578-\d+)\b")
SCANNED_DIRS = ("src", "tests", "bench", "eval", "docs", "tools", "samples")

FR_QUOTE_CUE = re.compile(
    r"[«»“”\"]|\b(a déclaré|a affirmé|a estimé|a indiqué|a expliqué|a assuré|a annoncé|selon|d'après)\b",
    re.IGNORECASE,
)
EN_QUOTE_CUE = re.compile(r"\b(said|told|says|according to|stated|added)\b", re.IGNORECASE)
FR_EVENT_CUE = re.compile(
    r"\b(attaqu\w*|attentat\w*|frapp\w*|tués?|manifest\w*|grève\w*|rencontr\w*|entretenu|sommet\w*|"
    r"accord\w*|sanction\w*|arrêt[ée]\w*|interpell\w*|expuls\w*|menac\w*|accus\w*|condamn\w*|"
    r"réclam\w*|exig\w*|refus\w*|soutien\w*|déploy\w*|négoci\w*|retrait\w*|aide\w*)\b",
    re.IGNORECASE,
)
EN_EVENT_CUE = re.compile(
    r"\b(talks|met|meeting|visit\w*|agree\w*|accord|accus\w*|criticis\w*|criticiz\w*|sanction\w*|"
    r"embargo|retaliat\w*|protest\w*|strike\w*|attack\w*|troops|army|rebels?|arrest\w*|"
    r"demand\w*|urged|warn\w*|threat\w*|reject\w*|refus\w*|aid|loan\w*|negotiat\w*)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class SetSpec:
    """One test set: where it draws from, how many documents, what steers part of the draw."""

    name: str
    seed: int
    corpora: tuple[str, ...]
    n: int
    spares: int
    min_len: int
    max_len: int
    cue: re.Pattern[str] | None = None
    cue_share: float = 0.0  # share of the main picks drawn among documents matching `cue`
    news_only: bool = True
    minimum: str = ""


SETS = (
    SetSpec("timex-fr", 1301, (ORANGE, TV), 25, 15, 1200, 5000, minimum=">= 250 TIMEX3"),
    SetSpec("timex-en", 1302, (REUTERS,), 25, 15, 1200, 5000, minimum=">= 200 TIMEX3"),
    SetSpec("quotes-fr", 1303, (ORANGE, TV), 30, 15, 800, 4000, FR_QUOTE_CUE, 5 / 6, minimum=">= 150 quotes"),
    SetSpec("quotes-en", 1304, (REUTERS,), 20, 10, 800, 4000, EN_QUOTE_CUE, 4 / 5, minimum="20 stories"),
    SetSpec("events-fr", 1305, (ORANGE, TV), 40, 20, 500, 3000, FR_EVENT_CUE, 2 / 3, minimum=">= 150 events"),
    SetSpec("events-en", 1306, (REUTERS,), 30, 20, 500, 3000, EN_EVENT_CUE, 2 / 3, minimum=">= 100 events"),
    SetSpec("entities-fr", 1307, (ORANGE, TV), 60, 30, 500, 3000, minimum=">= 300 mentions"),
)


def recorded(name: str, root: Path = ROOT) -> list[tuple[str, str, str, str]]:
    """(set, corpus, id, date) of every document of a recorded draw, ``eval/<name>.tsv``."""
    out: list[tuple[str, str, str, str]] = []
    for line in (root / "eval" / f"{name}.tsv").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            set_name, _, corpus, rid, date, *_ = line.split("\t")
            out.append((set_name, corpus, rid, date))
    return out


def section(url: str | None) -> str:
    """First path segment of an article's URL ("" when it has none)."""
    parts = (url or "").split("/")
    return parts[3] if len(parts) > 3 else ""


def ids_named_in_repo(root: Path = ROOT) -> set[str]:
    """Every corpus id written in the repository's code, tests, docs or gold files."""
    found: set[str] = set()
    for d in SCANNED_DIRS:
        base = root / d
        if not base.exists():
            continue
        for p in base.rglob("*"):
            # The test sets themselves (gold, second passes, notes) name the drawn ids: they are the draw's
            # output, not documents anyone had opened before it. The same holds for the dev sets drawn
            # after them (eval/tools/draw_dev.py): they come from what this draw left, so they must not
            # change it.
            if "_test" in p.name or ".second." in p.name or "_dev" in p.name:
                continue
            if p.is_file() and p.suffix in {".py", ".md", ".jsonl", ".json", ".txt", ".tsv", ".csv", ".yml"}:
                found.update(ID_IN_REPO.findall(p.read_text("utf-8", errors="replace")))
    return found


def reuters_ids_on(days: set[str]) -> set[str]:
    """Ids of the Reuters stories dated on one of `days` (the wire tells one story several times a day)."""
    return {r["id"] for r in iter_records(REUTERS) if (r.get("date") or "")[:10] in days}


def dev_periods(root: Path = ROOT) -> tuple[set[str], set[str], set[str]]:
    """(dev ids, days of fr_tvnews_2017 with a dev article, months of fr_orangesum with one)."""
    dev: dict[str, set[str]] = {TV: set(), ORANGE: set()}
    for f in DEV_FILES:
        for line in (root / f).read_text("utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                dev.setdefault(rec["corpus"], set()).add(rec["id"])
    days = {r["date"][:10] for r in iter_records(TV) if r["id"] in dev[TV]}
    months = {r["date"][:7] for r in iter_records(ORANGE) if r["id"] in dev[ORANGE]}
    return dev[TV] | dev[ORANGE], days, months


def eligible(spec: SetSpec, excluded: set[str], tv_days: set[str], orange_months: set[str]) -> Iterator[dict]:
    """The corpus records a set may draw from, in file order."""
    for corpus in spec.corpora:
        for rec in iter_records(corpus):
            text = rec.get("text") or ""
            if rec["id"] in excluded or not spec.min_len <= len(text) <= spec.max_len:
                continue
            date = rec.get("date") or ""
            if corpus == TV and date[:10] in tv_days:
                continue
            if corpus == ORANGE and date[:7] in orange_months:
                continue
            if spec.news_only and corpus in NEWS_SECTIONS and section(rec.get("url")) not in NEWS_SECTIONS[corpus]:
                continue
            yield {
                "corpus": corpus,
                "id": rec["id"],
                "date": date,
                "len": len(text),
                "cue": bool(spec.cue and spec.cue.search(text)),
            }


def draw(spec: SetSpec, excluded: set[str], tv_days: set[str], orange_months: set[str]) -> list[dict]:
    """Main picks then spares of one set: each corpus of the set gives an equal share."""
    rng = random.Random(spec.seed)
    pool = list(eligible(spec, excluded, tv_days, orange_months))
    total = spec.n + spec.spares
    per_corpus = [
        total // len(spec.corpora) + (1 if i < total % len(spec.corpora) else 0) for i in range(len(spec.corpora))
    ]
    picks: list[dict] = []
    for corpus, k in zip(spec.corpora, per_corpus, strict=True):
        docs = [d for d in pool if d["corpus"] == corpus]
        if spec.cue is not None:
            k_cue = round(k * spec.cue_share)
            cued = [d for d in docs if d["cue"]]
            chosen = rng.sample(cued, k_cue)
            taken = {d["id"] for d in chosen}
            rest = [d for d in docs if d["id"] not in taken]
            chosen += rng.sample(rest, k - k_cue)
            strata = ["cue"] * k_cue + ["any"] * (k - k_cue)
        else:
            chosen = rng.sample(docs, k)
            strata = ["any"] * k
        for d, s in zip(chosen, strata, strict=True):
            picks.append({**d, "stratum": s})
    # One order for the whole set, so main picks and spares mix the corpora and the strata.
    rng.shuffle(picks)
    for rank, d in enumerate(picks, 1):
        d["rank"] = rank
        d["role"] = "main" if rank <= spec.n else "spare"
    return picks


def draw_all() -> dict[str, list[dict]]:
    """Every set, drawn in the order of SETS, each from what the ones before it left."""
    dev_ids, tv_days, orange_months = dev_periods()
    excluded = dev_ids | ids_named_in_repo()
    out: dict[str, list[dict]] = {}
    for spec in SETS:
        picks = draw(spec, excluded, tv_days, orange_months)
        out[spec.name] = picks
        excluded |= {d["id"] for d in picks}
    return out


def cli(argv: list[str] | None, doc: str | None, sets: tuple[SetSpec, ...], draw_sets: Any) -> int:
    """The command line of a draw (this one and draw_dev.py): ``--list`` the sets, or print one set's picks."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("set", nargs="?", choices=[s.name for s in sets])
    ap.add_argument("--list", action="store_true", help="the sets, their seeds and sizes")
    args = ap.parse_args(argv)
    if args.list or not args.set:
        for s in sets:
            print(f"{s.name}\tseed {s.seed}\t{s.n} + {s.spares} spares\t{'/'.join(s.corpora)}\t{s.minimum}")
        return 0
    for d in draw_sets()[args.set]:
        print(f"{d['rank']}\t{d['corpus']}\t{d['id']}\t{d['date']}\t{d['len']}\t{d['stratum']}\t{d['role']}")
    return 0


def main(argv: list[str] | None = None) -> int:
    return cli(argv, __doc__, SETS, draw_all)


if __name__ == "__main__":
    sys.exit(main())
