"""The PostGIS store's schema and its rows: the SQL both the store and its editor speak.

The schema is ``postgis_schema.sql`` beside this module (package data), run whole by
``blockade-map db init``. Here are the names it defines that code needs (:data:`SCHEMA`, the
tables, the events table's indexes read from the file) and the conversions between the
folder's values (GeoJSON Features, change-log entries, counts rows) and table rows.
"""
from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from importlib import resources
from typing import Any, TypedDict

from geo.core.dataset import DatasetInfo
from geo.core.frames import events_frame
from geo.core.model import Problem

SCHEMA = "blockade_map"
SCHEMA_VERSION = 1
#: The schema, as ``db init`` runs it.
DDL = resources.files("geo.store").joinpath("postgis_schema.sql").read_text(encoding="utf-8")
#: The events table's indexes beside its primary key (``CREATE ... INDEX ... events_*`` in the
#: schema): a bulk load drops them and builds them again once.
EVENT_INDEXES: dict[str, str] = {
    m.group(2): m.group(0) for m in re.finditer(
        rf"CREATE (UNIQUE )?INDEX IF NOT EXISTS (events_\w+) ON {SCHEMA}\.events [^;]+", DDL)}
#: Every table a load replaces.
TABLES = ("events", "event_ids", "hotspots", "corridors", "reported_counts", "changelog", "changelog_base",
          "day_counts", "start_counts", "documents")
#: The events table's columns a write fills, in order.
EVENT_COLUMNS = ("id", "kind", "start_day", "end_day", "place", "region", "road", "km", "fatalities", "injured",
                 "detained", "geo_precision", "time_precision", "status", "lon", "lat", "feature")
_LOG_KEYS = ("seq", "tx", "tx_size", "who", "when", "action", "id", "before", "after", "reason", "undoes")

#: The day query's summaries counted from the events: the rows of each summary table.
COUNTS_FROM_EVENTS = {
    "day_counts": f"SELECT g::date, kind, region, count(*), sum(fatalities), sum(injured), sum(detained) "
                  f"FROM {SCHEMA}.events, generate_series(start_day, end_day, interval '1 day') AS g GROUP BY 1, 2, 3",
    "start_counts": f"SELECT start_day, kind, region, count(*), sum(fatalities), sum(injured), sum(detained) "
                    f"FROM {SCHEMA}.events GROUP BY 1, 2, 3",
}
#: Rebuilds the summaries from the events (after a bulk load, with the trigger off).
RECOUNT = "".join(f"INSERT INTO {SCHEMA}.{table} (day, kind, region, events, fatalities, injured, detained) {query};\n"
                  for table, query in COUNTS_FROM_EVENTS.items())


class StoredLayers(TypedDict):
    """Every layer of a PostGIS store read at one moment, as the folder holds it (see
    :meth:`geo.store.postgis.PostgisStore.collections`)."""

    #: The layers as FeatureCollections.
    events: dict
    hotspots: dict
    corridors: dict
    #: reported_counts.csv rows as dicts of strings.
    counts: list[dict]
    #: The stored dataset.json as parsed (any JSON value: it is checked into ``info``), or None.
    dataset: object
    #: ``dataset`` as a DatasetInfo (the defaults when absent or invalid), and what is wrong with it.
    info: DatasetInfo
    info_problems: list[Problem]


def filtered(where: str, params: list, kinds: Sequence[str], regions: Sequence[str]) -> tuple[str, list]:
    """``where`` narrowed to the given kinds and regions (none given: all), with its parameters."""
    if kinds:
        where += " AND kind = ANY(%s)"
        params = [*params, list(kinds)]
    if regions:
        where += " AND region = ANY(%s)"
        params = [*params, list(regions)]
    return where, params


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))  # one encoder: no set-up per value


def json_text(value: Any) -> str | None:
    """``value`` as compact JSON text for a ``json`` column (None stays NULL)."""
    return None if value is None else _ENCODER.encode(value)


def event_rows(features: Sequence[Mapping]) -> list[tuple]:
    """Column values (in :data:`EVENT_COLUMNS` order) of valid event Features, derived by
    :func:`geo.core.frames.events_frame` so the columns mean exactly what the frames mean."""
    frame = events_frame(list(features))
    road = [None if (r is None or r != r) else r for r in frame["road"].tolist()]
    km = [None if k != k else k for k in frame["km"].tolist()]
    columns = [frame[c].tolist() for c in ("id", "kind", "start", "end", "place", "region")]
    columns += [road, km]
    columns += [frame[c].tolist() for c in ("fatalities", "injured", "detained", "geo_precision", "time_precision",
                                             "status", "lon", "lat")]
    columns.append([json_text(f) for f in features])
    return list(zip(*columns, strict=False))


def collection(stored: Mapping | None, features: list) -> dict:
    """A FeatureCollection of ``features`` with the stored members (``name``, ``crs`` ...) of its layer."""
    out = dict(stored or {"type": "FeatureCollection", "features": []})
    out.setdefault("type", "FeatureCollection")
    out["features"] = features
    return out


def members(layer: Mapping) -> dict:
    """A FeatureCollection's members with an empty feature list (kept in order, for the dump)."""
    return {k: ([] if k == "features" else v) for k, v in layer.items()}


def entry_from_row(row: Sequence) -> dict:
    """A change-log entry from a row of :data:`LOG_SELECT`."""
    seq, tx, tx_size, who, at, action, event_id, before, after, reason, undoes, extra = row
    entry = {"seq": seq, "tx": tx, "tx_size": tx_size, "who": who, "when": at, "action": action, "id": event_id,
             "before": before, "after": after, "reason": reason}
    if undoes is not None:
        entry["undoes"] = undoes
    entry.update(extra or {})
    return entry


def log_row(entry: Mapping) -> tuple:
    """The changelog table's row of a change-log entry (the columns of :data:`LOG_SELECT`)."""
    extra = {k: v for k, v in entry.items() if k not in _LOG_KEYS}
    return (entry["seq"], entry["tx"], entry["tx_size"], entry["who"], entry["when"], entry["action"], entry["id"],
            json_text(entry.get("before")), json_text(entry.get("after")), entry.get("reason") or "",
            entry.get("undoes"), json_text(extra) if extra else None)


#: The change log's columns, in :func:`entry_from_row` order.
LOG_SELECT = (f"SELECT seq, tx, tx_size, who, at, action, event_id, before, after, reason, undoes, extra "
              f"FROM {SCHEMA}.changelog")
