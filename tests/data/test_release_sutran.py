"""The third release against SUTRAN's archived feed: on every day with archived updates, the blockades
mapped are within 15% of the distinct protest sites SUTRAN listed (counted in the test from the
archive); the side panel and the timeline set the feed's count beside what is mapped."""
from __future__ import annotations

import pytest

from geo.core.dates import day_range
from geo.core.i18n import translator
from geo.query import stats
from geo.query.active import day_summary, mapped_vs_reported
from geo.store import load_dataset
from tests.conftest import BUNDLED
from tests.unit.intake.test_sutran_archive import FIRST, listed_sites

pytestmark = pytest.mark.skipif(not FIRST.is_file(), reason=f"{FIRST} is not there (../shared/sutran)")


@pytest.fixture(scope="module")
def bundled():
    return load_dataset(BUNDLED)


def test_every_archived_day_maps_the_sites_sutran_listed_within_15_percent(bundled):
    sites = listed_sites("2023-01-17", "2023-03-31")
    assert len(sites) == 67
    events = bundled.events
    blockades = events[events["kind"] == "blockade"]
    for day, listed in sorted(sites.items()):
        mapped = int(((blockades["start"] <= day) & (blockades["end"] >= day)).sum())
        assert abs(mapped - len(listed)) <= 0.15 * len(listed), (day, mapped, len(listed))


def test_the_panel_says_how_many_of_the_days_feed_points_are_mapped(bundled):
    summary = day_summary(bundled, "2023-01-20")
    lines = mapped_vs_reported(summary["reported"], summary["mapped"])
    assert "150 protest points listed in SUTRAN's alert feed; 150 of them mapped" in lines
    es = mapped_vs_reported(summary["reported"], summary["mapped"], translator("es"))
    assert any(line.startswith("150 ") and "SUTRAN" in line and "150" in line[4:] for line in es)
    # Before the archive begins, the feed has no count: the news' national counts stand alone.
    nine = mapped_vs_reported(day_summary(bundled, "2023-01-09")["reported"], day_summary(bundled, "2023-01-09")["mapped"])
    assert not [line for line in nine if "alert feed" in line]


def test_the_timeline_sets_mapped_beside_reported_from_7_december_to_31_march(bundled):
    series = stats.blockades_vs_reported(bundled.events, bundled.counts, "2022-12-07", "2023-03-31")
    mapped = series[series["reporter"] == stats.MAPPED_REPORTER]
    assert list(mapped["date"]) == day_range("2022-12-07", "2023-03-31")
    feed = series[series["reporter"] == "SUTRAN (alert feed)"]
    assert len(feed) == 67 and feed["date"].min() == "2023-01-17" and feed["date"].max() == "2023-03-31"
    on = dict(zip(feed["date"], feed["value"], strict=False))
    assert (on["2023-01-19"], on["2023-03-31"]) == (137, 33)
    assert int(mapped[mapped["date"] == "2023-03-31"]["value"].iloc[0]) == 33
