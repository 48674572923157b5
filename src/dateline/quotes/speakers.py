"""Speaker resolution: from the speaker's mention (a name, a pronoun, a description) to an entity.

* Names: the entity whose mention lies in the speaker span. A person's name in apposition wins over
  other mentions ("le ministre russe des Affaires étrangères Sergueï Lavrov", where spaCy's French
  model also tags "ministre russe des Affaires" as an organisation); a mention inside a prepositional
  modifier of a title is not the speaker ("le chef du ministère …" is not the ministry). Mentions
  that start with a lower-case word are the model mistaking a description for a name, and are not
  trusted as names.
* Descriptions: every person introduced with a title ("le ministre russe des Affaires étrangères
  Sergueï Lavrov", "Valérie Pécresse, présidente de la région") is indexed by the title's head and
  words; a later description resolves to the one person whose title contains all its words
  ("le ministre", "le ministre russe", "le chef du ministère russe des Affaires étrangères").
  Several candidates and no way to choose: ``None``.
* Pronouns: the nearest preceding person (or, for plural pronouns, group) reference outside quoted
  text, compatible in gender and number when the article tells them.
* Organisations, capitals and countries speak as themselves: their entity, whose ``type`` and
  ``country`` (filled by the gazetteer) say whom they stand for.

The titles found are recorded on the person entities (``roles``).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from spacy.tokens import Doc, Span, Token

from dateline.entities.component import NAME_PARTICLES, country_near, is_media, press_title_at
from dateline.entities.gazetteer import gazetteer
from dateline.names import given_name_gender
from dateline.quotes.common import Lexicon, is_clitic, is_human_noun, verb_lemmas
from dateline.quotes.common import fold_word as _fold
from dateline.scan import WordTest, columns

__all__ = ["SpeakerResolver"]

# How far back a pronoun looks for its antecedent, in characters: about three news sentences. Past
# that, a pronoun speaker is left unresolved rather than guessed.
_PRONOUN_WINDOW = 600
# Collective nouns for a state's executive: with a nationality word ("le gouvernement russe") they
# speak for the country. Ministries, armies and "les autorités" are left to their own names.
_STATE_NOUNS = frozenset({"gouvernement", "diplomatie", "présidence", "exécutif", "chancellerie", "government"})
# "l'intéressé", "la principale concernée": the person the article is about (folded forms).
_CONCERNED = frozenset({"interesse", "interessee", "concerne", "concernee"})
_POSSESSIVES = frozenset({"son", "sa", "ses", "leur", "leurs", "his", "her", "their", "its"})
_DEFINITE = frozenset({"le", "la", "l'", "l’", "ce", "cet", "cette", "the", "this"})
_INDEFINITE = frozenset({"un", "une", "a", "an"})
_IS_INDEFINITE = WordTest(_INDEFINITE.__contains__)
_DETS = frozenset({"le", "la", "les", "l'", "l’", "un", "une", "des", "du", "the", "a", "an", "ce", "cet", "cette"})


@dataclass
class _Person:
    entity: dict[str, Any]
    gender: str | None = None
    titles: list[tuple[str, frozenset[str]]] = field(default_factory=list)


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    entity: dict[str, Any]
    strong: bool  # starts with a capital: a real name, not a description taken for one


class SpeakerResolver:
    """Resolves speaker spans of one document to entity ids, and records titles as roles."""

    def __init__(self, doc: Doc, lex: Lexicon, quoted: list[tuple[int, int]]) -> None:
        self.doc = doc
        self.lex = lex
        self._outlet_kinds: dict[tuple[int, int, Any], str | None] = {}
        self.entities: list[dict[str, Any]] = list(doc._.entities or [])
        self._by_id = {e["id"]: e for e in self.entities}
        mentions: list[_Mention] = []
        roles = lex.folded_roles
        for ent in self.entities:
            for m in ent.get("mentions", []):
                text = m["text"]
                first = next((w for w in text.split() if _fold(w) not in _DETS), text)
                # "ministre russe des Affaires", "Président de la Métropole": a title taken for a name.
                strong = (first[:1].isupper() and _fold(first) not in roles) or (
                    ent.get("type") == "PER" and _particle_name(text)
                )
                mentions.append(_Mention(m["start"], m["end"], ent, strong))
        mentions.sort(key=lambda m: m.start)
        self.mentions = mentions
        self._starts = [m.start for m in mentions]
        self._quoted = sorted(quoted)
        self._quoted_starts = [q[0] for q in self._quoted]
        self.people: dict[str, _Person] = {}
        # Resolved references (char position, entity id), added as quotes resolve: pronouns look
        # back at them as well as at names.
        self._refs: list[tuple[int, str]] = []
        self._roles = roles
        self._groups = lex.folded_groups
        self._synonyms = lex.folded_synonyms
        self._compounds = [
            (_fold(parts[0]), _fold(parts[1]))
            for line in lex.formula("office_compounds")
            if len(parts := line.split()) == 2
        ]
        self._unnamed: dict[str, int] | None = None
        self._first_person: int | None = None
        self._index_titles()

    # -- entities and mentions -------------------------------------------------------------------

    def _in_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self._quoted_starts, pos) - 1
        return k >= 0 and self._quoted[k][0] <= pos < self._quoted[k][1]

    def _mentions_in(self, start: int, end: int) -> list[_Mention]:
        # Mentions starting inside the span (a mention running past its end, like "France Bleu" for a
        # speaker cut to "France", still names it).
        k = bisect.bisect_left(self._starts, start)
        out = []
        while k < len(self.mentions) and self.mentions[k].start < end:
            out.append(self.mentions[k])
            k += 1
        return out

    def _person(self, ent: dict[str, Any]) -> _Person:
        p = self.people.get(ent["id"])
        if p is None:
            p = self.people[ent["id"]] = _Person(ent)
        return p

    # -- titles ------------------------------------------------------------------------------------

    def _title_key(self, tokens: list[Token]) -> tuple[str, frozenset[str]] | None:
        """(head, words) of a title or description: 'le chef du ministère russe des Affaires
        étrangères' -> ('ministre', {ministre, russe, affaire, etranger})."""
        words: set[str] = set()
        head: str | None = None
        for t in tokens:
            if t.pos_ not in ("NOUN", "ADJ", "PROPN") or t.is_punct:
                continue
            w = _fold(t.lemma_ if t.pos_ != "PROPN" else t.text)
            w = self._synonyms.get(w, w)
            if head is None and (w in self._roles or (t.pos_ == "NOUN" and self._human(t))):
                head = w
                # The word right before the head, inside the title or not (a title may be given
                # without its preceding adjectives): "Premier" of "le Premier ministre".
                before = _fold(t.doc[t.i - 1].text) if t.i > 0 else ""
                for mod, base in self._compounds:
                    if head == base and before == mod:
                        words.add(mod)
            words.update(w.split("-") if w == "affaires-etrangeres" else [w])
        if head is None:
            return None
        for mod, base in self._compounds:
            if head == base and mod in words:
                head = f"{mod}-{base}"  # "le Premier ministre": another office than "le ministre"
        if head == "chef" and "ministre" in words:
            head = "ministre"  # "le chef du ministère X" is the minister of X
            words.discard("chef")
        if "affaires-etrangeres" in words or "diplomatie" in words:
            words -= {"affaires-etrangeres", "diplomatie"}
            words |= {"affaire", "etranger"}
            if head in ("chef", "diplomatie"):
                head = "ministre"
        words.add(head)
        return head, frozenset(words)

    def _index_titles(self) -> None:
        doc = self.doc
        for m in self.mentions:
            if m.entity.get("type") != "PER" or not m.strong:
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            title = self._title_before(span) or self._title_after(span)
            if title is None:
                continue
            key = self._title_key(list(title))
            if key is None:
                continue
            person = self._person(m.entity)
            if key not in person.titles:
                person.titles.append(key)
            gender = self._gender(title)
            if gender:
                person.gender = gender
            role = " ".join(title.text.split())
            words = role.split()
            if words and _fold(words[0]) in _DETS:
                role = " ".join(words[1:])
            roles = m.entity.setdefault("roles", [])
            if role and role not in roles:
                roles.append(role)

    def _human(self, tok: Token) -> bool:
        return is_human_noun(tok, self.lex)

    def _gender(self, title: Span) -> str | None:
        for t in title:
            if t.pos_ == "DET" and t.lower_ in ("la", "une", "cette"):
                return "Fem"
            if t.pos_ == "DET" and t.lower_ in ("le", "un", "ce", "cet"):
                return "Masc"
            if t.lower_ in self.lex.feminine_roles:
                return "Fem"
        return None

    def _title_before(self, name: Span) -> Span | None:
        """'le ministre russe des Affaires étrangères [Sergueï Lavrov]': a title right before a name,
        with only nouns, adjectives, determiners and prepositions between."""
        doc = self.doc
        k = name.start - 1
        end = name.start
        if k >= 0 and (doc[k].pos_ == "ADP" or doc[k].lower_ in ("de", "d'", "d’", "du", "des")):
            return None  # "les partisans de la liste de Paul Girard": a complement, not a title
        lo = max(0, name.start - 10)
        head = None
        while k >= lo:
            t = doc[k]
            if t.pos_ == "ADP" and head is not None and all(doc[j].pos_ == "DET" for j in range(k + 1, head)):
                break  # "ancien conseiller du [président] Nicolas Sarkozy": the title before is another's
            if t.pos_ == "NOUN" and self._human(t):
                head = k
            if t.pos_ not in ("NOUN", "ADJ", "DET", "ADP", "PROPN", "NUM") or t.is_punct:
                break
            if t.pos_ == "PROPN" and t.ent_type_ in ("PER", "PERSON"):
                break  # another person's name: what comes before is their title, not this one's
            k -= 1
        if head is None:
            return None
        start = head
        if start > 0 and doc[start - 1].pos_ == "DET":
            start -= 1
        return doc[start:end]

    def _title_after(self, name: Span) -> Span | None:
        """'[Valérie Pécresse], présidente de la région,': a title in apposition after a name."""
        doc = self.doc
        k = name.end
        if k < len(doc) and doc[k].text == "(":
            # "Anne Morel (PS), présidente de …": a party or age in brackets before the title.
            close = next((i for i in range(k + 1, min(k + 8, len(doc))) if doc[i].text == ")"), None)
            if close is not None:
                k = close + 1
        if k >= len(doc) or doc[k].text != ",":
            return None
        j = k + 1
        if j < len(doc) and doc[j].pos_ == "DET":
            j += 1
        noun_title = j < len(doc) and doc[j].pos_ == "NOUN" and self._human(doc[j])
        adj_title = j + 1 < len(doc) and doc[j].pos_ == "ADJ" and self._human(doc[j + 1])
        if not (noun_title or adj_title):
            return None
        end = j
        while end < len(doc) and end - j < 10 and doc[end].text not in (",", ".", ";", ":", "«"):
            if doc[end].pos_ in ("VERB", "AUX"):
                if "VerbForm=Fin" in str(doc[end].morph) and doc[end - 1].lower_ not in ("qui", "que", "qu'", "qu’"):
                    # "…engagée par Paul Roy, le Premier ministre avait annoncé": the noun phrase is the
                    # next clause's subject, not a title of the name before the comma.
                    return None
                break
            end += 1
        return doc[k + 1 : end]

    # -- resolution --------------------------------------------------------------------------------

    def resolve(self, speaker: Span, exclude: tuple[int, int] | None = None, verb: Token | None = None) -> str | None:
        """The entity id a speaker span refers to, or ``None`` when nothing supports one. ``verb``, the
        reporting verb, tells a reply ("répond le jeune homme"), whose speaker is not the one just quoted."""
        replying = verb is not None and bool(verb_lemmas(verb, self.lex.lang) & self.lex.formula("reply_verbs"))
        ent = self._resolve(speaker, exclude, replying)
        if ent is not None:
            self._refs.append((speaker.start_char, ent))
        return ent

    def trimmed(self, speaker: Span) -> Span:
        """The speaker's phrase without a circumstance after its head: "l'élu dans Le Parisien" ->
        "l'élu", "le maire au micro d'une radio" -> "le maire", "la ministre à l'AFP" -> "la ministre"
        (a place, a medium or a listener of the saying, not part of the speaker's name or title)."""
        preps = self.lex.formula("circumstance_prepositions")
        if not preps or len(speaker) < 2:
            return speaker
        doc = self.doc
        nouns = self.lex.formula("circumstance_nouns")
        for t in speaker:
            if t.i <= speaker.root.i:
                continue
            cut = t.lower_ in preps
            if not cut and t.lower_ in ("à", "au", "aux"):
                nxt = next((u for u in doc[t.i + 1 : min(t.i + 4, speaker.end)] if u.pos_ != "DET"), None)
                if nxt is not None:
                    cut = nxt.lemma_.lower() in nouns or any(
                        self._outlet_kind(m) in ("press", "broadcast") for m in self._mentions_in(nxt.idx, nxt.idx + 1)
                    )
            if cut:
                end = t.i
                while end > speaker.start + 1 and doc[end - 1].is_punct:
                    end -= 1
                return doc[speaker.start : end]
        return speaker

    def subject_between(self, start: int, end: int) -> Span | None:
        """The last person named as a clause's subject in ``[start, end)``, outside quotations: who
        a quotation that nothing attributes goes on from ("Anne Roy pointe ces retards. « … »"),
        rather than a speaker quoted before that sentence."""
        for m in reversed(self._mentions_in(start, end)):
            if not m.strong or m.entity.get("type") != "PER" or self._in_quote(m.start) or m.end > end:
                continue
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and len(span) > 0 and _is_subject(span.root) and not self._in_pp(m):
                return span
        return None

    def _in_modifier(self, m: _Mention, head: Token) -> bool:
        """Whether a mention sits in a prepositional modifier of the speaker's head ("les partisans
        de la liste de Paul Girard", "le chef du ministère …"): then it is not the speaker."""
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or len(span) == 0 or head.i in range(span.start, span.end):
            return False
        if m.entity.get("type") == "PER" and m.strong:
            # A person's name is the speaker unless a preposition introduces it ("de Paul Girard");
            # "La porte-parole … et députée du Jura Anne Morel" ends with the speaker's name
            # whatever the parser hangs it on.
            prev = self.doc[span.start - 1] if span.start > 0 else None
            return prev is not None and (prev.pos_ == "ADP" or prev.lower_ in ("de", "d'", "d’", "du", "des", "of"))
        tok = span.root
        for _ in range(4):
            if tok.i == head.i or tok.head.i == tok.i:
                return False
            if any(c.dep_ == "case" for c in tok.children) or tok.head.pos_ == "ADP":
                return True
            tok = tok.head
        return False

    def _resolve(self, speaker: Span, exclude: tuple[int, int] | None, replying: bool = False) -> str | None:
        head = speaker.root
        inside = [m for m in self._mentions_in(speaker.start_char, speaker.end_char) if not self._in_modifier(m, head)]
        # A person's name the speaker span cuts into ("[Marine] Le Pen, présidente de …" when the parser
        # leaves the first name out of the subject): the name whose mention runs into the span.
        k = bisect.bisect_left(self._starts, speaker.start_char) - 1
        while k >= 0 and speaker.start_char - self.mentions[k].start < 60:
            m = self.mentions[k]
            if m.start < speaker.start_char < m.end and m.strong and m.entity.get("type") == "PER":
                inside.insert(0, m)
                break
            k -= 1
        people = [m for m in inside if m.strong and m.entity.get("type") == "PER"]
        if people:
            return str(people[-1].entity["id"])
        if len(speaker) == 1 or head.pos_ == "PRON" or is_clitic(head):
            pron = self._pronoun(speaker)
            if pron is not None:
                return self._antecedent(speaker.start_char, pron, exclude)
        if _fold(head.text) in _CONCERNED and head.pos_ in ("NOUN", "ADJ", "VERB"):
            # "le principal intéressé", "l'intéressée", "la principale concernée": the person the
            # article is about.
            return self._main_person(self._gender(speaker))
        head_is_title = head.pos_ == "NOUN" and (
            head.lemma_.lower() in self.lex.roles or head.lemma_.lower() in self.lex.groups
        )
        for m in inside:
            # A name covering the head of the phrase (not one inside "du ministère …").
            if m.strong and m.start <= head.idx < m.end:
                return str(m.entity["id"])
        if not head_is_title:
            strong = [m for m in inside if m.strong]
            if strong and head.pos_ == "PROPN":
                return str(strong[0].entity["id"])
            if head.pos_ == "PROPN":
                named = self._by_name_part(speaker)
                if named is not None:
                    return named
        if head.pos_ == "NOUN" and head.lemma_.lower() in self.lex.speech_nouns:
            # "des informations de Téléstar", "un communiqué du ministère": the source is the author.
            # An institution's name starts in lower case in French ("du ministère de l'Intérieur").
            authors = [
                m
                for m in self._mentions_in(speaker.start_char, speaker.end_char)
                if m.strong or (m.entity.get("type") == "ORG" and _fold(m.entity["name"].split()[0]) in self._groups)
            ]
            if authors:
                # The head's own complement ("un bilan de Pôle Emploi publié par Les Échos" is Pôle
                # Emploi's): later names sit in modifiers of it (its publisher, its date).
                return str(authors[0].entity["id"])
        if head.pos_ == "NOUN" and head.lemma_.lower() in _STATE_NOUNS:
            state = self._state_of(speaker)
            if state is not None:
                return state
        if head.pos_ == "NOUN" and head.lemma_.lower() in self.lex.groups:
            org = self._org_by_word(head, speaker)
            if org is not None:
                return org
        outlet = self._outlet(speaker)
        if outlet is not None:
            return outlet
        key = self._title_key(list(speaker))
        if key is not None:
            found = self._by_title(key, speaker)
            singular = "Plur" not in head.morph.get("Number", [])
            if found is None and head.pos_ == "NOUN" and self._human(head) and singular:
                # "…, a annoncé sa femme à la radio, Anne Roy.": the name set off at the end of the
                # reporting clause is the description's.
                found = self._apposed_after(speaker)
            unnamed = found is None and self._introduced_unnamed(head)
            # An indefinite description ("un manifestant", "une habitante") brings in someone new: it
            # takes up no one. A possessive one ("son avocat", "sa fille") may take up the person just
            # quoted, never the last person named, who is most often its possessor.
            det = next((c.lower_ for c in head.children if c.dep_ == "det"), None)
            possessive = det in _POSSESSIVES
            anaphoric = det not in _INDEFINITE
            if found is None and head.pos_ == "NOUN" and self._human(head) and singular and not unnamed and anaphoric:
                # "…, estime le plaisancier", "conclut le journaliste": a description never given
                # with a name refers back to the person just quoted (not when replying to them).
                gender = self._gender(speaker)
                last = self._last_speaker(speaker.start_char, gender)
                found = None if replying else last
                if found is None and not possessive:
                    # Or to the person last named before it ("Didier Baichère … l'élu").
                    found = self._antecedent(speaker.start_char, (gender, "Sing"), exclude)
                    if replying and found == last:
                        found = None
                if found is None and gender is not None and not self._person_before(speaker.start_char):
                    # A lead that opens on a description before any name ("L'élue a annoncé qu'elle
                    # porterait plainte. … la députée Anne Roy …"): the article's main person, when
                    # the description and the person are known to have the same gender.
                    main = self._main_person(gender)
                    if main is not None and self._known_gender(self._by_id[main]) == gender:
                        found = main
            if found is not None and found in self._contradicted(key):
                return None  # a guess from context never overrides a title that says otherwise
            return found
        return None

    # -- outlets -----------------------------------------------------------------------------------

    @cached_property
    def _outlet_nouns(self) -> dict[str, str]:
        """Lemma -> kind ("press", "broadcast", "any") of the nouns that take up a news outlet (built
        once per document: every mention's kind reads it)."""
        out = {w: "any" for w in self.lex.formula("outlet_nouns")}
        out.update({w: "press" for w in self.lex.formula("press_nouns")})
        out.update({w: "broadcast" for w in self.lex.formula("broadcast_nouns")})
        return out

    def _outlet(self, speaker: Span) -> str | None:
        """A news outlet speaking through a description: "le site Mashable", "le site de Météo-France"
        (the name in the phrase), or "le quotidien régional", "l'hebdomadaire satirique", "les
        informations du journal", "la télévision locale" (the outlet of that kind the article named
        last before it: articles cite a title once, then take it up by what it is)."""
        nouns = self._outlet_nouns
        if not nouns:
            return None
        head = speaker.root
        if head.pos_ != "NOUN":
            return None
        noun = head if head.lemma_.lower() in nouns else None
        if noun is None and head.lemma_.lower() in self.lex.speech_nouns:
            # "les informations du quotidien", "un article de l'hebdomadaire": the outlet is the author.
            noun = next((c for c in head.children if c.dep_ == "nmod" and c.lemma_.lower() in nouns), None)
        if noun is None:
            return None
        named = [m for m in self._mentions_in(speaker.start_char, speaker.end_char) if m.strong]
        names = [m for m in named if m.entity.get("type") != "PER"]
        if names:
            return str(names[0].entity["id"])
        if named:
            return None  # "le journal de Paul Roy": a person's, not an outlet taken up
        kinds = {nouns[t.lemma_.lower()] for t in (noun, *noun.children) if t.lemma_.lower() in nouns}
        kind = "press" if "press" in kinds else "broadcast" if "broadcast" in kinds else "any"
        return self._outlet_before(speaker.start_char, kind)

    def _outlet_kind(self, m: _Mention) -> str | None:
        """What a mention shows its entity to be: a press title ("press"), a channel or an agency of the
        entity lists ("broadcast"), a name introduced by an outlet noun ("le site Metropolitain.fr":
        that noun's kind), or nothing known (``None``). Memoised per mention: every outlet taken up by a
        description reads the kind of every mention of the document."""
        key = (m.start, m.end, m.entity["id"])
        if key not in self._outlet_kinds:
            self._outlet_kinds[key] = self._read_outlet_kind(m)
        return self._outlet_kinds[key]

    def _read_outlet_kind(self, m: _Mention) -> str | None:
        """:meth:`_outlet_kind`, read from the text."""
        if m.entity.get("type") == "PER":
            return None
        lang = self.lex.lang
        if press_title_at(self.doc.text, m.start, lang):
            return "press"
        if is_media(str(m.entity["name"]), lang) or is_media(self.doc.text[m.start : m.end], lang):
            return "broadcast"
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        nouns = self._outlet_nouns
        for t in reversed(self.doc[max(0, span.start - 4) : span.start]):
            if t.lemma_.lower() in nouns:
                return nouns[t.lemma_.lower()]
            if t.pos_ not in ("DET", "ADJ", "ADP"):
                break
        return None

    def _outlet_before(self, pos: int, kind: str) -> str | None:
        """The nearest outlet of ``kind`` named before ``pos`` outside quotations; else the one outlet
        of that kind the article names, if there is only one."""
        fits: list[_Mention] = []
        text = self.doc.text
        for m in self.mentions:
            if self._in_quote(m.start) or text[m.end : m.end + 1] == "-":
                continue  # quoted, or a piece of a hyphenated name ("Nice" of "Nice-Matin")
            k = self._outlet_kind(m)
            if k is None or not (kind == "any" or k == kind or k == "any"):
                continue
            fits.append(m)
        before = [m for m in fits if m.end <= pos]
        if before:
            return str(before[-1].entity["id"])
        ids = {m.entity["id"] for m in fits}
        return str(ids.pop()) if len(ids) == 1 else None

    def _contradicted(self, key: tuple[str, frozenset[str]]) -> set[str]:
        """People introduced with the description's head whose every title says something else
        beyond it ("la ministre de la Santé" for "la ministre de l'Intérieur")."""
        head, words = key
        out = set()
        for pid, p in self.people.items():
            titles = [w for h, w in p.titles if h == head]
            if titles and all(self._specific(words - w) and self._specific(w - words) for w in titles):
                out.add(pid)
            elif not titles and any(h == f"{mod}-{head}" for h, _ in p.titles for mod, _ in self._compounds):
                out.add(pid)  # "le ministre" for the one introduced as "le Premier ministre"
        return out

    def _introduced_unnamed(self, head: Token) -> bool:
        """Whether a definite description takes up a person introduced earlier without a name, by an
        indefinite phrase with the same noun ("… a reçu un boucher et un militant. … le boucher a
        assuré …"): that person is no entity of the article, and no named person is to be guessed."""
        if head.pos_ != "NOUN" or not any(c.lower_ in _DEFINITE for c in head.children if c.dep_ == "det"):
            return False
        if self._unnamed is None:
            # Built once per document: the nouns introduced by an indefinite article with no name
            # after them ("un boucher, Paul Roy," and "un boucher nommé Paul Roy" are named), with
            # the position of their first such introduction.
            self._unnamed = {}
            doc = self.doc
            # The words with an indefinite determiner among their dependents, reached from the
            # determiners (a few per sentence) instead of reading every noun's dependents.
            introduced = set()
            for k in columns(doc).where(lower=_IS_INDEFINITE):
                d = doc[k]
                if d.dep_ == "det" and d.head.i != k:
                    introduced.add(d.head.i)
            for i in sorted(introduced):
                t = doc[i]
                if t.pos_ != "NOUN" or self._in_quote(t.idx):
                    continue
                if not any(n.ent_type_ in ("PER", "PERSON") for n in doc[t.i + 1 : t.i + 4]):
                    self._unnamed.setdefault(t.lemma_.lower(), t.i)
        first = self._unnamed.get(head.lemma_.lower())
        return first is not None and first < head.i

    def _apposed_after(self, speaker: Span, reach: int = 10) -> str | None:
        """The person whose name follows a description speaker after a comma, before its clause ends
        ("sa femme à la radio, Anne Roy"), past a circumstance of a few words."""
        doc = self.doc
        for j in range(speaker.end, min(speaker.end + reach, len(doc))):
            t = doc[j]
            if t.text in (".", "!", "?", ";", ":", "…", "«", "»", '"') or "\n" in t.text:
                return None
            if t.text != ",":
                continue
            for m in self._mentions_in(doc[j + 1].idx if j + 1 < len(doc) else t.idx + 1, t.idx + 3):
                if m.strong and m.entity.get("type") == "PER":
                    return str(m.entity["id"])
        return None

    def _specific(self, words: frozenset[str]) -> bool:
        """Whether title words say more than a nationality (a portfolio, a place, an institution)."""
        gaz = gazetteer()
        return any((p := gaz.lookup(w, self.lex.lang)) is None or p.kind != "demonym" for w in words)

    def _person_before(self, pos: int) -> bool:
        """Whether a person is named (outside quotations) before character ``pos``."""
        if self._first_person is None:
            firsts = [
                m.start
                for m in self.mentions
                if m.strong and m.entity.get("type") == "PER" and not self._in_quote(m.start)
            ]
            self._first_person = min(firsts) if firsts else len(self.doc.text) + 1
        return self._first_person < pos

    def _main_person(self, gender: str | None) -> str | None:
        """The person named most often in the article, when one clearly is (more mentions than any
        other); ``None`` on a tie."""
        counts: dict[str, int] = {}
        for m in self.mentions:
            if m.strong and m.entity.get("type") == "PER":
                counts[m.entity["id"]] = counts.get(m.entity["id"], 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return None
        top = ranked[0][0]
        return str(top) if self._gender_ok(self._by_id[top], gender) else None

    def _state_of(self, speaker: Span) -> str | None:
        """'le gouvernement russe', 'la diplomatie américaine': the state the article names, found by
        the country of the nationality word (the entities' gazetteer country) — the country itself,
        or the capital or metonym standing for its government ("Moscou a rejeté…"), never the city."""
        iso3 = country_near(self.doc, speaker.start_char, speaker.end_char, self.lex.lang)
        if iso3 is None:
            return None
        states = [e for e in self.entities if e.get("country") == iso3 and e.get("type") in ("GPE", "ORG")]
        gaz = gazetteer()
        countries = [e for e in states if (p := gaz.lookup(str(e["name"]), self.lex.lang)) and p.kind == "country"]
        found = countries or [e for e in states if e.get("type") == "GPE"]
        return str(found[0]["id"]) if found else None

    def _by_name_part(self, speaker: Span) -> str | None:
        """A name the model did not tag ("Pierre-Gaël"): the one person entity whose name has it."""
        words = {_fold(t.text) for t in speaker if t.pos_ == "PROPN" and len(t.text) > 2}
        if not words:
            return None
        found = {e["id"] for e in self.entities if e.get("type") == "PER" and words & set(_fold(e["name"]).split())}
        return str(found.pop()) if len(found) == 1 else None

    def _org_by_word(self, head: Token, speaker: Span) -> str | None:
        """'le parquet' -> 'Parquet de Paris', 'le journal' -> 'Journal du dimanche': the one
        organisation of the article whose name has the head word, and the words of the head's own
        complement ("le ministère des Transports" is not the "ministère de l'Intérieur")."""
        word = _fold(head.lemma_)
        extra = {
            _fold(t.text)
            for t in speaker
            if t.i > head.i and t.head.i == head.i and t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("nmod", "flat:name")
        }
        found = set()
        for e in self.entities:
            if e.get("type") not in ("ORG", "MISC"):
                continue
            name = set(_fold(str(e["name"])).replace("'", " ").replace("’", " ").split())
            if word in name and extra <= name:
                found.add(e["id"])
        return str(found.pop()) if len(found) == 1 else None

    def _last_speaker(self, pos: int, gender: str | None) -> str | None:
        for rpos, rid in reversed(self._refs):
            if rpos >= pos:
                continue
            if pos - rpos > _PRONOUN_WINDOW:
                return None
            ent = self._by_id.get(rid)
            if ent is not None and ent.get("type") == "PER" and self._gender_ok(ent, gender):
                return rid
            return None
        return None

    def _pronoun(self, speaker: Span) -> tuple[str | None, str] | None:
        text = speaker.text.lower().lstrip("-").removeprefix("t-")
        return self.lex.pronouns.get(text)

    def _antecedent(self, pos: int, pron: tuple[str | None, str], exclude: tuple[int, int] | None) -> str | None:
        gender, number = pron
        best: tuple[int, str] | None = None
        # The window is counted from the start of the quotation being attributed: a long quotation
        # between the name and "a-t-elle ajouté" does not push the name out of reach.
        origin = exclude[0] if exclude is not None and exclude[0] < pos else pos
        if number == "Plur":
            return self._plural_antecedent(pos, origin, exclude)
        k = bisect.bisect_left(self._starts, pos) - 1
        demoted: tuple[int, str] | None = None
        while k >= 0:
            m = self.mentions[k]
            if origin - m.start > _PRONOUN_WINDOW:
                break
            inside_excluded = exclude is not None and exclude[0] <= m.start < exclude[1]
            if (
                m.strong
                and m.entity.get("type") == "PER"
                and not inside_excluded
                and not self._in_quote(m.start)
                and self._gender_ok(m.entity, gender)
            ):
                if not self._in_pp(m):
                    best = (m.start, str(m.entity["id"]))
                    break
                # "Paul Girard, ancien conseiller du maire Luc Besson, a eu des mots … il": a
                # name inside a prepositional phrase is rarely what the next clause talks about; it is
                # taken only when no other person is in reach.
                if demoted is None:
                    demoted = (m.start, str(m.entity["id"]))
            k -= 1
        if best is None:
            best = demoted
        elif (salient := self._salient_subject(best[0], k, origin, gender, exclude)) is not None:
            best = salient
        for rpos, rid in reversed(self._refs):
            if rpos >= pos or origin - rpos > _PRONOUN_WINDOW:
                continue
            ent = self._by_id.get(rid)
            if ent is None or ent.get("type") != "PER" or not self._gender_ok(ent, gender):
                continue
            if best is None or rpos > best[0]:
                best = (rpos, rid)
            break
        return best[1] if best else None

    def _salient_subject(
        self, pos: int, k: int, origin: int, gender: str | None, exclude: tuple[int, int] | None
    ) -> tuple[int, str] | None:
        """The subject of the sentence of the nearest candidate, when that candidate is not itself a
        subject: a pronoun continues the topic of the previous clause, not its last name ("Paul Morel a
        reçu Marc Petit mardi. « … », a-t-il déclaré" is Morel; "Anne Roy a appelé Julie Vidal. Elle a
        dit que …" is Roy). Only within that one sentence: further back, the nearest name stays."""
        if not (0 <= k < len(self.mentions) and self.mentions[k].start == pos):
            return None
        nearest = self.mentions[k]
        span = self.doc.char_span(pos, nearest.end, alignment_mode="expand")
        if span is None or len(span) == 0 or _is_subject(span.root):
            return None
        sent_start = span.root.sent.start_char
        j = k - 1
        while j >= 0:
            m = self.mentions[j]
            j -= 1
            if m.start < sent_start or origin - m.start > _PRONOUN_WINDOW:
                break
            if m.entity["id"] == nearest.entity["id"]:
                continue
            inside_excluded = exclude is not None and exclude[0] <= m.start < exclude[1]
            if not m.strong or m.entity.get("type") != "PER" or inside_excluded or self._in_quote(m.start):
                continue
            if not self._gender_ok(m.entity, gender):
                continue
            other = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if other is not None and len(other) > 0 and _is_subject(other.root) and not self._in_pp(m):
                return (m.start, str(m.entity["id"]))
        return None

    def _plural_antecedent(self, pos: int, origin: int, exclude: tuple[int, int] | None) -> str | None:
        """'ils'/'elles': the nearest coordination of named people ("Didier et Cécile Noyer … ont-ils
        annoncé"), resolved like a coordinated speaker to its first named person. A plural pronoun
        after a report may take its people from the reported clause, whose subject they usually are.
        Groups without names ("les syndicats … ils") are left unresolved: no guess."""
        k = bisect.bisect_left(self._starts, pos) - 1
        while k >= 0:
            m = self.mentions[k]
            k -= 1
            if origin - m.start > _PRONOUN_WINDOW:
                break
            inside = exclude is not None and exclude[0] <= m.start < exclude[1]
            after_report = exclude is not None and pos >= exclude[1]
            if not m.strong or m.entity.get("type") != "PER" or (inside and not after_report):
                continue
            if self._in_quote(m.start) and not inside:
                continue
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            root = span.root
            first = None
            if root.dep_ == "conj" and root.head.pos_ in ("PROPN", "NOUN"):
                first = root.head
            elif any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in root.children):
                first = root
            if first is None:
                continue
            if first.i < span.start:
                # The first conjunct's own person entity if it has one ("Didier" alone may be untyped).
                for other in self._mentions_in(first.idx, first.idx + len(first.text)):
                    if other.strong and other.entity.get("type") == "PER":
                        return str(other.entity["id"])
            return str(m.entity["id"])
        return None

    def _in_pp(self, m: _Mention) -> bool:
        """Whether a mention is governed by a preposition ("du président Nicolas Sarkozy", "à Marc
        Petit"), directly or through the title it stands in apposition to."""
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return False
        tok = span.root
        for _ in range(3):
            if any(c.dep_ == "case" for c in tok.children):
                return True
            if tok.dep_ not in ("flat", "flat:name", "appos", "compound", "nmod") or tok.head.i == tok.i:
                return False
            if tok.dep_ == "nmod" and any(c.dep_ == "case" for c in tok.children):
                return True
            tok = tok.head
            if tok.pos_ not in ("NOUN", "PROPN"):
                return False
        return False

    def _known_gender(self, ent: dict[str, Any]) -> str | None:
        """A person's gender from a title the article gives them, else from their first name."""
        p = self.people.get(ent["id"])
        return p.gender if p is not None and p.gender else given_name_gender(str(ent.get("name", "")))

    def _gender_ok(self, ent: dict[str, Any], gender: str | None) -> bool:
        if gender is None:
            return True
        known = self._known_gender(ent)
        return known is None or known == gender

    def _by_title(self, key: tuple[str, frozenset[str]], speaker: Span) -> str | None:
        head, words = key
        gender = self._gender(speaker)
        same_head = []
        for pid, p in self.people.items():
            known = self._known_gender(p.entity)
            if gender and known and gender != known:
                continue  # "la députée" is not the one introduced as "le député", nor an "Éric"
            if any(h == head for h, _ in p.titles):
                same_head.append(pid)
        if len(same_head) == 1:
            # Unless the two say different things beyond the head ("le ministre de l'Intérieur" is not
            # the one person introduced as "ministre de la Santé"): each has words the other lacks.
            # A nationality word on one side only is no contradiction ("le ministre russe").
            return None if same_head[0] in self._contradicted(key) else same_head[0]
        if not same_head:
            # "Anne Morel, la maire de Dole et présidente du Grand Dole" has a
            # second office in the same title: the one person whose title has every word.
            within = [
                pid
                for pid, p in self.people.items()
                if not (gender and (g := self._known_gender(p.entity)) and gender != g)
                and any(words <= w for _, w in p.titles)
            ]
            return within[0] if len(within) == 1 else None
        # Several people share the title's head ("le président russe", "le président américain"):
        # the one whose title has every word of the description, if only one does.
        full = [pid for pid in same_head if any(h == head and words <= w for h, w in self.people[pid].titles)]
        if len(full) == 1:
            return full[0]
        return None


def _particle_name(text: str) -> bool:
    """Whether a person's mention opens on a lower-case particle of a surname and goes on with a
    capital ("al-Sissi", "de Gaulle", "von der Leyen"): a real name, though it starts in lower case."""
    words = text.replace("-", " ").split()
    k = 0
    while k < len(words) and words[k] in NAME_PARTICLES:
        k += 1
    return 0 < k < len(words) and words[k][:1].isupper()


def _is_subject(tok: Token) -> bool:
    """Whether a name is a clause's subject, itself or through the title it is in apposition to."""
    for _ in range(3):
        if tok.dep_ in ("nsubj", "nsubj:pass", "nsubjpass"):
            return True
        if tok.dep_ not in ("flat", "flat:name", "appos", "compound") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False
