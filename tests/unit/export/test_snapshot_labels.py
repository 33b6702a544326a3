"""What a snapshot names, credits and embeds, without a browser: the day's places, lakes and seas,
credits of what was drawn, the Jinja2 overlay, the PNG's resolution and text chunks."""
from __future__ import annotations

import io
import re

import pandas as pd
import pytest
from PIL import Image

from geo.core.i18n import translator
from geo.core.view import View
from geo.export import snapshot
from geo.export.snapshot.labels import day_labels
from geo.query.active import select_hotspots, select_records
from geo.render.basemap import read_water
from geo.store import load_dataset
from tests.conftest import BUNDLED, make_event, write_folder

JAN9 = "2023-01-09"


def _labels(day: str, lang: str = "en"):
    ds = load_dataset(BUNDLED)
    view = View(day)
    t = translator(lang)
    basemap = snapshot.drawn_basemap(ds, t)
    return day_labels(select_records(ds, view), select_hotspots(ds, view), basemap["data"], t)


def test_jan9_names_juliaca_first_then_puno_then_the_lake_in_the_readers_language():
    labels = _labels(JAN9, "es")
    roles = {label.name: label.role for label in labels}
    assert labels[0].name == "Juliaca" and labels[0].role == "deadliest"  # 17 dead at Juliaca's airport
    assert roles["Puno"] == "epicentre" and labels[1].name == "Puno"
    assert roles["Lago Titicaca"] == "water" and roles["Océano Pacífico"] == "water"
    assert "Lake Titicaca" not in roles
    assert {label.name for label in _labels(JAN9, "en") if label.role == "water"} == {"Lake Titicaca", "Pacific Ocean"}
    # capitals: the regions with events that day come before the others; every name once
    ranks = {label.name: label.rank for label in labels}
    assert ranks["Arequipa"] == 3 and ranks["Cajamarca"] == 6  # a hotspot; a capital of a quiet region
    assert len(ranks) == len(labels)
    assert [label.rank for label in labels] == sorted(label.rank for label in labels)


def test_busiest_place_is_named_after_the_basemap_town_near_its_events():
    basemap = {"features": [{"type": "Feature", "properties": {"layer": "place", "name": "Ilave", "kind": "town"},
                             "geometry": {"type": "Point", "coordinates": [-69.64, -16.09]}}]}
    records = [dict(make_event(f"e{i}", place=f"Ilave access road {i}")["properties"], id=f"e{i}",
                    lon=-69.64 + 0.01 * i, lat=-16.09, fatalities=0) for i in range(3)]
    records.append(dict(records[0], id="far", place="Somewhere else", lon=-72.0, lat=-13.0))
    labels = day_labels(records, pd.DataFrame(columns=["name", "level", "region", "geometry"]), basemap)
    assert [(label.name, label.role) for label in labels] == [("Ilave", "busiest")]


def test_water_file_errors_name_the_file_and_row(tmp_path):
    (tmp_path / "gazetteer").mkdir()
    (tmp_path / "gazetteer" / "water.csv").write_text("name,name_es,lon,lat\nLake,Lago,-69.4,abc\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"water.csv: row 2: lon and lat must be numbers"):
        read_water(tmp_path)
    assert read_water(tmp_path / "nowhere") == []
    assert read_water(BUNDLED)[0] == {"name": "Lake Titicaca", "name_es": "Lago Titicaca", "lon": -69.45, "lat": -15.75}


def test_overlay_is_a_template_with_the_title_escaped_and_free_to_wrap(tmp_path):
    evil = make_event("e-x", place="<b>Juliaca</b>")
    folder = write_folder(tmp_path / "d", [evil])
    (folder / "dataset.json").write_text('{"title": "Strike <script>x</script> & roads", "country": "PE", '
                                         '"timezone": "America/Lima", "bbox": [-81, -18, -68, 0]}', encoding="utf-8")
    html = snapshot.snapshot_html(load_dataset(folder), View(JAN9), tiles=False)
    assert '<h1 class="bm-snap-title">Blockade Map — Strike &lt;script&gt;x&lt;/script&gt; &amp; roads</h1>' in html
    assert "<b>Juliaca</b>" not in html
    style = re.search(r"\.bm-snap-title \{([^}]*)\}", html).group(1)
    assert "nowrap" not in style and "ellipsis" not in style  # the title wraps, never cut
    assert "HEADER_PX" not in html and "FOOTER_PX" not in html


def test_credits_name_only_what_was_drawn():
    ds = load_dataset(BUNDLED)
    html = snapshot.snapshot_html(ds, View(JAN9), tiles=False, t=translator("es"))
    footer = re.search(r'<footer class="bm-snap-foot">(.*?)</footer>', html, re.S).group(1)
    assert "OpenStreetMap" not in footer and "teselas" not in footer
    assert "Mapa base: Natural Earth" in footer and "Lugares: GeoNames" in footer
    online = snapshot.snapshot_html(ds, View(JAN9), tiles=True, t=translator("es"))
    footer = re.search(r'<footer class="bm-snap-foot">(.*?)</footer>', online, re.S).group(1)
    assert "colaboradores de OpenStreetMap" in footer


def test_png_carries_its_resolution_and_text_chunks():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 10, 10)).save(buffer, format="PNG")
    info = {"Title": "Mapa de bloqueos — lunes, 9 de enero de 2023", "Date": JAN9, "Copyright": "CC BY 4.0"}
    png = snapshot.png_with_info(buffer.getvalue(), 192, info)
    with Image.open(io.BytesIO(png)) as img:
        assert [round(v) for v in img.info["dpi"]] == [192, 192]
        assert {key: img.text[key] for key in info} == info
        assert img.getpixel((5, 5)) == (200, 10, 10)


def test_snapshot_info_credits_tiles_only_when_drawn():
    ds = load_dataset(BUNDLED)
    info = snapshot.snapshot_info(ds, View(JAN9), tiles=False, t=translator("es"))
    assert info["Date"] == JAN9 and info["Title"].endswith("lunes, 9 de enero de 2023")
    assert "OpenStreetMap" not in info["Credits"] and info["Copyright"].startswith("CC BY 4.0")
    assert "OpenStreetMap" in snapshot.snapshot_info(ds, View(JAN9), tiles=True)["Credits"]


@pytest.mark.parametrize("name,fmt", [("a.png", "png"), ("b.PDF", "pdf"), ("c.svg", "svg")])
def test_output_format_from_the_suffix(name, fmt):
    assert snapshot.output_format(name) == fmt


def test_output_format_refuses_others():
    with pytest.raises(ValueError, match="written as .png, .pdf or .svg, not jpg"):
        snapshot.output_format("x.jpg")


def test_country_names_come_in_each_language():
    from geo.render.basemap import country_names
    assert country_names("Peru") == {"name_es": "Perú"} and country_names("Brazil") == {"name_es": "Brasil"}
    assert country_names("Chile") == {} and country_names("Atlantis") == {}
