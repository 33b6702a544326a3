"""`import --dry-run` agrees with the real import, and counts read as sentences (issue 22)."""
from __future__ import annotations

from pathlib import Path

from geo.cli.main import main
from tests.conftest import BUNDLED

ROW = ("kind,start,place,region,lon,lat,geo_precision,source_name,source_url,source_published\n"
       "blockade,2023-01-09,Juliaca,Puno,-70.13,-15.5,1,RPP,https://rpp.pe/a,2023-01-09\n")


def _csv(tmp_path: Path) -> Path:
    path = tmp_path / "one.csv"
    path.write_text(ROW, encoding="utf-8")
    return path


def test_dry_run_on_the_bundled_data_says_the_import_would_be_refused(tmp_path, capsys):
    before = (BUNDLED / "events.geojson").read_bytes()
    assert main(["import", str(_csv(tmp_path)), "--dry-run", "--data", str(BUNDLED)]) == 1
    dry = capsys.readouterr()
    assert "would import" not in dry.out
    assert "one.csv: the import would be refused: " in dry.err and "is the bundled dataset" in dry.err
    assert main(["import", str(_csv(tmp_path)), "--data", str(BUNDLED)]) == 1
    real = capsys.readouterr()
    assert "one.csv: the import is refused: " in real.err and "is the bundled dataset" in real.err
    assert (BUNDLED / "events.geojson").read_bytes() == before


def test_one_event_is_one_event(tiny_data, tmp_path, capsys):
    assert main(["import", str(_csv(tmp_path)), "--dry-run", "--data", str(tiny_data)]) == 0
    assert capsys.readouterr().out.startswith("would import 1 event from one.csv (dry run")
    assert main(["import", str(_csv(tmp_path)), "--data", str(tiny_data), "--who", "t"]) == 0
    assert capsys.readouterr().out.startswith("imported 1 event")
