"""``blockade-map publish``: the static edition of the dashboard, for any web server or CDN."""
from __future__ import annotations

import argparse
import sys

from tqdm import tqdm

from geo.cli.args import Command, day_arg, lang_arg
from geo.core.i18n import available_languages, translator
from geo.export import publish as edition
from geo.store import load_dataset


def configure_publish(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", required=True, metavar="DIR",
                   help="folder to write (new, empty, or a previous edition, which is replaced whole)")
    p.add_argument("--from", dest="first", type=day_arg, metavar="D", help="first day (default: the data's first)")
    p.add_argument("--to", dest="last", type=day_arg, metavar="D", help="last day (default: the data's last)")
    p.add_argument("--tiles", action="store_true",
                   help="offer OpenStreetMap tiles as an online layer, off until a reader switches it on")
    p.add_argument("--lang", type=lang_arg, metavar="CODE",
                   help=f"language of the page's words: {', '.join(available_languages())} (default: the first of "
                        "dataset.json's languages that has one, es for the bundled data; unlike the other commands, "
                        "which default to English, an edition is a page for readers, not a script's output)")
    p.add_argument("--previews", action="store_true",
                   help="draw each day's picture for link previews (preview/YYYY-MM-DD.png, 1200x630) with "
                        "headless Chromium (about 2 s a day)")
    p.add_argument("--base-url", metavar="URL",
                   help="where the edition will be served (https://...): preview pictures get absolute URLs, "
                        "as link-preview crawlers want")


def run_publish(args: argparse.Namespace) -> int:
    """Write the static edition: index.html, manifest.json, one JSON file per day, the assets."""
    dataset = load_dataset(args.data)
    lang = args.lang or edition.default_language(dataset)
    days = edition.edition_days(dataset, args.first, args.last)  # bad input fails before any work
    edition.check_out(args.out)
    if args.previews:
        from geo.export.snapshot import BrowserMissingError, chromium_executable
        try:
            chromium_executable()
        except BrowserMissingError as exc:
            print(f"publish --previews: {exc}", file=sys.stderr)
            return 1
    with tqdm(total=len(days), unit="day", file=sys.stderr, ascii=True, desc="publish",
              bar_format="{desc}: {n_fmt}/{total_fmt} days |{bar:20}| {postfix} [{elapsed}<{remaining}]") as bar:

        def progress(done: int, total: int, day: str) -> None:
            bar.set_postfix_str(day, refresh=False)
            bar.update(1)

        result = edition.publish(dataset, args.out, args.first, args.last, tiles=args.tiles, progress=progress,
                                 t=translator(lang), previews=args.previews, base_url=args.base_url)
    print(f"wrote {result.path}/ ({len(result.days)} days, {result.days[0]} to {result.days[-1]}; "
          f"opens on {result.featured_day}; words in {lang}; {result.files} files, {result.bytes / 1e6:.1f} MB). "
          f"Serve it with any web server, e.g. python -m http.server -d {result.path}")
    sys.stdout.flush()
    return 0


COMMANDS = [
    Command("publish", "a static edition of the map (index.html, one JSON file per day) for any web server",
            configure_publish, run_publish),
]
