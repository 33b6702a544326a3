"""Snapshots: the overlay and HTML (no browser), then PNGs, batches and GIFs drawn by chromium."""
from __future__ import annotations

import io
import math
import re
from pathlib import Path

import pytest
from PIL import Image

from geo import snapshot
from geo.cli import main
from geo.maps import KIND_COLORS
from geo.store import load_dataset
from geo.timeline import View, select_events
from tests.conftest import BUNDLED, make_event, write_folder

JAN9 = "2023-01-09"
MAP_BACKGROUND = (0xE9, 0xEC, 0xEF)


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def jan9_data(tiny_data: Path) -> Path:
    """The bundled data when it is there, else the tiny Puno data set."""
    return BUNDLED if (BUNDLED / "events.geojson").exists() else tiny_data


@pytest.fixture
def no_chromium(monkeypatch, tmp_path):
    """A machine without a browser: the chromium path points at a missing file."""
    monkeypatch.setattr(snapshot, "CHROMIUM_PATH", str(tmp_path / "no-such-chromium"))
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
                       "https://www.openstreetmap.org", "https://www.defensoria.gob.pe"}  # links, and the tiles
    assert "Blockade Map — Peru" in html and "Monday 9 January 2023" in html
    assert "blockade, clash · all regions · this day only" in html
    assert "3 events mapped, 18 dead" in html
    assert '<div class="bm-snap-sources">Sources: Defensoría del Pueblo</div>' in html
    assert "Data: Blockade Map contributors, CC BY 4.0 · Places: GeoNames, CC BY 4.0 ·" in html
    assert snapshot.TILE_CREDIT in html
    assert "Nothing mapped" not in html
    assert html.count("bm-event bm-kind-") == 3
    assert "L.control.scale()" in html and html.count("bm-legend-kind") == 6  # legend and scale bar


def test_empty_day_says_so_and_names_no_sources(tiny_data):
    html = snapshot.snapshot_html(load_dataset(tiny_data), View("2023-01-25"), tiles=False)
    assert "Nothing mapped on this day with these filters" in html
    assert "0 events mapped" in html and "Sources: none (nothing mapped)" in html
    assert "no tiles (offline)" in html and "tile.openstreetmap.org" not in html
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
    assert snapshot.credits_text(records[:1], tiles=False) == (
        "Sources: Outlet number 0\nData: Blockade Map contributors, CC BY 4.0 · Places: GeoNames, CC BY 4.0 · "
        "no tiles (offline)")


def test_progress_bar_text():
    stream = io.StringIO()
    bar = snapshot.ProgressBar(4, stream=stream, width=8)
    bar.update(1, "2023-01-08")
    bar.update(4, "2023-01-11")
    assert stream.getvalue().splitlines() == ["[##------] 1/4 2023-01-08", "[########] 4/4 2023-01-11"]


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
    (["--date", JAN9, "--out", "x.jpg"], "--out must end in .png or .html"),
    (["--out", "x.png"], "give --date YYYY-MM-DD"),
    (["--date", JAN9, "--out", "x.png", "--size", "10x10"], "between 320 and 8000"),
    (["--date", JAN9, "--out", "x.png", "--kinds", "riot"], "unknown kind 'riot'"),
])
def test_snapshot_bad_input_is_one_line_exit_1(capsys, tiny_data, argv, message):
    code, out, err = run(capsys, "snapshot", *argv, "--data", tiny_data)
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err


# ---------------------------------------------------------------- with a browser

def _mercator(lon: float, lat: float, zoom: float) -> tuple[float, float]:
    """Web Mercator world pixels at ``zoom`` (Leaflet's EPSG:3857, 256-pixel tiles)."""
    world = 256 * 2 ** zoom
    x = (lon + 180) / 360 * world
    y = (1 - math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) / math.pi) / 2 * world
    return x, y


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))


def _nearest_kind(pixel: tuple[int, int, int]) -> tuple[str, float]:
    """The kind whose colour (pure, or as drawn at 85% over the map background) is nearest."""
    best = ("", 1e9)
    for kind, colour in KIND_COLORS.items():
        pure = _rgb(colour)
        drawn = tuple(0.85 * c + 0.15 * b for c, b in zip(pure, MAP_BACKGROUND))
        d = min(math.dist(pixel, pure), math.dist(pixel, drawn))
        if d < best[1]:
            best = (kind, d)
    return best


def _distance_to_kind(pixel: tuple[int, int, int], kind: str) -> float:
    pure = _rgb(KIND_COLORS[kind])
    drawn = tuple(0.85 * c + 0.15 * b for c, b in zip(pure, MAP_BACKGROUND))
    return min(math.dist(pixel, pure), math.dist(pixel, drawn))


def _topmost(markers: list[dict], x: float, y: float, scale: float) -> dict | None:
    """The last-painted marker whose disc covers (x, y), or None."""
    covering = [m for m in markers if math.dist((m["x"], m["y"]), (x, y)) <= m["radius"] * scale]
    return covering[-1] if covering else None


def _visible_points(markers: list[dict], m: dict, scale: float) -> list[tuple[int, int, str]]:
    """Pixels inside ``m``'s disc, nearest its centre first, that lie clear of every circle's
    outline, each with the kind of the circle painted on top there (``m`` itself, or a later one)."""
    points = []
    reach = int(m["radius"] * scale)
    for dx in range(-reach, reach + 1):
        for dy in range(-reach, reach + 1):
            x, y = round(m["x"]) + dx, round(m["y"]) + dy
            if math.dist((x, y), (m["x"], m["y"])) > (m["radius"] - 2.5) * scale:
                continue
            if any(abs(math.dist((x, y), (o["x"], o["y"])) - o["radius"] * scale) < 2.5 * scale for o in markers):
                continue  # near an outline (dark stroke)
            points.append((x, y, _topmost(markers, x, y, scale)["kind"]))
    points.sort(key=lambda p: math.dist((p[0], p[1]), (m["x"], m["y"])))
    return points


@pytest.mark.browser
@pytest.mark.parametrize("size", [(1200, 800), (2400, 1600)])
def test_png_of_jan9_has_kind_colours_at_the_events(browser, jan9_data, size):
    ds = load_dataset(jan9_data)
    view = View(JAN9)
    events = select_events(ds, view)
    assert len(events) >= 3
    with snapshot.Snapshotter(tiles=False) as shot:
        result = shot.render(ds, view, size)
    img = Image.open(io.BytesIO(result.png)).convert("RGB")
    assert img.size == size and (result.width, result.height) == size
    assert result.scale == size[0] / 1200
    # one circle per event of the day, where the event is
    assert len(result.markers) == len(events)
    assert sorted((round(m["lat"], 4), round(m["lon"], 4)) for m in result.markers) == \
        sorted((round(la, 4), round(lo, 4)) for la, lo in zip(events["lat"], events["lon"]))
    # Leaflet's pixel positions agree with Web Mercator computed here
    ref = result.markers[0]
    rx, ry = _mercator(ref["lon"], ref["lat"], result.zoom)
    for m in result.markers[1:]:
        mx, my = _mercator(m["lon"], m["lat"], result.zoom)
        assert abs((mx - rx) * result.scale - (m["x"] - ref["x"])) <= 1.5 * result.scale
        assert abs((my - ry) * result.scale - (m["y"] - ref["y"])) <= 1.5 * result.scale
    # around every marker's centre, each pixel has the colour of the circle painted on top there
    kinds_seen, checked = set(), 0
    for m in result.markers:
        assert 0 <= m["x"] < size[0] and 0 <= m["y"] < size[1]
        points = _visible_points(result.markers, m, result.scale)
        points = points[:: max(1, len(points) // 40)]  # about 40, from the centre out to the rim
        if not points:
            continue  # wholly under other circles' outlines
        hits = 0
        for x, y, expected in points:
            kind, distance = _nearest_kind(img.getpixel((x, y)))
            hits += kind == expected and distance < 60
        assert hits >= 0.9 * len(points), (m, points[:3], [img.getpixel(p[:2]) for p in points[:3]])
        kinds_seen |= {k for _, _, k in points}
        checked += 1
    assert checked >= 0.9 * len(result.markers)
    assert kinds_seen >= {"clash", "blockade"}
    # no circle of its kind's colour where an event of another day would be
    others = ds.events[~ds.events["id"].isin(events["id"])]
    checked = 0
    for row in others.itertuples(index=False):
        ox, oy = _mercator(row.lon, row.lat, result.zoom)
        px = ref["x"] + (ox - rx) * result.scale
        py = ref["y"] + (oy - ry) * result.scale
        bx, by, bw, bh = result.map_box
        inside = bx + 40 < px < bx + bw - 40 and by + 40 < py < by + bh - 40
        far = all(math.dist((px, py), (m["x"], m["y"])) > (m["radius"] + 20) * result.scale for m in result.markers)
        if inside and far:
            r = 2 * max(1, round(result.scale))  # a drawn circle (radius >= 6) would fill this window
            window = [img.getpixel((round(px) + dx, round(py) + dy)) for dx in range(-r, r + 1) for dy in range(-r, r + 1)]
            alike = sum(_distance_to_kind(p, row.kind) < 40 for p in window)
            assert alike < 0.5 * len(window), (row.id, row.kind, window[:3])
            checked += 1
    assert checked >= 1  # e.g. with the tiny data: Lima's detention of 6 January is not drawn


def test_fit_view_frames_the_events_shown(tiny_data):
    ds = load_dataset(tiny_data)
    assert snapshot.view_bounds(ds, View(JAN9)) == [[-16.08333, -70.13333], [-15.5, -69.66667]]
    assert snapshot.view_bounds(ds, View("2023-01-20")) == [[-15.84003, -70.02198], [-15.84003, -70.02198]]
    assert snapshot.view_bounds(ds, View("2023-03-01")) is None
    html = snapshot.snapshot_html(ds, View(JAN9), fit="view")
    assert re.search(r"fitBounds\(\s*\[\[-16\.08333, -70\.13333\], \[-15\.5, -69\.66667\]\]", html)
    assert '"maxZoom": 9' in html and '"animate": false' in html
    with pytest.raises(ValueError, match="fit 'all' is not one of data, view"):
        snapshot.snapshot_html(ds, View(JAN9), fit="all")


@pytest.mark.browser
def test_png_fit_view_zooms_in_on_the_day(browser, jan9_data):
    ds = load_dataset(jan9_data)
    with snapshot.Snapshotter(tiles=False) as shot:
        whole = shot.render(ds, View(JAN9))
    with snapshot.Snapshotter(tiles=False, fit="view") as shot:
        zoomed = shot.render(ds, View(JAN9))
    assert zoomed.zoom > whole.zoom
    bx, by, bw, bh = zoomed.map_box
    assert all(bx < m["x"] < bx + bw and by < m["y"] < by + bh for m in zoomed.markers)
    assert len(zoomed.markers) == len(whole.markers)


@pytest.mark.browser
def test_png_without_reachable_tiles_still_draws_and_says_so(browser, tiny_data, monkeypatch):
    # Every tile request is refused (as offline): the map is drawn over the plain background.
    monkeypatch.setattr(snapshot, "TILES_PREFIX", "https://tiles.invalid/")
    with snapshot.Snapshotter(tiles=True, tile_timeout_s=5) as shot:
        result = shot.render(load_dataset(tiny_data), View(JAN9), (1200, 800))
    assert result.tiles_loaded == 0 and len(result.markers) == 3
    img = Image.open(io.BytesIO(result.png)).convert("RGB")
    clash = next(m for m in result.markers if m["kind"] == "clash")
    assert _nearest_kind(img.getpixel((round(clash["x"]), round(clash["y"]))))[0] == "clash"
    # the "tiles unavailable" notice is visible in the top-right corner of the map
    bx, by, bw, _ = result.map_box
    corner = img.crop((int(bx + bw - 420), int(by), int(bx + bw), int(by + 60)))
    assert (0xFF, 0xF3, 0xCD) in {c for _, c in corner.getcolors(maxcolors=1_000_000)}


@pytest.mark.browser
def test_html_snapshot_draws_the_day_offline(capsys, browser, jan9_data, tmp_path):
    out = tmp_path / "jan9.html"
    code, _, err = run(capsys, "snapshot", "--date", JAN9, "--out", out, "--data", jan9_data)
    assert code == 0 and err == ""
    ds = load_dataset(jan9_data)
    events = select_events(ds, View(JAN9))
    url = out.resolve().as_uri()
    asked = []

    def block(route):
        asked.append(route.request.url)
        if route.request.url == url:
            route.continue_()
        else:
            route.abort()
    context = browser.new_context(viewport={"width": 1200, "height": 800})
    try:
        page = context.new_page()
        page.route("**/*", block)
        page.goto(url)
        page.wait_for_function("() => window.bmSnapshot !== undefined")
        assert page.locator("script[src], link[href]").count() == 0
        paths = page.locator("path.bm-event")
        assert paths.count() == len(events)
        classes = [paths.nth(i).get_attribute("class") for i in range(paths.count())]
        assert sorted(re.search(r"bm-kind-(\w+)", c).group(1) for c in classes) == sorted(events["kind"])
        assert all("bm-event" in c.split() for c in classes)
        assert page.locator(".bm-legend .bm-legend-kind").count() == len(KIND_COLORS)
        assert page.locator(".leaflet-control-scale").count() == 1
        assert "Monday 9 January 2023" in page.locator(".bm-snap-head").inner_text()
        page.wait_for_function("() => document.querySelector('.bm-snap-tiles').textContent === 'no tiles (offline)'")
        assert page.locator(".bm-tiles-notice").is_visible()
        # a popup opens with the event's place and its source link
        clash = events[events["kind"] == "clash"].iloc[0]
        page.locator("path.bm-kind-clash").first.click(force=True)
        popup = page.locator(".leaflet-popup-content")
        popup.wait_for()
        assert clash["place"] in popup.inner_text()
        assert popup.locator("a").first.get_attribute("href").startswith("http")
    finally:
        context.close()
    external = [u for u in asked if u != url]
    assert external and all(u.startswith(snapshot.TILES_PREFIX) for u in external)  # only tiles were tried


@pytest.mark.browser
def test_png_from_the_command_line(capsys, browser, tiny_data, tmp_path):
    out = tmp_path / "jan9.png"
    code, stdout, err = run(capsys, "snapshot", "--date", JAN9, "--out", out, "--no-tiles", "--size", "1500x1000",
                            "--data", tiny_data)
    assert code == 0 and err == ""
    assert stdout.strip() == f"wrote {out} (1500x1000, 3 events, no tiles (offline))"
    with Image.open(out) as img:
        assert img.size == (1500, 1000)


@pytest.mark.browser
def test_batch_writes_a_png_per_day_and_a_gif(capsys, browser, tiny_data, tmp_path):
    out = tmp_path / "period"
    code, stdout, err = run(capsys, "snapshot", "--from", "2023-01-08", "--to", "2023-01-10", "--out", f"{out}/",
                            "--no-tiles", "--data", tiny_data)
    assert code == 0
    pngs = sorted(p.name for p in out.glob("*.png"))
    assert pngs == ["2023-01-08.png", "2023-01-09.png", "2023-01-10.png"]
    for name in pngs:
        with Image.open(out / name) as img:
            assert img.size == (1200, 800)
    with Image.open(out / "period.gif") as gif:
        assert gif.n_frames == 3
    progress = err.strip().splitlines()
    assert progress[-1].startswith("[") and progress[-1].endswith("3/3 2023-01-10")
    assert "1/3 2023-01-08" in err and "2/3 2023-01-09" in err
    assert "wrote 3 PNG(s)" in stdout and "(3 frames)" in stdout
    readme = (out / "README.txt").read_text(encoding="utf-8")
    assert "2023-01-08 to 2023-01-10" in readme and "CC BY 4.0" in readme and "Defensoría del Pueblo" in readme
