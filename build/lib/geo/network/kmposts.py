"""Road kilometre posts across corridors that continue one another on the same road."""
from __future__ import annotations

import itertools
import json
from collections.abc import Mapping

import pandas as pd

from geo.core.frames import corridors_frame
from geo.network.corridors import resolve_km_post


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
            "properties": {"name": f"{a.get('name')} + {b.get('name')}", "roads": sorted(shared),
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


def place_km_post(corridors, road: str, km: float) -> tuple[float, float] | None:
    """``(lon, lat)`` of a road kilometre post, through the corridors' ``km_refs`` (chains included).

    Returns None when no corridor can place it.
    """
    if corridors is None or not len(corridors):
        return None
    try:
        _, lon, lat = resolve_km_post(corridors_with_chains(corridors), road, float(km))
    except (ValueError, TypeError):
        return None
    return lon, lat
