"""The day-by-day map: what happened where, with sources, and national counts beside it."""
import streamlit as st
from streamlit_folium import st_folium

from geo.changes import change_layers
from geo.maps import base_map, day_layers
from geo.timeline import day_summary, mapped_vs_reported
from ui import controls
from ui.data import get_dataset
from ui.changes import changes_list
from ui.exports import export_panel
from ui.tables import events_table

ds = get_dataset()
view = controls.page_view(ds)
export_panel(ds, view)

summary = day_summary(ds, view.day, view.kinds, view.regions, view.mode)
heading = "Everything up to" if view.mode == "cumulative" else "Blockades and protests on"
st.title(f"{heading} {view.day}")
st.caption(f"Peru's general strike, December 2022 to January 2023 · {view.summary()}")

map_col, side_col = st.columns([3, 1])
with map_col:
    st_folium(base_map(ds), key="blockade-map", height=620, use_container_width=True,
              feature_group_to_add=day_layers(ds, view) + change_layers(ds, view), returned_objects=[])
with side_col:
    totals = summary["totals"]
    if not summary["events"]:
        st.info(f"Nothing is mapped for {view.day} with these filters. That does not mean nothing "
                "happened: only reports with a place and a source are mapped.")
    a, b = st.columns(2)
    a.metric("Events mapped", totals["events"])
    b.metric("Dead (mapped)", totals["fatalities"])
    a.metric("Blockades", totals["blockade"])
    b.metric("Clashes", totals["clash"])
    st.markdown("**Reported nationwide** (not points on the map)")
    lines = mapped_vs_reported(summary)
    st.markdown("\n".join(f"- {line}" for line in lines) if lines else "_No national count for this day._")
    if summary["hotspots"]:
        st.markdown("**Hotspots:** " + ", ".join(h["name"] for h in summary["hotspots"]))
    changes_list(ds, view)

st.subheader("What happened, and who reported it")
if summary["events"]:
    events_table(summary["events"])
controls.advance_if_playing(ds)
