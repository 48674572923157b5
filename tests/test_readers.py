"""Readers on every format and on every kind of bad input: report file, line and reason, go on."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from dateline.article import Article
from dateline.errors import DatelineError
from dateline.readers import read_file, read_paths

from dl_testing import need_shared


def _one(path: Path, **kw: object) -> Article | DatelineError:
    (item,) = list(read_file(str(path), **kw))  # type: ignore[arg-type]
    return item


def test_header_format_keeps_the_text_exactly(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("  date 2017-01 Moscou voit  des «possibilités».\n\nFin.\n", encoding="utf-8")
    art = _one(p)
    assert isinstance(art, Article)
    assert art.dct.value == "2017-01" and art.dct.granularity == "month"
    assert art.text == "Moscou voit  des «possibilités».\n\nFin.\n"


def test_header_on_its_own_line(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("date 2017-01-28T14:30+01:00\nLe texte.", encoding="utf-8")
    art = _one(p)
    assert isinstance(art, Article)
    assert art.text == "Le texte." and art.dct.value == "2017-01-28T14:30"


def test_the_shared_sample_reads(shared: Path) -> None:
    (art,) = list(read_file(str(shared / "samples" / "fr-2017-01-lavrov.txt")))
    assert isinstance(art, Article)
    assert art.dct.value == "2017-01"
    assert art.text.startswith("Moscou voit des possibilités")


@pytest.mark.parametrize(
    ("header", "code"),
    [("date 2017-13", "bad-date"), ("date 2017-02-30", "bad-date"), ("date demain", "bad-date")],
)
def test_impossible_header_dates(tmp_path: Path, header: str, code: str) -> None:
    p = tmp_path / "bad.txt"
    p.write_text(f"{header} Un texte.", encoding="utf-8")
    err = _one(p)
    assert isinstance(err, DatelineError)
    assert err.code == code and err.source == str(p) and err.line == 1


def test_plain_text_needs_a_date(tmp_path: Path) -> None:
    p = tmp_path / "plain.txt"
    p.write_text("Un texte sans date.", encoding="utf-8")
    err = _one(p)
    assert isinstance(err, DatelineError) and err.code == "missing-date"
    assert "--date" in (err.hint or "")
    art = _one(p, default_date="2017-03")
    assert isinstance(art, Article) and art.text == "Un texte sans date." and art.dct.value == "2017-03"


def test_binary_invalid_utf8_empty_and_missing(tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(b"date 2017 \x00\x01\x02 binary")
    (tmp_path / "latin1.txt").write_bytes("date 2017 Le café est chaud.".encode("latin-1"))
    (tmp_path / "empty.txt").write_text("date 2017-01-05   \n\n", encoding="utf-8")
    codes = {
        Path(e.source or "").name: e.code
        for e in read_paths([str(tmp_path), str(tmp_path / "nope.txt")])
        if isinstance(e, DatelineError)
    }
    assert codes == {
        "bin.txt": "binary-file",
        "latin1.txt": "bad-encoding",
        "empty.txt": "empty-text",
        "nope.txt": "missing-file",
    }


def test_jsonl_good_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a1", "text": "Premier texte.", "date": "2017-01-02", "extra": {"x": 1}}),
        "{not json",
        json.dumps({"id": "a3", "date": "2017-01-02"}),
        json.dumps({"id": "a4", "text": "Sans date."}),
        json.dumps({"id": "a5", "text": "Mauvaise date.", "date": "2017-02-30"}),
        "",
        json.dumps(
            {
                "maintext": "Texte news-please.",
                "date_publish": "2017-01-28 14:30:00",
                "language": "fr",
                "title": "T",
                "source_domain": "example.org",
            }
        ),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "a9", "text": "   ", "date": "2017"}),
    ]
    p = tmp_path / "in.jsonl.gz"
    with gzip.open(p, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    items = list(read_file(str(p)))
    good = [i for i in items if isinstance(i, Article)]
    bad = {i.line: i.code for i in items if isinstance(i, DatelineError)}
    assert good[0].id == "a1"
    np = good[1]
    assert (np.text, np.dct.value, np.lang, np.title, np.source) == (
        "Texte news-please.",
        "2017-01-28T14:30:00",
        "fr",
        "T",
        "example.org",
    )
    assert bad == {
        2: "bad-json",
        3: "empty-text",
        4: "missing-date",
        5: "bad-date",
        8: "bad-json",
        9: "empty-text",
    }
    assert all(i.source == str(p) for i in items if isinstance(i, DatelineError))
    assert good[0].origin == f"{p}:1"


def test_huge_article_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with open(big, "w", encoding="utf-8") as fh:
        fh.write("date 2017-01 ")
        chunk = "Un mot de plus. " * 4096
        for _ in range(50 * 1024 * 1024 // len(chunk)):
            fh.write(chunk)
    err = _one(big)
    assert isinstance(err, DatelineError) and err.code == "too-large"
    jl = tmp_path / "big.jsonl"
    with open(jl, "w", encoding="utf-8") as fh:
        fh.write(json.dumps({"text": "x" * 5_000_000, "date": "2017"}) + "\n")
        fh.write(json.dumps({"text": "petit", "date": "2017"}) + "\n")
    items = list(read_file(str(jl), max_chars=1_000_000))
    assert isinstance(items[0], DatelineError) and items[0].code == "too-large" and items[0].line == 1
    assert isinstance(items[1], Article) and items[1].text == "petit"


def test_html_page_with_trafilatura(tmp_path: Path) -> None:
    body = " ".join(["Le gouvernement a présenté mardi un plan pour les transports régionaux."] * 6)
    page = f"""<!doctype html><html lang="fr"><head><title>Plan transports</title>
    <meta property="article:published_time" content="2017-03-14T09:00:00+01:00"></head>
    <body><nav>Accueil | Politique</nav><article><h1>Plan transports</h1><p>{body}</p>
    <p>Le ministre a promis des trains plus fréquents dès l'automne prochain.</p></article>
    <footer>Mentions légales</footer></body></html>"""
    p = tmp_path / "page.html"
    p.write_text(page, encoding="utf-8")
    art = _one(p)
    assert isinstance(art, Article)
    assert art.dct.value == "2017-03-14" and art.lang == "fr"
    assert "trains plus fréquents" in art.text and "Mentions légales" not in art.text


def test_globs_and_directories_expand_sorted(tmp_path: Path) -> None:
    for n in ("b", "a", ".hidden"):
        (tmp_path / f"{n}.txt").write_text(f"date 2017 Texte {n}.", encoding="utf-8")
    texts = [a.text for a in read_paths([str(tmp_path)]) if isinstance(a, Article)]
    assert texts == ["Texte a.", "Texte b."]
    globbed = [a.text for a in read_paths([str(tmp_path / "*.txt")]) if isinstance(a, Article)]
    assert globbed == ["Texte a.", "Texte b."]
    (err,) = list(read_paths([str(tmp_path / "zz*.txt")]))
    assert isinstance(err, DatelineError) and err.code == "missing-file"


@pytest.mark.parametrize("name", ["fr_tvnews_2017", "fr_orangesum_2011_2019", "en_reuters21578"])
def test_shared_corpora_read_as_they_are(name: str) -> None:
    path = need_shared("corpora", f"{name}.jsonl.gz")
    n_ok = n_bad = 0
    for item in read_file(str(path)):
        if isinstance(item, Article):
            n_ok += 1
        else:
            n_bad += 1
    assert n_ok > 15_000
    assert n_bad == 0


def test_check_gzip_tells_whole_cut_and_damaged_files_apart(tmp_path: Path) -> None:
    from dateline.readers.files import check_gzip, iter_lines

    lines = "".join(f'{{"n": {i}, "text": "ligne {i} ' + "x" * 200 + '"}\n' for i in range(400)).encode()
    whole = tmp_path / "whole.jsonl.gz"
    whole.write_bytes(gzip.compress(lines[:30000]) + gzip.compress(lines[30000:]))  # two members
    assert check_gzip(str(whole)) is None
    assert sum(1 for _ in iter_lines(str(whole))) == 400
    data = gzip.compress(lines)
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(data[: len(data) // 2])
    complete = check_gzip(str(cut))
    assert complete is not None and 0 < complete < 400
    got = list(iter_lines(str(cut)))
    assert [n for n, t in got[:-1] if isinstance(t, str)] == list(range(1, complete + 1))
    last = got[-1][1]
    assert isinstance(last, DatelineError) and last.code == "truncated-file" and last.line == complete + 1
    bad = bytearray(data)
    bad[len(bad) // 3] ^= 0x55
    damaged = tmp_path / "damaged.jsonl.gz"
    damaged.write_bytes(bytes(bad))
    with pytest.raises(DatelineError) as err:
        list(iter_lines(str(damaged)))
    assert err.value.code == "corrupt-file"
