"""French words of the lexicon in senses that are no event (issue 14, seen on unannotated dev-period news)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "Le RAID est intervenu vers minuit dans le quartier.",  # a police unit's name
        "Les globules blancs attaquent les bactéries.",  # no actor, no violence
        "Deux courants du parti s'affrontent sur la stratégie.",
        "Aucun blessé n'est à déplorer.",
        "Les clients me demandent souvent si le magasin ouvre dimanche.",
        "La voiture s'est arrêtée devant la boulangerie.",
        "Elle se demande si elle a eu raison.",
        "Le maire veut améliorer l'entretien des routes communales.",
        "Cette offre d'emploi intéresse beaucoup de jeunes diplômés.",
        "Marc m'appelle à 8 heures tous les matins.",
    ],
)
def test_not_an_event(fr, text: str) -> None:  # type: ignore[no-untyped-def]
    assert fr(text)._.events == []


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Des hommes armés ont attaqué un car de touristes.", "ASSAULT"),
        ("Les rebelles ont attaqué la caserne.", "ASSAULT"),
        ("La syndicaliste a attaqué la ministre sur sa réforme.", "ACCUSE"),
    ],
)
def test_still_an_event(fr, text: str, etype: str) -> None:  # type: ignore[no-untyped-def]
    assert etype in [e["type"] for e in fr(text)._.events]
