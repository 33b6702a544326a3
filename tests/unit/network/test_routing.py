"""Tests for geo.network.routing: can a truck get from one town to another?"""

from __future__ import annotations

import json

import geopandas as gpd
import pandas as pd
import pytest
from pyproj import Geod
from shapely.geometry import LineString, Point

from geo.network import corridors as C
from geo.network.routing import Network, RouteResult, UnknownPlaceError, build_network, route

GEOD = Geod(ellps="WGS84")
DAY = "2022-12-22"

# A junction J with three spokes: A (west), B (south), C (east); a far spoke C–B for detours.
A = ("Arequipa", (-71.0, -15.5))
J = ("Juliaca", (-70.0, -15.5))
B = ("Azángaro", (-70.0, -16.3))
Cc = ("Puno", (-69.2, -15.5))
M = ("Santa Lucía", (-70.5, -15.5))  # an intermediate town on A–J


def corridor(cid: str, *towns: tuple[str, tuple[float, float]]) -> dict:
    return {
        "id": cid,
        "name": cid,
        "roads": ["PE-3S"],
        "from": towns[0][0],
        "to": towns[-1][0],
        "via": [t[0] for t in towns],
        "sources": [],
        "km_refs": [],
        "geometry": LineString([t[1] for t in towns]),
    }


def corridors(*rows: dict) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(list(rows), geometry="geometry", crs="EPSG:4326")


def star(with_detour: bool = False) -> gpd.GeoDataFrame:
    rows = [corridor("a-j", A, M, J), corridor("j-b", J, B), corridor("j-c", J, Cc)]
    if with_detour:
        rows.append(corridor("c-b", Cc, B))
    return corridors(*rows)


def cut(*rows: tuple[str, str, float]) -> pd.DataFrame:
    """Snapped active blockades as (corridor, event, km)."""
    return pd.DataFrame([{"corridor": c, "event": e, "km": k, "distance_m": 0,
                          "place": f"near {e}"} for c, e, k in rows])


def km(p: tuple[float, float], q: tuple[float, float]) -> float:
    return GEOD.inv(*p, *q)[2] / 1000.0


AJ_KM = km(A[1], J[1])
JB_KM = km(J[1], B[1])


def test_open_network_is_passable_by_the_shortest_path():
    net = build_network(star(with_detour=True))
    res = route(net, "Arequipa", "Azángaro", None)
    assert res.passable is True
    assert res.path == ["a-j", "j-b"]  # a-j has two stretches, collapsed to one id
    assert res.cuts == []
    assert res.distance_km == pytest.approx(AJ_KM + JB_KM, abs=0.2)
    assert res.towns == ["Arequipa", "Santa Lucía", "Juliaca", "Azángaro"]
    assert res.detour is False


@pytest.mark.parametrize(
    ("blockades", "origin", "destination", "expected_cuts"),
    [
        # cut on J–B: A to B impassable, with that cut
        ([("j-b", "jb1", 40.0)], "Arequipa", "Azángaro", [("j-b", "jb1", 40.0)]),
        # cut on A–J (on either of its stretches): impassable
        ([("a-j", "aj1", 20.0)], "Arequipa", "Azángaro", [("a-j", "aj1", 20.0)]),
        ([("a-j", "aj2", 80.0)], "Arequipa", "Azángaro", [("a-j", "aj2", 80.0)]),
        # cuts listed in order of travel, both ways
        ([("j-b", "jb1", 40.0), ("a-j", "aj1", 20.0), ("j-b", "jb2", 10.0)],
         "Arequipa", "Azángaro",
         [("a-j", "aj1", 20.0), ("j-b", "jb2", 10.0), ("j-b", "jb1", 40.0)]),
        ([("j-b", "jb1", 40.0), ("a-j", "aj1", 20.0), ("j-b", "jb2", 10.0)],
         "Azángaro", "Arequipa",
         [("j-b", "jb1", 40.0), ("j-b", "jb2", 10.0), ("a-j", "aj1", 20.0)]),
    ],
)
def test_cut_on_the_only_path_is_impassable(blockades, origin, destination, expected_cuts):
    net = build_network(star())
    res = route(net, origin, destination, cut(*blockades))
    assert res.passable is False
    assert [(c["corridor"], c["event"], c["km"]) for c in res.cuts] == expected_cuts
    assert set(res.path) == {"a-j", "j-b"}
    assert res.path[0] == ("a-j" if origin == "Arequipa" else "j-b")


def test_cut_elsewhere_does_not_matter():
    net = build_network(star())
    res = route(net, "Arequipa", "Azángaro", cut(("j-c", "jc1", 10.0)))
    assert res.passable is True
    assert res.path == ["a-j", "j-b"]


def test_cut_on_the_part_of_a_corridor_not_travelled_does_not_matter():
    # Santa Lucía -> Juliaca uses only the second stretch of a-j; the cut is on the first
    net = build_network(star())
    res = route(net, "Santa Lucia", "Azangaro", cut(("a-j", "aj1", 20.0)))
    assert res.passable is True
    assert res.path == ["a-j", "j-b"]


def test_detour_when_an_alternative_path_exists():
    net = build_network(star(with_detour=True))
    res = route(net, "Arequipa", "Azángaro", cut(("j-b", "jb1", 40.0)))
    assert res.passable is True
    assert res.detour is True
    assert res.path == ["a-j", "j-c", "c-b"]
    assert res.cuts == []
    assert res.distance_km > AJ_KM + JB_KM + 1


def test_no_detour_when_the_alternative_is_cut_too():
    net = build_network(star(with_detour=True))
    res = route(net, "Arequipa", "Azángaro", cut(("j-b", "jb1", 40.0), ("c-b", "cb1", 5.0)))
    assert res.passable is False
    assert res.path == ["a-j", "j-b"]  # the shortest path, with its cuts
    assert [c["event"] for c in res.cuts] == ["jb1"]


def test_blockade_at_the_junction_town_cuts_through_it():
    geo = star(with_detour=True)
    events = gpd.GeoDataFrame(
        [{"id": "juliaca", "kind": "blockade", "start": DAY, "end": DAY, "place": "Juliaca",
          "geo_precision": 1, "geometry": Point(J[1])}],
        geometry="geometry", crs="EPSG:4326")
    snaps = C.snap_active(events, geo, DAY)
    assert sorted(snaps["corridor"]) == ["a-j", "j-b", "j-c"]
    res = route(build_network(geo), "Arequipa", "Azángaro", snaps)
    assert res.passable is False
    assert res.cuts == [{"corridor": "a-j", "event": "juliaca", "km": pytest.approx(AJ_KM, abs=0.1),
                         "place": "Juliaca", "trip_km": pytest.approx(AJ_KM, abs=0.1), "after_town": "Juliaca",
                         "km_after_town": 0.0}]
    # Puno to Azángaro avoids Juliaca by the c-b corridor
    assert route(build_network(geo), "Puno", "Azángaro", snaps).passable is True


@pytest.mark.parametrize(
    ("origin", "destination"),
    [("juliaca", "AREQUIPA"), ("Azangaro", "arequipa"), ("  santa   lucia ", "AZÁNGARO")],
)
def test_names_match_case_and_accent_insensitively(origin, destination):
    res = route(build_network(star()), origin, destination, None)
    assert res.passable is True
    names = {"Juliaca", "Arequipa", "Azángaro", "Santa Lucía"}
    assert res.from_ in names and res.to in names


def test_unknown_town_suggests_close_names():
    net = build_network(star())
    with pytest.raises(UnknownPlaceError, match=r"unknown town 'Azangaroo'; did you mean Azángaro\?"):
        route(net, "Arequipa", "Azangaroo", None)
    with pytest.raises(ValueError) as info:  # UnknownPlaceError is a ValueError
        route(net, "Lima", "Juliaca", None)
    assert info.value.suggestions == []
    assert "unknown town 'Lima'" in str(info.value)


def test_same_town_and_disconnected_towns():
    geo = corridors(corridor("a-j", A, J), corridor("x-y", ("Tacna", (-70.2, -18.0)),
                                                   ("Ilo", (-71.3, -17.6))))
    net = build_network(geo)
    same = route(net, "Juliaca", "juliaca", None)
    assert (same.passable, same.path, same.distance_km) == (True, [], 0.0)
    apart = route(net, "Juliaca", "Tacna", None)
    assert (apart.passable, apart.path, apart.distance_km) == (False, [], None)


def test_to_json_shape():
    net = build_network(star())
    res = route(net, "Arequipa", "Azángaro", cut(("j-b", "jb1", 40.0)))
    out = res.to_json(DAY)
    # the contract's fields, in its order, then the added ones
    assert list(out) == ["from", "to", "date", "passable", "path", "cuts", "distance_km", "detour", "towns"]
    assert out == {
        "from": "Arequipa", "to": "Azángaro", "date": DAY, "passable": False,
        "path": ["a-j", "j-b"],
        "cuts": [{"corridor": "j-b", "event": "jb1", "km": 40.0, "place": "near jb1",
                  "trip_km": pytest.approx(AJ_KM + 40.0, abs=0.1), "after_town": "Juliaca",
                  "km_after_town": 40.0}],
        "distance_km": pytest.approx(AJ_KM + km(J[1], B[1]), abs=0.2), "detour": False,
        "towns": ["Arequipa", "Santa Lucía", "Juliaca", "Azángaro"],
    }
    # the route as a line: the towns' points, in order of travel; the legs between them
    assert res.points == [A[1], M[1], J[1], B[1]]
    assert [(leg["corridor"], leg["from"], leg["to"]) for leg in res.legs] == [
        ("a-j", "Arequipa", "Santa Lucía"), ("a-j", "Santa Lucía", "Juliaca"), ("j-b", "Juliaca", "Azángaro")]
    assert res.legs[0]["km_from"] == 0.0 and res.legs[1]["km_to"] == pytest.approx(AJ_KM, abs=0.1)
    assert json.loads(json.dumps(out, ensure_ascii=False)) == out


def test_network_structure():
    net = build_network(star(with_detour=True))
    assert isinstance(net, Network)
    assert sorted(net.towns) == ["arequipa", "azangaro", "juliaca", "puno", "santa lucia"]
    assert net.towns["santa lucia"] == "Santa Lucía"
    assert len(net.edges) == 5
    aj = [e for e in net.edges if e.corridor == "a-j"]
    assert [(e.a, e.b) for e in aj] == [("arequipa", "santa lucia"), ("santa lucia", "juliaca")]
    assert aj[0].km_from == 0.0
    assert aj[1].km_to == pytest.approx(AJ_KM, abs=0.1)


def test_via_must_match_vertices():
    bad = corridor("a-j", A, J)
    bad["via"] = ["Arequipa", "Yura", "Juliaca"]
    with pytest.raises(ValueError, match="3 via towns but 2 vertices"):
        build_network(corridors(bad))


def test_shared_town_name_far_apart_is_an_error():
    other_juliaca = ("Juliaca", (-72.0, -13.0))
    geo = corridors(corridor("a-j", A, J), corridor("x-j", ("Cusco", (-71.9, -13.5)),
                                                    other_juliaca))
    with pytest.raises(ValueError, match="'Juliaca' is .* km apart"):
        build_network(geo)


def test_route_input_types():
    net = build_network(star())
    with pytest.raises(TypeError):
        route(star(), "Arequipa", "Juliaca", None)
    with pytest.raises(TypeError):
        route(net, "Arequipa", "Juliaca", [("j-b", "x", 1.0)])
    with pytest.raises(TypeError):
        route(net, 42, "Juliaca", None)
    assert isinstance(route(net, "Arequipa", "Juliaca", cut()), RouteResult)


def test_cuts_are_placed_from_the_origin_in_the_direction_of_travel():
    net = build_network(star())
    m_km = km(A[1], M[1])  # Santa Lucía's km along a-j, which runs from Arequipa
    blocked = cut(("a-j", "aj1", 30.0))  # 30 km from Arequipa, before Santa Lucía
    [there] = route(net, "Arequipa", "Azángaro", blocked).cuts
    assert (there["after_town"], there["trip_km"], there["km_after_town"]) == ("Arequipa", 30.0, 30.0)
    [back] = route(net, "Azángaro", "Arequipa", blocked).cuts
    assert back["km"] == 30.0  # the corridor's own km is unchanged ...
    assert back["after_town"] == "Santa Lucía"  # ... but the truck meets it after Santa Lucía
    assert back["km_after_town"] == pytest.approx(m_km - 30.0, abs=0.1)
    assert back["trip_km"] == pytest.approx(km(B[1], J[1]) + AJ_KM - 30.0, abs=0.2)
