"""The shared view controls: day slider with previous/next/play, mode and filters."""
from __future__ import annotations

import time

import streamlit as st

from geo.core.dataset import Dataset
from geo.core.model import KINDS
from geo.core.view import View
from geo.core.words import kind_name
from ui import i18n, state
from ui.i18n import _

#: Seconds per day while playing.
PLAY_STEP_S = 1.0


def view_controls(ds: Dataset) -> None:
    """Draw the sidebar controls bound to the URL-backed view state."""
    first, last = state.day_bounds(ds)
    state.keep_day_in_range(ds)  # the slider never leaves the data's days
    pending = st.session_state.pop("_pending_shift", 0)
    if pending:
        state.shift_day(pending, ds)
    if st.session_state.get("playing") and st.session_state[state.DAY] >= last:
        st.session_state["playing"] = False
    sb = st.sidebar
    if first < last:
        sb.slider(_("Day"), min_value=first, max_value=last, key=state.DAY, format=i18n.slider_format())
    elif ds.first_day is None:  # a new, empty dataset: today, and a word that nothing is mapped yet
        sb.markdown(_("**Day:** {day} (the data holds no event yet)").format(
            day=i18n.translator().date(first, "short")))
    else:  # a slider needs two ends; data covering a single day has nothing to slide over
        sb.markdown(_("**Day:** {day} (the only day in the data)").format(day=i18n.translator().date(first, "short")))
    # blockade-map.js's step ahead finds these two buttons by their keys (prev_day, next_day)
    prev_col, next_col = sb.columns(2)
    prev_col.button(_("Prev"), icon=":material/chevron_left:", on_click=state.shift_day, args=(-1, ds),
                    width="stretch", disabled=st.session_state[state.DAY] <= first, key="prev_day")
    next_col.button(_("Next"), icon=":material/chevron_right:", on_click=state.shift_day, args=(1, ds),
                    width="stretch", disabled=st.session_state[state.DAY] >= last, key="next_day")
    sb.toggle(":material/play_arrow: " + _("Play through the days"), key="playing",
              help=_("Step forward one day per second"))
    sb.radio(_("Mode"), options=["day", "cumulative"], key=state.MODE, horizontal=True,
             format_func={"day": _("This day"), "cumulative": _("Up to this day")}.get)
    t = i18n.translator()
    sb.multiselect(_("Kinds"), options=list(KINDS), key=state.KINDS_KEY, placeholder=_("All kinds"),
                   format_func=lambda kind: kind_name(kind, t))
    sb.multiselect(_("Regions"), options=ds.regions(), key=state.REGIONS_KEY,
                   placeholder=_("All regions"))


def play(ds: Dataset) -> None:
    """While Play is on, step to the next day every :data:`PLAY_STEP_S` seconds (a timed fragment)."""
    if not st.session_state.get("playing"):
        return
    _, last = state.day_bounds(ds)

    @st.fragment(run_every=PLAY_STEP_S)
    def tick() -> None:
        # The fragment also runs with every full rerun: step only once a whole interval has passed.
        now = time.monotonic()
        if now - st.session_state.get("_played_at", 0.0) < PLAY_STEP_S * 0.9:
            return
        st.session_state["_played_at"] = now
        if st.session_state[state.DAY] < last:
            st.session_state["_pending_shift"] = 1
        st.rerun(scope="app")

    if "_played_at" not in st.session_state or time.monotonic() - st.session_state["_played_at"] > 5:
        st.session_state["_played_at"] = time.monotonic()
    tick()


def page_view(ds: Dataset) -> View:
    """The shared start of every view page: URL -> widgets -> View, and the URL kept in step."""
    for warning in state.init_view_state(ds):
        st.warning(warning)
    view_controls(ds)
    view = state.current_view()
    state.write_view_to_url(view)
    play(ds)
    return view
