"""French lexicon of reported speech: verbs and nouns of speech, source prepositions, role nouns.

Written for dateline from general knowledge of French press usage (no list copied from another
project). Verbs are lemmas, as spaCy's French lemmatiser gives them, so every tense, mood and clitic
form ("a déclaré", "déclare-t-il", "l'a affirmé", "avait estimé") is matched by lemma.

Three tiers, because not every verb of the language of speech introduces a quotation equally:

* ``REPORTING_VERBS``: verbs whose clausal complement (``que`` clause, infinitive) or postposed use
  (``…, a déclaré X``) presents someone's statement.
* ``OPINION_VERBS``: stated opinions ("estimer", "juger", "considérer"): the French press uses them
  as reporting verbs, so they count in clausal and postposed uses.
* ``SPEECH_NOUNS``: nouns of speech acts ("déclaration", "communiqué"), used as cues when a ``que``
  clause or a colon follows them, and to recognise "selon un communiqué de X".
"""

from __future__ import annotations


def _words(text: str) -> list[str]:
    """The white-space separated words of a block (keeps the lists below readable)."""
    return text.split()


__all__ = [
    "COGNITION_VERBS",
    "FEMININE_ROLES",
    "GROUP_NOUNS",
    "OPINION_VERBS",
    "PRONOUNS",
    "REPORTING_VERBS",
    "ROLE_NOUNS",
    "ROLE_SYNONYMS",
    "SOURCE_PREPOSITIONS",
    "SPEECH_NOUNS",
]

REPORTING_VERBS: frozenset[str] = frozenset(
    _words(
        """
    accuser acquiescer admettre affirmer ajouter alerter allèguer alléguer annoncer anticiper appeler
    applaudir arguer argumenter articuler assener asséner assurer attester avancer aviser avertir
    avouer bafouiller balbutier blaguer bougonner brailler certifier chuchoter clamer commenter
    communiquer completer compléter concéder conclure confesser confier confirmer conseiller
    constater conter contester corriger crier critiquer déclarer décréter décrire dédramatiser
    défendre démentir dénoncer déplorer détailler deviser dévoiler dire discourir divulguer
    écrire égrener énoncer énumérer enchaîner enjoindre exhorter exiger expliquer exposer exprimer
    féliciter formuler fustiger garantir glisser gronder grogner hurler illustrer indiquer informer
    insister interpeller interroger ironiser jurer lancer lâcher marteler maugréer mentionner
    menacer minimiser murmurer narrer nier noter notifier objecter observer opposer ordonner
    pester plaider plaisanter poursuivre préciser prédire prévenir proclamer promettre prononcer
    proposer protester prôner raconter railler rappeler rapporter rassurer réaffirmer réagir
    recommander reconnaître rectifier redire réclamer réfuter regretter réitérer relater relativiser
    relever remarquer répéter répliquer répondre reprocher résumer rétorquer révéler
    revendiquer ricaner rire riposter rugir saluer signaler signifier sommer soulever souligner
    soupirer soutenir spécifier stipuler suggérer supplier tacler témoigner tempérer tempêter
    tonner trancher twitter tweeter théoriser livrer résumer analyser décrypter vanter vilipender
    vitupérer appuyer admonester alarmer
    annoncer aviser bredouiller briefer clarifier condamner confier consentir conjurer convenir
    décrier demander démontrer désavouer dicter enseigner évoquer exclamer exciper geindre
    gémir implorer inciter inviter lister lire louer mettre_en_garde objecter plébisciter pointer
    poser préconiser prévenir publier questionner rabâcher radoter récapituler réclamer reformuler
    refuser rejeter remercier renchérir reprendre requérir ressasser rétracter riposter s'exclamer
    s'écrier s'étonner s'inquiéter s'indigner s'alarmer s'emporter s'excuser s'engager se_féliciter
    se_réjouir se_plaindre se_dire se_montrer susurrer taquiner trompeter vociférer assener
    """
    )
)

OPINION_VERBS: frozenset[str] = frozenset(
    _words(
        """
    estimer juger considérer penser croire trouver espérer craindre redouter souhaiter vouloir
    regretter déplorer douter prétendre supposer présumer soupçonner imaginer envisager
    """
    )
)

# Verbs of private thought: a quotation only when presented as stated ("il a dit croire que").
# ``penser``, ``croire``, ``espérer`` and the like are excluded from the indirect patterns unless a
# reporting verb governs them; "estimer"/"juger"/"considérer" are kept, since French reports use them
# for stated opinions.
COGNITION_VERBS: frozenset[str] = frozenset(
    _words(
        """
    penser croire savoir espérer craindre redouter souhaiter vouloir douter supposer présumer
    soupçonner imaginer envisager ignorer comprendre sentir voir entendre
    """
    )
)

SPEECH_NOUNS: frozenset[str] = frozenset(
    _words(
        """
    accusation affirmation allocution annonce appel argument assurance attestation aveu avertissement
    avis cri commentaire communiqué compte-rendu confession confidence confirmation conférence
    constat critique déclaration information informations chiffre chiffres
    données estimation bilan sondage étude enquête document décompte comptage démenti dénonciation
    discours dire dires
    entretien explication
    exposé interview intervention lettre message mise_en_garde note parole paroles plaidoyer
    position précision prise_de_parole promesse propos proclamation rapport réaction réponse
    réplique révélation revendication sermon slogan témoignage texte tribune tweet ultimatum voeu
    vœu
    """
    )
)

# Source prepositions ("selon X, …"). ``pour`` is handled separately: it means "in X's view" only at
# the head of a sentence with a human X followed by a comma.
SOURCE_PREPOSITIONS: tuple[tuple[str, ...], ...] = (
    ("selon",),
    ("d'", "après"),
    ("d’", "après"),
    ("aux", "yeux", "de"),
    ("de", "l'", "avis", "de"),
    ("de", "l’", "avis", "de"),
    ("à", "en", "croire"),
)

# Nouns that denote people by their function, title or trade: a noun phrase headed by one of them
# can be a speaker, and a description ("le ministre russe") can be resolved to the person it was
# introduced with. Feminine forms are listed with their masculine lemma in ``FEMININE_ROLES``.
ROLE_NOUNS: frozenset[str] = frozenset(
    _words(
        """
    ministre président présidente premier-ministre chef cheffe dirigeant dirigeante leader
    porte-parole secrétaire sous-secrétaire directeur directrice patron patronne responsable
    ambassadeur ambassadrice diplomate député députée sénateur sénatrice maire adjoint adjointe
    conseiller conseillère gouverneur gouverneure préfet préfète procureur procureure juge avocat
    avocate général générale commandant colonel capitaine lieutenant officier amiral maréchal
    roi reine prince princesse pape cardinal évêque archevêque imam rabbin pasteur prêtre
    candidat candidate élu élue militant militante syndicaliste délégué déléguée représentant
    représentante envoyé envoyée émissaire médiateur médiatrice négociateur négociatrice expert
    experte analyste chercheur chercheuse économiste politologue sociologue historien historienne
    spécialiste professeur professeure médecin docteur chirurgien infirmier infirmière policier
    policière gendarme enquêteur enquêtrice commissaire inspecteur inspectrice témoin victime
    habitant habitante riverain riveraine voisin voisine père mère fils fille frère sœur soeur
    femme mari épouse époux ami amie proche entraîneur entraîneuse sélectionneur joueur joueuse
    capitaine attaquant défenseur gardien athlète champion championne pilote coureur coureuse
    acteur actrice chanteur chanteuse réalisateur réalisatrice écrivain écrivaine auteur autrice
    journaliste reporter correspondant correspondante commentateur éditorialiste présentateur
    présentatrice fondateur fondatrice pdg p.-d.g. ceo gérant gérante commerçant commerçante
    agriculteur agricultrice éleveur éleveuse ouvrier ouvrière salarié salariée employé employée
    étudiant étudiante élève lycéen lycéenne parent parents manifestant manifestante
    militaire soldat soldate pompier pompière sauveteur secouriste maître chancelier chancelière
    vice-président vice-présidente homologue numéro coordinateur coordinatrice trésorier
    administrateur administratrice commissaire-priseur rapporteur rapporteuse sondeur auditeur
    opposant opposante rebelle insurgé chef_de_file homme dame monsieur madame
    """
    )
)

FEMININE_ROLES: frozenset[str] = frozenset(
    _words(
        """
    présidente cheffe dirigeante directrice patronne ambassadrice députée sénatrice adjointe
    conseillère gouverneure préfète procureure avocate générale reine princesse candidate élue
    militante déléguée représentante envoyée médiatrice négociatrice experte chercheuse historienne
    professeure infirmière policière enquêtrice inspectrice habitante riveraine voisine mère fille
    sœur soeur femme épouse amie entraîneuse joueuse championne coureuse actrice chanteuse
    réalisatrice écrivaine autrice correspondante présentatrice fondatrice gérante commerçante
    agricultrice éleveuse ouvrière salariée employée étudiante lycéenne manifestante soldate
    pompière chancelière vice-présidente coordinatrice administratrice rapporteuse opposante dame
    madame
    """
    )
)

# Collective nouns that may speak (organisations, groups): a speaker, never resolved to a person.
GROUP_NOUNS: frozenset[str] = frozenset(
    _words(
        """
    gouvernement ministère présidence parquet tribunal cour conseil commission comité parti
    syndicat syndicats association ong armée police gendarmerie préfecture mairie municipalité
    direction entreprise groupe société compagnie institut agence office autorités autorité
    enquêteurs experts secours sauveteurs services organisation fédération ligue
    opposition majorité coalition alliance délégation ambassade diplomatie état-major cabinet
    chancellerie kremlin élysée matignon sources source proches entourage avocats défense
    accusation procureurs juges élus députés sénateurs habitants riverains témoins médecins
    chercheurs scientifiques spécialistes analystes observateurs responsables dirigeants
    manifestants militants salariés employés grévistes familles parents victimes
        journal quotidien hebdomadaire magazine site radio chaîne agence mensuel
    """
    )
)

# Words in a description that stand for another ("le chef du ministère russe des Affaires
# étrangères" describes the same office as "le ministre russe des Affaires étrangères").
ROLE_SYNONYMS: dict[str, str] = {
    "ministère": "ministre",
    "diplomatie": "affaires-étrangères",
    "présidente": "président",
    "présidence": "président",
    "cheffe": "chef",
    "dirigeante": "dirigeant",
    "directrice": "directeur",
    "patronne": "patron",
    "ambassadrice": "ambassadeur",
    "chancelière": "chancelier",
    "porte-parole": "porte-parole",
}

# Subject pronouns: (gender, number); gender None when the pronoun does not mark it.
PRONOUNS: dict[str, tuple[str | None, str]] = {
    "il": ("Masc", "Sing"),
    "elle": ("Fem", "Sing"),
    "ils": ("Masc", "Plur"),
    "elles": ("Fem", "Plur"),
    "lui": ("Masc", "Sing"),
    "celui-ci": ("Masc", "Sing"),
    "celle-ci": ("Fem", "Sing"),
    # "…, lance celle qui espère être reconnue": a demonstrative heading a relative clause as the
    # speaker describes someone already in the text, taken up like a pronoun.
    "celui": ("Masc", "Sing"),
    "celle": ("Fem", "Sing"),
    "ce dernier": ("Masc", "Sing"),
    "cette dernière": ("Fem", "Sing"),
}
