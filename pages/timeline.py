"""Timeline: mapped blockades beside the national figures, deaths, and events by kind and region."""
import streamlit as st

from geo.core.escape import escape_markdown
from geo.query import stats
from ui import controls, i18n, state
from ui.data import get_dataset
from ui.i18n import _
from ui.navigation import require_app
from ui.timeline_views import kinds_chart, region_table, reported_on_day, series_chart

require_app()
ds = get_dataset()
view = controls.page_view(ds)

first, last = (d.isoformat() for d in state.day_bounds(ds))
day = view.day
t = i18n.translator()
st.title(_("Timeline, {first} to {last}").format(first=i18n.span_day(first), last=i18n.span_day(last)))
st.caption(_("The dashed line marks the day chosen in the sidebar. National figures are shown as "
             "reported, each under its reporter's name; they are not points on the map."))

blockades = stats.blockades_vs_reported(ds.events, ds.counts, first, last, t)
deaths = stats.deaths_series(ds.events, ds.counts, first, last, t)
mapped_today = int(blockades[(blockades["date"] == day)
                             & (blockades["reporter"] == stats.MAPPED_REPORTER)]["value"].sum())
dead_today = deaths[(deaths["date"] == day) & (deaths["series"] == _(stats.MAPPED_DEATHS_DAY))]
dead_total = deaths[(deaths["date"] == day) & (deaths["series"] == _(stats.MAPPED_DEATHS_CUMULATIVE))]

st.subheader(_("On {day}").format(day=i18n.day(day)))
a, b, c = st.columns(3, vertical_alignment="bottom")  # the figures in one line when a label wraps
a.metric(_("Blockades mapped"), mapped_today)
# Short labels (a third of the page wide, they are cut past one line): the days they count are in their help.
b.metric(_("Dead (mapped) on this day"), int(dead_today["value"].sum()),
         help=_("Deaths in the mapped events that started on {day}.").format(day=i18n.span_day(day)))
c.metric(_("Dead (mapped) up to this day"), int(dead_total["value"].sum()),
         help=_("Deaths in the mapped events that started from {first} to {last}.").format(
             first=i18n.span_day(first), last=i18n.span_day(day)))
st.markdown(_("Blockade points reported nationwide: {figures}.").format(
                figures=escape_markdown(reported_on_day(blockades, day))) + "  \n" +
            _("Deaths reported in all: {figures}.").format(figures=escape_markdown(reported_on_day(deaths, day))))
query = view.to_params(i18n.url_language())
left, right = st.columns(2)
left.page_link("pages/map.py", label=_("Open the map on {day}").format(day=i18n.day(day)), icon=":material/map:",
               query_params=query)
right.page_link("pages/corridors.py", label=_("Roads cut on {day}").format(day=i18n.day(day)), icon=":material/route:",
                query_params=query)

st.subheader(_("Blockades: mapped vs reported nationwide"))
series_chart(blockades, day, y_title=_("blockades"))
st.subheader(_("Deaths"))
series_chart(deaths, day, bars=(_(stats.MAPPED_DEATHS_DAY),), y_title=_("dead"))
st.subheader(_("Events by kind, each day"))
kinds_chart(stats.events_by_kind(ds.events, first, last), day)
st.subheader(_("Events by region, {first} to {last}").format(first=i18n.span_day(first), last=i18n.span_day(last)))
st.dataframe(region_table(stats.events_by_region(ds.events, first, last)), hide_index=True, width="stretch")
