"""Loading layers into frames, located errors for broken files, atomic writes."""
from __future__ import annotations

import json

import pytest

from geo.model import DataError
from geo.store import (
    atomic_write_text, load_dataset, read_collection, resolve_data_dir, validate_folder, write_collection,
)
from tests.conftest import make_event, write_folder


def test_load_builds_frames_with_contract_columns(tiny_data):
    ds = load_dataset(tiny_data)
    assert len(ds.events) == 4 and ds.events.crs.to_epsg() == 4326
    lima = ds.events.set_index("id").loc["e-lima"]
    assert (lima["end"], lima["detained"], lima["fatalities"], lima["status"]) == ("2023-01-06", 224, 0, "reported")
    assert (round(lima.geometry.x, 5), round(lima.geometry.y, 5)) == (-77.02824, -12.04318)
    assert ds.first_day == "2022-12-07" and ds.last_day == "2023-01-31"
    assert list(ds.corridors["id"]) == ["juliaca-desaguadero"]
    assert int(ds.counts["value"].iloc[0]) == 45


def test_only_events_is_required(tmp_path):
    folder = write_folder(tmp_path / "d", [make_event("a")])
    ds = load_dataset(folder)
    assert (len(ds.events), len(ds.hotspots), len(ds.corridors), len(ds.counts)) == (1, 0, 0, 0)
    (folder / "events.geojson").unlink()
    assert [str(p) for p in validate_folder(folder)] == [f"events.geojson: (file): not found in {folder}"]


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


def test_write_refuses_invalid_and_leaves_file(tiny_data):
    path = tiny_data / "events.geojson"
    before = path.read_bytes()
    fc = read_collection(path)
    fc["features"][0]["properties"]["kind"] = "riot"
    with pytest.raises(DataError, match="kind: 'riot' is not one of"):
        write_collection(path, fc, "events")
    assert path.read_bytes() == before
    fc["features"][0]["properties"]["kind"] = "protest"
    write_collection(path, fc, "events")
    assert json.loads(path.read_text(encoding="utf-8"))["features"][0]["properties"]["kind"] == "protest"
    assert [p.name for p in tiny_data.iterdir() if p.name.endswith(".tmp")] == []


def test_atomic_write_keeps_old_file_when_writing_fails(tmp_path, monkeypatch):
    path = tmp_path / "f.json"
    path.write_text("old", encoding="utf-8")

    def boom(*args, **kwargs):
        raise OSError("disk full")
    monkeypatch.setattr("os.replace", boom)
    with pytest.raises(OSError, match="disk full"):
        atomic_write_text(path, "new")
    assert path.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.json"]


def test_atomic_write_keeps_the_file_mode(tmp_path):
    import os
    import stat
    path = tmp_path / "events.geojson"
    atomic_write_text(path, "new")
    assert stat.S_IMODE(path.stat().st_mode) & 0o044 == 0o044  # readable by others, not 0600
    os.chmod(path, 0o640)
    atomic_write_text(path, "again")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640 and path.read_text() == "again"
