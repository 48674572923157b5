"""The per-document memo of resolved phrases and the lazy reading of verbal attacks (sentences written
for these tests)."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

import dateline.events.component as component
from dateline.events.actors import Actor, ActorResolver

from conftest_events import run

pytestmark = pytest.mark.model


def _pair(a: str, b: str) -> list[Actor]:
    return [Actor(None, a, 0, 1), Actor(None, b, 2, 3)]


def test_a_pair_reference_is_resolved_against_the_pair_of_the_moment(
    nlp_fr: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = run(nlp_fr, "Ils ont signé un accord.")
    extractor = nlp_fr.get_pipe("dateline_events")
    resolver = ActorResolver(doc, "fr")
    they = [doc[0]]
    # Within a document an object's id is reused once the object is collected: a memo keyed by ids would
    # hand the first pair to a later, different one. Worst case simulated: every object has the same id.
    monkeypatch.setattr(component, "id", lambda _obj: 0, raising=False)
    assert extractor._actors_of(they, resolver, _pair("FRAGOV", "DEUGOV")) == _pair("FRAGOV", "DEUGOV")
    assert extractor._actors_of(they, resolver, _pair("USAGOV", "RUSGOV")) == _pair("USAGOV", "RUSGOV")
    # The same phrase and pair again is read from the memo, which belongs to this document's resolver.
    assert resolver.phrases[((0,), tuple(_pair("USAGOV", "RUSGOV")))] == _pair("USAGOV", "RUSGOV")
    assert ActorResolver(doc, "fr").phrases == {}


def test_a_verbal_attack_decided_by_its_arguments_looks_for_no_speaker(
    nlp_fr: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[Any] = []
    original = component.EventExtractor._attacks_a_thing

    def spy(self: Any, tok: Any, objects: Any) -> bool:
        calls.append(tok.text)
        return original(self, tok, objects)

    monkeypatch.setattr(component.EventExtractor, "_attacks_a_thing", spy)
    # A person attacked: verbal, known from the arguments alone.
    doc = run(nlp_fr, "Claire Vidal attaque chaque jour davantage le candidat du parti adverse.")
    assert [e["type"] for e in doc._.events] == ["ACCUSE"]
    assert calls == []
