"""The shared view controls: day slider with previous/next/play, mode and filters."""
from __future__ import annotations

import streamlit as st

from geo.model import KINDS
from geo.store import Dataset
from geo.timeline import View
from ui import state


def view_controls(ds: Dataset) -> None:
    """Draw the sidebar controls bound to the URL-backed view state."""
    first, last = state.day_bounds(ds)
    pending = st.session_state.pop("_pending_shift", 0)
    if pending:
        state.shift_day(pending, ds)
    if st.session_state.get("playing") and st.session_state[state.DAY] >= last:
        st.session_state["playing"] = False
    sb = st.sidebar
    if first < last:
        sb.slider("Day", min_value=first, max_value=last, key=state.DAY, format="ddd D MMM YYYY")
    else:  # a slider needs two ends; data covering a single day has nothing to slide over
        sb.markdown(f"**Day:** {first:%a %d %b %Y} (the only day in the data)")
    prev_col, next_col = sb.columns(2)
    prev_col.button("◀ Prev", on_click=state.shift_day, args=(-1, ds), width="stretch",
                    disabled=st.session_state[state.DAY] <= first, key="prev_day")
    next_col.button("Next ▶", on_click=state.shift_day, args=(1, ds), width="stretch",
                    disabled=st.session_state[state.DAY] >= last, key="next_day")
    sb.toggle("▶▶ Play through the days", key="playing", help="Step forward one day per second")
    sb.radio("Mode", options=["day", "cumulative"], key=state.MODE, horizontal=True,
             format_func={"day": "This day", "cumulative": "Up to this day"}.get)
    sb.multiselect("Kinds", options=list(KINDS), key=state.KINDS_KEY, placeholder="All kinds")
    sb.multiselect("Regions", options=sorted(ds.events["region"].unique()), key=state.REGIONS_KEY,
                   placeholder="All regions")


def advance_if_playing(ds: Dataset, delay_s: float = 1.0) -> None:
    """When Play is on, wait, step to the next day and rerun; stop at the last day."""
    if not st.session_state.get("playing"):
        return
    import time
    _, last = state.day_bounds(ds)
    if st.session_state[state.DAY] >= last:
        return
    time.sleep(delay_s)
    st.session_state["_pending_shift"] = 1
    st.rerun()


def page_view(ds: Dataset) -> View:
    """The shared start of every view page: URL -> widgets -> View, and the URL kept in step."""
    for warning in state.init_view_state(ds):
        st.warning(warning)
    view_controls(ds)
    view = state.current_view()
    state.write_view_to_url(view)
    return view
