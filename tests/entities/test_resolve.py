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


def test_first_names_surnames_and_compound_surnames() -> None:
    forms = [
        _form("Édouard Philippe", "PER", 30),
        _form("Philippe Poutou", "PER", 12),
        _form("Philippe Martinez", "PER", 9),
        _form("Philippe", "PER", 4),
        _form("Brigitte Macron", "PER", 20),
        _form("Brigitte Bardot", "PER", 2),
        _form("Brigitte", "PER", 3),
        _form("Marion Maréchal-Le Pen", "PER", 8),
        _form("Marion Maréchal", "PER", 2),
        _form("Nathalie Kosciusko-Morizet", "PER", 6),
        _form("Nathalie Kosciusko", "PER", 1),
    ]
    m = cluster_forms(forms)
    # "Philippe" is a surname of one person but the first name of others who, together, are not
    # dominated: it stays its own entity.
    assert m["philippe"] == "philippe"
    # A first name shared by two people joins neither, however famous one of them is.
    assert m["brigitte"] == "brigitte"
    # A compound surname cut at its hyphen is the same person.
    assert m["marion marechal"] == m["marion marechal-le pen"]
    assert m["nathalie kosciusko"] == m["nathalie kosciusko-morizet"]
    assert m["brigitte macron"] != m["brigitte bardot"]
    # Without rivals the surname rule still applies.
    alone = cluster_forms([_form("Édouard Philippe", "PER", 30), _form("Philippe", "PER", 4)])
    assert alone["philippe"] == "edouard philippe"


def test_acronyms_of_the_same_kind_and_hyphens_and_armed_groups() -> None:
    forms = [
        _form("Parti socialiste", "ORG", 40),
        _form("Parlement de Strasbourg", "ORG", 2),
        _form("place Saint-Pierre", "LOC", 9),
        _form("PS", "ORG", 12),
        _form("Paris Saint-Germain", "ORG", 10),
        _form("PSG", "ORG", 7),
        _form("de la région", "ORG", 3),
        _form("LR", "ORG", 5),
        _form("Daech", "ORG", 8),
        _form("État islamique", "ORG", 20),
    ]
    m = cluster_forms(forms)
    # Organisations named "PS" (42 mentions) are dominated by the Parti socialiste; the place is no rival.
    assert m["ps"] == m["parti socialiste"] != m["parlement de strasbourg"]
    assert m["psg"] == m["paris saint-germain"]
    assert "psg" in acronyms_of("paris saint-germain")
    # A phrase starting with a preposition is not a name an acronym abbreviates.
    assert acronyms_of("de la region") == set()
    assert m["lr"] == "lr"
    assert m["daech"] == m["etat islamique"]


def _person(display: str, n: int) -> Form:
    # The key the store gives a person's name (form_key), with the sex a title gives a bare surname.
    from dateline.store.forms import form_key

    return Form(form_key(display, "PER", None), display, {"PER": n}, n)


def test_a_title_of_the_other_sex_blocks_the_join() -> None:
    forms = [
        _person("Marine Le Pen", 60),
        _person("Jean-Marie Le Pen", 15),
        _person("Le Pen", 9),
        _person("Monsieur Le Pen", 1),
        _person("madame Le Pen", 5),
        _person("François Fillon", 50),
        _person("Pénélope Fillon", 6),
        _person("Mme Fillon", 2),
        _person("Fillon", 14),
        _person("M. Fillon", 3),
        _person("M. Vladimir Poutine", 2),
        _person("Vladimir Poutine", 40),
    ]
    assert [f.key for f in forms[3:5]] == ["le pen ♂", "le pen ♀"]
    assert forms[10].key == "vladimir poutine"  # a first name says who: no mark
    m = cluster_forms(forms)
    # Bare "Le Pen" goes by dominance (60 to 15); the titles go by sex, whatever the dominance says.
    assert m["le pen ♂"] == m["jean-marie le pen"] != m["marine le pen"]
    assert m["le pen ♀"] == m["marine le pen"]
    assert m["fillon ♀"] == m["penelope fillon"] != m["francois fillon"]
    assert m["fillon ♂"] == m["fillon"] == m["francois fillon"]
    rng = random.Random(3)
    expected = _clusters(m)
    for _ in range(10):
        rng.shuffle(forms)
        assert _clusters(cluster_forms(forms)) == expected
