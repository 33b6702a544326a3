"""Blockade Map: the dashboard's entry point (page config, navigation over pages/)."""
from pathlib import Path

import streamlit as st

from geo.assets import ensure_static

ROOT = Path(__file__).parent
#: (script, title, icon, url path) in menu order.
PAGES = [
    ("pages/map.py", "Map", "🗺️", "map"),
    ("pages/corridors.py", "Corridors and routes", "🛣️", "corridors"),
    ("pages/timeline.py", "Timeline", "📈", "timeline"),
    ("pages/add_event.py", "Add an event", "➕", "add"),
    ("pages/import_data.py", "Import", "📥", "import"),
    ("pages/edit_events.py", "Edit and retract", "✏️", "edit"),
    ("pages/about.py", "About the data", "ℹ️", "about"),
]

st.set_page_config(page_title="Blockade Map", page_icon="🚧", layout="wide")
ensure_static(ROOT / "static")
pages = [st.Page(script, title=title, icon=icon, url_path=path, default=(path == "map"))
         for script, title, icon, path in PAGES if (ROOT / script).exists()]
st.navigation(pages).run()
