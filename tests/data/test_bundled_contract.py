"""The bundled data passes the contract's validation and answers the seed's questions."""
from __future__ import annotations

import json

from geo.cli.main import main
from geo.core.paths import BUNDLED_DATA
from geo.query.active import day_summary, mapped_vs_reported
from geo.store import load_dataset, open_store


def test_bundled_data_validates():
    assert open_store(BUNDLED_DATA).validate() == []


def test_what_happened_in_juliaca_on_9_january():
    summary = day_summary(load_dataset(BUNDLED_DATA), "2023-01-09")
    juliaca = [e for e in summary["events"] if e["place"] == "Juliaca" and e["kind"] == "clash"]
    assert len(juliaca) == 1 and juliaca[0]["fatalities"] == 17 and juliaca[0]["status"] == "confirmed"
    assert all(s["url"].startswith("https://") for s in juliaca[0]["sources"])
    chucuito = [e for e in summary["events"] if e["place"] == "Chucuito"]
    assert [(e["kind"], e["fatalities"]) for e in chucuito] == [("blockade", 1)]
    assert "45 blockade points reported nationwide (SUTRAN); 11 mapped" in mapped_vs_reported(summary["reported"], summary["mapped"])


def test_day_json_on_bundled_data_for_6_january(capsys):
    assert main(["day", "2023-01-06", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    lima = [e for e in doc["events"] if e["region"] == "Lima" and e["kind"] == "detention"]
    assert [e["detained"] for e in lima] == [224]
    assert doc["totals"]["detention"] == 1
