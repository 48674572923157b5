"""English lexicon of reported speech: verbs and nouns of speech, source phrases, role nouns.

Written for dateline from general knowledge of English news usage. Verbs are lemmas as spaCy's
English lemmatiser gives them, so "said", "says", "has said", "told" and "saying" all match.
Verbs of private thought ("think", "believe", "hope") are deliberately absent: a thought is not a
statement, and the evaluation is restricted to speech attributions.
"""

from __future__ import annotations


def _words(text: str) -> list[str]:
    """The white-space separated words of a block (keeps the lists below readable)."""
    return text.split()


__all__ = [
    "COGNITION_VERBS",
    "GROUP_NOUNS",
    "PRONOUNS",
    "REPORTING_VERBS",
    "ROLE_NOUNS",
    "SOURCE_PREPOSITIONS",
    "SPEECH_NOUNS",
]

REPORTING_VERBS: frozenset[str] = frozenset(
    _words(
        """
    say tell add state declare announce explain note claim insist argue assert affirm allege
    acknowledge admit concede confess confirm deny dispute contend maintain stress emphasize
    emphasise underline point warn caution alert predict promise pledge vow swear guarantee assure
    reassure report recount recall remind reveal disclose divulge describe detail write tweet post
    blog text email comment remark observe mention suggest propose recommend urge advise demand ask
    inquire enquire question wonder reply respond answer retort rebut object protest complain lament
    grumble mutter murmur whisper shout yell scream cry exclaim boast brag joke quip laugh sigh snap
    snarl bark roar thunder rage fume gush marvel muse reason speculate estimate forecast project
    concur agree echo repeat reiterate summarize summarise conclude testify attest certify vouch
    charge accuse blame criticize criticise condemn denounce decry slam blast attack lambaste praise
    hail commend applaud welcome thank congratulate apologize apologise admonish scold chide rebuke
    counsel instruct request plead beg implore appeal invite challenge dare threaten brief inform
    notify relay convey communicate signal indicate imply hint insinuate intimate posit theorize
    theorise opine editorialize pontificate preach lecture proclaim pronounce profess clarify
    correct specify elaborate expound chime interject interrupt volunteer tout defend justify
    """
    )
)

COGNITION_VERBS: frozenset[str] = frozenset(
    _words(
        """
    think believe know feel hope fear expect want wish suspect doubt guess suppose assume
    imagine consider understand realize realise learn see hear find decide plan intend worry
    """
    )
)

SPEECH_NOUNS: frozenset[str] = frozenset(
    _words(
        """
    statement announcement declaration remark remarks comment comments claim claims assertion
    speech address interview testimony report memo letter email tweet post message op-ed
    editorial press release briefing warning promise pledge vow response reply answer argument
    allegation accusation charge criticism denial admission confession confirmation explanation
    prediction suggestion proposal recommendation request demand appeal plea call question
    """
    )
)

SOURCE_PREPOSITIONS: tuple[tuple[str, ...], ...] = (
    ("according", "to"),
    ("in", "the", "words", "of"),
    ("in", "the", "view", "of"),
)

ROLE_NOUNS: frozenset[str] = frozenset(
    _words(
        """
    president minister secretary senator representative congressman congresswoman governor mayor
    spokesman spokeswoman spokesperson official officer director chairman chairwoman chair chief
    leader head candidate nominee adviser advisor aide strategist staffer manager analyst expert
    economist professor researcher scientist lawyer attorney judge prosecutor general commander
    ambassador diplomat envoy negotiator chancellor king queen prince pope bishop pastor priest
    voter resident neighbor neighbour witness victim father mother son daughter brother sister
    wife husband friend coach player reporter journalist correspondent anchor host author
    founder executive ceo owner worker employee student teacher doctor nurse police officer
    sheriff detective agent activist organizer organiser protester supporter critic opponent
    member delegate lawmaker legislator pollster consultant operative surrogate man woman
    """
    )
)

GROUP_NOUNS: frozenset[str] = frozenset(
    _words(
        """
    government administration ministry department agency office committee commission council
    court party campaign company firm group organization organisation union association
    coalition alliance police military army officials sources aides advisers experts analysts
    critics supporters voters residents witnesses lawmakers republicans democrats spokesman
    """
    )
)

PRONOUNS: dict[str, tuple[str | None, str]] = {
    "he": ("Masc", "Sing"),
    "she": ("Fem", "Sing"),
    "they": (None, "Plur"),
    "i": (None, "Sing"),
    "we": (None, "Plur"),
}
