"""Road kilometre posts (PE-3S km 1380) placed on the corridors through their ``km_refs``,
across corridors that continue one another on the same road."""
from __future__ import annotations

import itertools
import json
import math
from collections.abc import Mapping
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo.core.frames import corridors_frame
from geo.core.i18n import N_
from geo.core.model import message
from geo.core.text import fold
from geo.network.measure import Measured, check_corridors, vertex_km

__all__ = ["MAX_KM_POST_EXTRAPOLATION_KM", "corridors_with_chains", "resolve_km_post"]

#: How far (in road kilometres) :func:`resolve_km_post` extrapolates beyond the outermost
#: kilometre posts a corridor references before refusing.
MAX_KM_POST_EXTRAPOLATION_KM: float = 20.0


def corridors_with_chains(corridors):
    """The corridors plus, for each road, chains of corridors that continue one another.

    Two corridors carrying kilometre references on the same road are chained when one ends where
    the other starts (e.g. Cusco–Juliaca and Juliaca–Desaguadero on PE-3S), so a kilometre post
    between their references is interpolated along both instead of extrapolated from one.
    """
    records = corridors.to_dict("records")
    extra = []
    for a, b in itertools.permutations(records, 2):
        roads_a = {r.get("road") for r in _refs(a)}
        shared = roads_a & {r.get("road") for r in _refs(b)}
        ca, cb = list(a["geometry"].coords), list(b["geometry"].coords)
        if not shared or a["geometry"].geom_type != "LineString" or ca[-1] != cb[0]:
            continue
        via_a, via_b = list(a.get("via") or []), list(b.get("via") or [])
        extra.append({
            "type": "Feature", "id": f"{a['id']}+{b['id']}",
            "geometry": {"type": "LineString", "coordinates": [list(c) for c in ca + cb[1:]]},
            "properties": {"name": f"{a.get('name')} + {b.get('name')}", "roads": sorted(r for r in shared if r),
                           "from": via_a[0] if via_a else "", "to": via_b[-1] if via_b else "",
                           "via": via_a + via_b[1:],
                           "km_refs": [r for r in _refs(a) + _refs(b) if r.get("road") in shared],
                           "sources": []},
        })
    if not extra:
        return corridors
    return pd.concat([corridors, corridors_frame(extra)], ignore_index=True)


def _refs(record: Mapping) -> list[dict]:
    refs = record.get("km_refs")
    if isinstance(refs, str):
        refs = json.loads(refs)
    return list(refs) if isinstance(refs, (list, tuple)) else []


def _norm_road(road: str) -> str:
    return "".join(ch for ch in str(road).upper() if ch.isalnum())


def _ref_positions(row: Mapping[str, Any], road_n: str, m: Measured) -> list[tuple[float, float]]:
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
        for name, k in zip(via_list, kms, strict=True):
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
    """Place a road kilometre post (e.g. PE-3S km 1410) on a corridor: the one resolver the
    place search, the data audit and the command line share.

    Corridors that continue one another on the same road are chained first
    (:func:`corridors_with_chains`), so a post between the last reference of one and the first
    of the next is interpolated along both. The corridor's ``km_refs`` give road kilometre posts at
    known via towns (e.g. PE-3S km 1294
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
        ``(corridor_id, lon, lat)``; the id of a chain is its corridors' ids joined by ``+``.

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
        raise ValueError(message(N_("corridors have no km_refs column: kilometre posts cannot be placed")))
    corridors = corridors_with_chains(corridors)
    road_n = _norm_road(road)
    km = float(km)

    candidates = []  # (distance outside the referenced range, cid, measured, pairs)
    too_few = []
    for rec in corridors.to_dict("records"):
        cid = str(rec["id"])
        m = Measured(rec["geometry"], f"corridor {cid!r} geometry")
        pairs = _ref_positions(rec, road_n, m)
        if len(pairs) == 1:
            too_few.append(cid)
        if len(pairs) < 2:
            continue
        lo, hi = pairs[0][0], pairs[-1][0]
        outside = max(lo - km, km - hi, 0.0)
        candidates.append((outside, cid, m, pairs))
    if not candidates:
        if too_few:
            raise ValueError(message(N_("no corridor has at least 2 km_refs on {road}: cannot place km {km} ({ids} "
                                        "has only one)"), road=road, km=f"{km:g}", ids=", ".join(too_few)))
        raise ValueError(message(N_("no corridor has at least 2 km_refs on {road}: cannot place km {km}"),
                                 road=road, km=f"{km:g}"))
    candidates.sort(key=lambda c: c[0])
    outside, cid, m, pairs = candidates[0]
    if outside > MAX_KM_POST_EXTRAPOLATION_KM:
        ranges = ", ".join(f"{c[1]} km {c[3][0][0]:g}-{c[3][-1][0]:g}" for c in candidates)
        raise ValueError(message(N_("{road} km {km} is more than {limit} km outside the referenced range ({ranges})"),
                                 road=road, km=f"{km:g}", limit=f"{MAX_KM_POST_EXTRAPOLATION_KM:g}", ranges=ranges))
    road_kms = [p[0] for p in pairs]
    i = int(np.searchsorted(road_kms, km))
    i = min(max(i, 1), len(pairs) - 1)
    (k0, c0), (k1, c1) = pairs[i - 1], pairs[i]
    along_km = c0 + (km - k0) * (c1 - c0) / (k1 - k0)
    length_km = m.length_m / 1000.0
    if along_km < -0.5 or along_km > length_km + 0.5:
        raise ValueError(message(N_("{road} km {km} falls {along} km along corridor {id}, beyond its ends (0 to "
                                    "{length} km)"), road=road, km=f"{km:g}", along=f"{along_km:.1f}", id=repr(cid),
                                 length=f"{length_km:.1f}"))
    lon, lat = m.point_at(min(max(along_km, 0.0), length_km) * 1000.0)
    return cid, lon, lat
