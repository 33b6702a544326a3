"""The blockade-map command line: exit codes, located errors, --data and the environment."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import make_event, write_folder
from tests.conftest import run_cli as run

BIN = Path(sys.executable).parent / "blockade-map"


def test_validate_ok(capsys, tiny_data):
    code, out, err = run(capsys, "validate", "--data", str(tiny_data))
    assert code == 0 and err == ""
    assert out.startswith(f"ok: {tiny_data}: 4 events, 1 hotspots, 1 corridors, 1 reported counts")


def test_validate_reports_every_problem_located(capsys, tmp_path):
    bad = make_event("bad-1", kind="riot", start="2023-01-09", end="2023-01-01", fatalities=-2)
    folder = write_folder(tmp_path / "d", [bad, make_event("ok-1")])
    code, out, err = run(capsys, "validate", "--data", str(folder))
    assert code == 1 and out == ""
    lines = err.strip().splitlines()
    assert ("events.geojson: bad-1: kind: 'riot' is not one of blockade, protest, clash, closure, detention, "
            "other") in lines
    assert "events.geojson: bad-1: end: 2023-01-01 is before start 2023-01-09" in lines
    assert "events.geojson: bad-1: fatalities: must be a whole number >= 0, got -2" in lines
    assert lines[-1] == f"3 problem(s) in {folder}"
    assert "Traceback" not in err


def test_day_json(capsys, tiny_data):
    code, out, _ = run(capsys, "day", "2023-01-09", "--json", "--data", str(tiny_data))
    doc = json.loads(out)
    assert code == 0
    assert sorted(e["id"] for e in doc["events"]) == ["e-chucuito", "e-ilave", "e-juliaca-clash"]
    assert set(doc["events"][0]) >= {"id", "kind", "place", "region", "fatalities"}
    assert doc["totals"]["blockade"] == 2 and doc["totals"]["fatalities"] == 18
    assert doc["reported"][0]["value"] == 45


def test_day_text_and_empty_day(capsys, tiny_data):
    code, out, _ = run(capsys, "--data", str(tiny_data), "day", "2023-01-09")
    assert code == 0 and "clash     Juliaca (Puno) 2023-01-09 [17 dead]" in out
    assert "reported: 45 blockade points reported nationwide (SUTRAN); 2 mapped" in out
    code, out, _ = run(capsys, "--data", str(tiny_data), "day", "2023-01-20")
    assert code == 0 and "nothing mapped for this day" in out


@pytest.mark.parametrize("argv, fragment", [
    (["day", "2023-13-01"], "'2023-13-01' is not a date"),
    (["day", "2023-01-09", "--kinds", "riot"], "unknown kind 'riot'"),
    (["nonsense"], "invalid choice"),
    (["day", "2023-01-09", "--data", "/no/such/folder"], "/no/such/folder: (folder): is not a folder"),
])
def test_bad_input_exits_1_with_one_line(capsys, argv, fragment):
    code, out, err = run(capsys, *argv)
    assert code == 1
    assert fragment in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.slow
def test_console_script_honours_environment(tiny_data):
    assert BIN.exists(), "the blockade-map console script is installed by pyproject.toml"
    env = dict(os.environ, BLOCKADE_MAP_DATA=str(tiny_data))
    proc = subprocess.run([str(BIN), "day", "2023-01-06", "--json"], capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    assert [e["detained"] for e in json.loads(proc.stdout)["events"]] == [224]


@pytest.mark.slow
def test_python_dash_m_runs_registered_commands(tiny_data):
    proc = subprocess.run([sys.executable, "-m", "geo.cli", "corridors", "--date", "2023-01-09", "--json",
                           "--data", str(tiny_data)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert [c["id"] for c in json.loads(proc.stdout)] == ["juliaca-desaguadero"]
