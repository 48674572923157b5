"""``dateline_entities``: group the named-entity mentions of one article into entities.

spaCy tags mentions one by one and sometimes disagrees with itself (the French model calls "Daech" a
person in one sentence and an organisation in the next). Grouping per article fixes the type by
majority over all mentions of a name, and attaches a bare surname ("Lavrov", "M. Lavrov") to the full
name it abbreviates ("Sergueï Lavrov") when that is unambiguous in the article, a title's sex counting
("madame Le Pen" is Marine, not Jean-Marie, Le Pen).

The country gazetteer (:mod:`dateline.entities.gazetteer`) then corrects and completes what the model
says: countries are ``GPE`` with their ISO3 ``country``, and so are capitals standing for their
governments ("Moscou a rejeté …" → GPE, RUS; "à Moscou" is the city, ``LOC``: see
:func:`_acts_as_state`; "Bruxelles" acting is the European Union), armed groups the model misses or
calls persons are found by name and typed ``ORG`` ("Daech", "État islamique", merged into one entity),
metonyms ("le Kremlin") are ``ORG`` with their country, and a person or organisation gets a country
only from evidence about it — its title or apposition ("le président russe Vladimir Poutine"), a
nationality word in its name, the actor dictionary on the article's date — kept in its
``affiliation`` (:mod:`dateline.entities.affiliation`). Names that contain a country's name are not
the country ("France 3", "la France insoumise"), and "Hollande" is the Netherlands only after "la"/"en".
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dateline.entities.affiliation import affiliation, complete_from_article
from dateline.entities.gazetteer import Place, gazetteer
from dateline.entities.normalize import MAX_NAME_CHARS, fold, name_key, strip_determiners
from dateline.entities.resolve import is_bare_surname, split_title
from dateline.extensions import doc_text, register_extensions
from dateline.names import given_name_gender, person_titles, speech_verbs, verb_lemmas

__all__ = ["LABEL_MAP", "EntityGrouper", "country_near", "make_entity_grouper"]

# spaCy labels (French WikiNER scheme and English OntoNotes scheme) to the contract's entity types.
# Dates, numbers and quantities are not entities here: time expressions have their own component.
LABEL_MAP: dict[str, str] = {
    "PER": "PER",
    "PERSON": "PER",
    "ORG": "ORG",
    "LOC": "LOC",
    "GPE": "GPE",
    "FAC": "LOC",
    "MISC": "MISC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
}

_TRIM = ' \t\r\n,;:.!?«»“”"()[]{}–—'
# Broadcast and news-wire boilerplate the models tag as names: not entities (key forms, folded).
_NOT_NAMES = frozenset({"jt", "jt de 20h", "jt de 13h", "ndlr"})
# Television and radio channels: organisations (media), whatever the model says ("France 2" is often
# tagged a place, after the country in its name). French and English broadcast names of the corpora's
# kind, written for dateline.
_MEDIA = re.compile(
    r"^(?:France ?[2345]|France ?[Ii]nfo|Franceinfo|France Inter|France Culture|France Bleu(?: [\w-]+)?|"
    r"TF1|LCI|BFM ?TV|BFM ?Business|CNews|C8|M6|Arte|RTL|RMC|Europe ?1|TV5 ?Monde|"
    r"BBC(?: [\w]+)?|CNN|CBS|NBC|ABC News|Fox News|Al Jazeera|Euronews)$"
)
# A possessive left in a name by the English model ("Ian Paisley's"): not part of the name.
_POSSESSIVE = re.compile(r"['’]s?$")
_LEADING_DET = re.compile(r"(?:[lL]['’]|le |la |les |the )")
_LEADING_DET_CAP = re.compile(r"(?:Le |La |Les |The )")
# The model also lets a preposition into place and organisation spans ("de France 2"); in a person's
# name it is a particle and stays ("de Gaulle", "de Villepin").
_LEADING_PREP = re.compile(r"(?:de |du |des |d['’])(?=[A-ZÀ-Ý])")

# How far left of a name a nationality adjective still qualifies it: "le président russe Vladimir
# Poutine" (1 token between), "son homologue américain Donald Trump", "the Russian Foreign Minister
# Sergei Lavrov" (3). Five tokens covers titles of two or three words without reaching the previous
# clause, which punctuation and verbs also stop.
_LEFT_WINDOW = 5
# Forms too ambiguous to search for in running text (English "IS" in a headline in capitals); they
# still count when the model tags them as a name.
_NO_SCAN = frozenset({"IS"})


def _person_titles() -> frozenset[str]:
    """Nouns that name a person's office ("ministre", "président"): see :mod:`dateline.names`."""
    return person_titles()


@lru_cache(maxsize=1)
def _date_like() -> re.Pattern[str]:
    """Names that are dates: led by a weekday ("Vendredi 7 juillet"), or a day and a month ("28
    janvier"), or a month and a year ("Janvier 2017"). A bare month stays a possible name ("May")."""
    from dateline.timex import lexicon_en, lexicon_fr

    days = "|".join(re.escape(d) for d in (*lexicon_fr.WEEKDAYS, *lexicon_en.WEEKDAYS))
    months = "|".join(re.escape(m) for m in sorted((*lexicon_fr.MONTHS, *lexicon_en.MONTHS), key=len, reverse=True))
    return re.compile(
        rf"^(?:(?:{days})\b|\d{{1,2}}(?:er|st|nd|rd|th)?\s+(?:{months})|(?:{months})\s+\d{{4}}$)", re.IGNORECASE
    )


# Organisations whose names contain a country's name and go on in lower case, so that neither capital
# letters nor the model show where the name ends: in "la France insoumise" the model tags "la France"
# (the country) and leaves "insoumise" out. Searched in the text like the gazetteer's groups, as ORG.
_ORGANISATIONS = ("France insoumise", "Debout la France", "Mouvement pour la France")


@lru_cache(maxsize=1)
def _scan_pattern() -> re.Pattern[str]:
    """A regex for the gazetteer's armed groups and metonyms and for _ORGANISATIONS, longest form first.

    These are names the model often misses or cuts ("État" alone out of "État islamique"). Only forms
    that start with a capital are searched, case-sensitively, so "la chancellerie" (any chancellery)
    does not match "la Chancellerie" (Berlin's).
    """
    data = gazetteer().data
    forms: set[str] = set(_ORGANISATIONS)
    for g in data["groups"]:
        forms.update(f for f in g["names"] if f[:1].isupper() and f not in _NO_SCAN)
    forms.update(m["name"] for m in data["metonyms"])
    variants: set[str] = set()
    for f in forms:
        variants.add(f)
        variants.add(fold(f[0]).upper() + f[1:])  # "Elysée", "Etat islamique": accents dropped in copy
    alts = sorted(variants, key=len, reverse=True)
    body = "|".join(re.escape(a).replace(r"\ ", "[ -]") for a in alts)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")


def country_near(doc: Doc, start: int, end: int, lang: str | None = None) -> str | None:
    """The ISO3 of a nationality word inside the span ``[start, end)`` or just left of it.

    "le président russe Vladimir Poutine" → RUS; "ministère russe des Affaires étrangères" → RUS;
    "U.S. President Donald Trump" → USA. The left scan stops at punctuation, verbs and other names.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    gaz = gazetteer()
    for tok in span:
        if tok.pos_ in ("ADJ", "NOUN", "PROPN") or tok.text.isupper():
            hit = gaz.lookup(tok.text, lang)
            if hit is not None and hit.kind == "demonym":
                return hit.iso3
    i = span.start - 1
    while i >= 0 and span.start - i <= _LEFT_WINDOW:
        tok = doc[i]
        if tok.is_punct and tok.text not in ("-", "'", "’", "."):
            break
        if tok.pos_ in ("VERB", "AUX") or tok.ent_type_ in ("PER", "PERSON"):
            break
        hit = gaz.lookup(tok.text, lang)
        if hit is not None and hit.kind in ("demonym", "country") and hit.iso3:
            return hit.iso3
        i -= 1
    return None


_STATE = "\x00state"
_COUNTRY = "\x00country"
# Everyday French names of countries that are also the surnames of people in the news, which the
# gazetteer therefore leaves out ("Hollande", the Netherlands, and François Hollande). In French a
# country's name takes an article or "en" ("la Hollande", "en Hollande"), a person's name does not
# ("Hollande a déclaré", "les années Hollande"): the words before the name decide.
_SURNAME_COUNTRIES = {"hollande": "NLD"}
_PLACE_BEFORE = re.compile(r"(?<![\w'’])(?:la|La|en|En)\s+$")
# A capital that seats an international organisation stands, as an actor, for the organisation
# rather than for its host state: "Bruxelles exige …", "Brussels proposes …" is the European Union
# (its Commission and Council), while Belgium's government is called "le gouvernement belge". By the
# ISO3 the gazetteer gives the capital; the value is the organisation's name per language.
_SEAT_OF: dict[str, dict[str, str]] = {"BEL": {"fr": "Union européenne", "en": "European Union"}}
# Nouns after which "de Moscou" means Moscow's government, not the city: "les efforts de Moscou",
# "la position de Washington". Places have other nouns: "la banlieue de Moscou", "le maire de Paris".
_STATE_NOUNS = frozenset(
    """position positions décision décisions efforts effort soutien réponse riposte accusations
    accusation relations relation coopération intervention politique diplomatie ton
    stratégie volonté demande demandes exigences menace menaces sanctions offre refus proposition
    engagement engagements implication rôle allié alliés alliance partenaire partenaires ennemi
    intérêts intérêt influence pression pressions appel appels annonce
    position's decision support response accusations relations cooperation intervention policy
    government strategy demand demands threat threats sanctions offer refusal proposal role ally
    allies interests influence pressure call""".split()
)
# Nouns of a relation between parties: their "avec" complement is the other party ("les négociations
# avec Bruxelles", "la crise avec Madrid"), and "entre X et Y" names both.
_RELATION_NOUNS = frozenset(
    """négociation négociations discussion discussions dialogue pourparlers relation relations
    coopération tension tensions crise conflit incident rapprochement rupture brouille bras lune
    différend contentieux querelle lien liens
    negotiation negotiations talks dialogue relation relations cooperation tension tensions crisis
    conflict dispute rift rapprochement""".split()
)
# Verbs after which "par Paris" is a route, not an agent.
_MOTION = frozenset("passer transiter voyager arriver aller venir rentrer partir revenir pass travel go".split())
# Reporting verbs whose inverted subject the parser may take for an object ("a annoncé Washington").
_SAYING = frozenset(
    """annoncer déclarer affirmer indiquer assurer estimer répondre réagir dénoncer prévenir rétorquer
    confirmer démentir expliquer souligner ajouter insister menacer avertir""".split()
)
# Dependency relations of a subject (UD French and English, spaCy's English labels), and of an agent.
_SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "csubj"})
_AGENT_DEPS = frozenset({"obl:agent", "agent"})
# Verbs that want an agent who decides and acts on other states — deciding, allowing and forbidding,
# sanctioning, negotiating, attacking, helping. A place cannot do these things, so a capital as their
# subject is its government ("Washington sanctionne", "Madrid a interdit"). Verbs of saying and of
# opinion, which equally want a speaker, come from the quote lexicons (see _state_verbs).
_STATE_VERBS = frozenset(
    """accepter accorder adopter agir aider annuler approuver armer attaquer autoriser bannir bloquer
    bombarder boycotter céder combattre condamner conclure contester convoquer coopérer décider
    décréter dénoncer déployer dissuader entamer envisager envoyer exiger expulser extrader financer
    frapper geler imposer infliger interdire intervenir juger lancer livrer menacer mobiliser négocier
    nommer ordonner pardonner payer prévoir punir ratifier reconnaître refuser rejeter réclamer
    renoncer renvoyer retirer riposter sanctionner signer soutenir suspendre tenter vouloir voter
    accept adopt approve attack authorize authorise ban block bomb boycott decide deploy expel
    impose launch negotiate oppose order punish ratify recognize recognise refuse reject retaliate
    sanction sign strike support suspend veto vote want withdraw""".split()
)
# Modal and aspectual verbs leave the choice to the infinitive they govern: "Madrid devrait reprendre
# le contrôle" is the state, "Paris devrait accueillir les Jeux" the city.
_MODALS = frozenset(
    "aller devoir pouvoir vouloir sembler paraître venir compter go will would may might must can could "
    "should seem want".split()
)
# Light verbs whose object carries the meaning: "prendre le pouvoir", "trouver un accord", "hausser le
# ton", "faire pression", "mettre en garde" are acts of a government; "prendre des couleurs" is not.
_LIGHT_VERBS: dict[str, frozenset[str]] = {
    "prendre": frozenset("pouvoir contrôle mesure mesures décision sanction sanctions initiative position".split()),
    "reprendre": frozenset("pouvoir contrôle main".split()),
    "trouver": frozenset("accord compromis entente".split()),
    "faire": frozenset("pression appel savoir part".split()),
    "mettre": frozenset("garde fin terme pression".split()),
    "hausser": frozenset(["ton"]),
    "donner": frozenset("ordre feu accord".split()),
    "take": frozenset("control power action measures step steps".split()),
    "reach": frozenset("agreement deal".split()),
}
# Formulas one says to a year or a guest ("Berlin a dit adieu à l'année écoulée"): a city celebrating, not
# a government stating.
_FORMULAS = frozenset("revoir adieu bonjour bonsoir bienvenue merci goodbye farewell hello welcome".split())
# Verbs of perception: with an infinitive they tell what happened at a place ("Paris a vu défiler …").
_PERCEPTION = frozenset("voir entendre see hear".split())
_RELATIVE_PRONOUNS = frozenset("qui lequel laquelle who which that".split())
_LIST_SEPARATORS = frozenset([",", "et", "ou", "and", "or"])


@lru_cache(maxsize=4)
def _state_verbs(lang: str | None) -> frozenset[str]:
    """Verbs whose subject, when it is a capital, is its government: saying, opinion and the acts above."""
    return frozenset(_STATE_VERBS | speech_verbs(lang))


def _state_predicate(verb: Token, lang: str | None, depth: int = 0) -> bool:
    """Whether the subject of ``verb``, when it is a capital, acts as its state (see _STATE_VERBS)."""
    lemmas = verb_lemmas(verb.lemma_.lower(), verb.lower_, lang or "fr")
    if lemmas & _MODALS and depth < 3:
        inf = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
        if inf is not None:
            return _state_predicate(inf, lang, depth + 1)
    after = {t.lower_ for t in verb.doc[verb.i + 1 : verb.i + 3]}
    if lemmas & {"dire", "say"} and after & _FORMULAS:
        return False
    if lemmas & _PERCEPTION and any(c.dep_ == "xcomp" for c in verb.children):
        return False
    objects = {c.lemma_.lower() for c in verb.children if c.dep_ in ("obj", "dobj", "obl", "obl:arg", "obl:mod")}
    if any(lemmas & {light} and objects & nouns for light, nouns in _LIGHT_VERBS.items()):
        return True
    return bool(lemmas & _state_verbs(lang))


def _listed_with_places(span: Span) -> bool:
    """Whether a name is listed with a place that is not a state: "entre Paris, Rennes et Bordeaux" is
    a route and "Atlanta ou Washington" a list of cities, whatever the verb.

    The list is read from the parse (conjuncts) and from the text (names separated by commas, "et",
    "ou", a parenthesised region between them), since the parser often attaches the members of a list
    of places as siblings."""
    doc = span.doc
    listed: set[int] = set()
    root = span.root
    first = root.head if root.dep_ == "conj" else root
    listed.update(t.i for t in (first, *first.conjuncts) if t.i != root.i)
    starts = {e.start: e for e in doc.ents}
    ends = {e.end: e for e in doc.ents}
    # Names joined by commas count as a list only when an "et"/"ou" closes it ("Paris, Rennes et
    # Bordeaux"); a comma alone may end a clause ("… sur la Catalogne, Madrid devrait …").
    chain: list[int] = []
    closed = False
    i = span.end
    while True:
        i = _after_parenthesis(doc, i)
        j = i
        while j < len(doc) and doc[j].lower_ in _LIST_SEPARATORS and j - i < 2:
            closed = closed or doc[j].lower_ != ","
            j += 1
        if j == i or j not in starts:
            break
        chain.append(starts[j].start)
        i = starts[j].end
    i = span.start
    while True:
        j = i
        while j > 0 and doc[j - 1].lower_ in _LIST_SEPARATORS and i - j < 2:
            closed = closed or doc[j - 1].lower_ != ","
            j -= 1
        if j == i:
            break
        j = _before_parenthesis(doc, j)
        if j not in ends:
            break
        chain.append(ends[j].start)
        i = ends[j].start
    if closed:
        listed.update(chain)
    for k in listed:
        other = doc[k]
        if other.ent_type_ not in ("LOC", "GPE", "FAC"):
            continue
        ent = next((e for e in doc.ents if e.start <= k < e.end), None)
        if ent is None:
            continue
        place = gazetteer().lookup(strip_determiners(ent.text))
        if place is None or place.kind not in ("country", "capital", "metonym", "group"):
            return True
    return False


def _after_parenthesis(doc: Doc, i: int) -> int:
    """The token after a short parenthesis starting at ``i`` ("Orléans (Loiret) et Paris"), else ``i``."""
    if i < len(doc) and doc[i].text == "(":
        for k in range(i + 1, min(i + 6, len(doc))):
            if doc[k].text == ")":
                return k + 1
    return i


def _before_parenthesis(doc: Doc, j: int) -> int:
    """The position of a short parenthesis ending just before ``j``, else ``j``."""
    if j > 0 and doc[j - 1].text == ")":
        for k in range(j - 2, max(j - 7, -1), -1):
            if doc[k].text == "(":
                return k
    return j


def _second_of_between(span: Span) -> bool:
    """Whether a name ends "entre A et <name>" / "between A and <name>", read on the words: the parser
    often hangs the name on the last noun of A ("entre les conseillers du candidat et Moscou")."""
    doc = span.doc
    i = span.start - 1
    if i < 0 or doc[i].lower_ not in ("et", "and"):
        return False
    for k in range(i - 1, max(i - 9, -1), -1):
        tok = doc[k]
        if tok.lower_ in ("entre", "between"):
            return True
        if tok.is_punct or tok.pos_ in ("VERB", "AUX", "CCONJ", "SCONJ"):
            return False
    return False


def _linear_subject(span: Span) -> Token | None:
    """The verb just right of a name that the parser attached to nothing sensible ("Et puis Bruxelles
    demande aux 28 …", parsed as a conjunct of "Et"), when nothing left of the name makes it a
    complement: "Bruxelles (ne) demande", "Bruxelles a décidé"."""
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].pos_ == "ADP":
        return None
    i = span.end
    while i < len(doc) and (doc[i].lower_ in ("ne", "n'", "n’", "se", "s'", "s’") or doc[i].pos_ == "AUX"):
        i += 1
    if i < len(doc) and doc[i].pos_ == "VERB":
        return doc[i]
    return None


def _acts_as_state(doc: Doc, start: int, end: int, lang: str | None = None) -> bool:
    """Whether a capital's mention stands for its country's government (metonymy).

    The subject of a verb that wants a deciding, speaking agent ("Moscou a rejeté ces accusations",
    "Washington said", see _STATE_VERBS), the agent of an act ("interdit par Madrid"), the source of a
    statement ("selon Moscou", "according to Washington"), a party to a relation ("les négociations
    avec Bruxelles", "entre Moscou et Washington") or the owner of a political act ("les efforts de
    Moscou", "Washington's position") is the state; anything else — a place one goes to, lives in,
    describes, or that hosts, celebrates or has something ("Paris a sorti le grand jeu", "Londres ne
    dort jamais") — is the city: when both readings fit, the literal one wins.
    """
    if not doc.has_annotation("DEP"):
        return True  # no parse to tell: in news, a capital named as an actor is most often the state
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    first = root.head if root.dep_ == "conj" and root.head.i < root.i else root
    if first.head.lemma_.lower() in _RELATION_NOUNS and any(
        c.lower_ in ("entre", "between") for c in first.children if c.dep_ in ("case", "prep")
    ):
        return True  # "la crise entre Madrid et la Catalogne": parties, whatever else is listed
    if _listed_with_places(span):
        return False
    if _second_of_between(span):
        return True
    if root.dep_ == "conj" and root.head.i < root.i and root.head.pos_ in ("NOUN", "PROPN", "PRON"):
        # "les efforts de Moscou et de Washington": a conjunct plays the role of the first one, and
        # "entre son équipe et Moscou" is a relation between actors whatever the first one is.
        first = root.head
        if any(c.lower_ in ("entre", "between") for c in first.children if c.dep_ in ("case", "prep")):
            return True
        return _acts_as_state(doc, first.idx, first.idx + len(first.text), lang)
    markers = {c.lower_ for c in root.children if c.dep_ in ("case", "mark", "prep")}
    if root.dep_ in _SUBJECT_DEPS and root.head.pos_ in ("VERB", "AUX") and not markers:
        return _state_predicate(root.head, lang)
    if root.dep_ in _AGENT_DEPS and root.head.pos_ in ("VERB", "AUX"):
        return True
    prev = doc[span.start - 1].lower_ if span.start > 0 else ""
    if markers & {"selon", "d'après", "according", "entre", "between"} or prev in ("selon", "according"):
        return True
    head = root.head
    if "par" in markers and head.lemma_.lower() not in _MOTION:
        # The agent of an act: "interdit par Madrid", "l'enlèvement par Pyongyang".
        return True
    if root.dep_ in ("obj", "dobj") and root.i > head.i and head.lemma_.lower() in _SAYING:
        # An inverted subject: "…, a annoncé Washington dans un communiqué."
        return True
    for clause in root.children:
        # The antecedent of a relative clause is its subject: "un soulagement pour Paris, qui redoute …"
        # (the pronoun right after the name: the parser sometimes hangs a far clause on it).
        if (
            clause.dep_ in ("acl:relcl", "relcl")
            and any(
                c.dep_ in _SUBJECT_DEPS and c.lower_ in _RELATIVE_PRONOUNS and 0 < c.i - span.end + 1 <= 2
                for c in clause.children
            )
            and _state_predicate(clause, lang)
        ):
            return True
    if root.dep_ == "poss" and root.head.lemma_.lower() in _STATE_NOUNS:
        return True
    if markers & {"avec", "with"} and head.lemma_.lower() in _RELATION_NOUNS:
        return True
    if root.dep_ in ("nmod", "pobj", "obl") and (
        root.head.lemma_.lower() in _STATE_NOUNS
        or (root.head.dep_ == "prep" and root.head.head.lemma_.lower() in _STATE_NOUNS)
    ):
        return True
    if root.dep_ in ("conj", "dep", "ROOT") and (verb := _linear_subject(span)) is not None:
        return _state_predicate(verb, lang)
    return False


@dataclass
class _Group:
    key: str
    forms: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    organisation: bool = False  # a seat of an organisation standing for it (_SEAT_OF)
    country: str | None = None  # a country named like a person, told by its article (_SURNAME_COUNTRIES)


# A one- or two-digit number right after a name, not a decimal ("3,5"), not the first group of a
# thousands number ("20 000"), not glued to a word, not a quantity of its own (a percentage, an age,
# a score or range: "en France 30 à 40 %", "75 ans après"). "3.Les" (a full stop with its space lost,
# as in texts joined from a title and a lead) still ends the number.
_NUMBER_AFTER = re.compile(r" \d{1,2}(?!\w|[.,]\d| \d{3}\b|\s?%| ans\b| à \d|\s?[-–]\s?\d)")


def _with_number(text: str, start: int, end: int) -> tuple[int, int, str]:
    """Extend a name by a one- or two-digit number the model left out of it: 'France' in 'France 2' (a
    TV channel, not the country), 'Apollo 11'. Years and dates have more digits or other shapes. Read
    on the characters: the tokenizer keeps "3.Les" in one token."""
    m = _NUMBER_AFTER.match(text, end)
    if m is None:
        return start, end, text[start:end]
    return start, m.end(), text[start : m.end()]


def _trimmed(span: Span, label: str = "") -> tuple[int, int, str] | None:
    """Character offsets and text of a mention with edge punctuation and spaces removed."""
    text = span.text
    left = len(text) - len(text.lstrip(_TRIM))
    right = len(text.rstrip(_TRIM))
    if right <= left:
        return None
    # A plain article the model included in the span ("la France", "le Kremlin") is not part of the
    # name; capitalised ones are ("Le Pen", "La Fontaine").
    det = _LEADING_DET.match(text, left, right)
    if det is None and label not in ("PER", "PERSON"):
        # Outside people's names a capitalised article is an article too: "La France", "Le Kremlin".
        det = _LEADING_DET_CAP.match(text, left, right)
    if det and det.end() < right:
        left = det.end()
    poss = _POSSESSIVE.search(text, left, right) if text[left:right].count(" ") < 6 else None
    if poss is not None and poss.start() > left and text[poss.start() - 1].isalpha():
        right = poss.start()  # "Ian Paisley's" -> "Ian Paisley"; "Reuters'" -> "Reuters"
    prep = _LEADING_PREP.match(text, left, right) if label not in ("PER", "PERSON") else None
    if prep and prep.end() < right:
        left = prep.end()
    start = span.start_char + left
    return start, span.start_char + right, text[left:right]


class EntityGrouper:
    """Writes ``doc._.entities``: one dict per entity, ids ``e1``.. in order of first mention."""

    def __init__(self, nlp: Language, name: str, min_chars: int, lang: str | None = None) -> None:
        self.name = name
        self.min_chars = min_chars
        self.lang = lang or (nlp.lang if nlp.lang in ("fr", "en") else None)
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        groups: dict[str, _Group] = {}
        for start, end, text, etype in self._mentions(doc):
            key = name_key(text)
            if len(key) < self.min_chars or len(text) > MAX_NAME_CHARS or not any(ch.isalpha() for ch in key):
                continue
            if key in _NOT_NAMES:
                continue  # broadcast boilerplate ("JT"): no one and nothing is named
            place = gazetteer().lookup(text, self.lang)
            if _MEDIA.match(text):
                etype = "ORG"  # "France 2", "BFMTV": a channel is an organisation (media), never a place
            seat = None
            if place is not None and place.kind == "capital" and _acts_as_state(doc, start, end, self.lang):
                # "Moscou a rejeté…" is Russia's government; "à Moscou, il neige" is the city. The two
                # uses are two entities, even in one article.
                seat = _SEAT_OF.get(place.iso3 or "")
                if seat is None:
                    key += _STATE
                else:
                    # "Bruxelles exige": the organisation seated there, one entity with its own name.
                    org = seat["en" if self.lang == "en" else "fr"]
                    key, etype = name_key(org), "ORG"
            surname_country = _SURNAME_COUNTRIES.get(key) if self.lang != "en" else None
            if surname_country is not None:
                if _PLACE_BEFORE.search(doc_text(doc), max(0, start - 12), start):
                    key, etype = key + _COUNTRY, "GPE"  # "la Hollande", "en Hollande": the country
                else:
                    etype = "PER"  # "Hollande", "M. Hollande", "les années Hollande": the person
            group = groups.setdefault(key, _Group(key))
            if surname_country is not None and key.endswith(_COUNTRY):
                group.country = surname_country
            if seat is not None:
                group.forms[org] += 0  # its name, not counted as a mention
                group.organisation = True
            group.forms[text] += 1
            group.types[etype] += 1
            group.mentions.append((start, end))
        self._attach_surnames(groups)
        self._merge_groups(groups)
        entities: list[dict[str, Any]] = []
        ordered = sorted(groups.values(), key=lambda g: min(g.mentions))
        for i, g in enumerate(ordered, 1):
            # The longest of the most frequent forms names the entity: "Sergueï Lavrov" over "Lavrov".
            name = max(g.forms, key=lambda f: (len(f.split()), g.forms[f], len(f)))
            etype = max(g.types, key=lambda t: (g.types[t], -list(g.types).index(t)))
            etype, country = self._geo(doc, name, etype, g)
            entity: dict[str, Any] = {
                "id": f"e{i}",
                "name": name,
                "type": etype,
                "country": country,
                "roles": [],
                "mentions": [{"start": s, "end": e, "text": doc_text(doc)[s:e]} for s, e in sorted(g.mentions)],
            }
            if country is None and etype in ("PER", "ORG"):
                # Who is who: a person's or organisation's country only from evidence about it (a title,
                # an apposition, a nationality word attached to it, the actor dictionary), kept with it.
                found = affiliation(doc, name, etype, entity["mentions"], self.lang)
                if found is not None:
                    entity["country"] = found.iso3
                    entity["affiliation"] = found.as_record()
            entities.append(entity)
        complete_from_article(doc_text(doc), entities)  # "le ministre X": the story's state
        doc._.entities = entities
        return doc

    def _mentions(self, doc: Doc) -> list[tuple[int, int, str, str]]:
        """NER mentions (trimmed, mapped to contract types) plus gazetteer names found in the text.

        A gazetteer match replaces the NER mentions it overlaps: "État islamique" over the model's
        "État" (LOC), "Daech" (ORG) over "Daech" (PER).
        """
        found: list[tuple[int, int, str, str]] = []
        for m in _scan_pattern().finditer(doc_text(doc)):
            found.append((m.start(), m.end(), m.group(), "ORG"))
        out = list(found)
        for ent in doc.ents:
            etype = LABEL_MAP.get(ent.label_)
            if etype is None:
                continue
            trimmed = _trimmed(ent, ent.label_)
            if trimmed is None:
                continue
            # People's names take no number ("Jean-Marie Le Pen 10 …" is a name and a count).
            start, end, text = trimmed if etype == "PER" else _with_number(doc_text(doc), *trimmed[:2])
            if _date_like().match(text):
                continue  # "Vendredi 7 juillet" is a time expression the model took for a name
            if etype != "PER" and text[:1].islower() and text.split()[0].lower() in _person_titles():
                continue  # "ministre russe des Affaires": a person's title the model cut into an organisation
            if any(s < end and start < e for s, e, _, _ in found):
                continue
            out.append((start, end, text, etype))
        return sorted(out)

    def _geo(self, doc: Doc, name: str, etype: str, group: _Group) -> tuple[str, str | None]:
        """Type and ISO3 country of an entity from the gazetteer (see the module docstring)."""
        if group.organisation:
            return "ORG", None  # "Bruxelles" for the EU: no state's country
        if group.country is not None:
            return "GPE", group.country
        place: Place | None = None
        for form in sorted(group.forms, key=lambda f: -group.forms[f]):
            place = gazetteer().lookup(form, self.lang)
            if place is not None:
                break
        person_name = etype == "PER" and len(name.split()) > 1
        if place is not None and not person_name:
            if place.kind == "country" or (place.kind == "capital" and group.key.endswith(_STATE)):
                return "GPE", place.iso3
            if place.kind == "capital":
                return "LOC", place.iso3
            if place.kind in ("metonym", "group"):
                return "ORG", place.iso3
            return etype, place.iso3  # a demonym tagged as a name ("les Russes"): keep its type
        return etype, None  # people and organisations: see affiliation() in __call__

    @staticmethod
    def _merge_groups(groups: dict[str, _Group]) -> None:
        """Merge the names of one armed group ("Daech", "État islamique", "EI") into one entity."""
        by_code: dict[str, str] = {}
        for key in sorted(groups, key=lambda k: min(groups[k].mentions)):
            g = groups[key]
            form = next(iter(g.forms))
            place = gazetteer().lookup(form)
            if place is None or place.kind != "group":
                continue
            if place.code in by_code:
                owner = groups[by_code[place.code]]
                owner.forms.update(g.forms)
                owner.types.update(g.types)
                owner.mentions.extend(g.mentions)
                del groups[key]
            else:
                by_code[place.code] = key

    @staticmethod
    def _attach_surnames(groups: dict[str, _Group]) -> None:
        """Merge a person's bare surname, titled or not ("Lavrov", "M. Lavrov", "Le Pen", "madame Le
        Pen"), into the unique fuller person name of the article ending with it.

        A title's sex must not contradict the first name: with both Marine and Jean-Marie Le Pen in the
        article, "madame Le Pen" is Marine and "Monsieur Le Pen" Jean-Marie, while "Le Pen" stays apart.
        """
        people = []
        for g in groups.values():
            _, words = split_title(g.key)
            if g.types.get("PER", 0) > 0 and not is_bare_surname(words):
                people.append((g, words))
        for key in list(groups):
            short = groups[key]
            if short.types.most_common(1)[0][0] != "PER":
                continue
            sex, words = split_title(key)
            if not is_bare_surname(words):
                continue
            owners = [
                g for g, full in people if len(full) > len(words) and full[-len(words) :] == words and _sex_fits(sex, g)
            ]
            if len(owners) == 1:
                owner = owners[0]
                owner.forms.update({f: 0 for f in short.forms})  # known forms, not counted as names
                owner.types.update(short.types)
                owner.mentions.extend(short.mentions)
                del groups[key]


def _sex_fits(sex: str | None, group: _Group) -> bool:
    """Whether a titled surname of sex ``sex`` may be the person of ``group`` (by its first name)."""
    if sex is None:
        return True
    other = given_name_gender(max(group.forms, key=lambda f: (group.forms[f], f)))
    return other is None or other == sex


@Language.factory(
    "dateline_entities",
    assigns=["doc._.entities"],
    requires=["doc.ents"],
    default_config={"min_chars": 2},
)
def make_entity_grouper(nlp: Language, name: str, min_chars: int) -> EntityGrouper:
    """Group named-entity mentions into per-article entities (see :class:`EntityGrouper`)."""
    return EntityGrouper(nlp, name, min_chars)
