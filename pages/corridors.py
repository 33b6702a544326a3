"""Corridors and routes: which roads are cut on the day, and can a truck get through?"""
import streamlit as st

from ui import controls, i18n
from ui.corridor_views import corridor_map, day_view, route_cuts, route_form, status_table
from ui.data import get_dataset
from ui.i18n import _
from ui.navigation import require_app

require_app()

ds = get_dataset()
view = controls.page_view(ds)

st.title(_("Road corridors on {day}").format(day=i18n.day(view.day)))
st.caption(_("A corridor is cut when an active blockade lies within 2 km of it. Every mapped blockade "
             "counts here, whatever the kinds and regions chosen for the map."))
if not len(ds.corridors):
    st.info(_("This data has no road corridors (corridors.geojson is missing or empty)."))
    st.stop()

cd = day_view(ds, view.day)
status = cd.status
cut = [s for s in status if s["status"] == "cut"]
st.markdown(_("**{cut} of {count} corridors cut** on {day}.").format(cut=len(cut), count=len(status),
                                                                   day=i18n.day(view.day))
            if cut else _("**All {count} corridors open** on {day}: no mapped blockade on them.").format(
                count=len(status), day=i18n.day(view.day)))

st.subheader(_("Can a truck get through?"))
result = route_form(cd, ds)
corridor_map(ds, cd, result)
route_cuts(cd, result)

st.subheader(_("Status of each corridor"))
status_table(cd)
