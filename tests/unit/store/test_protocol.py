"""The Store protocol is the one door: both stores and both editors implement it, and nothing
outside geo/store talks to a database or tells a database URL from a folder."""
from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

from geo.core.model import DataError
from geo.places.gazetteer import gazetteer_for
from geo.render.basemap import load_basemap
from geo.store import FolderStore, PostgisStore, Store, StoreEditor, load_dataset, store_for
from geo.store.editor import Editor
from geo.store.layout import DOCUMENTS, LEXICON_FILE
from geo.store.postgis_editor import PostgisEditor
from tests.conftest import BUNDLED

GEO = Path(__file__).resolve().parents[3] / "geo"


def _members(protocol) -> list[str]:
    return sorted(name for name in protocol.__dict__ if not name.startswith("_")
                  and (callable(getattr(protocol, name)) or name in protocol.__annotations__))


def test_both_stores_and_both_editors_have_every_member_of_the_protocol(tiny_data):
    assert isinstance(FolderStore(tiny_data), Store)
    assert isinstance(PostgisStore("postgresql://nobody@127.0.0.1:1/none"), Store)  # no connection made
    assert isinstance(Editor(tiny_data), StoreEditor)
    store_methods = [m for m in _members(Store) if m not in ("kind", "location")]
    assert {"load", "editor", "left_out", "gazetteer", "basemap_text", "write_basemap", "lexicon"} <= set(store_methods)
    for cls in (FolderStore, PostgisStore):
        for name in store_methods:
            assert callable(getattr(cls, name, None)), f"{cls.__name__}.{name}"
    for name in (m for m in _members(StoreEditor) if m not in ("location", "scope")):
        for cls in (Editor, PostgisEditor):
            ours, theirs = inspect.signature(getattr(cls, name)), inspect.signature(getattr(StoreEditor, name))
            assert list(ours.parameters) == list(theirs.parameters), f"{cls.__name__}.{name}"


def test_store_for_finds_the_store_behind_a_dataset(tiny_data):
    ds = load_dataset(tiny_data)
    assert store_for(ds) is ds.store and store_for(ds.store) is ds.store
    assert isinstance(store_for(tiny_data), FolderStore) and store_for(tiny_data).folder == tiny_data


def test_a_folders_documents_are_read_through_its_store(tiny_data, tmp_path):
    store = FolderStore(tiny_data)
    assert store.documents() == {} and store.lexicon() is None and store.left_out() == []
    assert len(gazetteer_for(store)) == 2342 and load_basemap(store) is None  # the bundled gazetteer, no basemap
    store.write_document(LEXICON_FILE, '{"kinds": {"paro": "protest"}}\n')
    store.write_document("gazetteer/places.csv", "geonameid,name,alternatenames,region,lat,lon,population\n"
                                                 "1,Pueblo Uno,Uno Viejo,Puno,-15.0,-70.0,10\n")
    assert store.lexicon() == {"kinds": {"paro": "protest"}}
    gaz = gazetteer_for(store)
    assert len(gaz) == 1 and gaz.lookup("uno viejo").lon == -70.0
    with pytest.raises(ValueError, match="not a document"):
        store.document("events.geojson")
    full = FolderStore(BUNDLED)
    assert sorted(full.documents()) == sorted(DOCUMENTS)   # the bundled folder brings its lexicon.json too


def test_nothing_outside_the_store_talks_to_a_database():
    for path in sorted(GEO.rglob("*.py")):
        if path.parent.name == "store":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name for a in node.names] + [getattr(node, "module", None) or ""]
                assert not any(n.split(".")[0] == "psycopg" for n in names), f"{path}:{node.lineno}"
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                assert not node.value.startswith(("postgresql://", "postgres://")) or " " in node.value, \
                    f"{path}:{node.lineno}: tells a database URL from a folder itself (use geo.store.is_database_url)"


def test_a_bad_gazetteer_row_is_a_located_problem(tiny_data):
    store = FolderStore(tiny_data)
    header = "geonameid,name,alternatenames,region,lat,lon,population\n"
    store.write_document("gazetteer/places.csv", header + "1,Uno,,Puno,-15.0,-70.0,10\n2,Dos,,Puno,south,-70.0,10\n")
    with pytest.raises(DataError) as caught:
        gazetteer_for(store)
    assert str(caught.value) == ("gazetteer/places.csv: row 3: cannot be read "
                                 "(could not convert string to float: 'south')")
    store.write_document("gazetteer/places.csv", "geonameid,name,region,lat,population\n1,Uno,Puno,-15.0,10\n")
    with pytest.raises(DataError, match=r"^gazetteer/places.csv: row 2: lon: is missing$"):
        gazetteer_for(store)
    store.write_document("gazetteer/places.csv", header + "1,Uno,,Puno,nan,-70.0,10\n")
    with pytest.raises(DataError, match=r"row 2: cannot be read \(lat 'nan' is not a finite number\)"):
        gazetteer_for(store)
