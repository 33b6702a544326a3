"""A real browser opens the corridors page: red cut stretches on the map, the status, the route answer;
moving to the map keeps the day and shows the day-over-day rings; the timeline opens the map on its day."""
from __future__ import annotations

import time

import pytest

from tests.conftest import map_frame
from tests.corridor_fixture import write_network

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def corridor_app(serve_app, tmp_path_factory):
    """The dashboard on the corridor fixture data; the first request is a deep link, which
    must still run through app.py (navigation, local assets)."""
    return serve_app(write_network(tmp_path_factory.mktemp("corridor-app") / "net"))


def wait_count(frame, selector: str, count: int, timeout_s: float = 20.0) -> int:
    deadline = time.time() + timeout_s
    found = frame.locator(selector).count()
    while found != count and time.time() < deadline:
        time.sleep(0.3)
        found = frame.locator(selector).count()
    return found


def test_corridors_page_highlights_cuts_and_keeps_the_day(browser, corridor_app):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(f"{corridor_app}/corridors?date=2023-01-10", wait_until="domcontentloaded")
        page.get_by_text("Road corridors on 2023-01-10").wait_for(timeout=30000)
        page.get_by_text("2 of 3 corridors cut").wait_for(timeout=10000)
        answer = page.get_by_text("Juliaca → Arequipa on 2023-01-10: NOT passable.")
        answer.wait_for(timeout=10000)
        assert "(Santa Lucía, b-santa-lucia) on Arequipa–Juliaca." in answer.inner_text()
        frame = map_frame(page)
        assert wait_count(frame, "path.bm-cut", 2) == 2
        assert frame.locator("path.bm-cut").evaluate_all("els => els.map(e => e.getAttribute('stroke'))") == \
            ["#d7191c", "#d7191c"]
        assert frame.locator("path.bm-corridor").count() == 3  # the base corridors under the cuts
        box = frame.locator("path.bm-cut").first.bounding_box()
        assert box and box["width"] > 0 and box["height"] > 0
        # to the map by the navigation menu: the day is kept, new and lifted blockades are marked
        page.locator("[data-testid=stSidebarNavLink]", has_text="Map").click()
        page.get_by_text("Blockades and protests on 2023-01-10").wait_for(timeout=30000)
        frame = map_frame(page)
        assert wait_count(frame, "path.bm-new", 1) == 1
        assert wait_count(frame, "path.bm-lifted", 3) == 3
        assert "Blockade lifted since the day before" in frame.locator(".bm-legend").inner_text()
        page.get_by_text("Lifted (3)").wait_for(timeout=10000)
        assert "date=2023-01-10" in page.url
    finally:
        page.close()


def test_timeline_opens_the_map_on_its_day(browser, corridor_app):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(f"{corridor_app}/timeline?date=2023-01-09", wait_until="domcontentloaded")
        page.get_by_text("Timeline, 2023-01-07 to 2023-01-10").wait_for(timeout=30000)
        page.get_by_role("link", name="Open the map on 2023-01-09").click()
        page.get_by_text("Blockades and protests on 2023-01-09").wait_for(timeout=30000)
        assert page.url.startswith(f"{corridor_app}/?") and "date=2023-01-09" in page.url
    finally:
        page.close()
