"""The test sets stay what docs/evaluation.md says they are.

- every test gold file (and every second pass) is valid against the corpus texts it points into;
- each test file holds exactly the first documents of its seeded draw, main picks then spares in rank
  order, none skipped — so nobody chose which documents to keep;
- no test document is a dev document, and no two test sets share one;
- every test set has its second reader's tenth, drawn by its recorded seed;
- the scorers refuse to list items of a test set;
- the project holds no run of seven words of a gold text (eval/tools/gold_text.py).
"""

from __future__ import annotations

import importlib.util
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from dl_testing import ROOT, need_shared

sys.path.insert(0, str(ROOT / "eval" / "tools"))
import check_gold
import draw_test
import gold_text

# (test file, draw set, (seed, size) of the second reader's tenth, as docs/evaluation.md records them)
TEST_SETS = [
    ("eval/timex/fr_test.jsonl", "timex-fr", (2301, 4)),
    ("eval/timex/en_test.jsonl", "timex-en", (2302, 3)),
    ("eval/quotes/fr_test.jsonl", "quotes-fr", (2303, 3)),
    ("eval/quotes/en_test.jsonl", "quotes-en", (2304, 2)),
    ("eval/events/fr_test.jsonl", "events-fr", (2305, 4)),
    # The replacement English events test set (eval/tools/draw_retest.py); the first, events-en, is dev now.
    ("eval/events/en_test_b.jsonl", "events-en-b", (2308, 3)),
    ("eval/entities/fr_test_clusters.jsonl", "entities-fr", (2307, 6)),
]
DEV_FILES = ["eval/quotes/fr_gold.jsonl", "eval/events/fr_gold.jsonl", "eval/entities/fr_gold_clusters.jsonl"]


def _ids(path: Path) -> list[str]:
    """Document ids of a gold file in first-seen order (entity files have one line per mention)."""
    out: list[str] = []
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            i = json.loads(line)["id"]
            if i not in out:
                out.append(i)
    return out


def _recorded() -> dict[str, list[dict]]:
    """eval/drawn_test.tsv: the draw as it was made, before any document was annotated."""
    out: dict[str, list[dict]] = {}
    lines = (ROOT / "eval" / "drawn_test.tsv").read_text("utf-8").splitlines()
    lines += (ROOT / "eval" / "drawn_test_b.tsv").read_text("utf-8").splitlines()
    for line in lines:
        if line.startswith("#") or not line.strip():
            continue
        name, rank, corpus, i, date, length, stratum, role = line.split("\t")
        out.setdefault(name, []).append(
            {"rank": int(rank), "corpus": corpus, "id": i, "date": date, "len": int(length), "stratum": stratum,
             "role": role}
        )  # fmt: skip
    return out


@pytest.fixture(scope="module")
def draws() -> dict[str, list[dict]]:
    need_shared("corpora", "fr_tvnews_2017.jsonl.gz")
    need_shared("corpora", "fr_orangesum_2011_2019.jsonl.gz")
    need_shared("corpora", "en_reuters21578.jsonl.gz")
    return _recorded()


def test_the_draw_is_reproducible(draws: dict[str, list[dict]]) -> None:
    # The seeded draw, run again today, gives the recorded lists: the documents were chosen by the seed alone
    # (a new corpus id written somewhere in the repo would change the eligible pool: this says so).
    keys = ("rank", "corpus", "id", "date", "len", "stratum", "role")
    import draw_retest

    both = {**draw_test.draw_all(), **draw_retest.draw_all()}
    again = {name: [{k: d[k] for k in keys} for d in picks] for name, picks in both.items()}
    assert again == draws


@pytest.mark.parametrize(("rel", "name", "tenth"), TEST_SETS)
def test_test_file_is_the_head_of_its_draw(
    draws: dict[str, list[dict]], rel: str, name: str, tenth: tuple[int, int]
) -> None:
    ids = _ids(ROOT / rel)
    drawn = [d["id"] for d in draws[name]]
    if rel.endswith("_clusters.jsonl"):
        # Documents without any named mention have no line: the annotated ones keep the draw's order.
        assert ids == [i for i in drawn if i in set(ids)]
        assert set(ids) <= set(drawn[: len(ids) + 5])
    else:
        assert ids == drawn[: len(ids)], "documents must be the draw's first, in rank order, none skipped"
    n_main = sum(1 for d in draws[name] if d["role"] == "main")
    assert len(ids) >= n_main - (5 if rel.endswith("_clusters.jsonl") else 0)


@pytest.mark.parametrize(("rel", "name", "tenth"), TEST_SETS)
def test_second_reader_covers_the_seeded_tenth(rel: str, name: str, tenth: tuple[int, int]) -> None:
    first = ROOT / rel
    second = first.with_name(first.name.replace(".jsonl", ".second.jsonl"))
    ids = _ids(first)
    # The tenth was drawn by rank among the documents the first pass annotated (spares included where the
    # set needed them): k ranks of 1..n with the recorded seed.
    seed, k = tenth
    assert k >= len(ids) / 10 - 0.5
    ranks = sorted(random.Random(seed).sample(range(1, len(ids) + 1), k))
    assert _ids(second) == [ids[r - 1] for r in ranks]


def test_test_documents_are_new(draws: dict[str, list[dict]]) -> None:
    dev: set[str] = set()
    for rel in DEV_FILES:
        dev |= set(_ids(ROOT / rel))
    seen: dict[str, str] = {}
    for rel, _, _ in TEST_SETS:
        for i in _ids(ROOT / rel):
            assert i not in dev, f"{i} of {rel} is a dev document"
            assert i not in seen, f"{i} is in {rel} and in {seen.get(i)}"
            seen[i] = rel


@pytest.mark.parametrize("rel", [r for r, _, _ in TEST_SETS if not r.endswith("_clusters.jsonl")])
def test_test_gold_is_valid(draws: dict[str, list[dict]], rel: str) -> None:
    shared = need_shared()
    for path in (ROOT / rel, (ROOT / rel).with_name(Path(rel).name.replace(".jsonl", ".second.jsonl"))):
        n, problems = check_gold.check_file(path, shared)
        assert problems == [], problems[:5]
        assert n >= 2


def test_checker_catches_bad_timex_lines(draws: dict[str, list[dict]], tmp_path: Path) -> None:
    line = json.loads((ROOT / "eval/timex/en_test.jsonl").read_text("utf-8").splitlines()[0])
    bad = dict(line, dct="1999-01-01")
    bad["timexes"] = [dict(line["timexes"][0], type="EVENT", value="next week"), *line["timexes"][1:]]
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(bad), "utf-8")
    _, problems = check_gold.check_file(path, need_shared())
    assert any("dct" in p for p in problems)
    assert any("type 'EVENT'" in p for p in problems)
    assert any("not a TIMEX3 value" in p for p in problems)


@pytest.mark.parametrize(
    "argv",
    [
        ["eval/entities.py", "--errors"],
        ["eval/entities.py", "--errors", "--gold", "eval/entities/fr_test_clusters.jsonl"],
        ["eval/events.py", "french", "--details"],
        ["eval/events.py", "french", "--details", "--gold", "eval/events/fr_test.jsonl"],
        ["eval/quotes.py", "fr", "--errors"],
        ["eval/quotes.py", "fr", "--errors", "--gold", "eval/quotes/fr_test.jsonl"],
        ["eval/quotes.py", "en", "--errors"],
        ["eval/events.py", "french", "--errors"],
        ["eval/events.py", "french", "--errors", "--gold", "eval/events/fr_test.jsonl"],
        ["eval/events.py", "--errors", "--gold", "eval/events/en_test_b.jsonl"],
    ],
)
def test_scorers_refuse_to_list_test_items(argv: list[str]) -> None:
    proc = subprocess.run([sys.executable, *argv], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert "test sets are scored, never explained" in proc.stderr


def test_quote_errors_refuse_a_file_holding_a_test_document(tmp_path: Path) -> None:
    # A dev-looking file name does not make a test document dev: the listing refuses any file that
    # holds an id of the recorded test draw (only the ids are read here, never a test text).
    spec = importlib.util.spec_from_file_location("dateline_eval_quotes_refuse", ROOT / "eval" / "quotes.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up while the class is built
    spec.loader.exec_module(mod)
    some_test_id = sorted(mod.test_document_ids())[0]
    assert mod.refuse_test(tmp_path / "mine_dev.jsonl", [some_test_id]) is not None
    assert mod.refuse_test(tmp_path / "fr_test_copy.jsonl", []) is not None
    assert mod.refuse_test(tmp_path / "mine_dev.jsonl", ["not-a-test-id"]) is None


def test_no_gold_text_in_the_project(draws: dict[str, list[dict]]) -> None:
    need_shared("eval", "quotes", "polnear")
    need_shared("eval", "timex", "fr_timebank")
    hits = gold_text.find_copies(7)
    assert hits == [], [(path, src) for path, src, _ in hits]


_SHORT = ("rank", "corpus", "id", "date")


def _drawn(name: str) -> dict[str, list[dict]]:
    """A recorded draw (eval/<name>): each set's documents with their rank, corpus, id and date."""
    recorded: dict[str, list[dict]] = {}
    for line in (ROOT / "eval" / name).read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            set_name, rank, corpus, i, date, *_ = line.split("\t")
            recorded.setdefault(set_name, []).append({"rank": int(rank), "corpus": corpus, "id": i, "date": date})
    return recorded


def _short(draws: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """A draw run again, reduced to the fields `_drawn` reads."""
    return {name: [{k: d[k] for k in _SHORT} for d in picks] for name, picks in draws.items()}


def test_the_dev_draw_is_reproducible_and_apart_from_test(draws: dict[str, list[dict]]) -> None:
    # The new dev documents (eval/drawn_dev.tsv) come from the seed alone and never touch a test
    # document, nor a tvnews day or an orangesum month that holds one (the same story told twice).
    import draw_dev

    recorded = _drawn("drawn_dev.tsv")
    assert _short(draw_dev.draw_all()) == recorded
    tests = [d for picks in draws.values() for d in picks]
    test_ids = {d["id"] for d in tests}
    tv_days = {d["date"][:10] for d in tests if d["corpus"] == "fr_tvnews_2017"}
    orange_months = {d["date"][:7] for d in tests if d["corpus"] == "fr_orangesum_2011_2019"}
    for picks in recorded.values():
        for d in picks:
            assert d["id"] not in test_ids
            assert not (d["corpus"] == "fr_tvnews_2017" and d["date"][:10] in tv_days)
            assert not (d["corpus"] == "fr_orangesum_2011_2019" and d["date"][:7] in orange_months)
    # The sets drawn after the replacement test set leave out its stories and their Reuters days.
    retest = [d for picks in _drawn("drawn_test_b.tsv").values() for d in picks]
    retest_days = {d["date"][:10] for d in retest}
    names = [s.name for s in draw_dev.DEV_SETS]
    later = names[names.index(draw_dev.AFTER_RETEST) :]
    assert any(d["corpus"] == "en_reuters21578" for name in later for d in recorded[name])
    for name in later:
        for d in recorded[name]:
            assert d["id"] not in {r["id"] for r in retest}
            assert not (d["corpus"] == "en_reuters21578" and d["date"][:10] in retest_days)


def test_the_replacement_test_draw_is_reproducible_and_apart(draws: dict[str, list[dict]]) -> None:
    # A replacement test set (eval/drawn_test_b.tsv) comes from the seed alone, after both earlier draws:
    # it shares no document with them, nor a Reuters day with a document that is tuned on now.
    import draw_retest

    recorded = _drawn("drawn_test_b.tsv")
    assert _short(draw_retest.draw_all()) == recorded
    earlier = draw_test.recorded("drawn_test") + draw_test.recorded("drawn_dev")
    earlier_ids = {rid for _, _, rid, _ in earlier}
    tuned_days = {
        date[:10]
        for set_name, corpus, _, date in earlier
        if corpus == "en_reuters21578" and ("-dev" in set_name or set_name in draw_retest.DEMOTED)
    }
    for picks in recorded.values():
        for d in picks:
            assert d["id"] not in earlier_ids
            assert d["date"][:10] not in tuned_days
