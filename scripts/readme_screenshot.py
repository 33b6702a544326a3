"""Take the README's screenshot: the map of 9 January 2023 with Juliaca's popup open.

Usage: .venv/bin/python scripts/readme_screenshot.py [URL] [OUT.png]
Needs a running dashboard (make run) and Debian's chromium.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.conftest import CHROMIUM_ARGS, chromium_path, map_frame  # noqa: E402


def main() -> None:
    """Open the dashboard on 9 January 2023, open the Juliaca popup and save a PNG."""
    url = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8501"
    out = Path(sys.argv[2] if len(sys.argv) > 2 else ROOT / "docs" / "screenshot-2023-01-09.png")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1500, "height": 1050})
        page.goto(f"{url}/?date=2023-01-09&mode=day")
        page.get_by_text("Blockades and protests on 2023-01-09").wait_for(timeout=30000)
        frame = map_frame(page)
        frame.evaluate("""() => {
            const map = Object.values(window).find(v => v && v instanceof L.Map);
            map.setView([-15.2, -70.6], 8);
        }""")
        time.sleep(1.0)
        frame.evaluate("""() => {
            const map = Object.values(window).find(v => v && v instanceof L.Map);
            let biggest = null;
            map.eachLayer(l => { if (l instanceof L.CircleMarker && !(l instanceof L.Circle) && l.getPopup()
                && (!biggest || l.getRadius() > biggest.getRadius())) { biggest = l; } });
            biggest.openPopup();
        }""")
        frame.locator(".leaflet-popup-content").wait_for(timeout=10000)
        time.sleep(0.5)
        page.screenshot(path=str(out), clip={"x": 0, "y": 0, "width": 1500, "height": 1050})
        browser.close()
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
