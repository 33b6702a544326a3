"""The naive baseline: the map page as a plain folium dashboard would write it.

One ``folium.CircleMarker`` with a ``folium.Popup`` per event, the whole map rebuilt on
every rerun, ``st_folium`` with its defaults (everything in the main map string, every
object returned), and the page's summary and table built row by row as on ``main``
before the event index. Data loading is cached, as in any Streamlit app.
"""
import folium
import streamlit as st
from streamlit_folium import st_folium

from geo.render.style import CORRIDOR_COLOR, HOTSPOT_COLOR, KIND_COLORS
from geo.render.style import marker_radius
from geo.render.popups import popup_html, tooltip_text
from geo.store import load_dataset
from geo.store.layout import resolve_data_dir
from geo.query.active import day_summary, mapped_vs_reported
from ui import controls, state
from ui.tables import events_table


@st.cache_resource
def _dataset(folder: str):
    return load_dataset(folder)


ds = _dataset(str(resolve_data_dir()))
for warning in state.init_view_state(ds):
    st.warning(warning)
controls.view_controls(ds)
view = state.current_view()
state.write_view_to_url(view)
summary = day_summary(ds, view.day, view.kinds, view.regions, view.mode)
st.title(f"{'Everything up to' if view.mode == 'cumulative' else 'Blockades and protests on'} {view.day}")

m = folium.Map(location=(-14.5, -72.5), zoom_start=6)
for row in ds.corridors.itertuples(index=False):
    folium.PolyLine([(y, x) for x, y in row.geometry.coords], color=CORRIDOR_COLOR, weight=3,
                    tooltip=row.name).add_to(m)
for h in summary["hotspots"]:
    folium.Circle((h["lat"], h["lon"]), radius=15000 * h["level"], color=HOTSPOT_COLOR, fill=True,
                  tooltip=f"Hotspot: {h['name']}").add_to(m)
for e in summary["events"]:
    folium.CircleMarker((e["lat"], e["lon"]), radius=marker_radius(e["fatalities"]), color="#222", weight=1,
                        fill=True, fill_color=KIND_COLORS[e["kind"]], fill_opacity=0.85,
                        class_name=f"bm-event bm-kind-{e['kind']}",
                        popup=folium.Popup(popup_html(e), max_width=340), tooltip=tooltip_text(e)).add_to(m)
st_folium(m, height=620, use_container_width=True)

totals = summary["totals"]
st.metric("Events mapped", totals["events"])
st.metric("Dead (mapped)", totals["fatalities"])
for line in mapped_vs_reported(summary["reported"], summary["mapped"]):
    st.markdown(f"- {line}")
if summary["events"]:
    events_table(summary["events"])
controls.advance_if_playing(ds)
