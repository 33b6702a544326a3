"""Popups and hotspot tooltips write an event's days as the reader writes dates, like its sources'."""
from __future__ import annotations

import pandas as pd

from geo.core.i18n import translator
from geo.render.popups import hotspot_rows, popup_html
from tests.conftest import make_event


def _event(**kw) -> dict:
    feature = make_event("e-ilave", start="2023-01-04", end="2023-01-31", place="Puente Internacional, Ilave", **kw)
    return {"id": feature["id"], **feature["properties"], "end": feature["properties"].get("end", "2023-01-04")}


def test_a_spanish_popup_writes_the_days_in_spanish_and_an_english_one_in_iso():
    es = popup_html(_event(), translator("es"))
    assert "Puno &middot; del 4 de enero de 2023 al 31 de enero de 2023" in es
    assert "2023-01-04" not in es and "2023-01-31" not in es
    assert "Puno &middot; 2023-01-04 to 2023-01-31" in popup_html(_event(), translator("en"))
    one_day = dict(_event(), end="2023-01-04")
    assert "Puno &middot; 4 de enero de 2023<" in popup_html(one_day, translator("es"))
    # the sources' dates, beside them, were already written so
    assert "(10 de enero de 2023)" in es


def test_a_spanish_hotspot_tooltip_writes_its_days_in_spanish():
    hotspots = pd.DataFrame([{"lat": -15.5, "lon": -70.13, "level": 3, "name": "Juliaca", "region": "Puno",
                              "start": "2022-12-12", "end": "2023-01-31"}])
    [[_, _, _, tip]] = hotspot_rows(hotspots, translator("es"))
    assert "del 12 de diciembre de 2022 al 31 de enero de 2023" in tip
    [[_, _, _, tip]] = hotspot_rows(hotspots, translator("en"))
    assert "2022-12-12 to 2023-01-31" in tip
