"""The event coder's data: per-language resource files, the actor dictionary, the confidence model and
the display of actors. No model needed."""

from __future__ import annotations

import random
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from dateline.entities.affiliation import listed_code
from dateline.entities.resolve import phonetic
from dateline.events.confidence import FEATURES, Model, default_min_confidence, fit_logistic, model
from dateline.events.resources import (
    ActorDictionary,
    actor_dictionary,
    agents,
    cues,
    project_code,
    to_plover_sector,
)
from dateline.render import actor_pair

from dl_testing import load_script


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_agent_files_have_headers_and_known_sectors(lang: str) -> None:
    path = resources.files("dateline") / "data" / "events" / lang / "agents.tsv"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("#") and "Written by hand" in text
    table = agents(lang)
    sectors = {a.sector for a in table.values() if a.use != "group"}
    assert {"GOV", "MIL", "REB", "OPP", "PTY", "LAB", "CRM", "JRN"} <= sectors
    assert all(a.use in ("title", "head", "group", "role") for a in table.values())
    # A group word's members give its code; the few with a sector have it only when nothing says whom
    # they stand for ("les délégations": GOV, of no country).
    assert {w for w, a in table.items() if a.use == "group" and a.sector} <= {
        "délégation", "délégations", "ambassade", "delegation", "delegations", "embassy"
    }  # fmt: skip
    assert table["président" if lang == "fr" else "president"].use == "head"


def test_cues_classes() -> None:
    assert cues("fr")["garder"] == "refrain" and cues("fr")["hésiter"] == "implicative"
    assert cues("en")["refrain"] == "refrain" and cues("en")["former"] == "ex"


def test_plover_sector_letters() -> None:
    assert to_plover_sector("FRAMED") == "FRAJRN"  # CAMEO media -> PLOVER journalists
    assert to_plover_sector("USAHLH") == "USAMED"  # CAMEO health -> PLOVER medical
    assert to_plover_sector("MED") == "JRN" and to_plover_sector("RUSGOV") == "RUSGOV"


def test_dictionary_codes_are_date_ranged() -> None:
    d = ActorDictionary(
        [
            "# header",
            f"{phonetic('jean dupont')}|{phonetic('dupont')}\t"
            "FRAELI|FRAGOV@2001-01-01..2005-12-31|FRAGOVEDU@2010-05-01..",
        ]
    )
    assert d.code("Jean Dupont", date(2003, 6, 1)) == "FRAGOV"
    assert d.code("Jean Dupont", date(2012, 1, 1)) == "FRAGOV"  # FRAGOVEDU cut to country + sector
    assert d.full_code("Jean Dupont", date(2012, 1, 1)) == "FRAGOVEDU"
    assert d.code("Jean Dupont", date(2008, 1, 1)) == "FRAELI"  # between offices: the undated default
    assert d.code("Jean Dupont", None) == "FRAELI"
    assert d.code("Pierre Martin", date(2003, 1, 1)) is None


def test_project_codes_for_organisations_and_armed_groups() -> None:
    # The guidelines' scheme (3.3): EUR, UNO, IGO + GOV (MIL for forces); transnational groups IMGREB.
    assert project_code("IGOUNOPKO") == "UNOMIL" and project_code("IGOBUSIMF") == "IGOGOV"
    assert project_code("IGOUNO") == "UNOGOV" and project_code("IGOUNODEVWBK") == "IGOGOV"
    assert project_code("IGOEUREEC") == "EURGOV" and project_code("IGOWSTNAT") == "IGOGOV"
    assert project_code("IMGMUSISI") == "IMGREB" and project_code("VUTGOVEDU") == "VUTGOV"


def test_hand_written_entries_replace_an_open_office() -> None:
    # An office the built table leaves open (as the 2014 files do) ends on its day in the later list.
    d = ActorDictionary(
        [f"{phonetic('jean dupont')}\tFRAELI|FRAGOV@2012-05-15.."],
        ["# header", "Jean Dupont|Jean Dupond\tFRAELI|FRAGOV@2012-05-15..2017-05-14"],
    )
    assert d.code("Jean Dupont", date(2016, 1, 1)) == "FRAGOV"
    assert d.code("Jean Dupond", date(2018, 1, 1)) == d.code("Jean Dupont", date(2018, 1, 1)) == "FRAELI"


def test_a_code_that_changes_within_the_articles_window_keeps_what_both_ends_share() -> None:
    book = actor_dictionary()
    # An article dated only "2017" was written before or after 2017-01-20: the country, not the office.
    assert listed_code(["Donald Trump"], date(2017, 1, 1), date(2017, 12, 31)) == ("USA", "Donald Trump")
    assert listed_code(["Donald Trump"], date(2017, 6, 1), date(2017, 6, 30)) == ("USAGOV", "Donald Trump")
    assert book.code("Barack Obama", date(2015, 1, 1)) == "USAGOV"
    assert book.code("Barack Obama", date(2018, 1, 1)) == "USAELI"  # Phoenix (2014) left the office open
    assert listed_code(["Zorglub Tartempion"], date(2017, 1, 1), date(2017, 1, 1)) is None


def test_packaged_dictionary_matches_across_transliterations() -> None:
    d = actor_dictionary()
    assert len(d) > 10_000
    assert d.code("Vladimir Poutine", date(2017, 1, 1)) == d.code("Vladimir Putin", date(2017, 1, 1)) == "RUSGOV"


def test_packaged_tables_are_what_the_build_command_makes(tmp_path: Path) -> None:
    """The committed tables are the build tool's output on ../shared's dictionaries (so a change of
    entity resolution's transliteration key, or of the tool, shows here until they are rebuilt)."""
    from tests_shared import SHARED, need_shared

    need_shared("eval", "events", "dictionaries")
    assert _build_tool().main(["--shared", str(SHARED), "--out", str(tmp_path)]) == 0
    pkg = resources.files("dateline") / "data" / "events"
    assert (tmp_path / "actors.tsv.gz").read_bytes() == (pkg / "actors.tsv.gz").read_bytes()
    assert (tmp_path / "en" / "agents_phoenix.tsv").read_text() == (pkg / "en" / "agents_phoenix.tsv").read_text()


def _build_tool():  # type: ignore[no-untyped-def]
    return load_script("tools/build_actor_dictionary.py", "build_actor_dictionary")


def test_build_tool_parses_tabari_blocks(tmp_path: Path) -> None:
    tool = _build_tool()
    src = tmp_path / "x.actors.txt"
    # An invented TABARI block: a name, synonyms, dated codes; then a country-level entry.
    src.write_text(
        "# comment\nJEAN_DUPONT_  # note\n+DUPONT_\n+PRESIDENT_DUPONT\n\t[FRAELI 650101-010101]\n\t[FRAGOV >010101]\n"
        "\nRURITANIA_ [RUR]\n+RURITANIAN_\n",
        encoding="utf-8",
    )
    blocks = tool.parse_actors(src)
    assert blocks[0] == (
        ["jean dupont", "dupont", "president dupont"],
        ["FRAELI@1965-01-01..2001-01-01", "FRAGOV@2001-01-01.."],
    )
    assert not tool.keep(blocks[1][1])  # a bare country code is the gazetteer's business


def test_build_tool_reads_eight_digit_days(tmp_path: Path) -> None:
    # Some blocks write yyyymmdd, with or without a space after ">"; a malformed day drops its code only.
    tool = _build_tool()
    src = tmp_path / "y.actors.txt"
    src.write_text(
        "PAUL_MARTIN_\n+MARTIN_\n\t[RURGOV 19940922-20040712]\n\t[RURGOV > 20040309]\n\t[RURELI 2004017-20061201]\n",
        encoding="utf-8",
    )
    assert tool.parse_actors(src) == [
        (["paul martin", "martin"], ["RURGOV@1994-09-22..2004-07-12", "RURGOV@2004-03-09.."])
    ]


def test_logistic_fit_orders_and_calibrates() -> None:
    rng = random.Random(3)
    rows, labels = [], []
    for _ in range(400):
        src = rng.random() < 0.5
        rows.append({"bias": 1.0, "source": float(src)})
        labels.append(rng.random() < (0.9 if src else 0.4))
    w = fit_logistic(rows, labels)
    m = Model(w)
    hi, lo = m({"bias": 1.0, "source": 1.0}), m({"bias": 1.0, "source": 0.0})
    assert 0.8 < hi < 0.97 and 0.3 < lo < 0.5
    assert set(w) == set(FEATURES)


def test_packaged_model_and_floor() -> None:
    assert 0.0 < default_min_confidence() <= 1.0
    feats = {f: 0.0 for f in FEATURES} | {"bias": 1.0, "weight": 1.0, "source": 1.0, "target": 1.0}
    weaker = dict(feats, source=0.0, target=0.0)
    assert model()(feats) > model()(weaker)


def test_actor_pair_says_what_is_unknown() -> None:
    assert actor_pair("Vladimir Poutine", "RUSGOV", "Angela Merkel", "DEUGOV") == (
        "Vladimir Poutine [RUSGOV] → Angela Merkel [DEUGOV]"
    )
    assert actor_pair("Zorglub", None, None, None) == "Zorglub [no code] → no target given"
    assert actor_pair(None, None, None, "FRAGOV") == "unknown source → [FRAGOV]"


def test_trigger_lexicons_are_resource_files() -> None:
    from dateline.events.lexicon import Lexicon
    from dateline.events.resources import trigger_entries, word_list

    for lang in ("fr", "en"):
        lex = Lexicon(trigger_entries(lang))
        assert len(lex) > 200
        assert word_list(lang, "support_verbs.txt")
    (call,) = [e for e in trigger_entries("fr") if e.lemma == "entretenir"]
    assert call.type == "CONSULT" and call.reflexive and call.reciprocal and ("téléphone", "phone") in call.modes
    assert "attentat" in word_list("fr", "eventive.txt")
    # English: nouns of occurrences only (strikes, protests, injunctions); general nouns still need support.
    en_eventive = word_list("en", "eventive.txt")
    assert "strike" in en_eventive and not en_eventive & {"attack", "meeting", "talks", "agreement"}
    # A language with no folder has no triggers (adding one is adding its files), and no crash.
    assert trigger_entries("xx") == [] and word_list("xx", "eventive.txt") == frozenset()


def test_trigger_file_options_are_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import dateline.events.resources as res

    bad = tmp_path / "triggers.tsv"
    bad.write_text("# header\nASSAULT\tVERB\tfrapper\tcameo=190; colour=red\n", encoding="utf-8")
    monkeypatch.setattr(res, "_rows", lambda lang, name: [ln.split("\t") for ln in bad.read_text().splitlines()[1:]])
    with pytest.raises(ValueError, match="colour"):
        res.trigger_entries("fr")


def test_default_home_is_read_from_the_language_folder() -> None:
    from dateline.events.resources import default_home

    assert default_home("fr") == "FRA"
    assert default_home("en") is None and default_home(None) is None


def test_multiword_agent_keys_leave_out_articles() -> None:
    from dateline.events.resources import agents

    assert agents("fr")["forces de ordre"].sector == "COP"
    assert agents("fr")["forces"].sector == "MIL"


def test_party_codes_follow_the_days_in_government() -> None:
    from datetime import date

    from dateline.events.resources import party_code

    assert party_code("Parti socialiste", "fr", date(2013, 1, 1)) == "FRAPTY"
    assert party_code("parti socialiste", "fr", date(2018, 1, 1)) == "FRAOPP"
    # Initials are matched as written, so the word "ps" is no party; full names are folded.
    assert party_code("PS", "fr", None) == "FRAOPP" and party_code("ps", "fr", None) is None
    assert party_code("Les Republicains", "fr", None) == "FRAOPP"
    assert party_code("Front national", "en", None) is None and party_code("Acme", "fr", None) is None
