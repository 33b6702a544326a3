"""The map sends each event's popup as pieces (geo.render.popups.popup_parts) and the browser joins
them when the popup opens (popupHtml in blockade-map.js): the browser's HTML must be exactly the
HTML Python writes (join_popup), hostile text escaped the same way, in both languages."""
from __future__ import annotations

import json

from geo.core.i18n import translator
from geo.render.assets import VENDOR_FILES
from geo.render.popups import join_popup, popup_html, popup_parts

HOSTILE = '<img src=x onerror="alert(1)">{{7*7}}`${x}`</script><script>alert(2)</script> & \' "'

EVENTS = [
    {"id": "a", "kind": "clash", "start": "2023-01-09", "end": "2023-01-09", "place": "Juliaca", "region": "Puno",
     "fatalities": 17, "injured": 80, "detained": 0, "geo_precision": 1, "time_precision": 1, "status": "confirmed",
     "road": "PE-3S", "km": 108.2, "description": "Clash at the airport.", "lon": -70.13, "lat": -15.5,
     "sources": [{"name": "La República", "url": "https://larepublica.pe/x", "published": "2023-01-09"},
                 {"name": "Defensoría", "url": "https://www.defensoria.gob.pe/", "published": "2023-01-10"}]},
    {"id": "b", "kind": "blockade", "start": "2023-01-04", "end": "2023-01-31", "place": HOSTILE, "region": HOSTILE,
     "fatalities": 0, "injured": 0, "detained": 3, "geo_precision": 3, "time_precision": 2, "status": "reported",
     "road": HOSTILE, "km": float("nan"), "description": HOSTILE, "lon": -70.0, "lat": -15.0,
     "sources": [{"name": HOSTILE, "url": 'https://example.org/?q=<b>&x="1"', "published": HOSTILE},
                 {"name": "no scheme", "url": "javascript:alert(1)", "published": "2023-01-05"}]},
    {"id": "c", "kind": "protest", "start": "2020-05-07", "end": "2020-05-07", "place": "Juliaca", "region": "Puno",
     "fatalities": 0, "injured": 0, "detained": 0, "geo_precision": 1, "time_precision": 1, "status": "reported",
     "description": "", "description_es": "Marcha pacífica en la plaza.", "lon": -70.13, "lat": -15.5,
     "sources": [{"name": "ACLED", "published": "2020-05-12", "event_id_cnty": "PER1026",
                  "publishers": ["La Republica (Peru)", "<script>x</script>"]}]},
]


def _page(browser):
    page = browser.new_page()
    scripts = "".join(f"<script>{VENDOR_FILES[name].read_text(encoding='utf-8')}</script>"
                      for name in ("leaflet.js", "blockade-map.js"))
    page.set_content(f"<!doctype html><html><body><div id='m' style='width:600px;height:400px'></div>{scripts}</body></html>")
    return page


def test_the_browser_joins_the_pieces_as_python_does(browser):
    page = _page(browser)
    try:
        for lang in ("en", "es"):
            t = translator(lang)
            for event in EVENTS:
                parts = popup_parts(event, t)
                joined = page.evaluate("p => BlockadeMap.popupHtml(p)", parts)
                assert joined == join_popup(parts) == popup_html(event, t)
        hostile = page.evaluate("p => BlockadeMap.popupHtml(p)", popup_parts(EVENTS[1], translator("en")))
        assert "<img" not in hostile and "<script" not in hostile and "{{" not in hostile
        assert 'href="https://example.org/?q=&lt;b&gt;&amp;x=&quot;1&quot;"' in hostile and 'href="#"' in hostile
    finally:
        page.close()


def test_a_marker_opens_the_joined_popup_and_runs_nothing(browser):
    page = _page(browser)
    try:
        rows = [[e["lat"], e["lon"], "bm-event", "#000", 8, popup_parts(e, translator("es")), e["id"]] for e in EVENTS]
        page.evaluate("""rows => {
            window.pwned = 0;
            var map = L.map('m').setView([-15.2, -70.1], 8);
            window.group = BlockadeMap.pointLayer(L.featureGroup().addTo(map), rows, []);
        }""", json.loads(json.dumps(rows)))
        texts = page.evaluate("""() => {
            var out = [];
            window.group.eachLayer(l => { if (l.getPopup && l.getPopup()) { l.openPopup();
                out.push(l.getPopup().getElement().querySelector('.leaflet-popup-content').innerHTML); } });
            return out;
        }""")
        # as the browser parses Python's HTML (entities such as &middot; read as characters)
        parsed = [page.evaluate("h => { var d = document.createElement('div'); d.innerHTML = h; return d.innerHTML; }",
                                popup_html(e, translator("es"))) for e in EVENTS]
        assert sorted(texts) == sorted(parsed) and any("<b>17 muertos, 80 heridos</b>" in h for h in texts)
        assert page.evaluate("() => document.querySelectorAll('.leaflet-popup-content img, .leaflet-popup-content script').length") == 0
        assert page.evaluate("() => window.pwned") == 0
    finally:
        page.close()
