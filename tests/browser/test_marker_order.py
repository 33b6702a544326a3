"""A day step keeps the markers of events still shown and places the new ones among them
(keepMarkers and largestFirst in blockade-map.js): whatever came when, the drawing order goes from
the largest circle to the smallest, so no small circle hides under a large one, and the kept
markers stay the same elements."""
from __future__ import annotations

from geo.render.assets import VENDOR_FILES

#: Each event marker's name (from its class) and drawn diameter, in drawing order.
_DRAWN = """() => Array.from(document.querySelectorAll('path.bm-event')).map(p => [
    Array.from(p.classList).find(c => c.startsWith('bm-name-')).slice(8), Math.round(p.getBBox().width)])"""

#: Show one view after another as the dashboard's map does: streamlit-folium removes the last
#: view's group, then adds the new one.
_SHOW = """([rows, spread]) => {
    if (window.shown) { window.map.removeLayer(window.shown); }
    var group = L.featureGroup();
    BlockadeMap.pointLayer(group, rows, spread, 'events', null);
    window.shown = group.addTo(window.map);
}"""


def _row(name: str, lat: float, radius: float) -> list:
    """A point layer row ([lat, lon, class, colour, radius, popup, tooltip]) named by its class."""
    return [lat, -70.0, f"bm-event bm-kind-blockade bm-name-{name}", "#e6550d", radius, "", name]


def _page(browser):
    page = browser.new_page()
    scripts = "".join(f"<script>{VENDOR_FILES[name].read_text(encoding='utf-8')}</script>"
                      for name in ("leaflet.js", "blockade-map.js"))
    page.set_content(f"<!doctype html><html><body><div id='m' style='width:600px;height:400px'></div>{scripts}"
                     "<script>window.map = L.map('m').setView([-15.5, -70.0], 7);</script></body></html>")
    return page


def _show(page, rows, spread=()):
    page.evaluate(_SHOW, [rows, [list(s) for s in spread]])
    return page.evaluate(_DRAWN)


def _descending(drawn) -> bool:
    sizes = [size for _, size in drawn]
    return sizes == sorted(sizes, reverse=True)


def test_new_markers_go_among_the_kept_ones_largest_first(browser):
    page = _page(browser)
    try:
        assert _show(page, [_row("a", -15.1, 6), _row("b", -15.2, 6), _row("c", -15.3, 6)]) == [
            ["a", 12], ["b", 12], ["c", 12]]
        page.evaluate("() => document.querySelectorAll('path.bm-event').forEach(p => p.setAttribute('data-day1', ''))")
        # the next day: "c" gone, "a" and "b" stay, a large circle and a middle one come, and a small one
        drawn = _show(page, [_row("d", -15.4, 12), _row("e", -15.5, 9), _row("a", -15.1, 6), _row("b", -15.2, 6),
                             _row("f", -15.6, 6)])
        assert _descending(drawn) and [size for _, size in drawn] == [24, 18, 12, 12, 12]
        assert [name for name, _ in drawn[:2]] == ["d", "e"] and sorted(n for n, _ in drawn[2:]) == ["a", "b", "f"]
        kept = page.evaluate("() => Array.from(document.querySelectorAll('path.bm-event[data-day1]'))"
                             ".map(p => Array.from(p.classList).find(c => c.startsWith('bm-name-')))")
        assert sorted(kept) == ["bm-name-a", "bm-name-b"]  # the same elements as the day before
        # a third day: an event spread around a point it shares (drawn with its group, before the others)
        drawn = _show(page, [_row("g", -15.7, 9), _row("a", -15.1, 6), _row("h", -15.1, 6), _row("b", -15.2, 6)],
                      spread=[[2, 8, 0]])
        assert _descending(drawn) and drawn[0] == ["g", 18] and sorted(n for n, _ in drawn) == ["a", "b", "g", "h"]
        # and a day where only small markers come: they follow the kept ones
        drawn = _show(page, [_row("g", -15.7, 9), _row("a", -15.1, 6), _row("i", -15.8, 6)])
        assert _descending(drawn) and drawn[0] == ["g", 18] and sorted(n for n, _ in drawn) == ["a", "g", "i"]
    finally:
        page.close()
