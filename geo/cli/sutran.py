"""SUTRAN's feed on the command line: ``import --format sutran PATH...`` and ``follow URL_OR_FOLDER``."""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from geo.cli.args import Command, UsageError, day_arg, default_who, store_refuses
from geo.core.model import DataError, Problem
from geo.intake import sutran
from geo.network.kmposts import corridors_with_chains, resolve_km_post
from geo.store import open_store

#: How long ``follow`` waits for one feed file before the fetch counts as failed.
FETCH_TIMEOUT_S = 60.0


def causes_arg(value: str) -> tuple[str, ...]:
    """``--motivo``: SUTRAN causes, comma-separated (``HUMANO,CLIMATOLOGICO``), or ``all``."""
    if value.strip().lower() == "all":
        return sutran.CAUSES
    causes = tuple(c.strip().upper() for c in value.split(",") if c.strip())
    unknown = [c for c in causes if c not in sutran.CAUSES]
    if unknown or not causes:
        raise argparse.ArgumentTypeError(f"unknown cause {unknown[0] if unknown else value!r}; SUTRAN's causes "
                                         f"are {', '.join(sutran.CAUSES)} (or all)")
    return causes


def every_arg(value: str) -> float:
    """A poll interval: ``30m``, ``45s``, ``1h``, ``0.5s`` or plain seconds."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smh]?)\s*", value)
    if not m or float(m.group(1)) <= 0:
        raise argparse.ArgumentTypeError(f"{value!r} is not an interval such as 30m, 45s or 1h")
    return float(m.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600}[m.group(2)]


def add_feed_options(p: argparse.ArgumentParser) -> None:
    """The options ``import --format sutran`` and ``follow`` share."""
    p.add_argument("--motivo", type=causes_arg, default=sutran.DEFAULT_CAUSES, metavar="CAUSES",
                   help="SUTRAN causes to import, comma-separated: HUMANO (protests, the default), CLIMATOLOGICO, "
                        "INFRAESTRUCTURA, ACCIDENTES, or all")
    p.add_argument("--from", dest="first", type=day_arg, default=None, help="only updates from this day")
    p.add_argument("--to", dest="last", type=day_arg, default=None, help="only updates to this day")


def _report(problems: Sequence[Problem]) -> None:
    for problem in problems:
        print(f"warning: {problem} (left out)", file=sys.stderr)


def km_placer(store) -> Callable[[str, float], tuple[float, float] | None] | None:
    """Kilometre posts on the data's corridors (None when no corridor has kilometre references)."""
    corridors = store.load(strict=False).corridors
    if corridors is None or not len(corridors) or "km_refs" not in corridors.columns:
        return None
    chained = corridors_with_chains(corridors)
    roads = {str(r.get("road")) for refs in chained["km_refs"]
             for r in (json.loads(refs) if isinstance(refs, str) else refs if isinstance(refs, list) else [])}

    def place(road: str, km: float) -> tuple[float, float] | None:
        if road not in roads:
            return None
        try:
            _, lon, lat = resolve_km_post(chained, road, float(km))
        except (ValueError, TypeError):
            return None
        return lon, lat
    return place


def _apply(store, batch: sutran.Batch, who: str, reason: str, dry_run: bool = False) -> tuple[sutran.Plan, int]:
    """Plan the batch against the data and write it in one change; (plan, log entries written)."""
    editor = store.editor()
    holder: dict[str, sutran.Plan] = {}
    place_km = km_placer(store)

    def compute(collection: dict) -> list:
        holder["plan"] = sutran.plan_events(batch, collection.get("features", []), reason, place_km)
        return holder["plan"].changes

    if dry_run:
        compute(editor.read().collection)
        return holder["plan"], 0
    change = editor.sync(compute, who=who)
    return holder["plan"], len(change.entries)


def _summary(plan: sutran.Plan) -> str:
    return (f"{plan.added} new events, {plan.edited} changed, {plan.retracted} merged into others, "
            f"{plan.unchanged} already up to date")


def run_import(args: argparse.Namespace, who: str) -> int:
    """``blockade-map import --format sutran PATH...``: SUTRAN feed updates -> blockade events."""
    store = open_store(args.data)
    if store_refuses(store):
        return 1
    editor = store.editor()
    try:
        batch = sutran.collect(args.file, args.motivo, editor.scope, args.first, args.last)
    except FileNotFoundError as exc:
        raise UsageError(f"blockade-map import: {exc}") from None
    _report(batch.problems)
    names = ", ".join(Path(p).name for p in args.file)
    if not batch.keys:
        print(f"{names}: no SUTRAN feed update could be read" + (" in the range given" if args.first or args.last
                                                                else "") + "; nothing imported", file=sys.stderr)
        return 1
    reason = args.reason or f"import of SUTRAN's feed: {names}"
    plan, written = _apply(store, batch, who, reason, args.dry_run)
    read = (f"read {batch.updates} feed versions ({len(batch.keys)} distinct updates of {len(batch.days)} days): "
            f"{len(batch.records)} records of "
            f"{', '.join(args.motivo)}" + (f", {len(batch.problems)} problem(s) reported" if batch.problems else ""))
    if args.dry_run:
        print(f"{read}; would make {_summary(plan)} (dry run: nothing written)")
    else:
        print(f"{read}; {_summary(plan)}; {written} change-log entries")
    return 0


# ---------------------------------------------------------------- follow

def _configure_follow(p: argparse.ArgumentParser) -> None:
    p.add_argument("source", help="SUTRAN's feed: a URL of a feed file, a base URL serving interrumpido.json and "
                                  "restringido.json, or a folder where new updates (feed files, archives) land")
    p.add_argument("--every", type=every_arg, default=1800.0, help="how often to look (30m, 45s, 1h; default 30m)")
    p.add_argument("--retry", type=every_arg, default=None,
                   help="how soon to try again after a failed fetch (default: the smaller of --every and 5m)")
    p.add_argument("--polls", type=int, default=None, help="stop after this many polls (default: run until stopped)")
    p.add_argument("--who", default=None, help="editor name for the change log (default: your login)")
    add_feed_options(p)


def feed_urls(source: str) -> list[str]:
    """The feed files to fetch for a URL: itself when it names a file, else SUTRAN's two files under it."""
    if source.rstrip("/").lower().endswith(".json"):
        return [source]
    base = source if source.endswith("/") else source + "/"
    return [base + name for name in sutran.FEED_FILES]


def fetch_updates(source: str, problems: list[Problem]) -> list[sutran.Update]:
    """Fetch every feed file of ``source`` (a URL); OSError when any one fails (then none is used)."""
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    updates = []
    for url in feed_urls(source):
        try:
            with urllib.request.urlopen(url, timeout=FETCH_TIMEOUT_S) as response:
                raw = response.read()
        except urllib.error.HTTPError as exc:
            raise OSError(f"{url}: HTTP {exc.code} {exc.reason}") from exc
        except (urllib.error.URLError, TimeoutError) as exc:
            raise OSError(f"{url}: {getattr(exc, 'reason', exc)}") from exc
        try:
            data = json.loads(raw.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise OSError(f"{url}: the answer is not JSON ({exc})") from exc
        name = url.rstrip("/").rsplit("/", 1)[-1] or url
        update = sutran.feed_document(data, name, url, url, [])
        if update is None:
            raise OSError(f"{url}: the answer is not a SUTRAN feed file")
        updates.append(sutran.Update(update.file, update.where, "", stamp, url, update.features))
    return updates


class FolderWatch:
    """The feed files of a folder that are new or changed since the last look (by size and time)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.seen: dict[Path, tuple[int, int]] = {}

    def new_files(self) -> list[Path]:
        """Files that appeared or changed; a file still growing is taken at the next look."""
        out = []
        for path in sutran.feed_paths([self.folder]):
            st = path.stat()
            key = (st.st_size, st.st_mtime_ns)
            if self.seen.get(path) != key:
                out.append(path)
                self.seen[path] = key
        return out


def _log(message: str) -> None:
    print(f"{datetime.now(UTC).strftime('%Y-%m-%dT%H:%M:%SZ')} {message}", flush=True)


def cmd_follow(args: argparse.Namespace, who: str, sleep: Callable[[float], None] = time.sleep) -> int:
    """Poll SUTRAN's feed (a URL) or a folder, applying each new update as ``import --format sutran`` does."""
    store = open_store(args.data)
    if store_refuses(store, "following the feed", "nothing applied"):
        return 1
    scope = store.editor().scope
    is_url = re.match(r"^https?://", args.source, re.IGNORECASE) is not None
    watch = None if is_url else FolderWatch(Path(args.source))
    if watch is not None and not watch.folder.is_dir():
        raise UsageError(f"blockade-map follow: {args.source}: not a URL (http:// or https://) nor a folder")
    retry = args.retry if args.retry is not None else min(args.every, 300.0)
    polls = 0
    while args.polls is None or polls < args.polls:
        polls += 1
        batch = sutran.Batch()
        try:
            if watch is None:  # a URL
                for update in fetch_updates(args.source, batch.problems):
                    sutran.add_update(batch, update, args.motivo, scope, args.first, args.last)
            else:
                for path in watch.new_files():
                    for update in sutran.read_updates(path, batch.problems):
                        sutran.add_update(batch, update, args.motivo, scope, args.first, args.last)
        except OSError as exc:
            _log(f"fetch failed: {exc}; nothing applied; trying again in {retry:g} s")
            if args.polls is None or polls < args.polls:
                sleep(retry)
            continue
        _report(batch.problems)
        if batch.keys:
            try:
                plan, written = _apply(store, batch, who, f"SUTRAN feed followed: {args.source}")
            except DataError as exc:
                for problem in exc.problems:
                    print(problem, file=sys.stderr)
                _log("the update could not be applied; nothing written; trying again later")
                plan, written = None, 0
            if plan is not None:
                _log(f"{len(batch.keys)} feed update(s) read: {_summary(plan)}; {written} change-log entries")
        else:
            _log("no new feed update")
        if args.polls is None or polls < args.polls:
            sleep(args.every)
    return 0


COMMANDS = [
    Command("follow", "apply new SUTRAN feed updates as they appear (a URL or a folder, every 30m)",
            _configure_follow, lambda args: cmd_follow(args, args.who or default_who())),
]

