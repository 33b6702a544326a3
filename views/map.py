"""The day-by-day map: what happened where, with sources, and national counts beside it."""
import streamlit as st
from streamlit_folium import st_folium

from geo.changes import change_layers
from geo.mapindex import AGGREGATE_OVER, TABLE_LIMIT, event_index
from geo.maps import base_map, day_layers, layers_note, leaflet_bounds
from geo.timeline import mapped_vs_reported, reported_on, select_hotspots
from ui import controls
from ui.data import get_dataset
from ui.changes import changes_list
from ui.exports import export_panel
from ui.tables import events_table

ds = get_dataset()
view = controls.page_view(ds)
export_panel(ds, view)

index = event_index(ds)  # built once per dataset load: the view is a few numpy operations
positions = index.select(view)
totals = index.totals(positions)
reported = reported_on(ds, view.day)
heading = "Everything up to" if view.mode == "cumulative" else "Blockades and protests on"
st.title(f"{heading} {view.day}")
st.caption(f"Peru's general strike, December 2022 to January 2023 · {view.summary()}")

map_col, side_col = st.columns([3, 1])
with map_col:
    # Past the threshold events are drawn as cells; then the map reports its bounds (a rerun
    # on pan and zoom) so that the events in view are drawn one by one once they are few.
    # streamlit-folium reads returned_objects when the map mounts: each mode has its own key.
    # Day-over-day rings mark single markers, so they are drawn when every event is one.
    aggregated = len(positions) > AGGREGATE_OVER
    map_key = "blockade-map-cells" if aggregated else "blockade-map"
    bounds = leaflet_bounds((st.session_state.get(map_key) or {}).get("bounds")) if aggregated else None
    layers = day_layers(ds, view, bounds=bounds)
    st_folium(base_map(ds), key=map_key, height=620, use_container_width=True,
              feature_group_to_add=([] if aggregated else change_layers(ds, view)) + layers,
              returned_objects=["bounds"] if aggregated else [])
    note = layers_note(layers)
    if note:
        st.caption(f"{note}.")
with side_col:
    if not len(positions):
        st.info(f"Nothing is mapped for {view.day} with these filters. That does not mean nothing "
                "happened: only reports with a place and a source are mapped.")
    a, b = st.columns(2)
    a.metric("Events mapped", totals["events"])
    b.metric("Dead (mapped)", totals["fatalities"])
    a.metric("Blockades", totals["blockade"])
    b.metric("Clashes", totals["clash"])
    st.markdown("**Reported nationwide** (not points on the map)")
    lines = mapped_vs_reported({"totals": totals, "reported": reported}, mapped=index.mapped(positions))
    st.markdown("\n".join(f"- {line}" for line in lines) if lines else "_No national count for this day._")
    hotspots = select_hotspots(ds, view)
    if len(hotspots):
        st.markdown("**Hotspots:** " + ", ".join(hotspots["name"]))
    changes_list(ds, view)

st.subheader("What happened, and who reported it")
if len(positions):
    if len(positions) > TABLE_LIMIT:
        st.caption(f"The first {TABLE_LIMIT:,} of {len(positions):,} events, by start date; "
                   "filter by kind or region to list fewer.")
    events_table(index.records(positions[:TABLE_LIMIT]))
controls.advance_if_playing(ds)
