"""In-article deduplication: the same event told twice is one event with several evidence spans.

News repeat themselves: the sample article mentions the Putin–Trump call three times ("une
conversation téléphonique [...] tenue le 28 janvier", "l'entretien téléphonique",
"le premier entretien tenu entre ... Vladimir Poutine et ... Donald Trump"). Two mentions are one
event when they agree on type, on mode (or one has none), on the intended action, on modality (an act
threatened or planned is not the act done; what the journalist tells and what a source reports may be
one), on actors role by role (the same entity; the same full code when at most one of the phrases is a
named entity, "le pape" and "François"; or one mention names none — "les deux présidents" before they
are named), and their date intervals overlap. Mentions whose actors are not plainly the same need more:
both dated by the text, both nouns, the same word, or a noun retelling a verb of its sentence. The
merged event keeps the most informative of each field and lists the other mentions' sentences in
``evidence_more``.
"""

from __future__ import annotations

from typing import Any

__all__ = ["merge_duplicates"]


def _actors(ev: dict[str, Any]) -> frozenset[str]:
    out = set()
    for role in ("source", "target"):
        a = ev.get(role) or {}
        key = a.get("entity") or a.get("code")
        if key:
            out.add(key)
    return frozenset(out)


def _slot(ev: dict[str, Any], role: str) -> tuple[str | None, str | None, bool]:
    """(entity, code, named) of a role; ``named`` is False for a phrase the NER did not name ("un homme",
    "la police"), whose code says all that is known of it. Events without the flag count as named."""
    a = ev.get(role) or {}
    return a.get("entity"), _merge_code(ev, a.get("code")), bool(ev.get(f"_{role}_named", True))


def _merge_code(ev: dict[str, Any], code: str | None) -> str | None:
    """The code as evidence of identity: a country an article that names none was given by its language's
    default (``_default_home``) says nothing about who the actor is, so only the sector counts."""
    home = ev.get("_default_home")
    if home and code and len(code) >= 6 and code[:3] == home:
        return code[3:]
    return code


def _fit(x: tuple[str | None, str | None, bool], y: tuple[str | None, str | None, bool]) -> str:
    """How two mentions' fillers of one role agree: ``same`` (one entity, or one code for actors known
    only by it), ``compatible`` (one full code, at most one of them a named entity: "le pape" and
    "François", "la police" and "les policiers"; or a coded phrase and an uncoded one, at most one
    named), ``unknown`` (one names no actor) or ``clash``."""
    (ea, ca, na), (eb, cb, nb) = x, y
    if (ea is None and ca is None) or (eb is None and cb is None):
        return "unknown"
    if ea is not None and ea == eb:
        return "same"
    if ca is not None and ca == cb:
        if ea is None and eb is None:
            return "same"
        if len(ca) >= 6 and not (na and nb):
            return "compatible"
    if (ca is None) != (cb is None) and not (na and nb):
        return "compatible"  # "un Français condamné" and "Thomas Dupont" (a name the coder has no code for)
    return "clash"


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    da, db = a["date"], b["date"]
    if not (da.get("earliest") and db.get("earliest")):
        return True
    return bool(da["earliest"] <= db["latest"] and db["earliest"] <= da["latest"])


def _same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if a["type"] != b["type"]:
        return False
    if a.get("intent") and b.get("intent") and a["intent"] != b["intent"]:
        return False
    if a.get("mode") and b.get("mode") and a["mode"] != b["mode"]:
        return False
    if a["negated"] != b["negated"]:
        return False
    ta, tb = a.get("trigger") or {}, b.get("trigger") or {}
    if (
        a["evidence"]["start"] == b["evidence"]["start"]
        and ta.get("pos") == tb.get("pos") == "VERB"
        and ta.get("lemma") != tb.get("lemma")
    ):
        # Two different verbs in one sentence tell two acts ("a été arrêté et écroué": the arrest,
        # then the jailing), not one act told twice.
        return False
    mods = {a["modality"], b["modality"]}
    if len(mods) > 1 and mods != {"asserted", "reported"}:
        return False  # a threatened or planned act is not the act told as done
    fits = [_fit(_slot(a, r), _slot(b, r)) for r in ("source", "target")]
    if "clash" in fits and (a.get("symmetric") or b.get("symmetric")):
        # A reciprocal act told either way round ("A a rencontré B", "la rencontre entre B et A").
        fits = [
            _fit(_slot(a, "source"), _slot(b, "target")),
            _fit(_slot(a, "target"), _slot(b, "source")),
        ]
    if "clash" in fits:
        return False
    aa, ab = _actors(a), _actors(b)
    if fits != ["same", "same"] and not (aa and ab and aa == ab):
        # A mention that names no actor joins an event only when it is clearly the same one: both
        # dated by the text to overlapping days, both named by nouns ("la conversation", "l'entretien"),
        # or by the same word.
        text_dated = all(e["date"].get("basis") in ("timex", "sentence", "narrative") for e in (a, b))
        nouns = all((e.get("trigger") or {}).get("pos") == "NOUN" for e in (a, b))
        same_word = (a.get("trigger") or {}).get("lemma") == (b.get("trigger") or {}).get("lemma")
        # "arrêté ... après son interpellation": an actorless noun retelling a verb of its sentence.
        same_sentence_noun = a["evidence"]["start"] == b["evidence"]["start"] and any(
            (e.get("trigger") or {}).get("pos") == "NOUN" and not _actors(e) for e in (a, b)
        )
        if not (text_dated or nouns or same_word or same_sentence_noun):
            return False
    return _overlap(a, b)


def _coded(ev: dict[str, Any]) -> int:
    """How many of a mention's actors carry a full code (country and sector): the more informative."""
    return sum(1 for role in ("source", "target") if len(_merge_code(ev, (ev.get(role) or {}).get("code")) or "") >= 6)


def _width(ev: dict[str, Any]) -> int:
    d = ev["date"]
    if not d.get("earliest"):
        return 10**6
    # ISO days compare as strings; a coarse width is enough to prefer a day over a month.
    return 0 if d["earliest"] == d["latest"] else (1 if d.get("timex") else 2)


def merge_duplicates(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Merge repeated mentions of one event, in order of first mention."""
    groups: list[list[dict[str, Any]]] = []
    for ev in events:
        for g in groups:
            if all(_same(ev, other) for other in g):
                g.append(ev)
                break
        else:
            groups.append([ev])
    return [_merge(g) for g in groups]


def _merge(group: list[dict[str, Any]]) -> dict[str, Any]:
    if len(group) == 1:
        return group[0]
    best = max(group, key=lambda e: (len(_actors(e)), _coded(e), e["modality"] != "reported", e["confidence"]))
    out = dict(best)
    out["_human"] = any(e.get("_human") for e in group)
    for role in ("source", "target"):
        if not (out.get(role) or {}).get("entity") and not (out.get(role) or {}).get("code"):
            # The best mention left a role open that another fills ("la rencontre" and "le pape l'a
            # rencontré"): the group's first filler of it.
            filler = next((e for e in group if (e.get(role) or {}).get("entity") or (e.get(role) or {}).get("code")),
                          None)  # fmt: skip
            if filler is not None:
                out[role] = filler[role]
    out["mode"] = best.get("mode") or next((e["mode"] for e in group if e.get("mode")), None)
    if out["mode"] != best.get("mode"):
        out["cameo"] = next(e["cameo"] for e in group if e.get("mode") == out["mode"])
    dated = min(group, key=_width)
    out["date"] = dated["date"]
    if any(e["modality"] != "reported" for e in group) and out["modality"] == "reported":
        out["modality"] = next(e["modality"] for e in group if e["modality"] != "reported")
    out["intent"] = best.get("intent") or next((e["intent"] for e in group if e.get("intent")), None)
    if out["intent"] is None:
        del out["intent"]
    if out.get("location") is None:
        out["location"] = next((e["location"] for e in group if e.get("location")), None)
    spans = sorted({(e["evidence"]["start"], e["evidence"]["end"]): e["evidence"] for e in group}.items())
    primary = (best["evidence"]["start"], best["evidence"]["end"])
    out["evidence_more"] = [sp for key, sp in spans if key != primary]
    out["trigger_more"] = [e["trigger"] for e in group if e is not best and e.get("trigger")]
    # Each independent mention corroborates the event: a little more confidence, never above 0.95.
    out["confidence"] = round(min(0.95, max(e["confidence"] for e in group) + 0.05 * (len(group) - 1)), 2)
    out["mentions"] = len(group)
    if "_cand" in best:
        # A candidate the rules would drop (see :mod:`.acceptance`) only when every mention of it would be.
        dropped = all((e.get("_cand") or {}).get("drop") for e in group)
        out["_cand"] = {**best["_cand"], "drop": best["_cand"]["drop"] if dropped else None}
    return out
