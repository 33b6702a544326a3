"""Every validation rule of the contract, one row each, with the message it must give."""
from __future__ import annotations

import copy

import pytest

from geo.core.model import (
    ANYWHERE,
    MAX_COUNT,
    Problem,
    Scope,
    validate_collection,
    validate_counts_rows,
    validate_event,
)
from tests.conftest import bundled_scope, make_corridor, make_event, make_hotspot

PERU = bundled_scope()


def _event_with(**changes) -> dict:
    feature = make_event("e1")
    for key, value in changes.items():
        if key == "geometry":
            feature["geometry"] = value
        elif value is _DROP:
            feature["properties"].pop(key, None)
        else:
            feature["properties"][key] = value
    return feature


_DROP = object()


def test_valid_event_has_no_problems():
    assert validate_event(make_event("e1", end="2023-01-10", fatalities=0, time_precision=2,
                                     status="confirmed", road="PE-3S", km=1380.5)) == []


@pytest.mark.parametrize("changes, field, fragment", [
    ({"kind": "riot"}, "kind", "'riot' is not one of"),
    ({"kind": _DROP}, "kind", "is required"),
    ({"start": "09/01/2023"}, "start", "is not a date"),
    ({"start": "2023-02-30"}, "start", "is not a date"),
    ({"start": _DROP}, "start", "is required"),
    ({"end": "2023-01-08"}, "end", "is before start 2023-01-09"),
    ({"place": ""}, "place", "non-empty string"),
    ({"place": _DROP}, "place", "is required"),
    ({"region": "Atlantis"}, "region", "is not one of the dataset's regions"),
    ({"region": _DROP}, "region", "is required"),
    ({"fatalities": -1}, "fatalities", "whole number >= 0"),
    ({"injured": 2.5}, "injured", "whole number >= 0"),
    ({"detained": "224"}, "detained", "whole number >= 0"),
    ({"fatalities": True}, "fatalities", "whole number >= 0"),
    ({"km": -3}, "km", "number >= 0"),
    ({"geo_precision": 4}, "geo_precision", "is not one of 1, 2, 3"),
    ({"geo_precision": _DROP}, "geo_precision", "is required"),
    ({"time_precision": 0}, "time_precision", "is not one of 1, 2, 3"),
    ({"status": "rumour"}, "status", "is not one of confirmed, reported"),
    ({"sources": []}, "sources", "non-empty list"),
    ({"sources": _DROP}, "sources", "is required"),
    ({"sources": [{"name": "X", "url": "javascript:alert(1)", "published": "2023-01-09"}]},
     "sources[0].url", "is not an http(s) URL"),
    ({"sources": [{"name": "X", "url": "ftp://example.org/a", "published": "2023-01-09"}]},
     "sources[0].url", "is not an http(s) URL"),
    ({"sources": [{"name": "", "url": "https://example.org", "published": "2023-01-09"}]},
     "sources[0].name", "is required"),
    ({"sources": [{"name": "X", "url": "https://example.org", "published": "yesterday"}]},
     "sources[0].published", "is not a date"),
    ({"description": 5}, "description", "must be a string"),
    ({"geometry": {"type": "LineString", "coordinates": [[0, 0], [1, 1]]}}, "geometry", "must be a Point"),
    ({"geometry": {"type": "Point", "coordinates": [-70.1]}}, "geometry", "[lon, lat]"),
    ({"geometry": {"type": "Point", "coordinates": [2.35, 48.85]}}, "geometry", "outside the dataset's area"),
    ({"fatalities": 9223372036854775808}, "fatalities", "more than the 100,000"),
    ({"fatalities": 10 ** 400}, "fatalities", "more than the 100,000"),
    ({"km": 7000}, "km", "more than the 6,000 km"),
    ({"km": 10 ** 400}, "km", "a 401-digit number is more than the 6,000 km accepted"),
    ({"place": "Juliaca\x00"}, "place", "control character"),
    ({"place": "x" * 301}, "place", "at most 300"),
    ({"geometry": {"type": "Point", "coordinates": [-15.5, -70.13]}}, "geometry", "look swapped"),
])
def test_event_problem_names_field(changes, field, fragment):
    problems = validate_event(_event_with(**changes), scope=PERU)
    assert len(problems) == 1, problems
    assert problems[0].field == field
    assert fragment in problems[0].message
    assert str(problems[0]).startswith(f"events.geojson: e1: {field}: ")


def test_collection_checks_ids_and_structure():
    a, b = make_event("dup"), make_event("dup")
    no_id = make_event("x")
    del no_id["id"]
    problems = validate_collection({"type": "FeatureCollection", "features": [a, b, no_id]}, "events")
    messages = [str(p) for p in problems]
    assert "events.geojson: dup: id: is used by more than one feature" in messages
    assert any(m.startswith("events.geojson: feature #3: id: is required") for m in messages)
    assert validate_collection([], "events") == [
        Problem("events.geojson", "(file)", "type", "must be a GeoJSON FeatureCollection")]


def test_hotspot_and_corridor_rules():
    good = make_hotspot("h", "Puno", -70.02, -15.84, "2022-12-07", "2023-01-31", level=3)
    assert validate_collection({"type": "FeatureCollection", "features": [good]}, "hotspots") == []
    bad = copy.deepcopy(good)
    bad["properties"]["level"] = 5
    bad["properties"]["end"] = "2022-12-01"
    fields = {p.field for p in validate_collection({"type": "FeatureCollection", "features": [bad]}, "hotspots")}
    assert fields == {"level", "end"}
    line = make_corridor("c", "A–B", [[-70.1, -15.5], [-70.0, -15.8]], ["A", "B"])
    assert validate_collection({"type": "FeatureCollection", "features": [line]}, "corridors") == []
    line["geometry"] = {"type": "Point", "coordinates": [-70.1, -15.5]}
    line["properties"]["roads"] = []
    fields = {p.field for p in validate_collection({"type": "FeatureCollection", "features": [line]}, "corridors")}
    assert fields == {"geometry", "roads"}


def test_counts_rows():
    good = {"date": "2023-01-09", "metric": "blockade_points", "value": "45", "reporter": "SUTRAN",
            "source_url": "https://www.gob.pe/sutran"}
    assert validate_counts_rows([good]) == []
    bad = dict(good, metric="points", value="-2", source_url="not a url", date="9 Jan")
    assert {p.field for p in validate_counts_rows([bad])} == {"metric", "value", "source_url", "date"}
    assert str(validate_counts_rows([bad])[0]).startswith("reported_counts.csv: row 2: ")


@pytest.mark.parametrize("raw, canonical", [
    ("Cusco", "Cusco"), ("cuzco", "Cusco"), ("APURIMAC", "Apurímac"), ("Junin", "Junín"),
    ("Lima Metropolitana", "Lima"), ("Callao", "Callao"), ("Narnia", None),
])
def test_the_datasets_regions_and_their_other_spellings(raw, canonical):
    assert PERU.region(raw) == canonical


def test_without_dataset_json_any_region_and_any_point_on_earth_is_accepted():
    assert ANYWHERE.region("Île-de-France") == "Île-de-France" and ANYWHERE.region("  ") is None
    assert validate_event(make_event("e1", lon=2.35, lat=48.85, region="Île-de-France")) == []
    france = Scope(("Île-de-France",), {}, (-5.0, 41.0, 10.0, 51.5))
    assert validate_event(make_event("e1", lon=2.35, lat=48.85, region="ile-de-france"), scope=france) == []
    assert validate_event(make_event("e1", region="Île-de-France"), scope=france)[0].field == "geometry"


def test_counts_are_bounded():
    row = {"date": "2023-01-09", "metric": "deaths_in_clashes", "value": str(MAX_COUNT + 1), "reporter": "X",
           "source_url": "https://x.pe"}
    assert "more than the 100,000" in validate_counts_rows([row])[0].message
    assert validate_counts_rows([dict(row, value="9" * 400)])[0].message == \
        "a 400-digit number is more than the 100,000 accepted"
