"""The change log: what every editor of events shares, whichever store keeps the events.

A change is planned the same way by the folder :class:`~geo.store.editor.Editor` and the
PostGIS editor (:mod:`geo.store.postgis_editor`): :func:`plan_additions`, :func:`plan_edit`,
:func:`check_retract` and :func:`plan_undo` decide what a change writes, :func:`merge_event`
merges it with what someone else changed meanwhile (or raises :class:`ConflictError`), and
:func:`log_entries` turns it into log entries. The stores differ only in how they read the
current events and commit the entries.

Log entries hold ``seq, tx, tx_size, who, when (UTC ISO), action, id, before, after, reason``
(plus ``undoes`` for an undo; the folder editor adds ``file_before``/``file_after`` digests of
the events file). ``before``/``after`` are whole GeoJSON Features, or null when the event did
not exist. :func:`read_log` reads a folder's ``changelog.jsonl`` and :func:`rebuild_from_log`
replays a log onto the events it started from.
"""
from __future__ import annotations

import copy
import hashlib
import json
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from geo.core.i18n import ENGLISH, N_, Translator
from geo.core.model import PROPERTY_ORDER, DataError, Problem, Scope, event_content, id_problem, message, validate_event
from geo.core.text import slug
from geo.core.words import kind_name
from geo.store.files import present, read_data_file, read_json_file
from geo.store.layout import EVENTS_FILE, LOG_FILE

ACTIONS: tuple[str, ...] = ("add", "edit", "retract", "undo", "import")
_GEOMETRY = "@geometry"


class ConflictError(RuntimeError):
    """The change no longer applies: someone else changed the same thing meanwhile."""



def digest_bytes(data: bytes) -> str:
    """A short content digest (the first 16 hex digits of SHA-256)."""
    return hashlib.sha256(data).hexdigest()[:16]


def utc_now() -> str:
    """The current time in UTC as ISO 8601 with a ``Z``, to the second."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


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
    """What a call to :class:`~geo.store.editor.Editor` wrote.

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


def parse_log_bytes(data: bytes, start_line: int = 1) -> tuple[list[dict], int, int]:
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
    if not present(path):
        return []
    return parse_log_bytes(read_data_file(path, name=LOG_FILE))[0]


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
    data, problems = read_json_file(Path(path), kind="layer")
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
    if after is None:
        return t.gettext("removed from the map (the record stays in this log)")
    if before is None:
        p = after.get("properties") or {}
        return t.gettext("created: {kind} at {place} ({region}), {start}").format(
            kind=kind_name(str(p.get("kind")), t), place=p.get("place"), region=p.get("region"), start=p.get("start"))
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
    specs: list[dict] = []
    problems: list[Problem] = []
    seen_ids: set[str] = set()
    already: list[tuple[int, str]] = []
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
        elif wrong := id_problem(fid):
            problems.append(Problem(EVENTS_FILE, f"feature #{i + 1}", "id", *wrong))
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


def plan_sync(wanted: Sequence[tuple[str | None, Mapping | None, str]], current: Mapping[str, dict],
              scope: Scope, taken: set[str]) -> tuple[list[dict], list[Problem]]:
    """The specs of a batch of additions, edits and retractions applied together (an import that
    merges with what the data holds, e.g. SUTRAN's feed): ``wanted`` holds ``(id, feature, reason)``
    with id None for a new event (an id is made) and feature None to retract ``id``.

    An edit that changes nothing is left out; an id that is not in ``current`` is a problem (the
    data changed since the plan was made: plan again).
    """
    specs: list[dict] = []
    problems: list[Problem] = []
    made: set[str] = set()
    for i, (fid, feature, reason) in enumerate(wanted):
        if fid is None:
            if feature is None:
                raise ValueError(f"plan_sync: wanted #{i + 1} has neither an id nor a feature (nothing to add or retract)")
            feature = copy.deepcopy(dict(feature))
            fid = new_event_id(feature, taken | made)
            made.add(fid)
            feature = {"type": feature.get("type", "Feature"), "id": fid,
                       **{k: v for k, v in feature.items() if k not in ("type", "id")}}
            problems += validate_event(feature, EVENTS_FILE, i, scope)
            specs.append({"action": "import", "id": fid, "before": None, "after": feature, "reason": reason})
            continue
        before = current.get(fid)
        if before is None:
            problems.append(Problem(EVENTS_FILE, str(fid), "", N_("is no longer in the data: plan the import again")))
            continue
        if feature is None:
            specs.append({"action": "retract", "id": fid, "before": before, "after": None, "reason": reason})
            continue
        after = {"type": "Feature", "id": fid, **{k: v for k, v in feature.items() if k not in ("type", "id")}}
        if after == before:
            continue
        problems += validate_event(after, EVENTS_FILE, i, scope)
        specs.append({"action": "edit", "id": fid, "before": before, "after": after, "reason": reason})
    return specs, problems


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


UNDO_REASON = "undo change {seq} ({action})"
_UNDO_REASON = re.compile(r"^undo change (\d+) \((\w+)\)$")


def undo_reason(target: Mapping, reason: str = "") -> str:
    """The change log's reason for undoing ``target``: the editor's, else ``undo change N (action)``
    (:data:`UNDO_REASON`, written in English in the file; :func:`read_undo_reason` reads it back)."""
    return reason or UNDO_REASON.format(seq=target["seq"], action=target["action"])


def read_undo_reason(reason: str) -> tuple[int, str] | None:
    """``(seq, action)`` of a reason :func:`undo_reason` wrote itself, else None (an editor's own words),
    so a page can say it in the reader's language."""
    match = _UNDO_REASON.match(str(reason or ""))
    return (int(match.group(1)), match.group(2)) if match else None


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


def check_who(who: Any) -> str:
    """The editor's name, trimmed; ValueError when there is none (every change names its author)."""
    if not isinstance(who, str) or not who.strip():
        raise ValueError(message(N_("who must name the editor (it goes into the change log)")))
    return who.strip()
