"""The view lives in the URL (?date=...&mode=...&kinds=...&regions=...&lang=...) so it can be shared."""
from __future__ import annotations

from datetime import date, timedelta

import streamlit as st

from geo.core.dataset import Dataset
from geo.core.dates import parse_date
from geo.core.escape import escape_markdown
from geo.core.model import KINDS
from geo.core.view import MODES, View
from ui import i18n
from ui.i18n import _

DAY, MODE, KINDS_KEY, REGIONS_KEY = "view_day", "view_mode", "view_kinds", "view_regions"


def _bounds(ds: Dataset) -> tuple[date, date]:
    if ds.first_day is None:  # no dated event at all: a one-day range, today
        today = date.today()
        return today, today
    return date.fromisoformat(ds.first_day), date.fromisoformat(ds.last_day or ds.first_day)


def init_view_state(ds: Dataset) -> list[str]:
    """Seed the widgets' session state from the URL once per session; return warnings."""
    if st.session_state.get("_view_initialised"):
        # Widget state belongs to the page that drew the widget: re-assigning the values keeps
        # the view when the user moves to another page with the same controls.
        for key in (DAY, MODE, KINDS_KEY, REGIONS_KEY):
            if key in st.session_state:
                st.session_state[key] = st.session_state[key]
        return []
    warnings = []
    params = st.query_params
    first, last = _bounds(ds)
    day = date.fromisoformat(ds.featured_day) if ds.featured_day else first
    if "date" in params:
        parsed = parse_date(params["date"])
        if parsed is None:
            warnings.append(_("The link's date {value} is not a date (YYYY-MM-DD); showing {day}.").format(
                value=repr(params["date"]), day=i18n.span_day(day)))
        elif not first <= parsed <= last:
            warnings.append(_("The data covers {first} to {last}; {day} is outside it, showing the nearest day.").format(
                first=i18n.span_day(first), last=i18n.span_day(last), day=i18n.span_day(parsed)))
            day = min(max(parsed, first), last)
        else:
            day = parsed
    mode = params.get("mode", "day")
    if mode not in MODES:
        warnings.append(_("Unknown mode {mode}; showing mode 'day'.").format(mode=repr(mode)))
        mode = "day"
    kinds = [k for k in params.get("kinds", "").split(",") if k]
    bad = [k for k in kinds if k not in KINDS]
    if bad:
        warnings.append(_("Unknown kind(s) {bad} ignored; kinds are {kinds}.").format(
            bad=", ".join(bad), kinds=", ".join(KINDS)))
    regions_known = sorted(ds.events["region"].unique())
    regions = [r for r in params.get("regions", "").split(",") if r]
    unknown = [r for r in regions if r not in regions_known]
    if unknown:
        warnings.append(_("Unknown region(s) {unknown} ignored; the data's regions are {regions}.").format(
            unknown=", ".join(unknown), regions=", ".join(regions_known)))
    st.session_state[DAY] = day
    st.session_state[MODE] = mode
    st.session_state[KINDS_KEY] = [k for k in kinds if k in KINDS]
    st.session_state[REGIONS_KEY] = [r for r in regions if r in regions_known]
    st.session_state["_view_initialised"] = True
    return [escape_markdown(w) for w in warnings]


def current_view() -> View:
    """The view the widgets currently describe."""
    day = st.session_state[DAY]
    return View(day.isoformat(), st.session_state[MODE], tuple(st.session_state[KINDS_KEY]),
                tuple(st.session_state[REGIONS_KEY]))


def write_view_to_url(view: View) -> None:
    """Mirror the view into the address bar (only parameters that differ from the defaults)."""
    wanted = {"date": view.day, "mode": view.mode}
    if view.kinds:
        wanted["kinds"] = ",".join(view.kinds)
    if view.regions:
        wanted["regions"] = ",".join(view.regions)
    if i18n.url_language():
        wanted[i18n.LANG_PARAM] = i18n.url_language()
    current = {k: st.query_params[k] for k in st.query_params}
    if current != wanted:
        st.query_params.from_dict(wanted)


def shift_day(days: int, ds: Dataset) -> None:
    """Callback: move the day by ``days``, staying inside the data's range."""
    first, last = _bounds(ds)
    new = st.session_state[DAY] + timedelta(days=days)
    st.session_state[DAY] = min(max(new, first), last)


def day_bounds(ds: Dataset) -> tuple[date, date]:
    """First and last day of the data (the slider's range)."""
    return _bounds(ds)
