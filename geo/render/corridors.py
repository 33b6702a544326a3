"""The corridors page's map: the day's cut stretches in red, the towns, and the route asked for.

The base map of the page (:func:`corridor_base_map`) holds what does not change with the day:
the corridors, their towns (junctions and ends always named, the others once zoomed in) and
the page's own legend. The day's layers are the cut stretches (:func:`cut_layer`) and the route
(:func:`route_layers`): a line along the corridors through the towns it passes, its ends
named and a numbered mark at each cut, in the order the table lists them.

Everything drawn here is read from a :class:`~geo.network.report.CorridorDay` and a
:class:`~geo.network.routing.RouteResult`, computed whole in :mod:`geo.network`: nothing here
snaps, cuts, measures or builds the network.
"""
from __future__ import annotations

import folium

from geo.core.dataset import Dataset
from geo.core.escape import escape_html
from geo.core.i18n import ENGLISH, N_, Translator
from geo.network.report import CUT_HALF_WIDTH_KM, CorridorDay, cut_place, cut_where
from geo.network.routing import RouteResult
from geo.render.layers import corridor_layer, feature_group
from geo.render.leaflet import JsCall
from geo.render.maps import base_map
from geo.render.popups import line_latlons
from geo.render.style import CORRIDOR_COLOR, CUT_COLOR, KIND_COLORS, ROUTE_COLOR

CUT_LINE = {"color": CUT_COLOR, "weight": 8, "opacity": 0.9, "className": "bm-cut"}
ROUTE_LINE = {"color": ROUTE_COLOR, "weight": 6, "opacity": 0.75, "lineCap": "round", "lineJoin": "round",
              "className": "bm-route"}
#: From this zoom on, every town of the corridors is named (below it, only junctions and ends).
TOWN_LABEL_ZOOM = 8


def cut_layer(cd: CorridorDay, t: Translator = ENGLISH) -> folium.FeatureGroup:
    """The day's cut stretches (:attr:`CorridorDay.segments`) as thick red lines (CSS class
    ``bm-cut``), long enough to stay visible over the blockade marker at the scale of the
    network; each tooltip names the corridor, the km and the place (escaped).
    """
    if not isinstance(cd, CorridorDay):
        raise TypeError(f"cd must be a CorridorDay, got {type(cd).__name__}")
    names = cd.names
    rows = []
    for row in cd.segments.itertuples(index=False):
        label = escape_html(t.gettext("Cut: {corridor}, km {km} ({place})").format(
            corridor=names.get(row.corridor, row.corridor), km=t.number(row.km, 1),
            place=cd.place_of({"event": row.event, "place": row.place}, t) or t.gettext("a blockade")))
        rows += [[[list(p) for p in part], label] for part in line_latlons(row.geometry)]
    return feature_group(t.gettext("Cut on {day}").format(day=cd.day), corridor_layer(rows, CUT_LINE))


def town_rows(cd: CorridorDay) -> list[list]:
    """``[lat, lon, name, major]`` per town of the network; ``major`` for junctions and ends."""
    net = cd.network
    degree: dict[str, set[str]] = {}
    for e in net.edges:
        degree.setdefault(e.a, set()).add(e.corridor)
        degree.setdefault(e.b, set()).add(e.corridor)
    ends = set()
    for cid in net.corridor_ids:
        stretch = [e for e in net.edges if e.corridor == cid]
        if stretch:
            ends |= {stretch[0].a, stretch[-1].b}
    rows = []
    for key, name in sorted(net.towns.items(), key=lambda kv: kv[1]):
        lon, lat = net.points[key]
        rows.append([round(lat, 5), round(lon, 5), escape_html(name), key in ends or len(degree.get(key, ())) > 1])
    return rows


#: The corridors legend's words (marked here: the extractor does not look inside f-strings).
LEGEND_WORDS = {"title": N_("Roads on this day"), "corridor": N_("Road corridor"),
                "cut": N_("Road cut ({km} km each side of a blockade)"), "blockade": N_("Blockade that day"),
                "route": N_("Route asked for"), "route_cut": N_("Cut on the route, in order of travel"),
                "town": N_("Town (all named once zoomed in)")}


def legend_html(t: Translator = ENGLISH) -> str:
    """The corridors map's legend: corridors, cut stretches, blockades, the route, its cuts, towns."""

    def words(message: str, **values) -> str:
        return escape_html(t.gettext(message).format(**values))
    return "".join([
        f'<details class="bm-legend-fold" open><summary><b>{words(LEGEND_WORDS["title"])}</b></summary>',
        f'<div><i class="bm-line" style="background:{CORRIDOR_COLOR}"></i>{words(LEGEND_WORDS["corridor"])}</div>',
        f'<div class="bm-legend-cut"><i class="bm-line" style="background:{CUT_COLOR};height:6px;vertical-align:1px">'
        f"</i>{words(LEGEND_WORDS['cut'], km=t.number(CUT_HALF_WIDTH_KM))}</div>",
        f'<div><i style="background:{KIND_COLORS["blockade"]}"></i>{words(LEGEND_WORDS["blockade"])}</div>',
        f'<div class="bm-legend-route"><i class="bm-line" style="background:{ROUTE_COLOR};height:5px;'
        f'vertical-align:2px"></i>{words(LEGEND_WORDS["route"])}</div>',
        f'<div><span class="bm-route-cut bm-legend-badge">1</span>{words(LEGEND_WORDS["route_cut"])}'
        "</div>",
        f'<div><i style="background:#fff;width:7px;height:7px"></i>{words(LEGEND_WORDS["town"])}</div>',
        "</details>",
    ])


def corridor_base_map(ds: Dataset, cd: CorridorDay, asset_mode: str = "static",
                      t: Translator = ENGLISH) -> folium.Map:
    """The corridors page's base map: framed on the corridors, towns named, its own legend."""
    m = base_map(ds, asset_mode=asset_mode, frame=cd.bounds, legend=False, t=t)
    if len(cd.corridors):
        feature_group(t.gettext("Towns"), JsCall("townLayer", town_rows(cd), TOWN_LABEL_ZOOM, name="TownLayer"),
                      control=False).add_to(m)
    # The corridors' south-west (Arequipa, the coast) is busy and their south-east empty (Bolivia, Chile).
    JsCall("legend", legend_html(t), "bottomright", name="CorridorLegend").add_to(m)
    return m


def route_layers(result: RouteResult | None,
                 t: Translator = ENGLISH) -> tuple[folium.FeatureGroup, folium.FeatureGroup]:
    """The route asked for: ``(line, marks)``, to draw under and over the cut stretches.

    ``line`` runs along the corridors through the towns of the route; ``marks`` names its two
    ends and puts a numbered mark at each cut on it (numbers as in the route's table). Both
    are empty when there is no route (unknown towns, or towns no corridor connects).
    """
    line, marks = feature_group(t.gettext("Route")), feature_group(t.gettext("Route ends and cuts"))
    if result is None or len(result.points) < 2:
        return line, marks
    state = t.gettext("passable") if result.passable else t.gettext("NOT passable")
    tip = escape_html(t.gettext("Route {origin} → {destination}: {state}").format(
        origin=result.from_, destination=result.to, state=state))
    corridor_layer([[[[round(lat, 5), round(lon, 5)] for lon, lat in result.points], tip]], ROUTE_LINE).add_to(line)
    badges = []
    ends = (result.points[0], result.points[-1])  # the route's first and last towns
    for label, town, (lon, lat) in zip((t.gettext("From {town}"), t.gettext("To {town}")), (result.from_, result.to),
                                       ends, strict=True):
        pill = f"<span>{escape_html(label.format(town=town))}</span>"
        badges.append([round(lat, 5), round(lon, 5), pill, "bm-route-end", tip])
    for i, cut in enumerate(result.cuts, 1):
        lon, lat = cut["lon"], cut["lat"]  # its point on the road (CorridorDay.route)
        text = t.gettext("Cut {n}: {where}, at {place}").format(
            n=i, where=cut_where(cut, result.from_, t), place=cut_place(cut, t))
        badges.append([round(lat, 5), round(lon, 5), str(i), "bm-route-cut", escape_html(text)])
    JsCall("badgeLayer", badges, name="RouteMarks").add_to(marks)
    return line, marks
