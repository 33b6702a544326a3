"""The naive baseline: the map page as a plain folium dashboard would write it.

One ``folium.CircleMarker`` with a ``folium.Popup`` per event, the whole map rebuilt on
every rerun, ``st_folium`` with its defaults (everything in the main map string, every
object returned), and the page's summary and table built row by row as on ``main``
before the event index. Data loading is cached, as in any Streamlit app.
"""
import folium
import streamlit as st
from streamlit_folium import st_folium

from geo.core.frames import event_record
from geo.query.active import mapped_vs_reported, reported_on, select_hotspots, view_mask
from geo.render.popups import popup_html, tooltip_text
from geo.render.style import CORRIDOR_COLOR, HOTSPOT_COLOR, KIND_COLORS, marker_radius
from geo.store import load_dataset
from geo.store.layout import resolve_data_dir
from ui import controls, state
from ui.i18n import translator
from ui.tables import show_table, table_frame


def naive_summary(ds, view) -> dict:
    """The day's events, totals and counts, row by row from the frames (no event index)."""
    frame = ds.events
    mask = view_mask(frame, view)
    if view.kinds:
        mask &= frame["kind"].isin(view.kinds)
    events = [event_record(r) for r in frame[mask].sort_values(["start", "id"]).itertuples(index=False)]
    blockades = [e for e in events if e["kind"] == "blockade"]
    totals = {"events": len(events), "fatalities": sum(e["fatalities"] for e in events)}
    mapped = {"blockade_points": len(blockades), "roads_blocked": len({e.get("road") or e["place"] for e in blockades}),
              "regions_affected": len({e["region"] for e in blockades}), "deaths_total": None,
              "detained": sum(e["detained"] for e in events)}
    hotspots = [{"name": h.name, "level": int(h.level), "lat": h.lat, "lon": h.lon}
                for h in select_hotspots(ds, view).itertuples(index=False)]
    return {"events": events, "totals": totals, "mapped": mapped, "hotspots": hotspots,
            "reported": reported_on(ds, view.day)}


@st.cache_resource
def _dataset(folder: str):
    return load_dataset(folder)


ds = _dataset(str(resolve_data_dir()))
for warning in state.init_view_state(ds):
    st.warning(warning)
controls.view_controls(ds)
view = state.current_view()
state.write_view_to_url(view)
summary = naive_summary(ds, view)
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
    show_table(table_frame(summary["events"], translator()))
