"""``python -m bench.postgis`` (run by ``make bench``): the PostGIS store at 1,000,000 events against
the folder store, on the same synthetic data (:mod:`bench.synth`), measured in the same run.

A throwaway PostgreSQL/PostGIS cluster is started (``tests/pg_cluster.py``) and the synthetic
folder is loaded into it with ``COPY`` (:meth:`geo.store.postgis.PostgisStore.load_folder`). Then:

- ``day_query_ms``: the day query: the events active on a day, counted per kind with their
  casualty sums (:meth:`~geo.store.postgis.PostgisStore.day_totals`: the GiST index on each event's
  ``[start, end]`` range, one round trip). The folder store's same query is
  :meth:`geo.core.index.EventIndex.totals` of the day's selection: a process answering from a
  folder reads the folder first (``baseline``: read + query); ``in memory`` is the query alone,
  once the folder is loaded (what the dashboard pays, having loaded at start-up).
- ``day_rows_ms``: the same day's events as rows (id, kind, days, place, region, position,
  counts) in a DataFrame (:meth:`~geo.store.postgis.PostgisStore.day_events`) against ``select_events``.
- ``day_command_ms``: the whole ``blockade-map day --json`` document (every event of the day
  with its sources) from a SQL selection, against read + :func:`geo.query.active.day_summary`.
- ``day_step_ms``, ``cumulative_step_ms``, ``cold_start_ms``: the dashboard's map page under
  AppTest (:mod:`bench.apprun`, "Next ▶" in day mode, median of 5) with ``BLOCKADE_MAP_DATA``
  set to the database and to the folder. The dashboard keeps the loaded dataset in memory in both
  cases; with a database each rerun also asks for the data version (one query).

Every PostGIS answer is checked against the folder's before it is timed. Each query is timed on
10 days around the middle of the period (3 runs each, median). Results go to
``bench/results_postgis.json``; the target is a day query of at most 50 ms at 1,000,000 events.
"""
from __future__ import annotations

import argparse
import gc
import json
import signal
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from bench.__main__ import LAST_DAY, OUT, ROOT, STEP_DAY, _worker, machine, say
from bench.synth import write_dataset

RESULTS = ROOT / "bench" / "results_postgis.json"
N = 1_000_000
QUERY_DAYS = [(date.fromisoformat(STEP_DAY) + timedelta(days=k)).isoformat() for k in range(-5, 5)]
COMMAND_DAYS = QUERY_DAYS[4:7]
RUNS = 3
TARGET_DAY_QUERY_MS = 50.0
#: Server settings for the benchmark's cluster (a 24 GiB machine; the data is about 1 GB).
SETTINGS = {"shared_buffers": "2GB", "maintenance_work_mem": "1GB", "max_wal_size": "8GB", "work_mem": "64MB",
            "effective_cache_size": "8GB", "synchronous_commit": "off"}


def _ms(fn, runs: int = RUNS) -> tuple[float, object]:
    """Median milliseconds of ``fn()`` over ``runs`` runs (after one untimed warm-up), and its result."""
    result = fn()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), result


def _median_over_days(fn, days: list[str], runs: int = RUNS) -> float:
    return statistics.median(_ms(lambda d=day: fn(d), runs)[0] for day in days)


def measure_queries(store, folder: Path) -> dict:
    """The day query, the day's rows and the day command, from PostGIS and from the folder."""
    from geo.query.active import day_summary

    def pg_summary(day: str) -> dict:
        return day_summary(store.day_dataset(day), day)

    say("  PostGIS: day query, day rows, day command")
    pg = {
        "day_query_ms": _median_over_days(store.day_totals, QUERY_DAYS),
        "day_rows_ms": _median_over_days(store.day_events, QUERY_DAYS),
        "day_command_ms": _median_over_days(pg_summary, COMMAND_DAYS, runs=1),
    }
    say(f"    {pg['day_query_ms']:,.1f} ms, {pg['day_rows_ms']:,.1f} ms, {pg['day_command_ms']:,.0f} ms")
    say("  folder: reading it (load_dataset), then the same queries in memory")
    memory, read_ms, checked = _in_memory(store, folder, pg_summary)
    gc.collect()  # the in-memory copy is gone before the app runs
    return {"pg": pg, "memory": memory, "read_ms": read_ms, "events_per_day": checked / len(QUERY_DAYS)}


def _in_memory(store, folder: Path, pg_summary: Callable[[str], dict]) -> tuple[dict, float, int]:
    """The folder read into memory, its answers checked against PostGIS's, then the same queries
    timed: ``(figures, read ms, rows checked)``. The dataset is freed when this returns."""
    from geo.core.frames import labels_as_text
    from geo.core.view import View
    from geo.query.active import day_summary, select_events
    from geo.store import load_dataset

    t = time.perf_counter()
    dataset = load_dataset(folder)
    read_ms = (time.perf_counter() - t) * 1000
    say(f"    read in {read_ms / 1000:,.1f} s")
    columns = list(store.DAY_COLUMNS)
    checked = 0
    for day in QUERY_DAYS:  # same answers before any timing
        selected = select_events(dataset, View(day))
        assert store.day_totals(day) == dataset.index.totals(dataset.index.select(View(day))), day
        assert store.day_events(day).equals(labels_as_text(selected[columns]).reset_index(drop=True)), day
        checked += len(selected)
    for day in COMMAND_DAYS:
        assert pg_summary(day)["events"] == day_summary(dataset, day)["events"], day
    memory = {
        "day_query_ms": _median_over_days(lambda d: dataset.index.totals(dataset.index.select(View(d))), QUERY_DAYS),
        "day_rows_ms": _median_over_days(lambda d: select_events(dataset, View(d))[columns].reset_index(drop=True),
                                         QUERY_DAYS),
        "day_command_ms": _median_over_days(lambda d: day_summary(dataset, d), COMMAND_DAYS, runs=1),
    }
    return memory, read_ms, checked


def measure_app(data: str, label: str) -> dict:
    """The map page's cold start and steps (bench.apprun) with ``BLOCKADE_MAP_DATA=data``."""
    t = time.perf_counter()
    result = _worker(label, ["bench.apprun", "steps", "optimised", data, "--day", STEP_DAY,
                             "--last-day", LAST_DAY, "--samples", "5"])
    say(f"  [{label}] done in {time.perf_counter() - t:,.0f} s")
    return result


def _entry(metric: str, value: float, baseline: float, in_memory: float | None = None, **extra) -> dict:
    entry = {"n": extra.pop("n"), "metric": metric, "value": round(value, 1), "baseline": round(baseline, 1),
             "ratio": round(baseline / value, 1) if value > 0 else None}
    if in_memory is not None:
        entry["folder_in_memory"] = round(in_memory, 1)
    entry.update(extra)
    return entry


def collect(n: int, queries: dict, load_s: float, app_pg: dict | None, app_folder: dict | None) -> list[dict]:
    """One entry per metric: PostGIS (value) beside the folder store (baseline)."""
    out = []
    for metric in ("day_query_ms", "day_rows_ms", "day_command_ms"):
        value, memory = queries["pg"][metric], queries["memory"][metric]
        out.append(_entry(metric, value, queries["read_ms"] + memory, memory, n=n))
    if app_pg and app_folder:
        for metric in ("day_step_ms", "cumulative_step_ms"):
            out.append(_entry(metric, statistics.median(app_pg[metric]), statistics.median(app_folder[metric]), n=n,
                              samples=len(app_pg[metric])))
        out.append(_entry("cold_start_ms", app_pg["cold_start_ms"], app_folder["cold_start_ms"], n=n))
    out.append({"n": n, "metric": "db_load_s", "value": round(load_s, 1), "baseline": None, "ratio": None})
    return out


def _fmt(metric: str, value: float | None) -> str:
    if value is None:
        return "–"
    if metric.endswith("_s"):
        return f"{value:,.0f} s"
    return f"{value:,.1f} ms" if value < 100 else f"{value:,.0f} ms"


def table(results: list[dict]) -> str:
    """The results as a markdown table."""
    lines = ["| events | metric | PostGIS | folder store (read + query) | ratio | folder, already in memory |",
             "|---:|---|---:|---:|---:|---:|"]
    for r in results:
        ratio = "–" if r["ratio"] is None else f"{r['ratio']:,.1f}x"
        lines.append(f"| {r['n']:,} | {r['metric']} | {_fmt(r['metric'], r['value'])} | "
                     f"{_fmt(r['metric'], r['baseline'])} | {ratio} | {_fmt(r['metric'], r.get('folder_in_memory'))} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.postgis", description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=N, help=f"synthetic events (default {N:,})")
    parser.add_argument("--no-app", action="store_true", help="skip the dashboard runs (the slowest part)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from geo.store.postgis import PostgisStore
    from tests.pg_cluster import Cluster, missing_reason

    reason = missing_reason()
    if reason:
        say(f"bench.postgis: {reason}")
        return 1
    # A plain kill stops the run as Ctrl-C does: the throwaway cluster is stopped and removed.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started = time.perf_counter()
    host = machine()
    n = args.n
    say(f"Blockade Map PostGIS benchmark on {host}")
    say(f"1/4 synthetic data folder of {n:,} events")
    t = time.perf_counter()
    folder = write_dataset(OUT / f"data-{n}", n)
    say(f"  {folder} ({time.perf_counter() - t:,.1f} s)")

    with Cluster(settings=SETTINGS) as cluster:
        url = cluster.create_database("bench")
        store = PostgisStore(url)
        store.init()
        say("2/4 db load (COPY into a throwaway PostGIS cluster)")
        t = time.perf_counter()
        written = store.load_folder(folder)
        load_s = time.perf_counter() - t
        with store.connection() as conn:
            conn.execute("VACUUM ANALYZE blockade_map.events")
        say(f"  {written['events']:,} events in {load_s:,.0f} s")
        say("3/4 the day query, PostGIS against the folder store")
        queries = measure_queries(store, folder)
        app_pg = app_folder = None
        if not args.no_app:
            say("4/4 the dashboard's day step, database against folder (one at a time)")
            store.close()
            app_pg = measure_app(url, f"PostGIS {n:,}")
            app_folder = measure_app(str(folder), f"folder {n:,}")
        results = collect(n, queries, load_s, app_pg, app_folder)

    elapsed = time.perf_counter() - started
    RESULTS.write_text(json.dumps({"machine": host, "elapsed_s": round(elapsed, 1),
                                   "events_per_day": round(queries["events_per_day"]), "results": results},
                                  indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    say("")
    say(f"Machine: {host}; {queries['events_per_day']:,.0f} events active per day on average")
    say(table(results))
    say("")
    day_query = next(r for r in results if r["metric"] == "day_query_ms")
    ok = day_query["value"] <= TARGET_DAY_QUERY_MS
    say(f"{'PASS' if ok else 'FAIL'}  {n:,} events: PostGIS day query {day_query['value']:,.1f} ms "
        f"<= {TARGET_DAY_QUERY_MS:.0f} ms")
    say(f"\n{RESULTS.relative_to(ROOT)} written; the benchmark took {elapsed:,.0f} s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
