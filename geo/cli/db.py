"""``blockade-map db init | load DIR | dump DIR``: set up a PostGIS database and move data in and out.

``--data postgresql://USER[:PASSWORD]@HOST:PORT/DB`` (or ``$BLOCKADE_MAP_DATA``) names the
database; every other command reads it the same way once it is loaded.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from geo.cli.args import Command, UsageError
from geo.core.model import DataError
from geo.store import FolderStore, PostgisStore, gis, is_database_url, redact_url, resolve_source


def _data_option(p: argparse.ArgumentParser) -> None:
    # Accepted after the subcommand too: `blockade-map db load DIR --data postgresql://...`.
    p.add_argument("--data", metavar="URL", default=argparse.SUPPRESS,
                   help="postgresql://USER[:PASSWORD]@HOST:PORT/DB (default: $BLOCKADE_MAP_DATA)")


def _configure_db(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="db_command", metavar="ACTION", parser_class=type(p))
    sub.required = True
    q = sub.add_parser("init", help="create the PostGIS extension (if missing), the schema and the tables")
    _data_option(q)
    q = sub.add_parser("load", help="copy a data folder (and its change log) into the database")
    q.add_argument("folder", metavar="DIR", help="a data folder (events.geojson, ...)")
    q.add_argument("--replace", action="store_true", help="replace the events the database already holds")
    _data_option(q)
    q = sub.add_parser("dump", help="write the database as a data folder (layers, change log and its base)")
    q.add_argument("folder", metavar="DIR", help="the folder to write (created when missing)")
    q.add_argument("--overwrite", action="store_true", help="replace the layer files DIR already holds")
    _data_option(q)


def cmd_db(args: argparse.Namespace) -> int:
    """Run ``db init``, ``db load DIR`` or ``db dump DIR`` on the ``--data`` database."""
    source = resolve_source(args.data)
    if not is_database_url(source):
        raise UsageError(f"blockade-map db {args.db_command}: --data (or $BLOCKADE_MAP_DATA) must be a "
                         f"postgresql:// URL, got {redact_url(str(source))!r}")
    store = PostgisStore(str(source))
    started = time.perf_counter()
    if args.db_command == "init":
        created = store.init()
        gis.install(store)  # constraints, comments, logged edits from a GIS (geo/store/gis.sql)
        print(f"{'created' if created else 'already set up'}: {store.location} (schema blockade_map; "
              "editable from a GIS: edits of events in SQL are logged)")
        return 0
    folder = Path(args.folder)
    if args.db_command == "load":
        if not folder.is_dir():
            raise UsageError(f"blockade-map db load: {folder}: not a folder")
        problems = gis.corridor_problems(store, FolderStore(folder).raw_layers()["corridors"])
        if problems:
            raise DataError(problems)
        written = store.load_folder(folder, replace=args.replace)
        verb = "loaded"
    else:
        try:
            written = store.dump(folder, overwrite=args.overwrite)
        except FileExistsError as exc:
            raise UsageError(f"blockade-map db dump: {exc}") from None
        verb = "dumped"
    labels = {"reported_counts": "reported counts", "changelog": "change-log entries"}
    what = ", ".join(f"{n:,} {labels.get(name, name)}" for name, n in written.items())
    arrow = "->" if verb == "dumped" else "<-"
    print(f"{verb} {store.location} {arrow} {folder}: {what} ({time.perf_counter() - started:,.1f} s)")
    return 0


COMMANDS = [Command("db", "a PostGIS database as the store: init, load DIR, dump DIR (with --data postgresql://...)",
                    _configure_db, cmd_db)]
