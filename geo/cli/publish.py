"""``blockade-map publish``: the static edition of the dashboard, for any web server or CDN."""
from __future__ import annotations

import argparse
import sys

from geo.cli.args import Command, day_arg
from geo.export import publish as edition
from geo.export.snapshot import ProgressBar
from geo.store import load_dataset


def configure_publish(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", required=True, metavar="DIR",
                   help="folder to write (new, empty, or a previous edition, which is replaced whole)")
    p.add_argument("--from", dest="first", type=day_arg, metavar="D", help="first day (default: the data's first)")
    p.add_argument("--to", dest="last", type=day_arg, metavar="D", help="last day (default: the data's last)")
    p.add_argument("--tiles", action="store_true",
                   help="offer OpenStreetMap tiles as an online layer, off until a reader switches it on")
    p.add_argument("--basemap", metavar="FILE",
                   help="a GeoJSON file (land, borders) drawn under every layer, copied into the edition")


def run_publish(args: argparse.Namespace) -> int:
    """Write the static edition: index.html, manifest.json, one JSON file per day, the assets."""
    dataset = load_dataset(args.data)
    days = edition.edition_days(dataset, args.first, args.last)  # bad ranges fail before any work
    bar = ProgressBar(len(days))
    every = 1 if bar.tty else max(1, len(days) // 10)  # a log gets about ten lines, a terminal one bar

    def progress(done: int, total: int, day: str) -> None:
        if done % every == 0 or done == total:
            bar.update(done, day)

    result = edition.publish(dataset, args.out, args.first, args.last, tiles=args.tiles, basemap=args.basemap,
                             progress=progress)
    print(f"wrote {result.path}/ ({len(result.days)} days, {result.days[0]} to {result.days[-1]}; "
          f"opens on {result.featured_day}; {result.files} files, {result.bytes / 1e6:.1f} MB). "
          f"Serve it with any web server, e.g. python -m http.server -d {result.path}")
    sys.stdout.flush()
    return 0


COMMANDS = [
    Command("publish", "a static edition of the map (index.html, one JSON file per day) for any web server",
            configure_publish, run_publish),
]
