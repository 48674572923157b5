"""French words for time: months, weekdays, numbers written in words, units, seasons, cue words.

Everything is lower-case and accent-bearing as written in news; :mod:`dateline.timex.detect` matches
case-insensitively and looks words up through :func:`dateline.timex.lexicon.lookup`, which folds case.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "janvier": 1, "janv.": 1, "janv": 1,
    "février": 2, "fevrier": 2, "févr.": 2, "fév.": 2, "févr": 2,
    "mars": 3,
    "avril": 4, "avr.": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7, "juil.": 7,
    "août": 8, "aout": 8,
    "septembre": 9, "sept.": 9,
    "octobre": 10, "oct.": 10,
    "novembre": 11, "nov.": 11,
    "décembre": 12, "decembre": 12, "déc.": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
}  # fmt: skip

# Atoms of numbers written in words; compounds ("vingt-quatre", "soixante et onze") are summed or
# multiplied by :func:`dateline.timex.lexicon.words_to_number`.
NUMBERS: dict[str, int] = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
    "seize": 16, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50,
    "soixante": 60, "cent": 100, "cents": 100, "mille": 1000,
}  # fmt: skip
MULTIPLIERS = frozenset({"cent", "cents", "mille", "vingt", "vingts"})
NUMBER_JOINERS = ("et",)

# Vague amounts: a duration of "quelques jours" is P<X>D in ISO-TimeML.
VAGUE_AMOUNTS = ("quelques", "plusieurs", "des", "de nombreuses", "de nombreux", "nombreuses")

ORDINALS: dict[str, int] = {
    "premier": 1, "première": 1, "1er": 1, "1re": 1, "1ère": 1, "deuxième": 2, "second": 2,
    "seconde": 2, "2e": 2, "2ème": 2, "troisième": 3, "3e": 3, "3ème": 3, "quatrième": 4, "4e": 4,
    "4ème": 4,
}  # fmt: skip

# Units for durations and relative expressions, to ISO-TimeML unit letters. Hours, minutes and
# seconds are time units (written after "T" in a duration).
UNITS: dict[str, str] = {
    "jour": "D", "jours": "D", "journée": "D", "journées": "D",
    "semaine": "W", "semaines": "W",
    "mois": "M",
    "an": "Y", "ans": "Y", "année": "Y", "années": "Y",
    "trimestre": "Q", "trimestres": "Q",
    "semestre": "HY", "semestres": "HY",
    "décennie": "DE", "décennies": "DE",
    "siècle": "CE", "siècles": "CE",
    "heure": "H", "heures": "H",
    "minute": "MIN", "minutes": "MIN",
    "seconde": "S", "secondes": "S",
    "week-end": "WE", "week-ends": "WE", "weekend": "WE",
}  # fmt: skip

SEASONS: dict[str, str] = {"printemps": "SP", "été": "SU", "eté": "SU", "automne": "FA", "hiver": "WI"}

PARTS_OF_DAY: dict[str, str] = {
    "matin": "MO", "matinée": "MO", "après-midi": "AF", "soir": "EV", "soirée": "EV", "nuit": "NI",
}  # fmt: skip

PAST_CUES = ("dernier", "dernière", "derniers", "dernières", "passé", "passée", "précédent", "précédente")
FUTURE_CUES = ("prochain", "prochaine", "prochains", "prochaines", "suivant", "suivante")

# Days relative to the document's date.
REL_DAYS: dict[str, int] = {
    "aujourd'hui": 0, "aujourd’hui": 0, "hier": -1, "demain": 1, "avant-hier": -2, "après-demain": 2,
}  # fmt: skip
# Days relative to the date the narration last mentioned ("le lendemain" of that day).
NARRATIVE_DAYS: dict[str, int] = {
    "le lendemain": 1, "le surlendemain": 2, "la veille": -1, "l'avant-veille": -2, "le même jour": 0,
    "ce jour-là": 0,
}  # fmt: skip

# Words that refer to the present, past or future without a date (ISO-TimeML *_REF values).
REFS: dict[str, str] = {
    "maintenant": "PRESENT_REF", "actuellement": "PRESENT_REF", "désormais": "PRESENT_REF",
    "à présent": "PRESENT_REF", "de nos jours": "PRESENT_REF", "actuel": "PRESENT_REF",
    "actuelle": "PRESENT_REF", "actuels": "PRESENT_REF", "actuelles": "PRESENT_REF",
    "autrefois": "PAST_REF", "auparavant": "PAST_REF", "jadis": "PAST_REF", "récemment": "PAST_REF",
    "naguère": "PAST_REF", "l'avenir": "FUTURE_REF", "l’avenir": "FUTURE_REF",
    "prochainement": "FUTURE_REF", "bientôt": "FUTURE_REF",
    "pour le moment": "PRESENT_REF", "nouvellement": "PAST_REF",
}  # fmt: skip

# "quotidien(ne)" and "futur(e)" are left out: in news they are mostly nouns ("le quotidien local",
# "le futur conseil") rather than time expressions.
# Adjectives and adverbs of frequency: "un rendez-vous annuel" recurs once a year (a SET).
FREQUENCY: dict[str, str] = {
    "quotidiennement": "P1D", "hebdomadaire": "P1W", "hebdomadaires": "P1W", "mensuel": "P1M",
    "mensuelle": "P1M", "mensuels": "P1M", "mensuelles": "P1M", "annuel": "P1Y", "annuelle": "P1Y",
    "annuels": "P1Y", "annuelles": "P1Y", "annuellement": "P1Y",
}  # fmt: skip

# The TIMEX3 type of *_REF values: the French TimeML guidelines (French TimeBank) type "maintenant" and
# "actuellement" as TIME, where English TimeBank uses DATE.
REF_TYPE = "TIME"

# Nouns that are durations by themselves: "un quinquennat de cohérence".
DURATION_WORDS: dict[str, str] = {"quinquennat": "P5Y", "septennat": "P7Y", "décennie": "P10Y"}

# Words before a date that make it a deadline or a starting point seen from the writing day, whatever
# the tense of the verb: "a donné jusqu'au 30 juin", "d'ici le 30 juin".
OPEN_PREPOSITIONS = ("jusqu'au", "jusqu’au", "jusqu'à", "jusqu’à", "d'ici", "d’ici")

# Participles that announce rather than report: "la réunion prévue le 16 juillet" is ahead.
PROSPECTIVE_LEMMAS = frozenset(
    {
        "prévoir",
        "programmer",
        "fixer",
        "planifier",
        "envisager",
        "annoncer pour",
        "attendre",
        "anticiper",
        "convoquer",
        "reporter",
        "repousser",
        "ajourner",
        "organiser",
    }
)
SINCE_PREPOSITIONS = ("depuis",)

# Verbs that move a date ("a reporté au 16 juillet", "a prolongé jusqu'au 30 juin"): the date they
# move to is a new deadline, ahead of the writing day even though the verb is in the past.
MOVE_LEMMAS = frozenset({"reporter", "repousser", "prolonger", "décaler", "ajourner", "différer", "proroger"})
MOVE_PREPOSITIONS = ("au", "à", "jusqu'au", "jusqu’au", "jusqu'à", "jusqu’à")

# French TimeBank writes the part of the day into a TIME value: "hier soir" = 2002-09-13TEV.
PART_IN_VALUE = True

# Holidays, as rules for normalize.holiday_day: a fixed day, days from Easter, or the n-th weekday of
# a month. Matched only when capitalised ("la Toussaint", not "une ascension").
HOLIDAYS: dict[str, str] = {
    "noël": "12-25", "jour de noël": "12-25", "nuit de noël": "12-24", "réveillon de noël": "12-24",
    "saint-sylvestre": "12-31", "jour de l'an": "01-01", "nouvel an": "01-01", "toussaint": "11-01",
    "assomption": "08-15", "saint-valentin": "02-14", "épiphanie": "01-06", "chandeleur": "02-02",
    "fête du travail": "05-01", "pâques": "EASTER+0", "lundi de pâques": "EASTER+1",
    "vendredi saint": "EASTER-2", "ascension": "EASTER+39", "pentecôte": "EASTER+49",
    "lundi de pentecôte": "EASTER+50",
}  # fmt: skip
