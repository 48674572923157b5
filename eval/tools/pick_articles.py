"""Seeded, reproducible selection of the French articles and sentences of the gold sets.

    python eval/tools/pick_articles.py quotes   # articles for eval/quotes/fr_gold.jsonl
    python eval/tools/pick_articles.py events   # sentences for eval/events/fr_gold.jsonl

Both read ../shared/corpora (fr_tvnews_2017 and fr_orangesum_2011_2019) and print one
tab-separated line per pick (corpus, id, and for sentences start/end, then why it was picked).
The choice depends only on the corpora and the seed (Python's `random.Random(seed)`), so the same
command always gives the same list.

quotes: articles of 400–2500 characters from the news sections (politics, world, France, society,
crime/justice, economy, elections), half from each corpus. In each corpus, 5/6 are drawn from
articles that contain a quotation mark or a common reporting cue ("a déclaré", "selon", …) and 1/6
from articles with neither, so that precision is measured on text without quotations too.

events: one sentence (40–400 characters) per article. About two thirds are drawn from articles of
the politics/world/society/crime sections among sentences holding a French event cue (a word such
as "attaque", "manifest", "rencontr", "accord", "arrêt", …); one third among sentences holding
none of those cues, from any section (weather and sport included), to measure precision. The TF1
programme blurb that ends many TV texts is left out.
A third group (24 by default, drawn after the first two with its own generator) takes sentences of
the world sections holding a diplomatic or military cue ("rencontre", "sommet", "accord", "troupes",
"frappes", "sanctions", …), because the first draw gave almost no CONSULT/AGREE/AID/MOBILIZE.
The cue lists only steer the draw; the annotator annotates what each sentence actually holds.
"""

from __future__ import annotations

import argparse
import random
import re
import sys

from corpora import CORPORA, iter_records

SEED = 2017

# URL path segments of news sections (see the section counts in eval/README.md).
NEWS_SECTIONS = {
    "fr_tvnews_2017": {
        "politique",
        "monde",
        "societe",
        "faits-divers",
        "france",
        "international",
        "elections",
        "economie",
        "justice-faits-divers",
    },
    "fr_orangesum_2011_2019": {"politique", "monde", "france", "societe"},
}
EVENT_SECTIONS = {
    "fr_tvnews_2017": {"politique", "monde", "societe", "faits-divers", "international", "france"},
    "fr_orangesum_2011_2019": {"politique", "monde", "france", "societe"},
}

QUOTE_MARKS = re.compile(r"[«»“”\"]")
REPORTING = re.compile(
    r"\b(a déclaré|a affirmé|a estimé|a indiqué|a expliqué|a assuré|a annoncé|a ajouté|a souligné|"
    r"selon|d'après|estime|affirme|explique|indique|déclare)\b",
    re.IGNORECASE,
)
EVENT_CUE = re.compile(
    r"\b(attaqu\w*|attentat\w*|bombard\w*|frapp\w*|tu[ée]s?\b|abattu\w*|manifest\w*|grève\w*|"
    r"rencontr\w*|entretien\w*|entretenu\w*|visite\w*|sommet\w*|accord\w*|sanction\w*|"
    r"arrêt[ée]\w*|interpell\w*|garde à vue|expuls\w*|menac\w*|accus\w*|dénonc\w*|condamn\w*|"
    r"demand\w*|réclam\w*|exig\w*|refus\w*|rejet\w*|soutien\w*|soutenu\w*|déploi\w*|déploy\w*|"
    r"libér\w*|démission\w*|enquête\w*|aide\w*|coopér\w*|négoci\w*|retir\w*|retrait\w*)",
    re.IGNORECASE,
)
# A third, smaller group steers the draw towards the interstate types the first draw gave too few
# of (CONSULT, AGREE, COOPERATE, AID, MOBILIZE, SANCTION): world-section sentences with one of these.
WORLD_SECTIONS = {"fr_tvnews_2017": {"monde", "international"}, "fr_orangesum_2011_2019": {"monde"}}
WORLD_CUE = re.compile(
    r"\b(rencontr\w*|entretenu\w*|entretien\w*|sommet\w*|visite\w*|accord\w*|coopér\w*|aide\w*|"
    r"troupes|soldats|déploi\w*|déploy\w*|frappes?|bombard\w*|sanction\w*|négoci\w*|signé\w*|"
    r"reçu|cessez-le-feu|libér\w*|expuls\w*)",
    re.IGNORECASE,
)
# TF1 texts end with a programme blurb ("Vous retrouverez au programme du JT … des enquêtes …");
# it repeats in thousands of articles and would fill the draw with one sentence.
BOILERPLATE = re.compile(r"^(Vous retrouverez au programme|Ce reportage est issu|Ce sujet a été diffusé)")
# A sentence ends at . ! ? … followed by a space, a newline or a capital (the corpora glue
# sentences: "terrain.Les"); abbreviations are rare enough in these texts for this draw.
SENTENCE_END = re.compile(r"[.!?…]+(?=\s|[A-ZÀ-Ý«\"]|$)")


def section(corpus: str, url: str) -> str:
    """The section of an article, from the first path segment of its URL."""
    parts = url.split("/")
    return parts[3] if len(parts) > 3 else ""


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of the sentences of a text, end after the final punctuation."""
    out = []
    start = 0
    for m in SENTENCE_END.finditer(text):
        end = m.end()
        s = start
        while s < end and text[s].isspace():
            s += 1
        if s < end:
            out.append((s, end))
        start = end
    tail = start
    while tail < len(text) and text[tail].isspace():
        tail += 1
    if tail < len(text):
        out.append((tail, len(text.rstrip())))
    return out


def pick_quotes(n_per_corpus: int, seed: int) -> list[tuple[str, str, str]]:
    """(corpus, id, why) for the quote gold set: n_per_corpus articles from each corpus."""
    rng = random.Random(seed)
    picks: list[tuple[str, str, str]] = []
    n_plain = max(1, n_per_corpus // 6)
    for corpus in CORPORA:
        with_cues, plain = [], []
        for rec in iter_records(corpus):
            text = rec["text"]
            if not 400 <= len(text) <= 2500 or section(corpus, rec["url"]) not in NEWS_SECTIONS[corpus]:
                continue
            if QUOTE_MARKS.search(text) or REPORTING.search(text):
                with_cues.append(rec["id"])
            else:
                plain.append(rec["id"])
        picks += [(corpus, i, "cues") for i in rng.sample(with_cues, n_per_corpus - n_plain)]
        picks += [(corpus, i, "no-cues") for i in rng.sample(plain, n_plain)]
    return picks


def pick_events(n_event: int, n_other: int, seed: int, n_world: int = 0) -> list[tuple[str, str, int, int, str]]:
    """(corpus, id, start, end, why) for the event gold set, half of each group from each corpus.

    The world group is drawn last, with its own generator, so adding it left the first two groups
    exactly as they were first drawn.
    """
    rng = random.Random(seed)
    rng_world = random.Random(seed + 1)
    picks: list[tuple[str, str, int, int, str]] = []
    for corpus in CORPORA:
        cue_pool: list[tuple[str, int, int]] = []
        other_pool: list[tuple[str, int, int]] = []
        world_pool: list[tuple[str, int, int]] = []
        for rec in iter_records(corpus):
            text = rec["text"]
            sents = [(s, e) for s, e in sentences(text) if 40 <= e - s <= 400 and not BOILERPLATE.match(text[s:e])]
            if not sents:
                continue
            cue = [(s, e) for s, e in sents if EVENT_CUE.search(text[s:e])]
            other = [(s, e) for s, e in sents if not EVENT_CUE.search(text[s:e])]
            # One candidate per article and group, chosen with a per-article generator so that the
            # pools do not depend on the order in which the main generator is consumed.
            local = random.Random(f"{seed}:{rec['id']}")
            if cue and section(corpus, rec["url"]) in EVENT_SECTIONS[corpus]:
                cue_pool.append((rec["id"], *local.choice(cue)))
            if other:
                other_pool.append((rec["id"], *local.choice(other)))
            world = [(s, e) for s, e in sents if WORLD_CUE.search(text[s:e])]
            if world and section(corpus, rec["url"]) in WORLD_SECTIONS[corpus]:
                world_pool.append((rec["id"], *random.Random(f"{seed}:world:{rec['id']}").choice(world)))
        chosen_ids: set[str] = set()
        for i, s, e in rng.sample(cue_pool, n_event // 2):
            picks.append((corpus, i, s, e, "event-cue"))
            chosen_ids.add(i)
        others = [c for c in other_pool if c[0] not in chosen_ids]
        for i, s, e in rng.sample(others, n_other // 2):
            picks.append((corpus, i, s, e, "no-cue"))
            chosen_ids.add(i)
        worlds = [c for c in world_pool if c[0] not in chosen_ids]
        for i, s, e in rng_world.sample(worlds, n_world // 2):
            picks.append((corpus, i, s, e, "world-cue"))
    return picks


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=["quotes", "events"])
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--n", type=int, default=None, help="quotes: per corpus (24); events: total (84)")
    ap.add_argument("--world", type=int, default=24, help="events: sentences of the world group (24)")
    args = ap.parse_args(argv)
    if args.what == "quotes":
        for corpus, i, why in pick_quotes(args.n or 24, args.seed):
            print(f"{corpus}\t{i}\t{why}")
    else:
        total = args.n or 84
        n_other = total // 3
        for corpus, i, s, e, why in pick_events(total - n_other, n_other, args.seed, args.world):
            print(f"{corpus}\t{i}\t{s}\t{e}\t{why}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
