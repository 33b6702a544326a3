"""Corridors and routes: which roads are cut on the day, and can a truck get through?"""
import streamlit as st

from ui import controls
from ui.corridor_views import corridor_map, day_view, route_cuts, route_form, status_table
from ui.data import get_dataset
from ui.navigation import require_app

require_app()

ds = get_dataset()
view = controls.page_view(ds)

st.title(f"Road corridors on {view.day}")
st.caption("A corridor is cut when an active blockade lies within 2 km of it. Every mapped blockade "
           "counts here, whatever the kinds and regions chosen for the map.")
if not len(ds.corridors):
    st.info("This data has no road corridors (corridors.geojson is missing or empty).")
    st.stop()

cd = day_view(ds, view.day)
status = cd.status()
cut = [s for s in status if s["status"] == "cut"]
st.markdown(f"**{len(cut)} of {len(status)} corridors cut** on {view.day}."
            if cut else f"**All {len(status)} corridors open** on {view.day}: no mapped blockade on them.")

st.subheader("Can a truck get through?")
result = route_form(cd)
corridor_map(ds, cd, result)
route_cuts(cd, result)

st.subheader("Status of each corridor")
status_table(cd)
