"""The dashboard's frame (issue 22): every event of the day on screen, a chosen region framed."""
from __future__ import annotations

from geo.core.view import View
from geo.query.framing import contains, dashboard_frame, first_view_frame
from geo.store import load_dataset
from tests.conftest import BUNDLED

JAN9, JAN31 = "2023-01-09", "2023-01-31"


def _inside(frame, dataset, view) -> bool:
    return all(frame[0][0] <= r["lat"] <= frame[1][0] and frame[0][1] <= r["lon"] <= frame[1][1]
               for r in dataset.index.records(dataset.index.select(view)))


def test_the_readers_frame_is_kept_while_it_holds_the_day():
    ds = load_dataset(BUNDLED)
    frame = dashboard_frame(ds, View(JAN9), None, None)
    assert frame == first_view_frame(ds, View(JAN9)) and _inside(frame, ds, View(JAN9))
    wide = [[-20.0, -82.0], [1.0, -68.0]]  # the reader zoomed out: every day fits, nothing moves
    assert dashboard_frame(ds, View(JAN31), wide, ()) == wide


def test_a_day_with_an_event_outside_moves_the_map_pucallpa():
    ds = load_dataset(BUNDLED)
    jan9 = dashboard_frame(ds, View(JAN9), None, None)
    places = {r["place"] for r in ds.index.records(ds.index.select(View(JAN31)))}
    assert any("Pucallpa" in p for p in places)
    assert not _inside(jan9, ds, View(JAN31))  # the 9 January frame leaves Pucallpa out
    moved = dashboard_frame(ds, View(JAN31), jan9, ())
    assert moved != jan9 and _inside(moved, ds, View(JAN31))


def test_choosing_a_region_frames_it():
    ds = load_dataset(BUNDLED)
    jan9 = dashboard_frame(ds, View(JAN9), None, None)
    cusco = View("2023-01-12", regions=("Cusco",))
    frame = dashboard_frame(ds, cusco, jan9, ())
    assert frame == first_view_frame(ds, cusco) and _inside(frame, ds, cusco)
    assert dashboard_frame(ds, cusco, frame, ("Cusco",)) == frame  # same regions: kept


def test_contains():
    assert contains([[-20, -80], [0, -60]], [[-16, -72], [-15, -70]])
    assert not contains([[-16, -72], [-15, -70]], [[-20, -80], [0, -60]])
    assert not contains(None, [[-16, -72], [-15, -70]])
