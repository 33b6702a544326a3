"""The layers in memory: frames built from valid Features, and plain records back.

Events are a plain DataFrame whose points are its ``lon`` and ``lat`` columns: a shapely point
per event was some 13 MB of the resident memory at 100,000 events, and most readers need only
the coordinates; :func:`event_points` makes the points for those that need geometry.
Hotspots and corridors are GeoDataFrames. Dates stay ``YYYY-MM-DD`` strings (no datetime
conversion leaks into the map); ``end`` is filled with ``start`` where absent, counts default
to 0 and regions are spelled as the dataset spells them. Every store (a folder, PostGIS)
builds its frames here.
"""
from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo.core.model import ANYWHERE, COUNTS_COLUMNS, Scope

CRS = "EPSG:4326"
EVENT_COLUMNS = [
    "id", "kind", "start", "end", "place", "region", "road", "km", "fatalities", "injured",
    "detained", "geo_precision", "time_precision", "status", "sources", "description",
    "description_es", "description_en", "place_es", "place_en", "lon", "lat",
]
#: Text columns of the events frame kept as categoricals (each distinct text once, a small code per
#: row) instead of one string per row: a few kinds, regions and roads, some thousand places, and
#: the translations that most events lack. At 100,000 events that is some 10 MB less resident
#: memory. They read like text columns (``==``, ``isin``, ``.tolist()``, ``itertuples`` give str);
#: but ``value_counts`` lists every category, and a new value must be added to the categories
#: first (or the columns turned to text with :func:`labels_as_text`).
CODED_COLUMNS = ("kind", "place", "region", "road", "status", "place_es", "place_en", "description_es",
                 "description_en")
HOTSPOT_COLUMNS = ["id", "name", "region", "start", "end", "level", "sources", "description", "lon", "lat"]
CORRIDOR_COLUMNS = ["id", "name", "roads", "from", "to", "via", "sources", "km_refs"]


#: One encoder for every event's sources (no set-up per value); compact, text kept as written.
_SOURCES = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def pack_sources(sources: Sequence[Mapping[str, Any]]) -> str:
    """An event's sources as compact JSON text: how the events frame keeps them.

    One string per event (held in the frame's Arrow string column) instead of a list of dicts:
    at 100,000 events the dicts, their keys and their URL strings were some 48 MB of Python
    objects, the text is 14 MB. :func:`event_sources` reads it back.

    >>> pack_sources([{"name": "Andina", "url": "https://andina.pe/", "published": "2023-01-09"}])
    '[{"name":"Andina","url":"https://andina.pe/","published":"2023-01-09"}]'
    """
    return _SOURCES.encode([dict(src) for src in sources])


def event_sources(value: Any) -> list[dict]:
    """The ``sources`` cell of an events frame as the contract's list of dicts (``name``, ``url``,
    ``published`` and any other member), whether the frame keeps them packed (:func:`pack_sources`,
    as :func:`events_frame` does) or as a list (a frame built by hand); a new list each call.

    >>> event_sources('[{"name":"Andina","url":"https://andina.pe/","published":"2023-01-09"}]')[0]["name"]
    'Andina'
    """
    if isinstance(value, str):
        return list(json.loads(value))
    if isinstance(value, (list, tuple)):
        return list(value)
    raise TypeError(f"an event's sources must be a list or its packed text, got {type(value).__name__}")


def _points(features: Sequence[Mapping]) -> tuple[np.ndarray, np.ndarray]:
    coords = np.array([f["geometry"]["coordinates"][:2] for f in features], dtype=float).reshape(-1, 2)
    return coords[:, 0], coords[:, 1]


def events_frame(features: Sequence[Mapping], scope: Scope = ANYWHERE) -> pd.DataFrame:
    """Valid event Features as a DataFrame with one column per contract field and the point as
    ``lon``, ``lat`` (no geometry column: :func:`event_points` makes one); ``sources`` packed as
    text (:func:`pack_sources`; read them with :func:`event_sources`)."""
    rows = []
    for f in features:
        p = f["properties"]
        rows.append({
            "id": f["id"], "kind": p["kind"], "start": p["start"], "end": p.get("end") or p["start"],
            "place": p["place"], "region": scope.region(p["region"]) or p["region"],
            "road": p.get("road"), "km": p.get("km"),
            "fatalities": p.get("fatalities") or 0, "injured": p.get("injured") or 0,
            "detained": p.get("detained") or 0, "geo_precision": p["geo_precision"],
            "time_precision": p.get("time_precision") or 1, "status": p.get("status") or "reported",
            "sources": pack_sources(p["sources"]), "description": p.get("description") or "",
            "description_es": p.get("description_es") or "", "description_en": p.get("description_en") or "",
            "place_es": p.get("place_es") or "", "place_en": p.get("place_en") or "",
        })
    frame = pd.DataFrame(rows, columns=EVENT_COLUMNS[:-2])
    lon, lat = _points(features)
    frame["lon"], frame["lat"] = lon, lat
    frame["km"] = pd.to_numeric(frame["km"], errors="coerce").astype(float)
    # counts in 32 bits, precision codes (1 to 3) in 8: a quarter of int64's memory for the five columns
    for col in ("fatalities", "injured", "detained"):
        frame[col] = frame[col].astype("int32")
    for col in ("geo_precision", "time_precision"):
        frame[col] = frame[col].astype("int8")
    for col in CODED_COLUMNS:
        frame[col] = frame[col].astype("category")
    return frame


def labels_as_text(events: pd.DataFrame) -> pd.DataFrame:
    """``events`` with its categorical labels (:data:`CODED_COLUMNS`) as text columns (``str``),
    e.g. to set new values in them or to compare with rows read elsewhere.

    >>> labels_as_text(pd.DataFrame({"kind": pd.Categorical(["clash"])}))["kind"].dtype
    <StringDtype(na_value=nan)>
    """
    coded = {c: "str" for c in CODED_COLUMNS if c in events.columns}
    return events.astype(coded) if coded else events


def event_lonlat(events: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Longitudes and latitudes (WGS 84) of an events frame's points, as float arrays.

    From the ``lon`` and ``lat`` columns of a frame made by :func:`events_frame`; from the
    geometry of a GeoDataFrame (reprojected to EPSG:4326 when it has another CRS; NaN where a
    geometry is missing, empty or not a point). TypeError for anything else; ValueError for a
    frame without either, or a GeoDataFrame without a CRS.

    >>> event_lonlat(pd.DataFrame({"lon": [-70.02], "lat": [-15.5]}))
    (array([-70.02]), array([-15.5]))
    """
    if isinstance(events, gpd.GeoDataFrame) and events.active_geometry_name is not None:
        if events.crs is None:
            raise ValueError("events has no CRS; expected EPSG:4326 (WGS 84 lon/lat)")
        geoms = (events.geometry if events.crs.to_epsg() == 4326 else events.geometry.to_crs(CRS)).to_numpy()
        point = np.zeros(len(geoms), dtype=bool)
        if len(geoms):
            point = (shapely.get_type_id(geoms) == 0) & ~shapely.is_empty(geoms)
        lon, lat = np.full(len(geoms), np.nan), np.full(len(geoms), np.nan)
        lon[point], lat[point] = shapely.get_x(geoms[point]), shapely.get_y(geoms[point])
        return lon, lat
    if not isinstance(events, pd.DataFrame):
        raise TypeError(f"events must be a DataFrame, got {type(events).__name__}")
    if "lon" not in events.columns or "lat" not in events.columns:
        raise ValueError("events lacks its points: columns 'lon' and 'lat', or a geometry")
    return (pd.to_numeric(events["lon"], errors="coerce").to_numpy(dtype=float),
            pd.to_numeric(events["lat"], errors="coerce").to_numpy(dtype=float))


def event_points(events: pd.DataFrame) -> gpd.GeoSeries:
    """The events' points as a GeoSeries (EPSG:4326, the frame's index), made when asked for:
    the events frame keeps only ``lon`` and ``lat`` (see the module's docstring). A missing
    point (NaN) is None.

    >>> event_points(pd.DataFrame({"lon": [-70.02], "lat": [-15.5]}))[0].wkt
    'POINT (-70.02 -15.5)'
    """
    lon, lat = event_lonlat(events)
    known = ~(np.isnan(lon) | np.isnan(lat))
    geoms = np.full(len(lon), None, dtype=object)
    geoms[known] = shapely.points(lon[known], lat[known])
    return gpd.GeoSeries(geoms, index=events.index, crs=CRS)


def hotspots_frame(features: list[dict], scope: Scope = ANYWHERE) -> gpd.GeoDataFrame:
    """Valid hotspot Features as a GeoDataFrame (``end`` filled with ``start`` when absent)."""
    rows = []
    for i, f in enumerate(features):
        p = f["properties"]
        rows.append({
            "id": f.get("id") or f"hotspot-{i + 1}", "name": p["name"],
            "region": scope.region(p["region"]) or p["region"], "start": p["start"],
            "end": p.get("end") or p["start"], "level": int(p["level"]), "sources": p["sources"],
            "description": p.get("description") or "",
        })
    frame = pd.DataFrame(rows, columns=HOTSPOT_COLUMNS[:-2])
    lon, lat = _points(features)
    frame["lon"], frame["lat"] = lon, lat
    return gpd.GeoDataFrame(frame, geometry=shapely.points(lon, lat), crs=CRS)


def corridors_frame(features: list[dict]) -> gpd.GeoDataFrame:
    """Valid corridor Features as a GeoDataFrame of (Multi)LineStrings."""
    rows, geoms = [], []
    for f in features:
        p = f["properties"]
        rows.append({
            "id": f["id"], "name": p["name"], "roads": list(p["roads"]), "from": p["from"],
            "to": p["to"], "via": list(p.get("via") or []), "sources": p["sources"],
            "km_refs": list(p.get("km_refs") or []),
        })
        geoms.append(shapely.geometry.shape(f["geometry"]))
    frame = pd.DataFrame(rows, columns=CORRIDOR_COLUMNS)
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(geoms, crs=CRS), crs=CRS)


def counts_frame(rows: Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    """reported_counts.csv rows as a DataFrame with integer values."""
    frame = pd.DataFrame(rows, columns=list(COUNTS_COLUMNS))
    frame["value"] = pd.to_numeric(frame["value"]).astype("int64") if len(frame) else pd.Series(dtype="int64")
    return frame


def event_record(row: Any) -> dict:
    """The plain-dict form of one events-frame row (contract fields, ``end`` filled, lon/lat)."""
    record = {
        "id": row.id, "kind": row.kind, "start": row.start, "end": row.end, "place": row.place,
        "region": row.region, "fatalities": int(row.fatalities), "injured": int(row.injured),
        "detained": int(row.detained), "geo_precision": int(row.geo_precision),
        "time_precision": int(row.time_precision), "status": row.status,
        "lon": float(row.lon), "lat": float(row.lat), "sources": event_sources(row.sources),
        "description": row.description,
    }
    for name in ("description_es", "description_en", "place_es", "place_en"):
        value = getattr(row, name, "")
        if value:
            record[name] = value
    if isinstance(row.road, str) and row.road:
        record["road"] = row.road
    if row.km == row.km and row.km is not None:  # not NaN
        record["km"] = float(row.km)
    return record


def event_feature(record: Mapping[str, Any]) -> dict:
    """The contract's GeoJSON Feature of one record: every property, ``end`` written out."""
    props: dict[str, Any] = {"kind": record["kind"], "start": record["start"], "end": record["end"],
                             "place": record["place"], "region": record["region"]}
    for name in ("place_es", "place_en"):
        if record.get(name):
            props[name] = record[name]
    if record.get("road"):
        props["road"] = record["road"]
    if record.get("km") is not None:
        km = float(record["km"])
        props["km"] = int(km) if km.is_integer() else km
    for name in ("fatalities", "injured", "detained", "geo_precision", "time_precision"):
        props[name] = int(record[name])
    props["status"] = record["status"]
    props["sources"] = [dict(src) for src in record["sources"]]
    for name in ("description", "description_es", "description_en"):
        if record.get(name):
            props[name] = record[name]
    return {"type": "Feature", "id": record["id"],
            "geometry": {"type": "Point", "coordinates": [record["lon"], record["lat"]]},
            "properties": props}
