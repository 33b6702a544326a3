"""Which features are active on a day or in a range, and what a day adds up to.

Days are ``YYYY-MM-DD`` strings (America/Lima calendar days); comparing such strings
orders them as dates, so the masks below are plain vectorised string comparisons.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable, Sequence

import pandas as pd

from geo.model import KINDS, parse_date
from geo.store import Dataset

MODES = ("day", "cumulative")


def check_day(value: str | date) -> str:
    """Return ``value`` as a ``YYYY-MM-DD`` string, or raise ValueError saying what is wrong."""
    if isinstance(value, date):
        return value.isoformat()
    if parse_date(value) is None:
        raise ValueError(f"{value!r} is not a date (YYYY-MM-DD)")
    return value


def day_range(first: str, last: str) -> list[str]:
    """Every day from ``first`` to ``last`` inclusive, as strings."""
    a, b = date.fromisoformat(check_day(first)), date.fromisoformat(check_day(last))
    if b < a:
        raise ValueError(f"range ends ({last}) before it starts ({first})")
    return [(a + timedelta(days=i)).isoformat() for i in range((b - a).days + 1)]


def shift_day(day: str, days: int) -> str:
    """The day ``days`` after ``day`` (negative for before)."""
    return (date.fromisoformat(check_day(day)) + timedelta(days=days)).isoformat()


def active_mask(frame: pd.DataFrame, day: str) -> pd.Series:
    """Boolean mask of rows active on ``day``: ``start <= day <= end``."""
    day = check_day(day)
    return (frame["start"] <= day) & (frame["end"] >= day)


def overlap_mask(frame: pd.DataFrame, first: str, last: str) -> pd.Series:
    """Rows active on at least one day of ``[first, last]``."""
    first, last = check_day(first), check_day(last)
    if last < first:
        raise ValueError(f"range ends ({last}) before it starts ({first})")
    return (frame["start"] <= last) & (frame["end"] >= first)


def until_mask(frame: pd.DataFrame, day: str) -> pd.Series:
    """Rows that had started by ``day`` (the cumulative view)."""
    return frame["start"] <= check_day(day)


@dataclass(frozen=True)
class View:
    """What the map shows: a day, a mode, and filters (empty filter = everything)."""

    day: str
    mode: str = "day"
    kinds: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        check_day(self.day)
        if self.mode not in MODES:
            raise ValueError(f"mode {self.mode!r} is not one of {', '.join(MODES)}")
        unknown = [k for k in self.kinds if k not in KINDS]
        if unknown:
            raise ValueError(f"unknown kind {unknown[0]!r}; kinds are {', '.join(KINDS)}")

    def summary(self) -> str:
        """One line naming the filters, e.g. 'blockade, clash · all regions · up to this day'."""
        kinds = ", ".join(self.kinds) if self.kinds else "all kinds"
        regions = ", ".join(self.regions) if self.regions else "all regions"
        mode = "everything up to this day" if self.mode == "cumulative" else "this day only"
        return f"{kinds} · {regions} · {mode}"


def view_mask(frame: pd.DataFrame, view: View) -> pd.Series:
    """Rows of the events frame that ``view`` shows."""
    mask = until_mask(frame, view.day) if view.mode == "cumulative" else active_mask(frame, view.day)
    if view.kinds:
        mask &= frame["kind"].isin(view.kinds)
    if view.regions:
        mask &= frame["region"].isin(view.regions)
    return mask


def select_events(dataset: Dataset, view: View) -> pd.DataFrame:
    """The events ``view`` shows, ordered by start then id."""
    return dataset.events[view_mask(dataset.events, view)].sort_values(["start", "id"])


def select_hotspots(dataset: Dataset, view: View) -> pd.DataFrame:
    """The hotspots active on the view's day (or by then, in cumulative mode)."""
    frame = dataset.hotspots
    mask = until_mask(frame, view.day) if view.mode == "cumulative" else active_mask(frame, view.day)
    if view.regions:
        mask &= frame["region"].isin(view.regions)
    return frame[mask].sort_values(["level", "name"], ascending=[False, True])


def totals(events: pd.DataFrame) -> dict[str, int]:
    """Count per kind (every kind present, zeros included) plus summed casualty counts."""
    counts = events["kind"].value_counts()
    result = {kind: int(counts.get(kind, 0)) for kind in KINDS}
    for field in ("fatalities", "injured", "detained"):
        result[field] = int(events[field].sum()) if len(events) else 0
    result["events"] = int(len(events))
    return result


def reported_on(dataset: Dataset, day: str) -> list[dict]:
    """National counts reported for ``day`` (never mapped as points)."""
    frame = dataset.counts
    rows = frame[frame["date"] == check_day(day)]
    return [
        {"metric": r.metric, "value": int(r.value), "reporter": r.reporter, "source_url": r.source_url}
        for r in rows.itertuples(index=False)
    ]


def event_record(row) -> dict:
    """The plain-dict form of one events-frame row (contract fields, ``end`` filled)."""
    record = {
        "id": row.id, "kind": row.kind, "start": row.start, "end": row.end, "place": row.place,
        "region": row.region, "fatalities": int(row.fatalities), "injured": int(row.injured),
        "detained": int(row.detained), "geo_precision": int(row.geo_precision),
        "time_precision": int(row.time_precision), "status": row.status,
        "lon": float(row.lon), "lat": float(row.lat), "sources": list(row.sources),
        "description": row.description,
    }
    if isinstance(row.road, str) and row.road:
        record["road"] = row.road
    if row.km == row.km and row.km is not None:  # not NaN
        record["km"] = float(row.km)
    return record


def day_summary(dataset: Dataset, day: str, kinds: Sequence[str] = (),
                regions: Sequence[str] = (), mode: str = "day") -> dict:
    """Everything active on ``day``: the ``blockade-map day --json`` document."""
    view = View(check_day(day), mode, tuple(kinds), tuple(regions))
    events = select_events(dataset, view)
    hotspots = select_hotspots(dataset, view)
    return {
        "date": view.day,
        "mode": view.mode,
        "events": [event_record(r) for r in events.itertuples(index=False)],
        "totals": totals(events),
        "hotspots": [
            {"id": h.id, "name": h.name, "region": h.region, "level": int(h.level),
             "start": h.start, "end": h.end, "lon": float(h.lon), "lat": float(h.lat)}
            for h in hotspots.itertuples(index=False)
        ],
        "reported": reported_on(dataset, view.day),
    }


def mapped_vs_reported(summary: dict, mapped: dict | None = None) -> list[str]:
    """Sentences setting national counts beside what is mapped, e.g. '45 blockade points
    reported nationwide (SUTRAN); 9 mapped'.

    ``mapped`` may give the mapped figures already counted (see
    :meth:`geo.mapindex.EventIndex.mapped`); otherwise they are counted from ``summary["events"]``.
    """
    if mapped is None:
        blockades = [e for e in summary["events"] if e["kind"] == "blockade"]
        mapped = {"blockade_points": len(blockades),
                  "roads_blocked": len({e.get("road") or e["place"] for e in blockades}),
                  "regions_affected": len({e["region"] for e in blockades}),
                  "deaths_total": None, "detained": summary["totals"]["detained"]}
    labels = {"blockade_points": "blockade points", "roads_blocked": "roads blocked",
              "regions_affected": "regions affected", "deaths_total": "dead in all since 7 December 2022",
              "detained": "detained", "deaths_in_clashes": "dead in clashes (not all deaths)",
              "injured_total": "injured in all", "provinces_with_protests": "provinces with protests"}
    lines = []
    for item in summary["reported"]:
        line = f"{item['value']} {labels[item['metric']]} reported nationwide ({item['reporter']})"
        if mapped.get(item["metric"]) is not None:
            line += f"; {mapped[item['metric']]} mapped"
        lines.append(line)
    return lines


def kinds_present(events: Iterable[str]) -> list[str]:
    """The kinds among ``events``, in the contract's order."""
    present = set(events)
    return [k for k in KINDS if k in present]
