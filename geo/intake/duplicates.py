"""Ids and probable duplicates of new events: what an import or a new event must not repeat."""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from geo.core.geodesy import distance_m
from geo.core.i18n import ENGLISH, N_, Translator
from geo.core.model import Problem, short_repr
from geo.core.words import kind_name, place_for
from geo.intake.readers import Item

#: A new event this close to one of the same kind with overlapping dates is a probable duplicate.
DUPLICATE_RADIUS_M = 1000.0


@dataclass
class Duplicate:
    """A new event that looks like one already in the data: same kind, within 1 km, overlapping dates."""

    label: str
    existing_id: str
    distance_m: float
    new_summary: str
    existing_summary: str



def id_problems(items: Sequence[Item], file: str, current_ids: Iterable[str],
                retired_ids: Iterable[str]) -> list[Problem]:
    """Ids given twice in the file, or already used by an event in the data or a retracted one."""
    current, retired = set(current_ids), set(retired_ids)
    seen: dict[str, str] = {}
    out = []
    for item in items:
        fid = item.feature.get("id")
        if not isinstance(fid, str) or not fid.strip():
            continue
        if fid in seen:
            out.append(Problem(file, item.label, "id", N_("{id} is also used by {other}"),
                               {"id": short_repr(fid), "other": seen[fid]}))
        elif fid in current:
            out.append(Problem(file, item.label, "id", N_("{id} is already used by an event in the data"),
                               {"id": short_repr(fid)}))
        elif fid in retired:
            out.append(Problem(file, item.label, "id", N_("{id} was used by a retracted event (ids are never reused)"),
                               {"id": short_repr(fid)}))
        seen.setdefault(fid, item.label)
    return out


def event_summary(feature: Mapping, t: Translator = ENGLISH) -> str:
    """An event in a line, for a duplicate check: ``protest at Juliaca (Puno), 2023-01-09`` (in
    ``t``: ``protesta en Juliaca (Puno), 9 ene 2023``, the place as ``t``'s readers name it where the
    event says, ``place_es``)."""
    p = feature.get("properties") or {}
    start, end = str(p.get("start", "?")), str(p.get("end") or "")

    def day(value: str) -> str:
        try:
            return t.date(value, "span")
        except (TypeError, ValueError):
            return value
    dates = day(start) if not end or end == start else t.span(start, end)
    kind = kind_name(str(p.get("kind")), t)
    return t.gettext("{kind} at {place} ({region}), {dates}").format(kind=kind, place=place_for(p, t),
                                                                       region=p.get("region"), dates=dates)


def _summary(feature: Mapping) -> str:
    return event_summary(feature)


def find_duplicates(items: Sequence[Item], existing: Sequence[Mapping],
                    radius_m: float = DUPLICATE_RADIUS_M) -> list[Duplicate]:
    """Probable duplicates: same kind, within ``radius_m``, and overlapping dates.

    Parameters
    ----------
    items : sequence of Item
        The new events (items without a usable point or dates are skipped).
    existing : sequence of dict
        Event Features already in the data.
    """
    def usable(f: Mapping) -> bool:
        geom, p = f.get("geometry"), f.get("properties") or {}
        coords = geom.get("coordinates") if isinstance(geom, Mapping) else None
        return (isinstance(coords, list) and len(coords) >= 2
                and all(isinstance(c, (int, float)) and not isinstance(c, bool) for c in coords[:2])
                and isinstance(p.get("start"), str) and isinstance(p.get("kind"), str))

    old = [f for f in existing if usable(f)]
    out: list[Duplicate] = []
    if not old:
        return out
    o_lon = np.array([f["geometry"]["coordinates"][0] for f in old], dtype=float)
    o_lat = np.array([f["geometry"]["coordinates"][1] for f in old], dtype=float)
    o_kind = np.array([f["properties"]["kind"] for f in old])
    o_start = np.array([f["properties"]["start"] for f in old])
    o_end = np.array([f["properties"].get("end") or f["properties"]["start"] for f in old])
    for item in items:
        f = item.feature
        if not usable(f):
            continue
        p = f["properties"]
        start, end = p["start"], p.get("end") or p["start"]
        lon, lat = f["geometry"]["coordinates"][:2]
        mask = (o_kind == p["kind"]) & (o_start <= end) & (o_end >= start)
        if not mask.any():
            continue
        idx = np.flatnonzero(mask)
        dist = distance_m(lon, lat, o_lon[idx], o_lat[idx])
        for j in np.argsort(dist):
            if dist[j] > radius_m:
                break
            match = old[idx[j]]
            out.append(Duplicate(item.label, str(match.get("id")), round(float(dist[j]), 1), _summary(f),
                                 _summary(match)))
    return out
