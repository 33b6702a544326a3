"""The static edition as a Spanish newsroom hands it out (issue 22): on a 390 px phone and a desktop
in es-PE, framed on its day, kept to its basemap, reachable by keyboard."""
from __future__ import annotations

from geo.core.i18n import translator
from geo.core.view import View
from geo.export import publish as edition
from geo.query.active import select_events
from geo.store import load_dataset
from tests.conftest import BUNDLED

JAN9 = "2023-01-09"
JAN9_EVENTS = len(select_events(load_dataset(BUNDLED), View(JAN9)))  # 20 in the third data release


def test_on_a_phone_the_date_reads_whole_and_nothing_overflows(open_edition):
    page = open_edition(390, 844)
    assert page.evaluate("document.documentElement.lang") == "es"
    date = page.locator("#bme-date")
    assert date.inner_text() == "lunes, 9 de enero de 2023"
    box = date.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert page.evaluate("(() => { const d = document.getElementById('bme-date');"
                         " return d.scrollWidth <= d.clientWidth; })()")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scrolling
    # the legend starts folded on a phone, a tap opens it
    assert page.evaluate("document.querySelector('.bm-legend details').open") is False
    page.locator(".bm-legend summary").click()
    assert page.evaluate("document.querySelector('.bm-legend details').open") is True


def test_opens_framed_on_the_days_events_and_keeps_to_the_basemap(open_edition):
    page = open_edition(1366, 800)
    inside = page.evaluate("""() => {
        const r = document.getElementById('bme-map').getBoundingClientRect();
        return [...document.querySelectorAll('path.bm-event')].map(p => {
            const b = p.getBoundingClientRect(), x = b.x + b.width / 2, y = b.y + b.height / 2;
            return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom; });
    }""")
    assert len(inside) == JAN9_EVENTS and all(inside)
    zoom = page.evaluate("bmEdition.map.getZoom()")
    assert zoom >= 6  # southern Peru, not Panama to Argentina (zoom 4)
    assert page.evaluate("document.querySelector('.bm-legend details').open") is True
    # zoomed out as far as it goes, the view stays inside the basemap: its edge never shows
    page.evaluate("bmEdition.map.setZoom(0, {animate: false})")
    contained = page.evaluate("""() => { const m = bmEdition.map;
        const b = L.latLngBounds([[-26.4, -89.4], [8.0, -60.6]]);
        return [m.getZoom(), b.pad(0.01).contains(m.getBounds())]; }""")
    assert contained[0] >= 4 and contained[1]


def test_markers_are_named_buttons_and_the_days_events_a_keyboard_list(open_edition):
    page = open_edition(1366, 800)
    names = page.eval_on_selector_all("path.bm-event",
                                      "els => els.map(e => [e.getAttribute('tabindex'), e.getAttribute('role'),"
                                      " e.getAttribute('aria-label')])")
    assert len(names) == JAN9_EVENTS
    assert all(t == "0" and r == "button" and label for t, r, label in names)
    assert ["0", "button", "Juliaca: enfrentamiento, 17 muertos"] in [list(n) for n in names]
    # Enter on a focused marker opens its popup, with its sources
    page.focus("path.bm-event[aria-label='Juliaca: enfrentamiento, 17 muertos']")
    page.keyboard.press("Enter")
    page.wait_for_selector(".leaflet-popup-content", timeout=5000)
    assert "Fuentes" in page.locator(".leaflet-popup-content").inner_text()
    page.evaluate("bmEdition.map.closePopup()")
    page.wait_for_selector(".leaflet-popup-content", state="detached", timeout=5000)
    # the list: one button per event, named alike; Tab reaches them, Enter opens the popup
    buttons = page.locator("#bme-events button.bme-event")
    assert buttons.count() == JAN9_EVENTS
    assert sorted(buttons.all_inner_texts()) == sorted(label for _, _, label in names)
    assert page.locator("#bme-events-head").inner_text() == "Los eventos del día"
    buttons.nth(3).focus()
    page.keyboard.press("Enter")
    page.wait_for_selector(".leaflet-popup-content", timeout=5000)
    shown = page.locator(".leaflet-popup-content").inner_text()
    assert buttons.nth(3).inner_text().split(":")[0] in shown


def test_another_day_is_framed_too(open_edition):
    page = open_edition(1366, 800, "2023-01-31")
    count = page.evaluate("document.querySelectorAll('path.bm-event').length")
    inside = page.evaluate("""() => {
        const r = document.getElementById('bme-map').getBoundingClientRect();
        return [...document.querySelectorAll('path.bm-event')].every(p => {
            const b = p.getBoundingClientRect(), x = b.x + b.width / 2, y = b.y + b.height / 2;
            return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom; });
    }""")
    assert count >= 2 and inside  # Pucallpa too


def test_previews_are_drawn_per_day_for_link_cards(browser, tmp_path):
    """``--previews``: each day's 1200x630 picture, drawn offline, named in its share page's tags."""
    import re

    from PIL import Image
    out = tmp_path / "site"
    edition.publish(load_dataset(BUNDLED), out, JAN9, "2023-01-10", t=translator("es"), previews=True,
                    base_url="https://news.example/paro/")
    for day in (JAN9, "2023-01-10"):
        with Image.open(out / "preview" / f"{day}.png") as img:
            assert img.size == (1200, 630)
            assert img.text["Date"] == day  # the snapshot's own text chunks
        share = (out / "share" / f"{day}.html").read_text(encoding="utf-8")
        assert f'<meta property="og:image" content="https://news.example/paro/preview/{day}.png">' in share
    index = (out / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<meta name="twitter:image" content="https://news.example/paro/preview/2023-01-09.png">', index)
