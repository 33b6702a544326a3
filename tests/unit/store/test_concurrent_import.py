"""Issue 10: two imports of the same file at once, one killed mid-write: every event once."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geo.cli.main import main
from geo.store.editor import LOG_FILE, read_log
from tests.conftest import ROOT, make_event, write_folder

CSV = """kind,start,place,region,lon,lat,geo_precision,source_url,source_name,source_published
blockade,2023-01-09,Juliaca market,Puno,-70.1,-15.4,1,https://example.org/a,Example,2023-01-09
blockade,2023-01-10,Ayaviri,Puno,-70.59,-14.88,1,https://example.org/b,Example,2023-01-10
clash,2023-01-09,Juli,Puno,-69.46,-16.21,1,https://example.org/c,Example,2023-01-09
"""

_IMPORTER = """
import sys, time
from pathlib import Path
import geo.store.editor as editor
from geo.cli.main import main
folder, upload, stall = sys.argv[1], sys.argv[2], sys.argv[3] == "stall"
real = editor.atomic_write

def atomic_write(path, data):
    # Stall (to be killed) when the change is in the log but events.geojson not yet replaced.
    if stall and Path(path).name == "events.geojson":
        print("stalled", flush=True)
        time.sleep(120)
    return real(path, data)

editor.atomic_write = atomic_write
print("ready", flush=True)
sys.stdin.readline()                       # start together
sys.exit(main(["import", upload, "--data", folder, "--who", sys.argv[3]]))
"""


def _start(folder: Path, upload: Path, mode: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-c", _IMPORTER, str(folder), str(upload), mode], cwd=ROOT, env=env,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    return proc


@pytest.mark.slow
def test_two_imports_at_once_one_killed_mid_write_leave_each_event_once(tmp_path, capsys):
    folder = write_folder(tmp_path / "data", [make_event("a"), make_event("b", place="Puno", lon=-70.02, lat=-15.84)])
    upload = tmp_path / "reports.csv"
    upload.write_text(CSV, encoding="utf-8")
    killed = _start(folder, upload, "stall")
    killed.stdin.write("go\n")
    killed.stdin.flush()
    assert killed.stdout.readline().strip() == "stalled"     # logged, holding the lock, file not written
    other = _start(folder, upload, "normal")                  # meanwhile the same import again: it checks the
    other.stdin.write("go\n")                                # file (no event of the first yet) and waits for
    other.stdin.flush()                                       # the lock
    time.sleep(1.5)
    killed.send_signal(signal.SIGKILL)
    killed.wait(timeout=30)
    out, err = other.communicate(timeout=120)
    for proc in (killed, other):
        proc.stdout.close()
        proc.stderr.close()
    assert other.returncode == 0, err
    assert out.strip() == "imported 0 events: 3 rows are already in the data (the same events), not added again"
    assert err.count("(added meanwhile)") == 3
    events = json.loads((folder / "events.geojson").read_text(encoding="utf-8"))["features"]
    assert len(events) == 2 + 3
    assert sorted(f["properties"]["place"] for f in events) == ["Ayaviri", "Juli", "Juliaca", "Juliaca market", "Puno"]
    assert [e["who"] for e in read_log(folder / LOG_FILE)] == ["stall"] * 3       # the killed import, rolled forward
    assert main(["verify-log", "--data", str(folder)]) == 0
    assert capsys.readouterr().out.startswith("ok: 3 logged changes replay")
    # And a third run of the same import adds nothing either.
    assert main(["import", str(upload), "--data", str(folder)]) == 0
    assert "imported 0 events: 3 rows are already" in capsys.readouterr().out
    assert len(json.loads((folder / "events.geojson").read_text(encoding="utf-8"))["features"]) == 5
