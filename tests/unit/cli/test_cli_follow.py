"""`blockade-map follow` against a local server on 127.0.0.1 replaying SUTRAN's archived feed
(../shared/sutran), and against a folder where updates land: new updates applied, a failed
fetch logged and retried with nothing half-applied, a killed run resumed."""
from __future__ import annotations

import gzip
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from geo.cli.main import build_parser
from geo.cli.sutran import cmd_follow
from geo.store.editor import read_log
from tests.conftest import BUNDLED, ROOT

ARCHIVE = ROOT.parent / "shared" / "sutran" / "feed-2023-01-17-to-2023-03-31.jsonl.gz"
pytestmark = pytest.mark.skipif(not ARCHIVE.is_file(), reason=f"{ARCHIVE} is not there (../shared/sutran)")


def archived_steps(last_day: str) -> list[dict[str, list]]:
    """The feed as it stood at each archive commit up to ``last_day``: {file name: features}."""
    with gzip.open(ARCHIVE, "rt", encoding="utf-8") as handle:   # the archive holds one file, then the other
        lines = sorted((x for x in map(json.loads, handle) if x["archived"][:10] <= last_day),
                       key=lambda x: x["archived"])
    steps, now = [], {}
    for line in lines:
        now = dict(now, **{line["file"]: line["features"]})
        if len(now) == 2:
            steps.append(now)
    return steps


class Replay:
    """SUTRAN's two feed files at ``/feed/``, as they stood at step ``step``; ``fail`` makes the
    next request of restringido.json answer 503."""

    def __init__(self, steps: list[dict[str, list]]):
        self.steps, self.step, self.fail, self.served = steps, 0, 0, 0
        replay = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                name = self.path.rsplit("/", 1)[-1]
                if name == "restringido.json" and replay.fail:
                    replay.fail -= 1
                    self.send_error(503, "feed down")
                    return
                features = replay.steps[min(replay.step, len(replay.steps) - 1)].get(name)
                if features is None:
                    self.send_error(404)
                    return
                body = json.dumps({"data": features}, ensure_ascii=False).encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                if name == "restringido.json":
                    replay.served += 1

            def log_message(self, *args):
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/feed/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def replay():
    server = Replay(archived_steps("2023-01-18"))
    yield server
    server.close()


def new_dataset(folder: Path) -> Path:
    folder.mkdir()
    info = json.loads((BUNDLED / "dataset.json").read_text(encoding="utf-8"))
    info.pop("featured_day")   # a new dataset's data starts with the feed, not on the bundled featured day
    (folder / "dataset.json").write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")
    (folder / "events.geojson").write_text('{"type": "FeatureCollection", "features": []}\n', encoding="utf-8")
    return folder


def events(data: Path) -> dict[str, dict]:
    """The events by id, without the times the feed was fetched (they differ from run to run)."""
    out = {}
    for f in json.loads((data / "events.geojson").read_text(encoding="utf-8"))["features"]:
        info = f["properties"]["sutran"]
        for key in ("first", "last"):
            info[key] = {k: v for k, v in info[key].items() if k != "archived"}
        out[f["id"]] = f
    return out


def follow(data: Path, *argv: str, sleep=None) -> int:
    args = build_parser().parse_args(["follow", *argv, "--data", str(data)])
    return cmd_follow(args, "follower", sleep=sleep or (lambda s: None))


def test_follow_applies_each_new_update_and_retries_a_failed_fetch(replay, tmp_path, capsys):
    data = new_dataset(tmp_path / "data")
    slept = []

    def sleep(seconds):  # each wait of --every: the feed moves on one archived version (not the retry's wait)
        slept.append(seconds)
        replay.step += seconds == 1800

    replay.fail = 1   # the first poll's second file fails: nothing may be applied
    steps = len(replay.steps)
    assert follow(data, replay.url, "--every", "30m", "--retry", "1m", "--polls", str(steps + 1), sleep=sleep) == 0
    out = capsys.readouterr().out.splitlines()
    assert "fetch failed" in out[0] and "503" in out[0] and "nothing applied; trying again in 60 s" in out[0]
    assert slept[0] == 60 and slept[1:] == [1800] * (len(slept) - 1)
    # The failed poll wrote nothing; each later poll one transaction at most.
    log = read_log(data / "changelog.jsonl")
    assert {e["who"] for e in log} == {"follower"}
    assert len({e["tx"] for e in log}) <= steps
    # Every version served is in: each day's mapped blockades are the distinct protest sites listed that day.
    for day, prefix in (("2023-01-17", "17/01/2023"), ("2023-01-18", "18/01/2023")):
        listed = {(p["codigo_via"].strip(), frozenset(re.findall(r"\d+(?:\+\d+)?", p["afectacion"])), p["ubigeo"])
                  for step in replay.steps for feats in step.values() for p in (x["properties"] for x in feats)
                  if p["motivo"] == "HUMANO" and p["fecha_actualizacion"].strip().startswith(prefix)}
        on_day = [e for e in events(data).values() if e["properties"]["start"] <= day <= e["properties"].get("end", e["properties"]["start"])]
        assert len(on_day) == len(listed) and len(listed) > 50, day
    assert all(s["url"] == replay.url + "interrumpido.json" or s["url"] == replay.url + "restringido.json"
               for e in on_day for s in e["properties"]["sources"])
    # Polling the same feed again changes nothing.
    before = (data / "events.geojson").read_bytes()
    assert follow(data, replay.url, "--polls", "2") == 0
    assert (data / "events.geojson").read_bytes() == before


def test_a_killed_follow_resumes_to_the_same_events(replay, tmp_path, capsys):
    straight = new_dataset(tmp_path / "straight")

    def step_on(seconds):
        replay.step += 1

    assert follow(straight, replay.url, "--polls", str(len(replay.steps)), sleep=step_on) == 0
    capsys.readouterr()
    replay.step = 0
    data = new_dataset(tmp_path / "data")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    argv = [sys.executable, "-m", "geo.cli", "follow", replay.url, "--every", "0.05s", "--data", str(data)]
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 120
        while replay.served < len(replay.steps) // 2 and time.time() < deadline:
            replay.step = replay.served   # the feed moves on after each full poll
            time.sleep(0.01)
        proc.send_signal(signal.SIGKILL)   # mid-run, perhaps mid-write
    finally:
        proc.wait(timeout=30)
    assert replay.served >= len(replay.steps) // 2
    # Restarted, it goes on from the version the killed run was reading (a live feed would show the
    # newest; the replay shows what the killed run may not have written) and catches up.
    for step in range(max(replay.step - 1, 0), len(replay.steps)):
        replay.step = step
        assert follow(data, replay.url, "--polls", "1") == 0
    assert events(data) == events(straight)
    from geo.store.editor import Editor
    assert Editor(data).verify() == []


def test_follow_a_folder_where_updates_land(replay, tmp_path, capsys):
    data = new_dataset(tmp_path / "data")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    steps = iter(replay.steps)

    def land(step: dict, n: int) -> None:
        for name, features in step.items():
            (inbox / f"{n:03d}-{name}").write_text(json.dumps({"data": features}), encoding="utf-8")

    land(next(steps), 0)
    landed = [1]

    def sleep(seconds):  # while follow waits, the next version lands in the folder
        step = next(steps, None)
        if step is not None:
            land(step, landed[0])
            landed[0] += 1

    assert follow(data, str(inbox), "--every", "1s", "--polls", str(len(replay.steps) + 1), sleep=sleep) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1].endswith("no new feed update")   # the last poll found nothing new
    straight = new_dataset(tmp_path / "straight")
    assert follow(straight, str(inbox), "--polls", "1") == 0   # everything at once, as after a restart
    got, want = events(data), events(straight)
    assert len(got) > 50 and {k: v["properties"]["start"] for k, v in got.items()} == {
        k: v["properties"]["start"] for k, v in want.items()}
    before = (data / "events.geojson").read_bytes()
    assert follow(data, str(inbox), "--polls", "1") == 0   # a restarted follower reads the folder again: no change
    assert (data / "events.geojson").read_bytes() == before
    from geo.cli.args import UsageError
    with pytest.raises(UsageError, match="not a URL .* nor a folder"):
        follow(data, str(tmp_path / "nowhere"), "--polls", "1")
