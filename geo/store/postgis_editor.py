"""The PostGIS editor: changes to a :class:`~geo.store.postgis.PostgisStore`'s events, each one transaction.

It plans every change with the change log's shared core (:mod:`geo.store.changelog`), exactly
as the folder :class:`~geo.store.editor.Editor` does, and commits it in SQL. Edits are
optimistic: the event is read with its ``row_version``, the change is merged field by field
with :func:`geo.store.changelog.merge_event` (a field someone else changed meanwhile is a
:class:`~geo.store.changelog.ConflictError` naming the current value), and the row is updated
only ``WHERE row_version`` is still the one read; when another transaction got there first the
whole change is retried on the fresh row. The ``meta`` row is updated last in each transaction:
it numbers the log entries gap-free in commit order and makes the new ``data_version`` visible
with the data, at once. The editor uses only the store's public methods.
"""
from __future__ import annotations

import random
import time
from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, Protocol

from geo.core.i18n import N_
from geo.core.model import ANYWHERE, DataError, Problem, event_content, message
from geo.store.changelog import (
    Change,
    Snapshot,
    check_retract,
    check_who,
    log_entries,
    new_event_id,
    plan_additions,
    plan_edit,
    plan_sync,
    plan_undo,
    rebuild_from_log,
    undo_reason,
)
from geo.store.postgis_sql import (
    COUNTS_FROM_EVENTS,
    EVENT_COLUMNS,
    LOG_SELECT,
    SCHEMA,
    StoredLayers,
    collection,
    entry_from_row,
    event_rows,
    log_row,
)


class Tables(Protocol):
    """What the editor needs of a :class:`~geo.store.postgis.PostgisStore`: its public reading
    and transaction methods (the store imports this module to hand out its editor)."""

    location: str

    def collections(self) -> StoredLayers:
        """Every layer as the folder holds it, with ``info`` and ``info_problems``."""

    def reading(self) -> AbstractContextManager[Any]:
        """A cursor in a read-only transaction that sees one moment."""

    def transaction(self, begin: str = "BEGIN") -> AbstractContextManager[Any]:
        """A cursor inside one transaction, committed when the block ends."""

    def layer_members(self, cur) -> dict:
        """The stored members of each layer and ``dataset.json``."""

    def features(self, cur, table: str, where: str = "", params: Sequence = ()) -> list[dict]:
        """The features of a table, in layer order."""

    def not_initialised(self) -> Exception:
        """The error saying the database has no tables yet."""


#: How often a change is retried when another transaction changed the same rows first.
WRITE_ATTEMPTS = 50


@dataclass(frozen=True)
class PostgisSnapshot(Snapshot):
    """The events as an editor saw them; ``digest`` is the store's data version then, and
    ``versions`` the ``row_version`` of each event."""

    versions: Mapping[str, int] = field(default_factory=dict)


class _Retry(Exception):
    """Another transaction changed the rows this change read: run it again on fresh rows."""


class PostgisEditor:
    """Changes to a :class:`~geo.store.postgis.PostgisStore`'s events, with the semantics of
    :class:`geo.store.editor.Editor`: the same checks, merges, errors, log entries and
    :class:`~geo.store.changelog.Change` results.

    Every change is one transaction; see the module docstring for how concurrent changes meet.
    """

    def __init__(self, store: Tables):
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
        with self.store.reading() as cur:
            layers = self.store.layer_members(cur)
            version = cur.execute(f"SELECT instance, data_version FROM {SCHEMA}.meta").fetchone()
            rows = cur.execute(f"SELECT feature, row_version FROM {SCHEMA}.events ORDER BY ord").fetchall()
        events = collection(layers.get("events"), [r[0] for r in rows])
        return PostgisSnapshot(events, f"{version[0]}:{version[1]}", {r[0]["id"]: r[1] for r in rows})

    def history(self, event_id: str | None = None) -> list[dict]:
        """Log entries, oldest first; only those of ``event_id`` when given."""
        with self.store.reading() as cur:
            if event_id is None:
                rows = cur.execute(f"{LOG_SELECT} ORDER BY seq").fetchall()
            else:
                rows = cur.execute(f"{LOG_SELECT} WHERE event_id = %s ORDER BY seq", (event_id,)).fetchall()
        return [entry_from_row(r) for r in rows]

    def entry(self, seq: int) -> dict:
        """The log entry with number ``seq``; LookupError when there is none."""
        with self.store.reading() as cur:
            row = cur.execute(f"{LOG_SELECT} WHERE seq = %s", (seq,)).fetchone()
        if row is None:
            raise LookupError(message(N_("no change number {seq} in the change log"), seq=seq))
        return entry_from_row(row)

    def retracted(self) -> list[dict]:
        """The last record of every event that is logged but no longer in the data."""
        with self.store.reading() as cur:
            rows = cur.execute(
                f"SELECT * FROM (SELECT DISTINCT ON (l.event_id) l.seq, l.tx, l.tx_size, l.who, l.at, l.action, "
                f"l.event_id, l.before, l.after, l.reason, l.undoes, l.extra, "
                f"min(l.seq) OVER (PARTITION BY l.event_id) AS first_seq "
                f"FROM {SCHEMA}.changelog l WHERE NOT EXISTS (SELECT 1 FROM {SCHEMA}.events e WHERE e.id = l.event_id) "
                f"ORDER BY l.event_id, l.seq DESC) last ORDER BY first_seq").fetchall()
        entries = [entry_from_row(r[:12]) for r in rows]
        return [e for e in entries if e.get("before")]

    def logged_ids(self) -> set[str]:
        """Every id the change log mentions (current and retracted events)."""
        with self.store.reading() as cur:
            return {r[0] for r in cur.execute(f"SELECT DISTINCT event_id FROM {SCHEMA}.changelog")}

    def taken_ids(self) -> set[str]:
        """Every id in use or ever used."""
        with self.store.reading() as cur:
            return {r[0] for r in cur.execute(f"SELECT id FROM {SCHEMA}.event_ids UNION SELECT id FROM {SCHEMA}.events")}

    def pending(self) -> list[dict]:
        """Changes logged but not yet applied: none in a database (every change is one transaction)."""
        return []

    def verify(self) -> list[str]:
        """Compare the events with base + log; return the differences (empty when they agree)."""
        with self.store.reading() as cur:
            base = collection(None, self.store.features(cur, "changelog_base"))
            log = [entry_from_row(r) for r in cur.execute(f"{LOG_SELECT} ORDER BY seq")]
            current = {f["id"]: f for f in self.store.features(cur, "events")}
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
            current = self.store.features(cur, "events") if action == "import" or check is not None else None
            held = {event_content(f): f["id"] for f in current} if action == "import" and current is not None else {}
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

    def sync(self, compute: Callable[[dict], Sequence[tuple[str | None, Mapping | None, str]]], who: str) -> Change:
        """Add, edit and retract events in one transaction, as ``compute(collection)`` decides from the
        events as they are then (see :meth:`geo.store.editor.Editor.sync`)."""
        who = check_who(who)

        def body(cur, version: str) -> Change:
            rows = cur.execute(f"SELECT feature, row_version FROM {SCHEMA}.events ORDER BY ord").fetchall()
            current = {r[0]["id"]: r[0] for r in rows}
            versions = {r[0]["id"]: r[1] for r in rows}
            taken = set(current) | {r[0] for r in cur.execute(f"SELECT id FROM {SCHEMA}.event_ids")}
            wanted = compute({"type": "FeatureCollection", "features": [r[0] for r in rows]})
            specs, problems = plan_sync(wanted, current, self.scope, taken)
            if problems:
                raise DataError(problems)
            for spec in specs:
                if spec["before"] is not None:
                    spec["row_version"] = versions[spec["id"]]
            return self._commit(cur, specs, who)

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
            row = cur.execute(f"{LOG_SELECT} WHERE seq = %s", (seq,)).fetchone()
            if row is None:
                raise LookupError(message(N_("no change number {seq} in the change log"), seq=seq))
            target = entry_from_row(row)
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
                        raise self.store.not_initialised()
                    return body(cur, f"{row[0]}:{row[1]}")
            except (_Retry, errors.UniqueViolation, errors.DeadlockDetected, errors.SerializationFailure):
                time.sleep(random.uniform(0, min(0.25, 0.002 * 2 ** attempt)))  # capped exponential back-off
            except errors.UndefinedTable:
                raise self.store.not_initialised() from None
        raise TimeoutError(f"{self.location}: the change could not be saved after {WRITE_ATTEMPTS} attempts: "
                           "other editors kept changing the same events")

    def _commit(self, cur, specs: list[dict], who: str) -> Change:
        """Apply the specs to the events table (guarded by row version), then log them."""
        if not specs:
            return Change()
        new_rows = {s["id"]: row for s, row in zip(
            [s for s in specs if s["after"] is not None],
            event_rows([s["after"] for s in specs if s["after"] is not None]), strict=False)}
        fresh_ids = sorted(s["id"] for s in specs if s["action"] in ("add", "import"))
        if fresh_ids:
            cur.executemany(f"INSERT INTO {SCHEMA}.event_ids (id) VALUES (%s)", [(i,) for i in fresh_ids])
        cols = ", ".join(EVENT_COLUMNS)
        marks = ", ".join(["%s"] * len(EVENT_COLUMNS))
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
                sets = ", ".join(f"{c} = %s" for c in EVENT_COLUMNS[1:])
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
                        [log_row(e) for e in entries])
        return Change(entries=entries)
