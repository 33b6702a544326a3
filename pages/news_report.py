"""From a news report: paste an article, review the events and counts read from it, add them."""
import streamlit as st

from ui import editing as ui
from ui import news_report
from ui.data import get_dataset
from ui.i18n import _
from ui.navigation import require_app

require_app()
st.title(_("From a news report"))
ds = get_dataset()
session = ui.editing_session(ds)  # None: read-only, the bundled data, or not logged in yet
if session is None:
    st.stop()
news_report.page(ds, session[1])
