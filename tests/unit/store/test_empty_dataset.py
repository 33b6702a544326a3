"""A new dataset from nothing: a folder holding only dataset.json is a valid, empty dataset that
loads, validates, imports and exports; its layer files appear with the first change
(`blockade-map init-data DIR --empty ...` writes one)."""
from __future__ import annotations

import csv
import json

import pytest

from geo.cli.main import main
from geo.core.dataset import country_time_zone, new_dataset_document
from geo.store import FolderStore, load_dataset, open_store
from geo.store.editor import Editor
from tests.conftest import make_event

NEW = ["--title", "Strike of 2026", "--country", "PE", "--bbox=-82,-19,-68,0"]
ROW = {"kind": "blockade", "start": "2026-03-02", "place": "Juliaca", "region": "Puno", "lon": "-70.13333",
       "lat": "-15.5", "geo_precision": "1", "source_name": "La República",
       "source_url": "https://larepublica.pe/juliaca", "source_published": "2026-03-02"}


def _run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def empty(tmp_path, capsys):
    folder = tmp_path / "new"
    code, out, err = _run(capsys, "init-data", folder, "--empty", *NEW)
    assert (code, err) == (0, "")
    assert f"wrote a new, empty dataset to {folder}: dataset.json (Strike of 2026, PE, America/Lima), 0 events" in out
    assert f"blockade-map import FILE --data {folder}" in out and f"BLOCKADE_MAP_DATA={folder} make run" in out
    return folder


def test_init_data_empty_writes_only_dataset_json(empty):
    assert sorted(p.name for p in empty.iterdir()) == ["dataset.json"]
    assert json.loads((empty / "dataset.json").read_text(encoding="utf-8")) == {
        "title": "Strike of 2026", "country": "PE", "timezone": "America/Lima",
        "bbox": [-82.0, -19.0, -68.0, 0.0], "languages": ["en"]}


def test_an_empty_dataset_loads_and_validates(empty, capsys):
    assert open_store(empty).validate() == []
    ds = load_dataset(empty)
    assert (len(ds.events), len(ds.hotspots), len(ds.corridors), len(ds.counts)) == (0, 0, 0, 0)
    assert (ds.first_day, ds.last_day, ds.featured_day) == (None, None, None)
    assert ds.bbox() == (-82.0, -19.0, -68.0, 0.0) and ds.info.title == "Strike of 2026"
    code, out, _ = _run(capsys, "validate", "--data", empty)
    assert code == 0 and out.strip() == f"ok: {empty}: 0 events, 0 hotspots, 0 corridors, 0 reported counts"
    code, out, _ = _run(capsys, "day", "2026-03-02", "--data", empty, "--json")
    day = json.loads(out)
    assert code == 0 and day["events"] == [] and day["totals"]["events"] == 0
    assert "the data holds no dated event" in day["note"]
    assert sorted(p.name for p in empty.iterdir()) == ["dataset.json"]  # reading writes nothing


def test_an_empty_dataset_exports_no_rows(empty, tmp_path, capsys):
    out_csv, out_json = tmp_path / "out.csv", tmp_path / "out.geojson"
    assert _run(capsys, "export", "--from", "2026-01-01", "--to", "2026-12-31", "--format", "csv", "--out", out_csv,
                "--data", empty)[0] == 0
    rows = list(csv.reader(out_csv.open(encoding="utf-8")))
    assert len(rows) == 1 and rows[0][:3] == ["id", "kind", "start"]
    assert _run(capsys, "export", "--from", "2026-01-01", "--to", "2026-12-31", "--format", "geojson", "--out",
                out_json, "--data", empty)[0] == 0
    assert json.loads(out_json.read_text(encoding="utf-8"))["features"] == []


def test_the_first_import_creates_the_layer_and_the_log(empty, tmp_path, capsys):
    upload = tmp_path / "first.csv"
    with upload.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(ROW))
        writer.writeheader()
        writer.writerow(ROW)
    code, out, err = _run(capsys, "import", upload, "--data", empty, "--who", "ana")
    assert (code, out.strip(), err) == (0, "imported 1 event", "")
    assert sorted(p.name for p in empty.iterdir() if not p.name.startswith(".")) == [
        "changelog.base.geojson", "changelog.jsonl", "dataset.json", "events.geojson"]
    assert json.loads((empty / "changelog.base.geojson").read_text(encoding="utf-8"))["features"] == []
    events = json.loads((empty / "events.geojson").read_text(encoding="utf-8"))["features"]
    assert [(f["id"], f["properties"]["place"], f["geometry"]["coordinates"]) for f in events] == [
        ("2026-03-02-juliaca-blockade", "Juliaca", [-70.13333, -15.5])]
    code, out, _ = _run(capsys, "verify-log", "--data", empty)
    assert code == 0 and out.strip() == f"ok: 1 logged changes replay to {empty / 'events.geojson'}"
    assert len(load_dataset(empty).events) == 1 and load_dataset(empty).first_day == "2026-03-02"


def test_the_editor_adds_to_an_empty_dataset(empty):
    editor = Editor(empty)
    assert editor.read().collection == {"type": "FeatureCollection", "features": []}
    assert editor.verify() == [] and editor.pending() == []
    change = editor.add(make_event("e-1"), who="ana")
    assert change.ids == ["e-1"] and [e["action"] for e in editor.history()] == ["add"]
    assert Editor(empty).read().ids == ["e-1"] and editor.verify() == []


def test_a_folder_without_dataset_json_still_needs_events(tmp_path):
    folder = tmp_path / "bare"
    folder.mkdir()
    problems = [str(p) for p in open_store(folder).validate()]
    assert problems == [f"events.geojson: (file): not found in {folder} (a new dataset needs at least "
                        "dataset.json: `blockade-map init-data DIR --empty`)"]


@pytest.mark.parametrize("argv, message", [
    (["--empty", "--title", "T"], "blockade-map init-data --empty: --country, --bbox required"),
    (["--empty", "--title", "T", "--country", "CL", "--bbox=-80,-56,-66,-17"],
     "CL has several time zones (America/Punta_Arenas, America/Santiago, Pacific/Easter): choose one (--timezone)"),
    (["--empty", "--title", "T", "--country", "Peru", "--bbox=-82,-19,-68,0", "--timezone", "America/Lima"],
     "dataset.json: (dataset): country: 'PERU' is not an ISO 3166-1 alpha-2 code such as 'PE'"),
    (["--empty", "--title", "T", "--country", "PE", "--bbox=-68,-19,-82,0"],
     "bbox: [-68.0, -19.0, -82.0, 0.0] is not [west, south, east, north] in degrees"),
    (["--empty", "--title", "T", "--country", "PE", "--bbox", "1,2,3"],
     "argument --bbox: '1,2,3' is not WEST,SOUTH,EAST,NORTH (four numbers in degrees)"),
    (["--title", "T"], "blockade-map init-data: --title only go with --empty"),
])
def test_init_data_empty_refuses_bad_input_and_writes_nothing(tmp_path, capsys, argv, message):
    target = tmp_path / "new"
    code, _, err = _run(capsys, "init-data", target, *argv)
    assert code == 1 and message in err and "Traceback" not in err
    assert not target.exists()


def test_init_data_empty_never_writes_over_a_folder(tmp_path, capsys):
    target = tmp_path / "busy"
    target.mkdir()
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    code, _, err = _run(capsys, "init-data", target, "--empty", *NEW)
    assert code == 1 and "already exists and is not an empty folder" in err
    assert sorted(p.name for p in target.iterdir()) == ["notes.txt"]


def test_chosen_time_zone_and_languages(tmp_path, capsys):
    target = tmp_path / "chile"
    code, _, _ = _run(capsys, "init-data", target, "--empty", "--title", "Estallido", "--country", "cl",
                      "--bbox=-76,-56,-66,-17", "--timezone", "America/Santiago", "--languages", "es,en",
                      "--licence", "CC BY 4.0")
    assert code == 0
    info = load_dataset(target).info
    assert (info.country, info.timezone, info.languages, info.licence) == ("CL", "America/Santiago", ("es", "en"),
                                                                           "CC BY 4.0")


def test_library_helpers(tmp_path):
    assert country_time_zone("bd") == "Asia/Dhaka"
    with pytest.raises(ValueError, match="no time zone is known for country 'XX'"):
        country_time_zone("XX")
    doc = new_dataset_document("  Kenya 2024 ", "KE", (33.9, -4.7, 41.9, 5.0))
    assert doc["title"] == "Kenya 2024" and doc["timezone"] == "Africa/Nairobi"
    store = FolderStore.create_empty(tmp_path / "k", doc)
    assert store.validate() == [] and store.described and (tmp_path / "k" / "dataset.json").is_file()
