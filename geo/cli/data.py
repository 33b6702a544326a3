"""``blockade-map validate``, ``day`` and ``init-data``: is the data valid, what was active that
day, and a working copy of the data for editors."""
from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from geo.cli.args import Command, UsageError, add_filters, add_mode, day_arg, emit_json
from geo.core.dataset import INFO_FILE, new_dataset_document
from geo.core.model import KINDS
from geo.core.paths import BUNDLED_DATA
from geo.intake.audit import DEFAULT_REFERENCES, audit_folder
from geo.query.active import day_summary, mapped_vs_reported
from geo.store import FolderStore, PostgisStore, is_database_url, open_store, resolve_source
from geo.store.folder import check_new_folder


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


def bbox_arg(value: str) -> list[float]:
    """``WEST,SOUTH,EAST,NORTH`` in degrees."""
    parts = [v.strip() for v in value.split(",")]
    try:
        numbers = [float(v) for v in parts]
    except ValueError:
        numbers = []
    if len(numbers) != 4:
        raise argparse.ArgumentTypeError(f"{value!r} is not WEST,SOUTH,EAST,NORTH (four numbers in degrees)")
    return numbers


def configure_init_data(p: argparse.ArgumentParser) -> None:
    p.add_argument("folder", metavar="DIR", help="a new (or empty) folder for the working copy")
    p.add_argument("--empty", action="store_true",
                   help="start a new, empty dataset (only dataset.json) instead of copying one; "
                        "needs --title, --country and --bbox")
    p.add_argument("--title", help="with --empty: what the dataset is about")
    p.add_argument("--country", help="with --empty: ISO 3166-1 alpha-2 code, e.g. PE")
    p.add_argument("--bbox", type=bbox_arg, help="with --empty: WEST,SOUTH,EAST,NORTH, the area the map opens on")
    p.add_argument("--timezone", help="with --empty: IANA name (default: the country's, when it has only one)")
    p.add_argument("--languages", default="en", help="with --empty: language codes, the default first (default: en)")
    p.add_argument("--licence", help="with --empty: the data's licence")


def _init_empty(args: argparse.Namespace) -> int:
    missing = [f"--{name}" for name in ("title", "country", "bbox") if not getattr(args, name)]
    if missing:
        raise UsageError(f"blockade-map init-data --empty: {', '.join(missing)} required")
    languages = [code.strip() for code in args.languages.split(",") if code.strip()]
    document = new_dataset_document(args.title, args.country, args.bbox, timezone=args.timezone,
                                    languages=languages, licence=args.licence)
    FolderStore.create_empty(args.folder, document)
    _report_written(args.folder, f"wrote a new, empty dataset to {args.folder}: {INFO_FILE} ({document['title']}, "
                                 f"{document['country']}, {document['timezone']})")
    return 0


def _report_written(folder: str | Path, headline: str) -> None:
    """Print what ``init-data`` wrote (``headline``, then the new folder's events as loaded back) and
    the two ways to edit it."""
    events = len(open_store(Path(folder)).load().events)
    quoted = shlex.quote(str(folder))
    print(f"{headline}, {events} events")
    print(f"edit it in the dashboard:   BLOCKADE_MAP_DATA={quoted} make run")
    print(f"or on the command line:     blockade-map import FILE --data {quoted}")


def run_init_data(args: argparse.Namespace) -> int:
    """Copy the data (the bundled data unless --data names another folder or a database) into a
    new folder that editors work on: the bundled data itself is never edited. With ``--empty``,
    start a new dataset holding only ``dataset.json``."""
    if args.empty:
        return _init_empty(args)
    given = [f"--{name}" for name in ("title", "country", "bbox", "timezone", "licence") if getattr(args, name)]
    if given:
        raise UsageError(f"blockade-map init-data: {', '.join(given)} only go with --empty")
    store = open_store(args.data or BUNDLED_DATA)
    target = Path(args.folder)
    if isinstance(store, FolderStore):
        written = store.copy_to(target)
    elif isinstance(store, PostgisStore):  # a database: its data as a folder
        store.dump(check_new_folder(target))
        written = [p for p in target.rglob("*") if p.is_file()]
    else:
        raise UsageError(f"blockade-map init-data: cannot copy a {store.kind} store ({store.location})")
    _report_written(args.folder, f"wrote a working copy of {store.location} to {args.folder}: {len(written)} files")
    return 0


COMMANDS = [
    Command("validate", "check every layer against the contract", configure_validate, run_validate),
    Command("day", "what was active on a day", configure_day, run_day),
    Command("init-data", "copy the data into a new folder for editing (the bundled data is never edited), "
            "or start a new, empty dataset (--empty)",
            configure_init_data, run_init_data),
]
