"""The only code that reads and writes data: a folder of files (the default) or PostGIS.

:func:`open_store` picks the store for a data source; every store is a
:class:`~geo.store.protocol.Store`: it loads a :class:`~geo.core.dataset.Dataset`, validates,
reports a version that changes whenever its data does, selects what one day needs, hands out
an editor for safe changes, and reads and writes the source's documents (the README's notes,
the gazetteer, the basemap, the lexicon). :func:`store_for` finds the store behind a dataset.
"""
from __future__ import annotations

import os
import re

from geo.core.dataset import Dataset
from geo.store.folder import FolderStore
from geo.store.layout import DATA_ENV, resolve_data_dir
from geo.store.postgis import PostgisStore, is_database_url, open_postgis, redact_url
from geo.store.protocol import Store, StoreEditor

__all__ = ["DATA_ENV", "FolderStore", "PostgisStore", "Store", "StoreEditor", "is_database_url", "load_dataset",
           "open_store", "redact_url", "resolve_source", "store_for"]


def resolve_source(source: str | os.PathLike | None = None) -> str | os.PathLike:
    """The data source: ``source`` if given, else ``$BLOCKADE_MAP_DATA``, else the bundled folder."""
    if source:
        return source
    env = os.environ.get(DATA_ENV)
    return env if env else resolve_data_dir()


def open_store(source: str | os.PathLike | None = None) -> Store:
    """The store of a data source: a folder path, or a ``postgresql://`` URL (one store, and one
    connection, per URL and process)."""
    source = resolve_source(source)
    if is_database_url(source):
        return open_postgis(str(source))
    if isinstance(source, str) and not os.path.exists(source) and (
            re.match(r"^[A-Za-z][A-Za-z0-9+.\-]*://", source) or redact_url(source) != source):
        # another scheme, or a libpq "host=... password=..." string: never echoed with its password
        raise ValueError(f"{redact_url(source)}: not a data source; give a folder or a postgresql:// URL")
    return FolderStore(source)


def load_dataset(source: str | os.PathLike | None = None, strict: bool = True) -> Dataset:
    """Load every layer of a data source (see :meth:`FolderStore.load`)."""
    return open_store(source).load(strict=strict)


def store_for(source: Store | Dataset | str | os.PathLike | None = None) -> Store:
    """The store of ``source``: a store itself, the store a dataset was loaded from (a dataset
    built by hand: the store of its folder), or the store :func:`open_store` opens."""
    if isinstance(source, Store):
        return source
    if isinstance(source, Dataset):
        return source.store if source.store is not None else open_store(source.source)
    return open_store(source)
