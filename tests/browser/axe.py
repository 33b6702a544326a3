"""axe-core in the browser tests: the pinned script `make install` fetches, and a scan's findings."""
from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def axe_path() -> Path:
    """The pinned axe-core script (``AXE_JS`` of the Makefile)."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    version = re.search(r"^AXE_VERSION\s*:=\s*(\S+)", makefile, re.M).group(1)
    return ROOT / ".cache" / "axe" / f"axe-{version}.min.js"


def axe_source() -> str:
    """The script's text; skips locally when `make install` could not fetch it, fails in CI."""
    path = axe_path()
    if not path.is_file():
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but {path} is missing: make install fetches axe-core with npm")
        pytest.skip(f"{path} missing (make install fetches axe-core with npm)")
    return path.read_text(encoding="utf-8")


def scan(frame, source: str, exclude: tuple[str, ...] = ()) -> list[dict]:
    """The serious and critical violations of WCAG 2 A/AA rules in ``frame`` (a Playwright page or frame):
    ``[{id, impact, help, targets}]``."""
    if not frame.evaluate("() => typeof window.axe !== 'undefined'"):
        frame.evaluate(source)
    result = frame.evaluate("""async (exclude) => {
        const context = exclude.length ? {exclude: exclude.map(s => [s])} : document;
        const r = await axe.run(context, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa']},
                                          resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                       targets: v.nodes.slice(0, 5).map(n => n.target.join(' '))}));
    }""", list(exclude))
    return [v for v in result if v["impact"] in ("serious", "critical")]


@contextmanager
def spanish_app_page(browser, url: str, day: str, heading: str) -> Iterator:
    """A page of the app in an es-PE browser, opened on the map of ``day`` first (a server's first
    deep link shows Streamlit's "page not found" notice), whose map heading is ``heading``."""
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="es-PE")
    try:
        page = context.new_page()
        page.goto(f"{url}/?date={day}&lang=es")
        page.get_by_text(heading).first.wait_for(timeout=60000)
        yield page
    finally:
        context.close()


def wait_idle(page) -> None:
    """Wait till Streamlit has finished its reruns: it dims the page while one runs, which a
    contrast check would read."""
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
                           " && ![...document.querySelectorAll('[data-stale=\"true\"]')].length", timeout=30000)
    page.wait_for_timeout(1500)


def report(found: list[dict]) -> str:
    """A scan's findings, one target a line."""
    return "\n".join(f"{v['id']}: {t}" for v in found for t in v["targets"])
