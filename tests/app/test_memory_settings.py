"""The server's allocators (memory, issue 24): set when the app's data module is imported."""
from __future__ import annotations

import ctypes
import os
import subprocess
import sys
from pathlib import Path

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


#: Run in a fresh process, with a hundred blocks: malloc serves a block from a free chunk of its
#: heap when it has one, whatever the threshold (which decides how it gets more memory).
_MAPPED = """
import ctypes
import ui.data
libc = ctypes.CDLL("libc.so.6")
libc.malloc.restype = ctypes.c_void_p
libc.free.argtypes = [ctypes.c_void_p]
libc.free(libc.malloc(2 * 1024 * 1024))
blocks = [libc.malloc(ui.data.MMAP_FROM_BYTES + 44 * 1024) for _ in range(100)]
print(sum(bool(ctypes.c_size_t.from_address(b - ctypes.sizeof(ctypes.c_size_t)).value & 2) for b in blocks))
"""


def test_blocks_of_1_mb_and_more_stay_mapped_apart():
    """glibc would raise its mapping threshold to 2 MB once a 2 MB block is freed, and then grow its
    heap for blocks of 1 MB (none of a hundred mapped, without the setting); with the threshold set,
    they are mapped apart (and given back when freed). glibc marks a mapped block with bit 2 of the
    size word before it."""
    try:
        is_glibc = hasattr(ctypes.CDLL("libc.so.6"), "gnu_get_libc_version")
    except OSError:
        is_glibc = False
    if not is_glibc:
        pytest.skip("not glibc")
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", _MAPPED], cwd=root, capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(root)})
    assert int(out.stdout.strip()) >= 95
