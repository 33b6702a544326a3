"""The map page's "Export this view" panel: PNG, HTML, GeoJSON and CSV of the current view.

Every file is made only when its button is clicked (Streamlit's deferred downloads: the
button shows a spinner meanwhile), so drawing the page stays fast. PNGs are cached per data
version and view, so a second click on the same view is instant.
"""
from __future__ import annotations

import time
from collections.abc import Hashable
from functools import partial

import streamlit as st

from geo.core.dataset import Dataset
from geo.core.escape import escape_markdown
from geo.core.i18n import ENGLISH, Translator, translator
from geo.core.view import View
from geo.export import files as data_export
from geo.export import snapshot
from geo.store import store_for
from ui import i18n
from ui.i18n import _

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
def _png(_ds: Dataset, version: Hashable, view: View, size: tuple[int, int], fit: str, lang: str = "en") -> bytes:
    # the language code, not its Translator, is part of the cache key
    state = _tile_state()
    offline = state["offline_at"] is not None and time.monotonic() - state["offline_at"] < OFFLINE_FOR_S
    timeout = snapshot.OFFLINE_RETRY_S if offline else snapshot.TILE_TIMEOUT_S
    with snapshot.Snapshotter(tiles=True, tile_timeout_s=timeout, fit=fit, t=translator(lang)) as shot:
        result = shot.render(_ds, view, size)
    state["offline_at"] = time.monotonic() if result.tiles_loaded == 0 else None
    return result.png


def png_bytes(ds: Dataset, view: View, size: tuple[int, int], fit: str = snapshot.DEFAULT_FIT,
              t: Translator = ENGLISH) -> bytes:
    """The PNG of ``view`` in ``t``'s language (cached per data version, view, size, framing and language)."""
    width, height = size
    return _png(ds, store_for(ds).version(), view, (width, height), fit, t.lang)


def data_file(ds: Dataset, view: View, fmt: str, t: Translator = ENGLISH) -> str:
    """GeoJSON or CSV text of the events the view shows (its day, or everything up to it)."""
    first, last = data_export.view_range(ds, view)
    return data_export.render_export(ds, first, last, fmt, view.kinds, view.regions,
                                     file_name=f"{file_stem(view)}.{fmt}", t=t)[0]


def citation(ds: Dataset, view: View, t: Translator = ENGLISH) -> str:
    """The sources-and-licence text that goes with the CSV of the view, in ``t``'s language."""
    first, last = data_export.view_range(ds, view)
    return data_export.render_export(ds, first, last, "csv", view.kinds, view.regions,
                                     file_name=f"{file_stem(view)}.csv", t=t)[1]


def export_panel(ds: Dataset, view: View) -> None:
    """Sidebar expander with download buttons for the view's PNG, HTML, GeoJSON and CSV."""
    stem = file_stem(view)
    t = i18n.translator()
    first, last = data_export.view_range(ds, view)
    span = (_("on {day}").format(day=i18n.span_day(first)) if first == last else
            _("from {first} to {last}").format(first=i18n.span_day(first), last=i18n.span_day(last)))
    with st.sidebar.expander(_("Export this view"), icon=":material/download:"):
        st.caption(escape_markdown(f"{i18n.day(view.day)} · {view.summary(t)}"))
        fit = "view" if st.toggle(_("Zoom to the events shown"), key="export_fit",
                                  help=_("For the PNG and HTML. Off: the day's events and the road corridors "
                                         "(the whole data set when showing everything up to the day)")) \
            else snapshot.DEFAULT_FIT
        if snapshot.browser_available():
            size_names = {"screen": _("screen"), "print": _("print")}
            size_name = st.radio(_("PNG size"), list(SIZES), horizontal=True, key="export_png_size",
                                 format_func=lambda s: f"{size_names[s]} {SIZES[s][0]}×{SIZES[s][1]}")
            size = SIZES[size_name]
            st.download_button(_("PNG image"), data=lambda: png_bytes(ds, view, size, fit, t),
                               file_name=f"{stem}.png",
                               mime="image/png", on_click="ignore", type="primary", icon=":material/image:",
                               key="export_png", width="stretch",
                               help=_("The map with title, date, filters, legend, scale and credits"))
        else:
            st.warning(_(snapshot.MISSING_BROWSER), icon=":material/warning:")
        st.download_button(_("HTML (opens offline)"), data=lambda: snapshot.snapshot_html(ds, view, fit=fit, t=t),
                           file_name=f"{stem}.html", mime="text/html", on_click="ignore",
                           icon=":material/public:", key="export_html", width="stretch",
                           help=_("One file with every script and style inside: layers, popups and legend"))
        for fmt, label, icon in (("geojson", _("GeoJSON of the events"), ":material/map:"),
                                 ("csv", _("CSV of the events"), ":material/table:")):
            st.download_button(label, data=partial(data_file, ds, view, fmt, t),
                               file_name=f"{stem}.{fmt}", mime=data_export.MIME_TYPES[fmt], on_click="ignore",
                               key=f"export_{fmt}", width="stretch", icon=icon,
                               help=_("The events active {span}, every field and source").format(span=span))
        st.download_button(_("Sources and licence (.txt)"), data=lambda: citation(ds, view, t),
                           file_name=f"{stem}.csv.txt", mime="text/plain", on_click="ignore",
                           key="export_citation", width="stretch", icon=":material/info:")
        st.caption(_("Events active {span}. Data CC BY 4.0; cite the sources listed in each file.").format(span=span))
