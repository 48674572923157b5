"""Train the learned attribution tagger for English (issue 15) on PolNeAR's train split.

    make train-quotes-en                    # = the command below, on one core
    python train/quotes_en/train.py --out train/quotes_en/out [--epochs 8] [--width 64]

What it does:
1. reads PolNeAR (``../shared/eval/quotes/polnear/data``): its ``train`` split for training and its
   ``dev`` split to choose the epoch; one annotator's file per article (the first in name order, as
   ``eval/quotes.py`` reads the dev split). PolNeAR's test split is not used (nor present here), and
   nothing ``eval/quotes.py`` scores as dev or test is trained on;
2. analyses each text with dateline's English model as the pipeline does (``make_doc``: hard-wrapped
   text unwrapped; tagger and parser), caches the analysed Docs (``out/cache``), and turns the
   attributions into token tags (``dateline.quotes.learned.bio_tags``);
3. trains a spaCy ``tagger`` with its own small tok2vec (hash embeddings of norm, prefix, suffix,
   shape, part-of-speech tag and dependency label; a window CNN), CPU only, one thread;
4. keeps the epoch with the best content F1 on PolNeAR dev, its tags read as the run-time adapter
   reads them (constrained Viterbi decoding; ``out/model-best``), writes
   ``out/model-last`` and ``out/log.json`` (times, dev scores per epoch).

The model is trained on PolNeAR (networkdynamics/PolNeAR; MIT per its software's setup.py, article
texts for research use). It is not committed: its figures are in docs/evaluation.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path
from typing import Any

# One core: the machine is shared (set before numpy is imported).
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("DATELINE_SHARED", ROOT.parent / "shared"))

CONFIG = """
[model]
@architectures = "spacy.Tagger.v2"
nO = null
normalize = false

[model.tok2vec]
@architectures = "spacy.Tok2Vec.v2"

[model.tok2vec.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = {width}
attrs = ["NORM", "PREFIX", "SUFFIX", "SHAPE", "TAG", "DEP"]
rows = [{rows_norm}, 1000, 2000, 500, 100, 100]
include_static_vectors = false

[model.tok2vec.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = {width}
depth = {depth}
window_size = {window}
maxout_pieces = 3
"""


def split_items(split: str) -> list[tuple[str, str, str]]:
    """(name, text, ann text) of one PolNeAR split, one annotator's file per article, as the scorer
    (eval/quotes.py, ``polnear_files``) walks it: what is trained on is what is scored, split for split."""
    sys.path.insert(0, str(ROOT / "eval"))
    from quotes import polnear_files

    return [
        (name, text.read_text(encoding="utf-8"), ann.read_text(encoding="utf-8"))
        for name, text, ann in polnear_files(split)
    ]


def analysed(split: str, cache: Path, nlp: Any) -> tuple[list[Any], list[list[str]], list[list[tuple[int, int]]]]:
    """The split's Docs analysed by ``nlp`` (the English model without NER, loaded once by the caller),
    their gold tags and gold content spans (token ranges), cached."""
    from spacy.tokens import DocBin

    from dateline.article import Article
    from dateline.pipeline import make_doc
    from dateline.quotes.learned import bio_tags, parse_brat

    bin_path, tag_path = cache / f"{split}.spacy", cache / f"{split}.json"
    if bin_path.exists() and tag_path.exists():
        docs = list(DocBin().from_disk(bin_path).get_docs(nlp.vocab))
        data = json.loads(tag_path.read_text())
        return docs, data["tags"], [[tuple(x) for x in c] for c in data["contents"]]
    docs, tags, contents = [], [], []
    for _name, text, ann in split_items(split):
        doc = make_doc(nlp, Article.make(text, "2016", lang="en"))
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        atts = parse_brat(ann)
        docs.append(doc)
        tags.append(bio_tags(doc, atts))
        spans = []
        for a in atts:
            span = doc.char_span(min(s for s, _ in a.content), max(e for _, e in a.content), alignment_mode="expand")
            if span is not None and len(span):
                spans.append((span.start, span.end))
        contents.append(spans)
    cache.mkdir(parents=True, exist_ok=True)
    db = DocBin(attrs=["ORTH", "TAG", "DEP", "HEAD", "POS", "LEMMA", "SPACY", "NORM"])
    for d in docs:
        db.add(d)
    db.to_disk(bin_path)
    tag_path.write_text(json.dumps({"tags": tags, "contents": contents}))
    return docs, tags, contents


def span_f1(pred: list[list[tuple[int, int]]], gold: list[list[tuple[int, int]]], threshold: float = 0.3) -> float:
    """Content F1 at ``threshold`` overlap of the gold span (greedy, best overlap first), all attributions."""
    m = npred = ngold = 0
    for ps, gs in zip(pred, gold, strict=True):
        npred += len(ps)
        ngold += len(gs)
        pairs = []
        for gi, (gs0, ge0) in enumerate(gs):
            for pi, (ps0, pe0) in enumerate(ps):
                ov = max(0, min(ge0, pe0) - max(gs0, ps0)) / max(1, ge0 - gs0)
                if ov >= threshold:
                    pairs.append((ov, gi, pi))
        used_g: set[int] = set()
        used_p: set[int] = set()
        for _, gi, pi in sorted(pairs, reverse=True):
            if gi not in used_g and pi not in used_p:
                used_g.add(gi)
                used_p.add(pi)
                m += 1
    p = m / npred if npred else 0.0
    r = m / ngold if ngold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "train" / "quotes_en" / "out")
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--width", type=int, default=64)
    ap.add_argument("--depth", type=int, default=4)
    ap.add_argument("--window", type=int, default=2)
    ap.add_argument("--rows-norm", type=int, default=5000)
    ap.add_argument("--batch", type=int, default=8, help="documents per update")
    ap.add_argument("--dropout", type=float, default=0.1)
    ap.add_argument("--seed", type=int, default=1501)
    ap.add_argument("--limit", type=int, default=None, help="train on the first N articles only (a smoke run)")
    args = ap.parse_args(argv)

    import spacy
    from spacy.tokens import Doc
    from spacy.training import Example
    from thinc.api import Adam, fix_random_seed

    from dateline.pipeline import MODELS
    from dateline.quotes.learned import LearnedTagger, decode

    t0 = time.time()
    fix_random_seed(args.seed)
    cache = args.out / "cache"
    english = spacy.load(MODELS["en"], exclude=["ner"])
    train_docs, train_tags, _ = analysed("train", cache, english)
    dev_docs, dev_tags, dev_contents = analysed("dev", cache, english)
    if args.limit:
        train_docs, train_tags = train_docs[: args.limit], train_tags[: args.limit]
    t_data = time.time() - t0
    print(f"data: {len(train_docs)} train, {len(dev_docs)} dev articles ({t_data:.0f} s)", flush=True)

    nlp = spacy.blank("en")
    cfg = CONFIG.format(width=args.width, depth=args.depth, window=args.window, rows_norm=args.rows_norm)
    from thinc.api import Config

    nlp.add_pipe("tagger", config={"model": Config().from_str(cfg)["model"]})

    def examples(docs: list[Doc], tags: list[list[str]]) -> list[Example]:
        out = []
        for d, t in zip(docs, tags, strict=True):
            ref = Doc(d.vocab, words=[tok.text for tok in d], spaces=[bool(tok.whitespace_) for tok in d], tags=t)
            out.append(Example(d, ref))
        return out

    train_ex = examples(train_docs, train_tags)
    nlp.initialize(lambda: train_ex)
    # Dev is read by the run-time adapter over the model being trained (the best BIO-consistent
    # sequence), so that the epoch kept is the best one as it will be used, not by each token's single
    # best tag.
    reader = LearnedTagger(nlp)
    optimizer = Adam(0.001)
    log: dict[str, Any] = {"args": {k: str(v) for k, v in vars(args).items()}, "epochs": []}
    best = -1.0
    rng = random.Random(args.seed)
    for epoch in range(1, args.epochs + 1):
        te = time.time()
        rng.shuffle(train_ex)
        losses: dict[str, float] = {}
        for i in range(0, len(train_ex), args.batch):
            nlp.update(train_ex[i : i + args.batch], sgd=optimizer, drop=args.dropout, losses=losses)
        # Dev: content F1@30 of the decoded attributions, and token accuracy.
        preds, ok, n = [], 0, 0
        for d, gold_tags in zip(dev_docs, dev_tags, strict=True):
            tags = reader.tags(d)
            ok += sum(a == b for a, b in zip(tags, gold_tags, strict=True))
            n += len(tags)
            preds.append([(x.start, x.end) for x in decode(d, tags)])
        f1 = span_f1(preds, dev_contents)
        row = {"epoch": epoch, "loss": losses.get("tagger", 0.0), "dev_f30": f1, "dev_tok_acc": ok / max(1, n)}
        row["seconds"] = time.time() - te
        log["epochs"].append(row)
        print(json.dumps(row), flush=True)
        nlp.to_disk(args.out / "model-last")
        if f1 > best:
            best = f1
            nlp.to_disk(args.out / "model-best")
    log["seconds_total"] = time.time() - t0
    log["seconds_data"] = t_data
    log["best_dev_f30"] = best
    (args.out / "log.json").write_text(json.dumps(log, indent=1))
    print(f"best dev content F1@30 {best:.3f}; {log['seconds_total']:.0f} s in all", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
