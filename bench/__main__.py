"""``make bench``: the dashboard at 1,000, 10,000 and 100,000 events against a naive baseline.

For each size it writes a synthetic data folder (:mod:`bench.synth`) and measures, in
worker processes (:mod:`bench.apprun`, :mod:`bench.browser_step`), the dashboard's map
page and the naive page (:mod:`bench.naive_page`) the same way:

- ``day_step_ms``: one rerun after clicking "Next" in day mode (median of 5);
- ``cumulative_step_ms``: one rerun showing everything up to the last day (median of 5);
- ``payload_day_bytes`` / ``payload_cumulative_bytes``: what those reruns send to the browser;
- ``cold_start_ms``: from starting the process to the first map ready;
- ``rss_mb_after_10_sessions``: resident memory after ten sessions, one after another, each
  opening the page's default view;
- ``browser_step_ms`` (10,000 events): click to the next day's markers in headless chromium
  (no naive figure: folium's popups need jQuery from a CDN, and this machine is offline).

Workers run one at a time, so no measurement competes with another. A baseline sample
slower than 10 s is measured once; the naive page's slowest run (everything up to the
last day at 100,000 events, several minutes) comes last and is cut when the ten-minute
budget runs out: it is then reported as a lower bound (``baseline_censored``; its ratio
is a lower bound too, and its payload is not known). Results go to ``bench/results.json``.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from bench.synth import DAYS, FIRST_DAY, write_dataset

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
RESULTS = ROOT / "bench" / "results.json"
BUDGET_S = 600
DEADLINE_MARGIN_S = 45  # kept for the last workers to finish and the results to be written
SIZES = (1_000, 10_000, 100_000)
STEP_DAY = "2023-01-05"  # day 30 of 60: day steps start here
LAST_DAY = FIRST_DAY.fromordinal(FIRST_DAY.toordinal() + DAYS - 1).isoformat()
BROWSER_N = 10_000
TARGETS_N = 100_000
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
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    spawned = time.time()
    cmd = [sys.executable, "-m", *args]
    if args[0] == "bench.apprun" and args[1] == "steps":
        cmd += ["--spawned-at", repr(spawned)]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    tail: list[str] = []

    def pump() -> None:
        for line in proc.stderr:
            if line.startswith("    "):
                say(f"  [{label}]{line.rstrip()[3:]}")
            else:
                tail.append(line)
                del tail[:-30]

    reader = threading.Thread(target=pump, daemon=True)
    reader.start()
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


def _browser(n: int) -> dict:
    label = f"optimised {n:,} browser"
    t = time.perf_counter()
    result = _worker(label, ["bench.browser_step", str(OUT / f"data-{n}"), "--day", STEP_DAY])
    say(f"  [{label}] done in {time.perf_counter() - t:,.0f} s")
    return result


def _lane(jobs: list, store: dict, errors: list) -> None:
    """Run ``jobs`` (key, callable) one after another, storing results and collecting errors."""
    for key, job in jobs:
        try:
            store[key] = job()
        except Exception as exc:  # reported after the lanes finish
            errors.append(f"{key}: {exc}")


def _median(values: list[float]) -> float:
    return float(statistics.median(values))


def _entry(n: int, metric: str, value: float, baseline: float | None, samples: int, baseline_samples: int,
           censored: bool = False, **extra) -> dict:
    entry = {"n": n, "metric": metric, "value": round(value, 1),
             "baseline": None if baseline is None else round(baseline, 1),
             "ratio": None if baseline is None or value <= 0 else round(baseline / value, 1),
             "samples": samples, "baseline_samples": baseline_samples}
    if censored:
        entry["baseline_censored"] = True  # the baseline run was cut: baseline and ratio are lower bounds
    entry.update(extra)
    return entry


def flat_after_third(rss: list[float]) -> bool:
    """True when memory grew by at most 10 MB or 5 % from the third session to the last."""
    if len(rss) < 4:
        return False
    return rss[-1] - rss[2] <= max(10.0, 0.05 * rss[2])


def collect(opt: dict, naive: dict) -> list[dict]:
    """The results table: one entry per size and metric, optimised beside naive."""
    results = []
    for n in SIZES:
        o, b = opt[("steps", n)], naive[("steps", n)]
        for metric in ("day_step_ms", "cumulative_step_ms"):
            results.append(_entry(n, metric, _median(o[metric]), _median(b[metric]), len(o[metric]), len(b[metric]),
                                  censored=metric in b.get("censored", [])))
        for metric in ("payload_day_bytes", "payload_cumulative_bytes"):
            base = _median(b[metric]) if b[metric] else None
            results.append(_entry(n, metric, _median(o[metric]), base, len(o[metric]), len(b[metric])))
        results.append(_entry(n, "cold_start_ms", o["cold_start_ms"], b["cold_start_ms"], 1, 1))
        so, sb = opt[("sessions", n)]["rss_mb"], naive[("sessions", n)]["rss_mb"]
        results.append(_entry(n, "rss_mb_after_10_sessions", so[-1], sb[-1] if sb else None, len(so), len(sb),
                              sessions_mb=[round(v, 1) for v in so], baseline_sessions_mb=[round(v, 1) for v in sb],
                              flat_after_third=flat_after_third(so)))
    bo, bb = opt[("browser", BROWSER_N)]["browser_step_ms"], naive.get(("browser", BROWSER_N), {}).get("browser_step_ms")
    results.append(_entry(BROWSER_N, "browser_step_ms", _median(bo), _median(bb) if bb else None, len(bo),
                          len(bb or [])))
    return results


def targets(results: list[dict]) -> list[tuple[str, bool]]:
    """The issue's targets, each with whether it holds."""
    at = {(r["n"], r["metric"]): r for r in results}
    day, cum = at[(TARGETS_N, "day_step_ms")], at[(TARGETS_N, "cumulative_step_ms")]
    mem = at[(TARGETS_N, "rss_mb_after_10_sessions")]
    browser = at[(BROWSER_N, "browser_step_ms")]
    return [
        (f"100,000 events: day_step_ms {day['value']:,.0f} <= 150", day["value"] <= 150),
        (f"100,000 events: day step {day['ratio']}x the naive baseline >= 10x", (day["ratio"] or 0) >= 10),
        (f"100,000 events: cumulative_step_ms {cum['value']:,.0f} <= 1000", cum["value"] <= 1000),
        (f"100,000 events: cumulative step {cum['ratio']}x the naive baseline >= 30x", (cum["ratio"] or 0) >= 30),
        (f"100,000 events: payload_day_bytes {at[(TARGETS_N, 'payload_day_bytes')]['value']:,.0f} <= 1 MB",
         at[(TARGETS_N, "payload_day_bytes")]["value"] <= MB),
        (f"100,000 events: payload_cumulative_bytes {at[(TARGETS_N, 'payload_cumulative_bytes')]['value']:,.0f} <= 3 MB",
         at[(TARGETS_N, "payload_cumulative_bytes")]["value"] <= 3 * MB),
        (f"100,000 events: memory flat after the third session ({mem['sessions_mb'][2]:,.1f} -> "
         f"{mem['sessions_mb'][-1]:,.1f} MB)", mem["flat_after_third"]),
        (f"10,000 events: a browser shows the next day's map in {browser['value']:,.0f} ms <= 1000",
         browser["value"] <= 1000),
    ]


def _fmt(metric: str, value: float | None) -> str:
    if value is None:
        return "–"
    if metric.endswith("_bytes"):
        return f"{value / MB:,.2f} MB" if value >= 100_000 else f"{value / 1000:,.1f} kB"
    if metric.endswith("_mb") or "rss_mb" in metric:
        return f"{value:,.0f} MB"
    return f"{value:,.0f} ms"


def table(results: list[dict]) -> str:
    """The results as a markdown table."""
    lines = ["| events | metric | Blockade Map | naive baseline | ratio |", "|---:|---|---:|---:|---:|"]
    for r in results:
        once = " (once)" if r["baseline_samples"] == 1 and r["metric"] not in ("cold_start_ms",) else ""
        cut = r.get("baseline_censored")
        ratio = "–" if r["ratio"] is None else f"{'> ' if cut else ''}{r['ratio']:,.1f}x"
        baseline = ("> " if cut else "") + _fmt(r["metric"], r["baseline"]) + (" (cut)" if cut else once)
        lines.append(f"| {r['n']:,} | {r['metric']} | {_fmt(r['metric'], r['value'])} | {baseline} | {ratio} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    started = time.perf_counter()
    host = machine()
    say(f"Blockade Map benchmark on {host}")
    say("1/4 synthetic data folders")
    for n in SIZES:
        t = time.perf_counter()
        write_dataset(OUT / f"data-{n}", n)
        say(f"  {n:,} events: {OUT / f'data-{n}'} ({time.perf_counter() - t:,.1f} s)")

    say("2/4 the dashboard's map page (alone on the machine)")
    opt: dict = {}
    errors: list[str] = []
    _lane([((task, n), (lambda task=task, n=n: _apprun(task, "optimised", n)))
           for n in SIZES for task in ("steps", "sessions")], opt, errors)
    say("3/4 a real browser at 10,000 events")
    _lane([(("browser", BROWSER_N), lambda: _browser(BROWSER_N))], opt, errors)

    say("4/4 the naive baseline (its slowest run last, cut if the time budget runs out)")
    naive: dict = {}
    deadline = time.time() - (time.perf_counter() - started) + BUDGET_S - DEADLINE_MARGIN_S
    jobs = [((task, n), (lambda task=task, n=n: _apprun(task, "naive", n, deadline)))
            for n in SIZES for task in ("steps", "sessions") if (task, n) != ("steps", TARGETS_N)]
    jobs.append((("steps", TARGETS_N), lambda: _apprun("steps", "naive", TARGETS_N, deadline)))
    _lane(jobs, naive, errors)
    if errors:
        say("FAILED:\n" + "\n".join(errors))
        return 1

    results = collect(opt, naive)
    elapsed = time.perf_counter() - started
    RESULTS.write_text(json.dumps({"machine": host, "elapsed_s": round(elapsed, 1), "results": results},
                                  indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    say("")
    say(f"Machine: {host}")
    say(table(results))
    say("")
    checks = targets(results)
    for text, ok in checks:
        say(f"{'PASS' if ok else 'FAIL'}  {text}")
    say(f"\n{RESULTS.relative_to(ROOT)} written; the benchmark took {elapsed:,.0f} s"
        + ("" if elapsed <= 600 else " (over the 10-minute budget)"))
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
