"""The PostGIS store against a real throwaway PostgreSQL/PostGIS cluster (tests/pg_cluster.py).

Same answers as a folder, load -> dump -> reload, concurrent writers in two processes, a
writer killed mid-transaction, stale edits, retract and undo, and every command with
``--data postgresql://...``.
"""
from __future__ import annotations

import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geo.cli.main import main
from geo.core.dates import day_range
from geo.core.frames import labels_as_text
from geo.core.model import DataError
from geo.core.view import View
from geo.query.active import day_summary, select_events
from geo.store import load_dataset, open_store
from geo.store.editor import ConflictError, Editor, read_log
from geo.store.layout import LOG_FILE
from geo.store.postgis import SCHEMA, PostgisEditor, PostgisStore, redact_url
from tests.conftest import BUNDLED, ROOT, make_event, page_test, write_folder


def totals(frame) -> dict:
    """Totals of a frame of events, counted the slow way."""
    out = {k: int((frame["kind"] == k).sum()) for k in ("blockade", "protest", "clash", "closure", "detention", "other")}
    out.update({f: int(frame[f].sum()) for f in ("fatalities", "injured", "detained")}, events=len(frame))
    return out


def open_editor(source):
    """The editor of a data source: a loaded dataset's store, a folder or a database URL."""
    store = getattr(source, "store", None)
    return (store or open_store(source)).editor()


def validate_folder(source):
    return open_store(source).validate()

pytestmark = pytest.mark.postgis


def _cli(capsys, *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _loaded(url: str, folder: Path) -> PostgisStore:
    store = PostgisStore(url)
    store.init()
    store.load_folder(folder)
    return store


def _files(folder: Path) -> list[str]:
    """Every file of a folder, by its path inside it."""
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def _sql(url: str, query: str, params=()) -> list[tuple]:
    import psycopg
    with psycopg.connect(url, autocommit=True) as conn:
        return conn.execute(query, params).fetchall()


def _strip(entries: list[dict]) -> list[dict]:
    """Log entries without what differs by store or by second: the time and the file digests."""
    return [{k: v for k, v in e.items() if k not in ("when", "file_before", "file_after")} for e in entries]


# ---------------------------------------------------------------- the schema

def test_init_makes_tables_with_geometry_and_indexes(pg_db):
    store = PostgisStore(pg_db)
    assert store.init() is True
    assert store.init() is False  # idempotent
    geometry = dict((t, (typ, srid)) for t, typ, srid in _sql(
        pg_db, "SELECT f_table_name, type, srid FROM geometry_columns WHERE f_table_schema = %s", (SCHEMA,)))
    assert geometry == {"events": ("POINT", 4326), "hotspots": ("POINT", 4326), "corridors": ("GEOMETRY", 4326)}
    indexes = {name: ddl for name, ddl in _sql(pg_db, "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = %s",
                                               (SCHEMA,))}
    assert "USING gist (geom)" in indexes["events_geom"]
    assert "USING btree (start_day)" in indexes["events_start"]
    assert "USING btree (end_day)" in indexes["events_end"]
    assert "USING gist (daterange(start_day, end_day, '[]'::text))" in indexes["events_days"]
    assert "USING gist (geom)" in indexes["hotspots_geom"] and "USING gist (geom)" in indexes["corridors_geom"]
    assert "USING btree (event_id)" in indexes["changelog_event"]
    columns = {c for (c,) in _sql(pg_db, "SELECT column_name FROM information_schema.columns WHERE table_schema = %s "
                                         "AND table_name = 'events'", (SCHEMA,))}
    assert {"row_version", "start_day", "end_day", "geom", "feature", "kind", "region"} <= columns
    tables = {t for (t,) in _sql(pg_db, "SELECT table_name FROM information_schema.tables WHERE table_schema = %s",
                                 (SCHEMA,))}
    assert tables == {"meta", "events", "event_ids", "hotspots", "corridors", "reported_counts", "changelog",
                      "changelog_base", "day_counts", "start_counts", "documents"}


def test_an_uninitialised_database_says_to_run_db_init(pg_db, capsys):
    code, out, err = _cli(capsys, "validate", "--data", pg_db)
    assert code == 1
    assert "has no Blockade Map tables" in err and f"blockade-map db init --data {pg_db}" in err
    code, _, err = _cli(capsys, "day", "2023-01-09", "--data", pg_db)
    assert code == 1 and "db init" in err


def test_an_unreachable_server_is_one_located_line(capsys):
    code, _, err = _cli(capsys, "validate", "--data", "postgresql://ana:s3cret@127.0.0.1:1/nowhere")
    assert code == 1
    assert err.splitlines()[0].startswith("postgresql://ana@127.0.0.1:1/nowhere: (database): cannot connect")
    assert "s3cret" not in err


def test_redact_url_drops_passwords_only():
    assert redact_url("postgresql://ana:pw@db:5432/x?sslmode=require&password=pw&sslpassword=pw") == \
        "postgresql://ana@db:5432/x?sslmode=require"
    assert redact_url("postgresql://ana@db/x") == "postgresql://ana@db/x"
    assert redact_url("/data/my folder?x") == "/data/my folder?x"


# ---------------------------------------------------------------- same answers as a folder

def _answers(capsys, data: str, days: list[str]) -> dict:
    out = {}
    for day in days:
        for argv in (["day", day, "--json"], ["corridors", "--date", day, "--json"],
                     ["day", day, "--json", "--kinds", "blockade,clash"], ["day", day, "--json", "--cumulative"]):
            code, text, err = _cli(capsys, *argv, "--data", data)
            assert code == 0, err
            out[" ".join(argv)] = json.loads(text)
    return out


def test_tiny_fixture_gives_identical_day_and_corridors_answers(pg_db, tiny_data, capsys):
    _loaded(pg_db, tiny_data)
    days = day_range("2023-01-05", "2023-01-11")
    from_folder = _answers(capsys, str(tiny_data), days)
    from_db = _answers(capsys, pg_db, days)
    assert from_db == from_folder
    nine = from_db["day 2023-01-09 --json"]
    assert [e["id"] for e in nine["events"]] == ["e-ilave", "e-chucuito", "e-juliaca-clash"]
    assert nine["totals"]["fatalities"] == 18 and nine["hotspots"][0]["id"] == "h-puno"
    assert nine["reported"] == [{"metric": "blockade_points", "value": 45, "reporter": "SUTRAN",
                                 "source_url": "https://www.gob.pe/sutran"}]
    corridor = from_db["corridors --date 2023-01-09 --json"][0]
    assert corridor["id"] == "juliaca-desaguadero" and corridor["status"] == "cut"


def test_bundled_data_gives_identical_answers_every_day(pg_db, capsys):
    _loaded(pg_db, BUNDLED)
    folder = load_dataset(BUNDLED)
    days = day_range(folder.first_day, folder.last_day)
    assert len(days) > 30
    from_folder = _answers(capsys, str(BUNDLED), days)
    from_db = _answers(capsys, pg_db, days)
    assert from_db == from_folder
    assert sum(len(v["events"]) for k, v in from_db.items() if k.endswith(" --json") and k.startswith("day")) > 100


def test_load_gives_the_folders_frames_and_region_filter_in_sql(pg_db):
    store = _loaded(pg_db, BUNDLED)
    a, b = store.load(), load_dataset(BUNDLED)
    assert a.events.equals(b.events) and (a.events.dtypes == b.events.dtypes).all()  # no geometry: lon/lat
    for layer in ("hotspots", "corridors"):
        left, right = getattr(a, layer), getattr(b, layer)
        assert left.drop(columns="geometry").equals(right.drop(columns="geometry")), layer
        assert left.geometry.equals(right.geometry) and left.crs == right.crs, layer
    assert a.counts.equals(b.counts)
    assert (a.first_day, a.last_day) == (b.first_day, b.last_day)
    region = b.events["region"].value_counts().index[0]
    for day in ("2022-12-12", "2023-01-09", "2023-01-20"):
        for mode in ("day", "cumulative"):
            assert day_summary(store.day_dataset(day, mode, regions=(region,)), day, regions=(region,), mode=mode) == \
                day_summary(b, day, regions=(region,), mode=mode)


def test_the_sql_day_query_selects_what_the_folder_selects(pg_db):
    store = _loaded(pg_db, BUNDLED)
    folder = load_dataset(BUNDLED)
    checked = 0
    for day in day_range(folder.first_day, folder.last_day):
        for mode, kinds, regions in (("day", (), ()), ("cumulative", (), ()), ("day", ("blockade", "clash"), ("Puno",))):
            selected = select_events(folder, View(day, mode, kinds, regions))
            assert store.day_totals(day, mode, kinds, regions) == totals(selected)
            rows = store.day_events(day, mode, kinds, regions)
            assert rows.equals(labels_as_text(selected[list(store.DAY_COLUMNS)]).reset_index(drop=True)), (day, mode)
            checked += len(rows)
    assert checked > 1000
    nine = store.day_totals("2023-01-09")
    assert nine["events"] == len(store.day_events("2023-01-09")) > 0


# ---------------------------------------------------------------- load, dump, reload

def test_load_dump_reload_is_identical_with_the_change_log(pg_db, pg_cluster, bundled_copy, tmp_path, capsys):
    # A folder with a change log: an edit, a retraction, an add.
    ed = Editor(bundled_copy)
    snap = ed.read()
    first, second = snap.ids[:2]
    ed.edit(first, {"fatalities": 4}, who="ana", reason="ombudsman update")
    ed.retract(second, who="ana", reason="duplicate")
    ed.add(make_event(None, place="Ilave Bridge", start="2023-01-10", lon=-69.66, lat=-16.08), who="bea")
    assert ed.verify() == []

    code, out, err = _cli(capsys, "db", "init", "--data", pg_db)
    assert code == 0, err
    code, out, err = _cli(capsys, "db", "load", str(bundled_copy), "--data", pg_db)
    assert code == 0, err
    assert "change-log entries" in out and ", 3 change-log entries" in out
    dump1, dump2 = tmp_path / "dump1", tmp_path / "dump2"
    code, out, err = _cli(capsys, "db", "dump", str(dump1), "--data", pg_db)
    assert code == 0, err

    second_db = pg_cluster.create_database("reload_" + str(os.getpid()), template="blockade_template")
    try:
        for argv in (["db", "init"], ["db", "load", str(dump1)], ["db", "dump", str(dump2)]):
            code, out, err = _cli(capsys, *argv, "--data", second_db)
            assert code == 0, err
        names = _files(dump1)
        assert names == ["README.md", "basemap.geojson", "changelog.base.geojson", "changelog.jsonl", "corridors.geojson",
                         "dataset.json", "events.geojson", "gazetteer/README.md", "gazetteer/places.csv",
                         "gazetteer/regions.csv", "gazetteer/sites.csv", "gazetteer/water.csv", "hotspots.geojson",
                         "lexicon.json", "reported_counts.csv"]
        assert _files(dump2) == names
        for name in names:  # the second round trip changes nothing, byte for byte
            assert (dump1 / name).read_bytes() == (dump2 / name).read_bytes(), name
        days = ["2022-12-12", "2023-01-09", "2023-01-10", "2023-01-20"]
        assert _answers(capsys, str(dump1), days) == _answers(capsys, str(bundled_copy), days) \
            == _answers(capsys, second_db, days)
        assert _strip(read_log(dump1 / LOG_FILE)) == _strip(read_log(bundled_copy / LOG_FILE))
        assert [e["when"] for e in read_log(dump1 / LOG_FILE)] == [e["when"] for e in read_log(bundled_copy / LOG_FILE)]
        assert _strip(PostgisStore(second_db).editor().history()) == _strip(PostgisStore(pg_db).editor().history())
        # The dump is a working folder for the folder editor: its log replays and it takes a change.
        dumped = Editor(dump1)
        assert dumped.verify() == []
        change = dumped.edit(first, {"injured": 2}, who="cy")
        assert change.entries[0]["seq"] == 4 and dumped.verify() == []
        # Ids stay retired across the round trip.
        with pytest.raises(DataError, match="ids are never reused"):
            PostgisStore(second_db).editor().add(make_event(second), who="dan")
    finally:
        pg_cluster.drop_database("reload_" + str(os.getpid()))


def test_load_refuses_a_bad_folder_and_keeps_the_database(pg_db, tiny_data, tmp_path, capsys):
    store = _loaded(pg_db, tiny_data)
    version = store.version()
    bad = write_folder(tmp_path / "bad", [make_event("x", kind="riot"), make_event("y", lon=48.8, lat=2.3)])
    code, out, err = _cli(capsys, "db", "load", str(bad), "--replace", "--data", pg_db)
    assert code == 1
    assert "events.geojson: x: kind" in err and "events.geojson: y: geometry" in err
    assert store.version() == version and len(store.load().events) == 4
    # Without --replace a loaded database is not overwritten.
    code, out, err = _cli(capsys, "db", "load", str(BUNDLED), "--data", pg_db)
    assert code == 1 and "already holds events: give --replace" in err
    assert len(store.load().events) == 4
    code, out, err = _cli(capsys, "db", "load", str(BUNDLED), "--replace", "--data", pg_db)
    assert code == 0 and len(store.load().events) == len(load_dataset(BUNDLED).events)
    assert store.version() != version


def test_load_refuses_a_change_log_that_does_not_replay(pg_db, tmp_path, capsys):
    folder = write_folder(tmp_path / "data", [make_event("a"), make_event("b", place="Puno")])
    Editor(folder).edit("a", {"fatalities": 1}, who="ana")
    collection = json.loads((folder / "events.geojson").read_text(encoding="utf-8"))
    collection["features"][1]["properties"]["injured"] = 9  # changed by hand, outside the editor
    (folder / "events.geojson").write_text(json.dumps(collection), encoding="utf-8")
    PostgisStore(pg_db).init()
    code, out, err = _cli(capsys, "db", "load", str(folder), "--data", pg_db)
    assert code == 1
    assert err.startswith("changelog.jsonl: (file): does not replay to events.geojson: b: differs from the log")
    assert PostgisStore(pg_db).counts()["events"] == 0


def test_dump_refuses_to_overwrite_without_the_flag(pg_db, tiny_data, tmp_path, capsys):
    _loaded(pg_db, tiny_data)
    out_dir = write_folder(tmp_path / "existing", [make_event("keep")])
    code, out, err = _cli(capsys, "db", "dump", str(out_dir), "--data", pg_db)
    assert code == 1 and "events.geojson" in err and "already holds" in err
    assert [f["id"] for f in json.loads((out_dir / "events.geojson").read_text())["features"]] == ["keep"]
    code, out, err = _cli(capsys, "db", "dump", str(out_dir), "--overwrite", "--data", pg_db)
    assert code == 0 and validate_folder(out_dir) == []
    assert len(load_dataset(out_dir).events) == 4


# ---------------------------------------------------------------- the editor: same semantics as the folder's

def _script(ed, snapshot_of) -> list:
    """The same sequence of changes, recorded as (what, result or error) pairs."""
    out = []

    def step(name, fn):
        try:
            result = fn()
            out.append((name, "ok", result.ids if hasattr(result, "ids") else result,
                        getattr(result, "merged", None)))
        except (ConflictError, DataError, LookupError, ValueError, TypeError) as exc:
            out.append((name, type(exc).__name__, str(exc)))

    seen = snapshot_of(ed)
    step("add", lambda: ed.add(make_event(None, place="Ilave Bridge", start="2023-01-10"), who="ana"))
    step("add again", lambda: ed.add(make_event(None, place="Ilave Bridge", start="2023-01-10"), who="ana"))
    step("add given id", lambda: ed.add(make_event("a"), who="ana"))
    step("add invalid", lambda: ed.add(make_event(None, kind="riot", lon=48.8, lat=2.3), who="ana"))
    step("import two", lambda: ed.add_many([make_event("c", place="Puno"), make_event("d", place="Ilave")],
                                           who="bea", reason="batch"))
    step("import dup", lambda: ed.add_many([make_event("e"), make_event("e")], who="bea"))
    step("edit", lambda: ed.edit("a", {"fatalities": 2, "status": "confirmed"}, who="bea", seen=seen))
    step("edit other field on stale", lambda: ed.edit("a", {"place": "Juliaca airport"}, who="cy", seen=seen))
    step("edit same field on stale", lambda: ed.edit("a", {"fatalities": 5}, who="cy", seen=seen))
    step("move", lambda: ed.edit("b", {"lon": -70.1, "lat": -15.6}, who="cy"))
    step("no-op edit", lambda: ed.edit("b", {"fatalities": 0}, who="cy"))
    step("edit missing", lambda: ed.edit("zzz", {"fatalities": 1}, who="cy"))
    step("retract no reason", lambda: ed.retract("b", who="cy", reason=" "))
    step("retract", lambda: ed.retract("b", who="cy", reason="duplicate of a"))
    step("retract again", lambda: ed.retract("b", who="cy", reason="again"))
    step("edit retracted", lambda: ed.edit("b", {"fatalities": 1}, who="cy"))
    step("reuse retracted id", lambda: ed.add(make_event("b"), who="cy"))
    step("undo retract", lambda: ed.undo(ed.history("b")[-1]["seq"], who="dan"))
    first_edit = lambda: next(e["seq"] for e in ed.history("a") if e["action"] == "edit")  # noqa: E731
    step("undo edit", lambda: ed.undo(first_edit(), who="dan"))
    step("undo edit twice", lambda: ed.undo(first_edit(), who="dan"))
    step("undo add", lambda: ed.undo(1, who="dan"))
    step("undo missing", lambda: ed.undo(999, who="dan"))
    step("who missing", lambda: ed.add(make_event("f"), who=" "))
    step("retracted", lambda: [e["id"] for e in ed.retracted()])
    step("logged", lambda: sorted(ed.logged_ids()))
    step("taken", lambda: sorted(ed.taken_ids()))
    step("verify", lambda: ed.verify())
    step("entry 8", lambda: {k: v for k, v in ed.entry(8).items() if k not in ("when", "file_before", "file_after")})
    return out


def test_editor_behaves_like_the_folder_editor(pg_db, tmp_path):
    events = [make_event("a"), make_event("b", place="Puno", lon=-70.02, lat=-15.84)]
    folder = write_folder(tmp_path / "data", events)
    store = _loaded(pg_db, folder)
    folder_ed, db_ed = Editor(folder), store.editor()
    from_folder = _script(folder_ed, lambda ed: ed.read())
    from_db = _script(db_ed, lambda ed: ed.read())
    assert from_db == from_folder
    outcome = dict((step[0], step[1:]) for step in from_db)
    assert outcome["add again"] == ("ok", ["2023-01-10-ilave-bridge-blockade-2"], False)
    assert outcome["edit other field on stale"] == ("ok", ["a"], True)
    assert outcome["edit same field on stale"][0] == "ConflictError"
    assert "fatalities (now 2, you changed 0 to 5)" in outcome["edit same field on stale"][1]
    assert outcome["reuse retracted id"][0] == "DataError" and "never reused" in outcome["reuse retracted id"][1]
    assert outcome["undo retract"] == ("ok", ["b"], False)
    assert outcome["undo edit twice"][0] == "ConflictError" and "already undone" in outcome["undo edit twice"][1]
    assert _strip(db_ed.history()) == _strip(folder_ed.history())
    assert db_ed.read().collection == folder_ed.read().collection
    after = load_dataset(folder)
    assert store.load().events.equals(after.events)
    # The day query's summaries followed every change (the trigger), in both modes.
    for day in day_range("2023-01-08", "2023-01-11"):
        for mode in ("day", "cumulative"):
            assert store.day_totals(day, mode) == totals(select_events(after, View(day, mode))), (day, mode)
    assert store.day_totals("2023-01-09")["blockade"] == 4  # a, b (retracted, then back), c and d


def test_stale_edit_is_refused_with_the_current_values_across_connections(pg_db, tiny_data):
    store_a, store_b = _loaded(pg_db, tiny_data), PostgisStore(pg_db)
    ed_a, ed_b = store_a.editor(), store_b.editor()
    seen = ed_a.read()
    assert seen.versions["e-chucuito"] == 1
    ed_b.edit("e-chucuito", {"fatalities": 3, "place": "Chucuito bridge"}, who="bea")
    with pytest.raises(ConflictError) as info:
        ed_a.edit("e-chucuito", {"fatalities": 2}, who="ana", seen=seen)
    message = str(info.value)
    assert "fatalities (now 3, you changed 1 to 2)" in message and "Reload it" in message
    current = store_a.load().events.set_index("id").loc["e-chucuito"]
    assert (current["fatalities"], current["place"]) == (3, "Chucuito bridge")
    # Another field of the same stale form still saves, merged onto the current record.
    change = ed_a.edit("e-chucuito", {"injured": 7}, who="ana", seen=seen)
    assert change.merged and change.entries[0]["before"]["properties"]["place"] == "Chucuito bridge"
    row = _sql(pg_db, f"SELECT row_version, injured, fatalities FROM {SCHEMA}.events WHERE id = 'e-chucuito'")
    assert row == [(3, 7, 3)]
    # A retraction by B meanwhile is a conflict for A's form too.
    ed_b.retract("e-ilave", who="bea", reason="duplicate")
    with pytest.raises(ConflictError, match="retracted by someone else"):
        ed_a.edit("e-ilave", {"injured": 1}, who="ana", seen=seen)


def test_retract_and_undo_round_trip(pg_db, tiny_data):
    store = _loaded(pg_db, tiny_data)
    ed = store.editor()
    original = ed.read().event("e-lima")
    version = store.version()
    retraction = ed.retract("e-lima", who="ana", reason="wrong day")
    assert store.version() != version
    assert "e-lima" not in set(store.load().events["id"])
    assert [e["id"] for e in ed.retracted()] == ["e-lima"]
    assert ed.retracted()[0]["before"] == original
    undo = ed.undo(retraction.entries[0]["seq"], who="bea")
    assert undo.entries[0]["action"] == "undo" and undo.entries[0]["undoes"] == retraction.entries[0]["seq"]
    assert ed.read().event("e-lima") == original and ed.retracted() == []
    assert ed.read().ids[-1] == "e-lima"  # back at the end of the layer, as the folder puts it
    # Undo the undo: retracted again; the log holds all three, and replays to the table.
    ed.undo(undo.entries[0]["seq"], who="cy")
    assert [e["action"] for e in ed.history("e-lima")] == ["retract", "undo", "undo"]
    assert ed.verify() == []
    assert _sql(pg_db, f"SELECT count(*) FROM {SCHEMA}.changelog") == [(3,)]


def test_app_processes_see_each_others_changes_through_the_version(pg_db, tiny_data):
    store = _loaded(pg_db, tiny_data)
    other_process = PostgisStore(pg_db)  # another connection, as another app process has
    before = store.version()
    assert other_process.version() == before
    other_process.editor().edit("e-ilave", {"fatalities": 2}, who="bea")
    assert store.version() != before
    assert int(store.load().events.set_index("id").loc["e-ilave", "fatalities"]) == 2


def test_the_map_page_reruns_onto_another_writers_change(pg_db, tiny_data, monkeypatch):
    store = _loaded(pg_db, tiny_data)
    monkeypatch.setenv("BLOCKADE_MAP_DATA", pg_db)
    at = page_test("map.py", default_timeout=120)
    at.query_params["date"] = "2023-01-09"
    at.run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Events mapped"] == "3" and metrics["Dead (mapped)"] == "18"
    PostgisStore(pg_db).editor().add(make_event("e-new", "clash", "2023-01-09", fatalities=2), who="bea")
    at.run()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Events mapped"] == "4" and metrics["Dead (mapped)"] == "20"
    assert store.version().endswith(":2")


# ---------------------------------------------------------------- processes

_ADDER = """
import sys, time
sys.path.insert(0, {root!r})
from geo.store.postgis import PostgisStore
from tests.conftest import make_event
url, who, n, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
ed = PostgisStore(url).editor()
while time.time() < go:
    time.sleep(0.001)
for i in range(n):
    # No id: both processes make ids from the same place and day, so they race for them.
    ed.add(make_event(None, place="Ilave Bridge", start="2023-01-10", fatalities=i % 3), who=who,
           reason=f"{{who}} #{{i}}")
print("done", who)
"""


def test_two_processes_500_concurrent_adds_each(pg_db, tiny_data):
    _loaded(pg_db, tiny_data)
    go = time.time() + 3
    procs = [subprocess.Popen([sys.executable, "-c", _ADDER.format(root=str(ROOT)), pg_db, who, "500", repr(go)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for who in ("ana", "bea")]
    results = [p.communicate(timeout=300) for p in procs]
    for proc, (_out, err) in zip(procs, results, strict=False):
        assert proc.returncode == 0, err[-2000:]
    rows = _sql(pg_db, f"SELECT count(*), count(DISTINCT id) FROM {SCHEMA}.events WHERE place = 'Ilave Bridge'")
    assert rows == [(1000, 1000)]
    log = _sql(pg_db, f"SELECT seq, who, event_id FROM {SCHEMA}.changelog ORDER BY seq")
    assert len(log) == 1000 and [r[0] for r in log] == list(range(1, 1001))  # gap-free, one per add
    assert {r[1] for r in log} == {"ana", "bea"}
    assert sum(r[1] == "ana" for r in log) == 500
    ids = {r[2] for r in log}
    assert "2023-01-10-ilave-bridge-blockade" in ids and "2023-01-10-ilave-bridge-blockade-1000" in ids
    # The writers interleaved (they did run at the same time), and the log replays to the table.
    switches = sum(a[1] != b[1] for a, b in zip(log, log[1:], strict=False))
    assert switches > 10
    store = PostgisStore(pg_db)
    assert store.editor().verify() == []  # the day summaries too: no increment was lost
    assert store.version().endswith(":1001")
    tenth = store.day_totals("2023-01-10")
    assert tenth["blockade"] == 1001 and tenth["events"] == 1001  # and e-ilave, active 8-10 January
    assert tenth["fatalities"] == sum(i % 3 for i in range(500)) * 2
    assert len(store.load().events) == 1004


_KILLED = """
import os, sys, time
sys.path.insert(0, {root!r})
import geo.store.postgis as pg
import geo.store.postgis_editor as pg_editor
from tests.conftest import make_event
url, marker, what = sys.argv[1], sys.argv[2], sys.argv[3]
real = pg_editor.log_row

def stall(entry):
    # Inside the transaction: the events table is already changed, the log not yet written.
    open(marker, "w").write(str(os.getpid()))
    time.sleep(120)
    return real(entry)

pg_editor.log_row = stall
ed = pg.PostgisStore(url).editor()
if what == "import":
    ed.add_many([make_event(f"k-{{i}}", place="Ilave") for i in range(50)], who="killed")
elif what == "edit":
    ed.edit("e-chucuito", {{"fatalities": 9, "place": "Half"}}, who="killed")
else:
    ed.retract("e-ilave", who="killed", reason="never")
"""


@pytest.mark.parametrize("what", ["import", "edit", "retract"])
def test_a_writer_killed_mid_transaction_leaves_no_half_change(pg_db, tiny_data, tmp_path, what):
    store = _loaded(pg_db, tiny_data)
    before_rows = _sql(pg_db, f"SELECT id, row_version, feature::text FROM {SCHEMA}.events ORDER BY id")
    before_ids = _sql(pg_db, f"SELECT count(*) FROM {SCHEMA}.event_ids")
    version = store.version()
    marker = tmp_path / "in-transaction"
    proc = subprocess.Popen([sys.executable, "-c", _KILLED.format(root=str(ROOT)), pg_db, str(marker), what],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 60
    while not marker.exists():
        assert proc.poll() is None, proc.stderr.read().decode()[-2000:]
        assert time.time() < deadline, "the writer never reached its transaction"
        time.sleep(0.02)
    # Mid-transaction another connection sees the old data (nothing is visible before the commit).
    assert _sql(pg_db, f"SELECT count(*) FROM {SCHEMA}.events") == [(4,)]
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    # The server rolls the transaction back when the connection drops; wait for it to notice.
    deadline = time.time() + 30
    while _sql(pg_db, "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'blockade-map' "
                      "AND state LIKE 'idle in transaction%%' AND pid <> pg_backend_pid()")[0][0]:
        assert time.time() < deadline
        time.sleep(0.05)
    assert _sql(pg_db, f"SELECT id, row_version, feature::text FROM {SCHEMA}.events ORDER BY id") == before_rows
    assert _sql(pg_db, f"SELECT count(*) FROM {SCHEMA}.changelog") == [(0,)]
    assert _sql(pg_db, f"SELECT count(*) FROM {SCHEMA}.event_ids") == before_ids
    assert store.version() == version
    # Nothing stays locked: the same change by a live editor goes through at once.
    ed = PostgisStore(pg_db).editor()
    started = time.perf_counter()
    if what == "import":
        change = ed.add_many([make_event(f"k-{i}", place="Ilave") for i in range(50)], who="live")
        assert len(change.entries) == 50
    elif what == "edit":
        assert ed.edit("e-chucuito", {"fatalities": 9}, who="live").entries[0]["seq"] == 1
    else:
        assert ed.retract("e-ilave", who="live", reason="duplicate").entries[0]["seq"] == 1
    assert time.perf_counter() - started < 5
    assert ed.verify() == []


# ---------------------------------------------------------------- every command with --data postgresql://

def test_every_command_works_with_a_database_url(pg_db, tiny_data, tmp_path, capsys, monkeypatch):
    from geo.cli.main import COMMANDS
    commands = {c.name for c in COMMANDS}
    ran = set()

    def run(*argv, data=pg_db, expect=0):
        code, out, err = _cli(capsys, *argv, *(["--data", data] if data else []))
        assert code == expect, (argv, err)
        ran.add(argv[0])
        return out, err

    out, _ = run("db", "init")
    assert out.startswith("created: ")
    out, _ = run("db", "load", str(tiny_data))
    assert "4 events, 1 hotspots, 1 corridors, 1 reported counts, 0 change-log entries" in out
    out, _ = run("validate")
    assert out.startswith(f"ok: {pg_db}: 4 events, 1 hotspots, 1 corridors, 1 reported counts")
    out, _ = run("day", "2023-01-09")
    assert out.splitlines()[0] == "2023-01-09: 3 event(s) mapped"
    assert "reported: 45 blockade points reported nationwide (SUTRAN); 2 mapped" in out
    out, _ = run("corridors", "--date", "2023-01-09")
    assert "1 of 1 corridor(s) cut" in out
    out, _ = run("route", "Juliaca", "Desaguadero", "--date", "2023-01-09")
    assert "NOT passable" in out
    out, _ = run("route", "Juliaca", "Desaguadero", "--date", "2023-01-12")
    assert "passable" in out and "NOT" not in out
    run("snapshot", "--date", "2023-01-09", "--out", str(tmp_path / "day.html"))
    html = (tmp_path / "day.html").read_text(encoding="utf-8")
    assert "Chucuito" in html and "Juliaca" in html
    run("export", "--from", "2023-01-08", "--to", "2023-01-09", "--out", str(tmp_path / "out.geojson"))
    exported = json.loads((tmp_path / "out.geojson").read_text(encoding="utf-8"))
    assert sorted(f["id"] for f in exported["features"]) == ["e-chucuito", "e-ilave", "e-juliaca-clash"]
    new = tmp_path / "new.geojson"
    new.write_text(json.dumps({"type": "FeatureCollection", "features": [
        make_event("imp-1", "protest", "2023-01-12", lon=-71.53, lat=-16.39, place="Arequipa", region="Arequipa")]}))
    out, _ = run("import", str(new), "--who", "ana")
    assert out.strip() == "imported 1 event"
    out, _ = run("history")
    assert "ana: import imp-1" in out
    out, _ = run("history", "imp-1", "--json")
    assert json.loads(out)[0]["after"]["id"] == "imp-1"
    out, _ = run("verify-log")
    assert out.startswith("ok: 1 logged changes replay to")
    # A km post is placed on the corridors read from the database (the tiny corridor has no km refs).
    _, err = run("geocode", "PE-3S km 1380", expect=1)
    assert "no corridor has at least 2 km_refs on PE-3S" in err
    out, _ = run("geocode", "Juliaca", "--json")
    assert json.loads(out)[0]["name"] == "Juliaca"
    monkeypatch.setattr(sys, "stdin", io.StringIO("a long secret\n"))
    out, _ = run("hash-password", "--stdin", data=None)
    assert out.startswith("pbkdf2")
    report = tmp_path / "report.txt"
    report.write_text("Puno, 10 de enero de 2023. Ayer los manifestantes bloquearon la vía en Ilave.", encoding="utf-8")
    out, _ = run("extract", str(report), "--published", "2023-01-10", "--json")
    assert json.loads(out)["events"][0]["place"] == "Ilave"
    out, _ = run("publish", "--out", str(tmp_path / "edition"))
    assert (tmp_path / "edition" / "days" / "2023-01-09.json").exists()
    _, err = run("basemap", expect=1)  # no Natural Earth packages here to build one from (a database stores one)
    assert err.strip()
    out, _ = run("db", "dump", str(tmp_path / "dump"))
    assert "5 events" in out and len(load_dataset(tmp_path / "dump").events) == 5
    out, _ = run("init-data", str(tmp_path / "working-copy"))  # an editor's working copy, as a folder
    assert "5 events" in out and len(load_dataset(tmp_path / "working-copy").events) == 5
    # SUTRAN's feed followed into the database: one poll of a folder holding one feed file
    feed = tmp_path / "feed"
    feed.mkdir()
    record = {"estado": "TRANSITO INTERRUMPIDO", "motivo": "HUMANO", "evento": "PARO REGIONAL",
              "fecha_evento": "12/01/2023", "fecha_actualizacion": "12/01/2023 18:00 HORAS",
              "ubigeo": "PUNO/EL COLLAO/ILAVE", "afectacion": "KM 1380", "codigo_via": "PE-3S",
              "nombre_carretera": "LONGITUDINAL DE LA SIERRA SUR", "latitud": "-16.0866", "longitud": "-69.6386",
              "fuente": "CEOPOL", "item": "1", "cant_vehiculos_detenidos_pasajeros": "0",
              "cant_vehiculos_detenidos_mercancias": "3"}
    (feed / "interrumpido.json").write_text(json.dumps({"data": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [-69.6386, -16.0866]},
         "properties": record}]}), encoding="utf-8")
    before = len(load_dataset(pg_db).events)
    run("follow", str(feed), "--polls", "1", "--every", "1s", "--who", "ana")
    followed = load_dataset(pg_db).events
    assert len(followed) == before + 1
    assert followed[followed["start"] == "2023-01-12"]["region"].tolist().count("Puno") >= 1
    # serve starts a server (tested with the folder in tests/packaging); everything else ran on the database
    assert commands - {"serve"} <= ran, f"not run with a database URL: {sorted(commands - ran)}"

    # $BLOCKADE_MAP_DATA names the database as --data does.
    monkeypatch.setenv("BLOCKADE_MAP_DATA", pg_db)
    out, _ = run("day", "2023-01-12", "--json", data=None)
    assert [e["id"] for e in json.loads(out)["events"]] == ["2023-01-12-ilave-pe-3s-km-1380-blockade", "imp-1"]


def test_console_script_with_a_database_in_the_environment(pg_db, tiny_data):
    _loaded(pg_db, tiny_data)
    env = dict(os.environ, BLOCKADE_MAP_DATA=pg_db)
    exe = shutil.which("blockade-map", path=str(Path(sys.executable).parent)) or "blockade-map"
    result = subprocess.run([exe, "day", "2023-01-09", "--json"], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["totals"]["events"] == 3


def test_open_editor_dispatches_on_the_source(pg_db, tiny_data):
    store = _loaded(pg_db, tiny_data)
    assert isinstance(open_editor(pg_db), PostgisEditor)
    assert isinstance(open_editor(store.load()), PostgisEditor)
    assert isinstance(open_editor(load_dataset(tiny_data)), Editor)
    assert isinstance(open_editor(str(tiny_data)), Editor)


def test_edit_page_works_on_a_database(pg_db, tiny_data, monkeypatch):
    from geo.store.auth import hash_password
    from tests.app.test_editing_pages import PASSWORD, _logged_in, shown
    store = _loaded(pg_db, tiny_data)
    monkeypatch.setenv("BLOCKADE_MAP_DATA", pg_db)
    monkeypatch.setenv("BLOCKADE_MAP_EDITOR_HASH", hash_password(PASSWORD, iterations=1000))
    at = _logged_in("edit_events.py")
    at.selectbox(key="edit-event").select("e-ilave").run()
    assert at.text_input(key="edit-e-ilave-place").value == "Ilave"
    store.editor().edit("e-ilave", {"injured": 9}, who="someone else")  # another machine, meanwhile
    at.number_input(key="edit-e-ilave-injured").set_value(4)
    at.button(key="FormSubmitter:edit-e-ilave-form-Save changes").click().run()
    assert shown(at.error[0]).startswith("Nothing was saved: event 'e-ilave' was changed by someone else")
    assert "injured (now 9, you changed 0 to 4)" in shown(at.error[0])  # absent: 0, as the form showed it
    at.text_input(key="edit-retract-why-e-ilave").input("duplicate of e-chucuito")
    at.button(key="FormSubmitter:edit-retract-form-e-ilave-Retract this event").click().run()  # one click
    assert [shown(t) for t in at.toast] == ["Retracted e-ilave."]
    assert [e["action"] for e in store.editor().history("e-ilave")] == ["edit", "retract"]
    assert [e["who"] for e in store.editor().history("e-ilave")] == ["someone else", "Ana"]
    assert "e-ilave" not in set(store.load().events["id"])
