"""The map page's parts beside and below the map: the side panel and the map itself."""
from __future__ import annotations

import numpy as np
import streamlit as st
from streamlit_folium import st_folium

from geo.core.dataset import Dataset
from geo.core.escape import escape_markdown
from geo.core.index import AGGREGATE_OVER
from geo.core.view import View
from geo.query.active import mapped_vs_reported, reported_on, select_hotspots
from geo.query.framing import first_view_frame
from geo.render.maps import base_map, leaflet_bounds, view_layers
from ui import i18n, state
from ui.changes import changes_list
from ui.i18n import _

#: Session state key of the session's base map (:func:`_session_base_map`).
BASE_MAP = "_base_map"


def day_map(ds: Dataset, view: View, positions: np.ndarray) -> None:
    """The map of the view: a stable base map, the view's layers swapped in by day.

    The map opens framed on the events of the first view of the session (the featured day,
    or the day of a shared link) with a margin. That frame is kept: changing the day swaps
    only the layers, so the reader's pan and zoom stay where they put them.

    Past :data:`AGGREGATE_OVER` events are drawn as cells; then the map reports its bounds (a
    rerun on pan and zoom) so that the events in view are drawn one by one once they are few.
    streamlit-folium reads ``returned_objects`` when the map mounts: each mode has its own key.
    """
    aggregated = len(positions) > AGGREGATE_OVER
    map_key = "blockade-map-cells" if aggregated else "blockade-map"
    bounds = leaflet_bounds((st.session_state.get(map_key) or {}).get("bounds")) if aggregated else None
    t = i18n.translator()
    layers = view_layers(ds, view, bounds=bounds, lang=t)
    if state.MAP_FRAME not in st.session_state:  # once per session: later views keep the reader's frame
        st.session_state[state.MAP_FRAME] = first_view_frame(ds, view)
    frame = st.session_state[state.MAP_FRAME]
    m = _session_base_map(ds, frame, t)
    groups = layers.extra + layers.groups
    try:
        st_folium(m, key=map_key, height=620, use_container_width=True, feature_group_to_add=groups,
                  returned_objects=["bounds"] if aggregated else [])
    finally:
        for group in groups:  # st_folium adds the day's groups to the map: the kept map stays bare
            m._children.pop(group.get_name(), None)
    if layers.note:
        st.caption(f"{escape_markdown(layers.note)}.")


def _session_base_map(ds: Dataset, frame, t):
    """The session's base map, built once per dataset, frame and language and kept in the session.

    The base map (tiles, basemap, corridors, legend) is the same at every step of the day, and
    building it anew each rerun cost more than the day's layers at small sizes.
    """
    key = (id(ds), repr(frame), t.lang)
    kept = st.session_state.get(BASE_MAP)
    if kept is None or kept[0] != key:
        kept = (key, ds, base_map(ds, frame=frame, lang=t))  # ds held so that its id stays its own
        st.session_state[BASE_MAP] = kept
    return kept[2]


def side_panel(ds: Dataset, view: View, positions: np.ndarray) -> None:
    """The day's totals, the reported counts beside what is mapped, hotspots, day over day."""
    t = i18n.translator()
    totals = ds.index.totals(positions)
    if not ds.covers(view.day):
        st.warning(escape_markdown(f"{ds.outside_note(view.day, t)}."))
    elif not len(positions):
        st.info(escape_markdown(_("Nothing is mapped for {day} with these filters. That does not mean "
                                  "nothing happened: only reports with a place and a source are mapped.").format(
            day=i18n.day(view.day))))
    a, b = st.columns(2)
    a.metric(_("Events mapped"), totals["events"])
    b.metric(_("Dead (mapped)"), totals["fatalities"])
    a.metric(_("Blockades"), totals["blockade"])
    b.metric(_("Clashes"), totals["clash"])
    st.markdown(_("**Reported nationwide** (not points on the map)"))
    lines = mapped_vs_reported(reported_on(ds, view.day), ds.index.mapped(positions), t)
    st.markdown("\n".join(f"- {escape_markdown(line)}" for line in lines) if lines
                else _("_No national count for this day._"))
    hotspots = select_hotspots(ds, view)
    if len(hotspots):
        st.markdown(_("**Hotspots:**") + " " + escape_markdown(", ".join(hotspots["name"])))
    changes_list(ds, view)
