"""PostGIS for GIS users (issue 21): an edit made in SQL, as QGIS makes it, is applied as a logged
change or refused with a clear error; constraints; a comment on every table and column; typed
geometry; spatial queries that use the index (the plan is read); a QGIS-style session whose
edits `verify-log` and `db dump` agree with."""
from __future__ import annotations

import json

import pytest

from geo.cli.main import main
from geo.store import open_store
from geo.store.postgis import PostgisStore
from tests.conftest import BUNDLED

pytestmark = pytest.mark.postgis

def _cli(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(pg_db, capsys):
    """A database set up with `db init` and loaded with the bundled data."""
    for argv in (["db", "init"], ["db", "load", BUNDLED]):
        code, out, err = _cli(capsys, *argv, "--data", pg_db)
        assert code == 0, err
    return pg_db


def _gis(url: str, application: str = "QGIS 3.34"):
    """A connection as a GIS opens it: its own application name, autocommit off."""
    import psycopg
    return psycopg.connect(url, application_name=application)


def _event(url: str, event_id: str) -> dict:
    return open_store(url).editor().read().event(event_id)


def _some_event(url: str, **where) -> str:
    with _gis(url) as conn:
        clause = " AND ".join(f"{k} = %s" for k in where) or "true"
        return conn.execute(f"SELECT id FROM blockade_map.events WHERE {clause} ORDER BY id LIMIT 1",
                            list(where.values())).fetchone()[0]


def test_db_init_sets_up_gis_editing(db, capsys):
    code, out, _ = _cli(capsys, "db", "init", "--data", db)  # again: idempotent
    assert code == 0 and out.startswith("already set up") and "edits of events in SQL are logged" in out


def test_a_qgis_session_lists_layers_edits_an_attribute_and_moves_a_point(db, tmp_path, capsys):
    with _gis(db) as conn:
        # 1. the layers QGIS lists: typed geometry columns in EPSG:4326, each with its comment
        layers = conn.execute(
            "SELECT f_table_name, f_geometry_column, type, srid, obj_description(format('%I.%I', f_table_schema, "
            "f_table_name)::regclass) FROM geometry_columns WHERE f_table_schema = 'blockade_map' "
            "ORDER BY f_table_name").fetchall()
        assert [(t, c, kind, srid) for t, c, kind, srid, _ in layers] == [
            ("corridors", "geom", "LINESTRING", 4326), ("events", "geom", "POINT", 4326),
            ("hotspots", "geom", "POINT", 4326)]
        assert all(comment for *_, comment in layers)
        # 2. edit an attribute, as QGIS saves it: UPDATE ... WHERE the primary key
        target = _some_event(db, kind="clash")
        before = _event(db, target)
        deaths = before["properties"].get("fatalities", 0)
        conn.execute("UPDATE blockade_map.events SET fatalities = %s WHERE id = %s", (deaths + 1, target))
        conn.commit()
        # 3. move a point: QGIS writes the geometry column
        moved = _some_event(db, kind="blockade")
        conn.execute("UPDATE blockade_map.events SET geom = ST_SetSRID(ST_MakePoint(-70.0123, -15.4321), 4326) "
                     "WHERE id = %s", (moved,))
        conn.commit()
    after = _event(db, target)
    assert after["properties"]["fatalities"] == deaths + 1
    assert {k: v for k, v in after["properties"].items() if k != "fatalities"} == \
        {k: v for k, v in before["properties"].items() if k != "fatalities"}
    assert _event(db, moved)["geometry"] == {"type": "Point", "coordinates": [-70.0123, -15.4321]}
    # the app, validate, history and verify-log see the edits
    dataset = open_store(db).load()
    assert int(dataset.events.set_index("id").loc[target, "fatalities"]) == deaths + 1
    row = dataset.events.set_index("id").loc[moved]
    assert (row["lon"], row["lat"]) == (-70.0123, -15.4321)
    assert _cli(capsys, "validate", "--data", db)[0] == 0
    code, out, err = _cli(capsys, "verify-log", "--data", db)
    assert code == 0, err
    history = open_store(db).editor().history()
    assert [(e["id"], e["action"], e["who"], e["reason"]) for e in history[-2:]] == [
        (target, "edit", "blockade (SQL)", "edited in SQL from QGIS 3.34"),
        (moved, "edit", "blockade (SQL)", "edited in SQL from QGIS 3.34")]
    assert history[-2]["before"] == before and history[-2]["after"] == after
    # the day tables follow: the day's totals count the new death
    day = before["properties"]["start"]
    code, out, _ = _cli(capsys, "day", day, "--json", "--data", db)
    assert next(e for e in json.loads(out)["events"] if e["id"] == target)["fatalities"] == deaths + 1
    # db dump writes what SQL changed, and the dumped folder's log replays
    dump = tmp_path / "dump"
    assert _cli(capsys, "db", "dump", dump, "--data", db)[0] == 0
    dumped = {f["id"]: f for f in json.loads((dump / "events.geojson").read_text(encoding="utf-8"))["features"]}
    assert dumped[target] == after and dumped[moved]["geometry"]["coordinates"] == [-70.0123, -15.4321]
    code, out, err = _cli(capsys, "verify-log", "--data", dump)
    assert code == 0, err


def test_the_editor_name_and_reason_can_be_given(db):
    target = _some_event(db, kind="protest")
    with _gis(db, "psql") as conn:
        conn.execute("SET blockade_map.who = 'Ana (QGIS)'")
        conn.execute("SET blockade_map.reason = 'Defensoría report of 12 January'")
        conn.execute("UPDATE blockade_map.events SET status = 'confirmed', end_day = start_day + 1 WHERE id = %s",
                     (target,))
    entry = open_store(db).editor().history(target)[-1]
    assert (entry["who"], entry["reason"]) == ("Ana (QGIS)", "Defensoría report of 12 January")
    props = _event(db, target)["properties"]
    assert props["status"] == "confirmed" and props["end"] > props["start"]


def test_writing_the_same_values_again_logs_nothing(db):
    target = _some_event(db, kind="protest")
    count = len(open_store(db).editor().history())
    with _gis(db) as conn:
        conn.execute("UPDATE blockade_map.events SET place = place, lon = lon WHERE id = %s", (target,))
    assert len(open_store(db).editor().history()) == count


@pytest.mark.parametrize("statement, message", [
    ("UPDATE blockade_map.events SET kind = 'riot' WHERE id = %(id)s",
     "kind 'riot' is not one of blockade, protest, clash, closure, detention, other"),
    ("UPDATE blockade_map.events SET fatalities = -1 WHERE id = %(id)s",
     "fatalities, injured and detained must be whole numbers from 0 to 100,000"),
    ("UPDATE blockade_map.events SET end_day = start_day - 3 WHERE id = %(id)s", "is before start_day"),
    ("UPDATE blockade_map.events SET region = 'Narnia' WHERE id = %(id)s",
     "region 'Narnia' is not one of the dataset's regions"),
    ("UPDATE blockade_map.events SET geom = ST_SetSRID(ST_MakePoint(2.35, 48.85), 4326) WHERE id = %(id)s",
     "the point [2.35, 48.85] lies outside the dataset's area"),
    ("UPDATE blockade_map.events SET id = 'new-id' WHERE id = %(id)s", "event ids are stable"),
    ("UPDATE blockade_map.events SET feature = '{}' WHERE id = %(id)s", "feature, row_version and ord are kept"),
    ("DELETE FROM blockade_map.events WHERE id = %(id)s", "cannot be deleted in SQL: a retraction needs a reason"),
    ("INSERT INTO blockade_map.events (id, kind, start_day, end_day, place, region, fatalities, injured, detained, "
     "geo_precision, time_precision, status, lon, lat, geom) VALUES ('x', 'protest', '2023-01-09', '2023-01-09', "
     "'Puno', 'Puno', 0, 0, 0, 1, 1, 'reported', -70, -15.8, ST_SetSRID(ST_MakePoint(-70, -15.8), 4326))",
     "events cannot be added in SQL: a new event needs its sources"),
    ("UPDATE blockade_map.hotspots SET level = 2", "UPDATE of table hotspots is not done in SQL"),
    ("DELETE FROM blockade_map.changelog", "DELETE of table changelog is not done in SQL"),
    ("UPDATE blockade_map.corridors SET name = 'x'", "UPDATE of table corridors is not done in SQL"),
])
def test_edits_that_break_the_contract_are_refused_and_change_nothing(db, statement, message):
    import psycopg
    target = _some_event(db, kind="blockade")
    store = open_store(db)
    before, version, log = _event(db, target), store.version(), len(store.editor().history())
    with _gis(db) as conn:
        with pytest.raises(psycopg.Error) as info:
            conn.execute(statement, {"id": target})
    assert message in str(info.value)
    assert str(info.value).startswith("Blockade Map: ")
    assert _event(db, target) == before and store.version() == version and len(store.editor().history()) == log
    assert store.editor().verify() == []


def test_constraints_hold_even_for_the_app_connection(db):
    import psycopg
    target = _some_event(db, kind="blockade")
    with _gis(db, "blockade-map") as conn:  # the app's own name: the trigger lets it through, the checks do not
        with pytest.raises(psycopg.errors.CheckViolation) as info:
            conn.execute("UPDATE blockade_map.events SET kind = 'riot' WHERE id = %s", (target,))
    assert "events_kind" in str(info.value)


def test_every_table_and_column_has_a_comment(db):
    with _gis(db) as conn:
        tables = conn.execute("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                              "WHERE n.nspname = 'blockade_map' AND c.relkind = 'r' AND "
                              "obj_description(c.oid, 'pg_class') IS NULL").fetchall()
        columns = conn.execute("SELECT table_name, column_name FROM information_schema.columns WHERE "
                               "table_schema = 'blockade_map' AND col_description(format('%I.%I', table_schema, "
                               "table_name)::regclass, ordinal_position) IS NULL").fetchall()
        counted = conn.execute("SELECT count(*) FROM information_schema.columns "
                               "WHERE table_schema = 'blockade_map'").fetchone()[0]
    assert tables == [] and columns == [] and counted >= 70


def test_spatial_queries_use_the_index(db):
    with _gis(db) as conn:
        conn.execute("ANALYZE blockade_map.events")
        near = conn.execute("SELECT id, place FROM blockade_map.events_near(-70.13333, -15.5, 2000) ORDER BY id"
                            ).fetchall()
        plan = "\n".join(r[0] for r in conn.execute(
            "EXPLAIN SELECT e.id FROM blockade_map.events AS e WHERE e.geom && ST_Expand(ST_SetSRID("
            "ST_MakePoint(-70.13333, -15.5), 4326), 0.02) AND ST_DWithin(e.geom::geography, ST_SetSRID("
            "ST_MakePoint(-70.13333, -15.5), 4326)::geography, 2000)"))
        box = conn.execute("SELECT count(*) FROM blockade_map.events_in_box(-70.2, -15.6, -70.0, -15.4)").fetchone()[0]
        box_plan = "\n".join(r[0] for r in conn.execute(
            "EXPLAIN SELECT count(*) FROM blockade_map.events AS e "
            "WHERE e.geom && ST_MakeEnvelope(-70.2, -15.6, -70.0, -15.4, 4326)"))
    assert "events_geom" in plan and "Seq Scan" not in plan, plan
    assert "events_geom" in box_plan and "Seq Scan" not in box_plan, box_plan
    from pyproj import Geod

    from geo.store import load_dataset
    ds = load_dataset(BUNDLED)
    geod = Geod(ellps="WGS84")
    expected = sorted(r.id for r in ds.events.itertuples()
                      if geod.inv(-70.13333, -15.5, r.lon, r.lat)[2] <= 2000)
    assert [i for i, _ in near] == expected and len(expected) > 0
    assert box == sum(1 for r in ds.events.itertuples() if -70.2 <= r.lon <= -70.0 and -15.6 <= r.lat <= -15.4)


def test_a_store_made_without_db_init_stays_as_it_was(pg_db):
    """The rules come with `db init`; PostgisStore.init alone (tests, benchmarks) keeps the store's tables."""
    store = PostgisStore(pg_db)
    store.init()
    with _gis(pg_db) as conn:
        assert conn.execute("SELECT count(*) FROM pg_trigger WHERE tgname = 'events_gis_edit'").fetchone()[0] == 0


def test_a_multilinestring_corridor_is_named_before_a_load(db, tmp_path, capsys):
    from tests.conftest import make_corridor, make_event, write_folder
    corridor = make_corridor("juliaca-puno", "Juliaca–Puno", [[-70.13, -15.5], [-70.02, -15.84]], ["Juliaca", "Puno"])
    corridor["geometry"] = {"type": "MultiLineString", "coordinates": [[[-70.13, -15.5], [-70.1, -15.6]],
                                                                       [[-70.05, -15.7], [-70.02, -15.84]]]}
    folder = write_folder(tmp_path / "multi", [make_event("e-1")], [], [corridor])
    before = open_store(db).version()
    code, out, err = _cli(capsys, "db", "load", folder, "--replace", "--data", db)
    assert code == 1 and out == ""
    assert err.strip() == ("corridors.geojson: juliaca-puno: geometry: is a MultiLineString: this database types "
                           "corridors as LineStrings (for GIS users); join its parts into one line, or make each part "
                           "a corridor of its own")
    assert open_store(db).version() == before
    from geo.core.i18n import translator
    from geo.store.gis import corridor_problems
    (problem,) = corridor_problems(open_store(db), {"features": [corridor]})
    assert (problem.feature, problem.params) == ("juliaca-puno", {"kind": "MultiLineString"})
    assert problem.text(translator("es")) == (
        "es un MultiLineString: esta base de datos define los corredores como LineString (para quienes usan un SIG); "
        "una sus partes en una sola línea o haga de cada parte un corredor propio")


def test_an_empty_dataset_loads_into_the_database_and_takes_imports(pg_db, tmp_path, capsys):
    """Issue 21, item 5: a folder holding only dataset.json loads into PostGIS like any other."""
    folder = tmp_path / "new"
    assert _cli(capsys, "init-data", folder, "--empty", "--title", "New", "--country", "PE",
                "--bbox=-82,-19,-68,0")[0] == 0
    for argv in (["db", "init"], ["db", "load", folder]):
        code, _, err = _cli(capsys, *argv, "--data", pg_db)
        assert code == 0, err
    code, out, _ = _cli(capsys, "validate", "--data", pg_db)
    assert code == 0 and "0 events" in out
    upload = tmp_path / "one.csv"
    upload.write_text("kind,start,place,region,lon,lat,geo_precision,source_name,source_url,source_published\n"
                      "blockade,2023-01-09,Juliaca,Puno,-70.13,-15.5,1,RPP,https://rpp.pe/a,2023-01-09\n",
                      encoding="utf-8")
    code, out, err = _cli(capsys, "import", upload, "--data", pg_db, "--who", "ana")
    assert (code, out.strip()) == (0, "imported 1 event"), err
    assert open_store(pg_db).editor().read().ids == ["2023-01-09-juliaca-blockade"]
    assert _cli(capsys, "verify-log", "--data", pg_db)[0] == 0
