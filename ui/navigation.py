"""The app's pages, and the hand-over that makes a shared deep link work on a fresh server.

With a ``pages/`` folder beside ``app.py``, the first request of a fresh server for a deep
link (``/corridors?date=...``) runs that page's script directly, without ``app.py`` (no page
config, no navigation, no local assets). Every page therefore starts with :func:`require_app`:
run outside the app's navigation, it runs ``app.py`` instead and stops; ``app.py`` then routes
to the same page.
"""
from __future__ import annotations

import runpy
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

import streamlit as st
from PIL import Image, ImageDraw

from geo.core.i18n import N_
from ui.i18n import _

ROOT = Path(__file__).resolve().parent.parent


class PageSpec(NamedTuple):
    script: str
    title: str
    icon: str
    url_path: str


#: The pages in menu order; the first is the default page (also served at "/").
PAGES: tuple[PageSpec, ...] = (
    PageSpec("pages/map.py", N_("Map"), ":material/map:", "map"),
    PageSpec("pages/corridors.py", N_("Corridors and routes"), ":material/route:", "corridors"),
    PageSpec("pages/timeline.py", N_("Timeline"), ":material/timeline:", "timeline"),
    PageSpec("pages/add_event.py", N_("Add an event"), ":material/add_location_alt:", "add"),
    PageSpec("pages/import_data.py", N_("Import"), ":material/upload_file:", "import"),
    PageSpec("pages/edit_events.py", N_("Edit and retract"), ":material/edit_note:", "edit"),
    PageSpec("pages/news_report.py", N_("From a news report"), ":material/newspaper:", "news"),
    PageSpec("pages/about.py", N_("About the data"), ":material/info:", "about"),
)

_state = threading.local()


@st.cache_resource(show_spinner=False)
def page_icon() -> Image.Image:
    """The browser tab's icon, drawn here and served by the app: an orange blockade marker."""
    icon = Image.new("RGBA", (64, 64), (0, 0, 0, 0))
    draw = ImageDraw.Draw(icon)
    draw.ellipse((6, 6, 58, 58), fill=(230, 85, 13, 255), outline=(34, 34, 34, 255), width=6)
    draw.rectangle((18, 28, 46, 36), fill=(255, 255, 255, 255))
    return icon


@contextmanager
def app_running() -> Iterator[None]:
    """Mark the current script run as driven by ``app.py``'s navigation."""
    _state.in_app = True
    try:
        yield
    finally:
        _state.in_app = False


def require_app() -> None:
    """Hand over to ``app.py`` when a page script was started without the app's navigation.

    ``app.py`` then routes to this same page: by its URL on a server, and as the default page
    where there is no URL (a script run directly, as in Streamlit's AppTest).
    """
    if getattr(_state, "in_app", False):
        return
    _state.wanted = None if st.context.url else _caller_script()
    try:
        runpy.run_path(str(ROOT / "app.py"), run_name="__main__")
    finally:
        _state.wanted = None
    st.stop()


def _caller_script() -> str | None:
    """``pages/<name>.py`` of the page script that called :func:`require_app`."""
    import inspect
    for frame in inspect.stack(context=0)[2:]:  # no source lines: reading them cost 25 ms a run
        path = Path(frame.filename).resolve()
        if path.parent == ROOT / "pages":
            return f"pages/{path.name}"
    return None


def navigation() -> st.Page:
    """``st.navigation`` over :data:`PAGES`; the map is also the hidden default page at "/".

    When a page handed over to ``app.py`` (:func:`require_app`), that page is the default.
    """
    wanted = getattr(_state, "wanted", None)
    pages = [st.Page(ROOT / p.script, title=_(p.title), icon=p.icon, url_path=p.url_path,
                     default=p.script == wanted) for p in PAGES]
    if not any(p.script == wanted for p in PAGES):
        # Streamlit serves the default page at "/" only; this hidden default shows the map there,
        # so both "/?date=..." (the contract's address) and "/map?date=..." open the map.
        first = PAGES[0]
        pages.insert(0, st.Page(ROOT / first.script, title=_(first.title), url_path="home", default=True,
                                visibility="hidden"))
    return st.navigation(pages)
