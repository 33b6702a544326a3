"""Hostile data folders: every read of a data-folder file goes through ``read_data_file``, which
refuses links, special files and oversized files in one located line, before reading them."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from geo.core.model import DataError
from geo.places.gazetteer import gazetteer_for
from geo.store import FolderStore
from geo.store.editor import Editor, read_log
from geo.store.files import READ_LIMITS, file_kind, read_data_file, read_json_file
from tests.conftest import BUNDLED

#: Most memory (resident, kB) a refused command may take: the interpreter with geopandas and
#: pyogrio loaded takes about 250 MB here; /dev/zero read whole took 11.6 GB.
MAX_RSS_KB = 600_000


#: Runs the command line in a fresh interpreter and writes its own peak resident memory (VmHWM, kB)
#: to $PEAK_FILE. A child's ru_maxrss is no measure here: Linux carries the parent's peak into it
#: at fork and exec, so after a long test session it reads as the test process's own size.
_MEASURED = """
import os, re, sys
from geo.cli.main import main
try:
    code = main(sys.argv[1:])
finally:
    with open("/proc/self/status", encoding="ascii") as status:
        peak = re.search(r"VmHWM:\\s+(\\d+)", status.read()).group(1)
    with open(os.environ["PEAK_FILE"], "w", encoding="ascii") as out:
        out.write(peak)
sys.exit(code)
"""


def _run(*argv: str) -> tuple[subprocess.CompletedProcess, float, int]:
    """Run the command in a child; return it, its seconds and its own peak memory (kB)."""
    with tempfile.TemporaryDirectory() as scratch:
        peak_file = Path(scratch) / "peak"
        started = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", _MEASURED, *argv], capture_output=True, text=True, timeout=120,
                              env={**os.environ, "BLOCKADE_MAP_DATA": "", "PEAK_FILE": str(peak_file)})
        seconds = time.perf_counter() - started
        peak = int(peak_file.read_text(encoding="ascii"))
    return proc, seconds, peak


@pytest.fixture
def hostile(tiny_data) -> Path:
    return tiny_data


# A fresh interpreter per case (its own peak memory is measured): 1.2 s of CPU each, so these run in
# `make test`; the in-process refusals below stay in `make test-fast`.
@pytest.mark.slow
@pytest.mark.parametrize("name, target, command, message", [
    ("reported_counts.csv", "/dev/zero", ["validate"], "is a symbolic link"),
    ("events.geojson", "/dev/urandom", ["day", "2023-01-09"], "is a symbolic link"),
    ("events.geojson", "fifo", ["validate"], "is a special file (a FIFO, socket or device)"),
    ("reported_counts.csv", "fifo", ["day", "2023-01-09"], "is a special file (a FIFO, socket or device)"),
    ("events.geojson", "huge", ["validate"], "is larger than the limit for a layer file (2,147,483,648 bytes)"),
    ("dataset.json", "huge", ["day", "2023-01-09"], "is larger than the limit for a info file (1,048,576 bytes)"),
], ids=["counts->/dev/zero", "events->/dev/urandom", "events-fifo", "counts-fifo", "events-oversized",
        "dataset.json-oversized"])
def test_a_hostile_file_is_refused_in_one_line_quickly(hostile, name, target, command, message):
    path = hostile / name
    path.unlink(missing_ok=True)
    if target == "fifo":
        os.mkfifo(path)
    elif target == "huge":  # sparse: one byte over the limit costs no disk
        with open(path, "wb") as handle:
            handle.truncate(READ_LIMITS[file_kind(name)] + 1)
    else:
        os.symlink(target, path)
    proc, seconds, rss = _run(*command, "--data", str(hostile))
    assert proc.returncode == 1, proc.stderr
    # One line for the file (validate adds its count of problems under it).
    lines = [line for line in proc.stderr.strip().splitlines() if not line.startswith("1 problem(s) in ")]
    assert len(lines) == 1 and lines[0].startswith(f"{name}: (file): {message}"), proc.stderr
    if target == "huge":
        assert f": {READ_LIMITS[file_kind(name)] + 1:,} bytes" in lines[0]
    assert "Traceback" not in proc.stderr
    assert seconds < 60 and rss < MAX_RSS_KB, (seconds, rss)


def test_read_data_file_names_the_file_what_and_the_limit(tmp_path):
    (tmp_path / "lexicon.json").write_bytes(b"x" * (READ_LIMITS["lexicon"] + 1))
    os.symlink(tmp_path / "lexicon.json", tmp_path / "link.json")
    os.mkfifo(tmp_path / "pipe.csv")
    (tmp_path / "folder.geojson").mkdir()
    cases = {"lexicon.json": "lexicon.json: (file): is larger than the limit for a lexicon file (16,777,216 bytes): "
                             "16,777,217 bytes",
             "link.json": "link.json: (file): is a symbolic link; a data folder holds regular files only",
             "pipe.csv": "pipe.csv: (file): is a special file (a FIFO, socket or device), not a regular file",
             "folder.geojson": "folder.geojson: (file): is a folder, not a file"}
    for name, expected in cases.items():
        with pytest.raises(DataError) as caught:
            read_data_file(tmp_path / name)
        assert str(caught.value) == expected
    with pytest.raises(FileNotFoundError):
        read_data_file(tmp_path / "absent.geojson")
    (tmp_path / "changelog.jsonl").write_bytes(b"0123456789")
    assert read_data_file(tmp_path / "changelog.jsonl", offset=4) == b"456789"
    assert read_json_file(tmp_path / "link.json")[1][0].message.startswith("is a symbolic link")


def test_every_reader_of_a_folder_refuses_a_link(tiny_data, tmp_path):
    """The editor, the change log, the documents (README, gazetteer, lexicon, basemap) and the
    working copy all read through the same door."""
    shutil.copytree(BUNDLED / "gazetteer", tiny_data / "gazetteer")
    store = FolderStore(tiny_data)
    ok = read_data_file(tiny_data / "events.geojson")
    (tiny_data / "events.geojson").unlink()
    os.symlink("/dev/zero", tiny_data / "events.geojson")
    with pytest.raises(DataError, match=r"^events.geojson: \(file\): is a symbolic link"):
        Editor(tiny_data).read()
    with pytest.raises(DataError, match=r"^events.geojson: \(file\): is a symbolic link"):
        store.copy_to(tmp_path / "copy")
    (tiny_data / "events.geojson").unlink()
    (tiny_data / "events.geojson").write_bytes(ok)
    for name in ("changelog.jsonl", "README.md", "lexicon.json", "basemap.geojson"):
        os.symlink("/dev/urandom", tiny_data / name)
    os.replace(tiny_data / "gazetteer" / "places.csv", tmp_path / "places.csv")
    os.symlink(tmp_path / "places.csv", tiny_data / "gazetteer" / "places.csv")
    with pytest.raises(DataError, match=r"^changelog.jsonl: \(file\): is a symbolic link"):
        read_log(tiny_data / "changelog.jsonl")
    for read, name in ((store.left_out, "README.md"), (store.lexicon, "lexicon.json"),
                       (store.basemap_text, "basemap.geojson"), (lambda: gazetteer_for(store), "gazetteer/places.csv")):
        with pytest.raises(DataError, match=rf"^{name}: \(file\): is a symbolic link"):
            read()


def test_real_data_is_far_below_the_limits():
    for path in sorted(p for p in BUNDLED.rglob("*") if p.is_file()):
        name = path.relative_to(BUNDLED).as_posix()
        assert path.stat().st_size * 50 < READ_LIMITS[file_kind(name)], name
    assert json.loads(read_data_file(BUNDLED / "dataset.json"))["country"] == "PE"


@pytest.mark.slow  # a fresh interpreter, as above
def test_validate_names_every_document_that_cannot_be_read(tiny_data):
    os.symlink("/dev/zero", tiny_data / "README.md")
    (tiny_data / "lexicon.json").write_text("[1, 2]\n", encoding="utf-8")
    (tiny_data / "gazetteer").mkdir()
    os.mkfifo(tiny_data / "gazetteer" / "places.csv")
    proc, seconds, rss = _run("validate", "--data", str(tiny_data))
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == [
        "README.md: (file): is a symbolic link; a data folder holds regular files only",
        "gazetteer/places.csv: (file): is a special file (a FIFO, socket or device), not a regular file",
        "lexicon.json: (file): must hold a JSON object",
        f"3 problem(s) in {tiny_data}"]
    assert seconds < 60 and rss < MAX_RSS_KB
