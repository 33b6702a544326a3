"""The folder store: loading layers into frames, dataset.json, located errors for broken files."""
from __future__ import annotations

import json

import pytest

from geo.core.frames import event_points
from geo.core.model import DataError
from geo.store import load_dataset, open_store
from geo.store.layout import resolve_data_dir
from tests.conftest import make_event, write_folder


def test_load_builds_frames_with_contract_columns(tiny_data):
    ds = load_dataset(tiny_data)
    assert len(ds.events) == 4 and "geometry" not in ds.events.columns  # points as lon/lat only
    lima = ds.events.set_index("id").loc["e-lima"]
    assert (lima["end"], lima["detained"], lima["fatalities"], lima["status"]) == ("2023-01-06", 224, 0, "reported")
    assert (round(lima["lon"], 5), round(lima["lat"], 5)) == (-77.02824, -12.04318)
    point = event_points(ds.events)[ds.events["id"] == "e-lima"].iloc[0]
    assert event_points(ds.events).crs.to_epsg() == 4326 and (point.x, point.y) == (lima["lon"], lima["lat"])
    assert ds.first_day == "2022-12-07" and ds.last_day == "2023-01-31"
    assert list(ds.corridors["id"]) == ["juliaca-desaguadero"]
    assert int(ds.counts["value"].iloc[0]) == 45


def test_only_events_is_required(tmp_path):
    folder = write_folder(tmp_path / "d", [make_event("a")])
    ds = load_dataset(folder)
    assert (len(ds.events), len(ds.hotspots), len(ds.corridors), len(ds.counts)) == (1, 0, 0, 0)
    # with dataset.json: a new, empty dataset (tests/unit/store/test_empty_dataset.py)
    (folder / "events.geojson").unlink()
    assert open_store(folder).validate() == []
    (folder / "dataset.json").unlink()
    assert [str(p) for p in open_store(folder).validate()] == [
        f"events.geojson: (file): not found in {folder} (a new dataset needs at least dataset.json: "
        "`blockade-map init-data DIR --empty`)"]


def test_broken_json_is_located(tmp_path):
    folder = write_folder(tmp_path / "d", [make_event("a")])
    (folder / "events.geojson").write_text('{"type": "FeatureCollection",\n "features": [,]}', encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_dataset(folder)
    assert str(info.value.problems[0]).startswith("events.geojson: (file): invalid JSON at line 2 column")


def test_env_variable_selects_folder(tiny_data, monkeypatch):
    monkeypatch.setenv("BLOCKADE_MAP_DATA", str(tiny_data))
    assert resolve_data_dir() == tiny_data
    assert len(load_dataset().events) == 4
    assert resolve_data_dir("elsewhere").name == "elsewhere"


def test_dataset_json_describes_the_dataset(tiny_data):
    assert load_dataset(tiny_data).info.title == "Tiny test data"
    (tiny_data / "dataset.json").unlink()
    ds = load_dataset(tiny_data)
    assert ds.info.title == "data" and ds.info.languages == ("en",) and ds.info.timezone is None
    assert ds.featured_day == "2023-01-09"  # the busiest day when dataset.json names none
    assert ds.bbox() == pytest.approx((-77.02824, -16.56609, -69.042, -12.04318))
    (tiny_data / "dataset.json").write_text(json.dumps({
        "title": "Test strike", "country": "PE", "timezone": "America/Lima", "bbox": [-82, -19, -68, 0],
        "languages": ["es", "en"], "featured_day": "2023-01-08", "licence": "CC0", "regions": ["Puno", "Lima"],
        "region_aliases": {"Lima Metropolitana": "Lima"}}), encoding="utf-8")
    ds = load_dataset(tiny_data)
    assert (ds.info.title, ds.info.timezone, ds.featured_day, ds.bbox()) == (
        "Test strike", "America/Lima", "2023-01-08", (-82.0, -19.0, -68.0, 0.0))


@pytest.mark.parametrize("info, field", [
    ({"country": "PE", "timezone": "America/Lima", "bbox": [-82, -19, -68, 0]}, "title"),
    ({"title": "x", "country": "Peru", "timezone": "America/Lima", "bbox": [-82, -19, -68, 0]}, "country"),
    ({"title": "x", "country": "PE", "timezone": "Mars/Olympus", "bbox": [-82, -19, -68, 0]}, "timezone"),
    ({"title": "x", "country": "PE", "timezone": "UTC", "bbox": [0, 0, 0, 0]}, "bbox"),
    ({"title": "x", "country": "PE", "timezone": "UTC", "bbox": [-82, -19, -68, 0], "featured_day": "9 Jan"},
     "featured_day"),
    ({"title": "x", "country": "PE", "timezone": "UTC", "bbox": [-82, -19, -68, 0], "regions": ["Lima"],
      "region_aliases": {"LM": "Callao"}}, "region_aliases"),
])
def test_bad_dataset_json_is_located(tiny_data, info, field):
    (tiny_data / "dataset.json").write_text(json.dumps(info), encoding="utf-8")
    problems = open_store(tiny_data).validate()
    assert [(p.file, p.field) for p in problems] == [("dataset.json", field)]
    with pytest.raises(DataError):
        load_dataset(tiny_data)


def test_regions_outside_dataset_json_are_refused(tiny_data):
    (tiny_data / "dataset.json").write_text(json.dumps({
        "title": "x", "country": "PE", "timezone": "UTC", "bbox": [-82, -19, -68, 0], "regions": ["Puno"]}))
    problems = open_store(tiny_data).validate()
    assert [(p.feature, p.field) for p in problems] == [("e-lima", "region")]
