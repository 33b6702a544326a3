"""Issue 25: dates are bounded on every path in (import, add, edit, validate; PostGIS in
test_postgis_bounds.py); dataset.json's region_aliases may not remap a region, and validate checks
its languages and featured_day against the app and the data."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from geo.cli.main import main
from geo.core.dates import EARLIEST_DAY, LATEST_DAY
from geo.core.model import DataError, validate_event
from geo.store import load_dataset, open_store
from geo.store.editor import Editor
from tests.conftest import make_event, make_hotspot, write_folder

FAR = [("0001-01-01", "9999-12-31"), ("1899-12-31", None), ("2101-01-01", None), ("2023-01-09", "9999-12-31")]


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file() and not p.name.startswith(".")}


def _cli(capsys, *argv) -> tuple[int, list[str]]:
    capsys.readouterr()
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, [line for line in captured.err.splitlines() if line.strip()]


@pytest.mark.parametrize("start, end", FAR)
def test_an_event_outside_the_accepted_days_is_one_located_problem(start, end):
    problems = validate_event(make_event("far", start=start, end=end))
    outside = [field for field, day in (("start", start), ("end", end)) if day and not "1900" <= day <= "2100-12-31"]
    assert [(p.feature, p.field) for p in problems] == [("far", field) for field in outside]
    assert f"outside the days accepted ({EARLIEST_DAY} to {LATEST_DAY})" in problems[0].message


def test_the_edges_are_accepted_and_an_event_may_not_last_centuries():
    assert validate_event(make_event("a", start="1900-01-01")) == []
    assert validate_event(make_event("b", start="2100-12-31")) == []
    problems = validate_event(make_event("c", start="1900-01-01", end="2100-12-31"))
    assert [(p.field, p.message) for p in problems] == [
        ("end", "2100-12-31 is 73,414 days after start 1900-01-01; at most 3,653 are accepted")]
    source = dict(make_event("d")["properties"]["sources"][0], published="0001-01-01")
    problems = validate_event(make_event("d", sources=[source]))
    assert [(p.field, p.message) for p in problems] == [
        ("sources[0].published", "0001-01-01 is outside the days accepted (1900-01-01 to 2100-12-31)")]


def test_validate_refuses_a_folder_with_a_far_event(tiny_data, capsys):
    data = json.loads((tiny_data / "events.geojson").read_text(encoding="utf-8"))
    data["features"][0]["properties"].update(start="0001-01-01", end="9999-12-31")
    (tiny_data / "events.geojson").write_text(json.dumps(data), encoding="utf-8")
    code, lines = _cli(capsys, "validate", "--data", tiny_data)
    assert code == 1
    assert lines[0] == ("events.geojson: e-juliaca-clash: start: 0001-01-01 is outside the days accepted "
                        "(1900-01-01 to 2100-12-31)")
    with pytest.raises(DataError):
        load_dataset(tiny_data)


@pytest.mark.parametrize("start, end", FAR[:2])
def test_import_add_and_edit_refuse_far_days_and_change_nothing(tiny_data, tmp_path, capsys, start, end):
    before = _files(tiny_data)
    upload = tmp_path / "far.geojson"
    upload.write_text(json.dumps({"type": "FeatureCollection", "features": [
        make_event("far-1", start=start, end=end, place="Ilave")]}), encoding="utf-8")
    code, lines = _cli(capsys, "import", upload, "--data", tiny_data)
    assert code == 1 and lines[0].startswith("far.geojson: ") and "outside the days accepted" in lines[0]
    editor = Editor(tiny_data)
    with pytest.raises(DataError) as caught:
        editor.add(make_event("far-2", start=start, end=end), who="Ana")
    assert "outside the days accepted" in str(caught.value)
    with pytest.raises(DataError) as caught:
        editor.edit("e-ilave", {"start": start, **({"end": end} if end else {})}, who="Ana")
    problem = caught.value.problems[0]
    assert (problem.file, problem.feature, problem.field) == ("events.geojson", "e-ilave", "start")
    assert _files(tiny_data) == before


def test_a_hotspot_and_a_reported_count_are_bounded_too(tmp_path, capsys):
    folder = write_folder(tmp_path / "d", [make_event("a")],
                          [make_hotspot("h", "Puno", -70.02, -15.84, "2023-01-01", "9999-12-31")], [],
                          [{"date": "0001-01-01", "metric": "deaths_total", "value": "1", "reporter": "MINSA",
                            "source_url": "https://www.gob.pe/minsa"}])
    problems = {(p.file, p.feature, p.field) for p in open_store(folder).validate()}
    assert problems == {("hotspots.geojson", "h", "end"), ("reported_counts.csv", "row 2", "date")}


# ---------------------------------------------------------------- dataset.json

def _with_info(folder: Path, **changes) -> Path:
    info = json.loads((folder / "dataset.json").read_text(encoding="utf-8"))
    info.update(changes)
    (folder / "dataset.json").write_text(json.dumps(info), encoding="utf-8")
    return folder


@pytest.mark.parametrize("aliases", [{"Puno": "Cusco", "Cusco": "Puno"}, {"puno": "Lima"}, {"PUNO ": "Cusco"}])
def test_an_alias_may_not_map_one_region_onto_another(tiny_data, capsys, aliases):
    _with_info(tiny_data, region_aliases=aliases)
    code, lines = _cli(capsys, "validate", "--data", tiny_data)
    assert code == 1
    assert lines[0].startswith("dataset.json: (dataset): region_aliases: ")
    assert "is a region of its own: it may not stand for" in lines[0]
    with pytest.raises(DataError):
        load_dataset(tiny_data)  # nothing is relabelled: the data does not load


def test_aliases_of_other_spellings_still_work(tiny_data, capsys):
    _with_info(tiny_data, region_aliases={"Cuzco": "Cusco", "PUNO": "Puno"})
    code, _ = _cli(capsys, "validate", "--data", tiny_data)
    assert code == 0
    assert load_dataset(tiny_data).check_regions(["cuzco"]) == ("Cusco",)


def test_validate_refuses_a_language_without_a_catalogue(tiny_data, capsys):
    _with_info(tiny_data, languages=["xx"])
    code, lines = _cli(capsys, "validate", "--data", tiny_data)
    assert code == 1
    assert lines[0] == "dataset.json: (dataset): languages: 'xx' has no catalogue in the app; its languages are en, es"
    _with_info(tiny_data, languages=["es", "en"])
    assert _cli(capsys, "validate", "--data", tiny_data)[0] == 0


@pytest.mark.parametrize("day", ["2022-12-06", "2023-02-01", "2030-01-01"])
def test_validate_refuses_a_featured_day_outside_the_data(tiny_data, capsys, day):
    _with_info(tiny_data, featured_day=day)
    code, lines = _cli(capsys, "validate", "--data", tiny_data)
    assert code == 1
    assert lines[0] == (f"dataset.json: (dataset): featured_day: {day} is outside the data, which covers "
                        "2022-12-07 to 2023-01-31")  # the hotspot h-puno runs 2022-12-07 to 2023-01-31
    _with_info(tiny_data, featured_day="2022-12-07")
    assert _cli(capsys, "validate", "--data", tiny_data)[0] == 0


def test_an_empty_dataset_may_name_any_featured_day(tmp_path, capsys):
    folder = tmp_path / "new"
    folder.mkdir()
    (folder / "dataset.json").write_text(json.dumps({"title": "New", "country": "PE", "timezone": "America/Lima",
                                                     "bbox": [-82, -19, -68, 0], "featured_day": "2024-05-01"}))
    (folder / "events.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": []}))
    assert open_store(folder).validate() == []


@pytest.mark.parametrize("argv", [["day", "0001-01-01"], ["corridors", "--date", "9999-12-31"],
                                  ["export", "--from", "0001-01-01", "--to", "9999-12-31", "--format", "csv",
                                   "--out", "x.csv"],
                                  ["snapshot", "--from", "2023-01-01", "--to", "9999-12-31", "--out", "x"],
                                  ["publish", "--out", "site", "--from", "0001-01-01"]])
def test_a_day_argument_outside_the_accepted_days_is_one_line(tiny_data, capsys, tmp_path, monkeypatch, argv):
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.chdir(out)
    code, lines = _cli(capsys, *argv, "--data", tiny_data)
    assert code == 1 and len(lines) == 1
    assert "is outside the days accepted (1900-01-01 to 2100-12-31)" in lines[0]
    assert list(out.iterdir()) == []


def test_the_editing_pages_show_the_bounds_in_spanish():
    from geo.core.i18n import translator
    from ui.problems import problem_text
    problems = validate_event(make_event("far", start="0001-01-01")) + \
        validate_event(make_event("long", start="1900-01-01", end="2100-12-31"))
    assert [problem_text(p, translator("es")) for p in problems] == [
        "0001-01-01 está fuera de los días aceptados (1900-01-01 a 2100-12-31)",
        "2100-12-31 está 73,414 días después del inicio 1900-01-01; se aceptan como máximo 3,653"]
