"""Issue 25, ``make fuzz``: the data-folder reader on hostile folders, seen from the command line
and by the operating system. test_fuzz_data_folder.py checks the reader in this process; here
``validate`` and ``day`` run as the installed ``blockade-map`` in a child process with a limit on
its address space and a timeout, so a runaway read is stopped by those limits (and counted as a
failure), not by this test. Whatever stands in a file's place (a link to /dev/zero or
/dev/urandom, a FIFO, a folder, a link loop, a link out of the folder, a file over the size limit,
JSON nested without end, bytes that are not UTF-8), the command ends within 60 s, 3 GB of address
space and 1 GB resident, with exit status 0 or 1; a refusal names the file, one line per
problem, never a traceback.
"""
from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.fuzz.test_fuzz_data_folder import _place
from tests.fuzz.test_fuzz_inputs import base_folder  # noqa: F401  (the same small valid folder)

pytestmark = [pytest.mark.fuzz, pytest.mark.slow]
FUZZ = os.environ.get("HYPOTHESIS_PROFILE") == "fuzz"
BIN = Path(sys.executable).parent / "blockade-map"
#: What one command may take on a hostile folder: seconds of wall time, bytes of address space
#: and of resident memory (a run on the clean folder needs a few hundred MB of each).
TIME_LIMIT_S = 60
ADDRESS_LIMIT = 3 * 1024 ** 3
RSS_LIMIT = 1024 ** 3

TARGETS = ["events.geojson", "hotspots.geojson", "corridors.geojson", "reported_counts.csv", "dataset.json",
           "README.md", "gazetteer/places.csv", "basemap.geojson", "changelog.jsonl"]
HOSTILITIES = ["dev-zero", "dev-urandom", "fifo", "folder", "loop", "outside", "oversized", "nested", "not-utf8",
               "dangling"]


def make_hostile(folder: Path, target: str, hostility: str) -> Path:
    """Put ``hostility`` in place of ``target`` inside ``folder``; the path it took."""
    shared = {"dev-zero": "zero", "dev-urandom": "urandom", "fifo": "fifo", "folder": "folder",
              "dangling": "dangling", "oversized": "huge"}
    if hostility in shared:
        _place(folder, target, shared[hostility], b"")
        return folder / target
    _place(folder, target, "bytes", b"")  # clears the place; then the entries only this file tries
    path = folder / target
    if hostility == "loop":
        path.unlink()
        path.symlink_to(path.name)
    elif hostility == "outside":
        path.unlink()
        path.symlink_to("/etc/passwd")
    elif hostility == "nested":
        path.write_text("[" * 200_000 + "]" * 200_000, encoding="ascii")
    elif hostility == "not-utf8":
        path.write_bytes(b"\xff\xfe\x00{\x80\x81" * 10_000)
    else:
        raise ValueError(hostility)
    return path


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_LIMIT, ADDRESS_LIMIT))


def run_limited(argv: list[str]) -> tuple[int, str, float, int]:
    """``(status, stderr, seconds, peak resident bytes)`` of one command under the limits."""
    started = time.monotonic()
    proc = subprocess.Popen([str(BIN), *argv], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL, preexec_fn=_limits)
    err: list[bytes] = []
    reader = threading.Thread(target=lambda: err.append(proc.stderr.read()), daemon=True)
    reader.start()
    while True:  # os.wait4: this child's own peak memory, not the largest of every child so far
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() - started > TIME_LIMIT_S:
            proc.kill()
            os.wait4(proc.pid, 0)
            proc.returncode = -9
            pytest.fail(f"blockade-map {' '.join(argv)} ran past {TIME_LIMIT_S} s")
        time.sleep(0.05)
    proc.returncode = os.waitstatus_to_exitcode(status)
    reader.join(timeout=10)
    seconds = time.monotonic() - started
    return proc.returncode, b"".join(err).decode("utf-8", "replace"), seconds, usage.ru_maxrss * 1024


def _check(folder: Path, target: str, command: list[str]) -> None:
    status, err, seconds, peak = run_limited([*command, "--data", str(folder)])
    assert "Traceback" not in err and "MemoryError" not in err, err[-2000:]
    assert status in (0, 1), (status, err[-2000:])
    assert peak < RSS_LIMIT, f"{peak / 1e6:.0f} MB resident"
    lines = [line for line in err.splitlines() if line.strip()]
    assert all(len(line) < 2000 for line in lines)
    if status == 1:
        assert lines and any(Path(target).name in line for line in lines), lines[:5]


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
          max_examples=60 if FUZZ else 6, phases=[Phase.explicit, Phase.generate], deadline=None)
@given(target=st.sampled_from(TARGETS), hostility=st.sampled_from(HOSTILITIES),
       command=st.sampled_from([["validate"], ["day", "2023-01-09"]]))
def test_a_hostile_file_in_a_data_folder_is_refused_within_limits(base_folder, tmp_path, target, hostility, command):
    folder = tmp_path / f"hostile-{os.getpid()}-{time.monotonic_ns()}"
    shutil.copytree(base_folder, folder)
    try:
        make_hostile(folder, target, hostility)
        _check(folder, target, command)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize("target, hostility", [("reported_counts.csv", "dev-zero"),
                                               ("events.geojson", "dev-urandom"),
                                               ("events.geojson", "fifo"),
                                               ("dataset.json", "oversized")])
def test_the_issues_hostile_folders_are_refused_within_limits(base_folder, tmp_path, target, hostility):
    """The cases of the issue: counts linked to /dev/zero (11.6 GB in 60 s), events to /dev/urandom."""
    folder = tmp_path / "data"
    shutil.copytree(base_folder, folder)
    make_hostile(folder, target, hostility)
    for command in (["validate"], ["day", "2023-01-09"]):
        _check(folder, target, command)
