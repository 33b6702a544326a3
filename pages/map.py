"""The day-by-day map: what happened where, with sources, and national counts beside it."""
import streamlit as st

from geo.core.escape import escape_markdown
from geo.core.index import TABLE_LIMIT
from ui import controls, i18n
from ui.data import get_dataset
from ui.exports import export_panel
from ui.i18n import _
from ui.navigation import require_app
from ui.panels import day_map, prefetch_next_day, side_panel
from ui.tables import TABLE_KEY, TABLE_OPEN_UP_TO, events_table

require_app()
ds = get_dataset()
view = controls.page_view(ds)
export_panel(ds, view)
positions = ds.index.select(view)

heading = _("Everything up to {day}") if view.mode == "cumulative" else _("Blockades and protests on {day}")
st.title(heading.format(day=i18n.day(view.day)))
st.caption(escape_markdown(f"{ds.info.title_in(i18n.translator())} · {view.summary(i18n.translator())}"))
map_col, side_col = st.columns([3, 1])
with map_col:
    day_map(ds, view, positions)
with side_col:
    side_panel(ds, view, positions)

st.subheader(_("What happened, and who reported it"))
if len(positions) > TABLE_LIMIT:
    st.caption(_("The first {limit} of {count} events, by start date; filter by kind or region to list fewer.").format(
        limit=i18n.number(TABLE_LIMIT), count=i18n.number(len(positions))))
if 0 < len(positions) <= TABLE_OPEN_UP_TO:
    events_table(ds, view, positions)
elif len(positions) and st.toggle(_("Show the events in a table"), key=TABLE_KEY):
    events_table(ds, view, positions)  # a busy day's table: made only once the reader asks (then kept shown)
prefetch_next_day(ds, view)  # while the reader looks at this day
