"""What the entity grouper and the quote finder both need about names and words, below both.

Before issue 15 ``entities.component`` and ``entities.resolve`` imported the quote stage (its given
names, its role nouns, its verb lemmas) while ``quotes.speakers`` imported the entity stage, and
function-local imports hid the loop. Both stages now import this module, which imports neither:

* given names by gender, to check pronoun and title agreement ("elle" cannot be Éric Ciotti,
  "madame Le Pen" is not Jean-Marie): a short list written for dateline of frequent given names in
  French and English news; a name not in it tells nothing;
* :func:`person_titles`, the nouns that name a person's office or trade, and :func:`speech_verbs`,
  the verbs of saying and opinion, read from the per-language lexicon data modules
  (``dateline.quotes.lexicon_fr``/``lexicon_en``: plain data, which import nothing);
* :func:`verb_lemmas`, spaCy's lemma of a verb plus a guess from a French form's ending.
"""

from __future__ import annotations

from functools import lru_cache

from dateline.quotes import lexicon_en, lexicon_fr

__all__ = ["given_name_gender", "person_titles", "speech_verbs", "verb_lemmas"]


def _words(text: str) -> list[str]:
    return text.split()


_MASC = _words(
    """
alain alexandre alexis andré antoine arnaud arthur aurélien baptiste benjamin benoît bernard bertrand
bruno cédric charles christian christophe claude clément damien daniel david denis didier
édouard emmanuel éric étienne fabien fabrice florian françois franck frédéric gabriel gaël gérald
gérard gilbert gilles grégory guillaume guy henri hervé hugo jacques jean jean-claude jean-françois
jean-luc jean-marc jean-marie jean-michel jean-paul jean-pierre jean-yves jérôme joël jordan joseph
julien karim kévin laurent léo louis luc lucas ludovic manuel marc marcel marcelin mathieu matthieu
maxime michel mickaël nicolas noël olivier pascal patrice patrick paul philippe pierre pierre-gaël
quentin raphaël régis rémi rémy renaud richard robert roger romain sébastien serge sergueï simon
stéphane sylvain thierry thomas tony valentin vincent vladimir xavier yann yannick yves
abdelkader ahmed ali mohamed mohammed mehdi nordahl rachid youssef
barack bill bob boris donald george jeff jim joe john kevin mike mitt paul ted tim tom
dmitri jair justin narendra recep viktor xi kim mahmoud benjamin bachar
"""
)

_FEM = _words(
    """
agnès alice amélie anne anne-marie annie audrey aurélie béatrice brigitte camille caroline catherine
cécile céline chantal charlotte christelle christine claire claudine corinne delphine
dorothée élisabeth élise elisabeth élodie émilie emmanuelle florence françoise frédérique geneviève
hélène isabelle jacline jacqueline jeanne joëlle josiane julie juliette karine laetitia laura
laure laurence léa lucie manon marie marie-christine marine marion martine mathilde michèle
monique myriam nadine nathalie nicole patricia pauline priscillia rachida sabine sandra sandrine
ségolène simone sophie stéphanie suzanne sylvie théa valérie véronique virginie yasmina
angela hillary ivanka kamala melania michelle nancy sarah theresa ursula elizabeth jill
"""
)

_GENDER: dict[str, str] = dict.fromkeys(_MASC, "Masc")
_GENDER.update(dict.fromkeys(_FEM, "Fem"))


def given_name_gender(name: str) -> str | None:
    """'Masc' or 'Fem' from the first word of a person's name, or ``None`` when unknown."""
    first = name.strip().split(" ")[0].lower() if name.strip() else ""
    return _GENDER.get(first)


@lru_cache(maxsize=1)
def person_titles() -> frozenset[str]:
    """Nouns that name a person's office or trade ("ministre", "président", "spokesman"), lower-cased."""
    return frozenset(w.lower() for w in (*lexicon_fr.ROLE_NOUNS, *lexicon_en.ROLE_NOUNS) if " " not in w)


@lru_cache(maxsize=4)
def speech_verbs(lang: str | None) -> frozenset[str]:
    """Lemmas of verbs of saying, opinion and thought for ``lang`` (both languages for ``None``)."""
    out: set[str] = set()
    if lang in ("fr", None):
        out |= lexicon_fr.REPORTING_VERBS | lexicon_fr.OPINION_VERBS | lexicon_fr.COGNITION_VERBS
    if lang in ("en", None):
        out |= lexicon_en.REPORTING_VERBS | lexicon_en.COGNITION_VERBS
    return frozenset(out)


# French -er/-ir verb endings, longest first: spaCy's lemmatiser sometimes returns the form itself
# ("estime"), so a form is also tried as stem + "er"/"ir"/"re".
_FR_ENDINGS = (
    "eraient", "erions", "eriez", "assent", "aient", "erait", "èrent", "erons", "eront", "ait", "ant",
    "ées", "ent", "era", "ons", "ez", "ée", "és", "ai", "as", "es", "é", "e", "a",
)  # fmt: skip


@lru_cache(maxsize=1 << 15)
def verb_lemmas(lemma: str, low: str, lang: str) -> frozenset[str]:
    """Candidate lemmas of a verb from spaCy's ``lemma`` and its lower-cased form ``low``: both, and
    for French a guess from the form's ending. Cached: it is asked for every verb-like token of every
    document, and the forms repeat."""
    out = {lemma, low}
    if lang == "fr":
        for ending in _FR_ENDINGS:
            if low.endswith(ending) and len(low) - len(ending) >= 2:
                stem = low[: -len(ending)]
                out.update({stem + "er", stem + "ir", stem + "re"})
                break
    return frozenset(out)
