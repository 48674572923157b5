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

1. what the phrase itself says: its head noun ("les rebelles syriens" → SYRREB), a title compounded with
   the name ("U.S. President X"), a body named by its members ("le conseil de l'opposition syrienne" →
   SYROPP);
2. the entity's affiliation (:mod:`dateline.entities.affiliation`, the entity layer's one answer to who
   is who): its titles and appositions anywhere in the article ("le Premier ministre malien X" →
   MLIGOV; "l'ancien président X" → ELI), else the named-actor dictionary (PETRARCH2's Phoenix actors)
   with the code valid on the article's date ("Vladimir Poutine" in 2017 → RUSGOV);
3. nothing: an unknown name gets no code rather than a guess, and a person never gets the article's
   main country for want of evidence about them.

Role nouns that name an institution or the people of a place ("la police", "le tribunal", "les
habitants", "les syndicats") are, unmarked, those of the country the article is about, as the annotation
guidelines code them; people (named, or described by a title: "le ministre") and bodies known only by
whom they stand for ("les délégations") are not.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token

from dateline.entities.affiliation import is_country, setting_country
from dateline.entities.component import demonym_mentions
from dateline.entities.gazetteer import Place, gazetteer
from dateline.entities.normalize import MAX_NAME_CHARS, fold, name_offset, strip_determiners
from dateline.events.resources import (
    Agent,
    actor_dictionary,
    agent_of,
    agents,
    bodies,
    cues,
    default_home,
    party_code,
    project_code,
)
from dateline.events.syntax import np_tokens, prep_of
from dateline.events.wire import (
    company_country,
    dateline_country,
    historical_state,
    is_company,
    is_company_form,
    state_of_the_time,
)
from dateline.extensions import doc_text

__all__ = ["Actor", "ActorResolver", "role_of"]

# International organisations, in the project's scheme (EUR, IGO + GOV; the UN as CAMEO writes it: see
# :func:`~dateline.events.resources.project_code`).
IGO_NAMES: dict[str, str] = {
    **dict.fromkeys(["onu", "nations unies", "un", "united nations"], "IGOUNO"),
    **dict.fromkeys(["otan", "nato"], "IGOGOV"),
    **dict.fromkeys(["ue", "union europeenne", "eu", "european union"], "EURGOV"),
}
# Plural pronouns and descriptions that refer back to the pair of actors last named together.
PAIR_WORDS = frozenset({"ils", "elles", "they", "both"})
PAIR_NOUNS = frozenset(
    {"président", "dirigeant", "pays", "partie", "chef", "ministre", "president", "leader", "country"}
)
_SINGULAR_PRONOUNS = frozenset({"il", "elle", "he", "she"})
# Non-state roots of the project's codes (eval/events/GUIDELINES.md, 3.3): the UN, the EU, other
# organisations, NGOs, transnational armed groups, multinationals.
_NON_STATE = frozenset({"UNO", "EUR", "IGO", "NGO", "IMG", "MNC", "ISM"})
# Relative pronouns that stand for the noun their clause hangs on ("Trump, qui avait accusé ...").
_RELATIVE = frozenset({"qui", "lequel", "laquelle", "who", "which", "that"})


def _pronoun_form(tok: Token) -> str:
    """A pronoun without the hyphen of French inversion ("déplorait-il", "a-t-elle dit": il, elle)."""
    low = tok.lower_.lstrip("-")
    return low[2:] if low.startswith("t-") else low


def role_of(tok: Token, lang: str | None) -> Agent | None:
    """The role noun entry of a token in its language's agents file: a head noun with its "de"/"of"
    complement first ("les forces de l'ordre" are the police, not the army), then a two-word entry ending
    with it, then the word by lemma and by form (:func:`~dateline.events.resources.agent_of`)."""
    table = agents(lang or "fr")
    for c in tok.children:
        if c.dep_ in ("nmod", "obl") and c.i > tok.i and prep_of(c) in ("de", "of"):
            for head in (tok.lemma_.lower(), tok.lower_):
                for word in (c.lemma_.lower(), c.lower_):
                    found = table.get(f"{head} {prep_of(c)} {word}")
                    if found is not None:
                        return found
    return agent_of(tok, lang or "fr")


def _sector(tok: Token, lang: str | None) -> str | None:
    a = role_of(tok, lang)
    return a.sector if a is not None and a.sector else None


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
        # Codes given by an event's meaning to phrases that name no one (see ``by_role``).
        self._role_codes: dict[str, str] = {}
        # Nouns of people ("man", "victim", "soldier"): the events component sets its own list here.
        self.persons: frozenset[str] = frozenset()
        # The actors of the phrases already resolved in this document, by the phrase's token indices and
        # the pair a "both"/"les deux" in it would stand for (see ``EventExtractor._actors_of``).
        self.phrases: dict[tuple[tuple[int, ...], tuple[Actor, ...]], list[Actor]] = {}
        # The article's own country: the one its places and people name most often. An institution or
        # the people of a place known by their role only ("la police", "le tribunal", "les syndicats")
        # are taken to be from there, as a reader would (the annotation guidelines' "country the
        # article makes clear"); with no such evidence they keep their bare role code. People are
        # not: their country comes from evidence about them (see ``actor``).
        # A nationality noun ("le quotidien des Français") counts as its people do; nationality words are
        # no entities (see demonym_mentions), but an event may be about them ("The Palestinians reject").
        self._demonyms = demonym_mentions(doc)
        gaz = gazetteer()
        votes = Counter(
            e["country"]
            for e in self.entities
            if e.get("country") and e["type"] in ("GPE", "LOC", "PER") and e.get("origin") != "events"
            for m in e["mentions"]
            # "U.S." is listed with the nationality adjectives ("U.S. officials"), which do not count
            if not ((p := gaz.lookup(m["text"], lang)) is not None and p.kind == "demonym")
        ) + Counter(iso3 for _, _, iso3, noun in self._demonyms if noun)
        # A wire story's dateline ("LOUISVILLE, Ky., March 30 - ") says where it was filed: that country
        # first (see :mod:`.wire`).
        home = dateline_country(doc_text(doc), lang) or (votes.most_common(1)[0][0] if votes else None)
        top = votes.most_common(2)
        tied = len(top) == 2 and top[0][1] == top[1][1] and dateline_country(doc_text(doc), lang) is None
        if home is not None and tied and default_home(lang) is not None:
            # No country named more than another ("tourné au Maroc", "en Thaïlande", "au Cambodge", once
            # each): no evidence of the article's country, so a language's news is about its home, as when
            # none is named (``home.txt``); the first of the tied would be an arbitrary pick.
            home = default_home(lang)
        # An article that names no country at all ("la police", "le tribunal", "le maire de <a town the
        # gazetteer does not list>") is about the country its language's news is about, when the language's
        # resources name one (``home.txt``: French news is French).
        self.default_home: bool = home is None and default_home(lang) is not None
        self.home: str | None = home or default_home(lang)
        # The state whose officials the article names by their bare title ("le ministre", "the finance
        # minister"): its dateline's, else the one state it names, as the entity layer decides for
        # titled people (see complete_from_article); in an article that names none, the default home.
        setting = setting_country(doc_text(doc), self.entities)
        self.setting: str | None = setting[0] if setting is not None else (self.home if self.default_home else None)
        # Whether the country the article names most is the one its language's news is about (``home.txt``:
        # French news is French). National news names its own offices by their bare title ("le ministre de
        # l'Intérieur", "la ministre de la Santé") and a foreign one with its nationality ("le ministre
        # allemand"), so in such an article a bare title is the home state's even when other states are named.
        self.home_news: bool = home is not None and home == default_home(lang)

    def _state_thing(self, tok: Token, ent: dict[str, Any]) -> bool:
        """Whether ``tok`` heads a phrase naming a thing by a nationality word alone: the entity is one made
        for a nationality word (see ``_demonym_entity``), and the head is a common noun outside it that
        names no people (``persons``, the events component's person nouns; no role noun, no PERSON)."""
        if ent.get("origin") != "events" or ent["type"] != "MISC" or tok.pos_ != "NOUN":
            return False
        if any(m["start"] <= tok.idx < m["end"] for m in ent["mentions"]):
            return False  # "the Japanese": the people themselves
        if tok.ent_type_ in ("PERSON", "NORP") or tok.lemma_.lower() in self.persons:
            return False
        hit = gazetteer().lookup(tok.text, self.lang)
        return role_of(tok, self.lang) is None and not (hit is not None and hit.kind == "demonym")

    # -- entity roles -----------------------------------------------------------------------------
    @staticmethod
    def _known_code(ent: dict[str, Any]) -> str | None:
        """The code the entity layer found for a person or organisation (its ``affiliation``: titles,
        appositions, nationality words, the dictionary on the article's date), else None."""
        found = ent.get("affiliation")
        return found.get("code") if isinstance(found, dict) else None

    def _org_at(self, tok: Token) -> dict[str, Any] | None:
        """The organisation one of whose mentions holds ``tok``, else None."""
        return next((e for s, end, e in self._by_char if s <= tok.idx < end and e["type"] == "ORG"), None)

    def _body_code(self, ent: dict[str, Any]) -> str | None:
        """The code of the organisation an English title ties a person to, he acts for it: a title or role
        word between the body's name and his ("Acme Corp chairman X", "the Metal Union official X") or an
        apposition naming it ("X, chairman of Acme Corp,", "X, a spokesman for the union"). None when no
        such body is named or it has no code of its own."""
        doc = self.doc
        for m in ent["mentions"]:
            span = doc.char_span(m["start"], m["end"], alignment_mode="expand")
            if span is None:
                continue
            body_tok = None
            # Left: up to three lower-case title words, at least one a role noun, right after the body.
            i, titled = span.start - 1, False
            while i >= max(0, span.start - 3) and doc[i].pos_ in ("NOUN", "ADJ") and not doc[i].text[:1].isupper():
                titled = titled or role_of(doc[i], self.lang) is not None
                i -= 1
            if titled and i >= 0 and i < span.start - 1 and self._org_at(doc[i]) is not None:
                body_tok = doc[i]
            # Right: ", [a] title of/for [the] Body".
            j = span.end
            if body_tok is None and j < len(doc) - 2 and doc[j].text == ",":
                k, titled = j + 1, False
                while k < min(len(doc), j + 6) and doc[k].pos_ in ("DET", "ADJ", "NOUN") and doc[k].text != ",":
                    titled = titled or (doc[k].pos_ == "NOUN" and role_of(doc[k], self.lang) is not None)
                    k += 1
                if titled and k < len(doc) - 1 and doc[k].lower_ in ("of", "for"):
                    k += 1
                    while k < len(doc) and doc[k].pos_ == "DET":
                        k += 1
                    if k < len(doc) and self._org_at(doc[k]) is not None:
                        body_tok = doc[k]
            if body_tok is None:
                continue
            org = self._org_at(body_tok)
            assert org is not None
            if _place(org, self.lang) is not None and _place(org, self.lang).kind != "metonym":  # type: ignore[union-attr]
                continue  # a state or a city ("Tokyo's governor") is the nationality rule's business
            mention = next(x for x in org["mentions"] if x["start"] <= body_tok.idx < x["end"])
            org_span = doc.char_span(mention["start"], mention["end"], alignment_mode="expand")
            found = self.actor(org_span.root) if org_span is not None else None
            if found is not None and found.code and not is_country(found.code):
                return found.code
        return None

    def _person_known(self, ent: dict[str, Any], body: str | None) -> str | None:
        """A person's code: what the entity layer found when it names a state or an international body,
        else the code of the body his title ties him to, else what the entity layer found."""
        known = self._known_code(ent)
        if body is not None and (known is None or not (is_country(known[:3]) or known[:3] in _NON_STATE)):
            return body
        return known

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
            return self._demonym_entity(toks)
        order = {"PER": 0, "ORG": 1, "GPE": 2, "LOC": 3, "MISC": 4}
        for dist, e in hits:
            if dist == 0:
                return e
        if any(d[0] <= head.idx < d[1] for d in self._demonyms):
            return self._demonym_entity([head])  # "The Albanians of southern Serbia": the people
        return min(hits, key=lambda h: (order.get(h[1]["type"], 5), h[0]))[1]

    def _demonym_entity(self, toks: list[Token]) -> dict[str, Any] | None:
        """An entity for the nationality word of a phrase that names no entity ("The Palestinians",
        "Albanian protesters"), made when an event needs it: MISC, with its country."""
        lo, hi = toks[0].idx, toks[-1].idx + len(toks[-1])
        found = next((d for d in self._demonyms if lo <= d[0] and d[1] <= hi), None)
        if found is None:
            return None
        s, e, iso3, _ = found
        text = doc_text(self.doc)[s:e]
        ids = [int(x["id"][1:]) for x in self.entities if x["id"][1:].isdigit()]
        ent = {
            "id": f"e{max(ids, default=0) + 1}",
            "name": strip_determiners(text) or text,
            "type": "MISC",
            "country": iso3,
            "roles": [],
            "mentions": [{"start": s, "end": e, "text": text}],
            "origin": "events",
        }
        self.entities.append(ent)
        self._by_char.append((s, e, ent))
        self._demonyms.remove(found)
        return ent

    def entity_of(self, tok: Token) -> dict[str, Any] | None:
        """The entity of the phrase headed by ``tok``, creating none but for a nationality word."""
        return self._entity_at(np_tokens(tok), tok)

    # -- actors -----------------------------------------------------------------------------------
    def is_pair_reference(self, tok: Token) -> bool:
        """ "ils", "les deux présidents", "both leaders": a reference to two actors named before."""
        if _pronoun_form(tok) in PAIR_WORDS:
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
        """The actor named by the phrase headed by ``tok``, or None when it names no actor; in English, its
        state as it was on the article's date ("Moscow" in 1987 is the Soviet Union's government)."""
        found = self._actor(tok)
        if found is None or self.lang != "en" or not found.code:
            return found
        day = self.doc._.dct.latest if self.doc._.dct is not None else None
        code = state_of_the_time(found.code, day, self.lang)
        return found if code == found.code else Actor(found.entity, code, found.start, found.end)

    def _actor(self, tok: Token) -> Actor | None:
        if tok.pos_ == "PRON" and tok.lower_ in _RELATIVE and tok.dep_.startswith("nsubj"):
            # "le président, qui avait accusé X": the relative pronoun is the noun its clause hangs on.
            clause = tok.head
            if clause.dep_ in ("acl:relcl", "relcl", "acl") and clause.head.i != clause.i:
                found = self.actor(clause.head)
                noun = clause.head
                # "les N1 du N2 qui ont critiqué X" (viewers of a show): the parser hangs the clause on the nearest
                # noun; when that "de" complement names no actor, the noun it completes is the one.
                completed = (
                    found is None
                    and self.lang == "fr"
                    and noun.dep_ == "nmod"
                    and prep_of(noun) == "de"
                    and noun.head.pos_ in ("NOUN", "PROPN")
                    and noun.head.i != noun.i
                )
                return self.actor(noun.head) if completed else found
            return None
        if tok.pos_ == "PRON" and _pronoun_form(tok) in _SINGULAR_PRONOUNS:
            ent = self._antecedent(tok)
            if ent is None:
                return None
            body = self._body_code(ent) if self.lang == "en" else None
            return Actor(ent["id"], self._person_known(ent, body), tok.idx, tok.idx + len(tok))
        toks = np_tokens(tok)
        ent = self._entity_at(toks, tok)
        head_role = role_of(tok, self.lang)
        heads_a_body = self.lang == "fr" and head_role is not None and head_role.use == "head"
        if (
            head_role is not None
            and (head_role.use == "group" or heads_a_body)
            and (ent is None or ent["type"] != "PER")
        ):
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
                # French: "le chef du syndicat", "le porte-parole de l'armée" speak for the body, which gives
                # the code; a body of no known code ("le président de la Commission X") leaves the title's.
                if found is not None and (not heads_a_body or found.code is not None):
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
        modifier_role = False
        role_tok: Token | None = None
        for t in titled:
            r = _sector(t, self.lang)
            if r and t.pos_ in ("NOUN", "PROPN") and role is None:
                role = r
                role_tok = t
                modifier_role = t.i != tok.i
        # A name ending with a company-law form is a business even when the NER missed it ("Norfield
        # Tools Inc"): the form names its kind as a role noun would.
        company_name = tok.pos_ == "PROPN" and is_company_form(tok.text, self.lang)
        if company_name and (role is None or (self.lang == "en" and modifier_role)):
            # English: a title word inside a company's name ("Michigan General Corp") is no title.
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
        igo = IGO_NAMES.get(fold(strip_determiners(" ".join(t.text for t in toks)))) or _body_code_of(
            " ".join(t.text for t in toks), self.lang
        )
        dictionary_code = None
        party: str | None = None
        if ent is not None:
            place = _place(ent, self.lang)
            if (
                self.lang == "en"
                and place is not None
                and place.kind in ("country", "capital")
                and role_tok is not None
                and any(m["start"] <= role_tok.idx < m["end"] for m in ent["mentions"])
            ):
                # "the Soviet Union", "the United Kingdom": a role word inside a state's own name ("union",
                # "kingdom") says nothing of who acts; the state acting is its government.
                role = None
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
                body = self._body_code(ent) if ent["type"] == "PER" and self.lang == "en" else None
                if body is not None and self._person_known(ent, body) == body:
                    # "Acme Corp chairman X": he acts for the body his title names, with its code.
                    dictionary_code = body
                elif known is not None and len(known) >= 6 and role is None and country is None:
                    dictionary_code = known
                elif known is not None and (is_country(known[:3]) or known[:3] in _NON_STATE):
                    country = country or known[:3]
                    # A former office holder ("Former president X") is elite even where the head's
                    # title word says GOV.
                    role = "ELI" if known[3:6] == "ELI" and role == "GOV" else (role or known[3:6] or None)
                elif known is not None:
                    role = role or known
                if is_company(ent, self.lang, doc_text(self.doc)):
                    # "Acme Corp", "Beta PLC <BETA.L>": a business, of the country its legal form or
                    # listing gives, else (below) of the article's home.
                    role = role or "BUS"
                    country = country or company_country(ent, doc_text(self.doc), self.lang)
            igo = igo or IGO_NAMES.get(fold(ent["name"])) or _body_code_of(ent["name"], self.lang)
            if ent["type"] in ("ORG", "MISC") and group_code is None:
                # A political party (the language's ``parties.tsv``): in government or in opposition on the
                # article's day ("le vice-président LR", "la candidate du Front national" speak for it).
                on = self.doc._.dct.earliest if self.doc._.dct is not None else None
                party = next(
                    (
                        p
                        for f in [ent["name"], *(m["text"] for m in ent["mentions"])]
                        if (p := party_code(f, self.lang, on))
                    ),
                    None,
                )
        # People, named or titled ("Donald Trump", "le ministre"), and bodies known by whom they stand for
        # ("les délégations") get no country but what is said of them: the article's main country is no
        # evidence about a person ("le président Trump" in an article on Syria is not Syria's).
        person = (ent is not None and ent["type"] == "PER") or (
            head_role is not None and head_role.use in ("title", "head", "group")
        )
        if igo:
            code: str | None = igo
        elif group_code:
            code = project_code(group_code)
        elif party:
            code = party
        elif dictionary_code:
            code = dictionary_code
        elif country:
            if role is None and self.lang == "en" and ent is not None and self._state_thing(tok, ent):
                # "a Colombian proposal", "Japanese exports", "an Iranian oil platform": a nationality word on
                # a thing, not on people, names the state whose thing it is (a state acting as a whole is its
                # government, as "Colombia" would be).
                role = "GOV"
            code = country + (role or "")
        elif role and self.setting is not None and person and _singular_title(tok, head_role):
            # "le ministre", "the finance minister" in a story set in one state: that state's office.
            code = self.setting + role
        elif (
            role
            and self.home_news
            and self.home is not None
            and person
            and _singular_title(tok, head_role)
            and role not in ("REB", "UAF", "REF")
        ):
            # "le ministre de l'Intérieur" in French news that also names Germany: the home state's office
            # (see ``home_news``); a nationality word or a named state would have given its own above.
            code = self.home + role
        elif role and self.default_home and self.home is not None and role not in ("REB", "UAF", "REF"):
            # In an article that names no country, a titled or described person ("le ministre X", "le
            # kinésithérapeute") is of the country its language's news is about, as the setting gives
            # titled people their state.
            code = self.home + role
        elif role and self.home is not None and not person and role not in ("REB", "UAF", "REF"):
            # Institutions and people of a place known by their role: "la police", "le tribunal", "les
            # syndicats", "les habitants" are those of the country the article is about (the guidelines'
            # "country the article makes clear"). Rebels, gunmen and refugees are often foreign to it:
            # no country rather than a guess.
            code = self.home + role
        elif role:
            code = role  # CAMEO codes an actor of unknown country by its role alone ("GOV", "REB")
        else:
            code = None
        span_lo, span_hi = toks[0].idx, toks[-1].idx + len(toks[-1])
        # A body noun says whom it stands for by its "of" complement (above) or, in English, by a role noun
        # compounded with it: "opposition groups", "rebel movement", "union members" are the opposition,
        # rebels and unions, as the role noun alone would be.
        is_role_noun = head_role is not None and (
            head_role.use != "group" or bool(head_role.sector) or (modifier_role and self.lang == "en")
        )
        if code is None and tok.pos_ == "PROPN" and (ent is None or ent.get("origin") == "events"):
            # A name the NER missed ("The World Bank said ..."; an entity made for it by an earlier
            # event of the article counts as missed too): the named-actor dictionary may know it.
            name = " ".join(t.text for t in toks if t.pos_ == "PROPN" or t.dep_ in ("compound", "prep", "pobj"))
            on = self.doc._.dct.earliest if self.doc._.dct is not None else None
            listed = actor_dictionary().code(name, on) if name else None
            if not listed and name and self.lang == "en" and head_role is None:
                # "Reagan said": an office holder of the day named by his surname alone (no role noun:
                # "Treasury", "Congress" are bodies, not surnames).
                listed = actor_dictionary().office_holder(name, on)
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
        skip = name_offset(text)  # "aux forces armées maliennes": the preposition is no part of the name
        lo, text = lo + skip, text[skip:]
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


def _body_code_of(name: str, lang: str | None) -> str | None:
    """The code of an international body a language's resources list (``bodies.tsv``: "the EC" → EURGOV,
    "GATT" → IGOGOV), by its name or, for a name "International ... Organization", by its last word; an
    acronym in brackets after the name ("the International Coffee Organization (ICO)") is no part of it.
    None for other names and for languages with no such list."""
    if lang != "en":
        return None
    names, patterns = bodies(lang)
    if not names and not patterns:
        return None
    key = fold(strip_determiners(_BRACKETED.sub("", name))).strip(" .,")
    found = names.get(key)
    if found is None and key.startswith("international ") and " " in key[len("international ") :].strip():
        found = patterns.get(key.rsplit(" ", 1)[-1])
    return found


_BRACKETED = re.compile(r"\s*\(.*$", re.S)


def _singular_title(tok: Token, role: Agent | None) -> bool:
    """A title or head noun naming one person ("le ministre", "the president"), not a set of them
    ("finance ministers from seven nations") nor a body known by whom it stands for."""
    return (
        role is not None
        and role.use in ("title", "head")
        and "Plur" not in tok.morph.get("Number", [])
        and tok.tag_ not in ("NNS", "NNPS")
    )


def _is_title(tok: Token, lang: str | None) -> bool:
    a = role_of(tok, lang)
    return a is not None and a.use in ("title", "head")


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
