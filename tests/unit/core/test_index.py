"""The event index and the map's day layer: the events a view shows, markers at small sizes,
counted cells past the threshold."""
from __future__ import annotations

import numpy as np
import pytest

from geo.core.dates import day_number
from geo.core.index import AGGREGATE_OVER, CELL_SIZES, TABLE_LIMIT, EventIndex, cell_size
from geo.core.view import View
from geo.query.active import select_events, view_mask
from geo.render.maps import build_map, day_layers, leaflet_bounds
from geo.render.popups import join_popup
from geo.store import load_dataset
from tests.conftest import layer_calls, make_event, render_groups, write_folder

KINDS_CYCLE = ["blockade", "protest", "clash", "closure", "detention", "other"]
# Three towns far apart, so cells never merge across them: Juliaca, Cusco, Arequipa.
TOWNS = [("Juliaca", "Puno", -70.13333, -15.5), ("Cusco", "Cusco", -71.9675, -13.5319),
         ("Arequipa", "Arequipa", -71.5375, -16.3989)]


def _many_events(n: int) -> list[dict]:
    events = []
    for i in range(n):
        place, region, lon, lat = TOWNS[i % 3]
        start = f"2023-01-{1 + i % 9:02d}"
        end = f"2023-01-{9 + i % 3:02d}"
        events.append(make_event(f"e{i:05d}", KINDS_CYCLE[i % 6], start, end, lon=lon + (i % 5) * 0.001,
                                 lat=lat, place=place, region=region, fatalities=i % 4 if i % 6 == 2 else 0,
                                 detained=3 if i % 6 == 4 else 0))
    return events


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    """2,400 events in three towns, all active on 9 January 2023: past the aggregation threshold."""
    folder = write_folder(tmp_path_factory.mktemp("big") / "data", _many_events(2400))
    return load_dataset(folder)


@pytest.fixture
def tiny(tiny_data):
    return load_dataset(tiny_data)


VIEWS = [View("2023-01-09"), View("2023-01-08"), View("2023-01-20"), View("2023-01-09", "cumulative"),
         View("2023-01-09", kinds=("blockade", "clash")), View("2023-01-10", regions=("Puno", "Nowhere")),
         View("2022-12-01", "cumulative"), View("2023-01-05", "cumulative", kinds=("detention",), regions=("Lima",))]


def _totals(frame):
    """Totals counted the slow way, from a frame of events."""
    out = {k: int((frame["kind"] == k).sum())
           for k in ("blockade", "protest", "clash", "closure", "detention", "other")}
    out.update({f: int(frame[f].sum()) for f in ("fatalities", "injured", "detained")}, events=len(frame))
    return out


@pytest.mark.parametrize("view", VIEWS, ids=lambda v: f"{v.day}-{v.mode}-{'+'.join(v.kinds)}-{'+'.join(v.regions)}")
@pytest.mark.parametrize("which", ["tiny", "big"])
def test_index_selects_the_events_active_on_the_day(view, which, request):
    ds = request.getfixturevalue(which)
    positions = ds.index.select(view)
    frame = ds.events
    mask = view_mask(frame, view)
    if view.kinds:
        mask &= frame["kind"].isin(view.kinds)
    expected = frame[mask].sort_values(["start", "id"])
    assert list(ds.index.frame(positions)["id"]) == list(expected["id"])
    assert ds.index.totals(positions) == _totals(expected)
    assert [r["id"] for r in ds.index.records(positions)] == list(expected["id"])


def test_the_index_is_built_with_the_dataset(tiny):
    assert len(tiny.index) == len(tiny.events) == 4
    assert tiny.index.busiest_day() == "2023-01-09"


def test_index_checks_its_inputs(tiny):
    with pytest.raises(TypeError, match="DataFrame"):
        EventIndex([1, 2])
    with pytest.raises(TypeError, match="View"):
        tiny.index.select("2023-01-09")
    with pytest.raises(ValueError, match="not a date"):
        day_number("2023-13-01")
    assert day_number("1970-01-02") == 1


def test_small_views_draw_one_marker_per_event_with_popups(tiny):
    view = View("2023-01-09")
    layers = day_layers(tiny, view)
    assert layers.note is None and layers.points == 3
    html = render_groups(layers.groups)
    [[rows, _spread]] = layer_calls(html, "pointLayer")
    assert not layer_calls(html, "cellLayer")
    assert [r[2] for r in rows] == ["bm-event bm-kind-clash", "bm-event bm-kind-blockade", "bm-event bm-kind-blockade"]
    assert rows[0][:2] == [-15.5, -70.13333] and rows[0][4] == pytest.approx(6 + 3.5 * 17 ** 0.5, abs=0.1)
    popup = join_popup(rows[0][5])  # the popup's pieces, joined as the browser does when it opens
    assert "Juliaca" in popup and "17 dead" in popup and "Defensoría del Pueblo" in popup
    html = build_map(tiny, view, tiles=False).get_root().render()
    assert len(layer_calls(html, "pointLayer")[0][0]) == 3 and "bm-agg-note" not in html.split("</style>")[-1]


def test_markers_are_made_once_and_kept_between_views(tiny):
    made = []
    first = tiny.index.memo("test", tiny.index.select(View("2023-01-09")), lambda r: made.append(r["id"]) or r["id"])
    again = tiny.index.memo("test", tiny.index.select(View("2023-01-09")), lambda r: made.append(r["id"]) or r["id"])
    assert first == again and sorted(made) == ["e-chucuito", "e-ilave", "e-juliaca-clash"]
    tiny.index.memo("test", tiny.index.select(View("2023-01-06")), lambda r: made.append(r["id"]) or r["id"])
    assert made[-1] == "e-lima" and len(made) == 4  # only the event not shown before was made


def test_past_the_threshold_events_become_counted_cells(big):
    view = View("2023-01-09")
    positions = big.index.select(view)
    assert len(positions) > AGGREGATE_OVER
    layers = day_layers(big, view)
    html = render_groups(layers.groups)
    [[rows, kinds, words, note]] = layer_calls(html, "cellLayer")
    assert not layer_calls(html, "pointLayer")
    assert sum(r[2] for r in rows) == len(positions) == len(select_events(big, view))
    assert all(sum(r[3]) == r[2] for r in rows)
    assert len(rows) == 3  # one cell per town: every event of a town lies within one cell
    by_place = {r[7]: r for r in rows}
    frame = select_events(big, view)
    for place in ("Juliaca", "Cusco", "Arequipa"):
        mine = frame[frame["place"] == place]
        assert by_place[place][2] == len(mine)
        assert by_place[place][3][2] == int((mine["kind"] == "clash").sum())
        assert by_place[place][4] == int(mine["fatalities"].sum())
        assert by_place[place][6] == int(mine["detained"].sum())
    assert note == layers.note == f"{len(positions):,} events shown as 3 cells; zoom or filter to see individual points"
    html = build_map(big, view, tiles=False).get_root().render()
    assert layer_calls(html, "cellLayer") and not layer_calls(html, "pointLayer")


def test_a_filter_brings_individual_markers_back(big):
    view = View("2023-01-09", kinds=("clash",))
    [[rows, _spread]] = layer_calls(render_groups(day_layers(big, view).groups), "pointLayer")
    assert len(rows) == len(select_events(big, view)) <= AGGREGATE_OVER


@pytest.mark.parametrize("size", [0.02, 0.25, 1.0])
def test_cells_group_by_grid_and_keep_frequent_places(big, size):
    index = big.index
    positions = index.select(View("2023-01-11", "cumulative"))
    cells = index.cells(positions, size)
    assert int(cells.count.sum()) == len(positions) == int(cells.by_kind.sum())
    # Each cell's mean position lies in that cell, and no two cells share one.
    keys = set(zip(np.floor(cells.lat / size).tolist(), np.floor(cells.lon / size).tolist(), strict=True))
    assert len(keys) == len(cells)
    assert {p[0] for p in cells.places} == {"Arequipa", "Cusco", "Juliaca"}
    if size == 0.02:  # 0.001 degree steps apart, the five positions of a town share a cell
        assert len(cells) == 3
    with pytest.raises(ValueError, match="cell size"):
        index.cells(positions, 0)


def test_cell_size_follows_the_view():
    assert cell_size(((-18.5, -81.5), (0.1, -68.5))) == 1.0  # all of Peru: 18.6 degrees tall
    assert cell_size(((-16.0, -70.5), (-15.0, -69.5))) == 0.05  # one degree around Juliaca
    assert cell_size(((-15.51, -70.14), (-15.5, -70.13))) == CELL_SIZES[0]
    assert cell_size(((-90, -180), (90, 180))) == CELL_SIZES[-1]


def test_zoomed_in_the_events_in_view_are_drawn_one_by_one(big):
    view = View("2023-01-09")
    near_juliaca = ((-15.6, -70.2), (-15.4, -70.0))
    layers = day_layers(big, view, bounds=near_juliaca)
    html = render_groups(layers.groups)
    [[cell_rows, *_]] = layer_calls(html, "cellLayer")
    [[rows, _spread]] = layer_calls(html, "pointLayer")
    juliaca = select_events(big, view).query("place == 'Juliaca'")
    assert len(rows) == len(juliaca) == 800 and all("Juliaca" in join_popup(r[5]) for r in rows)
    assert sorted(r[7] for r in cell_rows) == ["Arequipa", "Cusco"]
    assert sum(r[2] for r in cell_rows) + len(rows) == len(select_events(big, view))
    assert layers.note == ("800 events in view drawn one by one; the other 1,600 shown "
                           "as 2 cells; zoom or filter to see individual points")


def test_a_wide_view_keeps_everything_in_cells(big):
    html = render_groups(day_layers(big, View("2023-01-09"), bounds=((-18.5, -81.5), (0.1, -68.5))).groups)
    assert len(layer_calls(html, "cellLayer")) == 1 and not layer_calls(html, "pointLayer")


def test_index_within_pads_the_bounds(big):
    index = big.index
    positions = index.select(View("2023-01-09"))
    assert len(index.within(positions, ((-15.6, -70.2), (-15.4, -70.0)))) == 800
    assert len(index.within(positions, ((-15.48, -70.2), (-15.4, -70.0)))) == 0
    assert len(index.within(positions, ((-15.48, -70.2), (-15.4, -70.0)), pad=1.0)) == 800


@pytest.mark.parametrize("value, expected", [
    ({"_southWest": {"lat": -16, "lng": -71}, "_northEast": {"lat": -15, "lng": -70}},
     ((-16.0, -71.0), (-15.0, -70.0))),
    ({"_southWest": {"lat": None, "lng": None}, "_northEast": {"lat": None, "lng": None}}, None),
    ({"_southWest": {"lat": -15, "lng": -71}, "_northEast": {"lat": -16, "lng": -70}}, None),
    (None, None), ({}, None), ("bounds", None),
])
def test_leaflet_bounds(value, expected):
    assert leaflet_bounds(value) == expected


def test_data_that_looks_like_a_template_is_drawn_as_text(tmp_path):
    from geo.core.escape import escape_html
    folder = write_folder(tmp_path / "data", [
        make_event("e1", description="Sign said {{ 7*7 }} and {% raw %}", place="{% if x %}Juliaca"),
        make_event("e2", start="2023-01-08", place="{% if y %}Ilave")])
    ds = load_dataset(folder)
    view = View("2023-01-09")
    html = build_map(ds, view, tiles=False).get_root().render()  # rings included: lifted names its place
    # Braces reach the page as HTML entities: the browser shows "{{ 7*7 }}", no template runs.
    def embedded(text: str) -> str:  # as it stands in the page's script data
        return escape_html(text).replace("&", "\\u0026")
    assert embedded("{{ 7*7 }}") in html and embedded("{% raw %}") in html and ">49<" not in html
    assert embedded("{% if x %}Juliaca") in html and embedded("Lifted: {% if y %}Ilave") in html


def test_table_limit_is_sane():
    assert 100 <= TABLE_LIMIT <= AGGREGATE_OVER
    assert list(CELL_SIZES) == sorted(CELL_SIZES)


@pytest.mark.parametrize("which", ["tiny", "big"])
def test_day_over_day_matches_a_scan_of_the_frame(which, request):
    from geo.core.dates import day_range, shift_day
    from geo.query.changes import day_over_day
    ds = request.getfixturevalue(which)
    ev = ds.events
    for day in day_range("2023-01-05", "2023-01-13"):
        for kinds, regions in ((("blockade",), ()), (("clash", "detention"), ("Puno", "Lima")),
                               (("blockade",), ("Nowhere",))):
            keep = ev["kind"].isin(kinds) & (ev["region"].isin(regions) if regions else True)
            today = keep & (ev["start"] <= day) & (ev["end"] >= day)
            before = keep & (ev["start"] <= shift_day(day, -1)) & (ev["end"] >= shift_day(day, -1))
            got = day_over_day(ds, day, kinds, regions)
            assert sorted(e["id"] for e in got["new"]) == sorted(ev[today & ~before]["id"])
            assert sorted(e["id"] for e in got["continuing"]) == sorted(ev[today & before]["id"])
            assert sorted(e["id"] for e in got["lifted"]) == sorted(ev[before & ~today]["id"])
