"""Geocoding for the intake: a place name or a road kilometre post -> candidate points.

Names go to the gazetteer (:mod:`geo.places.gazetteer`: GeoNames plus the project's named sites;
accent- and case-insensitive, tolerant of small misspellings, with a region hint). A road
kilometre post such as ``PE-3S km 1380`` is placed on the corridor that carries kilometre
references for that road (:func:`geo.network.kmposts.resolve_km_post`).
"""
from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from geo.core.geodesy import distance_m
from geo.core.i18n import N_
from geo.core.model import MAX_KM, MAX_NAME, message
from geo.network.kmposts import resolve_km_post
from geo.places.gazetteer import Gazetteer, Place, default_gazetteer

#: ``PE-3S km 1380``, ``pe3s km. 1380,5``, ``PE-1S, km 913``.
_KM_POST = re.compile(r"^\s*(PE[\s\-]?\d{1,3}[A-Z]?)\s*[,;]?\s*(?:km\.?|kil[oó]metro)\s*(\d+(?:[.,]\d+)?)\s*$",
                      re.IGNORECASE)


@dataclass(frozen=True)
class Candidate:
    """One answer to a geocoding query (``score`` 0-100, best first in a result list)."""

    name: str
    region: str
    province: str | None
    lon: float
    lat: float
    score: float
    kind: str = "town"
    source: str = ""

    def to_json(self) -> dict[str, Any]:
        """``{"name", "region", "province", "lon", "lat", "score", "kind", "source"}``."""
        return asdict(self)


def parse_km_post(text: str) -> tuple[str, float] | None:
    """``(road, km)`` for a kilometre-post query such as ``PE-3S km 1380``; None otherwise.

    Examples
    --------
    >>> parse_km_post("pe 3s km. 1380,5")
    ('PE-3S', 1380.5)
    >>> parse_km_post("Juliaca") is None
    True
    """
    if not isinstance(text, str):
        raise TypeError(f"expected a str, got {type(text).__name__}")
    m = _KM_POST.match(text)
    if not m:
        return None
    road = re.sub(r"^PE[\s\-]?", "PE-", m.group(1).upper())
    return road, float(m.group(2).replace(",", "."))


def _gazetteer(gazetteer: Gazetteer | None) -> Gazetteer:
    return gazetteer if gazetteer is not None else default_gazetteer()


def nearest_place(lon: float, lat: float, gazetteer: Gazetteer | None = None) -> tuple[Place, float]:
    """The gazetteer place nearest to a point, and its distance in metres.

    Returns
    -------
    (Place, float)
    """
    gaz = _gazetteer(gazetteer)
    if not len(gaz):
        raise LookupError("the gazetteer is empty")
    xs = np.array([p.lon for p in gaz.places], dtype=float)
    ys = np.array([p.lat for p in gaz.places], dtype=float)
    dist = distance_m(float(lon), float(lat), xs, ys)
    i = int(np.argmin(dist))
    return gaz.places[i], float(dist[i])


def geocode(name: str, region: str | None = None, limit: int = 5, gazetteer=None,
            corridors=None) -> list[Candidate]:
    """Candidate points for a place name or a road kilometre post, best first.

    Parameters
    ----------
    name : str
        A place ("Añashuayco bridge", "juliaca", "Sicuany") or a kilometre post ("PE-3S km 1380").
    region : str, optional
        Department hint ("Puno"): among namesakes the one there ranks first.
    limit : int
        Maximum number of candidates.
    gazetteer : geo.places.gazetteer.Gazetteer, optional
        Defaults to the bundled one.
    corridors : GeoDataFrame, optional
        Corridors with ``km_refs``, needed for kilometre posts.

    Returns
    -------
    list of Candidate
        Empty when nothing is close enough.

    Raises
    ------
    ValueError
        For an unknown region hint, or a kilometre post no corridor can place.
    """
    if not isinstance(name, str) or not name.strip():
        raise ValueError(message(N_("give a place name, e.g. 'Juliaca' or 'PE-3S km 1380'")))
    if len(name) > MAX_NAME:
        raise ValueError(message(N_("a place name is at most {limit} characters; this one has {length}"),
                                 limit=MAX_NAME, length=f"{len(name):,}"))
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise ValueError(f"limit must be a positive int, got {limit!r}")
    hint = None
    if region:
        hint = _gazetteer(gazetteer).check_region(region)
    post = parse_km_post(name)
    if post is not None:
        if not math.isfinite(post[1]):
            raise ValueError(message(N_("{road}: the kilometre has too many digits (posts go up to {limit})"),
                                     road=post[0], limit=f"{MAX_KM:,}"))
        return [_km_post_candidate(post[0], post[1], corridors, gazetteer)]
    gaz = _gazetteer(gazetteer)
    return [Candidate(p.name, p.region, p.province, p.lon, p.lat, float(score), p.kind, p.source)
            for p, score in gaz.search(name.strip(), region=hint, limit=limit)]


def _km_post_candidate(road: str, km: float, corridors, gazetteer) -> Candidate:
    if corridors is None or not len(corridors):
        raise ValueError(message(N_("{road} km {km}: no corridors loaded, so kilometre posts cannot be placed"),
                                 road=road, km=f"{km:g}"))
    corridor_id, lon, lat = resolve_km_post(corridors, road, km)
    near, _ = nearest_place(lon, lat, gazetteer)
    return Candidate(f"{road} km {km:g}", near.region, near.province, round(lon, 5), round(lat, 5), 100.0,
                     "km_post", f"corridor:{corridor_id} (near {near.name})")
