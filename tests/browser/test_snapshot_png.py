"""Snapshots: the overlay and HTML (no browser), then PNGs, batches and GIFs drawn by chromium."""
from __future__ import annotations

import io
import math
import re
from pathlib import Path

import pytest
from PIL import Image

from geo.core.view import View
from geo.export import snapshot
from geo.query.active import select_events
from geo.query.framing import contains, frame_for
from geo.render.maps import KIND_COLORS
from geo.store import load_dataset
from tests.browser.test_browser_map import _CLOSE_POPUP, click_each_stacked_event
from tests.conftest import BUNDLED
from tests.conftest import run_cli as run

JAN9 = "2023-01-09"
MAP_BACKGROUND = (0xE9, 0xEC, 0xEF)


@pytest.fixture
def jan9_data(tiny_data: Path) -> Path:
    """The bundled data when it is there, else the tiny Puno data set."""
    return BUNDLED if (BUNDLED / "events.geojson").exists() else tiny_data


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
        drawn = tuple(0.85 * c + 0.15 * b for c, b in zip(pure, MAP_BACKGROUND, strict=False))
        d = min(math.dist(pixel, pure), math.dist(pixel, drawn))
        if d < best[1]:
            best = (kind, d)
    return best


def _distance_to_kind(pixel: tuple[int, int, int], kind: str) -> float:
    pure = _rgb(KIND_COLORS[kind])
    drawn = tuple(0.85 * c + 0.15 * b for c, b in zip(pure, MAP_BACKGROUND, strict=False))
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
    with snapshot.Snapshotter(tiles=False, fit="view") as shot:
        result = shot.render(ds, view, size)
    img = Image.open(io.BytesIO(result.png)).convert("RGB")
    assert img.size == size and (result.width, result.height) == size
    assert result.scale == size[0] / 1200
    # one circle per event of the day, where the event is
    assert len(result.markers) == len(events)
    assert sorted((round(m["lat"], 4), round(m["lon"], 4)) for m in result.markers) == \
        sorted((round(la, 4), round(lo, 4)) for la, lo in zip(events["lat"], events["lon"], strict=False))
    # Leaflet's pixel positions of the events' points agree with Web Mercator computed here
    ref = result.markers[0]
    rx, ry = _mercator(ref["lon"], ref["lat"], result.zoom)
    for m in result.markers[1:]:
        mx, my = _mercator(m["lon"], m["lat"], result.zoom)
        assert abs((mx - rx) * result.scale - (m["at_x"] - ref["at_x"])) <= 1.5 * result.scale
        assert abs((my - ry) * result.scale - (m["at_y"] - ref["at_y"])) <= 1.5 * result.scale
    # a circle is drawn at its point, or (sharing the point with others) a few pixels from it
    for m in result.markers:
        assert math.dist((m["x"], m["y"]), (m["at_x"], m["at_y"])) <= 30 * result.scale
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
    # events at exactly one point are drawn one over the other: count distinct positions
    assert checked >= 0.9 * len({(m["lat"], m["lon"]) for m in result.markers})
    assert kinds_seen >= {"clash", "blockade"}
    # no circle of its kind's colour where an event of another day would be
    others = ds.events[~ds.events["id"].isin(events["id"])]
    checked = 0
    for row in others.itertuples(index=False):
        ox, oy = _mercator(row.lon, row.lat, result.zoom)
        px = ref["at_x"] + (ox - rx) * result.scale
        py = ref["at_y"] + (oy - ry) * result.scale
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


@pytest.mark.browser
def test_png_fit_view_zooms_in_on_the_day(browser, jan9_data):
    ds = load_dataset(jan9_data)
    with snapshot.Snapshotter(tiles=False, fit="data") as shot:
        whole = shot.render(ds, View(JAN9))
    with snapshot.Snapshotter(tiles=False) as shot:
        day = shot.render(ds, View(JAN9))
    with snapshot.Snapshotter(tiles=False, fit="view") as shot:
        zoomed = shot.render(ds, View(JAN9))
    # closer than the whole data set; never wider than the default frame (the day's events and
    # the road corridors), whose box holds the view's. With the third data release 9 January
    # reaches Ica, so the day's events are as wide as the corridors and the width, not the
    # height, sets both zooms (7 each at 1200 pixels): the view's frame is only shorter.
    assert zoomed.zoom > whole.zoom and zoomed.zoom >= day.zoom
    view_box, day_box = frame_for(ds, View(JAN9), "view"), frame_for(ds, View(JAN9), "day")
    assert contains(day_box, view_box) and view_box != day_box
    bx, by, bw, bh = zoomed.map_box
    assert all(bx < m["x"] < bx + bw and by < m["y"] < by + bh for m in zoomed.markers)
    assert len(zoomed.markers) == len(whole.markers)


@pytest.mark.browser
def test_png_without_reachable_tiles_still_draws_and_says_so(browser, tiny_data, monkeypatch):
    # Every tile request is refused (as offline): the map is drawn over the plain background.
    monkeypatch.setattr(snapshot.browser, "TILES_PREFIX", "https://tiles.invalid/")
    with snapshot.Snapshotter(tiles=True, tile_timeout_s=5) as shot:
        result = shot.render(load_dataset(tiny_data), View(JAN9), (1200, 800))
    assert result.tiles_loaded == 0 and len(result.markers) == 3
    img = Image.open(io.BytesIO(result.png)).convert("RGB")
    clash = next(m for m in result.markers if m["kind"] == "clash")
    assert _nearest_kind(img.getpixel((round(clash["x"]), round(clash["y"]))))[0] == "clash"
    # a snapshot is ready to publish: no "tiles unavailable" banner in the top-right corner
    bx, by, bw, _ = result.map_box
    corner = img.crop((int(bx + bw - 420), int(by), int(bx + bw), int(by + 60)))
    assert (0xFF, 0xF3, 0xCD) not in {c for _, c in corner.getcolors(maxcolors=1_000_000)}


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
        assert page.locator(".bm-tiles-notice").count() == 0  # no offline banner in a published file
        # a popup opens with the event's place and its source link
        clash = events[events["kind"] == "clash"].iloc[0]
        page.locator("path.bm-kind-clash").first.click(force=True)
        popup = page.locator(".leaflet-popup-content")
        popup.wait_for()
        assert clash["place"] in popup.inner_text()
        assert popup.locator("a").first.get_attribute("href").startswith("http")
        page.evaluate(_CLOSE_POPUP)
        if jan9_data == BUNDLED:  # Juliaca's three events share its coordinate: a click opens each
            assert sorted(click_each_stacked_event(page, page)) == [
                "Juliaca", "Juliaca (urb. Tambopata)", "Juliaca: Promart, Movistar, Plaza Vea, La Curacao"]
    finally:
        context.close()
    external = [u for u in asked if u != url]
    assert external and all(u.startswith(snapshot.browser.TILES_PREFIX) for u in external)  # only tiles were tried


@pytest.mark.browser
def test_png_from_the_command_line(capsys, browser, tiny_data, tmp_path):
    out = tmp_path / "jan9.png"
    code, stdout, err = run(capsys, "snapshot", "--date", JAN9, "--out", out, "--no-tiles", "--size", "1500x1000",
                            "--data", tiny_data)
    assert code == 0 and err == ""
    assert stdout.strip() == f"wrote {out} (PNG, 1500x1000, 120 dpi, 3 events, 2 places named, no tiles (offline))"
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
    assert "snapshots: 3/3 days" in err and "2023-01-10" in err  # a progress bar on stderr
    assert "wrote 3 PNG(s)" in stdout and "(3 frames)" in stdout
    readme = (out / "README.txt").read_text(encoding="utf-8")
    assert "2023-01-08 to 2023-01-10" in readme and "CC BY 4.0" in readme and "Defensoría del Pueblo" in readme
