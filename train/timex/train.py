"""Train the learned TIMEX3 extent detector for French (issue 16) on the French dev documents.

    make train-timex                              # = the command below, on one core
    python train/timex/train.py --out train/timex/out [--folds 5] [--epochs 20] [--ship]

What it does:
1. reads the French time *dev* sets as ``eval/timex.py`` reads them: French TimeBank
   (``../shared/eval/timex/fr_timebank``, 72 documents) and the French news dev set
   (``eval/timex/fr_dev.jsonl``, 19 articles). A corpus ``eval/timex.py`` would refuse to list (a test
   file, or one holding a document of a test draw) is refused here too: no test document is trained on;
2. analyses each text with dateline's French pipeline (the learned detector off), keeping the Docs:
   the model's tok2vec output (``doc.tensor``) is the tagger's main feature, the parse is what the
   rules need when the combination is scored;
3. cross-validates by document (``--folds``, documents dealt round-robin after a seeded shuffle):
   trains a tagger on the other folds, proposes extents on the held-out fold, and scores the rules
   alone and the rules plus the proposals (those overlapping no rule span, at each confidence
   threshold, the unreadable ones kept or dropped) with ``eval/timex.py``'s scorer, day and month
   DCT, per corpus and pooled; writes ``out/cv.json`` and prints the table;
4. trains the tagger on every dev document (``out/model``); with ``--ship``, copies it into the
   package (``src/dateline/data/timex/model-fr``).

The tagger is a spaCy ``tagger`` over ``B-``/``I-`` of the four TIMEX3 types and ``O``; its tok2vec is
``dateline.TimexTok2Vec.v1`` (:mod:`dateline.timex.learned`): the French model's own ``doc.tensor``
(frozen) through one maxout layer by default; ``--rows`` adds hash embeddings of norm and shape,
``--depth`` window layers (both measured by the same cross-validation, not better). CPU only, one
thread; about two minutes in all.

Licence: French TimeBank 1.1 (André Bittar) is under the Lesser General Public License for
Linguistic Resources (LGPLLR); the model trained on it is a work based on it and is distributed
under the same licence (its directory holds the notice). The French news dev set holds offsets and
labels only, on texts of ../shared/corpora.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import shutil
import sys
import time
from pathlib import Path
from typing import Any

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
SHIP = ROOT / "src" / "dateline" / "data" / "timex" / "model-fr"

CONFIG = """
[model]
@architectures = "spacy.Tagger.v2"
nO = null
normalize = true

[model.tok2vec]
@architectures = "dateline.TimexTok2Vec.v1"
tensor_width = {tensor_width}
width = {width}
rows = {rows}
depth = {depth}
"""

THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def _eval_timex() -> Any:
    """eval/timex.py as a module (its readers, scorer and test refusal)."""
    spec = importlib.util.spec_from_file_location("eval_timex", ROOT / "eval" / "timex.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["eval_timex"] = mod
    spec.loader.exec_module(mod)
    return mod


def dev_corpora(ev: Any) -> list[tuple[str, list[Any]]]:
    """(name, documents) of the French time dev sets; any test document refuses the run."""
    specs = [f"{ev.SHARED}/eval/timex/fr_timebank:fr", f"{ev.FR_DEV}:fr"]
    out = []
    for spec in specs:
        label, lang, docs = ev.load_corpus(spec)
        why = ev.refuse_test(spec, docs)
        if why or lang != "fr" or ev.split_of(spec) != "dev":
            raise SystemExit(f"refused: {why or spec}")
        out.append((label, docs))
    return out


def analyse(corpora: list[tuple[str, list[Any]]]) -> list[tuple[str, Any, Any]]:
    """(corpus, gold document, analysed Doc) for every document, through dateline's French pipeline
    with the learned detector off (as ``eval/timex.py`` runs it)."""
    from dateline.pipeline import load_pipeline

    nlp = load_pipeline("fr")
    out = []
    for name, docs in corpora:
        for d in docs:
            out.append((name, d, nlp(nlp.make_doc(d.text))))
    return out


def train_tagger(docs: list[Any], tags: list[list[str]], args: argparse.Namespace) -> Any:
    """A spaCy ``tagger`` trained on ``docs`` (analysed Docs) and their ``tags``."""
    import spacy
    from spacy.tokens import Doc
    from spacy.training import Example
    from thinc.api import Adam, Config, fix_random_seed

    import dateline.timex.learned  # noqa: F401  (registers dateline.TimexTok2Vec.v1)

    fix_random_seed(args.seed)
    nlp = spacy.blank("fr")
    cfg = CONFIG.format(tensor_width=docs[0].tensor.shape[1], width=args.width, rows=args.rows, depth=args.depth)
    nlp.add_pipe("tagger", config={"model": Config().from_str(cfg)["model"]})
    examples = [
        Example(d, Doc(d.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d], tags=tg))
        for d, tg in zip(docs, tags, strict=True)
    ]
    nlp.initialize(lambda: examples)
    optimizer = Adam(args.lr)
    rng = random.Random(args.seed)
    for _ in range(args.epochs):
        rng.shuffle(examples)
        for i in range(0, len(examples), args.batch):
            nlp.update(examples[i : i + args.batch], sgd=optimizer, drop=args.dropout)
    return nlp


def predictions(
    ev: Any, items: list[tuple[str, Any, Any]], props: list[list[Any]] | None, mode: str, **kw: Any
) -> list[Any]:
    """The timexes of every document (rules, plus ``props`` when given) under DCT ``mode``."""
    from dateline.timex.component import timexes_for

    out = []
    for i, (_, d, doc) in enumerate(items):
        window = (d.dct, d.dct) if mode == "day" else ev.month_of(d.dct)
        proposed = [] if props is None else [p for p in props[i] if p.confidence >= kw["threshold"]]
        timexes, _ = timexes_for(doc, "fr", window, proposed, kw.get("unknown", "keep"))
        out.append(ev._to_timexes(timexes))
    return out


def figures(ev: Any, items: list[tuple[str, Any, Any]], preds: dict[str, list[Any]]) -> dict[str, Any]:
    """Scores per corpus and pooled: value F1 (day, month), relaxed P/R/F1, per-class recall."""
    out: dict[str, Any] = {}
    groups = {"pooled": list(range(len(items)))}
    for i, (name, _, _) in enumerate(items):
        groups.setdefault(name, []).append(i)
    for g, idx in groups.items():
        docs = [items[i][1] for i in idx]
        day = ev.score(docs, [preds["day"][i] for i in idx]).as_dict()
        month = ev.score(docs, [preds["month"][i] for i in idx]).as_dict()
        out[g] = {
            "value_f1_day": day["value_f1"],
            "value_f1_month": month["value_f1"],
            "relaxed_p": day["relaxed_p"],
            "relaxed_r": day["relaxed_r"],
            "relaxed_f1": day["relaxed_f1"],
            "coverage_month": month["coverage"],
            "n_pred": day["n_pred"],
            "by_class": ev.recall_by_class(docs, [preds["day"][i] for i in idx]),
        }
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "train" / "timex" / "out")
    ap.add_argument("--folds", type=int, default=5, help="cross-validation folds by document (0: none)")
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--width", type=int, default=32)
    ap.add_argument("--rows", type=int, default=0, help="hash rows of the norm embedding (0: none)")
    ap.add_argument("--depth", type=int, default=0, help="window layers after the first maxout")
    ap.add_argument("--batch", type=int, default=4, help="documents per update")
    ap.add_argument("--dropout", type=float, default=0.2)
    ap.add_argument("--lr", type=float, default=0.002)
    ap.add_argument("--seed", type=int, default=1601)
    ap.add_argument("--ship", action="store_true", help=f"copy the final model into {SHIP.relative_to(ROOT)}")
    args = ap.parse_args(argv)

    from dateline.timex.learned import LearnedExtents, bio_tags

    t0 = time.time()
    ev = _eval_timex()
    items = analyse(dev_corpora(ev))
    tags = [bio_tags(doc, [(g.start, g.end, g.type) for g in d.gold]) for _, d, doc in items]
    print(f"data: {len(items)} dev documents analysed ({time.time() - t0:.0f} s)", flush=True)
    args.out.mkdir(parents=True, exist_ok=True)
    log: dict[str, Any] = {"args": {k: str(v) for k, v in vars(args).items()}}

    if args.folds > 1:
        order = list(range(len(items)))
        random.Random(args.seed).shuffle(order)
        fold_of = {i: k % args.folds for k, i in enumerate(order)}
        props: list[list[Any]] = [[] for _ in items]
        for f in range(args.folds):
            tr = [i for i in range(len(items)) if fold_of[i] != f]
            # The fold's tagger read by the run-time adapter: the proposals scored are the ones the
            # component would add.
            extents = LearnedExtents(train_tagger([items[i][2] for i in tr], [tags[i] for i in tr], args))
            for i in range(len(items)):
                if fold_of[i] == f:
                    props[i] = extents.propose(items[i][2])
            print(f"fold {f + 1}/{args.folds} ({time.time() - t0:.0f} s)", flush=True)
        rules = {m: predictions(ev, items, None, m) for m in ("day", "month")}
        rows: dict[str, Any] = {"rules": figures(ev, items, rules)}
        for unknown in ("keep", "drop"):
            for t in THRESHOLDS:
                preds = {m: predictions(ev, items, props, m, threshold=t, unknown=unknown) for m in ("day", "month")}
                rows[f"combined t={t} unknown={unknown}"] = figures(ev, items, preds)
        log["cv"] = rows
        print("| system | corpus | value F1 day | value F1 month | relaxed P | relaxed R | relaxed F1 | n pred |")
        print("|---|---|---|---|---|---|---|---|")
        for name, by in rows.items():
            for g, x in by.items():
                print(
                    f"| {name} | {g} | {x['value_f1_day']:.3f} | {x['value_f1_month']:.3f} | {x['relaxed_p']:.3f} "
                    f"| {x['relaxed_r']:.3f} | {x['relaxed_f1']:.3f} | {x['n_pred']} |"
                )
        (args.out / "cv_proposals.json").write_text(
            json.dumps(
                [
                    {"doc": d.name, "proposals": [[p.start, p.end, p.type, round(p.confidence, 4)] for p in ps]}
                    for (_, d, _), ps in zip(items, props, strict=True)
                ]
            )
        )

    nlp = train_tagger([doc for _, _, doc in items], tags, args)
    nlp.meta.update(
        {
            "name": "timex_extents_fr",
            "version": "1.0.0",
            "license": "LGPLLR (French TimeBank 1.1, see LICENSE.md)",
            "description": "dateline's learned TIMEX3 extent detector (issue 16), trained on the French time dev sets",
        }
    )
    # The tokenizer is the blank French one (the tagger reads Docs the pipeline made): not saved.
    nlp.to_disk(args.out / "model", exclude=["tokenizer"])
    log["seconds_total"] = time.time() - t0
    (args.out / "cv.json").write_text(json.dumps(log, indent=1, default=str))
    print(f"model: {args.out / 'model'}; {log['seconds_total']:.0f} s in all", flush=True)
    if args.ship:
        if SHIP.exists():
            shutil.rmtree(SHIP)
        shutil.copytree(args.out / "model", SHIP)
        shutil.copy(Path(__file__).with_name("MODEL_LICENSE.md"), SHIP / "LICENSE.md")
        print(f"shipped: {SHIP}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
