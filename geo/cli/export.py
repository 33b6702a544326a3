"""``blockade-map snapshot`` and ``blockade-map export``: the map and its data as files."""
from __future__ import annotations

import argparse
import shlex
import sys
from datetime import date
from pathlib import Path

from tqdm import tqdm

from geo.cli.args import Command, add_filters, add_lang, add_mode, data_part, day_arg
from geo.core.dates import day_range
from geo.core.i18n import Translator, translator
from geo.core.view import View
from geo.export import files as data_export
from geo.export import snapshot
from geo.query.active import select_records
from geo.store import load_dataset
from geo.store.files import atomic_write, check_target


def _size_arg(value: str) -> tuple[int, int]:
    try:
        return snapshot.parse_size(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _seconds_arg(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds <= 120:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds between 0 and 120")
    return seconds


# ---------------------------------------------------------------- snapshot

def _configure_snapshot(p: argparse.ArgumentParser) -> None:
    p.add_argument("--date", type=day_arg, help="the day to draw (YYYY-MM-DD)")
    p.add_argument("--from", dest="first", type=day_arg, metavar="D1",
                   help="batch: first day; writes DIR/YYYY-MM-DD.png per day and DIR/period.gif")
    p.add_argument("--to", dest="last", type=day_arg, metavar="D2", help="batch: last day (inclusive)")
    p.add_argument("--out", required=True, metavar="FILE|DIR",
                   help="FILE.png, FILE.pdf, FILE.svg or FILE.html for one day; a folder for --from/--to")
    p.add_argument("--format", choices=("png", "pdf", "svg", "html"),
                   help="what to write for one day (default: from the --out suffix); pdf and svg keep the "
                        "map, labels and text as vectors, for print")
    add_mode(p)
    add_filters(p)
    p.add_argument("--size", type=_size_arg, default=snapshot.DEFAULT_SIZE, metavar="WxH",
                   help="PNG size in pixels (default 1200x800; print: 2400x1600)")
    p.add_argument("--fit", choices=snapshot.FITS, default=snapshot.DEFAULT_FIT,
                   help="day (default): the day's events and the road corridors, with a margin (the whole "
                        "data set with --cumulative); view: zoom to the events shown; data: the whole "
                        "data set, the same every day")
    p.add_argument("--no-tiles", dest="tiles", action="store_false",
                   help="draw over the built-in basemap instead of OpenStreetMap tiles (no network)")
    p.add_argument("--tile-timeout", type=_seconds_arg, default=snapshot.TILE_TIMEOUT_S, metavar="SECONDS",
                   help=f"how long to wait for map tiles (default {snapshot.TILE_TIMEOUT_S:g})")
    add_lang(p, "the title, date, filters, legend, popups and credits")


def _snapshot_target(args: argparse.Namespace) -> str:
    """'png', 'html' or 'batch', or ValueError naming what is wrong with the options."""
    if args.date and (args.first or args.last):
        raise ValueError("snapshot: give --date for one day, or --from and --to for a batch, not both")
    if args.first or args.last:
        if not (args.first and args.last):
            raise ValueError("snapshot: a batch needs both --from and --to")
        if args.last < args.first:
            raise ValueError(f"snapshot: --to {args.last} is before --from {args.first}")
        out = Path(args.out)
        if out.suffix.lower() in (".png", ".html", ".gif") or out.is_file():
            raise ValueError(f"snapshot: with --from/--to, --out is a folder (e.g. {out.with_suffix('')}/), "
                             f"not {args.out}")
        return "batch"
    if not args.date:
        raise ValueError("snapshot: give --date YYYY-MM-DD (or --from and --to for a batch)")
    suffix = Path(args.out).suffix.lower()
    fmt = getattr(args, "format", None) or suffix[1:]
    if fmt not in ("png", "pdf", "svg", "html"):
        raise ValueError(f"snapshot: --out must end in .png, .pdf, .svg or .html (or give --format), "
                         f"got {args.out!r}")
    return fmt


def _batch_command(args: argparse.Namespace) -> str:
    parts = ["blockade-map", "snapshot", "--from", args.first, "--to", args.last, "--out", str(args.out),
             "--mode", args.mode, "--size", f"{args.size[0]}x{args.size[1]}"] + data_part(args)
    if args.kinds:
        parts += ["--kinds", ",".join(args.kinds)]
    if args.regions:
        parts += ["--regions", ",".join(args.regions)]
    if args.fit != snapshot.DEFAULT_FIT:
        parts += ["--fit", args.fit]
    if not args.tiles:
        parts.append("--no-tiles")
    if args.lang != "en":
        parts += ["--lang", args.lang]
    return shlex.join(parts)


def _batch_readme(dataset, args: argparse.Namespace, days: list[str], t: Translator) -> str:
    records = []
    for day in days:
        records += select_records(dataset, View(day, args.mode, args.kinds, args.regions))
    unique = list({r["id"]: r for r in records}.values())
    view = View(days[0], args.mode, args.kinds, args.regions)
    lines = [t.gettext("{title}: one map per day, {first} to {last}").format(
                 title=snapshot.snapshot_title(dataset, t), first=days[0], last=days[-1]),
             "=" * 60,
             t.gettext("Files: YYYY-MM-DD.png ({width}x{height} pixels, one per day) and period.gif").format(
                 width=args.size[0], height=args.size[1]),
             t.gettext("View: {summary}").format(summary=view.summary(t)),
             t.gettext("Made with: {command}").format(command=_batch_command(args)), "",
             t.gettext("Licence"), "-------", *data_export.licence_lines(dataset, t),
             t.gettext("Map tiles (when drawn): © OpenStreetMap contributors, ODbL "
                       "(https://www.openstreetmap.org/copyright)."),
             "", t.gettext("Data sources (publisher: events shown in the period)"), "-" * 52]
    lines += [f"- {name}: {n}" for name, n in data_export.publishers(unique)] or \
        ["- " + t.gettext("none: nothing mapped")]
    return "\n".join(lines) + "\n"


def cmd_snapshot(args: argparse.Namespace) -> int:
    """Draw the map of one day (PNG or HTML) or of every day of a range (PNGs and a GIF)."""
    target = _snapshot_target(args)
    if target in ("png", "pdf", "svg", "batch"):
        try:
            snapshot.chromium_executable()
        except snapshot.BrowserMissingError as exc:
            print(exc, file=sys.stderr)
            return 1
    dataset = load_dataset(args.data)
    args.regions = dataset.check_regions(args.regions)
    t = translator(args.lang)
    try:
        if target == "html":
            view = View(args.date, args.mode, args.kinds, args.regions)
            path = snapshot.write_html(dataset, view, args.out, tiles=args.tiles, fit=args.fit, t=t)
            print(f"wrote {path} ({len(select_records(dataset, view))} events, self-contained HTML)")
        elif target in ("png", "pdf", "svg"):
            return _single_image(dataset, args, target, t)
        else:
            return _batch(dataset, args, t)
    except snapshot.BrowserMissingError as exc:
        print(exc, file=sys.stderr)
        return 1
    except snapshot.SnapshotError as exc:
        print(f"blockade-map: {exc}", file=sys.stderr)
        return 1
    return 0


def _single_image(dataset, args: argparse.Namespace, fmt: str, t: Translator) -> int:
    out = check_target(args.out)
    view = View(args.date, args.mode, args.kinds, args.regions)
    with snapshot.Snapshotter(tiles=args.tiles, tile_timeout_s=args.tile_timeout, fit=args.fit, t=t) as shot:
        data, result = snapshot.render_file(shot, dataset, view, fmt, args.size)
    atomic_write(out, data)
    tiles = f"{result.tiles_loaded} map tiles" if result.tiles_loaded else snapshot.NO_TILES
    size = f"{result.width}x{result.height}" + (f", {snapshot.CSS_DPI * result.scale:g} dpi" if fmt == "png" else "")
    print(f"wrote {out} ({fmt.upper()}, {size}, {len(result.markers)} events, "
          f"{len(result.labels)} places named, {tiles})")
    return 0


def _batch(dataset, args: argparse.Namespace, t: Translator) -> int:
    days = day_range(args.first, args.last)
    out_dir = Path(args.out)
    view = View(days[0], args.mode, args.kinds, args.regions)
    with tqdm(total=len(days), unit="day", file=sys.stderr, ascii=True, desc="snapshots",
              bar_format="{desc}: {n_fmt}/{total_fmt} days |{bar:20}| {postfix} [{elapsed}<{remaining}]") as bar:
        bar.set_postfix_str("starting the browser")

        def done(_: int, day: str) -> None:
            bar.set_postfix_str(day, refresh=False)
            bar.update(1)
        paths = snapshot.batch_pngs(dataset, days, out_dir, view=view, size=args.size, tiles=args.tiles,
                                    tile_timeout_s=args.tile_timeout, progress=done, fit=args.fit, t=t)
    gif = snapshot.make_gif(paths, [snapshot.short_date(d, t) for d in days], out_dir / "period.gif")
    (out_dir / "README.txt").write_text(_batch_readme(dataset, args, days, t), encoding="utf-8")
    print(f"wrote {len(paths)} PNG(s) to {out_dir}/ ({days[0]}.png to {days[-1]}.png), "
          f"{gif} ({len(paths)} frames) and {out_dir / 'README.txt'}")
    return 0


# ---------------------------------------------------------------- export

def _configure_export(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="first", type=day_arg, metavar="D", help="first day (default: the data's first)")
    p.add_argument("--to", dest="last", type=day_arg, metavar="D",
                   help="last day, inclusive (default: the data's last)")
    p.add_argument("--format", choices=data_export.FORMATS,
                   help="geojson, csv, or acled (ACLED's current columns); default: from the --out suffix")
    p.add_argument("--out", required=True, metavar="FILE", help="file to write; FILE.txt gets the citation")
    add_filters(p)
    add_lang(p, "the citation file FILE.txt (the data's fields and values are the same in every language)")


def _export_format(args: argparse.Namespace) -> str:
    if args.format:
        return args.format
    suffix = Path(args.out).suffix.lower()
    inferred = {".geojson": "geojson", ".json": "geojson", ".csv": "csv"}.get(suffix)
    if inferred is None:
        raise ValueError(f"export: give --format geojson, csv or acled (cannot tell from {args.out!r})")
    return inferred


def cmd_export(args: argparse.Namespace) -> int:
    """Write the events active in ``[--from, --to]`` and the ``.txt`` naming sources and licence."""
    fmt = _export_format(args)
    if args.first and args.last and args.last < args.first:
        raise ValueError(f"export: --to {args.last} is before --from {args.first}")
    dataset = load_dataset(args.data)
    everything = dataset.first_day or date.today().isoformat()  # an empty dataset has no day of its own
    args.first = args.first or everything
    args.last = args.last or max(dataset.last_day or everything, args.first)
    if args.last < args.first:
        raise ValueError(f"export: --to {args.last} is before --from {args.first}")
    args.regions = dataset.check_regions(args.regions)
    cmdline = data_export.default_command(args.first, args.last, fmt, args.out, args.kinds, args.regions)
    if args.data:
        cmdline += " " + shlex.join(data_part(args))
    if args.lang != "en":
        cmdline += " " + shlex.join(["--lang", args.lang])
    result = data_export.export_events(dataset, args.first, args.last, fmt, args.out, args.kinds,
                                       args.regions, command=cmdline, t=translator(args.lang))
    print(f"wrote {result.path} ({result.count} events, {fmt}) and {result.sidecar} (sources and licence)")
    return 0


COMMANDS = [
    Command("snapshot", "the map of a day as PNG or self-contained HTML; a PNG per day and a GIF for a range",
            _configure_snapshot, cmd_snapshot),
    Command("export", "the events active in a date range as GeoJSON, CSV or ACLED's CSV, with a citation file",
            _configure_export, cmd_export),
]
