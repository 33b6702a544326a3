"""Day over day: which blockades are new since the day before, continuing, or lifted.

:func:`day_over_day` lists them with their places; :func:`change_layers` draws them on the
map as two extra layers over the day's markers: a thick dark ring around each new blockade
(continuing ones keep the plain marker) and a hollow grey circle where a blockade was lifted.
Both follow the view's region filter and show nothing when the view leaves blockades out or
shows everything up to the day (cumulative mode has no "day before").
"""
from __future__ import annotations

from collections import Counter
from typing import Any, Sequence

import folium
import pandas as pd
from branca.element import MacroElement
from jinja2 import Template

from geo.corridors import day_changes
from geo.maps import _json_for_script, esc, marker_radius
from geo.store import Dataset
from geo.timeline import View, check_day, shift_day

__all__ = ["CHANGE_STYLES", "ChangeLayer", "change_layers", "change_summary", "day_over_day"]

GROUPS = ("new", "continuing", "lifted")

#: Leaflet path options of the two change layers; ``className`` is what the legend and tests find.
CHANGE_STYLES: dict[str, dict[str, Any]] = {
    "new": {"color": "#111111", "weight": 3, "opacity": 0.95, "fill": False,
            "interactive": False, "className": "bm-change bm-new"},
    "lifted": {"color": "#8a8a8a", "weight": 2, "opacity": 0.95, "fill": True,
               "fillColor": "#ffffff", "fillOpacity": 0.05, "dashArray": "4 3",
               "className": "bm-change bm-lifted"},
}


def day_over_day(events: pd.DataFrame, day: str, kinds: Sequence[str] = ("blockade",),
                 regions: Sequence[str] = ()) -> dict[str, list[dict[str, Any]]]:
    """The events new since the day before, continuing, and lifted, with their places.

    Parameters
    ----------
    events : pandas.DataFrame
        The events frame of :class:`geo.store.Dataset` (``id``, ``kind``, ``start``, ``end``,
        ``place``, ``region``, ``lon``, ``lat``, ``fatalities``).
    day : str
        ``YYYY-MM-DD``.
    kinds : sequence of str, default ("blockade",)
        Kinds compared.
    regions : sequence of str, default ()
        Keep only these regions (empty: all).

    Returns
    -------
    dict
        ``{"new": [...], "continuing": [...], "lifted": [...]}``, each a list of
        ``{"id", "place", "region", "start", "end", "lon", "lat", "fatalities"}`` sorted by
        place then id. A lifted event's dates show the last day it was active.
    """
    if not isinstance(events, pd.DataFrame):
        raise TypeError(f"events must be a DataFrame, got {type(events).__name__}")
    if isinstance(kinds, str) or isinstance(regions, str):
        raise TypeError("kinds and regions must be sequences of names, not one string")
    day = check_day(day)
    frame = events[events["region"].isin(list(regions))] if regions else events
    ids = day_changes(frame, day, kinds=list(kinds))
    by_id = frame.set_index(frame["id"].astype(str))
    out: dict[str, list[dict[str, Any]]] = {}
    for group in GROUPS:
        rows = by_id.loc[ids[group]] if ids[group] else by_id.iloc[0:0]
        records = [{"id": i, "place": str(r.place), "region": str(r.region), "start": r.start,
                    "end": r.end, "lon": float(r.lon), "lat": float(r.lat),
                    "fatalities": int(r.fatalities)} for i, r in zip(rows.index, rows.itertuples())]
        out[group] = sorted(records, key=lambda e: (e["place"].casefold(), e["id"]))
    return out


def change_summary(changes: dict[str, list[dict[str, Any]]]) -> dict[str, list[str]]:
    """Place names per group, e.g. ``{"new": ["Ilave", "Juliaca (2 blockades)"], ...}``.

    A place with several events is named once with their number; groups keep the order of
    :func:`day_over_day` (by place).
    """
    out = {}
    for group in GROUPS:
        counts = Counter(e["place"] for e in changes.get(group, []))
        out[group] = [p if n == 1 else f"{p} ({n} blockades)" for p, n in counts.items()]
    return out


class ChangeLayer(MacroElement):
    """Circle markers of one change group drawn from one JSON array.

    Rows are ``[lat, lon, radius_px, tooltip_html]``; the style is the same for every row.
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function () {
            var rows = {{ this.rows_json }};
            var style = {{ this.style_json }};
            var group = {{ this._parent.get_name() }};
            for (var i = 0; i < rows.length; i++) {
                var r = rows[i];
                var m = L.circleMarker([r[0], r[1]], Object.assign({radius: r[2]}, style));
                if (r[3] && style.interactive !== false) { m.bindTooltip(r[3]); }
                m.addTo(group);
            }
        })();
        {% endmacro %}
    """)

    def __init__(self, rows: Sequence[Sequence], style: dict[str, Any]):
        super().__init__()
        self._name = "ChangeLayer"
        self.rows_json = _json_for_script([list(r) for r in rows])
        self.style_json = _json_for_script(style)


def change_layers(dataset: Dataset, view: View) -> list[folium.FeatureGroup]:
    """Feature groups marking new and lifted blockades, to add over the day's layers.

    Parameters
    ----------
    dataset : Dataset
    view : View
        The map's view; nothing is drawn in cumulative mode or when its kinds leave out
        blockades.

    Returns
    -------
    list of folium.FeatureGroup
        ``[lifted, new]`` (both possibly empty), named for the layer control.
    """
    if not isinstance(view, View):
        raise TypeError(f"view must be a View, got {type(view).__name__}")
    show = view.mode == "day" and (not view.kinds or "blockade" in view.kinds)
    changes = day_over_day(dataset.events, view.day, regions=view.regions) if show else \
        {g: [] for g in GROUPS}
    before = shift_day(view.day, -1)
    lifted = folium.FeatureGroup(name="Lifted since the day before")
    ChangeLayer([[round(e["lat"], 5), round(e["lon"], 5), 7,
                  esc(f"Lifted: {e['place']} ({e['region']}), blocked until {before}")]
                 for e in changes["lifted"]], CHANGE_STYLES["lifted"]).add_to(lifted)
    new = folium.FeatureGroup(name="New since the day before")
    ChangeLayer([[round(e["lat"], 5), round(e["lon"], 5), marker_radius(e["fatalities"]) + 4, ""]
                 for e in changes["new"]], CHANGE_STYLES["new"]).add_to(new)
    return [lifted, new]


def legend_rows() -> str:
    """Legend entries of the change layers (HTML)."""
    new, lifted = CHANGE_STYLES["new"], CHANGE_STYLES["lifted"]
    return (f'<div class="bm-legend-change"><i style="background:transparent;border:3px solid '
            f'{new["color"]}"></i>Blockade new since the day before</div>'
            f'<div class="bm-legend-change"><i style="background:#fff;border:2px dashed '
            f'{lifted["color"]}"></i>Blockade lifted since the day before</div>')
