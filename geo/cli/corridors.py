"""``blockade-map corridors`` and ``blockade-map route``: is the road open, can a truck get through?

Both commands read the data once, snap the day's blockades once (:func:`geo.network.report.corridor_day`)
and answer from those snaps, exactly as the corridors page does. Nothing is cached between runs.
"""
from __future__ import annotations

import argparse
import sys

from geo.cli.args import Command, add_lang, day_arg, emit_json
from geo.core.i18n import translator
from geo.network.corridors import DEFAULT_TOLERANCE_M
from geo.network.report import corridor_day, route_sentence, status_lines
from geo.network.routing import UnknownPlaceError, off_network_message
from geo.places.gazetteer import gazetteer_for
from geo.query.active import blockade_coverage
from geo.store import load_dataset


def _tolerance_arg(value: str) -> float:
    try:
        metres = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of metres") from None
    if not (metres >= 0 and metres != float("inf")):
        raise argparse.ArgumentTypeError(f"must be a finite number >= 0, got {value!r}")
    return metres


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--date", type=day_arg, required=True, help="the day, YYYY-MM-DD")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--tolerance-m", type=_tolerance_arg, default=DEFAULT_TOLERANCE_M, metavar="M",
                   help=f"a blockade up to M metres from a road cuts it (default {DEFAULT_TOLERANCE_M:g})")


def _configure_corridors(p: argparse.ArgumentParser) -> None:
    _common(p)


def _configure_route(p: argparse.ArgumentParser) -> None:
    p.add_argument("origin", metavar="FROM", help="town on the corridor network, e.g. Juliaca")
    p.add_argument("destination", metavar="TO", help="town on the corridor network, e.g. Arequipa")
    _common(p)
    add_lang(p, "the answer's sentence (the JSON is the same in every language)")


def cmd_corridors(args: argparse.Namespace) -> int:
    """Print each corridor's status on ``--date``."""
    dataset = load_dataset(args.data)
    cd = corridor_day(dataset.events, dataset.corridors, args.date, tolerance_m=args.tolerance_m)
    status = cd.status
    note = dataset.outside_note(cd.day)
    if args.json:
        # The contract's list, each entry keeping its fields; a day outside the data adds a note to each.
        emit_json([dict(s, note=note) for s in status] if note else status)
        return 0
    if not status:
        print(f"{args.date}: no corridors in {dataset.source}")
    else:
        cut = sum(s["status"] == "cut" for s in status)
        print(f"{args.date}: {cut} of {len(status)} corridor(s) cut (km from each corridor's start)")
        for line in status_lines(status):
            print(f"  {line}")
    if note:
        print(f"note: {note}")
    return 0


def cmd_route(args: argparse.Namespace) -> int:
    """Answer passable or not from FROM to TO on ``--date``, with the cuts in order."""
    dataset = load_dataset(args.data)
    cd = corridor_day(dataset.events, dataset.corridors, args.date, tolerance_m=args.tolerance_m)
    network = cd.network
    problems = []
    for name in (args.origin, args.destination):
        try:
            network.resolve(name)
        except UnknownPlaceError as exc:
            places = gazetteer_for(dataset.source).matches(name)
            if places:  # a real town without a corridor: say so, suggest no look-alike
                problems.append(off_network_message(name, places[0].name, places[0].region,
                                                    list(network.towns.values())))
            else:
                problems.append(str(exc))
    if problems:
        for line in problems:
            print(f"blockade-map route: {line}", file=sys.stderr)
        return 1
    result = cd.route(args.origin, args.destination)
    note = dataset.outside_note(cd.day)
    coverage = blockade_coverage(dataset, cd.day)
    if args.json:
        document = result.to_json(cd.day)
        document["coverage"] = coverage
        if note:
            document["note"] = note
            document["passable"] = None  # no data that day: neither passable nor cut
        emit_json(document)
    else:
        t = translator(args.lang)
        print(route_sentence(result, cd.day, cd.names, t, coverage=coverage, covered=note is None))
        if note:
            print(f"note: {dataset.outside_note(cd.day, t)}")
    return 0


COMMANDS = [
    Command("corridors", "each road corridor open or cut on a day, and by which blockades",
            _configure_corridors, cmd_corridors),
    Command("route", "can a truck get from one town to another on a day, and where is it cut",
            _configure_route, cmd_route),
]
