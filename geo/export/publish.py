"""The static edition: the dashboard's map as plain files for any web server or CDN.

``blockade-map publish --out DIR`` writes::

    DIR/index.html              the map, day slider, Prev/Next, kinds filter, side panel
    DIR/manifest.json           the days, the dataset's info, legend, corridors (read first)
    DIR/days/YYYY-MM-DD.json    one file per day: markers with popups, national counts, rings
    DIR/assets/                 Leaflet, blockade-map.js/.css and the edition's own script/style
    DIR/basemap/                the data folder's basemap (land, borders, names), when it has one
    DIR/README.txt              what the edition holds, its sources and licence

A reader's browser fetches index.html, the assets, the manifest, the basemap and then only
the days they look at; nothing from another host (unless the edition was published with ``tiles=True`` and
the reader switches the online tile layer on). ``index.html#YYYY-MM-DD`` opens that day.

Popups and tooltips are the dashboard's own (:mod:`geo.render.popups`, escaped there) and are
drawn by the dashboard's ``blockade-map.js``; every other text from the data is put on the
page by ``edition.js`` with ``textContent``. Asset and day URLs carry a hash of their content
(``?v=``), so everything but ``index.html`` and ``manifest.json`` may be cached for long.

The edition is written into a staging folder beside ``DIR`` and put in place whole
(:func:`geo.store.files.replace_folder`): a web server serving ``DIR`` sees the old edition or
the new one, never half of one.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import numpy as np

from geo.core.dataset import Dataset
from geo.core.dates import check_day, day_range, shift_day
from geo.core.escape import escape_html
from geo.core.model import KINDS
from geo.core.view import View
from geo.export.files import PROJECT, licence_lines, publishers
from geo.query.active import mapped_vs_reported, reported_on, select_hotspots
from geo.query.changes import change_summary, day_over_day
from geo.render import assets
from geo.render.basemap import BASEMAP_FILE, load_basemap
from geo.render.changes import change_rows
from geo.render.maps import TILES_ATTRIBUTION, TILES_NOTICE, TILES_URL, dataset_bounds, legend_html
from geo.render.popups import event_row_json, hotspot_rows, corridor_rows
from geo.render.style import CHANGE_STYLES, CORRIDOR_LINE, HOTSPOT_COLOR, KIND_COLORS, KIND_LABELS
from geo.store.files import read_json_file, replace_folder, staging_folder

#: The version of the edition's file layout (manifest ``format``), raised when it changes.
FORMAT = 1
#: Files of the edition's own page (in ``geo/export/edition``), copied into ``DIR/assets``
#: except ``index.html``, which is filled in and written at the top.
EDITION_DIR = Path(__file__).resolve().parent / "edition"
EDITION_ASSETS = ("edition.js", "edition.css")
#: Leaflet and Blockade Map's own files the edition needs (no marker clusters).
VENDOR_ASSETS = tuple(name for name in assets.VENDOR_FILES
                      if name not in assets.CLUSTER_JS + assets.CLUSTER_CSS)
#: Most days one edition holds (ten years): a guard against a mistyped year.
MAX_DAYS = 3660
#: Name under which the dataset's index keeps each event's edition entry.
EDITION_MEMO = "edition-event"
EMPTY_DAY = ("Nothing is mapped for {day}. That does not mean nothing happened: only reports with "
             "a place and a source are mapped.")


@dataclass(frozen=True)
class PublishResult:
    """What :func:`publish` wrote: the folder, its days, the events over all days and its size."""

    path: Path
    days: list[str]
    featured_day: str
    event_days: int
    files: int
    bytes: int


def edition_days(dataset: Dataset, first: str | None = None, last: str | None = None) -> list[str]:
    """The days an edition holds: ``first`` to ``last``, each defaulting to the data's ends.

    Raises ValueError (one line) for a range that is backwards, holds no day of the data or
    is longer than :data:`MAX_DAYS`.
    """
    if dataset.first_day is None and not (first and last):
        raise ValueError(f"publish: {dataset.coverage()}; give --from and --to")
    both = bool(first and last)
    first = check_day(first, "--from") if first else dataset.first_day
    last = check_day(last, "--to") if last else dataset.last_day
    if last < first and not both:
        raise ValueError(f"publish: {first} to {last} holds no day of the data ({dataset.coverage()})")
    if last < first:
        raise ValueError(f"publish: --to {last} is before --from {first}")
    days = day_range(first, last)
    if len(days) > MAX_DAYS:
        raise ValueError(f"publish: {first} to {last} is {len(days):,} days; an edition holds at most "
                         f"{MAX_DAYS:,}")
    if dataset.first_day is None or first > dataset.last_day or last < dataset.first_day:
        raise ValueError(f"publish: {first} to {last} holds no day of the data ({dataset.coverage()})")
    return days


def _event_entry(record: dict) -> str:
    """One event of a day file (JSON): id, kind, counts and the dashboard's marker row."""
    head = json.dumps({"id": record["id"], "kind": record["kind"], "fatalities": record["fatalities"],
                       "injured": record["injured"], "detained": record["detained"]},
                      ensure_ascii=False, separators=(",", ":"))
    return head[:-1] + ',"row":' + event_row_json(record) + "}"


def _http(url: Any) -> str | None:
    url = str(url or "")
    return url if url.lower().startswith(("http://", "https://")) else None


def day_json(dataset: Dataset, day: str) -> str:
    """The day file of ``day``: what the map and the side panel show that day, as JSON text.

    ``events`` are drawn largest circles first; each holds the dashboard's marker row
    (``[lat, lon, class, colour, radius, popupHtml, tooltipHtml]``, escaped). ``totals``,
    ``mapped`` and ``reported`` are those of ``blockade-map day --json`` (every kind, all
    regions); ``changes`` lists the blockades new, continuing and lifted since the day before.
    """
    view = View(check_day(day))
    index = dataset.index
    positions = index.select(view)
    ordered = positions[np.argsort(-index.fatalities[positions], kind="stable")]
    entries = index.memo(EDITION_MEMO, ordered, _event_entry)
    mapped = index.mapped(positions)
    reported = reported_on(dataset, view.day)
    lines = mapped_vs_reported(reported, mapped)
    hotspots = select_hotspots(dataset, view)
    changes = day_over_day(dataset, view.day)
    note = None
    if not dataset.covers(view.day):
        note = f"{view.day} is outside the data: {dataset.coverage()}."
    elif not len(positions):
        note = EMPTY_DAY.format(day=view.day)
    document = {
        "format": FORMAT, "date": view.day,
        "totals": index.totals(positions), "mapped": mapped,
        "reported": [{"text": line, "metric": item["metric"], "value": item["value"],
                      "reporter": item["reporter"], "url": _http(item["source_url"])}
                     for line, item in zip(lines, reported)],
        "hotspots": {"names": [str(n) for n in hotspots["name"]], "rows": hotspot_rows(hotspots)},
        "changes": {"since": shift_day(view.day, -1),
                    "counts": {group: len(items) for group, items in changes.items()},
                    "places": change_summary(changes), "rings": change_rows(dataset, view)},
        "note": note,
    }
    head = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    return head[:-1] + ',"events":[' + ",".join(entries) + "]}"


def _version(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]


def _about(dataset: Dataset, days: list[str]) -> dict:
    records = dataset.index.records(np.arange(len(dataset.index)))
    return {"coverage": dataset.coverage(), "licence": dataset.info.licence,
            "licence_lines": licence_lines(dataset),
            "publishers": [[name, n] for name, n in publishers(records)[:20]],
            "time_zone": dataset.info.time_zone_label,
            "edition": f"{days[0]} to {days[-1]}"}


def manifest(dataset: Dataset, days: list[dict], featured: str, tiles: bool = False,
             basemap: dict | None = None) -> dict:
    """The edition's manifest: its days (file, version, events), the dataset's info and what
    every day shares (legend, kinds, corridors, styles, optional tiles and basemap)."""
    info = dataset.info
    return {
        "format": FORMAT, "generator": f"{PROJECT} publish",
        "title": info.title, "country": info.country, "timezone": info.timezone,
        "bbox": list(info.bbox) if info.bbox else None, "bounds": dataset_bounds(dataset),
        "languages": list(info.languages), "licence": info.licence,
        "featured_day": featured, "first_day": days[0]["date"], "last_day": days[-1]["date"],
        "days": days,
        "kinds": [{"kind": k, "label": KIND_LABELS[k], "colour": KIND_COLORS[k]} for k in KINDS],
        "legend_html": legend_html(),
        "corridors": {"rows": corridor_rows(dataset.corridors) if len(dataset.corridors) else [],
                      "style": CORRIDOR_LINE},
        "hotspot_colour": HOTSPOT_COLOR, "change_styles": CHANGE_STYLES,
        "tiles": {"url": TILES_URL, "attribution": TILES_ATTRIBUTION, "notice": TILES_NOTICE} if tiles else None,
        "basemap": basemap,
        "about": _about(dataset, [d["date"] for d in days]),
    }


def index_html(title: str, versions: dict[str, str]) -> str:
    """``index.html`` from its template: the title escaped, each asset URL with its version."""
    template = (EDITION_DIR / "index.html").read_text(encoding="utf-8")
    page = template.replace("{{title}}", escape_html(title))
    page = re.sub(r"\{\{v:([\w.-]+)\}\}", lambda m: versions[m.group(1)], page)
    if "{{" in page:
        raise ValueError("index.html template: a placeholder was left over")
    return page


def is_edition(folder: str | os.PathLike) -> bool:
    """Whether ``folder`` holds an edition written by :func:`publish` (its ``manifest.json``)."""
    path = Path(folder) / "manifest.json"
    if not path.is_file():
        return False
    data, problems = read_json_file(path)
    return not problems and isinstance(data, dict) and data.get("generator") == f"{PROJECT} publish"


def check_out(out: str | os.PathLike) -> Path:
    """The folder to publish into; ValueError if something else is there.

    A new path, an empty folder or a previous edition (a folder with an edition's
    ``manifest.json``) is accepted; a file, or a folder holding anything else, is refused.
    """
    out = Path(os.path.realpath(out))
    if out.exists() and not out.is_dir():
        raise ValueError(f"publish: --out {out} is a file, not a folder")
    if out.is_dir() and any(out.iterdir()) and not is_edition(out):
        raise ValueError(f"publish: --out {out} holds other files and is not an edition; "
                         "give a new or empty folder, or a previous edition to replace")
    if out == Path(out.anchor):
        raise ValueError("publish: --out cannot be the root folder")
    return out


def _basemap(dataset: Dataset):
    """The basemap of the dataset's folder (None when it has none, or is not a folder)."""
    return load_basemap(dataset.source) if Path(dataset.source).is_dir() else None


def _write(path: Path, data: bytes | str) -> int:
    data = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    return len(data)


def readme_text(dataset: Dataset, days: list[str], featured: str) -> str:
    """README.txt of an edition: what it holds, how to serve it, its licence and sources."""
    about = _about(dataset, days)
    lines = [f"{dataset.info.title}: static edition, {days[0]} to {days[-1]} ({len(days)} days)",
             "=" * 60,
             "Open index.html through any web server (e.g. `python -m http.server` in this folder);",
             f"index.html#YYYY-MM-DD opens that day, without it {featured}. Browsers do not let a page",
             "opened from a file read its data: serve the folder.",
             "Files: index.html, manifest.json (the days, info, legend, corridors), days/YYYY-MM-DD.json",
             "(one per day), assets/ (Leaflet 1.9.3, BSD-2-Clause, and Blockade Map's script and styles).",
             "Cache index.html and manifest.json briefly; every other URL carries its content hash (?v=).",
             "", "Licence", "-------", *about["licence_lines"]]
    loaded = _basemap(dataset)
    if loaded is not None:
        lines.append(f"basemap/ (drawn under every layer): {loaded.data.get('attribution') or 'no attribution given'}.")
    lines += ["", "Data sources (publisher: events)", "-" * 32]
    lines += [f"- {name}: {n}" for name, n in about["publishers"]] or ["- none: nothing mapped"]
    return "\n".join(lines) + "\n"


def publish(dataset: Dataset, out: str | os.PathLike, first: str | None = None, last: str | None = None,
            tiles: bool = False, progress: Callable[[int, int, str], None] | None = None) -> PublishResult:
    """Write the static edition of ``dataset`` to the folder ``out`` (replacing a previous one).

    Parameters
    ----------
    dataset : Dataset
    out : path
        The edition's folder: new, empty, or a previous edition (see :func:`check_out`).
    first, last : str, optional
        ``YYYY-MM-DD``: the days the edition holds (default: every day of the data).
    tiles : bool
        Offer OpenStreetMap tiles as an online layer (off until a reader switches it on).
    progress : callable, optional
        ``progress(done, total, label)`` after each day file.

    Returns
    -------
    PublishResult

    The data folder's basemap (:mod:`geo.render.basemap`), when it has one, is copied into
    ``basemap/`` and drawn under every layer by the dashboard's ``basemap.js``.

    Raises ValueError (one line) for a bad range, a bad basemap or an ``out`` in the way;
    ``out`` is then left as it was.
    """
    days = edition_days(dataset, first, last)
    target = check_out(out)
    loaded = _basemap(dataset)
    target.parent.mkdir(parents=True, exist_ok=True)
    staged = staging_folder(target)
    try:
        size, files, event_days, entries = 0, 0, 0, []
        versions: dict[str, str] = {}
        for name in VENDOR_ASSETS:
            data = assets.VENDOR_FILES[name].read_bytes()
            size += _write(staged / "assets" / name, data)
            versions[name] = _version(data)
        for name in EDITION_ASSETS:
            data = (EDITION_DIR / name).read_bytes()
            size += _write(staged / "assets" / name, data)
            versions[name] = _version(data)
        files += len(VENDOR_ASSETS) + len(EDITION_ASSETS)
        for i, day in enumerate(days, start=1):
            data = day_json(dataset, day).encode("utf-8")
            size += _write(staged / "days" / f"{day}.json", data)
            count = len(dataset.index.select(View(day)))
            event_days += count
            entries.append({"date": day, "file": f"days/{day}.json", "version": _version(data), "events": count})
            if progress:
                progress(i, len(days), day)
        files += len(days)
        basemap_entry = None
        if loaded is not None:
            data = loaded.text.encode("utf-8")
            size += _write(staged / "basemap" / BASEMAP_FILE, data)
            basemap_entry = {"file": f"basemap/{BASEMAP_FILE}", "version": _version(data),
                             "attribution": loaded.data.get("attribution")}
            files += 1
        featured = dataset.featured_day if dataset.featured_day in days else None
        if featured is None:
            busiest = max(entries, key=lambda e: e["events"])
            featured = busiest["date"]
        size += _write(staged / "README.txt", readme_text(dataset, days, featured))
        document = manifest(dataset, entries, featured, tiles=tiles, basemap=basemap_entry)
        size += _write(staged / "manifest.json", json.dumps(document, ensure_ascii=False, indent=1))
        size += _write(staged / "index.html", index_html(dataset.info.title, versions))
        files += 3
        replace_folder(staged, target)
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
    return PublishResult(target, days, featured, event_days, files, size)
