"""The ``blockade-map`` command line.

Exit status 0 on success, 1 with one line per problem on stderr for bad input. Every
command takes ``--data DIR`` (default ``$BLOCKADE_MAP_DATA`` or the bundled ``data/``).
"""
from __future__ import annotations

import argparse
import json
import sys
from typing import Callable, Sequence

from geo.model import KINDS, DataError
from geo.store import load_dataset, resolve_data_dir, validate_folder
from geo.timeline import check_day, day_summary, mapped_vs_reported


class UsageError(Exception):
    """Bad command-line input: reported as one line, exit status 1."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse would exit 2; the contract says 1
        raise UsageError(f"{self.prog}: {message}")


def _day_arg(value: str) -> str:
    try:
        return check_day(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _kinds_arg(value: str) -> tuple[str, ...]:
    kinds = tuple(k.strip() for k in value.split(",") if k.strip())
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown kind {unknown[0]!r}; kinds are {', '.join(KINDS)}")
    return kinds


def _emit_json(document) -> None:
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


# ---------------------------------------------------------------- commands

def cmd_validate(args: argparse.Namespace) -> int:
    """Check every layer against the contract."""
    folder = resolve_data_dir(args.data)
    problems = validate_folder(folder)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) in {folder}", file=sys.stderr)
        return 1
    dataset = load_dataset(folder)
    print(f"ok: {folder}: {len(dataset.events)} events, {len(dataset.hotspots)} hotspots, "
          f"{len(dataset.corridors)} corridors, {len(dataset.counts)} reported counts")
    return 0


def cmd_day(args: argparse.Namespace) -> int:
    """What was active on a day."""
    dataset = load_dataset(args.data)
    summary = day_summary(dataset, args.date, kinds=args.kinds or (), regions=args.regions or (),
                          mode=args.mode)
    if args.json:
        _emit_json(summary)
        return 0
    t = summary["totals"]
    print(f"{summary['date']}: {t['events']} event(s) mapped"
          + (" (everything up to this day)" if args.mode == "cumulative" else ""))
    if not summary["events"]:
        print("  nothing mapped for this day")
    for e in summary["events"]:
        counts = ", ".join(f"{e[k]} {w}" for k, w in (("fatalities", "dead"), ("injured", "injured"), ("detained", "detained")) if e[k])
        dates = e["start"] if e["start"] == e["end"] else f"{e['start']}..{e['end']}"
        src = "; ".join(s["name"] for s in e["sources"])
        print(f"  {e['kind']:<9} {e['place']} ({e['region']}) {dates}"
              + (f" [{counts}]" if counts else "") + f" - {src}")
    kinds = ", ".join(f"{t[k]} {k}" for k in KINDS if t[k])
    print(f"totals: {kinds or 'none'}; fatalities {t['fatalities']}")
    for h in summary["hotspots"]:
        print(f"hotspot: {h['name']} ({h['region']}), level {h['level']}")
    for line in mapped_vs_reported(summary):
        print(f"reported: {line}")
    return 0


COMMANDS: dict[str, tuple[Callable[[argparse.Namespace], int], str]] = {}


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every command."""
    common = _Parser(add_help=False)
    common.add_argument("--data", metavar="DIR", default=argparse.SUPPRESS,
                        help="data folder (default: $BLOCKADE_MAP_DATA or the bundled data/)")
    parser = _Parser(prog="blockade-map", parents=[common],
                     description="Validate, query and render the Blockade Map data.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    p = sub.add_parser("validate", parents=[common], help="check every layer against the contract")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("day", parents=[common], help="what was active on a day")
    p.add_argument("date", type=_day_arg, help="YYYY-MM-DD")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--kinds", type=_kinds_arg, help="comma-separated kinds to keep")
    p.add_argument("--regions", type=lambda v: tuple(r.strip() for r in v.split(",") if r.strip()),
                   help="comma-separated regions to keep")
    p.add_argument("--mode", choices=("day", "cumulative"), default="day")
    p.add_argument("--cumulative", dest="mode", action="store_const", const="cumulative",
                   help="everything up to the day (same as --mode cumulative)")
    p.set_defaults(func=cmd_day)

    for name, (func, help_text, configure) in _EXTRA_COMMANDS.items():
        p = sub.add_parser(name, parents=[common], help=help_text)
        configure(p)
        p.set_defaults(func=func)
    return parser


#: Commands contributed by other modules: name -> (handler, help, configure(parser)).
_EXTRA_COMMANDS: dict[str, tuple[Callable, str, Callable[[argparse.ArgumentParser], None]]] = {}


def command(name: str, help_text: str, configure: Callable[[argparse.ArgumentParser], None]):
    """Register a subcommand handler defined outside this module."""
    def decorate(func: Callable[[argparse.Namespace], int]):
        _EXTRA_COMMANDS[name] = (func, help_text, configure)
        return func
    return decorate


def _load_extra_commands() -> None:
    # Imported for their @command registrations; kept lazy so `validate` stays fast.
    import importlib
    for module in ("geo.cli_corridors", "geo.cli_export", "geo.cli_intake", "geo.cli_basemap"):
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    _load_extra_commands()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if not hasattr(args, "data"):
            args.data = None
        return args.func(args)
    except UsageError as exc:
        print(exc, file=sys.stderr)
        return 1
    except DataError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    except (ValueError, LookupError, FileNotFoundError, PermissionError) as exc:
        print(f"blockade-map: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    # Run the imported module's main, not this __main__ copy: the commands that other modules
    # register with @command land on geo.cli.
    import geo.cli
    sys.exit(geo.cli.main())
