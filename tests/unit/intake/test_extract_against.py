"""Candidates against the events already in the store (issue 20 item 3): a candidate with new
counts for a stored event is an update ("17 → 18 dead at Juliaca, 9 January"), one with nothing
new a possible duplicate, never silently a new event; on the command line too."""
from __future__ import annotations

import json

import pytest

from geo.cli.main import main
from geo.intake.extract.against import compare_with_store
from tests.conftest import make_event

STORED = [make_event("e-clash", "clash", "2023-01-09", place="Juliaca", fatalities=17),
          make_event("e-ilave", "blockade", "2023-01-08", "2023-01-10", lon=-69.66667, lat=-16.08333, place="Ilave")]


def cand(**kw) -> dict:
    base = {"kind": "clash", "place": "Juliaca", "region": "Puno", "start": "2023-01-10", "lon": -70.13333,
            "lat": -15.5, "geo_precision": 1}
    base.update(kw)
    return base


def test_a_higher_toll_the_next_day_is_an_update_of_the_stored_event():
    (out,) = compare_with_store([cand(fatalities=18)], STORED)
    assert out["existing"] == {"status": "update", "id": "e-clash", "changes": {"fatalities": [17, 18]},
                               "summary": "clash at Juliaca (Puno), 2023-01-09",
                               "text": "17 → 18 dead at Juliaca, 9 January"}


@pytest.mark.parametrize("candidate, status", [
    (cand(fatalities=17), "duplicate"),                              # the same toll: nothing new
    (cand(start="2023-01-09"), "duplicate"),                         # no count given
    (cand(place="aeropuerto de Juliaca", fatalities=17), "duplicate"),   # the name inside the stored one's
    (cand(start="2023-01-12", fatalities=18), "new"),                # three days later: another clash
    (cand(kind="protest"), "new"),                                   # another kind
    (cand(place="Juliaca", region="Cusco", lon=-71.97, lat=-13.53), "new"),   # a namesake elsewhere
    (cand(kind="blockade", place="Ilave", start="2023-01-11", lon=-69.66667, lat=-16.08333), "duplicate"),
])
def test_same_kind_place_and_day_or_next_day_is_a_match(candidate, status):
    (out,) = compare_with_store([candidate], STORED)
    assert out["existing"]["status"] == status


def test_a_point_near_the_stored_one_matches_only_when_it_is_a_places_own():
    near = cand(place="Estadio Guillermo Briceño", lon=-70.14, lat=-15.49, fatalities=18)
    assert compare_with_store([near], STORED)[0]["existing"]["status"] == "update"
    capital_only = dict(near, geo_precision=3)   # the region's capital: says nothing of where
    assert compare_with_store([capital_only], STORED)[0]["existing"]["status"] == "new"


def test_the_command_line_proposes_the_update(tiny_data, tmp_path, capsys):
    report = tmp_path / "r.txt"
    report.write_text("Juliaca, 10 de enero de 2023. La cifra de muertos en Juliaca subió a 18 luego de que un "
                      "policía fuera hallado calcinado.", encoding="utf-8")
    args = ["extract", str(report), "--published", "2023-01-10", "--data", str(tiny_data)]
    assert main(args + ["--json"]) == 0
    (e,) = json.loads(capsys.readouterr().out)["events"]
    assert (e["kind"], e["fatalities"]) == ("clash", 18)
    assert e["existing"]["status"] == "update" and e["existing"]["id"] == "e-juliaca-clash"
    assert e["existing"]["text"] == "17 → 18 dead at Juliaca, 9 January"
    assert main(args) == 0
    text = capsys.readouterr().out
    assert "UPDATE of e-juliaca-clash: 17 → 18 dead at Juliaca, 9 January (accept as an update, not as a new event)" \
        in text
