"""A data source's documents through the PostGIS store: a database loaded from a folder shows the
same basemap, gazetteer, notes and lexicon as the folder, and ``db dump`` gives every file back."""
from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from geo.cli.main import main
from geo.places.gazetteer import gazetteer_for
from geo.render.basemap import load_basemap
from geo.render.maps import base_map
from geo.store import FolderStore, Store, load_dataset, open_store, store_for
from geo.store.layout import DOCUMENTS, LEXICON_FILE
from geo.store.postgis import PostgisStore
from tests.conftest import BUNDLED, page_test, plain

pytestmark = pytest.mark.postgis

LEXICON = {"kinds": {"paro": "protest", "bloqueo": "blockade"}, "regions": {"Altiplano": "Puno"}}


def _cli(capsys, *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def _full_copy(tmp_path: Path) -> Path:
    """A copy of the bundled folder beside ``tiny_data`` (which takes ``tmp_path/data``)."""
    return Path(shutil.copytree(BUNDLED, tmp_path / "bundled"))


def _with_lexicon(folder: Path) -> Path:
    (folder / LEXICON_FILE).write_text(json.dumps(LEXICON, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return folder


def test_a_database_shows_the_basemap_gazetteer_notes_and_lexicon_of_its_folder(pg_db, bundled_copy, capsys):
    folder = _with_lexicon(bundled_copy)
    for argv in (["db", "init"], ["db", "load", str(folder)]):
        code, out, err = _cli(capsys, *argv, "--data", pg_db)
        assert code == 0, err
    assert "8 documents" in out
    db, files = open_store(pg_db), FolderStore(folder)
    assert isinstance(db, Store) and isinstance(files, Store)
    ds = load_dataset(pg_db)
    assert store_for(ds) is db

    # The notes of the About page: the README's "What is not mapped" section.
    notes = db.left_out()
    assert notes == files.left_out() and len(notes) >= 3
    assert notes[0].startswith("National and regional counts")
    # The basemap, as the map draws it: the same text, digest and features.
    on_db, on_disk = load_basemap(ds), load_basemap(folder)
    assert on_db is not None and on_disk is not None
    assert on_db.text == on_disk.text and on_db.digest == on_disk.digest
    lakes = [f for f in on_db.data["features"] if f["properties"]["layer"] == "lake"]
    assert len(lakes) == len([f for f in on_disk.data["features"] if f["properties"]["layer"] == "lake"]) > 0
    html = base_map(ds, asset_mode="placeholder").get_root().render()
    assert "basemapDraw" in html and on_db.data["features"][0]["properties"]["layer"] in html
    # The gazetteer: the folder's tables, not the bundled ones by accident.
    gaz_db, gaz_disk = gazetteer_for(ds), gazetteer_for(folder)
    assert len(gaz_db) == len(gaz_disk) == 2342
    assert gaz_db.places == gaz_disk.places
    juliaca = gaz_db.lookup("Juliaca")
    assert (juliaca.region, round(juliaca.lon, 2), round(juliaca.lat, 2)) == ("Puno", -70.13, -15.5)
    assert gazetteer_for(ds) is gaz_db  # built once per version of the tables
    # The lexicon (issue 20's lexicon.json), parsed.
    assert db.lexicon() == files.lexicon() == LEXICON


def test_a_database_without_documents_answers_none(pg_db, tiny_data):
    store = PostgisStore(pg_db)
    store.init()
    store.load_folder(tiny_data)
    assert store.documents() == {}
    assert store.left_out() == [] and store.lexicon() is None and store.basemap_text() is None
    assert store.gazetteer() is None and load_basemap(store) is None
    assert len(gazetteer_for(store)) == 2342  # the bundled gazetteer, as for a folder without one


def test_a_basemap_stored_in_a_database_is_what_its_maps_draw(pg_db, tiny_data):
    store = PostgisStore(pg_db)
    store.init()
    store.load_folder(tiny_data)
    version = store.version()
    text = (BUNDLED / "basemap.geojson").read_text(encoding="utf-8")
    where = store.write_basemap(text)
    assert where.endswith("documents basemap.geojson") and store.version() != version
    assert load_basemap(store).text == text
    assert "basemapDraw" in base_map(store.load(), asset_mode="placeholder").get_root().render()


def _rows(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_db_dump_gives_back_every_file_of_the_folder_it_was_loaded_from(pg_db, bundled_copy, tmp_path, capsys):
    folder = _with_lexicon(bundled_copy)
    dump = tmp_path / "dump"
    for argv in (["db", "init"], ["db", "load", str(folder)], ["db", "dump", str(dump)]):
        code, out, err = _cli(capsys, *argv, "--data", pg_db)
        assert code == 0, err
    assert "8 documents" in out
    names = _files(folder)
    assert _files(dump) == names
    assert {"README.md", "basemap.geojson", "lexicon.json", "gazetteer/places.csv", "gazetteer/sites.csv",
            "gazetteer/regions.csv", "gazetteer/README.md"} <= set(names) == set(DOCUMENTS) | {
        "dataset.json", "events.geojson", "hotspots.geojson", "corridors.geojson", "reported_counts.csv"}
    for name in names:
        if name in DOCUMENTS:  # kept byte for byte
            assert (dump / name).read_bytes() == (folder / name).read_bytes(), name
        elif name.endswith(".csv"):
            assert _rows(dump / name) == _rows(folder / name), name
        else:  # the layers and dataset.json: the same JSON, written in the data files' layout
            assert json.loads((dump / name).read_text(encoding="utf-8")) == \
                json.loads((folder / name).read_text(encoding="utf-8")), name
    assert FolderStore(dump).left_out() == FolderStore(folder).left_out()


def test_db_dump_removes_a_document_the_database_does_not_hold(pg_db, tiny_data, tmp_path, capsys):
    dump, full = tmp_path / "dump", _full_copy(tmp_path)
    for argv in (["db", "init"], ["db", "load", str(full)], ["db", "dump", str(dump)]):
        assert _cli(capsys, *argv, "--data", pg_db)[0] == 0
    assert (dump / "basemap.geojson").exists()
    code, out, err = _cli(capsys, "db", "dump", str(dump), "--data", pg_db)
    assert code == 1 and "README.md" in err and "--overwrite" in err
    for argv in (["db", "load", str(tiny_data), "--replace"], ["db", "dump", str(dump), "--overwrite"]):
        assert _cli(capsys, *argv, "--data", pg_db)[0] == 0
    assert not (dump / "basemap.geojson").exists() and not (dump / "gazetteer" / "places.csv").exists()
    assert FolderStore(dump).documents() == {}


def test_db_load_refuses_a_broken_lexicon_and_keeps_the_database(pg_db, tiny_data, tmp_path, capsys):
    for argv in (["db", "init"], ["db", "load", str(tiny_data)]):
        assert _cli(capsys, *argv, "--data", pg_db)[0] == 0
    version, events = PostgisStore(pg_db).version(), len(load_dataset(pg_db).events)
    full = _full_copy(tmp_path)
    (full / LEXICON_FILE).write_text('{"kinds": [1, 2', encoding="utf-8")
    code, out, err = _cli(capsys, "db", "load", str(full), "--replace", "--data", pg_db)
    assert code == 1
    assert err.strip().splitlines()[0].startswith("lexicon.json: (file): invalid JSON at line 1")
    assert PostgisStore(pg_db).version() == version and len(load_dataset(pg_db).events) == events == 4


def test_the_about_page_on_a_database_lists_what_its_folder_left_out(pg_db, tmp_path, monkeypatch):
    full = _full_copy(tmp_path)
    store = PostgisStore(pg_db)
    store.init()
    store.load_folder(full)
    monkeypatch.setenv("BLOCKADE_MAP_DATA", pg_db)
    at = page_test("about.py", default_timeout=120).run()
    assert not at.exception
    assert "What is not mapped, and why" in [s.value for s in at.subheader]
    [notes] = [plain(m.value) for m in at.markdown if plain(m.value).startswith("- National and regional counts")]
    items = notes.split("\n- ")
    assert len(items) == len(FolderStore(full).left_out()) == 11
    assert any(i.startswith("Puente Cunyac and Pampatama (Apurímac accesses, 12–13 December") for i in items)


def test_a_database_set_up_before_documents_says_to_run_init_again(pg_db, tiny_data, tmp_path, capsys):
    store = PostgisStore(pg_db)
    store.init()
    store.load_folder(tiny_data)
    with store.transaction() as cur:  # as a database made by the previous release
        cur.execute("DROP TABLE blockade_map.documents")
    assert store.documents() == {} and store.left_out() == [] and len(store.load().events) == 4
    code, out, err = _cli(capsys, "db", "load", str(_full_copy(tmp_path)), "--replace", "--data", pg_db)
    assert code == 1 and "run `blockade-map db init --data" in err and "again to add their table" in err
    assert len(load_dataset(pg_db).events) == 4
    assert _cli(capsys, "db", "init", "--data", pg_db)[0] == 0
    assert _cli(capsys, "db", "load", str(_full_copy(tmp_path / "again")), "--replace", "--data", pg_db)[0] == 0
    assert len(store.left_out()) == 11


def test_the_map_page_on_a_database_draws_the_basemap_the_database_holds(pg_db, tmp_path, monkeypatch):
    """The dashboard's map on PostGIS fetches the basemap stored in the database (a lake renamed in
    the folder it was loaded from proves it is not the bundled file), as a folder's map does."""
    import hashlib
    import re

    from streamlit.testing.v1 import local_script_runner as lsr

    from geo.render import basemap

    full = _full_copy(tmp_path)
    text = (full / "basemap.geojson").read_text(encoding="utf-8")
    assert text.count('"Lake Titicaca"') == 1
    text = text.replace('"Lake Titicaca"', '"Lake Titicaca (from the database)"')
    (full / "basemap.geojson").write_text(text, encoding="utf-8")
    store = PostgisStore(pg_db)
    store.init()
    store.load_folder(full)
    static = tmp_path / "static"
    monkeypatch.setattr(basemap, "STATIC_DIR", static)  # the page's copy, kept out of the checkout
    sent: list = []
    original = lsr.LocalScriptRunner.forward_msgs

    def forward_msgs(runner):
        sent.extend(original(runner))
        return sent

    monkeypatch.setattr(lsr.LocalScriptRunner, "forward_msgs", forward_msgs)
    monkeypatch.setenv("BLOCKADE_MAP_DATA", pg_db)
    at = page_test("map.py", default_timeout=180)
    at.query_params["date"] = "2023-01-09"
    at.run()
    assert not at.exception
    scripts = [json.loads(m.delta.new_element.component_instance.json_args)["script"] for m in sent
               if m.HasField("delta") and m.delta.new_element.WhichOneof("type") == "component_instance"]
    assert scripts, "the page drew no map"
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    loads = re.findall(r"basemapLoad\(\w+,\s*\"([^\"]+)\"", scripts[-1])
    assert loads == [f"/app/static/vendor/basemaps/{digest}.json"]
    assert (static / f"{digest}.json").read_text(encoding="utf-8") == text  # the database's, byte for byte
