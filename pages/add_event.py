"""Add one event: find the place or click the map, say what happened, cite a source."""
import streamlit as st
from streamlit_folium import st_folium

from geo.core.escape import escape_markdown
from geo.intake.forms import feature_from_form, form_values
from ui import editing as ui
from ui import i18n
from ui.data import get_dataset
from ui.i18n import _
from ui.navigation import require_app

PREFIX = "add"
require_app()
st.title(_("Add an event"))
ds = get_dataset()
session = ui.editing_session(ds)  # None: read-only, the bundled data, or not logged in yet
if session is None:
    st.stop()
editor, who = session
regions = ui.region_choices(ds)

ui.flash()
added = st.session_state.get("added-event")
if added:
    st.success(escape_markdown(_("Added {id}: it is on the map for {day}.").format(id=added["id"], day=added["start"])))
    if st.button(_("Show it on the map"), key="show-added"):
        ui.show_day_on_map(added["start"])

st.subheader(_("1. Where"))
search_col, map_col = st.columns([2, 3])
with search_col:
    ui.place_search(PREFIX, ds)
with map_col:
    st.caption(_("…or click the map to set the point."))
    picked = st_folium(ui.picker_map(ds, st.session_state.get(f"{PREFIX}-lon"), st.session_state.get(f"{PREFIX}-lat")),
                       key=f"{PREFIX}-pick-map", height=320, use_container_width=True,
                       returned_objects=["last_clicked"])
    if ui.apply_click(PREFIX, (picked or {}).get("last_clicked"), regions, ds):
        st.rerun()
    if st.session_state.get(f"{PREFIX}-near"):
        st.caption(escape_markdown(st.session_state[f"{PREFIX}-near"]))

st.subheader(_("2. What happened, and who reported it"))
lang, home = i18n.translator().lang, (ds.info.languages[0] if ds.info.languages else None)
submitted = ui.event_form(PREFIX, form_values(None, lang, home), _("Add the event"), regions)
if submitted:
    values, sources, reason = submitted
    feature, problems = feature_from_form(values, sources, scope=editor.scope, lang=lang, home=home)
    if problems:
        ui.show_problems(problems, _("Not saved yet: please fix these fields."))
    else:
        try:
            change = editor.add(feature, who, reason)
        except ui.SAVE_ERRORS as exc:
            ui.report_failure(exc)
        else:
            st.session_state["added-event"] = {"id": change.ids[0], "start": feature["properties"]["start"]}
            st.session_state["edit-flash"] = _("Added {id}.").format(id=change.ids[0])
            ui.reset_form(PREFIX)
            st.rerun()
