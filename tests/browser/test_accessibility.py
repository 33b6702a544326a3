"""An axe-core scan (WCAG 2 A/AA) of the app and of the static edition finds no serious or critical
violation (issue 22); axe-core is the npm package `make install` fetches, pinned in the Makefile."""
from __future__ import annotations

import pytest

from tests.browser.axe import axe_source, report, scan, spanish_app_page, wait_idle
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
    with spanish_app_page(browser, url, JAN9, "Bloqueos y protestas del lunes, 9 de enero de 2023") as page:
        frame = map_frame(page)
        wait_idle(page)  # the map's first answer starts a rerun
        assert page.evaluate("document.documentElement.lang") == "es"
        found = scan(page, axe)
        assert found == [], report(found)
        assert scan(frame, axe) == []  # the map, in streamlit-folium's frame
