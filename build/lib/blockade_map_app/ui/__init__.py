"""Streamlit glue shared by the pages: cached loaders, URL state, the day control."""
