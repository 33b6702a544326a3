"""The embedded basemap: the bundled file's geography, the builder on a made-up world, the map
pages that draw it, and a PNG of 9 January drawn with no tiles."""
from __future__ import annotations

import math

import pytest
from PIL import Image
from shapely.geometry import Point, shape

from geo.core.view import View
from geo.export import snapshot
from geo.render import basemap
from geo.store import load_dataset
from tests.conftest import BUNDLED
from tests.conftest import run_cli as run

TITICACA = (-69.4, -15.8)
LAND_RGB = (0xF4, 0xF2, 0xEC)
SEA_RGB = (0xCF, 0xE0, 0xEE)
NO_MAP_RGB = (0xE9, 0xEC, 0xEF)  # the map container's plain background


def features(collection: dict, layer: str) -> list[dict]:
    return [f for f in collection["features"] if f["properties"]["layer"] == layer]


def _mercator(lon: float, lat: float, zoom: float) -> tuple[float, float]:
    scale = 256 * 2 ** zoom
    y = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
    return scale * (lon + 180) / 360, scale * (1 - y / math.pi) / 2


def _near(pixel, rgb, tolerance: float) -> bool:
    return math.dist(pixel, rgb) <= tolerance


@pytest.mark.browser
def test_png_of_jan9_without_tiles_shows_land_sea_and_titicaca(capsys, browser, tmp_path):
    out = tmp_path / "jan9.png"
    code, stdout, err = run(capsys, "snapshot", "--date", "2023-01-09", "--no-tiles", "--fit", "view", "--out", out)
    assert code == 0, err
    img = Image.open(out).convert("RGB")
    with snapshot.Snapshotter(tiles=False, fit="view") as shot:  # the same page, to read Leaflet's projection
        result = shot.render(load_dataset(BUNDLED), View("2023-01-09"))
    assert img.size == (result.width, result.height) == (1200, 800)
    ref = result.markers[0]
    rx, ry = _mercator(ref["lon"], ref["lat"], result.zoom)

    def pixel_of(lon: float, lat: float) -> tuple[int, int]:
        x, y = _mercator(lon, lat, result.zoom)
        # from the reference event's own point (its circle may be spread a few pixels from it)
        return round(ref["at_x"] + (x - rx) * result.scale), round(ref["at_y"] + (y - ry) * result.scale)

    def clear(xy, reach: float = 8) -> bool:  # away from every event circle
        return all(math.dist(xy, (m["x"], m["y"])) > (m["radius"] + reach) * result.scale for m in result.markers)

    # the lake: Titicaca's open water, clear of the day's circles (a hotspot's pale tint allowed)
    # and of Puno's label (14 pixels high, about 40 wide: 0.2 degree of latitude either side of
    # Puno's, 0.9 degree of longitude east of it, at zoom 6)
    titicaca = next(shape(f["geometry"]) for f in features(basemap.load_basemap(BUNDLED).data, "lake")
                    if shape(f["geometry"]).contains(Point(TITICACA)))
    inner = titicaca.buffer(-0.05)
    probes = [(-70.0 + i / 10, -16.6 + j / 10) for i in range(15) for j in range(14)]
    probes = [(lon, lat) for lon, lat in probes if inner.contains(Point(lon, lat))
              and not (abs(lat - -15.84) < 0.2 and lon < -70.02 + 0.9)]

    def unlabelled(xy, reach: float = 3) -> bool:  # outside every placed name (Ilave's reaches the lake)
        return not any(b["x"] - reach <= xy[0] <= b["x"] + b["w"] + reach
                       and b["y"] - reach <= xy[1] <= b["y"] + b["h"] + reach for b in result.labels)

    # the basemap's own names on land (countries centred on their point, towns written beside
    # their dot): with Ica in the day's frame, PERU and Huancavelica are drawn on land probes
    named = [pixel_of(*f["geometry"]["coordinates"]) for f in basemap.load_basemap(BUNDLED).data["features"]
             if f["properties"]["layer"] in ("country", "place") and f["geometry"]["type"] == "Point"]

    def unnamed(xy) -> bool:
        return unlabelled(xy) and not any(-60 <= xy[0] - nx <= 100 and abs(xy[1] - ny) <= 12 for nx, ny in named)

    lake = [xy for xy in (pixel_of(lon, lat) for lon, lat in probes) if clear(xy) and unlabelled(xy)]
    assert len(lake) >= 4, "the Titicaca probes are under event circles"
    for xy in lake:
        r, g, b = img.getpixel(xy)
        assert b > r + 15 and _near((r, g, b), SEA_RGB, 30), (xy, (r, g, b))
    # land inland and in the Andes (and in Bolivia), sea off the coast: the probes in the frame
    bx, by, bw, bh = (round(v) for v in result.map_box)

    def in_frame(xy) -> bool:
        return bx <= xy[0] < bx + bw and by <= xy[1] < by + bh

    land = [(lon, lat) for lon, lat in ((-73.0, -13.0), (-75.0, -12.8), (-71.0, -14.9), (-68.3, -16.0), (-73.0, -10.5),
                                    (-74.0, -14.5), (-72.0, -12.0))
            if in_frame(pixel_of(lon, lat)) and clear(pixel_of(lon, lat)) and unnamed(pixel_of(lon, lat))]
    sea = [(lon, lat) for lon, lat in ((-77.6, -12.6), (-77.0, -14.5), (-75.8, -15.9), (-72.3, -17.2), (-72.0, -17.25),
                                      (-71.7, -18.0), (-73.5, -16.9))
           if in_frame(pixel_of(lon, lat)) and unlabelled(pixel_of(lon, lat))]
    assert len(land) >= 2 and len(sea) >= 2, (land, sea)
    for lon, lat in land:
        assert _near(img.getpixel(pixel_of(lon, lat)), LAND_RGB, 6), ((lon, lat), img.getpixel(pixel_of(lon, lat)))
    for lon, lat in sea:
        assert _near(img.getpixel(pixel_of(lon, lat)), SEA_RGB, 6), (lon, lat)
    # no longer a grey field: the map area is land and sea, hardly any plain background
    bx, by, bw, bh = (round(v) for v in result.map_box)
    counts = {"land": 0, "sea": 0, "none": 0, "all": 0}
    for y in range(by, by + bh, 4):
        for x in range(bx, bx + bw, 4):
            p = img.getpixel((x, y))
            counts["all"] += 1
            counts["land"] += _near(p, LAND_RGB, 4)
            counts["sea"] += _near(p, SEA_RGB, 4)
            counts["none"] += _near(p, NO_MAP_RGB, 3)
    assert counts["none"] < 0.02 * counts["all"]
    assert counts["land"] > 0.4 * counts["all"] and counts["sea"] > 0.02 * counts["all"]  # lake and coast in this frame


@pytest.mark.browser
def test_labels_thin_out_when_zoomed_out_and_towns_show_when_zoomed_in(browser, tmp_path):
    html = snapshot.snapshot_html(load_dataset(BUNDLED), View("2023-01-09"), tiles=False, fit="data")
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    try:
        page.set_content(html, wait_until="load")
        page.wait_for_function("() => window.bmSnapshot !== undefined")
        shown = """() => Array.from(document.querySelectorAll('.bm-bl-label'))
                        .filter(el => !el.classList.contains('bm-bl-hidden'))
                        .map(el => el.textContent)"""
        zoom = page.evaluate("() => window.bmSnapshot.map.getZoom()")
        assert zoom <= 6
        page.evaluate("() => window.bmSnapshot.map.setView([-14.5, -72.5], 6, {animate: false})")
        wide = page.evaluate(shown)
        assert {"Lima", "Cusco", "Arequipa", "Bolivia"} <= set(wide)
        assert "Juliaca" not in wide and "Caracoto" not in wide  # towns wait for zoom 8
        # panes: the basemap sits under the tile pane, its labels too
        z = page.evaluate("""() => [getComputedStyle(document.querySelector('.leaflet-bmBasemap-pane')).zIndex,
                                    getComputedStyle(document.querySelector('.leaflet-bmBasemapLabels-pane')).zIndex,
                                    getComputedStyle(document.querySelector('.leaflet-tile-pane')).zIndex]""")
        assert int(z[0]) < int(z[2]) and int(z[1]) < int(z[2])
        # no two shown labels overlap
        boxes = page.evaluate("""() => Array.from(document.querySelectorAll('.bm-bl-label'))
            .filter(el => !el.classList.contains('bm-bl-hidden'))
            .map(el => { const r = el.querySelector('span').getBoundingClientRect();
                         return [r.left, r.top, r.right, r.bottom]; })""")
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)
        page.evaluate("() => window.bmSnapshot.map.setView([-15.6, -70.1], 9, {animate: false})")
        near = page.evaluate(shown)
        assert {"Juliaca", "Puno", "Caracoto"} <= set(near)
        assert "Natural Earth" in page.locator(".leaflet-control-attribution").inner_text()
    finally:
        page.close()


@pytest.mark.browser
def test_dashboard_draws_the_basemap_from_its_static_assets(browser, serve_app, bundled_copy):
    from tests.conftest import map_frame
    base = serve_app(bundled_copy)
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(f"{base}/?date=2023-01-09", wait_until="domcontentloaded")
        frame = map_frame(page)
        frame.locator(".leaflet-bmBasemap-pane path.bm-bl-land").first.wait_for(state="attached", timeout=20000)
        src = frame.evaluate("() => Array.from(document.scripts).map(s => s.src).filter(s => /basemap\\.js(\\?|$)/.test(s))")
        assert src and src[0].split("?v=")[0].endswith("/app/static/vendor/basemap.js")
        assert frame.locator(".leaflet-bmBasemap-pane path.bm-bl-lake").count() == 1
        assert frame.locator(".leaflet-bmBasemap-pane path.bm-bl-border").count() >= 5
        names = frame.eval_on_selector_all(".bm-bl-label:not(.bm-bl-hidden)", "els => els.map(e => e.textContent)")
        assert {"Lima", "Bolivia"} <= set(names)
    finally:
        page.close()
