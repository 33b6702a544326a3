"""Cached access to the dataset for the pages."""
from __future__ import annotations

import gc
from pathlib import Path

import streamlit as st

from geo.mapindex import event_index
from geo.store import Dataset, load_dataset, resolve_data_dir


def _fingerprint(folder: Path) -> tuple:
    """Modification times of the layer files, so an edit on disk reloads the data."""
    return tuple(sorted((p.name, p.stat().st_mtime_ns) for p in folder.glob("*") if p.is_file()))


@st.cache_resource(show_spinner="Loading the data…", max_entries=4)
def _load(folder: str, fingerprint: tuple) -> Dataset:
    gc.unfreeze()  # datasets evicted from the cache can be collected again
    dataset = load_dataset(folder)
    event_index(dataset)  # built here, once, so that no session's rerun pays for it
    # A large dataset is millions of Python objects (sources, geometries) that live as long
    # as the cache: freezing them spares every later garbage collection from scanning them,
    # which otherwise adds pauses of a few hundred ms to random reruns at 100,000 events.
    gc.collect()
    gc.freeze()
    return dataset


def get_dataset() -> Dataset:
    """The dataset of ``$BLOCKADE_MAP_DATA`` (or the bundled data), shared by all sessions."""
    folder = resolve_data_dir()
    return _load(str(folder), _fingerprint(folder))
