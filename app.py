"""Blockade Map: the dashboard's entry point (page config, shared controls, navigation)."""
from pathlib import Path

import streamlit as st

from geo.assets import ensure_static

st.set_page_config(page_title="Blockade Map", page_icon="🚧", layout="wide")
ensure_static(Path(__file__).parent / "static")

pages = [
    st.Page("pages/map.py", title="Map", icon="🗺️", default=True, url_path="map"),
    st.Page("pages/about.py", title="About the data", icon="ℹ️", url_path="about"),
]
st.navigation(pages).run()
