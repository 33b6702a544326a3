"""The axe-core scan (serious or critical WCAG 2 A/AA violations: none) of the other Spanish pages
issue 22's last pass touched: corridors and routes, the timeline, and an editing page before and
after logging in."""
from __future__ import annotations

import pytest

from geo.store.auth import hash_password
from tests.browser.axe import axe_source, report, scan, spanish_app_page, wait_idle
from tests.conftest import BUNDLED, make_event, map_frame, write_folder

JAN16 = "2023-01-16"


@pytest.fixture(scope="module")
def axe() -> str:
    return axe_source()


@pytest.mark.browser
@pytest.mark.parametrize(("path", "heading"), [
    (f"/corridors?date={JAN16}&lang=es", "Corredores viales del lunes, 16 de enero de 2023"),
    (f"/timeline?date={JAN16}&lang=es", "Línea de tiempo"),
])
def test_the_spanish_corridors_and_timeline_pages_have_no_serious_violation(browser, serve_app, axe, path, heading):
    url = serve_app(BUNDLED)
    with spanish_app_page(browser, url, JAN16, "Bloqueos y protestas del lunes, 16 de enero de 2023") as page:
        page.goto(url + path)
        page.get_by_text(heading).first.wait_for(timeout=60000)
        wait_idle(page)
        found = scan(page, axe)
        assert found == [], report(found)
        if "corridors" in path:
            assert scan(map_frame(page), axe) == []


@pytest.mark.browser
def test_the_spanish_login_and_add_page_have_no_serious_violation(browser, serve_app, axe, tmp_path, monkeypatch):
    folder = write_folder(tmp_path / "data", [make_event("e-juliaca", start="2023-01-09")])
    monkeypatch.setenv("BLOCKADE_MAP_EDITOR_HASH", hash_password("open sesame", iterations=1000))
    url = serve_app(folder)
    with spanish_app_page(browser, url, "2023-01-09", "Bloqueos y protestas del lunes, 9 de enero de 2023") as page:
        page.get_by_role("link", name="Agregar un evento").click()
        page.get_by_label("Contraseña de edición").wait_for(timeout=30000)
        wait_idle(page)
        found = scan(page, axe)
        assert found == [], report(found)
        page.get_by_label("Su nombre (queda en el registro de cambios)").fill("Ana")
        page.get_by_label("Contraseña de edición").fill("open sesame")
        page.get_by_role("button", name="Iniciar sesión").click()
        page.get_by_role("button", name="Cerrar sesión").wait_for(timeout=30000)
        wait_idle(page)
        found = scan(page, axe)
        assert found == [], report(found)
