"""Issue 25 on the PostGIS store: an event from year 1 to 9999 is refused with a located problem
by db load, add, edit and validate, and the day counts stay as they were."""
from __future__ import annotations

import json

import pytest

from geo.cli.main import main
from geo.core.model import DataError
from geo.store.postgis import SCHEMA, PostgisStore
from tests.conftest import make_event, write_folder

pytestmark = pytest.mark.postgis


def _sql(url: str, query: str, params=()) -> list[tuple]:
    import psycopg
    with psycopg.connect(url, autocommit=True) as conn:
        cur = conn.execute(query, params)
        return cur.fetchall() if cur.description else []


def test_far_days_are_refused_on_every_path_into_postgis(pg_db, tiny_data, tmp_path, capsys):
    store = PostgisStore(pg_db)
    store.init()
    store.load_folder(tiny_data)
    day_rows = _sql(pg_db, f"SELECT count(*) FROM {SCHEMA}.day_counts")[0][0]
    version = store.version()
    # db load of a folder holding one
    far = write_folder(tmp_path / "far", [make_event("far", start="0001-01-01", end="9999-12-31")])
    capsys.readouterr()
    assert main(["db", "load", str(far), "--replace", "--data", pg_db]) == 1
    err = capsys.readouterr().err
    assert err.splitlines()[0] == ("events.geojson: far: start: 0001-01-01 is outside the days accepted "
                                   "(1900-01-01 to 2100-12-31)")
    # add and edit through the editor
    editor = store.editor()
    with pytest.raises(DataError) as caught:
        editor.add(make_event("far-2", start="0001-01-01", end="9999-12-31"), who="Ana")
    assert {p.field for p in caught.value.problems} == {"start", "end"}
    with pytest.raises(DataError) as caught:
        editor.edit("e-ilave", {"end": "9999-12-31"}, who="Ana")
    assert [(p.feature, p.field) for p in caught.value.problems] == [("e-ilave", "end")]
    assert store.version() == version
    assert _sql(pg_db, f"SELECT count(*) FROM {SCHEMA}.day_counts")[0][0] == day_rows
    # validate: a row changed behind the store's back
    _sql(pg_db, f"UPDATE {SCHEMA}.events SET feature = jsonb_set(feature::jsonb, '{{properties,end}}', "
                f"'\"9999-12-31\"')::{_feature_type(pg_db)} WHERE id = 'e-ilave'")
    problems = store.validate()
    assert [(p.feature, p.field, p.message) for p in problems] == [
        ("e-ilave", "end", "9999-12-31 is outside the days accepted (1900-01-01 to 2100-12-31)")]


def _feature_type(url: str) -> str:
    return _sql(url, "SELECT data_type FROM information_schema.columns WHERE table_schema = %s "
                     "AND table_name = 'events' AND column_name = 'feature'", (SCHEMA,))[0][0]


def test_validate_checks_languages_and_featured_day_in_postgis(pg_db, tiny_data):
    info = json.loads((tiny_data / "dataset.json").read_text(encoding="utf-8"))
    info.update(languages=["xx"], featured_day="2030-01-01")
    (tiny_data / "dataset.json").write_text(json.dumps(info), encoding="utf-8")
    store = PostgisStore(pg_db)
    store.init()
    with pytest.raises(DataError) as caught:  # the folder fails its own validate: nothing loaded
        store.load_folder(tiny_data)
    assert {p.field for p in caught.value.problems} == {"languages", "featured_day"}


def test_validate_checks_a_stored_dataset_json(pg_db, tiny_data):
    """A dataset.json changed in the database behind the store's back: validate names both keys."""
    store = PostgisStore(pg_db)
    store.init()
    store.load_folder(tiny_data)
    assert store.validate() == []
    _sql(pg_db, f"UPDATE {SCHEMA}.meta SET layers = jsonb_set(jsonb_set(layers::jsonb, '{{dataset,languages}}', "
                f"'[\"xx\"]'), '{{dataset,featured_day}}', '\"2030-01-01\"')::{_meta_type(pg_db)}")
    problems = store.validate()
    assert [(p.field, p.message) for p in problems] == [
        ("languages", "'xx' has no catalogue in the app; its languages are en, es"),
        ("featured_day", "2030-01-01 is outside the data, which covers 2022-12-07 to 2023-01-31")]
    assert problems[0].file.endswith("blockade_map.dataset")
    assert len(store.load().events) == 4  # loading does not refuse them


def _meta_type(url: str) -> str:
    return _sql(url, "SELECT data_type FROM information_schema.columns WHERE table_schema = %s "
                     "AND table_name = 'meta' AND column_name = 'layers'", (SCHEMA,))[0][0]
