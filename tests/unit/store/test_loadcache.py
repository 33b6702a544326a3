"""The validated-load cache of big data folders (geo.store.loadcache)."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from geo.core.model import DataError
from geo.store import FolderStore, loadcache
from geo.store.loadcache import cache_file, load_folder, write_cache

ROOT = Path(__file__).resolve().parents[3]
BUNDLED = ROOT / "data"


@pytest.fixture()
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(loadcache.CACHE_ENV, str(folder))
    return folder


@pytest.fixture()
def data(tmp_path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(BUNDLED, folder)
    return folder


def test_cached_load_equals_a_direct_load(cache, data):
    store = FolderStore(data)
    direct = store.load()
    path = write_cache(store)
    assert path.parent == cache and path.exists()
    assert oct(cache.stat().st_mode & 0o777) == "0o700"
    cached = load_folder(store, min_bytes=0)
    assert len(cached.events) == len(direct.events) == 909
    assert cached.events["id"].tolist() == direct.events["id"].tolist()
    assert cached.events["sources"].tolist() == direct.events["sources"].tolist()
    assert cached.featured_day == direct.featured_day
    assert cached.store is store and cached.source == direct.source
    day = direct.featured_day
    from geo.core.view import View
    assert cached.index.ids[cached.index.select(View(day))].tolist() == \
        direct.index.ids[direct.index.select(View(day))].tolist()


def test_a_worker_writes_the_cache_on_first_load(cache, data):
    store = FolderStore(data)
    assert not cache_file(store).exists()
    dataset = load_folder(store, min_bytes=0)
    assert cache_file(store).exists()  # written by `python -m geo.store.loadcache`
    assert len(dataset.events) == 909


def test_a_changed_file_gets_a_new_cache_and_the_old_one_goes(cache, data):
    store = FolderStore(data)
    first = write_cache(store)
    events = json.loads((data / "events.geojson").read_text(encoding="utf-8"))
    events["features"] = events["features"][:10]
    (data / "events.geojson").write_text(json.dumps(events), encoding="utf-8")
    assert cache_file(store) != first
    dataset = load_folder(store, min_bytes=0)
    assert len(dataset.events) == 10
    assert not first.exists()
    assert [p.name for p in cache.glob("*.pickle")] == [cache_file(store).name]


def test_invalid_data_reports_its_problems_as_a_direct_load_does(cache, data):
    events = json.loads((data / "events.geojson").read_text(encoding="utf-8"))
    events["features"][0]["properties"]["kind"] = "picnic"
    bad_id = events["features"][0]["id"]
    (data / "events.geojson").write_text(json.dumps(events), encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_folder(FolderStore(data), min_bytes=0)
    assert any(p.feature == bad_id and p.field == "kind" for p in info.value.problems)
    assert not list(cache.glob("*.pickle"))


def test_a_cache_folder_others_may_write_to_is_never_read(cache, data):
    store = FolderStore(data)
    path = write_cache(store)
    with open(path, "wb") as handle:  # what someone else could plant
        handle.write(b"not a pickle of ours")
    os.chmod(cache, 0o777)
    try:
        dataset = load_folder(store, min_bytes=0)  # falls back to loading the folder itself
    finally:
        os.chmod(cache, 0o700)
    assert len(dataset.events) == 909


def test_small_folders_load_in_the_process(cache, data):
    assert loadcache.layer_bytes(FolderStore(data)) < loadcache.CACHE_FROM_BYTES
    dataset = load_folder(FolderStore(data))
    assert len(dataset.events) == 909
    assert not cache.exists()
