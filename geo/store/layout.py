"""The files of a data folder, and which folder to use."""
from __future__ import annotations

import os
from pathlib import Path

from geo.core.paths import BUNDLED_DATA

DATA_ENV = "BLOCKADE_MAP_DATA"
EVENTS_FILE = "events.geojson"
HOTSPOTS_FILE = "hotspots.geojson"
CORRIDORS_FILE = "corridors.geojson"
COUNTS_FILE = "reported_counts.csv"
LOG_FILE = "changelog.jsonl"
BASE_FILE = "changelog.base.geojson"
LOCK_FILE = ".events.lock"
#: The data's own notes; its section headed "What is not mapped..." lists what was left out.
README_FILE = "README.md"
LEFT_OUT_HEADING = "what is not mapped"


def resolve_data_dir(data_dir: str | os.PathLike | None = None) -> Path:
    """The data folder: ``data_dir`` if given, else ``$BLOCKADE_MAP_DATA``, else the bundled data."""
    if data_dir:
        return Path(data_dir)
    env = os.environ.get(DATA_ENV)
    return Path(env) if env else BUNDLED_DATA
