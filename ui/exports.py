"""The map page's "Export this view" panel: PNG, HTML, GeoJSON and CSV of the current view.

Every file is made only when its button is clicked (Streamlit's deferred downloads: the
button shows a spinner meanwhile), so drawing the page stays fast. PNGs are kept for a
while, so a second click on the same view is instant.
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict

import streamlit as st

from geo import export as data_export
from geo import snapshot
from geo.store import Dataset
from geo.timeline import View

SIZES = {"screen": snapshot.DEFAULT_SIZE, "print": snapshot.PRINT_SIZE}
_PNG_CACHE: "OrderedDict[tuple, tuple[Dataset, bytes]]" = OrderedDict()
_PNG_CACHE_SIZE = 8
_LOCK = threading.Lock()
_OFFLINE_FOR_S = 300.0
_offline_since: list[float] = []  # when a render last got no map tile (then wait briefly for tiles)


def file_stem(view: View) -> str:
    """Download name without suffix, e.g. ``blockade-map-2023-01-09`` (``-cumulative`` if so)."""
    return f"blockade-map-{view.day}" + ("-cumulative" if view.mode == "cumulative" else "")


def png_bytes(ds: Dataset, view: View, size: tuple[int, int], fit: str = "data") -> bytes:
    """The PNG of ``view`` (cached per dataset, view, size and framing); runs in the download's thread."""
    key = (id(ds), view, size, fit)
    with _LOCK:
        if key in _PNG_CACHE:
            _PNG_CACHE.move_to_end(key)
            return _PNG_CACHE[key][1]
    recently_offline = bool(_offline_since) and time.monotonic() - _offline_since[-1] < _OFFLINE_FOR_S
    timeout = snapshot.OFFLINE_RETRY_S if recently_offline else snapshot.TILE_TIMEOUT_S
    with snapshot.Snapshotter(tiles=True, tile_timeout_s=timeout, fit=fit) as shot:
        result = shot.render(ds, view, size)
    with _LOCK:
        if result.tiles_loaded == 0:
            _offline_since[:] = [time.monotonic()]
        else:
            _offline_since.clear()
        _PNG_CACHE[key] = (ds, result.png)  # holding ds keeps id(ds) from being reused
        while len(_PNG_CACHE) > _PNG_CACHE_SIZE:
            _PNG_CACHE.popitem(last=False)
    return result.png


def data_file(ds: Dataset, view: View, fmt: str) -> str:
    """GeoJSON or CSV text of the events the view shows (its day, or everything up to it)."""
    first, last = data_export.view_range(ds, view)
    return data_export.render_export(ds, first, last, fmt, view.kinds, view.regions,
                                     file_name=f"{file_stem(view)}.{fmt}")[0]


def citation(ds: Dataset, view: View) -> str:
    """The sources-and-licence text that goes with the CSV of the view."""
    first, last = data_export.view_range(ds, view)
    return data_export.render_export(ds, first, last, "csv", view.kinds, view.regions,
                                     file_name=f"{file_stem(view)}.csv")[1]


def export_panel(ds: Dataset, view: View) -> None:
    """Sidebar expander with download buttons for the view's PNG, HTML, GeoJSON and CSV."""
    stem = file_stem(view)
    first, last = data_export.view_range(ds, view)
    span = first if first == last else f"{first} to {last}"
    with st.sidebar.expander("Export this view", icon=":material/download:"):
        st.caption(f"{view.day} · {view.summary()}")
        fit = "view" if st.toggle("Zoom to the events shown", key="export_fit",
                                  help="For the PNG and HTML. Off: the whole data set, as on the dashboard") else "data"
        if snapshot.browser_available():
            size_name = st.radio("PNG size", list(SIZES), horizontal=True, key="export_png_size",
                                 format_func=lambda s: f"{s} {SIZES[s][0]}×{SIZES[s][1]}")
            size = SIZES[size_name]
            st.download_button("PNG image", data=lambda: png_bytes(ds, view, size, fit), file_name=f"{stem}.png",
                               mime="image/png", on_click="ignore", type="primary", icon=":material/image:",
                               key="export_png", width="stretch",
                               help="The map with title, date, filters, legend, scale and credits")
        else:
            st.warning(snapshot.MISSING_BROWSER, icon=":material/warning:")
        st.download_button("HTML (opens offline)", data=lambda: snapshot.snapshot_html(ds, view, fit=fit),
                           file_name=f"{stem}.html", mime="text/html", on_click="ignore",
                           icon=":material/public:", key="export_html", width="stretch",
                           help="One file with every script and style inside: layers, popups and legend")
        for fmt, label, icon in (("geojson", "GeoJSON", ":material/map:"), ("csv", "CSV", ":material/table:")):
            st.download_button(f"{label} of the events", data=lambda fmt=fmt: data_file(ds, view, fmt),
                               file_name=f"{stem}.{fmt}", mime=data_export.MIME_TYPES[fmt], on_click="ignore",
                               key=f"export_{fmt}", width="stretch", icon=icon,
                               help=f"The events active {span}, every field and source")
        st.download_button("Sources and licence (.txt)", data=lambda: citation(ds, view),
                           file_name=f"{stem}.csv.txt", mime="text/plain", on_click="ignore",
                           key="export_citation", width="stretch", icon=":material/info:")
        st.caption(f"Events active {span}. Data CC BY 4.0; cite the sources listed in each file.")
