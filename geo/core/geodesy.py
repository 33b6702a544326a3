"""Distances on the WGS 84 ellipsoid (``pyproj.Geod``): the one way the project measures them.

>>> round(distance_m(-70.13333, -15.5, -70.02198, -15.84003))
39474
"""
from __future__ import annotations

from typing import Any

import numpy as np
from pyproj import Geod

WGS84 = Geod(ellps="WGS84")


def distance_m(lon1: Any, lat1: Any, lon2: Any, lat2: Any) -> Any:
    """Geodesic distance in metres between points; numbers or arrays (broadcast)."""
    arrays = np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in (lon1, lat1, lon2, lat2)))
    if arrays[0].ndim == 0:
        return float(WGS84.inv(float(arrays[0]), float(arrays[1]), float(arrays[2]), float(arrays[3]))[2])
    dist = np.asarray(WGS84.inv(arrays[0].ravel(), arrays[1].ravel(), arrays[2].ravel(), arrays[3].ravel())[2])
    return dist.reshape(arrays[0].shape)
