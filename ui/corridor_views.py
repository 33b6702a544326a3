"""Streamlit glue of the corridors page: the day's corridor view, status table and route answer."""
from __future__ import annotations

import shlex

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geo.core.dataset import Dataset
from geo.core.escape import escape_markdown
from geo.core.view import View
from geo.network.report import CUT_HALF_WIDTH_KM, CorridorDay, corridor_day, route_columns, route_rows, route_sentence
from geo.network.routing import RouteResult
from geo.query.active import blockade_coverage
from geo.render.corridors import corridor_base_map, cut_layer, route_layers
from geo.render.maps import day_layers
from ui import i18n
from ui.i18n import _

#: The route the form asks about first (the planner's question in issue 3).
DEFAULT_ROUTE = ("Juliaca", "Arequipa")


def day_view(ds: Dataset, day: str) -> CorridorDay:
    """The corridors on ``day``, blockades snapped once, days cut counted from the data's first day."""
    return corridor_day(ds.events, ds.corridors, day, since=min(ds.first_day or day, day))


def corridor_map(ds: Dataset, cd: CorridorDay, result: RouteResult | None = None) -> None:
    """The corridors with their towns; the day's blockades, the route asked for and the cut
    stretches in red on top. The base map stays while the day and the route change."""
    t = i18n.translator()
    line, marks = route_layers(result, t)
    blockades = day_layers(ds, View(cd.day, kinds=("blockade",)), t=t).groups[-1:]  # the events, not the hotspots
    layers = blockades + [line, cut_layer(cd, t), marks]
    st_folium(corridor_base_map(ds, cd, t=t), key="corridor-map", height=600, use_container_width=True,
              feature_group_to_add=layers, returned_objects=[])
    st.caption(_("Red: road cut, drawn {km} km either side of each blockade on it. Orange dots: the day's "
                 "blockades; those farther than 2 km from a corridor cut none. Blue: the route asked for, its "
                 "cuts numbered in order of travel.").format(km=i18n.number(CUT_HALF_WIDTH_KM)))


def status_table(cd: CorridorDay) -> None:
    """One row per corridor: status, its cuts with km and place, days cut so far."""
    rows = pd.DataFrame(cd.table(i18n.translator()))
    label = _("Days cut {first} – {last}").format(first=i18n.table_day(cd.since), last=i18n.table_day(cd.day))
    status = _("Status")
    rows = rows.rename(columns={"corridor": _("Corridor"), "status": status,
                                "cuts": _("Cut at (km from the corridor's start, place)"),
                                "days_cut": label}).drop(columns="id")
    rows[status] = rows[status].map({"cut": _("Cut"), "open": _("Open")})
    st.dataframe(rows, hide_index=True, width="stretch")


def route_answer(cd: CorridorDay, origin: str, destination: str, ds=None) -> tuple[RouteResult, str]:
    """The route result and the sentence the CLI prints for it (with the day's coverage, and "no data"
    outside the data's days, when ``ds`` is given)."""
    result = cd.route(origin, destination)
    coverage = blockade_coverage(ds, cd.day) if ds is not None else None
    covered = ds.covers(cd.day) if ds is not None else True
    return result, route_sentence(result, cd.day, cd.names, i18n.translator(), coverage=coverage, covered=covered)


def _default_index(towns: list[str], name: str, fallback: int) -> int:
    return towns.index(name) if name in towns else min(fallback, len(towns) - 1)


def route_form(cd: CorridorDay, ds=None) -> RouteResult | None:
    """From/to select boxes and the answer, passable or not; returns the route (for the map
    and :func:`route_cuts`), or None when there is no route to check."""
    towns = cd.towns
    if len(towns) < 2:
        st.info(_("The corridor network has fewer than two towns: there is no route to check."))
        return None
    with st.form("route_check", border=False):
        a, b, c = st.columns([2, 2, 1], vertical_alignment="bottom")
        origin = a.selectbox(_("From"), towns, index=_default_index(towns, DEFAULT_ROUTE[0], 0),
                             key="route_from")
        destination = b.selectbox(_("To"), towns, index=_default_index(towns, DEFAULT_ROUTE[1], 1),
                                  key="route_to")
        c.form_submit_button(_("Check the route"), icon=":material/local_shipping:", width="stretch")
    t = i18n.translator()
    result, sentence = route_answer(cd, origin, destination, ds)
    if ds is not None and not ds.covers(cd.day):
        st.info(escape_markdown(sentence))  # no data: neither passable nor cut
    else:
        (st.success if result.passable else st.error)(escape_markdown(sentence))
    command = f"blockade-map route {shlex.quote(origin)} {shlex.quote(destination)} --date {cd.day}"
    if t.lang != "en":
        command += f" --lang {t.lang}"
    st.caption(escape_markdown(_("Same answer on the command line: {command}").format(command=command)))
    return result


def route_cuts(cd: CorridorDay, result: RouteResult | None) -> None:
    """The route's cuts in order of travel, numbered as on the map (nothing when it has none)."""
    if result is None or not result.cuts:
        return
    t = i18n.translator()
    st.subheader(escape_markdown(_("Cuts on the way from {origin} to {destination}").format(
        origin=result.from_, destination=result.to)))
    col = route_columns(result.from_, t)
    st.dataframe(pd.DataFrame(route_rows(result, cd.names, t)), hide_index=True, width="stretch",
                 column_config={
                     col["n"]: st.column_config.NumberColumn(help=_("As numbered on the map")),
                     col["trip_km"]: st.column_config.TextColumn(
                         help=_("Along the route, from where the truck starts")),
                     col["km"]: st.column_config.TextColumn(
                         help=_("From the corridor's first town, as in the status table below"))})
