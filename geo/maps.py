"""Building the folium map: base map, the day's layers, legend, popups, local assets.

The base map (tiles, corridors, legend, notices) depends only on the dataset, so the
dashboard can keep it stable while the day's layers change. Every text that comes from
the data is HTML-escaped before it reaches a popup or tooltip.
"""
from __future__ import annotations

import html
import json
import math
from typing import Iterable, Sequence

import folium
import numpy as np
import xyzservices
from branca.element import Element, MacroElement
from jinja2 import Template

from geo import assets
from geo.mapindex import AGGREGATE_OVER, cell_size, event_index
from geo.model import KINDS
from geo.store import Dataset
from geo.timeline import View, kinds_present, select_events, select_hotspots

KIND_COLORS: dict[str, str] = {
    "blockade": "#e6550d",   # orange
    "protest": "#3182bd",    # blue
    "clash": "#a50f15",      # dark red
    "closure": "#756bb1",    # purple
    "detention": "#525252",  # dark grey
    "other": "#31a354",      # green
}
KIND_LABELS: dict[str, str] = {
    "blockade": "Blockade (road, bridge, border)",
    "protest": "Protest or rally",
    "clash": "Clash with dead or injured",
    "closure": "Closure (airport, border post, rail)",
    "detention": "Detentions",
    "other": "Other (arson, curfew site, ...)",
}
HOTSPOT_COLOR = "#fb6a4a"
CORRIDOR_COLOR = "#5b4636"
TILES_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
TILES_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
# Given as a provider, folium skips its search of every xyzservices provider (5 ms per map).
_TILES = xyzservices.TileProvider(name="OpenStreetMap", url=TILES_URL, attribution=TILES_ATTRIBUTION)
DEFAULT_CENTER = (-14.5, -72.5)
DEFAULT_ZOOM = 6
PRECISION_WORDS = {
    "geo": {1: "the site or town itself", 2: "near the place, or part of a region",
            3: "only the region is known (point at its capital)"},
    "time": {1: "day known", 2: "only the week is known", 3: "only the month is known"},
}


def esc(text: object) -> str:
    """Escape text for HTML, for the JS template literals folium writes it into, and for the
    Jinja templates folium compiles it into (braces become entities, so "{{" is only text)."""
    escaped = html.escape("" if text is None else str(text), quote=True)
    for char, entity in (("`", "&#96;"), ("$", "&#36;"), ("{", "&#123;"), ("}", "&#125;")):
        escaped = escaped.replace(char, entity)
    return escaped


def marker_radius(fatalities: int) -> float:
    """Circle radius in pixels: 6 for no deaths, growing with the square root of the toll."""
    return round(6 + 3.5 * math.sqrt(max(0, int(fatalities))), 1)


def _dates(start: str, end: str) -> str:
    return start if start == end else f"{start} to {end}"


def popup_html(event: dict) -> str:
    """The popup of one event: place, dates, counts, description and source links, escaped."""
    kind = event["kind"]
    parts = [
        f'<div class="bm-popup"><b>{esc(event["place"])}</b> <span style="color:{KIND_COLORS.get(kind, "#000")}">'
        f'&#9679; {esc(kind)}</span><br>',
        f'{esc(event["region"])} &middot; {esc(_dates(event["start"], event["end"]))}',
    ]
    if int(event.get("time_precision", 1)) > 1:
        parts.append(f' <i>({esc(PRECISION_WORDS["time"][int(event["time_precision"])])})</i>')
    road = event.get("road")
    if isinstance(road, str) and road:
        km = event.get("km")
        parts.append(f"<br>Road {esc(road)}" + (f", km {km:g}" if isinstance(km, (int, float)) and km == km else ""))
    counts = [f"{int(event[k])} {label}" for k, label in
              (("fatalities", "dead"), ("injured", "injured"), ("detained", "detained")) if int(event.get(k) or 0)]
    if counts:
        parts.append("<br><b>" + esc(", ".join(counts)) + "</b>")
    if event.get("description"):
        parts.append(f'<br><span class="bm-desc">{esc(event["description"])}</span>')
    parts.append(f'<br><small>Status: {esc(event.get("status", "reported"))}; location: '
                 f'{esc(PRECISION_WORDS["geo"].get(int(event["geo_precision"]), ""))}</small>')
    links = []
    for src in event.get("sources", []):
        url = str(src.get("url", ""))
        safe = url if url.lower().startswith(("http://", "https://")) else "#"
        links.append(f'<a href="{esc(safe)}" target="_blank" rel="noopener noreferrer">{esc(src.get("name"))}</a>'
                     f' ({esc(src.get("published"))})')
    parts.append("<br>Sources: " + "; ".join(links) + "</div>")
    return "".join(parts)


def tooltip_text(event: dict) -> str:
    """Short hover text: place, kind and deaths, escaped."""
    text = f'{event["place"]}: {event["kind"]}'
    if int(event.get("fatalities") or 0):
        text += f', {int(event["fatalities"])} dead'
    return esc(text)


def _json_for_script(data: object) -> str:
    # Safe inside <script>: no "</script>" or HTML comment openers can survive.
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


class _Raw(Element):
    """Text already rendered: added to the figure as it is, never compiled as a template."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def render(self, **kwargs) -> str:
        return self.text


class _RawMacro(MacroElement):
    """A MacroElement whose rendered parts reach the figure as text.

    branca wraps each rendered part in ``Element(text)``, which compiles it as a Jinja
    template: slow when the part holds a large data array, and wrong when the data
    holds ``{{`` or ``{%``. Data layers render through this class instead.
    """

    def render(self, **kwargs) -> None:
        figure = self.get_root()
        for part in ("header", "html", "script"):
            macro = self._template.module.__dict__.get(part)
            if macro is not None:
                getattr(figure, part).add_child(_Raw(macro(self, kwargs)), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)


class PointLayer(_RawMacro):
    """Circle markers drawn in the browser from one compact JSON array.

    One array and one loop instead of a folium object (and a block of JS) per point:
    the page stays small and fast as the number of points grows.
    Rows are ``[lat, lon, css_class, colour, radius_px, popup_html, tooltip_html]``;
    ``rows_json`` may give them already serialised (see :meth:`geo.mapindex.EventIndex.rows_json`).
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function () {
            var rows = {{ this.rows_json }};
            var group = {{ this._parent.get_name() }};
            for (var i = 0; i < rows.length; i++) {
                var r = rows[i];
                var m = L.circleMarker([r[0], r[1]], {
                    radius: r[4], color: "#222", weight: 1, opacity: 0.9,
                    fillColor: r[3], fillOpacity: 0.85, className: r[2]
                });
                if (r[5]) { m.bindPopup(r[5], {maxWidth: 340}); }
                if (r[6]) { m.bindTooltip(r[6]); }
                m.addTo(group);
            }
        })();
        {% endmacro %}
    """)

    def __init__(self, rows: Sequence[Sequence] = (), name: str = "PointLayer", rows_json: str | None = None):
        super().__init__()
        self._name = name
        self.rows_json = rows_json if rows_json is not None else _json_for_script([list(r) for r in rows])


class CellLayer(_RawMacro):
    """Counted grid cells standing for many events, with a note saying how many and how.

    Each cell is a round badge with its number of events, coloured by its most frequent
    kind; its popup gives the counts per kind, the dead, injured and detained, and its
    most frequent places. While the layer is on the map a note in the corner says
    ``N events shown as M cells; zoom or filter to see individual points``.
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function () {
            var rows = {{ this.rows_json }};
            var kinds = {{ this.kinds_json }};
            var group = {{ this._parent.get_name() }};
            if (!document.getElementById("bm-cell-style")) {
                var style = document.createElement("style");
                style.id = "bm-cell-style";
                style.textContent = ".bm-cell div { border-radius: 50%; text-align: center; color: #fff;" +
                    " font: bold 12px sans-serif; border: 2px solid rgba(255,255,255,0.85);" +
                    " box-shadow: 0 0 0 1px #222; opacity: 0.88; }" +
                    ".bm-agg-note { background: rgba(255,255,255,0.92); padding: 4px 8px; font: 12px sans-serif;" +
                    " border-radius: 4px; box-shadow: 0 1px 4px rgba(0,0,0,0.3); max-width: 320px; }";
                document.head.appendChild(style);
            }
            function fmt(n) { return Number(n).toLocaleString("en-US"); }
            for (var i = 0; i < rows.length; i++) {
                var r = rows[i], by = r[3], top = 0, parts = [], counts = [];
                for (var k = 0; k < by.length; k++) {
                    if (by[k] > by[top]) { top = k; }
                    if (by[k]) { parts.push(fmt(by[k]) + " " + kinds[k][0]); }
                }
                if (r[4]) { counts.push(fmt(r[4]) + " dead"); }
                if (r[5]) { counts.push(fmt(r[5]) + " injured"); }
                if (r[6]) { counts.push(fmt(r[6]) + " detained"); }
                var size = Math.round(24 + 8 * Math.log10(r[2]));
                var icon = L.divIcon({
                    className: "bm-cell bm-kind-" + kinds[top][0], iconSize: [size, size],
                    html: '<div data-count="' + r[2] + '" style="background:' + kinds[top][1] + ";width:" + size +
                          "px;height:" + size + "px;line-height:" + size + 'px">' + fmt(r[2]) + "</div>"
                });
                var popup = '<div class="bm-popup"><b>' + fmt(r[2]) + " events in this cell</b><br>" +
                    parts.join(", ") + (counts.length ? "<br><b>" + counts.join(", ") + "</b>" : "") +
                    "<br>Mostly at " + r[7] +
                    "<br><small>Zoom in, or filter by kind or region, to see each event and its sources.</small></div>";
                L.marker([r[0], r[1]], {icon: icon}).bindPopup(popup, {maxWidth: 340})
                    .bindTooltip(fmt(r[2]) + " events: " + parts.join(", ")).addTo(group);
            }
            var note = L.control({position: "bottomright"});
            note.onAdd = function () {
                var div = L.DomUtil.create("div", "bm-agg-note");
                div.textContent = {{ this.note_json }};
                return div;
            };
            group.on("add", function () { note.addTo(group._map); });
            group.on("remove", function () { note.remove(); });
            if (group._map) { note.addTo(group._map); }
        })();
        {% endmacro %}
    """)

    def __init__(self, cells, note: str):
        super().__init__()
        self._name = "CellLayer"
        rows = zip(cells.lat.round(5).tolist(), cells.lon.round(5).tolist(), cells.count.tolist(),
                   cells.by_kind.tolist(), cells.fatalities.tolist(), cells.injured.tolist(),
                   cells.detained.tolist(), [esc(", ".join(p)) for p in cells.places])
        self.rows_json = _json_for_script([list(r) for r in rows])
        self.kinds_json = _json_for_script([[kind, KIND_COLORS[kind]] for kind in KINDS])
        self.note = note
        self.note_json = _json_for_script(note)


class HotspotLayer(_RawMacro):
    """Translucent circles (radius in metres) marking centres of sustained protest."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function () {
            var rows = {{ this.rows_json }};
            var group = {{ this._parent.get_name() }};
            for (var i = 0; i < rows.length; i++) {
                var r = rows[i];
                L.circle([r[0], r[1]], {
                    radius: r[2], color: "{{ this.color }}", weight: 2, dashArray: "6 4",
                    fillColor: "{{ this.color }}", fillOpacity: 0.12, className: "bm-hotspot",
                    interactive: true
                }).bindTooltip(r[3]).addTo(group);
            }
        })();
        {% endmacro %}
    """)

    def __init__(self, rows: Sequence[Sequence]):
        super().__init__()
        self._name = "HotspotLayer"
        self.color = HOTSPOT_COLOR
        self.rows_json = _json_for_script([list(r) for r in rows])


class CorridorLayer(_RawMacro):
    """The road corridors: one polyline per line from one JSON array, each with its name as tooltip."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function () {
            var rows = {{ this.rows_json }};
            var group = {{ this._parent.get_name() }};
            for (var i = 0; i < rows.length; i++) {
                L.polyline(rows[i][0], {
                    color: "{{ this.color }}", weight: 3, opacity: 0.65, className: "bm-corridor"
                }).bindTooltip(rows[i][1], {sticky: true}).addTo(group);
            }
        })();
        {% endmacro %}
    """)

    def __init__(self, rows: Sequence[Sequence]):
        super().__init__()
        self._name = "CorridorLayer"
        self.color = CORRIDOR_COLOR
        self.rows_json = _json_for_script([list(r) for r in rows])


class MapChrome(_RawMacro):
    """Legend, a notice shown when tiles cannot load, and a plain background behind them."""

    _template = Template("""
        {% macro header(this, kwargs) %}
        <style>
          .leaflet-container { background: #e9ecef; }
          .bm-legend { background: rgba(255,255,255,0.92); padding: 6px 9px; font: 12px/1.35 sans-serif;
                       border-radius: 4px; box-shadow: 0 1px 4px rgba(0,0,0,0.3); max-width: 240px; }
          .bm-legend i { display: inline-block; width: 11px; height: 11px; border-radius: 50%;
                         margin-right: 5px; border: 1px solid #222; vertical-align: -1px; }
          .bm-legend .bm-line { border-radius: 0; height: 3px; border: 0; vertical-align: 3px; }
          .bm-notice { background: #fff3cd; color: #664d03; padding: 4px 8px; font: 12px sans-serif;
                       border: 1px solid #ffe69c; border-radius: 4px; display: none; }
          .bm-popup { font: 13px/1.4 sans-serif; }
        </style>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        (function () {
            var map = {{ this._parent.get_name() }};
            var legend = L.control({position: "bottomleft"});
            legend.onAdd = function () {
                var div = L.DomUtil.create("div", "bm-legend");
                div.innerHTML = {{ this.legend_json }};
                return div;
            };
            legend.addTo(map);
            var notice = L.control({position: "topright"});
            notice.onAdd = function () {
                var div = L.DomUtil.create("div", "bm-notice bm-tiles-notice");
                div.textContent = "Map tiles unavailable (offline?): the map is drawn without them.";
                return div;
            };
            notice.addTo(map);
            var failures = 0;
            map.eachLayer(function (layer) {
                if (layer instanceof L.TileLayer) {
                    layer.on("tileerror", function () {
                        failures += 1;
                        var el = document.querySelector(".bm-tiles-notice");
                        if (el) { el.style.display = "block"; }
                    });
                    layer.on("tileload", function () {
                        var el = document.querySelector(".bm-tiles-notice");
                        if (el && failures === 0) { el.style.display = "none"; }
                    });
                }
            });
        })();
        {% endmacro %}
    """)

    def __init__(self, kinds: Iterable[str] = KINDS):
        super().__init__()
        self._name = "MapChrome"
        self.legend_json = _json_for_script(legend_html(kinds))


def legend_html(kinds: Iterable[str] = KINDS) -> str:
    """The legend's inner HTML: kind colours, size by deaths, hotspots, corridors."""
    rows = ["<b>What happened</b>"]
    for kind in kinds:
        rows.append(f'<div class="bm-legend-kind" data-kind="{kind}"><i style="background:{KIND_COLORS[kind]}"></i>'
                    f"{esc(KIND_LABELS[kind])}</div>")
    rows.append("<div><small>Circle size grows with the number of dead.</small></div>")
    rows.append(f'<div><i style="background:{HOTSPOT_COLOR};opacity:0.5;border-style:dashed"></i>'
                "Protest hotspot</div>")
    rows.append(f'<div><i class="bm-line" style="background:{CORRIDOR_COLOR}"></i>Road corridor</div>')
    from geo.changes import legend_rows  # day-over-day styles; imported here: geo.changes imports this module
    rows.append(legend_rows())
    return "".join(rows)


def _bounds(dataset: Dataset) -> list[list[float]] | None:
    frames = [f for f in (dataset.events, dataset.hotspots) if len(f)]
    if not frames and not len(dataset.corridors):
        return None
    xs, ys = [], []
    for f in frames:
        xs += [f["lon"].min(), f["lon"].max()]
        ys += [f["lat"].min(), f["lat"].max()]
    if len(dataset.corridors):
        x0, y0, x1, y1 = dataset.corridors.total_bounds
        xs += [x0, x1]
        ys += [y0, y1]
    return [[min(ys), min(xs)], [max(ys), max(xs)]]


def _use_assets(m: folium.Map, mode: str) -> None:
    m.default_js = [(name, assets.url_for(name, mode)) for name in assets.MAP_JS]
    m.default_css = [(name, assets.url_for(name, mode)) for name in assets.MAP_CSS]


def base_map(dataset: Dataset, asset_mode: str = "static", tiles: bool = True) -> folium.Map:
    """The map without the day's layers: the data folder's basemap (see :mod:`geo.basemap`),
    tiles, corridors, legend, scale and notices.

    Parameters
    ----------
    dataset : Dataset
    asset_mode : {'static', 'placeholder'}
        ``static`` loads Leaflet from the dashboard's ``/app/static/vendor``; ``placeholder``
        marks the links for :func:`geo.assets.inline_assets` (exported HTML).
    tiles : bool
        Add the OpenStreetMap tile layer (the only thing fetched online).
    """
    m = folium.Map(location=DEFAULT_CENTER, zoom_start=DEFAULT_ZOOM, tiles=None,
                   control_scale=True, prefer_canvas=False)
    _use_assets(m, asset_mode)
    if tiles:
        folium.TileLayer(_TILES, attr=TILES_ATTRIBUTION, name="OpenStreetMap", max_zoom=18).add_to(m)
    bounds = _bounds(dataset)
    if bounds:
        fit = folium.map.FitBounds(bounds, padding=(10, 10))
        fit.options["animate"] = False  # no pan animation on load: stable for people and screenshots
        fit.add_to(m)
    from geo.basemap import add_basemap  # geo.basemap builds on this module
    add_basemap(m, dataset.folder, asset_mode)
    if len(dataset.corridors):
        corridors = folium.FeatureGroup(name="Road corridors", control=False)
        CorridorLayer(corridor_rows(dataset.corridors)).add_to(corridors)
        corridors.add_to(m)
    MapChrome().add_to(m)
    return m


def corridor_rows(corridors) -> list[list]:
    """The CorridorLayer rows: ``[[[lat, lon], ...], tooltip]`` per line (a MultiLineString gives several)."""
    rows = []
    for row in corridors.itertuples(index=False):
        tooltip = esc(f"{row.name} ({', '.join(row.roads)})")
        rows += [[[list(p) for p in part], tooltip] for part in _line_latlons(row.geometry)]
    return rows


def _line_latlons(geometry) -> list[list[tuple[float, float]]]:
    parts = geometry.geoms if geometry.geom_type == "MultiLineString" else [geometry]
    return [[(round(y, 5), round(x, 5)) for x, y in part.coords] for part in parts]


def event_row(e: dict) -> list:
    """The PointLayer row of one event record: position, CSS class, colour, radius, popup, tooltip."""
    return [round(e["lat"], 5), round(e["lon"], 5), f"bm-event bm-kind-{e['kind']}",
            KIND_COLORS.get(e["kind"], "#000"), marker_radius(e["fatalities"]),
            popup_html(e), tooltip_text(e)]


def event_rows(events) -> list[list]:
    """The PointLayer rows for an events frame (largest circles first, so small ones stay clickable)."""
    from geo.timeline import event_record
    records = [event_record(r) for r in events.itertuples(index=False)]
    records.sort(key=lambda e: -int(e["fatalities"]))
    return [event_row(e) for e in records]


def hotspot_rows(hotspots) -> list[list]:
    """The HotspotLayer rows: radius 15/25/40 km by level."""
    radius = {1: 15000, 2: 25000, 3: 40000}
    return [[round(h.lat, 5), round(h.lon, 5), radius.get(int(h.level), 15000),
             esc(f"Hotspot: {h.name} ({h.region}), level {int(h.level)}, {_dates(h.start, h.end)}")]
            for h in hotspots.itertuples(index=False)]


def aggregation_note(selected: int, cells: int, in_view: int = 0) -> str:
    """The sentence shown when events are drawn as cells: how many, as how many cells, and what to do.

    ``in_view`` is the number drawn one by one because they lie in the map's current view.
    """
    if in_view:
        return (f"{in_view:,} events in view drawn one by one; the other {selected - in_view:,} "
                f"shown as {cells:,} cells; zoom or filter to see individual points")
    return f"{selected:,} events shown as {cells:,} cells; zoom or filter to see individual points"


def layers_note(layers: Iterable[folium.FeatureGroup]) -> str | None:
    """The aggregation note of the :class:`CellLayer` among ``layers``, or None when every event
    is drawn on its own."""
    for group in layers:
        for child in group._children.values():
            if isinstance(child, CellLayer):
                return child.note
    return None


def leaflet_bounds(value: object) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """``((south, west), (north, east))`` from Leaflet's bounds object as streamlit-folium returns it
    (``{"_southWest": {"lat", "lng"}, "_northEast": {...}}``), or None when it holds no bounds."""
    try:
        sw, ne = value["_southWest"], value["_northEast"]  # type: ignore[index]
        south, west, north, east = (float(sw["lat"]), float(sw["lng"]), float(ne["lat"]), float(ne["lng"]))
    except (KeyError, TypeError, ValueError):
        return None
    if not all(math.isfinite(v) for v in (south, west, north, east)) or south > north or west > east:
        return None
    return (south, west), (north, east)


def day_layers(dataset: Dataset, view: View,
               bounds: tuple[tuple[float, float], tuple[float, float]] | None = None) -> list[folium.FeatureGroup]:
    """The layers that change with the view: hotspots first, then events on top.

    Up to :data:`geo.mapindex.AGGREGATE_OVER` events are drawn one circle each, with
    popups; more are drawn as counted grid cells (:class:`CellLayer`) with a note saying so.
    Given the map's current ``bounds`` (``((south, west), (north, east))``), the events
    inside them are drawn one by one as soon as they are few enough, and only the others
    as cells: zooming in shows each event.
    """
    hotspots = folium.FeatureGroup(name="Hotspots")
    HotspotLayer(hotspot_rows(select_hotspots(dataset, view))).add_to(hotspots)
    events = folium.FeatureGroup(name="Events")
    index = event_index(dataset)
    positions = index.select(view)
    if len(positions) <= AGGREGATE_OVER:
        PointLayer(rows_json=index.rows_json(positions), name="EventLayer").add_to(events)
        return [hotspots, events]
    inside = index.within(positions, bounds) if bounds else positions[:0]
    if not 0 < len(inside) <= AGGREGATE_OVER:
        inside = positions[:0]
    outside = np.setdiff1d(positions, inside, assume_unique=True)
    cells = index.cells(outside, cell_size(bounds or index.extent()))
    CellLayer(cells, aggregation_note(len(positions), len(cells), len(inside))).add_to(events)
    if len(inside):
        PointLayer(rows_json=index.rows_json(inside), name="EventLayer").add_to(events)
    return [hotspots, events]


def build_map(dataset: Dataset, view: View, asset_mode: str = "placeholder", tiles: bool = True) -> folium.Map:
    """A complete map of one view, as the dashboard draws it (base map, the view's layers and,
    when every event is its own marker, the day-over-day rings), e.g. for export."""
    from geo.changes import change_layers  # geo.changes builds on this module
    m = base_map(dataset, asset_mode=asset_mode, tiles=tiles)
    layers = day_layers(dataset, view)
    if not layers_note(layers):  # rings go underneath, so every marker stays on top
        layers = change_layers(dataset, view) + layers
    for layer in layers:
        layer.add_to(m)
    return m


def standalone_html(m: folium.Map) -> str:
    """Render a map built with ``asset_mode='placeholder'`` as one self-contained HTML file."""
    return assets.inline_assets(m.get_root().render())


def legend_kinds(dataset: Dataset) -> list[str]:
    """Kinds that occur in the dataset, for a legend that lists only what can appear."""
    return kinds_present(dataset.events["kind"]) or list(KINDS)
