"""A Spanish-language browser gets the dashboard in Spanish; ?lang=en gives English; the corridors and
timeline pages follow; a snapshot (HTML and PNG) is drawn in Spanish."""
from __future__ import annotations

import io
import time

import pytest

from geo.core.i18n import translator
from tests.conftest import BUNDLED, map_frame

pytestmark = pytest.mark.browser


def _context(browser, locale: str):
    return browser.new_context(locale=locale, viewport={"width": 1400, "height": 1000})


def _legend(page) -> str:
    frame = map_frame(page)
    legend = frame.locator(".bm-legend")
    legend.wait_for(timeout=20000)
    return legend.inner_text()


def _popup(page, css: str) -> str:
    frame = map_frame(page)
    deadline = time.time() + 20
    while not frame.locator(css).count() and time.time() < deadline:
        time.sleep(0.3)
    frame.locator(css).first.click(force=True)
    popup = frame.locator(".leaflet-popup-content")
    popup.wait_for(timeout=10000)
    return popup.inner_text()


def test_a_spanish_browser_reads_the_map_in_spanish_and_lang_en_gives_english(browser, serve_app):
    base = serve_app(BUNDLED)
    context = _context(browser, "es-PE")
    page = context.new_page()
    try:
        page.goto(f"{base}/?date=2023-01-09", wait_until="domcontentloaded")
        page.get_by_text("Bloqueos y protestas del lunes, 9 de enero de 2023").wait_for(timeout=60000)
        legend = _legend(page)
        assert legend.startswith("Qué pasó")
        assert "Bloqueo de vía (carretera, puente, frontera)" in legend and "Corredor vial" in legend
        assert "Enfrentamiento con muertos o heridos" in legend
        page.get_by_text("45 puntos de bloqueo reportados a nivel nacional (SUTRAN); 11 en el mapa").wait_for()
        page.get_by_text("Eventos (mapa)", exact=True).wait_for()
        page.get_by_text("Bloqueos desde el domingo, 8 de enero de 2023").wait_for()
        assert page.get_by_role("button", name="Siguiente", exact=True).count() == 1
        popup = _popup(page, "path.bm-kind-clash")  # (markers overlap: whichever popup opens is in Spanish)
        assert "Estado:" in popup and "ubicación:" in popup and "Fuentes:" in popup
        assert any(name in popup for name in ("enfrentamiento", "otro", "bloqueo de vía", "protesta", "cierre"))
        # The same link with ?lang=en, in the same Spanish browser: English.
        page.goto(f"{base}/?date=2023-01-09&lang=en", wait_until="domcontentloaded")
        page.get_by_text("Blockades and protests on 2023-01-09").wait_for(timeout=60000)
        assert _legend(page).startswith("What happened")
        page.get_by_text("45 blockade points reported nationwide (SUTRAN); 11 mapped").wait_for()
        assert "lang=en" in page.url
    finally:
        context.close()


def test_the_switch_and_the_other_pages_follow_the_language(browser, serve_app):
    base = serve_app(BUNDLED)
    context = _context(browser, "en-US")
    page = context.new_page()
    try:
        page.goto(f"{base}/?date=2023-01-16", wait_until="domcontentloaded")
        page.get_by_text("Blockades and protests on 2023-01-16").wait_for(timeout=60000)
        page.get_by_role("radio", name="Español").click()
        page.get_by_text("Bloqueos y protestas del lunes, 16 de enero de 2023").wait_for(timeout=30000)
        assert "lang=es" in page.url
        page.get_by_role("link", name="Corredores y rutas").click()
        page.get_by_text("Corredores viales del lunes, 16 de enero de 2023").wait_for(timeout=30000)
        page.get_by_text("Juliaca → Arequipa el lunes, 16 de enero de 2023: NO se puede pasar.").wait_for()
        assert "lang=es" in page.url and "date=2023-01-16" in page.url
        page.get_by_role("link", name="Línea de tiempo").click()
        page.get_by_text("Línea de tiempo, del 7 de diciembre de 2022 al 31 de marzo de 2023").wait_for(timeout=30000)
        page.get_by_text("Bloqueos en el mapa", exact=True).wait_for()
    finally:
        context.close()


def test_a_snapshot_in_spanish(browser, tmp_path):
    from PIL import Image

    from geo.core.view import View
    from geo.export.snapshot import snapshot_html, write_png
    from geo.store import load_dataset
    ds = load_dataset(str(BUNDLED))
    view = View("2023-01-09")
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    try:
        page.set_content(snapshot_html(ds, view, tiles=False, t=translator("es")), wait_until="load")
        page.wait_for_function("() => window.bmSnapshot !== undefined", timeout=15000)
        head = page.locator(".bm-snap-head").inner_text()
        assert "Paro nacional en el Perú" in head and "lunes, 9 de enero de 2023" in head
        assert "20 eventos en el mapa, 19 muertos" in head
        assert "todos los tipos · todas las regiones · solo este día" in head
        foot = page.locator(".bm-snap-foot").inner_text()
        assert foot.startswith("Fuentes: ") and "Lugares: GeoNames, CC BY 4.0" in foot
        assert "Mapa base: Natural Earth" in foot and "OpenStreetMap" not in foot  # credits what was drawn
        assert "Lago Titicaca" in page.locator(".bm-snap-label").all_inner_texts()
        countries = {t.strip().lower() for t in page.locator(".bm-bl-country").all_inner_texts()}
        assert {"perú", "bolivia"} <= countries and "peru" not in countries  # the basemap speaks Spanish too
        assert page.locator(".bm-legend").inner_text().startswith("Qué pasó")
    finally:
        page.close()
    out = write_png(ds, view, tmp_path / "es.png", tiles=False, t=translator("es"))
    with Image.open(io.BytesIO(out.read_bytes())) as img:
        assert img.size == (1200, 800)
