"""Timeline: mapped blockades beside the national figures, deaths, and events by kind and region."""
import streamlit as st

from geo.query import stats
from ui import controls, state
from ui.data import get_dataset
from geo.core.escape import escape_markdown
from ui.navigation import require_app
from ui.timeline_views import kinds_chart, reported_on_day, series_chart

require_app()
ds = get_dataset()
view = controls.page_view(ds)

first, last = (d.isoformat() for d in state.day_bounds(ds))
day = view.day
st.title(f"Timeline, {first} to {last}")
st.caption("The dashed line marks the day chosen in the sidebar. National figures are shown as "
           "reported, each under its reporter's name; they are not points on the map.")

blockades = stats.blockades_vs_reported(ds.events, ds.counts, first, last)
deaths = stats.deaths_series(ds.events, ds.counts, first, last)
mapped_today = int(blockades[(blockades["date"] == day)
                             & (blockades["reporter"] == stats.MAPPED_REPORTER)]["value"].sum())
dead_today = deaths[(deaths["date"] == day) & (deaths["series"] == "Mapped deaths that day")]
dead_total = deaths[(deaths["date"] == day) & (deaths["series"] == "Mapped deaths, cumulative")]

st.subheader(f"On {day}")
a, b, c = st.columns(3)
a.metric("Blockades mapped", mapped_today)
b.metric("Dead (mapped, events starting that day)", int(dead_today["value"].sum()))
c.metric(f"Dead (mapped, {first} to {day})", int(dead_total["value"].sum()))
st.markdown(f"Blockade points reported nationwide: {escape_markdown(reported_on_day(blockades, day))}.  \n"
            f"Deaths reported in all: {escape_markdown(reported_on_day(deaths, day))}.")
query = {"date": day, "mode": view.mode}
if view.kinds:
    query["kinds"] = ",".join(view.kinds)
left, right = st.columns(2)
left.page_link("pages/map.py", label=f"Open the map on {day}", icon=":material/map:", query_params=query)
right.page_link("pages/corridors.py", label=f"Roads cut on {day}", icon=":material/route:", query_params=query)

st.subheader("Blockades: mapped vs reported nationwide")
series_chart(blockades, day, y_title="blockades")
st.subheader("Deaths")
series_chart(deaths, day, bars=("Mapped deaths that day",), y_title="dead")
st.subheader("Events by kind, each day")
kinds_chart(stats.events_by_kind(ds.events, first, last), day)
st.subheader(f"Events by region, {first} to {last}")
st.dataframe(stats.events_by_region(ds.events, first, last).reset_index(), hide_index=True,
             width="stretch")
