"""Load test of ``dateline serve`` on loopback, beside the same queries made directly through the Python API.

For each endpoint group (entity detail, timeline, quotes by speaker, events by actor, full-text search),
on the most mentioned entities of the store, ``--duration`` seconds of each side, in ``--rounds``
alternating phases (so that a change in the load of the machine falls on both sides alike):

1. direct: ``--clients`` threads, each with its own read-only store, make the very store call the
   endpoint makes (``Store.entity``, ``Store.timeline``, ``Store.quotes``, ``Store.events``,
   ``Store.search``) with the same arguments: the same filters and the same limit (a page of
   ``--limit`` rows plus one, which tells the endpoint whether there is a next page);
2. http: the app runs in its own uvicorn process on a free loopback port, set up as ``dateline serve``
   sets it up, and ``--clients`` concurrent clients, each on its own keep-alive connection, request the
   matching URL (``/api/entities/{id}``, ``/api/timeline``, ``/api/quotes``, ``/api/events``,
   ``/api/search``) and read the whole answer.

Both sides are closed loops of the same number of clients: a client sends its next request when the
previous one has been answered. Before timing, every URL is requested once and its rows compared with the
direct call's, so both sides are known to answer the same query. The first ``--warmup`` seconds of each
phase are not counted (connections being opened, caches filling).

The HTTP clients are a minimal HTTP/1.1 client on asyncio streams rather than httpx: the server and its
load generator share the machine's cores, and httpx spends more CPU per request than the server (2.7 ms
against about 1 ms for a quotes page, measured on 2 cores; this client 0.05-0.1 ms), which would be
counted as the server's latency. The CPU used per request by the server, by the
load generator and by the direct calls is reported beside the latencies, to tell the cost of the HTTP
layer from the load of the machine.

It prints one table (per group: HTTP and direct p50/p95 in ms, the HTTP/direct p95 ratio, requests/s and
errors on both sides) and writes the same as JSON with ``--out``. Example::

    python bench/api_load.py --db fr_tvnews_2017.db --clients 20 --duration 30
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from statistics import quantiles
from typing import Any
from urllib.parse import quote, urlencode

from dateline.api.app import DEFAULT_LIMIT
from dateline.store import Store, open_store

GROUPS = ("entity", "timeline", "quotes", "events", "search")
HOST = "127.0.0.1"


@dataclass(frozen=True)
class Case:
    """One query, as a direct store call and as the URL of the endpoint that makes it."""

    direct: Callable[[Store], Any]
    target: str


def make_cases(db: str, n: int, limit: int) -> dict[str, list[Case]]:
    """The queries of each group on the ``n`` most mentioned entities (the ones people look at, and the
    heaviest timelines). Search looks for each entity's name."""
    with open_store(db, readonly=True) as s:
        top = [(r["id"], r["name"]) for r in s.entities(top=n)]

    def url(path: str, **params: Any) -> str:
        return path + "?" + urlencode({**params, "limit": limit})

    # The endpoints fetch limit + 1 rows (one more than the page, to know whether there is a next one).
    k = limit + 1
    out: dict[str, list[Case]] = {g: [] for g in GROUPS}
    for cid, name in top:
        out["entity"].append(Case(lambda s, c=cid: s.entity(c), "/api/entities/" + quote(cid, safe="")))
        out["timeline"].append(Case(lambda s, c=cid: s.timeline(c, limit=k), url("/api/timeline", entity=cid)))
        out["quotes"].append(Case(lambda s, c=cid: s.quotes(speaker=c, limit=k), url("/api/quotes", speaker=cid)))
        out["events"].append(Case(lambda s, c=cid: s.events(actor=c, limit=k), url("/api/events", actor=cid)))
        out["search"].append(Case(lambda s, w=name: s.search(w, limit=k), url("/api/search", q=name)))
    return out


def summarise(lat: list[float], errors: int, wall: float, cpu: float) -> dict[str, Any]:
    xs = sorted(lat)
    if len(xs) >= 2:
        qs = quantiles(xs, n=100, method="inclusive")
        p50, p95 = qs[49], qs[94]
    else:
        p50 = p95 = xs[0] if xs else float("nan")
    out = {
        "n": len(xs),
        "errors": errors,
        "p50_ms": round(p50 * 1000, 2),
        "p95_ms": round(p95 * 1000, 2),
        "rps": round(len(xs) / wall, 1),
        "cpu_ms_per_request": round(cpu * 1000 / max(1, len(xs) + errors), 3),
    }
    return out


def run_direct(
    db: str, cases: list[Case], clients: int, duration: float, warmup: float
) -> tuple[list[float], int, float]:
    """Latencies and errors of the calls made after the warm-up, and the CPU time the phase used."""
    lat: list[float] = []
    errors = 0
    lock = threading.Lock()
    stores = [open_store(db, readonly=True) for _ in range(clients)]
    start = time.monotonic()
    counted, stop = start + warmup, start + warmup + duration

    def worker(c: int) -> None:
        nonlocal errors
        s, i = stores[c], c * 7
        local: list[float] = []
        bad = 0
        while (now := time.monotonic()) < stop:
            case = cases[i % len(cases)]
            i += 1
            t = time.perf_counter()
            try:
                case.direct(s)
            except Exception:
                bad += now >= counted
                continue
            if now >= counted:
                local.append(time.perf_counter() - t)
        with lock:
            lat.extend(local)
            errors += bad

    cpu0 = time.process_time()
    threads = [threading.Thread(target=worker, args=(c,)) for c in range(clients)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    cpu = time.process_time() - cpu0
    for s in stores:
        s.close()
    return lat, errors, cpu


class Conn:
    """One keep-alive HTTP/1.1 connection: GET a target, read the whole answer."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, target: str) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(HOST, self.port)
        assert self.reader is not None
        self.writer.write(f"GET {target} HTTP/1.1\r\nHost: {HOST}\r\nAccept: application/json\r\n\r\n".encode())
        head = (await self.reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        status = int(head[0].split(" ", 2)[1])
        headers = {k.strip().lower(): v.strip() for k, _, v in (h.partition(":") for h in head[1:] if h)}
        if "content-length" in headers:
            body = await self.reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            parts = []
            while size := int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16):
                parts.append(await self.reader.readexactly(size))
                await self.reader.readexactly(2)
            await self.reader.readuntil(b"\r\n")
            body = b"".join(parts)
        else:
            body = await self.reader.read()
            headers["connection"] = "close"
        if headers.get("connection", "").lower() == "close":
            await self.close()
        return status, body

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.reader = self.writer = None


async def run_http(
    port: int, cases: list[Case], clients: int, duration: float, warmup: float, reasons: dict[str, int]
) -> tuple[list[float], int]:
    lat: list[float] = []
    errors = 0
    start = time.monotonic()
    counted, stop = start + warmup, start + warmup + duration

    async def worker(c: int) -> None:
        nonlocal errors
        conn, i = Conn(port), c * 7
        while (now := time.monotonic()) < stop:
            case = cases[i % len(cases)]
            i += 1
            t = time.perf_counter()
            try:
                status, body = await conn.get(case.target)
                ok, why = status == 200, f"HTTP {status} {case.target} {body[:200]!r}"
            except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
                await conn.close()
                ok, why = False, f"{type(exc).__name__} {case.target} {exc}"
            dt = time.perf_counter() - t
            if now < counted:
                continue
            if ok:
                lat.append(dt)
            else:
                errors += 1
                reasons[why] = reasons.get(why, 0) + 1
        await conn.close()

    await asyncio.gather(*(worker(c) for c in range(clients)))
    return lat, errors


async def check_same(port: int, db: str, cases: dict[str, list[Case]], limit: int) -> None:
    """Every URL answers the rows of its direct call (the first ``limit`` of them for lists)."""
    conn = Conn(port)
    with open_store(db, readonly=True) as s:
        for group, cs in cases.items():
            for case in cs:
                status, body = await conn.get(case.target)
                if status != 200:
                    raise SystemExit(f"{group}: {case.target} answered {status}: {body[:300]!r}")
                got = json.loads(body)
                want = json.loads(json.dumps(case.direct(s), ensure_ascii=False))
                if group != "entity":
                    got = got["items"]
                    want = want[:limit]
                if got != want:
                    raise SystemExit(f"{group}: {case.target} does not answer what the direct call returns")
    await conn.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used (Linux /proc), to tell server cost from machine load."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def start_server(db: str, port: int) -> subprocess.Popen[bytes]:
    """The app in its own process, with the uvicorn settings of ``dateline serve``, so that client and
    server do not share a GIL."""
    code = (
        "import sys, uvicorn; from dateline.api.app import create_app; "
        "uvicorn.run(create_app(sys.argv[1]), host=sys.argv[2], port=int(sys.argv[3]), log_level='warning', "
        "server_header=False)"
    )
    proc = subprocess.Popen([sys.executable, "-c", code, db, HOST, str(port)], env=os.environ.copy())
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((HOST, port), timeout=2):
                return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("server did not start")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True, help="store to serve (e.g. the full corpus store)")
    ap.add_argument("--clients", type=int, default=20, help="concurrent clients (default 20)")
    ap.add_argument("--duration", type=float, default=30.0, help="seconds counted per side and group (default 30)")
    ap.add_argument("--rounds", type=int, default=3, help="alternating direct/http phases per group (default 3)")
    ap.add_argument("--warmup", type=float, default=2.0, help="seconds not counted before each phase (default 2)")
    ap.add_argument("--entities", type=int, default=20, help="most mentioned entities to query (default 20)")
    ap.add_argument("--limit", type=int, default=DEFAULT_LIMIT, help=f"rows per page (default {DEFAULT_LIMIT})")
    ap.add_argument("--groups", default=",".join(GROUPS), help=f"endpoint groups to run (default {','.join(GROUPS)})")
    ap.add_argument("--out", help="write the results as JSON here")
    args = ap.parse_args(argv)
    if not Path(args.db).exists():
        raise SystemExit(f"no store at {args.db}")
    groups = [g.strip() for g in args.groups.split(",") if g.strip()]
    if unknown := set(groups) - set(GROUPS):
        raise SystemExit(f"unknown groups: {', '.join(sorted(unknown))} (choose among {', '.join(GROUPS)})")
    all_cases = make_cases(args.db, args.entities, args.limit)
    if not all_cases["entity"]:
        raise SystemExit("the store has no entities")
    cases = {g: all_cases[g] for g in groups}
    with open_store(args.db, readonly=True) as s:
        n_articles = s.count()
    load0 = os.getloadavg()
    reasons: dict[str, int] = {}
    port = _free_port()
    proc = start_server(args.db, port)
    results: dict[str, dict[str, Any]] = {}
    phase = args.duration / args.rounds
    # CPU is measured over whole phases, warm-up included, and divided among the requests counted after
    # it: scaled by the counted share of the phase.
    share = phase / (phase + args.warmup)
    try:
        asyncio.run(check_same(port, args.db, cases, args.limit))
        for g in groups:
            lat = {"direct": [], "http": []}
            errors = {"direct": 0, "http": 0}
            cpu = {"direct": 0.0, "http": 0.0, "client": 0.0}
            # Alternate short phases, so that a change in the load of the machine falls on both sides alike.
            for _ in range(args.rounds):
                d_lat, d_err, d_cpu = run_direct(args.db, cases[g], args.clients, phase, args.warmup)
                lat["direct"] += d_lat
                errors["direct"] += d_err
                cpu["direct"] += d_cpu * share
                server_cpu0, client_cpu0 = cpu_seconds(proc.pid), time.process_time()
                h_lat, h_err = asyncio.run(run_http(port, cases[g], args.clients, phase, args.warmup, reasons))
                cpu["http"] += (cpu_seconds(proc.pid) - server_cpu0) * share
                cpu["client"] += (time.process_time() - client_cpu0) * share
                lat["http"] += h_lat
                errors["http"] += h_err
            http = summarise(lat["http"], errors["http"], args.duration, cpu["http"])
            http["client_cpu_ms_per_request"] = round(cpu["client"] * 1000 / max(1, http["n"] + errors["http"]), 3)
            direct = summarise(lat["direct"], errors["direct"], args.duration, cpu["direct"])
            ratio = round(http["p95_ms"] / direct["p95_ms"], 2) if direct["p95_ms"] else None
            results[g] = {"http": http, "direct": direct, "p95_ratio": ratio}
    finally:
        proc.terminate()
        proc.wait(10)
    result: dict[str, Any] = {
        "db": args.db,
        "articles": n_articles,
        "clients": args.clients,
        "duration_s": args.duration,
        "rounds": args.rounds,
        "warmup_s": args.warmup,
        "entities": len(all_cases["entity"]),
        "limit": args.limit,
        "cores": os.cpu_count(),
        "load_average_before": load0,
        "load_average_after": os.getloadavg(),
        "groups": results,
        "http_errors": reasons,
    }
    print(
        f"{n_articles} articles, top {len(all_cases['entity'])} entities, {args.clients} clients, "
        f"{args.duration:.0f} s per side and group in {args.rounds} alternating rounds, pages of {args.limit}; "
        f"{os.cpu_count()} cores, "
        f"load average {load0[0]:.1f} before, {result['load_average_after'][0]:.1f} after"
    )
    print(format_table(results))
    for why, n in reasons.items():
        print(f"error x{n}: {why}")
    if args.out:
        Path(args.out).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    errors = sum(r["http"]["errors"] + r["direct"]["errors"] for r in results.values())
    return 1 if errors else 0


def format_table(results: dict[str, dict[str, Any]]) -> str:
    """The results as a Markdown table (it reads as well in a terminal)."""
    head = (
        "| endpoint | HTTP p50 ms | HTTP p95 ms | direct p50 ms | direct p95 ms | p95 ratio | HTTP req/s "
        "| direct req/s | HTTP errors | direct errors | CPU ms/req server + client / direct |"
    )
    lines = [head, "|" + "---|" * head.count(" | ") + "---|"]
    for g, r in results.items():
        h, d = r["http"], r["direct"]
        lines.append(
            f"| {g} | {h['p50_ms']} | {h['p95_ms']} | {d['p50_ms']} | {d['p95_ms']} | {r['p95_ratio']}x "
            f"| {h['rps']} | {d['rps']} | {h['errors']} | {d['errors']} "
            f"| {h['cpu_ms_per_request']} + {h['client_cpu_ms_per_request']} / {d['cpu_ms_per_request']} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
