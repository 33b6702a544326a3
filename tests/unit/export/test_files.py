"""Data export: GeoJSON and CSV of the events active in a range, with their citation file."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from geo.core.model import validate_collection
from geo.core.view import View
from geo.export import files as data_export
from geo.store import load_dataset
from tests.conftest import BUNDLED, SOURCE, make_event, write_folder
from tests.conftest import run_cli as run

SECOND = {"name": "La República", "url": "https://larepublica.pe/sociedad/2023/01/09/juliaca",
          "published": "2023-01-09"}


def day_events(capsys, data: Path, day: str) -> list[dict]:
    code, out, _ = run(capsys, "day", day, "--json", "--data", data)
    assert code == 0
    return json.loads(out)["events"]


def read_csv(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("first,last,ids", [
    ("2023-01-09", "2023-01-09", ["e-ilave", "e-chucuito", "e-juliaca-clash"]),
    ("2023-01-06", "2023-01-08", ["e-lima", "e-ilave"]),
    ("2023-01-11", "2023-01-31", []),
    ("2022-12-01", "2023-01-31", ["e-lima", "e-ilave", "e-chucuito", "e-juliaca-clash"]),
])
def test_events_in_range(tiny_data, first, last, ids):
    frame = data_export.events_in_range(load_dataset(tiny_data), first, last)
    assert list(frame["id"]) == ids


def test_events_in_range_checks_input(tiny_data):
    ds = load_dataset(tiny_data)
    with pytest.raises(ValueError, match="before it starts"):
        data_export.events_in_range(ds, "2023-01-10", "2023-01-09")
    with pytest.raises(ValueError, match="unknown kind 'riot'"):
        data_export.events_in_range(ds, "2023-01-09", "2023-01-09", kinds=("riot",))
    with pytest.raises(TypeError, match="single string"):
        data_export.events_in_range(ds, "2023-01-09", "2023-01-09", kinds="blockade")
    with pytest.raises(TypeError, match="Dataset"):
        data_export.events_in_range({}, "2023-01-09", "2023-01-09")


def test_csv_round_trips_to_the_day_command(capsys, tiny_data, tmp_path):
    out = tmp_path / "jan9.csv"
    code, stdout, err = run(capsys, "export", "--from", "2023-01-09", "--to", "2023-01-09",
                            "--format", "csv", "--out", out, "--data", tiny_data)
    assert code == 0 and err == ""
    assert stdout.strip() == f"wrote {out} (3 events, csv) and {out}.txt (sources and licence)"
    rows = read_csv(out)
    day = day_events(capsys, tiny_data, "2023-01-09")
    assert sorted((r["id"], r["kind"], r["place"], int(r["fatalities"])) for r in rows) == \
        sorted((e["id"], e["kind"], e["place"], e["fatalities"]) for e in day)
    by_id = {r["id"]: r for r in rows}
    for e in day:
        row = by_id[e["id"]]
        assert (float(row["lon"]), float(row["lat"])) == (e["lon"], e["lat"])
        assert (row["start"], row["end"], row["region"], row["status"]) == (e["start"], e["end"], e["region"], e["status"])
        assert row["source_1_name"] == e["sources"][0]["name"]
        assert row["source_1_url"] == e["sources"][0]["url"]
        assert row["source_1_published"] == e["sources"][0]["published"]
    assert by_id["e-chucuito"]["road"] == "PE-3S" and by_id["e-chucuito"]["km"] == "1380"
    assert by_id["e-ilave"]["road"] == "" and by_id["e-ilave"]["km"] == ""
    assert list(rows[0])[:10] == ["id", "kind", "start", "end", "place", "region", "road", "km", "lon", "lat"]


def test_geojson_round_trips_and_is_a_valid_events_layer(capsys, tiny_data, tmp_path):
    out = tmp_path / "jan9.geojson"
    code, _, err = run(capsys, "export", "--from", "2023-01-09", "--to", "2023-01-09", "--out", out,
                       "--data", tiny_data)  # format taken from the suffix
    assert code == 0 and err == ""
    collection = json.loads(out.read_text(encoding="utf-8"))
    assert validate_collection(collection, "events") == []
    day = day_events(capsys, tiny_data, "2023-01-09")
    features = {f["id"]: f for f in collection["features"]}
    assert sorted(features) == sorted(e["id"] for e in day)
    for e in day:
        f = features[e["id"]]
        p = f["properties"]
        assert (p["kind"], p["place"], p["fatalities"]) == (e["kind"], e["place"], e["fatalities"])
        assert f["geometry"]["coordinates"] == [e["lon"], e["lat"]]
        assert p["sources"] == e["sources"]
        assert set(p) >= {"kind", "start", "end", "place", "region", "fatalities", "injured", "detained",
                          "geo_precision", "time_precision", "status", "sources"}
    assert features["e-chucuito"]["properties"]["km"] == 1380
    assert features["e-juliaca-clash"]["properties"]["description"] == "Seventeen people were killed near the airport."
    assert collection["metadata"]["from"] == "2023-01-09" and "CC BY 4.0" in collection["metadata"]["licence"]
    assert collection["metadata"]["sources"] == ["Defensoría del Pueblo"]
    # the export is itself a data folder's events layer that loads to the same events
    folder = tmp_path / "again"
    folder.mkdir()
    (folder / "events.geojson").write_text(out.read_text(encoding="utf-8"), encoding="utf-8")
    again = load_dataset(folder)
    assert sorted(again.events["id"]) == sorted(features)
    assert int(again.events["fatalities"].sum()) == 18


def test_sidecar_names_sources_licence_range_and_command(capsys, tiny_data, tmp_path):
    out = tmp_path / "range.csv"
    code, _, _ = run(capsys, "export", "--from", "2023-01-06", "--to", "2023-01-09", "--format", "csv",
                     "--out", out, "--kinds", "blockade,detention", "--data", tiny_data)
    assert code == 0
    text = (tmp_path / "range.csv.txt").read_text(encoding="utf-8")
    assert "events active from 2023-01-06 to 2023-01-09" in text
    assert "File: range.csv (CSV, UTF-8, 3 event(s))" in text
    assert "Date range: 2023-01-06 to 2023-01-09" in text
    assert "Filters: kinds = blockade, detention; regions = all" in text
    assert "CC BY 4.0" in text and "GeoNames" in text
    assert "- Defensoría del Pueblo: 3" in text
    assert (f"Made with: blockade-map export --from 2023-01-06 --to 2023-01-09 --format csv --out {out} "
            f"--kinds blockade,detention --data {tiny_data}") in text
    assert sorted(r["id"] for r in read_csv(out)) == ["e-chucuito", "e-ilave", "e-lima"]


def test_csv_flattens_several_sources_and_survives_commas_and_quotes(tmp_path):
    tricky = make_event("e-two", "protest", "2023-01-09", place='Puente "Añashuayco", Arequipa',
                        region="Arequipa", lon=-71.55, lat=-16.35, sources=[dict(SOURCE), dict(SECOND)],
                        description="Line one;\nline two, with a comma")
    one = make_event("e-one", "blockade", "2023-01-09")
    ds = load_dataset(write_folder(tmp_path / "d", [tricky, one]))
    text, sidecar, count = data_export.render_export(ds, "2023-01-09", "2023-01-09", "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert count == 2 and [r["id"] for r in rows] == ["e-one", "e-two"]
    two = rows[1]
    assert two["place"] == 'Puente "Añashuayco", Arequipa'
    assert two["description"] == "Line one;\nline two, with a comma"
    assert (two["source_2_name"], two["source_2_url"], two["source_2_published"]) == \
        (SECOND["name"], SECOND["url"], SECOND["published"])
    assert two["sources"] == ("Defensoría del Pueblo (2023-01-10) https://www.defensoria.gob.pe/; "
                              f"La República (2023-01-09) {SECOND['url']}")
    assert rows[0]["source_2_name"] == ""  # one source: the second set of columns stays empty
    assert "- Defensoría del Pueblo: 2" in sidecar and "- La República: 1" in sidecar


def test_empty_range_still_writes_a_header_and_says_so(capsys, tiny_data, tmp_path):
    out = tmp_path / "none.csv"
    code, stdout, _ = run(capsys, "export", "--from", "2023-01-20", "--to", "2023-01-21", "--format", "csv",
                          "--out", out, "--data", tiny_data)
    assert code == 0 and "(0 events, csv)" in stdout
    assert out.read_text(encoding="utf-8").splitlines()[0].startswith("id,kind,start,end,place,region")
    assert "- none: no event is active in this range" in (tmp_path / "none.csv.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("argv,message", [
    (["--from", "2023-01-10", "--to", "2023-01-09", "--format", "csv", "--out", "{tmp}/x.csv"],
     "blockade-map: export: --to 2023-01-09 is before --from 2023-01-10"),
    (["--from", "2023-01-09", "--to", "2023-01-09", "--out", "{tmp}/x.xlsx"],
     "blockade-map: export: give --format geojson, csv or acled (cannot tell from '{tmp}/x.xlsx')"),
    (["--from", "2023-01-09", "--to", "2023-01-09", "--format", "csv", "--out", "{tmp}/missing/x.csv"],
     "blockade-map: folder {tmp}/missing does not exist"),
    (["--from", "2023-13-01", "--to", "2023-01-09", "--format", "csv", "--out", "{tmp}/x.csv"],
     "blockade-map export: argument --from: '2023-13-01' is not a date (YYYY-MM-DD)"),
    (["--from", "2023-01-09", "--to", "2023-01-09", "--format", "xls", "--out", "{tmp}/x.csv"],
     "blockade-map export: argument --format: invalid choice: 'xls' (choose from 'geojson', 'csv', 'acled')"),
])
def test_export_bad_input_is_one_line_exit_1(capsys, tiny_data, tmp_path, argv, message):
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    code, out, err = run(capsys, "export", *argv, "--data", tiny_data)
    assert code == 1 and out == ""
    assert err.strip() == message.replace("{tmp}", str(tmp_path))
    assert not list(tmp_path.glob("x.*"))


def test_view_range():
    class Fake:  # only first_day is read
        first_day = "2022-12-07"
    assert data_export.view_range(Fake(), View("2023-01-09")) == ("2023-01-09", "2023-01-09")
    assert data_export.view_range(Fake(), View("2023-01-09", "cumulative")) == ("2022-12-07", "2023-01-09")
    with pytest.raises(TypeError):
        data_export.view_range(Fake(), "2023-01-09")


def test_exported_files_are_readable_by_others(tiny_data, tmp_path):
    result = data_export.export_events(load_dataset(tiny_data), "2023-01-09", "2023-01-09", "geojson",
                                       tmp_path / "a.geojson")
    assert result.count == 3 and result.sidecar == tmp_path / "a.geojson.txt"
    assert (result.path.stat().st_mode & 0o777) == 0o644
    assert (result.sidecar.stat().st_mode & 0o777) == 0o644


@pytest.mark.skipif(not (BUNDLED / "events.geojson").exists(), reason="bundled data not present")
def test_bundled_jan9_round_trips_with_every_source_and_note(capsys, tmp_path):
    day = {e["id"]: e for e in day_events(capsys, BUNDLED, "2023-01-09")}
    assert len(day) >= 10
    for fmt in ("csv", "geojson"):
        code, _, _ = run(capsys, "export", "--from", "2023-01-09", "--to", "2023-01-09", "--format", fmt,
                         "--out", tmp_path / f"jan9.{fmt}", "--data", BUNDLED)
        assert code == 0
    rows = {r["id"]: r for r in read_csv(tmp_path / "jan9.csv")}
    features = {f["id"]: f for f in json.loads((tmp_path / "jan9.geojson").read_text(encoding="utf-8"))["features"]}
    assert set(rows) == set(features) == set(day)
    for fid, e in day.items():
        assert (rows[fid]["kind"], rows[fid]["place"], int(rows[fid]["fatalities"])) == \
            (e["kind"], e["place"], e["fatalities"])
        assert features[fid]["properties"]["sources"] == e["sources"]  # notes included
        for i, src in enumerate(e["sources"], start=1):
            assert rows[fid][f"source_{i}_url"] == src["url"]
            assert rows[fid][f"source_{i}_note"] == src.get("note", "")
    assert sum(int(r["fatalities"]) for r in rows.values()) == sum(e["fatalities"] for e in day.values())
