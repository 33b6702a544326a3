"""An axe-core scan (WCAG 2 A/AA) of the app and of the static edition finds no serious or critical
violation (issue 22); axe-core is the npm package `make install` fetches, pinned in the Makefile."""
from __future__ import annotations

import pytest

from tests.browser.axe import axe_source, scan
from tests.conftest import BUNDLED, map_frame

JAN9 = "2023-01-09"


@pytest.fixture(scope="module")
def axe() -> str:
    return axe_source()


@pytest.mark.parametrize("width,height", [(1366, 800), (390, 844)])
def test_the_edition_has_no_serious_violation(open_edition, axe, width, height):
    page = open_edition(width, height, JAN9)  # the Spanish edition (tests/browser/conftest.py)
    assert scan(page, axe) == []
    page.locator("#bme-events button").first.click()  # a popup open: scanned too
    page.wait_for_selector(".leaflet-popup-content")
    page.wait_for_timeout(600)  # past Leaflet's fade-in: contrast is judged on the popup as read
    assert scan(page, axe) == []


def test_the_app_in_spanish_has_no_serious_violation(browser, serve_app, axe):
    url = serve_app(BUNDLED)
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="es-PE")
    page = context.new_page()
    try:
        page.goto(f"{url}/?date={JAN9}&lang=es")
        page.get_by_text("Bloqueos y protestas del lunes, 9 de enero de 2023").first.wait_for(timeout=60000)
        frame = map_frame(page)
        # Streamlit dims the page while a script reruns (the map's first answer starts one): wait till idle
        page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
                               " && ![...document.querySelectorAll('[data-stale=\"true\"]')].length", timeout=30000)
        page.wait_for_timeout(1500)
        assert page.evaluate("document.documentElement.lang") == "es"
        found = scan(page, axe)
        assert found == [], "\n".join(f"{v['id']}: {t}" for v in found for t in v["targets"])
        assert scan(frame, axe) == []  # the map, in streamlit-folium's frame
    finally:
        context.close()
