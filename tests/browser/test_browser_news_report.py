"""In the browser: an editor pastes a report, reviews the candidates, accepts one, and sees it on the
map with the report as its source; markup in the report stays text."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from geo.store.auth import hash_password
from geo.store.editor import Editor
from tests.browser.test_browser_intake import _type_date
from tests.conftest import log_in_from_the_map, make_event, map_frame, write_folder

pytestmark = pytest.mark.browser

SAMPLE = Path(__file__).resolve().parents[1] / "extract_samples" / "e05.txt"
HOSTILE = '\n\nNota: <img src="x" onerror="window.__pwned = 1"> <script>window.__pwned = 2</script>'
SHOTS = os.environ.get("BLOCKADE_MAP_SHOTS")   # a folder to keep screenshots in, when set


def test_editor_accepts_a_candidate_from_a_report_and_sees_it_on_the_map(browser, serve_app, tmp_path, monkeypatch):
    folder = write_folder(tmp_path / "data", [make_event("e-juliaca", start="2023-01-09")])
    monkeypatch.setenv("BLOCKADE_MAP_EDITOR_HASH", hash_password("open sesame", iterations=1000))
    url = serve_app(folder)
    page = browser.new_page(viewport={"width": 1400, "height": 2200})
    try:
        log_in_from_the_map(page, url, "2023-01-09", "From a news report", "open sesame")

        page.get_by_label("The report (plain text, Spanish or English)").fill(SAMPLE.read_text(encoding="utf-8") + HOSTILE)
        _type_date(page, "Published", "2023-01-18")
        page.get_by_label("Outlet (publisher)").fill("Diario de prueba")
        page.get_by_label("Link to the report (http/https)").fill("https://example.org/cusco-bloqueos")
        page.get_by_role("button", name="Read the report").click()
        page.get_by_text("2 candidate events, 1 count").wait_for(timeout=30000)

        # The candidates are on the small map, numbered, and in the table.
        frame = map_frame(page)
        frame.locator("path.nr-candidate").first.wait_for(timeout=15000)
        assert frame.locator("path.nr-candidate").count() == 2
        tooltips = frame.locator(".leaflet-tooltip").all_inner_texts()
        assert sorted(tooltips) == ["1. blockade at Puente Arturo", "2. blockade at Andahuaylillas"]
        # Each candidate shows its sentence marked; the report's markup is shown as text, never run.
        first = page.locator("mark[title='candidate 1']").first
        assert "Puente Arturo" in first.text_content() and "desde el 4 de enero" in first.text_content()
        page.get_by_text("The report, with the sentences the candidates come from").click()
        report = page.locator(".nr-full")
        report.wait_for(timeout=10000)
        assert '<img src="x" onerror=' in report.inner_text()
        assert page.locator(".nr-report img, .nr-report script").count() == 0
        assert page.evaluate("window.__pwned") is None
        if SHOTS:
            page.screenshot(path=str(Path(SHOTS) / "news-report-review.png"), full_page=True)

        # Accept the first candidate as it was read.
        page.get_by_role("button", name="Accept this event").first.click()
        page.get_by_text("Added 2023-01-04-puente-arturo-blockade").wait_for(timeout=30000)
        feature = Editor(folder).read().event("2023-01-04-puente-arturo-blockade")
        props = feature["properties"]
        assert (props["kind"], props["start"], props["end"], props["region"]) == ("blockade", "2023-01-04",
                                                                                 "2023-01-18", "Cusco")
        assert props["sources"] == [{"name": "Diario de prueba", "url": "https://example.org/cusco-bloqueos",
                                     "published": "2023-01-18"}]
        assert feature["geometry"]["coordinates"] == [-71.22611, -14.26944]   # the Puente Arturo site
        history = Editor(folder).history("2023-01-04-puente-arturo-blockade")
        assert [(h["who"], h["action"]) for h in history] == [("Ana", "add")]
        assert "Diario de prueba" in history[0]["reason"]

        # The map on its first day shows it, and its popup cites the report.
        page.get_by_role("button", name="Show it on the map").click()
        page.get_by_text("Blockades and protests on 2023-01-04").wait_for(timeout=30000)
        frame = map_frame(page)
        frame.locator("path.bm-kind-blockade").first.wait_for(timeout=20000)
        frame.locator("path.bm-kind-blockade").first.click(force=True)
        popup = frame.locator(".leaflet-popup-content")
        popup.wait_for(timeout=10000)
        text = popup.inner_text()
        assert "Puente Arturo" in text and "Diario de prueba" in text
        if SHOTS:
            page.screenshot(path=str(Path(SHOTS) / "news-report-on-map.png"))
    finally:
        page.close()
