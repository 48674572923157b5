"""Shared pieces of the quotation finders: the per-language lexicon, reporting-verb tests, clause
boundaries, and the spans of cues and speakers.

Everything here works on a parsed spaCy ``Doc`` and is linear in its length (or in the size of a
bounded window around one token), so the finders stay linear over the article.
"""

from __future__ import annotations

import bisect
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from spacy.tokens import Doc, Span, Token

from dateline.names import verb_lemmas as _verb_lemmas
from dateline.quotes import lexicon_en, lexicon_fr
from dateline.quotes.resources import formulas, pairs, role_synonyms
from dateline.scan import WordTest, columns

__all__ = [
    "AGENT_ENDINGS",
    "Candidate",
    "Lexicon",
    "Segmenter",
    "clitic_subject",
    "cue_span",
    "get_lexicon",
    "glued_word",
    "is_clitic",
    "is_human_noun",
    "is_negated",
    "is_reporting",
    "speaker_span",
]


@dataclass(frozen=True)
class Lexicon:
    """The words of reported speech for one language."""

    lang: str
    reporting: frozenset[str]
    opinion: frozenset[str]
    cognition: frozenset[str]
    speech_nouns: frozenset[str]
    roles: frozenset[str]
    feminine_roles: frozenset[str]
    groups: frozenset[str]
    role_synonyms: dict[str, str]
    pronouns: dict[str, tuple[str | None, str]]
    source_preps: tuple[tuple[str, ...], ...]
    complementisers: frozenset[str]
    negations: frozenset[str]
    # Attribution formulas from the language's resource file (dateline.quotes.resources).
    formulas: dict[str, frozenset[str]] = field(default_factory=dict)

    # Derived views, computed once per lexicon (``get_lexicon`` builds one per language) rather than
    # once per document. ``cached_property`` stores into the instance ``__dict__``, which a frozen
    # dataclass allows.
    def formula(self, section: str) -> frozenset[str]:
        """One list of the resource file's formulas (empty when the language has none)."""
        return self.formulas.get(section, frozenset())

    @cached_property
    def formula_pairs(self) -> frozenset[tuple[str, str]]:
        """The two-verb formulas of saying as (governor lemma, infinitive lemma) pairs."""
        return pairs(self.formula("formula_pairs"))

    @cached_property
    def folded_roles(self) -> frozenset[str]:
        """``roles``, accent- and case-folded."""
        return frozenset(fold_word(r) for r in self.roles)

    @cached_property
    def folded_groups(self) -> frozenset[str]:
        """``groups``, accent- and case-folded."""
        return frozenset(fold_word(g) for g in self.groups)

    @cached_property
    def folded_synonyms(self) -> dict[str, str]:
        """``role_synonyms``, keys and values folded."""
        return {fold_word(k): fold_word(v) for k, v in self.role_synonyms.items()}

    @cached_property
    def report_tests(self) -> tuple[WordTest, WordTest]:
        """Tests on a word's lemma and on its lower-cased form, one of which every token that
        :func:`is_reporting` accepts passes: its candidate lemmas are spaCy's lemma plus what
        :func:`verb_lemmas` makes of the form alone, so the two can be tested apart (see
        ``dateline.scan``). Made once per lexicon, so the answers are remembered across documents."""
        words = (
            self.reporting
            | self.opinion
            | self.formula("causative_saying")
            | self.formula("pronominal_reporting")
            | {inf for _, inf in self.formula_pairs}
        )
        return (
            WordTest(lambda lemma: lemma.lower() in words),
            WordTest(lambda low: bool(_verb_lemmas(low, low, self.lang) & words)),
        )

    @cached_property
    def first_words_of_preps(self) -> WordTest:
        """Whether a lower-cased word starts one of ``source_preps``."""
        return WordTest(self.preps_by_first_word.__contains__)

    @cached_property
    def preps_by_first_word(self) -> dict[str, list[tuple[str, ...]]]:
        """``source_preps`` indexed by their first word, so a document is scanned once, not per pattern."""
        index: dict[str, list[tuple[str, ...]]] = {}
        for pat in self.source_preps:
            index.setdefault(pat[0], []).append(pat)
        return index


@lru_cache(maxsize=1 << 16)
def fold_word(text: str) -> str:
    """Strip accents and case-fold (no other normalisation: spaces and apostrophes stay as they are).

    Cached: the same words (determiners, titles, names) are folded over and over, per mention and per
    document; the cache size bounds its growth."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


@lru_cache(maxsize=4)
def get_lexicon(lang: str) -> Lexicon:
    """The lexicon for ``lang`` ("fr" or "en"; anything else falls back to English)."""
    # The resource file adds to the core lists: reporting verbs and speaking groups.
    extra = formulas("fr" if lang == "fr" else "en")
    if lang == "fr":
        return Lexicon(
            "fr",
            lexicon_fr.REPORTING_VERBS | extra["reporting_verbs"],
            lexicon_fr.OPINION_VERBS - lexicon_fr.COGNITION_VERBS,
            lexicon_fr.COGNITION_VERBS,
            lexicon_fr.SPEECH_NOUNS,
            lexicon_fr.ROLE_NOUNS | extra["role_nouns"],
            lexicon_fr.FEMININE_ROLES,
            lexicon_fr.GROUP_NOUNS | extra["speaking_groups"],
            {**lexicon_fr.ROLE_SYNONYMS, **role_synonyms(extra["role_synonyms"])},
            lexicon_fr.PRONOUNS,
            lexicon_fr.SOURCE_PREPOSITIONS,
            frozenset({"que", "qu'", "qu’"}),
            frozenset({"pas", "jamais", "guère", "point", "nullement"}),
            extra,
        )
    return Lexicon(
        "en",
        lexicon_en.REPORTING_VERBS | extra["reporting_verbs"],
        frozenset(),
        lexicon_en.COGNITION_VERBS,
        lexicon_en.SPEECH_NOUNS,
        lexicon_en.ROLE_NOUNS | extra["role_nouns"],
        frozenset({"spokeswoman", "chairwoman", "congresswoman", "queen", "wife", "mother", "sister"}),
        lexicon_en.GROUP_NOUNS | extra["speaking_groups"],
        {},
        lexicon_en.PRONOUNS,
        lexicon_en.SOURCE_PREPOSITIONS,
        frozenset({"that"}),
        frozenset({"not", "n't", "never"}),
        extra,
    )


@dataclass
class Candidate:
    """A quotation found by one of the finders, before speaker resolution and dating.

    ``start``/``end`` are character offsets of the content; ``cue`` and ``speaker`` are token spans;
    ``verb`` is the reporting verb the date is looked for on; ``rule`` names the pattern (kept in the
    record as an extra field so that errors can be traced to the rule that made them).
    """

    start: int
    end: int
    kind: str
    cue: Span | None
    speaker: Span | None
    verb: Token | None
    rule: str
    inherited_from: int | None = None  # index of the candidate whose speaker a context quote takes
    relay: bool = False  # a report whose content is another speaker's report (see component._mark_relays)


# Endings of French and English agent nouns ("plaisancier", "rappeur", "syndicaliste", "habitante",
# "reporter"): a head noun with one of them is taken for a person when it is not a listed role.
AGENT_ENDINGS = (
    "eur",
    "euse",
    "rice",
    "iste",
    "ier",
    "ière",
    "ant",
    "ante",
    "ien",
    "ienne",
    "er",
    "or",
    "ist",
)


def is_human_noun(tok: Token, lex: Lexicon) -> bool:
    """Whether a noun denotes a person: a listed role or a typical agent-noun ending."""
    if tok.pos_ != "NOUN":
        return False
    low = tok.lemma_.lower()
    if low in lex.roles or tok.lower_ in lex.roles:
        return True
    for prefix in lex.formula("role_prefixes"):
        # "l'ex-élu", "l'ex-ministre": a former holder of a role is a person as much as the holder.
        if tok.lower_.startswith(prefix) and tok.lower_[len(prefix) :] in lex.roles:
            return True
    if low in lex.groups or low in lex.speech_nouns:
        return False
    return low.endswith(AGENT_ENDINGS)


def verb_lemmas(tok: Token, lang: str) -> frozenset[str]:
    """Candidate lemmas of a verb token: spaCy's, and for French a guess from the form's ending."""
    return _verb_lemmas(tok.lemma_.lower(), tok.lower_, lang)


_CLOSING_MARKS = frozenset({"»", "”", '"'})


# Forms of "avoir" before a past participle: the tagger mistags "a" too when the participle is a word
# it does not know ("a tweeté").
_AVOIR_FORMS = frozenset("a ai as avons avez ont avait avais avaient aurait auraient aura auront".split())


def is_reporting(tok: Token, lex: Lexicon, *, opinion: bool = True) -> bool:
    """Whether ``tok`` is a reporting verb (or, with ``opinion``, a verb of stated opinion)."""
    # French verbs the tagger does not know ("a tweeté") come out as nouns, adjectives, names or "X".
    mistagged = lex.lang == "fr" and tok.pos_ in ("NOUN", "ADJ", "PROPN", "X")
    if tok.pos_ not in ("VERB", "AUX") and not mistagged:
        return False
    if tok.pos_ == "AUX" and tok.lemma_ in ("avoir", "être", "have", "be", "do"):
        return False
    lemmas = verb_lemmas(tok, lex.lang)
    if lex.lang == "fr" and tok.lemma_.lower() == "appeler" and _reflexive(tok):
        return False  # "s'appellera « Inoui »": a name given, not words said
    if mistagged:
        # A verb the French tagger took for a noun ("estime"): only its exact lemma, and only when an
        # auxiliary or a clitic subject sits next to it, so that real nouns ("la note") stay nouns.
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        prev = tok.nbor(-1) if tok.i > 0 else None
        aux = prev is not None and (prev.pos_ == "AUX" or prev.lower_ in _AVOIR_FORMS)
        verbal = aux or (nxt is not None and nxt.text.startswith("-"))
        # "« … », livre Anne Roy", "« … », juge un habitant": right after the comma that follows a
        # closing quotation mark, a word followed by a name or a determiner is the inverted verb of
        # the reporting clause (the tagger reads "livre", "juge" as nouns out of context).
        verbal = verbal or (
            prev is not None
            and prev.text == ","
            and tok.i >= 2
            and tok.doc[tok.i - 2].text in _CLOSING_MARKS
            and nxt is not None
            and nxt.pos_ in ("PROPN", "DET")
        )
        if not verbal:
            return False
    if lemmas & lex.reporting:
        return True
    if lex.lang == "fr" and lemmas & lex.formula("pronominal_reporting") and _reflexive(tok):
        return True  # "…, s'agace une salariée", "il s'étonne que …"
    if causative_faire(tok, lex) is not None:
        return True  # "fait savoir que", "a fait savoir le ministère", "a laissé entendre que"
    return opinion and bool(lemmas & lex.opinion)


def causative_faire(tok: Token, lex: Lexicon) -> Token | None:
    """The governing verb right before the infinitive of a two-verb formula of saying: "faire" before
    a causative infinitive ("fait savoir", "a-t-il fait savoir"), or the governor of a listed pair
    ("a laissé entendre", "croit savoir"), skipping an inverted clitic; ``None`` when there is none."""
    lemmas = verb_lemmas(tok, lex.lang)
    causative = bool(lemmas & lex.formula("causative_saying"))
    governors = {gov for gov, inf in lex.formula_pairs if inf in lemmas}
    if not causative and not governors:
        return None
    k = tok.i - 1
    while k >= 0 and (is_clitic(tok.doc[k]) or tok.doc[k].lower_ in ("-t", "t")):
        k -= 1
    if k < 0:
        return None
    prev = tok.doc[k]
    forms = lex.formula("faire_forms")
    if causative and (prev.lower_ in forms or prev.lemma_.lower() in forms):
        return prev
    if governors and prev.pos_ in ("VERB", "AUX", "NOUN") and verb_lemmas(prev, lex.lang) & governors:
        return prev
    return None


def _reflexive(tok: Token) -> bool:
    return any(c.lower_ in ("s'", "s’", "se") and c.i < tok.i for c in tok.children) or (
        tok.i > 0 and tok.nbor(-1).lower_ in ("s'", "s’", "se")
    )


def is_negated(tok: Token, lex: Lexicon) -> bool:
    """Whether a verb is negated ("n'a pas dit", "did not say"): a negated statement was not made.

    The negation is an adverb: a noun or a name with the same letters ("Le Point signale que …",
    "le point", "un pas") is a subject or an object, not "ne … point"."""
    return any(c.lower_ in lex.negations and c.pos_ not in ("PROPN", "NOUN", "DET") for c in tok.children)


def clitic_subject(tok: Token) -> Token | None:
    """The inverted clitic subject of a verb ("a-t-il ajouté", "déclare-t-elle"), if any."""
    doc = tok.doc
    for j in range(tok.i - 3, min(tok.i + 3, len(doc))):
        if j < 0 or j == tok.i:
            continue
        t = doc[j]
        low = t.lower_.lstrip("-").removeprefix("t-")
        if t.text.startswith("-") and low in ("il", "elle", "ils", "elles", "on"):
            return t
    return None


def cue_span(verb: Token) -> Span:
    """The reporting verb group: contiguous auxiliaries, negation and inverted clitics with the verb
    ("a déclaré", "a-t-il ajouté", "avait assuré", "has said")."""
    doc = verb.doc
    start = verb.i
    if verb.i > 0:
        lex = get_lexicon("fr" if verb.lang_ == "fr" else "en")
        faire = causative_faire(verb, lex)
        if faire is not None:
            start = faire.i  # "a fait savoir": the causative and its infinitive are one cue
    while start > 0:
        prev = doc[start - 1]
        if prev.pos_ == "AUX" or prev.text.startswith("-") or prev.lower_ in ("ne", "n'", "n’"):
            start -= 1
        else:
            break
    return doc[start : verb.i + 1]


# Dependents that are not part of a speaker's noun phrase: clauses hanging off it and punctuation.
_NOT_NP = frozenset({"acl", "acl:relcl", "relcl", "advcl", "parataxis", "punct", "dep", "ccomp", "xcomp", "cc", "conj"})


_DEMONSTRATIVE_TAILS = frozenset({"-ci", "-là"})


def speaker_span(head: Token) -> Span:
    """The noun phrase of a speaker around its head: the head's subtree without relative clauses,
    clauses and punctuation, cut at the first gap so that it stays contiguous."""
    doc = head.doc
    if head.pos_ == "PRON" or is_clitic(head):
        # "Celle-ci", "celui-là": the tokenizer splits the demonstrative from its particle.
        nxt = [t.lower_ for t in doc[head.i + 1 : head.i + 3]]
        if nxt[:1] and nxt[0] in _DEMONSTRATIVE_TAILS:
            return doc[head.i : head.i + 2]
        if len(nxt) == 2 and nxt[0] == "-" and "-" + nxt[1] in _DEMONSTRATIVE_TAILS:
            return doc[head.i : head.i + 3]
        return doc[head.i : head.i + 1]
    keep = {head.i}
    stack = [c for c in head.children if c.dep_ not in _NOT_NP or c.dep_ == "conj"]
    if any(c.dep_ == "cop" for c in head.children):
        # "c'est le principal intéressé qui …": a predicate noun's copula and subject are not its phrase.
        stack = [c for c in stack if c.dep_ not in ("cop", "nsubj", "expl:subj", "expl")]
    while stack:
        t = stack.pop()
        if t.dep_ in ("acl", "acl:relcl", "relcl", "advcl", "parataxis", "ccomp", "dep"):
            continue
        keep.add(t.i)
        stack.extend(c for c in t.children if c.dep_ not in ("acl:relcl", "relcl", "acl", "advcl"))
    # A name in apposition after a comma ("le ministre, Sergueï Lavrov") belongs to the phrase.
    lo = hi = head.i
    while lo - 1 in keep:
        lo -= 1
    while hi + 1 in keep or (
        hi + 2 in keep and doc[hi + 1].text == "," and doc[hi + 2].pos_ == "PROPN" and hi + 2 > head.i
    ):
        hi += 1 if hi + 1 in keep else 2
    # A name the tagger split ("Jacline/VERB Mouraud/PROPN"): the capitalised words that follow it.
    if head.ent_type_ in ("PER", "PERSON") and hi == head.i:
        while hi + 1 < len(doc) and doc[hi + 1].ent_type_ in ("PER", "PERSON") and doc[hi + 1].ent_iob_ == "I":
            hi += 1
    # "Me Hugo Tran", "M. Dupont": an honorific heads the phrase, the name follows it.
    if doc[hi].lower_ in _HONORIFICS:
        while hi + 1 < len(doc) and doc[hi + 1].pos_ == "PROPN":
            hi += 1
    # "le ministre Paul Martin", "la Brésilienne Ana Costa": a title or a demonym and the name right
    # after it, which the parser sometimes gives as two subjects: the name belongs to the phrase.
    if head.pos_ == "NOUN" and hi == head.i:
        while hi + 1 < len(doc) and doc[hi + 1].pos_ == "PROPN" and doc[hi + 1].ent_type_ in ("PER", "PERSON"):
            hi += 1
    lo, hi = glued_word(doc, lo, hi)
    while hi > lo and (doc[hi].is_punct or (doc[hi].pos_ == "PRON" and "PronType=Rel" in str(doc[hi].morph))):
        hi -= 1  # "Europe 1 qui …": the relative pronoun opens a clause about the speaker
    while lo < hi and (
        doc[lo].is_punct
        or doc[lo].lower_ in _NOT_SPEAKER_START
        or (doc[lo].dep_ == "case" and doc[lo].head.i == head.i)
    ):
        # "… affirme qu'Anne Roy", "évoquée par Anne Roy": the speaker is the name alone; the head's
        # own preposition ("les propos de l'élu, qui …") is no part of the person's phrase.
        lo += 1
    if lo > 0 and doc[lo - 1].pos_ == "DET" and lo <= doc[lo - 1].head.i <= hi:
        lo -= 1  # "le Royaume-Uni": the article of the word the hyphens made whole
    if is_clitic(head):
        return doc[head.i : head.i + 1]
    return doc[lo : hi + 1]


_HYPHENS = frozenset({"-", "‑", "–"})
_CLITICS = frozenset({"il", "elle", "ils", "elles", "on", "je", "tu", "nous", "vous", "ce", "t"})


def is_clitic(tok: Token) -> bool:
    """Whether a token is an inverted subject clitic ("-il", "-t-elle", "-on"), not the second half of
    a hyphenated word ("Royaume-Uni", "état-major", which the French tokenizer splits at the hyphen)."""
    text = tok.lower_
    if not text.startswith("-") or len(text) < 2:
        return False
    return text.lstrip("-").removeprefix("t-") in _CLITICS


def glued_word(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    """Token range ``[lo, hi]`` widened to whole words where the tokenizer cut them at a hyphen or an
    elision with no space ("Royaume" "-" "Uni", "l'" "état" "-" "major"): a speaker is the whole noun
    phrase, never half a compound ("Uni", "major")."""
    n = len(doc)
    while lo > 0 and doc[lo - 1].whitespace_ == "" and not doc[lo - 1].is_space:
        prev, cur = doc[lo - 1], doc[lo]
        if prev.text in _HYPHENS or (cur.text in _HYPHENS and not prev.is_punct) or prev.text[-1:] in ("'", "’"):
            lo -= 1
        else:
            break
    while hi + 2 < n and doc[hi].whitespace_ == "" and doc[hi + 1].text in _HYPHENS and doc[hi + 1].whitespace_ == "":
        if doc[hi + 2].lower_ in _CLITICS or not doc[hi + 2].is_alpha:
            break  # "a-t-il": the clitic of an inverted verb, not a compound
        hi += 2
    return lo, hi


# Words a parse may hang on a speaker's head that are never part of its noun phrase: the
# complementiser of the clause it is the subject of, the preposition of a passive's agent.
_NOT_SPEAKER_START = frozenset({"que", "qu'", "qu’", "par", "that", "by"})
_HONORIFICS = frozenset({"me", "maître", "m.", "mme", "mlle", "dr", "pr", "mr", "mr.", "mrs", "mrs.", "ms", "ms."})
_END = frozenset({".", "!", "?", "…", "...", ";"})
_OPENERS = frozenset({"«", "“", '"', "—", "–", "-", "(", "„", "‹"})


_ENDS_SEGMENT = WordTest(lambda w: "\n" in w or w in _END)


class Segmenter:
    """Clause-level sentence boundaries of our own, from punctuation and line breaks.

    The parser's sentences cannot be trusted for this: it splits "…, a déclaré X" off the clause it
    reports. A token starts a segment after a final stop, after a line break, and at the start of the
    document. Boundaries are kept sorted so ``bounds(i)`` is a binary search.
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        starts = [0]
        # Only a token after a line break or a final stop can start a segment: look at those alone.
        # (spaCy keeps a line break as a token of its own, never in a token's trailing whitespace.)
        cols = columns(doc)
        for k in cols.where(lower=_ENDS_SEGMENT, end=len(doc) - 1):
            t = doc[k + 1]
            if "\n" in cols.lower_at(k) or (not t.is_space and (t.is_title or t.text in _OPENERS or t.is_digit)):
                starts.append(k + 1)
        self.starts = starts

    def bounds(self, i: int) -> tuple[int, int]:
        """Token range ``[start, end)`` of the segment containing token ``i``."""
        k = bisect.bisect_right(self.starts, i) - 1
        start = self.starts[k]
        end = self.starts[k + 1] if k + 1 < len(self.starts) else len(self.doc)
        return start, end
