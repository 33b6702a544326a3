"""The dashboard keeps every event of the day on screen and frames the day on request (issue 22)."""
from __future__ import annotations

from datetime import date

from tests.conftest import BUNDLED, page_test


def _inside(frame, lat, lon) -> bool:
    return frame[0][0] <= lat <= frame[1][0] and frame[0][1] <= lon <= frame[1][1]


def test_moving_to_31_january_brings_pucallpa_on_screen(monkeypatch):
    monkeypatch.setenv("BLOCKADE_MAP_DATA", str(BUNDLED))
    at = page_test("map.py", default_timeout=60)
    at.query_params["date"] = "2023-01-09"
    at.run()
    jan9 = at.session_state["_map_frame"]
    assert not _inside(jan9, -8.38, -74.55)  # Pucallpa is off the 9 January frame
    at.slider(key="view_day").set_value(date(2023, 1, 31)).run()
    assert not at.exception
    assert _inside(at.session_state["_map_frame"], -8.38, -74.55)
    # "Frame the day" remounts the map on the day's frame, even when the reader panned away
    button = next(b for b in at.button if b.key == "frame-day")
    assert button.label == "Frame the day"
    button.click().run()
    assert at.session_state["_frame_asked"] == 1 and _inside(at.session_state["_map_frame"], -8.38, -74.55)
