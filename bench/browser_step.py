"""A real browser clicks "Next" and waits for the next day's map: time from click to markers.

Starts ``streamlit run app.py`` on a synthetic data folder, opens it in Debian's chromium
through Playwright, and for each step marks the markers on screen, clicks "Next", and
waits until none of the marked markers is left and the map holds exactly the next day's
number of event markers.

There is no naive figure here: folium's popups need jQuery from a CDN, so on a machine
without internet the naive page's map never draws.

Run by ``python -m bench``; alone: ``python -m bench.browser_step DATA_DIR``.
"""
from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]
MARKERS = "path.bm-event"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serve(script: Path, data_dir: str) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    env = dict(os.environ, BLOCKADE_MAP_DATA=str(data_dir))
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--server.enableStaticServing", "true",
         "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 90
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited: {proc.stderr.read().decode()[-2000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    return proc, url
        except OSError:
            time.sleep(0.2)
    proc.terminate()
    raise RuntimeError("streamlit did not start within 90 s")


def _map_frames(page):
    frames = []
    for handle in page.query_selector_all('iframe[title="streamlit_folium.st_folium"]'):
        try:
            frame = handle.content_frame()
        except Exception:  # detached while we looked
            continue
        if frame is not None and not frame.is_detached():
            frames.append(frame)
    return frames


def _state(page) -> tuple[int, int]:
    """(fresh markers, marked markers) over the live map frames."""
    fresh = marked = 0
    for frame in _map_frames(page):
        try:
            counts = frame.evaluate(
                f"() => [document.querySelectorAll('{MARKERS}:not([data-bm-old])').length,"
                f" document.querySelectorAll('{MARKERS}[data-bm-old]').length]")
        except Exception:  # the frame went away while we asked
            continue
        fresh += counts[0]
        marked += counts[1]
    return fresh, marked


def _wait_for(page, expected: int, timeout_s: float) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout_s:
        fresh, marked = _state(page)
        if marked == 0 and fresh == expected:
            return time.perf_counter() - start
        time.sleep(0.01)
    raise TimeoutError(f"the map did not show {expected} markers within {timeout_s} s "
                       f"(last seen: {_state(page)})")


def expected_counts(data_dir: str, days: list[str]) -> list[int]:
    """Events the map shows one by one on each day (day mode, no filter)."""
    from geo.core.view import View
    from geo.store import load_dataset
    index = load_dataset(data_dir).index
    return [len(index.select(View(d))) for d in days]


def measure(data_dir: str, first_day: str = "2023-01-05", steps: int = 5, timeout_s: float = 120.0) -> dict:
    """Click "Next" ``steps`` times from ``first_day``; return the click-to-map times in ms."""
    from playwright.sync_api import sync_playwright
    days = [(date.fromisoformat(first_day) + timedelta(days=i)).isoformat() for i in range(steps + 1)]
    expected = expected_counts(data_dir, days)
    proc, url = _serve(APP, data_dir)
    times: list[float] = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(f"{url}/?date={days[0]}", wait_until="domcontentloaded")
            page.get_by_text(f"Blockades and protests on {days[0]}").wait_for(timeout=timeout_s * 1000)
            _wait_for(page, expected[0], timeout_s)
            for i in range(1, steps + 1):
                for frame in _map_frames(page):
                    frame.evaluate(f"() => document.querySelectorAll('{MARKERS}')"
                                   ".forEach(el => el.setAttribute('data-bm-old', '1'))")
                t0 = time.perf_counter()
                page.get_by_role("button", name="Next").click()
                page.get_by_text(f"Blockades and protests on {days[i]}").wait_for(timeout=timeout_s * 1000)
                _wait_for(page, expected[i], timeout_s)
                times.append((time.perf_counter() - t0) * 1000)
                print(f"    browser: {days[i]}: {expected[i]} markers in {times[-1]:,.0f} ms",
                      file=sys.stderr, flush=True)
                if times[-1] > 10_000:
                    break
            browser.close()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
    return {"browser_step_ms": times, "markers": expected[1:len(times) + 1]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.browser_step")
    parser.add_argument("data")
    parser.add_argument("--day", default="2023-01-05")
    parser.add_argument("--steps", type=int, default=5)
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.data, args.day, args.steps)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
