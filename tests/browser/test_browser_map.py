"""A real browser opens the dashboard, finds the day's markers, and steps to the next day."""
from __future__ import annotations

import time

import pytest

from tests.conftest import map_frame

pytestmark = pytest.mark.browser


_FIND_MAP = "() => { const map = Object.values(window).find(v => v && v instanceof L.Map); "


def _marker_classes(frame) -> list[str]:
    """The bm-kind-* class of every event marker on the map, sorted."""
    classes = frame.eval_on_selector_all("path.bm-event", "els => els.map(e => e.getAttribute('class'))")
    return sorted(next(c for c in cls.split() if c.startswith("bm-kind-")) for cls in classes)


def _wait_for_count(frame, count: int, timeout_s: float = 20.0) -> list[str]:
    deadline = time.time() + timeout_s
    classes = _marker_classes(frame)
    while len(classes) != count and time.time() < deadline:
        time.sleep(0.3)
        classes = _marker_classes(frame)
    return classes


def test_map_shows_the_days_markers_and_steps(browser, serve_app, tiny_data):
    base = serve_app(tiny_data)
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(f"{base}/?date=2023-01-09", wait_until="domcontentloaded")
        page.get_by_text("Blockades and protests on 2023-01-09").wait_for(timeout=30000)
        frame = map_frame(page)
        classes = _wait_for_count(frame, 3)
        assert classes == ["bm-kind-blockade", "bm-kind-blockade", "bm-kind-clash"]
        # Leaflet is served locally: the frame loaded it from the app's static folder.
        assert frame.evaluate("typeof L !== 'undefined' && L.version") == "1.9.3"
        assert frame.locator(".bm-legend").inner_text().startswith("What happened")
        # The clash popup names the place, the toll and the source.
        frame.locator("path.bm-kind-clash").click(force=True)
        popup = frame.locator(".leaflet-popup-content")
        popup.wait_for(timeout=10000)
        text = popup.inner_text()
        assert "Juliaca" in text and "17 dead" in text and "Defensoría del Pueblo" in text
        # Step to the next day: only the Ilave blockade remains, and the map was not re-mounted.
        frame.evaluate("window.__bmMarker = 'kept'")
        frame.evaluate(_FIND_MAP + "map.setView([-15.7, -70.0], 9, {animate: false}); }")
        page.get_by_role("button", name="Next", exact=True).click()
        page.get_by_text("Blockades and protests on 2023-01-10").wait_for(timeout=30000)
        classes = _wait_for_count(map_frame(page), 1)
        assert classes == ["bm-kind-blockade"]
        assert map_frame(page).evaluate("window.__bmMarker") == "kept"
        center = map_frame(page).evaluate(_FIND_MAP + "return [map.getCenter().lat, map.getCenter().lng, map.getZoom()]; }")
        assert center == pytest.approx([-15.7, -70.0, 9], abs=1e-6)
        assert "date=2023-01-10" in page.url
    finally:
        page.close()


def test_bundled_data_9_and_10_january(browser, serve_app):
    from collections import Counter

    from geo.core.paths import BUNDLED_DATA
    from geo.store import load_dataset
    from geo.query.active import day_summary

    dataset = load_dataset(BUNDLED_DATA)
    expected = {day: sorted(f"bm-kind-{e['kind']}" for e in day_summary(dataset, day)["events"])
                for day in ("2023-01-09", "2023-01-10")}
    assert len(expected["2023-01-09"]) == 17
    base = serve_app(BUNDLED_DATA)
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(f"{base}/?date=2023-01-09", wait_until="domcontentloaded")
        page.get_by_text("Blockades and protests on 2023-01-09").wait_for(timeout=30000)
        assert _wait_for_count(map_frame(page), 17) == expected["2023-01-09"]
        assert Counter(expected["2023-01-09"])["bm-kind-clash"] == 2
        assert Counter(expected["2023-01-09"])["bm-kind-protest"] == 2
        page.get_by_role("button", name="Next", exact=True).click()
        page.get_by_text("Blockades and protests on 2023-01-10").wait_for(timeout=30000)
        want = expected["2023-01-10"]
        assert _wait_for_count(map_frame(page), len(want)) == want
    finally:
        page.close()


def test_a_shared_deep_link_opens_that_view_on_a_fresh_server(browser, serve_app, tmp_path):
    import shutil

    from tests.conftest import BUNDLED
    data = tmp_path / "fresh"
    shutil.copytree(BUNDLED, data)
    base = serve_app(data)  # a new server: this link is its very first request
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(f"{base}/map?date=2023-01-09&kinds=clash", wait_until="domcontentloaded")
        page.get_by_text("Blockades and protests on 2023-01-09").wait_for(timeout=30000)
        assert _wait_for_count(map_frame(page), 2) == ["bm-kind-clash", "bm-kind-clash"]
        assert page.get_by_text("Page not found").count() == 0
        nav = page.locator('[data-testid="stSidebarNav"]').inner_text()
        assert "Corridors and routes" in nav and "About the data" in nav
    finally:
        page.close()
