"""Cached access to the data for the pages: one loaded dataset per data version, for every session."""
from __future__ import annotations

import ctypes
import gc
import logging
import threading
import time
from collections.abc import Hashable, Iterator
from contextlib import contextmanager

import pyarrow as pa
import streamlit as st

from geo.core.dataset import Dataset
from geo.core.i18n import N_
from geo.core.model import StoreUnavailable
from geo.store import FolderStore, open_store, resolve_source
from geo.store.loadcache import load_folder
from ui.i18n import _


@st.cache_resource(show_spinner=False, max_entries=4)
def _load(source: str, version: Hashable) -> Dataset:
    gc.unfreeze()  # datasets evicted from the cache can be collected again
    store = open_store(source)
    # builds the event index once, so no session's rerun pays for it; a folder is validated in a
    # worker process and read back from its cache (geo.store.loadcache): faster and smaller
    dataset = load_folder(store) if isinstance(store, FolderStore) else store.load()
    # A large dataset is millions of Python objects (sources, geometries) that live as long
    # as the cache: freezing them spares every later garbage collection from scanning them,
    # which otherwise adds pauses of a few hundred ms to random reruns at 100,000 events.
    gc.collect()
    gc.freeze()
    release_free_memory()
    return dataset


_first_run_done = threading.Event()


def freeze_after_first_run() -> None:
    """Once per server, at the end of its first run: collect, then freeze what that run left
    (modules imported, templates compiled, tables read: they live as long as the server). Streamlit
    collects garbage after every run; the 30,000 objects a first run leaves took each collection
    some 20 ms, while the next run's messages waited for Python's lock."""
    if _first_run_done.is_set():
        return
    _first_run_done.set()
    gc.collect()
    gc.freeze()


#: glibc's ``mallopt`` parameters (malloc.h): the most arenas, the size from which blocks are mapped.
M_ARENA_MAX = -8
M_MMAP_THRESHOLD = -3
#: Blocks of this size and more are mapped apart, and given back to the system when freed.
MMAP_FROM_BYTES = 1024 * 1024


def limit_malloc_arenas(arenas: int = 2, mmap_from: int = MMAP_FROM_BYTES) -> None:
    """Let glibc's malloc keep at most ``arenas`` arenas, and map blocks of ``mmap_from`` bytes and
    more apart (elsewhere nothing).

    Streamlit runs each session's script in a thread of its own, and glibc gives threads arenas of
    their own (up to eight per core), each keeping the memory its thread freed: resident memory
    crept up session after session. The GIL lets one thread allocate at a time anyway. A rerun at
    100,000 events makes blocks of megabytes (rows of the text columns, Arrow buffers): glibc maps
    such blocks apart at first, but raises that threshold (up to 32 MB) once one is freed, and from
    then on they fill the arenas with holes that are seldom given back (10 MB more resident after 18
    sessions in one process, measured under AppTest; 16 MB over ten sessions of the server). Arrays
    of one number per event (800 KB at 100,000) stay below it: mapping each of them cost page faults
    enough to make the cumulative view's cells 30 % slower."""
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(M_ARENA_MAX, arenas)
        libc.mallopt(M_MMAP_THRESHOLD, mmap_from)
    except (OSError, AttributeError):  # not glibc
        return


limit_malloc_arenas()


def arrow_uses_malloc() -> None:
    """Let Arrow allocate through the C library's malloc rather than its own allocator (mimalloc or
    jemalloc). The events frame's text columns are Arrow strings, so every selection of rows, every
    comparison of days, allocates in Arrow's pool; Arrow's own allocator keeps the pages freed after
    a run for later, and resident memory at 100,000 events moved 10 to 15 MB higher session after
    session. glibc returns large blocks to the system as they are freed (and keeps two arenas, see
    :func:`limit_malloc_arenas`)."""
    pa.set_memory_pool(pa.system_memory_pool())


arrow_uses_malloc()


def release_free_memory() -> None:
    """Give the memory freed by a load back to the system: Arrow's allocator (which keeps what it
    frees for later: some 30 MB after the event index is built at 100,000 events), then glibc's
    (``malloc_trim``; elsewhere nothing)."""
    pa.default_memory_pool().release_unused()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        return


#: ``time.monotonic()`` when the latest script run of any session asked for the dataset (every run
#: does, first thing): background work (:func:`ui.panels.prefetch_next_day`) stands aside for runs.
_last_run = [0.0]


def run_started_since(moment: float) -> bool:
    """Whether a script run has started since ``moment`` (``time.monotonic()``)."""
    return _last_run[0] > moment


def get_dataset() -> Dataset:
    """The dataset of ``$BLOCKADE_MAP_DATA`` (or the bundled data), reloaded when its data changes."""
    _last_run[0] = time.monotonic()
    source = str(resolve_source())
    with st.spinner(_("Loading the data…")):  # shown only while a load takes long (the first, or after an edit)
        return _load(source, open_store(source).version())


log = logging.getLogger("blockade_map.app")
STORE_DOWN = N_("The data cannot be shown right now: the database that holds it is not answering. "
                "Please try again in a few minutes.")


@contextmanager
def store_guard() -> Iterator[None]:
    """Tell the reader in plain words, and stop the run, when the store cannot be reached (a
    database that is down); the cause goes to the server's log (without the password)."""
    try:
        yield
    except StoreUnavailable as exc:
        log.error("the data source cannot be reached: %s", exc)
        st.error(_(STORE_DOWN), icon=":material/cloud_off:")
        st.stop()
