"""Property-based tests of the data-folder reader (issue 25): whatever stands where a data file
should be (random bytes, a link to a device, another file or nowhere, a FIFO, a folder, a sparse
file over the limit), ``validate`` and ``load`` answer at once with located problems that name
it, and never hang, fill memory or raise.

`make test` runs a few examples (the ``default`` profile); `make fuzz` runs many more.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.core.model import DataError
from geo.store import FolderStore
from geo.store.files import READ_LIMITS, file_kind
from geo.store.layout import DOCUMENTS
from tests.conftest import BUNDLED, make_event, write_folder

pytestmark = pytest.mark.fuzz

NAMES = ("dataset.json", "events.geojson", "hotspots.geojson", "corridors.geojson", "reported_counts.csv",
         "changelog.jsonl", *DOCUMENTS)
#: What may stand in a file's place; each but ``bytes`` and ``copy`` must be refused by name.
ENTRIES = ("bytes", "copy", "link", "zero", "urandom", "dangling", "fifo", "folder", "huge")
REFUSED = {"link": "is a symbolic link", "zero": "is a symbolic link", "urandom": "is a symbolic link",
           "dangling": "is a symbolic link",
           "fifo": "is a special file", "folder": "is a folder, not a file", "huge": "is larger than the limit"}
#: Files that validate reads (the change log is the editor's, read by verify-log).
VALIDATED = set(NAMES) - {"changelog.jsonl"}


@pytest.fixture(scope="module")
def base_folder(tmp_path_factory) -> Path:
    folder = write_folder(tmp_path_factory.mktemp("fuzz-folder") / "data",
                          [make_event("e-1", place="Juliaca"), make_event("e-2", "clash", place="Puno")])
    shutil.copytree(BUNDLED / "gazetteer", folder / "gazetteer")
    shutil.copy(BUNDLED / "README.md", folder / "README.md")
    return folder


def _place(folder: Path, name: str, entry: str, data: bytes) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif os.path.lexists(path):
        path.unlink()
    if entry == "bytes":
        path.write_bytes(data)
    elif entry == "copy":  # another data file's content
        path.write_bytes((BUNDLED / "dataset.json").read_bytes())
    elif entry == "link":  # a link to a good file is refused too
        os.symlink(BUNDLED / name if (BUNDLED / name).is_file() else BUNDLED / "dataset.json", path)
    elif entry in ("zero", "urandom"):
        os.symlink(f"/dev/{entry}", path)
    elif entry == "dangling":
        os.symlink(folder / "nowhere", path)
    elif entry == "fifo":
        os.mkfifo(path)
    elif entry == "folder":
        path.mkdir()
    else:  # sparse: one byte over the limit costs no disk
        with open(path, "wb") as handle:
            handle.truncate(READ_LIMITS[file_kind(name)] + 1)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(changes=st.dictionaries(st.sampled_from(NAMES), st.tuples(st.sampled_from(ENTRIES), st.binary(max_size=300)),
                               min_size=1, max_size=4))
def test_any_entry_in_a_data_folder_is_read_or_refused_by_name(base_folder, changes):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(shutil.copytree(base_folder, Path(tmp) / "data"))
        for name, (entry, data) in changes.items():
            if name.startswith("gazetteer/") and (folder / "gazetteer").is_symlink():
                continue
            _place(folder, name, entry, data)
        started = time.perf_counter()
        store = FolderStore(folder)
        problems = store.validate()
        try:
            store.load(strict=False)
        except DataError as exc:  # only the folder itself can stop a lenient load
            problems += exc.problems
        assert time.perf_counter() - started < 30
        lines = [str(p) for p in problems]
        assert all(p.file and p.message for p in problems), lines
        for name, (entry, _) in changes.items():
            if entry in REFUSED and name in VALIDATED:
                assert any(line.startswith(f"{name}: (file): {REFUSED[entry]}") for line in lines), (name, entry, lines)
