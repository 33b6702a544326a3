"""On a narrow map (the news and add pages' small maps) the 'tiles unavailable' notice wraps and
leaves the zoom buttons uncovered and clickable."""
from __future__ import annotations

import pytest

from geo.core.i18n import translator
from geo.core.view import View
from geo.render.maps import build_map, standalone_html
from geo.store import load_dataset
from tests.conftest import BUNDLED

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [360, 420, 1000])
def test_the_tiles_notice_never_covers_the_zoom_buttons(browser, tmp_path, width):
    html = standalone_html(build_map(load_dataset(BUNDLED), View("2023-01-09"), tiles=True, t=translator("es")))
    page_file = tmp_path / "map.html"
    page_file.write_text(html, encoding="utf-8")
    context = browser.new_context(viewport={"width": width, "height": 420})
    try:
        context.route("https://tile.openstreetmap.org/**", lambda route: route.abort())
        page = context.new_page()
        page.goto(page_file.as_uri())
        notice = page.locator(".bm-tiles-notice")
        notice.wait_for(state="visible", timeout=15000)
        assert "no están disponibles" in notice.inner_text()
        box = notice.bounding_box()
        zoom = page.locator(".leaflet-control-zoom").bounding_box()
        assert box["x"] >= zoom["x"] + zoom["width"], (box, zoom)  # wholly right of the buttons
        assert box["x"] + box["width"] <= width
        page.locator(".leaflet-control-zoom-in").click()  # nothing lies over it
    finally:
        context.close()
