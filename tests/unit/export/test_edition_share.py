"""The static edition for a newsroom: preview tags, a share page per day, its day's frame (issue 22)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from geo.core.i18n import translator
from geo.export import publish as edition
from geo.store import load_dataset
from tests.conftest import BUNDLED

JAN9 = "2023-01-09"


@pytest.fixture(scope="module")
def spanish(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("ed") / "site"
    edition.publish(load_dataset(BUNDLED), out, "2023-01-08", "2023-01-10", t=translator("es"))
    return out


def _meta(html: str) -> dict[str, str]:
    return dict(re.findall(r'<meta (?:property|name)="([\w:]+)" content="([^"]*)"', html))


def test_index_declares_its_language_and_preview_tags(spanish):
    html = (spanish / "index.html").read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>\n<html lang=\"es\"")
    meta = _meta(html)
    assert meta["og:locale"] == "es_ES" and meta["og:type"] == "website"
    assert meta["description"] == meta["og:description"] == meta["twitter:description"]
    assert meta["description"].startswith("Bloqueos y protestas en el mapa día por día, del 8 de enero de 2023 al 10 de enero de 2023, cada punto con sus fuentes.")
    assert meta["og:title"] == meta["twitter:title"] == \
        "Paro nacional en el Perú, dic. 2022 – mar. 2023: del 8 de enero de 2023 al 10 de enero de 2023"
    assert meta["twitter:card"] == "summary" and "og:image" not in meta  # no pictures asked for
    assert "{{" not in html and "{%" not in html  # every placeholder filled


def test_each_day_has_a_share_page_with_its_own_tags_that_opens_the_day(spanish):
    pages = sorted(p.name for p in (spanish / "share").iterdir())
    assert pages == ["2023-01-08.html", "2023-01-09.html", "2023-01-10.html"]
    html = (spanish / "share" / f"{JAN9}.html").read_text(encoding="utf-8")
    meta = _meta(html)
    assert meta["og:title"] == "Paro nacional en el Perú, dic. 2022 – mar. 2023: lunes, 9 de enero de 2023"
    assert meta["og:description"].startswith("lunes, 9 de enero de 2023: 20 eventos en el mapa, 19 muertos.")
    assert '<meta http-equiv="refresh" content="0; url=../index.html#2023-01-09">' in html
    assert '<a href="../index.html#2023-01-09">Abrir el mapa del lunes, 9 de enero de 2023</a>' in html


def test_day_files_carry_the_days_frame(spanish):
    day = json.loads((spanish / "days" / f"{JAN9}.json").read_text(encoding="utf-8"))
    (south, west), (north, east) = day["frame"]
    # southern Peru, coast (Ica, since the third release) to Lake Titicaca: not Panama to Argentina
    assert -19 < south < -17 and -13 < north < -11 and -77 < west < -74 and -69 < east < -68
    for event in day["events"]:
        assert south <= event["lat"] <= north and west <= event["lon"] <= east
    assert {"lat", "lon"} <= set(day["events"][0])


def test_manifest_keeps_the_map_to_the_basemap(spanish):
    m = json.loads((spanish / "manifest.json").read_text(encoding="utf-8"))
    assert m["basemap"]["bounds"] == [[-26.4, -89.4], [8.0, -60.6]]


def test_preview_images_are_named_with_the_base_url(tmp_path, monkeypatch):
    drawn = []

    def fake_previews(dataset, days, staged, t):  # no browser here: the pictures are the browser tests'
        (staged / "preview").mkdir(parents=True)
        out = {}
        for day in days:
            path = staged / "preview" / f"{day}.png"
            path.write_bytes(b"\x89PNG fake")
            drawn.append(day)
            out[day] = path
        return out

    monkeypatch.setattr(edition, "_previews", fake_previews)
    out = tmp_path / "site"
    edition.publish(load_dataset(BUNDLED), out, JAN9, "2023-01-10", t=translator("en"), previews=True,
                    base_url="https://news.example/paro/")
    assert drawn == [JAN9, "2023-01-10"]
    meta = _meta((out / "index.html").read_text(encoding="utf-8"))
    assert meta["og:image"] == "https://news.example/paro/preview/2023-01-09.png"  # the featured day
    assert meta["twitter:card"] == "summary_large_image" and meta["og:image:width"] == "1200"
    assert meta["og:image:alt"] == "Map of the blockades and protests mapped on Monday 9 January 2023"
    day = _meta((out / "share" / "2023-01-10.html").read_text(encoding="utf-8"))
    assert day["og:image"] == "https://news.example/paro/preview/2023-01-10.png"


def test_a_base_url_must_be_http(tmp_path):
    with pytest.raises(ValueError, match="--base-url must start with http:// or https://"):
        edition.publish(load_dataset(BUNDLED), tmp_path / "s", JAN9, JAN9, base_url="javascript:alert(1)")
    assert not (tmp_path / "s").exists()
