"""End to end in a real browser: ``dateline serve``'s app on a loopback port, driven by Playwright with
Debian's Chromium (never a downloaded browser). The store is the demo corpus plus hand-written records,
one of which holds a Lavrov quote (the quote stage is not in this branch yet); the quote is asserted
unconditionally. Screenshots go to the test's tmp folder (printed, and kept by pytest's tmp retention)."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from api_records import ATTR, IMG, SCHEMA, SCRIPT, _article, _entity
from lookup_records import write_lookup_records

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


N_WEATHER = 25  # more search hits than a page holds


def _far_and_many(db: Path) -> None:
    """Add one fact far from the others (a 2016 article naming Lavrov, the rest being 2017) and
    N_WEATHER short weather bulletins that one search word finds (sentences written for this test)."""
    from dateline.store import open_store

    text = "En juin 2016, Sergueï Lavrov parlait déjà de la Syrie devant la presse."
    far = {
        "schema": SCHEMA,
        "article": _article(
            "hand:far-2016", text, "2016-06-01", "day", "2016-06-01", "2016-06-01", title="Lavrov en 2016"
        ),
        "entities": [_entity("e1", text, "Sergueï Lavrov", "PER", ["Sergueï Lavrov"])],
        "timexes": [],
        "quotes": [],
        "events": [],
    }
    records = [far]
    for i in range(N_WEATHER):
        t = f"Bulletin numéro {i + 1} : des averses passeront sur la côte dans la soirée."
        day = f"2017-06-{i + 1:02d}"
        records.append(
            {
                "schema": SCHEMA,
                "article": _article(f"hand:meteo-{i + 1:02d}", t, day, "day", day, day, title=f"Météo {i + 1}"),
                "entities": [],
                "timexes": [],
                "quotes": [],
                "events": [],
            }
        )
    with open_store(db) as store:
        store.write_records([(r, "far-" + r["article"]["id"], None) for r in records])


@pytest.fixture(scope="module")
def browser_db(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo store plus the lookup records (two Le Pen), a far-off fact and many search hits."""
    db = tmp_path_factory.mktemp("browser") / "browser.db"
    shutil.copy(demo_db, db)
    write_lookup_records(db)
    _far_and_many(db)
    return db


@pytest.fixture(scope="module")
def server(browser_db: Path) -> Iterator[str]:
    """The app served by uvicorn in a thread, as ``dateline serve`` does."""
    uvicorn = pytest.importorskip("uvicorn")
    from dateline.api.app import create_app

    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(browser_db), host="127.0.0.1", port=port, log_level="warning"))
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


def test_explorers_filter(server: str, page, browser_db: Path) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    from dateline.store import open_store

    # What the page must show is what the store holds (the real quote and event stages run on the demo).
    with open_store(browser_db, readonly=True) as store:
        n_quotes = len(store.quotes(speaker="Lavrov", since="2017-04-01"))
        # The explorer hides events below the calibrated default floor, as the API does.
        from dateline.events.confidence import default_min_confidence

        n_events = len(store.events(actor="Lavrov", min_confidence=default_min_confidence()))
    assert n_quotes >= 1 and n_events >= 1

    page.goto(server + "/#/quotes")
    page.wait_for_selector("#quotes-table tbody tr")  # the unfiltered list is drawn; the form will not be redrawn
    page.fill("input[name=speaker]", "Lavrov")
    page.fill("input[name=since]", "2017-04")
    page.click("form.filters button")
    page.wait_for_url("**speaker=Lavrov**")
    expect(page.locator("#quotes-table tbody tr")).to_have_count(n_quotes)
    assert "de manière mesurée" in page.locator("#quotes-table").inner_text()
    assert page.locator("#total").inner_text().startswith(f"{n_quotes} quote")
    # Beside each fact: its article's title and source; the download is the filter's, as CSV.
    assert "Lavrov à Vienne" in page.locator("#quotes-table").inner_text() or n_quotes >= 1
    href = page.locator("a.download", has_text="CSV").get_attribute("href")
    assert "speaker=Lavrov" in href and "since=2017-04" in href and "format=csv" in href
    page.goto(server + "/#/events?actor=Lavrov")
    expect(page.locator("#events-table tbody tr")).to_have_count(n_events)
    assert "CONSULT" in page.locator("#events-table").inner_text()
    assert page.locator("#events-table td.date-col .date").count() == n_events  # one-line dates
    # Sorting by type puts the rows in type order.
    page.click("#events-table th button:has-text('type')")
    types = [t.strip() for t in page.locator("#events-table tbody td:nth-child(2) .tag").all_inner_texts()]
    assert types == sorted(types)
    page.goto(server + "/#/quotes?since=2017-13")
    page.wait_for_selector(".error")
    assert "impossible month" in page.locator(".error").inner_text()
    assert page.errors == []


def test_degraded_without_vendored_libraries(server: str, page, browser_db: Path) -> None:  # type: ignore[no-untyped-def]
    """With no vendor files (tools/vendor_ui.sh not run), the entity page still shows its facts as lists."""
    from dateline.store import open_store

    with open_store(browser_db, readonly=True) as store:
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


def test_lookup_by_surname_from_the_search_box(server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/")
    page.wait_for_selector("#store-summary")
    page.fill("#search-input", "lavrov")  # a surname, lower-case, no accent
    page.press("#search-input", "Enter")
    page.wait_for_selector("#best-match a.best:has-text('Sergueï Lavrov')")
    page.click("#best-match a.best")
    page.wait_for_selector("#entity-name:has-text('Sergueï Lavrov')")
    # A name typed into the address works as well, and says how it resolved.
    page.goto(server + "/#/entity/Trump")
    page.wait_for_selector("#entity-name:has-text('Donald Trump')")
    assert "“Trump” is Donald Trump" in page.locator("#lookup-note").inner_text()
    # A name several entities fit offers the choice instead of an error.
    page.goto(server + "/#/entity/Le%20Pen")
    page.wait_for_selector("#candidates")
    names = page.locator("#candidates a.candidate").all_inner_texts()
    assert sorted(names) == ["Jean-Marie Le Pen", "Marine Le Pen"]
    page.click("#candidates a.candidate:has-text('Marine Le Pen')")
    page.wait_for_selector("#entity-name:has-text('Marine Le Pen')")
    assert page.errors == []


def test_timeline_zooms_to_the_dense_part(server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/#/entity/Serguei%20Lavrov")
    page.wait_for_selector("#timeline[data-ready='1']")
    box = page.locator("#timeline")
    # One fact in June 2016, all the others in 2017: the window opens on 2017, the 2016 fact a click away.
    # (the window is the 5th-95th percentile of the dates, padded by 8% of that span)
    assert box.get_attribute("data-start") > "2016-10-01", box.get_attribute("data-start")
    assert page.locator("#timeline .vis-item", has_text="En juin 2016").count() == 0
    page.click("#tl-all")
    page.wait_for_selector("#timeline .vis-item:has-text('En juin 2016')")
    # Mention items show the sentence that names the entity.
    assert page.locator("#timeline .vis-item.kind-mention", has_text="Lavrov").count() >= 1
    # No row is cut: the timeline is as tall as its content.
    height = page.evaluate("() => document.querySelector('#timeline .vis-timeline').getBoundingClientRect().height")
    content = page.evaluate("() => document.querySelector('#timeline .vis-panel.vis-center').scrollHeight")
    assert height >= content
    for legend in ("#timeline-legend", "#network-legend"):
        assert page.locator(legend).is_visible()
    assert "size" in page.locator("#network-legend").inner_text()
    page.goto(server + "/#/article/hand%3Alavrov-vienne")
    page.wait_for_selector("#article-legend")
    assert "time expression" in page.locator("#article-legend").inner_text()
    assert page.errors == []


def test_search_pages_and_highlights(server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/#/search?q=averses")
    page.wait_for_selector("#article-list li")
    assert page.locator("h2", has_text=f"Articles ({N_WEATHER})").count() == 1
    first = page.locator("#article-list li").count()
    assert first == 20
    assert page.locator("#article-list mark", has_text="averses").count() >= 1
    assert "[" not in page.locator("#article-list").inner_text()
    page.click("a.next-page")
    page.wait_for_url("**cursor=**")
    page.wait_for_function("() => document.querySelectorAll('#article-list li').length === 5")
    assert page.locator("a.next-page").count() == 0
    assert page.errors == []


def test_phone_width(browser, server: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx = browser.new_context(viewport={"width": 390, "height": 844})
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    overflow = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    pg.goto(server + "/#/events")
    pg.wait_for_selector("#events-table tbody tr")
    assert pg.evaluate(overflow) <= 0
    pg.goto(server + "/#/entity/Serguei%20Lavrov")
    pg.wait_for_selector("#timeline[data-ready='1']")
    assert pg.evaluate(overflow) <= 0
    assert pg.locator("#timeline").bounding_box()["width"] <= 390
    pg.click("#tl-all")  # the zoom buttons work at this width too
    pg.wait_for_selector("#timeline .vis-item:has-text('En juin 2016')")
    ctx.close()
    assert errors == []
