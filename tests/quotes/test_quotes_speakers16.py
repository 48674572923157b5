"""Speakers taken up by what they are (issue 15, fourth round): news outlets named once and then
described ("le quotidien", "la chaîne"), names inside an outlet's phrase, the author of a report,
circumstances after a speaker, surnames opening on a particle. Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from dateline.entities.component import press_title_at
from dateline.quotes.speakers import _particle_name


def _quotes(text: str, nlp: Any) -> list[tuple[str, str | None, str | None]]:
    """(quotation, speaker text, speaker entity name) of each quotation of ``text``."""
    from dateline.pipeline import analyse

    assert nlp is not None
    rec = analyse(text, "2017-03-01", lang="fr")
    names = {e["id"]: e["name"] for e in rec["entities"]}
    out = []
    for q in rec["quotes"]:
        sp = q["speaker"]
        out.append((q["text"], sp["text"] if sp else None, names.get(sp["entity"]) if sp and sp["entity"] else None))
    return out


def test_a_press_title_is_known_with_or_without_its_article() -> None:
    text = "selon le Canard enchaîné et Le Parisien, puis Ouest-France et Parisiens"
    assert press_title_at(text, text.index("Canard"), "fr")
    assert press_title_at(text, text.index("Le Parisien"), "fr")
    assert press_title_at(text, text.index("Parisien,"), "fr")
    assert press_title_at(text, text.index("Ouest-France"), "fr")
    assert not press_title_at(text, text.index("Parisiens"), "fr")  # a title is a whole word
    assert not press_title_at(text, text.index("puis"), "fr")


def test_a_surname_may_open_on_a_lower_case_particle() -> None:
    assert _particle_name("al-Sissi")
    assert _particle_name("de Gaulle")
    assert _particle_name("von der Leyen")
    assert not _particle_name("de la région")
    assert not _particle_name("ministre")


@pytest.mark.model
def test_the_regional_daily_is_the_newspaper_cited_before(nlp_fr: Any) -> None:
    text = (
        "Un incendie a détruit un entrepôt près de Rennes dans la nuit de lundi, rapporte Ouest-France. "
        "Selon le quotidien régional, les pompiers sont restés sur place jusqu'au matin."
    )
    *_, (_, speaker, entity) = _quotes(text, nlp_fr)
    assert speaker == "le quotidien régional"
    assert entity == "Ouest-France"


@pytest.mark.model
def test_a_daily_is_not_the_radio_cited_in_between(nlp_fr: Any) -> None:
    text = (
        "La route restera fermée jusqu'à vendredi, annonce Le Télégramme. Le maire a confirmé l'information "
        "sur France Inter. Selon le quotidien, les travaux coûteront deux millions d'euros."
    )
    *_, (_, speaker, entity) = _quotes(text, nlp_fr)
    assert speaker == "le quotidien"
    assert entity is not None and "Télégramme" in entity


@pytest.mark.model
def test_the_channel_is_the_broadcaster_cited_before(nlp_fr: Any) -> None:
    text = (
        "Deux randonneurs ont été secourus dans le massif, a indiqué France 3 Alpes. "
        "Selon la chaîne, ils étaient partis sans équipement."
    )
    *_, (_, speaker, entity) = _quotes(text, nlp_fr)
    assert speaker == "la chaîne"
    assert entity == "France 3 Alpes"


@pytest.mark.model
def test_a_name_in_an_outlet_phrase_speaks(nlp_fr: Any) -> None:
    ((_, _, entity),) = _quotes(
        "Selon le site spécialisé Numerama, la faille touche des millions de téléphones.", nlp_fr
    )
    assert entity == "Numerama"


@pytest.mark.model
def test_a_report_is_its_author_s_not_its_publisher_s(nlp_fr: Any) -> None:
    text = "Selon un rapport de l'Insee publié mardi par Le Monde, le chômage a reculé de deux points."
    ((_, _, entity),) = _quotes(text, nlp_fr)
    assert entity == "Insee"


@pytest.mark.model
def test_a_circumstance_after_a_postposed_speaker_is_not_part_of_it(nlp_fr: Any) -> None:
    ((_, speaker, _),) = _quotes(
        "« Nous ne céderons pas sur ce point », a déclaré la maire de Rennes au micro de France Bleu.", nlp_fr
    )
    assert speaker == "la maire de Rennes"
    ((_, speaker, _),) = _quotes(
        "« Nous ne céderons pas sur ce point », explique le syndicaliste dans Libération.", nlp_fr
    )
    assert speaker == "le syndicaliste"


@pytest.mark.model
def test_a_synonym_of_an_office_takes_up_its_holder(nlp_fr: Any) -> None:
    text = (
        "Le maire de Quimper, Paul Kermarrec, a reçu mardi le préfet du Finistère, Jean Morel. "
        "« Ce lieu appartient à tous les habitants », a précisé l’édile."
    )
    ((_, speaker, entity),) = _quotes(text, nlp_fr)
    assert speaker == "l’édile"
    assert entity == "Paul Kermarrec"


def test_role_synonyms_are_read_from_the_resource_file() -> None:
    from dateline.quotes.common import get_lexicon

    assert get_lexicon("fr").role_synonyms["édile"] == "maire"
    assert "prévenu" in get_lexicon("fr").roles


@pytest.mark.model
def test_a_gerund_of_saying_is_said_by_the_subject_of_its_verb(nlp_fr: Any) -> None:
    text = (
        "Les syndicats ont quitté la salle. Le ministre Paul Roy a provoqué leur colère en déclarant : "
        "« Cette réforme se fera avec ou sans vous »."
    )
    ((_, speaker, entity),) = _quotes(text, nlp_fr)
    assert speaker == "Le ministre Paul Roy"
    assert entity == "Paul Roy"


@pytest.mark.model
def test_a_verb_the_tagger_does_not_know_still_reports(nlp_fr: Any) -> None:
    text = (
        "Plusieurs élus ont réagi. « Cette décision arrive bien trop tard pour les familles. Nous "
        "demanderons des comptes », a tweeté Paul Roy."
    )
    ((_, speaker, entity),) = _quotes(text, nlp_fr)
    assert speaker == "Paul Roy"
    assert entity == "Paul Roy"


@pytest.mark.model
def test_a_member_of_the_government_takes_up_the_minister_just_quoted(nlp_fr: Any) -> None:
    text = (
        "La ministre de la Santé Claire Aubert a visité l'hôpital de Dijon. « Les urgences tiennent bon », "
        "a-t-elle déclaré. « La chaleur reste un danger pour les plus âgés », a insisté la membre du gouvernement."
    )
    *_, (_, speaker, entity) = _quotes(text, nlp_fr)
    assert speaker == "la membre du gouvernement"
    assert entity == "Claire Aubert"


@pytest.mark.model
def test_nous_before_a_verb_in_the_third_person_is_the_addressee(nlp_fr: Any) -> None:
    text = "« Les tarifs baisseront dès le mois prochain », nous dit Anne Roy depuis son bureau de Lille."
    ((_, speaker, entity),) = _quotes(text, nlp_fr)
    assert speaker == "Anne Roy"
    assert entity == "Anne Roy"


@pytest.mark.model
def test_a_demonstrative_speaker_keeps_its_particle(nlp_fr: Any) -> None:
    text = (
        "Anne Roy a quitté l'émission en juin. Celle-ci a critiqué son ancien patron dans un message : "
        "« Il a bien changé. »"
    )
    ((_, speaker, entity),) = _quotes(text, nlp_fr)
    assert speaker == "Celle-ci"
    assert entity == "Anne Roy"


@pytest.mark.model
def test_an_infinitive_of_saying_after_a_predicate_is_its_subject_s(nlp_fr: Any) -> None:
    text = "La sénatrice Anne Morel fut la seule à protester : « Ce texte trahit nos engagements. »"
    ((_, speaker, entity),) = _quotes(text, nlp_fr)
    assert speaker == "La sénatrice Anne Morel"
    assert entity == "Anne Morel"


@pytest.mark.model
def test_coordinated_relatives_of_a_cleft_go_back_to_its_noun(nlp_fr: Any) -> None:
    text = (
        "Paul Roy a reçu les syndicats. C'est le maire qui prend les devants et qui se justifie dans un courrier, "
        "rappelant qu'il a toujours défendu l'usine."
    )
    ((_, speaker, entity),) = _quotes(text, nlp_fr)
    assert speaker == "le maire"
    assert entity == "Paul Roy"
