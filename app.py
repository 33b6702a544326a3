"""Blockade Map: the dashboard's entry point (page config and navigation over pages/)."""
from pathlib import Path

import streamlit as st

from geo.render.assets import ensure_static
from ui import i18n
from ui.data import freeze_after_first_run, get_dataset, store_guard
from ui.navigation import app_running, navigation, page_icon

# The icon is an image the app serves itself: a :material/...: icon would make every browser
# fetch it from a font server outside the app.
st.set_page_config(page_title="Blockade Map", page_icon=page_icon(), layout="wide")
st.cache_resource(show_spinner=False)(ensure_static)(Path(__file__).parent / "static")  # once per server
with app_running(), store_guard():  # a database that is down: a plain message, never a traceback
    i18n.setup(get_dataset())  # the reader's language, before any page draws a word
    navigation().run()
freeze_after_first_run()
