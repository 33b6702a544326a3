"""The map page's "Export this view" panel: PNG, HTML, GeoJSON and CSV of the current view.

Every file is made only when its button is clicked (Streamlit's deferred downloads: the
button shows a spinner meanwhile), so drawing the page stays fast. PNGs are cached per data
version and view, so a second click on the same view is instant.
"""
from __future__ import annotations

import time

import streamlit as st

from geo.core.dataset import Dataset
from geo.core.escape import escape_markdown
from geo.core.view import View
from geo.export import files as data_export
from geo.export import snapshot

SIZES = {"screen": snapshot.DEFAULT_SIZE, "print": snapshot.PRINT_SIZE}
#: After a render that got no map tile, later renders wait only briefly for tiles for this long.
OFFLINE_FOR_S = 300.0


def file_stem(view: View) -> str:
    """Download name without suffix, e.g. ``blockade-map-2023-01-09`` (``-cumulative`` if so)."""
    return f"blockade-map-{view.day}" + ("-cumulative" if view.mode == "cumulative" else "")


@st.cache_resource(show_spinner=False)
def _tile_state() -> dict:
    """When a render last got no map tile (shared by the sessions of this server)."""
    return {"offline_at": None}


@st.cache_data(show_spinner=False, max_entries=8)
def _png(_ds: Dataset, version: tuple, view: View, size: tuple[int, int], fit: str) -> bytes:
    state = _tile_state()
    offline = state["offline_at"] is not None and time.monotonic() - state["offline_at"] < OFFLINE_FOR_S
    timeout = snapshot.OFFLINE_RETRY_S if offline else snapshot.TILE_TIMEOUT_S
    with snapshot.Snapshotter(tiles=True, tile_timeout_s=timeout, fit=fit) as shot:
        result = shot.render(_ds, view, size)
    state["offline_at"] = time.monotonic() if result.tiles_loaded == 0 else None
    return result.png


def png_bytes(ds: Dataset, view: View, size: tuple[int, int], fit: str = snapshot.DEFAULT_FIT) -> bytes:
    """The PNG of ``view`` (cached per data version, view, size and framing)."""
    return _png(ds, ds.store.version(), view, tuple(size), fit)


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
        st.caption(escape_markdown(f"{view.day} · {view.summary()}"))
        fit = "view" if st.toggle("Zoom to the events shown", key="export_fit",
                                  help="For the PNG and HTML. Off: the day's events and the road corridors "
                                       "(the whole data set when showing everything up to the day)") \
            else snapshot.DEFAULT_FIT
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
