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
    from geo.query.active import day_summary
    from geo.store import load_dataset

    dataset = load_dataset(BUNDLED_DATA)
    expected = {day: sorted(f"bm-kind-{e['kind']}" for e in day_summary(dataset, day)["events"])
                for day in ("2023-01-09", "2023-01-10")}
    assert len(expected["2023-01-09"]) == 20
    base = serve_app(BUNDLED_DATA)
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(f"{base}/?date=2023-01-09", wait_until="domcontentloaded")
        page.get_by_text("Blockades and protests on 2023-01-09").wait_for(timeout=30000)
        assert _wait_for_count(map_frame(page), 20) == expected["2023-01-09"]
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


JULIACA = (-15.5, -70.13333)

# Each event circle drawn for a point: its centre in the page's pixels, its offset from the point
# (circles sharing a point are drawn a few pixels around it), radius and kind.
_CIRCLES_AT = """(at) => {
    const map = Object.values(window).find(v => v && v instanceof L.Map);
    const out = [];
    map.eachLayer(l => {
        if (!(l instanceof L.CircleMarker) || !l.options.bmAt) { return; }
        if (Math.abs(l.options.bmAt[0] - at[0]) > 1e-6 || Math.abs(l.options.bmAt[1] - at[1]) > 1e-6) { return; }
        const p = map.latLngToContainerPoint(l.getLatLng()), q = map.latLngToContainerPoint(at);
        const r = map.getContainer().getBoundingClientRect();
        out.push({x: r.left + p.x, y: r.top + p.y, dx: p.x - q.x, dy: p.y - q.y, radius: l.getRadius(),
                  kind: (l.options.className.match(/bm-kind-([a-z]+)/) || [])[1]});
    });
    return out;
}"""
_CLOSE_POPUP = "() => Object.values(window).find(v => v && v instanceof L.Map).closePopup()"


def click_each_stacked_event(page, frame, origin=(0.0, 0.0)) -> list[str]:
    """Click the centre of every circle drawn for Juliaca's point (a real mouse click, so only the
    circle on top there can answer) and return the popups' first lines. Positions are read again
    before each click: an opening popup may pan the map."""
    titles = []
    for i in range(len(frame.evaluate(_CIRCLES_AT, list(JULIACA)))):
        c = frame.evaluate(_CIRCLES_AT, list(JULIACA))[i]
        assert abs(c["dx"]) + abs(c["dy"]) > 5  # spread away from the shared point
        page.mouse.click(origin[0] + c["x"], origin[1] + c["y"])
        popup = frame.locator(".leaflet-popup-content")
        popup.wait_for(timeout=10000)
        titles.append(popup.locator("b").first.inner_text())
        frame.evaluate(_CLOSE_POPUP)
        popup.wait_for(state="detached", timeout=10000)
    return titles


def test_first_view_is_the_featured_day_framed_and_stacked_events_are_each_clickable(browser, serve_app):
    from geo.core.paths import BUNDLED_DATA
    from geo.query.active import day_summary
    from geo.store import load_dataset

    events = day_summary(load_dataset(BUNDLED_DATA), "2023-01-09")["events"]
    base = serve_app(BUNDLED_DATA)
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(base, wait_until="domcontentloaded")  # no ?date=: the featured day
        page.get_by_text("Blockades and protests on 2023-01-09").wait_for(timeout=30000)
        frame = map_frame(page)
        assert len(_wait_for_count(frame, 20)) == 20
        south, west, north, east = frame.evaluate(
            _FIND_MAP + "const b = map.getBounds(); return [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()]; }")
        for e in events:  # every event of the day is in the first view ...
            assert south < e["lat"] < north and west < e["lon"] < east, e["id"]
        # ... which is smaller than the country (dataset.json's bbox): since the third release the day
        # reaches from Desaguadero west to a blockade the news located in Ica, so the frame spans
        # southern Peru (zoom 6 at this window size) where it once held Puno alone
        peru = (0.0 - -18.4) * (-68.6 - -81.4)
        assert (north - south) * (east - west) < peru
        assert frame.evaluate(_FIND_MAP + "return map.getZoom(); }") >= 6
        assert "date=2023-01-09" in page.url
        # Juliaca's three events of the day share its coordinate: each can be clicked (zoomed in on
        # Juliaca, as a reader would: at zoom 6 the Puno–Arequipa road's marker overlaps them)
        frame.evaluate(_FIND_MAP + f"map.setView([{JULIACA[0]}, {JULIACA[1]}], 9, {{animate: false}}); }}")
        time.sleep(0.5)
        box = page.locator('iframe[title="streamlit_folium.st_folium"]').first.bounding_box()
        titles = click_each_stacked_event(page, frame, (box["x"], box["y"]))
        assert sorted(titles) == ["Juliaca", "Juliaca (urb. Tambopata)", "Juliaca: Promart, Movistar, Plaza Vea, La Curacao"]
    finally:
        page.close()


_RADII = _FIND_MAP + """const out = [];
    map.eachLayer(l => { if (l instanceof L.CircleMarker && l.options.bmAt) { out.push(l.getRadius()); } });
    return {zoom: map.getZoom(), radii: out}; }"""


def test_a_busy_day_draws_smaller_markers_at_country_zoom(browser, serve_app):
    from geo.core.paths import BUNDLED_DATA
    from geo.query.active import day_summary
    from geo.store import load_dataset

    count = len(day_summary(load_dataset(BUNDLED_DATA), "2023-01-20")["events"])
    assert count > 150   # SUTRAN listed 150 protest points that day
    base = serve_app(BUNDLED_DATA)
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(f"{base}/?date=2023-01-20", wait_until="domcontentloaded")
        page.get_by_text("Blockades and protests on 2023-01-20").wait_for(timeout=30000)
        frame = map_frame(page)
        assert len(_wait_for_count(frame, count)) == count
        frame.evaluate(_FIND_MAP + "map.setZoom(5, {animate: false}); }")
        time.sleep(0.5)
        country = frame.evaluate(_RADII)
        frame.evaluate(_FIND_MAP + "map.setZoom(8, {animate: false}); }")
        time.sleep(0.5)
        close = frame.evaluate(_RADII)
        assert (country["zoom"], close["zoom"]) == (5, 8)
        assert len(country["radii"]) == len(close["radii"]) >= count
        # each marker is drawn at 0.6 of its size over the whole country, at its size zoomed in
        assert [round(a / b, 2) for a, b in zip(country["radii"], close["radii"], strict=False)] == [0.6] * len(close["radii"])
    finally:
        page.close()
