"""The static edition in a real browser, served by ``python -m http.server`` like any web server."""
from __future__ import annotations

from collections import Counter
from urllib.parse import urlsplit

import pytest

from bench.edition import serve_static
from geo.core.i18n import translator
from geo.export import publish as edition
from geo.query.active import day_summary
from geo.store import load_dataset
from tests.conftest import BUNDLED, make_event, make_hotspot, write_folder

EVIL = '<img src=x onerror="window.__pwned=1">'


@pytest.fixture(scope="module")
def bundled():
    return load_dataset(BUNDLED)


@pytest.fixture(scope="module")
def site(bundled, tmp_path_factory):
    """The bundled data's edition, served on a free port: its base URL."""
    out = tmp_path_factory.mktemp("edition") / "site"
    edition.publish(bundled, out)
    proc, url = serve_static(out)
    yield url
    proc.terminate()
    proc.wait(timeout=10)


class Tracker:
    """Every request a page makes, and every response that was not 200."""

    def __init__(self, page):
        self.urls: list[str] = []
        self.failed: list[str] = []
        page.on("request", lambda r: self.urls.append(r.url))
        page.on("requestfailed", lambda r: self.failed.append(r.url))
        page.on("response", lambda r: r.status != 200 and self.failed.append(f"{r.status} {r.url}"))

    def hosts(self) -> set[str]:
        return {urlsplit(u).netloc for u in self.urls if not u.startswith("data:")}


def wait_day(page, day: str, timeout_ms: int = 20000) -> None:
    page.wait_for_function("d => window.bmEdition && bmEdition.ready && bmEdition.day === d", arg=day,
                           timeout=timeout_ms)


def kinds_drawn(page) -> Counter:
    classes = page.eval_on_selector_all("path.bm-event", "els => els.map(e => e.getAttribute('class'))")
    return Counter(next(c[8:] for c in cls.split() if c.startswith("bm-kind-")) for cls in classes)


def expected_kinds(dataset, day: str) -> Counter:
    return Counter({k: v for k, v in day_summary(dataset, day)["totals"].items()
                    if k in ("blockade", "protest", "clash", "closure", "detention", "other") and v})


def test_edition_opens_on_the_day_in_the_address_and_steps_through_the_days(browser, site, bundled, tmp_path):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    tracker = Tracker(page)
    page.goto(f"{site}/index.html#2023-01-09")
    wait_day(page, "2023-01-09")
    assert kinds_drawn(page) == expected_kinds(bundled, "2023-01-09") == Counter(
        {"blockade": 11, "closure": 3, "protest": 2, "clash": 2, "other": 2})
    assert page.locator("path.bm-event").count() == 20
    assert page.locator("#bme-date").inner_text() == "2023-01-09"
    assert page.locator("#bme-m-events").inner_text() == "20"
    panel = page.locator("#bme-panel").inner_text()
    assert "45 blockade points reported nationwide (SUTRAN); 11 mapped" in panel
    assert "New (9): " in panel and "Continuing (2): " in panel
    assert page.locator("path.bm-new").count() == 9  # the day-over-day rings
    assert page.locator("path.bm-corridor").count() == 8
    assert page.locator(".bm-legend").inner_text().startswith("What happened")
    # the data folder's basemap, drawn by the dashboard's basemap.js, under the layers
    page.wait_for_selector("path.bm-bl-land", state="attached", timeout=10000)
    assert page.locator("path.bm-bl-border").count() > 0
    assert "PERU" in page.locator(".bm-bl-country").all_inner_texts() or \
        "Peru" in page.locator(".bm-bl-country").all_text_contents()
    page.screenshot(path=str(tmp_path / "edition-2023-01-09.png"))  # to look at when it fails

    # Next
    page.get_by_role("button", name="Next day").click()
    wait_day(page, "2023-01-10")
    assert page.evaluate("location.hash") == "#2023-01-10"
    assert kinds_drawn(page) == expected_kinds(bundled, "2023-01-10")
    assert page.locator("#bme-m-events").inner_text() == str(day_summary(bundled, "2023-01-10")["totals"]["events"])

    # the slider, by keyboard and by dragging it to a day
    page.locator("#bme-slider").press("ArrowRight")
    wait_day(page, "2023-01-11")
    assert page.evaluate("location.hash") == "#2023-01-11"
    days = [d["date"] for d in page.evaluate("fetch('manifest.json').then(r => r.json())")["days"]]
    page.locator("#bme-slider").fill(str(days.index("2023-01-16")))
    wait_day(page, "2023-01-16")
    assert page.evaluate("location.hash") == "#2023-01-16"
    assert page.locator("#bme-date").inner_text() == "2023-01-16"
    assert kinds_drawn(page) == expected_kinds(bundled, "2023-01-16")
    page.get_by_role("button", name="Previous day").click()
    wait_day(page, "2023-01-15")
    assert page.evaluate("location.hash") == "#2023-01-15"

    # a link changed in the address bar opens that day
    page.evaluate("location.hash = '#2022-12-12'")
    wait_day(page, "2022-12-12")
    assert page.locator("path.bm-event").count() == day_summary(bundled, "2022-12-12")["totals"]["events"]

    # only this server was asked for anything, and everything it was asked for was there
    origin = urlsplit(site).netloc
    assert tracker.hosts() == {origin}
    assert tracker.failed == []
    fetched = {urlsplit(u).path for u in tracker.urls}
    assert {"/days/2023-01-09.json", "/days/2023-01-10.json", "/days/2023-01-16.json"} <= fetched
    assert "/days/2023-01-20.json" not in fetched  # a day no one looked at is never downloaded
    assert "/basemap/basemap.geojson" in fetched
    page.close()


def test_popup_shows_the_sources(browser, site, tmp_path):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(f"{site}/index.html#2023-01-09")
    wait_day(page, "2023-01-09")
    page.evaluate("bmEdition.map.setView([-15.5, -70.13333], 11, {animate: false})")
    clash = page.locator("path.bm-kind-clash").first
    box = clash.bounding_box()
    assert 38 <= box["width"] <= 44  # 17 dead: radius 20.4 px
    page.mouse.click(box["x"] + box["width"] * 0.85, box["y"] + box["height"] / 2)  # off the small markers on top
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for(timeout=5000)
    text = popup.inner_text()
    assert text.startswith("Juliaca") and "17 dead" in text and "Sources: La República (2023-01-09)" in text
    links = popup.locator("a")
    assert links.count() == 4
    assert all(links.nth(i).get_attribute("href").startswith("https://") for i in range(links.count()))
    assert links.first.get_attribute("rel") == "noopener noreferrer"
    page.wait_for_timeout(400)  # the popup fades in
    page.screenshot(path=str(tmp_path / "edition-popup.png"))
    page.close()


def test_kinds_filter_hides_markers_and_rings(browser, site, bundled):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(f"{site}/index.html#2023-01-09")
    wait_day(page, "2023-01-09")
    page.locator("#bme-kinds input[value=blockade]").uncheck()
    page.wait_for_function("bmEdition.markers === 9")
    assert kinds_drawn(page) == Counter({"closure": 3, "protest": 2, "clash": 2, "other": 2})
    assert page.locator("path.bm-new").count() == 0
    assert page.locator("#bme-m-blockade").inner_text() == "0"
    assert "Showing 9 of 20 events" in page.locator("#bme-filtered").inner_text()
    assert "Blockades are filtered out of this view." in page.locator("#bme-changes").inner_text()
    page.get_by_role("button", name="Next day").click()  # the filter holds from day to day
    wait_day(page, "2023-01-10")
    assert "blockade" not in kinds_drawn(page)
    page.close()


def test_without_a_day_in_the_address_it_opens_on_the_featured_day(browser, site):
    page = browser.new_page()
    page.goto(f"{site}/")
    wait_day(page, "2023-01-09")
    assert page.evaluate("location.hash") == "#2023-01-09"
    page.goto(f"{site}/index.html#2023-13-45")
    wait_day(page, "2023-01-09")
    alert = page.locator("#bme-alert")
    assert alert.is_visible() and "2023-13-45 is not a day of this edition" in alert.inner_text()
    page.close()


def test_hostile_text_is_shown_as_text(browser, tmp_path):
    events = [make_event("e-evil", "clash", "2023-01-09", place=EVIL, fatalities=2, description=EVIL,
                         sources=[{"name": EVIL, "url": "https://example.org/", "published": "2023-01-09"}])]
    hotspots = [make_hotspot("h-evil", EVIL, -70.02198, -15.84003, "2023-01-01", "2023-01-31")]
    counts = [{"date": "2023-01-09", "metric": "blockade_points", "value": "45", "reporter": EVIL,
               "source_url": "https://www.gob.pe/sutran"}]
    data = write_folder(tmp_path / "data", events, hotspots, [], counts)
    edition.publish(load_dataset(data), tmp_path / "site")
    proc, url = serve_static(tmp_path / "site")
    try:
        page = browser.new_page(viewport={"width": 1200, "height": 800})
        page.goto(f"{url}/index.html#2023-01-09")
        wait_day(page, "2023-01-09")
        page.locator("path.bm-event").first.click(force=True)
        page.locator(".leaflet-popup-content").wait_for(timeout=5000)
        assert EVIL in page.locator(".leaflet-popup-content").inner_text()
        assert EVIL in page.locator("#bme-hotspots").inner_text()
        assert EVIL in page.locator("#bme-reported").inner_text()
        page.locator("path.bm-hotspot").first.hover(force=True)
        assert page.evaluate("window.__pwned") is None
        assert page.locator("img[src=x]").count() == 0
        page.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_a_spanish_edition_reads_in_spanish(browser, bundled, tmp_path):
    edition.publish(bundled, tmp_path / "site", t=translator("es"))
    proc, url = serve_static(tmp_path / "site")
    try:
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(f"{url}/index.html#2023-01-09")
        wait_day(page, "2023-01-09")
        assert page.evaluate("document.documentElement.lang") == "es"
        assert page.locator("#bme-date").inner_text() == "lunes, 9 de enero de 2023"
        assert page.locator("#bme-heading").inner_text() == "Bloqueos y protestas del lunes, 9 de enero de 2023"
        assert page.locator("path.bm-event").count() == 20  # the same map as in English
        panel = page.locator("#bme-panel").inner_text()
        assert "45 puntos de bloqueo reportados a nivel nacional (SUTRAN); 11 en el mapa" in panel
        assert "Nuevos (9): " in panel and "Continúan (2): " in panel
        assert "Bloqueos desde el domingo, 8 de enero de 2023" in panel
        assert page.locator(".bm-legend").inner_text().startswith("Qué pasó") or \
            "Bloqueo de vía" in page.locator(".bm-legend").inner_text()
        kinds = page.locator("#bme-kinds").inner_text()
        assert "bloqueo de vía" in kinds and "blockade" not in kinds
        shown = page.locator("body").inner_text()
        for english in ("Blockades", "Reported nationwide", "Events mapped", "Sources", "Previous", "Loading",
                        "Continuing", "not points", "About the data"):
            assert english not in shown, english
        page.screenshot(path=str(tmp_path / "edition-es-2023-01-09.png"))  # to look at when it fails

        page.get_by_role("button", name="Día siguiente").click()
        wait_day(page, "2023-01-10")
        assert page.locator("#bme-date").inner_text() == "martes, 10 de enero de 2023"
        assert page.evaluate("location.hash") == "#2023-01-10"  # links stay language-neutral
        page.locator("#bme-kinds input[value=blockade]").uncheck()
        totals = day_summary(bundled, "2023-01-10")["totals"]
        page.wait_for_function("n => bmEdition.markers === n", arg=totals["events"] - totals["blockade"])
        assert page.locator("#bme-filtered").inner_text().startswith("Se muestran ")
        assert "Los bloqueos están excluidos" in page.locator("#bme-changes").inner_text()

        page.evaluate("location.hash = '#2023-13-45'")  # edited by hand: the page says so and stays
        page.locator("#bme-alert").wait_for(state="visible", timeout=5000)
        assert page.locator("#bme-alert").inner_text() == (
            "2023-13-45 no es un día de esta edición (del 7 de diciembre de 2022 al 31 de marzo de 2023); "
            "se muestra el martes, 10 de enero de 2023.")
        assert page.evaluate("bmEdition.day") == "2023-01-10"
        page.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
