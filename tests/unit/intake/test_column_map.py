"""GeoJSON and CSV from elsewhere (issue 21): other property and column names matched to the
event's fields with --map FIELD=NAME (and --set FIELD=VALUE), the same for both; Points only,
with a clear message for any other geometry."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from geo.cli.main import main
from geo.intake.plan import plan_import
from geo.intake.readers import ColumnMap, column_names, parse_map
from geo.store.editor import Editor
from tests.conftest import BUNDLED, make_event

CAPITALS = [  # the shape of an outside GeoJSON of Peru's capitals, with a date and a type added
    ({"CAPITAL": "Juliaca", "DEPARTAM": "PUNO", "date": "2023-01-09", "type": "Blockade",
      "FUENTE": "https://larepublica.pe/a"}, {"type": "Point", "coordinates": [-70.1333, -15.5]}),
    ({"CAPITAL": "Cusco", "DEPARTAM": "CUSCO", "date": "9 January 2023", "type": "protest",
      "FUENTE": "https://larepublica.pe/b", "lat": 99}, {"type": "Point", "coordinates": [-71.9675, -13.5319]}),
    ({"CAPITAL": "Puno", "DEPARTAM": "PUNO", "date": "2023-01-09", "type": "protest", "FUENTE": "https://x.pe/c"},
     {"type": "Polygon", "coordinates": [[[-70.1, -15.9], [-70.0, -15.9], [-70.0, -15.8], [-70.1, -15.9]]]}),
    ({"CAPITAL": "Tacna", "DEPARTAM": "TACNA", "date": "2023-01-09", "type": "protest", "FUENTE": "https://x.pe/d"},
     {"type": "MultiPolygon", "coordinates": []}),
]
MAP = "place=CAPITAL,region=DEPARTAM,start=date,kind=type,source_url=FUENTE"
SETS = ["--set", "source_name=La República, Lima", "--set", "source_published=2023-01-10", "--set", "geo_precision=1"]


def _geojson(path: Path, rows=CAPITALS) -> Path:
    features = [{"type": "Feature", "properties": props, "geometry": geometry} for props, geometry in rows]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    return path


def _empty_peru(folder: Path) -> Path:
    folder.mkdir()
    (folder / "dataset.json").write_bytes((BUNDLED / "dataset.json").read_bytes())
    return folder


def _run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_geojson_from_elsewhere_with_a_column_map(tmp_path, capsys):
    data = _empty_peru(tmp_path / "pe")
    upload = _geojson(tmp_path / "capitales.geojson")
    code, out, err = _run(capsys, "import", upload, "--data", data, "--map", MAP, *SETS, "--who", "ana")
    assert code == 1  # two shapes were left out
    assert out.strip().startswith("imported 2 events; 2 of 4 features are bad: left out")
    assert err.splitlines() == [
        "capitales.geojson: feature #3: geometry: is a Polygon: only Points can be imported (an event happens at a "
        "place); reduce each shape to a point first, e.g. its centroid in a GIS",
        "capitales.geojson: feature #4: geometry: is a MultiPolygon: only Points can be imported (an event happens "
        "at a place); reduce each shape to a point first, e.g. its centroid in a GIS"]
    events = {f["properties"]["place"]: f for f in Editor(data).read().collection["features"]}
    assert sorted(events) == ["Cusco", "Juliaca"]
    juliaca, cusco = events["Juliaca"], events["Cusco"]
    assert juliaca["geometry"]["coordinates"] == [-70.1333, -15.5]
    assert cusco["geometry"]["coordinates"] == [-71.9675, -13.5319]  # the point, not a 'lat' property
    assert (juliaca["properties"]["kind"], juliaca["properties"]["region"], juliaca["properties"]["start"]) == (
        "blockade", "Puno", "2023-01-09")
    assert cusco["properties"]["start"] == "2023-01-09"  # '9 January 2023'
    assert juliaca["properties"]["sources"] == [
        {"name": "La República, Lima", "url": "https://larepublica.pe/a", "published": "2023-01-10"}]


def test_the_same_map_reads_a_csv(tmp_path, capsys):
    data = _empty_peru(tmp_path / "pe")
    upload = tmp_path / "capitales.csv"
    upload.write_text("CAPITAL,DEPARTAM,date,type,FUENTE,X,Y\n"
                      "Juliaca,PUNO,2023-01-09,blockade,https://larepublica.pe/a,-70.1333,-15.5\n", encoding="utf-8")
    code, out, err = _run(capsys, "import", upload, "--data", data, "--map", MAP, "--map", "lon=X,lat=Y", *SETS)
    assert (code, out.strip(), err) == (0, "imported 1 event", "")
    [event] = Editor(data).read().collection["features"]
    assert event["properties"]["place"] == "Juliaca" and event["geometry"]["coordinates"] == [-70.1333, -15.5]


def test_without_a_map_the_missing_fields_are_named(tmp_path, capsys):
    data = _empty_peru(tmp_path / "pe")
    upload = _geojson(tmp_path / "capitales.geojson", CAPITALS[:2])
    code, out, err = _run(capsys, "import", upload, "--data", data)
    assert code == 1 and out == ""
    assert err.splitlines() == [
        "capitales.geojson: header: columns: missing place, region (the export's columns expected; name others "
        "with --map FIELD=PROPERTY or give one value with --set FIELD=VALUE)",
        "capitales.geojson: the file cannot be imported: nothing imported"]
    code, _, err = _run(capsys, "import", upload, "--data", data, "--map", "place=CAPITAL,region=DEPTO")
    assert code == 1 and err.splitlines()[0] == (
        "capitales.geojson: header: --map: region=DEPTO: the file has no property 'DEPTO' (it has: CAPITAL, "
        "DEPARTAM, date, type, FUENTE, lon, lat)")
    assert sorted(p.name for p in data.iterdir()) == ["dataset.json"]


def test_a_map_entry_must_name_a_field(tmp_path, capsys):
    upload = _geojson(tmp_path / "capitales.geojson", CAPITALS[:1])
    code, _, err = _run(capsys, "import", upload, "--map", "town=CAPITAL")
    assert code == 1 and err.strip().startswith("blockade-map import: 'town=CAPITAL': 'town' is not a field of an event")
    code, _, err = _run(capsys, "import", upload, "--map", "place")
    assert code == 1 and err.strip() == "blockade-map import: 'place' is not FIELD=NAME (e.g. place=CAPITAL)"
    assert parse_map(["place=A, region = B"]) == {"place": "A", "region": "B"}
    assert parse_map(["source_name=A, B"], split=False) == {"source_name": "A, B"}


def test_common_names_need_no_map():
    """Lebanon-style properties: date, type, location, source_url are known aliases."""
    features = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [-70.0, -15.8]},
                 "properties": {"date": "2023-01-09", "type": "protest", "location": "Puno", "department": "Puno",
                                "url": "https://rpp.pe/x", "publisher": "RPP", "published": "2023-01-09",
                                "geo_precision": 1}}]
    plan = plan_import(json.dumps({"type": "FeatureCollection", "features": features}), "x.geojson", {"features": []})
    assert not plan.problems
    props = plan.items[0].feature["properties"]
    assert (props["kind"], props["place"], props["region"], props["sources"][0]["url"]) == (
        "protest", "Puno", "Puno", "https://rpp.pe/x")


def test_a_contract_geojson_with_a_polygon_says_points_only():
    polygon = make_event("shape")
    polygon["geometry"] = {"type": "Polygon", "coordinates": [[[-70, -15], [-69, -15], [-69, -14], [-70, -15]]]}
    plan = plan_import(json.dumps({"type": "FeatureCollection", "features": [make_event("ok"), polygon]}),
                       "x.geojson", {"features": []})
    assert [(p.feature, p.field, p.message.split(":")[0]) for p in plan.problems] == [
        ("shape", "geometry", "is a Polygon")]
    assert plan.refused() == ["shape"] and [i.label for i in plan.good_items()] == ["ok"]


def test_column_names_offered_by_the_import_page(tmp_path):
    assert column_names(_geojson(tmp_path / "c.geojson").read_bytes(), "c.geojson") == [
        "CAPITAL", "DEPARTAM", "date", "type", "FUENTE", "lat"]
    assert column_names(b"CAPITAL,DEPARTAM\nJuliaca,Puno\n", "c.csv") == ["CAPITAL", "DEPARTAM"]
    assert column_names(b"\xff\xfe", "c.csv") == []


@pytest.mark.parametrize("columns", [ColumnMap({"place": "CAPITAL"}, {"region": "Puno"}), ColumnMap()])
def test_a_column_map_is_true_when_it_says_anything(columns):
    assert bool(columns) == bool(columns.columns or columns.values)
