"""In the browser: markup typed into a report shows as text and runs nothing; an editor adds
the Añashuayco blockade from the add page and sees it on the map."""
from __future__ import annotations

import pytest

from geo.core.view import View
from geo.render.maps import build_map, standalone_html
from geo.store import load_dataset
from geo.store.auth import hash_password
from geo.store.editor import Editor
from tests.conftest import log_in_from_the_map, make_corridor, make_event, map_frame, write_folder

HOSTILE_DESCRIPTION = ('Road cut. <script>window.__ranScript = 1; alert("script")</script>'
                       '<img src="x" onerror="window.__ranImg = 1; alert(\'img\')"> end.')
HOSTILE_PLACE = 'Ilave <img src=y onerror="window.__ranPlace=1">'


# Open the popup of the first event marker east (or west) of a longitude; true when one opened.
_OPEN_POPUP = """(lon) => {
    for (const key of Object.keys(window)) {
        const map = window[key];
        if (!(map instanceof L.Map)) { continue; }
        let done = false;
        map.eachLayer(l => {
            if (!done && l instanceof L.CircleMarker && l.getPopup() && (l.getLatLng().lng %s lon)) { l.openPopup(); done = true; }
        });
        if (done) { return true; }
    }
    return false;
}"""
_OPEN_POPUP_EAST_OF = _OPEN_POPUP % ">"
_MAP_CENTRE = """() => {
    const map = Object.values(window).find(v => v && v instanceof L.Map);
    return [map.getCenter().lat, map.getCenter().lng];
}"""
_OPEN_POPUP_WEST_OF = _OPEN_POPUP % "<"


@pytest.mark.browser
def test_markup_in_a_report_shows_as_text_and_runs_nothing(browser, tmp_path):
    folder = write_folder(tmp_path / "data", [make_event("e-1", start="2023-01-09", place="Juliaca")])
    # The hostile report goes in through the editor, as a browser form would send it.
    Editor(folder).add(make_event(None, place=HOSTILE_PLACE, lon=-69.66667, lat=-16.08333,
                                  description=HOSTILE_DESCRIPTION), who="tester")
    html = standalone_html(build_map(load_dataset(folder), View("2023-01-09"), tiles=False))
    page_file = tmp_path / "map.html"
    page_file.write_text(html, encoding="utf-8")

    page = browser.new_page(viewport={"width": 900, "height": 700})
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        page.goto(page_file.as_uri())
        page.wait_for_selector("path.bm-event", timeout=15000)
        assert page.locator("path.bm-event").count() == 2
        # Open the popup of the hostile event (the one away from Juliaca).
        assert page.evaluate(_OPEN_POPUP_EAST_OF, -69.7)
        desc = page.wait_for_selector(".leaflet-popup-content .bm-desc", timeout=5000)
        text = desc.text_content()
        assert "<script>window.__ranScript = 1;" in text and '<img src="x" onerror=' in text
        title = page.locator(".leaflet-popup-content b").first.text_content()
        assert title == HOSTILE_PLACE
        page.hover("path.bm-event >> nth=0")
        page.wait_for_timeout(300)
        injected = page.evaluate("""() => ({
            scripts: document.querySelectorAll('.leaflet-popup-content script, .leaflet-tooltip script').length,
            imgs: document.querySelectorAll('.leaflet-popup-content img, .leaflet-tooltip img').length,
            ran: [window.__ranScript, window.__ranImg, window.__ranPlace].filter(v => v !== undefined).length,
        })""")
        assert injected == {"scripts": 0, "imgs": 0, "ran": 0}
        assert dialogs == []
    finally:
        page.close()


# ---------------------------------------------------------------- the add page, end to end

def _type_date(page, label: str, day: str) -> None:
    """Type a YYYY-MM-DD date into Streamlit's segmented date field."""
    year, month, dom = day.split("-")
    for part, value in (("year", year), ("month", month), ("day", dom)):
        page.get_by_role("spinbutton", name=f"{part}, {label}").first.click()
        page.keyboard.type(value)


@pytest.mark.browser
def test_editor_adds_the_anashuayco_blockade_and_sees_it_on_the_map(browser, serve_app, tmp_path, monkeypatch):
    folder = write_folder(tmp_path / "data", [make_event("e-juliaca", start="2022-12-12", end="2022-12-20")],
                          corridors=[make_corridor("arequipa-yura", "Arequipa–Yura", [[-71.537, -16.409], [-71.679, -16.252]],
                                                   ["Arequipa", "Yura"], roads=("PE-34A",))])
    monkeypatch.setenv("BLOCKADE_MAP_EDITOR_HASH", hash_password("open sesame", iterations=1000))
    url = serve_app(folder)
    page = browser.new_page(viewport={"width": 1400, "height": 1800})
    try:
        log_in_from_the_map(page, url, "2022-12-12", "Add an event", "open sesame")
        # Clicking the small map sets the point (the map opens centred on 12°S 75°W).
        picker = map_frame(page)
        picker.locator(".leaflet-container").click()
        page.wait_for_function("""() => {
            const lon = document.querySelector('input[aria-label="Longitude"]');
            return lon && lon.value !== '' && Math.abs(parseFloat(lon.value) + 75) < 1; }""", timeout=20000)
        page.get_by_text("Nearest named place:").wait_for(timeout=10000)
        page.get_by_label("Find a place").fill("puente anashuayco")
        page.get_by_label("Find a place").press("Enter")
        page.get_by_role("button", name="Use this place").click()
        page.wait_for_function("""() => [...document.querySelectorAll('input')]
            .some(i => i.value === 'Puente Añashuayco')""", timeout=20000)
        # the picker marks the place found by name, offline, over the dataset's corridors
        picker = map_frame(page)
        picker.wait_for_selector("path.bm-picked", timeout=20000)
        assert picker.locator("path.bm-corridor").count() == 1
        centre = picker.evaluate(_MAP_CENTRE)
        assert centre == pytest.approx([-16.32561, -71.60858], abs=0.01)
        _type_date(page, "First day", "2022-12-12")
        page.get_by_label("Source 1: publisher").fill("La República")
        page.get_by_label("Source 1: link (http/https)").fill("https://larepublica.pe/sociedad/2022/12/12/bloqueo")
        _type_date(page, "Source 1: published", "2022-12-12")
        page.get_by_role("button", name="Add the event").click()
        page.get_by_text("Added 2022-12-12-puente-anashuayco-blockade: it is on the map").wait_for(timeout=20000)
        feature = Editor(folder).read().event("2022-12-12-puente-anashuayco-blockade")
        assert feature["geometry"]["coordinates"] == [-71.60858, -16.32561]
        page.get_by_role("button", name="Show it on the map").click()
        page.get_by_text("Blockades and protests on 2022-12-12").wait_for(timeout=30000)
        assert "date=2022-12-12" in page.url
        frame = map_frame(page)
        frame.wait_for_selector("path.bm-event", timeout=20000)
        assert frame.locator("path.bm-event").count() == 2
        assert frame.evaluate(_OPEN_POPUP_WEST_OF, -71.0)
        popup = frame.wait_for_selector(".leaflet-popup-content", timeout=5000).text_content()
        assert "Puente Añashuayco" in popup and "La República" in popup
    finally:
        page.close()


@pytest.mark.browser
def test_retract_takes_one_click_and_the_message_shows_where_the_editor_is(browser, serve_app, tmp_path, monkeypatch):
    folder = write_folder(tmp_path / "data", [make_event("e-ilave", start="2023-01-09", place="Ilave",
                                                         lon=-69.66667, lat=-16.08333),
                                              make_event("e-juliaca", start="2023-01-09")])
    monkeypatch.setenv("BLOCKADE_MAP_EDITOR_HASH", hash_password("open sesame", iterations=1000))
    url = serve_app(folder)
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    try:
        log_in_from_the_map(page, url, "2023-01-09", "Edit and retract", "open sesame")
        page.get_by_role("combobox", name="Event").click()
        page.get_by_role("option", name="2023-01-09 · Ilave (Puno) · blockade · e-ilave").click()
        page.get_by_role("tab", name="Retract").click()
        # type the reason and click the button once, without leaving the text box first
        page.get_by_label("Reason (required)").fill("duplicate of e-juliaca")
        page.get_by_role("button", name="Retract this event").click()
        toast = page.get_by_test_id("stToast")
        toast.wait_for(timeout=20000)
        assert "Retracted e-ilave." in toast.inner_text()
        assert Editor(folder).read().event("e-ilave") is None
        assert Editor(folder).history("e-ilave")[-1]["reason"] == "duplicate of e-juliaca"
        # the toast sits in the window's corner, whatever the page's scroll
        box = toast.bounding_box()
        assert box and 0 <= box["y"] < 900 and box["x"] > 700
    finally:
        page.close()
