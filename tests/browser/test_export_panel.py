"""The map page's "Export this view" panel: wiring (AppTest), file contents, and two clicks to a PNG."""
from __future__ import annotations

import math

import pytest
from PIL import Image

from geo.render.maps import KIND_COLORS

JAN9 = "2023-01-09"






def _pixels_near(img: Image.Image, colour: str, within: float = 45) -> int:
    target = tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return sum(n for n, c in img.getcolors(maxcolors=img.width * img.height) if math.dist(c, target) < within)


@pytest.mark.browser
def test_two_clicks_from_the_page_to_a_png_of_the_view(browser, serve_app, tiny_data):
    app_url = serve_app(tiny_data)
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    try:
        page = context.new_page()
        page.goto(f"{app_url}/?date={JAN9}")
        page.get_by_text("Export this view").click()                      # click 1
        with page.expect_download(timeout=90_000) as download:
            page.get_by_role("button", name="PNG image").click()          # click 2
        assert download.value.suggested_filename == "blockade-map-2023-01-09.png"
        with Image.open(download.value.path()) as img:
            rgb = img.convert("RGB")
    finally:
        context.close()
    assert rgb.size == (1200, 800)
    # Juliaca's clash (17 dead: a 20-pixel circle, partly under two blockades) is in the picture
    assert _pixels_near(rgb, KIND_COLORS["clash"]) > 300
    assert _pixels_near(rgb, KIND_COLORS["blockade"]) > 100
