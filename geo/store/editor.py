"""Changing the events layer safely: a lock, a conflict check, an append-only change log.

Every change goes through :class:`Editor`:

* it takes ``data/.events.lock`` (a file lock), so two editors never write at once;
* it re-reads ``events.geojson`` under the lock and compares it with the snapshot the editor
  started from (a content digest); when they differ, the change is re-applied to the fresh
  file if it still applies (field by field), otherwise :class:`ConflictError` is raised;
* it appends one JSON line per changed event to ``data/changelog.jsonl`` (fsync'd) *before*
  writing the events file atomically (temporary file, fsync, rename). A crash between the two
  is repaired by the next change (the logged change is rolled forward); a torn last log line
  is discarded (the events file was never written for it). So a crash leaves the last good
  file, and :func:`rebuild_from_log` gives back the current events from the snapshot taken
  when the log began (``data/changelog.base.geojson``) plus the log;
* retracted events leave ``events.geojson`` and keep their full record in the log; ids are
  never reused (new ids are checked against the file and the log);
* any logged change can be undone: the inverse change is applied and logged as ``undo``.

Log lines hold ``seq, tx, tx_size, who, when (UTC ISO), action, id, before, after, reason``
(plus ``undoes`` for an undo, and ``file_before``/``file_after`` digests of the events file).
``before``/``after`` are whole GeoJSON Features, or null when the event did not exist.
"""
from __future__ import annotations

import copy
import json
import os
import re
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import filelock

from geo.core.dataset import INFO_FILE, parse_info
from geo.core.i18n import N_
from geo.core.model import ANYWHERE, DataError, Problem, Scope, event_content, message
from geo.core.paths import is_bundled

# The change log's core, shared with the PostGIS editor; re-exported here, where callers import it.
from geo.store.changelog import (  # noqa: F401
    ACTIONS,
    ENTRY_KEYS,
    Change,
    ConflictError,
    Snapshot,
    apply_changes,
    apply_entries,
    changes_between,
    check_retract,
    check_who,
    describe_entry,
    digest_bytes,
    effective_value,
    entry_problem,
    log_entries,
    merge_event,
    new_event_id,
    parse_log_bytes,
    plan_additions,
    plan_edit,
    plan_sync,
    plan_undo,
    read_base,
    read_log,
    rebuild_from_log,
    undo_reason,
    utc_now,
)
from geo.store.files import atomic_write, fsync_dir, present, read_data_file, read_json_file
from geo.store.layout import BASE_FILE, EVENTS_FILE, LOCK_FILE, LOG_FILE, resolve_data_dir  # noqa: F401

#: ``who`` of the entries that record a change made to events.geojson outside the editor.
OUTSIDE = "(outside the editor)"
#: Temporary files older than this (seconds) found under the lock are left-overs of a crash.
STALE_TMP_S = 60.0


class ReadOnlyDataError(PermissionError):
    """The folder is the bundled dataset, which is never edited in place (see :attr:`Editor.read_only`)."""

    def __init__(self, folder: str | os.PathLike):
        super().__init__(
            f"{folder} is the bundled dataset, the project's published data: it is never edited in "
            "place. Make your own copy with `blockade-map init-data DIR` and edit that one "
            "(--data DIR, or BLOCKADE_MAP_DATA=DIR for the dashboard).")



# ---------------------------------------------------------------- writing fast

_PAIR = re.compile(r"\[\s*(-?\d+(?:\.\d+)?),\s*(-?\d+(?:\.\d+)?)\s*\]")


class _Dumper:
    """Writes a FeatureCollection in the bundled file's layout (that of
    :func:`geo.store.folder.dump_collection`, with each ``[lon, lat]`` pair kept on one line), so an
    edit changes only the lines of the events it touches.

    The text of unchanged features is reused (the indented JSON encoder is pure Python and
    slow): the cache holds, per id, the feature it was made from, and a dict comparison (in C)
    tells whether it still applies.
    """

    def __init__(self):
        self._cache: dict[Any, tuple[Any, str]] = {}

    def _feature(self, feature: Any) -> str:
        key = feature.get("id") if isinstance(feature, dict) else None
        hit = self._cache.get(key) if isinstance(key, str) else None
        if hit is not None and hit[0] == feature:
            return hit[1]
        text = json.dumps(feature, ensure_ascii=False, indent=1)
        text = _PAIR.sub(lambda m: f"[{m.group(1)}, {m.group(2)}]", text).replace("\n", "\n  ")
        if isinstance(key, str):
            self._cache[key] = (copy.deepcopy(feature), text)
        return text

    def dump(self, collection: Mapping) -> str:
        """The text of ``collection``."""
        parts = []
        for key, value in collection.items():
            name = json.dumps(key, ensure_ascii=False)
            if key == "features" and isinstance(value, list) and value:
                body = ",\n  ".join(self._feature(f) for f in value)
                parts.append(f"{name}: [\n  {body}\n ]")
            else:
                parts.append(f"{name}: " + json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n "))
        return "{\n " + ",\n ".join(parts) + "\n}\n" if parts else "{}\n"


# ---------------------------------------------------------------- the editor

@dataclass
class _Fresh:
    collection: dict
    digest: str
    by_id: dict[str, dict]


class Editor:
    """Safe changes to one data folder's events (see the module docstring).

    Parameters
    ----------
    data_dir : path, optional
        The data folder (default ``$BLOCKADE_MAP_DATA`` or the bundled ``data/``).
    timeout : float
        Seconds to wait for the lock before giving up with :class:`TimeoutError`.

    Examples
    --------
    >>> ed = Editor("data")                                   # doctest: +SKIP
    >>> seen = ed.read()                                      # doctest: +SKIP
    >>> ed.edit("e-1", {"fatalities": 2}, who="ana", seen=seen)   # doctest: +SKIP
    """

    def __init__(self, data_dir: str | os.PathLike | None = None, timeout: float = 60.0):
        self.folder = resolve_data_dir(data_dir)
        self.events_path = self.folder / EVENTS_FILE
        self.log_path = self.folder / LOG_FILE
        self.base_path = self.folder / BASE_FILE
        self._lock = filelock.FileLock(self.folder / LOCK_FILE, timeout=timeout, poll_interval=0.005,
                                      preserve_lock_file=True)
        self._log_offset = 0
        self._log_lines = 0
        self._log_ids: set[str] = set()
        self._last_seq = 0
        self._last_tx: list[dict] = []
        self._log_key: tuple | None = None
        self._dumper = _Dumper()
        self.scope = self._read_scope()

    def _read_scope(self) -> Scope:
        """The checks ``dataset.json`` adds (its regions, its area); none without the file."""
        path = self.folder / INFO_FILE
        if not present(path):
            return ANYWHERE
        data, problems = read_json_file(path)
        info, problems = parse_info(data) if not problems else (None, problems)
        if info is None:  # parse_info gives no info exactly when it finds problems
            raise DataError(problems)
        return info.scope()

    @property
    def location(self) -> str:
        """The data folder, for messages (as the PostGIS editor's ``location``)."""
        return str(self.folder)

    @property
    def read_only(self) -> bool:
        """True for the bundled dataset: every change raises :class:`ReadOnlyDataError`, so the
        project's published data (and the tests that read it) never change under an editor."""
        return is_bundled(self.folder)

    # -- reading ---------------------------------------------------------------------
    def read(self) -> Snapshot:
        """The events file now (no lock needed: writes are atomic renames)."""
        raw = self._read_events_bytes()
        return Snapshot(self._parse_events(raw), digest_bytes(raw))

    def history(self, event_id: str | None = None) -> list[dict]:
        """Log entries, oldest first; only those of ``event_id`` when given."""
        entries = read_log(self.log_path)
        return [e for e in entries if event_id is None or e["id"] == event_id]

    def entry(self, seq: int) -> dict:
        """The log entry with number ``seq``; LookupError when there is none."""
        for e in read_log(self.log_path):
            if e["seq"] == seq:
                return e
        raise LookupError(message(N_("no change number {seq} in the change log"), seq=seq))

    def retracted(self) -> list[dict]:
        """The last record of every event that is logged but no longer in the file."""
        current = set(self.read().ids)
        last: dict[str, dict] = {}
        for e in read_log(self.log_path):
            last[e["id"]] = e
        return [e for eid, e in last.items() if eid not in current and e.get("before")]

    def logged_ids(self) -> set[str]:
        """Every id the change log mentions (current and retracted events)."""
        return {e["id"] for e in read_log(self.log_path)}

    def taken_ids(self) -> set[str]:
        """Every id in use or ever used: the file's and the log's."""
        return set(self.read().ids) | self.logged_ids()

    def pending(self) -> list[dict]:
        """The last logged change when it is not yet in events.geojson (a crash between the log
        write and the file write): the next edit rolls it forward. Empty when there is none."""
        entries = read_log(self.log_path)
        if not entries:
            return []
        tail = [e for e in entries if e["tx"] == entries[-1]["tx"]]
        try:
            now = digest_bytes(self._read_events_bytes())
        except DataError:
            return []
        if now != tail[0].get("file_after") and now == tail[0].get("file_before"):
            return tail
        return []

    def verify(self) -> list[str]:
        """Compare the file with base + log; return the differences (empty when they agree).

        A change waiting to be rolled forward (:meth:`pending`) is not a difference.
        """
        if not self.log_path.exists():
            return []
        if not self.base_path.exists():
            return [f"{BASE_FILE} is missing: the log cannot be replayed"]
        entries = read_log(self.log_path)
        waiting = {e["seq"] for e in self.pending()}
        base = read_base(self.base_path)
        rebuilt = {f["id"]: f for f in rebuild_from_log([e for e in entries if e["seq"] not in waiting], base)["features"]}
        current = {f.get("id"): f for f in self.read().collection["features"] if isinstance(f, dict)}
        out = [f"{i}: in the file, not in the log" for i in current if i not in rebuilt]
        out += [f"{i}: in the log, not in the file" for i in rebuilt if i not in current]
        out += [f"{i}: differs from the log" for i in current if i in rebuilt and rebuilt[i] != current[i]]
        return out

    # -- changes ---------------------------------------------------------------------
    def add(self, feature: Mapping, who: str, reason: str = "") -> Change:
        """Add one event; an id is made when the feature has none. Returns the :class:`Change`."""
        return self.add_many([feature], who, reason, action="add")

    def add_many(self, features: Sequence[Mapping], who: str, reason: str = "",
                 action: str = "import", check: Callable[[list[dict], dict], list[Problem]] | None = None) -> Change:
        """Add several events in one write: all of them or none (DataError names each problem).

        Everything is checked under the lock, after any logged change waiting to be rolled
        forward is in the file: ids, the contract, and for an ``import`` the events the data
        already holds (identical place, dates, fields and sources): those are left out and
        listed in :attr:`Change.already`, so importing a file twice adds nothing the second time.

        Parameters
        ----------
        check : callable, optional
            ``check(new_features, fresh_collection) -> problems``, called under the lock with the
            features about to be written (ids given) and the events file as it is then, e.g. to
            look again for probable duplicates; any problem refuses the whole change.
        """
        who = check_who(who)
        if action not in ("add", "import"):
            raise ValueError(f"action must be 'add' or 'import', got {action!r}")
        if isinstance(features, Mapping) or not all(isinstance(f, Mapping) for f in features):
            raise TypeError("features must be a list of GeoJSON Feature dicts")
        with self._transaction() as fresh:
            taken = set(fresh.by_id) | self._log_ids
            held = {event_content(f): fid for fid, f in fresh.by_id.items()} if action == "import" else {}
            # An event the data holds unchanged, under the same id or with none given: already in.
            specs, problems, already = plan_additions(
                features, action, reason, self.scope, held, in_data=fresh.by_id.__contains__,
                retired=self._log_ids.__contains__, taken_for=lambda feature: taken)
            if not problems and check is not None and specs:
                problems += check([spec["after"] for spec in specs], fresh.collection)
            if problems:
                raise DataError(problems)
            change = self._commit(fresh, specs, who)
            change.already = already
            return change

    def sync(self, compute: Callable[[dict], Sequence[tuple[str | None, Mapping | None, str]]], who: str) -> Change:
        """Add, edit and retract events in one write, as ``compute(collection)`` decides under the lock
        from the events as they are then (see :func:`geo.store.changelog.plan_sync`); nothing is
        written when it asks for no change. DataError names each problem, and then nothing is written."""
        who = check_who(who)
        with self._transaction() as fresh:
            specs, problems = plan_sync(compute(fresh.collection), fresh.by_id, self.scope,
                                        set(fresh.by_id) | self._log_ids)
            if problems:
                raise DataError(problems)
            return self._commit(fresh, specs, who)

    def edit(self, event_id: str, changes: Mapping[str, Any], who: str, reason: str = "",
             seen: Snapshot | None = None) -> Change:
        """Change fields of one event.

        Parameters
        ----------
        event_id : str
        changes : mapping
            Field -> new value (see :func:`apply_changes`).
        who : str
            The editor's name, for the log.
        reason : str
        seen : Snapshot, optional
            The snapshot the editor's form was filled from. When the file changed since,
            the change is re-applied to the fresh file field by field.

        Raises
        ------
        ConflictError, DataError, LookupError
        """
        who = check_who(who)
        with self._transaction() as fresh:
            current = fresh.by_id.get(event_id)
            result = plan_edit(event_id, current, seen.event(event_id) if seen is not None else None, changes,
                               event_id in self._log_ids, self.scope)
            if result is None:
                return Change(merged=seen is not None and seen.digest != fresh.digest)
            spec = {"action": "edit", "id": event_id, "before": current, "after": result, "reason": reason}
            change = self._commit(fresh, [spec], who)
            change.merged = seen is not None and seen.digest != fresh.digest
            return change

    def retract(self, event_id: str, who: str, reason: str) -> Change:
        """Take an event off the map; its full record stays in the log. A reason is required."""
        who = check_who(who)
        if not isinstance(reason, str) or not reason.strip():
            raise ValueError(message(N_("a retraction needs a reason (e.g. 'duplicate of 2023-01-09-juliaca-clash')")))
        with self._transaction() as fresh:
            current = fresh.by_id.get(event_id)
            check_retract(event_id, current, event_id in self._log_ids)
            spec = {"action": "retract", "id": event_id, "before": current, "after": None, "reason": reason}
            return self._commit(fresh, [spec], who)

    def undo(self, seq: int, who: str, reason: str = "") -> Change:
        """Undo the logged change number ``seq`` by applying (and logging) its inverse.

        Undoing an add or import removes the event; undoing a retraction restores the record;
        undoing an edit sets the fields it changed back, provided nobody changed them since.
        """
        who = check_who(who)
        if isinstance(seq, bool) or not isinstance(seq, int):
            raise TypeError(f"seq must be an int, got {seq!r}")
        with self._transaction() as fresh:
            target = next((e for e in read_log(self.log_path) if e["seq"] == seq), None)
            if target is None:
                raise LookupError(message(N_("no change number {seq} in the change log"), seq=seq))
            eid = target["id"]
            current = fresh.by_id.get(eid)
            result = plan_undo(target, current, self.scope)
            spec = {"action": "undo", "id": eid, "before": current, "after": result,
                    "reason": undo_reason(target, reason), "undoes": seq}
            return self._commit(fresh, [spec], who)

    # -- machinery -------------------------------------------------------------------
    def _read_events_bytes(self) -> bytes:
        """The events file's bytes; those of an empty collection when a folder holding
        ``dataset.json`` has no events file yet (a new dataset: the first change writes it)."""
        try:
            return read_data_file(self.events_path)
        except FileNotFoundError:
            if present(self.folder / INFO_FILE):
                return self._dumper.dump({"type": "FeatureCollection", "features": []}).encode("utf-8")
            raise DataError([Problem(EVENTS_FILE, "(file)", "", N_("not found in {folder}"),
                                     {"folder": str(self.folder)})]) from None

    def _parse_events(self, raw: bytes) -> dict:
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise DataError([Problem(EVENTS_FILE, "(file)", "", N_("cannot be read as JSON: {reason}"),
                                     {"reason": str(exc)})]) from exc
        if not isinstance(data, dict) or not isinstance(data.get("features"), list):
            raise DataError([Problem(EVENTS_FILE, "(file)", "", N_("is not a FeatureCollection"))])
        return data

    @contextmanager
    def _transaction(self) -> Iterator[_Fresh]:
        if self.read_only:
            raise ReadOnlyDataError(self.folder)
        with self._lock:
            self._scan_log()
            raw = self._read_events_bytes()
            raw = self._recover(raw)
            collection = self._parse_events(raw)
            self._remove_stale_tmp()
            yield _Fresh(collection, digest_bytes(raw),
                         {f.get("id"): f for f in collection["features"]})

    def _scan_log(self) -> None:
        """Read new log lines since the last scan; cut off an unfinished last transaction."""
        try:
            st = self.log_path.stat()
        except FileNotFoundError:
            self._log_offset, self._log_ids, self._last_seq, self._last_tx = 0, set(), 0, []
            self._log_key, self._log_lines = None, 0
            return
        key = (st.st_ino, st.st_dev)
        if key != self._log_key or st.st_size < self._log_offset:
            self._log_offset, self._log_ids, self._last_seq, self._last_tx = 0, set(), 0, []
            self._log_key, self._log_lines = key, 0
        if st.st_size == self._log_offset:
            return
        data = read_data_file(self.log_path, offset=self._log_offset)
        entries, good, lines = parse_log_bytes(data, self._log_lines + 1)
        if good < len(data):
            # A crash while appending: those lines were never applied to the events file.
            with open(self.log_path, "r+b") as handle:
                handle.truncate(self._log_offset + good)
                handle.flush()
                os.fsync(handle.fileno())
        self._log_offset += good
        self._log_lines += lines
        for entry in entries:
            self._log_ids.add(entry["id"])
            self._last_seq = max(self._last_seq, entry["seq"])
        if entries:
            last_tx = entries[-1]["tx"]
            self._last_tx = [e for e in entries if e["tx"] == last_tx]

    def _recover(self, raw: bytes) -> bytes:
        """Bring the events file in line with the log; return its (possibly new) bytes."""
        if not self._last_tx:
            return raw
        now = digest_bytes(raw)
        tail = self._last_tx[0]
        if now == tail.get("file_after"):
            return raw
        if now == tail.get("file_before"):
            # The log was written but the events file was not: roll the change forward.
            text = self._dumper.dump(apply_entries(self._parse_events(raw), self._last_tx))
            atomic_write(self.events_path, text)
            return text.encode("utf-8")
        return self._reconcile_outside_change(raw)

    def _reconcile_outside_change(self, raw: bytes) -> bytes:
        """events.geojson was changed without the editor: log the differences as changes."""
        if not self.base_path.exists():
            raise ConflictError(message(N_("{path} was changed outside the editor and {base} is missing, so {log} "
                                           "cannot be checked; move {log} away to start a new log"),
                                        path=str(self.events_path), base=BASE_FILE, log=LOG_FILE))
        expected = rebuild_from_log(read_log(self.log_path), read_base(self.base_path))
        current = self._parse_events(raw)
        want = {f.get("id"): f for f in current["features"]}
        have = {f.get("id"): f for f in expected["features"]}
        reason = "found changed on disk outside the editor"
        specs = []
        for fid, feature in want.items():
            if fid not in have:
                specs.append({"action": "add", "id": fid, "before": None, "after": feature, "reason": reason})
            elif have[fid] != feature:
                specs.append({"action": "edit", "id": fid, "before": have[fid], "after": feature, "reason": reason})
        for fid, feature in have.items():
            if fid not in want:
                specs.append({"action": "retract", "id": fid, "before": feature, "after": None, "reason": reason})
        fresh = _Fresh(expected, digest_bytes(raw), have)
        if specs:
            self._commit(fresh, specs, OUTSIDE)
        else:  # same events, other formatting or order: record nothing, rewrite canonically
            text = self._dumper.dump(expected)
            atomic_write(self.events_path, text)
            self._last_tx = [dict(e, file_after=digest_bytes(text.encode("utf-8"))) for e in self._last_tx]
        return read_data_file(self.events_path)

    def _commit(self, fresh: _Fresh, specs: list[dict], who: str) -> Change:
        """Append the entries (fsync'd), then write the events file atomically."""
        if not specs:
            return Change()
        new = apply_entries(fresh.collection, specs)
        text = self._dumper.dump(new)
        after_digest = digest_bytes(text.encode("utf-8"))
        entries = log_entries(specs, who, self._last_seq + 1)
        for entry in entries:
            entry["file_before"] = fresh.digest
            entry["file_after"] = after_digest
        if self._log_offset == 0:
            # A new log starts from the file as it is now.
            atomic_write(self.base_path, self._dumper.dump(fresh.collection))
        payload = "".join(json.dumps(e, ensure_ascii=False, separators=(",", ":")) + "\n" for e in entries)
        created = not self.log_path.exists()
        fd = os.open(self.log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            data = payload.encode("utf-8")
            written = 0
            while written < len(data):
                written += os.write(fd, data[written:])
            os.fsync(fd)
        finally:
            os.close(fd)
        if created:
            fsync_dir(self.folder)
            self._log_key = (self.log_path.stat().st_ino, self.log_path.stat().st_dev)
        self._log_offset += len(data)
        self._log_lines += len(entries)
        atomic_write(self.events_path, text)
        self._last_seq = entries[-1]["seq"]
        self._last_tx = entries
        self._log_ids.update(e["id"] for e in entries)
        return Change(entries=entries)

    def _remove_stale_tmp(self) -> None:
        cutoff = time.time() - STALE_TMP_S
        for tmp in self.folder.glob(f".{EVENTS_FILE}.*.tmp"):
            try:
                if tmp.stat().st_mtime < cutoff:
                    tmp.unlink()
            except FileNotFoundError:
                continue
