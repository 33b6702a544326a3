"""Commands for the report intake: import, history, verify-log, hash-password and geocode."""
from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path

from geo.cli import sutran as sutran_cli
from geo.cli.args import Command, UsageError, default_who, store_refuses
from geo.core.i18n import translator
from geo.intake.plan import plan_import
from geo.intake.readers import ColumnMap, parse_map, read_upload
from geo.places.gazetteer import gazetteer_for
from geo.places.geocode import geocode, parse_km_post
from geo.store import auth, load_dataset, open_store, resolve_source
from geo.store.editor import ReadOnlyDataError


def _default_who() -> str:
    return default_who()


# ---------------------------------------------------------------- import

def _configure_import(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", nargs="+", help="GeoJSON (the contract's form), or CSV (the export's or ACLED's columns); "
                   "with --format sutran: SUTRAN feed files, JSON-lines archives (.jsonl, .jsonl.gz) or folders of them")
    p.add_argument("--format", choices=("auto", "sutran"), default="auto",
                   help="sutran: SUTRAN's road-alert feed (one blockade event per site and run of days); "
                        "auto (default): GeoJSON or CSV by the file's content")
    sutran_cli.add_feed_options(p)
    p.add_argument("--dry-run", action="store_true", help="check the file and report; write nothing")
    p.add_argument("--who", default=None, help="editor name for the change log (default: your login)")
    p.add_argument("--reason", default="", help="why, for the change log")
    p.add_argument("--map", action="append", default=[], metavar="FIELD=COLUMN,...",
                   help="which column of a CSV (or property of a GeoJSON) fills which field, e.g. "
                        "place=CAPITAL,region=DEPARTAM,start=date (repeatable)")
    p.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE",
                   help="one value of a field for every row, e.g. kind=protest or source_name=Andina (repeatable)")
    p.add_argument("--all-or-nothing", action="store_true",
                   help="import nothing when any row or feature is bad (default: import the good ones and "
                        "list the bad ones)")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--skip-duplicates", action="store_true",
                       help="leave out rows that look like events already in the data")
    group.add_argument("--keep-duplicates", action="store_true",
                       help="import rows that look like events already in the data anyway")


def cmd_import(args: argparse.Namespace) -> int:
    """Check a file completely, then import its good rows (all of it or nothing with
    ``--all-or-nothing``); the bad ones are listed and the exit status is then 1. SUTRAN's feed
    (``--format sutran``): see :mod:`geo.cli.sutran`."""
    if args.format == "sutran":
        return sutran_cli.run_import(args, args.who or _default_who())
    if len(args.file) != 1 or args.first or args.last or args.motivo != sutran_cli.sutran.DEFAULT_CAUSES:
        raise UsageError("blockade-map import: one file at a time; several paths, --motivo, --from and --to are for "
                         "--format sutran")
    path = Path(args.file[0])
    if not path.is_file():
        raise UsageError(f"blockade-map import: {path}: no such file")
    store = open_store(args.data)
    if store_refuses(store):
        return 1
    try:
        columns = ColumnMap(parse_map(args.map), parse_map(args.set, split=False))
    except ValueError as exc:
        raise UsageError(f"blockade-map import: {exc}") from None
    editor = store.editor()
    snapshot = editor.read()
    retired = editor.logged_ids() - set(snapshot.ids)
    plan = plan_import(read_upload(path), path.name, snapshot.collection, retired, scope=editor.scope, columns=columns)
    for problem in plan.problems:
        print(problem, file=sys.stderr)
    refused = plan.refused()
    if refused is None or (plan.problems and (args.all_or_nothing or not plan.good_items())):
        print(f"{path.name}: {plan.failure_summary()}: nothing imported", file=sys.stderr)
        return 1
    for label, existing in plan.already:
        print(f"{path.name}: {label}: already in the data as {existing}", file=sys.stderr)
    for d in plan.duplicates:
        print(f"{path.name}: {d.label}: probable duplicate of {d.existing_id} ({d.distance_m:.0f} m apart): "
              f"{d.new_summary} / {d.existing_summary}", file=sys.stderr)
    undecided = plan.duplicates and not (args.skip_duplicates or args.keep_duplicates)
    skip = ({d.label for d in plan.duplicates} if args.skip_duplicates else set()) | set(refused)
    features = plan.features(skip)
    left_out = (f"; {plan.failure_summary()}: left out (listed above; --all-or-nothing imports none of the "
                "file when any is bad)") if refused else ""
    if getattr(editor, "read_only", False):  # the real import is refused: a dry run says so too
        verb = "would be refused" if args.dry_run else "is refused"
        print(f"{path.name}: the import {verb}: {ReadOnlyDataError(store.location)}", file=sys.stderr)
        return 1
    if args.dry_run:
        note = (f"; {len(plan.duplicates)} probable duplicate(s) need --skip-duplicates or --keep-duplicates"
                if undecided else "")
        print(f"would import {_events(len(features))} from {path.name} (dry run: nothing written)"
              f"{_already_note(len(plan.already), plan.unit)}{note}{left_out}")
        return 1 if refused else 0
    if undecided:
        print(f"{path.name}: {len(plan.duplicates)} probable duplicate(s): rerun with --skip-duplicates or "
              "--keep-duplicates; nothing imported", file=sys.stderr)
        return 1
    dropped = len(skip - set(refused))
    tail = f" ({dropped} probable duplicates skipped)" if dropped else ""
    if not features:
        print(f"imported {_events(0)}{_already_note(len(plan.already), plan.unit)}{tail}{left_out}")
        return 1 if refused else 0
    labels = [item.label for item in plan.chosen(skip)]
    check = None if args.keep_duplicates else plan.recheck(skip, set(snapshot.ids))
    reason = args.reason or f"import of {path.name}"
    change = editor.add_many(features, who=args.who or _default_who(), reason=reason, action="import", check=check)
    for index, existing in change.already:
        print(f"{path.name}: {labels[index]}: already in the data as {existing} (added meanwhile)", file=sys.stderr)
    print(f"imported {_events(len(change.entries))}{_already_note(len(plan.already) + len(change.already), plan.unit)}"
          f"{tail}{left_out}")
    return 1 if refused else 0


def _events(n: int) -> str:
    """``1 event``, ``2 events`` (the command line speaks English)."""
    return translator("en").plural("{n} event", "{n} events", n)


def _already_note(count: int, unit: str) -> str:
    if not count:
        return ""
    rows = f"1 {unit[:-1]} is" if count == 1 else f"{count} {unit} are"
    return f": {rows} already in the data (the same events), not added again"


# ---------------------------------------------------------------- history and log check

def _configure_history(p: argparse.ArgumentParser) -> None:
    p.add_argument("event", nargs="?", help="only the changes of this event id")
    p.add_argument("--json", action="store_true", help="print the log entries as JSON")


def cmd_history(args: argparse.Namespace) -> int:
    """Print the change log."""
    entries = open_store(args.data).editor().history(args.event)
    if args.json:
        json.dump(entries, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if not entries:
        print("no changes logged" + (f" for {args.event}" if args.event else ""))
    for e in entries:
        undoes = f" (undoes {e['undoes']})" if "undoes" in e else ""
        print(f"{e['seq']:>5} {e['when']} {e['who']}: {e['action']}{undoes} {e['id']}"
              + (f" - {e['reason']}" if e.get("reason") else ""))
    return 0


def cmd_verify_log(args: argparse.Namespace) -> int:
    """Replay the log and compare with the file."""
    editor = open_store(args.data).editor()
    differences = editor.verify()
    waiting = editor.pending()
    if waiting:
        first, last = waiting[0], waiting[-1]
        numbers = f"change {first['seq']}" if len(waiting) == 1 else f"changes {first['seq']}-{last['seq']}"
        count = f"{len(waiting)} event" + ("s" if len(waiting) != 1 else "")
        print(f"{numbers} ({first['action']} of {count} by {first['who']} at {first['when']}) is in the log but "
              f"not yet in {Path(editor.events_path).name}: a crash came between the two writes. It is waiting to be "
              "rolled forward: the next edit or import writes it.")
    for line in differences:
        print(f"changelog: {line}", file=sys.stderr)
    if differences:
        return 1
    print(f"ok: {len(editor.history())} logged changes replay to {editor.events_path}"
          + (f" ({len(waiting)} waiting to be rolled forward)" if waiting else ""))
    return 0


# ---------------------------------------------------------------- password hash

def _configure_hash(p: argparse.ArgumentParser) -> None:
    p.add_argument("--stdin", action="store_true", help="read the password from standard input (one line)")
    p.add_argument("--iterations", type=int, default=auth.DEFAULT_ITERATIONS, help=argparse.SUPPRESS)


def cmd_hash_password(args: argparse.Namespace) -> int:
    """Print a password hash for .streamlit/secrets.toml or BLOCKADE_MAP_EDITOR_HASH."""
    if args.stdin or not sys.stdin.isatty():
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass("Editor password: ")
        if getpass.getpass("Again: ") != password:
            raise UsageError("blockade-map hash-password: the two passwords differ")
    encoded = auth.hash_password(password, iterations=args.iterations)
    print(encoded)
    print(f"Put it in .streamlit/secrets.toml as  {auth.SECRET_KEY} = \"{encoded}\"\n"
          f"or set the environment variable  {auth.ENV_VAR}='{encoded}'", file=sys.stderr)
    return 0



# ---------------------------------------------------------------- geocode

def _configure_geocode(p: argparse.ArgumentParser) -> None:
    p.add_argument("name", nargs="+", help="a place ('Puente Añashuayco', 'juliaca') or a km post ('PE-3S km 1380')")
    p.add_argument("--region", help="department hint, to choose among namesakes")
    p.add_argument("--limit", type=int, default=5, help="at most this many candidates (default 5)")
    p.add_argument("--json", action="store_true",
                   help='print [{"name", "region", "province", "lon", "lat", "score", ...}]')


def cmd_geocode(args: argparse.Namespace) -> int:
    """Print the candidates for a place name."""
    name = " ".join(args.name)
    corridors = load_dataset(args.data).corridors if geocode_needs_corridors(name) else None
    candidates = geocode(name, region=args.region, limit=args.limit, corridors=corridors,
                         gazetteer=gazetteer_for(resolve_source(args.data)))
    if args.json:
        json.dump([c.to_json() for c in candidates], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0 if candidates else 1
    if not candidates:
        print(f"blockade-map geocode: no place close to {name!r}", file=sys.stderr)
        return 1
    for i, c in enumerate(candidates, 1):
        where = ", ".join(x for x in (c.province, c.region) if x)
        print(f"{i}. {c.name} ({where}) lon {c.lon:.5f} lat {c.lat:.5f} score {c.score:g} [{c.kind}]")
    return 0


def geocode_needs_corridors(name: str) -> bool:
    """True when the query is a kilometre post (placed on the corridors)."""
    return parse_km_post(name) is not None


COMMANDS = [
    Command("import", "add the events of a GeoJSON, CSV or ACLED file: the good rows (all or none with "
            "--all-or-nothing)", _configure_import, cmd_import),
    Command("history", "the change log, oldest first (who, when, what, why)", _configure_history, cmd_history),
    Command("verify-log", "check that the base snapshot plus the change log give events.geojson",
            lambda p: None, cmd_verify_log),
    Command("hash-password", "make the editor password hash that switches editing on", _configure_hash,
            cmd_hash_password),
    Command("geocode", "place name or road km post -> candidate points, best first", _configure_geocode, cmd_geocode),
]
