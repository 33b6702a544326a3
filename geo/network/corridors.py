"""Snap blockades to the road corridors and tell which corridors are cut on a day.

A corridor is a road drawn through the towns it passes, in order of travel (see
``data/corridors.geojson`` in CONTRACT.md). A blockade *cuts* a corridor on day D when it is
active that day and lies within ``tolerance_m`` metres of the corridor line.

Which events cut a road
-----------------------
Only events of kind ``"blockade"`` (a road, bridge or border crossing blocked) cut a corridor.
Closures (airports, border posts, railways, ports), protests and clashes do not, even when they
sit on the road: the contract records a blocked road as a blockade. Events whose
``geo_precision`` is 3 (only the region is known) never snap: their point is a regional
placeholder, not a place on the road.

Distances are measured as in :mod:`geo.network.measure`. All functions here are pure functions
of their inputs.
"""

from __future__ import annotations

import datetime as _dt
import math
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo.core.dates import check_day, check_range, overlaps
from geo.core.frames import event_lonlat
from geo.network.measure import Measured, check_corridors, check_frame, check_tolerance

__all__ = [
    "CUTTING_KINDS",
    "DEFAULT_TOLERANCE_M",
    "SNAP_COLUMNS",
    "corridor_status",
    "cut_segments",
    "days_cut",
    "days_cut_from_snaps",
    "snap_active",
    "snap_events",
    "status_from_snaps",
]

#: Default snapping distance in metres: a blockade up to 2 km from the corridor line cuts it.
#: Town coordinates come from GeoNames (the town centre), and reports often name the town rather
#: than the exact spot on the by-pass or bridge, so the tolerance must absorb an urban radius;
#: 2 km does that while staying far below the spacing between parallel roads in the Altiplano.
DEFAULT_TOLERANCE_M: float = 2000

#: Event kinds that cut a corridor. Only blockades do (see the module docstring).
CUTTING_KINDS: tuple[str, ...] = ("blockade",)

#: Columns of the frame returned by :func:`snap_events`, in order.
SNAP_COLUMNS: tuple[str, ...] = ("event", "corridor", "km", "distance_m", "place", "start", "end")

_M_PER_DEG_LAT = 110_574.0  # smallest length of a degree of latitude (at the equator)
_M_PER_DEG_LON_EQ = 111_320.0


# --------------------------------------------------------------------------------------------
# snapping
# --------------------------------------------------------------------------------------------


def _empty_snaps() -> pd.DataFrame:
    return pd.DataFrame({
        "event": pd.Series([], dtype=object),
        "corridor": pd.Series([], dtype=object),
        "km": pd.Series([], dtype=float),
        "distance_m": pd.Series([], dtype="int64"),
        "place": pd.Series([], dtype=object),
        "start": pd.Series([], dtype=object),
        "end": pd.Series([], dtype=object),
    })


def snap_events(events: pd.DataFrame, corridors: gpd.GeoDataFrame,
                tolerance_m: float = DEFAULT_TOLERANCE_M) -> pd.DataFrame:
    """Pair each road-cutting event with every corridor it lies on.

    Only events of kind ``"blockade"`` with ``geo_precision`` 1 or 2 and a point are
    considered. The work is vectorised per corridor (a bounding-box prefilter, one projection of
    the candidate points, then shapely's array ``distance`` and ``line_locate_point``), so
    100,000 events snap in well under a few seconds.

    Parameters
    ----------
    events : pandas.DataFrame
        Events (CONTRACT.md): needs ``id``, ``kind``, ``geo_precision`` and their points: the
        ``lon``/``lat`` columns of a dataset's events, or a GeoDataFrame's Point geometry;
        ``place``, ``start`` and ``end`` are carried over when present.
    corridors : geopandas.GeoDataFrame
        Corridors: needs ``id`` and a LineString/MultiLineString geometry.
    tolerance_m : float, default DEFAULT_TOLERANCE_M
        Largest perpendicular distance, in metres, at which an event lies on a corridor.

    Returns
    -------
    pandas.DataFrame
        One row per (event, corridor) pair within tolerance, with columns ``event`` (id),
        ``corridor`` (id), ``km`` (distance along the corridor from its start, rounded to
        0.1 km), ``distance_m`` (perpendicular distance, whole metres), ``place``, ``start``
        and ``end``; sorted by corridor (in file order), then ``km``, then ``event``.

    Examples
    --------
    >>> snaps = snap_events(events, corridors)          # doctest: +SKIP
    >>> snaps.query("corridor == 'juliaca-desaguadero'")  # doctest: +SKIP
    """
    check_frame(events, "events", ("id", "kind", "geo_precision"), geo=False)
    corridors = check_corridors(corridors)
    tol = check_tolerance(tolerance_m)

    precision = pd.to_numeric(events["geo_precision"], errors="coerce")
    candidate = (events["kind"].isin(CUTTING_KINDS) & (precision != 3)).to_numpy()
    ev = events.loc[candidate]
    lon, lat = event_lonlat(ev)
    is_point = ~(np.isnan(lon) | np.isnan(lat))
    ev, lon, lat = ev.loc[is_point], lon[is_point], lat[is_point]
    if ev.empty or corridors.empty:
        return _empty_snaps()

    ids = ev["id"].astype(str).to_numpy()
    places = (ev["place"].to_numpy(dtype=object) if "place" in ev.columns
              else np.full(len(ev), None, dtype=object))
    if "start" in ev.columns:
        starts = ev["start"].to_numpy(dtype=object)
        ends = (ev["end"] if "end" in ev.columns else ev["start"]).to_numpy(dtype=object)
    else:
        starts = ends = np.full(len(ev), None, dtype=object)

    frames = []
    for cid, geom in zip(corridors["id"].astype(str), corridors.geometry, strict=True):
        m = Measured(geom, f"corridor {cid!r} geometry")
        minx, miny, maxx, maxy = m.line.bounds
        dlat = 1.05 * tol / _M_PER_DEG_LAT + 1e-9
        coslat = max(math.cos(math.radians(max(abs(miny), abs(maxy)) + dlat)), 1e-6)
        dlon = 1.05 * tol / (_M_PER_DEG_LON_EQ * coslat) + 1e-9
        near = ((lon >= minx - dlon) & (lon <= maxx + dlon)
                & (lat >= miny - dlat) & (lat <= maxy + dlat))
        idx = np.flatnonzero(near)
        if idx.size == 0:
            continue
        x, y = m.fwd.transform(lon[idx], lat[idx])
        p = shapely.points(np.asarray(x), np.asarray(y))
        dist = shapely.distance(m.proj, p)
        ok = dist <= tol
        if not ok.any():
            continue
        idx, p, dist = idx[ok], p[ok], dist[ok]
        along = shapely.line_locate_point(m.proj, p)
        frames.append(pd.DataFrame({
            "event": ids[idx],
            "corridor": cid,
            "km": np.round(along / 1000.0, 1),
            "distance_m": np.round(dist).astype("int64"),
            "place": places[idx],
            "start": starts[idx],
            "end": ends[idx],
        }))
    if not frames:
        return _empty_snaps()
    out = pd.concat(frames, ignore_index=True)
    order = {cid: i for i, cid in enumerate(corridors["id"].astype(str))}
    out = (out.assign(_o=out["corridor"].map(order))
              .sort_values(["_o", "km", "event"], kind="stable")
              .drop(columns="_o")
              .reset_index(drop=True))
    return out


def snap_active(events: pd.DataFrame, corridors: gpd.GeoDataFrame, day: str | _dt.date,
                tolerance_m: float = DEFAULT_TOLERANCE_M) -> pd.DataFrame:
    """:func:`snap_events` restricted to the events active on ``day``.

    Parameters
    ----------
    events, corridors, tolerance_m
        As for :func:`snap_events`; ``events`` also needs ``start`` (and ``end``).
    day : str or datetime.date
        The day, ``YYYY-MM-DD``.

    Returns
    -------
    pandas.DataFrame
        Same columns as :func:`snap_events`.
    """
    check_frame(events, "events", ("id", "kind", "geo_precision", "start"), geo=False)
    day = check_day(day)
    mask = overlaps(events["start"], events["end"], day, day)
    return snap_events(events.loc[mask.to_numpy()], corridors, tolerance_m)


def corridor_status(events: pd.DataFrame, corridors: gpd.GeoDataFrame,
                    day: str | _dt.date,
                    tolerance_m: float = DEFAULT_TOLERANCE_M) -> list[dict[str, Any]]:
    """Whether each corridor is open or cut on ``day``, and by which blockades.

    Parameters
    ----------
    events : pandas.DataFrame
        Events (CONTRACT.md), with ``id``, ``kind``, ``geo_precision``, ``start``, ``end``.
    corridors : geopandas.GeoDataFrame
        Corridors with ``id`` and ``name``.
    day : str or datetime.date
        The day, ``YYYY-MM-DD``.
    tolerance_m : float, default DEFAULT_TOLERANCE_M
        Snapping distance in metres.

    Returns
    -------
    list of dict
        One dict per corridor, in file order: ``{"id", "name", "status", "blocked_by"}`` where
        ``status`` is ``"cut"`` when any active blockade snaps to it, else ``"open"``, and
        ``blocked_by`` lists ``{"event", "km", "distance_m", "place"}`` ordered along the road.
        This is the ``blockade-map corridors --json`` shape of CONTRACT.md.
    """
    corridors = check_corridors(corridors)
    return status_from_snaps(corridors, snap_active(events, corridors, day, tolerance_m))


def status_from_snaps(corridors: gpd.GeoDataFrame,
                      snapped_active: pd.DataFrame) -> list[dict[str, Any]]:
    """Corridor status from blockades already snapped and filtered to one day.

    Lets a caller that has the day's snaps (:func:`snap_active`) reuse them instead of
    snapping again; :func:`corridor_status` is this applied to :func:`snap_active`.

    Parameters
    ----------
    corridors : geopandas.GeoDataFrame
        Corridors with ``id`` and ``name``.
    snapped_active : pandas.DataFrame
        Rows of :func:`snap_events` for the events active on the day (``event``,
        ``corridor``, ``km``, ``distance_m``, ``place``), ordered along each corridor.

    Returns
    -------
    list of dict
        As :func:`corridor_status`.
    """
    corridors = check_corridors(corridors)
    check_frame(snapped_active, "snapped_active", ("event", "corridor", "km", "distance_m"),
                 geo=False)
    snaps = snapped_active.sort_values(["km", "event"], kind="stable")
    by_corridor: dict[str, list[dict[str, Any]]] = {}
    for rec in snaps.to_dict("records"):
        place = rec.get("place")
        by_corridor.setdefault(str(rec["corridor"]), []).append({
            "event": str(rec["event"]),
            "km": float(rec["km"]),
            "distance_m": int(rec["distance_m"]),
            "place": None if place is None or (isinstance(place, float)
                                               and math.isnan(place)) else str(place),
        })
    names = (corridors["name"] if "name" in corridors.columns else corridors["id"]).tolist()
    out = []
    for cid, name in zip(corridors["id"].astype(str), names, strict=True):
        blockers = by_corridor.get(cid, [])
        out.append({
            "id": cid,
            "name": str(name),
            "status": "cut" if blockers else "open",
            "blocked_by": blockers,
        })
    return out


def days_cut(events: pd.DataFrame, corridors: gpd.GeoDataFrame,
             start: str | _dt.date, end: str | _dt.date,
             tolerance_m: float = DEFAULT_TOLERANCE_M) -> dict[str, int]:
    """Number of days in ``[start, end]`` (inclusive) on which each corridor was cut.

    Parameters
    ----------
    events, corridors, tolerance_m
        As for :func:`corridor_status`.
    start, end : str or datetime.date
        First and last day of the range, ``YYYY-MM-DD``; ``start <= end``.

    Returns
    -------
    dict
        ``{corridor_id: days}`` for every corridor, in file order (0 for never cut).
    """
    first, last = check_range(start, end)
    corridors = check_corridors(corridors)
    check_frame(events, "events", ("id", "kind", "geo_precision", "start", "end"), geo=False)
    overlapping = overlaps(events["start"], events["end"], first, last)
    snaps = snap_events(events.loc[overlapping.to_numpy()], corridors, tolerance_m)
    return days_cut_from_snaps(corridors, snaps, first, last)


def days_cut_from_snaps(corridors: gpd.GeoDataFrame, snaps: pd.DataFrame,
                        start: str | _dt.date, end: str | _dt.date) -> dict[str, int]:
    """:func:`days_cut` from blockades already snapped (rows of :func:`snap_events`).

    Parameters
    ----------
    corridors : geopandas.GeoDataFrame
        Corridors with ``id``.
    snaps : pandas.DataFrame
        Rows of :func:`snap_events` with ``corridor``, ``start`` and ``end``; rows outside
        ``[start, end]`` are ignored.
    start, end
        As for :func:`days_cut`, which this returns the same answer as.
    """
    first, last = check_range(start, end)
    d0, d1 = _dt.date.fromisoformat(first), _dt.date.fromisoformat(last)
    corridors = check_corridors(corridors)
    check_frame(snaps, "snaps", ("corridor", "start", "end"), geo=False)
    n = (d1 - d0).days + 1
    result: dict[str, int] = {}
    for cid in corridors["id"].astype(str):
        rows = snaps[snaps["corridor"] == cid]
        cut = np.zeros(n, dtype=bool)
        for a, b in zip(rows["start"], rows["end"], strict=True):
            i = max((_dt.date.fromisoformat(a) - d0).days, 0)
            j = min((_dt.date.fromisoformat(b) - d0).days, n - 1)
            if i <= j:
                cut[i:j + 1] = True
        result[cid] = int(cut.sum())
    return result


def cut_segments(corridors: gpd.GeoDataFrame, snapped_active: pd.DataFrame,
                 half_width_km: float = 1.0) -> gpd.GeoDataFrame:
    """Short stretches of road around each cut point, for highlighting on the map.

    Parameters
    ----------
    corridors : geopandas.GeoDataFrame
        Corridors with ``id`` and geometry.
    snapped_active : pandas.DataFrame
        Rows of :func:`snap_events` / :func:`snap_active` (needs ``corridor`` and ``km``;
        ``event`` and ``place`` are carried over when present).
    half_width_km : float, default 1.0
        The stretch runs from ``km - half_width_km`` to ``km + half_width_km``, clipped to the
        corridor's ends.

    Returns
    -------
    geopandas.GeoDataFrame
        Columns ``corridor``, ``event``, ``km``, ``place`` and a LineString geometry
        (MultiLineString across a gap), EPSG:4326, one row per input row.
    """
    corridors = check_corridors(corridors)
    check_frame(snapped_active, "snapped_active", ("corridor", "km"), geo=False)
    if isinstance(half_width_km, bool) or not isinstance(half_width_km, (int, float, np.number)):
        raise TypeError("half_width_km must be a number")
    if not (math.isfinite(half_width_km) and half_width_km > 0):
        raise ValueError(f"half_width_km must be > 0, got {half_width_km!r}")
    geoms = dict(zip(corridors["id"].astype(str), corridors.geometry, strict=True))
    measured: dict[str, Measured] = {}
    rows, shapes = [], []
    for rec in snapped_active.to_dict("records"):
        cid = str(rec["corridor"])
        if cid not in geoms:
            raise ValueError(f"snapped_active refers to unknown corridor {cid!r}")
        m = measured.get(cid) or measured.setdefault(cid, Measured(geoms[cid]))
        km = float(rec["km"])
        a = (km - half_width_km) * 1000.0
        b = (km + half_width_km) * 1000.0
        shapes.append(m.substring(a, b))
        rows.append({"corridor": cid, "event": rec.get("event"), "km": km,
                     "place": rec.get("place")})
    frame = pd.DataFrame(rows, columns=["corridor", "event", "km", "place"])
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(shapes, crs=4326), crs=4326)
