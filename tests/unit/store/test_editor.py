"""Safe editing: lock, conflict merge, change log, undo, rebuild, crash recovery."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geo.core.model import DataError, validate_collection
from geo.store import load_dataset
from geo.store.editor import (
    LOG_FILE,
    ConflictError,
    Editor,
    apply_changes,
    changes_between,
    describe_entry,
    read_log,
    rebuild_from_log,
)
from tests.conftest import ROOT, make_event, write_folder


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return write_folder(tmp_path / "data", [make_event("a"), make_event("b", place="Puno", lon=-70.02, lat=-15.84)])


def _events(folder: Path) -> dict:
    return json.loads((folder / "events.geojson").read_text(encoding="utf-8"))


def _ids(folder: Path) -> list[str]:
    return [f["id"] for f in _events(folder)["features"]]


def _rebuilt(folder: Path) -> dict:
    return rebuild_from_log(folder / LOG_FILE, folder / "changelog.base.geojson")


def test_add_makes_readable_unique_ids_and_logs(folder):
    ed = Editor(folder)
    first = ed.add(make_event(None, place="Ilave Bridge", start="2023-01-10"), who="ana")
    second = ed.add(make_event(None, place="Ilave Bridge", start="2023-01-10"), who="ana", reason="second report")
    assert first.ids == ["2023-01-10-ilave-bridge-blockade"]
    assert second.ids == ["2023-01-10-ilave-bridge-blockade-2"]
    assert _ids(folder) == ["a", "b", "2023-01-10-ilave-bridge-blockade", "2023-01-10-ilave-bridge-blockade-2"]
    log = read_log(folder / LOG_FILE)
    assert [(e["seq"], e["who"], e["action"], e["before"]) for e in log] == [
        (1, "ana", "add", None), (2, "ana", "add", None)]
    assert log[1]["reason"] == "second report" and log[1]["when"].endswith("Z") and len(log[1]["when"]) == 20
    assert log[0]["after"]["properties"]["place"] == "Ilave Bridge"
    assert len(load_dataset(folder).events) == 4


def test_add_refuses_invalid_event_and_writes_nothing(folder):
    before = (folder / "events.geojson").read_bytes()
    bad = make_event(None, kind="riot", lon=48.8, lat=2.3)
    with pytest.raises(DataError) as info:
        Editor(folder).add(bad, who="ana")
    fields = sorted(p.field for p in info.value.problems)
    assert fields == ["geometry", "kind"]
    assert (folder / "events.geojson").read_bytes() == before
    assert not (folder / LOG_FILE).exists()


def test_edit_changes_fields_and_logs_before_after(folder):
    ed = Editor(folder)
    change = ed.edit("a", {"fatalities": 3, "place": "Juliaca airport", "lon": -70.158}, who="bo", reason="RPP update")
    event = _events(folder)["features"][0]
    assert event["properties"]["fatalities"] == 3 and event["properties"]["place"] == "Juliaca airport"
    assert event["geometry"]["coordinates"] == [-70.158, -15.5]
    entry = change.entries[0]
    assert entry["before"]["properties"]["place"] == "Juliaca"
    assert entry["after"]["properties"]["place"] == "Juliaca airport"
    assert "place: 'Juliaca' -> 'Juliaca airport'" in describe_entry(entry)
    assert ed.edit("a", {"fatalities": 3}, who="bo").entries == []  # no change, nothing logged
    with pytest.raises(DataError, match="fatalities"):
        ed.edit("a", {"fatalities": -1}, who="bo")
    with pytest.raises(LookupError):
        ed.edit("nope", {"fatalities": 1}, who="bo")
    with pytest.raises(ValueError, match="ids are stable"):
        ed.edit("a", {"id": "x"}, who="bo")


def test_two_editors_on_different_fields_both_keep_their_changes(folder):
    ed1, ed2 = Editor(folder), Editor(folder)
    seen1, seen2 = ed1.read(), ed2.read()           # both forms filled from the same file
    ed1.edit("a", {"fatalities": 2}, who="ana", seen=seen1)
    change = ed2.edit("a", {"description": "Road cut at the airport."}, who="bo", seen=seen2)
    assert change.merged is True
    props = _events(folder)["features"][0]["properties"]
    assert props["fatalities"] == 2 and props["description"] == "Road cut at the airport."


def test_two_editors_on_the_same_field_conflict_and_nothing_is_lost(folder):
    ed1, ed2 = Editor(folder), Editor(folder)
    seen1, seen2 = ed1.read(), ed2.read()
    ed1.edit("a", {"fatalities": 2}, who="ana", seen=seen1)
    with pytest.raises(ConflictError, match="fatalities"):
        ed2.edit("a", {"fatalities": 5}, who="bo", seen=seen2)
    assert _events(folder)["features"][0]["properties"]["fatalities"] == 2
    assert len(read_log(folder / LOG_FILE)) == 1
    # Same value from both: no conflict, nothing to log.
    assert ed2.edit("a", {"fatalities": 2}, who="bo", seen=seen2).entries == []


def test_edit_of_an_event_retracted_meanwhile_conflicts(folder):
    ed = Editor(folder)
    seen = ed.read()
    ed.retract("a", who="ana", reason="duplicate of b")
    with pytest.raises(ConflictError, match="retracted"):
        ed.edit("a", {"fatalities": 1}, who="bo", seen=seen)


def test_retract_keeps_record_in_log_and_ids_are_never_reused(folder):
    ed = Editor(folder)
    with pytest.raises(ValueError, match="reason"):
        ed.retract("a", who="ana", reason=" ")
    ed.retract("a", who="ana", reason="duplicate of b")
    assert _ids(folder) == ["b"]
    entry = ed.history("a")[-1]
    assert entry["action"] == "retract" and entry["after"] is None
    assert entry["before"]["properties"]["place"] == "Juliaca"
    assert [r["id"] for r in ed.retracted()] == ["a"]
    with pytest.raises(DataError, match="retracted event"):
        ed.add(make_event("a"), who="ana")
    with pytest.raises(ConflictError, match="already retracted"):
        ed.retract("a", who="ana", reason="again")
    with pytest.raises(DataError, match="already used"):
        ed.add(make_event("b"), who="ana")
    assert "a" in ed.taken_ids()


def test_undo_every_kind_of_change(folder):
    ed = Editor(folder)
    added = ed.add(make_event(None, place="Ilave"), who="ana").entries[0]
    edited = ed.edit("a", {"fatalities": 4, "status": "confirmed"}, who="ana").entries[0]
    retracted = ed.retract("b", who="ana", reason="wrong place").entries[0]
    ed.undo(retracted["seq"], who="bo")
    assert _ids(folder) == ["a", added["id"], "b"]
    ed.undo(edited["seq"], who="bo")
    props = _events(folder)["features"][0]["properties"]
    assert "fatalities" not in props and "status" not in props
    undo_add = ed.undo(added["seq"], who="bo").entries[0]
    assert added["id"] not in _ids(folder)
    assert (undo_add["action"], undo_add["undoes"], undo_add["who"]) == ("undo", added["seq"], "bo")
    ed.undo(undo_add["seq"], who="bo")  # an undo is itself undoable
    assert added["id"] in _ids(folder)
    with pytest.raises(ConflictError, match="already undone"):
        ed.undo(edited["seq"], who="bo")
    with pytest.raises(LookupError):
        ed.undo(999, who="bo")
    assert [e["action"] for e in ed.history()] == ["add", "edit", "retract", "undo", "undo", "undo", "undo"]
    assert ed.verify() == []


def test_undo_of_an_edit_refuses_when_the_field_changed_since(folder):
    ed = Editor(folder)
    first = ed.edit("a", {"fatalities": 1}, who="ana").entries[0]
    ed.edit("a", {"fatalities": 2}, who="bo")
    with pytest.raises(ConflictError, match="fatalities"):
        ed.undo(first["seq"], who="ana")
    assert _events(folder)["features"][0]["properties"]["fatalities"] == 2


def test_rebuild_from_log_equals_the_file(folder):
    ed = Editor(folder)
    base = _events(folder)
    ed.add(make_event(None, place="Ilave"), who="ana")
    ed.edit("a", {"injured": 7}, who="bo")
    ed.retract("b", who="bo", reason="duplicate")
    ed.undo(3, who="ana")
    ed.add_many([make_event("imp-1", place="Juli"), make_event("imp-2", place="Pomata")], who="cy", reason="import")
    ed.edit("imp-1", {"description": "cut"}, who="cy")
    assert rebuild_from_log(folder / LOG_FILE, base) == _events(folder)
    assert _rebuilt(folder) == _events(folder)
    assert [e["tx"] for e in read_log(folder / LOG_FILE)] == [1, 2, 3, 4, 5, 5, 7]


def test_import_is_all_or_nothing(folder):
    ed = Editor(folder)
    before = (folder / "events.geojson").read_bytes()
    with pytest.raises(DataError) as info:
        ed.add_many([make_event("ok-1"), make_event("bad-1", kind="riot"), make_event("ok-1")], who="ana")
    assert sorted(str(p) for p in info.value.problems) == [
        "events.geojson: bad-1: kind: 'riot' is not one of blockade, protest, clash, closure, detention, other",
        "events.geojson: ok-1: id: is given to more than one new event"]
    assert (folder / "events.geojson").read_bytes() == before and not (folder / LOG_FILE).exists()


def test_changes_between_ignores_contract_defaults():
    old = make_event("a")
    new = apply_changes(old, {"fatalities": 0, "time_precision": 1, "status": "reported", "end": "2023-01-09"})
    assert changes_between(old, new) == {}
    changes = {"fatalities": 2, "road": "PE-3S"}
    assert changes_between(old, apply_changes(old, changes)) == changes


def test_the_log_shows_absent_fields_as_their_defaults(folder):
    ed = Editor(folder)
    entry = ed.edit("a", {"injured": 2, "status": "confirmed", "time_precision": 2}, who="bo").entries[0]
    text = describe_entry(entry)
    # the form showed 0 injured, status reported, date precision 1 for the absent fields
    assert "injured: 0 -> 2" in text and "status: 'reported' -> 'confirmed'" in text
    assert "time_precision: 1 -> 2" in text and "None" not in text
    undo = ed.undo(entry["seq"], who="bo").entries[0]
    assert "injured: 2 -> 0" in describe_entry(undo) and "None" not in describe_entry(undo)


def test_the_bundled_data_is_never_edited(tmp_path):
    from geo.core.paths import BUNDLED_DATA
    from geo.store.editor import ReadOnlyDataError
    ed = Editor(BUNDLED_DATA)
    assert ed.read_only and not Editor(tmp_path).read_only
    before = (BUNDLED_DATA / "events.geojson").read_bytes()
    first = ed.read().ids[0]
    for change in (lambda: ed.add(make_event("x", place="Pomata", lon=-69.29, lat=-16.27), who="bo"),
                   lambda: ed.edit(first, {"injured": 1}, who="bo"),
                   lambda: ed.retract(first, who="bo", reason="test"),
                   lambda: ed.undo(1, who="bo")):
        with pytest.raises(ReadOnlyDataError, match="blockade-map init-data DIR"):
            change()
    from geo.store.counts import append_counts
    counts = (BUNDLED_DATA / "reported_counts.csv").read_bytes()
    with pytest.raises(ReadOnlyDataError):
        append_counts(BUNDLED_DATA, [{"date": "2023-01-10", "metric": "blockade_points", "value": 45,
                                      "reporter": "SUTRAN", "source_url": "https://www.gob.pe/sutran"}])
    assert (BUNDLED_DATA / "reported_counts.csv").read_bytes() == counts
    assert (BUNDLED_DATA / "events.geojson").read_bytes() == before
    assert not (BUNDLED_DATA / "changelog.jsonl").exists() and not (BUNDLED_DATA / ".events.lock").exists()
    assert ed.history() == [] and ed.verify() is not None  # reading is fine


# ---------------------------------------------------------------- crashes

def test_crash_between_temp_write_and_rename_leaves_the_last_good_file(folder, monkeypatch):
    ed = Editor(folder)
    ed.add(make_event(None, place="Ilave"), who="ana")
    good = (folder / "events.geojson").read_bytes()

    def crash(*args, **kwargs):
        raise KeyboardInterrupt("power cut")
    monkeypatch.setattr("geo.store.folder.os.replace", crash)
    with pytest.raises(KeyboardInterrupt):
        ed.edit("a", {"fatalities": 9}, who="ana")
    monkeypatch.undo()
    assert (folder / "events.geojson").read_bytes() == good      # the last good file
    assert validate_collection(json.loads(good), "events") == []
    assert not list(folder.glob(".events.geojson.*.tmp"))
    # The change was logged before the write: the next editor rolls it forward.
    assert read_log(folder / LOG_FILE)[-1]["action"] == "edit"
    fresh = Editor(folder)
    fresh.edit("b", {"injured": 1}, who="bo")
    props = {f["id"]: f["properties"] for f in _events(folder)["features"]}
    assert props["a"]["fatalities"] == 9 and props["b"]["injured"] == 1
    assert fresh.verify() == [] and _rebuilt(folder) == _events(folder)


def test_a_torn_last_log_line_is_dropped(folder):
    ed = Editor(folder)
    ed.add(make_event(None, place="Ilave"), who="ana")
    with open(folder / LOG_FILE, "ab") as handle:     # a crash in the middle of appending
        handle.write(b'{"seq":2,"tx":2,"tx_size":1,"who":"bo","act')
    assert len(read_log(folder / LOG_FILE)) == 1
    Editor(folder).edit("a", {"injured": 2}, who="cy")
    log = read_log(folder / LOG_FILE)
    assert [(e["seq"], e["who"]) for e in log] == [(1, "ana"), (2, "cy")]
    assert all(json.loads(line) for line in (folder / LOG_FILE).read_text(encoding="utf-8").splitlines())
    assert _rebuilt(folder) == _events(folder)


def test_a_change_made_outside_the_editor_is_logged_on_the_next_edit(folder):
    ed = Editor(folder)
    ed.add(make_event(None, place="Ilave"), who="ana")
    fc = _events(folder)
    fc["features"][0]["properties"]["fatalities"] = 5          # hand edit of "a"
    fc["features"].pop(1)                                     # hand removal of "b"
    fc["features"].append(make_event("hand-added", place="Juli"))
    (folder / "events.geojson").write_text(json.dumps(fc), encoding="utf-8")
    Editor(folder).edit("hand-added", {"injured": 1}, who="bo")
    outside = [(e["action"], e["id"]) for e in read_log(folder / LOG_FILE) if e["who"] == "(outside the editor)"]
    assert sorted(outside) == [("add", "hand-added"), ("edit", "a"), ("retract", "b")]
    assert _rebuilt(folder) == _events(folder)
    assert Editor(folder).verify() == []


_WRITER = """
import os, sys, time
from geo.store.editor import Editor
from tests.conftest import make_event
folder, who, stall = sys.argv[1], sys.argv[2], sys.argv[3]
real_fsync, calls = os.fsync, []

def fsync(fd):
    # Stall (to be killed) in the 3rd fsync of a file whose path contains `stall`: for the
    # events' temporary file that is after the new text is written, before the rename.
    if stall != "none" and stall in os.readlink(f"/proc/self/fd/{fd}"):
        calls.append(fd)
        if len(calls) == 3:
            print("stalled", flush=True)
            time.sleep(60)
    real_fsync(fd)

os.fsync = fsync
ed = Editor(folder)
print("ready", flush=True)
while True:
    ed.add(make_event(None, place=f"Stress {who}", description="x" * 2000), who=who)
"""


def _run_writer(folder: Path, who: str, stall: str, delay: float = 0.0) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-c", _WRITER, str(folder), who, stall], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "ready"
        if stall != "none":
            assert proc.stdout.readline().strip() == "stalled"
        time.sleep(delay)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        proc.stdout.close()


def _valid_events(folder: Path) -> dict:
    fc = _events(folder)
    assert validate_collection(fc, "events") == []
    return fc


@pytest.mark.slow
def test_a_writer_killed_between_temp_write_and_rename_leaves_the_last_good_file(tmp_path):
    folder = write_folder(tmp_path / "data", [make_event(f"seed-{i}", description="y" * 4000) for i in range(300)])
    _run_writer(folder, "w1", "/.events.geojson.")
    # Killed in the third save: two adds are in the file, the third is logged but not written.
    assert len(_valid_events(folder)["features"]) == 302
    assert len(list(folder.glob(".events.geojson.*.tmp"))) == 1        # the interrupted write
    assert len(read_log(folder / LOG_FILE)) == 3
    Editor(folder).add(make_event(None, place="After the crash"), who="check")   # rolls forward, then adds
    final = _valid_events(folder)
    assert len(final["features"]) == 304 == 300 + len(read_log(folder / LOG_FILE))
    assert _rebuilt(folder) == final


@pytest.mark.slow
def test_writers_killed_at_random_moments_leave_a_valid_file(tmp_path):
    folder = write_folder(tmp_path / "data", [make_event(f"seed-{i}", description="y" * 4000) for i in range(300)])
    _run_writer(folder, "w-log", LOG_FILE)       # killed while the log line is being made durable
    for round_no, delay in enumerate((0.3, 0.6, 0.9)):
        _run_writer(folder, f"w{round_no}", "none", delay)
        assert len(_valid_events(folder)["features"]) >= 300
    Editor(folder).add(make_event(None, place="After the crashes"), who="check")
    final = _valid_events(folder)
    assert len(final["features"]) == 300 + len(read_log(folder / LOG_FILE))
    assert _rebuilt(folder) == final


_ADDER = """
import sys
from geo.store.editor import Editor
from tests.conftest import make_event
ed = Editor(sys.argv[1])
sys.stdin.readline()          # start together
for i in range(int(sys.argv[3])):
    ed.add(make_event(None, place=f"Concurrent {sys.argv[2]}", start="2023-01-09"), who=sys.argv[2])
print("done", flush=True)
"""


@pytest.mark.slow
def test_two_processes_adding_500_each_lose_nothing(tmp_path):
    folder = write_folder(tmp_path / "data", [])
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    procs = [subprocess.Popen([sys.executable, "-c", _ADDER, str(folder), who, "500"], cwd=ROOT, env=env,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) for who in ("p1", "p2")]
    for p in procs:
        p.stdin.write("go\n")
        p.stdin.flush()
    outs = [p.communicate(timeout=600)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0] and outs == ["done\n", "done\n"]
    fc = _events(folder)
    assert validate_collection(fc, "events") == []
    ids = [f["id"] for f in fc["features"]]
    assert len(ids) == 1000 and len(set(ids)) == 1000
    log = (folder / LOG_FILE).read_text(encoding="utf-8").splitlines()
    assert len(log) == 1000
    entries = [json.loads(line) for line in log]
    assert [e["seq"] for e in entries] == list(range(1, 1001))
    assert sum(e["who"] == "p1" for e in entries) == 500 and sum(e["who"] == "p2" for e in entries) == 500
    assert _rebuilt(folder) == fc


def test_editing_the_bundled_file_changes_only_the_edited_lines(bundled_copy):
    import difflib
    path = bundled_copy / "events.geojson"
    before = path.read_text(encoding="utf-8").splitlines()
    first = json.loads("\n".join(before))["features"][0]["id"]
    Editor(bundled_copy).edit(first, {"injured": 12}, who="ana")
    after = path.read_text(encoding="utf-8").splitlines()
    changed = [line for line in difflib.ndiff(before, after) if line[:1] in "+-"]
    assert changed == ['+     "injured": 12,']     # placed in the contract's order, after road
    assert len(after) == len(before) + 1
    base = (bundled_copy / "changelog.base.geojson").read_text(encoding="utf-8").splitlines()
    assert base == before                        # the log starts from the file as it was
