"""Screenshots of the web UI for the docs (`make screenshots`): the entity, article, quotes and events
pages at 1400 and 390 pixels wide, taken with Debian's Chromium from a store served on a loopback port.

    python tools/screenshots.py --db demo.db --out docs/screenshots [--entity "Sergueï Lavrov"]
"""

from __future__ import annotations

import argparse
import socket
import threading
import time
from pathlib import Path
from urllib.parse import quote

CHROMIUM = "/usr/bin/chromium"
WIDTHS = (1400, 390)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--out", default="docs/screenshots")
    ap.add_argument("--entity", default="Sergueï Lavrov")
    args = ap.parse_args()

    import uvicorn
    from playwright.sync_api import sync_playwright

    from dateline.api.app import create_app
    from dateline.store import open_store

    with open_store(args.db, readonly=True) as store:
        found = store.lookup(args.entity)
        if not found.clusters:
            raise SystemExit(f"no entity {args.entity!r} in {args.db}")
        article = store.timeline(args.entity, limit=1)[0]["article"]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(args.db), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}/"
    pages = {
        "entity": (f"#/entity/{quote(args.entity)}", "#timeline[data-ready='1']"),
        "article": (f"#/article/{quote(article)}", "#article-text"),
        "quotes": ("#/quotes", "#quotes-table tbody tr"),
        "events": ("#/events", "#events-table tbody tr"),
    }
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
            for width in WIDTHS:
                ctx = browser.new_context(viewport={"width": width, "height": 900})
                page = ctx.new_page()
                for name, (path, ready) in pages.items():
                    page.goto(base + path)
                    page.wait_for_selector(ready)
                    page.wait_for_timeout(1200)  # let the network layout and the chart settle
                    shot = out / f"{name}-{width}.png"
                    page.screenshot(path=str(shot))  # the first screenful: what a reader sees on opening
                    print(shot)
                ctx.close()
            browser.close()
    finally:
        server.should_exit = True


if __name__ == "__main__":
    main()
