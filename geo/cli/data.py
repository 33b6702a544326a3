"""``blockade-map validate`` and ``blockade-map day``: is the data valid, what was active that day?"""
from __future__ import annotations

import argparse
import sys

from geo.cli.args import Command, add_filters, add_mode, day_arg, emit_json
from geo.core.model import KINDS
from geo.intake.audit import DEFAULT_REFERENCES, audit_folder
from geo.query.active import day_summary, mapped_vs_reported
from geo.store import is_database_url, open_store, resolve_source


def run_validate(args: argparse.Namespace) -> int:
    """Check every layer against the contract."""
    store = open_store(args.data)
    problems = store.validate()
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) in {store.location}", file=sys.stderr)
        return 1
    dataset = store.load()
    if args.strict:
        if is_database_url(str(resolve_source(args.data))):
            raise ValueError("validate --strict audits a data folder: `blockade-map db dump DIR` first")
        problems = audit_folder(dataset.source, args.facts or [DEFAULT_REFERENCES])
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            print(f"{len(problems)} problem(s) found by the audit of {store.location}", file=sys.stderr)
            return 1
    print(f"ok: {store.location}: {len(dataset.events)} events, {len(dataset.hotspots)} hotspots, "
          f"{len(dataset.corridors)} corridors, {len(dataset.counts)} reported counts"
          + (" (audited against the facts)" if args.strict else ""))
    return 0


def configure_validate(p: argparse.ArgumentParser) -> None:
    p.add_argument("--strict", action="store_true",
                   help="also audit the data against its facts and seed: id dates, source URLs, "
                        "figures without a reporter, events far from the place they name")
    p.add_argument("--facts", metavar="DIR", action="append",
                   help="facts/seed folder for --strict (repeatable; default: ../shared next to the project)")


def configure_day(p: argparse.ArgumentParser) -> None:
    p.add_argument("date", type=day_arg, help="YYYY-MM-DD")
    p.add_argument("--json", action="store_true", help="print JSON")
    add_filters(p)
    add_mode(p)


def run_day(args: argparse.Namespace) -> int:
    """What was active on a day."""
    # A database selects the day in SQL; a folder reads everything.
    dataset = open_store(args.data).dataset_for_day(args.date, args.mode, args.kinds, args.regions)
    regions = dataset.check_regions(args.regions)
    summary = day_summary(dataset, args.date, kinds=args.kinds, regions=regions, mode=args.mode)
    if args.json:
        emit_json(summary)
        return 0
    t = summary["totals"]
    print(f"{summary['date']}: {t['events']} event(s) mapped"
          + (" (everything up to this day)" if args.mode == "cumulative" else ""))
    if "note" in summary:
        print(f"  {summary['note']}")
    elif not summary["events"]:
        print("  nothing mapped for this day")
    for e in summary["events"]:
        counts = ", ".join(f"{e[k]} {w}" for k, w in (("fatalities", "dead"), ("injured", "injured"),
                                                      ("detained", "detained")) if e[k])
        dates = e["start"] if e["start"] == e["end"] else f"{e['start']}..{e['end']}"
        src = "; ".join(s["name"] for s in e["sources"])
        print(f"  {e['kind']:<9} {e['place']} ({e['region']}) {dates}"
              + (f" [{counts}]" if counts else "") + f" - {src}")
    kinds = ", ".join(f"{t[k]} {k}" for k in KINDS if t[k])
    print(f"totals: {kinds or 'none'}; fatalities {t['fatalities']}")
    for h in summary["hotspots"]:
        print(f"hotspot: {h['name']} ({h['region']}), level {h['level']}")
    for line in mapped_vs_reported(summary["reported"], summary["mapped"]):
        print(f"reported: {line}")
    return 0


COMMANDS = [
    Command("validate", "check every layer against the contract", configure_validate, run_validate),
    Command("day", "what was active on a day", configure_day, run_day),
]
