"""A day step keeps the markers of events still shown (blockade-map.js keepMarkers): the same
elements stay, the map holds exactly the new day's events, largest circles under smaller ones,
above the other layers, and a kept marker still opens its popup."""
from __future__ import annotations

from bench.browser_step import _step_ms, _wait_map, expected_points
from geo.core.paths import BUNDLED_DATA
from tests.conftest import map_frame

DAYS = ("2023-01-20", "2023-01-21", "2023-01-20")

_DOM_ORDER_RADII = """() => Array.from(document.querySelectorAll('path.bm-event'))
    .map(p => Math.round(p.getBBox().width * 10) / 10)"""


def test_a_day_step_keeps_the_markers_of_events_still_shown(browser, serve_app):
    points = expected_points(str(BUNDLED_DATA), list(DAYS))
    overlap = len(set(points[0]) & set(points[1]))
    assert overlap > 100  # the two days share most of their blockades
    base = serve_app(BUNDLED_DATA)
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(f"{base}/?date={DAYS[0]}&lang=en", wait_until="domcontentloaded")
        _wait_map(page, f"Blockades and protests on {DAYS[0]}", True, len(points[0]), 60)
        frame = map_frame(page)
        frame.evaluate("() => document.querySelectorAll('path.bm-event').forEach(p => p.setAttribute('data-day1', ''))")
        _step_ms(page, f"Blockades and protests on {DAYS[1]}", True, points[1], 60)  # exactly the 21st's events
        frame = map_frame(page)
        total, kept = frame.evaluate("""() => [document.querySelectorAll('path.bm-event').length,
                                               document.querySelectorAll('path.bm-event[data-day1]').length]""")
        assert total == len(points[1])
        # most markers of the 20th stay as they were (a few are drawn again: spread around a shared point)
        assert 0.8 * overlap <= kept <= overlap
        # largest circles first in the drawing order, so that no small circle hides under a large one
        radii = frame.evaluate(_DOM_ORDER_RADII)
        assert radii == sorted(radii, reverse=True)
        # the events' own pane lies above the pane of rings, hotspots and corridors
        z = frame.evaluate("""() => [getComputedStyle(document.querySelector('.leaflet-bm-events-pane')).zIndex,
                                     getComputedStyle(document.querySelector('.leaflet-overlay-pane')).zIndex]""")
        assert int(z[0]) > int(z[1])
        # a kept marker opens its popup, joined from its pieces
        popup = frame.evaluate("""() => { let text = null;
            window.map.eachLayer(l => { if (text === null && l.getElement && l.getElement() &&
                l.getElement().hasAttribute('data-day1') && l.getPopup && l.getPopup()) {
                l.openPopup(); text = l.getPopup().getElement().querySelector('.bm-popup').textContent; } });
            return text; }""")
        assert popup and "Sources:" in popup and "Status:" in popup
        frame.evaluate("() => window.map.closePopup()")
        # tooltips are made when the pointer first comes over a circle, not for every circle of the day
        assert frame.evaluate("""() => { let n = 0; window.map.eachLayer(l => { if (l.getTooltip && l.getTooltip()
            && String(l.options.className || '').includes('bm-event')) { n += 1; } }); return n; }""") == 0
        frame.locator("path.bm-event[data-day1]").last.hover(force=True)
        tip = frame.locator(".leaflet-tooltip:not(.bm-town-label)")
        tip.first.wait_for(timeout=5000)
        assert ": " in tip.first.inner_text()  # "place: kind"
        # and back again: the 20th's events exactly
        page.get_by_role("button", name="Prev").click()
        _wait_map(page, f"Blockades and protests on {DAYS[2]}", True, len(points[2]), 60)
        frame = map_frame(page)
        assert frame.evaluate("() => document.querySelectorAll('path.bm-event').length") == len(points[2])
    finally:
        page.close()


def test_the_dashboard_popups_served_as_a_file_are_the_ones_python_writes(browser, serve_app):
    """Every marker's popup of a day, joined from the served file, is the HTML of
    geo.render.popups.popup_html (as the browser parses it); one opened at once, before the file's
    idle fetch, waits for it."""
    from geo.core.i18n import translator
    from geo.core.view import View
    from geo.render.popups import popup_html
    from geo.store import load_dataset
    index = load_dataset(BUNDLED_DATA).index
    records = index.records(index.select(View("2023-01-09")))
    base = serve_app(BUNDLED_DATA)
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(f"{base}/?date=2023-01-09&lang=es", wait_until="domcontentloaded")
        frame = map_frame(page)
        frame.wait_for_function("() => document.querySelectorAll('path.bm-event').length === 20", timeout=30000)
        first = frame.evaluate("""() => { let html = null; window.map.eachLayer(l => { if (html === null &&
            String(l.options.className || '').includes('bm-event')) { l.openPopup();
            html = l.getPopup().getElement().querySelector('.leaflet-popup-content').innerHTML; } }); return html; }""")
        assert 'class="bm-popup"' in first and "Fuentes:" in first
        shown = frame.evaluate("""() => { const out = []; window.map.eachLayer(l => {
            if (String(l.options.className || '').includes('bm-event')) { l.openPopup();
                out.push(l.getPopup().getElement().querySelector('.leaflet-popup-content').innerHTML); } });
            return out; }""")
        expected = [frame.evaluate("h => { const d = document.createElement('div'); d.innerHTML = h; return d.innerHTML; }",
                                   popup_html(r, translator("es"))) for r in records]
        assert sorted(shown) == sorted(expected) and len(shown) == 20
    finally:
        page.close()
