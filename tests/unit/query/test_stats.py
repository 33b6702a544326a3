"""geo.query.stats: the timeline's series, checked value by value on tiny data."""
from __future__ import annotations

import pandas as pd
import pytest

from geo.core.i18n import translator
from geo.core.model import KINDS
from geo.query import stats
from geo.store import load_dataset
from tests.corridor_fixture import DAYS, FIRST_DAY, LAST_DAY


@pytest.fixture
def ds(net_data):
    return load_dataset(net_data)


def series(frame: pd.DataFrame, label: str) -> dict:
    rows = frame[frame["series"] == label]
    return dict(zip(rows["date"], rows["value"], strict=False))


def test_active_per_day(ds):
    got = stats.active_per_day(ds.events, FIRST_DAY, LAST_DAY, kinds=("blockade",))
    assert got.to_dict() == {"2023-01-07": 0, "2023-01-08": 1, "2023-01-09": 4, "2023-01-10": 2}
    assert got.index.name == "date" and got.dtype == "int64"
    assert stats.active_per_day(ds.events, "2023-01-09", "2023-01-09").tolist() == [5]


def test_blockades_vs_reported(ds):
    frame = stats.blockades_vs_reported(ds.events, ds.counts, FIRST_DAY, LAST_DAY)
    assert list(frame.columns) == list(stats.SERIES_COLUMNS)
    mapped = "Mapped blockades (Blockade Map)"  # no "(Blockade Map (mapped events))"
    assert series(frame, mapped) == {"2023-01-07": 0, "2023-01-08": 1, "2023-01-09": 4, "2023-01-10": 2}
    assert series(frame, "Reported blockade points (SUTRAN)") == {"2023-01-08": 30, "2023-01-09": 45}
    assert series(frame, "Reported blockade points (Defensoría del Pueblo)") == {"2023-01-09": 50}
    assert sorted(frame["series"].unique()) == sorted([
        mapped, "Reported blockade points (SUTRAN)", "Reported blockade points (Defensoría del Pueblo)"])
    # the 12 January figure is outside the range; every reported row keeps its source
    assert "2023-01-12" not in set(frame["date"])
    reported = frame[frame["reporter"] != stats.MAPPED_REPORTER]
    assert reported["source_url"].str.startswith("https://").all()
    assert (frame[frame["reporter"] == stats.MAPPED_REPORTER]["source_url"] == "").all()
    spanish = stats.blockades_vs_reported(ds.events, ds.counts, FIRST_DAY, LAST_DAY, translator("es"))
    assert "Bloqueos en el mapa (Blockade Map)" in set(spanish["series"])


def test_deaths_series(ds):
    frame = stats.deaths_series(ds.events, ds.counts, FIRST_DAY, LAST_DAY)
    assert series(frame, "Mapped deaths that day") == {"2023-01-07": 0, "2023-01-08": 0, "2023-01-09": 17,
                                                       "2023-01-10": 1}
    assert series(frame, "Mapped deaths, cumulative") == {"2023-01-07": 0, "2023-01-08": 0,
                                                          "2023-01-09": 17, "2023-01-10": 18}
    assert series(frame, "Reported deaths in all (Defensoría del Pueblo)") == {"2023-01-09": 40, "2023-01-10": 42}


def test_deaths_count_on_the_start_day():
    events = pd.DataFrame({"kind": ["clash"], "start": ["2023-01-08"], "end": ["2023-01-10"],
                           "fatalities": [3]})
    counts = pd.DataFrame(columns=["date", "metric", "value", "reporter", "source_url"])
    frame = stats.deaths_series(events, counts, "2023-01-07", "2023-01-10")
    assert series(frame, "Mapped deaths that day") == {"2023-01-07": 0, "2023-01-08": 3, "2023-01-09": 0,
                                                       "2023-01-10": 0}
    assert series(frame, "Mapped deaths, cumulative")["2023-01-10"] == 3


def test_events_by_kind(ds):
    table = stats.events_by_kind(ds.events, FIRST_DAY, LAST_DAY)
    assert list(table.columns) == list(KINDS) and list(table.index) == DAYS
    assert table.loc["2023-01-09"].to_dict() == {"blockade": 4, "protest": 0, "clash": 1, "closure": 0,
                                                 "detention": 0, "other": 0}
    assert table.loc["2023-01-07", "protest"] == 1
    assert int(table.to_numpy().sum()) == 1 + 1 + 5 + 2


def test_events_by_region(ds):
    table = stats.events_by_region(ds.events, FIRST_DAY, LAST_DAY)
    assert list(table.index) == ["Puno", "Lima"]
    assert table.loc["Puno"].to_dict() == {"blockade": 5, "protest": 0, "clash": 1, "closure": 0,
                                           "detention": 0, "other": 0, "events": 6, "fatalities": 18}
    assert table.loc["Lima", "protest"] == 1 and table.loc["Lima", "events"] == 1
    only_10 = stats.events_by_region(ds.events, "2023-01-10", "2023-01-10")
    assert only_10.loc["Puno", "events"] == 2 and list(only_10.index) == ["Puno"]
    empty = stats.events_by_region(ds.events, "2022-12-01", "2022-12-02")
    assert empty.empty and list(empty.columns) == list(KINDS) + ["events", "fatalities"]


def test_input_checks(ds):
    with pytest.raises(TypeError):
        stats.active_per_day(list(ds.events), FIRST_DAY, LAST_DAY)
    with pytest.raises(ValueError, match="lack column"):
        stats.active_per_day(ds.events.drop(columns="end"), FIRST_DAY, LAST_DAY)
    with pytest.raises(ValueError, match="before it starts"):
        stats.events_by_region(ds.events, LAST_DAY, FIRST_DAY)
    with pytest.raises(ValueError, match="not a date"):
        stats.blockades_vs_reported(ds.events, ds.counts, "Jan 7", LAST_DAY)
    with pytest.raises(TypeError):
        stats.reported_series("counts.csv", "blockade_points", FIRST_DAY, LAST_DAY, "x")


def test_blockades_vs_reported_on_bundled_data_has_every_national_count_day():
    """Every day with a national blockade-point figure shows it beside the blockades mapped that day."""
    from geo.core.paths import BUNDLED_DATA
    from geo.store import load_dataset
    ds = load_dataset(BUNDLED_DATA)
    frame = stats.blockades_vs_reported(ds.events, ds.counts, "2022-12-07", "2023-03-31")
    mapped = frame[frame["reporter"] == stats.MAPPED_REPORTER].set_index("date")["value"]
    reported = frame[frame["reporter"] != stats.MAPPED_REPORTER]
    count_days = sorted(set(ds.counts.loc[ds.counts["metric"] == "blockade_points", "date"]))
    assert len(count_days) == 77   # 16 days of the news' counts, 67 of SUTRAN's archived feed (6 days both)
    assert sorted(set(reported["date"])) == count_days
    assert len(mapped) == 115 and all(day in mapped.index for day in count_days)
    # 9 January: SUTRAN's and the seed's 45 beside the 11 blockades mapped
    nine = reported[reported["date"] == "2023-01-09"]
    assert sorted(zip(nine["reporter"], nine["value"], strict=False)) == [("Kawsachun News", 45), ("SUTRAN", 45)]
    assert mapped["2023-01-09"] == 11
    # 19 January: both peaks, 127 and 145, are shown beside the feed's 137 distinct points; none averaged
    peak = reported[reported["date"] == "2023-01-19"]
    assert sorted(peak["value"]) == [127, 137, 145]
    # 3 January's 36 are provinces: no blockade figure that day
    assert "2023-01-03" not in set(reported["date"])
