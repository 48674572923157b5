"""Load test of ``dateline serve`` on loopback, beside the same queries made directly through the Python API.

Two phases over the same store and the same mix of queries (entity detail, timeline, quotes by speaker)
on the most mentioned entities:

1. direct: ``--clients`` threads, each with its own read-only store, call ``Store.entity``,
   ``Store.timeline`` and ``Store.quotes`` as the endpoints do, for ``--duration`` seconds;
2. http: the app runs in a separate uvicorn process on a free loopback port, and ``--clients``
   concurrent asyncio clients (httpx) request ``/api/entities/{id}``, ``/api/timeline`` and
   ``/api/quotes`` for ``--duration`` seconds.

It prints, per query, the count, errors, p50/p95 latency (ms), throughput (requests/s) and the HTTP/direct
p95 ratio, and writes the same as JSON with ``--out``. Example::

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
from pathlib import Path
from statistics import quantiles
from typing import Any
from urllib.parse import quote

import httpx

from dateline.api.app import DEFAULT_LIMIT, MAX_SCAN
from dateline.store import Store, open_store

KINDS = ("entity", "timeline", "quotes")


def pick_entities(db: str, n: int) -> list[str]:
    """Ids of the ``n`` most mentioned entities: the ones people look at, and the heaviest timelines."""
    with open_store(db, readonly=True) as s:
        return [r["id"] for r in s.entities(top=n)]


def direct_call(s: Store, kind: str, ent: str) -> None:
    if kind == "entity":
        s.entity(ent)
    elif kind == "timeline":
        s.timeline(ent, limit=MAX_SCAN)
    else:
        s.quotes(speaker=ent, limit=MAX_SCAN)


def http_path(kind: str, ent: str) -> tuple[str, dict[str, Any]]:
    if kind == "entity":
        return "/api/entities/" + quote(ent, safe=""), {}
    if kind == "timeline":
        return "/api/timeline", {"entity": ent, "limit": DEFAULT_LIMIT}
    return "/api/quotes", {"speaker": ent, "limit": DEFAULT_LIMIT}


def summarise(lat: dict[str, list[float]], errors: dict[str, int], wall: float) -> dict[str, dict[str, float]]:
    out = {}
    for kind in KINDS:
        xs = sorted(lat[kind])
        if len(xs) >= 2:
            qs = quantiles(xs, n=100, method="inclusive")
            p50, p95 = qs[49], qs[94]
        else:
            p50 = p95 = xs[0] if xs else float("nan")
        out[kind] = {
            "n": len(xs),
            "errors": errors[kind],
            "p50_ms": round(p50 * 1000, 2),
            "p95_ms": round(p95 * 1000, 2),
            "rps": round(len(xs) / wall, 1),
        }
    return out


def run_direct(db: str, ents: list[str], clients: int, duration: float) -> dict[str, dict[str, float]]:
    lat: dict[str, list[float]] = {k: [] for k in KINDS}
    errors = dict.fromkeys(KINDS, 0)
    lock = threading.Lock()
    stop = time.monotonic() + duration

    def worker(seed: int) -> None:
        s = open_store(db, readonly=True)
        i = seed
        local: dict[str, list[float]] = {k: [] for k in KINDS}
        bad = dict.fromkeys(KINDS, 0)
        while time.monotonic() < stop:
            kind, ent = KINDS[i % 3], ents[(i // 3) % len(ents)]
            i += 1
            t = time.perf_counter()
            try:
                direct_call(s, kind, ent)
            except Exception:
                bad[kind] += 1
                continue
            local[kind].append(time.perf_counter() - t)
        s.close()
        with lock:
            for k in KINDS:
                lat[k] += local[k]
                errors[k] += bad[k]

    t0 = time.monotonic()
    threads = [threading.Thread(target=worker, args=(c * 7,)) for c in range(clients)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return summarise(lat, errors, time.monotonic() - t0)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used (Linux /proc), to tell server cost from machine load."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def start_server(db: str, port: int) -> subprocess.Popen[bytes]:
    """The app in its own process (as ``dateline serve`` runs it), so client and server do not share a GIL."""
    code = (
        "import sys, uvicorn; from dateline.api.app import create_app; "
        "uvicorn.run(create_app(sys.argv[1]), host='127.0.0.1', port=int(sys.argv[2]), log_level='warning')"
    )
    proc = subprocess.Popen([sys.executable, "-c", code, db, str(port)], env=os.environ.copy())
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("server did not start")


async def run_http(
    base: str, ents: list[str], clients: int, duration: float, reasons: dict[str, int]
) -> dict[str, dict[str, float]]:
    lat: dict[str, list[float]] = {k: [] for k in KINDS}
    errors = dict.fromkeys(KINDS, 0)
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:
        stop = time.monotonic() + duration

        async def worker(seed: int) -> None:
            i = seed
            while time.monotonic() < stop:
                kind, ent = KINDS[i % 3], ents[(i // 3) % len(ents)]
                i += 1
                path, params = http_path(kind, ent)
                t = time.perf_counter()
                try:
                    r = await client.get(path, params=params)
                    r.read()
                    ok = r.status_code == 200
                    why = f"HTTP {r.status_code} {path} {r.text[:200]}"
                except httpx.HTTPError as exc:
                    ok = False
                    why = f"{type(exc).__name__} {path} {exc}"
                if not ok:
                    reasons[why] = reasons.get(why, 0) + 1
                dt = time.perf_counter() - t
                if ok:
                    lat[kind].append(dt)
                else:
                    errors[kind] += 1

        t0 = time.monotonic()
        await asyncio.gather(*(worker(c * 7) for c in range(clients)))
        wall = time.monotonic() - t0
    return summarise(lat, errors, wall)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True, help="store to serve (e.g. the full corpus store)")
    ap.add_argument("--clients", type=int, default=20, help="concurrent clients (default 20)")
    ap.add_argument("--duration", type=float, default=30.0, help="seconds per phase (default 30)")
    ap.add_argument("--entities", type=int, default=20, help="most mentioned entities to query (default 20)")
    ap.add_argument("--out", help="write the results as JSON here")
    args = ap.parse_args(argv)
    if not Path(args.db).exists():
        raise SystemExit(f"no store at {args.db}")
    ents = pick_entities(args.db, args.entities)
    if not ents:
        raise SystemExit("the store has no entities")
    with open_store(args.db, readonly=True) as s:
        n_articles = s.count()
    direct = run_direct(args.db, ents, args.clients, args.duration)
    reasons: dict[str, int] = {}
    port = _free_port()
    proc = start_server(args.db, port)
    try:
        server_cpu0, client_cpu0 = cpu_seconds(proc.pid), time.process_time()
        http = asyncio.run(run_http(f"http://127.0.0.1:{port}", ents, args.clients, args.duration, reasons))
        server_cpu, client_cpu = cpu_seconds(proc.pid) - server_cpu0, time.process_time() - client_cpu0
    finally:
        proc.terminate()
        proc.wait(10)
    result: dict[str, Any] = {
        "db": args.db,
        "articles": n_articles,
        "clients": args.clients,
        "duration_s": args.duration,
        "entities": len(ents),
        "cores": os.cpu_count(),
        "direct": direct,
        "http": http,
        "http_errors": reasons,
        "load_average": os.getloadavg(),
        "server_cpu_ms_per_request": round(server_cpu * 1000 / max(1, sum(h["n"] for h in http.values())), 2),
        "client_cpu_ms_per_request": round(client_cpu * 1000 / max(1, sum(h["n"] for h in http.values())), 2),
        "p95_ratio": {
            k: round(http[k]["p95_ms"] / direct[k]["p95_ms"], 2) if direct[k]["p95_ms"] else None for k in KINDS
        },
    }
    row: Callable[..., str] = "{:<9} {:>7} {:>7} {:>9} {:>9} {:>8}   {:>7} {:>7} {:>9} {:>9} {:>8}   {:>6}".format
    print(f"{n_articles} articles, {len(ents)} entities, {args.clients} clients, {args.duration:.0f} s per phase")
    print(row("query", "n", "errors", "p50 ms", "p95 ms", "req/s", "n", "errors", "p50 ms", "p95 ms", "req/s", "p95 x"))
    print(" " * 10 + "---------------- direct ----------------   ----------------- http -----------------")
    for k in KINDS:
        d, h = direct[k], http[k]
        print(
            row(
                k,
                d["n"],
                d["errors"],
                d["p50_ms"],
                d["p95_ms"],
                d["rps"],
                h["n"],
                h["errors"],
                h["p50_ms"],
                h["p95_ms"],
                h["rps"],
                result["p95_ratio"][k],
            )
        )
    print(
        f"CPU per HTTP request: server {result['server_cpu_ms_per_request']} ms, load generator "
        f"{result['client_cpu_ms_per_request']} ms; "
        f"load average {result['load_average'][0]:.1f} on {os.cpu_count()} cores"
    )
    for why, n in reasons.items():
        print(f"error x{n}: {why}")
    if args.out:
        Path(args.out).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    errors = sum(h["errors"] for h in http.values()) + sum(d["errors"] for d in direct.values())
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
