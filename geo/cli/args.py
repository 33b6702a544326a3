"""What every ``blockade-map`` command shares: the parser that exits 1, argument types, output."""
from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NoReturn

from geo.core.dates import check_day, day_bounds_problem
from geo.core.i18n import SOURCE_LANGUAGE, available_languages
from geo.core.model import KINDS
from geo.store import redact_url


class UsageError(Exception):
    """Bad command-line input: reported as one line, exit status 1."""


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors exit 1 (the contract's status for bad input), not 2."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}")


@dataclass(frozen=True)
class Command:
    """One subcommand: its name, help line, how to configure its parser, and what it runs."""

    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


def day_arg(value: str) -> str:
    """A ``YYYY-MM-DD`` argument, within the days the data may name (1900 to 2100)."""
    try:
        day = check_day(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc
    outside = day_bounds_problem(day)
    if outside is not None:
        raise argparse.ArgumentTypeError(str(outside))
    return day


def kinds_arg(value: str) -> tuple[str, ...]:
    """A comma-separated list of kinds."""
    kinds = tuple(k.strip() for k in value.split(",") if k.strip())
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown kind {unknown[0]!r}; kinds are {', '.join(KINDS)}")
    return kinds


def regions_arg(value: str) -> tuple[str, ...]:
    """A comma-separated list of regions (checked against the data once it is loaded)."""
    return tuple(r.strip() for r in value.split(",") if r.strip())


def add_filters(parser: argparse.ArgumentParser) -> None:
    """``--kinds`` and ``--regions``."""
    parser.add_argument("--kinds", type=kinds_arg, default=(), help="comma-separated kinds to keep")
    parser.add_argument("--regions", type=regions_arg, default=(), help="comma-separated regions to keep")


def add_mode(parser: argparse.ArgumentParser) -> None:
    """``--mode day|cumulative`` and its shorthand ``--cumulative``."""
    parser.add_argument("--mode", choices=("day", "cumulative"), default="day")
    parser.add_argument("--cumulative", dest="mode", action="store_const", const="cumulative",
                        help="everything up to the day (same as --mode cumulative)")


def lang_arg(value: str) -> str:
    """A language with a catalogue (``es``, ``en``)."""
    code = value.strip().lower()
    if code not in available_languages():
        raise argparse.ArgumentTypeError(f"no catalogue for language {value!r}; languages are "
                                         f"{', '.join(available_languages())}")
    return code


def add_lang(parser: argparse.ArgumentParser, what: str) -> None:
    """``--lang CODE``: the language of ``what`` (English unless given, so scripts see stable text)."""
    parser.add_argument("--lang", type=lang_arg, default=SOURCE_LANGUAGE, metavar="CODE",
                        help=f"language of {what}: {', '.join(available_languages())} (default {SOURCE_LANGUAGE})")


def emit_json(document: Any) -> None:
    """Print ``document`` as indented UTF-8 JSON."""
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def data_part(args: argparse.Namespace) -> list[str]:
    """``["--data", DIR]`` when the command was given one (to repeat it in a recorded command)."""
    return ["--data", redact_url(str(args.data))] if args.data else []  # never a password in a written file


def default_who() -> str:
    """The change log's editor name when none is given: the login name, else ``command line``."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "command line"


def store_refuses(store, doing: str = "importing", nothing: str = "nothing imported") -> bool:
    """Print the data's validation problems and one line saying ``nothing`` happened; True when
    there are any (the data must be valid before it is changed)."""
    problems = store.validate()
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{store.location}: the data folder fails validation ({len(problems)} problem(s)): fix it "
              f"before {doing}; {nothing}", file=sys.stderr)
    return bool(problems)
