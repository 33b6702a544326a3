"""PostGIS for GIS users: what ``blockade-map db init`` adds to the store's tables so that QGIS
(or psql, or any SQL client) can read and edit them safely.

The SQL is in ``gis.sql`` beside this module (see its header): an edit of an event's columns or
point made in SQL is applied as a logged change (the Feature rewritten, the row version bumped, a
change-log entry, the day tables in step) or refused with the reason; constraints on kinds,
dates, counts and precisions; a comment on every table and column; typed geometry columns
(Points for events and hotspots, LineStrings for corridors); functions for spatial queries that
use the index (:data:`NEAR_QUERY`).
"""
from __future__ import annotations

from collections.abc import Mapping
from importlib import resources
from typing import Any

#: The SQL run after the store's own tables exist (idempotent).
GIS_SQL = resources.files("geo.store").joinpath("gis.sql")
#: Events within some metres of a point, through the spatial index (parameters: lon, lat, metres).
NEAR_QUERY = "SELECT id FROM blockade_map.events_near(%s, %s, %s) ORDER BY id"


def gis_sql() -> str:
    """The text of ``gis.sql``."""
    return GIS_SQL.read_text(encoding="utf-8")


def install(store: Any) -> None:
    """Add the GIS editing rules, constraints, comments and query functions to an initialised
    PostGIS store (``store`` is a :class:`geo.store.postgis.PostgisStore`), in one transaction.

    Raises
    ------
    geo.core.model.DataError
        When the database holds data the constraints refuse (named by PostgreSQL's message), or
        a corridor that is not a LineString.
    """
    import psycopg

    from geo.core.i18n import N_
    from geo.core.model import DataError, Problem
    try:
        with store.transaction() as cur:
            cur.execute(gis_sql())
    except psycopg.Error as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise DataError([Problem(store.location, "(database)", "", N_("cannot set up editing from a GIS: {error}"),
                                 {"error": first})]) from None


def corridor_problems(store: Any, corridors: Mapping) -> list:
    """Problems of corridors a database set up for GIS users cannot hold: its corridors are typed
    LineString, so a MultiLineString corridor is named (with what to do) before a load starts."""
    from geo.core.i18n import N_
    from geo.core.model import Problem
    with store.connection() as conn:
        typed = conn.execute("SELECT type FROM public.geometry_columns WHERE f_table_schema = 'blockade_map' "
                             "AND f_table_name = 'corridors' AND f_geometry_column = 'geom'").fetchone()
    if not typed or typed[0] != "LINESTRING":
        return []
    out = []
    for i, feature in enumerate(corridors.get("features") or []):
        kind = (feature.get("geometry") or {}).get("type") if isinstance(feature, Mapping) else None
        if kind != "LineString":
            out.append(Problem("corridors.geojson", str(feature.get("id") or f"feature #{i + 1}"), "geometry",
                               N_("is a {kind}: this database types corridors as LineStrings (for GIS users); join "
                                  "its parts into one line, or make each part a corridor of its own"), {"kind": kind}))
    return out
