"""Actors: the entities that do and undergo events, with CAMEO-style codes (country ISO3 + role).

"le président russe Vladimir Poutine" → the entity *Vladimir Poutine*, RUS (the adjective) + GOV (the
title); "les rebelles syriens" → SYRREB; "Moscou", "le Kremlin" → RUSGOV (a capital or a seat of power
stands for the government); "l'armée française" → FRAMIL; "Daech" → IMGMUSISI; "la Russie" → RUSGOV
(a state acting as a whole is its government, as the project's annotation guidelines say). An actor
that is not one of the article's entities ("les rebelles syriens") becomes a new entity, appended
with the next free id.

The role nouns below are the CAMEO agent categories (GOV, MIL, REB, OPP, ...) in French and English,
written for this project; the country comes from :mod:`dateline.entities.gazetteer`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token

from dateline.entities.gazetteer import Place, gazetteer
from dateline.entities.normalize import MAX_NAME_CHARS, fold, strip_determiners
from dateline.events.syntax import np_tokens, prep_of
from dateline.extensions import doc_text

__all__ = ["ROLE_NOUNS", "Actor", "ActorResolver"]

# Head nouns (lemmas) that give the CAMEO role of an actor.
ROLE_NOUNS: dict[str, str] = {
    # government
    **dict.fromkeys(
        [
            "président",
            "présidente",
            "gouvernement",
            "ministre",
            "ministère",
            "premier-ministre",
            "chancelier",
            "chancelière",
            "roi",
            "reine",
            "émir",
            "prince",
            "diplomate",
            "diplomatie",
            "ambassadeur",
            "ambassade",
            "autorité",
            "autorités",
            "administration",
            "homologue",
            "dirigeant",
            "dirigeants",
            "régime",
            "exécutif",
            "cabinet",
            "chef",
            "porte-parole",
            "secrétaire",
            "vice-président",
            "sultan",
            "monarque",
            "maire",
            "gouverneur",
            "préfet",
            "consul",
            "president",
            "government",
            "minister",
            "ministry",
            "chancellor",
            "king",
            "queen",
            "emir",
            "diplomat",
            "ambassador",
            "embassy",
            "authority",
            "authorities",
            "administration",
            "counterpart",
            "leader",
            "leaders",
            "regime",
            "cabinet",
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "secretary",
            "official",
            "officials",
            "premier",
            "governor",
            "mayor",
            "prime-minister",
            "envoy",
            "delegation",
            "délégation",
        ],
        "GOV",
    ),
    # military
    **dict.fromkeys(
        [
            "armée",
            "militaire",
            "militaires",
            "soldat",
            "soldats",
            "troupe",
            "troupes",
            "force",
            "forces",
            "aviation",
            "marine",
            "état-major",
            "général",
            "commandant",
            "army",
            "military",
            "soldier",
            "soldiers",
            "troop",
            "troops",
            "forces",
            "navy",
            "airforce",
            "air-force",
            "general",
            "commander",
            "aircraft",
            "warplane",
            "warplanes",
            "helicopter",
            "helicopters",
            "tank",
            "tanks",
            "avion",
            "avions",
            "hélicoptère",
            "hélicoptères",
            "char",
            "chars",
        ],
        "MIL",
    ),
    **dict.fromkeys(
        [
            "rebelle",
            "rebelles",
            "insurgé",
            "insurgés",
            "milice",
            "milices",
            "guérilla",
            "séparatiste",
            "séparatistes",
            "rebel",
            "rebels",
            "insurgent",
            "insurgents",
            "militia",
            "militias",
            "guerrilla",
            "guerrillas",
            "separatist",
            "separatists",
        ],
        "REB",
    ),
    **dict.fromkeys(["opposition", "opposant", "opposants", "dissident", "dissidents", "dissidents"], "OPP"),
    **dict.fromkeys(
        ["police", "policier", "policiers", "gendarme", "gendarmes", "gendarmerie", "policeman", "policemen"],
        "COP",
    ),
    **dict.fromkeys(
        [
            "juge",
            "juges",
            "tribunal",
            "cour",
            "justice",
            "procureur",
            "parquet",
            "judge",
            "judges",
            "court",
            "prosecutor",
        ],
        "JUD",
    ),
    **dict.fromkeys(
        [
            "parlement",
            "député",
            "députés",
            "sénat",
            "sénateur",
            "sénateurs",
            "assemblée",
            "parliament",
            "lawmaker",
            "lawmakers",
            "legislator",
            "legislators",
            "senate",
            "senator",
            "senators",
            "congress",
        ],
        "LEG",
    ),
    **dict.fromkeys(
        [
            "entreprise",
            "entreprises",
            "société",
            "compagnie",
            "firme",
            "company",
            "companies",
            "firm",
            "firms",
        ],
        "BUS",
    ),
    **dict.fromkeys(
        [
            "journaliste",
            "journalistes",
            "média",
            "médias",
            "presse",
            "journal",
            "journalist",
            "journalists",
            "media",
            "newspaper",
        ],
        "MED",
    ),
    **dict.fromkeys(
        [
            "manifestant",
            "manifestants",
            "protestataire",
            "protestataires",
            "civil",
            "civils",
            "habitant",
            "habitants",
            "population",
            "villageois",
            "protester",
            "protesters",
            "demonstrator",
            "demonstrators",
            "civilian",
            "civilians",
            "resident",
            "residents",
            "villager",
            "villagers",
        ],
        "CVL",
    ),
    **dict.fromkeys(
        [
            "syndicat",
            "syndicats",
            "ouvrier",
            "ouvriers",
            "gréviste",
            "grévistes",
            "salarié",
            "salariés",
            "travailleur",
            "travailleurs",
            "union",
            "unions",
            "worker",
            "workers",
        ],
        "LAB",
    ),
    **dict.fromkeys(["réfugié", "réfugiés", "refugee", "refugees"], "REF"),
    **dict.fromkeys(["étudiant", "étudiants", "student", "students"], "EDU"),
    **dict.fromkeys(["agriculteur", "agriculteurs", "paysan", "paysans", "farmer", "farmers"], "AGR"),
}
# International organisations, coded the CAMEO way.
IGO_NAMES: dict[str, str] = {
    **dict.fromkeys(["onu", "nations unies", "un", "united nations"], "IGOUNO"),
    **dict.fromkeys(["otan", "nato"], "IGOWSTNAT"),
    **dict.fromkeys(["ue", "union europeenne", "eu", "european union"], "IGOEUREEC"),
}
# Plural pronouns and descriptions that refer back to the pair of actors last named together.
PAIR_WORDS = frozenset({"ils", "elles", "they", "both"})
PAIR_NOUNS = frozenset(
    {"président", "dirigeant", "pays", "partie", "chef", "ministre", "president", "leader", "country"}
)
_SINGULAR_PRONOUNS = frozenset({"il", "elle", "he", "she"})
_PERSON_TITLES = frozenset(k for k, v in ROLE_NOUNS.items() if v == "GOV") | {
    "général",
    "general",
    "commandant",
    "commander",
}


@dataclass(frozen=True)
class Actor:
    """An actor of an event: an entity id (or None) and its code, with the phrase that named it."""

    entity: str | None
    code: str | None
    start: int
    end: int

    def as_dict(self) -> dict[str, Any]:
        """The contract's actor object."""
        return {"entity": self.entity, "code": self.code}


class ActorResolver:
    """Maps argument tokens of a trigger to actors, per document."""

    def __init__(self, doc: Doc, lang: str | None) -> None:
        self.doc = doc
        self.lang = lang
        if doc._.entities is None:
            doc._.entities = []
        self.entities: list[dict[str, Any]] = doc._.entities
        self._by_char: list[tuple[int, int, dict[str, Any]]] = [
            (m["start"], m["end"], e) for e in self.entities for m in e["mentions"]
        ]
        self._titles: dict[str, str] = {}
        for e in self.entities:
            role = self._title_role(e)
            if role:
                self._titles[e["id"]] = role
        # The article's own country: the one its places and people name most often. An actor known
        # by its role only ("la police", "le maire", "les syndicats") is taken to be from there, as
        # a reader would (the annotation guidelines' "country the article makes clear"); with no such
        # evidence it keeps its bare role code.
        votes = Counter(
            e["country"]
            for e in self.entities
            if e.get("country") and e["type"] in ("GPE", "LOC", "PER") and e.get("origin") != "events"
            for _ in e["mentions"]
        )
        self.home: str | None = votes.most_common(1)[0][0] if votes else None

    # -- entity roles -----------------------------------------------------------------------------
    def _title_role(self, ent: dict[str, Any]) -> str | None:
        """The role a person's titles give them anywhere in the article ("le président russe X")."""
        if ent["type"] != "PER":
            return None
        for m in ent["mentions"]:
            span = self.doc.char_span(m["start"], m["end"], alignment_mode="expand")
            if span is None:
                continue
            for i in range(span.start - 1, max(span.start - 6, -1), -1):
                t = self.doc[i]
                if t.is_punct or t.pos_ in ("VERB", "AUX"):
                    break
                role = ROLE_NOUNS.get(t.lemma_.lower()) or ROLE_NOUNS.get(t.lower_)
                if role and t.lemma_.lower() in _PERSON_TITLES | {"ministre", "minister"}:
                    return role
                if role:
                    return role
        return None

    def _entity_at(self, toks: list[Token], head: Token) -> dict[str, Any] | None:
        """The entity a phrase names: the mention holding its head word, else the nearest mention
        in it (people before organisations before places: "le président russe Vladimir Poutine")."""
        if not toks:
            return None
        hits = []
        for s, end, e in self._by_char:
            inside = [t for t in toks if s <= t.idx < end]
            if inside:
                dist = min(abs(t.i - head.i) for t in inside)
                hits.append((dist, e))
        if not hits:
            return None
        order = {"PER": 0, "ORG": 1, "GPE": 2, "LOC": 3, "MISC": 4}
        for dist, e in hits:
            if dist == 0:
                return e
        return min(hits, key=lambda h: (order.get(h[1]["type"], 5), h[0]))[1]

    def entity_of(self, tok: Token) -> dict[str, Any] | None:
        """The entity of the phrase headed by ``tok``, without creating one."""
        return self._entity_at(np_tokens(tok), tok)

    # -- actors -----------------------------------------------------------------------------------
    def is_pair_reference(self, tok: Token) -> bool:
        """ "ils", "les deux présidents", "both leaders": a reference to two actors named before."""
        if tok.lower_ in PAIR_WORDS:
            return True
        lemma = tok.lemma_.lower()
        return lemma in PAIR_NOUNS and any(c.lower_ in ("deux", "two", "both") for c in tok.children)

    def _antecedent(self, tok: Token) -> dict[str, Any] | None:
        """The person a singular pronoun most likely refers to: the last person named before it."""
        best = None
        for s, _e, ent in self._by_char:
            if ent["type"] == "PER" and s < tok.idx and (best is None or s > best[0]):
                best = (s, ent)
        return best[1] if best is not None else None

    def actor(self, tok: Token) -> Actor | None:
        """The actor named by the phrase headed by ``tok``, or None when it names no actor."""
        if tok.pos_ == "PRON" and tok.lower_ in _SINGULAR_PRONOUNS:
            ent = self._antecedent(tok)
            if ent is None:
                return None
            pron_code = (ent.get("country") or self.home or "") + (self._titles.get(ent["id"]) or "")
            return Actor(ent["id"], pron_code or None, tok.idx, tok.idx + len(tok))
        toks = np_tokens(tok)
        ent = self._entity_at(toks, tok)
        gaz = gazetteer()
        role = None
        country = None
        group_code = None
        head_lemma = tok.lemma_.lower()
        # The role comes from the head noun or a title compounded with it ("U.S. President Donald
        # Trump"), not from any noun of the phrase ("l'Union européenne" is no trade union).
        titled = [tok, *(c for c in tok.children if c.dep_ in ("compound", "appos", "nmod") and c.i < tok.i)]
        for t in titled:
            r = ROLE_NOUNS.get(t.lemma_.lower()) or ROLE_NOUNS.get(t.lower_)
            if r and t.pos_ in ("NOUN", "PROPN") and role is None:
                role = r
        for t in toks:
            if t.pos_ in ("ADJ", "NOUN", "PROPN") or t.text.isupper():
                hit = gaz.lookup(t.text, self.lang)
                if hit is not None and hit.kind in ("demonym",) and country is None:
                    country = hit.iso3
        # Folded like the table's keys: "l'Union européenne" is "union europeenne" there.
        igo = IGO_NAMES.get(fold(strip_determiners(" ".join(t.text for t in toks))))
        if ent is not None:
            place = _place(ent, self.lang)
            if place is not None and place.kind == "group":
                group_code = place.code
            elif place is not None and place.kind == "metonym":
                country, role = place.iso3, place.role
            elif place is not None and place.kind == "capital":
                country, role = place.iso3, role or "GOV"
            elif place is not None and place.kind == "country":
                # A state acting as a whole is its government ("la Russie a proposé ..." → RUSGOV).
                country, role = place.iso3, role or "GOV"
            else:
                country = ent.get("country") or country
                role = role or self._titles.get(ent["id"])
            igo = igo or IGO_NAMES.get(fold(ent["name"]))
        if igo:
            code: str | None = igo
        elif group_code:
            code = group_code
        elif country:
            code = country + (role or "")
        elif role and self.home is not None and role not in ("REB",):
            code = self.home + role
        elif role:
            code = role  # CAMEO codes an actor of unknown country by its role alone ("GOV", "REB")
        else:
            code = None
        span_lo, span_hi = toks[0].idx, toks[-1].idx + len(toks[-1])
        if ent is None and code is None and head_lemma not in ROLE_NOUNS:
            # "un convoi de l'armée russe", "positions of the rebels": the actor is the owner.
            owner = next(
                (
                    c
                    for c in tok.children
                    if c.dep_ in ("nmod", "poss") and c.pos_ != "PRON" and prep_of(c) in (None, "de")
                ),
                None,
            )
            if owner is None:
                owner = next(
                    (p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children),
                    None,
                )
            if owner is not None and owner.i != tok.i:
                return self.actor(owner)
        if ent is None:
            if code is None or (head_lemma not in ROLE_NOUNS and igo is None):
                return None
            ent = self._new_entity(toks, role)
            if ent is None:
                return None
        return Actor(ent["id"], code, span_lo, span_hi)

    def _new_entity(self, toks: list[Token], role: str | None) -> dict[str, Any] | None:
        """Append an entity for an actor the NER did not name ("les rebelles syriens"); none for a phrase
        longer than any name (see :data:`~dateline.entities.normalize.MAX_NAME_CHARS`)."""
        lo, hi = toks[0].idx, toks[-1].idx + len(toks[-1])
        text = doc_text(self.doc)[lo:hi]
        if hi - lo > MAX_NAME_CHARS:
            return None
        for e in self.entities:
            if any(m["start"] == lo and m["end"] == hi for m in e["mentions"]):
                return e
        ids = [int(e["id"][1:]) for e in self.entities if e["id"][1:].isdigit()]
        country = None
        for t in toks:
            hit = gazetteer().lookup(t.text, self.lang)
            if hit is not None and hit.kind == "demonym":
                country = hit.iso3
                break
        singular_person = role == "GOV" and toks[0].morph.get("Number", []) != ["Plur"]
        ent = {
            "id": f"e{max(ids, default=0) + 1}",
            "name": strip_determiners(text) or text,
            "type": "PER" if singular_person and toks[-1].lemma_.lower() in _PERSON_TITLES else "ORG",
            "country": country,
            "roles": [],
            "mentions": [{"start": lo, "end": hi, "text": text}],
            "origin": "events",
        }
        self.entities.append(ent)
        self._by_char.append((lo, hi, ent))
        return ent


def _place(ent: dict[str, Any], lang: str | None) -> Place | None:
    gaz = gazetteer()
    for form in [ent["name"], *(m["text"] for m in ent["mentions"])]:
        hit = gaz.lookup(form, lang)
        if hit is not None and hit.kind != "demonym":
            return hit
    return None
