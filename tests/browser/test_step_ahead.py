""""Next" and "Prev" draw the day they step to at once, from the file the server made of it
(geo/render/served_views.py, blockade-map.js stepAhead): the map holds that day's events before
the server's run has sent them, and the server's text, the same, is not drawn a second time.
When the server's text differs (the frame moves), the map draws it as before."""
from __future__ import annotations

from bench.browser_step import _wait_map, expected_points
from geo.core.paths import BUNDLED_DATA
from tests.conftest import make_event, map_frame, write_folder

#: In the map's frame: count the point layers drawn from now on (ahead or from the server's text).
COUNT_DRAWS = """() => { if (!window.__bmDraws) { const draw = BlockadeMap.pointLayer;
    BlockadeMap.pointLayer = function () { window.__bmDraws.n += 1; return draw.apply(this, arguments); }; }
    window.__bmDraws = {n: 0}; }"""
DRAWS = "() => [window.__bmDraws.n, BlockadeMap.drawnAhead()]"


def _open(browser, base: str, day: str, expected: int):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{base}/?date={day}&lang=en", wait_until="domcontentloaded")
    _wait_map(page, f"Blockades and protests on {day}", True, expected, 60)
    return page


def test_next_draws_the_next_day_from_its_file_and_the_server_text_is_not_drawn_again(browser, serve_app):
    days = ["2023-01-20", "2023-01-21", "2023-01-20"]
    points = expected_points(str(BUNDLED_DATA), days)
    page = _open(browser, serve_app(BUNDLED_DATA), days[0], len(points[0]))
    try:
        frame = map_frame(page)
        frame.wait_for_function("() => BlockadeMap.readyAhead('next') && BlockadeMap.readyAhead('prev')",
                                timeout=30000)  # the 19th's too: the server makes the day before as well
        frame.evaluate(COUNT_DRAWS)
        page.get_by_role("button", name="Next").click()
        _wait_map(page, f"Blockades and protests on {days[1]}", True, len(points[1]), 60)
        # drawn once, ahead of the server's text, which was then found drawn
        assert frame.evaluate(DRAWS) == [1, 1]
        on_map = frame.evaluate("""() => { const keys = []; window.map.eachLayer(l => {
            const o = l.options || {}; if (o.bmAt && String(o.className || '').includes('bm-event') && l.getElement()
            && l.getElement().isConnected) { keys.push(o.bmAt[0].toFixed(5) + ',' + o.bmAt[1].toFixed(5)); } });
            return keys.sort(); }""")
        assert on_map == points[1]  # exactly the 21st's 129 events
        # rings and the legend of the 21st are there too (the same text as the server's)
        assert frame.locator("path.bm-change").count() > 0
        # and back: "Prev" draws the 20th from its file
        frame.wait_for_function("() => BlockadeMap.readyAhead('prev')", timeout=30000)
        page.get_by_role("button", name="Prev").click()
        _wait_map(page, f"Blockades and protests on {days[2]}", True, len(points[2]), 60)
        assert frame.evaluate(DRAWS) == [2, 2]
    finally:
        page.close()


def test_a_step_that_moves_the_frame_draws_the_server_text(browser, serve_app, tmp_path):
    """Drawn ahead in the old frame, then drawn again as the server sent it: framed on the new day."""
    tumbes = (-80.45, -3.5667)
    data = write_folder(tmp_path / "data", [
        make_event("e-juliaca", "blockade", "2023-01-09", place="Juliaca"),
        make_event("e-tumbes", "blockade", "2023-01-10", lon=tumbes[0], lat=tumbes[1], place="Tumbes",
                   region="Tumbes"),
    ])
    page = _open(browser, serve_app(data), "2023-01-09", 1)
    try:
        frame = map_frame(page)
        assert not frame.evaluate(f"() => window.map.getBounds().contains([{tumbes[1]}, {tumbes[0]}])")
        frame.wait_for_function("() => BlockadeMap.readyAhead('next')", timeout=30000)
        frame.evaluate(COUNT_DRAWS)
        page.get_by_role("button", name="Next").click()
        _wait_map(page, "Blockades and protests on 2023-01-10", True, 1, 60)
        frame.wait_for_function("() => window.__bmDraws.n === 2", timeout=10000)
        assert frame.evaluate("() => BlockadeMap.drawnAhead()") == 1
        assert frame.evaluate(f"() => window.map.getBounds().contains([{tumbes[1]}, {tumbes[0]}])")
        assert frame.locator("path.bm-event").count() == 1
        # the last day: no file is named for a next day and "Next" is disabled; a click draws nothing
        # (the disabled-button check itself, for a page that lost its server, is not reached here)
        frame.evaluate(COUNT_DRAWS)
        page.evaluate("""() => document.querySelector('.st-key-next_day button span, .st-key-next_day button')
            .dispatchEvent(new MouseEvent('click', {bubbles: true}))""")
        page.wait_for_timeout(500)
        assert frame.evaluate(DRAWS) == [0, 1]
        assert "2023-01-10" in page.locator("h1").first.inner_text()
    finally:
        page.close()
