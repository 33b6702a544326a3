"""CorridorDay: one snapping per day shared by status, routes, cut stretches and days cut."""
from __future__ import annotations

import dataclasses

import pytest

from geo.core.frames import labels_as_text
from geo.network import corridors as C
from geo.network import measure as M
from geo.network.measure import vertex_km
from geo.network.report import (
    CorridorDay,
    corridor_day,
    cut_phrase,
    cut_where,
    route_rows,
    route_sentence,
    status_lines,
)
from geo.network.routing import UnknownPlaceError
from geo.render.corridors import cut_layer
from geo.store import load_dataset
from tests.conftest import layer_calls, render_groups
from tests.corridor_fixture import DAYS, FIRST_DAY


@pytest.fixture
def ds(net_data):
    return load_dataset(net_data)


def km_of(ds, corridor: str, vertex: int) -> float:
    row = ds.corridors.set_index("id").loc[corridor]
    return float(vertex_km(row.geometry)[1][vertex])


@pytest.mark.parametrize("day", DAYS + ["2023-01-11"])
def test_status_is_corridor_status(ds, day):
    cd = corridor_day(ds.events, ds.corridors, day, since=FIRST_DAY)
    assert cd.status == C.corridor_status(ds.events, ds.corridors, day)


def test_status_from_snaps_and_days_cut_from_snaps_match_the_originals(ds):
    snaps = C.snap_events(ds.events, ds.corridors)
    for day in DAYS:
        active = snaps[(snaps["start"] <= day) & (snaps["end"] >= day)]
        assert C.status_from_snaps(ds.corridors, active) == C.corridor_status(ds.events, ds.corridors, day)
    assert C.days_cut_from_snaps(ds.corridors, snaps, FIRST_DAY, "2023-01-10") == \
        C.days_cut(ds.events, ds.corridors, FIRST_DAY, "2023-01-10") == \
        {"arequipa-juliaca": 2, "ayaviri-juliaca": 2, "juliaca-chucuito": 1}


@pytest.mark.parametrize(("day", "expected"), [
    ("2023-01-07", {"arequipa-juliaca": 0, "ayaviri-juliaca": 0, "juliaca-chucuito": 0}),
    ("2023-01-08", {"arequipa-juliaca": 0, "ayaviri-juliaca": 1, "juliaca-chucuito": 0}),
    ("2023-01-09", {"arequipa-juliaca": 1, "ayaviri-juliaca": 2, "juliaca-chucuito": 0}),
    ("2023-01-10", {"arequipa-juliaca": 2, "ayaviri-juliaca": 2, "juliaca-chucuito": 1}),
])
def test_days_cut_so_far(ds, day, expected):
    assert corridor_day(ds.events, ds.corridors, day, since=FIRST_DAY).days_cut == expected


def test_only_the_period_is_snapped(ds):
    cd = corridor_day(ds.events, ds.corridors, "2023-01-08")
    assert cd.since == "2023-01-08"
    assert sorted(set(cd.snaps["event"])) == ["b-calapuja"]
    assert cd.active["event"].tolist() == ["b-calapuja"]


def test_routing_across_the_junction(ds):
    cd = corridor_day(ds.events, ds.corridors, "2023-01-07")
    res = cd.route("Ayaviri", "Arequipa")
    assert res.passable is True
    assert res.path == ["ayaviri-juliaca", "arequipa-juliaca"]
    assert res.towns == ["Ayaviri", "Calapuja", "Juliaca", "Santa Lucía", "Arequipa"]
    whole = km_of(ds, "ayaviri-juliaca", 2) + km_of(ds, "arequipa-juliaca", 2)
    assert res.distance_km == pytest.approx(whole, abs=0.1)
    # on the 9th both corridors are cut: cuts in order of travel, km along each corridor
    res = corridor_day(ds.events, ds.corridors, "2023-01-09").route("Ayaviri", "Arequipa")
    assert res.passable is False
    assert [(c["event"], c["km"]) for c in res.cuts] == [
        ("b-calapuja", round(km_of(ds, "ayaviri-juliaca", 1), 1)),
        ("b-santa-lucia", round(km_of(ds, "arequipa-juliaca", 1), 1))]


def test_route_sentence_forms(ds):
    cd = corridor_day(ds.events, ds.corridors, "2023-01-09")
    trip = km_of(ds, "arequipa-juliaca", 2) - km_of(ds, "arequipa-juliaca", 1)  # Juliaca back to Santa Lucía
    assert route_sentence(cd.route("Juliaca", "Arequipa"), cd.day, cd.names) == (
        f"Juliaca → Arequipa on 2023-01-09: NOT passable. Cut {trip:.1f} km after Juliaca, at Santa Lucía, "
        "on Arequipa–Juliaca.")
    assert route_sentence(cd.route("Puno", "Chucuito"), cd.day, cd.names).startswith(
        "Puno → Chucuito on 2023-01-09: passable via Juliaca–Puno–Chucuito (")
    assert route_sentence(cd.route("Puno", "puno"), cd.day, cd.names) == \
        "Puno → Puno on 2023-01-09: passable (the same town)."
    with pytest.raises(TypeError):
        route_sentence({"passable": True}, cd.day, cd.names)
    with pytest.raises(UnknownPlaceError, match="did you mean Chucuito"):
        cd.route("Chucuitto", "Puno")


def test_table_rows(ds):
    rows = corridor_day(ds.events, ds.corridors, "2023-01-10", since=FIRST_DAY).table()
    assert [(r["corridor"], r["status"], r["days_cut"]) for r in rows] == [
        ("Arequipa–Juliaca", "cut", 2), ("Ayaviri–Juliaca", "open", 2), ("Juliaca–Puno–Chucuito", "cut", 1)]
    assert rows[0]["cuts"] == f"km {km_of(ds, 'arequipa-juliaca', 1):.1f} Santa Lucía"
    assert rows[1]["cuts"] == ""


def test_towns_sorted(ds):
    towns = corridor_day(ds.events, ds.corridors, "2023-01-10").towns
    assert towns == ["Arequipa", "Ayaviri", "Calapuja", "Chucuito", "Juliaca", "Puno", "Santa Lucía"]


def test_cut_layer_draws_one_red_line_per_cut(ds):
    cd = corridor_day(ds.events, ds.corridors, "2023-01-10")
    [[rows, style]] = layer_calls(render_groups([cut_layer(cd)]), "lineLayer")
    assert len(rows) == 2 and style["className"] == "bm-cut" and style["color"] == "#d7191c"
    assert any("Cut: Arequipa–Juliaca, km" in r[1] and "(Santa Lucía)" in r[1] for r in rows)
    # 2 km of road either side of the cut; Chucuito ends its corridor, so its stretch is clipped
    seg = corridor_day(ds.events, ds.corridors, "2023-01-10", half_width_km=2.0).segments
    lengths = [M.corridor_length_km(g) for g in seg.geometry]
    assert seg["event"].tolist() == ["b-santa-lucia", "b-chucuito"]
    assert lengths == [pytest.approx(4.0, abs=0.05), pytest.approx(2.0, abs=0.05)]
    [[rows, _]] = layer_calls(render_groups([cut_layer(corridor_day(ds.events, ds.corridors, "2023-01-07"))]),
                              "lineLayer")
    assert rows == []


def test_the_day_is_a_plain_value_computed_before_drawing(ds):
    cd = corridor_day(ds.events, ds.corridors, "2023-01-10", since=FIRST_DAY)
    assert cd.segments["event"].tolist() == ["b-santa-lucia", "b-chucuito"]  # cut at 5 km each side
    assert sorted(cd.network.towns.values()) == cd.towns and cd.bounds[0][0] < cd.bounds[1][0]
    result = cd.route("Juliaca", "Arequipa")
    [cut] = result.cuts
    assert (cut["lon"], cut["lat"]) == pytest.approx(M.point_at_km(ds.corridors.set_index("id").loc[
        "arequipa-juliaca", "geometry"], cut["km"]))
    with pytest.raises(dataclasses.FrozenInstanceError):
        cd.day = "2023-01-11"  # type: ignore[misc]


def test_cut_layer_escapes_places(ds):
    events = labels_as_text(ds.events)  # a categorical label takes no new text
    events.loc[events["id"] == "b-chucuito", "place"] = "<img src=x onerror=alert(1)>"
    html = render_groups([cut_layer(corridor_day(events, ds.corridors, "2023-01-10"))])
    [[rows, _]] = layer_calls(html, "lineLayer")
    assert "<img src=x" not in html and any("&lt;img src=x onerror=alert(1)&gt;" in r[1] for r in rows)


def test_status_lines(ds):
    cd = corridor_day(ds.events, ds.corridors, "2023-01-08", since=FIRST_DAY)
    lines = status_lines(cd.status, cd.days_cut)
    assert lines[0] == "Arequipa–Juliaca: open [0 day(s) cut so far]"
    assert lines[1] == (f"Ayaviri–Juliaca: cut at km {km_of(ds, 'ayaviri-juliaca', 1):.1f} "
                        "(Calapuja, b-calapuja, 0 m off the road) [1 day(s) cut so far]")


def test_input_checks(ds):
    with pytest.raises(ValueError, match="since .* is after day"):
        corridor_day(ds.events, ds.corridors, "2023-01-08", since="2023-01-09")
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        corridor_day(ds.events, ds.corridors, "9 Jan 2023")
    with pytest.raises(TypeError):
        corridor_day(ds.events, ds.corridors, "2023-01-08", tolerance_m="2 km")
    with pytest.raises(TypeError):
        corridor_day(list(ds.events), ds.corridors, "2023-01-08")
    with pytest.raises(TypeError):
        cut_layer("2023-01-08")
    assert isinstance(corridor_day(ds.events, ds.corridors, "2023-01-08"), CorridorDay)


def test_cuts_are_told_from_where_the_truck_starts():
    cut = {"corridor": "arequipa-juliaca", "event": "2023-01-16-juliaca-access-blockade", "km": 213.7,
           "place": "Juliaca accesses", "trip_km": 0.0, "after_town": "Juliaca", "km_after_town": 0.0}
    names = {"arequipa-juliaca": "Arequipa–Juliaca"}
    assert cut_phrase(cut, names, "Juliaca") == \
        "0.0 km after Juliaca (where the trip starts), at Juliaca accesses, on Arequipa–Juliaca"
    later = dict(cut, trip_km=12.0, km_after_town=12.0)
    assert cut_phrase(later, names, "Juliaca") == "12.0 km after Juliaca, at Juliaca accesses, on Arequipa–Juliaca"
    past = dict(cut, trip_km=160.2, after_town="Santa Lucía", km_after_town=14.1, place=None)
    assert cut_phrase(past, names, "Juliaca") == \
        "160.2 km after Juliaca (14.1 km past Santa Lucía), at a blockade with no place name, on Arequipa–Juliaca"
    at_town = dict(past, km_after_town=0.0, place="Puno–Arequipa road (PE-34A)")
    assert cut_where(at_town, "Juliaca") == "160.2 km after Juliaca (at Santa Lucía)"
    assert "2023-01-16" not in cut_phrase(cut, names, "Juliaca")  # never an event id


def test_route_rows_are_readable(ds):
    cd = corridor_day(ds.events, ds.corridors, "2023-01-09")
    result = cd.route("Ayaviri", "Arequipa")
    rows = route_rows(result, cd.names)
    assert list(rows[0]) == ["#", "km from Ayaviri", "Place", "Last town passed", "km past that town",
                             "Corridor", "km along the corridor"]
    assert [(r["#"], r["Place"], r["Last town passed"], r["Corridor"]) for r in rows] == [
        (1, "Calapuja", "Calapuja", "Ayaviri–Juliaca"), (2, "Santa Lucía", "Santa Lucía", "Arequipa–Juliaca")]
    assert rows[0]["km from Ayaviri"] == f"{km_of(ds, 'ayaviri-juliaca', 1):.1f}"  # as the sentence writes it
    assert rows[1]["km along the corridor"] == f"{km_of(ds, 'arequipa-juliaca', 1):.1f}"
    assert not any("b-" in str(v) for r in rows for v in r.values())  # no event ids


def test_cuts_are_named_in_the_readers_language_where_the_event_has_a_name_in_it():
    """The bundled Juliaca blockade of 16 January is reported as "Juliaca accesses", with
    ``place_es`` "Accesos a Juliaca": the Spanish answer, table, corridor table and map say that."""
    from geo.core.i18n import translator
    from tests.conftest import BUNDLED
    bundled = load_dataset(BUNDLED)
    event = bundled.events.set_index("id").loc[lambda f: f["place"] == "Juliaca accesses"]
    assert set(event["place_es"]) == {"Accesos a Juliaca"}
    cd = corridor_day(bundled.events, bundled.corridors, "2023-01-16")
    result = cd.route("Juliaca", "Arequipa")
    assert not result.passable and [c["place"] for c in result.cuts] == ["Juliaca accesses"]
    es, en = translator("es"), translator("en")
    spanish = route_sentence(result, cd.day, cd.names, es)
    assert "en Accesos a Juliaca" in spanish and "Juliaca accesses" not in spanish
    assert "at Juliaca accesses" in route_sentence(result, cd.day, cd.names, en)
    assert [row["Lugar"] for row in route_rows(result, cd.names, es)] == ["Accesos a Juliaca"]
    assert [row["Place"] for row in route_rows(result, cd.names, en)] == ["Juliaca accesses"]
    cuts_es = {row["id"]: row["cuts"] for row in cd.table(es)}
    assert "Accesos a Juliaca" in cuts_es["arequipa-juliaca"] and "Juliaca accesses" not in " ".join(cuts_es.values())
    assert "Juliaca accesses" in {row["id"]: row["cuts"] for row in cd.table(en)}["arequipa-juliaca"]
    # the JSON answer keeps the place as reported (the contract's field)
    assert [c["place"] for c in result.to_json(cd.day)["cuts"]] == ["Juliaca accesses"]
    # the map's red cut stretch and the route's cut badge say it too
    from geo.render.corridors import cut_layer, route_layers
    cut_es = render_groups([cut_layer(cd, es)])
    assert "Accesos a Juliaca" in cut_es and "Juliaca accesses" not in cut_es
    assert "Accesos a Juliaca" in render_groups(list(route_layers(result, es)))
