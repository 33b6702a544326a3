"""The corridors page's layers: the day's cut stretches in red over the corridors."""
from __future__ import annotations

import folium

from geo.core.escape import escape_html
from geo.core.i18n import Translator, translator
from geo.network.report import CorridorDay
from geo.render.layers import corridor_layer, feature_group
from geo.render.popups import line_latlons
from geo.render.style import CUT_COLOR

CUT_LINE = {"color": CUT_COLOR, "weight": 8, "opacity": 0.9, "className": "bm-cut"}


def cut_layer(cd: CorridorDay, half_width_km: float = 5.0,
              lang: str | Translator | None = None) -> folium.FeatureGroup:
    """The day's cut stretches as thick red lines (CSS class ``bm-cut``).

    Each cut is drawn from ``km - half_width_km`` to ``km + half_width_km`` along its corridor,
    so it stays visible over the blockade marker at the scale of the network; its tooltip names
    the corridor, the km and the place (escaped).
    """
    if not isinstance(cd, CorridorDay):
        raise TypeError(f"cd must be a CorridorDay, got {type(cd).__name__}")
    t = translator(lang)
    names = cd.names
    rows = []
    for row in cd.cut_segments(half_width_km).itertuples(index=False):
        label = escape_html(t.gettext("Cut: {corridor}, km {km} ({place})").format(
            corridor=names.get(row.corridor, row.corridor), km=t.number(row.km, 1), place=row.place or row.event))
        rows += [[[list(p) for p in part], label] for part in line_latlons(row.geometry)]
    return feature_group(t.gettext("Cut on {day}").format(day=cd.day), corridor_layer(rows, CUT_LINE))
