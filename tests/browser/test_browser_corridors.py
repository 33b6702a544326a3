"""A real browser opens the corridors page: red cut stretches on the map, the status, the route answer;
moving to the map keeps the day and shows the day-over-day rings; the timeline opens the map on its day."""
from __future__ import annotations

import time

import pytest

from tests.conftest import map_frame
from tests.corridor_fixture import TOWNS, write_network

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def corridor_app(serve_app, tmp_path_factory):
    """The dashboard on the corridor fixture data; the first request is a deep link, which
    must still run through app.py (navigation, local assets)."""
    return serve_app(write_network(tmp_path_factory.mktemp("corridor-app") / "net"))


# The [lat, lon] points of the route line (the polyline whose path has the class bm-route).
_ROUTE_POINTS = """() => {
    const map = Object.values(window).find(v => v && v instanceof L.Map);
    let points = null;
    map.eachLayer(l => {
        if (l instanceof L.Polyline && l.getElement() && l.getElement().classList.contains('bm-route')) {
            points = l.getLatLngs().map(p => [Math.round(p.lat * 1000) / 1000, Math.round(p.lng * 1000) / 1000]);
        }
    });
    return points;
}"""
# Where a [lat, lon] is drawn, in the frame's pixels.
_PIXEL_OF = """(ll) => {
    const map = Object.values(window).find(v => v && v instanceof L.Map);
    const p = map.latLngToContainerPoint(ll), r = map.getContainer().getBoundingClientRect();
    return [r.left + p.x, r.top + p.y];
}"""


def wait_count(frame, selector: str, count: int, timeout_s: float = 20.0) -> int:
    deadline = time.time() + timeout_s
    found = frame.locator(selector).count()
    while found != count and time.time() < deadline:
        time.sleep(0.3)
        found = frame.locator(selector).count()
    return found


def test_corridors_page_highlights_cuts_and_keeps_the_day(browser, corridor_app):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(f"{corridor_app}/corridors?date=2023-01-10", wait_until="domcontentloaded")
        page.get_by_text("Road corridors on 2023-01-10").wait_for(timeout=30000)
        page.get_by_text("2 of 3 corridors cut").wait_for(timeout=10000)
        answer = page.get_by_text("Juliaca → Arequipa on 2023-01-10: NOT passable.")
        answer.wait_for(timeout=10000)
        assert "km after Juliaca, at Santa Lucía, on Arequipa–Juliaca." in answer.inner_text()
        assert "b-santa-lucia" not in answer.inner_text()
        frame = map_frame(page)
        assert wait_count(frame, "path.bm-cut", 2) == 2
        assert frame.locator("path.bm-cut").evaluate_all("els => els.map(e => e.getAttribute('stroke'))") == \
            ["#d7191c", "#d7191c"]
        assert frame.locator("path.bm-corridor").count() == 3  # the base corridors under the cuts
        box = frame.locator("path.bm-cut").first.bounding_box()
        assert box and box["width"] > 0 and box["height"] > 0
        # the route asked for, drawn along the corridor from Juliaca to Arequipa through Santa Lucía
        assert wait_count(frame, "path.bm-route", 1) == 1
        assert frame.evaluate(_ROUTE_POINTS) == [list(TOWNS[t][::-1]) for t in ("Juliaca", "Santa Lucía", "Arequipa")]
        route_box = frame.locator("path.bm-route").bounding_box()
        assert route_box["width"] > 50 and route_box["height"] > 20
        # its cut, numbered as in the table, sits on the route at Santa Lucía, over the red stretch
        assert frame.locator(".leaflet-marker-icon.bm-route-cut").all_inner_texts() == ["1"]
        badge = frame.locator(".leaflet-marker-icon.bm-route-cut").evaluate(
            "e => { const r = e.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; }")
        at = frame.evaluate(_PIXEL_OF, list(TOWNS["Santa Lucía"][::-1]))
        assert abs(badge[0] - at[0]) < 3 and abs(badge[1] - at[1]) < 3
        assert frame.locator(".bm-route-end").all_inner_texts() == ["From Juliaca", "To Arequipa"]
        # its own legend, with the red cut stretches and the route; towns named on the map
        legend = frame.locator(".bm-legend").inner_text()
        assert "Road cut (5 km each side of a blockade)" in legend and "Route asked for" in legend
        assert "What happened" not in legend  # not the Map page's legend
        labels = frame.locator(".bm-town-label").all_inner_texts()
        assert {"Arequipa", "Juliaca", "Ayaviri", "Chucuito"} <= set(labels)
        page.get_by_role("heading", name="Cuts on the way from Juliaca to Arequipa").wait_for(timeout=10000)
        # another pair: the route is redrawn with its own cuts
        page.get_by_role("combobox", name="From").click()
        page.get_by_role("option", name="Ayaviri").click()
        page.get_by_role("combobox", name="To", exact=True).click()
        page.get_by_role("option", name="Chucuito").click()
        page.get_by_role("button", name="Check the route").click()
        page.get_by_text("Ayaviri → Chucuito on 2023-01-10: NOT passable.").wait_for(timeout=20000)
        frame = map_frame(page)
        deadline = time.time() + 20
        while frame.evaluate(_ROUTE_POINTS) != [list(TOWNS[t][::-1]) for t in ("Ayaviri", "Calapuja", "Juliaca", "Puno", "Chucuito")] \
                and time.time() < deadline:
            time.sleep(0.3)
        assert frame.evaluate(_ROUTE_POINTS) == [list(TOWNS[t][::-1]) for t in ("Ayaviri", "Calapuja", "Juliaca", "Puno", "Chucuito")]
        assert frame.locator(".bm-route-end").all_inner_texts() == ["From Ayaviri", "To Chucuito"]
        assert frame.locator(".leaflet-marker-icon.bm-route-cut").all_inner_texts() == ["1"]
        # to the map by the navigation menu: the day is kept, new and lifted blockades are marked
        page.locator("[data-testid=stSidebarNavLink]", has_text="Map").click()
        page.get_by_text("Blockades and protests on 2023-01-10").wait_for(timeout=30000)
        frame = map_frame(page)
        assert wait_count(frame, "path.bm-new", 1) == 1
        assert wait_count(frame, "path.bm-lifted", 3) == 3
        assert "Blockade lifted since the day before" in frame.locator(".bm-legend").inner_text()
        page.get_by_text("Lifted (3)").wait_for(timeout=10000)
        assert "date=2023-01-10" in page.url
    finally:
        page.close()


def test_timeline_opens_the_map_on_its_day(browser, corridor_app):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(f"{corridor_app}/timeline?date=2023-01-09", wait_until="domcontentloaded")
        page.get_by_text("Timeline, 2023-01-07 to 2023-01-10").wait_for(timeout=30000)
        page.get_by_role("link", name="Open the map on 2023-01-09").click()
        page.get_by_text("Blockades and protests on 2023-01-09").wait_for(timeout=30000)
        assert page.url.startswith(f"{corridor_app}/?") and "date=2023-01-09" in page.url
    finally:
        page.close()


# The names shown on the map: the corridors map's town labels and the basemap's place labels
# that are displayed.
_SHOWN_NAMES = """() => [...document.querySelectorAll('.bm-town-label, .bm-bl-label span')]
    .filter(e => { const box = e.getBoundingClientRect(); return box.width > 0 && box.height > 0
                   && getComputedStyle(e).visibility !== 'hidden'; })
    .map(e => e.textContent)"""


def test_the_bundled_corridors_map_names_each_town_once_over_the_basemap(browser, serve_app):
    from geo.core.paths import BUNDLED_DATA
    base = serve_app(BUNDLED_DATA)
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(f"{base}/corridors?date=2023-01-09", wait_until="domcontentloaded")
        page.get_by_text("Road corridors on 2023-01-09").wait_for(timeout=30000)
        frame = map_frame(page)
        frame.wait_for_selector(".bm-bl-label", state="attached", timeout=20000)  # the basemap's labels
        assert wait_count(frame, "path.bm-route", 1) == 1
        time.sleep(1)
        shown = frame.evaluate(_SHOWN_NAMES)
        assert {"Juliaca", "Arequipa", "Cusco", "Desaguadero", "Puerto Maldonado", "Calapuja"} <= set(shown)
        assert sorted(n for n in set(shown) if shown.count(n) > 1) == []  # no name twice
        # zoomed in, every corridor town is named, still once
        frame.evaluate("() => { const map = Object.values(window).find(v => v && v instanceof L.Map);"
                       " map.setView([-15.6, -70.2], 9, {animate: false}); }")
        time.sleep(1)
        shown = frame.evaluate(_SHOWN_NAMES)
        assert {"Cabanillas", "Caracoto", "Puno"} <= set(shown)
        assert sorted(n for n in set(shown) if shown.count(n) > 1) == []
    finally:
        page.close()
