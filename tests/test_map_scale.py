"""The map page with more events than it draws one by one: counted cells, a note saying so,
a capped table, and the events in view drawn one by one after zooming in."""
from __future__ import annotations

import time

import pytest
from streamlit.testing.v1 import AppTest

from geo.mapindex import TABLE_LIMIT
from geo.store import load_dataset
from geo.timeline import View, select_events
from tests.conftest import ROOT, make_event, map_frame, write_folder

TOWNS = [("Juliaca", "Puno", -70.13333, -15.5), ("Cusco", "Cusco", -71.9675, -13.5319),
         ("Arequipa", "Arequipa", -71.5375, -16.3989)]
NOTE = "2,400 events shown as 3 cells; zoom or filter to see individual points"


@pytest.fixture(scope="module")
def big_data(tmp_path_factory):
    """2,400 events, 800 in each of three towns, all active on 9 January 2023."""
    kinds = ["blockade", "protest", "clash", "closure", "detention", "other"]
    events = []
    for i in range(2400):
        place, region, lon, lat = TOWNS[i % 3]
        events.append(make_event(f"e{i:05d}", kinds[i % 6], f"2023-01-{1 + i % 9:02d}", f"2023-01-{9 + i % 3:02d}",
                                 lon=lon + (i % 5) * 0.001, lat=lat, place=place, region=region))
    return write_folder(tmp_path_factory.mktemp("scale") / "data", events)


def _page(data, monkeypatch, query: dict, state: dict | None = None) -> AppTest:
    monkeypatch.setenv("BLOCKADE_MAP_DATA", str(data))
    at = AppTest.from_file(str(ROOT / "views" / "map.py"), default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    for key, value in (state or {}).items():
        at.session_state[key] = value
    return at.run()


def test_page_says_how_many_events_the_cells_stand_for(big_data, monkeypatch):
    at = _page(big_data, monkeypatch, {"date": "2023-01-09"})
    assert not at.exception
    assert next(m.value for m in at.metric if m.label == "Events mapped") == "2400"
    captions = [c.value for c in at.caption]
    assert f"{NOTE}." in captions
    assert f"The first {TABLE_LIMIT} of 2,400 events, by start date; filter by kind or region to list fewer." in captions
    table = at.dataframe[0].value
    first = select_events(load_dataset(big_data), View("2023-01-09")).head(TABLE_LIMIT)
    assert len(table) == TABLE_LIMIT and list(table["Place"]) == list(first["place"])


def test_page_draws_the_events_in_view_once_the_map_reports_its_bounds(big_data, monkeypatch):
    bounds = {"_southWest": {"lat": -15.6, "lng": -70.2}, "_northEast": {"lat": -15.4, "lng": -70.0}}
    at = _page(big_data, monkeypatch, {"date": "2023-01-09"}, {"blockade-map-cells": {"bounds": bounds}})
    assert not at.exception
    assert ("800 events in view drawn one by one; the other 1,600 shown as 2 cells; "
            "zoom or filter to see individual points.") in [c.value for c in at.caption]


def test_a_filter_below_the_threshold_draws_markers_and_no_note(big_data, monkeypatch):
    at = _page(big_data, monkeypatch, {"date": "2023-01-09", "kinds": "clash"})
    assert next(m.value for m in at.metric if m.label == "Events mapped") == "400"
    assert not any("cells" in c.value for c in at.caption)
    assert len(at.dataframe[0].value) == 400


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
    finally:
        page.close()
