"""A PostGIS store: the data layers and the change log in PostgreSQL, behind the folder's interface.

``--data postgresql://USER[:PASSWORD]@HOST:PORT/DB`` (or ``$BLOCKADE_MAP_DATA``) selects it;
:class:`PostgisStore` answers like a data folder: :meth:`~PostgisStore.load` gives the same
:class:`geo.core.dataset.Dataset` (its frames built by the same ``events_frame`` & co. from the same
feature dicts), :meth:`~PostgisStore.editor` gives an object with the methods and semantics of
:class:`geo.store.editor.Editor`, its documents answer as the folder's, and
:meth:`~PostgisStore.version` changes whenever the data does.

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
  ``data_version``, bumped by every change, so :meth:`PostgisStore.version` is one cheap query;
* ``documents``: the folder's other files (README, basemap, lexicon, gazetteer tables) byte for
  byte, by their path in a folder (see :mod:`geo.store.documents`).

The schema is ``postgis_schema.sql`` (see :mod:`geo.store.postgis_sql`); changes to the events
go through :class:`~geo.store.postgis_editor.PostgisEditor`, each one transaction.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import threading
import uuid
from collections.abc import Hashable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from geo.core.dataset import INFO_FILE, Dataset, DatasetInfo, default_info, info_problems, parse_info
from geo.core.dates import check_day
from geo.core.frames import corridors_frame, counts_frame, events_frame, hotspots_frame
from geo.core.i18n import N_
from geo.core.model import (
    ANYWHERE,
    COUNTS_COLUMNS,
    KINDS,
    DataError,
    Problem,
    validate_collection,
    validate_counts_rows,
)
from geo.core.redact import connection_failure_reason
from geo.core.redact import redact_url as _redact_url
from geo.store.changelog import digest_bytes, read_log
from geo.store.documents import Documents
from geo.store.editor import Editor
from geo.store.files import atomic_write, read_json_file
from geo.store.folder import FolderStore, dump_collection
from geo.store.layout import BASE_FILE, CORRIDORS_FILE, COUNTS_FILE, DOCUMENTS, EVENTS_FILE, HOTSPOTS_FILE, LOG_FILE
from geo.store.postgis_editor import PostgisEditor, PostgisSnapshot  # noqa: F401  (re-exported)
from geo.store.postgis_sql import (  # noqa: F401
    COUNTS_FROM_EVENTS,
    DDL,
    EVENT_COLUMNS,
    EVENT_INDEXES,
    LOG_SELECT,
    RECOUNT,
    SCHEMA,
    SCHEMA_VERSION,
    TABLES,
    StoredLayers,
    collection,
    entry_from_row,
    event_rows,
    filtered,
    json_text,
    log_row,
    members,
)

URL_SCHEMES = ("postgresql://", "postgres://")


# ---------------------------------------------------------------- URLs

def is_database_url(source: Any) -> bool:
    """True when ``source`` is a ``postgresql://`` (or ``postgres://``) URL rather than a folder."""
    return isinstance(source, str) and source.startswith(URL_SCHEMES)


def redact_url(url: str) -> str:
    """``url`` as messages may show it (see :func:`geo.core.redact.redact_url`); anything that is
    not a URL (a folder) comes back unchanged."""
    return _redact_url(url)


# ---------------------------------------------------------------- the store

_STORES: dict[str, PostgisStore] = {}
_STORES_LOCK = threading.Lock()


def open_postgis(url: str) -> PostgisStore:
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


class PostgisStore(Documents):
    """The data layers, change log and documents of one PostgreSQL database with PostGIS (a
    :class:`~geo.store.protocol.Store`).

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

    kind = "postgis"

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
        except (psycopg.Error, ValueError, OSError) as exc:  # a refused connection, a URL libpq cannot parse
            from geo.core.model import StoreUnavailable
            raise StoreUnavailable(self._problem(N_("cannot connect: {reason}"),
                                                 reason=connection_failure_reason(self.url, exc)).problems) from None

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
    def reading(self) -> Iterator[Any]:
        """A cursor in a read-only REPEATABLE READ transaction: every query sees one moment."""
        import psycopg
        try:
            with self.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") as cur:
                yield cur
        except psycopg.errors.UndefinedTable:
            raise self.not_initialised() from None

    def not_initialised(self) -> DataError:
        """The error for a database without the schema: it says to run ``db init``."""
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
        with self.reading() as cur:
            row = cur.execute(f"SELECT instance, data_version FROM {SCHEMA}.meta").fetchone()
        if row is None:
            raise self.not_initialised()
        return f"{row[0]}:{row[1]}"

    def counts(self) -> dict[str, int]:
        """Rows per table (``events``, ``hotspots``, ``corridors``, ``reported_counts``, ``changelog``...)."""
        with self.reading() as cur:
            return {t: cur.execute(f"SELECT count(*) FROM {SCHEMA}.{t}").fetchone()[0] for t in TABLES}

    # ------------------------------------------------------------ reading
    def layer_members(self, cur) -> dict:
        """The stored members of each layer (``events``, ``hotspots``, ``corridors``) and the parsed
        ``dataset.json`` (``dataset``), read with cursor ``cur``."""
        row = cur.execute(f"SELECT layers FROM {SCHEMA}.meta").fetchone()
        if row is None:
            raise self.not_initialised()
        return row[0] or {}

    def features(self, cur, table: str, where: str = "", params: Sequence = ()) -> list[dict]:
        """The stored features of ``table`` (narrowed by ``where``), in the layer's order."""
        return [r[0] for r in cur.execute(f"SELECT feature FROM {SCHEMA}.{table} {where} ORDER BY ord", params)]

    def _counts_rows(self, cur, where: str = "", params: Sequence = ()) -> list[dict]:
        rows = cur.execute(f"SELECT day, metric, value, reporter, source_url FROM {SCHEMA}.reported_counts "
                           f"{where} ORDER BY ord", params).fetchall()
        return [{"date": d.isoformat(), "metric": m, "value": str(v), "reporter": r, "source_url": u}
                for d, m, v, r, u in rows]

    def collections(self) -> StoredLayers:
        """Every layer as the folder holds it: ``events``, ``hotspots``, ``corridors`` (FeatureCollections),
        ``counts`` (reported_counts.csv rows as dicts of strings) and ``dataset`` (dataset.json, or None),
        read at one moment; ``info`` is the :class:`~geo.core.dataset.DatasetInfo` and ``info_problems``
        what is wrong with dataset.json."""
        with self.reading() as cur:
            layers = self.layer_members(cur)
            events, hotspots, corridors = (collection(layers.get(name), self.features(cur, name))
                                           for name in ("events", "hotspots", "corridors"))
            counts = self._counts_rows(cur)
        dataset = layers.get("dataset")
        info, problems = self._info(dataset)
        return StoredLayers(events=events, hotspots=hotspots, corridors=corridors, counts=counts, dataset=dataset,
                            info=info, info_problems=problems)

    def _info(self, raw: Any) -> tuple[DatasetInfo, list[Problem]]:
        """The DatasetInfo of a stored dataset.json (the defaults, titled after the database, without one)."""
        name = self.location.rsplit("/", 1)[-1].split("?")[0] or "database"
        if raw is None:
            return default_info(name), []
        info, problems = parse_info(raw, self._where("dataset"))
        return info or default_info(name), problems

    def _where(self, name: str) -> str:
        return f"{self.location} {SCHEMA}.{name}"

    def _check(self, layers: StoredLayers) -> dict[str, list[Problem]]:
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
            layers = self.collections()
            checks = self._check(layers)
        except DataError as exc:
            return exc.problems
        problems = [p for problems in checks.values() for p in problems]
        if not checks["info"] and layers["dataset"] is not None:
            valid = [layer["features"] for name, layer in (("events", layers["events"]), ("hotspots", layers["hotspots"]))
                     if not checks[name]]
            problems += info_problems(layers["info"], valid, self._where("dataset"))
        return problems

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
        with self.reading() as cur:
            events = self.features(cur, "events", f"WHERE {event_where}", event_params)
            hotspots = self.features(cur, "hotspots", f"WHERE {hotspot_when}",
                                      [day] if mode == "cumulative" else [day, day])
            counts = self._counts_rows(cur, "WHERE day = %s::date", [day])
            layers = self.layer_members(cur)
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
        return filtered(where, [day], kinds, regions)

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
        where, params = filtered(where, params, kinds, regions)
        with self.reading() as cur:
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
        kinds, regions))[list(DAY_COLUMNS)]`` on the loaded dataset (whose labels are categoricals,
        here text: :func:`geo.core.frames.labels_as_text` of it is equal); here the GiST index on the
        ``[start_day, end_day]`` range finds them without reading the other events.
        """
        import pandas as pd
        where, params = self._day_where(day, mode, kinds, regions)
        with self.reading() as cur:
            rows = cur.execute(f"SELECT id, kind, to_char(start_day, 'YYYY-MM-DD'), to_char(end_day, 'YYYY-MM-DD'), "
                               f"place, region, road, lon, lat, fatalities, injured, detained FROM {SCHEMA}.events "
                               f"WHERE {where} ORDER BY start_day, id", params).fetchall()
        frame = pd.DataFrame(rows, columns=list(self.DAY_COLUMNS))
        # The events frame's dtypes, also when no row came back; its labels as text (the loaded
        # frame's categoricals, geo.core.frames.CODED_COLUMNS, would carry every label of the data)
        return frame.astype({**{c: "str" for c in self.DAY_COLUMNS[:7]}, "lon": "float64", "lat": "float64",
                             "fatalities": "int32", "injured": "int32", "detained": "int32"})

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
        documents = source.documents()  # validate() checked that each can be read
        return self.write_layers(events, hotspots, corridors, counts, log, base, replace=replace,
                                 dataset=raw["dataset"], documents=documents)

    def write_layers(self, events: Mapping, hotspots: Mapping, corridors: Mapping, counts: list[dict],
                     log: Sequence[Mapping] = (), base: Mapping | None = None, replace: bool = False,
                     dataset: Mapping | None = None, documents: Mapping[str, bytes] | None = None) -> dict[str, int]:
        """Replace every table's rows with these layers (already validated) and ``documents`` (name ->
        bytes, see :data:`~geo.store.layout.DOCUMENTS`) in one transaction, with COPY."""
        import psycopg
        ev = list(events["features"])
        base_features = list((base if base is not None else events)["features"])
        taken = sorted({f["id"] for f in ev} | {e["id"] for e in log} | {f.get("id") for f in base_features
                                                                          if isinstance(f.get("id"), str)})
        layers = {"events": members(events), "hotspots": members(hotspots), "corridors": members(corridors),
                  "dataset": dataset}
        written = {}
        try:
            with self.transaction() as cur:
                if cur.execute(f"SELECT 1 FROM {SCHEMA}.meta FOR UPDATE").fetchone() is None:
                    raise self.not_initialised()
                if not self._has_documents(cur):
                    raise self._no_documents()
                if not replace and cur.execute(f"SELECT EXISTS (SELECT 1 FROM {SCHEMA}.events) OR EXISTS "
                                               f"(SELECT 1 FROM {SCHEMA}.changelog)").fetchone()[0]:
                    raise self._problem(N_("already holds events: give --replace to replace them"))
                cur.execute(f"TRUNCATE {', '.join(f'{SCHEMA}.{t}' for t in TABLES)}")
                for name in EVENT_INDEXES:
                    cur.execute(f"DROP INDEX {SCHEMA}.{name}")
                cur.execute(f"ALTER TABLE {SCHEMA}.events DISABLE TRIGGER events_count")
                cols = ", ".join(EVENT_COLUMNS)
                rows = event_rows(ev)
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
                    for i, (f, r) in enumerate(zip(hotspots["features"], hs.itertuples(index=False), strict=False)):
                        cp.write_row((i, f.get("id"), r.name, r.region, r.start, r.end, int(r.level),
                                      f"SRID=4326;{r.geometry.wkt}", json_text(f)))
                cs = corridors_frame(list(corridors["features"]))
                with cur.copy(f"COPY {SCHEMA}.corridors (ord, id, name, geom, feature) FROM STDIN") as cp:
                    for i, (f, r) in enumerate(zip(corridors["features"], cs.itertuples(index=False), strict=False)):
                        cp.write_row((i, r.id, r.name, f"SRID=4326;{r.geometry.wkt}", json_text(f)))
                with cur.copy(f"COPY {SCHEMA}.reported_counts (ord, day, metric, value, reporter, source_url) "
                              "FROM STDIN") as cp:
                    for i, count in enumerate(counts):
                        cp.write_row((i, count["date"], count["metric"], int(count["value"]), count["reporter"],
                                      count["source_url"]))
                with cur.copy(f"COPY {SCHEMA}.changelog (seq, tx, tx_size, who, at, action, event_id, before, "
                              "after, reason, undoes, extra) FROM STDIN") as cp:
                    for entry in log:
                        cp.write_row(log_row(entry))
                if base is None:  # the log starts here: its base is the events just loaded
                    cur.execute(f"INSERT INTO {SCHEMA}.changelog_base (ord, feature) "
                                f"SELECT ord, feature FROM {SCHEMA}.events")
                else:
                    with cur.copy(f"COPY {SCHEMA}.changelog_base (ord, feature) FROM STDIN") as cp:
                        for i, f in enumerate(base_features):
                            cp.write_row((i, json_text(f)))
                for name, blob in sorted((documents or {}).items()):
                    cur.execute(f"INSERT INTO {SCHEMA}.documents (name, content, digest) VALUES (%s, %s, %s)",
                                (name, blob, hashlib.sha256(blob).hexdigest()))
                cur.execute(f"UPDATE {SCHEMA}.meta SET data_version = data_version + 1, last_seq = %s, "
                            "layers = %s::json",
                            (max((e["seq"] for e in log), default=0), json_text(layers)))
                written = {"events": len(ev), "hotspots": len(hotspots["features"]),
                           "corridors": len(corridors["features"]), "reported_counts": len(counts),
                           "changelog": len(log), "documents": len(documents or {})}
        except psycopg.errors.UndefinedTable:
            raise self.not_initialised() from None
        with self.connection() as conn:
            for table in TABLES:  # fresh statistics, so the planner uses the indexes at once
                conn.execute(f"ANALYZE {SCHEMA}.{table}")
        return written

    # ------------------------------------------------------------ dumping to a folder
    def dump(self, folder: str | os.PathLike, overwrite: bool = False) -> dict[str, int]:
        """Write the data as a data folder: its layers, the change log with its base when there is one,
        and its documents (README, basemap, gazetteer, lexicon), that :func:`geo.store.load_dataset` and
        :meth:`load_folder` read back to the same answers. A document the database does not hold is
        removed from the folder, as the log is when there is none."""
        folder = Path(folder)
        names = (INFO_FILE, EVENTS_FILE, HOTSPOTS_FILE, CORRIDORS_FILE, COUNTS_FILE, LOG_FILE, BASE_FILE, *DOCUMENTS)
        if not overwrite:
            held = [n for n in names if os.path.lexists(folder / n)]
            if held:
                raise FileExistsError(f"{folder} already holds {', '.join(held)}: give --overwrite to replace them")
        documents = self.documents()
        with self.reading() as cur:
            layers = self.layer_members(cur)
            collections = {name: collection(layers.get(name), self.features(cur, name))
                           for name in ("events", "hotspots", "corridors")}
            counts = self._counts_rows(cur)
            log = [entry_from_row(r) for r in cur.execute(f"{LOG_SELECT} ORDER BY seq")]
            base = collection(layers.get("events"), self.features(cur, "changelog_base"))
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
        for name in DOCUMENTS:
            if name in documents:
                (folder / name).parent.mkdir(parents=True, exist_ok=True)
                atomic_write(folder / name, documents[name])
            else:
                (folder / name).unlink(missing_ok=True)
        return {"events": len(collections["events"]["features"]), "hotspots": len(collections["hotspots"]["features"]),
                "corridors": len(collections["corridors"]["features"]), "reported_counts": len(counts),
                "changelog": len(log), "documents": len(documents)}

    # ------------------------------------------------------------ documents
    def _has_documents(self, cur) -> bool:
        """Whether the documents table exists (a database set up before it came has none until
        ``db init`` runs again)."""
        return cur.execute("SELECT to_regclass(%s)", (f"{SCHEMA}.documents",)).fetchone()[0] is not None

    def _no_documents(self) -> DataError:
        return self._problem(N_("was set up before it kept documents (README, basemap, gazetteer, lexicon): run "
                                "`blockade-map db init --data {location}` again to add their table"),
                             location=self.location)

    def document(self, name: str) -> bytes | None:
        """The bytes of document ``name`` (:data:`~geo.store.layout.DOCUMENTS`), or None."""
        if name not in DOCUMENTS:
            raise ValueError(f"{name!r} is not a document of a data source (one of {', '.join(DOCUMENTS)})")
        with self.reading() as cur:
            if not self._has_documents(cur):
                return None
            row = cur.execute(f"SELECT content FROM {SCHEMA}.documents WHERE name = %s", (name,)).fetchone()
        return None if row is None else bytes(row[0])

    def document_stamp(self, *names: str) -> Hashable | None:
        """The digests of the documents ``names`` that exist (one indexed query)."""
        with self.reading() as cur:
            if not self._has_documents(cur):
                return None
            rows = cur.execute(f"SELECT name, digest FROM {SCHEMA}.documents WHERE name = ANY(%s) ORDER BY name",
                               (list(names),)).fetchall()
        return tuple(rows) or None

    def write_document(self, name: str, data: bytes | str) -> str:
        """Store document ``name`` (replacing it) and bump the data version; returns where it went."""
        if name not in DOCUMENTS:
            raise ValueError(f"{name!r} is not a document of a data source (one of {', '.join(DOCUMENTS)})")
        blob = data.encode("utf-8") if isinstance(data, str) else bytes(data)
        with self.transaction() as cur:
            if not self._has_documents(cur):
                raise self._no_documents()
            cur.execute(f"INSERT INTO {SCHEMA}.documents (name, content, digest) VALUES (%s, %s, %s) "
                        "ON CONFLICT (name) DO UPDATE SET content = EXCLUDED.content, digest = EXCLUDED.digest",
                        (name, blob, hashlib.sha256(blob).hexdigest()))
            cur.execute(f"UPDATE {SCHEMA}.meta SET data_version = data_version + 1")
        return f"{self.location} {SCHEMA}.documents {name}"

    # ------------------------------------------------------------ editing
    def editor(self) -> PostgisEditor:
        """An editor of this database's events, with :class:`geo.store.editor.Editor`'s methods."""
        return PostgisEditor(self)
