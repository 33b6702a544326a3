"""A view's map layers as a file the dashboard's page can fetch before the reader steps to it.

The dashboard sends its map the view's layers as script text (``ui.map_component``); the map
draws them when Streamlit has run the page again and handed the map its new arguments, some
110 to 190 ms after a click on "Next" at 10,000 events on the benchmark machine. The same text is
also written here, into the static folder, under a name made from the data's load, the language
and the view (:func:`view_name`), and each view's text names the files of the day before and the
day after (``BlockadeMap.stepAhead``). The page fetches those when idle; a click on "Next" or
"Prev" then draws that day at once, while the server runs the page (``blockade-map.js``). The
server's text for that day is the same text, so the map finds it drawn and leaves it; when it
differs (the frame moved, the data changed) the map draws what the server sent, as without this
file.

A name stands for one text only: it holds a token of the data's load (a new load, a new name).
"""
from __future__ import annotations

import hashlib
import logging
import os
import threading
from pathlib import Path

from geo.core.escape import json_for_script
from geo.core.paths import app_script
from geo.core.view import View
from geo.render.assets import STATIC_URL
from geo.render.served_files import keep_file

log = logging.getLogger(__name__)

#: Where the dashboard serves the views' layers from (under Streamlit's static folder).
STATIC_DIR = app_script().parent / "static" / "vendor" / "views"
#: Files kept in it (about 60 kB each for a day of 500 events).
KEEP_FILES = 200
#: The first line of a view's layers text: the map tells the layers from the frame before them.
MARK = "/* bm-view */"
#: What the file of a view a step away holds until that view is made (the page asks again later;
#: the server's log and the reader's console are spared a "not found").
PENDING = "/* bm-view: not made yet */"

_lock = threading.Lock()


def view_name(token: str, lang: str, view: View) -> str:
    """The file name of ``view``'s layers in ``lang`` for the data's load ``token``."""
    key = "|".join([token, lang, view.day, view.mode, ",".join(view.kinds), ",".join(view.regions)])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24] + ".js"


def view_url(name: str) -> str:
    """The URL the page fetches the file ``name`` from."""
    return f"/{STATIC_URL}/views/{name}"


def served_view(layers: str, name: str, ahead: dict[str, str | None],
                static_dir: str | os.PathLike | None = None) -> str:
    """The view's layers text as the map is sent it: :data:`MARK`, ``layers`` (the layers' script),
    then the call naming the files of the views a step away (``ahead``: ``{"next": name or None,
    "prev": ...}``); written as the file ``name`` too (replacing a :data:`PENDING` one), and the files
    named in ``ahead`` are written :data:`PENDING` unless there. A static folder it may not write
    to gives the text with no file named (the map then draws each day when the server sends it;
    logged)."""
    folder = Path(static_dir if static_dir is not None else STATIC_DIR)
    urls = {step: view_url(other) for step, other in ahead.items() if other}
    text = f"{MARK}\n{layers}\nBlockadeMap.stepAhead({json_for_script(urls)});"
    try:
        with _lock:  # a view's text never replaced by a placeholder written at the same time
            keep_file(folder, name, text, KEEP_FILES, replace=True)
            for other in ahead.values():
                if other:
                    keep_file(folder, other, PENDING, KEEP_FILES)
    except OSError as exc:
        log.warning("views not served as files (no step ahead): %s", exc)
        return f"{MARK}\n{layers}\nBlockadeMap.stepAhead({{}});"
    return text
