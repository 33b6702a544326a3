"""Active-on-day rules at range edges, totals, views and the day summary."""
from __future__ import annotations

import pytest

from geo.core.dates import day_range
from geo.core.view import View
from geo.query.active import active_mask, day_summary, mapped_vs_reported, overlap_mask, select_events
from geo.store import load_dataset


@pytest.fixture
def ds(tiny_data):
    return load_dataset(tiny_data)


@pytest.mark.parametrize("day, expected", [
    ("2023-01-07", []),
    ("2023-01-08", ["e-ilave"]),                                   # first day of a range
    ("2023-01-09", ["e-chucuito", "e-ilave", "e-juliaca-clash"]),
    ("2023-01-10", ["e-ilave"]),                                   # last day, inclusive
    ("2023-01-11", []),                                            # the day after the end
    ("2023-01-06", ["e-lima"]),                                    # no end: same day as start
])
def test_active_on_day_edges(ds, day, expected):
    assert sorted(ds.events[active_mask(ds.events, day)]["id"]) == expected


def test_overlap_and_cumulative(ds):
    assert sorted(ds.events[overlap_mask(ds.events, "2023-01-10", "2023-01-12")]["id"]) == ["e-ilave"]
    cumulative = select_events(ds, View("2023-01-09", "cumulative"))
    assert list(cumulative["id"]) == ["e-lima", "e-ilave", "e-chucuito", "e-juliaca-clash"]
    with pytest.raises(ValueError, match="before it starts"):
        overlap_mask(ds.events, "2023-01-12", "2023-01-10")


def test_totals_count_every_kind(ds):
    t = ds.index.totals(ds.index.select(View("2023-01-09")))
    assert t["blockade"] == 2 and t["clash"] == 1 and t["protest"] == 0
    assert t["fatalities"] == 18 and t["events"] == 3


def test_filters_by_kind_and_region(ds):
    assert list(select_events(ds, View("2023-01-09", kinds=("clash",)))["id"]) == ["e-juliaca-clash"]
    assert list(select_events(ds, View("2023-01-06", regions=("Lima",)))["id"]) == ["e-lima"]
    assert select_events(ds, View("2023-01-06", regions=("Puno",))).empty
    with pytest.raises(ValueError, match="unknown kind 'riot'"):
        View("2023-01-09", kinds=("riot",))
    with pytest.raises(ValueError, match="is not a date"):
        View("2023-1-9")


def test_day_summary_document(ds):
    doc = day_summary(ds, "2023-01-09")
    assert doc["date"] == "2023-01-09"
    assert {e["id"] for e in doc["events"]} == {"e-chucuito", "e-ilave", "e-juliaca-clash"}
    juliaca = next(e for e in doc["events"] if e["id"] == "e-juliaca-clash")
    assert (juliaca["kind"], juliaca["place"], juliaca["region"], juliaca["fatalities"]) == \
        ("clash", "Juliaca", "Puno", 17)
    assert doc["totals"]["fatalities"] == 18
    assert [h["name"] for h in doc["hotspots"]] == ["Puno"]
    assert doc["reported"] == [{"metric": "blockade_points", "value": 45, "reporter": "SUTRAN",
                                "source_url": "https://www.gob.pe/sutran"}]
    assert mapped_vs_reported(doc["reported"], doc["mapped"]) == [
        "45 blockade points reported nationwide (SUTRAN); 2 mapped"]
    assert "note" not in doc and (doc["data_first_day"], doc["data_last_day"]) == ("2022-12-07", "2023-01-31")


def test_a_day_outside_the_data_says_which_days_it_covers(ds):
    doc = day_summary(ds, "2024-05-01")
    assert doc["events"] == []
    assert doc["note"] == "2024-05-01 is outside the data: the data covers 2022-12-07 to 2023-01-31"


def test_day_range():
    assert day_range("2022-12-30", "2023-01-02") == ["2022-12-30", "2022-12-31", "2023-01-01", "2023-01-02"]
