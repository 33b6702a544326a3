"""Text from reports reaches folium only escaped: HTML, JS template literals and Jinja alike."""
from __future__ import annotations

import folium
import pytest

from geo.maps import esc


@pytest.mark.parametrize("raw", ["{{ 7*7 }}", "{% if x %}", "`${alert(1)}`", "<script>alert(1)</script>", "a & b"])
def test_escaped_text_survives_folium_templates_verbatim(raw):
    m = folium.Map(tiles=None)
    folium.PolyLine([(0, 0), (1, 1)], tooltip=esc(raw)).add_to(m)
    html = m.get_root().render()
    assert esc(raw) in html
    assert "49" not in html.split("bindTooltip")[1][:200]
    for dangerous in ("<script>alert", "${", "{{", "{%", "`$"):
        assert dangerous not in esc(raw)
