"""The ``blockade-map`` command line.

Exit status 0 on success, 1 with one line per problem on stderr for bad input. Every
command takes ``--data DIR`` (a folder or a ``postgresql://`` URL; default
``$BLOCKADE_MAP_DATA`` or the bundled data). Each module of this package contributes its
commands as a ``COMMANDS`` list; this module only assembles them.
"""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from geo.cli import basemap, corridors, data, db, export, extract, intake, publish, serve, sutran
from geo.cli.args import Command, Parser, UsageError
from geo.core.model import DataError

COMMANDS: list[Command] = [*data.COMMANDS, *corridors.COMMANDS, *export.COMMANDS, *intake.COMMANDS,
                           *sutran.COMMANDS, *extract.COMMANDS, *basemap.COMMANDS, *serve.COMMANDS, *publish.COMMANDS,
                           *db.COMMANDS]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every command."""
    common = Parser(add_help=False)
    common.add_argument("--data", metavar="DIR", default=argparse.SUPPRESS,
                        help="data folder or postgresql:// URL (default: $BLOCKADE_MAP_DATA or the bundled data)")
    parser = Parser(prog="blockade-map", parents=[common],
                    description="Validate, query and render the Blockade Map data.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    sub.required = True
    for command in COMMANDS:
        p = sub.add_parser(command.name, parents=[common], help=command.help)
        command.configure(p)
        p.set_defaults(func=command.run)
    return parser


#: The exit status of a command whose reader went away (``| head -1``): as if killed by SIGPIPE.
BROKEN_PIPE = 128 + 13


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if not hasattr(args, "data"):
            args.data = None
        status = args.func(args)
        sys.stdout.flush()
        return status
    except BrokenPipeError:
        _quiet_stdout()
        return BROKEN_PIPE
    except UsageError as exc:
        print(exc, file=sys.stderr)
        return 1
    except DataError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    except (ValueError, LookupError, OSError) as exc:
        print(f"blockade-map: {exc}", file=sys.stderr)
        return 1


def _quiet_stdout() -> None:
    """After the reader of stdout went away: point stdout at /dev/null, so that the flush at exit
    does not complain, and end quietly as Unix tools do."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # stdout without a file descriptor (tests)
        return
