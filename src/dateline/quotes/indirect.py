"""Indirect quotations: reported speech found from reporting verbs, source prepositions and colons.

Patterns, each recognised from lemmas and the dependency parse, with surface checks where the parser
is unreliable (spaCy's French model often splits "…, a déclaré X" off the clause it reports):

* complement clause: a reporting verb with a ``que``/``that`` clause or an infinitive
  ("a déclaré que …", "affirme avoir …", "said that …", "promised to …");
* postposed or inverted reporting clause: "…, a déclaré Sergueï Lavrov", "…, a-t-il ajouté",
  "…, Trump said" (content: the clause before the comma, back to the previous sentence boundary);
* source prepositions: "selon X", "d'après X", "aux yeux de X", "according to X", and "Pour X, …" at
  the head of a sentence when X is a person;
* colon introductions: "X a expliqué : il faut …".

Negated statements ("n'a pas dit que") and announced future ones ("devrait annoncer que") are left
out: no statement was made.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from dateline.quotes.common import (
    Candidate,
    Lexicon,
    Segmenter,
    causative_faire,
    clitic_subject,
    cue_span,
    get_lexicon,
    is_clitic,
    is_human_noun,
    is_negated,
    is_reporting,
    speaker_span,
    verb_lemmas,
)
from dateline.scan import WordTest, columns

__all__ = ["find_indirect", "formula_source", "inverted_speaker", "subject_of"]

_SUBJ = ("nsubj", "nsubj:pass", "csubj", "agent", "obl:agent", "expl:subj")
_MODALS = frozenset({"devoir", "pouvoir", "aller", "vouloir", "will", "shall", "may", "might"})
_CLOSE_MARKS = frozenset({"»", "”", '"', "›", "“"})
_TRIM_LEFT = frozenset({",", ":", ";", "-", "—", "–", "que", "qu'", "qu’", "that", "de", "d'", "d’", "à", "to"})
_CONNECTIVES = 4  # "Néanmoins, selon X, …": a lead-in this short before "selon" is not the content


def _chars(doc: Doc, a: int, b: int, min_words: int = 2) -> tuple[int, int] | None:
    """Character offsets of tokens ``[a, b)`` with edge punctuation and complementisers trimmed."""
    while a < b and (doc[a].is_space or doc[a].lower_ in _TRIM_LEFT or doc[a].is_punct):
        if doc[a].text in ("«", "“", '"', "„", "‹"):
            break  # a quote opening the content is part of a mixed quotation
        a += 1
    while b > a and (doc[b - 1].is_space or (doc[b - 1].is_punct and doc[b - 1].text not in _CLOSE_MARKS)):
        b -= 1
    if b - a < min_words or sum(1 for t in doc[a:b] if t.is_alpha) < min_words:
        return None
    return doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)


def _words(text: str) -> list[str]:
    return text.split()


# Time words the parser sometimes takes for an inverted subject ("a estimé mardi la présidente").
_TIME_WORDS = frozenset(
    _words(
        "lundi mardi mercredi jeudi vendredi samedi dimanche hier aujourd'hui demain matin soir soirée "
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre "
        "monday tuesday wednesday thursday friday saturday sunday yesterday today tonight"
    )
)


def _temporal(tok: Token) -> bool:
    return tok.lower_ in _TIME_WORDS or tok.ent_type_ in ("DATE", "TIME")


# Dative and accusative clitics: the person spoken to, never the speaker ("« … », lui avait dit X",
# "leur a-t-il assuré", "me l'a confié"). The French parser sometimes labels a "lui" before the verb
# its subject; in that position it is the addressee (the speaker is the inverted subject after the
# verb, or the clitic "-il"). English object pronouns ("told him") likewise never speak.
_ADDRESSEES = frozenset({"lui", "leur", "me", "m'", "m’", "te", "t'", "t’", "him", "her", "them", "us"})


def _addressee(c: Token, verb: Token) -> bool:
    """Whether a pronoun the parser calls the subject is the dative clitic of the verb group: it
    stands before the verb with only auxiliaries, negation or other clitics between. "nous" and
    "vous" are so only before a verb in the third person ("…, nous dit Anne Roy", "vous a confié
    le maire"): as subjects they would agree with it."""
    if c.i >= verb.i:
        return False
    if c.lower_ in ("nous", "vous") and c.doc.lang_ == "fr":
        finite = [verb, *(a for a in verb.children if a.dep_.startswith("aux") and a.i < verb.i)]
        if not any("Person=3" in str(v.morph) for v in finite):
            return False
    elif c.lower_ not in _ADDRESSEES:
        return False
    between = c.doc[c.i + 1 : verb.i]
    return all(t.pos_ in ("AUX", "PRON", "ADV") or t.lower_ in ("ne", "n'", "n’", "y", "en") for t in between)


def _person_like(tok: Token) -> bool:
    """A person's name or a noun denoting a person."""
    return tok.ent_type_ in ("PER", "PERSON") or is_human_noun(tok, get_lexicon(tok.doc.lang_ or "fr"))


def _person_antecedent(rel: Token, head: Token | None) -> Token | None:
    """The antecedent of the relative pronoun ``rel`` of a clause of saying, given the parser's
    ``head`` (or none): only people say things, so when the parser's head is no person but the noun
    right before the pronoun is one ("les déclarations du ministre, qui a affirmé …"), that noun is
    the antecedent; a name is taken up by its last word ("Anne Roy-Martin, qui …")."""
    if head is not None and _person_like(head):
        return head
    k = rel.i - 1
    doc = rel.doc
    while k >= 0 and (doc[k].is_punct or doc[k].is_space):
        k -= 1
    if k >= 0 and doc[k].pos_ in ("NOUN", "PROPN") and (head is None or _person_like(doc[k])):
        tok = doc[k]
        # The head of a flat name ("Jean Dupont"): the parser hangs the later words on the first.
        while tok.dep_ == "flat:name" and tok.head.i < tok.i:
            tok = tok.head
        return tok
    return head


def subject_of(verb: Token) -> Token | None:
    """The subject of a reporting verb, following conjunctions and relative clauses back to it."""
    for c in verb.children:
        if c.dep_ in _SUBJ and c.pos_ != "SCONJ" and not c.is_punct and not _temporal(c) and not _addressee(c, verb):
            if c.lower_ == "-t" and c.i + 1 < len(c.doc) and c.doc[c.i + 1].text.startswith("-"):
                return c.doc[c.i + 1]  # "a-t-il": the pronoun is "-il", not the euphonic "-t"
            if c.lower_ in ("-t", "-", "–"):
                continue
            if c.dep_ == "expl:subj" and not c.text.startswith("-"):
                continue  # impersonal "il" ("il faut", "il est des hommes qui …"): no one speaks
            if c.tag_ == "PRON" and "PronType=Rel" in str(c.morph) and verb.dep_.startswith("acl"):
                return _person_antecedent(c, verb.head)  # "le ministre, qui a déclaré que …"
            if "PronType=Rel" in str(c.morph) and verb.dep_ == "conj":
                # "c'est le maire qui a pris la parole et qui a rappelé que …": the relative's
                # antecedent, through the first of the coordinated relative clauses.
                first = verb
                while first.dep_ == "conj" and first.head.i != first.i:
                    first = first.head
                if first.dep_.startswith("acl") or first.dep_.endswith("relcl"):
                    return first.head
            if c.lower_ in ("qui", "who", "which") and verb.dep_.endswith("relcl"):
                return _person_antecedent(c, verb.head)
            if c.lower_ == "qui" and "PronType=Rel" in str(c.morph):
                # A relative clause the parser hung nowhere ("…, la source du journal, qui assure
                # que …"): its antecedent is the noun right before the pronoun.
                return _person_antecedent(c, None) or c
            return c
    # "X a dit … et a ajouté que", "X a réagi, ajoutant que": the subject of the governing verb.
    participle = "VerbForm=Part" in str(verb.morph) or verb.tag_ == "VBG"
    # "X a provoqué la colère en déclarant : « … »": a gerund ("en" + participle) is said by the
    # subject of the verb it depends on, whatever relation the parser gives it.
    gerund = participle and any(c.dep_ == "mark" and c.lower_ == "en" for c in verb.children)
    # "X était le premier à s'indigner : « … »", "X a tenu à rappeler que …": an infinitive brought in by
    # "à" or "de" to complete a verb or a predicate is said by its subject (French control by the
    # subject). Bare infinitives are left to the formulas that know them ("fait savoir", "veut dire").
    controlled = (
        verb.dep_ == "xcomp"
        and "VerbForm=Inf" in str(verb.morph)
        and any(c.dep_ == "mark" and c.lower_ in ("à", "de", "d'", "d’") for c in verb.children)
    )
    if verb.head.i != verb.i and (
        verb.dep_ == "conj" or controlled or (participle and (verb.dep_ == "advcl" or gerund))
    ):
        found = subject_of(verb.head)
        if found is None or not _inside_closed_quote(verb.doc, found.i, verb.i):
            return found
        # The governing verb the parser chose is inside a quotation that closes before this verb
        # ("« … J'avais vingt ans … » Anne Roy, elle, explique que …", "« … », dit-il, ajoutant
        # que …"): its subject is a quoted word, not this clause's speaker.
        return _preverbal_speaker(verb)
    found = clitic_subject(verb)
    if found is None and verb.lang_ == "fr" and "VerbForm=Fin" in str(verb.morph):
        found = _preverbal_speaker(verb)
    return found


_QUOTE_TOKENS = frozenset({'"', "«", "»", "“", "”"})


def _inside_closed_quote(doc: Doc, a: int, b: int) -> bool:
    """Whether token ``a`` stands inside a quotation that closes before token ``b``: between them,
    more closing guillemets than opening ones, or an odd number of straight or curly double quotes."""
    marks = [t.text for t in doc[a + 1 : b] if t.text in _QUOTE_TOKENS]
    if marks.count("»") > marks.count("«"):
        return True
    return (marks.count('"') + marks.count("“") + marks.count("”")) % 2 == 1


# Words a pre-verbal subject may be separated from its verb by: an apposition ("Anne Roy, l'avocate
# du maire, explique"), a dislocated pronoun ("Anne Roy, elle, explique"), adverbs.
_APPOSITION_POS = frozenset({"NOUN", "ADJ", "DET", "ADP", "PROPN", "ADV", "PUNCT", "NUM"})
_PREVERBAL_REACH = 10
_NP_MODIFIER = frozenset({"nmod", "amod", "flat", "flat:name", "compound", "appos", "nummod"})


def _preverbal_speaker(verb: Token) -> Token | None:
    """The speaker of a French verb the parser gave no subject: the nearest person's name before it
    in its clause, past an apposition or a dislocated pronoun ("Me Anne Roy, l'avocate du maire,
    explique : …"), or the inverted clitic of the reporting verb a participle continues ("…, dit-il,
    ajoutant que …"). A name governed by a preposition ("à Paul Roy") is a complement, not it."""
    doc = verb.doc
    k = verb.i - 1
    while k >= 0 and doc[k].pos_ == "AUX":
        k -= 1
    lo = max(0, verb.i - _PREVERBAL_REACH)
    commas = 0
    while k >= lo:
        t = doc[k]
        if t.text == ",":
            commas += 1
        elif t.pos_ in ("NOUN", "PROPN") and t.ent_type_ not in ("PER", "PERSON") and commas != 1:
            # A noun phrase right before the verb is its subject ("La Haute autorité pour la
            # transparence fait savoir que …", "…, les candidats réagissent"): its head, reached
            # through its modifiers. Past one comma, the phrase is an apposition to what precedes it.
            if commas:
                return None
            while t.dep_ in _NP_MODIFIER and t.head.i < t.i and t.head.pos_ in ("NOUN", "PROPN"):
                t = t.head
            return t if t.pos_ in ("NOUN", "PROPN") and not _temporal(t) else None
        if t.text in (".", "!", "?", ":", ";", "…") or t.text in _QUOTE_TOKENS or "\n" in t.text:
            return None
        if is_clitic(t):
            return t
        if t.ent_type_ in ("PER", "PERSON"):
            first = k
            while first > 0 and doc[first - 1].ent_type_ == t.ent_type_ and doc[first - 1].ent_iob_ != "O":
                if t.ent_iob_ == "B":
                    break
                first -= 1
            prev = doc[first - 1] if first > 0 else None
            if prev is not None and prev.lower_ in ("de", "d'", "d’") and not commas:
                k = first - 2  # "l'entourage d'Anne Roy fait savoir …": the name completes a noun
                continue
            if prev is not None and (prev.pos_ == "ADP" or prev.lower_ in ("de", "d'", "d’", "du", "des", "à")):
                return None
            # The name's root token (its head lies outside the name).
            span = doc[first : k + 1]
            return span.root
        if t.pos_ not in _APPOSITION_POS and t.lower_ not in ("elle", "lui", "eux", "elles"):
            return None
        k -= 1
    return None


# How far after an inverted reporting verb its speaker may stand, in tokens from the verb. In the
# French dev quote sets, 97% of the speakers placed after their cue stand within six words of it
# (88% right after it: "a déclaré le ministre"); the rest sit past a whole circumstantial phrase
# (a programme's title, "sa femme à l'AFP, …"), where a name the window would reach is as often
# the complement's as the speaker's. `python eval/tools/speaker_reach.py` prints the distribution.
_NAME_REACH = 7


def inverted_speaker(verb: Token, lex: Lexicon | None = None) -> Token | None:
    """The speaker after an inverted reporting verb: its subject, a clitic, or the next noun."""
    subj = subject_of(verb)
    # The inverted subject stands right after the verb group; one the parser finds further on is
    # more likely a misparse ("…, a estimé pour sa part le colonel X, cité par une agence").
    if subj is not None and verb.i < subj.i <= verb.i + _NAME_REACH:
        return subj
    clitic = clitic_subject(verb)
    if clitic is not None:
        return clitic
    personal = _personal_il(verb)
    if personal is not None:
        return personal
    doc = verb.doc
    for j in range(verb.i + 1, min(verb.i + 5, len(doc))):
        t = doc[j]
        if _temporal(t):
            continue
        if t.pos_ in ("PROPN", "NOUN", "PRON"):
            return t
        ellipsis = j + 1 >= len(doc) or doc[j + 1].pos_ not in ("NOUN", "ADJ")
        if t.pos_ == "ADJ" and doc[j - 1].pos_ == "DET" and ellipsis:
            return t  # "renchérit une autre", "répond le premier": the adjective stands for the noun
        if t.pos_ not in ("DET", "ADV", "ADJ", "NUM"):
            break
    # "…, explique en direct Christelle Méral", "a commenté Jacline Mouraud lundi": a person's name a
    # few words on, past a circumstance, before the clause ends (the tagger may even call it a verb).
    for j in range(verb.i + 1, min(verb.i + _NAME_REACH, len(doc))):
        t = doc[j]
        if t.is_punct and t.text not in ("-", "'", "’"):
            break
        if t.ent_type_ in ("PER", "PERSON"):
            return t
    # "…, a annoncé lundi sur Facebook la jeune femme": a description of a person past a circumstance.
    for j in range(verb.i + 2, min(verb.i + _NAME_REACH + 3, len(doc))):
        t = doc[j]
        if t.is_punct and t.text not in ("-", "'", "’"):
            break
        if lex is not None and is_human_noun(t, lex):
            # "la jeune femme": the determiner may stand before an adjective or two.
            k = j - 1
            while k > verb.i and doc[k].pos_ == "ADJ" and j - k <= 2:
                k -= 1
            if doc[k].pos_ == "DET":
                return t
    return _apposed_name_after(verb)


def _personal_il(verb: Token) -> Token | None:
    """'Il l'affirme lui-même', 'Elle le répète': a subject pronoun before an active verb of saying
    that the parser labelled impersonal. A verb of saying in the active voice has a person for its
    subject; the impersonal "il" goes with passives ("il est précisé"), which are left out here."""
    if is_passive(verb) or any(c.dep_ == "cop" for c in verb.children):
        return None
    for c in verb.children:
        if c.dep_ == "expl:subj" and c.i < verb.i and c.lower_ in ("il", "elle"):
            return c
    return None


# How far an inverted reporting clause may run before the name closing it ("…, a alerté dans
# « Le Journal du soir » de la chaîne, Anne Roy, épidémiologiste"), in tokens from the verb.
_CLAUSE_REACH = 16


def _apposed_name_after(verb: Token) -> Token | None:
    """A person's name set off by a comma at the end of an inverted reporting clause, past a
    circumstance that holds no speaker ("…, a alerté sur la radio, Anne Roy, médecin"). Only after a
    comma: a name right after a preposition ("a déclaré à Paul Roy") is the addressee."""
    doc = verb.doc
    for j in range(verb.i + 1, min(verb.i + _CLAUSE_REACH, len(doc))):
        t = doc[j]
        if t.text in (".", "!", "?", ";", ":", "…") or "\n" in t.text:
            return None
        if t.ent_type_ in ("PER", "PERSON") and t.ent_iob_ == "B" and doc[j - 1].text == ",":
            end = j + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            return doc[j:end].root
    return None


_NOT_REPORTED = frozenset({"avant", "après", "pour", "sans", "afin", "before", "after", "without", "for"})


def _complement(verb: Token, lex: Lexicon, opinion_ok: bool) -> Token | None:
    """The clausal complement of a reporting verb, if it has one."""
    for c in verb.children:
        if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX", "ADJ", "NOUN", "PRON"):
            if _relative_after_object(verb, c, lex):
                continue  # "a refusé le poste, que lui proposait le maire": a relative clause of the object
            return c
        if c.dep_ in ("advcl", "obj", "dobj", "obl:arg") and any(
            g.dep_ == "mark" and g.lower_ in lex.complementisers for g in c.children
        ):
            if c.pos_ in ("NOUN", "PROPN") and not any(g.dep_ in ("cop", "aux", "aux:tense") for g in c.children):
                continue  # "elle ne jure que par ses annonces": the restrictive "ne … que", not a clause
            return c
        marks = {g.lower_ for g in c.children if g.dep_ in ("mark", "case")}
        if marks & _NOT_REPORTED:
            continue  # "avant de s'excuser", "pour partir": a circumstance, not what was said
        # An infinitive ("affirme avoir …"), or a past infinitive the tagger took for a noun
        # ("lui reproche de l'avoir escroqué").
        infinitive = (
            c.tag_ == "VB"
            or "VerbForm=Inf" in str(c.morph)
            or any(
                g.dep_.startswith("aux") and g.lemma_ in ("avoir", "être") and "VerbForm=Inf" in str(g.morph)
                for g in c.children
            )
        )
        # "a admis être l'auteur de …": an infinitive copula the parser hangs on its predicate,
        # which it then takes for the verb's object.
        copula = lex.lang == "fr" and any(
            g.dep_ == "cop" and "VerbForm=Inf" in str(g.morph) and g.i == c.left_edge.i == verb.i + 1
            for g in c.children
        )
        if copula and c.dep_ == "obj" and not opinion_ok:
            return c
        detached = c.left_edge.i > 0 and c.doc[c.left_edge.i - 1].text == ","
        if (
            c.dep_ in ("xcomp", "obl:arg", "advcl", "acl")
            and not detached  # ", à commencer par …", ", à savoir …": a detached phrase, not what was said
            and c.pos_ in ("VERB", "AUX", "NOUN", "ADJ")
            and (c.dep_ == "xcomp" or marks & {"de", "d'", "d’", "à", "to"})
            and infinitive
            and c.i > verb.i
            and not opinion_ok
        ):
            return c
    return None


def _name_before_verb(verb: Token, subj: Token | None) -> Token | None:
    """A person's name right before the verb, when the parser took a detached phrase before it for
    the subject ("Sur la place, tout près de la mairie, Paul Martin dit …"): the name is the subject."""
    if subj is None or subj.ent_type_ in ("PER", "PERSON") or subj.pos_ == "PRON" or subj.i > verb.i:
        return subj
    k = verb.i - 1
    while k > subj.i and (verb.doc[k].pos_ in ("AUX", "ADV") or verb.doc[k].lower_ in ("ne", "n'", "n’")):
        k -= 1
    name = verb.doc[k]
    if k > subj.i and name.ent_type_ in ("PER", "PERSON") and name.pos_ == "PROPN":
        while name.dep_ in ("flat", "flat:name") and name.head.i < name.i and name.head.ent_type_ == name.ent_type_:
            name = name.head
        return name
    return subj


def _relative_after_object(verb: Token, clause: Token, lex: Lexicon) -> bool:
    """Whether a "que" clause is a relative of the verb's object: it opens right after a comma that
    closes the object ("Elle a décliné l'offre, que lui faisait le club"); a clause the verb reports
    follows it directly ("Il a averti la population que …")."""
    mark = next((g for g in clause.children if g.lower_ in lex.complementisers and g.i < clause.i), None)
    if mark is None or mark.i < 2 or verb.doc[mark.i - 1].text != ",":
        return False
    return any(o.dep_ in ("obj", "dobj") and o.right_edge.i == mark.i - 2 for o in verb.children)


def _after_comma(doc: Doc, start: int) -> bool:
    """Whether the token before ``start`` (skipping spaces, and "comme l'" of "…, comme l'explique X")
    is a comma."""
    k = start - 1
    while k >= 0 and (doc[k].is_space or doc[k].lower_ in ("l'", "l’", "le")):
        k -= 1
    if k >= 0 and doc[k].lower_ in ("comme", "as"):
        k -= 1
    return k >= 0 and doc[k].text == ","


def _prev_index(doc: Doc, start: int) -> int:
    k = start - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    return k


def _comma_before(doc: Doc, start: int) -> int:
    """Index of the comma that :func:`_after_comma` found before ``start``."""
    k = _prev_index(doc, start)
    while k >= 0 and (doc[k].is_space or doc[k].lower_ in ("l'", "l’", "le", "comme", "as")):
        k -= 1
    return k


def find_indirect(doc: Doc, lex: Lexicon, seg: Segmenter) -> list[Candidate]:
    """All indirect quotation candidates of ``doc`` (see the module docstring)."""
    out: list[Candidate] = []
    used_verbs: set[int] = set()
    by_lemma, by_form = lex.report_tests
    for i in columns(doc).where(pos=("VERB", "AUX", "NOUN", "ADJ"), lemma=by_lemma, lower=by_form):
        tok = doc[i]
        if is_reporting(tok, lex):
            cand = _from_verb(doc, tok, lex, seg)
            if cand is not None:
                used_verbs.add(tok.i)
                out.append(cand)
    out.extend(_from_prepositions(doc, lex, seg))
    out.extend(_from_faire_noun(doc, lex, seg))
    if lex.lang == "fr":
        out.extend(_from_appris(doc, seg))
        out.extend(_from_pour(doc, lex, seg))
        out.extend(_from_final_pour(doc, lex, seg))
    return out


def _from_verb(doc: Doc, verb: Token, lex: Lexicon, seg: Segmenter) -> Candidate | None:
    if is_negated(verb, lex):
        return None
    governor = causative_faire(verb, lex)
    if governor is not None and is_negated(governor, lex):
        return None  # "n'a pas laissé entendre que": the negation stands on the governing verb
    if verb.dep_ == "xcomp" and verb.head.lemma_ in _MODALS:
        return None  # "devrait annoncer que": announced, not made
    if any(c.dep_ == "aux" and c.lower_ in ("will", "shall") for c in verb.children):
        return None
    # By the lemma candidates, not spaCy's lemma alone: it gives "reproche" for "reproche".
    opinion_only = not (verb_lemmas(verb, lex.lang) & lex.reporting)
    s0, s1 = seg.bounds(verb.i)
    cue = cue_span(verb)
    comp = _complement(verb, lex, opinion_only)
    passive = is_passive(verb)
    formula, source = formula_source(verb, lex)
    if formula:
        return _from_formula(doc, verb, cue, comp, source, seg)
    if comp is not None and comp.i > verb.i and passive:
        return None  # "ils ont été condamnés à effectuer …", "il est accusé d'avoir …": the subject is not the speaker
    if comp is not None and comp.i > verb.i:
        a = max(comp.left_edge.i, verb.i + 1)
        b = min(comp.right_edge.i + 1, s1)
        if b + 1 < s1 and doc[b].lower_ in ("et", "ou") and doc[b + 1].lower_ in ("de", "d'", "d’"):
            b = s1  # "reproche de l'avoir trompé et d'avoir caché …": the coordinated infinitive too
        b = _before_relay(doc, a, b, lex)
        chars = _chars(doc, a, b)
        if chars is None:
            return None
        subj = _name_before_verb(verb, subject_of(verb))
        if subj is None and governor is not None:
            # "La ministre a laissé entendre que …": the governor's subject, or the noun phrase before
            # it when the parser hung the formula on that noun ("L'entourage du maire fait savoir …").
            subj = subject_of(governor) or (_preverbal_speaker(governor) if lex.lang == "fr" else None)
        if subj is None or (subj.lower_ in ("on", "one") and not _partitive(subj)):
            return None  # no one states it ("on sait que"), or a parse we cannot trust
        relative = any("PronType=Rel" in str(c.morph) for c in verb.children if c.dep_.startswith("nsubj"))
        oblique = subj.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "case" and c.i < subj.i for c in subj.children)
        if oblique and not relative:  # "pour l'intéressé, qui a rappelé que …" is the relative's antecedent
            # "En direct de la ville, explique que …": the parser's subject is a prepositional phrase,
            # not who speaks; the report stands, its speaker unknown.
            return Candidate(chars[0], chars[1], "indirect", cue, None, verb, "complement")
        return Candidate(chars[0], chars[1], "indirect", cue, _span(subj), verb, "complement")
    if comp is not None and comp.i < verb.i:
        # "The economy is strong, Trump said": the parser hangs the reported clause to the left.
        a = max(comp.left_edge.i, s0)
        b = comp.right_edge.i + 1
        if _prev_index(doc, cue.start) >= 0 and doc[b - 1].text != "," and doc[b].text != ",":
            return None
        if doc[_prev_index(doc, a + 1)].text in _CLOSE_MARKS or doc[b - 2].text in _CLOSE_MARKS:
            return None  # a direct quotation: attributed by the direct finder
        chars = _chars(doc, a, b)
        if chars is None:
            return None
        subj = subject_of(verb)
        return Candidate(chars[0], chars[1], "indirect", cue, _span(subj), verb, "postposed")
    if comp is None and lex.lang == "fr":
        found = _surface_que(doc, verb, governor, lex, seg) or _object_attribute(doc, verb, lex, seg)
        if found is not None:
            return found
    # Surface postposed clause: "…, a déclaré X" / "…, a-t-il ajouté" / "…, Trump said".
    subj = subject_of(verb)
    left = cue.start
    if subj is not None and subj.i < verb.i and lex.lang == "en":
        left = min(left, subj.left_edge.i)
    participle = "VerbForm=Part" in str(verb.morph) or verb.tag_ == "VBG"
    has_aux = any(c.dep_.startswith("aux") for c in verb.children) or cue.start < verb.i
    if _after_comma(doc, left) and not passive and (has_aux or not participle):
        comma = _comma_before(doc, left)
        before = _prev_index(doc, comma)
        if before >= 0 and doc[before].text in _CLOSE_MARKS:
            return None  # "« … », a déclaré X": a direct quotation
        a, _ = seg.bounds(comma)
        speaker = inverted_speaker(verb, lex) if lex.lang == "fr" or subj is None else subj
        if speaker is None or speaker.i < comma:
            speaker = subj if subj is not None and subj.i > comma else None
        if speaker is None:
            return None  # "L'élu, étonné, a confié …": the subject is before the comma, not a report
        sp_span = _span(speaker)
        if sp_span is not None and not _speakerlike(sp_span, lex) and not is_human_noun(speaker, lex):
            return None  # "…, a trouvé la mort dans la montagne": an object, not someone who speaks
        # A short lead without a verb ("En outre, comme l'explique X, …", "But, he said, …") is a
        # connective, not the statement, unless the clause resumes after the reporting clause.
        lead = doc[a:comma]
        connective = not any(t.pos_ in ("NOUN", "PROPN", "VERB", "AUX", "ADJ", "NUM", "PRON") for t in lead)
        clause = _finite(lead) or sum(1 for t in lead if t.is_alpha) > _CONNECTIVES
        if connective or (not clause and _incise_end(doc, a, comma, speaker, verb, seg) is None):
            # "En outre, comme l'explique X, …": an inserted clause after a connective; the statement
            # is what follows the speaker.
            sp = _span(speaker)
            after = max(sp.end if sp is not None else 0, verb.i + 1)
            _, s1 = seg.bounds(verb.i)
            chars = _chars(doc, after, s1)
        else:
            chars = _chars(doc, a, comma)
            incise = _incise_end(doc, a, comma, speaker, verb, seg)
            if chars is not None and incise is not None:
                # "The plan, Ms. Lane said, is a step back": the clause goes on.
                chars = (chars[0], incise)
        if chars is None:
            return None
        return Candidate(chars[0], chars[1], "indirect", cue, _span(speaker), verb, "postposed")
    # Colon introduction without quotation marks: "X a expliqué : il faut …".
    nxt = verb.i + 1
    while nxt < s1 and (doc[nxt].is_space or (doc[nxt].pos_ in ("ADV", "PRON") and doc[nxt].i < verb.i + 3)):
        nxt += 1
    if nxt < s1 and doc[nxt].text == ":":
        after = nxt + 1
        while after < s1 and doc[after].is_space:
            after += 1
        if after < s1 and doc[after].text not in ("«", "“", '"', "„", "‹", "—", "–"):
            chars = _chars(doc, after, s1)
            if chars is not None:
                return Candidate(chars[0], chars[1], "indirect", cue, _span(subj), verb, "colon")
    return None


def _object_attribute(doc: Doc, verb: Token, lex: Lexicon, seg: Segmenter) -> Candidate | None:
    """ "La police considère le voisin comme un suspect", "le juge estime la plainte recevable": a
    verb of judgement with an object and its attribute states the subject's view of the object; the
    content is the object and the attribute."""
    if not verb_lemmas(verb, lex.lang) & lex.formula("attribute_verbs"):
        return None
    obj = next((c for c in verb.children if c.dep_ in ("obj", "dobj") and c.i > verb.i), None)
    attr = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i), None)
    if obj is None or attr is None or attr.pos_ not in ("NOUN", "ADJ", "PROPN"):
        return None
    if attr.pos_ != "ADJ" and not any(c.lower_ == "comme" for c in attr.children):
        return None
    subj = subject_of(verb)
    if subj is None or subj.i > verb.i or subj.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    _, s1 = seg.bounds(verb.i)
    chars = _chars(doc, min(obj.left_edge.i, attr.left_edge.i), min(max(obj.right_edge.i, attr.right_edge.i) + 1, s1))
    if chars is None:
        return None
    return Candidate(chars[0], chars[1], "indirect", cue_span(verb), _span(subj), verb, "attribute")


def _partitive(tok: Token) -> bool:
    """ "one of the lawyers", "l'un des avocats": a person of a group, not the impersonal "one"/"on"."""
    return any(c.lower_ in ("of", "des", "de", "d'", "d’") for c in tok.children)


def _surface_que(doc: Doc, verb: Token, governor: Token | None, lex: Lexicon, seg: Segmenter) -> Candidate | None:
    """ "X fait savoir que …" when the parser hung the "que" clause elsewhere (it may make the clause's
    verb the sentence's root): a reporting verb followed by "que" reports the rest of its clause. The
    subject is the verb's, its governor's, or the noun phrase right before them."""
    k = verb.i + 1
    while k < len(doc) and doc[k].pos_ == "ADV" and k <= verb.i + 2:
        k += 1
    if k >= len(doc) or doc[k].lower_ not in lex.complementisers:
        return None
    _, s1 = seg.bounds(verb.i)
    b = _before_relay(doc, k + 1, s1, lex)
    if not _finite(doc[k + 1 : b]):
        return None  # "elle ne jure que par internet": the restrictive "ne … que", no clause follows
    chars = _chars(doc, k + 1, b)
    if chars is None:
        return None
    subj = subject_of(verb)
    if subj is None and governor is not None:
        subj = subject_of(governor) or _preverbal_speaker(governor)
    if subj is None or subj.i > verb.i or subj.lower_ in ("on", "-on"):
        return None
    return Candidate(chars[0], chars[1], "indirect", cue_span(verb), _span(subj), verb, "complement")


def is_passive(verb: Token) -> bool:
    """Whether a verb is passive: a passive auxiliary, or a participle the tagger marks passive that
    has no "avoir" auxiliary ("a-t-il précisé" is active whatever its morphology says)."""
    if any(c.dep_ in ("aux:pass", "auxpass") for c in verb.children):
        return True
    active_aux = any(c.dep_.startswith("aux") and c.lemma_ in ("avoir", "have") for c in verb.children)
    return "Voice=Pass" in str(verb.morph) and not active_aux


def _impersonal_il(verb: Token) -> Token | None:
    """The impersonal "il" of a passive ("est-il précisé", "il est indiqué que"), if the verb has one."""
    # Passive only: "a-t-il expliqué" (active, "il" a person the parser may still label expletive)
    # is a person speaking; "est-il expliqué" is no one.
    passive = is_passive(verb)
    if not passive:
        return None
    for c in verb.children:
        low = c.lower_.lstrip("-").removeprefix("t-")
        if low == "il" and (c.dep_ == "expl:subj" or c.dep_.startswith("nsubj")):
            return c
    clitic = clitic_subject(verb)
    if clitic is not None and clitic.lower_.lstrip("-").removeprefix("t-") == "il":
        return clitic
    return None


def formula_source(verb: Token, lex: Lexicon) -> tuple[bool, Span | None]:
    """Whether ``verb`` heads an impersonal formula of the resource file, and the head of the
    document it names, if any:

    * an impersonal passive of saying: "…, est-il précisé dans le communiqué", "il est indiqué
      que …" — no person speaks; the document ("le communiqué") is the source;
    * a reading formula: "…, peut-on lire dans le communiqué du syndicat" — "on" is the reader, not
      the speaker; the document read is the source.
    """
    lemmas = verb_lemmas(verb, lex.lang)
    if lemmas & lex.formula("impersonal_passive"):
        formula = _impersonal_il(verb) is not None
    elif lemmas & lex.formula("reading_verbs"):
        subj = subject_of(verb)
        formula = subj is not None and subj.lower_.lstrip("-").removeprefix("t-") in ("on", "one")
    else:
        return False, None
    if not formula:
        return False, None
    doc = verb.doc
    preps = lex.formula("document_prepositions")
    for j in range(verb.i + 1, min(verb.i + _NAME_REACH, len(doc))):
        t = doc[j]
        if t.is_punct and t.text not in ("'", "’"):
            break
        if t.lower_ in preps:
            head = next((h for h in doc[j + 1 : j + 5] if h.pos_ in ("NOUN", "PROPN")), None)
            if head is None:
                return True, None
            sp = speaker_span(head)
            lo = sp.start
            while lo < sp.end and (doc[lo].pos_ == "ADP" or doc[lo].lower_ in preps):
                lo += 1  # the source is "le communiqué", not "dans le communiqué"
            return True, doc[lo : sp.end] if lo < sp.end else None
    return True, None


def _from_formula(
    doc: Doc, verb: Token, cue: Span, comp: Token | None, speaker: Span | None, seg: Segmenter
) -> Candidate | None:
    """The statement of an impersonal formula (see :func:`formula_source`): its ``que`` clause when
    it has one ("il est précisé que …"), else the clause before the comma ("…, est-il précisé")."""
    s0, s1 = seg.bounds(verb.i)
    if comp is not None and comp.i > verb.i:
        chars = _chars(doc, max(comp.left_edge.i, verb.i + 1), min(comp.right_edge.i + 1, s1))
    elif _after_comma(doc, cue.start):
        comma = _comma_before(doc, cue.start)
        before = _prev_index(doc, comma)
        if before >= 0 and doc[before].text in _CLOSE_MARKS:
            return None  # "« … », est-il précisé": a direct quotation, attributed between its marks
        chars = _chars(doc, s0, comma)
    else:
        return None
    if chars is None:
        return None
    return Candidate(chars[0], chars[1], "indirect", cue, speaker, verb, "formula")


def _from_faire_noun(doc: Doc, lex: Lexicon, seg: Segmenter) -> list[Candidate]:
    """ "X a fait état de trois blessés": "faire" + a noun of saying + "de" reports what follows."""
    out: list[Candidate] = []
    nouns = lex.formula("faire_noun_saying")
    if not nouns:
        return out
    forms = lex.formula("faire_forms")
    for i in columns(doc).where(lower=WordTest(nouns.__contains__), end=len(doc) - 2):
        prev, nxt = doc[i - 1] if i > 0 else None, doc[i + 1]
        if prev is None or not (prev.lower_ in forms or prev.lemma_.lower() in forms):
            continue
        if nxt.lower_ not in ("de", "d'", "d’", "du", "des"):
            continue
        if is_negated(prev, lex):
            continue
        subj = subject_of(prev)
        if subj is None or subj.i > prev.i:
            continue
        _, s1 = seg.bounds(i)
        start = i + 2 if nxt.lower_ in ("de", "d'", "d’") else i + 1
        chars = _chars(doc, start, s1)
        if chars is None:
            continue
        if nxt.lower_ in ("du", "des"):
            # "fait état des difficultés": the article of the statement's first noun stays out.
            chars = _chars(doc, i + 2, s1) or chars
        out.append(Candidate(chars[0], chars[1], "indirect", cue_span(prev), _span(subj), prev, "formula"))
    return out


def _before_relay(doc: Doc, a: int, b: int, lex: Lexicon) -> int:
    """End of a reported clause before a reporting clause the parser hung inside it ("… de quitter
    ses mandats, rapporte Franceinfo"): the clause stops at the comma."""
    for k in range(a + 1, b - 1):
        if doc[k].text != ",":
            continue
        j = k + 1
        while j < b and doc[j].lower_ in ("comme", "l'", "l’", "le", "as"):
            j += 1
        while j < b and doc[j].pos_ == "AUX":
            j += 1
        if j < b and is_reporting(doc[j], lex) and doc[j].pos_ in ("VERB", "AUX"):
            subj = subject_of(doc[j])
            if subj is None or subj.i > j:
                return k
    return b


_FROM = frozenset({"de", "du", "des", "d'", "d’", "auprès"})
_APPRENDRE = WordTest(lambda lemma: lemma.lower() == "apprendre")
_POUR = WordTest(lambda w: w == "pour")


def _from_appris(doc: Doc, seg: Segmenter) -> list[Candidate]:
    """ "…, a-t-on appris lundi de source judiciaire" / "… a-t-on appris auprès de l'avocat": the
    source the news was learnt from states what comes before. Without a source ("a-t-on appris"
    alone), no one is named and nothing is kept. An outlet may stand for "on" ("…, a appris la radio
    auprès de son avocat"): the source it names is still the speaker, the outlet only relays."""
    out: list[Candidate] = []
    for i in columns(doc).where(pos=("VERB", "AUX"), lemma=_APPRENDRE):
        tok = doc[i]
        subj = subject_of(tok)
        first = tok.i + 1
        if subj is None or subj.lower_ != "-on":
            # Only the inverted news formula ("voilà ce qu'on apprend de ce rapport" is not it): a
            # postposed "…, a appris X" with its inverted subject right after the verb.
            cue0 = cue_span(tok).start
            outlet = inverted_speaker(tok)
            if not _after_comma(doc, cue0) or outlet is None or outlet.i <= tok.i:
                continue
            first = -1
            # The outlet's name, then "auprès de" / "de" and the source it learnt the news from.
            for j in range(outlet.i + 1, min(outlet.i + 8, len(doc))):
                if doc[j].is_punct:
                    break
                if doc[j].lower_ in _FROM:
                    first = j
                    break
            if first < 0:
                continue
        s0, s1 = seg.bounds(tok.i)
        src = None
        for j in range(first, min(first + 8, s1)):
            t = doc[j]
            if t.is_punct:
                break
            if t.pos_ in ("NOUN", "PROPN") and not _temporal(t):
                if any(c.dep_ in ("case", "fixed") and c.lower_ in _FROM for c in t.children):
                    src = t
                break
        if src is None:
            continue
        cue = cue_span(tok)
        chars = _chars(doc, s0, cue.start)
        if chars is None:
            continue
        sp = speaker_span(src)
        lo = sp.start
        while lo < sp.end and (doc[lo].pos_ == "ADP" or doc[lo].lower_ in _FROM):
            lo += 1  # the speaker is "le parquet de Paris", not "du parquet de Paris"
        out.append(Candidate(chars[0], chars[1], "indirect", cue, doc[lo : sp.end], tok, "postposed"))
    return out


def _finite(tokens: Span) -> bool:
    return any(
        t.pos_ in ("VERB", "AUX") and ("VerbForm=Fin" in str(t.morph) or t.tag_ in ("VBD", "VBZ", "VBP", "MD"))
        for t in tokens
    )


def _incise_end(doc: Doc, a: int, comma: int, speaker: Token | None, verb: Token, seg: Segmenter) -> int | None:
    """End of the reported clause when the reporting clause is inserted in it: the part before has no
    finite verb, and after the reporting clause a comma opens the rest of the clause, which has one."""
    if _finite(doc[a:comma]):
        return None
    sp = _span(speaker)
    k = max(verb.i + 1, sp.end if sp is not None else 0)
    _, s1 = seg.bounds(verb.i)
    # "…, rapporte le Canard enchaîné, …", "…, écrit X dans son livre, …": words the speaker's phrase
    # left out (an adjective of the name, a complement) before the comma that closes the clause.
    reach = k + 6
    while k < min(s1, reach) and (
        doc[k].is_space
        or doc[k].pos_ in ("ADJ", "ADP", "DET", "NOUN", "PROPN", "NUM")
        or (doc[k].pos_ == "VERB" and "VerbForm=Part" in str(doc[k].morph))
    ):
        k += 1
    if k >= s1 or doc[k].text != ",":
        return None
    rest = doc[k + 1 : s1]
    if not _finite(rest):
        return None
    chars = _chars(doc, k + 1, s1)
    return chars[1] if chars is not None else None


def _span(tok: Token | None) -> Span | None:
    if tok is None:
        return None
    if is_clitic(tok):
        return tok.doc[tok.i : tok.i + 1]
    return speaker_span(tok)


# Endings of agent nouns that are safe after "selon" ("selon les ingénieurs", "selon le
# pneumologue"); "-eur" alone is not, in the singular ("selon la valeur", "selon la hauteur").
_SAFE_AGENT = ("iste", "logue", "ologue")
_PLURAL_AGENT = ("eurs", "euses", "rices", "istes", "iens", "iennes", "logues")


def _speakerlike(span: Span, lex: Lexicon) -> bool:
    """Whether the noun phrase after "selon"/"according to" names an agent that states things."""
    for t in span:
        if t.ent_type_ or t.pos_ == "PROPN" or (t.pos_ == "PRON" and t.lower_ not in ("ce", "cela", "it")):
            return True
        low = t.lemma_.lower()
        if t.pos_ == "NOUN" and (low in lex.roles or low in lex.groups or t.lower_ in lex.groups):
            return True
        if t.pos_ == "NOUN" and low in lex.speech_nouns:
            return True
        if t.pos_ == "NOUN" and lex.lang == "fr" and (low.endswith(_SAFE_AGENT) or t.lower_.endswith(_PLURAL_AGENT)):
            return True
    return False


# Figures and counts: "selon les chiffres officiels" names no one who states them; "selon les
# chiffres du ministère" does (its agent is the speaker).
_FIGURES = frozenset({"chiffre", "chiffres", "donnée", "données", "bilan", "estimation", "décompte", "comptage"})


def _agentless_figures(who: Span, lex: Lexicon) -> bool:
    if who.root.lemma_.lower() not in _FIGURES and who.root.lower_ not in _FIGURES:
        return False
    return not any(
        t.ent_type_ or t.pos_ == "PROPN" or t.lemma_.lower() in lex.groups or t.lemma_.lower() in lex.roles
        for t in who
        if t.i != who.root.i
    )


def _np_until_comma(doc: Doc, a: int, s1: int, limit: int = 14) -> int:
    """End (exclusive) of the noun phrase starting at ``a``: the next comma, stop or segment end."""
    b = a
    while b < s1 and b - a < limit and doc[b].text not in (",", ".", ";", ":", "!", "?", "«", "“", "(", ")"):
        if doc[b].pos_ in ("VERB", "AUX") and "VerbForm=Fin" in str(doc[b].morph):
            break
        b += 1
    return b


def _from_prepositions(doc: Doc, lex: Lexicon, seg: Segmenter) -> list[Candidate]:
    out: list[Candidate] = []
    n = len(doc)
    # Every token against every pattern was the quote finder's hottest loop: look the patterns up by
    # their first word instead, at the tokens that are one.
    cols = columns(doc)
    by_first = lex.preps_by_first_word
    for i in cols.where(lower=lex.first_words_of_preps):
        for pat in by_first[cols.lower_at(i)]:
            if i + len(pat) > n or any(cols.lower_at(i + k) != pat[k] for k in range(1, len(pat))):
                continue
            tok = doc[i]
            a = tok.i + len(pat)
            s0, s1 = seg.bounds(tok.i)
            # Inside brackets ("(250.000 selon la CGT)"), the brackets bound the statement.
            opened = next((k for k in range(tok.i - 1, max(s0, tok.i - 8) - 1, -1) if doc[k].text == "("), None)
            if opened is not None:
                s0 = opened + 1
                s1 = next((k for k in range(tok.i, min(s1, tok.i + 20)) if doc[k].text == ")"), s1)
            b = _np_until_comma(doc, a, s1)
            if b <= a:
                continue
            who = doc[a:b]
            rel = next((k for k in range(a + 1, b) if "PronType=Rel" in str(doc[k].morph)), None)
            if rel is None and b < s1 and b > a + 1 and "PronType=Rel" in str(doc[b - 1].morph):
                rel = b - 1
            if rel is None and b + 1 < s1 and doc[b].text == "," and "PronType=Rel" in str(doc[b + 1].morph):
                rel, b = b, b + 1  # "selon Radio Sud, qui cite des témoins, …"
            if rel is not None:
                # "selon Radio Sud, qui cite des témoins, …", "selon Radio Sud qui cite …": the relative
                # clause tells about the source; the statement is on either side of the whole phrase.
                who = doc[a:rel]
                while b < s1 and doc[b].text not in (",", ".", ";", ":", "!", "?", "(", ")"):
                    b += 1
            if not _speakerlike(who, lex) or _agentless_figures(who, lex):
                continue
            cue = doc[tok.i : a]
            # "…, d'après les experts." / "Faux, selon le site.": a source closing its sentence
            # sources what comes before it, even a one-word verdict, and nothing after the stop
            # (which our segments may run past, at a seam or before an upper-case inter-title).
            closing = b < n and doc[b].text in _FINAL_STOPS
            before = _chars(doc, s0, tok.i, 1 if closing else 2)
            if closing and before is not None:
                before = _after_colon(doc, s0, tok.i) or before
            if before is None and opened is not None and any(t.like_num for t in doc[s0 : tok.i]):
                before = _chars(doc, s0, tok.i, 0)  # "(250.000 selon la CGT)": a figure is its statement
            # "… 65.000 personnes selon le ministère (250.000 selon la CGT)": a bracket after the source
            # is another statement, with its own source.
            after = _chars(doc, b, s1) if b < n and doc[b].text != "(" and not closing else None
            lead = sum(1 for t in doc[s0 : tok.i] if t.is_alpha)
            if after is not None and (before is None or lead <= _CONNECTIVES):
                chars = after
            elif before is not None and after is None:
                chars = before
            elif before is not None and after is not None:
                chars = (before[0], after[1])
            else:
                continue
            out.append(Candidate(chars[0], chars[1], "indirect", cue, _trim_np(who), None, "source"))
    return out


_FINAL_STOPS = frozenset({".", "!", "?", "…", "..."})


def _after_colon(doc: Doc, s0: int, end: int) -> tuple[int, int] | None:
    """ "Elle est malade : son état est grave, selon les médecins." — the clause after a colon of the
    sentence, when it has a finite verb, is what a closing source states: the colon opens the
    explanation the source gives, the words before it are the article's own."""
    colon = next((k for k in range(end - 1, s0 - 1, -1) if doc[k].text == ":"), None)
    if colon is None or colon == s0 or not _finite(doc[colon + 1 : end]):
        return None
    return _chars(doc, colon + 1, end)


def _trim_np(span: Span) -> Span:
    a, b = span.start, span.end
    doc = span.doc
    while b > a and (doc[b - 1].is_punct or doc[b - 1].is_space):
        b -= 1
    return doc[a:b]


_LEAD_CONNECTIVES = frozenset({"mais", "et", "or", "pourtant", "néanmoins", "cependant", "toutefois", "donc"})


def _from_pour(doc: Doc, lex: Lexicon, seg: Segmenter) -> list[Candidate]:
    """ "Pour X, …" at the head of a sentence, when X is a person: X's view is reported."""
    out: list[Candidate] = []
    for s0 in seg.starts:
        k = s0
        while k < len(doc) and (doc[k].is_space or doc[k].lower_ in _LEAD_CONNECTIVES or doc[k].text == ","):
            k += 1
        if k >= len(doc) or doc[k].lower_ != "pour":
            continue
        _, s1 = seg.bounds(k)
        b = _np_until_comma(doc, k + 1, s1, limit=8)
        if b >= s1 or doc[b].text != ",":
            continue
        who = doc[k + 1 : b]
        if who and (
            who[0].pos_ in ("VERB", "AUX") or (len(who) > 1 and who[0].pos_ == "PRON" and who[1].pos_ == "VERB")
        ):
            continue  # "Pour inciter les touristes à rester prudents, …": a purpose, not a view
        person = any(t.ent_type_ == "PER" for t in who) or any(_person_noun(t, lex) for t in who[:3])
        if not person and not (len(who) == 1 and who[0].lower_ in ("lui", "elle", "eux", "elles")):
            continue
        rest = doc[b + 1 : s1]
        if not any(t.pos_ in ("VERB", "AUX") for t in rest):
            continue
        chars = _chars(doc, b + 1, s1)
        if chars is None:
            continue
        out.append(Candidate(chars[0], chars[1], "indirect", doc[k : k + 1], _trim_np(who), None, "pour"))
    return out


# Agent-noun endings that also end common nouns of things and times ("pour l'instant", "pour le
# quartier"): after "pour", a noun with one of them is a person only when it is a listed role.
_WEAK_AGENT = ("ant", "ante", "er", "ier", "ière")


def _person_noun(tok: Token, lex: Lexicon) -> bool:
    """Whether a noun after "pour" denotes a person: a role, or an agent noun of a reliable ending."""
    if tok.lower_ in lex.roles and tok.i > 0 and tok.doc[tok.i - 1].pos_ in ("DET", "ADJ"):
        return True  # "pour cet autre supporter": after a determiner, a role the tagger took for a verb
    if not is_human_noun(tok, lex):
        return False
    low = tok.lemma_.lower()
    return low in lex.roles or tok.lower_ in lex.roles or not low.endswith(_WEAK_AGENT)


_SHORT_VERDICT = 6  # words before "pour": a verdict ("Hors de question"), not a whole statement


def _from_final_pour(doc: Doc, lex: Lexicon, seg: Segmenter) -> list[Candidate]:
    """ "Une mesure surprenante pour ce syndicaliste." — an evaluation closed by "pour" + a person
    (a name, or a definite or demonstrative description of a person) at the end of the sentence."""
    out: list[Candidate] = []
    for i in columns(doc).where(lower=_POUR, end=len(doc) - 2):
        tok = doc[i]
        s0, s1 = seg.bounds(tok.i)
        det = doc[tok.i + 1]
        k = tok.i + 2 if det.pos_ == "DET" else tok.i + 1
        head = doc[k]
        named = head.ent_type_ == "PER"
        described = det.lower_ in ("ce", "cet", "cette", "le", "la", "l'", "l’") and (
            head.pos_ == "NOUN" and (head.lemma_.lower() in lex.roles or head.lower_ in ("intéressé", "intéressée"))
        )
        # "Incompréhensible, pour des militants bretons", "Pas encore évident pour les voyageurs": a
        # short verdict closed by "pour" + people. Only short: "une prime pour les salariés" gives
        # something to people, it does not report their view.
        short = sum(1 for t in doc[s0 : tok.i] if t.is_alpha) <= _SHORT_VERDICT
        people = (
            short
            and det.lower_ in ("les", "des", "ces", "certains", "plusieurs", "nombreux")
            and is_human_noun(head, lex)
        )
        if not (named or described or people):
            continue
        b = _np_until_comma(doc, tok.i + 1, s1, limit=6)
        rest = [t for t in doc[b:s1] if not t.is_space]
        if rest and rest[0].text not in (",", ".", "!", ";"):
            continue  # the sentence goes on ("pour" is not closing it), or asks: a question reports no view
        if people and rest and rest[0].text == ",":
            continue  # "valable pour les salariés, les retraités ou …": an enumeration of who it concerns
        if rest and rest[0].text == "," and any(t.pos_ in ("VERB", "AUX") for t in rest):
            continue
        chars = _chars(doc, s0, tok.i, min_words=1)  # "Incompréhensible, pour …": one word is a verdict
        if chars is None:
            continue
        out.append(
            Candidate(
                chars[0],
                chars[1],
                "indirect",
                doc[tok.i : tok.i + 1],
                _trim_np(doc[tok.i + 1 : b]),
                None,
                "pour",
            )
        )
    return out
