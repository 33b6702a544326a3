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

Distances and the metric projection
-----------------------------------
Every corridor is measured in its own azimuthal equidistant projection (``+proj=aeqd`` on the
WGS 84 ellipsoid) centred on the middle of the corridor's bounding box. Distances from the centre
are exact; in other directions the scale error grows as ``(d/R)**2 / 6``, which is under 0.03 %
for points 250 km from the centre, so a 500 km corridor is measured to well under 0.1 % (UTM
zone 19S, by comparison, is off by 0.04 % at its central meridian and by more than 0.1 % west of
about -73.5°, where Cusco lies). Perpendicular distances to the road are as accurate. The
projection is a pure function of the corridor geometry, so results are reproducible and cacheable.

All functions here are pure functions of their inputs and never import streamlit.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import Transformer
from shapely.geometry import LineString, MultiLineString
from shapely.geometry.base import BaseGeometry
from shapely.ops import substring as _line_substring

from geo.core.dates import check_day, check_range, overlaps
from geo.core.text import fold

__all__ = [
    "CUTTING_KINDS",
    "DEFAULT_TOLERANCE_M",
    "MAX_KM_POST_EXTRAPOLATION_KM",
    "SNAP_COLUMNS",
    "corridor_length_km",
    "corridor_status",
    "cut_segments",
    "days_cut",
    "days_cut_from_snaps",
    "local_crs",
    "local_crs_proj4",
    "point_at_km",
    "resolve_km_post",
    "snap_active",
    "snap_events",
    "status_from_snaps",
    "vertex_km",
]

#: Default snapping distance in metres: a blockade up to 2 km from the corridor line cuts it.
#: Town coordinates come from GeoNames (the town centre), and reports often name the town rather
#: than the exact spot on the by-pass or bridge, so the tolerance must absorb an urban radius;
#: 2 km does that while staying far below the spacing between parallel roads in the Altiplano.
DEFAULT_TOLERANCE_M: float = 2000

#: Event kinds that cut a corridor. Only blockades do (see the module docstring).
CUTTING_KINDS: tuple[str, ...] = ("blockade",)

#: How far (in road kilometres) :func:`resolve_km_post` extrapolates beyond the outermost
#: kilometre posts a corridor references before refusing.
MAX_KM_POST_EXTRAPOLATION_KM: float = 20.0

#: Columns of the frame returned by :func:`snap_events`, in order.
SNAP_COLUMNS: tuple[str, ...] = ("event", "corridor", "km", "distance_m", "place", "start", "end")

_M_PER_DEG_LAT = 110_574.0  # smallest length of a degree of latitude (at the equator)
_M_PER_DEG_LON_EQ = 111_320.0


# --------------------------------------------------------------------------------------------
# validation helpers
# --------------------------------------------------------------------------------------------


def check_frame(obj: Any, name: str, required: Sequence[str], geo: bool) -> None:
    kind = gpd.GeoDataFrame if geo else pd.DataFrame
    if not isinstance(obj, kind):
        raise TypeError(f"{name} must be a {kind.__name__}, got {type(obj).__name__}")
    missing = [c for c in required if c not in obj.columns]
    if missing:
        raise ValueError(f"{name} lacks required column(s): {', '.join(missing)}")


def _to_wgs84(gdf: gpd.GeoDataFrame, name: str) -> gpd.GeoDataFrame:
    if gdf.crs is None:
        raise ValueError(f"{name} has no CRS; expected EPSG:4326 (WGS 84 lon/lat)")
    if gdf.crs.to_epsg() != 4326:
        return gdf.to_crs(4326)
    return gdf


def check_corridors(corridors: Any) -> gpd.GeoDataFrame:
    check_frame(corridors, "corridors", ("id", "geometry"), geo=True)
    corridors = _to_wgs84(corridors, "corridors")
    ids = corridors["id"].astype(str)
    dup = ids[ids.duplicated()].unique().tolist()
    if dup:
        raise ValueError(f"corridors: duplicate id(s): {', '.join(dup)}")
    return corridors


def check_tolerance(tolerance_m: Any) -> float:
    if isinstance(tolerance_m, bool) or not isinstance(tolerance_m, (int, float, np.number)):
        raise TypeError(f"tolerance_m must be a number of metres, got {type(tolerance_m).__name__}")
    tol = float(tolerance_m)
    if not math.isfinite(tol) or tol < 0:
        raise ValueError(f"tolerance_m must be a finite number >= 0, got {tolerance_m!r}")
    return tol


# --------------------------------------------------------------------------------------------
# geometry helpers
# --------------------------------------------------------------------------------------------


def _as_line(geom: Any, what: str = "corridor geometry") -> LineString | MultiLineString:
    if not isinstance(geom, BaseGeometry):
        raise TypeError(f"{what} must be a shapely LineString or MultiLineString, "
                        f"got {type(geom).__name__}")
    if geom.is_empty:
        raise ValueError(f"{what} is empty")
    if isinstance(geom, LineString):
        return geom
    if isinstance(geom, MultiLineString):
        merged = shapely.line_merge(geom, directed=True)
        return merged if isinstance(merged, LineString) else geom
    raise ValueError(f"{what} must be a LineString or MultiLineString, got {geom.geom_type}")


@lru_cache(maxsize=256)
def _transformers(lon0: float, lat0: float) -> tuple[Transformer, Transformer]:
    crs = local_crs_proj4(lon0, lat0)
    fwd = Transformer.from_crs("EPSG:4326", crs, always_xy=True)
    inv = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
    return fwd, inv


def local_crs_proj4(lon0: float, lat0: float) -> str:
    """PROJ string of the azimuthal equidistant projection centred on ``(lon0, lat0)``."""
    return f"+proj=aeqd +lat_0={lat0} +lon_0={lon0} +datum=WGS84 +units=m +no_defs"


def _centre(geom: BaseGeometry) -> tuple[float, float]:
    minx, miny, maxx, maxy = geom.bounds
    # rounded so that equal corridors share one cached transformer
    return round((minx + maxx) / 2, 4), round((miny + maxy) / 2, 4)


def local_crs(geometry: BaseGeometry) -> str:
    """The metric CRS used to measure ``geometry`` (a PROJ string; see the module docstring).

    Parameters
    ----------
    geometry : shapely geometry
        A corridor line in EPSG:4326.

    Returns
    -------
    str
        ``+proj=aeqd`` centred on the middle of the geometry's bounding box.
    """
    line = _as_line(geometry)
    return local_crs_proj4(*_centre(line))


def _apply(tr: Transformer, geom: BaseGeometry) -> BaseGeometry:
    def fn(xy: np.ndarray) -> np.ndarray:
        x, y = tr.transform(xy[:, 0], xy[:, 1])
        return np.column_stack([x, y])

    return shapely.transform(geom, fn)


class _Measured:
    """A corridor line with its projection, projected copy and length (internal)."""

    __slots__ = ("line", "fwd", "inv", "proj", "length_m")

    def __init__(self, geom: Any, what: str = "corridor geometry") -> None:
        self.line = _as_line(geom, what)
        self.fwd, self.inv = _transformers(*_centre(self.line))
        self.proj = _apply(self.fwd, self.line)
        self.length_m = float(self.proj.length)

    def point_at(self, along_m: float) -> tuple[float, float]:
        p = shapely.line_interpolate_point(self.proj, along_m)
        lon, lat = self.inv.transform(p.x, p.y)
        return float(lon), float(lat)

    def substring(self, a_m: float, b_m: float) -> BaseGeometry:
        a_m, b_m = max(0.0, a_m), min(self.length_m, b_m)
        if isinstance(self.proj, LineString):
            piece = _line_substring(self.proj, a_m, b_m)
        else:
            pieces, offset = [], 0.0
            for part in self.proj.geoms:
                lo, hi = offset, offset + part.length
                if hi > a_m and lo < b_m:
                    sub = _line_substring(part, max(a_m, lo) - lo, min(b_m, hi) - lo)
                    if isinstance(sub, LineString) and sub.length > 0:
                        pieces.append(sub)
                offset = hi
            piece = pieces[0] if len(pieces) == 1 else MultiLineString(pieces)
        return _apply(self.inv, piece)


def _measured(geometry_or_row: Any) -> _Measured:
    geom = geometry_or_row
    if not isinstance(geom, BaseGeometry):
        if isinstance(geometry_or_row, Mapping) or isinstance(geometry_or_row, pd.Series):
            geom = geometry_or_row.get("geometry")
        else:
            geom = getattr(geometry_or_row, "geometry", None)
        if geom is None:
            raise TypeError("expected a corridor geometry or a row with a 'geometry', got "
                            f"{type(geometry_or_row).__name__}")
    return _Measured(geom)


def corridor_length_km(geometry_or_row: Any) -> float:
    """Length of a corridor in km (see the module docstring for the projection).

    Parameters
    ----------
    geometry_or_row : shapely geometry, or a row/mapping with a ``geometry``
        The corridor, in EPSG:4326.

    Returns
    -------
    float
        Length in kilometres (gaps between parts of a MultiLineString are not counted).
    """
    return _measured(geometry_or_row).length_m / 1000.0


def vertex_km(geometry_or_row: Any) -> tuple[np.ndarray, np.ndarray]:
    """The corridor's vertices and their distance along it.

    Consecutive repeated vertices (the shared end of two parts of a MultiLineString) appear once.

    Parameters
    ----------
    geometry_or_row : shapely geometry, or a row/mapping with a ``geometry``
        The corridor, in EPSG:4326.

    Returns
    -------
    coords : numpy.ndarray, shape (n, 2)
        ``lon, lat`` of each vertex, in order of travel.
    km : numpy.ndarray, shape (n,)
        Distance of each vertex from the corridor's start, in km.

    Examples
    --------
    >>> from shapely.geometry import LineString
    >>> coords, km = vertex_km(LineString([(-70, -15), (-70, -15.5), (-70, -16)]))
    >>> [float(round(k, 1)) for k in km]
    [0.0, 55.3, 110.7]
    """
    m = _measured(geometry_or_row)
    parts = [m.proj] if isinstance(m.proj, LineString) else list(m.proj.geoms)
    lparts = [m.line] if isinstance(m.line, LineString) else list(m.line.geoms)
    coords_out: list[np.ndarray] = []
    km_out: list[np.ndarray] = []
    offset = 0.0
    for proj_part, ll_part in zip(parts, lparts):
        xy = np.asarray(proj_part.coords)[:, :2]
        seg = np.hypot(*np.diff(xy, axis=0).T)
        cum = offset + np.concatenate([[0.0], np.cumsum(seg)])
        coords_out.append(np.asarray(ll_part.coords)[:, :2])
        km_out.append(cum / 1000.0)
        offset = float(cum[-1])
    coords = np.concatenate(coords_out)
    km = np.concatenate(km_out)
    keep = np.ones(len(coords), dtype=bool)
    keep[1:] = np.any(coords[1:] != coords[:-1], axis=1)
    return coords[keep], km[keep]


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


def snap_events(events: gpd.GeoDataFrame, corridors: gpd.GeoDataFrame,
                tolerance_m: float = DEFAULT_TOLERANCE_M) -> pd.DataFrame:
    """Pair each road-cutting event with every corridor it lies on.

    Only events of kind ``"blockade"`` with ``geo_precision`` 1 or 2 and a Point geometry are
    considered. The work is vectorised per corridor (a bounding-box prefilter, one projection of
    the candidate points, then shapely's array ``distance`` and ``line_locate_point``), so
    100,000 events snap in well under a few seconds.

    Parameters
    ----------
    events : geopandas.GeoDataFrame
        Events (CONTRACT.md): needs ``id``, ``kind``, ``geo_precision`` and a geometry;
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
    check_frame(events, "events", ("id", "kind", "geo_precision", "geometry"), geo=True)
    corridors = check_corridors(corridors)
    tol = check_tolerance(tolerance_m)
    events = _to_wgs84(events, "events")

    precision = pd.to_numeric(events["geo_precision"], errors="coerce")
    candidate = events["kind"].isin(CUTTING_KINDS) & (precision != 3)
    ev = events.loc[candidate.to_numpy()]
    geoms = ev.geometry.to_numpy()
    is_point = np.zeros(len(ev), dtype=bool)
    if len(ev):
        is_point = (shapely.get_type_id(geoms) == 0) & ~shapely.is_empty(geoms)
    ev = ev.loc[is_point]
    if ev.empty or corridors.empty:
        return _empty_snaps()

    pts = ev.geometry.to_numpy()
    lon = shapely.get_x(pts)
    lat = shapely.get_y(pts)
    ids = ev["id"].astype(str).to_numpy()
    places = (ev["place"].to_numpy(dtype=object) if "place" in ev.columns
              else np.full(len(ev), None, dtype=object))
    if "start" in ev.columns:
        starts = ev["start"].to_numpy(dtype=object)
        ends = (ev["end"] if "end" in ev.columns else ev["start"]).to_numpy(dtype=object)
    else:
        starts = ends = np.full(len(ev), None, dtype=object)

    frames = []
    for cid, geom in zip(corridors["id"].astype(str), corridors.geometry):
        m = _Measured(geom, f"corridor {cid!r} geometry")
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


def snap_active(events: gpd.GeoDataFrame, corridors: gpd.GeoDataFrame, day: str | _dt.date,
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
    check_frame(events, "events", ("id", "kind", "geo_precision", "start", "geometry"), geo=True)
    day = check_day(day)
    mask = overlaps(events["start"], events["end"], day, day)
    return snap_events(events.loc[mask.to_numpy()], corridors, tolerance_m)


def corridor_status(events: gpd.GeoDataFrame, corridors: gpd.GeoDataFrame,
                    day: str | _dt.date,
                    tolerance_m: float = DEFAULT_TOLERANCE_M) -> list[dict[str, Any]]:
    """Whether each corridor is open or cut on ``day``, and by which blockades.

    Parameters
    ----------
    events : geopandas.GeoDataFrame
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
    for cid, name in zip(corridors["id"].astype(str), names):
        blockers = by_corridor.get(cid, [])
        out.append({
            "id": cid,
            "name": str(name),
            "status": "cut" if blockers else "open",
            "blocked_by": blockers,
        })
    return out


def days_cut(events: gpd.GeoDataFrame, corridors: gpd.GeoDataFrame,
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
    check_frame(events, "events", ("id", "kind", "geo_precision", "start", "end", "geometry"), geo=True)
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
    start, end : str or datetime.date
        First and last day of the range, ``YYYY-MM-DD``; ``start <= end``.

    Returns
    -------
    dict
        ``{corridor_id: days}`` for every corridor, in file order (0 for never cut).
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
        for a, b in zip(rows["start"], rows["end"]):
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
    geoms = dict(zip(corridors["id"].astype(str), corridors.geometry))
    measured: dict[str, _Measured] = {}
    rows, shapes = [], []
    for rec in snapped_active.to_dict("records"):
        cid = str(rec["corridor"])
        if cid not in geoms:
            raise ValueError(f"snapped_active refers to unknown corridor {cid!r}")
        m = measured.get(cid) or measured.setdefault(cid, _Measured(geoms[cid]))
        km = float(rec["km"])
        a = (km - half_width_km) * 1000.0
        b = (km + half_width_km) * 1000.0
        shapes.append(m.substring(a, b))
        rows.append({"corridor": cid, "event": rec.get("event"), "km": km,
                     "place": rec.get("place")})
    frame = pd.DataFrame(rows, columns=["corridor", "event", "km", "place"])
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(shapes, crs=4326), crs=4326)


# --------------------------------------------------------------------------------------------
# kilometres along the road
# --------------------------------------------------------------------------------------------


#: Half the 0.1 km to which snapped kilometres are rounded, in metres.
KM_ROUNDING_M = 50.0


def point_at_km(corridor_geometry_or_row: Any, km: float) -> tuple[float, float]:
    """The point ``km`` kilometres along a corridor from its start.

    Parameters
    ----------
    corridor_geometry_or_row : shapely geometry, or a row/mapping with a ``geometry``
        The corridor, EPSG:4326.
    km : float
        Distance from the start, ``0 <= km <= length``; up to 50 m past either end is taken as
        the end, since snapped kilometres are given to 0.1 km (a cut at the corridor's last
        metres may read one tenth more than its length).

    Returns
    -------
    tuple of float
        ``(lon, lat)``.

    Examples
    --------
    >>> from shapely.geometry import LineString
    >>> lon, lat = point_at_km(LineString([(-70, -15), (-70, -16)]), 0)
    >>> (lon, round(lat, 6))
    (-70.0, -15.0)
    """
    if isinstance(km, bool) or not isinstance(km, (int, float, np.number)):
        raise TypeError(f"km must be a number, got {type(km).__name__}")
    m = _measured(corridor_geometry_or_row)
    along = float(km) * 1000.0
    if not math.isfinite(along) or along < -KM_ROUNDING_M or along > m.length_m + KM_ROUNDING_M:
        raise ValueError(f"km {km} is outside the corridor (0 to {m.length_m / 1000:.1f} km)")
    return m.point_at(min(max(along, 0.0), m.length_m))


def _norm_road(road: str) -> str:
    return "".join(ch for ch in str(road).upper() if ch.isalnum())


def _ref_positions(row: Mapping[str, Any], road_n: str, m: _Measured) -> list[tuple[float, float]]:
    """``(road km, corridor km)`` pairs for the corridor's km_refs on one road."""
    refs = row.get("km_refs")
    if isinstance(refs, str):  # a store that left the GeoJSON list as text
        refs = json.loads(refs)
    if refs is None or (isinstance(refs, float) and math.isnan(refs)):
        return []
    via = row.get("via")
    if isinstance(via, str):
        via = json.loads(via)
    via_list = list(via) if isinstance(via, (list, tuple, np.ndarray)) else []
    coords, kms = vertex_km(m.line)
    by_name: dict[str, float] = {}
    if len(via_list) == len(kms):
        for name, k in zip(via_list, kms):
            by_name.setdefault(fold(name), float(k))
    pairs = []
    for ref in refs:
        if not isinstance(ref, Mapping) or _norm_road(ref.get("road", "")) != road_n:
            continue
        road_km = float(ref["km"])
        if ref.get("lon") is not None and ref.get("lat") is not None:
            x, y = m.fwd.transform(float(ref["lon"]), float(ref["lat"]))
            along = float(shapely.line_locate_point(m.proj, shapely.points(x, y))) / 1000.0
        else:
            key = fold(ref.get("place", ""))
            if key not in by_name:
                raise ValueError(
                    f"corridor {row.get('id')!r}: km_ref {ref.get('road')} km {ref.get('km')} "
                    f"names place {ref.get('place')!r}, which is not one of its via towns "
                    "(give the ref a lon/lat, or name a via town)")
            along = by_name[key]
        pairs.append((road_km, along))
    # several refs at one road km: average their positions
    grouped: dict[float, list[float]] = {}
    for rk, ck in pairs:
        grouped.setdefault(rk, []).append(ck)
    return sorted((rk, float(np.mean(cks))) for rk, cks in grouped.items())


def resolve_km_post(corridors: gpd.GeoDataFrame, road: str,
                    km: float) -> tuple[str, float, float]:
    """Place a road kilometre post (e.g. PE-3S km 1410) on a corridor.

    The corridor's ``km_refs`` give road kilometre posts at known via towns (e.g. PE-3S km 1294
    at Calapuja, km 1380 at Chucuito). The post is placed by linear interpolation between the
    two references on that road that bracket it, or by extrapolation from the two outermost
    ones up to ``MAX_KM_POST_EXTRAPOLATION_KM`` beyond them. A ref is located at its ``place``
    (which must be a via town, the via list matching the line's vertices), or at its ``lon`` /
    ``lat`` when given.

    Parameters
    ----------
    corridors : geopandas.GeoDataFrame
        Corridors with ``id``, ``km_refs`` (list of ``{"km", "place", "road"}``) and ``via``.
    road : str
        National route, e.g. ``"PE-3S"`` (case, spaces and hyphens are ignored).
    km : float
        The kilometre post.

    Returns
    -------
    tuple
        ``(corridor_id, lon, lat)``.

    Raises
    ------
    ValueError
        When no corridor has at least two km_refs on ``road``, or ``km`` lies more than
        ``MAX_KM_POST_EXTRAPOLATION_KM`` outside every corridor's referenced range, or the
        position falls beyond the corridor's ends.
    """
    if not isinstance(road, str) or not road.strip():
        raise TypeError("road must be a non-empty string such as 'PE-3S'")
    if isinstance(km, bool) or not isinstance(km, (int, float, np.number)) or not math.isfinite(km):
        raise TypeError(f"km must be a finite number, got {km!r}")
    corridors = check_corridors(corridors)
    if "km_refs" not in corridors.columns:
        raise ValueError("corridors have no km_refs column: kilometre posts cannot be placed")
    road_n = _norm_road(road)
    km = float(km)

    candidates = []  # (distance outside the referenced range, cid, measured, pairs)
    too_few = []
    for rec in corridors.to_dict("records"):
        cid = str(rec["id"])
        m = _Measured(rec["geometry"], f"corridor {cid!r} geometry")
        pairs = _ref_positions(rec, road_n, m)
        if len(pairs) == 1:
            too_few.append(cid)
        if len(pairs) < 2:
            continue
        lo, hi = pairs[0][0], pairs[-1][0]
        outside = max(lo - km, km - hi, 0.0)
        candidates.append((outside, cid, m, pairs))
    if not candidates:
        extra = (f" ({', '.join(too_few)} has only one)" if too_few else "")
        raise ValueError(f"no corridor has at least 2 km_refs on {road}: cannot place km {km:g}"
                         + extra)
    candidates.sort(key=lambda c: c[0])
    outside, cid, m, pairs = candidates[0]
    if outside > MAX_KM_POST_EXTRAPOLATION_KM:
        ranges = ", ".join(f"{c[1]} km {c[3][0][0]:g}-{c[3][-1][0]:g}" for c in candidates)
        raise ValueError(f"{road} km {km:g} is more than {MAX_KM_POST_EXTRAPOLATION_KM:g} km "
                         f"outside the referenced range ({ranges})")
    road_kms = [p[0] for p in pairs]
    i = int(np.searchsorted(road_kms, km))
    i = min(max(i, 1), len(pairs) - 1)
    (k0, c0), (k1, c1) = pairs[i - 1], pairs[i]
    along_km = c0 + (km - k0) * (c1 - c0) / (k1 - k0)
    length_km = m.length_m / 1000.0
    if along_km < -0.5 or along_km > length_km + 0.5:
        raise ValueError(f"{road} km {km:g} falls {along_km:.1f} km along corridor {cid!r}, "
                         f"beyond its ends (0 to {length_km:.1f} km)")
    lon, lat = m.point_at(min(max(along_km, 0.0), length_km) * 1000.0)
    return cid, lon, lat
