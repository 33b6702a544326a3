"""Series for the timeline: what is mapped each day beside what was reported nationally.

Pure pandas on the frames of :class:`geo.core.dataset.Dataset`; every function takes the events
frame (and the reported counts) and a day range, and returns a plain DataFrame ready to
chart. Days are ``YYYY-MM-DD`` strings, as everywhere in the project.

Long frames (one row per point) have the columns of :data:`SERIES_COLUMNS`: ``date``,
``series`` (the label a chart shows, naming who reports it), ``reporter``, ``value`` and
``source_url`` (empty for what this map counts itself).
"""
from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from geo.core.dates import check_day, day_range, overlaps
from geo.core.frames import event_sources
from geo.core.i18n import ENGLISH, N_, Translator
from geo.core.model import KINDS
from geo.query.active import overlap_mask

__all__ = [
    "MAPPED_REPORTER",
    "SERIES_COLUMNS",
    "active_per_day",
    "blockades_vs_reported",
    "deaths_series",
    "events_by_kind",
    "events_by_region",
    "reported_series",
]

#: Who counts the mapped series: this map's own dataset (a key: the ``reporter`` column is not translated).
MAPPED_REPORTER = "Blockade Map (mapped events)"
#: The series labels, in English; the functions below label series in the language they are given.
#: (the series says "mapped" already: "Mapped blockades (Blockade Map)", not "... (Blockade Map (mapped events))")
MAPPED_REPORTER_LABEL = N_("Blockade Map")
MAPPED_BLOCKADES = N_("Mapped blockades ({reporter})")
REPORTED_BLOCKADE_POINTS = N_("Reported blockade points")
MAPPED_DEATHS_DAY = N_("Mapped deaths that day")
MAPPED_DEATHS_CUMULATIVE = N_("Mapped deaths, cumulative")
REPORTED_DEATHS = N_("Reported deaths in all")
SERIES_COLUMNS = ("date", "series", "reporter", "value", "source_url")


def _days(first: str, last: str) -> list[str]:
    return day_range(check_day(first), check_day(last))


def _check_events(events: pd.DataFrame, needed: Sequence[str]) -> None:
    if not isinstance(events, pd.DataFrame):
        raise TypeError(f"events must be a DataFrame, got {type(events).__name__}")
    missing = [c for c in needed if c not in events.columns]
    if missing:
        raise ValueError(f"events lack column(s): {', '.join(missing)}")


def active_per_day(events: pd.DataFrame, first: str, last: str,
                   kinds: Sequence[str] | None = None) -> pd.Series:
    """Number of events active on each day of ``[first, last]`` (``start <= day <= end``).

    Parameters
    ----------
    events : pandas.DataFrame
        With ``kind``, ``start`` and ``end`` (filled) columns.
    first, last : str
        The range, inclusive.
    kinds : sequence of str, optional
        Count only these kinds (default: all).

    Returns
    -------
    pandas.Series
        Integer counts indexed by day (named ``date``).

    Examples
    --------
    >>> ev = pd.DataFrame({"kind": ["blockade"], "start": ["2023-01-08"], "end": ["2023-01-09"]})
    >>> active_per_day(ev, "2023-01-07", "2023-01-09").tolist()
    [0, 1, 1]
    """
    _check_events(events, ("kind", "start", "end"))
    days = _days(first, last)
    frame = events if kinds is None else events[events["kind"].isin(list(kinds))]
    counts = [int(overlaps(frame["start"], frame["end"], d, d).sum()) for d in days]
    return pd.Series(counts, index=pd.Index(days, name="date"), dtype="int64")


def reported_series(counts: pd.DataFrame, metric: str, first: str, last: str,
                    label: str) -> pd.DataFrame:
    """The national figures of one metric inside ``[first, last]``, one series per reporter.

    Parameters
    ----------
    counts : pandas.DataFrame
        ``reported_counts.csv`` rows (``date``, ``metric``, ``value``, ``reporter``, ``source_url``).
    metric : str
        E.g. ``"blockade_points"`` or ``"deaths_total"``.
    first, last : str
        The range, inclusive.
    label : str
        Series label; the reporter is added in brackets, e.g. ``"Reported blockade points (SUTRAN)"``.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`SERIES_COLUMNS`, sorted by date then reporter; exact repeats dropped.
    """
    if not isinstance(counts, pd.DataFrame):
        raise TypeError(f"counts must be a DataFrame, got {type(counts).__name__}")
    first, last = check_day(first), check_day(last)
    rows = counts[(counts["metric"] == metric) & (counts["date"] >= first) & (counts["date"] <= last)]
    out = pd.DataFrame({
        "date": rows["date"].astype(str),
        "series": [f"{label} ({r})" for r in rows["reporter"]],
        "reporter": rows["reporter"].astype(str),
        "value": pd.to_numeric(rows["value"]).astype("int64"),
        "source_url": rows["source_url"].astype(str),
    }, columns=list(SERIES_COLUMNS))
    return out.drop_duplicates().sort_values(["date", "reporter"], kind="stable").reset_index(drop=True)


def _mapped(values: pd.Series, label: str) -> pd.DataFrame:
    return pd.DataFrame({"date": list(values.index), "series": label, "reporter": MAPPED_REPORTER,
                         "value": values.to_numpy(dtype="int64"), "source_url": ""},
                        columns=list(SERIES_COLUMNS))


def blockades_vs_reported(events: pd.DataFrame, counts: pd.DataFrame, first: str,
                          last: str, t: Translator = ENGLISH) -> pd.DataFrame:
    """Blockades mapped each day beside the blockade points reported nationwide.

    Returns
    -------
    pandas.DataFrame
        Long frame (:data:`SERIES_COLUMNS`): the series ``"Mapped blockades (Blockade Map)"`` with
        a value for every day of the range, then one series per reporter of the ``blockade_points``
        metric, on the days it reported.
    """
    mapped = _mapped(active_per_day(events, first, last, kinds=("blockade",)),
                     t.gettext(MAPPED_BLOCKADES).format(reporter=t.gettext(MAPPED_REPORTER_LABEL)))
    reported = reported_series(counts, "blockade_points", first, last, t.gettext(REPORTED_BLOCKADE_POINTS))
    return pd.concat([mapped, reported], ignore_index=True)


def deaths_series(events: pd.DataFrame, counts: pd.DataFrame, first: str,
                  last: str, t: Translator = ENGLISH) -> pd.DataFrame:
    """Deaths: mapped per day and cumulative, beside the national totals reported.

    Mapped deaths are the ``fatalities`` of events, counted on the event's start day; the
    cumulative series adds them up from ``first``. Reported totals (``deaths_total``) are
    already cumulative since the strike began and are shown as reported.

    Returns
    -------
    pandas.DataFrame
        Long frame (:data:`SERIES_COLUMNS`) with the series ``"Mapped deaths that day"``,
        ``"Mapped deaths, cumulative"`` (every day of the range) and ``"Reported deaths in all
        (<reporter>)"``.
    """
    _check_events(events, ("start", "fatalities"))
    days = _days(first, last)
    per_day = (events.groupby("start")["fatalities"].sum()
               .reindex(days, fill_value=0).astype("int64"))
    per_day.index.name = "date"
    return pd.concat([
        _mapped(per_day, t.gettext(MAPPED_DEATHS_DAY)),
        _mapped(per_day.cumsum(), t.gettext(MAPPED_DEATHS_CUMULATIVE)),
        reported_series(counts, "deaths_total", first, last, t.gettext(REPORTED_DEATHS)),
    ], ignore_index=True)


def events_by_kind(events: pd.DataFrame, first: str, last: str) -> pd.DataFrame:
    """Events active each day, by kind: one row per day, one column per kind (contract order).

    Returns
    -------
    pandas.DataFrame
        Integer counts, index ``date``, columns :data:`geo.core.model.KINDS`.
    """
    return pd.DataFrame({kind: active_per_day(events, first, last, kinds=(kind,))
                         for kind in KINDS})


def events_by_region(events: pd.DataFrame, first: str, last: str) -> pd.DataFrame:
    """Events active at some time in ``[first, last]``, by region and kind, with their dead.

    Returns
    -------
    pandas.DataFrame
        Index ``region``; columns the kinds (contract order), ``events`` (all kinds) and
        ``fatalities``; sorted by ``events`` then region; only regions with an event.
    """
    _check_events(events, ("kind", "region", "start", "end", "fatalities"))
    frame = events[overlap_mask(events, first, last)]
    table = (pd.crosstab(frame["region"], frame["kind"])
             .reindex(columns=list(KINDS), fill_value=0).astype("int64"))
    table["events"] = table.sum(axis=1).astype("int64")
    table["fatalities"] = frame.groupby("region")["fatalities"].sum().reindex(table.index).astype("int64")
    table.index.name = "region"
    table.columns.name = None
    table = table.reset_index().sort_values(["events", "region"], ascending=[False, True])
    return table.set_index("region")


def source_summary(dataset) -> dict[str, int]:
    """How many distinct publishers and reports (URLs) the dataset's events cite."""
    names, urls = set(), set()
    for sources in dataset.events["sources"]:
        for src in event_sources(sources):
            names.add(str(src.get("name", "")).strip())
            urls.add(str(src.get("url", "")).strip())
    names.discard("")
    urls.discard("")
    return {"publishers": len(names), "reports": len(urls)}
