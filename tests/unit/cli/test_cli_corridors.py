"""`blockade-map corridors` and `blockade-map route`: JSON shapes, text, exit codes, --data and env."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from geo.network.measure import vertex_km
from geo.store import load_dataset
from tests.conftest import run_cli as run

BIN = Path(sys.executable).parent / "blockade-map"


def santa_lucia_km(folder) -> float:
    """Santa Lucía's km along arequipa-juliaca (its second vertex), as the library measures it."""
    ds = load_dataset(folder)
    row = ds.corridors.set_index("id").loc["arequipa-juliaca"]
    return round(float(vertex_km(row.geometry)[1][1]), 1)


def juliaca_to_santa_lucia_km(folder) -> float:
    """The km a truck drives from Juliaca (the corridor's last town) back to Santa Lucía."""
    ds = load_dataset(folder)
    kms = vertex_km(ds.corridors.set_index("id").loc["arequipa-juliaca"].geometry)[1]
    return round(float(kms[2] - kms[1]), 1)


# ---------------------------------------------------------------- corridors

def test_corridors_json_shape(capsys, net_data):
    code, out, err = run(capsys, "corridors", "--date", "2023-01-09", "--json", "--data", str(net_data))
    assert (code, err) == (0, "")
    doc = json.loads(out)
    assert [c["id"] for c in doc] == ["arequipa-juliaca", "ayaviri-juliaca", "juliaca-chucuito"]
    assert [c["status"] for c in doc] == ["cut", "cut", "open"]
    for c in doc:
        assert {"id", "name", "status", "blocked_by"} <= set(c)
        for b in c["blocked_by"]:
            assert {"event", "km", "distance_m"} <= set(b)
            assert isinstance(b["km"], float) and isinstance(b["distance_m"], int)
    (cut,) = doc[0]["blocked_by"]
    assert cut == {"event": "b-santa-lucia", "km": santa_lucia_km(net_data), "distance_m": 0,
                   "place": "Santa Lucía"}
    assert doc[1]["blocked_by"][0]["event"] == "b-calapuja"
    assert doc[2]["blocked_by"] == []
    assert doc[0]["name"] == "Arequipa–Juliaca"


def test_corridors_text(capsys, net_data):
    code, out, _ = run(capsys, "corridors", "--date", "2023-01-10", "--data", str(net_data))
    lines = out.splitlines()
    assert code == 0
    assert lines[0] == "2023-01-10: 2 of 3 corridor(s) cut (km from each corridor's start)"
    assert lines[2] == "  Ayaviri–Juliaca: open"
    assert lines[3].startswith("  Juliaca–Puno–Chucuito: cut at km 54.")
    assert "(Chucuito, b-chucuito, 0 m off the road)" in lines[3]


@pytest.mark.parametrize(("tolerance", "expected"), [("2000", "open"), ("10000", "cut"), ("0", "open")])
def test_corridors_tolerance(capsys, net_data, tolerance, expected):
    # b-off-road lies about 9 km from Arequipa–Juliaca; Calapuja (the only blockade of 2023-01-08)
    # is 23 km from it, so a 10 km tolerance adds b-off-road on the 9th and leaves the 8th open.
    code, out, _ = run(capsys, "corridors", "--date", "2023-01-08", "--json", "--tolerance-m", tolerance,
                       "--data", str(net_data))
    doc = {c["id"]: c for c in json.loads(out)}
    assert code == 0
    assert doc["arequipa-juliaca"]["status"] == "open"
    code, out, _ = run(capsys, "corridors", "--date", "2023-01-09", "--json", "--tolerance-m", tolerance,
                       "--data", str(net_data))
    events = [b["event"] for b in {c["id"]: c for c in json.loads(out)}["arequipa-juliaca"]["blocked_by"]]
    assert ("b-off-road" in events) == (expected == "cut")


@pytest.mark.parametrize(("argv", "message"), [
    (["corridors", "--date", "2023-02-30"], "argument --date: '2023-02-30' is not a date (YYYY-MM-DD)"),
    (["corridors"], "the following arguments are required: --date"),
    (["corridors", "--date", "2023-01-09", "--tolerance-m", "-5"], "must be a finite number >= 0"),
    (["corridors", "--date", "2023-01-09", "--tolerance-m", "far"], "'far' is not a number of metres"),
    (["route", "Juliaca", "--date", "2023-01-09"], "the following arguments are required: TO"),
    (["route", "Juliaca", "Arequipa"], "the following arguments are required: --date"),
])
def test_bad_input_is_one_line_and_exit_1(capsys, net_data, argv, message):
    code, out, err = run(capsys, *argv, "--data", str(net_data))
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err
    assert "Traceback" not in err


def test_missing_data_folder_exit_1(capsys, tmp_path):
    code, out, err = run(capsys, "corridors", "--date", "2023-01-09", "--data", str(tmp_path / "nope"))
    assert code == 1 and out == ""
    assert err.strip() == f"{tmp_path / 'nope'}: (folder): is not a folder"


def test_no_corridors_file(capsys, tiny_data):
    (tiny_data / "corridors.geojson").unlink()
    code, out, _ = run(capsys, "corridors", "--date", "2023-01-09", "--json", "--data", str(tiny_data))
    assert (code, json.loads(out)) == (0, [])
    code, out, _ = run(capsys, "corridors", "--date", "2023-01-09", "--data", str(tiny_data))
    assert out.strip() == f"2023-01-09: no corridors in {tiny_data}"


# ---------------------------------------------------------------- route

def test_route_json_exact_shape(capsys, net_data):
    code, out, err = run(capsys, "route", "Juliaca", "Arequipa", "--date", "2023-01-09", "--json",
                         "--data", str(net_data))
    assert (code, err) == (0, "")
    doc = json.loads(out)
    # the contract's fields first, then what was added (where each cut lies on the trip, the whole trip)
    assert list(doc) == ["from", "to", "date", "passable", "path", "cuts", "distance_km", "detour", "towns",
                         "coverage"]
    trip = juliaca_to_santa_lucia_km(net_data)
    assert doc == {"from": "Juliaca", "to": "Arequipa", "date": "2023-01-09", "passable": False,
                   "path": ["arequipa-juliaca"],
                   "cuts": [{"corridor": "arequipa-juliaca", "event": "b-santa-lucia",
                             "km": santa_lucia_km(net_data), "place": "Santa Lucía",
                             "trip_km": trip, "after_town": "Santa Lucía", "km_after_town": 0.0}],
                   "distance_km": doc["distance_km"], "detour": False,
                   "towns": ["Juliaca", "Santa Lucía", "Arequipa"],
                   # the answer counts only mapped blockades: how many of the day's reported points are mapped
                   "coverage": {"mapped": 4, "reported": 50, "reporter": "Defensoría del Pueblo"}}
    assert doc["distance_km"] == pytest.approx(trip + santa_lucia_km(net_data), abs=0.11)
    assert "note" not in doc  # the day is inside the data


def test_route_text_names_the_cut(capsys, net_data):
    code, out, _ = run(capsys, "route", "juliaca", "AREQUIPA", "--date", "2023-01-09", "--data", str(net_data))
    trip = juliaca_to_santa_lucia_km(net_data)
    assert code == 0
    # kilometres from where the truck starts, in the direction of travel; no event id
    assert out == (f"Juliaca → Arequipa on 2023-01-09: NOT passable. Cut {trip:.1f} km after Juliaca, "
                   "at Santa Lucía, on Arequipa–Juliaca. 4 of 50 reported blockade points are mapped on this day (Defensoría del Pueblo); only mapped blockades count.\n")
    assert "b-santa-lucia" not in out


def test_route_across_the_junction_lists_cuts_in_order(capsys, net_data):
    code, out, _ = run(capsys, "route", "Ayaviri", "Arequipa", "--date", "2023-01-09", "--json",
                       "--data", str(net_data))
    doc = json.loads(out)
    assert code == 0 and doc["passable"] is False
    assert doc["path"] == ["ayaviri-juliaca", "arequipa-juliaca"]
    assert [(c["corridor"], c["event"]) for c in doc["cuts"]] == [
        ("ayaviri-juliaca", "b-calapuja"), ("arequipa-juliaca", "b-santa-lucia")]
    assert [c["after_town"] for c in doc["cuts"]] == ["Calapuja", "Santa Lucía"]
    assert 0 < doc["cuts"][0]["trip_km"] < doc["cuts"][1]["trip_km"] < doc["distance_km"]
    code, out, _ = run(capsys, "route", "Ayaviri", "Arequipa", "--date", "2023-01-09", "--data", str(net_data))
    first, second = (f"{c['trip_km']:.1f}" for c in doc["cuts"])
    assert out == (f"Ayaviri → Arequipa on 2023-01-09: NOT passable. 2 cuts: (1) {first} km after Ayaviri, "
                   f"at Calapuja, on Ayaviri–Juliaca; (2) {second} km after Ayaviri, at Santa Lucía, "
                   "on Arequipa–Juliaca. 4 of 50 reported blockade points are mapped on this day (Defensoría del Pueblo); only mapped blockades count.\n")
    code, out, _ = run(capsys, "route", "Ayaviri", "Arequipa", "--date", "2023-01-07", "--data", str(net_data))
    # corridors read in turn (not as alternatives), and the coverage of a day without a national count
    assert out.startswith("Ayaviri → Arequipa on 2023-01-07: passable via Ayaviri–Juliaca, then Arequipa–Juliaca (")
    assert out.endswith("0 blockade points are mapped on this day and no national count was reported; "
                        "only mapped blockades count.\n")


def test_route_passable_when_the_cut_is_beyond_the_destination(capsys, net_data):
    # 10 Jan: Chucuito is cut, but Puno comes before it on Juliaca–Puno–Chucuito
    code, out, _ = run(capsys, "route", "Ayaviri", "Puno", "--date", "2023-01-10", "--json", "--data", str(net_data))
    doc = json.loads(out)
    assert (doc["passable"], doc["cuts"], doc["path"]) == (True, [], ["ayaviri-juliaca", "juliaca-chucuito"])


def test_route_unknown_town_suggests_and_exits_1(capsys, net_data):
    code, out, err = run(capsys, "route", "Juliaca", "Areqipa", "--date", "2023-01-09", "--data", str(net_data))
    assert code == 1 and out == ""
    assert err == "blockade-map route: unknown town 'Areqipa'; did you mean Arequipa?\n"


def test_route_two_unknown_towns_one_line_each(capsys, net_data):
    code, out, err = run(capsys, "route", "Ayavri", "Cusco", "--date", "2023-01-09", "--json",
                         "--data", str(net_data))
    assert code == 1 and out == ""
    assert err.splitlines() == ["blockade-map route: unknown town 'Ayavri'; did you mean Ayaviri?",
                                # Cusco is in the gazetteer but on no corridor of this data: said so, no guess
                                "blockade-map route: Cusco (Cusco) is a known place, but no corridor of the data "
                                "passes through it (asked: 'Cusco'); a route joins towns on the corridors: "
                                "Arequipa, Ayaviri, Calapuja, Chucuito, Juliaca, Puno, Santa Lucía"]


def test_a_day_outside_the_data_says_which_days_it_covers(capsys, net_data):
    coverage = "2024-05-01 is outside the data: the data covers 2023-01-07 to 2023-01-10"
    code, out, _ = run(capsys, "route", "Juliaca", "Arequipa", "--date", "2024-05-01", "--json",
                       "--data", str(net_data))
    doc = json.loads(out)
    assert doc["note"] == coverage and {"from", "to", "date", "passable", "path", "cuts"} <= set(doc)
    # outside the data nothing is known about the roads: neither passable nor cut
    assert doc["passable"] is None and doc["cuts"] == []
    assert doc["coverage"] == {"mapped": 0, "reported": None, "reporter": None}
    code, out, err = run(capsys, "route", "Juliaca", "Arequipa", "--date", "2024-05-01", "--data", str(net_data))
    assert (code, err) == (0, "")
    assert out.splitlines() == ["Juliaca → Arequipa on 2024-05-01: no data for this day: nothing is known "
                                "about the roads, so the route is neither passable nor cut.", f"note: {coverage}"]
    code, out, _ = run(capsys, "corridors", "--date", "2024-05-01", "--json", "--data", str(net_data))
    doc = json.loads(out)
    assert [c["id"] for c in doc] == ["arequipa-juliaca", "ayaviri-juliaca", "juliaca-chucuito"]
    assert all(c["note"] == coverage and {"id", "name", "status", "blocked_by"} <= set(c) for c in doc)
    code, out, _ = run(capsys, "corridors", "--date", "2024-05-01", "--data", str(net_data))
    assert out.splitlines()[-1] == f"note: {coverage}"
    code, out, _ = run(capsys, "day", "2024-05-01", "--data", str(net_data))
    assert f"  {coverage}" in out.splitlines()
    code, out, _ = run(capsys, "day", "2024-05-01", "--json", "--data", str(net_data))
    assert json.loads(out)["note"] == coverage


def test_environment_variable_selects_the_data(capsys, net_data, monkeypatch):
    monkeypatch.setenv("BLOCKADE_MAP_DATA", str(net_data))
    code, out, _ = run(capsys, "route", "Juliaca", "Arequipa", "--date", "2023-01-10", "--json")
    assert code == 0 and json.loads(out)["cuts"][0]["event"] == "b-santa-lucia"
    code, out, _ = run(capsys, "corridors", "--date", "2023-01-10", "--json")
    assert [c["status"] for c in json.loads(out)] == ["cut", "open", "cut"]


@pytest.mark.slow
def test_console_script(net_data):
    done = subprocess.run([str(BIN), "route", "Calapuja", "Juliaca", "--date", "2023-01-08", "--json",
                           "--data", str(net_data)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["cuts"][0]["place"] == "Calapuja"
    done = subprocess.run([str(BIN), "route", "Calapuja", "Juliac", "--date", "2023-01-08",
                           "--data", str(net_data)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.strip().endswith("did you mean Juliaca?")
