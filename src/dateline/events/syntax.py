"""Dependency helpers shared by the French (UD) and English (ClearNLP) parses.

spaCy's French model labels dependencies the Universal Dependencies way (``obl`` + ``case``), the
English one the ClearNLP way (``prep`` → ``pobj``). Everything here maps both onto the role names the
lexicons use (see :mod:`dateline.events.lexicon`), so the extraction logic is written once.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

__all__ = [
    "arguments",
    "conjuncts",
    "is_negated",
    "is_passive",
    "is_reflexive",
    "np_tokens",
    "prep_of",
]

# Contracted or elided prepositions as the French tokenizer leaves them.
_PREP_NORMAL = {"au": "à", "aux": "à", "du": "de", "des": "de", "d'": "de", "d’": "de"}
_NEG_WORDS = frozenset({"ne", "n'", "n’", "pas", "jamais", "guère", "aucunement", "not", "n't", "never", "no"})
_REFLEXIVE = frozenset({"se", "s'", "s’", "nous", "vous"})
_FR_OBLIQUE = ("obl", "obl:arg", "obl:mod", "obl:agent", "nmod", "iobj")
# Children that start a new phrase rather than belong to the name or noun they hang on.
_NOT_NP = frozenset({"conj", "cc", "acl", "acl:relcl", "relcl", "advcl", "punct", "parataxis", "ccomp", "xcomp", "dep"})


def prep_of(tok: Token) -> str | None:
    """The preposition introducing a nominal (French ``case`` child; English: its ``prep`` head)."""
    if tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "agent"):
        return "by" if tok.head.dep_ == "agent" else tok.head.lower_
    cases = [c for c in tok.children if c.dep_ in ("case", "fixed") and c.i < tok.i]
    if not cases:
        return None
    # "en vue de", "à côté de": the first word tells the relation well enough for our frames.
    word = cases[0].lower_
    return _PREP_NORMAL.get(word, word)


def is_passive(tok: Token) -> bool:
    """A passive verb: "a été bombardé", "was attacked"."""
    return any(c.dep_ in ("aux:pass", "nsubj:pass", "nsubjpass", "auxpass") for c in tok.children)


def is_reflexive(tok: Token) -> bool:
    """A French pronominal verb: "se sont entretenus", "s'est rendu"."""
    return any(
        c.lower_ in _REFLEXIVE and c.dep_ in ("expl:comp", "expl:pass", "expl", "obj", "iobj", "expl:pv")
        for c in tok.children
    )


def is_negated(tok: Token) -> bool:
    """Negation on a verb or its auxiliaries ("n'a pas encore commencé", "did not attack"), a
    negative determiner on a noun ("aucune rencontre", "no talks"), or "sans"/"without" introducing it."""
    for c in tok.children:
        if c.dep_ in ("neg", "advmod", "det") and c.lower_ in _NEG_WORDS | {"aucun", "aucune", "ni"}:
            return True
        if c.dep_ in ("mark", "case") and c.lower_ in ("sans", "without"):
            return True  # "sans attaquer", "sans accord": the act did not happen
        if (c.dep_.startswith("aux") or c.dep_ == "advmod") and any(g.lower_ in _NEG_WORDS for g in c.children):
            return True
    return False


def conjuncts(tok: Token) -> list[Token]:
    """The token and the phrases coordinated with it, through appositions and names.

    "la chancelière Anne Roth et son homologue italien Marco Bassi": the parser hangs
    the second conjunct on the apposition "Vladimir"; both sides are returned.
    """
    out = [tok]
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ == "conj" and c not in out:
                out.append(c)
                stack.append(c)
            elif c.dep_ in ("appos", "flat:name", "flat") and c not in out:
                stack.append(c)
    return out


def np_tokens(tok: Token) -> list[Token]:
    """The tokens of the noun phrase headed by ``tok``, without coordinated or clausal parts and
    without prepositional complements other than names ("ministre *des Affaires étrangères*")."""
    out: list[Token] = []
    stack = [tok]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c.dep_ in _NOT_NP:
                continue
            if c.dep_ == "prep" and c.lower_ != "of":
                continue
            if c.dep_ in ("nmod", "obl", "obl:mod", "obl:arg") and prep_of(c) not in (None, "de"):
                continue
            stack.append(c)
    return sorted(out, key=lambda t: t.i)


def _pp_children(tok: Token) -> Iterator[tuple[str, Token]]:
    for c in tok.children:
        if c.dep_ == "prep":
            for p in c.children:
                if p.dep_ in ("pobj", "pcomp"):
                    yield c.lower_, p
        elif c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    yield "by", p
        elif c.dep_ in _FR_OBLIQUE:
            prep = prep_of(c)
            if prep is not None:
                yield prep, c
            elif c.dep_ == "iobj":
                yield "iobj", c
            elif c.dep_ == "nmod" and tok.pos_ in ("NOUN", "PROPN"):
                yield "de", c  # "l'homologue ... Donald Trump": a bare name modifier


def arguments(tok: Token) -> dict[str, list[Token]]:
    """The trigger's dependents by role: ``subj``, ``obj``, ``iobj``, ``agent``, ``poss``, ``adj``,
    ``compound``, ``between`` and ``pp:X`` (see :mod:`dateline.events.lexicon`).

    For a passive verb the roles are given as in the active: the passive subject is ``obj`` and the
    agent ("par", "by") is ``subj``, so one frame fits both voices. A noun's "par"/"by" complement is
    its ``agent``; its possessive determiner ("son", "leur") and "de"/"of" complement its ``poss``.
    """
    out: dict[str, list[Token]] = {}

    def add(role: str, t: Token) -> None:
        out.setdefault(role, []).append(t)

    passive = is_passive(tok)
    for c in tok.children:
        d = c.dep_
        if d in ("nsubj", "csubj"):
            add("obj" if passive else "subj", c)
        elif d in ("nsubj:pass", "nsubjpass") or d in ("obj", "dobj"):
            add("obj", c)
        elif d == "dative":
            add("iobj", c)
        elif d in ("poss", "nmod:poss"):
            add("poss", c)
        elif d == "amod":
            add("adj", c)
        elif d == "compound" and c.pos_ == "PROPN":
            add("compound", c)
        elif d == "det" and "Yes" in c.morph.get("Poss", []) and tok.pos_ in ("NOUN", "PROPN"):
            add("poss", c)  # "son arrestation", "leur visite": a possessive determiner
    for prep, c in _pp_children(tok):
        if prep in ("par", "by") and (passive or (c.dep_ == "obl:agent" and tok.pos_ in ("VERB", "ADJ"))):
            # The agent of a passive, or of a bare participle (French UD's ``obl:agent``): "une réforme
            # critiquée par les syndicats", "accusé de fraude par son associé, il ...".
            add("subj", c)
        elif prep in ("par", "by") and tok.pos_ in ("NOUN", "PROPN"):
            add("agent", c)  # "l'interpellation du suspect par la police", "the attack by rebels"
        elif prep in ("entre", "between"):
            add("between", c)
        elif prep == "iobj":
            add("iobj", c)
        elif prep in ("de", "of") and tok.pos_ in ("NOUN", "PROPN"):
            add("poss", c)
        else:
            add(f"pp:{prep}", c)
            if prep in ("à", "to") and tok.pos_ in ("VERB", "AUX"):
                add("iobj", c)
    return out
