"""From a news report: paste an article, review the events and counts read from it, add them."""
import streamlit as st

from ui import editing as ui
from ui import news_report
from ui.data import get_dataset
from ui.i18n import _
from ui.navigation import require_app

require_app()
st.title(_("From a news report"))
who = ui.editor_name()
if who is None:
    st.stop()
news_report.page(get_dataset(), who)
