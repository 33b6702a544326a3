"""The folium map: the base map (tiles, corridors, legend) and the layers of one view.

The base map depends only on the dataset, so the dashboard keeps it stable while the day's
layers change (streamlit-folium's ``feature_group_to_add``). Leaflet and Blockade Map's own
script and styles are served locally (:mod:`geo.render.assets`); exported HTML inlines them.
"""
from __future__ import annotations

import logging
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import folium
import numpy as np
import xyzservices

from geo.core.dataset import Dataset
from geo.core.escape import escape_html
from geo.core.i18n import ENGLISH, N_, Translator
from geo.core.index import AGGREGATE_OVER, cell_size
from geo.core.model import KINDS
from geo.core.view import View
from geo.query.active import select_hotspots
from geo.query.framing import data_bounds
from geo.render import assets
from geo.render.basemap import ATTRIBUTION as BASEMAP_ATTRIBUTION
from geo.render.basemap import add_basemap
from geo.render.changes import change_layers
from geo.render.changes import legend_rows as change_legend_rows
from geo.render.layers import (
    cell_layer,
    corridor_layer,
    feature_group,
    hotspot_layer,
    kind_label,
    map_chrome,
    point_layer,
)
from geo.render.leaflet import ZoomableMap
from geo.render.popups import corridor_rows, event_row_json, event_row_memo, hotspot_rows
from geo.render.served_popups import popups_url, served_rows
from geo.render.stacks import drawing_order, spread_rows
from geo.render.style import CORRIDOR_COLOR, HOTSPOT_COLOR, KIND_COLORS

TILES_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
TILES_ATTRIBUTION = N_('&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors')
# Given as a provider, folium skips its search of every xyzservices provider (5 ms per map).
_TILES = xyzservices.TileProvider(name="OpenStreetMap", url=TILES_URL, attribution=TILES_ATTRIBUTION)
TILES_NOTICE = N_("Map tiles unavailable (offline?): the map is drawn without them.")

Bounds = Sequence[Sequence[float]]  # [[south, west], [north, east]]
#: The legend's own words (the kinds' labels are in geo.core.words).
LEGEND_WORDS = {"title": N_("What happened"), "size": N_("Circle size grows with the number of dead."),
                "hotspot": N_("Protest hotspot"), "corridor": N_("Road corridor")}

log = logging.getLogger("blockade_map.render")


def legend_html(kinds: Iterable[str] = KINDS, t: Translator = ENGLISH) -> str:
    """The legend's inner HTML: kind colours, size by deaths, hotspots, corridors, day over day.

    It folds: a ``<details>`` open by default whose ``<summary>`` is the title, so a reader (and a
    keyboard) can put it away where it covers the map."""
    words = {key: escape_html(t.gettext(text)) for key, text in LEGEND_WORDS.items()}
    rows = [f'<details class="bm-legend-fold" open><summary><b>{words["title"]}</b></summary>']
    for kind in kinds:
        rows.append(f'<div class="bm-legend-kind" data-kind="{kind}"><i style="background:{KIND_COLORS[kind]}"></i>'
                    f"{escape_html(kind_label(kind, t))}</div>")
    rows.append(f"<div><small>{words['size']}</small></div>")
    rows.append(f'<div><i style="background:{HOTSPOT_COLOR};opacity:0.5;border-style:dashed"></i>'
                f"{words['hotspot']}</div>")
    rows.append(f'<div><i class="bm-line" style="background:{CORRIDOR_COLOR}"></i>{words["corridor"]}</div>')
    rows.append(change_legend_rows(t))
    rows.append("</details>")
    return "".join(rows)


def base_map(dataset: Dataset, asset_mode: str = "static", tiles: bool = True,
             frame: Bounds | None = None, notice: bool = True, max_zoom: int | None = None,
             legend: bool = True, t: Translator = ENGLISH, water_names: bool = True) -> folium.Map:
    """The map without the view's layers: the data's basemap (:mod:`geo.render.basemap`), tiles,
    corridors, legend, scale and notices.

    Parameters
    ----------
    dataset : Dataset
    asset_mode : {'static', 'placeholder'}
        ``static`` loads the scripts from the dashboard's ``/app/static/vendor``;
        ``placeholder`` marks them for :func:`geo.render.assets.inline_assets` (exported HTML).
    tiles : bool
        Add the OpenStreetMap tile layer (the only thing fetched online).
    frame : [[south, west], [north, east]], optional
        What the map opens on (default: the dataset's area).
    notice : bool
        Show a notice when tiles fail to load (snapshots leave it out).
    max_zoom : int, optional
        Zoom in no further than this when framing.
    legend : bool
        Draw the legend (small maps such as the editor's picker leave it out).
    t : Translator, optional
        The language of the legend, tooltips, notices and the basemap's names (default English).
    water_names : bool
        Name the lakes and seas on the basemap (a snapshot names them itself, among its labels).
    """
    bounds = frame or data_bounds(dataset) or [[-60.0, -180.0], [75.0, 180.0]]
    centre = [(bounds[0][0] + bounds[1][0]) / 2, (bounds[0][1] + bounds[1][1]) / 2]
    m = ZoomableMap(location=centre, zoom_start=5, tiles=None, control_scale=True, prefer_canvas=False)
    m.default_js = [(name, assets.url_for(name, asset_mode)) for name in assets.MAP_JS]
    m.default_css = [(name, assets.url_for(name, asset_mode)) for name in assets.MAP_CSS]
    if tiles:
        folium.TileLayer(_TILES, attr=t.gettext(TILES_ATTRIBUTION), name="OpenStreetMap", max_zoom=18).add_to(m)
    # under everything: the geography when tiles fail (its credit line in the reader's language)
    add_basemap(m, dataset, asset_mode,
                attribution=None if t.lang == "en" else t.gettext(BASEMAP_ATTRIBUTION), lang=t.lang,
                water=water_names)
    fit = folium.map.FitBounds(bounds, padding=(10, 10), max_zoom=max_zoom)
    fit.options["animate"] = False  # no pan animation on load: stable for people and screenshots
    fit.add_to(m)
    if len(dataset.corridors):
        feature_group(t.gettext("Road corridors"), corridor_layer(corridor_rows(dataset.corridors)),
                      control=False).add_to(m)
    map_chrome(legend_html(t=t) if legend else "", t.gettext(TILES_NOTICE) if notice else None, t.lang).add_to(m)
    return m


def aggregation_note(selected: int, cells: int, in_view: int = 0, t: Translator = ENGLISH) -> str:
    """The sentence shown when events are drawn as cells: how many, as how many cells, and what to do.

    ``in_view`` is the number drawn one by one because they lie in the map's current view.
    """
    if in_view:
        return t.gettext("{in_view} events in view drawn one by one; the other {rest} shown as {cells} cells; "
                         "zoom or filter to see individual points").format(
            in_view=t.number(in_view), rest=t.number(selected - in_view), cells=t.number(cells))
    return t.gettext("{selected} events shown as {cells} cells; zoom or filter to see individual points").format(
        selected=t.number(selected), cells=t.number(cells))


@dataclass
class DayLayers:
    """The layers of one view: hotspots, then events on top.

    ``note`` says how events were aggregated into cells (None when each is its own marker).
    """

    groups: list[folium.FeatureGroup]
    note: str | None = None
    cells: int = 0
    points: int = 0
    extra: list[folium.FeatureGroup] = field(default_factory=list)


def event_rows_json(dataset: Dataset, positions: np.ndarray, t: Translator = ENGLISH) -> str:
    """The point layer's JSON array for the events at ``positions``, largest circles first.

    Each event's row is serialised once per dataset and language and kept by its index.
    """
    ordered = drawing_order(dataset, positions)
    return "[" + ",".join(dataset.index.memo(event_row_memo(t), ordered,
                                             lambda record: event_row_json(record, t))) + "]"


def events_layer(dataset: Dataset, positions: np.ndarray, t: Translator = ENGLISH, keep: str | None = None):
    """The point layer of the events at ``positions``, those sharing a point spread around it
    (``keep``: see :func:`geo.render.layers.point_layer`; with it, the popups are served as a file,
    :mod:`geo.render.served_popups`)."""
    ordered = drawing_order(dataset, positions)
    if keep is None:
        return point_layer(event_rows_json(dataset, positions, t), spread_rows(dataset, ordered))
    # the dashboard: popups fetched from a file when the day is drawn (geo.render.served_popups)
    rows, popups = served_rows(dataset, ordered, t)
    try:
        url = popups_url(popups)
    except OSError as exc:  # a static folder it may not write to: the popups travel in the page
        log.warning("popups served in the page, not as a file: %s", exc)
        return point_layer(event_rows_json(dataset, positions, t), spread_rows(dataset, ordered), keep)
    return point_layer(rows, spread_rows(dataset, ordered), keep, url)


def day_layers(dataset: Dataset, view: View, bounds: tuple | None = None,
               t: Translator = ENGLISH, keep: str | None = None) -> DayLayers:
    """The layers that change with the view.

    Up to :data:`geo.core.index.AGGREGATE_OVER` events are drawn one circle each, with
    popups; more are drawn as counted grid cells with a note saying so. Given the map's
    current ``bounds`` (``((south, west), (north, east))``), the events inside them are drawn
    one by one as soon as they are few enough, and only the others as cells. ``keep`` names the
    markers a map drawing one view after another keeps (:func:`geo.render.layers.point_layer`).
    """
    hotspots = feature_group(t.gettext("Hotspots"), hotspot_layer(hotspot_rows(select_hotspots(dataset, view), t)))
    index = dataset.index
    positions = index.select(view)
    if len(positions) <= AGGREGATE_OVER:
        events = feature_group(t.gettext("Events"), events_layer(dataset, positions, t, keep))
        return DayLayers([hotspots, events], points=len(positions))
    inside = index.within(positions, bounds) if bounds else positions[:0]
    if not 0 < len(inside) <= AGGREGATE_OVER:
        inside = positions[:0]
    outside = np.setdiff1d(positions, inside, assume_unique=True)
    cells = index.cells(outside, cell_size(bounds or index.extent()), lang=t.lang)
    note = aggregation_note(len(positions), len(cells), len(inside), t)
    calls = [cell_layer(cells, note, t)] + ([events_layer(dataset, inside, t, keep)] if len(inside) else [])
    return DayLayers([hotspots, feature_group(t.gettext("Events"), *calls)], note=note, cells=len(cells),
                     points=len(inside))


def view_layers(dataset: Dataset, view: View, bounds: tuple | None = None,
                t: Translator = ENGLISH, keep: str | None = None) -> DayLayers:
    """:func:`day_layers` with the day-over-day rings underneath when every event is its own marker."""
    layers = day_layers(dataset, view, bounds, t, keep)
    if layers.note is None:
        layers.extra = change_layers(dataset, view, t)
    return layers


def build_map(dataset: Dataset, view: View, asset_mode: str = "placeholder", tiles: bool = True,
              frame: Bounds | None = None, notice: bool = True, max_zoom: int | None = None,
              t: Translator = ENGLISH, water_names: bool = True) -> folium.Map:
    """A complete map of one view, as the dashboard draws it, e.g. for export."""
    m = base_map(dataset, asset_mode=asset_mode, tiles=tiles, frame=frame, notice=notice, max_zoom=max_zoom,
                 t=t, water_names=water_names)
    layers = view_layers(dataset, view, t=t)
    for group in layers.extra + layers.groups:
        group.add_to(m)
    return m


def standalone_html(m: folium.Map) -> str:
    """Render a map built with ``asset_mode='placeholder'`` as one self-contained HTML file."""
    return assets.inline_assets(m.get_root().render())


def leaflet_bounds(value: object) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """``((south, west), (north, east))`` from Leaflet's bounds object as streamlit-folium returns it
    (``{"_southWest": {"lat", "lng"}, "_northEast": {...}}``), or None when it holds no bounds."""
    if not isinstance(value, Mapping):
        return None
    try:
        sw, ne = value["_southWest"], value["_northEast"]
        south, west, north, east = (float(sw["lat"]), float(sw["lng"]), float(ne["lat"]), float(ne["lng"]))
    except (KeyError, TypeError, ValueError):
        return None
    if not all(math.isfinite(v) for v in (south, west, north, east)) or south > north or west > east:
        return None
    return (south, west), (north, east)
