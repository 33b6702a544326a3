"""What is active on a day or in a range, and what a day adds up to.

Events are selected through the dataset's :class:`~geo.core.index.EventIndex` (one path for
every caller); the masks here serve the small layers (hotspots) and frames that are not a
dataset's events. "Active on day D" is :func:`geo.core.dates.overlaps` everywhere.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from geo.core.dataset import Dataset
from geo.core.dates import check_day, check_range, overlaps
from geo.core.i18n import ENGLISH, Translator
from geo.core.model import KINDS
from geo.core.view import View
from geo.core.words import FEED_LISTED, FEED_MAPPED, FEED_REPORTER, METRIC_REPORTED


def active_mask(frame: pd.DataFrame, day: str) -> pd.Series:
    """Rows of a frame with ``start`` and ``end`` columns active on ``day``."""
    day = check_day(day)
    return overlaps(frame["start"], frame["end"], day, day)


def overlap_mask(frame: pd.DataFrame, first: str, last: str) -> pd.Series:
    """Rows active on at least one day of ``[first, last]``."""
    first, last = check_range(first, last)
    return overlaps(frame["start"], frame["end"], first, last)


def view_mask(frame: pd.DataFrame, view: View) -> pd.Series:
    """Rows of a layer (events or hotspots) that ``view`` shows, by day, mode and region."""
    if view.mode == "cumulative":
        mask = frame["start"] <= view.day
    else:
        mask = active_mask(frame, view.day)
    if view.regions:
        mask &= frame["region"].isin(view.regions)
    return mask


def select_events(dataset: Dataset, view: View) -> pd.DataFrame:
    """The events ``view`` shows, ordered by start then id."""
    return dataset.index.frame(dataset.index.select(view))


def select_records(dataset: Dataset, view: View) -> list[dict]:
    """The events ``view`` shows as plain records (start-then-id order)."""
    return dataset.index.records(dataset.index.select(view))


def select_hotspots(dataset: Dataset, view: View) -> pd.DataFrame:
    """The hotspots active on the view's day (or by then, in cumulative mode), highest level first."""
    frame = dataset.hotspots
    key = (view.day, view.mode, view.regions)
    positions = dataset.hotspot_positions.get(key)
    if positions is None:  # every rerun of a page asks again: the positions are kept per view
        shown = frame.assign(_row=np.arange(len(frame)))[view_mask(frame, view)]
        positions = shown.sort_values(["level", "name"], ascending=[False, True])["_row"].to_numpy()
        dataset.hotspot_positions[key] = positions
    return frame.iloc[positions]


def events_in_range(dataset: Dataset, first: str, last: str, kinds: Sequence[str] = (),
                    regions: Sequence[str] = ()) -> pd.DataFrame:
    """The events active on at least one day of ``[first, last]``, ordered by start then id."""
    if not isinstance(dataset, Dataset):
        raise TypeError(f"dataset must be a Dataset, got {type(dataset).__name__}")
    if isinstance(kinds, str) or isinstance(regions, str):
        raise TypeError("kinds and regions must be sequences of strings, not a single string")
    View(check_day(first), kinds=tuple(kinds))  # checks the kinds
    frame = dataset.index.events
    mask = overlap_mask(frame, first, last)
    if kinds:
        mask &= frame["kind"].isin(list(kinds))
    if regions:
        mask &= frame["region"].isin(list(regions))
    return frame[mask]


def reported_on(dataset: Dataset, day: str) -> list[dict]:
    """National or regional counts reported for ``day`` (never mapped as points)."""
    frame = dataset.counts
    rows = frame[frame["date"] == check_day(day)]
    return [
        {"metric": r.metric, "value": int(r.value), "reporter": r.reporter, "source_url": r.source_url}
        for r in rows.itertuples(index=False)
    ]


def day_summary(dataset: Dataset, day: str, kinds: Sequence[str] = (),
                regions: Sequence[str] = (), mode: str = "day") -> dict:
    """Everything active on ``day``: the ``blockade-map day --json`` document.

    A day outside the data is not an error; the document's ``note`` then says which days
    the data covers.
    """
    view = View(check_day(day), mode, tuple(kinds), tuple(regions))
    positions = dataset.index.select(view)
    hotspots = select_hotspots(dataset, view)
    summary = {
        "date": view.day,
        "mode": view.mode,
        "events": dataset.index.records(positions),
        "totals": dataset.index.totals(positions),
        "hotspots": [
            {"id": h.id, "name": h.name, "region": h.region, "level": int(h.level),
             "start": h.start, "end": h.end, "lon": float(h.lon), "lat": float(h.lat)}
            for h in hotspots.itertuples(index=False)
        ],
        "reported": reported_on(dataset, view.day),
        "mapped": dataset.index.mapped(positions),
        "data_first_day": dataset.first_day,
        "data_last_day": dataset.last_day,
    }
    note = dataset.outside_note(view.day)
    if note:
        summary["note"] = note
    return summary


def mapped_vs_reported(reported: Iterable[dict], mapped: Mapping[str, int | None], t: Translator = ENGLISH) -> list[str]:
    """Sentences setting reported counts beside what is mapped, e.g. '45 blockade points
    reported nationwide (SUTRAN); 8 mapped'.

    ``mapped`` gives the mapped figures (:meth:`geo.core.index.EventIndex.mapped`); a metric
    the map cannot count (deaths in all, subtotals) is shown alone, under its own label. The
    count of points SUTRAN's alert feed listed (reporter :data:`~geo.core.words.FEED_REPORTER`) is
    set beside the mapped events made from that feed: '106 protest points listed in SUTRAN's
    alert feed; 106 of them mapped'.
    """
    lines = []
    for item in reported:
        metric, value = item["metric"], int(item["value"])
        if metric == "blockade_points" and item["reporter"] == FEED_REPORTER:
            line = t.pair(FEED_LISTED, value)
            if (feed := mapped.get("feed_points")) is not None:
                line += t.pair(FEED_MAPPED, int(feed))
            lines.append(line)
            continue
        if metric in METRIC_REPORTED:
            line = t.pair(METRIC_REPORTED[metric], value, reporter=item["reporter"])
        else:
            line = t.gettext("{n} {label} reported nationwide ({reporter})").format(
                n=t.number(value), label=metric, reporter=item["reporter"])
        if (count := mapped.get(metric)) is not None:
            line += t.plural("; {n} mapped", "; {n} mapped", int(count))
        lines.append(line)
    return lines


def kinds_present(kinds: Iterable[str]) -> list[str]:
    """The kinds among ``kinds``, in the contract's order."""
    present = set(kinds)
    return [k for k in KINDS if k in present]


def blockade_coverage(dataset: Dataset, day: str) -> dict:
    """How much of a day's reported blockades the map holds: ``{"mapped": n, "reported": m or None,
    "reporter": name or None}``. ``reported`` is the largest national count of blockade points
    reported that day (``reported_counts.csv``), None when nobody reported one; a route is only
    as complete as this (it counts mapped blockades alone)."""
    mapped = dataset.index.mapped(dataset.index.select(View(check_day(day))))["blockade_points"] or 0
    counts = [item for item in reported_on(dataset, day) if item["metric"] == "blockade_points"]
    best = max(counts, key=lambda item: item["value"], default=None)
    return {"mapped": mapped, "reported": best["value"] if best else None,
            "reporter": best["reporter"] if best else None}
