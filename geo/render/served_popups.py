"""The dashboard's popups as a file the page fetches, not as part of every day step.

A day step sends the map its markers; their popups (place, dates, counts, description, sources:
two thirds of the bytes) are only read when a reader clicks one. So for the dashboard each
marker's row carries a short digest of its popup instead of the popup itself, and the view's popups
go, in the rows' order, into one JSON file in the dashboard's static folder, named by the digest
of its content (written once; the newest :data:`KEEP_FILES` are kept). ``blockade-map.js`` fetches
the file once the day is drawn and the browser is idle, and joins a popup when one opens
(``servedPopup``). A marker kept from one day to the next keeps its popup: same digest, same text.

Exports and the static edition keep their popups in the page (:func:`geo.render.popups.event_row`).
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import numpy as np

from geo.core.dataset import Dataset
from geo.core.escape import json_for_script
from geo.core.i18n import ENGLISH, Translator
from geo.core.paths import app_script
from geo.render.assets import STATIC_URL
from geo.render.popups import event_row, popup_parts
from geo.render.served_files import keep_file

#: Where the dashboard serves the views' popups from (under Streamlit's static folder).
STATIC_DIR = app_script().parent / "static" / "vendor" / "popups"
#: Files kept in it: the newest (a reader's open page fetches its view's file once, when drawn).
KEEP_FILES = 400


def popup_json(event: dict, t: Translator = ENGLISH) -> str:
    """An event's popup pieces (:func:`geo.render.popups.popup_parts`) as JSON."""
    return json_for_script(popup_parts(event, t))


def lean_row_json(event: dict, popup: str, t: Translator = ENGLISH) -> str:
    """The point layer's row of an event with the digest of its popup (``popup``, its JSON) where
    :func:`geo.render.popups.event_row` has the popup itself."""
    row = event_row(event, t)
    row[5] = hashlib.sha256(popup.encode("utf-8")).hexdigest()[:12]
    return json_for_script(row)


def served_rows(dataset: Dataset, ordered: np.ndarray, t: Translator = ENGLISH) -> tuple[str, str]:
    """``(rows_json, popups_json)`` of the events at ``ordered`` (drawing order): each made once per
    event and language and kept by the index (:meth:`geo.core.index.EventIndex.memo`)."""
    index = dataset.index
    code = "" if t.lang == "en" else f":{t.lang}"
    popups = index.memo(f"event-popup{code}", ordered, lambda record: popup_json(record, t))
    by_id = dict(zip(index.ids[np.asarray(ordered)].tolist(), popups, strict=True))
    rows = index.memo(f"event-row-served{code}", ordered, lambda record: lean_row_json(record, by_id[record["id"]], t))
    return "[" + ",".join(rows) + "]", "[" + ",".join(popups) + "]"


def popups_url(popups: str, static_dir: str | os.PathLike | None = None) -> str:
    """Write a view's popups (JSON text) into the static folder, named by its digest, unless there
    already; keep the newest :data:`KEEP_FILES`; return the URL the page fetches it from."""
    folder = Path(static_dir if static_dir is not None else STATIC_DIR)
    name = hashlib.sha256(popups.encode("utf-8")).hexdigest()[:20] + ".json"
    keep_file(folder, name, popups, KEEP_FILES)
    return f"/{STATIC_URL}/popups/{name}"
