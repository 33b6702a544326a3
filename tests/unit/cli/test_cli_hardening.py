"""Issue 10: hostile data folders and arguments end in one located line and exit 1, never a
traceback; a closed pipe ends quietly; outputs are written whole or not at all."""
from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from geo.cli.main import main
from geo.export import files as data_export
from geo.store.files import check_target
from tests.conftest import ROOT

BIN = Path(sys.executable).parent / "blockade-map"


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _one_line(capsys, argv: list[str]) -> str:
    assert main(argv) == 1
    captured = capsys.readouterr()
    lines = [line for line in captured.err.splitlines() if line.strip()]
    assert "Traceback" not in captured.err
    return lines[0]


def _rewrite_events(folder: Path, change) -> None:
    path = folder / "events.geojson"
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data["features"][0])
    path.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize("where", ["fatalities", "km", "lon", "geo_precision"])
def test_a_400_digit_number_in_any_numeric_field_is_one_line(tiny_data, capsys, where):
    huge = int("9" * 400)

    def change(feature):
        if where == "lon":
            feature["geometry"]["coordinates"][0] = huge
        else:
            feature["properties"][where] = huge
    _rewrite_events(tiny_data, change)
    for command in (["validate"], ["day", "2023-01-09"]):
        line = _one_line(capsys, [*command, "--data", str(tiny_data)])
        assert line.startswith("events.geojson: e-juliaca-clash: ") and len(line) < 200, line
        assert ("a 400-digit number" in line) or "coordinates" in line or "geometry" in line


def test_a_400_digit_number_in_reported_counts_is_one_line(tiny_data, capsys):
    with open(tiny_data / "reported_counts.csv", "a", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerow(["2023-01-10", "blockade_points", "9" * 400, "SUTRAN", "https://www.gob.pe/sutran"])
    line = _one_line(capsys, ["validate", "--data", str(tiny_data)])
    assert line == "reported_counts.csv: row 3: value: a 400-digit number is more than the 100,000 accepted"


def test_missing_cells_in_reported_counts_are_required_not_none(tiny_data, capsys):
    with open(tiny_data / "reported_counts.csv", "a", encoding="utf-8") as handle:
        handle.write("2023-01-10,blockade_points\n")
    assert main(["validate", "--data", str(tiny_data)]) == 1
    err = capsys.readouterr().err
    assert "None" not in err
    assert "reported_counts.csv: row 3: source_url: is required (an http(s) link to the report)" in err
    assert "reported_counts.csv: row 3: value: is required (a whole number >= 0)" in err


def test_a_csv_field_over_128_kb_in_reported_counts_names_its_row(tiny_data, capsys):
    with open(tiny_data / "reported_counts.csv", "a", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerow(["2023-01-10", "blockade_points", "3", "x" * (129 * 1024), "https://a.pe"])
    line = _one_line(capsys, ["validate", "--data", str(tiny_data)])
    assert line == "reported_counts.csv: row 3: cannot be read as CSV (a cell is larger than 131,072 characters)"


def test_json_nested_100000_deep_and_events_file_that_is_a_folder(tiny_data, capsys):
    (tiny_data / "hotspots.geojson").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert _one_line(capsys, ["day", "2023-01-09", "--data", str(tiny_data)]) == \
        "hotspots.geojson: (file): is nested too deeply to be data"
    (tiny_data / "events.geojson").unlink()
    (tiny_data / "events.geojson").mkdir()
    assert _one_line(capsys, ["validate", "--data", str(tiny_data)]) == \
        "events.geojson: (file): is a folder, not a file"
    assert _one_line(capsys, ["import", str(ROOT / "README.md"), "--data", str(tiny_data)]).startswith(
        "events.geojson: (file): is a folder")


def test_dataset_json_regions_with_control_characters_are_refused(tiny_data, capsys):
    info = json.loads((tiny_data / "dataset.json").read_text(encoding="utf-8"))
    info["regions"].append("Pu\x00no")
    (tiny_data / "dataset.json").write_text(json.dumps(info), encoding="utf-8")
    assert _one_line(capsys, ["validate", "--data", str(tiny_data)]) == (
        "dataset.json: (dataset): regions: must be a list of region names (each at most 300 characters, "
        "no control characters)")


@pytest.mark.parametrize("command", [
    ["day", "2023-01-09"],
    ["export", "--from", "2023-01-09", "--to", "2023-01-09", "--format", "csv", "--out", "{tmp}/x.csv"],
    ["snapshot", "--date", "2023-01-09", "--out", "{tmp}/x.html"],
])
def test_unknown_regions_exit_1_with_a_suggestion(tiny_data, tmp_path, capsys, command):
    argv = [part.replace("{tmp}", str(tmp_path)) for part in command]
    assert _one_line(capsys, [*argv, "--regions", "Pno", "--data", str(tiny_data)]) == \
        "blockade-map: unknown region 'Pno'; did you mean Puno?"
    line = _one_line(capsys, [*argv, "--regions", "Puno,Atlantis", "--data", str(tiny_data)])
    assert line.startswith("blockade-map: unknown region 'Atlantis'; the data's regions are Amazonas, Áncash")
    assert not list(tmp_path.glob("x.*"))
    assert main([*argv, "--regions", "puno", "--data", str(tiny_data)]) == 0   # case and accents ignored


def test_a_closed_pipe_ends_quietly(tmp_path):
    # The JSON (over 64 KB, more than a pipe holds) makes the writer meet the closed pipe.
    shell = f"'{BIN}' day 2023-01-09 --cumulative --json 2>err.txt | head -1; echo ${{PIPESTATUS[0]}} > rc.txt"
    out = subprocess.run(["bash", "-c", shell], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert out.stdout == "{\n"
    assert (tmp_path / "err.txt").read_text() == ""                   # no "[Errno 32] Broken pipe"
    assert (tmp_path / "rc.txt").read_text().strip() == "141"         # as if killed by SIGPIPE


def test_export_to_an_existing_folder_or_a_special_file_writes_nothing(tiny_data, tmp_path, capsys):
    (tmp_path / "out.csv").mkdir()
    base = ["export", "--from", "2023-01-09", "--to", "2023-01-09", "--data", str(tiny_data)]
    assert _one_line(capsys, [*base, "--out", str(tmp_path / "out.csv")]) == \
        f"blockade-map: {tmp_path / 'out.csv'} is a folder; give a file name"
    assert _one_line(capsys, [*base, "--format", "csv", "--out", str(tmp_path)]) == \
        f"blockade-map: {tmp_path} is a folder; give a file name"
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    assert "is not a regular file" in _one_line(capsys, [*base, "--out", str(fifo)])
    assert fifo.is_fifo() and not (tmp_path / "pipe.csv.txt").exists()
    with pytest.raises(ValueError, match="not a regular file"):
        check_target("/dev/full")                                        # never replaced, never written
    assert Path("/dev/full").is_char_device()


def test_export_writes_the_data_and_its_citation_or_neither(tiny_data, tmp_path, capsys):
    out = tmp_path / "jan9.csv"
    (tmp_path / "jan9.csv.txt").mkdir()                     # the citation cannot be written
    base = ["export", "--from", "2023-01-09", "--to", "2023-01-09", "--data", str(tiny_data), "--out", str(out)]
    assert "jan9.csv.txt is a folder" in _one_line(capsys, base)
    assert not out.exists()
    (tmp_path / "jan9.csv.txt").rmdir()
    real = data_export.atomic_write_many

    def full_disk_on_second(files):
        files = list(files)
        import geo.store.files as store_files
        original = store_files._write_temp
        calls = []

        def write_temp(path, data):
            calls.append(path)
            if len(calls) == 2:
                raise OSError(28, "No space left on device")
            return original(path, data)
        store_files._write_temp = write_temp
        try:
            return real(files)
        finally:
            store_files._write_temp = original
    data_export.atomic_write_many = full_disk_on_second
    try:
        assert _one_line(capsys, base) == "blockade-map: [Errno 28] No space left on device"
    finally:
        data_export.atomic_write_many = real
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]   # no data file, no temporary file
    assert main(base) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "jan9.csv", "jan9.csv.txt"]


def test_snapshot_to_an_existing_folder_is_one_line(tiny_data, tmp_path, capsys):
    (tmp_path / "jan9.html").mkdir()
    assert _one_line(capsys, ["snapshot", "--date", "2023-01-09", "--out", str(tmp_path / "jan9.html"),
                              "--data", str(tiny_data)]) == \
        f"blockade-map: {tmp_path / 'jan9.html'} is a folder; give a file name"


def test_geocode_of_hostile_names_is_one_line_or_an_answer(capsys):
    for name in ["\x00", "x" * 100_000, "PE-3S km " + "9" * 400, "[**x**](https://evil.example)"]:
        code = main(["geocode", name])
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err
        assert code in (0, 1)
        if code == 1:
            assert len(captured.err.strip().splitlines()) == 1
