"""A snapshot a newsroom can publish (issue 22): the title wraps, the day's places are named above
their markers without collisions, lakes and seas named, credits only for what was drawn, PNG
resolution and text chunks, PDF and SVG for print."""
from __future__ import annotations

import io
import math

import pytest
from PIL import Image

from geo.core.i18n import translator
from geo.core.view import View
from geo.export import snapshot
from geo.store import load_dataset
from tests.conftest import BUNDLED, chromium_path
from tests.conftest import run_cli as run

JAN9 = "2023-01-09"


@pytest.fixture(scope="module")
def shots():
    """One offline browser per language (no tiles: the basemap is the geography)."""
    if chromium_path() is None:
        pytest.skip("no chromium installed (apt-get install chromium)")
    ds = load_dataset(BUNDLED)
    out = {}
    for lang in ("es", "en"):
        with snapshot.Snapshotter(tiles=False, t=translator(lang)) as shot:
            out[lang] = (shot.render(ds, View(JAN9)), shot.render(ds, View(JAN9), (640, 480)))
    return out


def _overlap(a: dict, b: dict) -> bool:
    return a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"] and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]


@pytest.mark.parametrize("lang,water", [("es", {"Lago Titicaca", "Océano Pacífico"}),
                                        ("en", {"Lake Titicaca", "Pacific Ocean"})])
def test_the_days_places_are_named_above_their_markers_without_collisions(shots, lang, water):
    result, _ = shots[lang]
    names = {label["name"]: label for label in result.labels}
    assert {"Juliaca", "Puno", "Arequipa", "Cusco", "Tacna"} <= set(names) and water <= set(names)
    assert names["Juliaca"]["role"] == "deadliest" and names["Puno"]["role"] == "epicentre"
    assert result.dropped == []
    labels = result.labels
    for i, a in enumerate(labels):
        assert not any(_overlap(a, b) for b in labels[i + 1:]), a["name"]
        for m in result.markers:  # no label hides an event's marker centre
            inside = a["x"] <= m["x"] <= a["x"] + a["w"] and a["y"] <= m["y"] <= a["y"] + a["h"]
            assert not inside, (a["name"], m)
    for label in labels:  # each name beside its point (above it when there is room)
        if label["role"] != "water":
            dx = max(label["x"] - label["at_x"], 0, label["at_x"] - label["x"] - label["w"])
            dy = max(label["y"] - label["at_y"], 0, label["at_y"] - label["y"] - label["h"])
            assert math.hypot(dx, dy) <= 45, label
    tacna = names["Tacna"]
    assert tacna["y"] + tacna["h"] <= tacna["at_y"] and abs(tacna["x"] + tacna["w"] / 2 - tacna["at_x"]) < 2
    juliaca = names["Juliaca"]
    # the label is really drawn: dark text pixels inside its box
    with Image.open(io.BytesIO(result.png)) as img:
        rgb = img.convert("RGB")
        dark = sum(1 for x in range(int(juliaca["x"]), int(juliaca["x"] + juliaca["w"]))
                   for y in range(int(juliaca["y"]), int(juliaca["y"] + juliaca["h"]))
                   if sum(rgb.getpixel((x, y))) < 200)
    assert dark > 40


def test_the_title_wraps_rather_than_being_cut(shots):
    wide, small = shots["es"]
    assert wide.title_box["fits"] and wide.title_box["lines"] == 1
    assert small.title_box["fits"] and small.title_box["lines"] == 2


def test_png_has_dpi_and_text_chunks_and_no_tile_credit_offline(shots):
    result, _ = shots["es"]
    with Image.open(io.BytesIO(result.png)) as img:
        assert img.size == (1200, 800)
        assert [round(v) for v in img.info["dpi"]] == [96, 96]
        text = dict(img.text)
    assert text["Title"] == "Blockade Map — Paro nacional en el Perú, dic. 2022 – mar. 2023: lunes, 9 de enero de 2023"
    assert text["Date"] == JAN9 and text["Copyright"].startswith("CC BY 4.0")
    assert "Mapa base: Natural Earth" in text["Credits"] and "OpenStreetMap" not in text["Credits"]
    assert result.tiles_loaded == 0


def test_tiles_that_never_load_are_not_credited(monkeypatch):
    if chromium_path() is None:
        pytest.skip("no chromium installed")
    monkeypatch.setattr(snapshot.browser, "TILES_PREFIX", "https://tiles.invalid/")  # every tile refused
    ds = load_dataset(BUNDLED)
    with snapshot.Snapshotter(tiles=True, tile_timeout_s=1, t=translator("es")) as shot:
        result = shot.render(ds, View(JAN9))
        page_text = shot._call(lambda: shot._pages[(1200, 800, 1.0)].evaluate("() => document.body.innerText"))
    assert result.tiles_loaded == 0
    assert "OpenStreetMap" not in page_text and "sin teselas" not in page_text
    with Image.open(io.BytesIO(result.png)) as img:
        assert "OpenStreetMap" not in img.text["Credits"]


def test_print_size_png_is_192_dpi(tmp_path, capsys):
    code, out, _ = run(capsys, "snapshot", "--date", JAN9, "--out", str(tmp_path / "p.png"), "--no-tiles",
                       "--size", "2400x1600", "--lang", "es")
    assert code == 0 and "192 dpi" in out
    with Image.open(tmp_path / "p.png") as img:
        assert img.size == (2400, 1600) and [round(v) for v in img.info["dpi"]] == [192, 192]


def test_pdf_and_svg_for_print(tmp_path, capsys):
    code, out, _ = run(capsys, "snapshot", "--date", JAN9, "--out", str(tmp_path / "m.pdf"), "--no-tiles",
                       "--lang", "es")
    assert code == 0 and "PDF" in out
    pdf = (tmp_path / "m.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-") and b"/Type /Page" in pdf.replace(b"/Type/Page", b"/Type /Page")
    if snapshot.browser.shutil.which(snapshot.browser.PDFTOCAIRO_PATH) is None:
        pytest.skip("no pdftocairo (apt-get install poppler-utils) for SVG")
    code, out, _ = run(capsys, "snapshot", "--date", JAN9, "--out", str(tmp_path / "m.svg"), "--no-tiles")
    assert code == 0
    svg = (tmp_path / "m.svg").read_text(encoding="utf-8")
    assert "<svg" in svg and 'width="900pt"' in svg
    # vector, not one picture: the text is glyphs, the shapes paths (a few translucent bits come as images)
    assert svg.count('xlink:href="#glyph') > 500 and svg.count("<path") > 20 * svg.count("<image")


def test_svg_without_pdftocairo_says_what_to_install(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(snapshot.browser, "PDFTOCAIRO_PATH", str(tmp_path / "no-pdftocairo"))
    code, _, err = run(capsys, "snapshot", "--date", JAN9, "--out", str(tmp_path / "m.svg"), "--no-tiles")
    assert code == 1 and "apt-get install poppler-utils" in err and not (tmp_path / "m.svg").exists()
