"""End to end in a real browser: ``dateline serve``'s app on a loopback port, driven by Playwright with
Debian's Chromium (never a downloaded browser). The store is the demo corpus plus hand-written records,
one of which holds a Lavrov quote (the quote stage is not in this branch yet); the quote is asserted
unconditionally. Screenshots go to the test's tmp folder (printed, and kept by pytest's tmp retention)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from api_records import ATTR, IMG, SCRIPT

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.model,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (apt-get install chromium)"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(demo_db: Path) -> Iterator[str]:
    """The app served by uvicorn in a thread, as ``dateline serve`` does."""
    uvicorn = pytest.importorskip("uvicorn")
    from dateline.api.app import create_app

    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(demo_db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser, tmp_path: Path):  # type: ignore[no-untyped-def]
    ctx = browser.new_context(viewport={"width": 1280, "height": 1000})
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.errors = errors
    yield pg
    ctx.close()


def test_search_lavrov_entity_page_and_article(server: str, page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    shots = tmp_path / "screenshots"
    shots.mkdir()
    page.goto(server + "/")
    page.wait_for_selector(".entity-card")
    page.fill("#search-input", "Lavrov")
    page.press("#search-input", "Enter")
    page.wait_for_url("**#/search?q=Lavrov")
    page.wait_for_selector("h1:has-text('Search')")
    page.wait_for_selector("a.entity-link:has-text('Sergueï Lavrov')")
    page.screenshot(path=str(shots / "1-search.png"), full_page=True)
    page.click("a.entity-link:has-text('Sergueï Lavrov')")

    # Entity page: the timeline is drawn by vis-timeline when it is vendored, else as a list.
    page.wait_for_selector("#entity-name:has-text('Sergueï Lavrov')")
    vendored = page.evaluate("() => Boolean(window.vis && window.vis.Timeline)")
    if vendored:
        page.wait_for_selector("#timeline .vis-item")
        items = page.locator("#timeline .vis-item")
        assert items.count() >= 5
        # The month-dated quote (April 2017) is drawn as a range, not a point.
        assert page.locator("#timeline .vis-item.vis-range.kind-quote.uncertain").count() >= 1
        page.wait_for_selector("#network canvas")
        page.wait_for_selector("#mentions-chart")
    else:
        page.wait_for_selector("#timeline li")
    quote = page.locator(".quote-item", has_text="Nous sommes prêts à travailler avec Washington")
    quote.wait_for()
    assert "Sergueï Lavrov" in quote.inner_text()
    page.wait_for_timeout(800)  # let the network layout settle for the screenshot
    page.screenshot(path=str(shots / "2-entity.png"), full_page=True)

    # The quote's evidence link opens the article with the quote highlighted and scrolled to.
    quote.locator("a.evidence-link").click()
    page.wait_for_selector("#article-text")
    hl = page.locator("#article-text .hl-quote")
    assert "Nous sommes prêts à travailler avec Washington sur la Syrie" in "".join(hl.all_inner_texts())
    assert page.locator("#fact-q1").count() == 1
    assert page.locator("#article-text .hl-timex", has_text="14 mars").count() >= 1
    assert page.locator("#article-text .hl-event").count() >= 1
    page.screenshot(path=str(shots / "3-article.png"), full_page=True)
    assert page.errors == []
    print(f"screenshots in {shots}")


def test_hostile_article_is_shown_as_text(server: str, page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/#/article/" + "hand%3Ahostile")
    page.wait_for_selector("#article-text")
    main = page.locator("#main")
    # The payloads are visible as text ...
    assert SCRIPT in page.locator("h1").inner_text()
    text = page.locator("#article-text").inner_text()
    assert SCRIPT in text and ATTR.strip() in text and IMG in text
    # ... and none became markup or ran.
    assert main.locator("script, img, b, i").count() == 0
    assert page.locator("[onmouseover], [onerror]").count() == 0
    assert page.evaluate("() => window.__pwned") is None
    # A javascript: URL in the record is not turned into a link.
    assert main.locator("a[href^='javascript']").count() == 0
    # The entity named with markup opens as an entity page, its name as text.
    page.click("a:has-text('Jean <b>Dupont</b>')")
    page.wait_for_selector("#entity-name")
    assert page.locator("#entity-name").inner_text().startswith("Jean <b>Dupont</b>")
    page.hover(".quote-item blockquote")
    assert page.evaluate("() => window.__pwned") is None
    page.screenshot(path=str(tmp_path / "hostile.png"), full_page=True)
    assert page.errors == []


def test_explorers_filter(server: str, page, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    from dateline.store import open_store

    # What the page must show is what the store holds (the real quote and event stages run on the demo).
    with open_store(demo_db, readonly=True) as store:
        n_quotes = len(store.quotes(speaker="Lavrov", since="2017-04-01"))
        # The explorer hides events below the calibrated default floor, as the API does.
        from dateline.events.confidence import default_min_confidence

        n_events = len(store.events(actor="Lavrov", min_confidence=default_min_confidence()))
    assert n_quotes >= 1 and n_events >= 1

    page.goto(server + "/#/quotes")
    page.wait_for_selector(".quote-item")  # the unfiltered list is drawn; the form will not be redrawn
    page.fill("input[name=speaker]", "Lavrov")
    page.fill("input[name=since]", "2017-04")
    page.click("form.filters button")
    page.wait_for_url("**speaker=Lavrov**")
    expect(page.locator(".quote-item")).to_have_count(n_quotes)
    assert "de manière mesurée" in " ".join(page.locator(".quote-item").all_inner_texts())
    page.goto(server + "/#/events?actor=Lavrov")
    expect(page.locator("#events-table tbody tr")).to_have_count(n_events)
    assert "CONSULT" in page.locator("#events-table").inner_text()
    page.goto(server + "/#/quotes?since=2017-13")
    page.wait_for_selector(".error")
    assert "impossible month" in page.locator(".error").inner_text()
    assert page.errors == []


def test_degraded_without_vendored_libraries(server: str, page, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    """With no vendor files (tools/vendor_ui.sh not run), the entity page still shows its facts as lists."""
    from dateline.store import open_store

    with open_store(demo_db, readonly=True) as store:
        n_quotes = len(store.quotes(speaker="Sergueï Lavrov"))
    page.route("**/static/vendor/**", lambda route: route.fulfill(status=404, body=""))
    page.goto(server + "/#/entity/" + "Serguei%20Lavrov")
    page.wait_for_selector(".timeline-fallback li")
    assert page.evaluate("() => typeof window.vis") == "undefined"
    quote_rows = page.locator(".timeline-fallback li", has_text="Nous sommes prêts").filter(
        has=page.locator(".tag", has_text="quote")
    )
    assert quote_rows.count() == 1
    assert page.locator("#mentions-table tbody tr").count() >= 2
    assert page.locator("#comentions-table a", has_text="Rex Tillerson").count() == 1
    assert page.locator(".quote-item").count() == n_quotes
    assert page.errors == []
