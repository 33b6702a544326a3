"""Blockade Map: the dashboard's entry point (page config, navigation over views/).

The page scripts live in views/, not pages/: a pages/ folder beside the entry point puts
Streamlit in its older folder-based mode until app.py first runs, so on a fresh server a
shared deep link (/corridors?date=...) would run that page without this navigation.
"""
from pathlib import Path

import streamlit as st

from geo.assets import ensure_static

ROOT = Path(__file__).parent
#: (script, title, icon, url path) in menu order; the first is the default page.
PAGES = [
    ("views/map.py", "Map", "🗺️", "map"),
    ("views/corridors.py", "Corridors and routes", "🛣️", "corridors"),
    ("views/timeline.py", "Timeline", "📈", "timeline"),
    ("views/add_event.py", "Add an event", "➕", "add"),
    ("views/news_report.py", "From a news report", "📰", "news"),
    ("views/import_data.py", "Import", "📥", "import"),
    ("views/edit_events.py", "Edit and retract", "✏️", "edit"),
    ("views/about.py", "About the data", "ℹ️", "about"),
]

st.set_page_config(page_title="Blockade Map", page_icon="🚧", layout="wide")
st.cache_resource(show_spinner=False)(ensure_static)(ROOT / "static")  # once per server, not per rerun
pages = [st.Page(ROOT / script, title=title, icon=icon, url_path=path) for script, title, icon, path in PAGES]
# Streamlit serves the default page at "/" only; this hidden default shows the map there, so
# both "/?date=..." (the contract's address) and "/map?date=..." open the map.
pages.insert(0, st.Page(ROOT / PAGES[0][0], title="Blockade Map", url_path="home", default=True,
                        visibility="hidden"))
st.navigation(pages).run()
