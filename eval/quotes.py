"""Evaluate quotation extraction: English on PolNeAR, French on the hand-annotated gold set.

Conventions of the Gender Gap Tracker's evaluation: a predicted quote matches a gold quote when their
overlap covers at least 30 % (and, reported separately, 80 %) of the gold span; each gold quote is
matched at most once (best overlap first); quote precision/recall/F1 from the matches; speaker
accuracy on matched quotes whose gold quote has a speaker (the predicted speaker span overlaps the
gold one, or the predicted speaker's entity is the gold one); exact-span F1 as citron reports it
(spans equal once edge white space and punctuation are stripped).

Beside dateline, the same run scores a simple baseline, so the gain is visible: every stretch
between quotation marks is a quote, its speaker the nearest person name (from the same entities).

English: PolNeAR (``../shared/eval/quotes/polnear``), dev split by default, restricted to speech
attributions: attributions whose cue is a verb of private thought, perception or intention
(``_NOT_SPEECH`` below, written for this evaluation) are left out. One annotator's file per article.

French: ``eval/quotes/fr_gold.jsonl`` (ids and offsets only; texts read from ``../shared/corpora``).

    python eval/quotes.py en        # dev: PolNeAR dev; test: eval/quotes/en_test.jsonl (Reuters)
    python eval/quotes.py fr        # dev: eval/quotes/fr_gold.jsonl; test: eval/quotes/fr_test.jsonl
    python eval/quotes.py all       # both, dev and test side by side
    python eval/quotes.py polnear [--split dev] [--limit N]   # PolNeAR alone
    python eval/quotes.py fr --gold eval/quotes/fr_dev.jsonl --errors   # dev error listing
    python eval/quotes.py polnear --errors                              # PolNeAR dev error listing

The test sets are scored, never explained: ``--errors`` lists missed gold quotes (by kind, with their
sentence), spurious predictions and wrong speakers for a *dev* file only; it refuses a file named
``*_test*`` and any file holding a document of a test draw (eval/test_sets.py, docs/evaluation.md).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import os
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "eval"))

from test_sets import refusal  # noqa: E402
from test_sets import test_document_ids as test_document_ids  # noqa: E402  (re-exported for the tests)

SHARED = Path(os.environ.get("DATELINE_SHARED", ROOT.parent / "shared"))
POLNEAR = SHARED / "eval" / "quotes" / "polnear" / "data"
CORPORA = SHARED / "corpora"
FR_GOLD = ROOT / "eval" / "quotes" / "fr_gold.jsonl"
# The test sets (issue 13): documents nobody tuned on; figures and CI floors come from them.
FR_TEST = ROOT / "eval" / "quotes" / "fr_test.jsonl"
# New dev documents drawn by eval/tools/draw_dev.py after the test sets (tuning and error analysis).
FR_DEV_NEWS = ROOT / "eval" / "quotes" / "fr_dev.jsonl"
# A second drawn dev set (seed 1407), annotated when the first had been fitted to 0.99 speaker accuracy.
FR_DEV_NEWS2 = ROOT / "eval" / "quotes" / "fr_dev2.jsonl"
# A third (seed 1411), drawn when dev 2 had been tuned to 0.92 speaker accuracy and test stayed at 0.83.
FR_DEV_NEWS3 = ROOT / "eval" / "quotes" / "fr_dev3.jsonl"
EN_TEST = ROOT / "eval" / "quotes" / "en_test.jsonl"
# The learned attribution tagger (issue 15) that `make train-quotes-en` writes; scored when present.
LEARNED_MODEL = ROOT / "train" / "quotes_en" / "out" / "model-best"


def _words(text: str) -> list[str]:
    return text.split()


# Cue lemmas that make an attribution a thought, perception or intention rather than speech. PolNeAR
# annotates both; the issue asks for speech attributions. Written for this evaluation, independently
# of dateline's lexicon (which does not decide what counts as gold).
_NOT_SPEECH = frozenset(
    _words(
        "think believe know feel hope fear expect want wish suspect doubt guess suppose assume imagine "
        "consider understand realize realise learn see hear find decide plan intend worry seem appear "
        "look sound view regard like love hate prefer remember forget notice recognize recognise sense "
        "envision anticipate aim seek try mean need favor favour oppose support trust "
    )
)

_STRIP = " \t\r\n\u00a0.,;:!?\"'“”‘’«»()[]—–-"


@dataclass
class Gold:
    start: int
    end: int
    kind: str | None = None
    speaker: tuple[int, int] | None = None
    speaker_entity: str | None = None


@dataclass
class Pred:
    start: int
    end: int
    speaker: tuple[int, int] | None = None
    entity_names: list[str] = field(default_factory=list)  # entity name (+ country name) if resolved
    entity_mentions: list[tuple[int, int]] = field(default_factory=list)
    # For the dev error listing only (never scored): how the quote was found and whom it names.
    kind: str | None = None
    rule: str | None = None
    speaker_text: str | None = None
    inherited: bool = False


@dataclass
class Counts:
    gold: int = 0
    pred: int = 0
    match30: int = 0
    match80: int = 0
    exact: int = 0
    spk_total: int = 0
    spk_ok: int = 0
    ent_gold: int = 0  # matched quotes whose gold speaker_entity is set (recall denominator)
    ent_hit: int = 0  # ... whose predicted entity is the gold one
    ent_pred_on_gold: int = 0  # ... whose predicted speaker has an entity (precision denominator)
    ent_pred: int = 0  # matched quotes with a predicted entity, whatever the gold says
    ent_pred_ok: int = 0
    gold_with_entity: int = 0  # all gold quotes with a speaker_entity (recall over the whole set)
    kind_gold: dict[str, int] = field(default_factory=dict)  # gold quotes per kind (direct/indirect/mixed)
    kind_hit: dict[str, int] = field(default_factory=dict)  # ... of them matched

    def add(self, other: Counts) -> None:
        for k in self.__dataclass_fields__:
            mine, theirs = getattr(self, k), getattr(other, k)
            if isinstance(mine, dict):
                for kind, n in theirs.items():
                    mine[kind] = mine.get(kind, 0) + n
            else:
                setattr(self, k, mine + theirs)


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


_STOP = frozenset({"de", "des", "du", "la", "le", "les", "l", "d", "et", "of", "the", "for", "and"})


def _acronym_of(short: str, long: str) -> bool:
    """'SPA' and 'Société protectrice des animaux de Montpellier': the initials of the long name's
    words (articles and prepositions left out) start with the short one."""
    if not (short.isupper() and 2 <= len(short) <= 6 and " " not in short):
        return False
    words = [w for w in fold(long).replace("'", " ").replace("-", " ").split() if w not in _STOP]
    return "".join(w[0] for w in words).startswith(fold(short))


def same_entity(pred_name: str, gold_name: str) -> bool:
    """Names match after accent/case folding, or one's surname is contained in the other, or one is
    the other's acronym."""
    p, g = fold(pred_name), fold(gold_name)
    if not p or not g:
        return False
    if p == g or _acronym_of(pred_name, gold_name) or _acronym_of(gold_name, pred_name):
        return True
    ps, gs = p.split(), g.split()
    return (ps[-1] in gs and len(ps[-1]) > 2) or (gs[-1] in ps and len(gs[-1]) > 2)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _stripped(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in _STRIP:
        s += 1
    while e > s and text[e - 1] in _STRIP:
        e -= 1
    return s, e


def speaker_right(g: Gold, p: Pred) -> bool:
    """Whether a matched prediction's speaker is the gold one: the spans overlap, a mention of the
    predicted entity overlaps the gold speaker span, or the entity names match."""
    if g.speaker is not None and p.speaker is not None and _overlap(g.speaker, p.speaker) > 0:
        return True
    if g.speaker is not None and any(_overlap(g.speaker, m) > 0 for m in p.entity_mentions):
        return True
    return bool(g.speaker_entity) and any(same_entity(n, g.speaker_entity or "") for n in p.entity_names)


def score_doc(text: str, gold: list[Gold], preds: list[Pred], threshold: float) -> tuple[Counts, list[Any]]:
    """Counts for one document at one overlap threshold; also the (gold, pred) matches."""
    c = Counts(gold=len(gold), pred=len(preds))
    pairs = []
    for gi, g in enumerate(gold):
        glen = max(1, g.end - g.start)
        for pi, p in enumerate(preds):
            ov = _overlap((g.start, g.end), (p.start, p.end))
            if ov / glen >= threshold:
                pairs.append((ov / glen, gi, pi))
    pairs.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    matches = []
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        matches.append((gold[gi], preds[pi]))
    golds_exact = {_stripped(text, g.start, g.end) for g in gold}
    c.exact = sum(1 for p in preds if _stripped(text, p.start, p.end) in golds_exact)
    c.gold_with_entity = sum(1 for g in gold if g.speaker_entity)
    for g in gold:
        if g.kind:
            c.kind_gold[g.kind] = c.kind_gold.get(g.kind, 0) + 1
    for g, _ in matches:
        if g.kind:
            c.kind_hit[g.kind] = c.kind_hit.get(g.kind, 0) + 1
    for g, p in matches:
        if g.speaker is not None or g.speaker_entity:
            c.spk_total += 1
            c.spk_ok += speaker_right(g, p)
        hit = bool(g.speaker_entity) and any(same_entity(n, g.speaker_entity or "") for n in p.entity_names)
        if g.speaker_entity:
            c.ent_gold += 1
            c.ent_hit += hit
            c.ent_pred_on_gold += bool(p.entity_names)
        if p.entity_names:
            c.ent_pred += 1
            c.ent_pred_ok += hit
    if threshold >= 0.8:
        c.match80 = len(matches)
    else:
        c.match30 = len(matches)
    return c, matches


def _prf(m: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = m / npred if npred else 0.0
    r = m / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def summarise(c30: Counts, c80: Counts) -> dict[str, float]:
    """The reported numbers from the counts at 30 % and 80 % overlap."""
    p30, r30, f30 = _prf(c30.match30, c30.pred, c30.gold)
    p80, r80, f80 = _prf(c80.match80, c80.pred, c80.gold)
    _, _, fe = _prf(c30.exact, c30.pred, c30.gold)
    return {
        "gold": c30.gold,
        "pred": c30.pred,
        "p30": p30,
        "r30": r30,
        "f30": f30,
        "p80": p80,
        "r80": r80,
        "f80": f80,
        "exact_f1": fe,
        "speaker_acc": c30.spk_ok / c30.spk_total if c30.spk_total else 0.0,
        "speaker_n": c30.spk_total,
        # As the French guidelines define them: over matched quotes whose gold speaker_entity is set.
        "entity_recall": c30.ent_hit / c30.ent_gold if c30.ent_gold else 0.0,
        "entity_precision": c30.ent_hit / c30.ent_pred_on_gold if c30.ent_pred_on_gold else 0.0,
        # Stricter: recall over every gold quote with an entity (a missed quote counts as a miss), and
        # precision over every matched quote given an entity (a guess where the gold has none counts).
        "entity_recall_all": c30.ent_hit / c30.gold_with_entity if c30.gold_with_entity else 0.0,
        "entity_precision_all": c30.ent_pred_ok / c30.ent_pred if c30.ent_pred else 0.0,
        # Recall at 30 % per gold kind (the "indirect recall"); absent kinds are left out.
        **{f"r30_{k}": c30.kind_hit.get(k, 0) / n for k, n in sorted(c30.kind_gold.items()) if n},
    }


# -- predictions ----------------------------------------------------------------------------------


def _country_names() -> dict[str, str]:
    """ISO3 -> French and English country names, to compare a capital speaker with its country."""
    out: dict[str, str] = {}
    folder = SHARED / "eval" / "events" / "countries"
    for path in sorted(folder.glob("*.json")) if folder.exists() else []:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, OSError):
            continue
        if isinstance(data, list):
            for c in data:
                if isinstance(c, dict) and c.get("cca3"):
                    names = [c.get("name", {}).get("common", "")]
                    names.append(c.get("translations", {}).get("fra", {}).get("common", ""))
                    out[c["cca3"]] = "|".join(n for n in names if n)
    return out


def record_preds(rec: dict[str, Any], countries: dict[str, str], relay: str = "outer") -> list[Pred]:
    """The record's quotations as scorer items, a relay counted as the gold set's convention says.

    A relay ("X a demandé à Y de partir, rapporte Franceinfo") is two attributions in the record: X's
    report, and the outlet's around it, which says so (``relays``: X's quotation id). The gold sets
    differ: PolNeAR's flat annotation marks only the outer attribution (``relay="outer"``: X's
    report inside it is not scored), the French guidelines only X's words (``relay="inner"``: the
    outlet's report is not scored).
    """
    ents = {e["id"]: e for e in rec["entities"]}
    relayed = {q["relays"] for q in rec["quotes"] if q.get("relays")}
    out = []
    for q in rec["quotes"]:
        if (q.get("relays") is not None) if relay == "inner" else q["id"] in relayed:
            continue
        sp = q.get("speaker")
        names: list[str] = []
        mentions: list[tuple[int, int]] = []
        if sp and sp.get("entity") in ents:
            ent = ents[sp["entity"]]
            names.append(ent["name"])
            if ent.get("country") and ent.get("type") in ("GPE", "LOC", "ORG"):
                names.extend(n for n in countries.get(ent["country"], "").split("|") if n)
            mentions = [(m["start"], m["end"]) for m in ent["mentions"]]
        out.append(
            Pred(
                q["start"],
                q["end"],
                (sp["start"], sp["end"]) if sp else None,
                names,
                mentions,
                kind=q.get("kind"),
                rule=q.get("rule"),
                speaker_text=sp.get("text") if sp else None,
                inherited=bool(sp and sp.get("inherited")),
            )
        )
    return out


def baseline_preds(rec: dict[str, Any]) -> list[Pred]:
    """Quotation marks + nearest person name (by character distance, either side)."""
    from dateline.quotes.direct import scan_direct

    people = [(m["start"], m["end"], e) for e in rec["entities"] if e["type"] == "PER" for m in e["mentions"]]
    out = []
    for q in scan_direct(rec["article"]["text"]):
        best = None
        for s, e, ent in people:
            if q.start <= s < q.end:
                continue
            d = q.open - e if e <= q.open else s - q.close
            if best is None or d < best[0]:
                best = (d, s, e, ent)
        if best is None:
            out.append(Pred(q.start, q.end))
        else:
            _, s, e, ent = best
            mentions = [(m["start"], m["end"]) for m in ent["mentions"]]
            out.append(Pred(q.start, q.end, (s, e), [ent["name"]], mentions))
    return out


def analyse(items: list[tuple[str, str, str, str]]) -> list[dict[str, Any]]:
    """Records for (id, text, date, lang) items, through dateline's own pipeline."""
    from dateline.article import Article
    from dateline.pipeline import analyse_articles

    arts = [Article.make(text, date, id=i, lang=lang) for i, text, date, lang in items]
    out = []
    for rec in analyse_articles(arts):
        if not isinstance(rec, dict):
            raise RuntimeError(str(rec))
        out.append(rec)
    return out


# -- PolNeAR ----------------------------------------------------------------------------------------


def _brat(path: Path) -> list[dict[str, Any]]:
    """The attributions of one PolNeAR ``.ann`` file, each role as the character range its fragments cover."""
    from dateline.quotes.learned import parse_brat

    def cover(frags: tuple[tuple[int, int], ...]) -> tuple[int, int] | None:
        return (min(s for s, _ in frags), max(e for _, e in frags)) if frags else None

    return [
        {"content": cover(a.content), "cue": cover(a.cue), "source": cover(a.source)}
        for a in parse_brat(path.read_text(encoding="utf-8"))
    ]


def polnear_files(split: str) -> list[tuple[str, Path, Path]]:
    """(name, text file, ``.ann`` file) of one PolNeAR split, one annotator's file per article (the first
    in name order): the one walk of the corpus, for this scorer and the learned tagger's training."""
    base = POLNEAR / split
    out: list[tuple[str, Path, Path]] = []
    seen: set[str] = set()
    for ann in sorted((base / "attributions").glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        if name not in seen:
            seen.add(name)
            out.append((name, base / "text" / f"{name}.txt", ann))
    return out


def polnear_items(split: str, limit: int | None = None) -> list[tuple[str, str, str, list[dict[str, Any]]]]:
    """(name, text, date, attributions) of one PolNeAR split, one annotator's file per article."""
    dates: dict[str, str] = {}
    with (POLNEAR / "metadata.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            dates[row["filename"]] = row["publication_date"]
    files = polnear_files(split)[:limit] if limit else polnear_files(split)
    return [(name, text.read_text(encoding="utf-8"), dates.get(name, "2016"), _brat(ann)) for name, text, ann in files]


def _speech_only(rec_text: str, attrs: list[dict[str, Any]], lemma_of: Callable[[int, int], set[str]]) -> list[Gold]:
    out = []
    for a in attrs:
        cue = a["cue"]
        if cue is not None and lemma_of(*cue) & _NOT_SPEECH:
            continue
        s, e = a["content"]
        speaker = tuple(a["source"]) if a["source"] else None
        out.append(Gold(s, e, a.get("kind"), speaker, a.get("source_entity")))  # type: ignore[arg-type]
    return out


def eval_polnear(split: str = "dev", limit: int | None = None, learned: Any = None) -> dict[str, dict[str, float]]:
    """Scores of dateline and of the baseline on a PolNeAR split (and of the learned tagger, if given)."""
    return eval_attributions(polnear_items(split, limit), learned)


def load_learned(path: Path | None) -> Any:
    """The learned tagger at ``path`` (``None`` when there is none: its rows are then left out)."""
    if path is None or not path.is_dir():
        return None
    from dateline.quotes.learned import LearnedTagger

    return LearnedTagger(path)


def analyse_en_variants(items: list[tuple[str, str, str, str]], learned: Any) -> list[dict[str, dict[str, Any]]]:
    """Per English article, the record of the rules and, on the same analysed Doc, the record with the
    learned tagger's quotations alone ("learned tagger") and added to the rules' ("rules + learned")."""
    from dateline.article import Article
    from dateline.pipeline import load_pipeline, make_doc
    from dateline.quotes.component import extract_quotes
    from dateline.record import doc_to_record

    nlp = load_pipeline("en")
    finder = nlp.get_pipe("dateline_quotes")
    out = []
    for i, text, date, lang in items:
        art = Article.make(text, date, id=i, lang=lang)
        doc = nlp(make_doc(nlp, art))
        rec = doc_to_record(doc, art, lang)
        variants = {"dateline": rec}
        for name, mode in (("learned tagger", "only"), ("rules + learned", "combine")):
            quotes = extract_quotes(
                doc, lang, finder.min_words, finder.context_paragraphs, learned=learned, learned_mode=mode
            )
            variants[name] = dict(rec, quotes=quotes)
        out.append(variants)
    return out


def en_test_items(path: Path = EN_TEST) -> list[tuple[str, str, str, list[dict[str, Any]]]]:
    """(id, text, date, attributions) of the English test set (PolNeAR's conventions on Reuters stories)."""
    out = []
    for g, rec in load_fr_gold(path):
        attrs = [
            {
                "content": tuple(a["content"]),
                "cue": tuple(a["cue"]) if a.get("cue") else None,
                "source": tuple(a["source"]) if a.get("source") else None,
                "source_entity": a.get("source_entity"),
                "kind": a.get("kind"),
            }
            for a in g["attributions"]
        ]
        out.append((g["id"], rec["text"], rec["date"], attrs))
    return out


def eval_attributions(
    items: list[tuple[str, str, str, list[dict[str, Any]]]], learned: Any = None
) -> dict[str, dict[str, float]]:
    """Scores of dateline and of the baseline on English attributions, speech only (see _NOT_SPEECH);
    with a ``learned`` tagger, also of it alone and of the rules with it."""
    from dateline.pipeline import load_pipeline

    arts = [(n, t, d, "en") for n, t, d, _ in items]
    variants = [{"dateline": r} for r in analyse(arts)] if learned is None else analyse_en_variants(arts, learned)
    nlp = load_pipeline("en")
    countries = _country_names()
    systems = ["dateline", *[k for k in variants[0] if k != "dateline"], "baseline"] if variants else []
    totals = {name: (Counts(), Counts()) for name in systems}
    # Lemmas of the cue words, from the model's tagger run on the cue texts alone (cheap: a few words).
    cues = sorted({text[a["cue"][0] : a["cue"][1]] for _, text, _, attrs in items for a in attrs if a["cue"]})
    keep = {"tok2vec", "tagger", "attribute_ruler", "lemmatizer"}
    disabled = [name for name in nlp.pipe_names if name not in keep]
    with nlp.select_pipes(disable=disabled):
        cue_lemmas = {c: {t.lemma_.lower() for t in d} for c, d in zip(cues, nlp.pipe(cues), strict=True)}
    for (_, text, _, attrs), recs in zip(items, variants, strict=True):

        def lemma_of(s: int, e: int, text: str = text) -> set[str]:
            return cue_lemmas.get(text[s:e], set())

        gold = _speech_only(text, attrs, lemma_of)
        scored = [(name, record_preds(rec, countries)) for name, rec in recs.items()]
        for name, preds in [*scored, ("baseline", baseline_preds(recs["dateline"]))]:
            c30, _ = score_doc(text, gold, preds, 0.3)
            c80, _ = score_doc(text, gold, preds, 0.8)
            totals[name][0].add(c30)
            totals[name][1].add(c80)
    return {name: summarise(*cs) for name, cs in totals.items()}


# -- French gold ---------------------------------------------------------------------------------------


def _corpus_texts(wanted: dict[str, set[str]]) -> dict[tuple[str, str], dict[str, Any]]:
    out = {}
    for corpus, ids in wanted.items():
        with gzip.open(CORPORA / f"{corpus}.jsonl.gz", "rt", encoding="utf-8") as fh:
            for line in fh:
                # Cheap pre-filter on the id before parsing the JSON line.
                head = line[:80]
                if not any(i in head for i in ids):
                    continue
                rec = json.loads(line)
                if rec["id"] in ids:
                    out[(corpus, rec["id"])] = rec
    return out


def load_fr_gold(path: Path) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(gold line, corpus record) pairs; a text whose sha1 differs from the gold's is an error."""
    lines = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    wanted: dict[str, set[str]] = {}
    for g in lines:
        wanted.setdefault(g["corpus"], set()).add(g["id"])
    texts = _corpus_texts(wanted)
    out = []
    for g in lines:
        rec = texts.get((g["corpus"], g["id"]))
        if rec is None:
            raise SystemExit(f"{g['corpus']} {g['id']}: not found in ../shared/corpora")
        if hashlib.sha1(rec["text"].encode("utf-8")).hexdigest() != g["sha1"]:
            raise SystemExit(f"{g['id']}: text sha1 differs from the gold's")
        out.append((g, rec))
    return out


def fr_gold_items(line: dict[str, Any]) -> list[Gold]:
    """The gold quotes of one line of a French gold file."""
    return [
        Gold(
            q["start"],
            q["end"],
            q.get("kind"),
            tuple(q["speaker"]) if q.get("speaker") else None,  # type: ignore[arg-type]
            q.get("speaker_entity"),
        )
        for q in line["quotes"]
    ]


def eval_fr(path: Path = FR_GOLD) -> dict[str, dict[str, float]]:
    """Scores of dateline and of the baseline on the French gold set."""
    pairs = load_fr_gold(path)
    recs = analyse([(g["id"], r["text"], r["date"], "fr") for g, r in pairs])
    countries = _country_names()
    totals = {name: (Counts(), Counts()) for name in ("dateline", "baseline")}
    for (g, r), rec in zip(pairs, recs, strict=True):
        gold = fr_gold_items(g)
        # The French guidelines' convention: a relay's report is not a quotation of its own (see record_preds).
        dateline_preds = record_preds(rec, countries, relay="inner")
        for name, preds in (("dateline", dateline_preds), ("baseline", baseline_preds(rec))):
            c30, _ = score_doc(r["text"], gold, preds, 0.3)
            c80, _ = score_doc(r["text"], gold, preds, 0.8)
            totals[name][0].add(c30)
            totals[name][1].add(c80)
    return {name: summarise(*cs) for name, cs in totals.items()}


# -- dev error listing ----------------------------------------------------------------------------------


def refuse_test(path: Path, ids: Iterable[str]) -> str | None:
    """Why ``path`` may not be listed item by item (a test file, or one holding a test document), or ``None``."""
    return refusal(path.name, [path.name], ids)


def _sentence(text: str, start: int, end: int, reach: int = 300) -> str:
    """The sentence(s) around ``[start, end)``, the span marked ⟦…⟧, on one line."""
    lo = start
    while lo > 0 and start - lo < reach:
        if text[lo - 1] == "\n" or (text[lo - 1] == " " and lo >= 2 and text[lo - 2] in ".!?"):
            break
        lo -= 1
    hi = end
    while hi < len(text) and hi - end < reach:
        if text[hi] == "\n" or (text[hi] in ".!?" and (hi + 1 == len(text) or text[hi + 1] in " \n")):
            hi += 1 if text[hi] != "\n" else 0
            break
        hi += 1
    return " ".join(f"{text[lo:start]}⟦{text[start:end]}⟧{text[end:hi]}".split())


def _short(text: str, n: int = 90) -> str:
    one = " ".join(text.split())
    return one if len(one) <= n else one[: n - 1] + "…"


def doc_errors(doc_id: str, text: str, gold: list[Gold], preds: list[Pred]) -> dict[str, list[dict[str, Any]]]:
    """Missed gold quotes, spurious predictions and wrong speakers of one document (at 30 % overlap)."""
    _, matches = score_doc(text, gold, preds, 0.3)
    matched_g = {id(g) for g, _ in matches}
    matched_p = {id(p) for _, p in matches}
    out: dict[str, list[dict[str, Any]]] = {"missed": [], "spurious": [], "speaker": []}
    for g in gold:
        if id(g) not in matched_g:
            out["missed"].append(
                {
                    "doc": doc_id,
                    "kind": g.kind or "?",
                    "span": [g.start, g.end],
                    "speaker": text[g.speaker[0] : g.speaker[1]] if g.speaker else None,
                    "entity": g.speaker_entity,
                    "sentence": _sentence(text, g.start, g.end),
                }
            )
    for p in preds:
        if id(p) not in matched_p:
            out["spurious"].append(
                {
                    "doc": doc_id,
                    "kind": p.kind or "?",
                    "rule": p.rule,
                    "span": [p.start, p.end],
                    "speaker": p.speaker_text,
                    "entity": p.entity_names[0] if p.entity_names else None,
                    "sentence": _sentence(text, p.start, p.end),
                }
            )
    for g, p in matches:
        if (g.speaker is not None or g.speaker_entity) and not speaker_right(g, p):
            out["speaker"].append(
                {
                    "doc": doc_id,
                    "kind": g.kind or "?",
                    "rule": p.rule,
                    "quote": _short(text[g.start : g.end]),
                    "gold": text[g.speaker[0] : g.speaker[1]] if g.speaker else None,
                    "gold_entity": g.speaker_entity,
                    "pred": p.speaker_text,
                    "pred_entity": p.entity_names[0] if p.entity_names else None,
                    "inherited": p.inherited,
                    "context": _sentence(text, g.start, g.end),
                }
            )
    return out


def errors_fr(path: Path) -> dict[str, list[dict[str, Any]]]:
    """The error listing of a French *dev* gold file (see :func:`doc_errors`)."""
    pairs = load_fr_gold(path)
    recs = analyse([(g["id"], r["text"], r["date"], "fr") for g, r in pairs])
    countries = _country_names()
    out: dict[str, list[dict[str, Any]]] = {"missed": [], "spurious": [], "speaker": []}
    for (g, r), rec in zip(pairs, recs, strict=True):
        errs = doc_errors(g["id"], r["text"], fr_gold_items(g), record_preds(rec, countries, relay="inner"))
        for k, rows in errs.items():
            out[k].extend(rows)
    return out


def errors_polnear(split: str = "dev", limit: int | None = None) -> dict[str, list[dict[str, Any]]]:
    """The error listing of PolNeAR's dev split, speech attributions only (as scored)."""
    from dateline.pipeline import load_pipeline

    items = polnear_items(split, limit)
    recs = analyse([(n, t, d, "en") for n, t, d, _ in items])
    nlp = load_pipeline("en")
    keep = {"tok2vec", "tagger", "attribute_ruler", "lemmatizer"}
    disabled = [name for name in nlp.pipe_names if name not in keep]
    cues = sorted({text[a["cue"][0] : a["cue"][1]] for _, text, _, attrs in items for a in attrs if a["cue"]})
    with nlp.select_pipes(disable=disabled):
        cue_lemmas = {c: {t.lemma_.lower() for t in d} for c, d in zip(cues, nlp.pipe(cues), strict=True)}
    countries = _country_names()
    out: dict[str, list[dict[str, Any]]] = {"missed": [], "spurious": [], "speaker": []}
    for (name, text, _, attrs), rec in zip(items, recs, strict=True):

        def lemma_of(s: int, e: int, text: str = text) -> set[str]:
            return cue_lemmas.get(text[s:e], set())

        errs = doc_errors(name, text, _speech_only(text, attrs, lemma_of), record_preds(rec, countries))
        for k, rows in errs.items():
            out[k].extend(rows)
    return out


def print_errors(errors: dict[str, list[dict[str, Any]]]) -> None:
    """The listing, grouped: missed quotes by kind, spurious ones by rule, wrong speakers by rule."""
    missed = errors["missed"]
    print(f"\n## missed gold quotes ({len(missed)})")
    for kind in sorted({r["kind"] for r in missed}):
        rows = [r for r in missed if r["kind"] == kind]
        print(f"\n### {kind} ({len(rows)})")
        for r in rows:
            who = f"{r['speaker']!r} → {r['entity']!r}" if r["speaker"] or r["entity"] else "no speaker"
            print(f"- {r['doc']} {r['span']} [{who}]\n    {r['sentence']}")
    spurious = errors["spurious"]
    print(f"\n## spurious predictions ({len(spurious)})")
    for rule in sorted({str(r["rule"]) for r in spurious}):
        rows = [r for r in spurious if str(r["rule"]) == rule]
        print(f"\n### {rule} ({len(rows)})")
        for r in rows:
            print(f"- {r['doc']} {r['kind']} {r['span']} [{r['speaker']!r} → {r['entity']!r}]\n    {r['sentence']}")
    wrong = errors["speaker"]
    print(f"\n## wrong speakers ({len(wrong)})")
    for rule in sorted({str(r["rule"]) for r in wrong}):
        rows = [r for r in wrong if str(r["rule"]) == rule]
        print(f"\n### {rule} ({len(rows)})")
        for r in rows:
            inh = " (inherited)" if r["inherited"] else ""
            print(
                f"- {r['doc']} {r['kind']}: gold {r['gold']!r} → {r['gold_entity']!r}; "
                f"pred {r['pred']!r} → {r['pred_entity']!r}{inh}\n    {r['context']}"
            )


# -- output ------------------------------------------------------------------------------------------


def table(title: str, scores: dict[str, dict[str, float]], entity: bool) -> str:
    """A Markdown table of the systems' scores; one row per (set, system) when the keys are 'set / system'."""
    head = "| set / system | gold | pred | P@30 | R@30 | F1@30 | P@80 | R@80 | F1@80 | exact F1 | speaker acc |"
    head += " R@30 direct | R@30 indirect | R@30 mixed |"
    if entity:
        head += " entity R | entity P | entity R (all gold) | entity P (all preds) |"
    lines = [f"### {title}", "", head, "|" + "---|" * (head.count("|") - 1)]
    for name, s in scores.items():
        kinds = " | ".join(f"{s[k]:.3f}" if k in s else "—" for k in ("r30_direct", "r30_indirect", "r30_mixed"))
        row = (
            f"| {name} | {s['gold']:.0f} | {s['pred']:.0f} "
            f"| {s['p30']:.3f} | {s['r30']:.3f} | {s['f30']:.3f} "
            f"| {s['p80']:.3f} | {s['r80']:.3f} | {s['f80']:.3f} | {s['exact_f1']:.3f} "
            f"| {s['speaker_acc']:.3f} (n={s['speaker_n']:.0f}) | {kinds} |"
        )
        if entity:
            row += (
                f" {s['entity_recall']:.3f} | {s['entity_precision']:.3f} "
                f"| {s['entity_recall_all']:.3f} | {s['entity_precision_all']:.3f} |"
            )
        lines.append(row)
    return "\n".join(lines)


def _side_by_side(sets: dict[str, dict[str, dict[str, float]]]) -> dict[str, dict[str, float]]:
    return {f"{set_name} / {system}": s for set_name, scores in sets.items() for system, s in scores.items()}


def main(argv: Iterable[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("which", choices=["en", "fr", "all", "polnear"], nargs="?", default="all")
    ap.add_argument("--split", default="dev", choices=["dev", "train"], help="the PolNeAR split scored as dev")
    ap.add_argument("--limit", type=int, default=None, help="only the first N PolNeAR articles")
    ap.add_argument("--gold", type=Path, default=None, help="score this French gold JSONL alone")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON too")
    ap.add_argument(
        "--learned",
        type=Path,
        default=LEARNED_MODEL,
        help="the learned English tagger scored beside the rules (default: make train-quotes-en's model-best; "
        "rows left out when absent)",
    )
    ap.add_argument("--no-learned", action="store_true", help="leave the learned tagger's rows out")
    ap.add_argument(
        "--errors",
        action="store_true",
        help="list missed, spurious and wrong-speaker quotes of a dev set (fr with --gold DEVFILE, or polnear)",
    )
    args = ap.parse_args(list(argv) if argv is not None else None)
    if args.errors:
        return _main_errors(ap, args)
    results: dict[str, Any] = {}
    if args.which in ("en", "polnear", "all"):
        t0 = time.time()
        learned = None if args.no_learned else load_learned(args.learned)
        sets = {f"dev (PolNeAR {args.split})": eval_polnear(args.split, args.limit, learned)}
        if args.which != "polnear":
            sets["test (Reuters)"] = eval_attributions(en_test_items(EN_TEST), learned)
        results["en"] = sets
        print(table("English — speech attributions, PolNeAR conventions", _side_by_side(sets), True))
        print(f"\n({time.time() - t0:.0f} s)\n")
    if args.which in ("fr", "all"):
        t0 = time.time()
        paths = {args.gold.name: args.gold} if args.gold else {"dev": FR_GOLD, "test": FR_TEST}
        if not args.gold:
            drawn = {
                "dev (drawn, whole articles)": FR_DEV_NEWS,
                "dev 2 (drawn, whole articles)": FR_DEV_NEWS2,
                "dev 3 (drawn, whole articles)": FR_DEV_NEWS3,
            }
            paths = {"dev": FR_GOLD, **{k: v for k, v in drawn.items() if v.exists()}, "test": FR_TEST}
        sets = {name: eval_fr(path) for name, path in paths.items()}
        results["fr"] = sets
        print(table("French quotes", _side_by_side(sets), True))
        print(f"\n({time.time() - t0:.0f} s)\n")
    if args.json:
        print(json.dumps(results, indent=1))
    return 0


def _main_errors(ap: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    """``--errors``: the listing of one dev set, never of a test set."""
    if args.which == "polnear":
        errors = errors_polnear(args.split, args.limit)
    elif args.which == "fr" and args.gold is not None:
        ids = [json.loads(x)["id"] for x in args.gold.read_text(encoding="utf-8").splitlines() if x.strip()]
        why = refuse_test(args.gold, ids)
        if why:
            ap.error(why)
        errors = errors_fr(args.gold)
    else:
        ap.error("--errors lists one dev set ('fr --gold DEVFILE' or 'polnear'): test sets are scored, never explained")
    if args.json:
        print(json.dumps(errors, ensure_ascii=False, indent=1))
    else:
        print_errors(errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
