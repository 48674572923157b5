"""Faults during a run: a dying worker, a killed run, a full disk, a store deleted under the run, a
database server that goes away, refuses writes or cannot be reached.

Each must be reported clearly, and the run — resumed if it had to stop — must end with every good
article stored exactly once and no half-written article.
"""

from __future__ import annotations

import gzip
import json
import multiprocessing
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from dateline.article import Article
from dateline.engines.local import analyse_batches
from dateline.errors import DatelineError
from dateline.ingest import IngestSummary, ingest
from dateline.store import open_store

from dl_testing import Databases

CITIES = ["Lyon", "Marseille", "Toulouse", "Nantes", "Bordeaux", "Lille", "Rennes", "Grenoble"]
PEOPLE = ["Claire Dubois", "Marc Lefèvre", "Sophie Martin", "Paul Girard", "Nadia Benali", "Hugo Perrin"]


def _corpus(path: Path, n: int) -> Path:
    """``n`` short French articles of our own, as JSONL, each one distinct."""
    with open(path, "w", encoding="utf-8") as out:
        for i in range(n):
            who, city = PEOPLE[i % len(PEOPLE)], CITIES[i % len(CITIES)]
            day = 1 + i % 28
            text = (
                f"{who} a inauguré le {day} mars une médiathèque à {city}, la {i + 1}e du département. "
                f"« Ce lieu appartient aux habitants », a déclaré {who.split()[0]}, entourée des élus de {city}. "
                f"Les travaux avaient commencé en 2015 et ont coûté {3 + i % 7} millions d'euros."
            )
            out.write(json.dumps({"id": f"a{i:04d}", "date": "2017-03", "text": text}, ensure_ascii=False) + "\n")
    return path


def _article_ids(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]
    finally:
        conn.close()


def _assert_whole(db: Path | str, n: int) -> None:
    """Every article once, each with the entities its own record lists (nothing half-written)."""
    with open_store(db, readonly=True) as store:
        conn = store.conn
        ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]
        assert ids == [f"a{i:04d}" for i in range(n)]
        for rowid, record in conn.execute("SELECT rowid, record FROM articles").fetchall():
            stored = conn.execute("SELECT COUNT(*) FROM entities WHERE article_rowid = ?", (rowid,)).fetchone()[0]
            assert stored == len(json.loads(record)["entities"]) > 0
        (dirty,) = conn.execute("SELECT count(*) FROM dirty_blocks").fetchone()
        assert dirty == 0  # and every name is clustered


def test_local_pool_survives_a_killed_worker(tmp_path: Path) -> None:
    path = _corpus(tmp_path / "in.jsonl", 40)
    from dateline.readers import read_file

    arts: list[Article | DatelineError] = list(read_file(str(path)))
    batches = [arts[i : i + 5] for i in range(0, len(arts), 5)]
    killed: list[int] = []

    def feed() -> Iterator[list[Article | DatelineError]]:
        for i, batch in enumerate(batches):
            if i == 3:
                # Three batches are in flight on a pool still loading its model: kill one worker.
                children = multiprocessing.active_children()
                assert children
                os.kill(children[0].pid or 0, signal.SIGKILL)
                killed.append(children[0].pid or 0)
            yield batch

    pooled = [r for _, rs in analyse_batches(feed(), workers=2, lang="fr") for r in rs]
    alone = [r for _, rs in analyse_batches(iter(batches), workers=1, lang="fr") for r in rs]
    assert killed
    assert all(isinstance(r, dict) for r in pooled), [r for r in pooled if not isinstance(r, dict)][:3]
    assert [json.dumps(r, sort_keys=True) for r in pooled] == [json.dumps(r, sort_keys=True) for r in alone]


def test_a_batch_that_keeps_breaking_the_pool_is_given_up_not_retried_forever(tmp_path: Path) -> None:
    from dateline.engines.local import MAX_POOL_BREAKS
    from dateline.readers import read_file

    arts: list[Article | DatelineError] = list(read_file(str(_corpus(tmp_path / "in.jsonl", 6))))
    batches = [arts[:3], arts[3:]]
    # Workers that cannot start (no model for this language) break every pool they are in: each batch
    # in turn is blamed until it has broken MAX_POOL_BREAKS pools, then reported, and the run ends.
    out = [r for _, rs in analyse_batches(iter(batches), workers=2, lang="xx") for r in rs]
    assert [type(r) for r in out] == [DatelineError] * 6
    assert {r.code for r in out if isinstance(r, DatelineError)} == {"worker-died"}
    assert [r.source for r in out if isinstance(r, DatelineError)] == [a.origin for a in arts if isinstance(a, Article)]
    assert str(MAX_POOL_BREAKS) in str(out[0])


def _stored_count(db: str) -> int | None:
    """How many articles the store at ``db`` holds, or None while it has no schema yet."""
    try:
        with open_store(db, readonly=True) as store:
            return int(store.conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except (DatelineError, sqlite3.Error):
        return None


def test_killed_run_resumes_without_duplicates_or_losses(tmp_path: Path, dbs: Databases) -> None:
    n = 120
    path = _corpus(tmp_path / "in.jsonl", n)
    db = dbs.new()
    cmd = [sys.executable, "-m", "dateline", "ingest", str(path), "--db", db, "--quiet"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        stored = _stored_count(db) or 0
        if stored >= 64:
            break
    assert proc.poll() is None, "the run ended before it could be killed; make the corpus larger"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 0 < stored < n
    # Killed between two batches or in the middle of one: what is there is whole.
    assert 0 < (_stored_count(db) or 0) < n
    done = subprocess.run(cmd[:-1], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "failed 0" in done.stderr
    resumed = int(done.stderr.split("unchanged ")[1].split(",")[0])
    assert resumed >= stored  # the articles of the killed run were not analysed again
    _assert_whole(db, n)


def test_full_disk_is_reported_and_the_run_resumes(tmp_path: Path) -> None:
    n = 24
    path = _corpus(tmp_path / "in.jsonl", n)
    db = tmp_path / "full.db"
    with open_store(db) as store:
        ingest([str(_corpus(tmp_path / "first.jsonl", 8))], store, lang="fr", batch_size=8)
        # SQLite's own cap on the file's size stands in for a disk that fills up: two pages more than
        # now, less than any batch of 8 articles needs.
        (pages,) = store.conn.execute("PRAGMA page_count").fetchone()
        store.conn.execute(f"PRAGMA max_page_count = {pages + 2}")
        with pytest.raises(DatelineError) as err:
            ingest([str(path)], store, lang="fr", batch_size=8)
        assert err.value.code == "store-full"
        assert "run the same command again" in (err.value.hint or "")
    ids = _article_ids(db)
    assert ids == [f"a{i:04d}" for i in range(8)]  # the failed batch left nothing behind
    with open_store(db) as store:
        summary = ingest([str(path)], store, lang="fr", batch_size=8)
    assert summary.ok and summary.unchanged == len(ids) and summary.stored == n - len(ids)
    _assert_whole(db, n)


def test_corrupt_shards_are_reported_and_the_repaired_run_stores_each_article_once(tmp_path: Path) -> None:
    # Three gzipped shards of 12 articles: one whole, one cut short (an interrupted copy), one with two
    # bytes flipped in the middle (a damaged disk or transfer).
    whole = []
    for k in range(3):
        plain = _corpus(tmp_path / f"s{k}.jsonl", 36).read_text(encoding="utf-8").splitlines(keepends=True)
        whole.append(gzip.compress("".join(plain[12 * k : 12 * k + 12]).encode("utf-8")))
    shards = [tmp_path / f"shard{k}.jsonl.gz" for k in range(3)]
    shards[0].write_bytes(whole[0])
    shards[1].write_bytes(whole[1][: len(whole[1]) * 2 // 3])
    damaged = bytearray(whole[2])
    damaged[len(damaged) // 2] ^= 0xFF
    damaged[len(damaged) // 2 + 1] ^= 0xFF
    shards[2].write_bytes(bytes(damaged))
    db = tmp_path / "shards.db"
    with open_store(db) as store:
        first = ingest([str(s) for s in shards], store, lang="fr", batch_size=8)
    assert not first.ok
    by_code = {e.code: e for e in first.failures}
    assert set(by_code) == {"truncated-file", "corrupt-file"}
    cut = by_code["truncated-file"]
    assert cut.source == str(shards[1]) and cut.line is not None and 1 < cut.line <= 12
    assert f"lines 1-{cut.line - 1} were read" in cut.reason
    assert by_code["corrupt-file"].source == str(shards[2]) and "nothing was read" in by_code["corrupt-file"].reason
    # The whole shard and the complete lines of the cut one are stored; nothing of the damaged one.
    kept = [f"a{i:04d}" for i in range(12 + cut.line - 1)]
    assert _article_ids(db) == kept
    # The shards are copied again, whole; the same command finishes the run.
    for shard, data in zip(shards, whole, strict=True):
        shard.write_bytes(data)
    with open_store(db) as store:
        second = ingest([str(s) for s in shards], store, lang="fr", batch_size=8)
    assert second.ok and second.unchanged == len(kept) and second.stored == 36 - len(kept)
    _assert_whole(db, 36)


def test_store_deleted_during_a_run_is_an_error_not_a_silent_loss(tmp_path: Path) -> None:
    path = _corpus(tmp_path / "in.jsonl", 16)
    db = tmp_path / "gone.db"
    with open_store(db) as store:
        ingest([str(path)], store, lang="fr", batch_size=8)
        db.unlink()
        with pytest.raises(DatelineError) as err:
            ingest([str(_corpus(tmp_path / "more.jsonl", 20))], store, lang="fr", batch_size=8)
    assert err.value.code == "store-gone"


def test_dask_run_survives_a_killed_worker(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    from distributed import Client, LocalCluster

    from dateline.engines.dask import analyse_batches_dask
    from dateline.readers import read_file

    arts: list[Article | DatelineError] = list(read_file(str(_corpus(tmp_path / "in.jsonl", 40))))
    batches = [arts[i : i + 5] for i in range(0, len(arts), 5)]
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        pids = list(client.run(os.getpid).values())
        killed: list[int] = []

        def feed() -> Iterator[list[Article | DatelineError]]:
            for i, batch in enumerate(batches):
                if i == 3:  # batches are in flight on both workers: kill one (its nanny starts another)
                    os.kill(pids[0], signal.SIGKILL)
                    killed.append(pids[0])
                yield batch

        dask = [r for _, rs in analyse_batches_dask(feed(), scheduler=cluster.scheduler_address, lang="fr") for r in rs]
    alone = [r for _, rs in analyse_batches(iter(batches), workers=1, lang="fr") for r in rs]
    assert killed
    assert [json.dumps(r, sort_keys=True) for r in dask] == [json.dumps(r, sort_keys=True) for r in alone]


# -- a PostgreSQL store -------------------------------------------------------------------------------------


def _stored_ids(url: str) -> list[str]:
    with open_store(url, readonly=True) as store:
        return [r[0] for r in store.conn.execute("SELECT id FROM articles ORDER BY id")]


def _ingest_until(url: str, path: Path, fault: Callable[[], None], after: int) -> DatelineError:
    """Ingest ``path`` in batches of 8, calling ``fault`` once ``after`` articles are stored; return the
    error the run ends with."""
    done: list[bool] = []

    def progress(s: IngestSummary) -> None:
        if s.stored >= after and not done:
            done.append(True)
            fault()

    with open_store(url) as store, pytest.raises(DatelineError) as err:
        ingest([str(path)], store, lang="fr", batch_size=8, on_progress=progress)
    assert done
    return err.value


def _resume(url: str, path: Path, n: int, before: int) -> None:
    with open_store(url) as store:
        summary = ingest([str(path)], store, lang="fr", batch_size=8)
    assert summary.ok and summary.unchanged == before and summary.stored == n - before
    _assert_whole(url, n)


def test_postgres_session_killed_mid_run_is_reported_and_the_run_resumes(tmp_path: Path, pg_admin: str) -> None:
    from dateline.store.pgcluster import create_database, terminate_sessions

    n = 24
    path = _corpus(tmp_path / "in.jsonl", n)
    name = f"dl_killed_{os.getpid()}"
    url = create_database(pg_admin, name)
    err = _ingest_until(url, path, lambda: terminate_sessions(pg_admin, name), after=8)
    assert err.code == "store-gone", err
    assert "run the same command again" in (err.hint or "")
    stored = _stored_ids(url)
    assert stored == [f"a{i:04d}" for i in range(8)]
    _resume(url, path, n, len(stored))


def test_postgres_server_going_away_mid_run_is_reported_and_the_run_resumes(tmp_path: Path, pg_admin: str) -> None:
    # A server of its own, stopped at once (as a crash would) after the first batch, then started again.
    from dateline.store.pgcluster import LocalCluster, create_database, find_bindir

    if find_bindir() is None:
        pytest.skip("needs PostgreSQL's server binaries to stop and start a server")
    n = 24
    path = _corpus(tmp_path / "in.jsonl", n)
    with LocalCluster() as cluster:
        url = create_database(cluster.admin_url, "gone")
        err = _ingest_until(url, path, cluster.halt, after=8)
        assert err.code == "store-gone", err
        assert "was lost" in err.reason and "***" not in err.reason
        with pytest.raises(DatelineError) as down:
            open_store(url)
        assert down.value.code == "store-unreachable"
        cluster.resume()
        stored = _stored_ids(url)
        assert stored == [f"a{i:04d}" for i in range(8)]
        _resume(url, path, n, len(stored))


def test_postgres_full_disk_is_reported_and_the_run_resumes(tmp_path: Path, pg_admin: str) -> None:
    from dateline.store.pgcluster import create_database

    n = 24
    path = _corpus(tmp_path / "in.jsonl", n)
    url = create_database(pg_admin, f"dl_full_{os.getpid()}")
    # The server's own "disk full" error (SQLSTATE 53100), raised where a real one would be: on writing
    # rows, once the first batch is in.
    full = """CREATE FUNCTION disk_full() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
                RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = 'disk_full';
              END $$"""

    def fill() -> None:
        with open_store(url) as other:
            other.conn.execute(full)
            other.conn.execute(
                "CREATE TRIGGER no_space BEFORE INSERT ON mentions FOR EACH ROW EXECUTE FUNCTION disk_full()"
            )

    err = _ingest_until(url, path, fill, after=8)
    assert err.code == "store-full", err
    assert "run the same command again" in (err.hint or "")
    assert _stored_ids(url) == [f"a{i:04d}" for i in range(8)]  # the failed batch left nothing behind
    with open_store(url) as store:
        store.conn.execute("DROP TRIGGER no_space ON mentions")
    _resume(url, path, n, 8)


def test_postgres_read_only_database_is_reported(tmp_path: Path, pg_admin: str) -> None:
    from dateline.store.pgcluster import create_database

    path = _corpus(tmp_path / "in.jsonl", 4)
    name = f"dl_ro_{os.getpid()}"
    url = create_database(pg_admin, name)
    open_store(url).close()  # the schema is there
    import psycopg

    with psycopg.connect(pg_admin, autocommit=True) as admin:
        admin.execute(f"ALTER DATABASE {name} SET default_transaction_read_only = on")
    with open_store(url) as store, pytest.raises(DatelineError) as err:
        ingest([str(path)], store, lang="fr")
    assert err.value.code == "store-readonly", err.value


def test_postgres_unreachable_or_missing_database_is_a_clear_error(pg_admin: str) -> None:
    from click.testing import CliRunner

    from dateline.cli import main

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    res = CliRunner().invoke(main, ["articles", "--db", f"postgresql://me:secret@127.0.0.1:{port}/news"])
    assert res.exit_code == 1
    assert "store-unreachable" in res.output and "secret" not in res.output, res.output
    res = CliRunner().invoke(main, ["ingest", "x.txt", "--db", pg_admin.rsplit("/", 1)[0] + "/no_such_db"])
    assert res.exit_code == 1 and "no-store" in res.output, res.output


# -- a store that cannot be created or opened --------------------------------------------------------------


def test_creating_a_store_on_a_full_disk_is_store_full_and_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # SQLite's own cap on a file's size (two pages) stands in for a disk that is full when the store is
    # created: the error is the database engine's, raised while the schema is written.
    real = sqlite3.connect

    def capped(*args: object, **kw: object) -> sqlite3.Connection:
        conn = real(*args, **kw)  # type: ignore[arg-type]
        conn.execute("PRAGMA max_page_count = 2")
        return conn

    monkeypatch.setattr(sqlite3, "connect", capped)
    db = tmp_path / "new.db"
    with pytest.raises(DatelineError) as err:
        open_store(db)
    assert err.value.code == "store-full" and "free disk space" in (err.value.hint or "")
    assert "creating the store" in err.value.reason
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # no 0-byte file, no WAL left behind


def test_creating_a_store_on_a_really_full_file_system(tmp_path: Path) -> None:
    # The same on a real file system: a 64 KiB tmpfs filled to leave a little room, less, or none (SQLite
    # says "disk is full" or, when its shared-memory file cannot grow, "disk I/O error"). Needs the right
    # to mount (root in a container that allows it); skipped otherwise.
    import shutil

    mnt = tmp_path / "mnt"
    mnt.mkdir()
    if (
        shutil.which("mount") is None
        or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mnt)], capture_output=True).returncode
    ):
        pytest.skip("cannot mount a tmpfs here")
    try:
        for free in (4_000, 24_000, 44_000):
            (mnt / "fill").write_bytes(b"\0" * (64 * 1024 - free))
            with pytest.raises(DatelineError) as err:
                open_store(mnt / "new.db")
            assert err.value.code == "store-full", (free, err.value)
            assert sorted(p.name for p in mnt.iterdir()) == ["fill"], free
            (mnt / "fill").unlink()
    finally:
        subprocess.run(["umount", str(mnt)], check=False)


def test_stores_that_cannot_be_opened_are_clear_errors(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from dateline.cli import main

    garbage = tmp_path / "notes.db"
    garbage.write_text("pas une base de données\n" * 200, encoding="utf-8")
    cases = {  # the store: (the code opening it to write, to read)
        str(garbage): ("store-unusable", "store-unusable"),  # not a SQLite file: left as it was
        str(tmp_path / "no" / "such" / "folder.db"): ("store-unusable", "no-store"),
        str(tmp_path): ("store-unusable", "store-unusable"),  # a folder
    }
    for db, codes in cases.items():
        for readonly, code in zip((False, True), codes, strict=True):
            with pytest.raises(DatelineError) as err:
                open_store(db, readonly=readonly)
            assert err.value.code == code, (db, readonly, err.value)
            assert err.value.hint
        code = codes[0]
        res = CliRunner().invoke(main, ["ingest", "x.jsonl", "--db", db])
        assert res.exit_code == 1 and code in res.output and "Traceback" not in res.output, res.output
    assert garbage.read_text(encoding="utf-8").startswith("pas une base")
    assert not (tmp_path / "no").exists()


def test_a_folder_or_store_that_is_not_writable_is_store_readonly(tmp_path: Path) -> None:
    # As root everything is writable: a forked child gives up root for 'nobody' (the store modules are
    # already imported; the interpreter's own files are not readable by 'nobody') and tries there.
    import shutil
    import tempfile

    if os.geteuid() != 0:
        pytest.skip("needs root to become another user")
    top = Path(tempfile.mkdtemp(prefix="dl-ro-", dir="/tmp"))
    try:
        top.chmod(0o755)  # root's: 'nobody' may read it, not write in it
        with open_store(top / "existing.db") as store:
            store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        for p in top.iterdir():
            p.chmod(0o644)
        ctx = multiprocessing.get_context("fork")
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_open_as_nobody, args=([str(top / "new.db"), str(top / "existing.db")], child))
        proc.start()
        assert parent.poll(60), "the child process did not answer"
        answers = parent.recv()
        proc.join(10)
        left = sorted(p.name for p in top.iterdir())
    finally:
        shutil.rmtree(top)
    assert [a[0] for a in answers] == ["store-readonly", "store-readonly"], answers
    assert "creating the store" in answers[0][1] and "opening the store" in answers[1][1]
    assert "existing.db" in left and "new.db" not in left


def _open_as_nobody(paths: list[str], conn: object) -> None:
    os.setgid(65534)
    os.setuid(65534)
    answers = []
    for path in paths:
        try:
            open_store(path).close()
            answers.append(("opened", ""))
        except DatelineError as err:
            answers.append((err.code, err.reason))
        except BaseException as exc:  # the parent must hear of it
            answers.append(("crash", repr(exc)))
    conn.send(answers)  # type: ignore[attr-defined]


def test_postgres_user_who_may_not_create_the_schema_gets_store_readonly(pg_admin: str) -> None:
    import psycopg

    from dateline.store.pgcluster import create_database, drop_database

    name = f"dl_norights_{os.getpid()}"
    url = create_database(pg_admin, name)
    with psycopg.connect(pg_admin, autocommit=True) as admin:
        admin.execute("DROP ROLE IF EXISTS dl_guest")
        admin.execute("CREATE ROLE dl_guest LOGIN")
    guest = url.replace("://postgres@", "://dl_guest@", 1)
    assert guest != url, url
    try:
        with pytest.raises(DatelineError) as err:
            open_store(guest)
        assert err.value.code == "store-readonly", err.value
        assert "opening the store" in err.value.reason and "CREATE EXTENSION" in (err.value.hint or "")
    finally:
        drop_database(pg_admin, name)
        with psycopg.connect(pg_admin, autocommit=True) as admin:
            admin.execute("DROP ROLE IF EXISTS dl_guest")


# -- inputs that are not regular files, folders that cannot be listed ---------------------------------------


def _invoke_within(seconds: float, args: list[str]) -> object:
    """The CLI in this process, in a thread: fail (rather than hang the suite) if it takes too long."""
    import threading

    from click.testing import CliRunner

    from dateline.cli import main

    out: list[object] = []
    t = threading.Thread(target=lambda: out.append(CliRunner().invoke(main, args)), daemon=True)
    t.start()
    t.join(seconds)
    assert not t.is_alive(), f"the ingest still runs after {seconds} s: blocked on a non-regular file?"
    return out[0]


def test_a_fifo_in_an_input_folder_is_reported_and_the_rest_ingested(tmp_path: Path) -> None:
    # A named pipe nobody writes to: opening it to read would wait for ever (the run used to hang).
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    _corpus(folder / "a.jsonl", 3)
    os.mkfifo(folder / "b-pipe.jsonl")
    os.mkfifo(folder / "sub" / "c-pipe.txt")
    db = tmp_path / "fifo.db"
    res: Any = _invoke_within(120, ["ingest", str(folder), "--db", str(db), "--lang", "fr"])
    assert res.exit_code == 1, res.output
    for pipe in ("b-pipe.jsonl", "sub/c-pipe.txt"):
        assert f"{folder / pipe}: unreadable: is a named pipe (FIFO)" in res.output, res.output
    assert "read 5, stored 3, replaced 0, unchanged 0, skipped 0, failed 2" in res.output
    assert _article_ids(db) == ["a0000", "a0001", "a0002"]


def test_a_folder_that_cannot_be_listed_fails_the_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # As root a chmod 000 folder can be listed: the refusal is made where the system gives it, os.scandir
    # raising PermissionError for that folder (tests/test_readers.py also checks it for real, as 'nobody').
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    _corpus(folder / "a.jsonl", 2)
    _corpus(folder / "locked" / "b.jsonl", 2)
    real = os.scandir

    def scandir(path: Any) -> Any:
        if Path(path) == folder / "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    db = tmp_path / "locked.db"
    res: Any = _invoke_within(120, ["ingest", str(folder), "--db", str(db), "--lang", "fr"])
    assert res.exit_code == 1, res.output
    assert f"{folder / 'locked'}: unreadable: cannot list the folder: Permission denied" in res.output
    assert "read 3, stored 2, replaced 0, unchanged 0, skipped 0, failed 1" in res.output
    # A folder that cannot be listed at all is a failure too, not "read 0" and success.
    res = _invoke_within(120, ["ingest", str(folder / "locked"), "--db", str(db)])
    assert res.exit_code == 1 and "read 1, stored 0" in res.output and "unreadable" in res.output, res.output
