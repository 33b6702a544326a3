"""Day over day: which blockades are new since the day before, continuing, or lifted.

:func:`day_over_day` answers from the dataset's event index (one path for every caller);
:mod:`geo.render.changes` draws the answer on the map.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from geo.core.dataset import Dataset
from geo.core.dates import check_day
from geo.core.i18n import ENGLISH, N_plural, Translator

__all__ = ["GROUPS", "change_summary", "day_over_day"]

GROUPS = ("new", "continuing", "lifted")
#: A place named once for the several blockades it holds ("Juliaca (2 blockades)").
PLACE_BLOCKADES = N_plural("{place} ({n} blockade)", "{place} ({n} blockades)")


def day_over_day(dataset: Dataset, day: str, kinds: Sequence[str] = ("blockade",),
                 regions: Sequence[str] = (), t: Translator | None = None) -> dict[str, list[dict[str, Any]]]:
    """The events new since the day before, continuing, and lifted, with their places.

    Parameters
    ----------
    dataset : Dataset
    day : str
        ``YYYY-MM-DD``.
    kinds : sequence of str, default ("blockade",)
        Kinds compared.
    regions : sequence of str, default ()
        Keep only these regions (empty: all).
    t : Translator, optional
        Places are named as a reader of its language reads them (``place_es``, CONTRACT.md);
        as reported when not given.

    Returns
    -------
    dict
        ``{"new": [...], "continuing": [...], "lifted": [...]}``, each a list of
        ``{"id", "place", "region", "start", "end", "lon", "lat", "fatalities"}`` sorted by
        place then id. A lifted event's dates show the last day it was active. On the first
        day of the data everything active is new; the day after the last, everything is lifted.
    """
    if not isinstance(dataset, Dataset):
        raise TypeError(f"dataset must be a Dataset, got {type(dataset).__name__}")
    if isinstance(kinds, str) or isinstance(regions, str):
        raise TypeError("kinds and regions must be sequences of names, not one string")
    index = dataset.index
    place_names = index.place_names_in(t.lang) if t is not None else index.place_names
    positions = index.changes(check_day(day), kinds=list(kinds), regions=list(regions))
    out = {}
    for group in GROUPS:
        pos = positions[group]
        fields = zip(index.ids[pos].tolist(), index.place[pos].tolist(), index.region[pos].tolist(),
                     index.start_text[pos].tolist(), index.end_text[pos].tolist(), index.lon[pos].tolist(),
                     index.lat[pos].tolist(), index.fatalities[pos].tolist(), strict=False)
        records = [{"id": i, "place": place_names[p], "region": index.region_names[r], "start": a,
                    "end": b, "lon": x, "lat": y, "fatalities": f} for i, p, r, a, b, x, y, f in fields]
        out[group] = sorted(records, key=lambda e: (e["place"].casefold(), e["id"]))
    return out


def change_summary(changes: dict[str, list[dict[str, Any]]],
                   t: Translator = ENGLISH) -> dict[str, list[str]]:
    """Place names per group, e.g. ``{"new": ["Ilave", "Juliaca (2 blockades)"], ...}``.

    A place with several events is named once with their number (in ``t``, default
    English); groups keep the order of :func:`day_over_day` (by place).
    """
    out = {}
    forms: dict[int, str] = {}  # "{place} (3 blockades)" per number, formatted once

    def named(place: str, n: int) -> str:
        if n == 1:
            return place
        if n not in forms:
            forms[n] = t.pair(PLACE_BLOCKADES, n, place="{place}")
        return forms[n].format(place=place)

    for group in GROUPS:
        counts = Counter(e["place"] for e in changes.get(group, []))
        out[group] = [named(p, n) for p, n in counts.items()]
    return out


def change_summary_by_region(changes: dict[str, list[dict[str, Any]]],
                             t: Translator = ENGLISH) -> dict[str, list[tuple[str, int, list[str]]]]:
    """:func:`change_summary` grouped by region, for days with many blockades:
    ``{"continuing": [("Puno", 40, ["Acora", "Juliaca (2 blockades)", ...]), ...], ...}``.

    Regions come in order of their number of events (most first, then by name); the places in
    each keep :func:`day_over_day`'s order.
    """
    out: dict[str, list[tuple[str, int, list[str]]]] = {}
    for group in GROUPS:
        by_region: dict[str, Counter] = {}
        for e in changes.get(group, []):
            by_region.setdefault(e["region"], Counter())[e["place"]] += 1
        rows = []
        for region, counts in by_region.items():
            names = [place if n == 1 else t.pair(PLACE_BLOCKADES, n, place=place) for place, n in counts.items()]
            rows.append((region, sum(counts.values()), names))
        out[group] = sorted(rows, key=lambda r: (-r[1], r[0]))
    return out
