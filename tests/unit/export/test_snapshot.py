"""Snapshots: the overlay and HTML (no browser), then PNGs, batches and GIFs drawn by chromium."""
from __future__ import annotations

import re

import pytest
from PIL import Image

from geo.core.view import View
from geo.export import snapshot
from geo.query import framing
from geo.store import load_dataset
from tests.conftest import layer_calls, make_event, write_folder
from tests.conftest import run_cli as run

JAN9 = "2023-01-09"
MAP_BACKGROUND = (0xE9, 0xEC, 0xEF)


@pytest.fixture
def no_chromium(monkeypatch, tmp_path):
    """A machine without a browser: the chromium path points at a missing file."""
    monkeypatch.setattr(snapshot.browser, "CHROMIUM_PATH", str(tmp_path / "no-such-chromium"))
    monkeypatch.delenv(snapshot.CHROMIUM_ENV, raising=False)


# ---------------------------------------------------------------- without a browser

@pytest.mark.parametrize("text,size", [("1200x800", (1200, 800)), ("2400X1600", (2400, 1600)),
                                       ("800×600", (800, 600))])
def test_parse_size(text, size):
    assert snapshot.parse_size(text) == size


@pytest.mark.parametrize("text,message", [("1200", "not WIDTHxHEIGHT"), ("axb", "not WIDTHxHEIGHT"),
                                          ("100x100", "between 320 and 8000"),
                                          ("9000x800", "between 320 and 8000")])
def test_parse_size_rejects(text, message):
    with pytest.raises(ValueError, match=message):
        snapshot.parse_size(text)


@pytest.mark.parametrize("size,expected", [((1200, 800), (1200, 800, 1.0)), ((2400, 1600), (1200, 800, 2.0)),
                                           ((1800, 1200), (1200, 800, 1.5)), ((800, 600), (800, 600, 1.0))])
def test_layout_keeps_a_1200_wide_page_and_scales_up(size, expected):
    assert snapshot.layout(size) == expected


def test_dates_in_words():
    assert snapshot.long_date(JAN9) == "Monday 9 January 2023"
    assert snapshot.short_date("2022-12-07") == "Wed 7 Dec 2022"


def test_snapshot_html_is_self_contained_with_title_date_filters_and_credits(tiny_data):
    ds = load_dataset(tiny_data)
    html = snapshot.snapshot_html(ds, View(JAN9, kinds=("blockade", "clash")))
    assert not re.search(r"<script[^>]+\bsrc=", html)
    assert not re.search(r"<link\b", html)
    assert "blockade-map-asset://" not in html
    fetched = set(re.findall(r"https?://[\w.-]+", html)) - {"http://www.w3.org"}  # w3.org: SVG namespace
    assert fetched <= {"https://leafletjs.com", "https://bugzilla.mozilla.org", "https://tile.openstreetmap.org",
                       "https://www.openstreetmap.org", "https://www.defensoria.gob.pe",
                       "https://creativecommons.org"}  # links, the licence, and the tiles
    assert "Blockade Map — Tiny test data" in html and "Monday 9 January 2023" in html
    assert "blockade, clash · all regions · this day only" in html
    assert "3 events mapped, 18 dead" in html
    assert '<div class="bm-snap-sources">Sources: Defensoría del Pueblo</div>' in html
    assert ('<div class="bm-snap-credits">Data: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/), '
            'Blockade Map contributors · Places: GeoNames, CC BY 4.0<span class="bm-snap-tiles-part"> · '
            f'<span class="bm-snap-tiles">{snapshot.TILE_CREDIT}</span></span></div>') in html
    assert "Nothing mapped" not in html
    assert len(layer_calls(html, "pointLayer")[0][0]) == 3
    assert "L.control.scale()" in html and html.count("bm-legend-kind") == 6  # legend and scale bar


def test_empty_day_says_so_and_names_no_sources(tiny_data):
    html = snapshot.snapshot_html(load_dataset(tiny_data), View("2023-01-25"), tiles=False)
    assert "Nothing mapped on this day with these filters" in html
    assert "0 events mapped" in html and "Sources: none (nothing mapped)" in html
    # no tiles drawn: none credited (and no "no tiles" either: the credits say what was drawn)
    footer = re.search(r'<footer class="bm-snap-foot">(.*?)</footer>', html, re.S).group(1)
    assert "bm-snap-tiles" not in footer and "OpenStreetMap" not in footer and "tiles" not in footer
    assert "tile.openstreetmap.org" not in html
    cumulative = snapshot.snapshot_html(load_dataset(tiny_data), View("2023-01-05", "cumulative"))
    assert "Nothing mapped up to this day" in cumulative and "up to Thursday 5 January 2023" in cumulative


def test_overlay_escapes_publishers(tmp_path):
    evil = make_event("e-x", sources=[{"name": "<script>alert(1)</script> & Co", "url": "https://example.org/a",
                                       "published": JAN9}])
    html = snapshot.snapshot_html(load_dataset(write_folder(tmp_path / "d", [evil])), View(JAN9))
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html


def test_credits_cut_long_publisher_lists():
    records = [{"sources": [{"name": f"Outlet number {i}"}]} for i in range(20)]
    text = snapshot.sources_text(records, max_chars=80)
    assert text == "Sources: Outlet number 0, Outlet number 1, Outlet number 10 +17 more"  # 4 would pass 80
    assert snapshot.sources_text(records[:2]) == "Sources: Outlet number 0, Outlet number 1"
    assert snapshot.credits_text(records[:1], tiles=False, licence="CC0") == (
        "Sources: Outlet number 0\nData: CC0 · Places: GeoNames, CC BY 4.0")
    assert snapshot.credits_text(records[:1], tiles=True, licence="CC0").endswith(
        "Places: GeoNames, CC BY 4.0 · Tiles © OpenStreetMap contributors")


def test_gif_has_a_frame_per_png_and_the_date_on_each(tmp_path):
    paths = []
    for i, colour in enumerate(((200, 60, 20), (40, 120, 200), (60, 160, 80))):
        path = tmp_path / f"{i}.png"
        Image.new("RGB", (1200, 800), colour).save(path)
        paths.append(path)
    labels = ["Sun 8 Jan 2023", "Mon 9 Jan 2023", "Tue 10 Jan 2023"]
    gif = snapshot.make_gif(paths, labels, tmp_path / "period.gif", width=600)
    with Image.open(gif) as img:
        assert img.n_frames == 3 and img.size == (600, 400)
        for frame in range(3):
            img.seek(frame)
            rgb = img.convert("RGB")
            box = rgb.crop((600 - 200, 0, 600, 40))  # the label box, top right
            colours = {c for _, c in box.getcolors(maxcolors=100000)}
            assert any(max(c) < 45 for c in colours) and any(min(c) > 200 for c in colours)  # dark box, white text
    with pytest.raises(ValueError, match="3 frames but 2 labels"):
        snapshot.make_gif(paths, labels[:2], tmp_path / "x.gif")


def test_no_browser_png_is_one_line_exit_1_and_html_still_works(capsys, no_chromium, tiny_data, tmp_path):
    assert not snapshot.browser_available()
    with pytest.raises(snapshot.BrowserMissingError, match="apt-get install chromium"):
        snapshot.render_png(load_dataset(tiny_data), View(JAN9))
    code, out, err = run(capsys, "snapshot", "--date", JAN9, "--out", tmp_path / "jan9.png", "--data", tiny_data)
    assert (code, out, err) == (1, "", "PNG export needs Chromium: apt-get install chromium\n")
    assert not (tmp_path / "jan9.png").exists()
    code, out, err = run(capsys, "snapshot", "--from", "2023-01-08", "--to", JAN9, "--out", tmp_path / "batch",
                         "--data", tiny_data)
    assert (code, err) == (1, "PNG export needs Chromium: apt-get install chromium\n")
    code, out, err = run(capsys, "snapshot", "--date", JAN9, "--out", tmp_path / "jan9.html", "--data", tiny_data)
    assert code == 0 and err == "" and (tmp_path / "jan9.html").stat().st_size > 100_000
    assert "Monday 9 January 2023" in (tmp_path / "jan9.html").read_text(encoding="utf-8")
    code, _, _ = run(capsys, "export", "--from", JAN9, "--to", JAN9, "--out", tmp_path / "jan9.csv",
                     "--data", tiny_data)
    assert code == 0 and (tmp_path / "jan9.csv.txt").exists()


@pytest.mark.parametrize("argv,message", [
    (["--date", JAN9, "--from", JAN9, "--to", JAN9, "--out", "x.png"], "not both"),
    (["--from", JAN9, "--out", "dir"], "a batch needs both --from and --to"),
    (["--from", "2023-01-10", "--to", JAN9, "--out", "dir"], "--to 2023-01-09 is before --from 2023-01-10"),
    (["--from", "2023-01-08", "--to", JAN9, "--out", "x.png"], "--out is a folder"),
    (["--date", JAN9, "--out", "x.jpg"], "--out must end in .png, .pdf, .svg or .html"),
    (["--out", "x.png"], "give --date YYYY-MM-DD"),
    (["--date", JAN9, "--out", "x.png", "--size", "10x10"], "between 320 and 8000"),
    (["--date", JAN9, "--out", "x.png", "--kinds", "riot"], "unknown kind 'riot'"),
])
def test_snapshot_bad_input_is_one_line_exit_1(capsys, tiny_data, argv, message):
    code, out, err = run(capsys, "snapshot", *argv, "--data", tiny_data)
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err


# ---------------------------------------------------------------- with a browser


def test_fit_view_frames_the_events_shown(tiny_data):
    ds = load_dataset(tiny_data)
    assert framing.events_bounds(ds, View(JAN9)) == [[-16.08333, -70.13333], [-15.5, -69.66667]]
    assert framing.events_bounds(ds, View("2023-01-20")) == [[-15.84003, -70.02198], [-15.84003, -70.02198]]
    assert framing.events_bounds(ds, View("2023-03-01")) is None
    html = snapshot.snapshot_html(ds, View(JAN9), fit="view")
    # the events' box with a 10% margin on every side, and at least 0.6 degrees across (east-west here)
    assert re.search(r"fitBounds\(\s*\[\[-16\.14166, -70\.2\], \[-15\.44167, -69\.6\]\]", html)
    assert '"maxZoom": 9' in html and '"animate": false' in html
    with pytest.raises(ValueError, match="fit 'all' is not one of day, view, data"):
        snapshot.snapshot_html(ds, View(JAN9), fit="all")


def test_the_default_frame_is_the_days_events_and_corridors(tiny_data):
    ds = load_dataset(tiny_data)
    # tiny data: the Juliaca–Desaguadero corridor runs from Juliaca (-70.13333, -15.5) to
    # Desaguadero (-69.042, -16.56609); the day's events lie on it, so the frame is the corridor's box
    # with a 10% margin
    frame = [[-16.6727, -70.24246], [-15.39339, -68.93287]]
    html = snapshot.snapshot_html(ds, View(JAN9))
    assert re.search(r"fitBounds\(\s*" + re.escape(str(frame)), html)
    assert frame == framing.frame_for(ds, View(JAN9)) == framing.frame_for(ds, View(JAN9), "day")
    # much smaller than the dataset's area (Peru's bbox), which is what "data" and cumulative mode frame
    peru = [[-18.4, -81.4], [0.0, -68.6]]
    assert framing.frame_for(ds, View(JAN9), "data") == peru
    assert framing.frame_for(ds, View(JAN9, mode="cumulative")) == peru
    assert re.search(r"fitBounds\(\s*" + re.escape(str(peru)), snapshot.snapshot_html(ds, View(JAN9), fit="data"))
    # a day with nothing to show falls back to the dataset's area
    assert framing.frame_for(ds, View("2023-03-01")) == peru


def test_with_margin_and_union():
    assert framing.with_margin([[-16.0, -70.0], [-15.0, -69.0]], 0.1) == [[-16.1, -70.1], [-14.9, -68.9]]
    assert framing.with_margin([[-15.5, -70.1], [-15.5, -70.1]]) == [[-15.8, -70.4], [-15.2, -69.8]]
    assert framing.union([None, [[-16.0, -70.0], [-15.0, -69.0]], [[-17.0, -69.5], [-16.5, -68.0]]]) == \
        [[-17.0, -70.0], [-15.0, -68.0]]
    assert framing.union([None]) is None
    with pytest.raises(ValueError, match="not \\[\\[south, west\\], \\[north, east\\]\\]"):
        framing.with_margin([[-15.0, -70.0], [-16.0, -69.0]])


def test_a_basemap_credit_goes_in_the_footer(tiny_data):
    ds = load_dataset(tiny_data)
    html = snapshot.snapshot_html(ds, View(JAN9))
    assert "Basemap:" not in html  # no basemap: no credit, no empty slot
    html = snapshot.snapshot_html(ds, View(JAN9), basemap_credit="Basemap: Natural Earth <public domain>")
    assert ('GeoNames, CC BY 4.0 · Basemap: Natural Earth &lt;public domain&gt;<span class="bm-snap-tiles-part">'
            ) in html
    assert snapshot.credits_text([], False, "CC BY 4.0", "Basemap: Natural Earth").endswith(
        "Places: GeoNames, CC BY 4.0 · Basemap: Natural Earth")


