"""How the map looks: colours and labels of the kinds, the hotspots, corridors and cuts."""
from __future__ import annotations

import math

from geo.core.words import KIND_LABELS, PRECISION_WORDS  # noqa: F401  (the legend's and popups' words)

KIND_COLORS: dict[str, str] = {
    "blockade": "#e6550d",   # orange
    "protest": "#3182bd",    # blue
    "clash": "#a50f15",      # dark red
    "closure": "#756bb1",    # purple
    "detention": "#525252",  # dark grey
    "other": "#31a354",      # green
}
HOTSPOT_COLOR = "#fb6a4a"
CORRIDOR_COLOR = "#5b4636"
CUT_COLOR = "#d7191c"
#: The route asked for on the corridors page.
ROUTE_COLOR = "#2166ac"
#: Hotspot circle radius in metres, by level.
HOTSPOT_RADIUS_M = {1: 15000, 2: 25000, 3: 40000}
#: Leaflet path options of the day-over-day layers; ``className`` is what the legend and tests find.
CHANGE_STYLES: dict[str, dict] = {
    "new": {"color": "#111111", "weight": 3, "opacity": 0.95, "fill": False,
            "interactive": False, "className": "bm-change bm-new"},
    "lifted": {"color": "#8a8a8a", "weight": 2, "opacity": 0.95, "fill": True,
               "fillColor": "#ffffff", "fillOpacity": 0.05, "dashArray": "4 3",
               "className": "bm-change bm-lifted"},
}
CORRIDOR_LINE = {"color": CORRIDOR_COLOR, "weight": 3, "opacity": 0.65, "className": "bm-corridor"}


def marker_radius(fatalities: int) -> float:
    """Circle radius in pixels: 6 for no deaths, growing with the square root of the toll.

    >>> marker_radius(0), marker_radius(16)
    (6.0, 20.0)
    """
    return round(6 + 3.5 * math.sqrt(max(0, int(fatalities))), 1)
