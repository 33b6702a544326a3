"""The dashboard on a real server in a real browser: cold start, browser step and memory.

For one data folder it starts ``streamlit run app.py`` (the clock starts here; headless
chromium is already open, as a reader's browser is) and opens the app's address as a new
reader does:

- ``cold_start_ms``: from starting the server to the first map drawn in the browser (the map's
  legend on screen with the view's markers or cells, and the page's script run finished);
- ``browser_step_ms``: from the click on "Next" reaching the page until the page shows the next
  day, its script run has finished and the map holds the next day's markers, both on the page's
  clock (:func:`_step_ms`); at up to 10,000 events the markers are checked one by one (where each
  stands), beyond it the cells of the day before must be gone;
- ``rss_mb``: the server's resident memory after each of ten sessions (the first is the one
  that stepped; the nine others each open the default view in a fresh browser context).

Every data folder is measured the same way, the empty one (the floor: what Streamlit, folium
and Leaflet cost anyway) included. Run by ``python -m bench``; alone:
``python -m bench.browser_step DATA_DIR``.
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
            assert proc.stderr is not None  # a PIPE
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


def expected_counts(data_dir: str, days: list[str]) -> list[int]:
    """Events the map shows one by one on each day (day mode, no filter)."""
    return [len(points) for points in expected_points(data_dir, days)]


#: Event markers and counted cells: what a map of a view draws for its events.
DRAWN = f"{MARKERS}, .bm-cell"
#: Checked exactly up to this size (the expected counts need the dataset loaded in this process).
EXACT_UP_TO = 10_000


def _rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def _run_finished(page) -> bool:
    """Whether the page's script run has finished (Streamlit marks its root element)."""
    return page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]').count() > 0


def _drawn(page) -> tuple[int, int, int]:
    """(maps with their legend, fresh markers and cells, marked ones) over the live map frames."""
    legends = fresh = marked = 0
    for frame in _map_frames(page):
        try:
            counts = frame.evaluate(
                f"() => [document.querySelectorAll('.leaflet-container .bm-legend').length,"
                f" document.querySelectorAll('{DRAWN}').length - document.querySelectorAll("
                f"'{MARKERS}[data-bm-old], .bm-cell[data-bm-old]').length,"
                f" document.querySelectorAll('{MARKERS}[data-bm-old], .bm-cell[data-bm-old]').length]")
        except Exception:  # the frame went away while we asked
            continue
        legends += min(counts[0], 1)
        fresh += counts[1]
        marked += counts[2]
    return legends, fresh, marked


def _wait_map(page, title: str | None, events: bool, expected: int | None, timeout_s: float) -> None:
    """Wait until the page shows ``title`` (when given), its run has finished and the map is drawn:
    its legend, no marked marker left, and ``expected`` markers (when known), else some markers or
    cells when the view has ``events``, else none."""
    start = time.perf_counter()
    last = None
    while time.perf_counter() - start < timeout_s:
        if title is None or page.get_by_text(title, exact=False).count():
            last = _drawn(page)
            legends, fresh, marked = last
            ok = (fresh == expected) if expected is not None else ((fresh > 0) == events)
            if legends and not marked and ok and _run_finished(page):
                return
        time.sleep(0.01)
    raise TimeoutError(f"the map was not drawn within {timeout_s:.0f} s (title {title!r}, expected "
                       f"{expected if expected is not None else ('some' if events else 'no')} markers; "
                       f"last seen legends, fresh, marked: {last})")


#: In the page: the time (``performance.now()``) at which it shows the map drawn for the next day
#: (title in a heading, the script run finished, every live map frame with its legend, no cell of
#: the day before left, and: when ``points`` is given, exactly the day's events, compared as
#: sorted ``lat,lon`` of the markers on the map; else some markers or cells when the view has
#: ``events``, none otherwise), else false. Markers of events that stay from one day to the next
#: may be the same elements (the dashboard keeps them), so they are told apart by where they
#: stand, not by a mark. One cheap check run by the page itself every few ms: Playwright's own
#: polling (text search over the whole page, an evaluate per frame) took the page's main thread
#: for some 30 ms of every step it measured.
DRAWN_CHECK = """([title, points, events, cellSel, markedSel]) => {
    const app = document.querySelector('[data-testid="stApp"]');
    if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') { return false; }
    if (title !== null && !Array.from(document.querySelectorAll('h1')).some(h => h.textContent.includes(title))) {
        return false;
    }
    let legends = 0, cells = 0, oldCells = 0;
    const keys = [];
    for (const f of document.querySelectorAll('iframe[title="streamlit_folium.st_folium"]')) {
        const d = f.contentDocument, w = f.contentWindow;
        if (!d || !w) { continue; }
        legends += Math.min(d.querySelectorAll('.leaflet-container .bm-legend').length, 1);
        oldCells += d.querySelectorAll(markedSel).length;
        cells += d.querySelectorAll(cellSel).length;
        if (!w.map) { continue; }
        w.map.eachLayer(l => {
            const o = l.options || {};
            if (!o.bmAt || String(o.className || '').indexOf('bm-event') < 0 || !l.getElement) { return; }
            const el = l.getElement();
            if (el && el.isConnected) { keys.push(o.bmAt[0].toFixed(5) + ',' + o.bmAt[1].toFixed(5)); }
        });
    }
    if (legends === 0 || oldCells > 0) { return false; }
    if (points !== null) {
        if (keys.length !== points.length) { return false; }
        keys.sort();
        for (let i = 0; i < keys.length; i++) { if (keys[i] !== points[i]) { return false; } }
        return performance.now();
    }
    return (keys.length + cells > 0) === events ? performance.now() : false;
}"""
#: In the page: note when the next click reaches it (capturing, before Streamlit's handlers).
CLICK_CLOCK = """() => { window.__bmClickAt = null;
    document.addEventListener('click', () => { window.__bmClickAt = performance.now(); }, {capture: true, once: true}); }"""
CELLS = ".bm-cell"
MARKED_CELLS = ".bm-cell[data-bm-old]"


def expected_points(data_dir: str, days: list[str]) -> list[list[str]]:
    """Each day's events as the map places them (``lat,lon`` to 5 decimals, sorted; day mode)."""
    from geo.core.view import View
    from geo.store import load_dataset
    index = load_dataset(data_dir).index
    out = []
    for day in days:
        positions = index.select(View(day))
        out.append(sorted(f"{round(float(a), 5):.5f},{round(float(b), 5):.5f}"
                          for a, b in zip(index.lat[positions], index.lon[positions], strict=True)))
    return out


def _step_ms(page, title: str, events: bool, points: list[str] | None, timeout_s: float) -> float:
    """Click "Next" and wait for the next day's map (:data:`DRAWN_CHECK`): the ms from the click
    reaching the page to the map drawn, both read on the page's own clock."""
    for frame in _map_frames(page):  # the day's cells, to see them gone (markers are told by place)
        frame.evaluate(f"() => document.querySelectorAll('{CELLS}').forEach(el => el.setAttribute('data-bm-old', '1'))")
    page.evaluate(CLICK_CLOCK)
    page.get_by_role("button", name="Next").click()
    handle = page.wait_for_function(DRAWN_CHECK, arg=[title, points, events, CELLS, MARKED_CELLS], polling=5,
                                    timeout=timeout_s * 1000)
    drawn_at = handle.json_value()
    clicked_at = page.evaluate("() => window.__bmClickAt")
    if clicked_at is None:
        raise RuntimeError("the click on Next never reached the page")
    return float(drawn_at) - float(clicked_at)


def measure(data_dir: str, events: int, first_day: str = "2023-01-05", steps: int = 5, sessions: int = 10,
            timeout_s: float = 90.0) -> dict:
    """Cold start, ``steps`` browser steps from ``first_day`` and resident memory over ``sessions``
    sessions, on one server for ``data_dir`` (which holds ``events`` events)."""
    from playwright.sync_api import ViewportSize, sync_playwright
    days = [(date.fromisoformat(first_day) + timedelta(days=i)).isoformat() for i in range(steps + 1)]
    points = expected_points(data_dir, days) if events <= EXACT_UP_TO else [None] * len(days)
    expected = [None if p is None else len(p) for p in points]
    result: dict = {"cold_start_ms": None, "browser_step_ms": [], "rss_mb": [], "markers": expected[1:]}

    def say(text: str) -> None:
        print(f"    {text}", file=sys.stderr, flush=True)

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        viewport: ViewportSize = {"width": 1400, "height": 1000}
        started = time.perf_counter()
        proc, url = _serve(APP, data_dir)
        try:
            context = browser.new_context(viewport=viewport)
            page = context.new_page()
            page.goto(f"{url}/", wait_until="commit")
            _wait_map(page, None, events > 0, None, timeout_s)
            result["cold_start_ms"] = (time.perf_counter() - started) * 1000
            say(f"cold start {result['cold_start_ms']:,.0f} ms")
            page.goto(f"{url}/?date={days[0]}", wait_until="domcontentloaded")
            _wait_map(page, f"Blockades and protests on {days[0]}", (expected[0] or 0) > 0 or events > 0,
                      expected[0], timeout_s)
            for i in range(1, steps + 1):
                result["browser_step_ms"].append(_step_ms(page, f"Blockades and protests on {days[i]}", events > 0,
                                                          points[i], timeout_s))
                say(f"browser step to {days[i]}: {expected[i] if expected[i] is not None else 'cells or'} "
                    f"markers in {result['browser_step_ms'][-1]:,.0f} ms")
            context.close()
            result["rss_mb"].append(_rss_mb(proc.pid))
            for _ in range(sessions - 1):
                context = browser.new_context(viewport=viewport)
                page = context.new_page()
                page.goto(f"{url}/", wait_until="commit")
                _wait_map(page, None, events > 0, None, timeout_s)
                context.close()
                result["rss_mb"].append(_rss_mb(proc.pid))
            say(f"resident after {sessions} sessions: {', '.join(f'{v:,.0f}' for v in result['rss_mb'])} MB")
            browser.close()
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.browser_step")
    parser.add_argument("data")
    parser.add_argument("--events", type=int, required=True, help="how many events the folder holds")
    parser.add_argument("--day", default="2023-01-05")
    parser.add_argument("--steps", type=int, default=5)
    parser.add_argument("--sessions", type=int, default=10)
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.data, args.events, args.day, args.steps, args.sessions)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
