"""Day over day: new, continuing and lifted blockades, at the range edges, and their map layers."""
from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from geo.core.view import View
from geo.query.changes import change_summary, day_over_day
from geo.render.changes import change_layers
from geo.render.maps import build_map, legend_html
from geo.render.style import CHANGE_STYLES
from geo.store import load_dataset
from tests.conftest import layer_calls, make_event, render_groups, write_folder


@pytest.fixture
def ds(net_data):
    return load_dataset(net_data)


def ids(changes: dict) -> dict:
    return {g: [e["id"] for e in changes[g]] for g in ("new", "continuing", "lifted")}


@pytest.mark.parametrize(("day", "expected"), [
    # the day before the data starts, and its first day (only a protest: no blockade yet)
    ("2023-01-06", {"new": [], "continuing": [], "lifted": []}),
    ("2023-01-07", {"new": [], "continuing": [], "lifted": []}),
    # first blockade day: everything new
    ("2023-01-08", {"new": ["b-calapuja"], "continuing": [], "lifted": []}),
    ("2023-01-09", {"new": ["b-off-road", "b-region", "b-santa-lucia"], "continuing": ["b-calapuja"],
                    "lifted": []}),
    ("2023-01-10", {"new": ["b-chucuito"], "continuing": ["b-santa-lucia"],
                    "lifted": ["b-off-road", "b-calapuja", "b-region"]}),  # by place name
    # the day after the data ends: everything lifted; the day after that: nothing left
    ("2023-01-11", {"new": [], "continuing": [], "lifted": ["b-chucuito", "b-santa-lucia"]}),
    ("2023-01-12", {"new": [], "continuing": [], "lifted": []}),
])
def test_day_over_day_at_the_edges(ds, day, expected):
    assert ids(day_over_day(ds, day)) == expected


def test_records_carry_place_and_position(ds):
    (lifted,) = [e for e in day_over_day(ds, "2023-01-10")["lifted"] if e["id"] == "b-calapuja"]
    assert lifted == {"id": "b-calapuja", "place": "Calapuja", "region": "Puno", "start": "2023-01-08",
                      "end": "2023-01-09", "lon": -70.222, "lat": -15.308, "fatalities": 0}


def test_kinds_and_regions(ds):
    assert ids(day_over_day(ds, "2023-01-09", kinds=("clash",)))["new"] == ["c-juliaca"]
    assert ids(day_over_day(ds, "2023-01-07", kinds=("protest",)))["new"] == ["p-lima"]
    assert ids(day_over_day(ds, "2023-01-10", regions=("Lima",))) == \
        {"new": [], "continuing": [], "lifted": []}
    with pytest.raises(TypeError):
        day_over_day(ds, "2023-01-10", kinds="blockade")
    with pytest.raises(ValueError):
        day_over_day(ds, "10/01/2023")


def test_change_summary_names_places_once():
    changes = {"new": [{"place": "Juliaca"}, {"place": "Ilave"}, {"place": "Juliaca"}],
               "continuing": [], "lifted": [{"place": "Puente Arturo, Sicuani"}]}
    assert change_summary(changes) == {"new": ["Juliaca (2 blockades)", "Ilave"], "continuing": [],
                                       "lifted": ["Puente Arturo, Sicuani"]}


def _rows(group) -> list:
    [[rows, style]] = layer_calls(render_groups([group]), "ringLayer")
    return rows


def test_change_layers_rows(ds):
    lifted, new = change_layers(ds, View("2023-01-10"))
    assert lifted.layer_name == "Lifted since the day before"
    assert new.layer_name == "New since the day before"
    assert sorted((r[0], r[1]) for r in _rows(lifted)) == [(-15.84, -70.022), (-15.7, -70.4), (-15.308, -70.222)]
    assert [r[3] for r in _rows(lifted) if r[1] == -70.222] == ["Lifted: Calapuja (Puno), blocked until 2023-01-09"]
    (ring,) = _rows(new)
    assert ring[:3] == [-15.894, -69.89, 13.5]  # 6 + 3.5 * sqrt(1 dead) + 4 px around the marker


@pytest.mark.parametrize("view", [View("2023-01-10", mode="cumulative"), View("2023-01-10", kinds=("clash",)),
                                  View("2023-01-10", regions=("Lima",))])
def test_change_layers_empty_when_the_view_has_no_day_before_or_no_blockades(ds, view):
    assert [_rows(g) for g in change_layers(ds, view)] == [[], []]


def test_change_layers_in_the_rendered_map_and_legend(ds):
    m = build_map(ds, View("2023-01-10"), tiles=False)  # build_map draws the rings itself
    html = m.get_root().render()
    styles = [style["className"] for _, style in layer_calls(html, "ringLayer")]
    assert styles == ["bm-change bm-lifted", "bm-change bm-new"]
    legend = legend_html()
    assert "Blockade new since the day before" in legend and "Blockade lifted since the day before" in legend
    assert re.search(r"border:3px solid #111111", legend)
    assert CHANGE_STYLES["new"]["interactive"] is False  # clicks go through to the marker below


def test_tooltips_are_escaped(net_data):
    events = json.loads((net_data / "events.geojson").read_text())
    for f in events["features"]:
        if f["id"] == "b-calapuja":
            f["properties"]["place"] = '<script>alert("x")</script>'
    (net_data / "events.geojson").write_text(json.dumps(events))
    ds = load_dataset(net_data)
    m = build_map(ds, View("2023-01-10"), tiles=False)
    lifted, new = change_layers(ds, View("2023-01-10"))
    m.add_child(lifted).add_child(new)
    html = m.get_root().render()
    assert "Lifted: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; (Puno), blocked until 2023-01-09" \
        in [r[3] for r in _rows(lifted)]
    assert "<script>alert" not in html


def _changes(frame: pd.DataFrame, day: str, kinds) -> dict:
    """day_over_day on a dataset holding the events of ``frame``, as sorted ids per group."""
    import tempfile
    from pathlib import Path
    with tempfile.TemporaryDirectory() as tmp:
        features = [make_event(r.id, r.kind, r.start, r.end) for r in frame.itertuples()]
        ds = load_dataset(write_folder(Path(tmp) / "d", features))
    if kinds is None:
        kinds = ("blockade", "protest", "clash", "closure", "detention", "other")
    return {group: sorted(e["id"] for e in events) for group, events in day_over_day(ds, day, kinds).items()}


CHANGE_EVENTS = pd.DataFrame([
    {"id": "ended-yesterday", "kind": "blockade", "start": "2022-12-18", "end": "2022-12-21"},
    {"id": "starts-today", "kind": "blockade", "start": "2022-12-22", "end": "2022-12-25"},
    {"id": "goes-on", "kind": "blockade", "start": "2022-12-20", "end": "2022-12-24"},
    {"id": "one-day-today", "kind": "blockade", "start": "2022-12-22", "end": "2022-12-22"},
    {"id": "one-day-yesterday", "kind": "blockade", "start": "2022-12-21", "end": "2022-12-21"},
    {"id": "ends-today", "kind": "blockade", "start": "2022-12-15", "end": "2022-12-22"},
    {"id": "later", "kind": "blockade", "start": "2022-12-29", "end": "2022-12-30"},
    {"id": "protest-today", "kind": "protest", "start": "2022-12-22", "end": "2022-12-22"},
])


@pytest.mark.parametrize(
    ("day", "kinds", "expected"),
    [
        ("2022-12-22", ("blockade",), {
            "new": ["starts-today", "one-day-today"],
            "continuing": ["goes-on", "ends-today"],
            "lifted": ["ended-yesterday", "one-day-yesterday"],
        }),
        ("2022-12-22", None, {
            "new": ["starts-today", "one-day-today", "protest-today"],
            "continuing": ["goes-on", "ends-today"],
            "lifted": ["ended-yesterday", "one-day-yesterday"],
        }),
        # first day of the data: everything active is new
        ("2022-12-15", ("blockade",), {"new": ["ends-today"], "continuing": [], "lifted": []}),
        # the day after the last event ends: everything is lifted
        ("2022-12-31", ("blockade",), {"new": [], "continuing": [], "lifted": ["later"]}),
        ("2022-12-23", ("blockade",), {
            "new": [],
            "continuing": ["starts-today", "goes-on"],
            "lifted": ["one-day-today", "ends-today"],
        }),
    ],
)
def test_day_changes(day, kinds, expected):
    assert _changes(CHANGE_EVENTS, day, kinds) == {k: sorted(v) for k, v in expected.items()}


def test_day_changes_crosses_month_and_year_edges():
    events = pd.DataFrame([
        {"id": "nye", "kind": "blockade", "start": "2022-12-31", "end": "2022-12-31"},
        {"id": "ny", "kind": "blockade", "start": "2023-01-01", "end": "2023-01-02"},
    ])
    assert _changes(events, "2023-01-01", ("blockade",)) == {"new": ["ny"], "continuing": [], "lifted": ["nye"]}




def test_a_busy_day_is_summarised_by_region_most_blockades_first():
    from geo.core.i18n import translator
    from geo.core.paths import BUNDLED_DATA
    from geo.query.changes import change_summary_by_region, day_over_day
    from geo.store import load_dataset
    changes = day_over_day(load_dataset(BUNDLED_DATA), "2023-01-20")
    grouped = change_summary_by_region(changes)
    continuing = grouped["continuing"]
    assert sum(n for _, n, _ in continuing) == len(changes["continuing"]) > 100
    assert [n for _, n, _ in continuing] == sorted((n for _, n, _ in continuing), reverse=True)
    assert continuing[0][0] == "Puno"
    puno = [e["place"] for e in changes["continuing"] if e["region"] == "Puno"]
    assert len(continuing[0][2]) == len(set(puno))   # each place once, with its number when several
    es = change_summary_by_region(changes, translator("es"))["continuing"][0]
    assert es[0] == "Puno" and es[1] == continuing[0][1]
