"""Actors: the entities that do and undergo events, with CAMEO-style codes (country ISO3 + role).

"le président russe Vladimir Poutine" → the entity *Vladimir Poutine*, RUS (the adjective) + GOV (the
title); "les rebelles syriens" → SYRREB; "Moscou", "le Kremlin" → RUSGOV (a capital or a seat of power
stands for the government); "l'armée française" → FRAMIL; "Daech" → IMGMUSISI; "la Russie" → RUSGOV
(a state acting as a whole is its government, as the project's annotation guidelines say). An actor
that is not one of the article's entities ("les rebelles syriens") becomes a new entity, appended
with the next free id.

The role nouns are the CAMEO agent categories (GOV, MIL, REB, OPP, PTY, LAB, CRM, ...) in the
per-language resource files read by :mod:`dateline.events.resources`; the country comes from
:mod:`dateline.entities.gazetteer`. In order of trust, a person or organisation is coded by:

1. what the text says of it: a title or apposition ("le Premier ministre vanuatais X" → VUTGOV;
   "l'ancien président X" → ELI), its head noun ("les rebelles syriens" → SYRREB), a body named by
   its members ("le conseil de l'opposition syrienne" → SYROPP);
2. the named-actor dictionary (PETRARCH2's Phoenix actors), with the code valid on the article's date
   ("Vladimir Poutine" in 2017 → RUSGOV), matched by entity resolution's transliteration key;
3. what the entity record already carries (its ``country``, from the article or the knowledge base);
4. nothing: an unknown name gets no code rather than a guess.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.tokens import Doc, Token

from dateline.entities.gazetteer import Place, gazetteer
from dateline.entities.normalize import MAX_NAME_CHARS, fold, strip_determiners
from dateline.events.resources import Agent, actor_dictionary, agents, cues
from dateline.events.syntax import np_tokens, prep_of
from dateline.events.wire import company_country, dateline_country, historical_state, is_company, is_company_form
from dateline.extensions import doc_text

__all__ = ["Actor", "ActorResolver", "role_of"]

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
# Relative pronouns that stand for the noun their clause hangs on ("Trump, qui avait accusé ...").
_RELATIVE = frozenset({"qui", "lequel", "laquelle", "who", "which", "that"})


def role_of(tok: Token, lang: str | None) -> Agent | None:
    """The role noun entry of a token (by lemma, then by form) in its language's agents file."""
    table = agents(lang or "fr")
    return table.get(tok.lemma_.lower()) or table.get(tok.lower_)


def _sector(tok: Token, lang: str | None) -> str | None:
    a = role_of(tok, lang)
    return a.sector if a is not None and a.use != "group" and a.sector else None


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
        # Codes given by an event's meaning to phrases that name no one (see ``by_role``).
        self._role_codes: dict[str, str] = {}
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
        # A wire story's dateline ("LOUISVILLE, Ky., March 30 - ") says where it was filed: that country
        # first (see :mod:`.wire`).
        self.home: str | None = dateline_country(doc_text(doc), lang) or (votes.most_common(1)[0][0] if votes else None)

    # -- entity roles -----------------------------------------------------------------------------
    def _title_role(self, ent: dict[str, Any]) -> str | None:
        """The code a person's titles give them in the article: the title words just before a mention
        ("le Premier ministre vanuatais X", "l'ancien président X", "U.S. Secretary of State X") or an
        apposition after it ("X, ministre de l'Intérieur"). Only the words joined to the name count:
        a role noun earlier in the clause ("les forces de X") says nothing of X.

        Returns a code, a country alone or a sector alone (``VUTGOV``, ``VUT``, ``GOV``), or None.
        """
        if ent["type"] != "PER":
            return None
        gaz = gazetteer()
        for m in ent["mentions"]:
            span = self.doc.char_span(m["start"], m["end"], alignment_mode="expand")
            if span is None:
                continue
            words: list[Token] = []
            for i in range(span.start - 1, max(span.start - 7, -1), -1):
                t = self.doc[i]
                if t.is_punct or t.pos_ in ("VERB", "AUX", "ADP", "PRON", "SCONJ", "CCONJ"):
                    break
                words.append(t)
            head = span.root
            words += [c for c in head.children if c.dep_ == "appos" and c.i > head.i]
            words += [g for c in head.children if c.dep_ == "appos" and c.i > head.i for g in c.children]
            sector = country = None
            former = False
            for t in words:
                a = role_of(t, self.lang)
                if a is not None and a.use == "title" and sector is None:
                    sector = a.sector
                cue = cues(self.lang or "fr").get(t.lemma_.lower()) or cues(self.lang or "fr").get(t.lower_)
                former = former or cue == "ex" or t.lower_.startswith("ex-")
                hit = gaz.lookup(t.text, self.lang) if t.pos_ in ("ADJ", "PROPN", "NOUN") else None
                if hit is not None and hit.kind == "demonym" and country is None:
                    country = hit.iso3
            if sector is not None or country is not None:
                if former and sector == "GOV":
                    sector = "ELI"  # a former office holder is CAMEO's elite, not the government
                return (country or "") + (sector or "")
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

    def _role_code(self, ent: dict[str, Any]) -> str | None:
        """The code the entity's recorded roles give ("ministre russe des Affaires étrangères" →
        RUSGOV; "président malien" → MLIGOV), as its titles would: the roles are appositions and titles
        the entity component found in this article."""
        if ent["type"] != "PER":
            return None
        table = agents(self.lang or "fr")
        gaz = gazetteer()
        for role in ent.get("roles") or []:
            words = role.replace("'", " ").replace("’", " ").split()
            sector = next((a.sector for w in words if (a := table.get(w.lower())) and a.use == "title"), None)
            country = next((h.iso3 for w in words if (h := gaz.lookup(w, self.lang)) and h.kind == "demonym"), None)
            former = any(cues(self.lang or "fr").get(w.lower()) == "ex" for w in words)
            if sector == "GOV" and former:
                sector = "ELI"
            if sector or country:
                return (country or "") + (sector or "")
        return None

    def _known_code(self, ent: dict[str, Any]) -> str | None:
        """A person's or organisation's code from the text's titles, else the dictionary, else None.

        The title wins over the dictionary ("l'ancien président X" is ELI whatever the dictionary
        says); a title that gives only a sector or only a country is completed by the dictionary's
        code when they agree, else by the entity's own country.
        """
        titled = self._titles.get(ent["id"]) or self._role_code(ent) or ""
        listed = None
        if ent["type"] in ("PER", "ORG"):
            on = self.doc._.dct.earliest if self.doc._.dct is not None else None
            for form in [ent["name"], *(m["text"] for m in ent["mentions"])]:
                listed = actor_dictionary().code(strip_determiners(form), on)
                if listed:
                    break
        if len(titled) >= 6:
            return titled
        if titled:
            is_country = gazetteer_is_country(titled)
            if is_country:
                # A country from the title ("le ministre vanuatais"): the dictionary's sector if it is
                # that country's, else the country alone.
                if listed and listed.startswith(titled) and len(listed) >= 6:
                    return listed[:6]
                return titled
            # A sector from the title ("le ministre X"): the country from the dictionary or the record.
            country = (listed[:3] if listed and len(listed) >= 3 else None) or ent.get("country")
            return (country + titled) if country else titled
        if listed:
            return listed
        return None

    def actor(self, tok: Token) -> Actor | None:
        """The actor named by the phrase headed by ``tok``, or None when it names no actor."""
        if tok.pos_ == "PRON" and tok.lower_ in _RELATIVE and tok.dep_.startswith("nsubj"):
            # "le président, qui avait accusé X": the relative pronoun is the noun its clause hangs on.
            clause = tok.head
            if clause.dep_ in ("acl:relcl", "relcl", "acl") and clause.head.i != clause.i:
                return self.actor(clause.head)
            return None
        if tok.pos_ == "PRON" and tok.lower_ in _SINGULAR_PRONOUNS:
            ent = self._antecedent(tok)
            if ent is None:
                return None
            known = self._known_code(ent)
            if known is None or len(known) < 6:
                country = ent.get("country") or (known[:3] if known and gazetteer_is_country(known[:3]) else None)
                sector = known if known and not gazetteer_is_country(known[:3]) else None
                known = ((country or "") + (sector or "")) or None
            return Actor(ent["id"], known, tok.idx, tok.idx + len(tok))
        toks = np_tokens(tok)
        ent = self._entity_at(toks, tok)
        head_role = role_of(tok, self.lang)
        if head_role is not None and head_role.use == "group" and (ent is None or ent["type"] != "PER"):
            # "le conseil de l'opposition syrienne", "representatives of the union": the body is known by
            # its members, named by the "de"/"of" complement.
            member = next(
                (
                    c
                    for c in tok.children
                    if c.dep_ in ("nmod", "obl") and prep_of(c) in ("de", None) and c.pos_ != "PRON"
                ),
                None,
            ) or next(
                (
                    p
                    for c in tok.children
                    if c.dep_ == "prep" and c.lower_ == "of"
                    for p in c.children
                    if p.dep_ == "pobj"
                ),
                None,
            )
            if member is not None and member.i != tok.i:
                found = self.actor(member)
                if found is not None:
                    return Actor(found.entity, found.code, toks[0].idx, toks[-1].idx + len(toks[-1]))
        gaz = gazetteer()
        role = None
        country = None
        group_code = None
        # The role comes from the head noun or a title compounded with it ("U.S. President Donald
        # Trump"), not from any noun of the phrase ("l'Union européenne" is no trade union).
        titled = [tok, *(c for c in tok.children if c.dep_ in ("compound", "appos", "nmod") and c.i < tok.i)]
        if ent is not None and ent["type"] == "ORG":
            # "IG Nord, the country's largest union": an apposition says what kind of body it is.
            titled += [c for c in tok.children if c.dep_ == "appos" and c.i > tok.i]
        for t in titled:
            r = _sector(t, self.lang)
            if r and t.pos_ in ("NOUN", "PROPN") and role is None:
                role = r
        # A name ending with a company-law form is a business even when the NER missed it ("Norfield
        # Tools Inc"): the form names its kind as a role noun would.
        company_name = tok.pos_ == "PROPN" and is_company_form(tok.text, self.lang)
        if company_name and role is None:
            role = "BUS"
            head_role = head_role or Agent("BUS")
        former = any(
            cues(self.lang or "fr").get(c.lemma_.lower()) == "ex" or c.lower_.startswith("ex-")
            for c in tok.children
            if c.dep_ in ("amod", "compound", "advmod")
        )
        if former and role == "GOV":
            role = "ELI"  # "l'ancien ministre", "the former president": elite, not government
        for t in toks:
            if t.pos_ in ("ADJ", "NOUN", "PROPN") or t.text.isupper():
                hit = gaz.lookup(t.text, self.lang)
                if hit is not None and hit.kind in ("demonym",) and country is None:
                    country = hit.iso3
        # Folded like the table's keys: "l'Union européenne" is "union europeenne" there.
        igo = IGO_NAMES.get(fold(strip_determiners(" ".join(t.text for t in toks))))
        dictionary_code = None
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
                known = self._known_code(ent)
                if known is not None and len(known) >= 6 and role is None and country is None:
                    dictionary_code = known
                elif known is not None and gazetteer_is_country(known[:3]):
                    country = country or known[:3]
                    # A former office holder ("Former president X") is elite even where the head's
                    # title word says GOV.
                    role = "ELI" if known[3:6] == "ELI" and role == "GOV" else (role or known[3:6] or None)
                elif known is not None:
                    role = role or known
                country = country or ent.get("country")
                if is_company(ent, self.lang, doc_text(self.doc)):
                    # "Acme Corp", "Beta PLC <BETA.L>": a business, of the country its legal form or
                    # listing gives, else (below) of the article's home.
                    role = role or "BUS"
                    country = country or company_country(ent, doc_text(self.doc), self.lang)
            igo = igo or IGO_NAMES.get(fold(ent["name"]))
        if igo:
            code: str | None = igo
        elif group_code:
            code = group_code
        elif dictionary_code:
            code = dictionary_code
        elif country:
            code = country + (role or "")
        elif role and self.home is not None and role not in ("REB", "UAF", "REF"):
            # Role nouns and titled people of the article's own country: "la police", "le maire", "les
            # syndicats", "la députée X" (the guidelines' "country the article makes clear"; on the dev
            # sets this is right more often than leaving the country out, titled people included).
            # Rebels, gunmen and refugees are often foreign to it: no country rather than a guess.
            code = self.home + role
        elif role:
            code = role  # CAMEO codes an actor of unknown country by its role alone ("GOV", "REB")
        else:
            code = None
        span_lo, span_hi = toks[0].idx, toks[-1].idx + len(toks[-1])
        is_role_noun = head_role is not None and head_role.use != "group"
        if ent is None and code is None and tok.pos_ == "PROPN":
            # A name the NER missed ("The World Bank said ..."): the named-actor dictionary may know it.
            name = " ".join(t.text for t in toks if t.pos_ == "PROPN" or t.dep_ in ("compound", "prep", "pobj"))
            on = self.doc._.dct.earliest if self.doc._.dct is not None else None
            listed = actor_dictionary().code(name, on) if name else None
            if listed:
                code = listed
                is_role_noun = True  # an entity is made for it below
        if ent is None and code is None and not is_role_noun:
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
            if code is None or (not is_role_noun and igo is None):
                return None
            ent = self._new_entity(toks, role)
            if ent is None:
                return None
        if code is None:
            code = self._role_codes.get(ent["id"])
        return Actor(ent["id"], code, span_lo, span_hi)

    def by_role(self, tok: Token, sector: str) -> Actor:
        """An actor the event's own meaning codes: the person arrested is a suspect (CRM), the people a
        bomb killed are civilians (CVL), when the phrase ("un homme", "trois personnes") says no more."""
        toks = np_tokens(tok)
        country = next(
            (h.iso3 for t in toks if (h := gazetteer().lookup(t.text, self.lang)) and h.kind == "demonym"), None
        )
        ent = self._new_entity(toks, None)
        home = country or self.home
        if ent is None:  # a phrase longer than any name: coded, but no entity to point at
            return Actor(None, (home or "") + sector, toks[0].idx, toks[-1].idx + len(toks[-1]))
        code = (home or "") + sector
        self._role_codes[ent["id"]] = code  # the same phrase in another event of the sentence
        return Actor(ent["id"], code, toks[0].idx, toks[-1].idx + len(toks[-1]))

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
            "type": "PER" if singular_person and _is_title(toks[-1], self.lang) else "ORG",
            "country": country,
            "roles": [],
            "mentions": [{"start": lo, "end": hi, "text": text}],
            "origin": "events",
        }
        self.entities.append(ent)
        self._by_char.append((lo, hi, ent))
        return ent


def _is_title(tok: Token, lang: str | None) -> bool:
    a = role_of(tok, lang)
    return a is not None and a.use == "title"


def gazetteer_is_country(code: str) -> bool:
    """Whether three letters are a state's ISO3 code in the gazetteer ("RUS"), not a sector ("GOV")."""
    return len(code) == 3 and code in _iso3_codes()


@cache
def _iso3_codes() -> frozenset[str]:
    return frozenset(gazetteer().data["countries"])


def _place(ent: dict[str, Any], lang: str | None) -> Place | None:
    gaz = gazetteer()
    for form in [ent["name"], *(m["text"] for m in ent["mentions"])]:
        hit = gaz.lookup(form, lang)
        if hit is not None and hit.kind != "demonym":
            return hit
    if ent["type"] in ("GPE", "LOC", "ORG"):
        # A state of the time that today's gazetteer no longer lists ("the Soviet Union", "Bonn").
        for form in [ent["name"], *(m["text"] for m in ent["mentions"])]:
            code = historical_state(strip_determiners(form), lang)
            if code:
                return Place(code, "country", code)
    return None
