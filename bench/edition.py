"""The static edition's time to first map, against the dashboard's, measured the same way in one run.

For the bundled data (9 January 2023) and a synthetic folder of 10,000 events (5 January,
:mod:`bench.synth`), it publishes the edition (``blockade-map publish``), serves it with
``python -m http.server``, and serves the dashboard with ``streamlit run app.py``. Headless
chromium then opens each one ``SAMPLES`` times, every time in a fresh browser context (no
cache, a new session), and the clock runs from the navigation's start to the moment the
day's event markers are all on the map. Both are timed by the same loop (polling the
page every 10 ms); the edition also records the moment it drew, in the page's own clock
(``performance.now()`` at the draw: from navigation start). The dashboard is visited once
before timing, so its data is loaded and cached as for any reader after the first.

Results go to ``bench/results-edition.json``. Run by ``make bench``; alone:
``python -m bench.edition``.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bench.browser_step import APP, CHROMIUM, CHROMIUM_ARGS, _free_port, _serve, _state, expected_counts
from bench.synth import write_dataset

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
RESULTS = ROOT / "bench" / "results-edition.json"
BUNDLED = ROOT / "data"
SAMPLES = 5
TIMEOUT_S = 90.0
CASES = (("bundled", 252, BUNDLED, "2023-01-09"), ("synthetic", 10_000, None, "2023-01-05"))


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def serve_static(folder: Path) -> tuple[subprocess.Popen, str]:
    """Serve ``folder`` (an edition) with ``python -m http.server`` on a free port: the process
    and its base URL, once ``manifest.json`` answers."""
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                             "--directory", str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 20
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/manifest.json", timeout=2):
                return proc, url
        except OSError:
            time.sleep(0.05)
    proc.terminate()
    raise RuntimeError("python -m http.server did not start within 20 s")


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()


def _wait_markers(count, expected: int) -> None:
    start = time.perf_counter()
    while time.perf_counter() - start < TIMEOUT_S:
        if count() == expected:
            return
        time.sleep(0.01)
    raise TimeoutError(f"the map did not show {expected} markers within {TIMEOUT_S:.0f} s (saw {count()})")


def time_edition(browser, url: str, day: str, expected: int, samples: int = SAMPLES) -> dict:
    """Open ``url/index.html#day`` in ``samples`` fresh contexts; navigation to markers, in ms, and bytes fetched."""
    wall, in_page, transferred = [], [], []
    for _ in range(samples):
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        page = context.new_page()
        t0 = time.perf_counter()
        page.goto(f"{url}/index.html#{day}", wait_until="commit")
        _wait_markers(lambda page=page: page.evaluate("document.querySelectorAll('path.bm-event').length"), expected)
        wall.append((time.perf_counter() - t0) * 1000)
        page.wait_for_function("window.bmEdition && bmEdition.firstMapMs !== null")
        in_page.append(page.evaluate("bmEdition.firstMapMs"))
        transferred.append(page.evaluate(
            "performance.getEntries().filter(e => 'transferSize' in e).reduce((s, e) => s + e.transferSize, 0)"))
        context.close()
    return {"wall_ms": wall, "in_page_ms": in_page, "bytes": transferred}


def time_dashboard(browser, url: str, day: str, expected: int) -> dict:
    """Open the dashboard's map on ``day`` in fresh contexts (after one warm-up visit)."""
    wall = []
    for sample in range(SAMPLES + 1):
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        t0 = time.perf_counter()
        page.goto(f"{url}/?date={day}", wait_until="commit")
        _wait_markers(lambda page=page: _state(page)[0], expected)
        if sample:  # the first visit loads the data into the server's cache
            wall.append((time.perf_counter() - t0) * 1000)
        context.close()
    return {"wall_ms": wall}


def measure(name: str, n: int, data: Path, day: str, browser) -> list[dict]:
    expected = expected_counts(str(data), [day])[0]
    from geo.export.publish import publish
    from geo.store import load_dataset
    site = OUT / f"edition-{name}"
    t = time.perf_counter()
    published = publish(load_dataset(data), site)
    publish_s = time.perf_counter() - t
    day_bytes = (site / "days" / f"{day}.json").stat().st_size
    say(f"  {name}: published {len(published.days)} days in {publish_s:,.1f} s; {day}: {expected} markers, "
        f"day file {day_bytes / 1000:,.0f} kB")
    proc, url = serve_static(site)
    try:
        static = time_edition(browser, url, day, expected)
    finally:
        _stop(proc)
    say(f"  {name}: static edition {', '.join(f'{v:,.0f}' for v in static['wall_ms'])} ms")
    proc, url = _serve(APP, str(data))
    try:
        dash = time_dashboard(browser, url, day, expected)
    finally:
        _stop(proc)
    say(f"  {name}: dashboard {', '.join(f'{v:,.0f}' for v in dash['wall_ms'])} ms")
    med = statistics.median
    static_ms, dash_ms = med(static["wall_ms"]), med(dash["wall_ms"])
    return [{"data": name, "n": n, "day": day, "markers": expected,
             "metric": "time_to_first_map_ms", "value": round(static_ms, 1), "baseline": round(dash_ms, 1),
             "ratio": round(dash_ms / static_ms, 1), "samples": SAMPLES,
             "in_page_ms": round(med(static["in_page_ms"]), 1), "bytes_fetched": int(med(static["bytes"])),
             "day_file_bytes": day_bytes, "publish_s": round(publish_s, 2), "edition_days": len(published.days),
             "static_samples_ms": [round(v, 1) for v in static["wall_ms"]],
             "dashboard_samples_ms": [round(v, 1) for v in dash["wall_ms"]]}]


def table(results: list[dict]) -> str:
    lines = ["| data | markers | static edition | dashboard | ratio | edition in-page | edition bytes |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        lines.append(f"| {r['data']} ({r['n']:,} events), {r['day']} | {r['markers']:,} | {r['value']:,.0f} ms | "
                     f"{r['baseline']:,.0f} ms | {r['ratio']:,.1f}x | {r['in_page_ms']:,.0f} ms | "
                     f"{r['bytes_fetched'] / 1000:,.0f} kB |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.edition", description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    from bench.__main__ import machine
    started = time.perf_counter()
    say("The static edition's time to first map against the dashboard's")
    results: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        for name, n, data, day in CASES:
            if data is None:
                data = write_dataset(Path(tmp) / f"data-{n}", n)
            results += measure(name, n, data, day, browser)
        browser.close()
    elapsed = time.perf_counter() - started
    RESULTS.write_text(json.dumps({"machine": machine(), "elapsed_s": round(elapsed, 1), "results": results},
                                  indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print("Time to first map: from navigation start to the day's markers drawn (median of "
          f"{SAMPLES}, fresh browser context each)")
    print(table(results))
    print(f"{RESULTS.relative_to(ROOT)} written; took {elapsed:,.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
