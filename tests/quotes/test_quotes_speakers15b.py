"""Speakers and precision (issue 15, second round), on sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest


def _quotes(text: str, nlp: Any) -> list[dict[str, Any]]:
    from dateline.pipeline import analyse

    assert nlp is not None
    return list(analyse(text, "2017-03-01", lang="fr")["quotes"])


@pytest.mark.model
def test_a_name_before_an_apposition_speaks_when_the_parser_gives_no_subject(nlp_fr: Any) -> None:
    text = "Pour lever le doute, Me Anne Roy, l'avocate du maire, explique : « Le terrain n'a jamais été vendu. »"
    (q,) = _quotes(text, nlp_fr)
    assert q["speaker"]["text"].startswith("Me Anne Roy")


@pytest.mark.model
def test_a_noun_phrase_before_the_verb_is_not_skipped_for_an_earlier_name(nlp_fr: Any) -> None:
    text = "Discrets sur l'affaire Dupont, les candidats réagissent, à commencer par Paul Roy."
    # Neither the name of the affair nor the detached "à commencer par" phrase is a report.
    assert _quotes(text, nlp_fr) == []


@pytest.mark.model
def test_a_relative_clause_inside_a_quotation_is_not_an_inserted_reporting_clause(nlp_fr: Any) -> None:
    text = "Il a ajouté : « J'ai commandé une expertise, laquelle a trouvé une valeur plus faible. » Puis il est parti."
    (q,) = _quotes(text, nlp_fr)
    assert q["text"].startswith("J'ai commandé une expertise, laquelle a trouvé")
    assert q["speaker"]["text"] == "Il"


@pytest.mark.model
def test_pour_with_a_time_noun_or_in_a_question_reports_nothing(nlp_fr: Any) -> None:
    assert _quotes("Pour l'instant, aucune date n'a été fixée pour la visite.", nlp_fr) == []
    assert _quotes("Qu'est-ce que cela va changer pour les locataires ?", nlp_fr) == []
    assert _quotes("Une règle aussi valable pour les apprentis, les stagiaires ou les intérimaires.", nlp_fr) == []
    (q,) = _quotes("Pour le maire, la décision est injuste.", nlp_fr)
    assert q["speaker"]["text"] == "le maire"


@pytest.mark.model
def test_a_subject_inside_a_closed_quotation_does_not_speak_for_the_clause_after_it(nlp_fr: Any) -> None:
    text = (
        'Elle se souvient : "J\'avais vingt ans et on ne savait rien. On a tout appris.""Pas de dispute"'
        "Contrairement à la famille Martin qui se déchire, Anne Roy, elle, explique que la famille est restée unie."
    )
    qs = [q for q in _quotes(text, nlp_fr) if q["text"] == "la famille est restée unie"]
    assert qs and qs[0]["speaker"]["text"] == "Anne Roy"


@pytest.mark.model
def test_faire_savoir_when_the_parser_hangs_the_clause_elsewhere(nlp_fr: Any) -> None:
    (q,) = _quotes("Au même moment, l'entourage d'Anne Roy fait savoir qu'elle est prête à revenir.", nlp_fr)
    assert q["text"] == "elle est prête à revenir"
    assert q["speaker"]["text"] == "l'entourage d'Anne Roy"


@pytest.mark.model
def test_a_name_closing_the_reporting_clause_past_a_circumstance(nlp_fr: Any) -> None:
    text = (
        "« Sur une zone pareille, c'est énorme », a alerté dans « Le Journal du soir » de la chaîne, "
        "Anne Roy, épidémiologiste."
    )
    (q,) = _quotes(text, nlp_fr)  # the programme's title after "dans" is no quotation
    assert q["speaker"]["text"] == "Anne Roy"


@pytest.mark.model
def test_a_description_speaker_takes_the_name_set_off_after_it(nlp_fr: Any) -> None:
    from dateline.pipeline import analyse

    text = "Le navigateur Paul Morel a disparu en mer en mars, a annoncé mardi sa femme à la radio, Anne Morel."
    rec = analyse(text, "2017-03-01", lang="fr")
    names = {e["id"]: e["name"] for e in rec["entities"]}
    (q,) = rec["quotes"]
    assert q["speaker"]["text"] == "sa femme"
    assert names[q["speaker"]["entity"]] == "Anne Morel"


@pytest.mark.model
def test_an_unattributed_quotation_after_a_person_subject_is_that_persons(nlp_fr: Any) -> None:
    from dateline.pipeline import analyse

    text = (
        "« Le budget sera tenu », assure le rapport du conseil. Paul Morel pointe du doigt les retards du "
        "chantier. « Nous avons perdu deux ans sur ce projet, et personne ne le dit. »"
    )
    rec = analyse(text, "2017-03-01", lang="fr")
    names = {e["id"]: e["name"] for e in rec["entities"]}
    qs = [q for q in rec["quotes"] if q["text"].startswith("Nous avons perdu")]
    assert qs and names.get(qs[0]["speaker"]["entity"]) == "Paul Morel"


@pytest.mark.model
def test_an_active_inverted_clitic_is_a_person_whatever_the_participle_morphology(nlp_fr: Any) -> None:
    text = "Paul Morel a présenté son prototype. La voiture n'a pas encore d'autorisation de vol, a-t-il précisé."
    qs = [q for q in _quotes(text, nlp_fr) if q["text"].startswith("La voiture")]
    assert qs and qs[0]["speaker"]["text"] == "il" and qs[0]["speaker"]["entity"] is not None


@pytest.mark.model
def test_a_clitic_cut_by_a_glued_seam_is_whole_again(nlp_fr: Any) -> None:
    (q, *_) = _quotes('Anne Roy a parlé. « Il sème des cailloux », poursuit-elle."Il regrette tout", dit-elle.', nlp_fr)
    assert q["speaker"]["text"] == "elle"


@pytest.mark.model
def test_a_lead_description_before_any_name_is_the_main_person(nlp_fr: Any) -> None:
    from dateline.pipeline import analyse

    text = (
        "L'élue a annoncé qu'elle allait porter plainte. « C'est inacceptable », a-t-elle commenté. "
        "Des tags ont été peints sur la permanence de la députée Anne Roy. La députée Anne Roy a condamné ces actes."
    )
    rec = analyse(text, "2017-03-01", lang="fr")
    names = {e["id"]: e["name"] for e in rec["entities"]}
    assert [names.get(q["speaker"]["entity"]) for q in rec["quotes"]] == ["Anne Roy", "Anne Roy"]


@pytest.mark.model
def test_la_principale_concernee_is_the_person_the_article_is_about(nlp_fr: Any) -> None:
    from dateline.pipeline import analyse

    rec = analyse(
        "La ministre Anne Roy est mise en cause. La principale concernée a déclaré n'avoir rien à se reprocher.",
        "2017-03-01",
        lang="fr",
    )
    names = {e["id"]: e["name"] for e in rec["entities"]}
    (q,) = rec["quotes"]
    assert names.get(q["speaker"]["entity"]) == "Anne Roy"


@pytest.mark.model
def test_a_noun_phrase_after_a_name_and_before_a_verb_is_no_title_of_that_name(nlp_fr: Any) -> None:
    from dateline.pipeline import analyse

    text = (
        "La réforme engagée par Paul Morel, le Premier ministre avait annoncé qu'elle serait votée. "
        "Anne Roy est ministre de la Santé. « Le texte sera prêt », a déclaré le président."
    )
    rec = analyse(text, "2017-03-01", lang="fr")
    roles = {e["name"]: e.get("roles", []) for e in rec["entities"]}
    assert "Premier ministre" not in roles.get("Paul Morel", [])


@pytest.mark.model
def test_a_description_with_another_portfolio_is_not_the_one_minister(nlp_fr: Any) -> None:
    from dateline.pipeline import analyse

    text = "La ministre de la Santé Anne Roy est arrivée. « Rien n'est fait », a dit la ministre de l'Intérieur."
    rec = analyse(text, "2017-03-01", lang="fr")
    names = {e["id"]: e["name"] for e in rec["entities"]}
    (q,) = [q for q in rec["quotes"] if q["text"] == "Rien n'est fait"]
    assert names.get(q["speaker"]["entity"]) != "Anne Roy"
    rec = analyse(
        "Le ministre des Affaires étrangères Paul Morel est arrivé. « Nous discuterons », a déclaré le ministre russe.",
        "2017-03-01",
        lang="fr",
    )
    names = {e["id"]: e["name"] for e in rec["entities"]}
    assert names.get(rec["quotes"][0]["speaker"]["entity"]) == "Paul Morel"  # a nationality adds, never contradicts
