"""Tables the pages share."""
from __future__ import annotations

import pandas as pd
import streamlit as st


def events_table(events: list[dict]) -> None:
    """One row per event: place, kind, dates, counts, description and its first source link."""
    rows = [{
        "Place": e["place"], "Region": e["region"], "Kind": e["kind"],
        "Dates": e["start"] if e["start"] == e["end"] else f"{e['start']} – {e['end']}",
        "Dead": e["fatalities"], "Injured": e["injured"], "Detained": e["detained"],
        "Status": e["status"], "What happened": e["description"],
        "Reported by": "; ".join(f"{s['name']} ({s['published']})" for s in e["sources"]),
        "Source": e["sources"][0]["url"],
    } for e in events]
    st.dataframe(pd.DataFrame(rows), hide_index=True, column_config={
        "Source": st.column_config.LinkColumn("Source", display_text="open"),
        "What happened": st.column_config.TextColumn(width="large"),
    })
