"""French trigger lexicon, organised by PLOVER type, each entry with its frame.

Written for dateline from the PLOVER 2.0 definitions and the CAMEO categories they map from (the
PETRARCH and PLOVER materials in ``../shared/eval/events`` were read as a checklist of what to cover;
nothing is copied from them). Frames use the roles of :mod:`dateline.events.lexicon`: by default a
verb's subject is the source and its object the target; a noun's source is its "de" complement or a
nationality adjective, its target a "contre"/"avec" complement; "entre X et Y" gives both.
"""

from __future__ import annotations

from typing import Any

from dateline.events.lexicon import Lexicon, Trigger, trig

__all__ = ["EVENTIVE", "LEXICON", "SUPPORT_VERBS"]

PHONE = (("téléphone", "phone"), ("téléphonique", "phone"), ("visioconférence", "phone"))
RECIP: dict[str, Any] = {"reciprocal": True, "target": ("pp:avec", "obj")}
AGREEMENT = ("accord", "traité", "mémorandum", "convention", "contrat", "pacte", "protocole", "texte")
TROOPS = ("troupe", "soldat", "force", "militaire", "armée", "contingent", "navire", "char", "renfort")
AID_OBJ = ("aide", "arme", "munition", "vivre", "médicament", "matériel", "équipement", "fonds", "secours")
REL = ("relation", "lien", "coopération", "négociation", "pourparler", "discussion", "dialogue")
# Withdrawing or deploying troops: the object is what is moved ("ses troupes"), not a party to the
# event; the other side is where they leave from or go to.
MOVED_FROM = ("pp:de",)
MOVED_TO = ("pp:vers", "pp:en", "pp:à", "pp:au")
CUT = ("aide", "financement", "relation", "lien", "coopération", "négociation", "livraison", "visite")

ENTRIES: list[Trigger] = [
    # AGREE: agreements reached, offers, promises, willingness to cooperate
    *trig("AGREE", ["mettre"], needs=("accord",), reflexive=True, reciprocal=True, cameo="030"),
    *trig("AGREE", ["entendre"], reflexive=True, reciprocal=True, needs=("sur", "pour"), cameo="030"),
    *trig("AGREE", ["convenir", "accepter", "promettre", "offrir"], cameo="030"),
    *trig("AGREE", ["engager"], reflexive=True, cameo="030"),
    *trig("AGREE", ["accord", "entente", "compromis"], pos="NOUN", cameo="030", weight=0.8),
    # CONSULT: meetings, talks, visits, calls
    *trig("CONSULT", ["entretenir"], reflexive=True, modes=PHONE, cameo="040", **RECIP),
    *trig("CONSULT", ["rencontrer"], modes=PHONE, cameo="040", **RECIP),
    *trig("CONSULT", ["réunir"], reflexive=True, cameo="040", **RECIP),
    *trig("CONSULT", ["discuter", "négocier", "dialoguer"], cameo="046", **RECIP),
    *trig("CONSULT", ["téléphoner", "appeler"], mode="phone", cameo="041", needs=("téléphone",)),
    *trig("CONSULT", ["téléphoner"], mode="phone", cameo="041", target=("iobj", "pp:à", "pp:avec")),
    *trig("CONSULT", ["recevoir", "accueillir"], mode="visit", cameo="043", weight=0.7),
    *trig("CONSULT", ["visiter"], mode="visit", cameo="042"),
    *trig(
        "CONSULT",
        ["rendre"],
        reflexive=True,
        mode="visit",
        cameo="042",
        needs=("à", "en", "au"),
        target=("pp:à", "pp:en", "pp:au", "pp:chez"),
    ),
    *trig(
        "CONSULT",
        ["entretien", "conversation", "rencontre", "réunion", "discussion", "échange"],
        pos="NOUN",
        modes=PHONE,
        cameo="040",
        target=("pp:avec",),
    ),
    *trig("CONSULT", ["appel"], pos="NOUN", mode="phone", cameo="041", needs=("téléphonique",)),
    *trig("CONSULT", ["sommet"], pos="NOUN", mode="multilateral", cameo="040", weight=0.8),
    *trig("CONSULT", ["visite"], pos="NOUN", mode="visit", cameo="042", target=("pp:à", "pp:en")),
    *trig(
        "CONSULT",
        ["négociation", "pourparler", "consultation", "médiation"],
        pos="NOUN",
        cameo="046",
        target=("pp:avec",),
    ),
    # SUPPORT: verbal support, signing agreements
    *trig(
        "SUPPORT",
        ["signer", "parapher", "ratifier"],
        needs=AGREEMENT,
        cameo="057",
        reciprocal=True,
        target=("pp:avec",),  # the object is the agreement, not a party to it
    ),
    *trig(
        "SUPPORT",
        ["soutenir", "saluer", "féliciter", "approuver", "appuyer", "louer", "défendre", "remercier"],
        cameo="051",
        weight=0.8,
    ),
    *trig("SUPPORT", ["excuser"], reflexive=True, cameo="055", target=("pp:auprès",)),
    *trig("SUPPORT", ["signature"], pos="NOUN", needs=AGREEMENT, cameo="057"),
    *trig("SUPPORT", ["soutien", "félicitation"], pos="NOUN", cameo="051", target=("pp:à",), weight=0.7),
    # COOPERATE: material cooperation
    *trig("COOPERATE", ["coopérer", "collaborer", "coordonner"], cameo="060", **RECIP),
    *trig("COOPERATE", ["échanger", "partager"], needs=("renseignement", "information"), cameo="064"),
    *trig(
        "COOPERATE",
        ["coopération", "coordination", "collaboration", "partenariat"],
        pos="NOUN",
        cameo="060",
        target=("pp:avec",),
    ),
    # AID
    *trig("AID", ["aider", "secourir"], cameo="070", weight=0.7),
    *trig(
        "AID",
        ["livrer", "fournir", "envoyer", "acheminer", "octroyer", "accorder"],
        needs=AID_OBJ,
        cameo="070",
        target=("iobj", "pp:à"),
    ),
    *trig("AID", ["accorder", "octroyer"], needs=("asile",), cameo="075", target=("iobj", "pp:à")),
    *trig(
        "AID",
        ["aide"],
        pos="NOUN",
        needs=("humanitaire", "militaire", "financier", "économique"),
        cameo="070",
        target=("pp:à",),
        weight=0.7,
    ),
    # CONCEDE
    *trig("CONCEDE", ["céder", "concéder"], cameo="080", weight=0.7),
    *trig(
        "CONCEDE",
        ["lever", "assouplir", "alléger"],
        needs=("couvre-feu", "urgence", "interdiction", "restriction"),
        cameo="081",
    ),
    # RETREAT
    *trig("RETREAT", ["retirer", "rapatrier"], needs=TROOPS, mode="withdraw", cameo="0872", target=MOVED_FROM),
    *trig("RETREAT", ["retirer"], reflexive=True, mode="withdraw", cameo="0874", weight=0.7),
    *trig("RETREAT", ["libérer", "relâcher", "relaxer"], mode="release", cameo="0841", weight=0.8),
    *trig("RETREAT", ["démissionner"], mode="resign", cameo="0831"),
    *trig("RETREAT", ["capituler"], mode="disarm", cameo="0874"),
    *trig("RETREAT", ["lever"], needs=("sanction", "embargo", "blocus"), cameo="085"),
    *trig("RETREAT", ["cessez-le-feu", "trêve"], pos="NOUN", mode="ceasefire", cameo="0871"),
    *trig("RETREAT", ["retrait"], pos="NOUN", needs=TROOPS, mode="withdraw", cameo="0872"),
    *trig("RETREAT", ["libération"], pos="NOUN", mode="release", cameo="0841", weight=0.7),
    *trig("RETREAT", ["démission"], pos="NOUN", mode="resign", cameo="0831"),
    # ACCUSE: accusations, criticism, investigations
    *trig("ACCUSE", ["accuser", "reprocher", "imputer"], mode="allege", cameo="112"),
    *trig("ACCUSE", ["interpeller"], needs=("sur",), mode="disapprove", cameo="111"),
    *trig("ACCUSE", ["tacler", "épingler"], mode="disapprove", cameo="111", weight=0.5),
    *trig("ACCUSE", ["enquête", "investigation"], pos="NOUN", mode="investigate", cameo="090", weight=0.8),
    *trig("ACCUSE", ["mettre"], needs=("cause", "examen"), mode="allege", cameo="112"),
    *trig(
        "SANCTION",
        ["condamner"],
        needs=(
            "prison",
            "an",
            "amende",
            "peine",
            "réclusion",
            "justice",
            "tribunal",
            "cour",
            "mois",
            "sursis",
            "perpétuité",
        ),
        mode="convict",
        cameo="116",
    ),
    *trig(
        "ACCUSE",
        ["dénoncer", "condamner", "critiquer", "fustiger", "blâmer", "déplorer", "stigmatiser"],
        mode="disapprove",
        cameo="111",
    ),
    *trig("ACCUSE", ["enquêter"], mode="investigate", cameo="090", target=("pp:sur",)),
    *trig("ACCUSE", ["ouvrir", "mener", "lancer"], needs=("enquête",), mode="investigate", cameo="090"),
    *trig("ACCUSE", ["porter", "déposer"], needs=("plainte",), mode="allege", cameo="115", target=("pp:contre",)),
    *trig("ACCUSE", ["accusation"], pos="NOUN", mode="allege", cameo="112", target=("pp:contre",)),
    *trig("ACCUSE", ["condamnation", "critique"], pos="NOUN", mode="disapprove", cameo="111", weight=0.6),
    # REQUEST
    *trig(
        "REQUEST",
        ["demander", "exiger", "réclamer", "exhorter", "enjoindre", "sommer", "presser"],
        cameo="100",
        target=("iobj", "pp:à", "obj"),
    ),
    *trig("REQUEST", ["appeler"], needs=("à",), cameo="100", target=("obj",)),
    *trig("REQUEST", ["exigence", "revendication"], pos="NOUN", cameo="100", weight=0.6),
    # REJECT
    *trig(
        "REJECT",
        ["rejeter", "refuser", "repousser", "récuser", "décliner", "démentir", "réfuter"],
        cameo="120",
    ),
    *trig("REJECT", ["opposer"], reflexive=True, cameo="120", target=("pp:à",)),
    *trig("REJECT", ["veto"], pos="NOUN", cameo="129", weight=0.8),
    *trig("REJECT", ["rejet", "refus"], pos="NOUN", cameo="120", weight=0.6),
    # THREATEN
    *trig("THREATEN", ["menacer"], cameo="130"),
    *trig("THREATEN", ["menace", "ultimatum"], pos="NOUN", cameo="130", weight=0.6),
    # PROTEST
    *trig("PROTEST", ["manifester", "défiler", "protester"], mode="demo", cameo="141", target=("pp:contre",)),
    *trig("PROTEST", ["rassembler"], reflexive=True, mode="demo", cameo="141", target=("pp:contre",)),
    *trig(
        "PROTEST",
        ["bloquer"],
        needs=("route", "rue", "accès", "pont", "autoroute", "dépôt", "port"),
        mode="obstruct",
        cameo="144",
    ),
    *trig("PROTEST", ["boycotter"], mode="boycott", cameo="143"),
    *trig(
        "PROTEST",
        ["manifestation", "rassemblement", "marche", "protestation"],
        pos="NOUN",
        mode="demo",
        cameo="141",
        target=("pp:contre",),
        weight=0.8,
    ),
    *trig("PROTEST", ["grève"], pos="NOUN", modes=(("faim", "hunger"),), mode="strike", cameo="143"),
    *trig("PROTEST", ["émeute"], pos="NOUN", mode="riot", cameo="145"),
    # SANCTION: reducing relations
    *trig(
        "SANCTION",
        ["rompre", "suspendre", "geler", "couper", "interrompre", "annuler", "reporter"],
        needs=CUT,
        cameo="160",
    ),
    *trig("SANCTION", ["rappeler"], needs=("ambassadeur",), mode="withdraw", cameo="161"),
    *trig(
        "SANCTION",
        ["expulser"],
        needs=("diplomate", "ambassadeur", "inspecteur", "observateur"),
        mode="expel",
        cameo="166",
    ),
    *trig("SANCTION", ["sanctionner"], cameo="160"),
    *trig("SANCTION", ["sanction", "embargo"], pos="NOUN", cameo="163", target=("pp:contre",)),
    *trig("SANCTION", ["rupture", "suspension"], pos="NOUN", needs=CUT, cameo="160"),
    # MOBILIZE
    *trig(
        "MOBILIZE",
        ["mobiliser", "déployer", "masser", "dépêcher", "envoyer"],
        needs=TROOPS,
        mode="troops",
        cameo="154",
        target=MOVED_TO,
    ),
    *trig(
        "MOBILIZE",
        ["renforcer", "positionner", "stationner", "masser"],
        needs=TROOPS,
        mode="troops",
        cameo="154",
        target=MOVED_TO,
    ),
    *trig("MOBILIZE", ["déploiement", "mobilisation"], pos="NOUN", needs=TROOPS, mode="troops", cameo="154"),
    # COERCE
    *trig(
        "COERCE",
        ["arrêter", "interpeller", "détenir", "emprisonner", "incarcérer", "écrouer"],
        mode="arrest",
        cameo="173",
        weight=0.7,
        forbid=("xcomp",),
    ),
    *trig("COERCE", ["perquisitionner"], mode="seize", cameo="171"),
    *trig("COERCE", ["expulser"], mode="deport", cameo="174", weight=0.7),
    *trig("COERCE", ["saisir", "confisquer"], mode="seize", cameo="1711", weight=0.6),
    *trig("COERCE", ["occuper", "annexer"], mode="seize", cameo="192", weight=0.6),
    *trig("COERCE", ["interdire", "dissoudre"], mode="ban", cameo="1722", weight=0.6),
    *trig("COERCE", ["censurer"], mode="censor", cameo="1721"),
    *trig(
        "COERCE",
        ["imposer", "décréter", "instaurer", "proclamer"],
        needs=("couvre-feu",),
        mode="curfew",
        cameo="1723",
    ),
    *trig(
        "COERCE",
        ["imposer", "décréter", "instaurer", "proclamer"],
        needs=("urgence", "siège"),
        mode="restrict",
        cameo="1724",
    ),
    *trig(
        "COERCE",
        ["imposer"],
        needs=("sanction", "embargo", "blocus"),
        mode="restrict",
        cameo="163",
        target=("iobj", "pp:à", "pp:contre"),
    ),
    *trig("COERCE", ["pirater"], mode="cyber", cameo="170"),
    *trig("COERCE", ["arrestation", "interpellation"], pos="NOUN", mode="arrest", cameo="173", weight=0.8),
    *trig("COERCE", ["blocus"], pos="NOUN", mode="restrict", cameo="191", target=("pp:de", "pp:contre")),
    *trig("COERCE", ["couvre-feu"], pos="NOUN", mode="curfew", cameo="1723"),
    # ASSAULT
    *trig("ASSAULT", ["attaquer", "agresser", "combattre", "affronter", "pilonner", "mitrailler"], cameo="190"),
    *trig("ASSAULT", ["bombarder"], mode="aerial", cameo="195"),
    *trig("ASSAULT", ["frapper"], cameo="190", weight=0.6),
    *trig("ASSAULT", ["tuer", "abattre", "exécuter", "massacrer"], cameo="180", weight=0.8),
    *trig("ASSAULT", ["assassiner"], mode="assassinate", cameo="186"),
    *trig("ASSAULT", ["enlever", "kidnapper"], mode="abduct", cameo="181", weight=0.6),
    *trig("ASSAULT", ["torturer"], mode="torture", cameo="1822"),
    *trig("ASSAULT", ["tirer"], needs=("sur",), mode="firearms", cameo="193", target=("pp:sur",)),
    *trig("ASSAULT", ["bombardement", "raid"], pos="NOUN", mode="aerial", cameo="195"),
    *trig("ASSAULT", ["frappe"], pos="NOUN", modes=(("aérien", "aerial"),), cameo="195", weight=0.8),
    *trig("ASSAULT", ["attaque", "offensive", "assaut", "agression"], pos="NOUN", cameo="190", weight=0.8),
    *trig(
        "ASSAULT",
        ["attentat"],
        pos="NOUN",
        modes=(("suicide", "suicide-attack"), ("kamikaze", "suicide-attack"), ("voiture", "explosives")),
        mode="explosives",
        cameo="183",
    ),
    *trig("ASSAULT", ["combat", "affrontement"], pos="NOUN", cameo="190", reciprocal=True),
    *trig("ASSAULT", ["assassinat"], pos="NOUN", mode="assassinate", cameo="186"),
    *trig("ASSAULT", ["enlèvement"], pos="NOUN", mode="abduct", cameo="181", weight=0.7),
    *trig("ASSAULT", ["massacre"], pos="NOUN", mode="massacre", cameo="202"),
]

LEXICON = Lexicon(ENTRIES)

# Verbs that make a noun trigger into an event that took place ("*tenir* un entretien", "un entretien
# *a eu lieu*", "*lancer* une offensive"); without one of these, a time expression or a participle,
# a noun is a topic ("la coopération ... représente une priorité"), not an event.
SUPPORT_VERBS = frozenset(
    [
        "tenir",
        "avoir",
        "organiser",
        "mener",
        "conduire",
        "lancer",
        "entamer",
        "engager",
        "commencer",
        "débuter",
        "reprendre",
        "poursuivre",
        "effectuer",
        "conclure",
        "signer",
        "faire",
        "dérouler",
        "déclencher",
        "perpétrer",
        "commettre",
        "revendiquer",
        "annoncer",
        "décréter",
        "imposer",
        "infliger",
        "proclamer",
        "observer",
        "participer",
        "multiplier",
        "intensifier",
        "achever",
        "terminer",
        "réaliser",
        "déclarer",
        "ordonner",
        "opérer",
        "procéder",
        "dérouler",
        "produire",
        "survenir",
    ]
)

# Nouns that name an occurrence, not a relation: "l'attentat", "la rencontre", "une enquête" report
# that something took place even without a support verb, unlike "la coopération" or "l'accord".
EVENTIVE = frozenset(
    [
        "entretien",
        "conversation",
        "rencontre",
        "réunion",
        "sommet",
        "visite",
        "appel",
        "signature",
        "grève",
        "manifestation",
        "protestation",
        "émeute",
        "arrestation",
        "interpellation",
        "perquisition",
        "attentat",
        "attaque",
        "bombardement",
        "frappe",
        "raid",
        "offensive",
        "assaut",
        "combat",
        "affrontement",
        "assassinat",
        "enlèvement",
        "massacre",
        "enquête",
        "démission",
    ]
)
