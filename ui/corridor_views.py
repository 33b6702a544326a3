"""Streamlit glue of the corridors page: the day's corridor view, status table and route answer."""
from __future__ import annotations

import shlex

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geo.core.dataset import Dataset
from geo.core.escape import escape_markdown
from geo.core.view import View
from geo.network.report import CorridorDay, corridor_day, route_rows, route_sentence
from geo.network.routing import RouteResult
from geo.render.corridors import CUT_HALF_WIDTH_KM, corridor_base_map, cut_layer, route_layers
from geo.render.maps import day_layers

#: The route the form asks about first (the planner's question in issue 3).
DEFAULT_ROUTE = ("Juliaca", "Arequipa")
STATUS_WORDS = {"cut": "Cut", "open": "Open"}


def day_view(ds: Dataset, day: str) -> CorridorDay:
    """The corridors on ``day``, blockades snapped once, days cut counted from the data's first day."""
    return corridor_day(ds.events, ds.corridors, day, since=min(ds.first_day or day, day))


def corridor_map(ds: Dataset, cd: CorridorDay, result: RouteResult | None = None) -> None:
    """The corridors with their towns; the day's blockades, the route asked for and the cut
    stretches in red on top. The base map stays while the day and the route change."""
    line, marks = route_layers(cd, result)
    blockades = day_layers(ds, View(cd.day, kinds=("blockade",))).groups[-1:]  # the events, not the hotspots
    layers = blockades + [line, cut_layer(cd), marks]
    st_folium(corridor_base_map(ds, cd), key="corridor-map", height=600, use_container_width=True,
              feature_group_to_add=layers, returned_objects=[])
    st.caption(f"Red: road cut, drawn {CUT_HALF_WIDTH_KM:g} km either side of each blockade on it. Orange dots: "
               "the day's blockades; those farther than 2 km from a corridor cut none. Blue: the route "
               "asked for, its cuts numbered in order of travel.")


def status_table(cd: CorridorDay) -> None:
    """One row per corridor: status, its cuts with km and place, days cut so far."""
    rows = pd.DataFrame(cd.table())
    label = f"Days cut {cd.since} – {cd.day}"
    rows = rows.rename(columns={"corridor": "Corridor", "status": "Status",
                                "cuts": "Cut at (km from the corridor's start, place)",
                                "days_cut": label}).drop(columns="id")
    rows["Status"] = rows["Status"].map(STATUS_WORDS)
    st.dataframe(rows, hide_index=True, width="stretch")


def route_answer(cd: CorridorDay, origin: str, destination: str) -> tuple[RouteResult, str]:
    """The route result and the sentence the CLI prints for it."""
    result = cd.route(origin, destination)
    return result, route_sentence(result, cd.day, cd.names)


def _default_index(towns: list[str], name: str, fallback: int) -> int:
    return towns.index(name) if name in towns else min(fallback, len(towns) - 1)


def route_form(cd: CorridorDay) -> RouteResult | None:
    """From/to select boxes and the answer, passable or not; returns the route (for the map
    and :func:`route_cuts`), or None when there is no route to check."""
    towns = cd.towns()
    if len(towns) < 2:
        st.info("The corridor network has fewer than two towns: there is no route to check.")
        return None
    with st.form("route_check", border=False):
        a, b, c = st.columns([2, 2, 1], vertical_alignment="bottom")
        origin = a.selectbox("From", towns, index=_default_index(towns, DEFAULT_ROUTE[0], 0),
                             key="route_from")
        destination = b.selectbox("To", towns, index=_default_index(towns, DEFAULT_ROUTE[1], 1),
                                  key="route_to")
        c.form_submit_button("Check the route", icon=":material/local_shipping:", width="stretch")
    result, sentence = route_answer(cd, origin, destination)
    (st.success if result.passable else st.error)(escape_markdown(sentence))
    st.caption(escape_markdown(f"Same answer on the command line: blockade-map route {shlex.quote(origin)} "
                               f"{shlex.quote(destination)} --date {cd.day}"))
    return result


def route_cuts(cd: CorridorDay, result: RouteResult | None) -> None:
    """The route's cuts in order of travel, numbered as on the map (nothing when it has none)."""
    if result is None or not result.cuts:
        return
    st.subheader(escape_markdown(f"Cuts on the way from {result.from_} to {result.to}"))
    origin_km = f"km from {result.from_}"
    st.dataframe(pd.DataFrame(route_rows(result, cd.names)), hide_index=True, width="stretch",
                 column_config={
                     "#": st.column_config.NumberColumn(help="As numbered on the map"),
                     origin_km: st.column_config.NumberColumn(format="%.1f",
                                                              help="Along the route, from where the truck starts"),
                     "km past that town": st.column_config.NumberColumn(format="%.1f"),
                     "km along the corridor": st.column_config.NumberColumn(
                         format="%.1f", help="From the corridor's first town, as in the status table below")})
