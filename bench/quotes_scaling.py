"""Quotation extraction time against article length: 10 to 1,000 paragraphs of generated French text.

Each paragraph mixes the patterns the component looks for (a direct quotation with a postposed cue, a
reported clause, "selon X", an unclosed quotation mark) and plain narration. Prints, per size, the
full French pipeline time, the time of the quotes component alone (``extract_quotes`` on the parsed
Doc), and both per 1,000 characters: flat per-character figures mean linear time.

    python bench/quotes_scaling.py [--sizes 10,100,300,1000]
"""

from __future__ import annotations

import argparse
import time

PARAGRAPHS = [
    "« Nous ne céderons pas sur les salaires », a déclaré {name} lors d'une réunion à {city}.",
    "Selon le porte-parole du syndicat, la grève pourrait durer plusieurs semaines à {city}.",
    "{name} a estimé que la situation restait préoccupante et a ajouté qu'il fallait agir vite.",
    "La mairie de {city} a publié un communiqué. Les travaux reprendront lundi sur la place centrale.",
    "Le maire a prévenu : « il n'y aura pas de nouvelles hausses d'impôts",
    "Pour le directeur de l'usine, la production doit reprendre avant la fin du mois.",
]
NAMES = ["Jean Dupont", "Marie Martin", "Paul Bernard", "Claire Petit"]
CITIES = ["Lyon", "Nantes", "Lille", "Rennes"]


def article(n: int) -> str:
    paras = []
    for i in range(n):
        tpl = PARAGRAPHS[i % len(PARAGRAPHS)]
        paras.append(tpl.format(name=NAMES[i % len(NAMES)], city=CITIES[(i // 3) % len(CITIES)]))
    return "\n\n".join(paras)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10,30,100,300,1000")
    args = ap.parse_args()
    from dateline.article import PubDate
    from dateline.pipeline import load_pipeline
    from dateline.quotes.component import extract_quotes

    nlp = load_pipeline("fr")
    nlp.max_length = max(nlp.max_length, 5_000_000)
    print("| paragraphs | chars | quotes | pipeline s | quotes s | pipeline ms/1k chars | quotes ms/1k chars |")
    print("|---|---|---|---|---|---|---|")
    for n in [int(x) for x in args.sizes.split(",")]:
        text = article(n)
        doc = nlp.make_doc(text)
        doc._.dct = PubDate.parse("2017-01")
        t0 = time.perf_counter()
        doc = nlp(doc)
        t_pipe = time.perf_counter() - t0
        t0 = time.perf_counter()
        quotes = extract_quotes(doc, "fr")
        t_q = time.perf_counter() - t0
        k = len(text) / 1000
        print(
            f"| {n} | {len(text)} | {len(quotes)} | {t_pipe:.2f} | {t_q:.3f} "
            f"| {1000 * t_pipe / k:.2f} | {1000 * t_q / k:.3f} |"
        )


if __name__ == "__main__":
    main()
