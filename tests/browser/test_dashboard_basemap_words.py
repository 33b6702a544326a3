"""The dashboard's embedded basemap speaks the reader's language (countries, lakes and seas named
as the PNG snapshot names them), and its credit line names OpenStreetMap only while OSM tiles are drawn."""
from __future__ import annotations

import io
import time

import pytest
from PIL import Image

from tests.conftest import BUNDLED, map_frame

pytestmark = pytest.mark.browser

_LABELS = """() => [...document.querySelectorAll('.bm-bl-label')]
    .filter(e => !e.classList.contains('bm-bl-hidden')).map(e => e.textContent)"""
_COUNTRIES = """() => [...document.querySelectorAll('.bm-bl-country')].map(e => e.textContent)"""
_WATER = """() => [...document.querySelectorAll('.bm-bl-water')].map(e => e.textContent)"""


def _tile_png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (256, 256), (200, 220, 200)).save(out, format="PNG")
    return out.getvalue()


def _open(browser, url: str, tiles: bool):
    context = browser.new_context(locale="es-PE", viewport={"width": 1400, "height": 1000})
    png = _tile_png()
    served: list[str] = []

    def tile(route):
        served.append(route.request.url)
        if tiles:
            route.fulfill(status=200, content_type="image/png", body=png)
        else:
            route.abort()
    context.route("https://tile.openstreetmap.org/**", tile)
    page = context.new_page()
    page.goto(url)
    frame = map_frame(page)
    frame.wait_for_selector(".bm-bl-country", state="attached", timeout=20000)
    return context, frame, served


def _credit(frame, wanted: bool, timeout_s: float = 15.0) -> str:
    """The attribution line once it does (or does not) name OpenStreetMap."""
    deadline = time.time() + timeout_s
    text = ""
    while time.time() < deadline:
        text = frame.locator(".leaflet-control-attribution").inner_text()
        if ("OpenStreetMap" in text) == wanted:
            return text
        time.sleep(0.3)
    return text


def test_the_spanish_dashboard_names_countries_in_spanish_and_credits_only_what_is_drawn(browser, serve_app):
    base = serve_app(BUNDLED)
    context, frame, served = _open(browser, f"{base}/?date=2023-01-09&lang=es", tiles=False)
    try:
        countries = frame.evaluate(_COUNTRIES)
        assert {"Perú", "Brasil", "Bolivia", "Chile", "Panamá"} <= set(countries)
        assert not {"Peru", "Brazil", "Panama"} & set(countries)
        shown = frame.evaluate(_LABELS)
        assert "Perú" in shown and "Peru" not in shown and "Juliaca" not in countries
        # lakes and seas are named too, in Spanish (Titicaca's name yields to Puno's at this zoom)
        assert sorted(frame.evaluate(_WATER)) == ["Lago Titicaca", "Océano Pacífico"]
        assert "Océano Pacífico" in shown
        # the map's frame says its language too (a screen reader reads its names as Spanish)
        assert frame.evaluate("document.documentElement.lang") == "es"
        assert served, "the map asked for no tile"
        credit = _credit(frame, wanted=False)
        assert "OpenStreetMap" not in credit
        assert "Mapa base: Natural Earth" in credit
    finally:
        context.close()


def test_english_names_on_the_english_page_and_the_osm_credit_while_tiles_are_drawn(browser, serve_app):
    base = serve_app(BUNDLED)
    context, frame, served = _open(browser, f"{base}/?date=2023-01-09&lang=en", tiles=True)
    try:
        countries = frame.evaluate(_COUNTRIES)
        assert {"Peru", "Brazil", "Bolivia", "Panama"} <= set(countries)
        assert "Perú" not in countries
        assert sorted(frame.evaluate(_WATER)) == ["Lake Titicaca", "Pacific Ocean"]
        assert frame.evaluate("document.documentElement.lang") == "en"
        frame.wait_for_selector("img.leaflet-tile-loaded", state="attached", timeout=20000)
        credit = _credit(frame, wanted=True)
        assert "OpenStreetMap" in credit and "Natural Earth" in credit
    finally:
        context.close()
    context, frame, served = _open(browser, f"{base}/?date=2023-01-09&lang=es", tiles=True)
    try:
        frame.wait_for_selector("img.leaflet-tile-loaded", state="attached", timeout=20000)
        assert "colaboradores de OpenStreetMap" in _credit(frame, wanted=True)
    finally:
        context.close()
