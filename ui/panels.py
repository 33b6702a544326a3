"""The map page's parts beside and below the map: the side panel and the map itself."""
from __future__ import annotations

import threading
import time
from collections.abc import Callable
from functools import partial

import numpy as np
import streamlit as st

from geo.core.dataset import Dataset
from geo.core.dates import shift_day
from geo.core.escape import escape_markdown
from geo.core.i18n import Translator
from geo.core.index import AGGREGATE_OVER, TABLE_LIMIT
from geo.core.view import View
from geo.query.active import mapped_vs_reported, reported_on, select_hotspots
from geo.query.framing import dashboard_frame
from geo.render.layers import feature_group, frame_call
from geo.render.maps import base_map, leaflet_bounds, view_layers
from geo.render.served_popups import served_rows
from geo.render.served_views import served_view, view_name
from geo.render.stacks import drawing_order
from ui import i18n, state, viewcache
from ui.changes import changes_content, changes_list
from ui.data import run_started_since
from ui.i18n import _
from ui.map_component import base_args, layers_script, map_component
from ui.tables import TABLE_OPEN_UP_TO, table_frame

#: The dashboard's map keeps the markers of events a day step leaves on it (blockade-map.js keepMarkers).
KEPT_MARKERS = "events"
#: Session keys: how often the reader asked to frame the day; the regions the frame was set for.
FRAME_ASKED = "_frame_asked"
FRAMED_REGIONS = "_framed_regions"


def day_map(ds: Dataset, view: View, positions: np.ndarray) -> None:
    """The map of the view: a stable base map, the view's layers swapped in by day.

    The map opens framed on the events of the first view of the session (the featured day,
    or the day of a shared link) with a margin. That frame is kept while it holds every event of
    the view: changing the day swaps only the layers, so the reader's pan and zoom stay where they
    put them. It moves to the view's events when one would fall outside it, when the regions
    chosen change (:func:`geo.query.framing.dashboard_frame`), and when the reader asks with
    *Frame the day*. The frame is sent with the layers, so moving it does not load the map again.

    Past :data:`AGGREGATE_OVER` events are drawn as cells; then the map reports its bounds (a
    rerun on pan and zoom) so that the events in view are drawn one by one once they are few.
    streamlit-folium reads ``returned_objects`` when the map mounts: each mode has its own key.
    """
    aggregated = len(positions) > AGGREGATE_OVER
    if st.button(_("Frame the day"), icon=":material/center_focus_strong:", key="frame-day",
                 help=_("Move the map to show every event of this day (and of the regions chosen)")):
        st.session_state[FRAME_ASKED] = st.session_state.get(FRAME_ASKED, 0) + 1
        st.session_state.pop(state.MAP_FRAME, None)
    map_key = "blockade-map-cells" if aggregated else "blockade-map"
    bounds = leaflet_bounds((st.session_state.get(map_key) or {}).get("bounds")) if aggregated else None
    t = i18n.translator()
    # Layers of the whole view are the same for every reader: made once (ui.viewcache); those of
    # a zoomed-in aggregated map depend on this reader's bounds.
    layers, note = view_layers_text(ds, view, t) if bounds is None else _layers_text(ds, view, t, bounds)
    frame = dashboard_frame(ds, view, st.session_state.get(state.MAP_FRAME), st.session_state.get(FRAMED_REGIONS))
    st.session_state[state.MAP_FRAME] = frame
    st.session_state[FRAMED_REGIONS] = tuple(view.regions)
    # The frame travels with the layers (frame_call), not in the base map: the base map's script,
    # and so streamlit-folium's key for it, stay the same for every view of the dataset, so the
    # browser never loads Leaflet, the basemap and the legend again when the frame moves; the
    # asking count in the token makes "Frame the day" move the map even to the same frame.
    token = f"{frame}#{st.session_state.get(FRAME_ASKED, 0)}"
    framing = layers_script([feature_group("frame", frame_call(frame, token), control=False)]) + "\n" \
        if frame is not None else ""
    # The base map is made once per dataset and language (ui.map_component): only the layers change.
    base = base_args(ds, t.lang, lambda: base_map(ds, t=t))
    map_component(base, framing + layers, key=map_key, height=620, returned_objects=["bounds"] if aggregated else [])
    if note:
        st.caption(f"{escape_markdown(note)}.")


def _layers_text(ds: Dataset, view: View, t: Translator, bounds: tuple | None = None) -> tuple[str, str | None]:
    """The view's layers (day-over-day rings, hotspots, events or cells) as the component's script
    text, numbered after the frame's group; and the note on cells, if any."""
    layers = view_layers(ds, view, bounds=bounds, t=t, keep=KEPT_MARKERS)
    return layers_script(layers.extra + layers.groups, first=1), layers.note


def view_layers_text(ds: Dataset, view: View, t: Translator) -> tuple[str, str | None]:
    """:func:`_layers_text` of the whole view, made once for every reader (:mod:`ui.viewcache`);
    when its events are drawn one by one, also served as a file naming the files of the days a
    step away (:mod:`geo.render.served_views`: "Next" and "Prev" draw them at once)."""
    return viewcache.kept("layers", ds, view, t.lang, lambda: _served_layers_text(ds, view, t))


def _served_layers_text(ds: Dataset, view: View, t: Translator) -> tuple[str, str | None]:
    layers, note = _layers_text(ds, view, t)
    if note is not None:  # cells: no step ahead from or to a map of cells
        return layers, note
    token = viewcache.load_token(ds)
    ahead = {}
    if view.mode == "day":  # the prefetch makes the next day's in day mode only
        for step, days in (("next", 1), ("prev", -1)):
            other = _shifted(view, days)
            ahead[step] = view_name(token, t.lang, other) if _drawn_one_by_one(ds, other) else None
    return served_view(layers, view_name(token, t.lang, view), ahead), note


def _shifted(view: View, days: int) -> View:
    """``view`` moved by ``days`` (mode and filters kept)."""
    return View(shift_day(view.day, days), view.mode, view.kinds, view.regions)


def _drawn_one_by_one(ds: Dataset, view: View) -> bool:
    """Whether the dashboard's map draws each event of ``view`` (some, not more than
    :data:`AGGREGATE_OVER`) on a day the data covers: the views whose layers are served as files."""
    return ds.covers(view.day) and 0 < len(ds.index.select(view)) <= AGGREGATE_OVER


def side_panel(ds: Dataset, view: View, positions: np.ndarray) -> None:
    """The day's totals, the reported counts beside what is mapped, hotspots, day over day."""
    t = i18n.translator()
    totals = ds.index.totals(positions)
    if not ds.covers(view.day):
        st.warning(escape_markdown(f"{ds.outside_note(view.day, t)}."))
    elif not len(positions):
        st.info(escape_markdown(_("Nothing is mapped for {day} with these filters. That does not mean "
                                  "nothing happened: only reports with a place and a source are mapped.").format(
            day=i18n.day(view.day))))
    a, b = st.columns(2)
    cumulative = view.mode == "cumulative"
    a.metric(_("Events mapped up to this day") if cumulative else _("Events mapped"), totals["events"])
    b.metric(_("Dead (mapped) up to this day") if cumulative else _("Dead (mapped)"), totals["fatalities"])
    a.metric(_("Blockades"), totals["blockade"])
    b.metric(_("Clashes"), totals["clash"])
    st.markdown(_("**Reported nationwide on {day}** (not points on the map)").format(day=escape_markdown(i18n.day(view.day))))
    # a day's national count is set beside that day's mapped events, in either mode
    day_positions = positions if not cumulative else ds.index.select(View(view.day, "day", view.kinds, view.regions))
    lines = mapped_vs_reported(reported_on(ds, view.day), ds.index.mapped(day_positions), t)
    st.markdown("\n".join(f"- {escape_markdown(line)}" for line in lines) if lines
                else _("_No national count for this day._"))
    hotspots = select_hotspots(ds, view)
    if len(hotspots):
        st.markdown(_("**Hotspots:**") + " " + escape_markdown(", ".join(hotspots["name"])))
    changes_list(ds, view)


#: The prefetch waits this long after a run (the run's last messages go out meanwhile)...
PREFETCH_AFTER_S = 0.03
#: ...then makes the next day's markers this many at a time, standing aside as soon as a run starts.
PREFETCH_CHUNK = 40


def prefetch_next_day(ds: Dataset, view: View) -> None:
    """Make the next day's map layers (popups included), day-over-day lists and table rows, then
    the day before's layers, in the background while the reader looks at this day, so that "Next",
    Play and "Prev" find them made (:mod:`ui.viewcache`) and their layers served as files for the
    map to draw them at once (:mod:`geo.render.served_views`).

    Only in day mode, when the next day's events are drawn one by one; at most one thread at a
    time per server. The work is done while the server is idle: it starts a moment after this run
    and stops as soon as any session's run starts (:func:`ui.data.run_started_since`), so it
    never holds up a run, nor the sending of its messages (a thread making markers holds Python's
    lock most of the time). Markers made before it stopped are kept (the index's memo).
    """
    if view.mode != "day" or not _PREFETCH.acquire(blocking=False):
        return
    try:
        following, previous = _shifted(view, 1), _shifted(view, -1)
        positions = ds.index.select(following)
        if not 0 < len(positions) <= AGGREGATE_OVER or not ds.covers(following.day):
            _PREFETCH.release()
            return
        t = i18n.translator()
    except Exception:
        _PREFETCH.release()
        raise
    scheduled = time.monotonic()

    def work() -> None:
        try:
            time.sleep(PREFETCH_AFTER_S)
            steps: list[Callable[[], object]] = [
                partial(served_rows, ds, drawing_order(ds, chunk), t)
                for chunk in np.array_split(positions, max(1, len(positions) // PREFETCH_CHUNK))]
            steps += [lambda: view_layers_text(ds, following, t),
                      lambda: viewcache.kept("changes", ds, following, t.lang,
                                             lambda: changes_content(ds, following, t)),
                      lambda: viewcache.kept("table", ds, following, t.lang,
                                             lambda: table_frame(ds.index.records(positions[:TABLE_LIMIT]), t))
                      if len(positions) <= TABLE_OPEN_UP_TO else None,  # a busy day's table is made when opened
                      lambda: view_layers_text(ds, previous, t) if _drawn_one_by_one(ds, previous) else None]
            for step in steps:
                if run_started_since(scheduled):
                    return
                step()
        finally:
            _PREFETCH.release()

    threading.Thread(target=work, name="blockade-map-prefetch", daemon=True).start()


#: Held while a prefetch thread runs (one at a time for the whole server).
_PREFETCH = threading.Lock()
