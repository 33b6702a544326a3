"""The server's allocators (memory, issue 24): set when the app's data module is imported."""
from __future__ import annotations

import pyarrow as pa


def test_arrow_allocates_through_malloc():
    import ui.data  # noqa: F401  # the import sets the allocators

    pool = pa.default_memory_pool()
    assert pool.backend_name == "system"
    before = pool.bytes_allocated()
    column = pa.array(["2023-01-09"] * 10_000)
    assert pool.bytes_allocated() >= before + 100_000  # the array's buffers came from that pool
    del column
    assert pool.bytes_allocated() == before
