"""``dateline_events``: PLOVER-coded events from the dependency parse, with actors, dates and evidence.

For each sentence, words whose lemma is in the language's trigger lexicon
(``dateline/data/events/<lang>/triggers.tsv``, read by :mod:`.resources`) are checked against their
entry (required dependents, pronominal use, particle); the entry's frame says which dependents are the
source and the target, and :mod:`.actors` codes them.
Noun triggers count only when the text says the thing happened — a support verb ("tenir un
entretien"), a participle ("un entretien tenu entre ..."), a time expression, or an intention verb
("se sont prononcés pour la coordination"); otherwise "la coopération entre A et B" is a topic, not
an event. A trigger governed by another one that is a speech act ("ont trouvé un accord sur le
lancement de consultations", "refused to withdraw") is folded into it.

A stated intention keeps the type of the intended act with ``modality: intended`` ("se sont prononcés
pour la coordination" → COOPERATE, intended); its ``cameo`` is CAMEO's "express intent" code (03x for
cooperation, 13x for threats), so converting CAMEO to PLOVER gives what PLOVER's gold standard codes
(AGREE, THREATEN). AGREE about another act ("ont trouvé un accord sur le lancement de consultations")
names that act in ``intent``. Statements themselves are quotes,
not events: "a déclaré" is never a trigger, and events inside reported speech are marked ``reported``.
Events with no actor at all are kept only as further evidence of an event that has actors.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dateline.entities.affiliation import is_country
from dateline.entities.gazetteer import gazetteer
from dateline.events.acceptance import ACCEPT_MODES, acceptance, candidate_features
from dateline.events.actors import Actor, ActorResolver, role_of
from dateline.events.confidence import evidence as evidence_features
from dateline.events.confidence import model
from dateline.events.dates import DateFinder, is_pluperfect
from dateline.events.dedup import merge_duplicates
from dateline.events.lexicon import PARTICIPLE_ENDING, Lexicon, Trigger
from dateline.events.modality import SPEECH_VERBS, covered, intent_governor, modal_of, reported_ranges
from dateline.events.ontology import COOPERATIVE, HOSTILE, ontology
from dateline.events.resources import content_rules, cues, table_rows, trigger_entries, word_list
from dateline.events.syntax import arguments, conjuncts, is_negated, is_passive, is_reflexive, np_tokens, prep_of
from dateline.events.wire import company_continues, is_company_form
from dateline.extensions import doc_text, register_extensions
from dateline.scan import columns

__all__ = ["EventExtractor", "make_event_extractor", "sentences"]

# Types that are speech acts about another action: a trigger under one of them is its content
# ("agreed to cooperate" is AGREE, "demanded the withdrawal" REQUEST, "refused to resign" REJECT).
_DOMINANT = frozenset({"AGREE", "REJECT", "REQUEST", "THREATEN", "ACCUSE", "SUPPORT"})
# CAMEO codes of an intention by the intended act (CAMEO 03x "express intent to ..." for AGREE,
# 13x threats for THREATEN).
_INTENT_CAMEO = {
    "CONSULT": "036",
    "COOPERATE": "030",
    "AID": "033",
    "SUPPORT": "032",
    "CONCEDE": "035",
    "RETREAT": "035",
}
_THREAT_CAMEO = {"ASSAULT": "138", "COERCE": "137", "SANCTION": "131", "MOBILIZE": "138", "PROTEST": "133"}
_NATURAL = frozenset(
    [
        "ouragan",
        "tempête",
        "cyclone",
        "séisme",
        "tremblement",
        "inondation",
        "crue",
        "incendie",
        "canicule",
        "sécheresse",
        "neige",
        "orage",
        "foudre",
        "crise",
        "épidémie",
        "virus",
        "hurricane",
        "storm",
        "cyclone",
        "earthquake",
        "flood",
        "fire",
        "drought",
        "epidemic",
        "virus",
    ]
)
_NO_COMMENT = frozenset(
    [
        "commenter",
        "répondre",
        "exprimer",
        "confirmer",
        "préciser",
        "dire",
        "comment",
        "answer",
        "respond",
        "confirm",
        "say",
        "elaborate",
        "disclose",
        "specify",
        "identify",
        "name",
        "reveal",
        "detail",
        "discuss",
    ]
)
_FIGURATIVE = frozenset({"frapper", "strike", "hit"})
_VERBAL_ATTACK = frozenset({"attaquer", "attaque", "attack", "prendre"})  # "prendre": "s'en prendre à"
_VIOLENCE = frozenset(
    [
        "arme",
        "couteau",
        "fusil",
        "balle",
        "tirer",
        "bombe",
        "explosif",
        "blessé",
        "blesser",
        "tué",
        "tuer",
        "mort",
        "victime",
        "militaire",
        "soldat",
        "armée",
        "terroriste",
        "djihadiste",
        "jihadiste",
        "rebelle",
        "char",
        "missile",
        "frappe",
        "raid",
        "convoi",
        "base",
        "attentat",
        "kalachnikov",
        "otage",
        "knife",
        "gun",
        "weapon",
        "bomb",
        "kill",
        "killed",
        "wound",
        "wounded",
        "dead",
        "troops",
        "soldier",
        "soldiers",
        "army",
        "militant",
        "militants",
        "rebel",
        "rebels",
        "missile",
        "rocket",
        "shell",
    ]
)
_POLITICAL = frozenset(
    [
        "candidat",
        "ministre",
        "président",
        "député",
        "sénateur",
        "parti",
        "gouvernement",
        "opposition",
        "maire",
        "élu",
        "candidate",
        "minister",
        "president",
        "senator",
        "party",
        "government",
        "opposition",
        "mayor",
        "rival",
    ]
)
_POLICE = frozenset(
    [
        "police",
        "policier",
        "policière",
        "gendarme",
        "gendarmerie",
        "gendarmes",
        "enquêteur",
        "enquêteurs",
        "parquet",
        "procureur",
        "juge",
        "judiciaire",
        "suspect",
        "écroué",
        "agresseur",
        "tribunal",
        "plainte",
        "brigade",
        "police",
        "officer",
        "detective",
        "prosecutor",
        "judge",
        "court",
        "suspect",
    ]
)
_HUMAN = frozenset(
    [
        "homme",
        "femme",
        "personne",
        "suspect",
        "individu",
        "jeune",
        "enfant",
        "otage",
        "manifestant",
        "policier",
        "passant",
        "agresseur",
        "auteur",
        "victime",
        "militant",
        "détenu",
        "prisonnier",
        "migrant",
        "réfugié",
        "civil",
        "soldat",
        "gendarme",
        "man",
        "woman",
        "person",
        "suspect",
        "child",
        "hostage",
        "protester",
        "policeman",
        "officer",
        "attacker",
        "victim",
        "militant",
        "prisoner",
        "migrant",
        "refugee",
        "civilian",
        "soldier",
    ]
)
# Adjunct relations: a noun hung on a verb by one of them ("les gendarmes ont ouvert une enquête *dès la plainte*")
# is the circumstance of the verb's act, not the thing the verb names.
_ADJUNCTS = frozenset({"obl:mod", "advmod", "advcl"})
# How many words before a sentence count as its context for the police a check or an inquiry needs.
_POLICE_WINDOW = 60
# Acts that parties named together do with each other (English: "A and B agreed", "A and B met").
_JOINT_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE"})
# Types whose agentless mentions are still events worth keeping ("trois hommes ont été interpellés").
_AGENTLESS_OK = frozenset({"COERCE", "ASSAULT", "RETREAT", "SANCTION", "ACCUSE", "PROTEST", "REQUEST"})
# The sector of a bare person who does an act ("l'individu menaçait de ...", "un homme a frappé"): one
# known only by violence is a criminal (CRM); others are civilians (CVL), CAMEO's default for people.
_AGENT_SECTOR = {"ASSAULT": "CRM", "THREATEN": "CRM", "COERCE": "CRM"}
_FIRST_PERSON = frozenset({"je", "j'", "j’", "nous", "moi", "i", "we"})
_PERSONAL = frozenset({"il", "elle", "ils", "elles", "lui", "eux", "-il", "-elle", "-ils", "-elles"})
# The sector of a bare person ("un homme", "cet ingénieur") an act is done to: the arrested, charged or
# sentenced are suspects, the victims of violence civilians (the annotation guidelines' codes).
# Aid between private persons is between civilians (the guidelines, "Private individuals").
_PATIENT_SECTOR = {"COERCE": "CRM", "ASSAULT": "CVL", "SANCTION": "CRM", "ACCUSE": "CRM", "AID": "CVL"}
# Places where physical acts happen, named without a proper name ("une attaque dans le métro").
_PLACES = frozenset(
    {"aéroport", "gare", "métro", "rue", "caserne", "commissariat", "école", "église", "mosquée", "synagogue",
     "marché", "magasin", "prison", "hôpital", "ambassade", "camp", "village", "quartier", "base", "bus", "train"}
)  # fmt: skip
_QUESTION = frozenset({"si", "s'", "pourquoi", "comment", "quand", "où", "combien"})
_TIME_UNITS = frozenset({"heure", "h", "minute", "seconde", "jour", "matin", "soir", "midi", "minuit"})
_GIVE_INTERVIEW = frozenset({"accorder", "donner", "publier", "diffuser", "paraître"})
_LOCATION_PREPS = frozenset({"à", "en", "dans", "in", "at", "near", "près", "au"})
# Labels the French parser gives a noun set off by a comma that is in fact apposed to the noun before it.
_DETACHED = frozenset({"obl", "obl:mod", "nmod", "dep", "parataxis", "appos"})
# The institution an act's mode implies when the text names no agent (see ``_events``).
_IMPLIED_AGENT = {"arrest": "COP", "convict": "JUD", "investigate": "COP"}
# Types whose target may be a place named after "à"/"en"/"to": a visit ("s'est rendu à Moscou"), aid or
# troops sent somewhere, a withdrawal from somewhere, sanctions on a country.
_PLACE_TARGETS = frozenset({"CONSULT", "AID", "MOBILIZE", "RETREAT", "SANCTION", "COOPERATE"})
_PARTICIPLE_ANCHORS = frozenset({"tenir", "organiser", "conclure", "signer", "mener", "lancer", "hold"})
_SENT_END = re.compile(r"(?<=[.!?…])[»”\"]?\s+(?=[«“\"A-ZÀ-ÖØ-Þ0-9])|\n\s*\n")
# Sentences glued by a corpus's extraction ("la tribune.Les médecins", "tard.L'enquête"): a period after a
# lower-case word or a closing quote, then a capitalised word; never after a capital ("M.Dupont", "J.-P.")
# nor between digits ("1.000").
_GLUED_END = re.compile(_SENT_END.pattern + r"|(?<=[a-zà-öø-ÿ0-9)»”\"][.!?])[»”\"]?(?=[«“\"]?[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’])")
_ABBREV = re.compile(r"(?:\b[A-Z]|\bM|\bMme|\bMr|\bMrs|\bDr|\bSt|\bGen|\bgen|\bSen|\bRep|\bU\.S)\.$")


def sentences(text: str, glued: bool = True) -> list[tuple[int, int]]:
    """Sentence spans by punctuation and blank lines (and, with ``glued``, at periods glued to the next
    sentence by a corpus's extraction).

    Used instead of the parser's sentences because those break at the comma before an inverted
    speech verb ("..., a déclaré le ministre"), which hides the speech frame from the clause.
    """
    out: list[tuple[int, int]] = []
    start = 0
    for m in (_GLUED_END if glued else _SENT_END).finditer(text):
        if _ABBREV.search(text[max(0, m.start() - 4) : m.start()]):
            continue
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    spans = []
    for s, e in out:
        seg = text[s:e]
        left = len(seg) - len(seg.lstrip())
        right = len(seg.rstrip())
        if right > left:
            spans.append((s + left, s + right))
    return spans


@dataclass
class _Cand:
    trigger: Token
    entry: Trigger
    sent: tuple[int, int]
    anchors: list[Token]
    support: Token | None = None
    intent: Token | None = None
    governed: list[str] = field(default_factory=list)
    # The rule (see ``content.tsv``) when the trigger is the content of a governing speech act.
    content: str | None = None
    # The noun of a verbal locution the trigger heads ("a ouvert une *enquête*", "ont porté *plainte*"):
    # the trigger's span covers both words, as the guidelines mark a locution.
    locution: Token | None = None
    # Why the rules would drop it, when the extractor keeps candidates (``accept`` not "rules"): "anchor", a
    # noun trigger nothing says happened; "fold", the content of a speech act folded into it; "purpose", the
    # purpose clause of another trigger.
    dropped: str | None = None
    # Whether the support verb's subject undergoes the act ("a subi une attaque"): its target, not its source.
    patient: bool = False


def _sentence_words(tok: Token) -> set[str]:
    """The lemmas and lower-cased forms of the words of a token's sentence."""
    sent = tok.sent
    return {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}


class EventExtractor:
    """Writes ``doc._.events`` (see the module docstring)."""

    def __init__(self, nlp: Language, name: str, lang: str, min_confidence: float, accept: str = "rules") -> None:
        self.name = name
        self.lang = lang if lang in ("fr", "en") else (nlp.lang if nlp.lang in ("fr", "en") else "fr")
        self.min_confidence = min_confidence
        if accept not in ACCEPT_MODES:
            raise ValueError(f"accept must be one of {ACCEPT_MODES}, not {accept!r}")
        # English only (see :mod:`.acceptance`): "rules" is today's output; "candidates" keeps the mentions
        # the rules drop with their features; "learned" lets the packaged model decide.
        self.accept = accept
        # False while ``eval/events.py calibrate`` fits the model: events then keep their features.
        self.calibrated = True
        self.model = model()
        # The language's resource folder (dateline/data/events/<lang>/): triggers and word lists.
        self.lexicon: Lexicon = _lexicon(self.lang)
        self.support_verbs: frozenset[str] = word_list(self.lang, "support_verbs.txt")
        # Support words whose subject undergoes the act ("a subi une attaque", "victime d'une agression").
        self.patient_support: frozenset[str] = word_list(self.lang, "patient_support.txt")
        self.eventive: frozenset[str] = word_list(self.lang, "eventive.txt")
        # Nouns of people: the patient of an arrest or an assault they name is a suspect or a civilian.
        self.persons: frozenset[str] = _HUMAN | word_list(self.lang, "persons.txt")
        # What becomes of the act a speech act governs ("menacent de démissionner"), by governor type.
        self.content_rules = content_rules(self.lang)
        # Rules read on the French dev articles and not yet on the English ones (an actor left unresolved,
        # people as agents, an institution an entry names, non-event senses, adverbial negation, ...): French
        # only until the English coder's owner validates them on the English dev sets.
        self.article_rules = self.lang == "fr"
        register_extensions()

    @property
    def _keeps_candidates(self) -> bool:
        """Whether the mentions the rules drop are kept as candidates: English with ``accept`` not "rules";
        French only with ``accept = "candidates"``, the measurement mode of ``train/events_en/train.py --lang
        fr`` (French has no learned model: "learned" gives its rules' events)."""
        if self.lang == "fr":
            return self.accept == "candidates"
        return self.lang == "en" and self.accept != "rules"

    # -- matching ---------------------------------------------------------------------------------
    def _dependents(self, tok: Token, depth: int = 2) -> set[str]:
        out: set[str] = set()
        frontier = [tok]
        for _ in range(depth):
            nxt = []
            for t in frontier:
                for c in t.children:
                    out.add(c.lemma_.lower())
                    out.add(c.lower_)
                    nxt.append(c)
            frontier = nxt
        return out

    def _entries(self, tok: Token) -> list[Trigger]:
        """Lexicon entries for a token, tolerating the lemmatizer's slips ("réclame" for "réclamer";
        "La police enquête sur ..." tagged as a noun with a subject)."""
        pos = "NOUN" if tok.pos_ in ("NOUN", "PROPN") else "VERB"
        lemma, low = tok.lemma_.lower(), tok.lower_
        forms = [lemma, low]
        if pos == "VERB" and self.lang == "fr" and lemma.endswith("e"):
            forms.append(lemma + "r")
        if pos == "VERB" and self.lang == "fr" and PARTICIPLE_ENDING.search(lemma):
            # A past participle the lemmatizer left as its own lemma ("gelé", "sanctionnées", tagged as
            # adjectives): the infinitive of its -er verb, the conjugation almost every new verb takes.
            forms.append(PARTICIPLE_ENDING.sub("er", lemma))
        for f in forms:
            found = self.lexicon.candidates(f, pos)
            if found:
                return found
        if pos == "NOUN" and any(c.dep_ == "nsubj" for c in tok.children):
            for f in [*forms, lemma + "r"]:
                found = self.lexicon.candidates(f, "VERB")
                if found:
                    return found
        return []

    def _match(self, tok: Token) -> Trigger | None:
        if tok.pos_ not in ("VERB", "NOUN", "AUX", "PROPN", "ADJ"):
            return None
        if self.article_rules and _acronym(tok):
            return None  # "le RAID est arrivé": a unit's name in capitals, not a raid
        attributive = tok.dep_ == "amod" and not (self.article_rules and tok.head.pos_ == "PRON")
        if tok.pos_ == "ADJ" and (attributive or not self._adjective_entries(tok)):
            # A participle the tagger calls an adjective is a verb when it is predicated ("il a été
            # sanctionné"), not when it qualifies a noun ("les espèces menacées"); an adjective the parser
            # hangs on a pronoun is its predicate ("je trouve cela inacceptable").
            return None
        if tok.ent_type_ in ("DATE", "TIME"):
            return None  # a month or a day named like an act: "March 12", "le 8 mai"
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if tok.text[:1].isupper() and tok.i > 0 and nxt is not None and nxt.like_num:
            return None  # "RIO DE JANEIRO, MARCH 25": a date the NER missed
        entries = self._entries(tok)
        if not entries:
            return None
        deps = None
        infinitive = any(
            c.pos_ == "VERB" and "Inf" in c.morph.get("VerbForm", []) and c.dep_ not in ("advcl", "acl")
            for c in tok.children
        )
        for e in entries:
            if e.forbid and any(c.dep_ in e.forbid for c in tok.children):
                continue
            if e.requires and not any(c.dep_ in e.requires for c in tok.children):
                continue
            if "xcomp" in e.forbid and infinitive:
                continue
            if e.reflexive and not is_reflexive(tok):
                continue
            if e.irreflexive and any(c.lower_ in ("se", "s'", "s’") for c in tok.children):
                continue
            if e.particle and not any(c.dep_ == "prt" and c.lower_ == e.particle for c in tok.children):
                continue
            if e.needs or e.unless:
                deps = deps if deps is not None else self._dependents(tok)
                if e.pos == "VERB" and (
                    (self.lang == "en" and tok.dep_ in ("acl", "relcl"))
                    or (self.lang == "fr" and self._past_participle_modifier(tok))
                ):
                    # "the talks that broke down", "the offer blocked by the court", "les troupes déployées
                    # à la frontière": the noun a relative or participial clause qualifies is the verb's
                    # argument.
                    deps = deps | {tok.head.lemma_.lower(), tok.head.lower_}
                if self.lang == "fr" and e.pos == "NOUN":
                    # A noun's complement the parser hung on the verb instead ("a lancé un appel à témoins",
                    # "appel" and "témoins" both under "lancé"): the words right after the noun complete it.
                    after = tok.doc[tok.i + 1 : min(tok.i + 4, tok.sent.end)]
                    deps = deps | {t.lemma_.lower() for t in after} | {t.lower_ for t in after}
                if e.needs and not any(n in deps for n in e.needs):
                    continue
                if any(n in deps for n in e.unless):
                    continue
            return self._refine(tok, e)
        return None

    def _adjective_entries(self, tok: Token) -> bool:
        """Whether a word tagged as an adjective has verb entries: its lemma, or in French the -er verb of
        a participle left as its own lemma ("il a été sanctionné", "a gelé" tagged as adjectives)."""
        lemma = tok.lemma_.lower()
        if self.lexicon.candidates(lemma, "VERB"):
            return True
        return (
            self.lang == "fr"
            and bool(PARTICIPLE_ENDING.search(lemma))
            and bool(self.lexicon.candidates(PARTICIPLE_ENDING.sub("er", lemma), "VERB"))
        )

    def _refine(self, tok: Token, e: Trigger) -> Trigger | None:
        """Readings the lexicon alone cannot settle.

        - "attaquer" a person with no weapon, victim or force in the sentence is verbal: ACCUSE
          ("Benoît Hamon attaque le candidat"), not ASSAULT.
        - a natural cause is no actor: "frappé par l'ouragan" is not an assault.
        - "refuser de commenter" declines to speak; it rejects nothing (CAMEO 011, not PLOVER).
        """
        args = arguments(tok)
        arg_toks = [t for v in args.values() for t in v]
        if any(t.lemma_.lower() in _NATURAL for t in arg_toks):
            return None
        if e.type == "REJECT" and any(
            c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in _NO_COMMENT for c in tok.children
        ):
            return None
        if (
            e.type == "REQUEST"
            and tok.tag_ == "VBN"
            and tok.dep_ == "advcl"
            and not any(c.dep_.startswith("nsubj") or c.dep_.startswith("aux") for c in tok.children)
        ):
            return None  # "Asked if he planned to ..., the minister said": the reporter's question
        if (
            e.type == "REQUEST"
            and cues(self.lang).get(e.lemma) == "question"
            and not any(
                c.dep_ in ("dobj", "obj", "dative", "iobj", "xcomp", "ccomp", "prep", "obl", "obl:arg", "nsubjpass")
                and (c.i > tok.i or c.dep_ != "ccomp")  # a question quoted before "he asked" asks no one
                for c in tok.children
            )
        ):
            return None  # '"Or let the price drop?" he asked': a question, asking nothing of anyone
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "csubj")]
        if (
            e.type == "REQUEST"
            and e.pos == "VERB"
            and subjects
            and all(cues(self.lang).get(c.lemma_.lower()) == "document" for c in subjects)
        ):
            return None  # "the settlement calls for ...", "the accord called on it to": what a text contains
        if e.mode == "release" and e.pos == "VERB" and not is_passive(tok) and not args.get("obj"):
            return None  # "Paley returned as chairman": coming back, releasing nothing
        # The sentence's words are read only for the entries whose reading they settle (assaults, policing).
        violent = e.type == "ASSAULT" and bool(_sentence_words(tok) & _VIOLENCE)
        if e.type == "ASSAULT" and e.lemma in _FIGURATIVE and not violent:
            return None  # "frapper dur", "strike a deal": no weapon, no victim, no force
        if (
            e.lemma == "condamner"
            and e.type == "ACCUSE"
            and (is_passive(tok) or (self.article_rules and self._fronted_participle(tok)))
        ):
            return replace(e, type="SANCTION", mode="convict", cameo="116")  # "il a été condamné"
        if (
            (e.type not in _DOMINANT or (e.type == "AGREE" and self.lang == "en"))
            and not is_passive(tok)
            and _must(tok)
        ):
            # "Libya must hand over the suspects", said by someone: a demand (PLOVER codes REQUEST); "X
            # must agree to ..." demands the agreement, it reports none.
            return replace(e, type="REQUEST", mode=None, cameo="100")
        if _imperative(tok) and e.type not in _DOMINANT:
            return replace(e, type="REQUEST", mode=None, cameo="100")  # "Aidez-les": a request
        if (
            self.article_rules
            and e.type == "ASSAULT"
            and e.lemma in _VERBAL_ATTACK | {"affronter", "combattre"}
            and e.pos == "VERB"
            and not violent
            and not self._at_a_place(tok)
            and not any(
                self._names_someone(t)
                or t.lemma_.lower() in _POLITICAL
                or any(x.ent_type_ in ("PER", "ORG", "GPE", "LOC") for x in np_tokens(t))
                for t in arg_toks
            )
            and e.lemma != "prendre"
        ):
            # "les cellules immunitaires attaquent la tumeur", "des tendances qui s'affrontent sur la
            # ligne du parti": no weapon, victim or force, and no one attacking or attacked.
            return None
        # Verbal when a person or a political body attacks ("the senator attacked the minister"), when the act
        # is a noun or "s'en prendre à" ("s'en prendre à la politique du gouvernement") with no violence
        # around, or when a political speaker attacks a thing (see ``_attacks_a_thing``). The cheap tests
        # first: the speaker and armed groups are looked for only when they decide.
        if (
            e.type == "ASSAULT"
            and e.lemma in _VERBAL_ATTACK
            and not violent
            and not self._at_a_place(tok)
            and (
                e.pos == "NOUN"
                or e.lemma == "prendre"
                or any(
                    t.ent_type_ in ("PER", "PERSON")
                    or t.lemma_.lower() in _POLITICAL
                    or getattr(role_of(t, self.lang), "sector", None) in ("GOV", "LEG", "OPP", "PTY", "JRN", "ELI")
                    for t in arg_toks
                )
                or self._attacks_a_thing(tok, args.get("obj", []))
            )
        ):
            return replace(e, type="ACCUSE", mode="disapprove", cameo="111")
        agentless_passive = is_passive(tok) and "subj" not in args
        if e.lemma == "interpeller" and e.type == "COERCE" and agentless_passive:
            return e  # "deux évadés ont été interpellés": arrested, whoever did it
        # The police "around" a check, an interception or an inquiry: in its sentence, or in French in the
        # sentences just before it, since a story names its police once and then tells what they did ("Les
        # gendarmes ont dressé un barrage. La voiture est interceptée, son conducteur contrôlé").
        around: set[str] = set()
        if e.lemma in ("contrôler", "intercepter", "appréhender", "interpeller", "enquête", "enquêter"):
            around = _sentence_words(tok)
            if self.article_rules and e.lemma != "interpeller":
                before = tok.doc[max(0, tok.sent.start - _POLICE_WINDOW) : tok.sent.start]
                around = around | {t.lemma_.lower() for t in before} | {t.lower_ for t in before}
        if e.lemma in ("contrôler", "intercepter", "appréhender") and not (around & _POLICE):
            return None  # checking or stopping someone is policing only with the police around
        if e.lemma in ("interpeller", "enquête", "enquêter") and not (around & _POLICE):
            # Without police or justice around, "interpeller" is questioning someone in public and
            # "une enquête" a piece of journalism.
            if e.lemma == "interpeller":
                return replace(e, type="ACCUSE", mode="disapprove", cameo="111")
            return None
        if e.mode == "seize" and e.pos == "VERB" and is_passive(tok) and "subj" not in args:
            return None  # "on a été très occupé": busy, not occupied by anyone
        if e.type == "REQUEST" and e.lemma == "appeler" and not self._called_to_act(tok):
            return None  # "il m'appelle à 5 heures": a phone call at a time, not a call to act
        if e.type == "CONSULT" and e.pos == "NOUN" and "pp:avec" not in args and self._press_interview(tok):
            return None  # "dans un entretien accordé au Monde": an interview to the press frames a quote
        if e.lemma == "entretien" and any(not self._names_someone(t) for t in args.get("poss", [])):
            return None  # "l'entretien des routes": upkeep of a thing, not a talk
        if self.article_rules and e.lemma == "déplorer" and _at_infinitive(tok):
            return None  # "aucune victime n'est à déplorer": the casualties of an accident, not a reproach
        if self.article_rules and e.type == "REQUEST" and e.lemma == "demander" and _asks_whether(tok):
            return None  # "les gens me demandent si c'est chez moi": a question, not a demand
        if self.article_rules and e.mode == "arrest" and e.pos == "VERB" and self._intransitive(tok):
            return None  # "arrête !", "le tournage s'est arrêté": stopping, not arresting
        return e

    def _attacks_a_thing(self, tok: Token, objects: list[Token]) -> bool:
        """Whether a speaker who is a person or a political body attacks a thing: common nouns naming
        no one, with no armed actor in the sentence ("the delegate attacked grain policy"), attacked in
        words. The objects are tested first; the speaker and the sentence's armed groups only if needed."""
        if not objects or not all(
            o.pos_ == "NOUN" and not o.ent_type_ and role_of(o, self.lang) is None and o.lemma_.lower() not in _HUMAN
            for o in objects
        ):
            return False
        speaker = self._subject_of(tok) or [
            t for t in tok.doc[max(0, tok.i - 12) : tok.i] if t.ent_type_ in ("PER", "PERSON")
        ]
        political = any(
            t.ent_type_ in ("PER", "PERSON", "ORG")
            or getattr(role_of(t, self.lang), "sector", None) in ("GOV", "LEG", "OPP", "PTY", "JRN", "ELI")
            for t in speaker
        )
        return political and not any(
            getattr(role_of(t, self.lang), "sector", None) in ("MIL", "REB", "UAF", "COP", "CRM") for t in tok.sent
        )

    def _names_someone(self, tok: Token) -> bool:
        """Whether a phrase names an actor: a person, an organisation or a state, or a role noun."""
        return (
            tok.ent_type_ in ("PER", "ORG", "GPE", "PERSON", "NORP")
            or tok.pos_ == "PRON"
            or (tok.pos_ == "DET" and "Yes" in tok.morph.get("Poss", []))
            or self._is_person(tok)
            or role_of(tok, self.lang) is not None
        )

    def _intransitive(self, verb: Token) -> bool:
        """An active verb with no object and no passive or participle use ("il arrête", "arrête !")."""
        if is_passive(verb) or self._past_participle_modifier(verb) or "Part" in verb.morph.get("VerbForm", []):
            return False
        return not any(c.dep_ in ("obj", "dobj", "iobj", "expl:comp", "nsubj:pass") for c in verb.children)

    @staticmethod
    def _at_a_place(tok: Token) -> bool:
        """An act located at a place ("l'attaque à l'aéroport d'Orly", "attaqué dans le métro"): a
        physical act, not words."""
        return any(
            prep_of(c) in ("à", "dans", "en", "près", "devant")
            and c.dep_ in ("nmod", "obl", "obl:mod")
            and (any(t.ent_type_ in ("LOC", "GPE", "FAC") for t in c.subtree) or c.lemma_.lower() in _PLACES)
            for c in tok.children
        )

    @staticmethod
    def _called_to_act(tok: Token) -> bool:
        """Whether "appeler à" introduces an act ("appellent à manifester", "à la grève", "au calme"),
        not a time or a number ("à 5 heures")."""
        for c in tok.children:
            if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB":
                return True
            if prep_of(c) == "à" and c.pos_ in ("NOUN", "PROPN"):
                if c.lemma_.lower() in _TIME_UNITS or any(g.pos_ == "NUM" for g in c.children):
                    continue
                return True
        return False

    @staticmethod
    def _press_interview(tok: Token) -> bool:
        """An interview given to the press: "dans un entretien (accordé) au Parisien", "un entretien
        donné à France Inter" — the frame of what someone said, not a meeting."""
        if prep_of(tok) == "dans":
            return True
        return any(c.dep_ in ("acl", "acl:relcl") and c.lemma_.lower() in _GIVE_INTERVIEW for c in tok.children)

    def _anchor(self, noun: Token) -> tuple[list[Token], Token | None] | None:
        """Why a noun trigger is an event that happened: anchors and a support verb, else None."""
        head = noun.head
        # "lors de l'entretien", "au cours d'une conversation", "during talks": climb the adverb or
        # preposition to the verb of the clause.
        prep = head.lower_ if head.pos_ == "ADP" else None
        if (noun.dep_ == "pobj" and head.dep_ == "prep") or head.pos_ in ("ADV", "ADP"):
            head = head.head
        if self._measured(noun):
            head = head.head  # a measure of the act: "ont observé trois jours de grève"
        patient = self._patient_support(noun)
        if patient is not None:
            return [noun, patient], patient
        if head.i != noun.i and head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in self.support_verbs:
            return [noun, head], head
        if prep == "in" and head.i != noun.i and head.lemma_.lower() == "be":
            return [noun, head], head  # "X is in talks with Y", "they are in negotiations": taking place
        # A participle describing it: "un entretien tenu entre ...", "la conversation ... tenue le 28".
        for t in noun.subtree:
            if (
                t.dep_ in ("acl", "acl:relcl")
                and t.lemma_.lower() in (self.support_verbs | _PARTICIPLE_ANCHORS)
                and t.i - noun.i <= 8
            ):
                return [noun, t], None
        timexes = self_timexes(noun.doc)
        lo, hi = noun.idx, max(t.idx + len(t) for t in noun.subtree)
        if any(lo <= tx["start"] and tx["end"] <= hi for tx in timexes):
            return [noun], None
        if intent_governor(noun) is not None:
            return [noun], None
        if noun.lemma_.lower() in self.eventive or noun.lower_ in self.eventive:
            return [noun], None
        if (
            self.article_rules
            and noun.dep_ == "conj"
            and noun.head.pos_ == "NOUN"
            and noun.head.i != noun.i
            and self._entries(noun.head)
        ):
            # "des pillages et des dégradations", "pour tentative d'homicide et menaces de mort": a noun
            # coordinated with an act noun that took place took place with it.
            return self._anchor(noun.head)
        return None

    @staticmethod
    def _undergoer(support: Token) -> list[Token]:
        """The subject of a patient support word, whatever the voice ("a été victime", "après avoir reçu des
        coups, l'homme ..."), climbing control and adverbial clauses; a "victime" apposed to a noun ("X,
        victime d'une agression") is said of that noun."""
        cur = support
        for _ in range(3):
            subj = [c for c in cur.children if c.dep_.startswith("nsubj")]
            if subj:
                return conjuncts(subj[0])
            if cur.pos_ in ("NOUN", "ADJ") and cur.dep_ in ("appos", "acl", "amod") and cur.head.i != cur.i:
                return conjuncts(cur.head)
            if cur.pos_ == "NOUN" and cur.i >= 2 and _detached(cur):
                # "des soldats, cibles d'attaques répétées": a noun set off by a comma after a noun phrase is
                # apposed to it, though the parser may hang it on the verb as an adverbial.
                before = cur.doc[cur.i - 2]
                if before.pos_ == "ADJ" and before.dep_ == "amod":
                    before = before.head  # "des soldats français, cibles de ..."
                if before.dep_ in ("flat:name", "flat"):
                    before = before.head  # "Jean Dupont, victime de ..."
                if before.pos_ in ("NOUN", "PROPN") and before.i < cur.i:
                    return [t for t in conjuncts(before) if t.i != cur.i]  # not the apposed noun itself
            if cur.dep_ not in ("xcomp", "advcl", "conj") or cur.head.i == cur.i:
                return []
            cur = cur.head
        return []

    def _measured(self, noun: Token) -> bool:
        """A French act noun measured by a counted noun ("treize mois de détention", "trois jours de grève"):
        the measure's verb is the act's."""
        head = noun.head
        return (
            self.article_rules
            and prep_of(noun) == "de"
            and head.pos_ == "NOUN"
            and head.i != noun.i
            and head.head.i != head.i
            and any(c.dep_ == "nummod" for c in head.children)
        )

    def _patient_support(self, noun: Token) -> Token | None:
        """The verb of a French support word whose subject undergoes the act ``noun`` names ("a subi une
        attaque", "a été victime d'une agression", "fait l'objet d'une enquête"), else None."""
        if not self.patient_support:
            return None
        head, arg = noun.head, noun
        if head.i == noun.i:
            return None
        if self._measured(noun):
            head, arg = head.head, head  # "a purgé treize mois de détention"
        if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in self.patient_support and arg.dep_ in ("obj", "dobj"):
            return head
        if (
            head.pos_ in ("VERB", "AUX")
            and prep_of(noun) == "de"
            and any(c.dep_ == "obj" and c.lemma_.lower() in self.patient_support for c in head.children)
        ):
            return head  # "fait l'objet d'une enquête" with the act hung on the verb
        if head.pos_ in ("NOUN", "ADJ") and head.lemma_.lower() in self.patient_support and prep_of(noun) == "de":
            # "victime d'une agression", "l'objet d'une enquête", "la cible de tirs": the verb of the clause
            # ("a été victime", "fait l'objet"), or the noun itself heading a copular clause.
            verb = head.head if head.head.pos_ in ("VERB", "AUX") and head.head.i != head.i else head
            if _detached(head):
                verb = head  # "des soldats, cibles d'attaques": said of the noun before it (see _undergoer)
            return verb
        return None

    # -- extraction -------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        sents = sentences(doc_text(doc))
        # A sentence's index by its start, the first one kept (as a scan from the start would find it).
        sent_index: dict[int, int] = {}
        for i, s in enumerate(sents):
            sent_index.setdefault(s[0], i)
        reported = reported_ranges(doc, sents)
        resolver = ActorResolver(doc, self.lang)
        resolver.persons = self.persons
        dates = DateFinder(doc, reported, conj_dates=self.article_rules)
        raw: list[dict[str, Any]] = []
        last_pair: list[Actor] = []
        # The tokens that can be triggers at all: a part of speech ``_match`` takes, and a lemma or form
        # (or the lemma spelt as an infinitive, "réclame" -> "réclamer") with a lexicon entry.
        by_lemma, by_form = self.lexicon.trigger_tests
        triggers = columns(doc).where(pos=("VERB", "NOUN", "AUX", "PROPN", "ADJ"), lemma=by_lemma, lower=by_form)
        for sent in sents:
            span = doc.char_span(sent[0], sent[1], alignment_mode="expand")
            if span is None:
                continue
            inside = triggers[bisect_left(triggers, span.start) : bisect_left(triggers, span.end)]
            cands = self._candidates(span, sent, inside)
            for c in cands:
                for ev, pair in self._events(c, resolver, dates, reported, last_pair):
                    raw.append(ev)
                    if pair:
                        last_pair = pair
        # The mentions before deduplication, kept for inspection and debugging of the last document.
        self.last_raw = raw
        merged = merge_duplicates(raw)
        events = []
        learned = acceptance() if self.accept == "learned" and self._keeps_candidates else None
        if self.accept == "learned" and self._keeps_candidates and learned is None:
            raise FileNotFoundError("accept='learned' needs data/events/en/acceptance.json (make train-events-en)")
        for ev in merged:
            # The confidence from the evidence (see :mod:`.confidence`), with the corroboration of
            # merged mentions; the calibration command keeps the features to fit the model on dev.
            feats = dict(ev.pop("_features"), corroborated=float(ev.get("mentions", 1) > 1))
            ev["confidence"] = round(self.model(feats), 3)
            if not self.calibrated:
                ev["_features"] = feats
            human = ev.pop("_human", False)
            ev.pop("_source_named", None)
            ev.pop("_target_named", None)
            ev.pop("_default_home", None)
            no_actor = ev["source"]["entity"] is None and ev["source"]["code"] is None and ev["target"] is None
            dropped_actor = no_actor and not (human and ev["type"] in _AGENTLESS_OK)
            cand = ev.pop("_cand", None)
            if cand is not None:
                drops = tuple(d for d in (cand["drop"], "actor" if dropped_actor else None) if d)
                x = candidate_features(
                    ev,
                    feats,
                    drops=drops,
                    dep=cand["dep"],
                    sent_index=sent_index.get(cand["sent"], 0),
                    n_sents=len(sents),
                    capitalised=cand["capitalised"],
                )
                if learned is None:
                    ev["_accept_features"] = x
                    ev["_drops"] = list(drops)
                elif not learned.accepts(x):
                    continue
            elif dropped_actor:
                continue
            if ev["confidence"] < self.min_confidence:
                continue
            events.append(ev)
        for i, ev in enumerate(events, 1):
            ev["id"] = f"v{i}"
        doc._.events = events
        return doc

    def _candidates(self, span: Span, sent: tuple[int, int], triggers: list[int]) -> list[_Cand]:
        """The event candidates of a sentence, from its possible ``triggers`` (token indices)."""
        matched: dict[int, Trigger] = {}
        for i in triggers:
            entry = self._match(span.doc[i])
            if entry is not None:
                matched[i] = entry
        # Fold a trigger into a speech-act trigger above it, before anchoring, so that "se mettre
        # d'accord sur le lancement de consultations" knows it is about consultations.
        kept: list[_Cand] = []
        governed: dict[int, list[str]] = {}
        replaced: set[int] = set()
        locutions: dict[int, Token] = {}
        for i, entry in matched.items():
            tok = span.doc[i]
            head_entry = matched.get(tok.head.i)
            if (
                tok.dep_ in ("acl", "acl:relcl", "relcl")
                and head_entry is not None
                and head_entry.type == entry.type
                and tok.head.i != i
            ):
                continue  # "l'explosion qui a blessé dix passants": one assault, told by its noun
            if tok.dep_ == "compound" and head_entry is not None and head_entry.type == entry.type:
                continue  # "protest demonstrations", "strike action": one act named by a compound
            if tok.dep_ == "compound" and entry.pos == "NOUN" and role_of(tok.head, self.lang) is not None:
                continue  # "riot police", "strike committee": a kind of actor, not an act
            if (
                tok.dep_ in ("dobj", "obj", "nsubjpass", "nsubj:pass")
                and head_entry is not None
                and head_entry.type == "SANCTION"
                and head_entry.needs
                and entry.pos == "NOUN"
            ):
                continue  # "ended talks", "suspended aid": the act broken off is what the sanction is about
            pre_drop = None
            if self._purpose_of_trigger(tok, matched):
                if not self._keeps_candidates:
                    continue
                pre_drop = "purpose"
            head_entry = matched.get(tok.head.i)
            if (
                entry.pos == "NOUN"
                and head_entry is not None
                and head_entry.pos == "VERB"
                and tok.head.i != i
                and head_entry.needs
                and any(t.lemma_.lower() in head_entry.needs for t in tok.subtree if t.pos_ in ("NOUN", "ADJ", "PROPN"))
            ):
                # The noun completes the verb's locution ("faire amende honorable", "placer en garde à vue",
                # "signer un accord"): one act, told by the verb's entry, over both words when of one type.
                if head_entry.type == entry.type:
                    locutions[tok.head.i] = tok
                continue
            boss = self._dominating(span.doc[i], matched)
            rule = None
            if boss is not None:
                governed.setdefault(boss, []).append(entry.type)
                rule = self._content_rule(span.doc[i], entry, span.doc[boss], matched[boss])
                if rule in ("instead", "noun"):
                    replaced.add(boss)
                if rule == "locution":
                    locutions[boss] = span.doc[i]
                if rule == "locution" or (rule == "fold" and not self._keeps_candidates):
                    continue
                if rule == "fold":
                    pre_drop = "fold"
            tok = span.doc[i]
            if entry.pos == "NOUN":
                # The content of a speech act took place, or is wanted or feared, by that act's word:
                # "menacent d'une grève"; a verb's own noun of its type is anchored by it as a support verb
                # ("a ouvert une enquête": the event is the inquiry, opened).
                anchored = (
                    self._anchor(tok)
                    if boss is None
                    else ([tok, span.doc[boss]], span.doc[boss] if rule in ("noun", "instead") else None)
                )
                dropped = pre_drop
                if anchored is None:
                    if not self._keeps_candidates:
                        continue
                    anchored, dropped = ([tok], None), pre_drop or "anchor"
                anchors, support = anchored
            else:
                anchors, support, dropped = [tok], None, pre_drop
            patient = (
                support is not None
                and entry.pos == "NOUN"
                and support.i == getattr(self._patient_support(tok), "i", None)
            )
            kept.append(
                _Cand(
                    tok,
                    entry,
                    sent,
                    anchors,
                    support,
                    intent_governor(tok),
                    content=rule,
                    dropped=dropped,
                    patient=patient,
                )
            )
        for c in kept:
            c.governed = governed.get(c.trigger.i, [])
            c.locution = locutions.get(c.trigger.i)
        return [c for c in kept if c.trigger.i not in replaced]

    def _content_rule(self, tok: Token, entry: Trigger, boss: Token, boss_entry: Trigger) -> str:
        """What becomes of ``tok``'s act under the speech act ``boss`` (the language's ``content.tsv``)."""
        rule = next(
            (r for g, t, r in self.content_rules if g == boss_entry.type and t in ("*", entry.type)),
            "fold",
        )
        if rule == "instead":
            return "instead"
        if entry.pos == "NOUN" and tok.head.i == boss.i and not (self.article_rules and tok.dep_ in _ADJUNCTS):
            # The verb's own object names the act: "signer un accord" is the signing, "réclamer la
            # libération de X" the demand. Of the verb's own type, it is one act: the word the verb's entry
            # needs makes a locution with it ("se mettre d'accord", "ouvrir une enquête", "porter plainte"),
            # told by the verb's frame; any other is the most specific word of the act (the guidelines'
            # trigger), the verb its support.
            if boss_entry.type != entry.type:
                return "fold"
            return "locution" if entry.lemma in boss_entry.needs else "noun"
        if rule != "fold" and boss_entry.type == entry.type:
            return "own"
        return rule

    @staticmethod
    def _purpose_of_trigger(tok: Token, matched: dict[int, Trigger]) -> bool:
        """A purpose clause of another trigger: "staged demonstrations *to demand* reforms", "a
        démissionné *pour permettre* ...": the purpose is why the event happened, not a second event."""
        if tok.dep_ not in ("advcl", "xcomp", "acl") or tok.pos_ != "VERB":
            return False
        marked = any(c.lower_ in ("to", "pour", "afin") and c.dep_ in ("mark", "aux", "case") for c in tok.children)
        head = tok.head
        if head.i in matched and head.i != tok.i:
            return marked
        # "began a hunger strike to protest": the purpose hangs on the support verb of a noun trigger.
        return marked and any(c.i in matched and c.dep_ in ("dobj", "obj") for c in head.children)

    def _dominating(self, tok: Token, matched: dict[int, Trigger]) -> int | None:
        """The index of a speech-act trigger governing ``tok`` within four steps, else None.

        Four steps reach "se sont mis d'accord sur le lancement de consultations en vue de fixer une
        date pour leur rencontre" from "rencontre" to "mis"; clause boundaries stop the climb.
        """
        cur = tok
        for _ in range(4):
            if cur.head.i == cur.i or cur.dep_ in ("conj", "parataxis", "advcl", "acl:relcl", "relcl"):
                return None
            cur = cur.head
            e = matched.get(cur.i)
            if e is not None and e.type in _DOMINANT and cur.i != tok.i:
                return cur.i
        return None

    def _role_tokens(self, c: _Cand, roles: tuple[str, ...]) -> list[Token]:
        args = arguments(c.trigger)
        for a in c.anchors[1:]:
            for k, v in arguments(a).items():
                args.setdefault(k, []).extend(v)
        if "between" in roles and "between" not in args and c.entry.pos == "VERB":
            # A verb said of a nominal event takes its participants: "talks between A and B broke down".
            for subj in args.get("subj", []) + (args.get("obj", []) if is_passive(c.trigger) else []):
                if subj.pos_ in ("NOUN", "PROPN") and arguments(subj).get("between"):
                    args["between"] = arguments(subj)["between"]
                    break
        out: list[Token] = []
        for r in roles:
            for t in args.get(r, []):
                if t.i != c.trigger.i:
                    out.extend(conjuncts(t))
            if out:
                break
        if not out and any(r.startswith("pp:") for r in roles):
            # "livrer des armes aux rebelles": the parser often hangs the recipient on the object, and
            # "s'est entretenu au téléphone avec X" on the oblique ("au téléphone").
            nested = [x for k, v in args.items() if k == "obj" or (k.startswith("pp:") and k not in roles) for x in v]
            for o in nested:
                sub = arguments(o)
                for r in roles:
                    if r.startswith("pp:") and sub.get(r):
                        return [t for x in sub[r] for t in conjuncts(x)]
        return out

    def _relative_patient(self, noun: Token, etype: str) -> list[Token]:
        """The object of a relative clause on an act noun whose relative pronoun is its subject and whose verb
        the lexicon gives the act's own type ("l'attaque qui a blessé trois policiers": the policemen)."""
        for clause in noun.children:
            if clause.dep_ not in ("acl:relcl", "relcl") or clause.pos_ != "VERB":
                continue
            if not any(c.dep_ == "nsubj" and c.lower_ in ("qui", "lequel", "laquelle") for c in clause.children):
                continue
            if not any(x.type == etype for x in self._entries(clause)):
                continue
            objs = [c for c in clause.children if c.dep_ == "obj"]
            if objs:
                return conjuncts(objs[0])
        return []

    def _subject_of(self, verb: Token | None) -> list[Token]:
        """The subject of a verb, climbing through control ("ont décidé d'organiser": Ils).

        A passive subject is never returned: "deux soldats ont été tués" names the victims, not the
        agents; see :meth:`_passive_subject`.
        """
        cur = verb
        if verb is not None and _passive(verb):
            # A passive verb's agent is its "par" phrase, never a subject found above it: "X vient d'être
            # condamné", "X devrait être libéré" (X is the patient), or a clause the parser hung on another.
            return []
        for _ in range(3):
            if cur is None:
                return []
            subj = [t for t in cur.children if t.dep_ in ("nsubj", "nsubj:pass", "nsubjpass", "csubj")]
            if subj:
                if subj[0].dep_ in ("nsubj:pass", "nsubjpass") or (_passive(cur) and subj[0].dep_ == "nsubj"):
                    return []
                return conjuncts(subj[0])
            if (
                self.lang == "en"
                and cur.dep_ == "acl"
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)
                and (owner := next((c for c in cur.head.children if c.dep_ == "poss" and c.i < cur.head.i), None))
            ):
                # "Kenya's decision to suspend payments", "its plan to impose duties": an infinitive
                # completing a noun of deciding or planning is done by the noun's possessor.
                return conjuncts(owner)
            if cur.dep_ in ("xcomp", "conj", "advcl", "ccomp") and cur.head.i != cur.i:
                if cur.dep_ == "conj" and _passive(cur.head) and not _passive(cur) and _participle(cur):
                    return []  # "a été arrêté et écroué": the shared subject is a passive one
                controller = self._object_controller(cur) if self.article_rules else None
                if controller is not None:
                    return conjuncts(controller)
                cur = cur.head
            else:
                # A name the parser left stranded before a passive verb is its patient, not its agent
                # ("L'homme, soupçonné de ..., a été placé en garde à vue").
                return [] if _passive(cur) else self._stranded_subject(cur)
        return []

    def _object_controller(self, clause: Token) -> Token | None:
        """Who does the act of an infinitive governed by a verb of object control (the language's
        ``objcontrol`` cues): that verb's object or indirect object ("la justice reproche *à X* d'avoir
        financé ...", "Paris a exhorté *Moscou* à retirer ..."), else None (then its subject does it)."""
        gov = clause.head
        if clause.dep_ != "xcomp" or "Inf" not in clause.morph.get("VerbForm", []):
            return None
        if cues(self.lang).get(gov.lemma_.lower()) != "objcontrol":
            return None
        for c in gov.children:
            if c.i == clause.i:
                continue
            # "X a été accusé d'avoir frappé": a passive governor's subject is the one it is said of.
            passive_subject = c.dep_ == "nsubj:pass" or (c.dep_ == "nsubj" and _passive(gov))
            if passive_subject or c.dep_ in ("obj", "iobj") or (c.dep_ in ("obl:arg", "obl") and prep_of(c) == "à"):
                return c
        return None

    def _person_actors(self, toks: list[Token], resolver: ActorResolver, sector: str) -> list[Actor]:
        """Actors for phrases that name people by no role ("l'individu", "ce couple", "le témoin, qui
        ...", "je" in a quotation): the speaker of a quotation for its first person, else an actor the
        act codes (``sector``), as for the patients of an arrest."""
        out: list[Actor] = []
        for t in toks:
            if t.pos_ == "PRON" and t.lower_ in _FIRST_PERSON:
                speaker = self._speaker_of(t)
                found = resolver.actor(speaker) if speaker is not None else None
                if found is not None:
                    out.append(found)
                continue
            if t.pos_ == "PRON" and t.lower_ in ("qui", "lequel", "laquelle") and t.head.dep_ in ("acl:relcl", "acl"):
                t = t.head.head  # "le kinésithérapeute, qui a reconnu ...": the noun the clause is about
            if self._is_person(t) and role_of(t, self.lang) is None:
                out.append(resolver.by_role(t, sector))
        return out[:1]

    @staticmethod
    def _speaker_of(tok: Token) -> Token | None:
        """The head word of the speaker of the quotation holding ``tok`` (the quotes component's)."""
        for q in tok.doc._.quotes or []:
            sp = q.get("speaker") or {}
            if q["start"] <= tok.idx < q["end"] and sp.get("start") is not None:
                span = tok.doc.char_span(sp["start"], sp["end"], alignment_mode="expand")
                if span is not None:
                    return span.root
        return None

    def _is_person(self, tok: Token) -> bool:
        """A phrase naming a person: a PER entity, a noun of people ("un homme", "le conducteur") or a
        nationality noun ("un Français", "deux Syriens")."""
        if tok.ent_type_ in ("PER", "PERSON") or tok.lemma_.lower() in self.persons:
            return True
        if tok.pos_ != "NOUN":
            return False
        hit = gazetteer().lookup(tok.text, self.lang)
        return hit is not None and hit.kind == "demonym"

    @staticmethod
    def _inverted_subject(verb: Token) -> Token | None:
        """The subject of an inverted speech-act verb after the words it frames ('"...", a dénoncé le
        ministre', '..., déplore le syndicat'): the noun phrase right after the verb, when the verb has no
        subject of its own and follows a comma or a closing quotation mark."""
        if any(c.dep_.startswith("nsubj") for c in verb.children):
            return None
        j = verb.i - 1
        while j >= 0 and verb.doc[j].pos_ == "AUX":
            j -= 1
        if j < 0 or verb.doc[j].text not in (",", "»", "”", '"'):
            return None
        after = [c for c in verb.children if c.i > verb.i and c.dep_ in ("obj", "dobj", "nsubj", "obl:arg")]
        after = [c for c in after if c.pos_ in ("NOUN", "PROPN") and prep_of(c) is None]
        return after[0] if after else None

    @staticmethod
    def _past_participle_modifier(tok: Token) -> bool:
        """A past participle qualifying a noun, with no subject of its own ("un homme *arrêté* samedi")."""
        return (
            tok.dep_ in ("acl", "amod")
            and tok.head.pos_ in ("NOUN", "PROPN", "PRON")
            and "Part" in tok.morph.get("VerbForm", [])
            and "Pres" not in tok.morph.get("Tense", [])
            and not any(c.dep_.startswith("nsubj") for c in tok.children)
            and not any(c.dep_ == "aux:tense" and c.lemma_ == "avoir" for c in tok.children)
        )

    @staticmethod
    def _fronted_participle(tok: Token) -> bool:
        """A past participle heading a clause before its main verb, with no subject or auxiliary of its own
        ("*Condamné* en appel, l'ancien maire a démissionné"): said of the main clause's subject."""
        return (
            tok.dep_ == "advcl"
            and tok.i < tok.head.i
            and "Part" in tok.morph.get("VerbForm", [])
            and "Pres" not in tok.morph.get("Tense", [])
            and not any(c.dep_.startswith("nsubj") or c.dep_.startswith("aux") for c in tok.children)
        )

    @staticmethod
    def _active_modifier(tok: Token) -> bool:
        """An active verb qualifying a noun, with no subject of its own: the noun is its agent ("un
        homme menaçant de frapper", "l'ingénieur accusé d'avoir *financé* ...", "des élus *demandant* ...")."""
        if tok.dep_ not in ("acl", "amod") or tok.head.pos_ not in ("NOUN", "PROPN", "PRON"):
            return False
        if any(c.dep_.startswith("nsubj") for c in tok.children) or is_passive(tok):
            return False
        form = tok.morph.get("VerbForm", [])
        perfect = any(c.dep_ == "aux:tense" and c.lemma_ == "avoir" for c in tok.children)
        return "Inf" in form or perfect or ("Part" in form and "Pres" in tok.morph.get("Tense", []))

    @staticmethod
    def _private_person(actor: Actor, resolver: ActorResolver) -> bool:
        """Whether an actor is a person entity of the article with no role recorded (a private person)."""
        ent = next((e for e in resolver.entities if actor.entity is not None and e["id"] == actor.entity), None)
        return ent is not None and ent["type"] == "PER" and not ent.get("roles")

    def _owner(self, tok: Token) -> Token | None:
        """The owner of a thing: its possessive determiner's possessor or its "de" complement."""
        if self._is_person(tok):
            return None
        for c in tok.children:
            if c.dep_ == "det" and "Yes" in c.morph.get("Poss", []):
                return self._possessor(c)
            if c.dep_ in ("nmod", "nmod:poss") and prep_of(c) == "de" and c.pos_ in ("NOUN", "PROPN"):
                return c
        return None

    def _possessor(self, tok: Token) -> Token | None:
        """The phrase a possessive determiner stands for: the subject of the clause holding its noun
        ("l'homme est mort lors de *son* interpellation": l'homme), else None (then resolved as a
        pronoun)."""
        if tok.pos_ != "DET" or "Yes" not in tok.morph.get("Poss", []):
            return None
        cur = tok.head
        for _ in range(4):
            if cur.head.i == cur.i:
                break
            cur = cur.head
            if cur.pos_ in ("VERB", "AUX", "ADJ"):
                subj = [c for c in cur.children if c.dep_.startswith("nsubj") and c.i != tok.head.i]
                if subj:
                    return subj[0]
        return None

    def _framing_subject(self, noun: Token) -> list[Token]:
        """The subject of the verb a noun's adverbial phrase hangs on ("lors de l'entretien avec X, Y a
        dit": Y)."""
        head = noun.head
        if head.pos_ in ("ADV", "ADP"):
            head = head.head
        if noun.dep_ not in ("obl", "obl:mod", "obl:arg", "nmod") or head.pos_ not in ("VERB", "AUX"):
            return []
        if prep_of(noun) not in ("lors", "dans", "pendant", "durant", "au", "à", "de", "après", "avant", None):
            return []
        return self._subject_of(head)

    @staticmethod
    def _passive_subject(verb: Token) -> list[Token]:
        """The patient of a passive verb or of a participle coordinated with one ("un homme a été
        arrêté et écroué": the man, for both verbs): the target, never the source."""
        cur = verb
        for _ in range(2):
            subj = [t for t in cur.children if t.dep_ in ("nsubj:pass", "nsubjpass")]
            if not subj and _passive(cur):
                subj = [t for t in cur.children if t.dep_ == "nsubj"]
            if subj:
                return conjuncts(subj[0])
            if _passive(cur) and cur.head.i == cur.i:
                return EventExtractor._stranded_subject(cur)  # the patient the parser left stranded
            if cur.dep_ == "conj" and _participle(cur) and _passive(cur.head):
                cur = cur.head
            elif cur.dep_ == "xcomp" and _passive(cur) and cur.head.i != cur.i:
                # "X vient d'être condamné": the raising verb's subject is the passive's patient.
                subj = [t for t in cur.head.children if t.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")]
                return conjuncts(subj[0]) if subj else []
            else:
                return []
        return []

    @staticmethod
    def _stranded_subject(verb: Token) -> list[Token]:
        """A name the parser left as a second root before the verb ("Paris et Berlin se sont
        prononcés ...": the French model often cuts a sentence-initial coordination off)."""
        # Look back a dozen words at most, never past the end of the previous sentence.
        for i in range(verb.i - 1, max(-1, verb.i - 13), -1):
            t = verb.doc[i]
            if t.text in (".", "!", "?", ";"):
                break
            if t.dep_ == "ROOT" and t.head.i == t.i and t.pos_ in ("PROPN", "NOUN"):
                return conjuncts(t)
        return []

    @staticmethod
    def _is_place_complement(tok: Token, resolver: ActorResolver) -> bool:
        if prep_of(tok) not in _LOCATION_PREPS:
            return False
        ent = resolver.entity_of(tok)
        return ent is not None and ent["type"] in ("LOC", "GPE")

    def _act_actors(self, toks: list[Token]) -> list[Token]:
        """The actors of nouns that name acts ("les frappes contre Idlib", "the Russian strikes"): the
        author (possessor, "de"/"of", nationality adjective), else the act's own target."""
        out: list[Token] = []
        for t in toks:
            if not self.lexicon.candidates(t.lemma_.lower(), "NOUN"):
                continue
            args = arguments(t)
            found = args.get("agent", []) + args.get("poss", []) + args.get("adj", []) + args.get("compound", [])
            if not found:
                for role in ("pp:contre", "pp:against", "pp:on", "pp:sur", "pp:à"):
                    found = args.get(role, [])
                    if found:
                        break
            out.extend(x for f in found for x in conjuncts(f))
        return out

    @staticmethod
    def _clause_addressee(verb: Token) -> list[Token]:
        """The active subject of a that-clause a verb governs ("demanded that X withdraw"), with its
        conjuncts; empty when there is none."""
        for c in verb.children:
            if c.dep_ != "ccomp" or c.i < verb.i or c.pos_ not in ("VERB", "AUX"):
                continue
            if any(m.dep_ == "mark" and m.lower_ != "that" for m in c.children):
                continue  # "asked whether ...", "demanded to know if ...": a question, no one asked to act
            subj = next((s for s in c.children if s.dep_ == "nsubj"), None)
            if subj is not None and subj.lower_ not in ("it", "there"):
                return conjuncts(subj)
        return []

    @staticmethod
    def _counterpart(verb: Token) -> list[Token]:
        """The party named by the complement an agreement verb governs: the "to"/"with"/"from" or indirect
        object of its infinitive ("agreed to sell the unit *to B*", "agreed to merge *with B*")."""
        for x in verb.children:
            if x.dep_ != "xcomp":
                continue
            args = arguments(x)
            for role in ("iobj", "pp:to", "pp:with", "pp:from"):
                if args.get(role):
                    return [t for a in args[role] for t in conjuncts(a)]
        return []

    def _negated_above(self, tok: Token) -> bool:
        """Negation or refraining on the verbs that govern the trigger's clause.

        "l'armée ne va pas retirer ses troupes", "Paris ne veut pas sanctionner": a negated governor
        (aller, vouloir, pouvoir, decide, plan ...) negates the act. "Ankara s'est gardé d'accuser",
        "refrained from blaming", "a renoncé à frapper": the subject keeps from the act (the
        language's ``refrain`` cues). A negated implicative ("n'a pas hésité à frapper",
        "did not hesitate to strike") asserts the act: no negation passes through it.
        """
        table = cues(self.lang)
        cur = tok
        for _ in range(3):
            if cur.head.i == cur.i:
                return False
            if self.article_rules and (cur.dep_ == "advcl" or cur.head.sent != cur.sent):
                # "il n'est pas venu parce qu'il a été arrêté": an adverbial clause is not what its
                # governor's negation denies, nor is a clause the parser joined from another sentence.
                return False
            if (
                cur.dep_ not in ("xcomp", "ccomp", "pcomp", "obl", "obl:arg", "advcl", "prep")
                and cur.head.pos_ != "ADP"
            ):
                return False
            cur = cur.head
            if cur.pos_ == "ADP":
                if cur.lower_ == "without":
                    return True  # "left without meeting him"
                continue
            cls = table.get(cur.lemma_.lower())
            if cls == "refrain":
                return not is_negated(cur)  # "ne s'est pas gardé de critiquer" criticises
            if cls == "implicative":
                return False
            if is_negated(cur):
                return True
        return False

    def _pronoun_antecedent(self, tok: Token, resolver: ActorResolver) -> Token | None:
        """The phrase an organisation pronoun stands for (the language's ``orgpron`` cues: "it", "they").

        The subject of a speech verb is the pronoun's referent in its content clause ("Acme Corp said
        it signed an agreement", "the ministry said it would ..."): the wire-copy lead. Elsewhere the
        nearest subject before it, in its sentence or the two before, that names an organisation or a
        state ("The bank ... It also said"). None when neither is found: no guess at a person.
        """
        if cues(self.lang).get(tok.lower_) != "orgpron":
            return None
        cur = tok.head
        for _ in range(4):
            if cur.lemma_.lower() in SPEECH_VERBS and cur.pos_ in ("VERB", "AUX") and cur.i != tok.i:
                subj = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"]
                if subj:
                    return subj[0]
            if cur.head.i == cur.i or cur.dep_ not in ("ccomp", "conj", "xcomp", "advcl", "parataxis"):
                break
            cur = cur.head
        seen = 0
        for i in range(tok.i - 1, max(-1, tok.i - 120), -1):
            t = tok.doc[i]
            if t.text in (".", "!", "?"):
                seen += 1
                if seen > 2:
                    break
            if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("PROPN", "NOUN"):
                ent = resolver.entity_of(t)
                if ent is not None and ent["type"] in ("ORG", "GPE"):
                    return t
        return None

    def _actors_of(self, toks: list[Token], resolver: ActorResolver, last_pair: list[Actor]) -> list[Actor]:
        # Resolved once per phrase and document: the resolver makes an entity of a phrase the NER did not
        # name on first sight ("des milliers de manifestants"), and a second look at the phrase would find
        # that entity, not the code the first look gave it.
        # The memo is the document's resolver's; its key holds values, never ids of objects that a
        # collected one's successor could reuse.
        key = (tuple(t.i for t in toks), tuple(last_pair))
        found = resolver.phrases.get(key)
        if found is None:
            found = resolver.phrases[key] = self._resolve_actors(toks, resolver, last_pair)
        return list(found)

    def _resolve_actors(self, toks: list[Token], resolver: ActorResolver, last_pair: list[Actor]) -> list[Actor]:
        out: list[Actor] = []
        text = doc_text(toks[0].doc) if toks else ""
        for k, t in enumerate(toks):
            if (
                t.pos_ == "PROPN"
                and k + 1 < len(toks)
                and company_continues(text, t.idx + len(t), self.lang)
                # "Norfield Tools Inc and Arlen Corp": a name ending with its legal form is whole (English).
                and not (self.lang == "en" and is_company_form(t.text, self.lang))
            ):
                continue  # "Clayton and Dubilier Inc": one company, parsed as two conjuncts
            pair = resolver.is_pair_reference(t) and (last_pair or cues(self.lang).get(t.lower_) != "orgpron")
            if pair or (t.pos_ == "DET" and t.lower_ in ("leur", "leurs")):
                out.extend(a for a in last_pair if a not in out)
                continue
            pairs = self._hyphenated_states(t) if self.lang == "en" else []
            if pairs:
                out.extend(a for a in pairs if a not in out)
                continue
            t = self._pronoun_antecedent(t, resolver) or t
            a = resolver.actor(t)
            if a is not None and all(a.entity != b.entity or a.entity is None for b in out):
                out.append(a)
        return out

    def _hyphenated_states(self, tok: Token) -> list[Actor]:
        """The states of a hyphenated pair of nationality words or state names qualifying a noun ("U.S.-Japanese
        talks", "the Kenya-Uganda accord"): one actor per part, coded by country as a nationality word is;
        none unless every part is a country or a nationality."""
        if "-" not in tok.text or tok.dep_ not in ("amod", "compound", "nmod"):
            return []
        parts, pos, out = tok.text.split("-"), tok.idx, []
        for part in parts:
            hit = gazetteer().lookup(part, self.lang) if part else None
            if hit is None or hit.kind not in ("demonym", "country") or not hit.iso3:
                return []
            out.append(Actor(None, hit.iso3, pos, pos + len(part)))
            pos += len(part) + 1
        return out if len(out) >= 2 and len({a.code for a in out}) == len(out) else []

    def _events(
        self,
        c: _Cand,
        resolver: ActorResolver,
        dates: DateFinder,
        reported: list[tuple[int, int]],
        last_pair: list[Actor],
    ) -> list[tuple[dict[str, Any], list[Actor]]]:
        e = c.entry
        trig = c.trigger
        # Who: the frame's roles, then the support verb's or the intention verb's subject.
        between = self._role_tokens(c, ("between",))
        # The first of these that names an actor is the source: a noun's own "de"/adjective ("les
        # frappes russes"), else the subject of the intention verb, of the support verb ("le président
        # a ordonné une frappe militaire": "militaire" names no actor, the president does), of the verb.
        src_toks = self._role_tokens(c, e.source)
        if self.lang == "en" and e.pos == "NOUN" and "adj" in e.source:
            # "a U.S.-British agreement": the pair, tagged as a proper-noun compound, is the noun's parties.
            src_toks += [t for t in trig.children if t.dep_ == "compound" and self._hyphenated_states(t)]
        fr = self.article_rules
        modifier = e.pos == "VERB" and self._past_participle_modifier(trig)
        fronted = fr and e.pos == "VERB" and self._fronted_participle(trig)
        inverted = self._inverted_subject(trig) if e.pos == "VERB" and e.type in _DOMINANT else None
        if inverted is not None:
            # '"C'est inacceptable", a dénoncé le ministre': after the words it frames, the verb's
            # subject follows it (the parser often takes it for the object).
            src_toks = conjuncts(inverted)
        fallbacks = [
            lambda: self._subject_of(c.intent) if c.intent is not None else [],
            lambda: self._subject_of(c.support) if c.support is not None and not c.patient else [],
            # A participle qualifying a noun has no subject: the noun is its patient (see below); nor
            # has a verb whose frame makes the subject the target ("Tanzania will receive a loan"). An
            # active verb qualifying a noun has it as agent (French: "des élus demandant ...").
            # A participle clause opening the sentence is said of the main subject as its patient, not agent.
            lambda: (
                self._subject_of(trig)
                if e.pos == "VERB" and not modifier and not fronted and "subj" not in e.target
                else []
            ),
            lambda: conjuncts(trig.head) if fr and e.pos == "VERB" and self._active_modifier(trig) else [],
            # '"C'est inacceptable", a dit X': a predicative adjective of condemnation is its speaker's.
            lambda: [sp] if fr and trig.pos_ == "ADJ" and (sp := self._speaker_of(trig)) is not None else [],
        ]
        for more in fallbacks:
            if src_toks and self._actors_of(src_toks, resolver, last_pair):
                break
            src_toks = more() or src_toks
        if c.intent is not None and e.pos == "NOUN":
            # "Poutine et Trump se sont prononcés pour la coordination ...": those who state the
            # intention are its actors.
            src_toks = self._subject_of(c.intent) or src_toks
        if not src_toks and e.type == "CONSULT" and e.pos == "NOUN":
            # "Lors de sa rencontre avec X, Y a ...", "dans un entretien avec X, Y a ...": the subject
            # of the clause the meeting frames took part in it.
            src_toks = self._framing_subject(trig)
        tgt_toks = [t for t in self._role_tokens(c, e.target) if t not in src_toks]
        if c.patient and c.support is not None and not tgt_toks:
            # "X a subi une attaque", "X a été victime d'une agression": the subject undergoes the act; "victime"
            # heading its clause ("X, victime d'une agression") is said of the noun it is apposed to.
            sub = self._undergoer(c.support)
            tgt_toks = [t for t in sub if t not in src_toks]
        if inverted is not None:
            tgt_toks = [t for t in tgt_toks if t.i < trig.i or t.i > max(x.i for x in inverted.subtree)]
        # "son interpellation", "sa garde à vue": a possessive stands for the possessor.
        src_toks = [self._possessor(t) or t for t in src_toks]
        tgt_toks = [self._possessor(t) or t for t in tgt_toks]
        if not tgt_toks and e.type == "REQUEST" and e.pos == "VERB" and self.lang == "en":
            # "demanded that the government resign", "urged that Japan open its markets": the one asked to
            # act is the active subject of the that-clause (a passive one names what is to be done).
            tgt_toks = [t for t in self._clause_addressee(trig) if t not in src_toks]
        if not tgt_toks and e.type == "AGREE" and e.pos == "VERB":
            # "agreed to sell its unit to B", "agreed to merge with B": the other party of the agreed act.
            tgt_toks = [t for t in self._counterpart(trig) if t not in src_toks]
        if not tgt_toks and e.pos == "NOUN" and fr:
            # "l'attentat qui a tué dix personnes", "les frappes qui ont touché un hôpital": a relative clause
            # whose subject is the act and whose verb tells the same kind of act names its patient.
            tgt_toks = [t for t in self._relative_patient(trig, e.type) if t not in src_toks]
        if e.type not in _PLACE_TARGETS:
            # "arrêté et écroué à Nantes", "killed in Kabul": a place after a locative preposition is
            # where it happened (the event's location), not whom it was done to.
            tgt_toks = [t for t in tgt_toks if not self._is_place_complement(t, resolver)]
        if not src_toks and e.pos == "VERB" and (e.type == "MOBILIZE" or e.mode == "withdraw"):
            # "les soldats ont été déployés / positionnés", "des troupes positionnées à la frontière": the
            # troops moved act for their side.
            src_toks = conjuncts(trig.head) if fr and modifier else self._passive_subject(trig)
        if not tgt_toks and e.pos == "VERB":
            # Passive voice: the subject is the patient ("deux soldats ont été tués" → target), the
            # "par"/"by" agent the source (``arguments`` maps it so), an agentless passive has none.
            tgt_toks = [t for t in self._passive_subject(trig) if t not in src_toks]
        if fr and any(t.lemma_.lower() in _NATURAL for t in src_toks):
            return []  # "un incendie ... avant de tuer l'occupante": no actor did it
        sources = self._actors_of(src_toks, resolver, last_pair)
        if fr and not sources and src_toks:
            # A first person is the quotation's speaker only as the subject of the act's own verb ("j'ai
            # présenté mes excuses"); "nous réaliserons les ententes conclues" names who will carry out an
            # agreement, not who made it.
            own = set(self._subject_of(trig)) if e.pos == "VERB" else set()
            own |= set(self._subject_of(c.intent)) if c.intent is not None else set()
            who = [t for t in src_toks if t.lower_ not in _FIRST_PERSON or t in own]
            sources = self._person_actors(who, resolver, _AGENT_SECTOR.get(e.type, "CVL"))
        targets = [a for a in self._actors_of(tgt_toks, resolver, last_pair) if a not in sources]
        if not targets and self.lang == "en" and e.pos == "VERB" and e.needs:
            # "approved an accord with B", "ended talks with B", "pursue negotiations with B": the object is
            # the act the verb needs (an agreement, talks), no actor; its "with" complement is the other party.
            acts = [o for o in arguments(trig).get("obj", []) if o.lemma_.lower() in e.needs]
            party = [t for o in acts for x in arguments(o).get("pp:with", []) for t in conjuncts(x)]
            targets = [a for a in self._actors_of([t for t in party if t not in src_toks], resolver, last_pair)]
            targets = [a for a in targets if a not in sources]
            if targets:
                tgt_toks = party
        if not targets and e.pos == "VERB" and (is_passive(trig) or modifier or fronted):
            # A complement that names no actor ("condamné à quatre ans") leaves the passive's patient; the
            # noun a past participle qualifies is the one it was done to ("un Français condamné à quatre
            # ans", "le suspect, interpellé samedi, ..."), and a participle clause opening the sentence is
            # said of the main clause's subject ("Accusé de fraude par son associé, le gérant a ...").
            if fronted:
                patient = [t for c in trig.head.children if c.dep_ in ("nsubj", "nsubj:pass") for t in conjuncts(c)]
            else:
                patient = conjuncts(trig.head) if modifier else self._passive_subject(trig)
            patient = [t for t in patient if t not in src_toks]
            if patient:
                tgt_toks = patient
                targets = [a for a in self._actors_of(tgt_toks, resolver, last_pair) if a not in sources]
        patient_sector = _PATIENT_SECTOR.get(e.type if e.type != "ACCUSE" or e.mode != "disapprove" else "")
        if not targets and tgt_toks and patient_sector:
            # The patient of an arrest is a suspect, of violence a civilian, when the phrase is a bare
            # person ("un homme a été interpellé", "trois personnes ont été tuées", "son interpellation"
            # when the possessor is "un homme"): PLOVER's sectors.
            # "les gendarmes ont saisi le camion du suspect", "suspendu son permis": the owner of the thing.
            owned = [self._owner(t) or t for t in tgt_toks]
            people = [t for t in owned if self._is_person(t) and role_of(t, self.lang) is None]
            if people:
                targets = [resolver.by_role(people[0], patient_sector)]
            elif fr and (pron := next((t for t in owned if t.pos_ == "PRON" and t.lower_ in _PERSONAL), None)):
                # "ils ont été punis", "il avait été interpellé" with no one named before: people, coded by
                # the act; no entity is made of a pronoun.
                targets = [Actor(None, (resolver.home or "") + patient_sector, pron.idx, pron.idx + len(pron))]
        elif targets and patient_sector and is_country(country := targets[0].code or ""):
            # "un Français condamné": a nationality and nothing more; the act says the rest (a suspect).
            tgt0 = targets[0]
            targets[0] = Actor(tgt0.entity, country + patient_sector, tgt0.start, tgt0.end)
        elif (
            fr and targets and patient_sector and targets[0].code is None and self._private_person(targets[0], resolver)
        ):
            # "X a été condamné", "qui a tué Y": a person the text gives no title, no party and no office, and
            # whom the dictionary does not know, is coded by what is done to them, as an unnamed one is.
            tgt0 = targets[0]
            ent = next(e for e in resolver.entities if e["id"] == tgt0.entity)
            ent_country = ent.get("country") if is_country(ent.get("country") or "") else resolver.home
            targets[0] = Actor(tgt0.entity, (ent_country or "") + patient_sector, tgt0.start, tgt0.end)
        if not targets and tgt_toks:
            # "Paris a condamné les frappes contre Idlib": the object is an act, not an actor; its
            # author ("les frappes russes") or else its target is whom the reaction is about.
            targets = [a for a in self._actors_of(self._act_actors(tgt_toks), resolver, last_pair) if a not in sources]
        between_actors = self._actors_of(between, resolver, last_pair)
        implied = (e.agent if fr else None) or _IMPLIED_AGENT.get(e.mode or "")
        deps0 = self._dependents(trig) if e.modes else set()
        mode0 = next((m for word, m in e.modes if word in deps0), e.mode)
        if (
            implied
            and not sources
            and not between_actors
            and (e.pos == "NOUN" or is_passive(trig) or _participle(trig))
        ):
            # Only the police arrest, only courts convict, investigations are the police's: an agentless
            # "a été interpellé", "condamné à deux ans", "une enquête a été ouverte" has that agent,
            # unnamed (no entity), of the article's country when it has one — as the guidelines code it.
            # In French, the country of the place where it happened comes first ("arrêté à l'aéroport de
            # Roissy" in a story set abroad is the French police's), and a lexicon entry may name the
            # institution ("verbalisé": the police fine drivers).
            country = (self._place_country(c, resolver) if fr else None) or resolver.home or ""
            sources = [Actor(None, country + implied, trig.idx, trig.idx + len(trig))]
        # An agentless mention is kept only when a person is involved ("un homme a été interpellé").
        human = any(self._is_person(t) or t.pos_ == "PRON" for t in src_toks + tgt_toks) or (
            e.pos == "NOUN" and trig.lemma_.lower() in self.eventive
        )
        # French: an implied party is no evidence that the act took place, so it is given only to a mention
        # that is kept without it (one with a named actor, or an agentless one a person is involved in).
        kept = not fr or bool(targets) or (human and e.type in _AGENTLESS_OK)
        if resolver.home is not None and kept:
            # The parties an act implies when the text names none (the language's ``implied.tsv``): a strike
            # is the workers' against their employers, of the article's country.
            if not sources and not between_actors and (sector := _implied(self.lang, "source", e.type, mode0)):
                sources = [Actor(None, resolver.home + sector, trig.idx, trig.idx + len(trig))]
            if not targets and (sector := _implied(self.lang, "target", e.type, mode0)):
                targets = [Actor(None, resolver.home + sector, trig.idx, trig.idx + len(trig))]
        symmetric = False
        pair: list[Actor] = []
        if len(between_actors) >= 2 and not sources:
            sources, targets, symmetric = [between_actors[0]], [between_actors[1]], True
            pair = between_actors[:2]
        elif len(between_actors) == 1 and not sources:
            sources = between_actors
        elif between_actors and sources and not targets:
            targets = [a for a in between_actors if a not in sources][:1]
            symmetric = e.reciprocal or trig.pos_ == "NOUN"
        paired = self.lang == "en" and any(self._hyphenated_states(t) for t in src_toks)
        fan = False
        if (e.reciprocal or c.intent is not None or paired) and len(sources) >= 2 and not targets:
            sources, targets, symmetric = [sources[0]], [sources[1]], True
            pair = [sources[0], targets[0]]
        elif self.lang == "en" and e.type in _JOINT_TYPES and len(sources) >= 2 and not targets:
            # "A, B and C agreed to develop ...", "A and B held talks": an agreement, a meeting or a joint
            # venture of several parties named together is between them: the first named and each of the
            # others, one event per pair (as the guidelines count them), each either way round.
            named = sorted(sources, key=lambda a: a.start)
            sources, targets, symmetric, fan = [named[0]], named[1:], True, True
            pair = [sources[0], targets[0]]
        elif e.reciprocal and sources and targets:
            symmetric = True
        if len(sources) >= 2 and not pair:
            pair = sources[:2]
        if symmetric and sources and targets and not pair:
            pair = [sources[0], targets[0]]  # "les deux présidents" will refer to them
        if e.type == "CONSULT" and e.pos == "VERB" and e.mode == "visit":
            hosts = [resolver.entity_of(t) for t in tgt_toks]
            if not any(h is not None and h["type"] in ("GPE", "PER", "ORG") for h in hosts):
                return []  # visiting a fort or a town as a tourist is no diplomatic visit
        # How: negation, modality.
        verb = c.support or (trig if e.pos == "VERB" else None)
        negated = is_negated(trig) or (verb is not None and is_negated(verb)) or self._negated_above(verb or trig)
        modality = "asserted"
        in_report = covered(reported, trig.idx)
        modal = modal_of(trig, verb) if verb is not None else modal_of(trig)
        # The more uncertain reading wins: hypothetical > intended > reported > asserted.
        if modal == "hypothetical" or c.content == "hypothetical":
            modality = "hypothetical"
        elif c.intent is not None or modal == "intended" or c.content in ("intended", "instead"):
            modality = "intended"
        elif in_report or modal == "reported" or c.content == "reported":
            modality = "reported"
        etype, mode, cameo, intent = e.type, e.mode, e.cameo, None
        if (
            self.lang == "en"
            and c.support is not None
            and (etype not in _DOMINANT or etype == "AGREE")
            and not is_passive(c.support)
            and _must(c.support)
        ):
            # "X must reach an agreement", "Y should hold talks": the obligation is on the support verb of
            # the act's noun, a demand as on the act's own verb (see ``_refine``).
            etype, mode, cameo = "REQUEST", None, "100"
        deps = deps0  # the trigger's dependents, computed once above
        for word, m in e.modes:
            if word in deps:
                mode = m
                if m == "phone" and etype == "CONSULT":
                    cameo = "041"
        if mode is None:
            mode = _implied_mode(self.lang, etype, sources, targets)
        inner = next((g for g in c.governed if g in COOPERATIVE), None)
        if etype == "AGREE" and inner is not None:
            intent = inner
            cameo = _INTENT_CAMEO.get(inner, cameo)
        # An intended act keeps its own type (the project's guidelines); its CAMEO code is the
        # "express intent" code, so CAMEO→PLOVER conversion gives AGREE or THREATEN as PLOVER's gold
        # standard codes stated intentions.
        if modality == "intended" and etype in COOPERATIVE:
            cameo = _INTENT_CAMEO.get(etype, "030")
        elif modality == "intended" and etype in HOSTILE:
            cameo = _THREAT_CAMEO.get(etype, "130")
        # When and where.
        date = dates.date(c.anchors, c.sent, pluperfect=verb is not None and is_pluperfect(verb))
        location = self._location(c, resolver, {a.entity for a in sources + targets})
        feats = evidence_features(
            weight=e.weight,
            verb=e.pos == "VERB",
            source=bool(sources),
            target=bool(targets),
            needs_target=_requires_recipient(etype),
            text_date=date.get("basis") in ("timex", "sentence"),
            figurative_risk=e.lemma in _FIGURATIVE | _VERBAL_ATTACK,
            reported=in_report,
            modality=modality,
            negated=negated,
            bare_noun=e.pos == "NOUN" and c.support is None and len(c.anchors) == 1 and c.intent is None,
        )
        t_lo, t_hi = trig.idx, trig.idx + len(trig)
        if c.locution is not None:
            t_lo, t_hi = min(t_lo, c.locution.idx), max(t_hi, c.locution.idx + len(c.locution))
        sent_text = doc_text(trig.doc)[c.sent[0] : c.sent[1]]
        evidence = {"start": c.sent[0], "end": c.sent[1], "text": sent_text}
        out: list[tuple[dict[str, Any], list[Actor]]] = []
        src_list: list[Actor | None] = list(sources) or [None]
        # One event per (source, target) pair, as the guidelines count them: "provided loans to A and B"
        # is two acts of aid; a symmetric event keeps its pair as source and target.
        tgt_list: list[Actor | None] = (
            list(targets[:4]) if targets and (fan or not symmetric) else [targets[0] if targets else None]
        )
        pairs = [(src, tgt) for src in src_list for tgt in tgt_list]
        for k, (src, tgt) in enumerate(pairs):
            ev: dict[str, Any] = {
                "id": "",
                "type": etype,
                "mode": mode,
                "cameo": cameo,
                "source": src.as_dict() if src is not None else {"entity": None, "code": None},
                "target": tgt.as_dict() if tgt is not None else None,
                "date": date,
                "location": location,
                "negated": negated,
                "modality": modality,
                "evidence": evidence,
                "confidence": round(self.model(feats), 3),
                "_features": feats,
                "trigger": {
                    "start": t_lo,
                    "end": t_hi,
                    "text": doc_text(trig.doc)[t_lo:t_hi],
                    "lemma": trig.lemma_.lower(),
                    "pos": e.pos,
                },
                "_human": human,
                # Whether each actor is an entity the NER named (see :func:`.dedup._fit`).
                "_source_named": _is_named(resolver, src),
                "_target_named": _is_named(resolver, tgt),
                # The country an article that names none takes from its language (see :mod:`.dedup`).
                "_default_home": resolver.home if resolver.default_home else None,
                "symmetric": symmetric,
            }
            if intent:
                ev["intent"] = intent
            if in_report:
                ev["reported"] = True
            if self._keeps_candidates:
                # What the acceptance model reads besides the evidence (see :mod:`.acceptance`).
                ev["_cand"] = {
                    "drop": c.dropped,
                    "dep": trig.dep_,
                    "sent": c.sent[0],
                    "capitalised": trig.text.isupper() or trig.text.istitle(),
                }
            out.append((ev, pair if k == 0 else []))
        return out

    def _place_country(self, c: _Cand, resolver: ActorResolver) -> str | None:
        """The country of the place the clause says the act happened at, when the entity has one."""
        loc = self._location(c, resolver, set())
        ent = next((e for e in resolver.entities if loc is not None and e["id"] == loc["entity"]), None)
        country = (ent or {}).get("country")
        return country if isinstance(country, str) and is_country(country) else None

    def _location(self, c: _Cand, resolver: ActorResolver, actor_ids: set[str | None]) -> dict[str, Any] | None:
        """A place of the clause: a LOC/GPE entity introduced by a locative preposition."""
        for a in c.anchors:
            for role, toks in arguments(a).items():
                if not role.startswith("pp:") or role[3:] not in _LOCATION_PREPS:
                    continue
                for t in toks:
                    ent = resolver.entity_of(t)
                    if ent is None or ent["id"] in actor_ids or ent["type"] not in ("LOC", "GPE"):
                        continue
                    return {
                        "entity": ent["id"],
                        "start": t.idx,
                        "end": t.idx + len(t),
                        "text": doc_text(c.trigger.doc)[t.idx : t.idx + len(t)],
                    }
        return None


def _is_named(resolver: ActorResolver, actor: Actor | None) -> bool:
    """Whether an actor is an entity of the article's NER, not a phrase the coder made one of."""
    if actor is None or actor.entity is None:
        return False
    return any(e["id"] == actor.entity and e.get("origin") != "events" for e in resolver.entities)


@cache
def _implied_table(lang: str) -> dict[tuple[str, str, str], str]:
    return {(r[0], r[1], r[2]): r[3] for r in table_rows(lang, "implied.tsv") if len(r) >= 4}


def _implied_mode(lang: str, etype: str, sources: list[Actor], targets: list[Actor]) -> str | None:
    """The mode an event with none takes from its actors (``mode`` rows of ``implied.tsv``), else None."""
    codes = [a.code or "" for a in sources + targets]
    for (slot, typ, cond), mode in _implied_table(lang).items():
        if slot != "mode" or typ != etype:
            continue
        kind, _, value = cond.partition(":")
        if kind == "actor" and any(c.startswith(value) for c in codes):
            return mode
        # A code is country + sector, or a sector alone when no country is known ("GOV").
        if kind == "target" and any(((a.code or "")[3:6] or (a.code or "")) == value for a in targets):
            return mode
    return None


def _implied(lang: str, slot: str, etype: str, mode: str | None) -> str | None:
    """The sector of the actor an event of this type and mode implies in ``slot`` (``implied.tsv``), else None."""
    return _implied_table(lang).get((slot, etype, mode or ""))


@cache
def _lexicon(lang: str) -> Lexicon:
    return Lexicon(trigger_entries(lang))


def _detached(tok: Token) -> bool:
    """A noun set off by a comma right after another noun phrase, with no determiner or conjunction of its own
    ("des soldats, cibles d'attaques"): an apposition, whatever label the parser gave it."""
    if tok.i < 1 or tok.doc[tok.i - 1].text != "," or tok.dep_ not in _DETACHED | {"conj"}:
        return False
    return not any(c.dep_ in ("det", "cc") for c in tok.children)


def _requires_recipient(etype: str) -> bool:
    """PLOVER's ``requires_recipient`` for a type (AID, COOPERATE, ...: the codebook's flag)."""
    return bool(ontology()["types"].get(etype, {}).get("requires_recipient"))


def _must(verb: Token) -> bool:
    """Whether a verb is told as an obligation: "must"/"should" among its auxiliaries."""
    return any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in verb.children)


def _passive(tok: Token) -> bool:
    return is_passive(tok)


def _participle(tok: Token) -> bool:
    """A past participle with no auxiliary of its own ("arrêté et *écroué*")."""
    return "Part" in tok.morph.get("VerbForm", []) and not any(c.dep_.startswith("aux") for c in tok.children)


def _at_infinitive(tok: Token) -> bool:
    """An infinitive introduced by "à" ("n'est à déplorer")."""
    return "Inf" in tok.morph.get("VerbForm", []) and any(c.dep_ == "mark" and c.lower_ == "à" for c in tok.children)


def _asks_whether(tok: Token) -> bool:
    """A verb whose complement clause is an indirect question ("demander si", "demander pourquoi")."""
    return any(
        c.dep_ in ("ccomp", "obj") and any(g.dep_ in ("mark", "advmod") and g.lower_ in _QUESTION for g in c.children)
        for c in tok.children
    )


def _acronym(tok: Token) -> bool:
    """A word in capitals among words that are not: an acronym or a name ("le RAID", "la CGT"), not a
    headline in capitals ("ATTENTAT DE MANCHESTER")."""
    if len(tok) < 2 or not tok.text.isupper():
        return False
    doc = tok.doc
    near = [doc[j] for j in range(max(0, tok.i - 2), min(len(doc), tok.i + 3)) if j != tok.i and doc[j].is_alpha]
    return bool(near) and not any(t.text.isupper() and len(t) > 1 for t in near)


def _imperative(tok: Token) -> bool:
    """An imperative: tagged so, or a subjectless second-person form opening its sentence ("Aidez-les")."""
    if "Imp" in tok.morph.get("Mood", []):
        return True
    if tok.pos_ != "VERB" or any(c.dep_.startswith("nsubj") for c in tok.children):
        return False
    first = tok.i == 0 or tok.is_sent_start or tok.doc[tok.i - 1].text in ("«", '"', "“", ".", "!", "?")
    return first and tok.lower_.endswith(("ez", "ons")) and tok.doc.lang_ == "fr"


def self_timexes(doc: Doc) -> list[dict[str, Any]]:
    """The document's timexes (possibly none when the time component is absent)."""
    return list(doc._.timexes or [])


@Language.factory(
    "dateline_events",
    assigns=["doc._.events"],
    requires=["doc._.entities"],
    # "learned" by default (English; French ignores it): on stories no rule or model was fitted on (the
    # held-out dev set C and the test set) it finds about half as many events again at the same precision
    # as the rules alone (docs/evaluation.md, "A learned acceptance for English events").
    default_config={"lang": "fr", "min_confidence": 0.0, "accept": "learned"},
)
def make_event_extractor(
    nlp: Language, name: str, lang: str, min_confidence: float, accept: str = "learned"
) -> EventExtractor:
    """Find PLOVER events in the parse (see :class:`EventExtractor`); ``accept`` (English): "learned"
    (the default), "rules" or "candidates" (see :mod:`.acceptance`), which the environment variable
    ``DATELINE_EVENTS_ACCEPT`` overrides (so that every engine's workers decide alike)."""
    return EventExtractor(nlp, name, lang, min_confidence, os.environ.get("DATELINE_EVENTS_ACCEPT") or accept)
