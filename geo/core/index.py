"""The event index: what makes each view of the map cheap, however many events there are.

Every loaded :class:`geo.core.dataset.Dataset` builds one (``dataset.index``). It holds the
events sorted by start then id, with their days as integers and their kinds and regions as small codes, so that
selecting a view is a few numpy
operations instead of string comparisons and per-row Python. The serialised marker of
each event (popup and tooltip included) is made the first time it is needed and kept
(:meth:`EventIndex.memo`).

When a view selects more events than :data:`AGGREGATE_OVER`, the map draws them as grid
cells with their counts instead of one marker each, and says so; the cells' size follows
the map's view (:func:`cell_size`), see :meth:`EventIndex.cells`.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from geo.core.dates import day_number, day_numbers, overlaps
from geo.core.frames import event_record, event_sources
from geo.core.model import KINDS
from geo.core.view import View
from geo.core.words import FEED_PUBLISHER, from_feed

#: More selected events than this are drawn as counted grid cells instead of one marker each.
AGGREGATE_OVER = 1500
#: Sides of the aggregation cells, in degrees; :func:`cell_size` picks one for the map's view.
CELL_SIZES = (0.02, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0)
#: About this many cells across the map's view.
CELLS_ACROSS = 24
#: Most events listed in the dashboard's table for one view.
TABLE_LIMIT = 500
#: None as a 0-d object array: the operand that finds the empty slots of an object array with np.equal.
_NONE = np.array(None, dtype=object)


def cell_size(bounds) -> float:
    """The cell side (one of :data:`CELL_SIZES`) giving about :data:`CELLS_ACROSS` cells across
    ``bounds`` (``((south, west), (north, east))``)."""
    (south, west), (north, east) = bounds
    target = max(north - south, east - west) / CELLS_ACROSS
    return next((size for size in CELL_SIZES if size >= target), CELL_SIZES[-1])


@dataclass(frozen=True)
class Cells:
    """Events of a view counted per grid cell.

    Attributes
    ----------
    lat, lon : ndarray
        Mean position of the cell's events.
    count : ndarray
        Events per cell (sums to the number of events selected).
    by_kind : ndarray
        ``(cells, len(KINDS))`` counts per kind, in the contract's order.
    fatalities, injured, detained : ndarray
        Summed counts per cell.
    places : list of list of str
        Up to three most frequent places of each cell, most frequent first.
    """

    lat: np.ndarray
    lon: np.ndarray
    count: np.ndarray
    by_kind: np.ndarray
    fatalities: np.ndarray
    injured: np.ndarray
    detained: np.ndarray
    places: list[list[str]]

    def __len__(self) -> int:
        return int(len(self.count))


class DayTexts:
    """A column of ``YYYY-MM-DD`` days read by position as the day numbers beside it say: one
    string object per distinct day, shared by all its events.

    ``texts[positions]`` is an object array of those strings (as indexing the column's
    values would give), e.g. ``index.start_text[pos].tolist()``.

    >>> days = pd.Series(["2023-01-09", "2023-01-08", "2023-01-09"])
    >>> DayTexts(day_numbers(days), days)[np.array([2, 1])].tolist()
    ['2023-01-09', '2023-01-08']
    """

    def __init__(self, numbers: np.ndarray, column: pd.Series):
        self._first = int(numbers.min()) if len(numbers) else 0
        last = int(numbers.max()) if len(numbers) else -1
        self._texts = np.full(last - self._first + 1, None, dtype=object)
        distinct, where = np.unique(numbers, return_index=True)
        self._texts[distinct - self._first] = [str(column.iloc[i]) for i in where.tolist()]
        self._numbers = numbers

    def __len__(self) -> int:
        return int(len(self._numbers))

    def __getitem__(self, positions) -> np.ndarray:
        return self._texts[self._numbers[positions] - self._first]


def _from_feed(sources) -> bool:
    """:func:`geo.core.words.from_feed` of a frame's ``sources`` cell; packed text that does not
    name the feed's publisher is not decoded (most events, at the index's build)."""
    if isinstance(sources, str) and FEED_PUBLISHER not in sources:
        return False
    return from_feed(event_sources(sources))


class EventIndex:
    """Events of one dataset, arranged for fast selection and map building.

    Parameters
    ----------
    events : DataFrame
        The dataset's events frame (:func:`geo.core.frames.events_frame`).

    Examples
    --------
    >>> import pandas as pd
    >>> events = pd.DataFrame({"id": ["a", "b"], "kind": ["blockade", "clash"], "start": ["2023-01-08", "2023-01-09"],
    ...     "end": ["2023-01-09", "2023-01-09"], "region": ["Puno", "Cusco"], "place": ["Ilave", "Cusco"],
    ...     "lat": [-16.1, -13.5], "lon": [-69.7, -72.0], "fatalities": [0, 1], "injured": [0, 0],
    ...     "detained": [0, 0], "road": [None, None],
    ...     "sources": [[{"name": "Defensoría del Pueblo", "url": "https://www.defensoria.gob.pe/",
    ...                   "published": "2023-01-09"}]] * 2})
    >>> index = EventIndex(events)
    >>> index.ids[index.select(View("2023-01-09", kinds=("clash",)))].tolist()
    ['b']
    """

    def __init__(self, events: pd.DataFrame):
        if not isinstance(events, pd.DataFrame):
            raise TypeError(f"events must be a DataFrame, got {type(events).__name__}")
        order = events.sort_values(["start", "id"]).index
        # events already in that order (a dataset keeps the index's frame) are not copied
        self.events = events if order.equals(events.index) else events.loc[order]
        ev = self.events
        # days since 1970 fit 32 bits for another five million years: half the memory of int64
        self.start = day_numbers(ev["start"]).astype(np.int32)
        self.end = day_numbers(ev["end"]).astype(np.int32)
        self.kind = pd.Categorical(ev["kind"], categories=list(KINDS)).codes.astype(np.int8)
        region_codes, region_names = pd.factorize(ev["region"])
        self.region = region_codes.astype(np.int32)
        self.region_names: list[str] = [str(r) for r in region_names]
        place_codes, place_names = pd.factorize(ev["place"])
        self.place_names: list[str] = [str(p) for p in place_names]
        self.place = place_codes.astype(np.int32)
        # the frame's own Arrow strings (positions index them as a numpy array would), not a second
        # copy of 100,000 Python strings
        ids = ev["id"] if isinstance(ev["id"].dtype, pd.StringDtype) else ev["id"].astype("str")
        self.ids = ids.array
        # a few hundred distinct days for 100,000 events: one string object per day, read through
        # the day numbers above (no array of 100,000 references)
        self.start_text = DayTexts(self.start, ev["start"])
        self.end_text = DayTexts(self.end, ev["end"])
        self.lat = ev["lat"].to_numpy(dtype=float)
        self.lon = ev["lon"].to_numpy(dtype=float)
        # the frame's own counts (int32, geo.core.frames.events_frame), not copies
        self.fatalities = ev["fatalities"].to_numpy()
        self.injured = ev["injured"].to_numpy()
        self.detained = ev["detained"].to_numpy()
        road = ev["road"].to_numpy(dtype=object)
        road_known = (ev["road"].notna() & (ev["road"] != "")).to_numpy()
        road_or_place = np.where(road_known, road, ev["place"].to_numpy(dtype=object))
        self.road_or_place = pd.factorize(road_or_place)[0].astype(np.int32)
        self.feed = np.fromiter((_from_feed(s) for s in ev["sources"]), dtype=bool, count=len(ev))
        self._memos: dict[str, np.ndarray] = {}
        self._records = np.full(len(ev), None, dtype=object)
        self._lock = threading.Lock()
        self._labels: dict[str, list[str]] = {}

    def __len__(self) -> int:
        return int(len(self.start))

    # ------------------------------------------------------------ selection
    def select(self, view: View) -> np.ndarray:
        """Positions (in start-then-id order) of the events ``view`` shows.

        The same events, in the same order, as :func:`geo.query.active.select_events`.
        """
        if not isinstance(view, View):
            raise TypeError(f"view must be a View, got {type(view).__name__}")
        day = day_number(view.day)
        started = int(np.searchsorted(self.start, day, side="right"))
        if view.mode == "cumulative":
            pos = np.arange(started)
        else:  # starts are sorted: the first `started` events are those with start <= day
            pos = np.flatnonzero(overlaps(self.start[:started], self.end[:started], day, day))
        if view.kinds:
            pos = pos[np.isin(self.kind[pos], [KINDS.index(k) for k in view.kinds])]
        if view.regions:
            wanted = [i for i, name in enumerate(self.region_names) if name in set(view.regions)]
            pos = pos[np.isin(self.region[pos], wanted)]
        return pos

    def changes(self, day: str, kinds=("blockade",), regions=()) -> dict[str, np.ndarray]:
        """Positions of the events new on ``day`` (not active the day before), continuing, and
        lifted (active the day before, not on ``day``).

        ``kinds=None`` compares every kind; ``regions`` (empty: all) keeps only those regions.
        """
        d = day_number(day)
        keep = np.ones(len(self), dtype=bool)
        if kinds is not None:
            keep &= np.isin(self.kind, [KINDS.index(k) for k in kinds if k in KINDS])
        if regions:
            keep &= np.isin(self.region, [i for i, name in enumerate(self.region_names) if name in set(regions)])
        today = keep & overlaps(self.start, self.end, d, d)
        before = keep & overlaps(self.start, self.end, d - 1, d - 1)
        return {"new": np.flatnonzero(today & ~before), "continuing": np.flatnonzero(today & before),
                "lifted": np.flatnonzero(before & ~today)}

    def frame(self, positions: np.ndarray) -> pd.DataFrame:
        """The events frame rows at ``positions`` (original index labels kept)."""
        return self.events.iloc[positions]

    def records(self, positions: np.ndarray) -> list[dict]:
        """Plain-dict records (:func:`geo.core.frames.event_record`) of the events at ``positions``.

        Each record is made once and kept; callers must not change them.
        """
        positions = np.asarray(positions, dtype=np.int64)
        missing = positions[np.equal(self._records[positions], _NONE)]
        if len(missing):
            missing = np.unique(missing)
            made = [event_record(r) for r in self.frame(missing).itertuples(index=False)]
            with self._lock:
                self._records[missing] = made
        return self._records[positions].tolist()

    def totals(self, positions: np.ndarray) -> dict[str, int]:
        """Counts per kind and summed casualty counts of the events at ``positions``, vectorised."""
        per_kind = np.bincount(self.kind[positions], minlength=len(KINDS))
        result = {kind: int(per_kind[i]) for i, kind in enumerate(KINDS)}
        result["fatalities"] = int(self.fatalities[positions].sum())
        result["injured"] = int(self.injured[positions].sum())
        result["detained"] = int(self.detained[positions].sum())
        result["events"] = int(len(positions))
        return result

    def mapped(self, positions: np.ndarray) -> dict[str, int | None]:
        """What the map shows against national counts (see :func:`geo.query.active.mapped_vs_reported`):
        blockade points (and how many of them come from SUTRAN's feed), distinct roads (or places)
        blocked, regions affected, detained."""
        blockades = positions[self.kind[positions] == KINDS.index("blockade")]
        return {"blockade_points": int(len(blockades)), "feed_points": int(self.feed[blockades].sum()),
                "roads_blocked": int(len(np.unique(self.road_or_place[blockades]))),
                "regions_affected": int(len(np.unique(self.region[blockades]))),
                "deaths_total": None, "detained": int(self.detained[positions].sum())}

    def within(self, positions: np.ndarray, bounds, pad: float = 0.1) -> np.ndarray:
        """The ``positions`` whose events lie inside ``bounds`` (``((south, west), (north, east))``),
        grown by ``pad`` of their size on every side so that a small pan keeps them drawn."""
        (south, west), (north, east) = bounds
        dy, dx = (north - south) * pad, (east - west) * pad
        lat, lon = self.lat[positions], self.lon[positions]
        keep = (lat >= south - dy) & (lat <= north + dy) & (lon >= west - dx) & (lon <= east + dx)
        return positions[keep]

    # ------------------------------------------------------------ kept per event
    def memo(self, name: str, positions: np.ndarray, make: Callable[[dict], str]) -> list[str]:
        """``make(record)`` of the events at ``positions``, each made once per ``name`` and kept.

        The map layers keep each event's serialised marker here, so a view drawn again costs
        a lookup. ``make`` must depend only on the record (put anything else in ``name``).
        """
        positions = np.asarray(positions, dtype=np.int64)
        with self._lock:
            kept = self._memos.setdefault(name, np.full(len(self), None, dtype=object))
        missing = np.unique(positions[np.equal(kept[positions], _NONE)])
        if len(missing):
            made = [make(rec) for rec in self.records(missing)]
            with self._lock:
                kept[missing] = made
        return kept[positions].tolist()

    def busiest_day(self) -> str | None:
        """The day with the most events active (the earliest such day), or None without events."""
        if not len(self):
            return None
        first, last = int(self.start.min()), int(self.end.max())
        active = np.zeros(last - first + 2, dtype=np.int64)
        np.add.at(active, self.start - first, 1)
        np.add.at(active, self.end - first + 1, -1)
        day = first + int(np.argmax(np.cumsum(active)))
        return str(np.datetime64(day, "D"))

    def extent(self) -> tuple[tuple[float, float], tuple[float, float]] | None:
        """``((south, west), (north, east))`` around every event, or None when there is none."""
        if not len(self):
            return None
        return (float(self.lat.min()), float(self.lon.min())), (float(self.lat.max()), float(self.lon.max()))

    def place_names_in(self, lang: str | None = None) -> list[str]:
        """:attr:`place_names` as a reader of ``lang`` reads them: each place's ``place_<lang>``
        label (CONTRACT.md; the first event's that has one) where the data gives one, else as reported."""
        column = f"place_{lang}"
        if not lang or column not in self.events.columns:
            return self.place_names
        key = "place-names-" + lang
        with self._lock:
            if key not in self._labels:
                names = list(self.place_names)
                labelled = [False] * len(names)
                for code, label in zip(self.place.tolist(), self.events[column].tolist(), strict=False):
                    if label and not labelled[code]:
                        names[code], labelled[code] = str(label), True
                self._labels[key] = names
            return self._labels[key]

    def cells(self, positions: np.ndarray, size: float = 0.1, lang: str | None = None) -> Cells:
        """Count the events at ``positions`` per grid cell of ``size`` degrees (places named in ``lang``)."""
        if not size > 0:
            raise ValueError(f"cell size must be > 0 degrees, got {size!r}")
        cell = (np.floor(self.lat[positions] / size).astype(np.int64) * 10_000_000
                + np.floor(self.lon[positions] / size).astype(np.int64))
        keys, inverse, count = np.unique(cell, return_inverse=True, return_counts=True)
        m = len(keys)
        kinds = np.bincount(inverse * len(KINDS) + self.kind[positions],
                            minlength=m * len(KINDS)).reshape(m, len(KINDS))

        def total(values: np.ndarray) -> np.ndarray:
            return np.bincount(inverse, weights=values, minlength=m)

        lat = total(self.lat[positions]) / np.maximum(count, 1)
        lon = total(self.lon[positions]) / np.maximum(count, 1)
        # Most frequent places per cell: count (cell, place) pairs, then sort by cell and count.
        pairs, pair_count = np.unique(inverse * len(self.place_names) + self.place[positions], return_counts=True)
        pair_cell = pairs // max(len(self.place_names), 1)
        order = np.lexsort((-pair_count, pair_cell))
        cells_sorted, places_sorted = pair_cell[order], pairs[order] % max(len(self.place_names), 1)
        first = np.r_[True, cells_sorted[1:] != cells_sorted[:-1]] if len(order) else np.zeros(0, bool)
        starts = np.maximum.accumulate(np.where(first, np.arange(len(order)), 0)) if len(order) else first
        keep = (np.arange(len(order)) - starts) < 3
        places: list[list[str]] = [[] for _ in range(m)]
        names = self.place_names_in(lang)
        for cell_i, place_i in zip(cells_sorted[keep].tolist(), places_sorted[keep].tolist(), strict=False):
            places[cell_i].append(names[place_i])
        return Cells(lat=lat, lon=lon, count=count, by_kind=kinds,
                     fatalities=total(self.fatalities[positions]).astype(np.int64),
                     injured=total(self.injured[positions]).astype(np.int64),
                     detained=total(self.detained[positions]).astype(np.int64), places=places)
