"""The server's allocators (memory, issue 24): set when the app's data module is imported."""
from __future__ import annotations

import ctypes

import pyarrow as pa
import pytest


def test_arrow_allocates_through_malloc():
    import ui.data  # noqa: F401  # the import sets the allocators

    pool = pa.default_memory_pool()
    assert pool.backend_name == "system"
    before = pool.bytes_allocated()
    column = pa.array(["2023-01-09"] * 10_000)
    assert pool.bytes_allocated() >= before + 100_000  # the array's buffers came from that pool
    del column
    assert pool.bytes_allocated() == before


def test_blocks_of_256_kb_and_more_stay_mapped_apart():
    """glibc would raise its mapping threshold to 2 MB once a 2 MB block is freed, and serve the
    next 300 KB block from the heap; with the threshold set, that block is mapped apart (and given
    back when freed). glibc marks a mapped block with bit 2 of the size word before it."""
    from ui.data import MMAP_FROM_BYTES

    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.gnu_get_libc_version.restype = ctypes.c_char_p
        libc.gnu_get_libc_version()
    except (OSError, AttributeError):
        pytest.skip("not glibc")
    libc.malloc.restype = ctypes.c_void_p
    libc.free.argtypes = [ctypes.c_void_p]
    big = libc.malloc(2 * 1024 * 1024)
    libc.free(big)
    block = libc.malloc(MMAP_FROM_BYTES + 44 * 1024)
    try:
        assert ctypes.c_size_t.from_address(block - ctypes.sizeof(ctypes.c_size_t)).value & 2
    finally:
        libc.free(block)
