"""A real browser opens the corridors page: red cut stretches on the map, the status, the route answer;
moving to the map keeps the day and shows the day-over-day rings; the timeline opens the map on its day."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from geo.assets import ensure_static
from tests.conftest import ROOT
from tests.corridor_fixture import write_network

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def corridor_app(tmp_path_factory):
    """``streamlit run app.py`` on the corridor fixture data, on a free localhost port.

    The vendor assets are copied first: while a ``pages/`` folder sits beside app.py, Streamlit
    starts in its folder-based multipage mode, and a first request for ``/corridors`` runs the
    page without app.py (which is what normally copies them).
    """
    ensure_static(ROOT / "static")
    data = write_network(tmp_path_factory.mktemp("corridor-app") / "net")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true",
         "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
        cwd=ROOT, env=dict(os.environ, BLOCKADE_MAP_DATA=str(data)),
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"streamlit exited: {proc.stderr.read().decode()[-2000:]}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                if time.time() > deadline:
                    raise RuntimeError("streamlit did not start within 60 s") from None
                time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def leaflet_frame(page, timeout_s: float = 30.0):
    """The streamlit-folium iframe (as a frame locator), once Leaflet has drawn in it.

    Located by the iframe's title: Playwright's ``page.frames`` does not always list
    component iframes, a frame locator always reaches them.
    """
    frame = page.frame_locator("iframe[title='streamlit_folium.st_folium']")
    frame.locator(".leaflet-container").wait_for(timeout=timeout_s * 1000)
    return frame


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
        frame = leaflet_frame(page)
        assert wait_count(frame, "path.bm-cut", 2) == 2
        assert frame.locator("path.bm-cut").evaluate_all("els => els.map(e => e.getAttribute('stroke'))") == \
            ["#d7191c", "#d7191c"]
        assert frame.locator("path.bm-corridor").count() == 3  # the base corridors under the cuts
        box = frame.locator("path.bm-cut").first.bounding_box()
        assert box and box["width"] > 0 and box["height"] > 0
        # to the map by the navigation menu: the day is kept, new and lifted blockades are marked
        page.locator("[data-testid=stSidebarNavLink]", has_text="Map").click()
        page.get_by_text("Blockades and protests on 2023-01-10").wait_for(timeout=30000)
        frame = leaflet_frame(page)
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
        assert "/map" in page.url and "date=2023-01-09" in page.url
    finally:
        page.close()
