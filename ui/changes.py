"""Day over day beside the map: the blockades new since the day before, continuing, lifted."""
from __future__ import annotations

import streamlit as st

from geo.changes import change_summary, day_over_day
from geo.store import Dataset
from geo.timeline import View, shift_day
from ui.text import md_escape

LABELS = {"new": "New", "continuing": "Continuing", "lifted": "Lifted"}


def changes_list(ds: Dataset, view: View) -> None:
    """Draw the day's new / continuing / lifted blockades as three short lists of places."""
    before = shift_day(view.day, -1)
    st.markdown(f"**Blockades since {before}**")
    if view.kinds and "blockade" not in view.kinds:
        st.caption("Blockades are filtered out of this view.")
        return
    changes = day_over_day(ds.events, view.day, regions=view.regions)
    places = change_summary(changes)
    if not any(changes.values()):
        st.caption("No blockade mapped on either day.")
        return
    lines = []
    for group, label in LABELS.items():
        names = places[group]
        lines.append(f"- **{label}** ({len(changes[group])}): "
                     + ("; ".join(md_escape(n) for n in names) if names else "none"))
    st.markdown("\n".join(lines))
    if view.mode == "day":
        st.caption("On the map: a dark ring marks a new blockade, a dashed grey circle a lifted one.")
