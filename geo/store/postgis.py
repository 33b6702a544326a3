"""A PostGIS store: the data layers and the change log in PostgreSQL, behind the folder's interface.

``--data postgresql://USER[:PASSWORD]@HOST:PORT/DB`` (or ``$BLOCKADE_MAP_DATA``) selects it;
:class:`PostgisStore` answers like a data folder: :meth:`~PostgisStore.load` gives the same
:class:`geo.core.dataset.Dataset` (its frames built by the same ``events_frame`` & co. from the same
feature dicts), :meth:`~PostgisStore.editor` gives an object with the methods and semantics of
:class:`geo.store.editor.Editor`, and :meth:`~PostgisStore.version` changes whenever the data does.

Tables (schema ``blockade_map``, created by ``blockade-map db init``):

* ``events``: one row per event: the GeoJSON Feature as stored (``feature``, type ``json`` so
  that it comes back with its keys in order), the columns queries need (derived from it by
  :func:`geo.core.frames.events_frame`: ``kind``, ``start_day``/``end_day`` as dates, ``region``,
  counts, ``lon``/``lat`` and ``geom``, a Point in SRID 4326), its place in the layer
  (``ord``) and a ``row_version`` bumped by every change; GiST on ``geom`` and on the
  ``[start_day, end_day]`` range, b-tree on ``start_day`` and on ``end_day``; a bulk load
  stores the rows in start order, so that a day's events share pages;
* ``day_counts`` and ``start_counts``: per day, kind and region, the events active that day
  (and those that started that day) with their casualty sums, kept up to date by a trigger on
  ``events`` in the same transaction as each change: the day query reads a few dozen rows
  whatever the number of events (:meth:`PostgisStore.day_totals`);
* ``hotspots``, ``corridors`` (geometry columns, GiST), ``reported_counts``;
* ``changelog``: one row per changed event, the folder log's fields (``seq``, ``tx``, ``who``,
  ``when``, ``action``, ``id``, ``before``, ``after``, ``reason``, ``undoes``);
  ``changelog_base``: the events the log starts from; ``event_ids``: every id ever used, so
  that ids are never reused;
* ``meta``: one row: the schema version, a random ``instance`` made by ``db init``, and
  ``data_version``, bumped by every change, so :meth:`PostgisStore.version` is one cheap query.

Writing: every change is one transaction. Edits are optimistic: the event is read with its
``row_version``, the change is merged field by field with :func:`geo.store.editor.merge_event`
(a field someone else changed meanwhile is a :class:`~geo.store.editor.ConflictError` naming the
current value), and the row is updated only ``WHERE row_version`` is still the one read;
when another transaction got there first the whole change is retried on the fresh row.
The ``meta`` row is updated last in each transaction: it numbers the log entries gap-free
in commit order and makes the new ``data_version`` visible with the data, at once.
"""
from __future__ import annotations

import csv
import io
import json
import os
import random
import threading
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping, Sequence
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from geo.core.dataset import INFO_FILE, Dataset, default_info, parse_info
from geo.core.dates import check_day
from geo.core.frames import corridors_frame, counts_frame, events_frame, hotspots_frame
from geo.core.i18n import N_
from geo.core.model import (ANYWHERE, COUNTS_COLUMNS, KINDS, DataError, Problem, event_content, message, validate_collection, validate_counts_rows)
from geo.store.editor import (
    Change,
    Editor,
    Snapshot,
    check_retract,
    check_who,
    digest_bytes,
    log_entries,
    new_event_id,
    plan_additions,
    plan_edit,
    plan_undo,
    read_log,
    rebuild_from_log,
    undo_reason,
)
from geo.store.files import atomic_write, read_json_file
from geo.store.folder import FolderStore, dump_collection
from geo.store.layout import BASE_FILE, CORRIDORS_FILE, COUNTS_FILE, EVENTS_FILE, HOTSPOTS_FILE, LOG_FILE

SCHEMA = "blockade_map"
SCHEMA_VERSION = 1
URL_SCHEMES = ("postgresql://", "postgres://")
#: How often a change is retried when another transaction changed the same rows first.
WRITE_ATTEMPTS = 50

_EVENT_COLUMNS = ("id", "kind", "start_day", "end_day", "place", "region", "road", "km", "fatalities", "injured",
                  "detained", "geo_precision", "time_precision", "status", "lon", "lat", "feature")
_LOG_KEYS = ("seq", "tx", "tx_size", "who", "when", "action", "id", "before", "after", "reason", "undoes")

DDL = f"""
CREATE SCHEMA IF NOT EXISTS {SCHEMA};

CREATE TABLE IF NOT EXISTS {SCHEMA}.meta (
    one boolean PRIMARY KEY DEFAULT true CHECK (one),
    schema_version integer NOT NULL,
    instance text NOT NULL,
    data_version bigint NOT NULL DEFAULT 0,
    last_seq bigint NOT NULL DEFAULT 0,
    layers json NOT NULL DEFAULT '{{}}'
);

CREATE SEQUENCE IF NOT EXISTS {SCHEMA}.event_ord;

CREATE TABLE IF NOT EXISTS {SCHEMA}.events (
    id text COLLATE "C" PRIMARY KEY,
    ord bigint NOT NULL DEFAULT nextval('{SCHEMA}.event_ord'),
    row_version integer NOT NULL DEFAULT 1,
    kind text NOT NULL,
    start_day date NOT NULL,
    end_day date NOT NULL,
    place text NOT NULL,
    region text NOT NULL,
    road text,
    km double precision,
    fatalities integer NOT NULL,
    injured integer NOT NULL,
    detained integer NOT NULL,
    geo_precision smallint NOT NULL,
    time_precision smallint NOT NULL,
    status text NOT NULL,
    lon double precision NOT NULL,
    lat double precision NOT NULL,
    geom geometry(Point, 4326) GENERATED ALWAYS AS (ST_SetSRID(ST_MakePoint(lon, lat), 4326)) STORED,
    feature json NOT NULL,
    CHECK (end_day >= start_day)
) WITH (toast_tuple_target = 128);
{{event_indexes}}

CREATE TABLE IF NOT EXISTS {SCHEMA}.event_ids (
    id text COLLATE "C" PRIMARY KEY
);

CREATE TABLE IF NOT EXISTS {SCHEMA}.hotspots (
    ord bigint PRIMARY KEY,
    id text COLLATE "C",
    name text NOT NULL,
    region text NOT NULL,
    start_day date NOT NULL,
    end_day date NOT NULL,
    level smallint NOT NULL,
    geom geometry(Point, 4326) NOT NULL,
    feature json NOT NULL
);
CREATE INDEX IF NOT EXISTS hotspots_geom ON {SCHEMA}.hotspots USING gist (geom);
CREATE INDEX IF NOT EXISTS hotspots_start ON {SCHEMA}.hotspots (start_day);
CREATE INDEX IF NOT EXISTS hotspots_end ON {SCHEMA}.hotspots (end_day);

CREATE TABLE IF NOT EXISTS {SCHEMA}.corridors (
    ord bigint PRIMARY KEY,
    id text COLLATE "C" NOT NULL UNIQUE,
    name text NOT NULL,
    geom geometry(Geometry, 4326) NOT NULL,
    feature json NOT NULL
);
CREATE INDEX IF NOT EXISTS corridors_geom ON {SCHEMA}.corridors USING gist (geom);

CREATE TABLE IF NOT EXISTS {SCHEMA}.reported_counts (
    ord bigint PRIMARY KEY,
    day date NOT NULL,
    metric text NOT NULL,
    value bigint NOT NULL,
    reporter text NOT NULL,
    source_url text NOT NULL
);
CREATE INDEX IF NOT EXISTS reported_counts_day ON {SCHEMA}.reported_counts (day);

CREATE TABLE IF NOT EXISTS {SCHEMA}.changelog (
    seq bigint PRIMARY KEY,
    tx bigint NOT NULL,
    tx_size integer NOT NULL,
    who text NOT NULL,
    at text NOT NULL,
    action text NOT NULL,
    event_id text COLLATE "C" NOT NULL,
    before json,
    after json,
    reason text NOT NULL DEFAULT '',
    undoes bigint,
    extra json
);
CREATE INDEX IF NOT EXISTS changelog_event ON {SCHEMA}.changelog (event_id);

CREATE TABLE IF NOT EXISTS {SCHEMA}.changelog_base (
    ord bigint PRIMARY KEY,
    feature json NOT NULL
);

-- The day query's summaries, kept by a trigger on events: per day, kind and region, the events
-- active that day (day_counts) and the events that started that day (start_counts).
CREATE TABLE IF NOT EXISTS {SCHEMA}.day_counts (
    day date NOT NULL,
    kind text NOT NULL,
    region text NOT NULL,
    events bigint NOT NULL,
    fatalities bigint NOT NULL,
    injured bigint NOT NULL,
    detained bigint NOT NULL,
    PRIMARY KEY (day, kind, region)
);
CREATE TABLE IF NOT EXISTS {SCHEMA}.start_counts (LIKE {SCHEMA}.day_counts INCLUDING ALL);

CREATE OR REPLACE FUNCTION {SCHEMA}.count_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM {SCHEMA}.add_counts(OLD.start_day, OLD.end_day, OLD.kind, OLD.region, -1,
                                    -OLD.fatalities, -OLD.injured, -OLD.detained);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM {SCHEMA}.add_counts(NEW.start_day, NEW.end_day, NEW.kind, NEW.region, 1,
                                    NEW.fatalities, NEW.injured, NEW.detained);
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION {SCHEMA}.add_counts(first date, last date, k text, r text, n bigint,
                                               f bigint, i bigint, d bigint) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO {SCHEMA}.day_counts AS c (day, kind, region, events, fatalities, injured, detained)
    SELECT g::date, k, r, n, f, i, d FROM generate_series(first, last, interval '1 day') AS g ORDER BY 1
    ON CONFLICT (day, kind, region) DO UPDATE SET events = c.events + EXCLUDED.events,
        fatalities = c.fatalities + EXCLUDED.fatalities, injured = c.injured + EXCLUDED.injured,
        detained = c.detained + EXCLUDED.detained;
    INSERT INTO {SCHEMA}.start_counts AS c (day, kind, region, events, fatalities, injured, detained)
    VALUES (first, k, r, n, f, i, d)
    ON CONFLICT (day, kind, region) DO UPDATE SET events = c.events + EXCLUDED.events,
        fatalities = c.fatalities + EXCLUDED.fatalities, injured = c.injured + EXCLUDED.injured,
        detained = c.detained + EXCLUDED.detained;
$$;

DROP TRIGGER IF EXISTS events_count ON {SCHEMA}.events;
CREATE TRIGGER events_count AFTER INSERT OR UPDATE OR DELETE ON {SCHEMA}.events
    FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.count_event();
"""

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

#: The events table's indexes beside its primary key: dropped and built again around a bulk load
#: (building an index once is much faster than updating it row by row).
EVENT_INDEXES = {
    "events_ord": f"CREATE UNIQUE INDEX IF NOT EXISTS events_ord ON {SCHEMA}.events (ord)",
    "events_geom": f"CREATE INDEX IF NOT EXISTS events_geom ON {SCHEMA}.events USING gist (geom)",
    "events_start": f"CREATE INDEX IF NOT EXISTS events_start ON {SCHEMA}.events (start_day)",
    "events_end": f"CREATE INDEX IF NOT EXISTS events_end ON {SCHEMA}.events (end_day)",
    # The day query: events whose [start, end] holds the day.
    "events_days": f"CREATE INDEX IF NOT EXISTS events_days ON {SCHEMA}.events "
                   "USING gist (daterange(start_day, end_day, '[]'))",
}
DDL = DDL.replace("{event_indexes}", ";\n".join(EVENT_INDEXES.values()) + ";")

_TABLES = ("events", "event_ids", "hotspots", "corridors", "reported_counts", "changelog", "changelog_base",
           "day_counts", "start_counts")


# ---------------------------------------------------------------- URLs

def is_database_url(source: Any) -> bool:
    """True when ``source`` is a ``postgresql://`` (or ``postgres://``) URL rather than a folder."""
    return isinstance(source, str) and source.startswith(URL_SCHEMES)


def _filtered(where: str, params: list, kinds: Sequence[str], regions: Sequence[str]) -> tuple[str, list]:
    """``where`` narrowed to the given kinds and regions (none given: all), with its parameters."""
    if kinds:
        where += " AND kind = ANY(%s)"
        params = [*params, list(kinds)]
    if regions:
        where += " AND region = ANY(%s)"
        params = [*params, list(regions)]
    return where, params


def redact_url(url: str) -> str:
    """``url`` without its password (in the user part or a ``password=`` parameter), for messages;
    anything that is not a database URL (a folder) comes back unchanged."""
    if not is_database_url(url):
        return url
    parts = urlsplit(url)
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, host = netloc.rsplit("@", 1)
        netloc = f"{userinfo.split(':', 1)[0]}@{host}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "password"])
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


# ---------------------------------------------------------------- helpers

_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))  # one encoder: no set-up per value


def _json_text(value: Any) -> str | None:
    return None if value is None else _ENCODER.encode(value)


def _event_rows(features: Sequence[Mapping]) -> list[tuple]:
    """Column values (in :data:`_EVENT_COLUMNS` order) of valid event Features, derived by
    :func:`geo.core.frames.events_frame` so the columns mean exactly what the frames mean."""
    frame = events_frame(list(features))
    road = [None if (r is None or r != r) else r for r in frame["road"].tolist()]
    km = [None if k != k else k for k in frame["km"].tolist()]
    columns = [frame[c].tolist() for c in ("id", "kind", "start", "end", "place", "region")]
    columns += [road, km]
    columns += [frame[c].tolist() for c in ("fatalities", "injured", "detained", "geo_precision", "time_precision",
                                             "status", "lon", "lat")]
    columns.append([_json_text(f) for f in features])
    return list(zip(*columns))


def _collection(members: Mapping | None, features: list) -> dict:
    out = dict(members or {"type": "FeatureCollection", "features": []})
    out.setdefault("type", "FeatureCollection")
    out["features"] = features
    return out


def _members(collection: Mapping) -> dict:
    """A FeatureCollection's members with an empty feature list (kept in order, for the dump)."""
    return {k: ([] if k == "features" else v) for k, v in collection.items()}


def _entry_from_row(row: Sequence) -> dict:
    seq, tx, tx_size, who, at, action, event_id, before, after, reason, undoes, extra = row
    entry = {"seq": seq, "tx": tx, "tx_size": tx_size, "who": who, "when": at, "action": action, "id": event_id,
             "before": before, "after": after, "reason": reason}
    if undoes is not None:
        entry["undoes"] = undoes
    entry.update(extra or {})
    return entry


def _log_row(entry: Mapping) -> tuple:
    extra = {k: v for k, v in entry.items() if k not in _LOG_KEYS}
    return (entry["seq"], entry["tx"], entry["tx_size"], entry["who"], entry["when"], entry["action"], entry["id"],
            _json_text(entry.get("before")), _json_text(entry.get("after")), entry.get("reason") or "",
            entry.get("undoes"), _json_text(extra) if extra else None)


_LOG_SELECT = (f"SELECT seq, tx, tx_size, who, at, action, event_id, before, after, reason, undoes, extra "
               f"FROM {SCHEMA}.changelog")


# ---------------------------------------------------------------- the store

_STORES: dict[str, "PostgisStore"] = {}
_STORES_LOCK = threading.Lock()


def open_postgis(url: str) -> "PostgisStore":
    """The :class:`PostgisStore` of ``url``, one per process (it keeps a connection open)."""
    with _STORES_LOCK:
        store = _STORES.get(url)
        if store is None:
            store = _STORES[url] = PostgisStore(url)
        return store


def close_postgis(url: str) -> None:
    """Close and forget the store of ``url`` (a database about to be dropped, say)."""
    with _STORES_LOCK:
        store = _STORES.pop(url, None)
    if store is not None:
        store.close()


class PostgisStore:
    """The data layers and change log of one PostgreSQL database with PostGIS.

    Parameters
    ----------
    url : str
        ``postgresql://USER[:PASSWORD]@HOST:PORT/DB`` (any libpq URL).
    connect_timeout : int
        Seconds to wait for the server.

    Examples
    --------
    >>> store = PostgisStore("postgresql://editor@db.example:5432/blockades")   # doctest: +SKIP
    >>> store.init(); store.load_folder("data")                                 # doctest: +SKIP
    >>> dataset = store.load()                                                  # doctest: +SKIP
    """

    def __init__(self, url: str, connect_timeout: int = 10):
        if not is_database_url(url):
            raise ValueError(f"not a postgresql:// URL: {redact_url(str(url))!r}")
        self.url = url
        self.location = redact_url(url)
        self.connect_timeout = connect_timeout
        self._conn = None
        self._lock = threading.RLock()

    def __repr__(self) -> str:
        return f"PostgisStore({self.location!r})"

    # ------------------------------------------------------------ connections
    def _problem(self, msgid: str, **params: Any) -> DataError:
        return DataError([Problem(self.location, "(database)", "", msgid, params)])

    def _connect(self):
        import psycopg
        try:
            return psycopg.connect(self.url, autocommit=True, connect_timeout=self.connect_timeout,
                                   application_name="blockade-map")
        except psycopg.OperationalError as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise self._problem(N_("cannot connect: {reason}"), reason=first) from None

    @contextmanager
    def connection(self) -> Iterator[Any]:
        """The store's connection (autocommit; one user at a time), reconnecting when it broke."""
        with self._lock:
            if self._conn is None or self._conn.closed or self._conn.broken:
                self._conn = self._connect()
            yield self._conn

    def close(self) -> None:
        """Close the connection (a later call opens a new one)."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    @contextmanager
    def transaction(self, begin: str = "BEGIN") -> Iterator[Any]:
        """A cursor inside one transaction (``begin`` opens it), committed when the block ends and
        rolled back when it raises. A connection that broke while idle (a server restart) is
        replaced before the transaction starts."""
        import psycopg
        with self.connection() as conn:
            try:
                conn.execute(begin)
            except psycopg.OperationalError:
                if not conn.broken:
                    raise
                conn = self._conn = self._connect()
                conn.execute(begin)
            try:
                yield conn.cursor()
            except BaseException:
                if not conn.broken and not conn.closed:
                    conn.execute("ROLLBACK")
                raise
            else:
                conn.execute("COMMIT")

    @contextmanager
    def _read(self) -> Iterator[Any]:
        """A cursor in a read-only REPEATABLE READ transaction: every query sees one moment."""
        import psycopg
        try:
            with self.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") as cur:
                yield cur
        except psycopg.errors.UndefinedTable:
            raise self._not_initialised() from None

    def _not_initialised(self) -> DataError:
        return self._problem(N_("has no Blockade Map tables (schema {schema}): run `blockade-map db init --data "
                                "{location}`"), schema=SCHEMA, location=self.location)

    # ------------------------------------------------------------ schema
    def init(self) -> bool:
        """Create the PostGIS extension (when missing), the schema and the tables; idempotent.

        Returns True when the tables were created, False when they were there already.
        """
        import psycopg
        with self.transaction() as cur:
            exists = cur.execute("SELECT to_regclass(%s)", (f"{SCHEMA}.meta",)).fetchone()[0] is not None
            if cur.execute("SELECT 1 FROM pg_extension WHERE extname = 'postgis'").fetchone() is None:
                cur.execute("SAVEPOINT postgis")
                try:
                    cur.execute("CREATE EXTENSION postgis")
                except psycopg.Error as exc:
                    cur.execute("ROLLBACK TO SAVEPOINT postgis")
                    raise self._problem(N_("the PostGIS extension is missing and cannot be created here ({reason}); "
                                           "ask the database's owner to run CREATE EXTENSION postgis"),
                                        reason=str(exc).strip().splitlines()[0]) from None
            had_counts = cur.execute("SELECT to_regclass(%s)", (f"{SCHEMA}.day_counts",)).fetchone()[0] is not None
            cur.execute(DDL)
            if not had_counts:  # summaries added to tables that may hold events already
                cur.execute(f"TRUNCATE {SCHEMA}.day_counts, {SCHEMA}.start_counts")
                cur.execute(RECOUNT)
            cur.execute(f"INSERT INTO {SCHEMA}.meta (schema_version, instance) VALUES (%s, %s) "
                        "ON CONFLICT (one) DO NOTHING", (SCHEMA_VERSION, uuid.uuid4().hex))
            found = cur.execute(f"SELECT schema_version FROM {SCHEMA}.meta").fetchone()[0]
            if found != SCHEMA_VERSION:
                raise self._problem(N_("holds schema version {found}; this Blockade Map reads {version}"), found=found,
                                    version=SCHEMA_VERSION)
        return not exists

    def version(self) -> str:
        """A value that changes whenever the data changes: ``INSTANCE:DATA_VERSION``.

        One indexed single-row query: cheap enough for every rerun of the app.
        """
        with self._read() as cur:
            row = cur.execute(f"SELECT instance, data_version FROM {SCHEMA}.meta").fetchone()
        if row is None:
            raise self._not_initialised()
        return f"{row[0]}:{row[1]}"

    def counts(self) -> dict[str, int]:
        """Rows per table (``events``, ``hotspots``, ``corridors``, ``reported_counts``, ``changelog``...)."""
        with self._read() as cur:
            return {t: cur.execute(f"SELECT count(*) FROM {SCHEMA}.{t}").fetchone()[0] for t in _TABLES}

    # ------------------------------------------------------------ reading
    def _layers(self, cur) -> dict:
        row = cur.execute(f"SELECT layers FROM {SCHEMA}.meta").fetchone()
        if row is None:
            raise self._not_initialised()
        return row[0] or {}

    def _features(self, cur, table: str, where: str = "", params: Sequence = ()) -> list[dict]:
        return [r[0] for r in cur.execute(f"SELECT feature FROM {SCHEMA}.{table} {where} ORDER BY ord", params)]

    def _counts_rows(self, cur, where: str = "", params: Sequence = ()) -> list[dict]:
        rows = cur.execute(f"SELECT day, metric, value, reporter, source_url FROM {SCHEMA}.reported_counts "
                           f"{where} ORDER BY ord", params).fetchall()
        return [{"date": d.isoformat(), "metric": m, "value": str(v), "reporter": r, "source_url": u}
                for d, m, v, r, u in rows]

    def collections(self) -> dict:
        """Every layer as the folder holds it: ``events``, ``hotspots``, ``corridors`` (FeatureCollections),
        ``counts`` (reported_counts.csv rows as dicts of strings) and ``dataset`` (dataset.json, or None),
        read at one moment; ``info`` is the :class:`~geo.core.dataset.DatasetInfo` and ``info_problems``
        what is wrong with dataset.json."""
        with self._read() as cur:
            layers = self._layers(cur)
            out = {name: _collection(layers.get(name), self._features(cur, name))
                   for name in ("events", "hotspots", "corridors")} | {"counts": self._counts_rows(cur)}
        out["dataset"] = layers.get("dataset")
        out["info"], out["info_problems"] = self._info(out["dataset"])
        return out

    def _info(self, raw: Any) -> tuple:
        """The DatasetInfo of a stored dataset.json (the defaults, titled after the database, without one)."""
        name = self.location.rsplit("/", 1)[-1].split("?")[0] or "database"
        if raw is None:
            return default_info(name), []
        info, problems = parse_info(raw, self._where("dataset"))
        return info or default_info(name), problems

    def _where(self, name: str) -> str:
        return f"{self.location} {SCHEMA}.{name}"

    def _check(self, layers: Mapping) -> dict[str, list[Problem]]:
        scope = layers["info"].scope() if not layers["info_problems"] else ANYWHERE
        return {
            "info": list(layers["info_problems"]),
            "events": validate_collection(layers["events"], "events", self._where("events"), scope),
            "hotspots": validate_collection(layers["hotspots"], "hotspots", self._where("hotspots"), scope),
            "corridors": validate_collection(layers["corridors"], "corridors", self._where("corridors"), scope),
            "counts": validate_counts_rows(layers["counts"], self._where("reported_counts")),
        }

    def validate(self) -> list[Problem]:
        """Check every layer in the database against the contract; return all problems found."""
        try:
            checks = self._check(self.collections())
        except DataError as exc:
            return exc.problems
        return [p for problems in checks.values() for p in problems]

    def load(self, strict: bool = True) -> Dataset:
        """Every layer as a :class:`geo.core.dataset.Dataset`, exactly as :func:`geo.store.load_dataset`
        builds it from a folder holding the same features (validated the same way)."""
        layers = self.collections()
        checks = self._check(layers)
        problems = [p for ps in checks.values() for p in ps]
        if strict and problems:
            raise DataError(problems)
        info = layers["info"]
        scope = info.scope()
        return Dataset(
            source=self.location, info=info,
            events=events_frame(layers["events"]["features"] if not checks["events"] else [], scope),
            hotspots=hotspots_frame(layers["hotspots"]["features"] if not checks["hotspots"] else [], scope),
            corridors=corridors_frame(layers["corridors"]["features"] if not checks["corridors"] else []),
            counts=counts_frame(layers["counts"] if not checks["counts"] else []),
            problems=problems, store=self,
        )

    # ------------------------------------------------------------ the day, in SQL
    def day_dataset(self, day: str, mode: str = "day", kinds: Sequence[str] = (),
                    regions: Sequence[str] = ()) -> Dataset:
        """A :class:`geo.core.dataset.Dataset` holding only what ``day`` shows (the events active that day,
        or started by then in cumulative mode; the hotspots likewise; that day's national counts),
        selected in SQL on the indexes. Fed to :func:`geo.query.active.day_summary` it gives the same
        document as the whole dataset does."""
        day = check_day(day)
        event_where, event_params = self._day_where(day, mode, kinds, regions)
        hotspot_when = "start_day <= %s::date" + ("" if mode == "cumulative" else " AND end_day >= %s::date")
        with self._read() as cur:
            events = self._features(cur, "events", f"WHERE {event_where}", event_params)
            hotspots = self._features(cur, "hotspots", f"WHERE {hotspot_when}",
                                      [day] if mode == "cumulative" else [day, day])
            counts = self._counts_rows(cur, "WHERE day = %s::date", [day])
            layers = self._layers(cur)
            first, last = cur.execute(
                f"SELECT to_char(least((SELECT min(start_day) FROM {SCHEMA}.events), "
                f"(SELECT min(start_day) FROM {SCHEMA}.hotspots)), 'YYYY-MM-DD'), "
                f"to_char(greatest((SELECT max(end_day) FROM {SCHEMA}.events), "
                f"(SELECT max(end_day) FROM {SCHEMA}.hotspots)), 'YYYY-MM-DD')").fetchone()
        info, _ = self._info(layers.get("dataset"))
        scope = info.scope()
        return Dataset(source=self.location, info=info, events=events_frame(events, scope),
                       hotspots=hotspots_frame(hotspots, scope), corridors=corridors_frame([]),
                       counts=counts_frame(counts), days_covered=(first, last) if first else None, store=self)

    def dataset_for_day(self, day: str, mode: str = "day", kinds: Sequence[str] = (),
                        regions: Sequence[str] = ()) -> Dataset:
        """What a view of ``day`` needs, selected in SQL (:meth:`day_dataset`)."""
        return self.day_dataset(day, mode, kinds, regions)

    @staticmethod
    def _day_where(day: str, mode: str, kinds: Sequence[str], regions: Sequence[str]) -> tuple[str, list]:
        """The WHERE clause selecting the events a view of ``day`` shows, and its parameters."""
        day = check_day(day)
        if mode not in ("day", "cumulative"):
            raise ValueError(f"mode {mode!r} is not one of day, cumulative")
        # In day mode the GiST index on the [start_day, end_day] range finds the day's events.
        where = ("start_day <= %s::date" if mode == "cumulative"
                 else "daterange(start_day, end_day, '[]') @> %s::date")
        return _filtered(where, [day], kinds, regions)

    def day_totals(self, day: str, mode: str = "day", kinds: Sequence[str] = (),
                   regions: Sequence[str] = ()) -> dict[str, int]:
        """The day query: events per kind and the casualty sums of the events ``day`` shows, equal to
        :meth:`geo.core.index.EventIndex.totals` of that selection.

        Read from the summaries a trigger keeps up to date with every change (``day_counts``: per
        day, kind and region; ``start_counts`` for the cumulative view), so the answer costs a few
        dozen rows however many events there are.
        """
        day = check_day(day)
        if mode not in ("day", "cumulative"):
            raise ValueError(f"mode {mode!r} is not one of day, cumulative")
        # Day mode: the counts of that day; cumulative: the counts of every start up to that day.
        table, where, params = ("start_counts", "day <= %s::date", [day]) if mode == "cumulative" else \
            ("day_counts", "day = %s::date", [day])
        where, params = _filtered(where, params, kinds, regions)
        with self._read() as cur:
            rows = cur.execute(f"SELECT kind, sum(events), sum(fatalities), sum(injured), sum(detained) "
                               f"FROM {SCHEMA}.{table} WHERE {where} GROUP BY kind", params).fetchall()
        per_kind = {kind: n for kind, n, *_ in rows}
        result = {kind: int(per_kind.get(kind, 0)) for kind in KINDS}
        for i, name in enumerate(("fatalities", "injured", "detained")):
            result[name] = int(sum(r[2 + i] or 0 for r in rows))
        result["events"] = int(sum(r[1] for r in rows))
        return result

    #: The columns :meth:`day_events` gives: what a map or a table of the day needs.
    DAY_COLUMNS = ("id", "kind", "start", "end", "place", "region", "road", "lon", "lat", "fatalities", "injured",
                   "detained")

    def day_events(self, day: str, mode: str = "day", kinds: Sequence[str] = (),
                   regions: Sequence[str] = ()):
        """The day query: the events ``day`` shows (active that day, or started by then in cumulative
        mode), ordered by start then id, as a DataFrame of :data:`DAY_COLUMNS`.

        The same rows, in the same order, as ``geo.query.active.select_events(dataset, View(day, mode,
        kinds, regions))[list(DAY_COLUMNS)]`` on the loaded dataset; here the GiST index on the
        ``[start_day, end_day]`` range finds them without reading the other events.
        """
        import pandas as pd
        where, params = self._day_where(day, mode, kinds, regions)
        with self._read() as cur:
            rows = cur.execute(f"SELECT id, kind, to_char(start_day, 'YYYY-MM-DD'), to_char(end_day, 'YYYY-MM-DD'), "
                               f"place, region, road, lon, lat, fatalities, injured, detained FROM {SCHEMA}.events "
                               f"WHERE {where} ORDER BY start_day, id", params).fetchall()
        frame = pd.DataFrame(rows, columns=list(self.DAY_COLUMNS))
        # The events frame's dtypes, also when no row came back.
        return frame.astype({**{c: "str" for c in self.DAY_COLUMNS[:7]}, "lon": "float64", "lat": "float64",
                             "fatalities": "int64", "injured": "int64", "detained": "int64"})

    # ------------------------------------------------------------ loading a folder
    def load_folder(self, folder: str | os.PathLike, replace: bool = False) -> dict[str, int]:
        """Copy a data folder (and its change log, when it has one) into the database, in one transaction.

        The folder must be valid (every problem is raised as :class:`DataError`, nothing written);
        a database already holding events is replaced only with ``replace=True``.
        Returns the number of rows written per table.
        """
        folder = Path(folder)
        source = FolderStore(folder)
        problems = source.validate()
        if problems:
            raise DataError(problems)
        raw = source.raw_layers()
        events, hotspots, corridors, counts = raw["events"], raw["hotspots"], raw["corridors"], raw["counts"]
        log: list[dict] = []
        base = None
        if (folder / LOG_FILE).exists():
            differences = Editor(folder).verify()
            if differences:
                raise DataError([Problem(LOG_FILE, "(file)", "", N_(
                    "does not replay to {events}: {difference}; run `blockade-map verify-log --data {folder}` and "
                    "repair the folder first"), {"events": EVENTS_FILE, "difference": d, "folder": str(folder)})
                                 for d in differences])
            log = read_log(folder / LOG_FILE)
            base, read_problems = read_json_file(folder / BASE_FILE)
            if read_problems:
                raise DataError(read_problems)
        return self.write_layers(events, hotspots, corridors, counts, log, base, replace=replace,
                                 dataset=raw["dataset"])

    def write_layers(self, events: Mapping, hotspots: Mapping, corridors: Mapping, counts: list[dict],
                     log: Sequence[Mapping] = (), base: Mapping | None = None, replace: bool = False,
                     dataset: Mapping | None = None) -> dict[str, int]:
        """Replace every table's rows with these layers (already validated) in one transaction, with COPY."""
        import psycopg
        ev = list(events["features"])
        base_features = list((base if base is not None else events)["features"])
        taken = sorted({f["id"] for f in ev} | {e["id"] for e in log} | {f.get("id") for f in base_features
                                                                          if isinstance(f.get("id"), str)})
        layers = {"events": _members(events), "hotspots": _members(hotspots), "corridors": _members(corridors),
                  "dataset": dataset}
        written = {}
        try:
            with self.transaction() as cur:
                if cur.execute(f"SELECT 1 FROM {SCHEMA}.meta FOR UPDATE").fetchone() is None:
                    raise self._not_initialised()
                if not replace and cur.execute(f"SELECT EXISTS (SELECT 1 FROM {SCHEMA}.events) OR EXISTS "
                                               f"(SELECT 1 FROM {SCHEMA}.changelog)").fetchone()[0]:
                    raise self._problem(N_("already holds events: give --replace to replace them"))
                cur.execute(f"TRUNCATE {', '.join(f'{SCHEMA}.{t}' for t in _TABLES)}")
                for name in EVENT_INDEXES:
                    cur.execute(f"DROP INDEX {SCHEMA}.{name}")
                cur.execute(f"ALTER TABLE {SCHEMA}.events DISABLE TRIGGER events_count")
                cols = ", ".join(_EVENT_COLUMNS)
                rows = _event_rows(ev)
                with cur.copy(f"COPY {SCHEMA}.events (ord, {cols}) FROM STDIN") as cp:
                    # Stored in start order (ord keeps the layer's order): a day's events sit together.
                    for i, row in sorted(enumerate(rows), key=lambda pair: pair[1][2]):
                        cp.write_row((i, *row))
                del rows
                for ddl in EVENT_INDEXES.values():
                    cur.execute(ddl)
                cur.execute(RECOUNT)  # once for all rows: much faster than the trigger row by row
                cur.execute(f"ALTER TABLE {SCHEMA}.events ENABLE TRIGGER events_count")
                cur.execute("SELECT setval(%s, %s, false)", (f"{SCHEMA}.event_ord", len(ev) + 1))
                with cur.copy(f"COPY {SCHEMA}.event_ids (id) FROM STDIN") as cp:
                    for fid in taken:
                        cp.write_row((fid,))
                hs = hotspots_frame(list(hotspots["features"]))
                with cur.copy(f"COPY {SCHEMA}.hotspots (ord, id, name, region, start_day, end_day, level, geom, "
                              "feature) FROM STDIN") as cp:
                    for i, (f, r) in enumerate(zip(hotspots["features"], hs.itertuples(index=False))):
                        cp.write_row((i, f.get("id"), r.name, r.region, r.start, r.end, int(r.level),
                                      f"SRID=4326;{r.geometry.wkt}", _json_text(f)))
                cs = corridors_frame(list(corridors["features"]))
                with cur.copy(f"COPY {SCHEMA}.corridors (ord, id, name, geom, feature) FROM STDIN") as cp:
                    for i, (f, r) in enumerate(zip(corridors["features"], cs.itertuples(index=False))):
                        cp.write_row((i, r.id, r.name, f"SRID=4326;{r.geometry.wkt}", _json_text(f)))
                with cur.copy(f"COPY {SCHEMA}.reported_counts (ord, day, metric, value, reporter, source_url) "
                              "FROM STDIN") as cp:
                    for i, row in enumerate(counts):
                        cp.write_row((i, row["date"], row["metric"], int(row["value"]), row["reporter"],
                                      row["source_url"]))
                with cur.copy(f"COPY {SCHEMA}.changelog (seq, tx, tx_size, who, at, action, event_id, before, "
                              "after, reason, undoes, extra) FROM STDIN") as cp:
                    for entry in log:
                        cp.write_row(_log_row(entry))
                if base is None:  # the log starts here: its base is the events just loaded
                    cur.execute(f"INSERT INTO {SCHEMA}.changelog_base (ord, feature) "
                                f"SELECT ord, feature FROM {SCHEMA}.events")
                else:
                    with cur.copy(f"COPY {SCHEMA}.changelog_base (ord, feature) FROM STDIN") as cp:
                        for i, f in enumerate(base_features):
                            cp.write_row((i, _json_text(f)))
                cur.execute(f"UPDATE {SCHEMA}.meta SET data_version = data_version + 1, last_seq = %s, "
                            "layers = %s::json",
                            (max((e["seq"] for e in log), default=0), _json_text(layers)))
                written = {"events": len(ev), "hotspots": len(hotspots["features"]),
                           "corridors": len(corridors["features"]), "reported_counts": len(counts),
                           "changelog": len(log)}
        except psycopg.errors.UndefinedTable:
            raise self._not_initialised() from None
        with self.connection() as conn:
            for table in _TABLES:  # fresh statistics, so the planner uses the indexes at once
                conn.execute(f"ANALYZE {SCHEMA}.{table}")
        return written

    # ------------------------------------------------------------ dumping to a folder
    def dump(self, folder: str | os.PathLike, overwrite: bool = False) -> dict[str, int]:
        """Write the data as a data folder (layers, and the change log with its base when there is one)
        that :func:`geo.store.load_dataset` and :meth:`load_folder` read back to the same answers."""
        folder = Path(folder)
        names = (INFO_FILE, EVENTS_FILE, HOTSPOTS_FILE, CORRIDORS_FILE, COUNTS_FILE, LOG_FILE, BASE_FILE)
        if not overwrite:
            present = [n for n in names if (folder / n).exists()]
            if present:
                raise FileExistsError(f"{folder} already holds {', '.join(present)}: give --overwrite to replace them")
        with self._read() as cur:
            layers = self._layers(cur)
            collections = {name: _collection(layers.get(name), self._features(cur, name))
                           for name in ("events", "hotspots", "corridors")}
            counts = self._counts_rows(cur)
            log = [_entry_from_row(r) for r in cur.execute(f"{_LOG_SELECT} ORDER BY seq")]
            base = _collection(layers.get("events"), self._features(cur, "changelog_base"))
        folder.mkdir(parents=True, exist_ok=True)
        if layers.get("dataset") is not None:
            atomic_write(folder / INFO_FILE, json.dumps(layers["dataset"], ensure_ascii=False, indent=1) + "\n")
        events_text = dump_collection(collections["events"])
        atomic_write(folder / EVENTS_FILE, events_text)
        atomic_write(folder / HOTSPOTS_FILE, dump_collection(collections["hotspots"]))
        atomic_write(folder / CORRIDORS_FILE, dump_collection(collections["corridors"]))
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(COUNTS_COLUMNS), lineterminator="\n")
        writer.writeheader()
        writer.writerows(counts)
        atomic_write(folder / COUNTS_FILE, out.getvalue())
        if log:
            # The folder editor checks the last transaction against the events file's digest.
            last_tx = log[-1]["tx"]
            lines = []
            for entry in log:
                entry.setdefault("file_before", None)
                entry.setdefault("file_after", None)
                if entry["tx"] == last_tx:
                    entry["file_after"] = digest_bytes(events_text.encode("utf-8"))
                lines.append(json.dumps(entry, ensure_ascii=False, separators=(",", ":")) + "\n")
            atomic_write(folder / BASE_FILE, dump_collection(base))
            atomic_write(folder / LOG_FILE, "".join(lines))
        else:
            for name in (LOG_FILE, BASE_FILE):
                (folder / name).unlink(missing_ok=True)
        return {"events": len(collections["events"]["features"]), "hotspots": len(collections["hotspots"]["features"]),
                "corridors": len(collections["corridors"]["features"]), "reported_counts": len(counts),
                "changelog": len(log)}

    # ------------------------------------------------------------ editing
    def left_out(self) -> list[str]:
        """What was left out of the map: a database keeps no README, so nothing is said here."""
        return []

    def editor(self) -> "PostgisEditor":
        """An editor of this database's events, with :class:`geo.store.editor.Editor`'s methods."""
        return PostgisEditor(self)


# ---------------------------------------------------------------- the editor

@dataclass(frozen=True)
class PostgisSnapshot(Snapshot):
    """The events as an editor saw them; ``digest`` is the store's data version then, and
    ``versions`` the ``row_version`` of each event."""

    versions: Mapping[str, int] = field(default_factory=dict)


class _Retry(Exception):
    """Another transaction changed the rows this change read: run it again on fresh rows."""


class PostgisEditor:
    """Changes to a :class:`PostgisStore`'s events, with the semantics of :class:`geo.store.editor.Editor`:
    the same checks, merges, errors, log entries and :class:`~geo.store.editor.Change` results.

    Every change is one transaction; see the module docstring for how concurrent changes meet.
    """

    def __init__(self, store: PostgisStore):
        self.store = store
        self.location = store.location
        layers = store.collections()
        self.scope = layers["info"].scope() if not layers["info_problems"] else ANYWHERE

    @property
    def events_path(self) -> str:
        """Where the events are, for messages (the folder editor's ``events_path``)."""
        return f"{self.location} {SCHEMA}.events"

    # -- reading ---------------------------------------------------------------------
    def read(self) -> PostgisSnapshot:
        """The events now, with the data version and each event's row version."""
        with self.store._read() as cur:
            layers = self.store._layers(cur)
            version = cur.execute(f"SELECT instance, data_version FROM {SCHEMA}.meta").fetchone()
            rows = cur.execute(f"SELECT feature, row_version FROM {SCHEMA}.events ORDER BY ord").fetchall()
        collection = _collection(layers.get("events"), [r[0] for r in rows])
        return PostgisSnapshot(collection, f"{version[0]}:{version[1]}", {r[0]["id"]: r[1] for r in rows})

    def history(self, event_id: str | None = None) -> list[dict]:
        """Log entries, oldest first; only those of ``event_id`` when given."""
        with self.store._read() as cur:
            if event_id is None:
                rows = cur.execute(f"{_LOG_SELECT} ORDER BY seq").fetchall()
            else:
                rows = cur.execute(f"{_LOG_SELECT} WHERE event_id = %s ORDER BY seq", (event_id,)).fetchall()
        return [_entry_from_row(r) for r in rows]

    def entry(self, seq: int) -> dict:
        """The log entry with number ``seq``; LookupError when there is none."""
        with self.store._read() as cur:
            row = cur.execute(f"{_LOG_SELECT} WHERE seq = %s", (seq,)).fetchone()
        if row is None:
            raise LookupError(message(N_("no change number {seq} in the change log"), seq=seq))
        return _entry_from_row(row)

    def retracted(self) -> list[dict]:
        """The last record of every event that is logged but no longer in the data."""
        with self.store._read() as cur:
            rows = cur.execute(
                f"SELECT * FROM (SELECT DISTINCT ON (l.event_id) l.seq, l.tx, l.tx_size, l.who, l.at, l.action, "
                f"l.event_id, l.before, l.after, l.reason, l.undoes, l.extra, "
                f"min(l.seq) OVER (PARTITION BY l.event_id) AS first_seq "
                f"FROM {SCHEMA}.changelog l WHERE NOT EXISTS (SELECT 1 FROM {SCHEMA}.events e WHERE e.id = l.event_id) "
                f"ORDER BY l.event_id, l.seq DESC) last ORDER BY first_seq").fetchall()
        entries = [_entry_from_row(r[:12]) for r in rows]
        return [e for e in entries if e.get("before")]

    def logged_ids(self) -> set[str]:
        """Every id the change log mentions (current and retracted events)."""
        with self.store._read() as cur:
            return {r[0] for r in cur.execute(f"SELECT DISTINCT event_id FROM {SCHEMA}.changelog")}

    def taken_ids(self) -> set[str]:
        """Every id in use or ever used."""
        with self.store._read() as cur:
            return {r[0] for r in cur.execute(f"SELECT id FROM {SCHEMA}.event_ids UNION SELECT id FROM {SCHEMA}.events")}

    def pending(self) -> list[dict]:
        """Changes logged but not yet applied: none in a database (every change is one transaction)."""
        return []

    def verify(self) -> list[str]:
        """Compare the events with base + log; return the differences (empty when they agree)."""
        with self.store._read() as cur:
            base = _collection(None, self.store._features(cur, "changelog_base"))
            log = [_entry_from_row(r) for r in cur.execute(f"{_LOG_SELECT} ORDER BY seq")]
            current = {f["id"]: f for f in self.store._features(cur, "events")}
            # The day query's summaries against a recount of the events.
            counted = {}
            for table, want in COUNTS_FROM_EVENTS.items():
                have = (f"SELECT day, kind, region, events, fatalities, injured, detained FROM {SCHEMA}.{table} "
                        "WHERE NOT (events = 0 AND fatalities = 0 AND injured = 0 AND detained = 0)")
                counted[table] = cur.execute(f"SELECT count(*) FROM (({want} EXCEPT {have}) UNION ALL "
                                             f"({have} EXCEPT {want})) AS differ").fetchone()[0]
        rebuilt = {f["id"]: f for f in rebuild_from_log(log, base)["features"]}
        out = [f"{table}: {n} row(s) differ from a recount of the events table" for table, n in counted.items() if n]
        out += [f"{i}: in the events table, not in the log" for i in current if i not in rebuilt]
        out += [f"{i}: in the log, not in the events table" for i in rebuilt if i not in current]
        out += [f"{i}: differs from the log" for i in current if i in rebuilt and rebuilt[i] != current[i]]
        return out

    # -- changes ---------------------------------------------------------------------
    def add(self, feature: Mapping, who: str, reason: str = "") -> Change:
        """Add one event; an id is made when the feature has none. Returns the :class:`Change`."""
        return self.add_many([feature], who, reason, action="add")

    def add_many(self, features: Sequence[Mapping], who: str, reason: str = "", action: str = "import",
                 check: Callable[[list[dict], dict], list[Problem]] | None = None) -> Change:
        """Add several events in one transaction: all of them or none (DataError names each problem).

        As :meth:`geo.store.editor.Editor.add_many`: for an ``import`` the events the data already
        holds unchanged are left out (:attr:`Change.already`), and ``check(new_features,
        collection)`` runs inside the transaction with the events as they are then.
        """
        who = check_who(who)
        if action not in ("add", "import"):
            raise ValueError(f"action must be 'add' or 'import', got {action!r}")
        if isinstance(features, Mapping) or not all(isinstance(f, Mapping) for f in features):
            raise TypeError("features must be a list of GeoJSON Feature dicts")

        def body(cur, version: str) -> Change:
            given = [f.get("id") for f in features if isinstance(f.get("id"), str) and f.get("id")]
            in_data = {r[0] for r in cur.execute(f"SELECT id FROM {SCHEMA}.events WHERE id = ANY(%s)", (given,))}
            used = {r[0] for r in cur.execute(f"SELECT id FROM {SCHEMA}.event_ids WHERE id = ANY(%s)", (given,))}
            current: list[dict] | None = None
            if action == "import" or check is not None:
                current = self.store._features(cur, "events")
            held = {event_content(f): f["id"] for f in current} if action == "import" else {}
            specs, problems, already = plan_additions(
                features, action, reason, self.scope, held, in_data=in_data.__contains__,
                retired=used.__contains__, taken_for=lambda feature: self._taken_like(cur, feature))
            if not problems and check is not None and specs:
                problems += check([spec["after"] for spec in specs], {"type": "FeatureCollection", "features": current})
            if problems:
                raise DataError(problems)
            change = self._commit(cur, specs, who)
            change.already = already
            return change

        return self._write(body)

    def edit(self, event_id: str, changes: Mapping[str, Any], who: str, reason: str = "",
             seen: Snapshot | None = None) -> Change:
        """Change fields of one event (see :meth:`geo.store.editor.Editor.edit`).

        With ``seen`` (the snapshot the form was filled from), a field someone else changed since is
        a :class:`~geo.store.editor.ConflictError` naming its current value; other fields merge.
        """
        who = check_who(who)

        def body(cur, version: str) -> Change:
            current, row_version = self._current(cur, event_id)
            base = seen.event(event_id) if seen is not None else None
            result = plan_edit(event_id, current, base, changes,
                               base is None and current is None and self._logged(cur, event_id), self.scope)
            merged = seen is not None and seen.digest != version
            if result is None:
                return Change(merged=merged)
            spec = {"action": "edit", "id": event_id, "before": current, "after": result, "reason": reason,
                    "row_version": row_version}
            change = self._commit(cur, [spec], who)
            change.merged = merged
            return change

        return self._write(body)

    def retract(self, event_id: str, who: str, reason: str) -> Change:
        """Take an event off the map; its full record stays in the log. A reason is required."""
        who = check_who(who)
        if not isinstance(reason, str) or not reason.strip():
            raise ValueError(message(N_("a retraction needs a reason (e.g. 'duplicate of 2023-01-09-juliaca-clash')")))

        def body(cur, version: str) -> Change:
            current, row_version = self._current(cur, event_id)
            check_retract(event_id, current, current is None and self._logged(cur, event_id))
            spec = {"action": "retract", "id": event_id, "before": current, "after": None, "reason": reason,
                    "row_version": row_version}
            return self._commit(cur, [spec], who)

        return self._write(body)

    def undo(self, seq: int, who: str, reason: str = "") -> Change:
        """Undo the logged change number ``seq`` by applying (and logging) its inverse
        (see :meth:`geo.store.editor.Editor.undo`)."""
        who = check_who(who)
        if isinstance(seq, bool) or not isinstance(seq, int):
            raise TypeError(f"seq must be an int, got {seq!r}")

        def body(cur, version: str) -> Change:
            row = cur.execute(f"{_LOG_SELECT} WHERE seq = %s", (seq,)).fetchone()
            if row is None:
                raise LookupError(message(N_("no change number {seq} in the change log"), seq=seq))
            target = _entry_from_row(row)
            eid = target["id"]
            current, row_version = self._current(cur, eid)
            result = plan_undo(target, current, self.scope)
            spec = {"action": "undo", "id": eid, "before": current, "after": result,
                    "reason": undo_reason(target, reason), "undoes": seq,
                    "row_version": row_version}
            return self._commit(cur, [spec], who)

        return self._write(body)

    # -- machinery -------------------------------------------------------------------
    def _current(self, cur, event_id: str) -> tuple[dict | None, int | None]:
        row = cur.execute(f"SELECT feature, row_version FROM {SCHEMA}.events WHERE id = %s", (event_id,)).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def _logged(self, cur, event_id: str) -> bool:
        return cur.execute(f"SELECT EXISTS (SELECT 1 FROM {SCHEMA}.event_ids WHERE id = %s)",
                           (event_id,)).fetchone()[0]

    def _taken_like(self, cur, feature: Mapping) -> set[str]:
        """The used ids that :func:`geo.store.editor.new_event_id` could collide with for ``feature``:
        its stem and the stem's numbered variants (asking for all ids would not scale)."""
        stem = new_event_id(feature, set())
        # Writers that make ids from the same stem take turns until they commit (a lock held to
        # the transaction's end), so they never pick the same free id and retry in step.
        cur.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (f"{SCHEMA}.event_ids:{stem}",))
        pattern = stem.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "-%"
        return {r[0] for r in cur.execute(f"SELECT id FROM {SCHEMA}.event_ids WHERE id = %s OR id LIKE %s",
                                          (stem, pattern))}

    def _write(self, body: Callable[[Any, str], Change]) -> Change:
        """Run ``body(cursor, data_version)`` in a transaction; retry it when a concurrent change won."""
        import psycopg
        errors = psycopg.errors
        for attempt in range(WRITE_ATTEMPTS):
            try:
                with self.store.transaction() as cur:
                    row = cur.execute(f"SELECT instance, data_version FROM {SCHEMA}.meta").fetchone()
                    if row is None:
                        raise self.store._not_initialised()
                    return body(cur, f"{row[0]}:{row[1]}")
            except (_Retry, errors.UniqueViolation, errors.DeadlockDetected, errors.SerializationFailure):
                time.sleep(random.uniform(0, min(0.25, 0.002 * 2 ** attempt)))  # capped exponential back-off
            except errors.UndefinedTable:
                raise self.store._not_initialised() from None
        raise TimeoutError(f"{self.location}: the change could not be saved after {WRITE_ATTEMPTS} attempts: "
                           "other editors kept changing the same events")

    def _commit(self, cur, specs: list[dict], who: str) -> Change:
        """Apply the specs to the events table (guarded by row version), then log them."""
        if not specs:
            return Change()
        new_rows = {s["id"]: row for s, row in zip(
            [s for s in specs if s["after"] is not None],
            _event_rows([s["after"] for s in specs if s["after"] is not None]))}
        fresh_ids = sorted(s["id"] for s in specs if s["action"] in ("add", "import"))
        if fresh_ids:
            cur.executemany(f"INSERT INTO {SCHEMA}.event_ids (id) VALUES (%s)", [(i,) for i in fresh_ids])
        cols = ", ".join(_EVENT_COLUMNS)
        marks = ", ".join(["%s"] * len(_EVENT_COLUMNS))
        inserts = [new_rows[s["id"]] for s in specs if s["before"] is None]
        if inserts:
            cur.executemany(f"INSERT INTO {SCHEMA}.events ({cols}) VALUES ({marks})", inserts)
        for spec in specs:
            if spec["before"] is None:
                continue
            if spec["after"] is None:
                cur.execute(f"DELETE FROM {SCHEMA}.events WHERE id = %s AND row_version = %s",
                            (spec["id"], spec["row_version"]))
            else:
                sets = ", ".join(f"{c} = %s" for c in _EVENT_COLUMNS[1:])
                cur.execute(f"UPDATE {SCHEMA}.events SET {sets}, row_version = row_version + 1 "
                            f"WHERE id = %s AND row_version = %s",
                            (*new_rows[spec["id"]][1:], spec["id"], spec["row_version"]))
            if cur.rowcount != 1:
                raise _Retry()
        # Last: number the entries in commit order and publish the new data version.
        last = cur.execute(f"UPDATE {SCHEMA}.meta SET data_version = data_version + 1, last_seq = last_seq + %s "
                           "RETURNING last_seq", (len(specs),)).fetchone()[0]
        entries = log_entries(specs, who, last - len(specs) + 1)
        cur.executemany(f"INSERT INTO {SCHEMA}.changelog (seq, tx, tx_size, who, at, action, event_id, before, "
                        "after, reason, undoes, extra) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                        [_log_row(e) for e in entries])
        return Change(entries=entries)
