"""The map page with more events than it draws one by one: counted cells, a note saying so,
a capped table, and the events in view drawn one by one after zooming in."""
from __future__ import annotations

import time

import pytest

from tests.conftest import map_frame
from tests.scale_data import NOTE, write_big_folder


@pytest.fixture(scope="module")
def big_data(tmp_path_factory):
    """2,400 events, 800 in each of three towns, all active on 9 January 2023."""
    return write_big_folder(tmp_path_factory.mktemp("scale") / "data")


def _cells(frame) -> tuple[int, int, str]:
    return tuple(frame.evaluate(
        "() => [document.querySelectorAll('.bm-cell').length,"
        " Array.from(document.querySelectorAll('.bm-cell div')).reduce((a, d) => a + Number(d.dataset.count), 0),"
        " (document.querySelector('.bm-agg-note') || {}).textContent || '']"))


@pytest.mark.browser
def test_browser_shows_counted_cells_then_each_event_after_zooming(browser, serve_app, big_data):
    base = serve_app(big_data)
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(f"{base}/?date=2023-01-09", wait_until="domcontentloaded")
        page.get_by_text("Blockades and protests on 2023-01-09").wait_for(timeout=30000)
        frame = map_frame(page)
        deadline = time.time() + 20
        while _cells(frame)[0] != 3 and time.time() < deadline:
            time.sleep(0.3)
        assert _cells(frame) == (3, 2400, NOTE)
        assert frame.locator("path.bm-event").count() == 0
        # Zoom in on Juliaca: the map reports its bounds, and its 800 events come back one by one.
        # (A zoom in the first second after loading can be undone by the map's own start-up,
        # so the zoom is repeated until it holds.)
        deadline = time.time() + 40
        while frame.locator("path.bm-event").count() != 800 and time.time() < deadline:
            if frame.evaluate("() => window.map.getZoom()") != 13:
                frame.evaluate("() => window.map.setView([-15.5, -70.13], 13)")
            time.sleep(0.5)
        assert frame.locator("path.bm-event").count() == 800
        cells, total, note = _cells(frame)
        assert (cells, total) == (2, 1600) and note.startswith("800 events in view drawn one by one")
        frame.locator("path.bm-event").first.click(force=True)
        popup = frame.locator(".leaflet-popup-content")
        popup.wait_for(timeout=10000)
        assert "Juliaca" in popup.inner_text() and "Defensoría del Pueblo" in popup.inner_text()
        # Zoomed out again, the view has no marker of its own: the 800 kept from the view before go too.
        deadline = time.time() + 40
        while (frame.locator("path.bm-event").count() or _cells(frame)[0] != 3) and time.time() < deadline:
            if frame.evaluate("() => window.map.getZoom()") != 5:
                frame.evaluate("() => window.map.setView([-14.5, -71], 5)")
            time.sleep(0.5)
        assert frame.locator("path.bm-event").count() == 0 and _cells(frame)[:2] == (3, 2400)
    finally:
        page.close()
