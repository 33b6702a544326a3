"""The map page's "Export this view" panel: wiring (AppTest), file contents, and two clicks to a PNG."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from geo.core.view import View
from geo.export import snapshot
from geo.store import load_dataset
from tests.conftest import page_test, plain
from ui import exports

JAN9 = "2023-01-09"


def _page(monkeypatch, data: Path, **params):
    monkeypatch.setenv("BLOCKADE_MAP_DATA", str(data))
    at = page_test("map.py", default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception
    return at


def test_panel_offers_png_html_geojson_csv_and_citation(monkeypatch, tiny_data):
    at = _page(monkeypatch, tiny_data, date=JAN9, kinds="blockade,clash")
    panel = [e for e in at.sidebar.expander if e.label == "Export this view"]
    assert len(panel) == 1
    buttons = panel[0].get("download_button")
    assert [b.label for b in buttons] == ["PNG image", "HTML (opens offline)", "GeoJSON of the events",
                                          "CSV of the events", "Sources and licence (.txt)"]
    assert buttons[0].proto.type == "primary" and all(b.proto.ignore_rerun for b in buttons)
    assert all(b.proto.deferred_file_id for b in buttons)  # made only when clicked
    captions = [plain(c.value) for c in panel[0].get("caption")]
    assert "2023-01-09 · blockade, clash · all regions · this day only" in captions
    assert panel[0].get("radio")[0].options == ["screen 1200×800", "print 2400×1600"]
    assert panel[0].get("toggle")[0].label == "Zoom to the events shown" and not panel[0].get("toggle")[0].value


def test_panel_without_a_browser_says_what_to_install(monkeypatch, tiny_data, tmp_path):
    monkeypatch.setattr(snapshot.browser, "CHROMIUM_PATH", str(tmp_path / "no-such-chromium"))
    monkeypatch.delenv(snapshot.CHROMIUM_ENV, raising=False)
    at = _page(monkeypatch, tiny_data, date=JAN9)
    panel = at.sidebar.expander[-1]
    assert panel.label == "Export this view"
    assert [w.value for w in panel.get("warning")] == ["PNG export needs Chromium: apt-get install chromium"]
    labels = [b.label for b in panel.get("download_button")]
    assert "PNG image" not in labels and labels[0] == "HTML (opens offline)"


def test_files_of_the_view(tiny_data):
    ds = load_dataset(tiny_data)
    view = View(JAN9, kinds=("blockade",))
    assert exports.file_stem(view) == "blockade-map-2023-01-09"
    rows = list(csv.DictReader(io.StringIO(exports.data_file(ds, view, "csv"))))
    assert sorted(r["id"] for r in rows) == ["e-chucuito", "e-ilave"]
    collection = json.loads(exports.data_file(ds, view, "geojson"))
    assert sorted(f["id"] for f in collection["features"]) == ["e-chucuito", "e-ilave"]
    text = exports.citation(ds, view)
    assert "File: blockade-map-2023-01-09.csv (CSV, UTF-8, 2 event(s))" in text and "CC BY 4.0" in text
    cumulative = View(JAN9, "cumulative")
    assert exports.file_stem(cumulative) == "blockade-map-2023-01-09-cumulative"
    rows = list(csv.DictReader(io.StringIO(exports.data_file(ds, cumulative, "csv"))))
    assert sorted(r["id"] for r in rows) == ["e-chucuito", "e-ilave", "e-juliaca-clash", "e-lima"]






def test_png_of_a_dataset_without_its_store_is_keyed_by_its_folders_version(monkeypatch, tiny_data):
    """A dataset built by hand has no store: the PNG's cache key is then its folder's version (it used to
    fail on ``None.version()``), and a size given as a list becomes the (width, height) key."""
    import dataclasses

    from geo.store import open_store
    hand = dataclasses.replace(load_dataset(tiny_data), store=None)
    calls = []
    monkeypatch.setattr(exports, "_png", lambda _ds, version, view, size, fit, lang: calls.append((version, size)) or b"PNG")
    assert exports.png_bytes(hand, View(JAN9), [1200, 800]) == b"PNG"  # a list, as JSON would give it
    assert calls == [(open_store(tiny_data).version(), (1200, 800))]
