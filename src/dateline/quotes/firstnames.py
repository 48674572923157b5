"""Common given names by gender, to check pronoun agreement ("elle" cannot be Éric Ciotti).

A short list written for dateline of frequent given names in French and English news; a name not in
it tells nothing, and the pronoun resolver then does not use gender at all.
"""

from __future__ import annotations

__all__ = ["given_name_gender"]


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
