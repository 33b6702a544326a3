"""Build the third data release of ``data/``: the curated tables, the located news points, SUTRAN's feed.

1. ``build_bundled_data.py`` writes the curated layers (with the corrections of the third
   release, made in the tables) into a working folder;
2. the located blockade points of ``shared/facts/points-2022-12-to-2023-01.csv`` are added through
   the editor (:mod:`release_points`): one event per place and run of days, or a source added to
   the event already mapped there;
3. SUTRAN's archived feed (``shared/sutran``) is imported through ``blockade-map import --format
   sutran`` for 17 January to 31 March 2023 (protests only), and the distinct protest points it
   listed each day become ``blockade_points`` counts under the reporter ``SUTRAN (alert feed)``;
4. the events and counts are copied back to the output folder (the working folder's change log
   is the build's, not the data's).

Nothing of the shared folder is copied: the archive is read where it is. The output is
deterministic: run it twice and the files are byte-identical.

Usage::

    python scripts/build_release_3.py [--shared ../shared] [--out data]
"""
from __future__ import annotations

import argparse
import csv
import json
import shutil
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import build_bundled_data  # noqa: E402
import release_points  # noqa: E402

from geo.cli.main import main as cli  # noqa: E402
from geo.core.words import FEED_REPORTER  # noqa: E402
from geo.intake import sutran  # noqa: E402
from geo.store.editor import Editor  # noqa: E402

FEED_FILE = "feed-2023-01-17-to-2023-03-31.jsonl.gz"
FIRST_DAY, LAST_DAY = "2023-01-17", "2023-03-31"
WHO = "release 3 (scripts/build_release_3.py)"
#: What the working folder needs beside the layers the tables build.
CARRIED = ("dataset.json", "basemap.geojson", "gazetteer")


def feed_counts(archive: Path, scope) -> list[dict]:
    """One ``blockade_points`` row per day with updates: the distinct protest sites SUTRAN listed
    that day, cited with the archived file of the day's last update."""
    batch = sutran.collect([archive], sutran.DEFAULT_CAUSES, scope, FIRST_DAY, LAST_DAY)
    sites: dict[str, set[str]] = defaultdict(set)
    last: dict[str, tuple[str, str]] = {}
    for r in batch.records:
        sites[r.day].add(r.site)
        if r.day not in last or (r.update, r.url) > last[r.day]:
            last[r.day] = (r.update, r.url)
    return [{"date": day, "metric": "blockade_points", "value": len(sites[day]), "reporter": FEED_REPORTER,
             "source_url": last[day][1]} for day in sorted(sites)]


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description="Build the third data release.")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared folder")
    parser.add_argument("--out", type=Path, default=ROOT / "data", help="output folder (default: data/)")
    args = parser.parse_args(argv)
    archive = args.shared / "sutran" / FEED_FILE
    points = args.shared / "facts" / "points-2022-12-to-2023-01.csv"
    with tempfile.TemporaryDirectory(prefix="release3-") as tmp:
        work = Path(tmp) / "data"
        work.mkdir()
        for name in CARRIED:
            src = ROOT / "data" / name
            if src.is_dir():
                shutil.copytree(src, work / name)
            elif src.exists():
                shutil.copy2(src, work / name)
        build_bundled_data.main(["--out", str(work)])
        editor = Editor(work)
        added, merged, left = release_points.apply(points, editor, WHO)
        print(f"news points: {added} new events, {merged} sources added to events already mapped; "
              f"{len(left)} rows not placed")
        status = cli(["import", "--format", "sutran", str(archive), "--from", FIRST_DAY, "--to", LAST_DAY,
                      "--who", WHO, "--reason", "third release: SUTRAN's archived feed", "--data", str(work)])
        if status:
            return status
        rows = list(csv.DictReader((work / "reported_counts.csv").open(encoding="utf-8", newline="")))
        rows = [r for r in rows if r["reporter"] != FEED_REPORTER] + feed_counts(archive, editor.scope)
        rows.sort(key=lambda r: (r["date"], r["metric"], r["reporter"], r["source_url"]))
        with (work / "reported_counts.csv").open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=build_bundled_data.COUNT_COLUMNS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        args.out.mkdir(parents=True, exist_ok=True)
        for name in ("hotspots.geojson", "corridors.geojson", "reported_counts.csv"):
            shutil.copy2(work / name, args.out / name)
        events = json.loads((work / "events.geojson").read_text(encoding="utf-8"))["features"]
        events.sort(key=lambda f: (f["properties"]["start"], f["id"]))   # the bundled file's order
        build_bundled_data.write_geojson(args.out / "events.geojson", events)
    print(f"release 3 -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
