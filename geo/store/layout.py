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
#: The embedded basemap (see :mod:`geo.render.basemap`).
BASEMAP_FILE = "basemap.geojson"
#: The extractor's words for this dataset (see :meth:`geo.store.protocol.Store.lexicon`).
LEXICON_FILE = "lexicon.json"
#: The gazetteer's tables (see :mod:`geo.places.gazetteer`).
GAZETTEER_DIR = "gazetteer"
PLACES_FILE = f"{GAZETTEER_DIR}/places.csv"
SITES_FILE = f"{GAZETTEER_DIR}/sites.csv"
REGIONS_FILE = f"{GAZETTEER_DIR}/regions.csv"
GAZETTEER_FILES = (PLACES_FILE, SITES_FILE, REGIONS_FILE)
#: Lakes and seas the basemap names (see :func:`geo.render.basemap.read_water`); optional.
WATER_FILE = f"{GAZETTEER_DIR}/water.csv"
#: Everything a data source holds besides its layers and change log, by its name in a folder:
#: a PostGIS store keeps each as a row of its ``documents`` table, byte for byte.
DOCUMENTS: tuple[str, ...] = (README_FILE, BASEMAP_FILE, LEXICON_FILE, *GAZETTEER_FILES, WATER_FILE,
                              f"{GAZETTEER_DIR}/README.md")


def resolve_data_dir(data_dir: str | os.PathLike | None = None) -> Path:
    """The data folder: ``data_dir`` if given, else ``$BLOCKADE_MAP_DATA``, else the bundled data."""
    if data_dir:
        return Path(data_dir)
    env = os.environ.get(DATA_ENV)
    return Path(env) if env else BUNDLED_DATA
