"""One benchmark worker process: runs a map page under Streamlit's AppTest and prints JSON.

Run as ``python -m bench.apprun TASK PAGE DATA_DIR ...`` by :mod:`bench.__main__`, one
process per (page, data, task) so that memory and caches are measured from a cold start.

Tasks
-----
steps
    Cold start (from the parent's spawn time to the first map ready), then day steps
    (click "Next" in day mode), then reruns showing everything up to the last day.
sessions
    Ten sessions one after another, each opening the page as a new visitor does (the
    default view: the first day); resident memory after each.

A run that would pass the ``--deadline`` is cut there and reported as a lower bound
(``censored``), so that the whole benchmark keeps to its time budget.

A run's payload is the size of every message the rerun sends to the browser (the
serialised ``ForwardMsg`` protobufs: the map component's arguments, the table, the rest).
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Literal, TypedDict

ROOT = Path(__file__).resolve().parent.parent
PAGES = {"optimised": ROOT / "pages" / "map.py", "naive": ROOT / "bench" / "naive_page.py"}
ONCE_OVER_S = 10.0  # a sample slower than this is measured once


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


class _Recorder:
    """Wraps AppTest's script runner to record the bytes each run sends."""

    def __init__(self) -> None:
        from streamlit.testing.v1 import local_script_runner as lsr
        self.last_bytes = 0
        original = lsr.LocalScriptRunner.forward_msgs
        recorder = self

        def forward_msgs(runner):
            msgs = original(runner)
            recorder.last_bytes = sum(m.ByteSize() for m in msgs)
            return msgs

        lsr.LocalScriptRunner.forward_msgs = forward_msgs  # type: ignore[method-assign]  # a deliberate patch: it records each run's bytes


def _app(page: str, query: dict):
    from streamlit.testing.v1 import AppTest
    at = AppTest.from_file(str(PAGES[page]), default_timeout=1800)
    for key, value in query.items():
        at.query_params[key] = value
    return at


class Cut(Exception):
    """A run stopped at the deadline; ``ms`` is how long it had run (a lower bound)."""

    def __init__(self, ms: float):
        super().__init__(f"cut after {ms:,.0f} ms")
        self.ms = ms


def _run(at, deadline: float, action=None):
    """Run the app (or ``action(at)``, which ends by running it) within the deadline; return ms."""
    timeout = deadline - time.time()
    if timeout < 1:
        raise Cut(0.0)
    at.default_timeout = timeout
    t = time.perf_counter()
    try:
        (action or (lambda a: a.run()))(at)
    except RuntimeError as exc:
        if "timed out" in str(exc):
            raise Cut((time.perf_counter() - t) * 1000) from exc
        raise
    return (time.perf_counter() - t) * 1000


def _check(at) -> None:
    if at.exception:
        raise RuntimeError(f"page raised: {at.exception[0].value}")


class Steps(TypedDict):
    """What :func:`task_steps` measures: ms and bytes of each step, and the metrics cut at the deadline."""

    cold_start_ms: float | None
    day_step_ms: list[float]
    payload_day_bytes: list[int]
    cumulative_step_ms: list[float]
    payload_cumulative_bytes: list[int]
    titles: list[str]
    censored: list[str]


def task_steps(page: str, spawned_at: float, day: str, last_day: str, samples: int, deadline: float) -> Steps:
    rec = _Recorder()
    result: Steps = {"cold_start_ms": None, "day_step_ms": [], "payload_day_bytes": [], "cumulative_step_ms": [],
                     "payload_cumulative_bytes": [], "titles": [], "censored": []}
    at = _app(page, {"date": day})
    try:
        _run(at, deadline)
    except Cut as cut:  # the first run did not finish in time: both steps are at least that slow
        result["day_step_ms"].append(cut.ms)
        result["cumulative_step_ms"].append(cut.ms)
        result["censored"] += ["day_step_ms", "cumulative_step_ms"]
        print(f"    first run cut at the deadline after {cut.ms:,.0f} ms (a lower bound)", file=sys.stderr, flush=True)
        return result
    _check(at)
    result["cold_start_ms"] = (time.time() - spawned_at) * 1000
    print(f"    cold start {result['cold_start_ms']:,.0f} ms", file=sys.stderr, flush=True)
    try:
        for _ in range(samples):
            ms = _run(at, deadline, lambda a: a.button(key="next_day").click().run())
            _check(at)
            result["day_step_ms"].append(ms)
            result["payload_day_bytes"].append(rec.last_bytes)
            result["titles"].append(at.title[0].value)
            print(f"    day step {ms:,.0f} ms, {rec.last_bytes:,} bytes ({at.title[0].value})",
                  file=sys.stderr, flush=True)
            if ms > ONCE_OVER_S * 1000:
                break
        for _ in range(samples):
            fresh = _app(page, {"date": last_day, "mode": "cumulative"})
            ms = _run(fresh, deadline)
            _check(fresh)
            result["cumulative_step_ms"].append(ms)
            result["payload_cumulative_bytes"].append(rec.last_bytes)
            print(f"    cumulative view {ms:,.0f} ms, {rec.last_bytes:,} bytes ({fresh.title[0].value})",
                  file=sys.stderr, flush=True)
            del fresh
            gc.collect()
            if ms > ONCE_OVER_S * 1000:
                break
    except Cut as cut:
        metric: Literal["cumulative_step_ms", "day_step_ms"] = "cumulative_step_ms" if result["day_step_ms"] else "day_step_ms"
        result[metric].append(cut.ms)
        result["censored"].append(metric)
        print(f"    {metric}: run cut at the deadline after {cut.ms:,.0f} ms (a lower bound)",
              file=sys.stderr, flush=True)
    return result


def task_sessions(page: str, sessions: int, deadline: float) -> dict:
    rss: list[float] = []
    for i in range(sessions):
        at = _app(page, {})
        try:
            _run(at, deadline)
        except Cut:
            print(f"    session {i + 1} cut at the deadline", file=sys.stderr, flush=True)
            return {"rss_mb": rss, "censored": ["rss_mb"]}
        _check(at)
        del at
        gc.collect()
        rss.append(_rss_mb())
        print(f"    session {i + 1}: {rss[-1]:,.1f} MB resident", file=sys.stderr, flush=True)
    return {"rss_mb": rss}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.apprun")
    parser.add_argument("task", choices=["steps", "sessions"])
    parser.add_argument("page", choices=sorted(PAGES))
    parser.add_argument("data")
    parser.add_argument("--day", required=True)
    parser.add_argument("--last-day", required=True)
    parser.add_argument("--spawned-at", type=float, default=None)
    parser.add_argument("--samples", type=int, default=5)
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--deadline", type=float, default=None, help="epoch seconds by which to stop")
    args = parser.parse_args(argv)
    os.environ["BLOCKADE_MAP_DATA"] = args.data
    sys.path.insert(0, str(ROOT))
    deadline = args.deadline or time.time() + 3600
    result: Mapping[str, object]
    if args.task == "steps":
        result = task_steps(args.page, args.spawned_at or time.time(), args.day, args.last_day, args.samples,
                            deadline)
    else:
        result = task_sessions(args.page, args.sessions, deadline)
    print(json.dumps(result), flush=True)
    if result.get("censored"):
        os._exit(0)  # a cut run's script thread is still busy inside folium: do not wait for it
    return 0


if __name__ == "__main__":
    sys.exit(main())
