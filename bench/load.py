"""``make load``: simulated readers stepping through the days, on one and on two app processes
sharing one PostGIS database, and the static edition's time to first map.

One throwaway PostgreSQL/PostGIS cluster (``tests/pg_cluster.py``) holds one database, loaded
with the store's own API (``db init`` / ``db load``: :class:`geo.store.postgis.PostgisStore`)
from the bundled ``data/`` folder (or, with ``--events N``, a synthetic folder from
:mod:`bench.synth`). Two dashboards (``streamlit run app.py``, :func:`bench.browser_step._serve`)
run on two ports with ``BLOCKADE_MAP_DATA`` set to that database.

A simulated reader is one browser tab reduced to what it says to the server: it speaks
Streamlit's own websocket protocol (``/_stcore/stream``, protobuf ``BackMsg`` up and
``ForwardMsg`` down), as the browser's frontend does:

- it opens a session and asks for the page with a shared link's query string
  (``rerun_script`` with ``date=YYYY-MM-DD``, its locale ``en-US`` and time zone in
  ``context_info``), and reads the messages until ``script_finished``;
- in the page's elements it finds the sidebar's "Next" and "Prev" buttons (their widget ids,
  keys ``next_day`` / ``prev_day``: :mod:`ui.controls`), the page's title, the address bar's
  query string (``page_info_changed``) and the current page's script hash (``navigation``);
- a step is a click: ``rerun_script`` with the button's ``trigger_value`` set, the address
  bar's query string, the page's hash and the hashes of the large elements it already holds
  (``cached_message_hashes``: the server then sends a reference instead of an unchanged large
  element);
  it is timed from sending the click to ``script_finished``. It is an error unless the run
  finished normally, showed no exception and its title names the next day (the previous day
  when the reader walks back: a reader turns round at the data's first and last day);
- between steps it waits a think time drawn uniformly from ``--think`` (0.5 to 1 s): a reader's
  pace, so the load is bounded by the number of readers, not a flood.

What the simulation leaves out: the page's static files (a browser fetches them once and
caches them), the values of the other widgets (a browser sends them unchanged with every
click; the server keeps them in the session either way) and the map's own drawing in the
browser (``make bench``'s ``browser_step_ms`` measures that).

All readers of a phase are asyncio tasks in this one process, each a new session. The
configurations:

- one app process with ``--sweep`` readers (2, 4, 8): where the 95th percentile starts to climb;
- two app processes with twice ``--readers`` readers (4, so 8), given to the two round-robin as
  a load balancer with sticky sessions would; 8 readers on one process is its control.

Each configuration is measured for ``--duration`` seconds (120) in all, split over ``--rounds``
rounds (4) in which the configurations take turns, in a different order each round: on a
shared machine other work comes and goes, and interleaving spreads it over every configuration
alike instead of letting it fall on one. A phase starts new sessions, waits ``--warmup``
seconds (4: the readers open the page, and only steps sent after it count), then measures.

The target (issue 15): two app processes sustain twice the sessions of one at the same
p95: the two processes' p95 within ``--tolerance`` (10 %) of one process with ``--readers`` readers.
CPU use over each measured window is read from ``/proc``: the load generator (this process),
each app process, the PostgreSQL server and the rest of the machine (other work), as a share
of one core, so that the reader can judge whether the generator or a neighbour interfered.

Last, the static edition's time to first map on the bundled data (:mod:`bench.edition`'s
measurement, in headless chromium, after the load phases: nothing else runs meanwhile).
Results go to ``bench/results-load.json``.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs

if TYPE_CHECKING:  # websockets is imported where a reader connects
    from websockets.asyncio.client import ClientConnection

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
RESULTS = ROOT / "bench" / "results-load.json"
BUNDLED = ROOT / "data"

READERS = 4
SWEEP = (2, 4, 8)
THINK_S = (0.5, 1.0)
WARMUP_S = 4.0
# 120 s over 4 rounds: about 550 steps for one process with 4 readers. With 30 s the p95 rests on
# its 7 slowest steps, and the two-process ratio came out anywhere from 0.97x to 1.33x run to run.
DURATION_S = 120.0
ROUNDS = 4
TOLERANCE = 0.10
STEP_TIMEOUT_S = 30.0
#: Other work on the machine (% of one core) above which the report says the figures were disturbed.
BUSY_OTHER_PCT = 25.0
EDITION_SAMPLES = 3
#: What the simulated browser tells the server about itself (ClientState.context_info).
LOCALE, TIMEZONE, TIMEZONE_OFFSET = "en-US", "America/Lima", 300
#: Widget keys of the sidebar's day buttons (ui/controls.py); Streamlit ends a keyed widget's id with its key.
NEXT_KEY, PREV_KEY = "next_day", "prev_day"
MAIN_CONTAINER = 0  # RootContainer.MAIN: the first number of a delta's path
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def say(text: str) -> None:
    print(text, flush=True)


# ------------------------------------------------------------------ the protocol, as data
@dataclass
class RunFacts:
    """What one script run sent to the browser, as far as a reader cares."""

    finished: bool = False
    status: int | None = None
    title: str | None = None
    next_id: str | None = None
    next_disabled: bool = True
    prev_id: str | None = None
    prev_disabled: bool = True
    query_string: str | None = None
    page_hash: str | None = None
    exceptions: list[str] = field(default_factory=list)
    cacheable: list[str] = field(default_factory=list)
    references: int = 0

    @property
    def day(self) -> str | None:
        """The day the page's title names (``YYYY-MM-DD``), or None."""
        found = _DAY.search(self.title or "")
        return found.group(0) if found else None


def read_run(messages) -> RunFacts:
    """The facts of one run from its ``ForwardMsg`` protobufs, in the order they came."""
    facts = RunFacts()
    for msg in messages:
        kind = msg.WhichOneof("type")
        if msg.metadata.cacheable and msg.hash:
            facts.cacheable.append(msg.hash)
        if kind == "new_session":
            facts.page_hash = facts.page_hash or msg.new_session.page_script_hash
        elif kind == "navigation" and msg.navigation.page_script_hash:
            facts.page_hash = msg.navigation.page_script_hash
        elif kind == "page_info_changed":
            facts.query_string = msg.page_info_changed.query_string
        elif kind == "ref_hash":
            facts.references += 1
        elif kind == "script_finished":
            facts.finished, facts.status = True, msg.script_finished
        elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            element = msg.delta.new_element
            which = element.WhichOneof("type")
            if which == "button":
                button = element.button
                if button.id.endswith("-" + NEXT_KEY):
                    facts.next_id, facts.next_disabled = button.id, button.disabled
                elif button.id.endswith("-" + PREV_KEY):
                    facts.prev_id, facts.prev_disabled = button.id, button.disabled
            elif which == "heading" and facts.title is None and msg.metadata.delta_path[:1] == [MAIN_CONTAINER]:
                facts.title = element.heading.body
            elif which == "exception":
                facts.exceptions.append(f"{element.exception.type}: {element.exception.message}")
    return facts


def rerun_message(query_string: str, page_hash: str = "", click: str | None = None,
                  cached: set[str] | frozenset[str] = frozenset(), url: str = "") -> bytes:
    """A serialised ``BackMsg`` asking for a rerun, as the browser sends it (``click``: a button's id)."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    msg = BackMsg()
    state = msg.rerun_script
    state.query_string = query_string
    state.page_script_hash = page_hash
    if click:
        widget = state.widget_states.widgets.add()
        widget.id = click
        widget.trigger_value = True
    state.cached_message_hashes.extend(sorted(cached))
    info = state.context_info
    info.locale, info.timezone, info.timezone_offset = LOCALE, TIMEZONE, TIMEZONE_OFFSET
    if url:
        info.url = url
    return msg.SerializeToString()


# ------------------------------------------------------------------ figures
def percentile(values: list[float], q: float) -> float | None:
    """The ``q``-th percentile (0-100) by linear interpolation between ranks (numpy's default)."""
    if not values:
        return None
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def rounded(value: float | None) -> float | None:
    """``value`` to one decimal, or None."""
    return None if value is None else round(value, 1)


@dataclass
class Step:
    """One click: when it was sent (s from the phase's start), how long it took, whether it worked."""

    sent_s: float
    ms: float
    ok: bool
    app: int = 0
    error: str = ""
    bytes: int = 0


def summarise(steps: list[Step], window_s: float) -> dict:
    """p50 / p95 / max step time (ms, of the steps that worked), steps per second and errors."""
    ok = [s.ms for s in steps if s.ok]
    errors = [s for s in steps if not s.ok]
    return {"steps": len(ok), "errors": len(errors), "steps_per_s": round(len(ok) / window_s, 2) if window_s else None,
            "p50_ms": rounded(percentile(ok, 50)), "p95_ms": rounded(percentile(ok, 95)),
            "max_ms": rounded(max(ok) if ok else None),
            "kb_per_step": round(sum(s.bytes for s in steps if s.ok) / len(ok) / 1000, 1) if ok else None,
            "error_kinds": sorted({s.error for s in errors})[:5]}


def verdict(one: dict, two: dict, tolerance: float = TOLERANCE) -> tuple[bool, str]:
    """Whether two processes with twice the readers keep one process's p95 (within ``tolerance``)."""
    if not one["p95_ms"] or not two["p95_ms"]:
        return False, "no step worked in one of the phases"
    ratio = two["p95_ms"] / one["p95_ms"]
    ok = ratio <= 1 + tolerance and one["errors"] == 0 and two["errors"] == 0
    text = (f"two processes, {two['readers']} readers: p95 {two['p95_ms']:,.0f} ms against one process, "
            f"{one['readers']} readers: p95 {one['p95_ms']:,.0f} ms ({ratio:.2f}x; target <= {1 + tolerance:.2f}x); "
            f"{two['steps_per_s']:.1f} against {one['steps_per_s']:.1f} steps/s "
            f"({two['steps_per_s'] / one['steps_per_s']:.2f}x); errors {two['errors']} and {one['errors']}")
    return ok, text


# ------------------------------------------------------------------ CPU use from /proc
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def _stat_fields(pid: int) -> list[str]:
    with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
        return handle.read().rsplit(")", 1)[1].split()  # fields from the 3rd on (state, ppid, ...)


def process_ticks(pid: int, children: bool = False) -> int:
    """CPU ticks (user + system) of ``pid``; with ``children``, also those of its finished children."""
    try:
        fields = _stat_fields(pid)
    except (FileNotFoundError, ProcessLookupError):
        return 0
    ticks = int(fields[11]) + int(fields[12])
    return ticks + (int(fields[13]) + int(fields[14]) if children else 0)


def descendants(pid: int) -> list[int]:
    """The pids of every live process under ``pid``."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                parents.setdefault(int(_stat_fields(int(entry))[1]), []).append(int(entry))
            except (OSError, IndexError, ValueError):
                continue
    found, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def machine_ticks() -> tuple[int, int]:
    """(busy, total) CPU ticks of the whole machine since boot, all cores together."""
    with open("/proc/stat", encoding="ascii") as handle:
        values = [int(v) for v in handle.readline().split()[1:9]]
    idle = values[3] + values[4]  # idle + iowait
    return sum(values) - idle, sum(values)


class CpuMeter:
    """CPU ticks of the load generator, the app processes and the database server, and the machine's."""

    def __init__(self, apps: list[int], postmaster: int | None):
        self.apps, self.postmaster = apps, postmaster

    def read(self) -> dict:
        pg = 0
        if self.postmaster:
            pg = process_ticks(self.postmaster, children=True) + sum(
                process_ticks(p) for p in descendants(self.postmaster))
        busy, total = machine_ticks()
        return {"t": time.perf_counter(), "load": process_ticks(os.getpid()),
                "apps": [process_ticks(p) for p in self.apps], "postgres": pg, "busy": busy, "total": total}

    @staticmethod
    def share(before: dict, after: dict) -> dict:
        """Each part's CPU use between two readings, in % of one core; ``other``: the rest of the machine."""
        wall = after["t"] - before["t"]

        def pct(ticks: int) -> float:
            return round(100 * ticks / CLOCK_TICKS / wall, 1) if wall > 0 else 0.0
        apps = [a - b for a, b in zip(after["apps"], before["apps"], strict=True)]
        load, pg, busy = after["load"] - before["load"], after["postgres"] - before["postgres"], after["busy"] - before["busy"]
        return {"load_generator": pct(load), "apps": [pct(a) for a in apps], "postgres": pct(pg),
                "other": pct(max(0, busy - load - pg - sum(apps))), "machine": pct(busy)}


# ------------------------------------------------------------------ a simulated reader
class StepError(Exception):
    """A step that did not show what a reader expected (its text says why)."""


class Reader:
    """One browser tab on one app process: open the map on a day, then click Next (or Prev)."""

    def __init__(self, base_url: str, app: int, first_day: str):
        self.base_url, self.app, self.first_day = base_url, app, first_day
        self.ws: ClientConnection | None = None
        self.query = f"date={first_day}"
        self.page_hash = ""
        self.cached: set[str] = set()
        self.facts = RunFacts()
        self.direction = 1

    async def connect(self) -> None:
        from websockets.asyncio.client import connect
        from websockets.typing import Origin, Subprotocol
        ws_url = self.base_url.replace("http://", "ws://", 1) + "/_stcore/stream"
        self.ws = await connect(ws_url, subprotocols=[Subprotocol("streamlit")], origin=Origin(self.base_url), max_size=None,
                                proxy=None, ping_interval=None, open_timeout=STEP_TIMEOUT_S)
        self.page_hash, self.cached = "", set()

    async def close(self) -> None:
        if self.ws is not None:
            try:
                await self.ws.close()
            except Exception:  # the connection is gone already: nothing to close
                pass
            self.ws = None

    async def _run(self, payload: bytes, timeout: float) -> tuple[RunFacts, int]:
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
        ws = self.ws
        if ws is None:
            raise StepError("not connected")
        await ws.send(payload)
        messages, size = [], 0
        async with asyncio.timeout(timeout):
            while True:
                data = await ws.recv()
                size += len(data)
                msg = ForwardMsg()
                msg.ParseFromString(data)
                messages.append(msg)
                if msg.WhichOneof("type") == "script_finished":
                    break
        facts = read_run(messages)
        self.cached.update(facts.cacheable)
        if facts.page_hash:
            self.page_hash = facts.page_hash
        if facts.query_string is not None:
            self.query = facts.query_string
        return facts, size

    def _url(self) -> str:
        return f"{self.base_url}/?{self.query}" if self.query else self.base_url + "/"

    async def open(self, timeout: float = STEP_TIMEOUT_S) -> tuple[float, int]:
        """Connect and load the page on the reader's first day: (ms, bytes); StepError if it is wrong."""
        t = time.perf_counter()
        await self.connect()
        self.query = f"date={self.first_day}"
        facts, size = await self._run(rerun_message(self.query, url=self._url()), timeout)
        self._check(facts, self.first_day)
        return (time.perf_counter() - t) * 1000, size

    def _check(self, facts: RunFacts, expected: str) -> None:
        self.facts = facts
        if not facts.finished or facts.status != 0:
            raise StepError(f"script did not finish normally (status {facts.status})")
        if facts.exceptions:
            raise StepError(f"exception: {facts.exceptions[0][:200]}")
        if facts.day != expected:
            raise StepError(f"title {facts.title!r}, expected {expected}")
        if facts.next_id is None or facts.prev_id is None:
            raise StepError("no Next/Prev button in the page")

    async def step(self, timeout: float = STEP_TIMEOUT_S) -> tuple[float, int]:
        """Click Next (Prev when walking back): (ms, bytes); StepError when the page is not the next day."""
        facts = self.facts
        if self.direction > 0 and facts.next_disabled:
            self.direction = -1
        elif self.direction < 0 and facts.prev_disabled:
            self.direction = 1
        button = facts.next_id if self.direction > 0 else facts.prev_id
        if facts.day is None:
            raise StepError("no page shown yet")
        expected = (date.fromisoformat(facts.day) + timedelta(days=self.direction)).isoformat()
        payload = rerun_message(self.query, self.page_hash, click=button, cached=self.cached, url=self._url())
        t = time.perf_counter()
        result, size = await self._run(payload, timeout)
        ms = (time.perf_counter() - t) * 1000
        self._check(result, expected)
        if parse_qs(self.query).get("date") != [expected]:
            raise StepError(f"address bar {self.query!r}, expected date={expected}")
        return ms, size


def start_days(first: str, last: str, readers: int) -> list[str]:
    """Each reader's first day, spread evenly over the data's days (the same spread for any count)."""
    start, span = date.fromisoformat(first), (date.fromisoformat(last) - date.fromisoformat(first)).days + 1
    return [(start + timedelta(days=int((i + 0.5) * span / readers))).isoformat() for i in range(readers)]


async def _reader_loop(reader: Reader, rng: random.Random, t0: float, window: tuple[float, float],
                       think: tuple[float, float], steps: list[Step], opens: list[float],
                       max_steps: int | None, stagger_s: float) -> None:
    await asyncio.sleep(stagger_s)
    done = 0
    while True:
        try:
            ms, _ = await reader.open()
            opens.append(ms)
            break
        except Exception as exc:  # counted, then tried again after a pause, as a reader reloads
            steps.append(Step(time.perf_counter() - t0, 0.0, False, reader.app, f"open: {_why(exc)}"))
            await reader.close()
            if time.perf_counter() - t0 > window[1]:
                return
            await asyncio.sleep(1.0)
    try:
        while max_steps is None or done < max_steps:
            await asyncio.sleep(rng.uniform(*think))
            sent = time.perf_counter() - t0
            if sent >= window[1]:
                return
            try:
                ms, size = await reader.step()
                if sent >= window[0]:
                    steps.append(Step(sent, ms, True, reader.app, bytes=size))
                    done += 1
            except Exception as exc:  # an error is a result: counted, then the reader carries on
                if sent >= window[0]:
                    steps.append(Step(sent, 0.0, False, reader.app, _why(exc)))
                    done += 1
                if isinstance(exc, StepError) and reader.facts.day and reader.facts.next_id:
                    continue  # the page is usable: go on from the day it shows
                await reader.close()
                try:
                    await reader.open()
                except Exception as again:
                    steps.append(Step(time.perf_counter() - t0, 0.0, False, reader.app, f"reopen: {_why(again)}"))
                    return
    finally:
        await reader.close()


def _why(exc: BaseException) -> str:
    if isinstance(exc, StepError):
        return str(exc)
    if isinstance(exc, TimeoutError):
        return "timeout"
    return type(exc).__name__


async def run_phase(urls: list[str], readers: int, days: tuple[str, str], think: tuple[float, float] = THINK_S,
                    warmup_s: float = WARMUP_S, duration_s: float = DURATION_S, seed: int = 15,
                    meter: CpuMeter | None = None, max_steps: int | None = None) -> dict:
    """``readers`` simulated readers on the app(s) at ``urls`` (round-robin); their steps and figures.

    The raw steps, first loads and CPU shares are kept under ``_steps``, ``_opens`` and ``_cpu``
    for :func:`pool`.
    """
    steps: list[Step] = []
    opens: list[float] = []
    t0 = time.perf_counter()
    window = (warmup_s, warmup_s + duration_s)
    firsts = start_days(days[0], days[1], readers)
    tasks = [asyncio.create_task(_reader_loop(
        Reader(urls[i % len(urls)], i % len(urls), firsts[i]), random.Random(seed * 1000 + i), t0, window, think,
        steps, opens, max_steps, stagger_s=i * min(think[1], warmup_s / 2) / readers)) for i in range(readers)]
    cpu = None
    if meter is not None:
        await asyncio.sleep(window[0])
        before = meter.read()
        await asyncio.sleep(max(0.0, window[1] - (time.perf_counter() - t0)))
        cpu = CpuMeter.share(before, meter.read())
    await asyncio.gather(*tasks)
    # With max_steps the readers may stop early: the window is then as long as they ran.
    measured = duration_s if max_steps is None else min(duration_s, time.perf_counter() - t0 - window[0])
    result = figures(len(urls), readers, steps, opens, max(measured, 1e-3), [cpu] if cpu else [])
    result.update({"_steps": steps, "_opens": opens, "_cpu": cpu})
    return result


def figures(apps: int, readers: int, steps: list[Step], opens: list[float], window_s: float,
            cpus: list[dict]) -> dict:
    """One configuration's figures: :func:`summarise` of its steps, per app process, and its CPU
    shares (the mean over ``cpus``, one per measured window of equal length)."""
    result = {"apps": apps, "readers": readers, **summarise(steps, window_s),
              "open_p50_ms": rounded(percentile(opens, 50)), "window_s": round(window_s, 1)}
    if apps > 1:
        result["per_app"] = [summarise([s for s in steps if s.app == k], window_s) for k in range(apps)]
    if cpus:
        cpu = {key: round(sum(c[key] for c in cpus) / len(cpus), 1)
               for key in ("load_generator", "postgres", "other", "machine")}
        cpu["apps"] = [round(sum(c["apps"][k] for c in cpus) / len(cpus), 1) for k in range(len(cpus[0]["apps"]))]
        result["cpu_pct_of_one_core"] = cpu
        if result["steps"]:  # what a step costs the app processes, whatever else the machine was doing
            result["app_cpu_ms_per_step"] = round(sum(cpu["apps"][:apps]) * 10 * window_s / result["steps"], 1)
    return result


def pool(rounds: list[dict]) -> dict:
    """The rounds of one configuration (results of :func:`run_phase`) as one phase."""
    steps = [s for r in rounds for s in r["_steps"]]
    result = figures(rounds[0]["apps"], rounds[0]["readers"], steps, [o for r in rounds for o in r["_opens"]],
                     sum(r["window_s"] for r in rounds), [r["_cpu"] for r in rounds if r.get("_cpu")])
    result["rounds_p95_ms"] = [r["p95_ms"] for r in rounds]
    return result


def public(result: dict) -> dict:
    """A result without its raw parts (the keys starting with ``_``)."""
    return {k: v for k, v in result.items() if not k.startswith("_")}


# ------------------------------------------------------------------ the app processes
class App:
    """``streamlit run app.py`` on ``data``; its stderr drained (kept: the last lines) so it never blocks."""

    def __init__(self, data: str):
        from bench.browser_step import APP, _serve
        self.proc, self.url = _serve(APP, data)
        self.tail: deque[str] = deque(maxlen=40)
        self._drain = threading.Thread(target=self._pump, daemon=True)
        self._drain.start()

    def _pump(self) -> None:
        assert self.proc.stderr is not None  # a PIPE
        for line in self.proc.stderr:
            self.tail.append(line.decode(errors="replace").rstrip())

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def static_edition(samples: int = EDITION_SAMPLES) -> dict:
    """The static edition's time to first map on the bundled data (bench.edition's measurement)."""
    from playwright.sync_api import sync_playwright

    from bench.browser_step import CHROMIUM, CHROMIUM_ARGS, expected_counts
    from bench.edition import CASES, _stop, serve_static, time_edition
    from geo.export.publish import publish
    from geo.store import load_dataset
    _, n, data, day = CASES[0]
    expected = expected_counts(str(data), [day])[0]
    site = OUT / "edition-bundled"
    publish(load_dataset(data), site)
    proc, url = serve_static(site)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            timed = time_edition(browser, url, day, expected, samples=samples)
            browser.close()
    finally:
        _stop(proc)
    wall = timed["wall_ms"]
    return {"data": "bundled", "n": n, "day": day, "markers": expected, "samples": samples,
            "time_to_first_map_ms": rounded(percentile(wall, 50)), "samples_ms": [round(v, 1) for v in wall],
            "in_page_ms": rounded(percentile(timed["in_page_ms"], 50))}


# ------------------------------------------------------------------ the report
def _ms(value) -> str:
    return "–" if value is None else f"{value:,.0f} ms"


def table(phases: list[dict]) -> str:
    """The phases as a markdown table."""
    lines = ["| app processes | readers | steps/s | p50 | p95 | max | errors | app CPU per step | CPU: apps | "
             "load generator | PostgreSQL | other work |", "|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|"]
    for p in phases:
        cpu = p.get("cpu_pct_of_one_core") or {}
        apps = " + ".join(f"{a:.0f} %" for a in cpu.get("apps", [])[:p["apps"]]) or "–"
        lines.append(f"| {p['apps']} | {p['readers']} | {p['steps_per_s']:.1f} | {_ms(p['p50_ms'])} | "
                     f"{_ms(p['p95_ms'])} | {_ms(p['max_ms'])} | {p['errors']} | {_ms(p.get('app_cpu_ms_per_step'))} | {apps} | "
                     f"{cpu.get('load_generator', 0):.0f} % | {cpu.get('postgres', 0):.0f} % | "
                     f"{cpu.get('other', 0):.0f} % |")
    return "\n".join(lines)


def _numbers(text: str, cast) -> tuple:
    return tuple(cast(v) for v in text.split(",") if v.strip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.splitlines()[0])
    parser.add_argument("--readers", type=int, default=READERS,
                        help=f"readers on one process; two processes get twice as many (default {READERS})")
    parser.add_argument("--sweep", default=",".join(map(str, SWEEP)),
                        help="reader counts for one process (default %(default)s)")
    parser.add_argument("--think", default=",".join(map(str, THINK_S)),
                        help="a reader's pause between steps, min,max seconds (default %(default)s)")
    parser.add_argument("--warmup", type=float, default=WARMUP_S, help="seconds before measuring (default %(default)s)")
    parser.add_argument("--duration", type=float, default=DURATION_S,
                        help="seconds measured per configuration, over all rounds (default %(default)s)")
    parser.add_argument("--rounds", type=int, default=ROUNDS, help="rounds the configurations are interleaved in "
                        "(default %(default)s)")
    parser.add_argument("--tolerance", type=float, default=TOLERANCE, help="p95 tolerance of the target (default %(default)s)")
    parser.add_argument("--events", type=int, default=None, help="a synthetic folder of N events instead of data/")
    parser.add_argument("--no-edition", action="store_true", help="skip the static edition's time to first map")
    parser.add_argument("--results", type=Path, default=RESULTS, help="where to write the results (JSON)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from bench.__main__ import machine
    from geo.store import load_dataset
    from geo.store.postgis import PostgisStore
    from tests.pg_cluster import Cluster, missing_reason

    reason = missing_reason()
    if reason:
        say(f"bench.load: {reason}")
        return 1
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # a kill cleans up as Ctrl-C does
    sweep, think = sorted(set(_numbers(args.sweep, int)) | {args.readers}), _numbers(args.think, float)
    started = time.perf_counter()
    host = machine()
    say(f"Blockade Map load test on {host}")
    if args.events:
        from bench.synth import write_dataset
        folder = write_dataset(OUT / f"data-{args.events}", args.events)
    else:
        folder = BUNDLED
    dataset = load_dataset(folder)
    first_day, last_day = dataset.first_day, dataset.last_day
    if first_day is None or last_day is None:
        say(f"bench.load: no events in {folder}")
        return 1
    days = (first_day, last_day)
    data_name = f"synthetic, {args.events:,} events" if args.events else f"bundled data/, {len(dataset.events):,} events"
    del dataset
    say(f"1/4 a throwaway PostGIS cluster, loaded with {data_name} ({days[0]} to {days[1]})")
    apps: list[App] = []
    with Cluster() as cluster:
        url = cluster.create_database("load")
        store = PostgisStore(url)
        store.init()
        loaded = store.load_folder(folder)
        with store.connection() as conn:
            conn.execute("VACUUM ANALYZE")
        store.close()
        say(f"  {loaded['events']:,} events in the database")
        postmaster = int((cluster.data_dir / "postmaster.pid").read_text().split()[0])
        try:
            say("2/4 two app processes (streamlit run app.py) on the database")
            for _ in range(2):
                t = time.perf_counter()
                apps.append(App(url))
                say(f"  {apps[-1].url} up in {time.perf_counter() - t:,.1f} s")
            meter = CpuMeter([a.proc.pid for a in apps], postmaster)
            # One session on each, so that each process has loaded the data before any timing.
            asyncio.run(run_phase([a.url for a in apps], 2, days, think, warmup_s=0, duration_s=2, meter=None,
                                  max_steps=1))
            configs = [(1, n) for n in sweep] + [(2, 2 * args.readers)]
            per_round = args.duration / args.rounds
            say(f"3/4 readers stepping through the days (think time {think[0]:g}-{think[1]:g} s): "
                f"{len(configs)} configurations in {args.rounds} rounds, each {args.warmup:g} s warm-up "
                f"then {per_round:g} s measured")
            runs: dict[tuple[int, int], list[dict]] = {c: [] for c in configs}
            for k in range(args.rounds):
                # Interleaved, in a different order each round, so that other work on this shared
                # machine falls on every configuration alike.
                for count, readers in configs[k % len(configs):] + configs[:k % len(configs)]:
                    result = asyncio.run(run_phase([a.url for a in apps[:count]], readers, days, think, args.warmup,
                                                   per_round, seed=15 + k, meter=meter))
                    runs[(count, readers)].append(result)
                    cpu = result["cpu_pct_of_one_core"]
                    say(f"  round {k + 1}: {count} process{'es' if count > 1 else ''}, {readers} readers: "
                        f"{result['steps_per_s']:.1f} steps/s, p50 {_ms(result['p50_ms'])}, "
                        f"p95 {_ms(result['p95_ms'])}, {result['errors']} errors; CPU apps "
                        f"{' + '.join(f'{a:.0f}' for a in cpu['apps'][:count])} %, "
                        f"generator {cpu['load_generator']:.0f} %, other {cpu['other']:.0f} %")
                    if result["errors"]:
                        say(f"    errors: {'; '.join(result['error_kinds'])}")
                    time.sleep(1)
            phases = [pool(runs[c]) for c in configs]
        finally:
            for app in apps:
                app.stop()
    edition = None
    if not args.no_edition:
        say("4/4 the static edition's time to first map (bundled data, headless chromium)")
        edition = static_edition()
        say(f"  {edition['time_to_first_map_ms']:,.0f} ms (median of {edition['samples']}: "
            f"{', '.join(f'{v:,.0f}' for v in edition['samples_ms'])} ms)")

    one = next(p for p in phases if (p["apps"], p["readers"]) == (1, args.readers))
    two = phases[-1]
    ok, text = verdict(one, two, args.tolerance)
    elapsed = time.perf_counter() - started
    args.results.write_text(json.dumps({
        "machine": host, "date": date.today().isoformat(), "elapsed_s": round(elapsed, 1), "data": data_name,
        "store": "postgis", "think_s": list(think), "warmup_s": args.warmup, "duration_s": args.duration,
        "rounds": args.rounds,
        "tolerance": args.tolerance, "phases": [public(p) for p in phases], "target_met": ok, "target": text,
        "other_work_pct_of_one_core": [one["cpu_pct_of_one_core"]["other"], two["cpu_pct_of_one_core"]["other"]],
        "static_edition": edition}, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    say("")
    say(f"Machine: {host}; {data_name} in PostGIS; think time {think[0]:g}-{think[1]:g} s; "
        f"{args.duration:g} s measured per configuration in {args.rounds} interleaved rounds")
    say(table(phases))
    say("CPU in % of one core over the measured window (this machine has "
        f"{os.cpu_count()} cores: {100 * (os.cpu_count() or 1)} % in all); other work: the rest of the machine")
    if edition:
        say(f"Static edition, time to first map ({edition['day']}, {edition['markers']} markers): "
            f"{edition['time_to_first_map_ms']:,.0f} ms (median of {edition['samples']})")
    busy = [p for p in (one, two) if p["cpu_pct_of_one_core"]["other"] > BUSY_OTHER_PCT]
    if busy:
        say(f"NOTE  other work used {', '.join(str(p['cpu_pct_of_one_core']['other']) for p in busy)} % of a core "
            "while the compared phases ran: the app processes shared the cores with it, so the figures are not "
            "the app's alone")
    say(f"{'PASS' if ok else 'FAIL'}  {text}")
    say(f"{args.results.relative_to(ROOT) if args.results.is_relative_to(ROOT) else args.results} written; "
        f"took {elapsed:,.0f} s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
