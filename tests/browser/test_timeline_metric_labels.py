"""Issue 22: the timeline's metric labels are read whole in both languages. A label with the range
("Muertos del 7 de diciembre de 2022 al 9 de enero de 2023 (mapa)") ended in "…" at every laptop
width; the labels are now short (the range is in their help) and wrap where a column is narrow,
with the three figures kept on one line."""
from __future__ import annotations

import pytest

from tests.conftest import BUNDLED

pytestmark = pytest.mark.browser

#: Per label: its text, whether any box inside it is cut (content wider than the box), its height
#: in px; per figure: its top in px.
_MEASURE = """() => ({
  labels: [...document.querySelectorAll('[data-testid="stMetricLabel"]')].map(l => ({
    text: l.innerText.trim(),
    cut: [l, ...l.querySelectorAll('*')].some(e => e.scrollWidth > e.clientWidth + 1),
    height: Math.round(l.getBoundingClientRect().height)})),
  tops: [...document.querySelectorAll('[data-testid="stMetricValue"]')].map(
    v => Math.round(v.getBoundingClientRect().top)),
})"""

LABELS = {"es": ["Bloqueos en el mapa", "Muertos (mapa) este día", "Muertos (mapa) hasta este día"],
          "en": ["Blockades mapped", "Dead (mapped) on this day", "Dead (mapped) up to this day"]}


def _measure(browser, url: str, locale: str, width: int) -> dict:
    context = browser.new_context(locale=locale, viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        page.goto(url)
        page.wait_for_function("() => document.querySelectorAll('[data-testid=\"stMetricValue\"]').length === 3",
                               timeout=60000)
        page.wait_for_timeout(500)
        return page.evaluate(_MEASURE)
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_timeline_metric_labels_are_whole(browser, serve_app, lang):
    base = serve_app(BUNDLED)
    url = f"{base}/timeline?date=2023-01-09&lang={lang}"
    locale = {"es": "es-PE", "en": "en-US"}[lang]
    one_line = None
    for width in (800, 1024, 1280):
        found = _measure(browser, url, locale, width)
        assert [label["text"] for label in found["labels"]] == LABELS[lang]
        assert [label["text"] for label in found["labels"] if label["cut"]] == [], width
        assert len(set(found["tops"])) == 1, (width, found["tops"])  # the figures side by side
        if width == 800:  # a third of what the sidebar leaves: the long labels wrap to two lines
            one_line = min(label["height"] for label in found["labels"])
            assert max(label["height"] for label in found["labels"]) > 1.4 * one_line
        if width == 1280:  # a laptop: the short labels hold on one line
            assert {label["height"] for label in found["labels"]} == {one_line}
