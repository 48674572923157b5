"""Indirect and direct patterns and speaker resolution on sentences written for these tests,
through the real pipeline (French and English models, loaded once per session)."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model


def analyse(text: str, lang: str, nlp: Any) -> dict[str, Any]:
    from dateline.pipeline import analyse as run

    assert nlp is not None  # the session fixture loaded the pipeline once
    return run(text, "2017-03-01", lang=lang)


def only(rec: dict[str, Any]) -> dict[str, Any]:
    assert len(rec["quotes"]) == 1, rec["quotes"]
    return rec["quotes"][0]


def entity_name(rec: dict[str, Any], q: dict[str, Any]) -> str | None:
    ref = (q["speaker"] or {}).get("entity")
    return next((e["name"] for e in rec["entities"] if e["id"] == ref), None)


# -- French -----------------------------------------------------------------------------------------


def test_reporting_verb_with_que_clause(nlp_fr: Any) -> None:
    rec = analyse("Le ministre a déclaré que la France ne céderait pas face aux menaces.", "fr", nlp_fr)
    q = only(rec)
    assert q["kind"] == "indirect"
    assert q["text"] == "la France ne céderait pas face aux menaces"
    assert q["cue"]["text"] == "a déclaré"
    assert q["speaker"]["text"] == "Le ministre"
    assert q["speaker"]["entity"] is None  # no one was named: no guess


def test_postposed_clause_with_inverted_description(nlp_fr: Any) -> None:
    text = "La situation reste très grave dans la région, a estimé mardi la présidente du conseil régional."
    q = only(analyse(text, "fr", nlp_fr))
    assert q["text"] == "La situation reste très grave dans la région"
    assert q["cue"]["text"] == "a estimé"
    assert q["speaker"]["text"] == "la présidente du conseil régional"


def test_inverted_clitic_resolves_by_gender(nlp_fr: Any) -> None:
    text = "Jean Dupont et Marie Martin ont visité l'usine. « Les salariés sont inquiets », a-t-elle expliqué."
    rec = analyse(text, "fr", nlp_fr)
    q = only(rec)
    assert q["kind"] == "direct" and q["text"] == "Les salariés sont inquiets"
    assert q["speaker"]["text"] == "elle"
    assert entity_name(rec, q) == "Marie Martin"


@pytest.mark.parametrize(
    ("text", "cue", "speaker", "content"),
    [
        (
            "Selon le porte-parole du gouvernement, la réunion aura lieu demain matin.",
            "Selon",
            "le porte-parole du gouvernement",
            "la réunion aura lieu demain matin",
        ),
        (
            "D'après la police, trois personnes ont été interpellées dans la nuit.",
            "D'après",
            "la police",
            "trois personnes ont été interpellées dans la nuit",
        ),
        (
            "Pour Jean Martin, cette réforme est une grave erreur.",
            "Pour",
            "Jean Martin",
            "cette réforme est une grave erreur",
        ),
    ],
)
def test_source_prepositions(nlp_fr: Any, text: str, cue: str, speaker: str, content: str) -> None:
    q = only(analyse(text, "fr", nlp_fr))
    assert (q["cue"]["text"], q["speaker"]["text"], q["text"]) == (cue, speaker, content)


def test_colon_introduction_without_marks(nlp_fr: Any) -> None:
    text = "Le directeur a expliqué : il faut réduire les coûts avant la fin de l'année."
    q = only(analyse(text, "fr", nlp_fr))
    assert q["text"] == "il faut réduire les coûts avant la fin de l'année"
    assert q["speaker"]["text"] == "Le directeur"


def test_negated_statement_is_not_a_quote(nlp_fr: Any) -> None:
    assert analyse("Le maire n'a pas dit que la piscine fermerait.", "fr", nlp_fr)["quotes"] == []


def test_scare_quotes_and_titles_are_not_quotes(nlp_fr: Any) -> None:
    text = "Le film « Intouchables » passe ce soir. La « révolution » numérique continue."
    assert analyse(text, "fr", nlp_fr)["quotes"] == []


def test_reported_clause_with_quoted_fragment_is_mixed(nlp_fr: Any) -> None:
    text = "Le maire a assuré qu'il « ne céderait jamais » aux pressions des promoteurs."
    q = only(analyse(text, "fr", nlp_fr))
    assert q["kind"] == "mixed"
    assert "« ne céderait jamais »" in q["text"]


def test_description_resolves_to_the_person_it_introduced(nlp_fr: Any) -> None:
    text = (
        "La ministre de la Culture Françoise Nyssen était à Lyon vendredi. « Ce musée est une chance "
        "pour la ville », a déclaré la ministre. Elle a ajouté que les travaux commenceraient en mai."
    )
    rec = analyse(text, "fr", nlp_fr)
    assert [q["kind"] for q in rec["quotes"]] == ["direct", "indirect"]
    assert [entity_name(rec, q) for q in rec["quotes"]] == ["Françoise Nyssen", "Françoise Nyssen"]
    nyssen = next(e for e in rec["entities"] if e["name"] == "Françoise Nyssen")
    assert "ministre de la Culture" in nyssen["roles"]


def test_two_presidents_description_picks_the_right_one(nlp_fr: Any) -> None:
    text = (
        "Le président russe Vladimir Poutine a reçu le président américain Donald Trump. "
        "« Nous avons avancé », a dit le président russe."
    )
    rec = analyse(text, "fr", nlp_fr)
    q = only(rec)
    assert entity_name(rec, q) == "Vladimir Poutine"


def test_capital_speaking_is_its_state(nlp_fr: Any) -> None:
    # A capital that speaks stands for its government: the speaker span is the word of the text, its
    # entity the state (issue 15: "Moscou" acting is grouped with Russia).
    rec = analyse("Moscou a annoncé que les négociations reprendraient la semaine prochaine.", "fr", nlp_fr)
    q = only(rec)
    assert q["speaker"]["text"] == "Moscou" and entity_name(rec, q) == "Russie"
    assert next(e for e in rec["entities"] if e["id"] == q["speaker"]["entity"])["country"] == "RUS"


def test_no_antecedent_means_no_entity(nlp_fr: Any) -> None:
    rec = analyse("« Les prix vont encore monter », a-t-il prévenu.", "fr", nlp_fr)
    q = only(rec)
    assert q["speaker"]["text"] == "il" and q["speaker"]["entity"] is None


# -- English ----------------------------------------------------------------------------------------


def test_english_postposed_and_complement(nlp_en: Any) -> None:
    rec = analyse("The deal is dead, Senator John Smith said on Monday.", "en", nlp_en)
    q = only(rec)
    assert q["text"] == "The deal is dead" and q["cue"]["text"] == "said"
    assert entity_name(rec, q) == "John Smith"
    rec = analyse("Jones said that the economy was strong.", "en", nlp_en)
    q = only(rec)
    assert q["text"] == "the economy was strong" and q["speaker"]["text"] == "Jones"


def test_english_according_to(nlp_en: Any) -> None:
    q = only(analyse("According to the senator, the bill will pass next week.", "en", nlp_en))
    assert (q["cue"]["text"], q["speaker"]["text"]) == ("According to", "the senator")
    assert q["text"] == "the bill will pass next week"


def test_english_pronoun_needs_a_preceding_antecedent(nlp_en: Any) -> None:
    before = analyse('Mary Brown spoke in Ohio. "We will win this election," she told reporters.', "en", nlp_en)
    assert entity_name(before, only(before)) == "Mary Brown"
    after = analyse('"We will win this election," she told reporters. Mary Brown spoke in Ohio.', "en", nlp_en)
    assert only(after)["speaker"]["entity"] is None


def test_english_negation(nlp_en: Any) -> None:
    assert analyse("Smith did not say that the plant would close.", "en", nlp_en)["quotes"] == []


def test_inserted_reporting_clause(nlp_fr: Any, nlp_en: Any) -> None:
    rec = analyse(
        "Jean Dupont était à Lyon. Cette réforme, a-t-il expliqué, est nécessaire pour la ville.",
        "fr",
        nlp_fr,
    )
    q = only(rec)
    assert q["text"].startswith("Cette réforme") and q["text"].endswith("nécessaire pour la ville")
    assert entity_name(rec, q) == "Jean Dupont"
    rec = analyse(
        "Le maire était à Lyon. En outre, comme l'explique le maire, les travaux dureront un an.",
        "fr",
        nlp_fr,
    )
    assert only(rec)["text"] == "les travaux dureront un an"
    rec = analyse(
        "Sarah Lane spoke on Monday. The new tariffs, Ms. Lane said, are a mistake for farmers.",
        "en",
        nlp_en,
    )
    q = only(rec)
    assert q["text"].startswith("The new tariffs") and q["text"].endswith("a mistake for farmers")
    assert entity_name(rec, q) == "Sarah Lane"


def test_quotation_closed_on_a_full_stop_is_not_reported_by_the_next_sentence(nlp_fr: Any) -> None:
    text = "Le procès s'est ouvert lundi. « Dans ce dossier, la cible est la démocratie. » Elle a requis dix ans."
    for q in analyse(text, "fr", nlp_fr)["quotes"]:
        assert q["cue"] is None or q["cue"]["text"] != "a requis", q


def test_inverted_description_past_a_circumstance(nlp_fr: Any) -> None:
    text = (
        "Marie Lefèvre a quitté le collectif en janvier. « Je ne travaille plus avec eux depuis des semaines », "
        "a annoncé lundi sur Facebook la jeune femme."
    )
    rec = analyse(text, "fr", nlp_fr)
    q = only(rec)
    assert q["speaker"]["text"] == "la jeune femme"
    assert entity_name(rec, q) == "Marie Lefèvre"


def test_reflexive_appeler_names_rather_than_quotes(nlp_fr: Any) -> None:
    assert analyse("Dès juillet prochain, le nouveau train s'appellera « Azur ».", "fr", nlp_fr)["quotes"] == []


def test_description_matches_a_second_office_in_a_title(nlp_fr: Any) -> None:
    text = (
        "Paul Durand, le maire de Villeneuve et président de la Métropole, a reçu Jean Martin mardi. "
        "« Je lui demande de quitter ses fonctions dès ce soir », affirme le président de la Métropole."
    )
    rec = analyse(text, "fr", nlp_fr)
    q = only(rec)
    assert entity_name(rec, q) == "Paul Durand"


def test_reporting_clause_inserted_between_the_marks_cuts_the_quotation(nlp_fr: Any) -> None:
    rec = analyse(
        "Me Jean Dupont a plaidé l'acquittement. « Rien, dit-il, ne peut justifier une condamnation sans preuve. »",
        "fr",
        nlp_fr,
    )
    texts = [q["text"] for q in rec["quotes"]]
    assert texts == ["Rien", "ne peut justifier une condamnation sans preuve."], texts
    assert all(entity_name(rec, q) == "Jean Dupont" for q in rec["quotes"])
    rec = analyse(
        "« Je remercie le tribunal pour sa décision, a réagi Anne Petit, porte-parole de l'association, "
        "selon la radio locale. C'est une décision rare pour un tel dossier. »",
        "fr",
        nlp_fr,
    )
    texts = [q["text"] for q in rec["quotes"]]
    assert texts == ["Je remercie le tribunal pour sa décision", "C'est une décision rare pour un tel dossier."]
    assert all(entity_name(rec, q) == "Anne Petit" for q in rec["quotes"])
    # A participle and its object are not an inserted clause.
    rec = analyse(
        "Le maire a parlé. « Il y aura un vote des élus, demandant sa démission, dès la rentrée », affirme le maire.",
        "fr",
        nlp_fr,
    )
    assert len(rec["quotes"]) == 1 and rec["quotes"][0]["text"].startswith("Il y aura un vote")


def test_pronoun_prefers_the_person_talked_about_to_a_name_in_a_complement(nlp_fr: Any) -> None:
    text = (
        "Henri Dupuis, ancien conseiller du président Jacques Martin, a eu des mots très durs lundi soir. "
        "« Ce vote est une honte pour notre ville », a-t-il lancé à la télévision."
    )
    rec = analyse(text, "fr", nlp_fr)
    q = only(rec)
    assert q["speaker"]["text"] == "il"
    assert entity_name(rec, q) == "Henri Dupuis"
    # The title before "Jacques Martin" is "président", not Henri Dupuis's "conseiller".
    martin = next(e for e in rec["entities"] if e["name"] == "Jacques Martin")
    assert martin.get("roles") == ["président"]
    text = (
        "Paul Morel a vivement critiqué la décision de Jacques Durand. "
        "« Nous ne laisserons pas faire cela », a-t-il déclaré mardi."
    )
    rec = analyse(text, "fr", nlp_fr)
    assert entity_name(rec, only(rec)) == "Paul Morel"


def test_outlet_relaying_a_report_is_kept_and_marked_as_a_relay(nlp_fr: Any) -> None:
    text = "La sénatrice Claire Fabre a demandé à Paul Morel de quitter tous ses mandats, rapporte Franceinfo."
    rec = analyse(text, "fr", nlp_fr)
    inner = [q for q in rec["quotes"] if "relays" not in q]
    relays = [q for q in rec["quotes"] if "relays" in q]
    # The senator's request is a report of its own; the outlet's report around it says what it relays.
    assert [entity_name(rec, q) for q in inner] == ["Claire Fabre"], rec["quotes"]
    assert inner[0]["text"] == "quitter tous ses mandats"
    assert [q["relays"] for q in relays] == [inner[0]["id"]], rec["quotes"]
    assert relays[0]["speaker"]["text"] == "Franceinfo"
    assert relays[0]["start"] <= inner[0]["cue"]["start"] < relays[0]["end"]


def test_relays_are_marked_the_same_way_in_english(nlp_en: Any) -> None:
    # The behaviour belongs to the construction, not to one language's gold convention.
    text = "Senator Clara Webb told reporters she would oppose the bill, the Daily Courier reported on Monday."
    rec = analyse(text, "en", nlp_en)
    relays = [q for q in rec["quotes"] if "relays" in q]
    inner = [q for q in rec["quotes"] if "relays" not in q]
    assert inner and entity_name(rec, inner[0]) == "Clara Webb", rec["quotes"]
    assert [q["relays"] for q in relays] == [inner[0]["id"]], rec["quotes"]


def test_passive_verb_with_infinitive_is_not_a_report(nlp_fr: Any) -> None:
    text = "Les trois jeunes ont été condamnés à suivre chacun une formation civique."
    assert analyse(text, "fr", nlp_fr)["quotes"] == []


def test_plural_pronoun_resolves_to_a_coordination_of_named_people(nlp_fr: Any) -> None:
    text = (
        "Les obsèques auront lieu samedi à Lyon. Marc et Julie Dubois, les parents du jeune homme, y seront. "
        "« Nous voulons simplement lui dire au revoir dans le calme », ont-ils déclaré samedi matin."
    )
    rec = analyse(text, "fr", nlp_fr)
    q = only(rec)
    assert q["speaker"]["text"] == "ils"
    assert entity_name(rec, q) in ("Marc", "Julie Dubois", "Marc Dubois")
    text = (
        "Les syndicats de cheminots ont rencontré la direction lundi. "
        "« Nous continuerons la grève jusqu'en juillet », ont-ils annoncé mardi."
    )
    q = only(analyse(text, "fr", nlp_fr))
    assert q["speaker"]["text"] == "ils" and q["speaker"]["entity"] is None  # an unnamed group: no guess


def test_national_executive_speaks_for_the_state_the_article_names(nlp_fr: Any) -> None:
    text = "Moscou a rejeté les sanctions lundi. La diplomatie russe a affirmé que ces mesures étaient illégales."
    rec = analyse(text, "fr", nlp_fr)
    q = only(rec)
    ent = next(e for e in rec["entities"] if e["id"] == q["speaker"]["entity"])
    assert (ent["type"], ent["country"]) == ("GPE", "RUS")  # Moscow's government, by the gazetteer
    # Moscow named only as a city does not speak for Russia; and without a nationality, no guess.
    text = "Des touristes visitent Moscou. Le gouvernement russe a affirmé que la saison serait bonne."
    assert only(analyse(text, "fr", nlp_fr))["speaker"]["entity"] is None
    text = "La Russie a voté contre. Le gouvernement a affirmé que la réforme serait votée."
    assert only(analyse(text, "fr", nlp_fr))["speaker"]["entity"] is None


def test_figures_need_someone_who_states_them(nlp_fr: Any) -> None:
    text = "Avec ce décès, le bilan atteint treize morts dans la région depuis deux ans, selon les chiffres officiels."
    assert analyse(text, "fr", nlp_fr)["quotes"] == []
    text = (
        "La manifestation a réuni mardi près de 30.000 personnes, selon le ministère de l'Intérieur "
        "(90.000 selon la CGT)."
    )
    rec = analyse(text, "fr", nlp_fr)
    got = [(q["text"], entity_name(rec, q)) for q in rec["quotes"]]
    assert got == [
        ("La manifestation a réuni mardi près de 30.000 personnes", "ministère de l'Intérieur"),
        ("90.000", "CGT"),
    ], got


def test_postposed_verb_with_an_object_is_not_a_report(nlp_fr: Any) -> None:
    text = "Un randonneur belge, dont le nom n'a pas été communiqué, a trouvé la mort dans les Pyrénées."
    assert analyse(text, "fr", nlp_fr)["quotes"] == []


def test_principal_interesse_is_the_person_the_article_is_about(nlp_fr: Any) -> None:
    text = (
        "Le maire de Villeneuve, Paul Morel, a été condamné mardi. Sophie Blanc a demandé sa démission. "
        "Paul Morel refuse de démissionner. Le principal intéressé a rappelé qu'il était innocent."
    )
    rec = analyse(text, "fr", nlp_fr)
    q = next(q for q in rec["quotes"] if q["text"] == "il était innocent")
    assert entity_name(rec, q) == "Paul Morel"
    # Two people named as often: no one to choose.
    text = "Paul Morel a rencontré Jean Dubois. Le principal intéressé a affirmé qu'il était innocent."
    q = only(analyse(text, "fr", nlp_fr))
    assert q["speaker"]["entity"] is None


def test_a_t_on_appris_names_its_source(nlp_fr: Any) -> None:
    text = "Une plainte a été déposée après la publication d'une photo, a-t-on appris mardi du parquet de Lyon."
    q = only(analyse(text, "fr", nlp_fr))
    assert q["text"] == "Une plainte a été déposée après la publication d'une photo"
    assert q["speaker"]["text"] == "parquet de Lyon"
    # No source, or a document: no one states it.
    assert analyse("Une enquête a été ouverte, a-t-on appris vendredi.", "fr", nlp_fr)["quotes"] == []
    text = "Il veut fusionner les caisses d'assurance, c'est ce qu'on apprend en lisant ce document."
    assert analyse(text, "fr", nlp_fr)["quotes"] == []


def test_infinitive_copula_after_a_reporting_verb(nlp_fr: Any) -> None:
    text = "Le suspect, Marc Lenoir, qui a avoué être l'auteur de l'incendie, a été mis en examen."
    rec = analyse(text, "fr", nlp_fr)
    q = only(rec)
    assert q["text"].startswith("être l'auteur de l'incendie")
    assert entity_name(rec, q) == "Marc Lenoir"


def test_lemma_slip_and_coordinated_infinitives(nlp_fr: Any) -> None:
    # spaCy may lemmatise "reproche" as itself: the reporting verb is still known by its form.
    text = "L'actrice lui reproche de l'avoir trompée et d'avoir mal placé son argent pendant des années."
    q = only(analyse(text, "fr", nlp_fr))
    assert q["text"].startswith("l'avoir trompée") and q["text"].endswith("pendant des années")
