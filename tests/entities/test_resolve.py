"""Cross-document resolution rules, on forms built by hand (no model needed)."""

from __future__ import annotations

import random

from dateline.entities.resolve import Form, acronyms_of, cluster_forms, core_key, phonetic


def _form(display: str, etype: str, n: int) -> Form:
    return Form(core_key(display), display, {etype: n}, n)


FORMS = [
    _form("Vladimir Poutine", "PER", 40),
    _form("Poutine", "PER", 12),
    _form("M. Poutine", "PER", 3),
    _form("Vladimir Putin", "PER", 2),
    _form("Sergueï Lavrov", "PER", 9),
    _form("Sergei Lavrov", "PER", 1),
    _form("Marine Le Pen", "PER", 30),
    _form("Jean-Marie Le Pen", "PER", 25),
    _form("Le Pen", "PER", 10),
    _form("État islamique", "ORG", 15),
    _form("EI", "ORG", 4),
    _form("Organisation des Nations unies", "ORG", 3),
    _form("ONU", "ORG", 8),
    _form("La République en marche", "ORG", 5),
    _form("LREM", "ORG", 4),
    _form("François Fillon", "PER", 50),
    _form("Penelope Fillon", "PER", 6),
    _form("Fillon", "PER", 14),
    _form("Johnny Hallyday", "PER", 12),
    _form("Johnny", "PER", 3),
    _form("Washington", "LOC", 10),
    _form("George Washington", "PER", 2),
]


def _clusters(mapping: dict[str, str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for k, c in mapping.items():
        groups.setdefault(c, set()).add(k)
    return {frozenset(g) for g in groups.values()}


def test_names_titles_transliterations_acronyms() -> None:
    m = cluster_forms(FORMS)
    assert m["poutine"] == m["vladimir poutine"] == m["vladimir putin"] == "vladimir poutine"
    assert core_key("M. Poutine") == "poutine" and core_key("Monsieur Valls") == "valls"
    assert m["sergei lavrov"] == m["serguei lavrov"]
    assert m["ei"] == m["etat islamique"]
    assert m["onu"] == m["organisation des nations unies"]
    assert m["lrem"] == m["la republique en marche"]
    assert m["johnny"] == m["johnny hallyday"]
    assert phonetic("khodorkovski") == phonetic("khodorkovsky")
    assert "lrem" in acronyms_of("la republique en marche")
    assert acronyms_of("organisation des nations unies") == {"odnu", "onu"}


def test_ambiguity_is_kept_unless_one_referent_dominates() -> None:
    m = cluster_forms(FORMS)
    # Marine (30) and Jean-Marie (25) are close: "Le Pen" alone stays its own entity.
    assert m["le pen"] == "le pen"
    assert m["marine le pen"] != m["jean-marie le pen"]
    # François Fillon (50) dominates Penelope Fillon (6): "Fillon" alone is him.
    assert m["fillon"] == m["francois fillon"] != m["penelope fillon"]
    # A place never joins a person by containment.
    assert m["washington"] != m["george washington"]


def test_result_does_not_depend_on_order() -> None:
    expected = _clusters(cluster_forms(FORMS))
    rng = random.Random(7)
    for _ in range(20):
        shuffled = FORMS[:]
        rng.shuffle(shuffled)
        assert _clusters(cluster_forms(shuffled)) == expected


def test_corrections() -> None:
    m = cluster_forms(FORMS, merges=[("le pen", "marine le pen")], splits=["johnny"])
    assert m["le pen"] == m["marine le pen"]
    assert m["johnny"] == "johnny"
    m = cluster_forms(FORMS, splits=["poutine"])
    assert m["poutine"] == "poutine" and m["vladimir putin"] == "vladimir poutine"
