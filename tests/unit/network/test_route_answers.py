"""Route answers a newsroom can print (issue 22): their coverage, "no data" outside the data, the
path's corridors in turn, kilometres written one way per language, a real town off the network."""
from __future__ import annotations

import json

from geo.core.i18n import translator
from geo.network.report import corridor_day, route_rows, route_sentence
from geo.query.active import blockade_coverage
from geo.store import load_dataset
from tests.conftest import BUNDLED
from tests.conftest import run_cli as run

JAN9 = "2023-01-09"


def test_coverage_counts_mapped_against_the_largest_report():
    ds = load_dataset(BUNDLED)
    assert blockade_coverage(ds, JAN9) == {"mapped": 11, "reported": 45, "reporter": "Kawsachun News"}
    assert blockade_coverage(ds, "2024-05-01") == {"mapped": 0, "reported": None, "reporter": None}


def test_every_answer_says_what_it_rests_on(capsys):
    code, out, _ = run(capsys, "route", "Juliaca", "Arequipa", "--date", JAN9, "--lang", "es")
    assert code == 0
    assert out.strip().endswith("11 de 45 puntos de bloqueo reportados están en el mapa este día (Kawsachun News); "
                                "solo cuentan los bloqueos del mapa.")
    assert "59,5 km después de Juliaca" in out
    code, out, _ = run(capsys, "route", "Juliaca", "Arequipa", "--date", JAN9, "--json")
    assert json.loads(out)["coverage"] == {"mapped": 11, "reported": 45, "reporter": "Kawsachun News"}


def test_outside_the_data_the_answer_is_no_data_never_passable(capsys):
    code, out, _ = run(capsys, "route", "Juliaca", "Arequipa", "--date", "2024-05-01")
    assert code == 0
    first = out.splitlines()[0]
    assert first.endswith("no data for this day: nothing is known about the roads, so the route is neither "
                          "passable nor cut.")
    assert "passable via" not in out and out.splitlines()[1].startswith("note: 2024-05-01 is outside the data")
    code, out, _ = run(capsys, "route", "Juliaca", "Arequipa", "--date", "2024-05-01", "--json")
    document = json.loads(out)
    assert document["passable"] is None and "outside the data" in document["note"]


def test_the_path_reads_in_turn_not_as_alternatives(capsys):
    # 20 January, the day this was first written on, is cut since SUTRAN's sites are mapped: 20 December takes that path
    code, out, _ = run(capsys, "route", "Arequipa", "Juliaca", "--date", "2022-12-20", "--lang", "es")
    assert "se puede pasar por Arequipa–Santa Lucía (via Chiguata) y luego Arequipa–Juliaca (189,7 km)." in out
    code, out, _ = run(capsys, "route", "Arequipa", "Juliaca", "--date", "2022-12-20")
    assert "passable via Arequipa–Santa Lucía (via Chiguata), then Arequipa–Juliaca (189.7 km)." in out


def test_the_table_writes_kilometres_as_the_sentence_does():
    ds = load_dataset(BUNDLED)
    cd = corridor_day(ds.events, ds.corridors, JAN9)
    result = cd.route("Juliaca", "Arequipa")
    row = route_rows(result, cd.names, translator("es"))[0]
    assert row["km desde Juliaca"] == "59,5" and "59,5" in route_sentence(result, JAN9, cd.names, translator("es"))
    assert route_rows(result, cd.names, translator("en"))[0]["km from Juliaca"] == "59.5"


def test_a_real_town_off_the_network_is_named_as_such(capsys):
    code, _, err = run(capsys, "route", "Cusco", "Abancay", "--date", JAN9)
    assert code == 1
    assert "Abancay (Apurímac) is a known place, but no corridor of the data passes through it" in err
    assert "did you mean" not in err and "Cabana?" not in err
    code, _, err = run(capsys, "route", "Cusco", "Cabanna", "--date", JAN9)
    assert code == 1 and "unknown town 'Cabanna'; did you mean Cabana?" in err
