"""The timeline's charts write their days as the reader writes them: 09/01/2023 on the Spanish page
(as the day slider does), 2023-01-09 on the English one."""
from __future__ import annotations

import re

import pytest

from tests.conftest import BUNDLED

pytestmark = pytest.mark.browser

_AXIS_TEXTS = """() => [...document.querySelectorAll('.vega-embed svg text')].map(t => t.textContent)"""


def _axis_days(browser, url: str, locale: str) -> list[list[str]]:
    context = browser.new_context(locale=locale, viewport={"width": 1400, "height": 2400})
    try:
        page = context.new_page()
        page.goto(url)
        page.wait_for_function("() => document.querySelectorAll('.vega-embed svg').length >= 3", timeout=60000)
        page.wait_for_timeout(500)
        texts = page.evaluate(_AXIS_TEXTS)
    finally:
        context.close()
    return texts


def test_the_spanish_timeline_writes_its_days_as_the_slider_does(browser, serve_app):
    base = serve_app(BUNDLED)
    texts = _axis_days(browser, f"{base}/timeline?date=2023-01-09&lang=es", "es-PE")
    spanish = [t for t in texts if re.fullmatch(r"\d\d/\d\d/\d{4}", t)]
    assert "09/01/2023" in spanish and "07/12/2022" in spanish
    assert len(spanish) >= 3 * 20  # three charts, each with many days on its axis
    assert not [t for t in texts if re.fullmatch(r"\d{4}-\d\d-\d\d", t)]
    texts = _axis_days(browser, f"{base}/timeline?date=2023-01-09&lang=en", "en-US")
    assert "2023-01-09" in texts and not [t for t in texts if re.fullmatch(r"\d\d/\d\d/\d{4}", t)]
