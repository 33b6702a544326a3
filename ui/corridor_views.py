"""Streamlit glue of the corridors page: the day's corridor view, status table and route answer."""
from __future__ import annotations

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geo.core.dataset import Dataset
from geo.core.view import View
from geo.network.report import CorridorDay, corridor_day, route_sentence
from geo.network.routing import RouteResult
from geo.render.corridors import cut_layer
from geo.render.maps import base_map, day_layers
from ui import i18n
from ui.i18n import _

#: The route the form asks about first (the planner's question in issue 3).
DEFAULT_ROUTE = ("Juliaca", "Arequipa")


def day_view(ds: Dataset, day: str) -> CorridorDay:
    """The corridors on ``day``, blockades snapped once, days cut counted from the data's first day."""
    return corridor_day(ds.events, ds.corridors, day, since=min(ds.first_day or day, day))


def corridor_map(ds: Dataset, cd: CorridorDay) -> None:
    """The base map framed on the corridors, the day's blockades, the cut stretches in red on top."""
    t = i18n.translator()
    m = base_map(ds, frame=cd.bounds(), lang=t)
    layers = day_layers(ds, View(cd.day, kinds=("blockade",)), lang=t).groups + [cut_layer(cd, lang=t)]
    st_folium(m, key="corridor-map", height=560, use_container_width=True,
              feature_group_to_add=layers, returned_objects=[])
    st.caption(_("Red: road cut, drawn 5 km either side of each blockade on it. Orange dots: the "
                 "day's blockades; those farther than 2 km from a corridor cut none."))


def status_table(cd: CorridorDay) -> None:
    """One row per corridor: status, its cuts with km and place, days cut so far."""
    rows = pd.DataFrame(cd.table(i18n.translator()))
    label = _("Days cut {first} – {last}").format(first=cd.since, last=cd.day)
    status = _("Status")
    rows = rows.rename(columns={"corridor": _("Corridor"), "status": status,
                                "cuts": _("Cut at (km from the corridor's start, place)"),
                                "days_cut": label}).drop(columns="id")
    rows[status] = rows[status].map({"cut": "⛔ " + _("cut"), "open": "✅ " + _("open")})
    st.dataframe(rows, hide_index=True, width="stretch")


def route_answer(cd: CorridorDay, origin: str, destination: str) -> tuple[RouteResult, str]:
    """The route result and the sentence the CLI prints for it."""
    result = cd.route(origin, destination)
    return result, route_sentence(result, cd.day, cd.names, i18n.translator())


def _default_index(towns: list[str], name: str, fallback: int) -> int:
    return towns.index(name) if name in towns else min(fallback, len(towns) - 1)


def route_form(cd: CorridorDay) -> None:
    """From/to select boxes; answers passable or not with the cuts in order and their km."""
    towns = cd.towns()
    if len(towns) < 2:
        st.info(_("The corridor network has fewer than two towns: there is no route to check."))
        return
    with st.form("route_check"):
        a, b = st.columns(2)
        origin = a.selectbox(_("From"), towns, index=_default_index(towns, DEFAULT_ROUTE[0], 0),
                             key="route_from")
        destination = b.selectbox(_("To"), towns, index=_default_index(towns, DEFAULT_ROUTE[1], 1),
                                  key="route_to")
        st.form_submit_button(_("Can a truck get through?"))
    result, sentence = route_answer(cd, origin, destination)
    (st.success if result.passable else st.error)(sentence)
    if result.cuts:
        st.dataframe(pd.DataFrame([{
            "#": i + 1, _("Corridor"): cd.names.get(c["corridor"], c["corridor"]), "km": c["km"],
            _("Place"): c["place"], _("Event"): c["event"]} for i, c in enumerate(result.cuts)]),
            hide_index=True, width="stretch")
    command = f"blockade-map route \"{origin}\" \"{destination}\" --date {cd.day}"
    if i18n.lang() != "en":
        command += f" --lang {i18n.lang()}"
    st.caption(_("Same answer on the command line: {command}").format(command=command))
