"""Cached access to the dataset for the pages."""
from __future__ import annotations

import gc
from pathlib import Path

import streamlit as st

from geo.mapindex import event_index
from geo.store import Dataset, load_dataset, resolve_data_dir


def _fingerprint(folder: Path) -> tuple:
    """Modification times of the layer files, so an edit on disk reloads the data.

    Hidden files (the edit lock, temporary files of an atomic write) are skipped: they come
    and go while an editor saves.
    """
    stamps = []
    for p in folder.glob("*"):
        if p.name.startswith("."):
            continue
        try:
            if p.is_file():
                stamps.append((p.name, p.stat().st_mtime_ns))
        except FileNotFoundError:  # removed between listing and stat
            continue
    return tuple(sorted(stamps))


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
