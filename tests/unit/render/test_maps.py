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


def test_a_group_joined_as_text_makes_the_calls_folium_renders():
    """The dashboard joins its layers' calls as text (geo.render.leaflet.group_script) instead of
    rendering them through folium and streamlit-folium: the same calls, the same JSON."""
    import re

    from geo.render.layers import feature_group, frame_call, hotspot_layer
    from geo.render.leaflet import group_script
    group = feature_group("Hotspots", frame_call([[-16.5, -70.5], [-15.0, -69.0]], "f#1"),
                          hotspot_layer([[-15.5, -70.1, 20000, "<b>Juliaca</b> {{ 7*7 }}"]]))
    text = group_script(group, "fg0", "map_div")
    m = folium.Map(tiles=None)
    group.add_to(m)
    rendered = re.sub(r"feature_group_[0-9a-f]{32}", "fg0", m.get_root().render())
    lines = text.splitlines()
    assert lines[0] == "var fg0 = L.featureGroup({});" and lines[-1] == "fg0.addTo(map_div);"
    assert len(lines) == 4
    for call in lines[1:3]:
        assert call.startswith("BlockadeMap.") and call in rendered
    assert '"\\u003cb\\u003eJuliaca\\u003c/b\\u003e {{ 7*7 }}"' in lines[2]
    with pytest.raises(TypeError, match="not a JsCall"):
        group_script(folium.FeatureGroup(name="x").add_child(folium.Marker([0, 0])), "g", "map_div")
