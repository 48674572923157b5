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


# -- what no store can keep, values of the wrong type, values too big to read ------------------------------


def test_nul_and_lone_surrogates_are_refused_in_every_field_and_format(tmp_path: Path) -> None:
    # JSON escapes give a JSONL reader both without a raw NUL byte in the file; the good lines between
    # them are read as usual.
    good = {"id": "ok", "date": "2017-05", "text": "Le conseil municipal a voté le budget."}
    lines = [
        json.dumps({"id": "s1", "date": "2017-05", "text": "Un émoji cassé \ud83d ici."}),
        json.dumps(good),
        json.dumps({"id": "n1", "date": "2017-05", "text": "Un octet nul\u0000 ici."}),
        json.dumps({"id": "t1", "date": "2017-05", "text": "Un bon texte.", "title": "Titre\u0000"}),
        json.dumps({"id": "i\ud800", "date": "2017-05", "text": "Un bon texte."}),
        json.dumps({"id": "u1", "date": "2017-05", "text": "Un bon texte.", "source": "site\udfff"}),
    ]
    p = tmp_path / "in.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_file(str(p)))
    assert [i.id for i in items if isinstance(i, Article)] == ["ok"]
    bad = {i.line: i for i in items if isinstance(i, DatelineError)}
    assert {n: e.code for n, e in bad.items()} == {
        1: "bad-text",
        3: "bad-text",
        4: "bad-text",
        5: "bad-text",
        6: "bad-text",
    }
    assert "lone surrogate (U+D83D) at character 15" in bad[1].reason
    assert "NUL character (U+0000) at character 12" in bad[3].reason
    assert "the title holds" in bad[4].reason and "the id holds" in bad[5].reason and "the source" in bad[6].reason
    # A NUL past the binary sniff of a header-format file is refused the same way.
    h = tmp_path / "late-nul.txt"
    h.write_text("date 2017-05 " + "Une phrase banale. " * 1000 + "\x00 fin.", encoding="utf-8")
    err = _one(h)
    assert isinstance(err, DatelineError) and err.code == "bad-text" and err.source == str(h)
    # And through the Python API.
    with pytest.raises(DatelineError) as exc:
        Article.make("Texte \ud800.", "2017")
    assert exc.value.code == "bad-text"


def test_json_values_of_the_wrong_type_are_refused_not_printed_as_python(tmp_path: Path) -> None:
    base = {"date": "2017-05", "text": "Le conseil municipal a voté le budget."}
    lines = [
        json.dumps({**base, "id": 12}),
        json.dumps({**base, "id": [1, 2]}),
        json.dumps({**base, "id": {"a": 1}}),
        json.dumps({**base, "id": True}),
        json.dumps({**base, "title": ["a"]}),
        json.dumps({**base, "text": 42}),
        json.dumps({**base, "date": ["2017"]}),
        json.dumps({**base, "id": "y", "date": 2017}),
        json.dumps({**base, "lang": {"code": "fr"}}),
        '{"id": 1' + "0" * 5000 + ', "date": "2017", "text": "Un nombre trop long."}',
        "[" * 5000 + "]" * 5000,
        json.dumps({**base, "id": "x" * 501}),
        json.dumps({**base, "id": "z", "date": "2017-05-" + "9" * 100_000}),
    ]
    p = tmp_path / "types.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_file(str(p)))
    arts = {i.origin: i for i in items if isinstance(i, Article)}
    assert [a.id for a in arts.values()] == ["12", "y"]
    assert next(iter(arts.values())).id == "12" and arts[f"{p}:8"].dct.value == "2017"
    bad = {i.line: i for i in items if isinstance(i, DatelineError)}
    assert {n: e.code for n, e in bad.items()} == {
        2: "bad-json",
        3: "bad-json",
        4: "bad-json",
        5: "bad-json",
        6: "bad-json",
        7: "bad-date",
        9: "bad-json",
        10: "bad-json",
        11: "bad-json",
        12: "too-large",
        13: "bad-date",
    }
    assert "'id' must be a string, not an array" in bad[2].reason
    assert "'text' must be a string" in bad[6].reason
    # A bad value is shown cut to a readable length, with its length said.
    assert len(str(bad[13])) < 400 and "100,008 characters" in bad[13].reason


def test_a_file_name_that_is_not_utf8_is_shown_escaped(tmp_path: Path) -> None:
    import os

    name = os.fsdecode(b"caf\xe9.jsonl")  # Latin-1 bytes in a file name: a lone surrogate in Python
    (tmp_path / name).write_text(json.dumps({"date": "2017", "text": "Un texte."}) + "\n", encoding="utf-8")
    (art,) = list(read_paths([str(tmp_path)]))
    assert isinstance(art, Article) and art.origin == f"{tmp_path}/caf\\xe9.jsonl:1"
    art.origin.encode("utf-8")  # printable and storable


# -- files that are not regular files, folders that cannot be listed ---------------------------------------


def test_fifos_sockets_and_devices_are_refused_without_blocking(tmp_path: Path) -> None:
    import os
    import socket

    (tmp_path / "a.txt").write_text("date 2017 Un texte.", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.jsonl")
    os.mkfifo(tmp_path / "pipe.txt.gz")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp_path / "sock.txt"))
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    try:
        items = _within(20, lambda: list(read_paths([str(tmp_path), "/dev/null"])))
    finally:
        sock.close()
    assert [i.text for i in items if isinstance(i, Article)] == ["Un texte."]
    errors = {Path(e.source or "").name: e for e in items if isinstance(e, DatelineError)}
    assert {n: e.code for n, e in errors.items()} == dict.fromkeys(
        ["pipe.jsonl", "pipe.txt.gz", "sock.txt", "zero.txt", "null"], "unreadable"
    )
    assert "named pipe (FIFO)" in errors["pipe.jsonl"].reason and "socket" in errors["sock.txt"].reason
    assert "device" in errors["zero.txt"].reason and errors["null"].hint


def test_a_fifo_swapped_in_after_the_check_does_not_block(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The file is looked at again once opened (non-blocking): a FIFO that replaced a regular file between
    # the check and the open is refused, not waited on.
    import os

    from dateline.readers import files

    regular = os.stat(__file__)
    fifo = tmp_path / "swapped.txt"
    os.mkfifo(fifo)
    monkeypatch.setattr(files.os, "stat", lambda path, *a, **k: regular)
    err = _within(20, lambda: _one(fifo))
    assert isinstance(err, DatelineError) and err.code == "unreadable" and "FIFO" in err.reason


def test_a_folder_that_cannot_be_listed_is_an_error_not_an_empty_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The tests run as root, who may list a chmod 000 folder: the refusal is simulated where the operating
    # system would give it, os.scandir raising PermissionError for that one folder (and a forked process
    # that gives up root checks the real refusal, below).
    import os

    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_text("date 2017 Un texte.", encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text("date 2017 Un autre texte.", encoding="utf-8")
    real = os.scandir

    def scandir(path: str) -> object:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = list(read_paths([str(tmp_path)]))
    assert [i.text for i in items if isinstance(i, Article)] == ["Un texte."]
    (err,) = [i for i in items if isinstance(i, DatelineError)]
    assert err.code == "unreadable" and err.source == str(locked) and "Permission denied" in err.reason
    assert "nothing under it was read" in err.reason


def test_a_folder_an_unprivileged_user_cannot_list_is_reported() -> None:
    # The real thing: a child process drops root for 'nobody' and lists a chmod 000 folder beside one it
    # may list (the control: 'nobody' reaches both). Only the reader runs there, already imported: the
    # interpreter's own files are not readable by 'nobody'.
    import multiprocessing
    import os
    import shutil
    import tempfile

    if os.geteuid() != 0:
        pytest.skip("needs root to become another user")
    top = Path(tempfile.mkdtemp(prefix="dl-nobody-", dir="/tmp"))
    try:
        top.chmod(0o755)
        for name in ("open", "locked"):
            (top / name).mkdir()
            (top / name / "a.txt").write_text("date 2017 Un texte.", encoding="utf-8")
        (top / "locked").chmod(0)
        ctx = multiprocessing.get_context("fork")
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_list_as_nobody, args=([str(top / "open"), str(top / "locked")], child))
        proc.start()
        assert parent.poll(30), "the child process did not answer"
        answer = parent.recv()
        proc.join(10)
    finally:
        (top / "locked").chmod(0o755)
        shutil.rmtree(top)
    assert answer == [("article", str(top / "open" / "a.txt")), ("unreadable", str(top / "locked"))]


def _list_as_nobody(folders: list[str], conn: object) -> None:
    import os

    os.setgid(65534)
    os.setuid(65534)
    try:
        result = [
            (e.code, e.source) if isinstance(e, DatelineError) else ("article", e.origin) for e in read_paths(folders)
        ]
    except BaseException as exc:  # the parent must hear of it
        result = [("crash", repr(exc))]
    conn.send(result)  # type: ignore[attr-defined]


def _within(seconds: float, work: object) -> object:
    """Run ``work()`` in a thread; fail (instead of hanging the suite) if it takes longer than ``seconds``."""
    import threading

    out: list[object] = []
    t = threading.Thread(target=lambda: out.append(work()), daemon=True)  # type: ignore[operator]
    t.start()
    t.join(seconds)
    assert not t.is_alive(), f"still blocked after {seconds} s"
    return out[0]


def test_a_reader_that_breaks_costs_its_file_not_the_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dateline.readers import jsonl

    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.jsonl").write_text(
            json.dumps({"id": name, "date": "2017", "text": f"Texte {name}."}) + "\n", encoding="utf-8"
        )
    real = jsonl.article_from_mapping

    def broken(obj: object, **kw: object) -> Article:
        if isinstance(obj, dict) and obj.get("id") == "b":
            raise IndexError("a bug in a reader")
        return real(obj, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(jsonl, "article_from_mapping", broken)
    items = list(read_paths([str(tmp_path), "nul\x00name.txt"]))
    assert [i.id for i in items if isinstance(i, Article)] == ["a", "c"]
    errors = [i for i in items if isinstance(i, DatelineError)]
    assert [(Path(e.source or "").name, e.code) for e in errors] == [
        ("b.jsonl", "unreadable"),
        ("nul\x00name.txt", "unreadable"),
    ]
    assert "IndexError: a bug in a reader" in errors[0].reason


def test_one_path_is_a_list_of_one_and_not_a_path_is_an_error(tmp_path: Path) -> None:
    # read_paths("articles/") used to read the letters of the name, each a missing file.
    (tmp_path / "a.txt").write_text("date 2017 Un texte.", encoding="utf-8")
    for given in (str(tmp_path), tmp_path, [tmp_path], [str(tmp_path / "a.txt")]):
        assert [a.text for a in read_paths(given) if isinstance(a, Article)] == ["Un texte."], given  # type: ignore[arg-type]
    (err,) = list(read_paths([42]))  # type: ignore[list-item]
    assert isinstance(err, DatelineError) and err.code == "bad-argument"
