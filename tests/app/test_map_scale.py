"""The map page with more events than it draws one by one: counted cells, a note saying so,
a capped table, and the events in view drawn one by one after zooming in."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from geo.core.index import TABLE_LIMIT
from geo.core.view import View
from geo.query.active import select_events
from geo.store import load_dataset
from tests.conftest import page_test
from tests.scale_data import NOTE, write_big_folder
from ui.tables import TABLE_KEY


@pytest.fixture(scope="module")
def big_data(tmp_path_factory):
    """2,400 events, 800 in each of three towns, all active on 9 January 2023."""
    return write_big_folder(tmp_path_factory.mktemp("scale") / "data")


def _page(data, monkeypatch, query: dict, state: dict | None = None) -> AppTest:
    monkeypatch.setenv("BLOCKADE_MAP_DATA", str(data))
    at = page_test("map.py", default_timeout=60)
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
    assert (f"The first {TABLE_LIMIT} of 2,400 events, by start date; filter by kind or region to list "
            "fewer.") in captions
    # a busy day's table is made only once the reader asks for it, with a switch whose words stay the same
    assert not at.dataframe and [t.label for t in at.toggle if t.key == TABLE_KEY] == ["Show the events in a table"]
    at = _page(big_data, monkeypatch, {"date": "2023-01-09"}, {TABLE_KEY: True})
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
    assert not at.dataframe
    at = _page(big_data, monkeypatch, {"date": "2023-01-09", "kinds": "clash"}, {TABLE_KEY: True})
    assert len(at.dataframe[0].value) == 400


