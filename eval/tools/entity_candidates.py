"""Candidate mentions for the hand-made entity-resolution gold set (issue 6), from the real French NER.

Why: the gold clustering in ``eval/entities/fr_gold_clusters.jsonl`` must be judged by a person reading
each context, independent of any resolver. This script only *finds* mentions to read; every cluster label
in the gold file was decided by hand (see ``eval/entities/GUIDELINES.md``).

Reproducible: the article subset is a seeded sample (``--seed``, ``--n``) of fr_tvnews_2017 taken over
the corpus order, the NER is spaCy ``fr_core_news_md`` (the model dateline's French pipeline loads; its
``ner`` has its own tok2vec, so the other components are excluded without changing its output), and the
mention sample per referent is seeded too.

Steps (each prints to stdout; the NER output is cached in ``--cache`` so later steps are fast)::

    python eval/tools/entity_candidates.py forms   --top 150      # surface forms by frequency
    python eval/tools/entity_candidates.py referents              # the hand-grouped referents, ranked
    python eval/tools/entity_candidates.py sample  --per 11       # TSV of mentions with context to judge

``sample`` lists, for each of the 30 most frequent referents of ``REFERENTS``, mentions stratified by
surface form (every form at least once, then more of the frequent ones), plus mentions of ``CONFUSABLE``
referents whose names overlap them, so that the gold set tests precision as well as recall. Mentions come
from the NER spans and, to catch what the NER missed, from exact word-bounded occurrences of the known
forms in the same articles (column ``src`` says which).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpora" / "fr_tvnews_2017.jsonl.gz"
CACHE = Path("/tmp/dateline_entity_candidates_ner.json")
# Seed and size of the article subset. 3,000 of 19,733 articles is enough for the 30 most frequent
# referents to have dozens of mentions each, and small enough to tag in a few minutes on a shared machine.
SEED = 6
N_ARTICLES = 3000
LABELS = ("PER", "ORG", "LOC")  # the model's MISC is not an entity kind the gold set covers
_TRIM = ' \t\r\n,;:.!?«»“”"()[]{}–—'

# Hand-grouped referents: canonical name -> (type, surface forms). Built by reading the ``forms`` output
# and the contexts; a form listed under two referents is ambiguous and is decided per mention by hand
# ("Moscou" is listed under the city and the state, "Le Pen" under both Le Pen). Ranked by mention count
# in the subset, the first 30 are the gold set's referents. Not ranked: the broadcasters' own names and
# their anchors and reporters (TF1, "JT", Gilles Bouleau...), which the texts mention as credits
# ("présenté par ...", "le journaliste de France 2") rather than as news subjects.
REFERENTS: dict[str, tuple[str, list[str]]] = {
    "France": ("GPE", ["France", "Hexagone"]),
    "Emmanuel Macron": ("PER", ["Emmanuel Macron", "Macron", "M. Macron"]),
    "Paris": ("LOC", ["Paris"]),
    "Marine Le Pen": ("PER", ["Marine Le Pen", "Le Pen", "Mme Le Pen", "Marine"]),
    "François Fillon": ("PER", ["François Fillon", "Fillon", "M. Fillon"]),
    "États-Unis": ("GPE", ["États-Unis", "Etats-Unis", "USA", "Amérique"]),
    "Donald Trump": ("PER", ["Donald Trump", "Trump", "M. Trump"]),
    "Benoît Hamon": ("PER", ["Benoît Hamon", "Benoit Hamon", "Hamon"]),
    "Jean-Luc Mélenchon": ("PER", ["Jean-Luc Mélenchon", "Mélenchon", "Jean-Luc Melenchon"]),
    "François Hollande": ("PER", ["François Hollande", "Hollande", "M. Hollande"]),
    "Front national": ("ORG", ["Front national", "Front National", "FN"]),
    "Royaume-Uni": ("GPE", ["Royaume-Uni", "Grande-Bretagne"]),
    "Marseille": ("LOC", ["Marseille"]),
    "Londres": ("LOC", ["Londres"]),
    "Élysée": ("ORG", ["Élysée", "Elysée"]),
    "Allemagne": ("GPE", ["Allemagne"]),
    "Union européenne": ("ORG", ["Union européenne", "UE"]),
    "Europe": ("LOC", ["Europe"]),
    "Les Républicains": ("ORG", ["Les Républicains", "Républicains", "LR"]),
    "La République en marche": (
        "ORG",
        ["La République en marche", "République en marche", "LREM", "LaREM", "REM", "En marche", "En Marche"],
    ),
    "SNCF": ("ORG", ["SNCF"]),
    "Édouard Philippe": ("PER", ["Édouard Philippe", "Edouard Philippe", "Philippe"]),
    "Manuel Valls": ("PER", ["Manuel Valls", "Valls"]),
    "Angela Merkel": ("PER", ["Angela Merkel", "Merkel", "Mme Merkel"]),
    "Syrie": ("GPE", ["Syrie"]),
    "Espagne": ("GPE", ["Espagne"]),
    "Russie": ("GPE", ["Russie"]),
    "Vladimir Poutine": ("PER", ["Vladimir Poutine", "Poutine", "M. Poutine", "Putin", "Vladimir Putin"]),
    "État islamique": (
        "ORG",
        ["État islamique", "Etat islamique", "EI", "Daech", "Daesh", "ISIS", "Isis", "organisation État islamique"],
    ),
    "Barcelone": ("LOC", ["Barcelone"]),
    "Lyon": ("LOC", ["Lyon"]),
    "François Bayrou": ("PER", ["François Bayrou", "Bayrou"]),
    "Johnny Hallyday": ("PER", ["Johnny Hallyday", "Johnny"]),
    "Theresa May": ("PER", ["Theresa May", "Mme May"]),
    "Italie": ("GPE", ["Italie"]),
    "Parti socialiste": ("ORG", ["Parti socialiste", "PS"]),
    "CGT": ("ORG", ["CGT"]),
    "Assemblée nationale": ("ORG", ["Assemblée nationale", "Assemblée"]),
    "Catalogne": ("GPE", ["Catalogne"]),
    "Nicolas Sarkozy": ("PER", ["Nicolas Sarkozy", "Sarkozy"]),
    "Chine": ("GPE", ["Chine"]),
    "Corée du Nord": ("GPE", ["Corée du Nord"]),
    "MoDem": ("ORG", ["MoDem", "Modem", "Mouvement démocrate"]),
}
# Capitals (and "Europe") that may stand for a state or the EU: form -> the state it may stand for. Not
# counted in the ranking (most uses are the city); sampled separately, preferring occurrences that are not
# the object of a place preposition ("à Moscou"), because those are where metonymy happens.
METONYMS: dict[str, str] = {
    "Paris": "France",
    "Washington": "États-Unis",
    "Londres": "Royaume-Uni",
    "Berlin": "Allemagne",
    "Madrid": "Espagne",
    "Moscou": "Russie",
    "Rome": "Italie",
    "Damas": "Syrie",
    "Pékin": "Chine",
    "Pyongyang": "Corée du Nord",
    "Bruxelles": "Union européenne",
    "Europe": "Union européenne",
}
# Beyond the 30 most frequent: referents the issue names as hard cases, sampled with fewer mentions.
EXTRA = ("Russie", "Vladimir Poutine", "Union européenne", "Parti socialiste", "La République en marche")
# A second draw, appended after everything else (so the row numbers above do not move): the first draw of
# "France", the most frequent referent, hit mostly NER spans that are really "France 2"/"France 3".
SECOND_DRAW: dict[str, int] = {"France": 12}
# Referents whose names overlap the ones above (distractors, to test precision); same shape.
CONFUSABLE: dict[str, tuple[str, list[str]]] = {
    "Jean-Marie Le Pen": ("PER", ["Jean-Marie Le Pen", "Le Pen"]),
    "Marion Maréchal-Le Pen": ("PER", ["Marion Maréchal-Le Pen", "Marion Maréchal"]),
    "Penelope Fillon": ("PER", ["Penelope Fillon", "Penelope", "Mme Fillon"]),
    "Brigitte Macron": ("PER", ["Brigitte Macron", "Brigitte"]),
    "Ivanka Trump": ("PER", ["Ivanka Trump", "Ivanka"]),
    "Melania Trump": ("PER", ["Melania Trump", "Melania"]),
    "Pays-Bas": ("GPE", ["Pays-Bas", "Hollande"]),
    "Washington": ("LOC", ["Washington"]),
    "Moscou": ("LOC", ["Moscou"]),
    "Berlin": ("LOC", ["Berlin"]),
    "Bruxelles": ("LOC", ["Bruxelles"]),
    "Madrid": ("LOC", ["Madrid"]),
    "Angleterre": ("LOC", ["Angleterre"]),
    "France 2": ("ORG", ["France 2"]),
    "France 3": ("ORG", ["France 3"]),
    "Banque de France": ("ORG", ["Banque de France"]),
    "Paris Saint-Germain": ("ORG", ["PSG", "Paris Saint-Germain", "Paris-SG"]),
    "Olympique de Marseille": ("ORG", ["OM", "Olympique de Marseille"]),
    "Olympique lyonnais": ("ORG", ["OL", "Olympique lyonnais"]),
    "Philippe Poutou": ("PER", ["Philippe Poutou", "Poutou"]),
    "Europe 1": ("ORG", ["Europe 1"]),
    "Parti républicain": ("ORG", ["Républicains", "Parti républicain"]),
}
# A leading determiner or preposition the NER sometimes includes ("la France", "de France 2") is not part
# of the name; an immediately preceding honorific ("M. Poutine") is.
_LEADING = re.compile(r"^(?:la|le|les|l'|l’|de|d'|d’|du|des)\s*(?=[A-ZÉÈÀÂÎÔ])", re.IGNORECASE)
_TITLE = re.compile(r"(?:M\.|Mme|Mlle)\s$")


_TITLE_PREFIX = re.compile(r"^(?:M\\.|Mme|Mlle)\\s")


# "à Paris", "de Paris", "en direct de Washington": the place reading; anything else may be the state.
_PLACE_PREP = re.compile(r"(?:\b(?:à|de|en|sur|vers|depuis|dans|près de|d'|d’))\s*$")


def adjust(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading determiner from a span and take in an honorific just before it."""
    m = _LEADING.match(text[start:end])
    if m and m.end() < end - start:
        start += m.end()
    t = _TITLE.search(text[max(0, start - 5) : start])
    if t:
        start -= len(t.group(0))
    return start, end


def read_corpus(path: Path) -> Iterator[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)


def subset(path: Path, n: int, seed: int) -> list[dict[str, Any]]:
    """The seeded sample of ``n`` articles, in corpus order."""
    records = list(read_corpus(path))
    keep = sorted(random.Random(seed).sample(range(len(records)), n))
    return [records[i] for i in keep]


def run_ner(records: list[dict[str, Any]], cache: Path) -> dict[str, list[list[Any]]]:
    """article id -> [[start, end, label], ...] of trimmed NER spans (cached as JSON)."""
    if cache.exists():
        return json.loads(cache.read_text())  # type: ignore[no-any-return]
    import spacy

    nlp = spacy.load("fr_core_news_md", exclude=["morphologizer", "parser", "attribute_ruler", "lemmatizer"])
    out: dict[str, list[list[Any]]] = {}
    texts = (r["text"] for r in records)
    for rec, doc in zip(records, nlp.pipe(texts, batch_size=64), strict=True):
        spans = []
        for ent in doc.ents:
            if ent.label_ not in LABELS:
                continue
            text = ent.text
            left = len(text) - len(text.lstrip(_TRIM))
            right = len(text.rstrip(_TRIM))
            if right > left:
                spans.append([ent.start_char + left, ent.start_char + right, ent.label_])
        out[rec["id"]] = spans
    cache.write_text(json.dumps(out))
    return out


def form_counts(records: list[dict[str, Any]], ner: dict[str, list[list[Any]]]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for rec in records:
        for s, e, _label in ner[rec["id"]]:
            counts[rec["text"][s:e]] += 1
    return counts


def _occurrences(text: str, form: str) -> Iterator[tuple[int, int]]:
    for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text):
        yield m.start(), m.end()


def mentions_by_referent(
    records: list[dict[str, Any]], ner: dict[str, list[list[Any]]], table: dict[str, tuple[str, list[str]]]
) -> dict[str, list[tuple[str, int, int, str, str]]]:
    """referent -> [(id, start, end, form, src)], src "ner" or "string" (a form occurrence the NER missed).

    An occurrence inside a longer NER span or a longer known form is not listed separately (the longer
    span is the mention); "string" occurrences are only searched in articles where the NER found at least
    one form of the referent, which keeps the candidates topical.
    """
    form_to_refs: dict[str, list[str]] = defaultdict(list)
    for ref, (_t, forms) in table.items():
        for f in forms:
            form_to_refs[f].append(ref)
    all_forms = sorted(form_to_refs, key=len, reverse=True)
    out: dict[str, list[tuple[str, int, int, str, str]]] = defaultdict(list)
    for rec in records:
        text = rec["text"]
        spans = {adjust(text, s, e) for s, e, _ in ner[rec["id"]]}
        taken: list[tuple[int, int]] = []
        found: list[tuple[int, int, str, str]] = []
        for s, e in sorted(spans, key=lambda x: x[0] - x[1]):
            if any(a < e and s < b for a, b in taken):
                continue
            form = text[s:e]
            if form in form_to_refs:
                found.append((s, e, form, "ner"))
            taken.append((s, e))
        refs_here = {r for _s, _e, f, _src in found for r in form_to_refs[f]}
        for form in all_forms:
            if not refs_here.intersection(form_to_refs[form]):
                continue
            for s0, e0 in _occurrences(text, form):
                s, e = adjust(text, s0, e0)
                if any(a < e and s < b for a, b in taken):
                    continue
                found.append((s, e, text[s:e], "string"))
                taken.append((s, e))
        for s, e, form, src in found:
            for ref in form_to_refs.get(form, form_to_refs.get(_TITLE_PREFIX.sub("", form), [])):
                out[ref].append((rec["id"], s, e, form, src))
    return out


def context(text: str, start: int, end: int, width: int = 120) -> str:
    left = text[max(0, start - width) : start].replace("\t", " ").replace("\n", " ")
    right = text[end : end + width].replace("\t", " ").replace("\n", " ")
    return f"{left}[[{text[start:end]}]]{right}"


def stratified(items: list[tuple[str, int, int, str, str]], k: int, rng: random.Random) -> list[Any]:
    """k mentions: one per surface form first (rarest first), then random others."""
    by_form: dict[str, list[Any]] = defaultdict(list)
    for it in items:
        by_form[it[3]].append(it)
    picked: list[Any] = []
    for form in sorted(by_form, key=lambda f: (len(by_form[f]), f)):
        if len(picked) >= k:
            break
        picked.append(rng.choice(by_form[form]))
    rest = [it for it in items if it not in picked]
    rng.shuffle(rest)
    picked.extend(rest[: max(0, k - len(picked))])
    return sorted(picked)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("step", choices=["forms", "referents", "sample"])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--cache", type=Path, default=CACHE)
    ap.add_argument("--n", type=int, default=N_ARTICLES)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--top", type=int, default=150)
    ap.add_argument("--per", type=int, default=10, help="mentions sampled per top referent")
    ap.add_argument("--extra-per", type=int, default=6, help="mentions sampled per EXTRA referent")
    ap.add_argument("--metonym-per", type=int, default=4, help="non-place-preposition uses per capital")
    ap.add_argument("--confusable-per", type=int, default=4)
    args = ap.parse_args(argv)

    records = subset(args.corpus, args.n, args.seed)
    ner = run_ner(records, args.cache)
    if args.step == "forms":
        labels: dict[str, Counter[str]] = defaultdict(Counter)
        for rec in records:
            for s, e, label in ner[rec["id"]]:
                labels[rec["text"][s:e]][label] += 1
        for form, n in form_counts(records, ner).most_common(args.top):
            print(f"{n}\t{form}\t{dict(labels[form])}")
        return 0
    refs = mentions_by_referent(records, ner, REFERENTS)
    ranked = sorted(refs, key=lambda r: -len(refs[r]))
    if args.step == "referents":
        for i, ref in enumerate(ranked, 1):
            forms = Counter(m[3] for m in refs[ref])
            src = Counter(m[4] for m in refs[ref])
            print(f"{i}\t{ref}\t{REFERENTS[ref][0]}\t{len(refs[ref])}\t{dict(src)}\t{dict(forms.most_common())}")
        return 0
    text_of = {r["id"]: r["text"] for r in records}
    rng = random.Random(args.seed)
    rows: list[tuple[str, Any]] = []
    for ref in ranked[:30]:
        rows.extend((ref, m) for m in stratified(refs[ref], args.per, rng))
    for ref in EXTRA:
        rows.extend((ref, m) for m in stratified(refs[ref], args.extra_per, rng))
    seen = {(m[0], m[1], m[2]) for _r, m in rows}
    meto = mentions_by_referent(records, ner, {f: ("LOC", [f]) for f in METONYMS})
    for form, state in METONYMS.items():
        pool = [m for m in meto[form] if (m[0], m[1], m[2]) not in seen]
        actor = [m for m in pool if not _PLACE_PREP.search(text_of[m[0]][max(0, m[1] - 12) : m[1]])]
        rng.shuffle(actor)
        rows.extend((f"{form}|{state}", m) for m in sorted(actor[: args.metonym_per]))
    seen = {(m[0], m[1], m[2]) for _r, m in rows}
    conf = mentions_by_referent(records, ner, CONFUSABLE)
    for ref in sorted(conf):
        pool = [m for m in conf[ref] if (m[0], m[1], m[2]) not in seen]
        rows.extend((ref, m) for m in stratified(pool, args.confusable_per, rng))
    seen = {(m[0], m[1], m[2]) for _r, m in rows}
    for ref, k in SECOND_DRAW.items():
        pool = [m for m in refs[ref] if (m[0], m[1], m[2]) not in seen]
        rows.extend((ref, m) for m in sorted(random.Random(args.seed + 1).sample(pool, k)))
    print("n\tguess\tid\tstart\tend\tform\tsrc\tcontext")
    for i, (ref, (aid, s, e, form, src)) in enumerate(rows, 1):
        print(f"{i}\t{ref}\t{aid}\t{s}\t{e}\t{form}\t{src}\t{context(text_of[aid], s, e)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
