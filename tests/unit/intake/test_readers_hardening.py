"""Issue 10: imports count rows as a spreadsheet does, accept common column names, and refuse
hostile cells (huge numbers, huge fields, control characters, deep JSON) with located problems."""
from __future__ import annotations

import json

import pytest

from geo.cli.main import main
from geo.intake.plan import plan_import
from tests.conftest import bundled_scope, make_event

PERU = bundled_scope()
HEADER = "kind,start,place,region,lon,lat,geo_precision,source_name,source_url,source_published"
GOOD = "blockade,2023-01-09,Juli,Puno,-69.45,-16.21667,1,RPP,https://rpp.pe/d,2023-01-09"


def _fc(*features):
    return {"type": "FeatureCollection", "features": list(features)}


def test_rows_are_counted_as_in_a_spreadsheet_blank_lines_and_multiline_cells_included():
    text = "\n".join([
        HEADER,                                                               # row 1
        GOOD,                                                                 # row 2
        "",                                                                   # row 3 (blank)
        'blockade,2023-01-09,"Juli\nnorth exit",Puno,-69.45,-16.2,1,RPP,https://rpp.pe/e,2023-01-09',  # row 4
        "blockade,2023-01-09,Juli,Atlantis,-69.45,-16.2,1,RPP,https://rpp.pe/f,2023-01-09",            # row 5
    ])
    plan = plan_import(text, "rows.csv", _fc(), scope=PERU)
    assert [i.label for i in plan.items] == ["row 2", "row 4", "row 5"]
    assert [(p.feature, p.field) for p in plan.problems] == [("row 5", "region")]
    assert plan.failure_summary() == "1 of 3 rows are bad (rows counted as in a spreadsheet: the header is row 1)"


@pytest.mark.parametrize("header", [
    "kind,date,place,department,lng,lat,geo_precision,publisher,url,published",
    "kind,start_date,place,region,longitude,latitude,geo_precision,source,link,date_published",
    "Kind,Start,Place,Region,Lon,Lat,Geo_Precision,Source_Name,Source_URL,Source_Published",
])
def test_common_column_names_are_accepted(header):
    plan = plan_import(f"{header}\n{GOOD}\n", "aliases.csv", _fc(), scope=PERU)
    assert plan.ok, plan.problems
    feature = plan.features()[0]
    assert feature["geometry"]["coordinates"] == [-69.45, -16.21667]
    assert feature["properties"]["start"] == "2023-01-09" and feature["properties"]["region"] == "Puno"
    assert feature["properties"]["sources"] == [{"name": "RPP", "url": "https://rpp.pe/d", "published": "2023-01-09"}]


def test_problems_name_the_column_as_the_user_wrote_it():
    text = ("kind,date,place,region,lng,lat,geo_precision,publisher,Source_URL,published\n"
            "blockade,2023-01-09,Juli,Puno,-69.45,-16.2,1,RPP,ftp://x,2023-01-09\n"
            "blockade,2023-01-09,Juli,Puno,-69.45,-16.2,1,RPP,,2023-01-09\n"
            "blockade,2023-13-09,Juli,Puno,abc,-16.2,1,RPP,https://rpp.pe/g,someday\n")
    plan = plan_import(text, "named.csv", _fc(), scope=PERU)
    assert [(p.feature, p.field) for p in plan.problems] == [
        ("row 2", "Source_URL"), ("row 3", "Source_URL"), ("row 4", "date"), ("row 4", "published"), ("row 4", "lng")]
    assert plan.problems[0].message == "'ftp://x' is not an http(s) URL"


def test_more_bad_features_than_features_is_impossible(tmp_path, tiny_data, capsys):
    upload = tmp_path / "odd.geojson"
    upload.write_text(json.dumps(_fc(make_event("ok-1", place="Juli", lon=-69.45, lat=-16.2), None, 7, "x",
                                     make_event("ok-2", place="Acora", lon=-69.8, lat=-15.97))), encoding="utf-8")
    assert main(["import", str(upload), "--data", str(tiny_data), "--all-or-nothing"]) == 1
    assert capsys.readouterr().err.splitlines()[-1] == "odd.geojson: 3 of 5 features are bad: nothing imported"


@pytest.mark.parametrize("cell, field", [
    ("9" * 400, "fatalities"), ("-" + "9" * 400, "lon"), ("1e400", "km"),
])
def test_a_400_digit_number_in_a_csv_cell_is_one_short_problem(cell, field):
    header = HEADER + ",fatalities,km"
    row = GOOD + ",0,10"
    cells = row.split(",")
    index = {"fatalities": -2, "km": -1, "lon": 4}[field]
    cells[index] = cell
    plan = plan_import(f"{header}\n{','.join(cells)}\n", "huge.csv", _fc(), scope=PERU)
    assert [(p.feature, p.field) for p in plan.problems] == [("row 2", field)]
    assert len(plan.problems[0].message) < 120, plan.problems[0].message


@pytest.mark.parametrize("field, value", [
    ("fatalities", 9223372036854775808), ("fatalities", int("9" * 400)), ("km", int("9" * 400)),
    ("injured", 10 ** 5 + 1),
])
def test_huge_numbers_in_geojson_are_refused_with_a_short_message(field, value):
    feature = make_event("big", place="Juli", lon=-69.45, lat=-16.2, **{field: value})
    plan = plan_import(json.dumps(_fc(feature)), "big.geojson", _fc(), scope=PERU)
    assert [(p.feature, p.field) for p in plan.problems] == [("big", field)]
    message = plan.problems[0].message
    assert len(message) < 120 and ("accepted" in message), message
    if len(str(value)) > 30:
        assert f"a {len(str(value))}-digit number" in message


def test_huge_coordinates_and_deep_json_are_located_problems():
    feature = make_event("far", place="Juli")
    feature["geometry"]["coordinates"] = [int("9" * 400), -16.2]
    plan = plan_import(json.dumps(_fc(feature)), "far.geojson", _fc(), scope=PERU)
    assert [(p.feature, p.field) for p in plan.problems] == [("far", "geometry")]
    assert len(plan.problems[0].message) < 160
    deep = "[" * 100_000 + "]" * 100_000
    plan = plan_import(deep, "deep.geojson", _fc(), scope=PERU)
    assert [str(p) for p in plan.problems] == ["deep.geojson: (file): is nested too deeply to be data"]
    plan = plan_import('{"type": "FeatureCollection", "features": [' + "1" * 5000 + "]}", "long.geojson", _fc())
    assert plan.problems[0].feature == "(file)" and "cannot be read as JSON" in plan.problems[0].message


def test_a_csv_field_over_128_kb_is_a_located_problem():
    cells = GOOD.split(",")
    cells[2] = "x" * (129 * 1024)
    plan = plan_import(f"{HEADER}\n{GOOD}\n{','.join(cells)}\n", "wide.csv", _fc(), scope=PERU)
    assert [(p.feature, p.field) for p in plan.problems] == [("row 3", "")]
    assert "larger than 131,072 characters" in plan.problems[0].message


@pytest.mark.parametrize("place", ["Juli\x00", "Ju\x07li", "Juli\x1b[31m", "Juli\x7f"])
def test_control_characters_in_names_are_refused(place):
    plan = plan_import(json.dumps(_fc(make_event("ctl", place=place, lon=-69.45, lat=-16.2))), "ctl.geojson", _fc(),
                       scope=PERU)
    assert [(p.feature, p.field) for p in plan.problems] == [("ctl", "place")]
    cells = GOOD.split(",")
    cells[2] = place
    plan = plan_import(f"{HEADER}\n{','.join(cells)}\n", "ctl.csv", _fc(), scope=PERU)
    assert [(p.feature, p.field) for p in plan.problems] == [("row 2", "place")]
    assert plan.problems[0].message == "holds a control character (such as NUL); remove it"


def test_an_upload_over_the_size_limit_is_refused_before_parsing():
    from geo.intake.readers import MAX_IMPORT_BYTES
    plan = plan_import(b"x" * (MAX_IMPORT_BYTES + 1), "big.csv", _fc())
    assert [str(p) for p in plan.problems] == [
        f"big.csv: (file): is larger than the {MAX_IMPORT_BYTES // 2**20} MB accepted for one import; split it"]


def test_dry_run_fails_on_a_data_folder_that_fails_validation(tmp_path, tiny_data, capsys):
    upload = tmp_path / "ok.csv"
    upload.write_text(f"{HEADER}\n{GOOD}\n", encoding="utf-8")
    (tiny_data / "hotspots.geojson").write_text('{"type": "FeatureCollection", "features": [7]}', encoding="utf-8")
    for extra in (["--dry-run"], []):
        before = {p.name: p.read_bytes() for p in tiny_data.iterdir() if p.is_file()}
        assert main(["import", str(upload), "--data", str(tiny_data), *extra]) == 1
        err = capsys.readouterr().err.splitlines()
        assert err[0].startswith("hotspots.geojson: feature #1")
        assert err[-1].endswith("the data folder fails validation (1 problem(s)): fix it before importing; nothing imported")
        assert {p.name: p.read_bytes() for p in tiny_data.iterdir() if p.is_file()} == before


def test_a_long_acled_value_is_quoted_short_in_its_problem():
    """Found by make fuzz: an ACLED row whose date or event type is 5,000 characters long gave a
    problem that quoted it whole."""
    header = "event_id_cnty,event_date,event_type,sub_event_type,location,admin1,latitude,longitude,fatalities,source,notes"
    row = f",{'x' * 5000},{'y' * 5000},Peaceful protest,Juli,Puno,-16.2,-69.45,,https://rpp.pe/a,"
    plan = plan_import(f"{header}\r\n{row}\r\n", "up.csv", _fc(), scope=PERU)
    by_field = {p.field: str(p) for p in plan.problems}
    assert by_field["event_date"].startswith("up.csv: row 2: event_date: 'xxxx")
    assert by_field["event_date"].endswith("x... is not a date (2020-05-09, 9 May 2020, 9-May-20, an Excel day "
                                           "number or 09/05/2020)")
    assert by_field["event_type"].endswith("y... / 'Peaceful protest' has no matching kind")
    assert all(len(text) < 300 for text in by_field.values())
