"""Text from reports reaches folium only escaped: HTML, JS template literals and Jinja alike."""
from __future__ import annotations

import folium
import pytest

from geo.core.escape import escape_html


@pytest.mark.parametrize("raw", ["{{ 7*7 }}", "{% if x %}", "`${alert(1)}`", "<script>alert(1)</script>", "a & b"])
def test_escaped_text_survives_folium_templates_verbatim(raw):
    m = folium.Map(tiles=None)
    folium.PolyLine([(0, 0), (1, 1)], tooltip=escape_html(raw)).add_to(m)
    html = m.get_root().render()
    assert escape_html(raw) in html
    assert "49" not in html.split("bindTooltip")[1][:200]
    for dangerous in ("<script>alert", "${", "{{", "{%", "`$"):
        assert dangerous not in escape_html(raw)


def test_exported_map_carries_the_day_over_day_rings(tiny_data):
    from geo.core.view import View
    from geo.render.maps import build_map
    from geo.store import load_dataset
    dataset = load_dataset(tiny_data)
    html_10 = build_map(dataset, View("2023-01-10")).get_root().render()
    assert "Lifted: Chucuito (Puno), blocked until 2023-01-09" in html_10
    html_9 = build_map(dataset, View("2023-01-09")).get_root().render()
    assert "bm-new" in html_9 and "Lifted:" not in html_9
    cumulative = build_map(dataset, View("2023-01-10", "cumulative")).get_root().render()
    assert "Lifted:" not in cumulative
