"""French recall classes read on the French dev articles: general vocabulary of each PLOVER type, support
verbs, participles and passives. Sentences written for these tests (real French model)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _types(doc) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(e["type"] for e in doc._.events)


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Le Hamas et le Fatah ont conclu un accord mardi au Caire.", "AGREE"),
        ("Les soldats ont ouvert le feu sur les manifestants à Bamako.", "ASSAULT"),
        ("Le ministre allemand a rendu visite à son homologue polonais lundi.", "CONSULT"),
        ("La Turquie a extradé deux suspects vers l'Allemagne.", "COOPERATE"),
        ("Les cheminots se sont mis en grève jeudi contre la réforme.", "PROTEST"),
        ("Le conseil municipal a fait appel à l'armée pour évacuer le quartier.", "REQUEST"),
        ("L'Union européenne a gelé les avoirs de trois ministres biélorusses.", "SANCTION"),
        ("Le chauffeur a été roué de coups par trois individus.", "ASSAULT"),
    ],
)
def test_general_vocabulary(fr, text: str, etype: str) -> None:  # type: ignore[no-untyped-def]
    assert etype in _types(fr(text)), fr(text)._.events


def test_a_support_verb_anchors_a_noun(fr) -> None:  # type: ignore[no-untyped-def]
    # "prononcer un verdict", "ouvrir des négociations": the act took place, told by its noun.
    assert "SANCTION" in _types(fr("Le tribunal de Rabat a prononcé un verdict contre l'opposant mardi."))
    assert "CONSULT" in _types(fr("Le gouvernement a ouvert des négociations avec les syndicats."))


def test_an_appeal_of_a_ruling_is_no_request(fr) -> None:  # type: ignore[no-untyped-def]
    doc = fr("L'ancien maire a fait appel de sa condamnation devant la cour.")
    assert "REQUEST" not in _types(doc)


def test_the_agent_of_a_bare_participle_is_the_source(fr) -> None:  # type: ignore[no-untyped-def]
    ev = next(e for e in fr("Une réforme critiquée par de nombreux syndicats.")._.events if e["type"] == "ACCUSE")
    assert ev["source"]["code"] == "FRALAB"


def test_a_fronted_participle_is_said_of_the_main_subject(fr) -> None:  # type: ignore[no-untyped-def]
    # "Accusé de ... par un juge, le maire ...": the judge accuses, the mayor is accused.
    doc = fr("Accusé de corruption par un juge, le maire a été arrêté lundi.")
    ev = next(e for e in doc._.events if e["type"] == "ACCUSE")
    assert ev["source"]["code"] == "FRAJUD"
    maire = next(e["id"] for e in doc._.entities if "maire" in e["name"])
    assert ev["target"] is not None and ev["target"]["entity"] == maire
    # The main subject is never the agent of the participle: "Condamné en appel, l'ancien maire ...".
    doc = fr("Condamné en appel, l'ancien maire a démissionné.")
    ev = next(e for e in doc._.events if e["trigger"]["text"] == "Condamné")
    assert ev["type"] == "SANCTION" and ev["source"]["code"] == "FRAJUD"


def test_the_noun_a_participle_qualifies_completes_its_locution(fr) -> None:  # type: ignore[no-untyped-def]
    ev = next(e for e in fr("Des troupes russes positionnées à la frontière.")._.events if e["type"] == "MOBILIZE")
    assert ev["source"]["code"] == "RUSMIL"


@pytest.mark.parametrize(
    ("text", "etype", "target"),
    [
        ("La journaliste a été victime d'une agression dans le métro.", "ASSAULT", "FRAJRN"),
        ("Un homme est mort après avoir reçu des coups de couteau.", "ASSAULT", "FRACVL"),
        ("Le maire fait l'objet d'une enquête du parquet.", "ACCUSE", "FRAGOV"),
        ("Le ministre a essuyé de vives critiques de l'opposition.", "ACCUSE", "FRAGOV"),
    ],
)
def test_the_subject_of_a_patient_support_word_undergoes_the_act(fr, text: str, etype: str, target: str) -> None:  # type: ignore[no-untyped-def]
    ev = next(e for e in fr(text)._.events if e["type"] == etype)
    assert (ev["target"] or {}).get("code") == target
    assert ev["source"]["code"] != target


def test_a_noun_coordinated_with_an_act_that_took_place(fr) -> None:  # type: ignore[no-untyped-def]
    doc = fr("Des manifestants ont participé à des pillages et des dégradations.")
    acts = [e for e in doc._.events if e["type"] == "ASSAULT"]
    words = {t["text"] for e in acts for t in [e["trigger"], *e.get("trigger_more", [])]}
    assert words == {"pillages", "dégradations"}, doc._.events
    # "la coopération et les attaques" names topics: nothing anchors the first noun, nor its conjunct.
    assert fr("La coopération et les sanctions restent des sujets de discorde.")._.events == []


def test_the_object_of_an_object_control_verb_does_the_act(fr) -> None:  # type: ignore[no-untyped-def]
    # "exhorter X à retirer": X would withdraw, not the one who urges.
    ev = next(e for e in fr("Paris a exhorté Moscou à retirer ses troupes.")._.events if e["type"] == "RETREAT")
    assert ev["source"]["code"] == "RUSGOV"
    # A verb of subject control keeps its subject: "décider de rencontrer".
    ev = next(e for e in fr("Le ministre a décidé de rencontrer les syndicats.")._.events if e["type"] == "CONSULT")
    assert ev["source"]["code"] == "FRAGOV"


def test_aid_to_a_private_person_is_to_a_civilian(fr) -> None:  # type: ignore[no-untyped-def]
    doc = fr("Le tribunal reproche à ce comptable d'avoir versé 300 euros à une femme.")
    ev = next(e for e in doc._.events if e["type"] == "AID")
    assert (ev["target"] or {}).get("code") == "FRACVL"
    assert ev["source"]["code"] != "FRAJUD"


def test_a_predicative_adjective_of_condemnation_is_the_speakers_disapproval(fr) -> None:  # type: ignore[no-untyped-def]
    ev = next(e for e in fr("« C'est inacceptable », a déclaré le ministre de l'Intérieur.")._.events)
    assert ev["type"] == "ACCUSE" and ev["mode"] == "disapprove" and ev["modality"] == "reported"
    assert ev["source"]["code"] == "FRAGOV"
    assert fr("« Je trouve cela tout à fait indigne », a réagi le maire de Lyon.")._.events[0]["type"] == "ACCUSE"
    # Qualifying a noun, the adjective describes; it condemns no one.
    assert fr("Les riverains vivent dans des conditions indignes depuis des années.")._.events == []


def test_police_named_in_the_sentences_before_a_check(fr) -> None:  # type: ignore[no-untyped-def]
    text = "Les gendarmes ont installé un barrage sur la route nationale. La camionnette est interceptée vers midi."
    assert "COERCE" in _types(fr(text))
    # Without police anywhere near, intercepting is no policing: "le gardien a intercepté le ballon".
    assert "COERCE" not in _types(fr("Le gardien de but a intercepté le ballon à la dernière minute."))


def test_elected_officials_are_legislators(fr) -> None:  # type: ignore[no-untyped-def]
    ev = next(e for e in fr("Une réforme vivement critiquée par plusieurs élus.")._.events if e["type"] == "ACCUSE")
    assert ev["source"]["code"] == "FRALEG"


def test_a_circumstance_of_an_act_does_not_replace_it(fr) -> None:  # type: ignore[no-untyped-def]
    # An inquiry opened upon a complaint: two acts, the inquiry and the complaint.
    text = "Les enquêteurs de Nantes ont ouvert une enquête dès le dépôt de plainte des parents."
    assert _types(fr(text)) == ["ACCUSE", "ACCUSE"]


def test_a_measured_act_is_told_by_the_measure_s_verb(fr) -> None:  # type: ignore[no-untyped-def]
    assert "PROTEST" in _types(fr("Les cheminots ont observé trois jours de grève."))
    ev = next(e for e in fr("Il a purgé treize mois de détention dans une prison marocaine.")._.events)
    assert ev["type"] == "COERCE" and (ev["target"] or {}).get("code", "").endswith("CRM")


def test_a_noun_completed_by_the_words_after_it(fr) -> None:  # type: ignore[no-untyped-def]
    # The parser hangs "à témoins" on the verb; the words right after "appel" still complete it.
    assert "REQUEST" in _types(fr("Les gendarmes ont lancé un appel à témoins."))
