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
import hashlib
import json
import os
import re
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

import filelock

from geo.core.dataset import INFO_FILE, parse_info
from geo.core.i18n import ENGLISH, N_, Translator, translator
from geo.core.model import (ANYWHERE, PROPERTY_ORDER, DataError, Problem, Scope, event_content, id_problem, message,
                            validate_event)
from geo.core.paths import is_bundled
from geo.core.text import slug
from geo.core.words import kind_name
from geo.store.files import atomic_write, fsync_dir, read_json_file
from geo.store.layout import BASE_FILE, EVENTS_FILE, LOCK_FILE, LOG_FILE, resolve_data_dir

ACTIONS: tuple[str, ...] = ("add", "edit", "retract", "undo", "import")
#: ``who`` of the entries that record a change made to events.geojson outside the editor.
OUTSIDE = "(outside the editor)"
#: Temporary files older than this (seconds) found under the lock are left-overs of a crash.
STALE_TMP_S = 60.0
_GEOMETRY = "@geometry"


class ConflictError(RuntimeError):
    """The change no longer applies: someone else changed the same thing meanwhile."""


class ReadOnlyDataError(PermissionError):
    """The folder is the bundled dataset, which is never edited in place (see :attr:`Editor.read_only`)."""

    def __init__(self, folder: str | os.PathLike):
        super().__init__(
            f"{folder} is the bundled dataset, the project's published data: it is never edited in "
            "place. Make your own copy with `blockade-map init-data DIR` and edit that one "
            "(--data DIR, or BLOCKADE_MAP_DATA=DIR for the dashboard).")


def digest_bytes(data: bytes) -> str:
    """A short content digest (the first 16 hex digits of SHA-256)."""
    return hashlib.sha256(data).hexdigest()[:16]


def utc_now() -> str:
    """The current time in UTC as ISO 8601 with a ``Z``, to the second."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class Snapshot:
    """The events file as an editor saw it when the edit began: its features and digest."""

    collection: dict
    digest: str

    def event(self, event_id: str) -> dict | None:
        """The Feature with ``event_id``, or None."""
        for feature in self.collection.get("features", []):
            if feature.get("id") == event_id:
                return feature
        return None

    @property
    def ids(self) -> list[str]:
        """The ids in file order."""
        return [f.get("id") for f in self.collection.get("features", [])]


@dataclass
class Change:
    """What a call to :class:`Editor` wrote.

    ``entries`` are the log lines appended (empty when nothing changed); ``merged`` is True
    when the file had changed since the editor's snapshot and the change was re-applied.
    """

    entries: list[dict] = field(default_factory=list)
    merged: bool = False
    #: For an import: ``(index, existing id)`` of each feature left out because the data already
    #: holds the same event (same place, dates, fields and sources), e.g. a file imported twice.
    already: list[tuple[int, str]] = field(default_factory=list)

    @property
    def ids(self) -> list[str]:
        """The ids of the events changed, in order."""
        return [e["id"] for e in self.entries]


# ---------------------------------------------------------------- the log

#: Keys every change-log entry has (``reason``, ``undoes`` and the file digests are optional).
ENTRY_KEYS: tuple[str, ...] = ("seq", "tx", "tx_size", "who", "when", "action", "id", "before", "after")


def entry_problem(entry: Any, line: int) -> Problem | None:
    """What makes ``entry`` unusable as a change-log entry (None when it is one)."""
    where = f"line {line}"
    if not isinstance(entry, dict):
        return Problem(LOG_FILE, where, "", N_("is not a change-log entry (a JSON object per line)"))
    missing = [key for key in ENTRY_KEYS if key not in entry]
    if missing:
        return Problem(LOG_FILE, where, "", N_("is not a change-log entry (missing {columns})"),
                       {"columns": ", ".join(missing)})
    for key in ("seq", "tx", "tx_size"):
        value = entry[key]
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            return Problem(LOG_FILE, where, key, N_("must be a whole number >= 1"))
    for key in ("who", "when", "id"):
        if not isinstance(entry[key], str):
            return Problem(LOG_FILE, where, key, N_("must be a string"))
    if entry["action"] not in ACTIONS:
        return Problem(LOG_FILE, where, "action", N_("must be one of {choices}"), {"choices": ", ".join(ACTIONS)})
    for key in ("before", "after"):
        value = entry[key]
        if value is not None and not (isinstance(value, dict) and isinstance(value.get("properties"), dict)):
            return Problem(LOG_FILE, where, key, N_("must be a GeoJSON Feature or null"))
    return None


def _parse_log_bytes(data: bytes, start_line: int = 1) -> tuple[list[dict], int, int]:
    """Parse complete log lines; return the entries of complete transactions, the byte
    length they occupy (anything after it is an unfinished transaction or a torn line) and
    the number of lines in that length.

    Raises
    ------
    DataError
        Naming the line, when a complete line is not a change-log entry.
    """
    entries: list[dict] = []
    good_end = good_lines = 0
    pos = 0
    pending: list[dict] = []
    line_no = start_line
    while True:
        nl = data.find(b"\n", pos)
        if nl < 0:
            break  # no newline: a torn last line (or nothing)
        raw = data[pos:nl]
        pos = nl + 1
        if raw.strip():
            try:
                entry = json.loads(raw)
            except (ValueError, RecursionError) as exc:
                if data.find(b"\n", pos) < 0 and not data[pos:].strip():
                    break  # the last line is damaged: treat it as torn
                why = exc.msg if isinstance(exc, json.JSONDecodeError) else "unreadable"
                raise DataError([Problem(LOG_FILE, f"line {line_no}", "", N_(
                    "is not JSON ({reason}); the change log was damaged outside the editor"), {"reason": why})]) from None
            problem = entry_problem(entry, line_no)
            if problem is not None:
                raise DataError([problem])
            pending.append(entry)
            if len(pending) >= pending[0]["tx_size"]:
                entries += pending
                pending = []
                good_end, good_lines = pos, line_no - start_line + 1
        elif not pending:
            good_end, good_lines = pos, line_no - start_line + 1
        line_no += 1
    return entries, good_end, good_lines


def read_log(log: str | os.PathLike) -> list[dict]:
    """Read a change log; an unfinished last transaction (a crash while appending) is left out.

    Parameters
    ----------
    log : path
        ``changelog.jsonl``; a missing file is an empty log.

    Returns
    -------
    list of dict
        The entries in ``seq`` order.
    """
    path = Path(log)
    if not path.exists():
        return []
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise DataError([Problem(LOG_FILE, "(file)", "", N_("is a folder, not a file"))]) from None
    return _parse_log_bytes(data)[0]


def apply_entries(collection: Mapping, entries: Iterable[Mapping]) -> dict:
    """Apply log entries to a FeatureCollection and return the new collection.

    An entry whose ``after`` is null removes the event; otherwise ``after`` replaces the event
    with that id in place, or is appended when the id is new. The editor writes the file with
    this same function, so replaying the log gives the file back exactly.
    """
    by_id: dict[str, dict] = {}
    for feature in collection.get("features", []):
        by_id[feature.get("id")] = feature
    for entry in entries:
        if entry.get("after") is None:
            by_id.pop(entry["id"], None)
        else:
            by_id[entry["id"]] = entry["after"]
    out = {k: v for k, v in collection.items() if k != "features"}
    out.setdefault("type", "FeatureCollection")
    out["features"] = list(by_id.values())
    return out


def rebuild_from_log(log: str | os.PathLike | Iterable[Mapping], base: str | os.PathLike | Mapping) -> dict:
    """Rebuild the events from a base snapshot and the change log.

    Parameters
    ----------
    log : path or iterable of dict
        ``changelog.jsonl``, or its entries.
    base : path or dict
        The events FeatureCollection the log starts from (``changelog.base.geojson``).

    Returns
    -------
    dict
        The FeatureCollection the log describes; equal to ``events.geojson`` when every change
        went through the editor.
    """
    entries = read_log(log) if isinstance(log, (str, os.PathLike)) else list(log)
    if isinstance(base, (str, os.PathLike)):
        base = read_base(base)
    if not isinstance(base, Mapping) or not isinstance(base.get("features"), list):
        raise TypeError("base must be a FeatureCollection or the path of one")
    return apply_entries(copy.deepcopy(dict(base)), sorted(entries, key=lambda e: e["seq"]))


def read_base(path: str | os.PathLike) -> dict:
    """The base snapshot the log starts from; DataError naming the file when it is damaged."""
    name = Path(path).name
    data, problems = read_json_file(Path(path))
    if problems:
        raise DataError([p.at(file=name) for p in problems])
    if not (isinstance(data, dict) and isinstance(data.get("features"), list)
            and all(isinstance(f, dict) and isinstance(f.get("id"), str) for f in data["features"])):
        raise DataError([Problem(name, "(file)", "", N_("is not a GeoJSON FeatureCollection of events with ids; "
                                                        "it was damaged outside the editor"))])
    return data


# ---------------------------------------------------------------- merging one event

def _flat(feature: Mapping) -> dict:
    flat = dict(feature.get("properties") or {})
    flat[_GEOMETRY] = feature.get("geometry")
    return flat


def _ordered(props: Mapping, order: Sequence[str] = ()) -> dict:
    """Properties in the contract's order; others after them, in ``order`` then as given."""
    rank = {k: i for i, k in enumerate(PROPERTY_ORDER)}
    given = list(dict.fromkeys([k for k in order if k in props] + list(props)))
    keys = sorted(given, key=lambda k: (rank.get(k, len(rank)), given.index(k)))
    return {k: props[k] for k in keys}


def _unflat(event_id: str, flat: Mapping, order: Sequence[str]) -> dict:
    props = _ordered({k: v for k, v in flat.items() if k != _GEOMETRY and v is not None}, order)
    return {"type": "Feature", "id": event_id, "geometry": flat.get(_GEOMETRY), "properties": props}


def _field_name(key: str) -> str:
    return "location" if key == _GEOMETRY else key


def merge_event(event_id: str, fresh: dict | None, seen: dict | None, wanted: dict | None) -> dict | None:
    """Re-apply a change made on ``seen`` (giving ``wanted``) to the ``fresh`` record.

    Field by field: a field the change touched must still hold its ``seen`` value in ``fresh``
    (or already the wanted one); fields the change left alone keep their fresh value.

    Returns
    -------
    dict or None
        The record to store (None: the event is removed).

    Raises
    ------
    ConflictError
        When someone else changed a field this change changes, or removed the event.
    """
    if wanted is None:
        if fresh is None:
            raise ConflictError(message(N_("event {id} is no longer in the data (retracted meanwhile?)"),
                                        id=repr(event_id)))
        return None
    if seen is None:
        if fresh is not None:
            raise ConflictError(message(N_("event {id} is already in the data"), id=repr(event_id)))
        return copy.deepcopy(wanted)
    if fresh is None:
        raise ConflictError(message(N_("event {id} was retracted by someone else meanwhile; nothing was saved"),
                                    id=repr(event_id)))
    f, s, w = _flat(fresh), _flat(seen), _flat(wanted)
    result = dict(f)
    conflicts = []
    for key in list(s) + [k for k in w if k not in s]:
        if s.get(key) == w.get(key):
            continue
        if f.get(key) == s.get(key) or f.get(key) == w.get(key):
            result[key] = w.get(key)
        else:
            shown = [PROPERTY_DEFAULTS.get(key) if v.get(key) is None else v.get(key) for v in (f, s, w)]
            conflicts.append(f"{_field_name(key)} (now {shown[0]!r}, you changed {shown[1]!r} "
                             f"to {shown[2]!r})")  # an absent count shows as 0, as the form showed it
    if conflicts:
        raise ConflictError(message(N_("event {id} was changed by someone else meanwhile: {conflicts}. Reload it "
                                       "and make your change again."), id=repr(event_id), conflicts="; ".join(conflicts)))
    order = list((fresh.get("properties") or {}).keys()) + list((wanted.get("properties") or {}).keys())
    return _unflat(event_id, result, order)


def apply_changes(feature: Mapping, changes: Mapping[str, Any]) -> dict:
    """A copy of ``feature`` with ``changes`` applied.

    Keys are property names (a value of None removes the property), ``lon``/``lat`` (move the
    point) or ``geometry``. The id cannot change.
    """
    if not isinstance(changes, Mapping):
        raise TypeError(f"changes must be a mapping of field -> value, got {type(changes).__name__}")
    out = copy.deepcopy(dict(feature))
    props = out.setdefault("properties", {})
    for key, value in changes.items():
        if key in ("id", "type"):
            raise ValueError(message(N_("{value} cannot be changed (ids are stable)"), value=repr(key)))
        if key == "geometry":
            out["geometry"] = copy.deepcopy(value)
        elif key in ("lon", "lat"):
            coords = list(out["geometry"]["coordinates"])
            coords[0 if key == "lon" else 1] = value
            out["geometry"] = {"type": "Point", "coordinates": coords}
        elif value is None:
            props.pop(key, None)
        else:
            props[key] = copy.deepcopy(value)
    out["properties"] = _ordered(props)
    return out


#: Values an absent optional property stands for (the contract's defaults).
PROPERTY_DEFAULTS: dict[str, Any] = {"fatalities": 0, "injured": 0, "detained": 0, "time_precision": 1,
                                     "status": "reported"}


def effective_value(props: Mapping, key: str) -> Any:
    """A property as the contract reads it: an absent count is 0, an absent time precision 1,
    an absent status ``reported``, an absent ``end`` the ``start`` (see ``PROPERTY_DEFAULTS``)."""
    value = props.get(key)
    if value is None and key == "end":
        return props.get("start")
    return PROPERTY_DEFAULTS.get(key) if value is None else value


def changes_between(old: Mapping, new: Mapping) -> dict[str, Any]:
    """The ``changes`` (see :func:`apply_changes`) that turn ``old`` into ``new``.

    An absent property and its contract default (0 dead, time precision 1, status reported,
    ``end`` equal to ``start``) count as the same value, so an untouched form changes nothing.
    """
    before, after = dict(old.get("properties") or {}), dict(new.get("properties") or {})
    changes: dict[str, Any] = {}
    for key in list(before) + [k for k in after if k not in before]:
        if effective_value(before, key) != effective_value(after, key):
            changes[key] = after.get(key)
    if old.get("geometry") != new.get("geometry"):
        changes["geometry"] = new.get("geometry")
    return changes


def describe_entry(entry: Mapping, t: Translator = ENGLISH) -> str:
    """One line saying what a log entry changed, e.g. ``place: 'Ilave' -> 'Ilave bridge'``;
    ``injured: 0 -> 2`` for a count the event did not have (absent fields show their default).
    In ``t`` (English by default); field names and values stay as the data holds them."""
    before, after = entry.get("before"), entry.get("after")
    if before is None and after is not None:
        p = after.get("properties") or {}
        return t.gettext("created: {kind} at {place} ({region}), {start}").format(
            kind=kind_name(str(p.get("kind")), t), place=p.get("place"), region=p.get("region"), start=p.get("start"))
    if after is None:
        return t.gettext("removed from the map (the record stays in this log)")
    changes = changes_between(before, after)
    old, new = before.get("properties") or {}, after.get("properties") or {}
    parts = []
    for key in changes:
        if key == "geometry":
            parts.append(t.gettext("location: {before} -> {after}").format(
                before=before["geometry"]["coordinates"], after=after["geometry"]["coordinates"]))
        else:  # an absent field is shown as the form showed it: its default (0 dead, status reported, ...)
            parts.append(f"{key}: {effective_value(old, key)!r} -> {effective_value(new, key)!r}")
    return "; ".join(parts) or t.gettext("no visible change")


# ---------------------------------------------------------------- ids

def new_event_id(feature: Mapping, taken: set[str]) -> str:
    """A readable id (``2023-01-09-juliaca-blockade``) not in ``taken`` (suffix -2, -3, ...)."""
    props = feature.get("properties") or {}
    stem = "-".join(part for part in (str(props.get("start") or "undated"), slug(props.get("place") or "", empty="event"),
                                       slug(props.get("kind") or "event", empty="event")) if part)
    candidate, n = stem, 1
    while candidate in taken:
        n += 1
        candidate = f"{stem}-{n}"
    return candidate


# ---------------------------------------------------------------- planning a change
# What each kind of change writes, decided the same way by every editor (the folder's and
# PostGIS's): they differ only in how they read the current state and commit the specs.

def plan_additions(features: Sequence[Mapping], action: str, reason: str, scope: Scope,
                   held: Mapping[str, str], in_data: Callable[[str], bool], retired: Callable[[str], bool],
                   taken_for: Callable[[Mapping], set[str]]) -> tuple[list[dict], list[Problem], list[tuple[int, str]]]:
    """The specs that add ``features``, the problems that refuse them, and the ones already in.

    ``held`` maps :func:`geo.core.model.event_content` to the id of an event the data holds
    (empty but for an import): a feature equal to one, under its id or with none, is already in.
    ``in_data(id)`` and ``retired(id)`` say whether an id is used by an event or was used by a
    retracted one; ``taken_for(feature)`` gives the ids a new id for ``feature`` must avoid.
    """
    specs, problems, seen_ids, already = [], [], set(), []
    for i, feature in enumerate(features):
        feature = copy.deepcopy(dict(feature))
        fid = feature.get("id")
        same = held.get(event_content(feature))
        if same is not None and fid in (None, "", same):
            already.append((i, same))
            continue
        if fid is None or fid == "":
            fid = new_event_id(feature, taken_for(feature) | seen_ids)
            rest = {k: v for k, v in feature.items() if k not in ("type", "id")}
            feature = {"type": feature.get("type"), "id": fid, **rest}
        elif id_problem(fid):
            problems.append(Problem(EVENTS_FILE, f"feature #{i + 1}", "id", *id_problem(fid)))
        elif in_data(fid):
            problems.append(Problem(EVENTS_FILE, str(fid), "id", N_("is already used by an event in the data")))
        elif retired(fid):
            problems.append(Problem(EVENTS_FILE, str(fid), "id", N_("was used by a retracted event (ids are never reused)")))
        elif fid in seen_ids:
            problems.append(Problem(EVENTS_FILE, str(fid), "id", N_("is given to more than one new event")))
        seen_ids.add(fid)
        problems += validate_event(feature, EVENTS_FILE, i, scope)
        specs.append({"action": action, "id": fid, "before": None, "after": feature, "reason": reason})
    return specs, problems, already


def plan_edit(event_id: str, current: dict | None, seen: dict | None, changes: Mapping[str, Any],
              retired: bool, scope: Scope) -> dict | None:
    """The event after ``changes``, merged field by field onto ``current`` from the record the
    editor saw (``seen``; None: edit ``current``); None when nothing changes.

    Raises ConflictError (retracted meanwhile, or a field changed by someone else), LookupError
    (no such event) or DataError (the result breaks the contract).
    """
    base = seen
    if base is None:  # no snapshot, or the event was added after it: edit the current record
        if current is None:
            if retired:
                raise ConflictError(message(N_("event {id} was retracted meanwhile"), id=repr(event_id)))
            raise LookupError(message(N_("no event {id} in the data"), id=repr(event_id)))
        base = current
    result = merge_event(event_id, current, base, apply_changes(base, changes))
    if result == current:
        return None
    problems = validate_event(result, EVENTS_FILE, 0, scope)
    if problems:
        raise DataError(problems)
    return result


def check_retract(event_id: str, current: dict | None, retired: bool) -> None:
    """Raise ConflictError (already retracted) or LookupError (no such event) unless ``current`` exists."""
    if current is None:
        if retired:
            raise ConflictError(message(N_("event {id} is already retracted"), id=repr(event_id)))
        raise LookupError(message(N_("no event {id} in the data"), id=repr(event_id)))


def plan_undo(target: Mapping, current: dict | None, scope: Scope) -> dict | None:
    """The event after undoing the logged change ``target`` (None: the event goes), given the
    event as it is now. Raises ConflictError when there is nothing left to undo or a field was
    changed since, DataError when the result breaks the contract."""
    seq, eid = target["seq"], target["id"]
    if target["before"] is None and current is None:
        raise ConflictError(message(N_("event {id} is already gone: nothing to undo"), id=repr(eid)))
    result = merge_event(eid, current, target["after"] if target["before"] is not None else current,
                         target["before"])
    if result == current:
        raise ConflictError(message(N_("change {seq} is already undone: event {id} holds its earlier values"),
                                    seq=seq, id=repr(eid)))
    if result is not None:
        problems = validate_event(result, EVENTS_FILE, 0, scope)
        if problems:
            raise DataError(problems)
    return result


def undo_reason(target: Mapping, reason: str = "") -> str:
    """The change log's reason for undoing ``target``: the editor's, else ``undo change N (action)``."""
    return reason or f"undo change {target['seq']} ({target['action']})"


def log_entries(specs: Sequence[Mapping], who: str, first: int) -> list[dict]:
    """The change log's entries for the specs of one change, numbered from ``first`` (one
    transaction: ``tx`` is its first number, ``tx_size`` its length), stamped now."""
    when = utc_now()
    entries = []
    for i, spec in enumerate(specs):
        entry = {"seq": first + i, "tx": first, "tx_size": len(specs), "who": who, "when": when,
                 "action": spec["action"], "id": spec["id"], "before": spec["before"],
                 "after": spec["after"], "reason": spec.get("reason") or ""}
        if "undoes" in spec:
            entry["undoes"] = spec["undoes"]
        entries.append(entry)
    return entries


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
        if not path.exists():
            return ANYWHERE
        data, problems = read_json_file(path)
        info, problems = parse_info(data) if not problems else (None, problems)
        if problems:
            raise DataError(problems)
        return info.scope()

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
            return self.events_path.read_bytes()
        except FileNotFoundError:
            if (self.folder / INFO_FILE).is_file():
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
        with open(self.log_path, "rb") as handle:
            handle.seek(self._log_offset)
            data = handle.read()
        entries, good, lines = _parse_log_bytes(data, self._log_lines + 1)
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
        return self.events_path.read_bytes()

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


def check_who(who: Any) -> str:
    """The editor's name, trimmed; ValueError when there is none (every change names its author)."""
    if not isinstance(who, str) or not who.strip():
        raise ValueError(message(N_("who must name the editor (it goes into the change log)")))
    return who.strip()
