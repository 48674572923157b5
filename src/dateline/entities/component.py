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

Before grouping, the model's mentions are repaired (issue 15; :meth:`EntityGrouper._repair`): a
preposition glued in front goes ("aux forces armées"), a name cut after "de" is completed ("péninsule
de" + "Corée"), function words at the end go ("Congrès américain contre la"), a person run into an
organisation's name is a mention of its own ("Nations unies Staffan de Mistura"), and a title before a
name goes ("Premier ministre Justin Trudeau"). What names nothing is dropped: nationality words (kept
aside for the event coder: :func:`demonym_mentions`), "l'État", pronouns, boilerplate, lower-case
phrases. A role phrase ("le président de la République") is a mention of the person the article names
with it, or of nobody. Within an article every name of one state is one entity named as the state
("Moscou a rejeté…" with "la Russie"), every name of one organisation one entity ("LREM", "En
marche"), and the occurrences of names the model missed are added. The language knowledge (seats of
government, organisations' names, office titles, boilerplate…) is in per-language resource files read
by :mod:`dateline.entities.resources`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dateline.entities import resources
from dateline.entities.affiliation import affiliation, complete_from_article
from dateline.entities.gazetteer import Place, gazetteer
from dateline.entities.normalize import MAX_NAME_CHARS, fold, name_key, strip_determiners
from dateline.entities.resolve import is_bare_surname, split_title
from dateline.extensions import doc_text, register_extensions
from dateline.names import given_name_gender, person_titles, speech_verbs, verb_lemmas

__all__ = ["LABEL_MAP", "EntityGrouper", "country_near", "demonym_mentions", "make_entity_grouper"]

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
# A possessive left in a name by the English model ("Ian Paisley's"): not part of the name.
_POSSESSIVE = re.compile(r"['’]s?$")
_LEADING_DET = re.compile(r"(?:[lL]['’]|le |la |les |the )")
_LEADING_DET_CAP = re.compile(r"(?:Le |La |Les |The )")
# The model also lets a preposition, often contracted with the article, into place and organisation
# spans ("de France 2", "aux forces armées maliennes", "au Caire", "de la Sarthe", "en Italie"); in a
# person's name "de"/"du"/"des" are particles and stay ("de Gaulle", "du Bellay"), the others go.
_OTHER_PREPS = (
    r"à la |à l['’]|au |aux |à |en |par |pour |sur |avec |dans |chez |vers |selon |entre |contre |"
    r"of |to |in |at |from "
)
_LEADING_PREP = re.compile(rf"(?:de la |de l['’]|de |du |des |d['’]|{_OTHER_PREPS})")
_LEADING_PREP_PER = re.compile(rf"(?:{_OTHER_PREPS})")
# The same with a capital, at the start of a sentence ("Au Royaume-Uni, …", "En Italie"): only cut
# when what remains is a place the gazetteer knows, since names begin so too ("En Marche", "Au Bon
# Marché").
_LEADING_PREP_CAP = re.compile(r"(?:Au |Aux |À |A |En |Dans |Pour |Selon |In )")
# An abbreviation written with full stops keeps its last one ("U.S.", "U.K."): the gazetteer knows the
# abbreviations as written.
_DOTTED = re.compile(r"(?:[A-Z]\.){1,4}[A-Z]$")

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


@lru_cache(maxsize=4)
def _country_pattern(lang: str | None) -> re.Pattern[str]:
    """A case-sensitive regex of the gazetteer's country names of four letters or more ("Espagne",
    "Royaume-Uni", "United Kingdom"), longest first, for names the model missed."""
    data = gazetteer().data
    names: set[str] = set()
    for c in data["countries"].values():
        for lg in (lang,) if lang in ("fr", "en") else ("fr", "en"):
            names.update(n for n in c[f"names_{lg}"] if len(n) >= 4 and n[:1].isupper())
    return _names_regex(sorted(names, key=len, reverse=True))


# The word before an occurrence of a name (and whether it opens the text or a sentence), and a
# capitalised word or a figure right after it (which would make the occurrence part of a longer name),
# for the rescue of missed names.
_WORD_BEFORE = re.compile(r"((?:^|[.!?:;«»\"“”(\n])[ \t]*)?([\w'’-]+)[ \t]+$")
_NAME_AFTER = re.compile(r"[ \t]+(?:[A-ZÀ-Ý0-9]|de [A-ZÀ-Ý])")
# Capitalised words that open a sentence or a phrase before a name without being part of it.
_OPENERS = frozenset(
    "au aux a à en dans pour selon le la les l' l’ de du des d' d’ et ou mais the in of and to from at for".split()
)


@lru_cache(maxsize=4)
def _scan_pattern(lang: str | None) -> re.Pattern[str]:
    """A regex for the gazetteer's armed groups and seats of government and for the organisations whose
    names go on in lower case (``[organisations]`` of the language's ``words.txt``: "la France
    insoumise", where the model tags "la France"), longest form first.

    These are names the model often misses or cuts ("État" alone out of "État islamique"). Only forms
    that start with a capital are searched, case-sensitively, so "la chancellerie" (any chancellery)
    does not match "la Chancellerie" (Berlin's).
    """
    data = gazetteer().data
    forms: set[str] = set(resources.organisation_names(lang))
    for g in data["groups"]:
        forms.update(f for f in g["names"] if f[:1].isupper() and f not in _NO_SCAN)
    forms.update(seat.name for seat in resources.seats(lang) if seat.name[:1].isupper())
    variants: set[str] = set()
    for f in forms:
        variants.add(f)
        variants.add(fold(f[0]).upper() + f[1:])  # "Elysée", "Etat islamique": accents dropped in copy
    for f in resources.organisation_names(lang):
        # "République En Marche", "France Insoumise": the lower-case words written with capitals
        variants.add(" ".join(x if len(x) < 3 else x[:1].upper() + x[1:] for x in f.split()))
    return _names_regex(sorted(variants, key=len, reverse=True))


def _names_regex(alts: list[str]) -> re.Pattern[str]:
    """A regex finding any of ``alts`` (tried in that order) as whole words, a space in one matching a
    space or a hyphen.

    The alternation is preceded by a look-ahead on the characters the names can start with: it finds
    exactly the same matches, but the regex engine otherwise tries every one of hundreds of names at
    every position of the text, and now only where one of them could start.
    """
    body = "|".join(re.escape(a).replace(r"\ ", "[ -]") for a in alts)
    lead = ""
    if alts and all(alts):
        firsts = {c for a in alts for c in ((" ", "-") if a[0] == " " else (a[0],))}
        lead = "(?=[" + "".join(re.escape(c) for c in sorted(firsts)) + "])"
    return re.compile(rf"{lead}(?<![\w-])(?:{body})(?![\w-])")


def is_media(text: str, lang: str | None) -> bool:
    """Whether a name is a channel or a news agency of the language's ``[media]`` list ("France 2",
    "BFM TV"); the speaker resolver asks it too."""
    key = fold(text).replace(" ", "")
    names, stems = _media_keys(resources.words(lang)["media"])
    return key in names or any(key.startswith(stem) and len(key) > len(stem) for stem in stems)


_PRESS_ARTICLES = ("le ", "la ", "les ", "l'")


def press_title_at(text: str, start: int, lang: str | None) -> bool:
    """Whether the text at ``start`` (a name's mention, maybe without its article) is a press title of
    the ``[press]`` list ("Parisien" in "révèle le Parisien", "Canard" in "le Canard enchaîné")."""
    # A one-off window: folded without filling fold's cache, which is kept for names met again and again.
    window = fold.__wrapped__(text[start : start + 60].replace("’", "'"))
    return any(
        window.startswith(form) and not window[len(form) : len(form) + 1].isalnum()
        for form in _press_forms(resources.words(lang)["press"])
    )


@lru_cache(maxsize=8)
def _press_forms(entries: frozenset[str]) -> tuple[str, ...]:
    """The ``[press]`` entries, apostrophes normalised, each with and without its article ("le
    parisien", "parisien"), longest first: built once, read for every mention."""
    titles = {e.replace("’", "'") for e in entries}
    forms = titles | {t[len(a) :] for t in titles for a in _PRESS_ARTICLES if t.startswith(a)}
    return tuple(sorted(forms, key=len, reverse=True))


@lru_cache(maxsize=8)
def _media_keys(entries: frozenset[str]) -> tuple[frozenset[str], tuple[str, ...]]:
    """The ``[media]`` entries without their spaces, read once: whole names, and the stems of the
    entries ending in " *" (the name of a channel followed by more words)."""
    names = frozenset(e.replace(" ", "") for e in entries if not e.endswith(" *"))
    stems = tuple(e[:-2].replace(" ", "") for e in entries if e.endswith(" *"))
    return names, stems


_DEMONYMS_KEY = "dateline.demonyms"


def demonym_mentions(doc: Doc) -> list[tuple[int, int, str, bool]]:
    """The nationality words the grouper left out of the entities ("le quotidien des Français", "The
    Palestinians reject …", "Japanese officials"): (start, end, ISO3, noun) in text order, ``noun``
    telling the people ("les Français") from the adjective ("Japanese officials"). They name no entity,
    but the people an event may be told of, and the nouns are evidence of the country an article is
    about as its people are."""
    return list(doc.user_data.get(_DEMONYMS_KEY, []))


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


_STATE = "\x00state:"
_PLACE = "\x00place"
# Everyday names of countries that are also the surnames of people in the news ("Hollande": the
# Netherlands, and François Hollande) are listed per language in ``surname_countries.tsv``, which the
# gazetteer leaves out of its country names. A country's name takes an article or "en" ("la Hollande",
# "en Hollande"), a person's name does not ("Hollande a déclaré", "les années Hollande"): the words
# before the name decide.
_PLACE_BEFORE = re.compile(r"(?<![\w'’])(?:la|La|en|En|the|The|in|In)\s+$")
# A capital that seats an international organisation stands, as an actor, for the organisation rather
# than for its host state ("Bruxelles exige …" is the European Union): ``organisation_seats.tsv``.
# Nouns after which "de Moscou" means Moscow's government, not the city: "les efforts de Moscou",
# "la position de Washington". Places have other nouns: "la banlieue de Moscou", "le maire de Paris".
_STATE_NOUNS = frozenset(
    """position positions décision décisions efforts effort soutien réponse riposte accusations
    accusation relations relation coopération intervention politique diplomatie ton sanction
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
    "aller devoir pouvoir vouloir sembler paraître venir compter entendre go will would may might must can "
    "could should seem want intend".split()
)
# Light verbs whose object carries the meaning: "prendre le pouvoir", "trouver un accord", "hausser le
# ton", "faire pression", "mettre en garde" are acts of a government; "prendre des couleurs" is not.
_LIGHT_VERBS: dict[str, frozenset[str]] = {
    "prendre": frozenset("pouvoir contrôle mesure mesures décision sanction sanctions initiative position".split()),
    "reprendre": frozenset("pouvoir contrôle main".split()),
    "trouver": frozenset("accord compromis entente".split()),
    "faire": frozenset("pression appel savoir part".split()),
    "mettre": frozenset("garde fin terme pression contribution".split()),
    "hausser": frozenset(["ton"]),
    "donner": frozenset("ordre feu accord".split()),
    "take": frozenset("control power action measures step steps".split()),
    "reach": frozenset("agreement deal".split()),
}
# Verbs whose object or "de"/"à" complement is someone asked, accused or sanctioned: an agent, so a
# capital there is its government ("Washington a sommé Pyongyang de cesser", "Paris exige de Moscou le
# retrait", "accuser Téhéran", "demander à Pékin de"). Verbs that take a place as object are not here
# ("frapper Paris", "visiter Moscou").
_ADDRESSEE_VERBS = frozenset(
    """sommer exhorter accuser sanctionner féliciter remercier inviter presser appeler persuader convaincre
    exiger demander réclamer reprocher blâmer condamner critiquer avertir prévenir supplier implorer
    urge accuse sanction praise press condemn criticize criticise warn""".split()
)
# Verbs that make a demand of the agent their "de" complement names ("Washington attend de Moscou
# qu'elle respecte les accords", "obtenir de Pékin des garanties"); without "de" they are no acts of a
# government ("Paris attend la neige").
_DEMAND_DE_VERBS = frozenset(["attendre", "obtenir", "expect"])
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
    if lemmas & _DEMAND_DE_VERBS and any(
        any(g.lower_ in ("de", "d'", "d’", "from") for g in c.children if g.dep_ in ("case", "prep"))
        for c in verb.children
        if c.dep_ in ("obl", "obl:arg", "obj", "iobj", "prep")
    ):
        return True
    objects = {c.lemma_.lower() for c in verb.children if c.dep_ in ("obj", "dobj", "obl", "obl:arg", "obl:mod")}
    if any(lemmas & {light} and objects & nouns for light, nouns in _LIGHT_VERBS.items()):
        return True
    direct = {c.lemma_.lower() for c in verb.children if c.dep_ in ("obj", "dobj")}
    if direct & _STATE_NOUNS:
        # A political act named by its object: "renforcer son soutien", "durcir ses sanctions",
        # "maintenir sa position" (the nouns after which "de Moscou" is the government, too).
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
    if root.dep_ in ("obj", "dobj", "iobj", "obl:arg", "obl", "pobj") and head.pos_ in ("VERB", "ADP"):
        gov = head.head if head.pos_ == "ADP" else head
        lemmas = verb_lemmas(gov.lemma_.lower(), gov.lower_, lang or "fr")
        if lemmas & _ADDRESSEE_VERBS and markers <= {"de", "d'", "d’", "à"}:
            return True  # "sommer Pyongyang de", "exiger de Moscou", "demander à Pékin de"
        if lemmas & _DEMAND_DE_VERBS and markers & {"de", "d'", "d’"}:
            return True  # "attendre de Moscou qu'elle respecte …"
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
    after_comma = span.start > 0 and doc[span.start - 1].text == ","
    if (root.dep_ in ("conj", "dep", "ROOT") or after_comma) and (verb := _linear_subject(span)) is not None:
        # A name opening a clause after a comma is its subject, whatever the parser hung it on
        # ("Selon X, Washington attend de Moscou …" parsed as a modifier of X).
        return _state_predicate(verb, lang)
    return False


@dataclass
class _Group:
    key: str
    forms: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    organisation: bool = False  # a seat of an organisation standing for it (organisation_seats.tsv)
    state: str | None = None  # the ISO3 of the state its country names and acting capitals stand for


@dataclass(frozen=True)
class _Mention:
    """A name found in the text: character offsets, text, contract type (or _ROLE) and model label."""

    start: int
    end: int
    text: str
    etype: str
    label: str = ""
    role: str | None = None  # a role phrase's folded key ("premier ministre")


# A mention that is a role phrase ("le Premier ministre", "président de la République"): it designates
# the office holder the article names, else nobody (see EntityGrouper._attach_roles).
_ROLE = "ROLE"

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
    """Character offsets and text of a mention with edge punctuation, spaces, leading articles and
    prepositions removed."""
    text = span.text
    left = len(text) - len(text.lstrip(_TRIM))
    right = len(text.rstrip(_TRIM))
    if right <= left:
        return None
    if right < len(text) and text[right] == "." and _DOTTED.search(text, left, right):
        right += 1  # "U.S." keeps its last full stop
    person = label in ("PER", "PERSON")
    # A preposition the model let in goes ("aux forces armées", "de la Sarthe", "au Caire"), then a
    # plain article ("la France", "le Kremlin"); capitalised articles are parts of people's names ("Le
    # Pen", "La Fontaine") and articles elsewhere ("La France", "Le Kremlin"). One of each at most:
    # "La La Land" keeps its second "La".
    prep = (_LEADING_PREP_PER if person else _LEADING_PREP).match(text, left, right)
    if prep and prep.end() < right:
        left = prep.end()
    elif (cap := _LEADING_PREP_CAP.match(text, left, right)) and gazetteer().lookup(text[cap.end() : right]):
        left = cap.end()
    det = _LEADING_DET.match(text, left, right) or (None if person else _LEADING_DET_CAP.match(text, left, right))
    if det and det.end() < right:
        left = det.end()
    poss = _POSSESSIVE.search(text, left, right) if text[left:right].count(" ") < 6 else None
    if poss is not None and poss.start() > left and text[poss.start() - 1].isalpha():
        right = poss.start()  # "Ian Paisley's" -> "Ian Paisley"; "Reuters'" -> "Reuters"
    start = span.start_char + left
    return start, span.start_char + right, text[left:right]


# Function words that end no name: a mention running over them ("Congrès américain contre la") is cut
# before them. Lower-case only: "Kim Jong Un" ends with a capitalised "Un". Per language: French "or"
# is a noun ("Palme d'or"), English "des" is no word.
_FUNCTION_WORDS = {
    "fr": frozenset(
        """de du des d' d’ d l' l’ l la le les et ou à au aux en pour par sur contre avec dans sans chez
        entre vers selon""".split()
    ),
    "en": frozenset("of the and or to for by on in with at from a an".split()),
}
_DE_FORMS = frozenset(["de", "du", "des", "d'", "d’", "of"])
_ARTICLES = frozenset(["la", "l'", "l’", "les", "le", "the"])
# Capitalised particles that begin a surname and cannot end a name: "Armel Le" is cut from "Armel Le
# Cléac'h", "Ursula von der" from "Ursula von der Leyen".
# The speaker resolver reads them too ("al-Sissi" is a name).
NAME_PARTICLES = frozenset("le la de du des van von der den da di del dos ben bin el al abu abou".split())
# Last words of organisations' names that a given name may begin ("John Deere Co"): not a person.
_ORG_SUFFIXES = frozenset("inc corp co ltd plc llc sa ag nv group bank fund party foundation".split())


_DETERMINERS = frozenset("le la les l' l’ un une ce cet cette son sa ses leur the a an this".split())


def _det(tok: Token) -> bool:
    """Whether a token is a determiner (by the parse, or by its form when there is no parse)."""
    return tok.pos_ == "DET" or tok.lower_ in _DETERMINERS


def _cap(tok: Token) -> bool:
    """Whether a token is written like a word of a name: a capital, then letters ("Corée", "ONU")."""
    return tok.text[:1].isupper() and any(c.isalpha() for c in tok.text)


def _is_function(tok: Token, lang: str | None = None) -> bool:
    """Whether a token is a lower-case function word of ``lang`` (of French or English for None)."""
    if not tok.text.islower():
        return False
    return any(tok.lower_ in _FUNCTION_WORDS[lg] for lg in ((lang,) if lang in _FUNCTION_WORDS else ("fr", "en")))


def _name_run(doc: Doc, k: int) -> int:
    """The end of the run of name words from token ``k`` ("Corée", "Mont-Saint-Michel", "Le Drian"),
    with lower-case particles between capitalised words ("Bosnie-et-Herzégovine", "Saint-Pierre et
    Miquelon" stop at the space)."""
    end = k
    i = k
    while i < len(doc):
        tok = doc[i]
        if _cap(tok) or (i > k and not doc[i - 1].whitespace_ and tok.text[:1] in "'’-" and tok.text[1:].isalpha()):
            i += 1  # "Cléac" + "'h": a piece glued to the word before belongs to it
            end = i
        elif tok.lower_ in NAME_PARTICLES and i + 1 < len(doc) and _cap(doc[i + 1]) and i > k:
            i += 1
        else:
            break
    return end


def _after_de(doc: Doc, start: int, end: int) -> int | None:
    """The first token after a trailing "de"/"du"/"de la"/"d'" of a mention, if the mention ends so and
    a name follows ("péninsule de" + "Corée", "fête de" + "Noël"), else None."""
    if end - start < 2:
        return None
    last = doc[end - 1]
    if last.lower_ in _ARTICLES and doc[end - 2].lower_ in _DE_FORMS and end - start >= 3:
        pass
    elif last.lower_ not in _DE_FORMS:
        return None
    if end < len(doc) and _cap(doc[end]) and not doc[end].is_sent_start:
        return end
    return None


_QUOTES = frozenset(['"', "«", "»", "“", "”"])


def _head_before_name(doc: Doc, start: int, end: int, heads: frozenset[str]) -> int | None:
    """The token where the name starts in a mention "<head> de <Name>" whose lower-case head noun is
    one of ``heads`` ("ville de Nantes" → "Nantes"), else None."""
    if end - start < 3 or not doc[start].text.islower() or fold(doc[start].text) not in heads:
        return None
    k = start + 1
    if doc[k].lower_ not in _DE_FORMS:
        return None
    k += 1
    while k < end and doc[k].lower_ in _ARTICLES:
        k += 1
    return k if k < end and _cap(doc[k]) else None


# Courtesy titles written before a surname ("M. Hollande", "Mrs Jordan"): see dateline.entities.resolve.
_COURTESY = frozenset("m. mme mlle monsieur madame mademoiselle mr mr. mrs mrs. ms ms. dr dr.".split())


def _country_as_surname(doc: Doc, i: int, lang: str | None) -> bool:
    """Whether the name at token ``i``, a country's (or a surname country's) name, is a person's
    surname: right after a given name or a courtesy title ("Anatole France", "Mme Jordan")."""
    tok, prev = doc[i], doc[i - 1]
    place = gazetteer().lookup(tok.text, lang)
    known = (place is not None and place.kind == "country") or fold(tok.text) in resources.surname_countries(lang)
    if not known or not prev.text[:1].isupper() or prev.whitespace_ == "":
        return False
    return _given(prev.text, lang) or prev.lower_ in _COURTESY


def _place_head_before(doc: Doc, start: int, heads: frozenset[str]) -> int | None:
    """The position of a geographic head noun before "de" and the mention ("la péninsule de" +
    "Corée", "le golfe du" + "Mexique"), which is part of the place's name, else None."""
    i = start - 1
    if i >= 0 and doc[i].lower_ in _ARTICLES - {"le", "les"}:
        i -= 1
    if i < 0 or doc[i].lower_ not in _DE_FORMS:
        return None
    i -= 1
    if i >= 0 and doc[i].text.islower() and fold(doc[i].text) in heads:
        return i
    return None


def _person_tail(doc: Doc, start: int, end: int) -> int | None:
    """Where a person's name begins inside an organisation's or a place's mention that runs into it:
    "Nations unies Staffan de Mistura", "Parti socialiste Benoît Hamon" (a capitalised run of two or
    more words right after a lower-case word of the organisation's name). None when there is none; a
    tail that is a place ("gare Montparnasse de Paris") or has figures ("Coupe du monde Russie 2018")
    is no person."""
    if not _cap(doc[start]):
        return None
    gaz = gazetteer()
    for k in range(start + 1, end - 1):
        prev = doc[k - 1]
        if not (prev.text.isalpha() and prev.text.islower() and not _is_function(prev)):
            continue
        if not _cap(doc[k]) or _name_run(doc, k) < end:
            continue
        tail = doc[k:end]
        caps = [t for t in tail if _cap(t)]
        if len(caps) < 2 or any(ch.isdigit() for ch in tail.text):
            continue
        if any(gaz.lookup(t.text) is not None for t in caps) or gaz.lookup(tail.text) is not None:
            continue
        return k
    return None


@dataclass(frozen=True)
class _Title:
    """A mention read as a title: the folded role phrase without its article ("premier ministre"), where
    a name after the title starts (None for a role phrase alone), and a complement that names an
    institution or a place ("Parti socialiste" in "Premier secrétaire du Parti socialiste")."""

    role: str
    name: int | None
    complement: tuple[int, int] | None


def _title_of(doc: Doc, start: int, end: int, lang: str | None, label: str) -> _Title | None:
    """Read a mention as a title, or None when it does not start with one.

    A title is an office of ``[office_titles]``, optionally after ``[role_modifiers]`` ("l'ancien
    Premier ministre", "le vice-président"), with adjectives and complements ("ministre russe des
    Affaires étrangères", "président de la République"). A name may follow ("Premier ministre Justin
    Trudeau", "président de la République Emmanuel Macron", "prince Harry"): see _name_after_title. A
    single capitalised title with no article before it in the text ("Prince a chanté") may be a name
    and is not read as a title.
    """
    w = resources.words(lang)
    i = start
    while i < end and _det(doc[i]):
        i += 1
    first = i
    while i < end and (fold(doc[i].text) in w["role_modifiers"] or doc[i].lower_.startswith("ex-")):
        i += 1
    j = next(
        (
            i + n
            for n in (3, 2, 1)
            if i + n <= end and fold(" ".join(t.text for t in doc[i : i + n])) in w["office_titles"]
        ),
        None,
    )
    if j is None and i > first and fold(doc[i - 1].text) in w["office_titles"]:
        j = i  # an office that is also a modifier ("premier" in "le Premier"): "vice" alone is none
    if j is None:
        return None
    if lang != "en" and doc[first].text[:1].isupper() and not (first > 0 and _det(doc[first - 1])) and i == first:
        # A French title before a name is written in lower case ("le pape François"); a capitalised one
        # with no article before it is a name's first word ("Pape Diouf", "Maire" as a surname).
        return None
    name = _name_after_title(doc, j, end, lang)
    if name is not None and label not in ("PER", "PERSON") and not _given(doc[name].text, lang):
        # Outside a person's mention the title and the name must be a person's: "General Partners",
        # "General Accounting Office" are organisations' names, no title before a name.
        return None
    stop = name if name is not None else end
    for k in range(j, stop):
        if doc[k].lower_ in ("et", "and", "ou", "or") or doc[k].text in (",", "(", ";"):
            stop = k  # "Premier ministre et la ministre du Travail": the first title only
            break
    complement = None
    for k in range(j, stop):
        if doc[k].lower_ in _DE_FORMS:
            c = k + 1
            while c < stop and doc[c].lower_ in _ARTICLES:
                c += 1
            if c < stop and _cap(doc[c]) and fold(doc[c].text) not in w["office_domains"]:
                particle = doc[k].lower_ in ("de", "d'") and c == k + 1 == stop - 1
                if name is None and label in ("PER", "PERSON") and particle:
                    # "général de Gaulle": "de" and one capitalised word closing a person's mention are
                    # the person's surname, not a complement.
                    return _Title(fold(doc[first:k].text), k, None)
                complement = (c, stop)
            break
    if name is None and end - first == 1 and _cap(doc[first]) and not (first > 0 and _det(doc[first - 1])):
        return None
    role = fold(doc[first : name if name is not None else stop].text)
    return _Title(role, name, complement)


def _name_after_title(doc: Doc, j: int, end: int, lang: str | None) -> int | None:
    """Where a person's name starts after a title ending at token ``j``, if the mention ends with one:
    right after the title or a lower-case adjective ("Premier ministre Justin Trudeau", "président
    américain Trump"), or after a capitalised complement when the name has two words or a known given
    name ("président de la République Emmanuel Macron"; "président du Front National" has none)."""
    for k in range(j, end):
        tok = doc[k]
        if not _cap(tok) or _name_run(doc, k) != end:
            continue
        prev = doc[k - 1]
        if prev.lower_ in _DE_FORMS or prev.lower_ in _ARTICLES:
            if _given(tok.text, lang):
                return k  # "Premier ministre de Marine Le Pen": a person after "de"
            continue  # a complement's first word: "de la République"
        if k == j or (prev.text.isalpha() and prev.text.islower() and not _is_function(prev, lang)):
            return k
        if _cap(prev) and (sum(1 for t in doc[k:end] if _cap(t)) >= 2 or _given(tok.text, lang)):
            return k
    return None


def _given(word: str, lang: str | None) -> bool:
    """Whether a word is a given name of the resource lists or of :mod:`dateline.names`."""
    return given_name_gender(word) is not None or fold(word) in resources.words(lang)["given_names"]


class EntityGrouper:
    """Writes ``doc._.entities``: one dict per entity, ids ``e1``.. in order of first mention."""

    def __init__(self, nlp: Language, name: str, min_chars: int, lang: str | None = None) -> None:
        self.name = name
        self.min_chars = min_chars
        self.lang = lang or (nlp.lang if nlp.lang in ("fr", "en") else None)
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        groups: dict[str, _Group] = {}
        gaz = gazetteer()
        roles: list[_Mention] = []
        titled: list[tuple[str, int]] = []
        for m in self._mentions(doc, titled):
            start, end, text, etype = m.start, m.end, m.text, m.etype
            key = name_key(text)
            if len(key) < self.min_chars or len(text) > MAX_NAME_CHARS or not any(ch.isalpha() for ch in key):
                continue
            if etype == _ROLE:
                roles.append(m)
                continue
            place = gaz.lookup(text, self.lang)
            if is_media(text, self.lang):
                etype = "ORG"  # "France 2", "BFMTV": a channel is an organisation (media), never a place
                place = None
            org = None
            state = None
            if (
                place is not None
                and place.kind == "metonym"
                and place.acting
                and not _acts_as_state(doc, start, end, self.lang)
            ):
                # "les berges de Bercy", "la gare de Bercy": the district, not the ministry
                key, etype, place = key + _PLACE, "LOC", None
            if place is not None and place.kind == "capital" and _acts_as_state(doc, start, end, self.lang):
                # "Moscou a rejeté…" is Russia's government: one entity with the country's other names
                # in the article; "à Moscou, il neige" is the city, an entity of its own.
                org = resources.organisation_seats(self.lang).get(fold(strip_determiners(text)))
                if org is None:
                    state = place.iso3
                else:
                    # "Bruxelles exige": the organisation seated there, one entity with its own name.
                    key, etype = name_key(org), "ORG"
            elif (
                place is not None
                and place.iso3
                and (place.kind == "country" or (place.kind == "demonym" and etype == "GPE" and not _has_lower(text)))
            ):
                # Every name of one state in an article is one entity: "la Russie", "la Fédération de
                # Russie"; "les États-Unis", "les USA", "U.S." (an abbreviation the model calls a place).
                state = place.iso3
            aliases = resources.organisation_aliases(self.lang)
            canonical = aliases.get(text.strip()) or (None if text.replace(".", "").isupper() else aliases.get(key))
            if canonical is not None and state is None:
                # "LREM", "En marche", "République en marche": one organisation, by its canonical name
                key, etype, org = name_key(canonical), "ORG", canonical
            surname_country = resources.surname_countries(self.lang).get(key)
            if surname_country is not None:
                if _PLACE_BEFORE.search(doc_text(doc), max(0, start - 12), start):
                    state, etype = surname_country, "GPE"  # "la Hollande", "en Hollande": the country
                else:
                    etype = "PER"  # "Hollande", "M. Hollande", "les années Hollande": the person
            if state is not None:
                key = _STATE + state
            group = groups.setdefault(key, _Group(key))
            if state is not None:
                group.state = state
            if org is not None:
                group.forms[org] += 0  # its name, not counted as a mention
                group.organisation = canonical is None  # a seat standing for an organisation
            group.forms[text] += 1
            group.types[etype] += 1
            group.mentions.append((start, end))
        self._attach_surnames(groups)
        self._merge_groups(groups)
        self._attach_roles(doc, groups, roles, titled)
        self._rescue(doc, groups, roles)
        entities: list[dict[str, Any]] = []
        ordered = sorted(groups.values(), key=lambda g: min(g.mentions))
        for i, g in enumerate(ordered, 1):
            name = self._name(g)
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

    def _rescue(self, doc: Doc, groups: dict[str, _Group], roles: list[_Mention]) -> None:
        """Add the occurrences of names the model missed: a name it found elsewhere in the article (a
        name of two words or more, or a person's surname), and the name of a country ("Au Royaume-Uni
        la campagne…" untagged). An occurrence inside a longer name is none: one right after or before
        a capitalised word ("Jean-Marie Le Pen" for "Le Pen", "France Télévisions" for "France") or a
        figure ("France 2") is left alone."""
        text = doc_text(doc)
        taken = [se for g in groups.values() for se in g.mentions] + [(m.start, m.end) for m in roles]

        def free(s: int, e: int) -> bool:
            return not any(ts < e and s < te for ts, te in taken)

        def isolated(s: int, e: int) -> bool:
            before = _WORD_BEFORE.search(text, max(0, s - 40), s)
            if before is not None:
                word, opens = before.group(2), before.group(1) is not None
                if word[:1].isupper() and not opens and fold(word) not in _OPENERS:
                    return False  # a capitalised word inside the sentence before it: a longer name
            return _NAME_AFTER.match(text, e) is None

        def add(g: _Group, s: int, e: int, etype: str) -> None:
            g.mentions.append((s, e))
            g.types[etype] += 1
            taken.append((s, e))

        for g in list(groups.values()):
            main = g.types.most_common(1)[0][0]
            forms = [
                f
                for f in g.forms
                if g.forms[f] > 0 and (len(f.split()) >= 2 or (main == "PER" and len(f) >= 4 and f[:1].isupper()))
            ]
            for f in forms:
                for m in re.finditer(rf"(?<![\w-]){re.escape(f)}(?![\w-])", text):
                    if free(m.start(), m.end()) and isolated(m.start(), m.end()):
                        add(g, m.start(), m.end(), main)
        gaz = gazetteer()
        for m in _country_pattern(self.lang).finditer(text):
            if not (free(m.start(), m.end()) and isolated(m.start(), m.end())) or is_media(m.group(), self.lang):
                continue
            place = gaz.lookup(m.group(), self.lang)
            if place is None or place.kind != "country" or not place.iso3:
                continue
            key = _STATE + place.iso3
            g = groups.setdefault(key, _Group(key, state=place.iso3))
            g.forms[m.group()] += 1
            add(g, m.start(), m.end(), "GPE")

    def _name(self, g: _Group) -> str:
        """The name of an entity: for a state, its most frequent country name in the article, else the
        gazetteer's ("Moscou a rejeté…" alone is named "Russie"); otherwise the longest of the most
        frequent forms ("Sergueï Lavrov" over "Lavrov")."""
        if g.state is not None:
            gaz = gazetteer()
            named = [
                f
                for f in g.forms
                if g.forms[f] > 0 and (p := gaz.lookup(f, self.lang)) is not None and p.kind == "country"
            ]
            if named:
                return max(named, key=lambda f: (g.forms[f], len(f)))
            canonical = gaz.country_name(g.state, "en" if self.lang == "en" else "fr")
            if canonical:
                return canonical
        return max(g.forms, key=lambda f: (len(f.split()), g.forms[f], len(f)))

    def _mentions(self, doc: Doc, titled: list[tuple[str, int]]) -> list[_Mention]:
        """NER mentions (repaired, trimmed, mapped to contract types) plus names found in the text.

        A gazetteer match replaces the NER mentions it overlaps: "État islamique" over the model's
        "État" (LOC), "Daech" (ORG) over "Daech" (PER). ``titled`` receives (role, start) for each name
        the model gave with its title ("Premier ministre Justin Trudeau").
        """
        text_all = doc_text(doc)
        found = [_Mention(m.start(), m.end(), m.group(), "ORG") for m in _scan_pattern(self.lang).finditer(text_all)]
        out = list(found)
        demonyms: list[tuple[int, int, str, bool]] = []
        doc.user_data[_DEMONYMS_KEY] = demonyms
        starts = {e.start: e for e in doc.ents}
        consumed: set[int] = set()
        for ent in doc.ents:
            if ent.start in consumed:
                continue
            etype = LABEL_MAP.get(ent.label_)
            if etype is None:
                continue
            for s, e, piece_type, role in self._repair(doc, ent, etype, starts, consumed, titled):
                trimmed = _trimmed(doc[s:e], "PER" if piece_type == "PER" else ent.label_)
                if trimmed is None:
                    continue
                if piece_type in ("PER", _ROLE):
                    start, end, text = trimmed  # people's names take no number ("Le Pen 10 …")
                else:
                    start, end, text = _with_number(text_all, *trimmed[:2])
                overlapping = [m for m in found if m.start < end and start < m.end]
                if any(not self._seat_inside(m, start, end) for m in overlapping):
                    continue
                for m in overlapping:
                    # A seat's name inside a longer name is part of it: "gare de Paris Bercy", "place
                    # Beauvau" (the NER mention is kept, whatever it names).
                    found.remove(m)
                    out.remove(m)
                if piece_type == _ROLE:
                    out.append(_Mention(start, end, text, _ROLE, ent.label_, role))
                    continue
                nationality = self._demonym(text, ent.label_)
                if nationality is not None:
                    noun = any(t.pos_ in ("NOUN", "PROPN") for t in doc[s:e]) or not doc.has_annotation("POS")
                    demonyms.append((start, end, nationality, noun))
                    continue
                if self._not_a_name(doc, text, piece_type, ent.label_, s, e):
                    continue
                out.append(_Mention(start, end, text, self._typed(text, piece_type), ent.label_))
        return sorted(out, key=lambda m: (m.start, m.end))

    def _seat_inside(self, m: _Mention, start: int, end: int) -> bool:
        """Whether a scanned name is a seat of government strictly inside the span ``[start, end)``."""
        if not (start <= m.start and m.end <= end and (start, end) != (m.start, m.end)):
            return False
        place = gazetteer().lookup(m.text, self.lang)
        return place is not None and place.kind == "metonym"

    def _repair(
        self,
        doc: Doc,
        ent: Span,
        etype: str,
        starts: dict[int, Span],
        consumed: set[int],
        titled: list[tuple[str, int]],
    ) -> list[tuple[int, int, str, str | None]]:
        """Token pieces of one NER mention, with corrected boundaries: (start, end, type, role).

        - a mention cut after "de" takes the name that follows ("péninsule de" + "Corée"), unless its
          head is a classifier ("ville de" + "Nantes" is "Nantes");
        - function words at its end go ("Congrès américain contre la");
        - a person's name ending on a particle takes the next word ("Armel Le" + "Cléac'h");
        - a place after a geographic head noun and "de" takes the noun ("péninsule de" + [Corée]);
        - a title before a name goes, the name staying ("Premier ministre Justin Trudeau"), and a role
          phrase alone is marked _ROLE ("le Premier ministre");
        - a person's name after an organisation's name is its own mention ("Nations unies Staffan de
          Mistura").
        """
        w = resources.words(self.lang)
        start, end = ent.start, ent.end
        quote = next((i for i in range(start + 1, end) if doc[i].text in _QUOTES), None)
        if quote is not None:
            end = quote  # "La tentation Macron "Troisième …": a title glued to the text ends the name
        head = _head_before_name(doc, start, end, w["classifiers"])
        if head is not None:
            # "la ville de Nantes", "le département du Cher": the head noun classifies the place; the
            # mention is the place.
            start = head
            etype = "LOC" if etype in ("MISC", "PER") else etype
        k = _after_de(doc, start, end)
        if k is not None and k in starts:
            k = None  # the name after "de" is a mention of its own ("sommet de l'" + "Alliance atlantique")
        if k is not None:
            new_end = _name_run(doc, k)
            if doc[start].text.islower() and fold(doc[start].text) in w["classifiers"]:
                start = k  # "la ville de Nantes": the classifier is no part of the name
                if etype == "MISC":
                    etype = "LOC"
            end = new_end
        else:
            while end - start > 1 and _is_function(doc[end - 1], self.lang):
                end -= 1
        if (
            etype == "PER"
            and end < len(doc)
            and doc[end - 1].lower_ in NAME_PARTICLES
            and doc[end - 1].text[:1].isupper()
            and _cap(doc[end])
        ):
            consumed.update(x for x in starts if x == end)
            end = _name_run(doc, end)
        if etype != "PER":
            head = _place_head_before(doc, start, w["place_heads"])
            if head is not None:
                start, etype = head, "LOC"
        if etype != "PER" and start > 0 and end - start == 1 and _country_as_surname(doc, start, self.lang):
            # "Anatole France", "M. Hollande": a country's name after a given name or a courtesy title
            # is a person's surname; the model tagged the place alone.
            start, etype = start - 1, "PER"
        title = _title_of(doc, start, end, self.lang, ent.label_)
        if title is not None:
            pieces: list[tuple[int, int, str, str | None]] = []
            if title.complement is not None:
                cs, ce = title.complement
                ctype = etype if etype != "PER" else ("ORG" if ce - cs > 1 else "LOC")
                pieces.append((cs, ce, ctype, None))
            if title.name is not None:
                pieces.append((title.name, end, "PER", None))
                titled.append((title.role, doc[title.name].idx))
            else:
                role_end = title.complement[0] if title.complement else end
                while role_end - start > 1 and _is_function(doc[role_end - 1], self.lang):
                    role_end -= 1  # "président de la" + [Catalogne]: the role phrase and the place
                pieces.append((start, role_end, _ROLE, title.role))
            return sorted(pieces)
        if etype != "PER":
            tail = _person_tail(doc, start, end)
            if tail is not None:
                return [(start, tail, etype, None), (tail, end, "PER", None)]
        return [(start, end, etype, None)]

    def _demonym(self, text: str, label: str) -> str | None:
        """The ISO3 of a nationality word the model tagged as a name ("les Français", "les Américains",
        "Japanese"): a population or an adjective, not a state, and no entity. "U.S.", "UK" are no
        demonyms here (abbreviations of the country's name), nor a media name; English has its own label
        for nationalities, which must agree; the French demonym tables list demonyms only."""
        if is_media(text, self.lang) or not _has_lower(text) or (self.lang == "en" and label != "NORP"):
            return None
        place = gazetteer().lookup(text, self.lang)
        return place.iso3 if place is not None and place.kind == "demonym" else None

    def _not_a_name(self, doc: Doc, text: str, etype: str, label: str, s: int, e: int) -> bool:
        """Whether a mention names nothing: a date, boilerplate, a common noun, a pronoun."""
        w = resources.words(self.lang)
        if _date_like().match(text):
            return True  # "Vendredi 7 juillet" is a time expression the model took for a name
        if etype != "PER" and text[:1].islower() and text.split()[0].lower() in _person_titles():
            return True  # "ministre russe des Affaires": a person's title the model cut into an organisation
        key = name_key(text)
        if key in w["not_names"]:
            return True  # broadcast boilerplate ("JT"): no one and nothing is named
        words = key.split()
        if words and words[0] in w["common_nouns"] and all(x.islower() for x in text.split()[1:]):
            return True  # "l'État", "l'État français": a common noun, not a name
        if is_media(text, self.lang):
            return False
        toks = doc[s:e]
        if (
            not any(ch.isupper() for ch in text)
            and not any(t.pos_ == "PROPN" for t in toks)
            and gazetteer().lookup(text, self.lang) is None
        ):
            return True  # "ça", "monde": no capital and no proper noun ("ecuador" in a text in lower case is)
        return key in w["pronouns"]  # "Ça" at the start of a sentence

    def _typed(self, text: str, etype: str) -> str:
        """The type of a mention, corrected where the model is known to err: in English, a "First Last"
        name whose first word is a known given name is a person ("Paul Mellon" tagged a place), unless
        the gazetteer knows it or it ends like a company's name ("John Deere Co")."""
        if self.lang != "en" or etype == "PER":
            return etype
        words = text.split()
        if (
            2 <= len(words) <= 3
            and all(x[:1].isupper() and x.replace(".", "").replace("-", "").isalpha() for x in words)
            and _given(words[0], self.lang)
            # a middle word is an initial or a given name ("J. David Barnes"), not "Citrus Products"
            and (len(words) == 2 or words[1].endswith(".") or _given(words[1], self.lang))
            and fold(words[-1]).rstrip(".") not in _ORG_SUFFIXES
            and gazetteer().lookup(text, self.lang) is None
            and not is_media(text, self.lang)
        ):
            return "PER"
        return etype

    def _attach_roles(
        self, doc: Doc, groups: dict[str, _Group], roles: list[_Mention], titled: list[tuple[str, int]]
    ) -> None:
        """Give each role phrase to the person who holds the office in the article, or drop it.

        The holder is named next to a role phrase ("le Premier ministre Bernard Cazeneuve", "Bernard
        Cazeneuve, le Premier ministre"), or with the title in the model's own mention ("Premier
        ministre Justin Trudeau"), or next to the same phrase elsewhere in the text ("…, a dit le
        président de la République" after "le président de la République Emmanuel Macron"). With
        several holders of one role, the one named last before the phrase (else first after) is meant;
        with none, the phrase names nobody and is no entity ("l'ancien Premier ministre" is someone
        else than "le Premier ministre", so modifiers are part of the role).
        """
        if not roles:
            return
        text = doc_text(doc)
        person_at: dict[int, _Group] = {}
        person_end: dict[int, _Group] = {}
        for g in groups.values():
            if g.types.most_common(1)[0][0] == "PER":
                for s, e in g.mentions:
                    person_at[s] = g
                    person_end[e] = g
        evidence: dict[str, list[tuple[int, _Group]]] = {}
        for role, pos in titled:
            if pos in person_at:
                evidence.setdefault(role, []).append((pos, person_at[pos]))
        surfaces = {m.role: m.text for m in roles if m.role}
        for role, surface in surfaces.items():
            pattern = re.compile(r"(?<!\w)" + re.escape(surface).replace(r"\ ", r"\s+") + r"(?!\w)", re.IGNORECASE)
            for hit in pattern.finditer(text):
                after = re.match(r"[ \t]+", text[hit.end() :])
                nxt = hit.end() + (after.end() if after else 0)
                if nxt in person_at and after:
                    evidence.setdefault(role, []).append((hit.start(), person_at[nxt]))
                before = re.search(r"\s*,\s*(?:(?:le|la|l['’]|the)\s*)?$", text[max(0, hit.start() - 9) : hit.start()])
                if before is not None and hit.start() - len(before.group()) in person_end:
                    evidence.setdefault(role, []).append((hit.start(), person_end[hit.start() - len(before.group())]))
        for m in roles:
            found = evidence.get(m.role or "", [])
            holders = {id(g): g for _, g in found}
            if not holders:
                continue  # no holder named: a role phrase is no entity
            if len(holders) == 1:
                holder = next(iter(holders.values()))
            else:
                before_m = [(p, g) for p, g in found if p <= m.start]
                holder = max(before_m, key=lambda pg: pg[0])[1] if before_m else min(found, key=lambda pg: pg[0])[1]
            if holder.key not in groups or groups[holder.key] is not holder:
                continue
            holder.mentions.append((m.start, m.end))
            holder.types["PER"] += 1

    def _geo(self, doc: Doc, name: str, etype: str, group: _Group) -> tuple[str, str | None]:
        """Type and ISO3 country of an entity from the gazetteer (see the module docstring)."""
        if group.organisation:
            return "ORG", None  # "Bruxelles" for the EU: no state's country
        if group.state is not None:
            return "GPE", group.state
        if group.key.endswith(_PLACE):
            return "LOC", None  # a seat's name read as the place it also is ("les berges de Bercy")
        place: Place | None = None
        for form in sorted(group.forms, key=lambda f: -group.forms[f]):
            place = gazetteer().lookup(form, self.lang)
            if place is not None:
                break
        person_name = etype == "PER" and len(name.split()) > 1
        if place is not None and not person_name:
            if place.kind == "country":
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

    def _attach_surnames(self, groups: dict[str, _Group]) -> None:
        """Merge a person's bare surname, titled or not ("Lavrov", "M. Lavrov", "Le Pen", "madame Le
        Pen"), into the unique fuller person name of the article ending with it.

        A title's sex must not contradict the first name: with both Marine and Jean-Marie Le Pen in the
        article, "madame Le Pen" is Marine and "Monsieur Le Pen" Jean-Marie, while "Le Pen" stays apart.
        A surname the model typed a place or an organisation ("Nakasone" as a country in English news)
        is the person's too, unless the gazetteer knows the name as a place.
        """
        people = []
        for g in groups.values():
            _, words = split_title(g.key)
            if g.types.get("PER", 0) > 0 and not is_bare_surname(words) and g.state is None:
                people.append((g, words))
        gaz = gazetteer()
        for key in list(groups):
            short = groups[key]
            sex, words = split_title(key)
            if not is_bare_surname(words) or short.state is not None or short.organisation:
                continue
            if short.types.most_common(1)[0][0] != "PER":
                form = max(short.forms, key=lambda f: short.forms[f])
                if len(words) != 1 or gaz.lookup(form, self.lang) is not None or is_media(form, self.lang):
                    continue
            owners = [
                g for g, full in people if len(full) > len(words) and full[-len(words) :] == words and _sex_fits(sex, g)
            ]
            if short.types.most_common(1)[0][0] != "PER":
                # A name the model typed otherwise joins a person only if the person's name looks like one
                # ("Hervé Dupont", not "ALP Dupont" run in from a heading in capitals).
                owners = [g for g in owners if _has_lower(max(g.forms, key=lambda f: g.forms[f]).split()[0])]
            if len(owners) == 1:
                owner = owners[0]
                owner.forms.update({f: 0 for f in short.forms})  # known forms, not counted as names
                owner.types.update({"PER": sum(short.types.values())})
                owner.mentions.extend(short.mentions)
                del groups[key]


def _has_lower(text: str) -> bool:
    """Whether a name has a lower-case letter: "Français" has, the abbreviations "U.S." and "UK" have not."""
    return any(ch.islower() for ch in text)


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
