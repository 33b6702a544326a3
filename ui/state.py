"""The view lives in the URL (?date=...&mode=...&kinds=...&regions=...&lang=...) so it can be shared."""
from __future__ import annotations

from datetime import date, timedelta

import streamlit as st

from geo.core.dataset import Dataset
from geo.core.escape import escape_markdown
from geo.core.view import View, parse_view_params
from ui import i18n

DAY, MODE, KINDS_KEY, REGIONS_KEY = "view_day", "view_mode", "view_kinds", "view_regions"
#: The frame the map opened on in this session (see ui.panels.day_map).
MAP_FRAME = "_map_frame"


def day_bounds(ds: Dataset) -> tuple[date, date]:
    """First and last day of the data (the slider's range); today alone when nothing is dated."""
    if ds.first_day is None:  # no dated event at all: a one-day range, today
        today = date.today()
        return today, today
    return date.fromisoformat(ds.first_day), date.fromisoformat(ds.last_day or ds.first_day)


def init_view_state(ds: Dataset) -> list[str]:
    """Seed the widgets' session state from the URL once per session; return warnings, escaped
    for markdown (they may quote the link)."""
    if st.session_state.get("_view_initialised"):
        # Widget state belongs to the page that drew the widget: re-assigning the values keeps
        # the view when the user moves to another page with the same controls.
        for key in (DAY, MODE, KINDS_KEY, REGIONS_KEY):
            if key in st.session_state:
                st.session_state[key] = st.session_state[key]
        return []
    first, last = day_bounds(ds)
    default = date.fromisoformat(ds.featured_day) if ds.featured_day else first
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    view, warnings = parse_view_params(params, first, last, default, ds.region_scope, i18n.translator())
    day, mode, kinds, regions = date.fromisoformat(view.day), view.mode, list(view.kinds), list(view.regions)
    st.session_state[DAY] = day
    st.session_state[MODE] = mode
    st.session_state[KINDS_KEY] = kinds
    st.session_state[REGIONS_KEY] = regions
    st.session_state["_view_initialised"] = True
    return [escape_markdown(w) for w in warnings]


def current_view() -> View:
    """The view the widgets currently describe."""
    day = st.session_state[DAY]
    return View(day.isoformat(), st.session_state[MODE], tuple(st.session_state[KINDS_KEY]),
                tuple(st.session_state[REGIONS_KEY]))


def write_view_to_url(view: View) -> None:
    """Mirror the view into the address bar (only parameters that differ from the defaults)."""
    wanted = view.to_params(i18n.url_language(), i18n.translator())  # kinds in the reader's words
    current = {k: st.query_params[k] for k in st.query_params}
    if current != wanted:
        st.query_params.from_dict(wanted)


def keep_day_in_range(ds: Dataset) -> None:
    """Bring the chosen day back inside the data's days (when the data changed under the session)."""
    first, last = day_bounds(ds)
    day = st.session_state.get(DAY)
    if isinstance(day, date) and not first <= day <= last:
        st.session_state[DAY] = min(max(day, first), last)


def shift_day(days: int, ds: Dataset) -> None:
    """Callback: move the day by ``days``, staying inside the data's range."""
    first, last = day_bounds(ds)
    new = st.session_state[DAY] + timedelta(days=days)
    st.session_state[DAY] = min(max(new, first), last)

