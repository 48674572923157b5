"""Cross-document entity resolution: which names in the store designate the same referent.

The unit is the *form*: a normalised name (``core_key``) with its aggregate statistics over the whole
store (mentions per spaCy type, articles, country). Clustering is a deterministic function of the set
of forms and of the user's corrections, never of the order in which articles arrived:

1. forms whose transliteration-folded keys are equal are one ("Vladimir Poutine" = "Vladimir Putin");
2. a person's shorter name joins the longer one it ends ("Poutine" ⊂ "Vladimir Poutine") only when
   exactly one group of longer person names ends with it — "Le Pen" with both "Marine Le Pen" and
   "Jean-Marie Le Pen" in the store stays apart: ambiguity is kept, not forced;
   A lone name that is also other people's first name ("Philippe") joins a surname only when it
   dominates them too; a lone first name joins only the one person who has it ("Brigitte" with both
   Brigitte Macron and Brigitte Bardot stays apart); "Marion Maréchal" joins "Marion Maréchal-Le Pen";
   a title's sex, kept in the key of a titled bare surname ("Mme Fillon" -> "fillon ♀", see
   person_key), rules out the people whose first name says the other sex;
3. an acronym joins the unique multi-word name whose initials it spells ("EI" = "État islamique"),
   or, among several, the dominant one of its own kind ("PS" = "Parti socialiste", an organisation);
4. entities the gazetteer typed as states (type GPE with a country code) share one form per country,
   so "Moscou voit ..." and "la Russie" are one actor; names of one armed group are one;
5. corrections: a *split* form never joins by rules 1–3; a *merge* joins two forms whatever the rules.

Steps 2 and 3 decide against the partition left by step 1, not against one that grows as forms are
visited, which is what makes the result independent of order. Forms are linked to *blocks* (their
last name token, their initials, their acronym) so that adding articles re-clusters only the blocks
they touch (see the store).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from dateline.entities.gazetteer import gazetteer
from dateline.entities.normalize import fold, name_key
from dateline.names import given_name_gender

__all__ = [
    "Form",
    "acronym_of",
    "acronyms_of",
    "block_keys",
    "cluster_forms",
    "core_key",
    "form_gender",
    "is_bare_surname",
    "person_key",
    "phonetic",
    "split_title",
    "tokens",
]

# Honorifics and titles that precede a name without being part of it. "M. Poutine" is "Poutine".
_TITLES = frozenset(
    "m m. mm mm. mme mme. mmes mlle mlles dr dr. pr pr. me me. mgr mgr. mr mr. mrs mrs. ms ms. sir "
    "monsieur madame mademoiselle messieurs mesdames "
    "president presidente general generale colonel capitaine docteur professeur maitre saint sainte".split()
)
# Words skipped when forming initials: "Organisation des Nations unies" -> "onu".
_STOP = frozenset("de des du d la le les l et en pour sur a au aux of the and for in on".split())
_ACRONYM = re.compile(r"^(?:[A-ZÀ-Ý]\.?){2,6}$")
_WORD = re.compile(r"[\w]+(?:[-'][\w]+)*")


def tokens(key: str) -> list[str]:
    """Word tokens of a folded key; hyphenated and elided words stay whole."""
    return list(_tokens(key))


# Memoised: the store re-clusters every form after each batch, so the same keys come back each time.
@lru_cache(maxsize=1 << 18)
def _tokens(key: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(key))


def core_key(name: str) -> str:
    """The key of a name without its leading titles: 'M. Vladimir Poutine' -> 'vladimir poutine'."""
    key = name_key(name)
    parts = key.split()
    while len(parts) > 1 and parts[0] in _TITLES:
        parts = parts[1:]
    return " ".join(parts)


# Titles that tell a person's sex ("M. Le Pen" is a man, "Mme Fillon" a woman); plural ones ("MM.",
# "Mesdames") name several people and tell nothing about one.
_TITLE_GENDER = {
    **dict.fromkeys("m m. monsieur mr mr. sir".split(), "Masc"),
    **dict.fromkeys("mme mme. madame mlle mlle. mademoiselle mrs mrs. ms ms.".split(), "Fem"),
}
# Lower-case words that begin surnames: "Le Pen", "de Villepin", "Van Rompuy", "El Khomri".
_PARTICLES = frozenset("le la de du des d van von der den da di del dos ben el al".split())
# A person's form whose title gives the sex of a bare surname carries it in its key, after a sign that
# is no word (so tokens, initials and blocks are those of the surname): "Mme Fillon" -> "fillon ♀".
_GENDER_MARK = {"Masc": " ♂", "Fem": " ♀"}


def split_title(key: str) -> tuple[str | None, list[str]]:
    """The sex the leading titles of a folded key give ('Masc', 'Fem' or None) and the words after them."""
    parts = key.split()
    gender = None
    while len(parts) > 1 and parts[0] in _TITLES:
        gender = gender or _TITLE_GENDER.get(parts[0])
        parts = parts[1:]
    return gender, parts


def is_bare_surname(words: list[str]) -> bool:
    """Whether the words of a name are a surname alone, particles included ("pen"; "le pen")."""
    return bool(words) and all(w in _PARTICLES for w in words[:-1])


def person_key(name: str) -> str:
    """The store key of a person's name: its core key, with the sex a title gives a bare surname.

    "Monsieur Le Pen" -> "le pen ♂" and "madame Le Pen" -> "le pen ♀" are two forms, so the man and
    the woman can join different people; "M. Vladimir Poutine" -> "vladimir poutine" (the first name
    says who) and "Le Pen" -> "le pen" (nothing says).
    """
    gender, parts = split_title(name_key(name))
    core = " ".join(parts)
    if gender is not None and is_bare_surname(parts):
        return core + _GENDER_MARK[gender]
    return core


def _marked_gender(key: str) -> str | None:
    for gender, mark in _GENDER_MARK.items():
        if key.endswith(mark):
            return gender
    return None


def form_gender(form: Form) -> str | None:
    """The sex a person's form shows: its title, else its first name (None when neither tells)."""
    marked = _marked_gender(form.key)
    if marked is not None:
        return marked
    gender, parts = split_title(name_key(form.display))
    if gender is not None:
        return gender
    if len(parts) < 2:
        return None
    return given_name_gender(form.display.split()[len(form.display.split()) - len(parts)])


# French transliterations of Russian, Arabic and other names differ from English ones in regular ways;
# folding both to a common spelling lets "Poutine"/"Putin", "Sergueï"/"Sergei", "Medvedev"/"Medvedev",
# "Khodorkovski"/"Khodorkovsky" meet. Only used to compare names, never shown.
_TRANSLIT = [
    (re.compile(r"ou"), "u"),
    (re.compile(r"gu(?=[ei])"), "g"),
    (re.compile(r"ch"), "sh"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"dj"), "j"),
    (re.compile(r"y"), "i"),
    (re.compile(r"ii\b"), "i"),
    (re.compile(r"(?<=\w\w\w)e\b"), ""),
    (re.compile(r"(.)\1"), r"\1"),
]


@lru_cache(maxsize=1 << 18)
def phonetic(key: str) -> str:
    """A transliteration-folded spelling of a folded key, for matching names across languages."""
    out = []
    for tok in key.split():
        for pattern, repl in _TRANSLIT:
            tok = pattern.sub(repl, tok)
        out.append(tok)
    return " ".join(out)


_ELIDED = frozenset(["de", "des", "du", "d", "l"])


# A "name" that starts with a preposition is a piece of a phrase the model took for a name ("de la
# région"), not something an acronym abbreviates.
_LEAD_PREP = frozenset("de des du d a au aux en par pour sur dans avec".split())


def acronyms_of(key: str) -> set[str]:
    """The initials a multi-word name may be abbreviated to, since usage varies: all words ('la
    republique en marche' -> 'lrem'), all but 'de/des/du' ('organisation des nations unies' -> 'onu'),
    content words only ('parti socialiste' -> 'ps'), or with hyphenated words spelt by their parts
    ('paris saint-germain' -> 'psg')."""
    words = tokens(key)
    if not words or words[0] in _LEAD_PREP:
        return set()
    out = set()
    content = [w for w in words if w not in _STOP]
    for kept in (words, [w for w in words if w not in _ELIDED], content):
        if len(kept) >= 2:
            out.add("".join(w[0] for w in kept))
    parts = [p for w in content for p in w.split("-")]
    if len(parts) > len(content) >= 2:
        out.add("".join(p[0] for p in parts if p))
    return out


def acronym_of(key: str) -> str | None:
    """Initials of the content words of a multi-word name ('etat islamique' -> 'ei'), else None."""
    words = [w for w in tokens(key) if w not in _STOP]
    if len(words) < 2:
        return None
    return "".join(w[0] for w in words)


def _is_acronym(display: str) -> bool:
    return bool(_ACRONYM.match(display.replace(" ", "")))


@dataclass
class Form:
    """One normalised name with its statistics over the store."""

    key: str
    display: str
    types: dict[str, int] = field(default_factory=dict)
    n_mentions: int = 0
    country: str | None = None

    @cached_property  # asked for many times per re-clustering; a form's counts do not change after
    def main_type(self) -> str:
        """The majority type over mentions (ties broken by a fixed order, for determinism)."""
        if self.key.startswith("@"):
            return "GPE"
        best, most = "PER", -1
        for t in ("PER", "ORG", "GPE", "LOC", "MISC"):  # ties go to the earlier type
            n = self.types.get(t, 0)
            if n > most:
                best, most = t, n
        return best


def block_keys(form: Form) -> set[str]:
    """The blocks a form belongs to; forms that may cluster together always share one."""
    if form.key.startswith("@"):
        return {form.key}
    toks = tokens(phonetic(form.key))
    blocks = {"k:" + phonetic(form.key)}
    if toks:
        blocks.add("t:" + toks[-1])
    blocks.update("a:" + acr for acr in acronyms_of(form.key))
    if toks:
        blocks.add("f:" + toks[0])
    if _is_acronym(form.display):
        blocks.add("a:" + fold(form.display).replace(".", "").replace(" ", ""))
    return blocks


class _UnionFind:
    def __init__(self, keys: Iterable[str]) -> None:
        self.parent = {k: k for k in keys}

    def find(self, k: str) -> str:
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # Attach the larger key under the smaller so the structure, too, is order-independent.
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


def cluster_forms(
    forms: Iterable[Form],
    *,
    merges: Iterable[tuple[str, str]] = (),
    splits: Iterable[str] = (),
) -> dict[str, str]:
    """Map each form key to its cluster id (the key of the cluster's representative form)."""
    by_key = {f.key: f for f in forms}
    split = set(splits) & by_key.keys()
    uf = _UnionFind(by_key)
    auto = [f for f in by_key.values() if f.key not in split]

    # 1. Same transliteration-folded name.
    by_phon: dict[str, list[str]] = {}
    for f in auto:
        by_phon.setdefault(phonetic(f.key), []).append(f.key)
    for keys in by_phon.values():
        for k in keys[1:]:
            uf.union(keys[0], k)
    step1 = {k: uf.find(k) for k in by_key}

    # 2. A shorter name inside longer names of the same kind: a surname ("Poutine" in "Vladimir Poutine"),
    # a first name ("Johnny" in "Johnny Hallyday"), or the head of an organisation's name ("Assemblée"
    # in "Assemblée nationale"). It joins the one group that has such a longer name — or, when several
    # do, the one that dominates them by mentions (see _DOMINANT); otherwise it stays apart.
    mentions_of: dict[str, int] = {}
    for f in by_key.values():
        mentions_of[step1[f.key]] = mentions_of.get(step1[f.key], 0) + f.n_mentions
    # Tokens (plain and transliteration-folded) and kinds, computed once per form: the loops below ask
    # for them for every candidate owner of every form.
    ptok = {k: _tokens(phonetic(k)) for k in by_key}
    ntok = {k: len(_tokens(k)) for k in by_key}
    kinds = {k: _kind(f) for k, f in by_key.items()}
    longer = [f for f in auto if ntok[f.key] >= 2 and not f.key.startswith("@")]
    by_last: dict[str, list[Form]] = {}
    by_first: dict[str, list[Form]] = {}
    for f in longer:
        toks = ptok[f.key]
        by_last.setdefault(toks[-1], []).append(f)
        by_first.setdefault(toks[0], []).append(f)
    last_names = {ptok[f.key][-1] for f in longer if f.main_type == "PER"}
    for f in auto:
        if f.key.startswith("@"):
            continue
        short = ptok[f.key]
        kind = kinds[f.key]
        if not short or kind is None:
            continue
        # A title's sex rules out the people whose title or first name says the other one: "Mme Fillon"
        # is not François Fillon, "Monsieur Le Pen" not Marine Le Pen (see person_key).
        sex = _marked_gender(f.key) if kind == "PER" else None
        owners = {
            step1[p.key]
            for p in (by_last.get(short[-1], []) if kind == "PER" else ())
            if kinds[p.key] == "PER"
            and ntok[p.key] > len(short)
            and ptok[p.key][-len(short) :] == short
            and _same_sex(sex, p)
        }
        if kind == "PER" and len(short) >= 2:
            # A compound surname cut short: "Marion Maréchal" is "Marion Maréchal-Le Pen".
            owners |= {
                step1[p.key]
                for p in by_first.get(short[0], [])
                if kinds[p.key] == "PER" and _shortened_compound(short, ptok[p.key]) and _same_sex(sex, p)
            }
        owner: str | None
        if owners and kind == "PER" and len(short) == 1:
            # "Philippe" alone is Édouard Philippe's surname but also Philippe Poutou's first name: the
            # people it is the first name of compete with those it is the surname of, and the surname
            # wins only when it dominates them all.
            rivals = {
                step1[p.key] for p in by_first.get(short[0], []) if kinds[p.key] == "PER" and _same_sex(sex, p)
            } - owners
            owner = _dominant(owners | rivals, mentions_of)
            if owner not in owners:
                owner = None
        elif not owners and len(short) == 1 and short[0] not in last_names:
            # A lone first name, or an organisation's head word.
            owners = {step1[p.key] for p in by_first.get(short[0], []) if kinds[p.key] == kind and _same_sex(sex, p)}
            # Many people share a first name and the most mentioned is not the one meant more often than
            # the others ("Brigitte" is not Brigitte Macron because she is in the news): a first name
            # joins only the one person who has it. An organisation's head word may go to the dominant one.
            owner = None if kind == "PER" and len(owners) > 1 else _dominant(owners, mentions_of)
        else:
            owner = _dominant(owners, mentions_of)
        if owner is not None:
            uf.union(f.key, owner)

    # 3. Acronyms spelling the initials of one multi-word name group — or, when several do, of the one
    # of the same kind (an organisation's acronym spells an organisation, not a place) that dominates
    # them: "PS" is the Parti socialiste rather than the Parlement de Strasbourg.
    by_initials: dict[str, dict[str, set[str]]] = {}
    for f in auto:
        if f.main_type in ("ORG", "MISC", "LOC", "GPE"):
            for acr in acronyms_of(f.key):
                by_initials.setdefault(acr, {}).setdefault(step1[f.key], set()).add(_ACRONYM_KIND[f.main_type])
    for f in auto:
        if _is_acronym(f.display):
            groups = dict(by_initials.get(fold(f.display).replace(".", "").replace(" ", ""), {}))
            groups.pop(step1[f.key], None)
            if len(groups) == 1:
                uf.union(f.key, next(iter(groups)))
            elif groups and f.main_type in _ACRONYM_KIND:
                same = {g for g, kinds in groups.items() if _ACRONYM_KIND[f.main_type] in kinds}
                owner = _dominant(same, mentions_of)
                if owner is not None:
                    uf.union(f.key, owner)

    # 4. Names the gazetteer knows as one armed group ("Daech", "État islamique", "EI") are one, across
    # articles as the grouper makes them one within an article.
    by_group: dict[str, str] = {}
    for f in auto:
        code = _group_code(f.display)
        if code is not None:
            if code in by_group:
                uf.union(by_group[code], f.key)
            else:
                by_group[code] = f.key

    # 5. The user's merges, whatever the rules say.
    for a, b in merges:
        if a in by_key and b in by_key:
            uf.union(a, b)

    final: dict[str, list[Form]] = {}
    for f in by_key.values():
        final.setdefault(uf.find(f.key), []).append(f)
    out: dict[str, str] = {}
    for members in final.values():
        rep = representative(members)
        for f in members:
            out[f.key] = rep.key
    return out


# When a short name fits several groups, the one with at least this share of their mentions (and at
# least three times the next one) takes it; below that, the name stays its own, ambiguous entity.
# The setting sits inside the plateau of the dev sweep (`python eval/tools/sweep_dominance.py`: B³
# F1 0.959 for shares 0.67–0.75 with ratios up to 3, 0.955 from 0.8 or a ratio of 5, 0.948 when a
# short name never joins a group), not at one name's edge.
_DOMINANT_SHARE = 0.75
_DOMINANT_RATIO = 3.0


def _same_sex(sex: str | None, form: Form) -> bool:
    """Whether a person's form may be someone a title of sex ``sex`` names (either may be unknown)."""
    if sex is None:
        return True
    other = form_gender(form)
    return other is None or other == sex


def _dominant(owners: set[str], mentions: dict[str, int]) -> str | None:
    if not owners:
        return None
    if len(owners) == 1:
        return next(iter(owners))
    ranked = sorted(owners, key=lambda o: (-mentions.get(o, 0), o))
    top, second = mentions.get(ranked[0], 0), mentions.get(ranked[1], 0)
    total = sum(mentions.get(o, 0) for o in owners)
    if total and top / total >= _DOMINANT_SHARE and top >= _DOMINANT_RATIO * second:
        return ranked[0]
    return None


@lru_cache(maxsize=1 << 18)
def _group_code(name: str) -> str | None:
    place = gazetteer().lookup(name)
    return place.code if place is not None and place.kind == "group" else None


_ACRONYM_KIND = {"ORG": "org", "MISC": "org", "LOC": "place", "GPE": "place"}


def _shortened_compound(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Whether ``long`` is ``short`` with its last word the start of a hyphenated compound: ["marion",
    "marechal"] and ["marion", "marechal-le", "pen"]."""
    n = len(short)
    return len(long) >= n and long[: n - 1] == short[:-1] and long[n - 1].startswith(short[-1] + "-")


def _kind(f: Form) -> str | None:
    """PER for names of people (including surnames the model mislabels as places or things, as long as
    it also saw them as a person), ORG for organisations, else None: places never join by containment."""
    if f.types.get("PER", 0) > 0 and f.main_type in ("PER", "MISC", "ORG", "LOC"):
        return "PER"
    if f.main_type in ("ORG", "MISC"):
        return "ORG"
    return None


def representative(members: list[Form]) -> Form:
    """The form that names a cluster: a country form, else the most mentioned multi-word name."""
    return max(
        members,
        key=lambda f: (f.key.startswith("@"), len(tokens(f.key)) > 1, f.n_mentions, len(f.key), f.key),
    )
