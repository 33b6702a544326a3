"""``make bench``: the dashboard at 1,000, 10,000 and 100,000 events, against its floor and a naive page.

For each size it writes a synthetic data folder (:mod:`bench.synth`), and one more with no
events: the floor, what Streamlit, folium and Leaflet cost anyway. Worker processes run one at
a time, so no measurement competes with another.

Against the floor (:mod:`bench.browser_step`: a real server and headless chromium), in rounds
that visit the floor and every size in turn, so that a slow minute of this shared machine
weighs on all of them alike; each figure's ``ratio`` is the median over rounds of its value
divided by the floor's in the same round, with the rounds' spread:

- ``cold_start_ms``: from starting the server to the first map drawn in the browser, on data
  the server has loaded before (its validated load is cached, :mod:`geo.store.loadcache`);
  ``first_load_ms`` is what validating and caching a folder costs the first time;
- ``browser_step_ms``: click "Next" to the next day's map drawn (median of 10 per round);
- ``rss_mb_10_sessions``: the server's resident memory after ten sessions.

Against a naive folium page (:mod:`bench.naive_page`), under Streamlit's AppTest
(:mod:`bench.apprun`): ``day_step_ms``, ``cumulative_step_ms`` and their payloads. A baseline
sample slower than 10 s is measured once; the naive page's slowest run comes last and is cut
when the ten-minute budget runs out: it is then recorded as a lower bound ("> N ms"), never
as a failure. Results go to ``bench/results.json`` whatever happens; the exit status says
whether every target held.

``--only browser`` (or ``load``, ``steps``, ``naive``, comma-separated) runs some parts, e.g.
``python -m bench --only browser --sizes 10000``; such a run writes ``bench/out/results-only.json``
and judges only the targets it measured.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from bench.synth import DAYS, FIRST_DAY, write_dataset, write_empty_dataset

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
RESULTS = ROOT / "bench" / "results.json"
PARTIAL = OUT / "results-only.json"  # where a run of some parts (--only) writes, leaving RESULTS alone
PARTS = ("load", "browser", "steps", "naive")
BUDGET_S = 600
DEADLINE_MARGIN_S = 45  # kept for the last workers to finish and the results to be written
NAIVE_MIN_S = 150  # the naive page's share when the measurements before it used up the budget
SIZES = (1_000, 10_000, 100_000)
STEP_DAY = "2023-01-05"  # day 30 of 60: day steps start here
#: Browser steps per round (day after day from STEP_DAY): the median of ten moves less with one slow step.
BROWSER_STEPS = 10
LAST_DAY = FIRST_DAY.fromordinal(FIRST_DAY.toordinal() + DAYS - 1).isoformat()
BROWSER_N = 10_000
TARGETS_N = 100_000
FLOOR = 0  # the floor's "n": no events
ROUNDS = 2  # the floor and every size, in turn, this many times
FLOOR_METRICS = ("cold_start_ms", "browser_step_ms", "rss_mb_10_sessions")
CACHE = OUT / "cache"  # the benchmark's own load cache (geo.store.loadcache), emptied at each run
MB = 1_000_000

_print_lock = threading.Lock()


def say(text: str) -> None:
    with _print_lock:
        print(text, flush=True)


def machine() -> str:
    """CPU model, cores, memory and Python of this machine, in one line."""
    model = "unknown CPU"
    with open("/proc/cpuinfo", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo", encoding="utf-8") as handle:
        mem_kb = next(int(line.split()[1]) for line in handle if line.startswith("MemTotal"))
    return (f"{model}, {os.cpu_count()} cores, {mem_kb / 1024 / 1024:.0f} GiB RAM, "
            f"Python {platform.python_version()} on {platform.system()} {platform.release()}")


def _worker(label: str, args: list[str]) -> dict:
    """Run ``python -m <args>``; echo its progress lines; return the JSON it prints last."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), BLOCKADE_MAP_CACHE=str(CACHE))
    spawned = time.time()
    cmd = [sys.executable, "-m", *args]
    if args[0] == "bench.apprun" and args[1] == "steps":
        cmd += ["--spawned-at", repr(spawned)]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    tail: list[str] = []

    def pump() -> None:
        assert proc.stderr is not None  # a PIPE
        for line in proc.stderr:
            if line.startswith("    "):
                say(f"  [{label}]{line.rstrip()[3:]}")
            else:
                tail.append(line)
                del tail[:-30]

    reader = threading.Thread(target=pump, daemon=True)
    reader.start()
    assert proc.stdout is not None  # a PIPE
    out = proc.stdout.read()
    proc.wait()
    reader.join()
    if proc.returncode != 0:
        raise RuntimeError(f"{label} failed ({proc.returncode}):\n{''.join(tail)}")
    return json.loads(out.strip().splitlines()[-1])


def _apprun(task: str, page: str, n: int, deadline: float | None = None) -> dict:
    label = f"{page} {n:,} {task}"
    t = time.perf_counter()
    extra = ["--deadline", repr(deadline)] if deadline else []
    result = _worker(label, ["bench.apprun", task, page, str(OUT / f"data-{n}"),
                             "--day", STEP_DAY, "--last-day", LAST_DAY, *extra])
    say(f"  [{label}] done in {time.perf_counter() - t:,.0f} s")
    return result


def _browser(n: int, round_no: int) -> dict:
    label = f"browser {n:,} round {round_no}"
    t = time.perf_counter()
    result = _worker(label, ["bench.browser_step", str(OUT / f"data-{n}"), "--events", str(n), "--day", STEP_DAY,
                             "--steps", str(BROWSER_STEPS)])
    say(f"  [{label}] done in {time.perf_counter() - t:,.0f} s")
    return result


def _first_load(n: int) -> float:
    """ms to validate the folder of ``n`` events and write its load cache (the first start's extra)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), BLOCKADE_MAP_CACHE=str(CACHE))
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "geo.store.loadcache", str(OUT / f"data-{n}")], cwd=ROOT, env=env,
                   check=True, capture_output=True)
    ms = (time.perf_counter() - t) * 1000
    say(f"  {n:,} events: validated and cached in {ms:,.0f} ms")
    return ms


def _lane(jobs: list, store: dict, errors: list) -> None:
    """Run ``jobs`` (key, callable) one after another, storing results and collecting errors."""
    for key, job in jobs:
        try:
            store[key] = job()
        except Exception as exc:  # reported with the results, which are written all the same
            errors.append(f"{key}: {exc}")
            say(f"  {key} failed: {str(exc).splitlines()[-1] if str(exc) else type(exc).__name__}")


def _median(values: list[float]) -> float:
    return float(statistics.median(values))


def _entry(n: int, metric: str, value: float, baseline: float | None, samples: int, baseline_samples: int,
           censored: bool = False, **extra) -> dict:
    """A metric against the naive page: ``ratio`` is how many times faster (or smaller) than it."""
    entry = {"n": n, "metric": metric, "value": round(value, 1), "against": "naive",
             "baseline": None if baseline is None else round(baseline, 1),
             "ratio": None if baseline is None or value <= 0 else round(baseline / value, 1),
             "samples": samples, "baseline_samples": baseline_samples}
    if censored:
        entry["baseline_censored"] = True  # the baseline run was cut: baseline and ratio are lower bounds
        if not baseline:  # cut before it began: nothing is known
            entry["baseline"] = entry["ratio"] = None
    entry.update(extra)
    return entry


def _round_value(metric: str, run: dict) -> float | None:
    """One round's figure of ``metric`` from a browser worker's result."""
    if metric == "cold_start_ms":
        return run.get("cold_start_ms")
    if metric == "browser_step_ms":
        return _median(run["browser_step_ms"]) if run.get("browser_step_ms") else None
    return run["rss_mb"][-1] if run.get("rss_mb") else None


def floor_entries(browser: dict, sizes: tuple[int, ...], rounds: int) -> list[dict]:
    """The metrics against the floor: per size, the median over rounds and ``ratio``, the median of
    each round's value over the floor's value in that round (``ratio_spread``: lowest, highest)."""
    results = []
    for metric in FLOOR_METRICS:
        for n in (FLOOR, *sizes):
            pairs = []
            for r in range(rounds):
                run, floor = browser.get((n, r)), browser.get((FLOOR, r))
                value = _round_value(metric, run) if run else None
                base = _round_value(metric, floor) if floor else None
                if value is not None:
                    pairs.append((value, base))
            if not pairs:
                continue
            values = [v for v, _ in pairs]
            ratios = [v / b for v, b in pairs if b]
            entry = {"n": n, "metric": metric, "value": round(_median(values), 1), "against": "floor",
                     "ratio": round(_median(ratios), 2) if ratios else None,
                     "ratio_spread": [round(min(ratios), 2), round(max(ratios), 2)] if ratios else None,
                     "spread": [round(min(values), 1), round(max(values), 1)], "samples": len(values)}
            if metric == "rss_mb_10_sessions":
                last = browser[(n, max(r for r in range(rounds) if (n, r) in browser))]["rss_mb"]
                entry["sessions_mb"] = [round(v, 1) for v in last]
                entry["flat_after_third"] = flat_after_third(last)
            if metric == "browser_step_ms":
                entry["steps_ms"] = [round(v) for r in range(rounds) if (n, r) in browser
                                     for v in browser[(n, r)]["browser_step_ms"]]
            results.append(entry)
    return results


def flat_after_third(rss: list[float]) -> bool:
    """True when memory grew by at most 10 MB or 5 % from the third session to the last."""
    if len(rss) < 4:
        return False
    return rss[-1] - rss[2] <= max(10.0, 0.05 * rss[2])


def naive_entries(opt: dict, naive: dict, sizes: tuple[int, ...]) -> list[dict]:
    """Day and cumulative steps and their payloads, optimised beside naive (a missing or cut naive
    run leaves its baseline empty or a lower bound)."""
    results = []
    for n in sizes:
        o, b = opt.get(("steps", n)), naive.get(("steps", n)) or {}
        if not o:
            continue
        for metric in ("day_step_ms", "cumulative_step_ms"):
            if not o[metric]:
                continue
            base = b.get(metric) or []
            results.append(_entry(n, metric, _median(o[metric]), _median(base) if base else None, len(o[metric]),
                                  len(base), censored=metric in b.get("censored", [])))
        for metric in ("payload_day_bytes", "payload_cumulative_bytes"):
            if not o[metric]:
                continue
            base = b.get(metric) or []
            cut = {"payload_day_bytes": "day_step_ms", "payload_cumulative_bytes": "cumulative_step_ms"}[metric]
            known = base if cut not in b.get("censored", []) else base[:-1]  # a cut run's payload is unknown
            results.append(_entry(n, metric, _median(o[metric]), _median(known) if known else None, len(o[metric]),
                                  len(known)))
    return results


def _times(entry: dict) -> str:
    """``12.3x`` (``> 12.3x`` when the baseline was cut), or why there is no ratio."""
    if entry["ratio"] is None:
        return "(no naive figure: its run was cut before this one)"
    return f"{'> ' if entry.get('baseline_censored') else ''}{entry['ratio']}x"


def targets(results: list[dict], partial: bool = False) -> list[tuple[str, bool]]:
    """The issue's targets, each with whether it holds (a figure not measured fails its target,
    unless the run is ``partial``: then it is left out)."""
    at = {(r["n"], r["metric"]): r for r in results}
    checks: list[tuple[str, bool]] = []

    def check(key: tuple[int, str], text, ok, against_naive: bool = False) -> None:
        entry = at.get(key)
        if entry is None:
            if not partial:
                checks.append((f"{key[0]:,} events: {key[1]} was not measured", False))
        elif partial and against_naive and entry["ratio"] is None:
            return  # the naive page was not part of this run: nothing to judge the ratio by
        else:
            checks.append((text(entry), bool(ok(entry))))

    check((TARGETS_N, "cold_start_ms"), lambda e: f"100,000 events: cold start {e['value']:,.0f} ms, "
          f"{e['ratio']}x the floor <= 1.5x", lambda e: (e["ratio"] or 99) <= 1.5)
    check((TARGETS_N, "rss_mb_10_sessions"), lambda e: f"100,000 events: {e['value']:,.0f} MB after ten sessions, "
          f"{e['ratio']}x the floor <= 1.5x", lambda e: (e["ratio"] or 99) <= 1.5)
    check((TARGETS_N, "rss_mb_10_sessions"), lambda e: f"100,000 events: memory flat after the third session "
          f"({e['sessions_mb'][2]:,.0f} -> {e['sessions_mb'][-1]:,.0f} MB)", lambda e: e["flat_after_third"])
    check((BROWSER_N, "browser_step_ms"), lambda e: f"10,000 events: browser step {e['value']:,.0f} ms <= 300 ms",
          lambda e: e["value"] <= 300)
    check((BROWSER_N, "browser_step_ms"), lambda e: f"10,000 events: browser step {e['ratio']}x the floor <= 1.5x",
          lambda e: (e["ratio"] or 99) <= 1.5)
    check((TARGETS_N, "day_step_ms"), lambda e: f"100,000 events: day_step_ms {e['value']:,.0f} <= 150",
          lambda e: e["value"] <= 150)
    check((TARGETS_N, "day_step_ms"), lambda e: f"100,000 events: day step {_times(e)} the naive baseline >= 10x",
          lambda e: (e["ratio"] or 0) >= 10, against_naive=True)
    check((TARGETS_N, "cumulative_step_ms"), lambda e: f"100,000 events: cumulative_step_ms {e['value']:,.0f} <= 1000",
          lambda e: e["value"] <= 1000)
    check((TARGETS_N, "cumulative_step_ms"), lambda e: f"100,000 events: cumulative step {_times(e)} the naive "
          f"baseline >= 30x", lambda e: (e["ratio"] or 0) >= 30, against_naive=True)
    check((TARGETS_N, "payload_day_bytes"), lambda e: f"100,000 events: payload_day_bytes {e['value']:,.0f} <= 1 MB",
          lambda e: e["value"] <= MB)
    check((TARGETS_N, "payload_cumulative_bytes"), lambda e: f"100,000 events: payload_cumulative_bytes "
          f"{e['value']:,.0f} <= 3 MB", lambda e: e["value"] <= 3 * MB)
    return checks


def _fmt(metric: str, value: float | None) -> str:
    if value is None:
        return "–"
    if metric.endswith("_bytes"):
        return f"{value / MB:,.2f} MB" if value >= 100_000 else f"{value / 1000:,.1f} kB"
    if "rss_mb" in metric:
        return f"{value:,.0f} MB"
    return f"{value:,.0f} ms"


def table(results: list[dict]) -> str:
    """The results as a markdown table: each figure beside the floor (no events) or the naive page."""
    lines = ["| events | metric | Blockade Map (spread) | compared with | ratio (spread) |",
             "|---:|---|---:|---|---:|"]
    floor = {r["metric"]: r for r in results if r["against"] == "floor" and r["n"] == FLOOR}
    for r in results:
        m = r["metric"]
        if r["against"] == "floor":
            spread = f" ({_fmt(m, r['spread'][0])}–{_fmt(m, r['spread'][1])})" if r["samples"] > 1 else ""
            if r["n"] == FLOOR:
                lines.append(f"| 0 (floor) | {m} | {_fmt(m, r['value'])}{spread} | – | 1x |")
                continue
            base = floor.get(m)
            ratio = "–" if r["ratio"] is None else f"{r['ratio']:.2f}x"
            if r.get("ratio_spread") and r["samples"] > 1:
                ratio += f" ({r['ratio_spread'][0]:.2f}–{r['ratio_spread'][1]:.2f})"
            lines.append(f"| {r['n']:,} | {m} | {_fmt(m, r['value'])}{spread} | floor "
                         f"{_fmt(m, base['value'] if base else None)} | {ratio} |")
        else:
            once = " (once)" if r["baseline_samples"] == 1 else ""
            cut = r.get("baseline_censored")
            ratio = "–" if r["ratio"] is None else f"{'> ' if cut else ''}{r['ratio']:,.1f}x faster"
            if m.endswith("_bytes") and r["ratio"] is not None:
                ratio = f"{r['ratio']:,.1f}x smaller"
            baseline = ("> " if cut else "") + _fmt(m, r["baseline"]) + (" (cut)" if cut else once)
            if cut and r["baseline"] is None:
                baseline = "cut before it ran"
            lines.append(f"| {r['n']:,} | {m} | {_fmt(m, r['value'])} | naive {baseline} | {ratio} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=ROUNDS, help="rounds of the floor and every size (default 2)")
    parser.add_argument("--sizes", default=",".join(str(n) for n in SIZES),
                        help="event counts, comma-separated (default 1000,10000,100000)")
    parser.add_argument("--only", default=",".join(PARTS),
                        help="the parts to run, comma-separated, of: load (first load), browser (cold start, "
                             "browser step and memory against the floor), steps (day and cumulative steps under "
                             "AppTest), naive (the naive page); a partial run writes bench/out/results-only.json "
                             "and leaves bench/results.json alone")
    args = parser.parse_args(argv)
    sizes = tuple(int(n) for n in args.sizes.split(","))
    parts = {p.strip() for p in args.only.split(",") if p.strip()}
    if parts - set(PARTS):
        parser.error(f"--only: unknown part(s) {', '.join(sorted(parts - set(PARTS)))}; choose from {', '.join(PARTS)}")
    results_file = RESULTS if parts == set(PARTS) else PARTIAL
    started = time.perf_counter()
    host = machine()
    say(f"Blockade Map benchmark on {host}")
    say("1/5 synthetic data folders, and the floor (no events)")
    write_empty_dataset(OUT / f"data-{FLOOR}")
    for n in sizes:
        t = time.perf_counter()
        write_dataset(OUT / f"data-{n}", n)
        say(f"  {n:,} events: {OUT / f'data-{n}'} ({time.perf_counter() - t:,.1f} s)")
    errors: list[str] = []
    say("2/5 the first load of each folder: validated in a worker process, cached")
    first: dict = {}
    if "load" in parts:
        shutil.rmtree(CACHE, ignore_errors=True)
        _lane([(n, (lambda n=n: _first_load(n))) for n in (FLOOR, *sizes)], first, errors)
    else:
        say("  skipped (--only): a folder without a cache is validated at its server's start")

    say(f"3/5 a real server and browser: the floor and each size in turn, {args.rounds} rounds")
    browser: dict = {}
    _lane([] if "browser" not in parts else
          [((n, r), (lambda n=n, r=r: _browser(n, r))) for r in range(args.rounds) for n in (FLOOR, *sizes)],
          browser, errors)

    say("4/5 the dashboard's map page under AppTest: day and cumulative steps, payloads")
    opt: dict = {}
    _lane([] if "steps" not in parts else
          [(("steps", n), (lambda n=n: _apprun("steps", "optimised", n))) for n in sizes], opt, errors)

    say("5/5 the naive baseline (its slowest run last, cut if the time budget runs out)")
    naive: dict = {}
    deadline = time.time() - (time.perf_counter() - started) + BUDGET_S - DEADLINE_MARGIN_S
    deadline = max(deadline, time.time() + NAIVE_MIN_S)  # a busy machine still gets naive figures
    order = [n for n in sizes if n != TARGETS_N] + [n for n in sizes if n == TARGETS_N]
    _lane([] if "naive" not in parts else
          [(("steps", n), (lambda n=n: _apprun("steps", "naive", n, deadline))) for n in order], naive, errors)

    results = floor_entries(browser, sizes, args.rounds)
    results += [{"n": n, "metric": "first_load_ms", "value": round(ms, 1), "against": None, "samples": 1}
                for n, ms in first.items()]
    results += naive_entries(opt, naive, sizes)
    elapsed = time.perf_counter() - started
    document = {"machine": host, "elapsed_s": round(elapsed, 1), "rounds": args.rounds, "parts": sorted(parts),
                "errors": errors, "results": results}
    results_file.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    say("")
    say(f"Machine: {host}")
    say(table([r for r in results if r["against"]]))
    say("First load (validate and cache): " + ", ".join(f"{n:,} events {ms / 1000:,.1f} s" for n, ms in first.items()))
    say("")
    checks = targets(results, partial=results_file != RESULTS)
    for text, ok in checks:
        say(f"{'PASS' if ok else 'FAIL'}  {text}")
    for error in errors:
        say(f"ERROR  {error.splitlines()[0]}")
    say(f"\n{results_file.relative_to(ROOT)} written; the benchmark took {elapsed:,.0f} s"
        + ("" if elapsed <= BUDGET_S + 60 else " (over the 10-minute budget)"))
    return 0 if all(ok for _, ok in checks) and not errors else 1


if __name__ == "__main__":
    sys.exit(main())
