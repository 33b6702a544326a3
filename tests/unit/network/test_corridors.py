"""Tests for geo.network.corridors: snapping blockades to roads and corridor status."""

from __future__ import annotations

import json

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from pyproj import Geod
from shapely.geometry import LineString, MultiLineString, Point

from geo.network import corridors as C
from geo.network import kmposts as K
from geo.network import measure as M

GEOD = Geod(ellps="WGS84")
LON = -70.0
LAT0, LAT1 = -15.0, -15.9
ROAD_KM = GEOD.inv(LON, LAT0, LON, LAT1)[2] / 1000.0  # about 99.6 km
MID_LAT = (LAT0 + LAT1) / 2
DAY = "2022-12-22"


def offset(lon: float, lat: float, metres: float, azimuth: float = 90.0) -> tuple[float, float]:
    """The point ``metres`` from (lon, lat) on a geodesic bearing ``azimuth``."""
    x, y, _ = GEOD.fwd(lon, lat, azimuth, metres)
    return x, y


def road_at_km(km: float) -> tuple[float, float]:
    x, y, _ = GEOD.fwd(LON, LAT0, 180.0, km * 1000.0)
    return x, y


def make_corridors(*specs: tuple[str, list[tuple[float, float]], list[str]],
                   km_refs: dict[str, list[dict]] | None = None) -> gpd.GeoDataFrame:
    rows = []
    for cid, coords, via in specs:
        rows.append({
            "id": cid,
            "name": cid.replace("-", "–").title(),
            "roads": ["PE-3S"],
            "from": via[0],
            "to": via[-1],
            "via": via,
            "sources": [],
            "km_refs": (km_refs or {}).get(cid, []),
            "geometry": LineString(coords),
        })
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")


def straight_road() -> gpd.GeoDataFrame:
    return make_corridors(("north-south", [(LON, LAT0), (LON, MID_LAT), (LON, LAT1)],
                           ["Norte", "Medio", "Sur"]))


def make_events(*rows: dict) -> gpd.GeoDataFrame:
    full = []
    for i, r in enumerate(rows):
        r = dict(r)
        lon, lat = r.pop("xy")
        full.append({
            "id": r.pop("id", f"e{i}"),
            "kind": r.pop("kind", "blockade"),
            "start": r.pop("start", DAY),
            "end": r.pop("end", DAY),
            "place": r.pop("place", f"place {i}"),
            "region": "Puno",
            "road": None,
            "km": np.nan,
            "fatalities": 0,
            "injured": 0,
            "detained": 0,
            "geo_precision": r.pop("geo_precision", 1),
            "time_precision": 1,
            "status": "reported",
            "sources": [{"name": "test", "url": "https://example.org", "published": DAY}],
            "description": "",
            "geometry": Point(lon, lat),
            **r,
        })
    return gpd.GeoDataFrame(full, geometry="geometry", crs="EPSG:4326")


def status_of(events: gpd.GeoDataFrame, corridors: gpd.GeoDataFrame, day: str = DAY,
              **kw) -> dict:
    return {s["id"]: s for s in C.corridor_status(events, corridors, day, **kw)}


# ------------------------------------------------------------------------------------------
# snapping on a straight ~100 km road
# ------------------------------------------------------------------------------------------


def test_blockade_1500m_off_the_midpoint_cuts_at_half_the_length():
    events = make_events({"id": "mid", "xy": offset(LON, MID_LAT, 1500)})
    st = status_of(events, straight_road())["north-south"]
    assert st["status"] == "cut"
    (b,) = st["blocked_by"]
    assert b["event"] == "mid"
    assert abs(b["km"] - ROAD_KM / 2) <= 0.5
    assert abs(b["distance_m"] - 1500) <= 50
    assert b["place"] == "place 0"


@pytest.mark.parametrize(
    ("metres", "tolerance_m", "expected"),
    [
        (3000, C.DEFAULT_TOLERANCE_M, "open"),
        (1500, C.DEFAULT_TOLERANCE_M, "cut"),
        (1900, C.DEFAULT_TOLERANCE_M, "cut"),
        (2100, C.DEFAULT_TOLERANCE_M, "open"),
        (3000, 3500, "cut"),
        (1500, 1000, "open"),
        (0, 0, "cut"),
    ],
)
def test_tolerance_is_respected(metres, tolerance_m, expected):
    events = make_events({"xy": offset(LON, MID_LAT, metres, azimuth=270)})
    st = status_of(events, straight_road(), tolerance_m=tolerance_m)["north-south"]
    assert st["status"] == expected


def test_default_tolerance_is_2000_m():
    assert C.DEFAULT_TOLERANCE_M == 2000


def test_geo_precision_3_never_cuts():
    events = make_events({"xy": (LON, MID_LAT), "geo_precision": 3})
    assert status_of(events, straight_road())["north-south"]["status"] == "open"
    assert C.snap_events(events, straight_road()).empty


def test_geo_precision_2_cuts():
    events = make_events({"xy": (LON, MID_LAT), "geo_precision": 2})
    assert status_of(events, straight_road())["north-south"]["status"] == "cut"


@pytest.mark.parametrize("kind", ["protest", "clash", "closure", "detention", "other"])
def test_only_blockades_cut(kind):
    events = make_events({"xy": (LON, MID_LAT), "kind": kind})
    assert status_of(events, straight_road())["north-south"]["status"] == "open"


@pytest.mark.parametrize(
    ("start", "end", "day", "expected"),
    [
        ("2022-12-20", "2022-12-21", "2022-12-22", "open"),  # over the day before
        ("2022-12-23", "2022-12-23", "2022-12-22", "open"),  # starts the next day
        ("2022-12-20", "2022-12-22", "2022-12-22", "cut"),   # last day
        ("2022-12-22", "2022-12-30", "2022-12-22", "cut"),   # first day
        ("2022-12-22", "2022-12-22", "2022-12-22", "cut"),   # one-day event
    ],
)
def test_only_active_blockades_cut(start, end, day, expected):
    events = make_events({"xy": (LON, MID_LAT), "start": start, "end": end})
    assert status_of(events, straight_road(), day)["north-south"]["status"] == expected


def test_blockers_are_ordered_along_the_road():
    kms = [80.0, 10.0, 45.0]
    events = make_events(*[{"id": f"b{int(k)}", "xy": road_at_km(k)} for k in kms])
    st = status_of(events, straight_road())["north-south"]
    assert [b["event"] for b in st["blocked_by"]] == ["b10", "b45", "b80"]
    for b in st["blocked_by"]:
        assert abs(b["km"] - float(b["event"][1:])) <= 0.3
        assert b["distance_m"] <= 5


def test_corridor_status_shape_and_file_order():
    corridors = make_corridors(
        ("zeta", [(LON, LAT0), (LON, LAT1)], ["Norte", "Sur"]),
        ("alfa", [(-69.0, LAT0), (-69.0, LAT1)], ["Este", "Sureste"]),
    )
    events = make_events({"id": "x", "xy": (LON, MID_LAT)})
    out = C.corridor_status(events, corridors, DAY)
    assert [s["id"] for s in out] == ["zeta", "alfa"]
    assert [s["status"] for s in out] == ["cut", "open"]
    for s in out:
        assert set(s) == {"id", "name", "status", "blocked_by"}
    assert set(out[0]["blocked_by"][0]) == {"event", "km", "distance_m", "place"}
    assert out[1]["blocked_by"] == []
    assert isinstance(out[0]["blocked_by"][0]["km"], float)
    assert isinstance(out[0]["blocked_by"][0]["distance_m"], int)
    json.dumps(out)  # plain Python types only


def test_snap_events_columns_and_rounding():
    events = make_events({"id": "a", "xy": offset(*road_at_km(33.33), 123.4)})
    snaps = C.snap_events(events, straight_road())
    assert tuple(snaps.columns) == C.SNAP_COLUMNS
    assert len(snaps) == 1
    row = snaps.iloc[0]
    assert row["km"] == round(row["km"], 1)
    assert abs(row["km"] - 33.3) <= 0.15
    assert row["distance_m"] == 123
    assert (row["start"], row["end"]) == (DAY, DAY)


def test_events_as_a_dataset_keeps_them_snap_like_points():
    """A dataset's events frame has no geometry, only lon/lat: the same snaps as the points."""
    events = make_events({"id": "a", "xy": offset(*road_at_km(33.33), 123.4)},
                         {"id": "b", "xy": offset(*road_at_km(70.0), -800)},
                         {"id": "c", "xy": offset(LON, MID_LAT, 9000)})
    plain = pd.DataFrame(events.drop(columns="geometry")).assign(lon=events.geometry.x, lat=events.geometry.y)
    snaps = C.snap_events(plain, straight_road())
    assert snaps["event"].tolist() == ["a", "b"] and snaps["distance_m"].tolist() == [123, 800]
    assert snaps.equals(C.snap_events(events, straight_road()))
    assert status_of(plain, straight_road())["north-south"]["status"] == "cut"


def test_snap_events_empty_input_keeps_columns():
    events = make_events({"xy": (LON, MID_LAT), "kind": "protest"})
    snaps = C.snap_events(events, straight_road())
    assert snaps.empty
    assert tuple(snaps.columns) == C.SNAP_COLUMNS


def test_blockade_at_a_junction_snaps_to_every_corridor_through_it():
    j = (LON, LAT1)
    corridors = make_corridors(
        ("a-j", [(LON, LAT0), j], ["A", "J"]),
        ("j-b", [j, (-69.2, -15.9)], ["J", "B"]),
        ("far", [(-72.0, -13.0), (-72.0, -13.5)], ["X", "Y"]),
    )
    events = make_events({"id": "jb", "xy": offset(*j, 300)})
    snaps = C.snap_events(events, corridors)
    assert snaps["corridor"].tolist() == ["a-j", "j-b"]
    assert snaps["km"].iloc[0] == pytest.approx(ROAD_KM, abs=0.1)
    assert snaps["km"].iloc[1] == pytest.approx(0.0, abs=0.4)


def test_events_in_another_crs_are_reprojected():
    events = make_events({"xy": offset(LON, MID_LAT, 1500)}).to_crs(32719)
    st = status_of(events, straight_road())["north-south"]
    assert st["status"] == "cut"
    assert abs(st["blocked_by"][0]["distance_m"] - 1500) <= 50


def test_multilinestring_corridor_measures_across_parts():
    mid = (LON, MID_LAT)
    corridors = make_corridors(("ns", [(LON, LAT0), mid, (LON, LAT1)], ["N", "M", "S"]))
    corridors.loc[0, "geometry"] = MultiLineString([[(LON, LAT0), mid], [mid, (LON, LAT1)]])
    events = make_events({"xy": road_at_km(75.0)})
    snaps = C.snap_events(events, corridors)
    assert snaps["km"].iloc[0] == pytest.approx(75.0, abs=0.2)
    assert M.corridor_length_km(corridors.geometry.iloc[0]) == pytest.approx(ROAD_KM, rel=1e-3)


@pytest.mark.parametrize(
    "coords",
    [
        [(-72.0, -13.5), (-70.1, -15.5), (-69.2, -12.6)],   # Cusco–Juliaca–Puerto Maldonado
        [(-71.5, -16.4), (-70.1, -15.5), (-69.0, -16.6)],   # Arequipa–Juliaca–Desaguadero
    ],
)
def test_length_matches_the_geodesic_within_0_1_percent(coords):
    line = LineString(coords)
    geodesic_km = GEOD.geometry_length(line) / 1000.0
    assert M.corridor_length_km(line) == pytest.approx(geodesic_km, rel=1e-3)


# ------------------------------------------------------------------------------------------
# days_cut and day_changes
# ------------------------------------------------------------------------------------------


def test_days_cut_counts_the_union_of_active_days():
    corridors = make_corridors(
        ("ns", [(LON, LAT0), (LON, LAT1)], ["N", "S"]),
        ("far", [(-72.0, -13.0), (-72.0, -13.5)], ["X", "Y"]),
    )
    events = make_events(
        {"xy": road_at_km(10), "start": "2022-12-18", "end": "2022-12-21"},
        {"xy": road_at_km(20), "start": "2022-12-20", "end": "2022-12-23"},  # overlaps
        {"xy": road_at_km(30), "start": "2022-12-28", "end": "2022-12-28"},  # one day
        {"xy": road_at_km(40), "start": "2022-12-24", "end": "2022-12-26", "kind": "protest"},
        {"xy": road_at_km(50), "start": "2023-01-10", "end": "2023-01-12"},  # outside range
    )
    out = C.days_cut(events, corridors, "2022-12-19", "2022-12-31")
    # 19..23 (5 days) + 28 (1 day)
    assert out == {"ns": 6, "far": 0}
    assert list(out) == ["ns", "far"]


def test_days_cut_rejects_reversed_range():
    with pytest.raises(ValueError, match="before it starts"):
        C.days_cut(make_events({"xy": (LON, MID_LAT)}), straight_road(), "2023-01-02",
                   "2023-01-01")


# ------------------------------------------------------------------------------------------
# cut segments, km along the road, km posts
# ------------------------------------------------------------------------------------------


def test_cut_segments_are_short_stretches_of_the_road():
    events = make_events({"id": "mid", "xy": road_at_km(50)}, {"id": "start", "xy": road_at_km(0.3)})
    road = straight_road()
    snaps = C.snap_active(events, road, DAY)
    segs = C.cut_segments(road, snaps, half_width_km=1.0)
    assert segs.crs.to_epsg() == 4326
    assert segs["event"].tolist() == ["start", "mid"]
    lengths = segs.geometry.apply(lambda g: GEOD.geometry_length(g) / 1000.0).tolist()
    assert lengths[0] == pytest.approx(1.3, abs=0.1)  # clipped at the corridor's start
    assert lengths[1] == pytest.approx(2.0, abs=0.05)
    assert all(g.geom_type == "LineString" for g in segs.geometry)
    xs = [x for g in segs.geometry for x, _ in g.coords]
    assert np.allclose(xs, LON)


def test_cut_segments_unknown_corridor():
    snaps = pd.DataFrame([{"corridor": "nowhere", "km": 1.0, "event": "e", "place": "p"}])
    with pytest.raises(ValueError, match="nowhere"):
        C.cut_segments(straight_road(), snaps)


def test_point_at_km():
    road = straight_road()
    row = road.iloc[0]
    assert point_close(M.point_at_km(row, 0), (LON, LAT0))
    assert point_close(M.point_at_km(row.geometry, ROAD_KM), (LON, LAT1), tol=1e-4)
    assert point_close(M.point_at_km(row, 25.0), road_at_km(25.0), tol=2e-4)
    # a snapped km is rounded to 0.1: up to 50 m past the end is the end, more is an error
    assert M.point_at_km(row, ROAD_KM + 0.05) == pytest.approx(M.point_at_km(row, ROAD_KM))
    assert M.point_at_km(row, -0.05) == pytest.approx(M.point_at_km(row, 0))
    with pytest.raises(ValueError, match="outside the corridor"):
        M.point_at_km(row, ROAD_KM + 0.06)
    with pytest.raises(ValueError, match="outside the corridor"):
        M.point_at_km(row, ROAD_KM + 1)
    with pytest.raises(ValueError):
        M.point_at_km(row, -1)
    with pytest.raises(TypeError):
        M.point_at_km(row, "12")
    with pytest.raises(TypeError):
        M.point_at_km(42, 1.0)


def point_close(p, q, tol: float = 1e-6) -> bool:
    return abs(p[0] - q[0]) <= tol and abs(p[1] - q[1]) <= tol


def km_post_corridors() -> gpd.GeoDataFrame:
    # towns along a meridian; road km runs 1000 at Norte, 1050 at Medio, 1100 at Sur
    coords = [(LON, LAT0), (LON, MID_LAT), (LON, LAT1)]
    refs = {"north-south": [
        {"km": 1000, "place": "Norte", "road": "PE-3S"},
        {"km": 1050, "place": "Médio", "road": "PE-3S"},
        {"km": 1100, "place": "Sur", "road": "PE-3S"},
        {"km": 5, "place": "Norte", "road": "PE-34A"},  # only one ref on this road
    ]}
    return make_corridors(("north-south", coords, ["Norte", "Medio", "Sur"]), km_refs=refs)


@pytest.mark.parametrize(
    ("road", "km", "expected"),
    [
        ("PE-3S", 1000, (LON, LAT0)),               # exact ref -> that vertex
        ("PE-3S", 1050, (LON, MID_LAT)),
        ("pe 3s", 1100, (LON, LAT1)),               # road name folded
        ("PE-3S", 1025, (LON, (LAT0 + MID_LAT) / 2)),  # midway between refs -> midpoint
        ("PE-3S", 1075, (LON, (MID_LAT + LAT1) / 2)),
    ],
)
def test_resolve_km_post_interpolates(road, km, expected):
    cid, lon, lat = K.resolve_km_post(km_post_corridors(), road, km)
    assert cid == "north-south"
    assert point_close((lon, lat), expected, tol=1e-3)


def test_resolve_km_post_extrapolates_a_little():
    corridors = km_post_corridors()
    corridors.at[0, "km_refs"] = [r for r in corridors.at[0, "km_refs"] if r["km"] != 1100]
    _, lon, lat = K.resolve_km_post(corridors, "PE-3S", 1060)  # 10 km past the last ref
    half = (LAT1 - LAT0) / 2
    assert point_close((lon, lat), (LON, MID_LAT + half / 5), tol=1e-3)


@pytest.mark.parametrize(
    ("road", "km", "match"),
    [
        ("PE-3S", 1200, "outside the referenced range"),
        ("PE-3S", 960, "outside the referenced range"),
        ("PE-34A", 5, "at least 2 km_refs"),
        ("PE-1S", 900, "at least 2 km_refs"),
    ],
)
def test_resolve_km_post_errors(road, km, match):
    with pytest.raises(ValueError, match=match):
        K.resolve_km_post(km_post_corridors(), road, km)


def test_resolve_km_post_beyond_the_corridor_end():
    # refs that put km 1115 past the corridor's southern end (within 20 km of the refs)
    corridors = km_post_corridors()
    with pytest.raises(ValueError, match="beyond its ends"):
        K.resolve_km_post(corridors, "PE-3S", 1115)


# ------------------------------------------------------------------------------------------
# input checks
# ------------------------------------------------------------------------------------------


def test_input_types_are_checked():
    events = make_events({"xy": (LON, MID_LAT)})
    road = straight_road()
    with pytest.raises(TypeError, match="events must be a DataFrame"):
        C.snap_events(events.to_dict("records"), road)
    with pytest.raises(ValueError, match="'lon' and 'lat', or a geometry"):
        C.snap_events(pd.DataFrame(events.drop(columns="geometry")), road)
    with pytest.raises(TypeError, match="corridors"):
        C.snap_events(events, [road])
    with pytest.raises(ValueError, match="geo_precision"):
        C.snap_events(events.drop(columns="geo_precision"), road)
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        C.corridor_status(events, road, "22/12/2022")
    with pytest.raises(ValueError, match="not a date"):
        C.corridor_status(events, road, 20221222)
    with pytest.raises(ValueError, match=">= 0"):
        C.snap_events(events, road, tolerance_m=-1)
    with pytest.raises(ValueError, match="no CRS"):
        C.snap_events(events.set_crs(None, allow_override=True), road)
    with pytest.raises(ValueError, match="duplicate"):
        C.snap_events(events, pd.concat([road, road], ignore_index=True))
