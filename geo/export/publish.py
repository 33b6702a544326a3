"""The static edition: the dashboard's map as plain files for any web server or CDN.

``blockade-map publish --out DIR`` writes::

    DIR/index.html              the map, day slider, Prev/Next, kinds filter, side panel
    DIR/manifest.json           the days, the dataset's info, legend, corridors (read first)
    DIR/days/YYYY-MM-DD.json    one file per day: markers with popups, national counts, rings
    DIR/assets/                 Leaflet, blockade-map.js/.css and the edition's own script/style
    DIR/basemap/                the data folder's basemap (land, borders, names), when it has one
    DIR/share/YYYY-MM-DD.html   one small page per day to share: its own preview tags, then the day
    DIR/preview/YYYY-MM-DD.png  the day's picture for link previews (``previews=True``, needs Chromium)
    DIR/README.txt              what the edition holds, its sources and licence

Every word the page shows is in one language (its Translator ``t``: :func:`publish`'s default is English, the
command's the dataset's first language): the page's own words are written into ``index.html``
(the words ``edition.js`` puts together are in its ``data-words`` attribute, as JSON), the
legend, kinds and credits into the manifest, the popups, national counts and notes into the
day files. One edition speaks one language; publish again into another folder for another.

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
import shutil
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from babel.numbers import get_group_symbol
from markupsafe import Markup

from geo.core.dataset import Dataset
from geo.core.dates import check_day, day_range, shift_day
from geo.core.escape import escape_html, template_environment
from geo.core.i18n import ENGLISH, N_, SOURCE_LANGUAGE, N_plural, Translator, pick_language
from geo.core.model import KINDS
from geo.core.view import View
from geo.core.words import kind_label, kind_name
from geo.export.files import PROJECT, licence_lines, publishers
from geo.query.active import mapped_vs_reported, reported_on, select_hotspots
from geo.query.changes import change_summary, day_over_day
from geo.query.framing import data_bounds, frame_for
from geo.render import assets
from geo.render.basemap import ATTRIBUTION as BASEMAP_ATTRIBUTION
from geo.render.basemap import BASEMAP_FILE, load_basemap
from geo.render.changes import change_rows
from geo.render.maps import TILES_ATTRIBUTION, TILES_NOTICE, TILES_URL, legend_html
from geo.render.popups import corridor_rows, event_name, event_row_json, hotspot_rows
from geo.render.style import CHANGE_STYLES, CORRIDOR_LINE, HOTSPOT_COLOR, KIND_COLORS
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
#: Name under which the dataset's index keeps each event's edition entry (``:es`` added per language).
EDITION_MEMO = "edition-event"
EMPTY_DAY = N_("Nothing is mapped for {day}. That does not mean nothing happened: only reports with "
               "a place and a source are mapped.")
#: The page's own words, written into ``index.html`` (the Jinja2 template's ``w``).
PAGE_WORDS: dict[str, str] = {
    "day": N_("Day"), "prev": N_("Prev"), "prev_day": N_("Previous day"), "next": N_("Next"),
    "next_day": N_("Next day"), "show": N_("Show"), "map": N_("Map"), "loading": N_("Loading the data…"),
    "events": N_("Events mapped"), "dead": N_("Dead (mapped)"), "blockades": N_("Blockades"),
    "clashes": N_("Clashes"), "reported": N_("Reported nationwide"), "not_points": N_("(not points on the map)"),
    "changes": N_("Blockades since the day before"),
    "rings": N_("On the map: a dark ring marks a new blockade, a dashed grey circle a lifted one."),
    "about": N_("About the data"),
    "honesty": N_("Every point cites its sources (click it). National counts are reported figures, never drawn "
                  "as points. Uncertain places and dates say so in the popup. This is a read-only edition: it "
                  "cannot be edited, and it shows what was published when it was made."),
    "sources": N_("Sources"), "publisher_events": N_("(publisher: events)"),
    "event_list": N_("The day's events"),
    "event_list_hint": N_("Each opens its details on the map (with its sources)."),
}
#: What the page says without JavaScript ({folder} and {manifest} become code).
NOSCRIPT = N_("This map needs JavaScript. Its data is in the {folder} folder as one JSON file per day, "
              "described by {manifest}.")
#: The words ``edition.js`` puts together (``{name}`` fields filled in by the script, as text).
SCRIPT_WORDS: dict[str, str] = {
    "heading": N_("Blockades and protests on {day}"),
    "not_loaded": N_("The map could not be loaded"),
    "day_failed": N_("Could not load the data of {day} ({error})."),
    "edition_failed": N_("Could not load this edition ({error})."),
    "from_file": N_("Browsers do not let a page opened from a file read its data: serve this folder with a "
                    "web server (for example {command} inside it) and open it from there."),
    "filtered_empty": N_("Nothing is mapped for {day} with these filters. That does not mean nothing happened: "
                         "only reports with a place and a source are mapped."),
    "source": N_("source"), "no_count": N_("No national count for this day."), "hotspots": N_("Hotspots"),
    "filtered_out": N_("Blockades are filtered out of this view."),
    "no_change": N_("No blockade mapped on either day."),
    "new": N_("New"), "continuing": N_("Continuing"), "lifted": N_("Lifted"), "none": N_("none"),
    "not_a_day": N_("{asked} is not a day of this edition ({span}); showing {day}."),
}
#: The caption under the totals when kinds are filtered out: the form for one event, then for more.
SHOWING = N_plural("Showing {shown} of {n} event mapped this day. The national counts below are set beside "
                   "every event mapped that day.",
                   "Showing {shown} of {n} events mapped this day. The national counts below are set beside "
                   "every event mapped that day.")
TILES_LAYER = N_("OpenStreetMap tiles (online)")
#: The preview tags' description of the edition, then of one day ({count}: "17 events mapped, 19 dead").
DESCRIPTION = N_("Blockades and protests mapped day by day, {span}, each point with its sources. "
                 "A static edition of Blockade Map.")
DAY_DESCRIPTION = N_("{day}: {count}. Every point cites its sources; national counts are shown beside, "
                     "never drawn as points.")
SHARE_TITLE = N_("{title}: {day}")
PREVIEW_ALT = N_("Map of the blockades and protests mapped on {day}")
OPEN_DAY = N_("Open the map of {day}")
#: Link previews' picture size (the 1.91:1 of Open Graph and Twitter cards).
PREVIEW_SIZE = (1200, 630)
_TEMPLATES = template_environment(Path(__file__).resolve().parent / "edition")
BLOCKADES_SINCE = N_("Blockades since {day}")


def default_language(dataset: Dataset) -> str:
    """The edition's language when none is asked for: the dataset's first language that has a
    catalogue (``languages`` in dataset.json), else English."""
    return pick_language(dataset.info.languages, dataset.info.languages) or SOURCE_LANGUAGE


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
    both = bool(first and last)
    first = check_day(first, "--from") if first else dataset.first_day
    last = check_day(last, "--to") if last else (dataset.last_day or dataset.first_day)
    if first is None or last is None:  # the data holds no day, and a bound was not given
        raise ValueError(f"publish: {dataset.coverage()}; give --from and --to")
    if last < first and not both:
        raise ValueError(f"publish: {first} to {last} holds no day of the data ({dataset.coverage()})")
    if last < first:
        raise ValueError(f"publish: --to {last} is before --from {first}")
    days = day_range(first, last)
    if len(days) > MAX_DAYS:
        raise ValueError(f"publish: {first} to {last} is {len(days):,} days; an edition holds at most "
                         f"{MAX_DAYS:,}")
    if dataset.first_day is None or first > (dataset.last_day or dataset.first_day) or last < dataset.first_day:
        raise ValueError(f"publish: {first} to {last} holds no day of the data ({dataset.coverage()})")
    return days


def _event_entry(record: dict, t: Translator) -> str:
    """One event of a day file (JSON): id, kind, counts and the dashboard's marker row in ``t``'s language."""
    head = json.dumps({"id": record["id"], "kind": record["kind"], "fatalities": record["fatalities"],
                       "injured": record["injured"], "detained": record["detained"],
                       "lat": record["lat"], "lon": record["lon"], "name": event_name(record, t)},
                      ensure_ascii=False, separators=(",", ":"))
    return head[:-1] + ',"row":' + event_row_json(record, t) + "}"


def _http(url: Any) -> str | None:
    url = str(url or "")
    return url if url.lower().startswith(("http://", "https://")) else None


def day_json(dataset: Dataset, day: str, t: Translator = ENGLISH) -> str:
    """The day file of ``day``: what the map and the side panel show that day, as JSON text.

    ``events`` are drawn largest circles first; each holds the dashboard's marker row
    (``[lat, lon, class, colour, radius, popupHtml, tooltipHtml]``, escaped). ``totals``,
    ``mapped`` and ``reported`` are those of ``blockade-map day --json`` (every kind, all
    regions); ``changes`` lists the blockades new, continuing and lifted since the day before.
    Popups, tooltips, the national counts' lines, place summaries and notes are in ``t``'s language
    (default English); field names, kinds and dates (``YYYY-MM-DD``) are the same in every language.
    ``frame`` (``[[south, west], [north, east]]``) is what the map opens on that day: the day's events
    and the corridors, as the dashboard and snapshots frame it (:func:`geo.query.framing.frame_for`).
    """
    view = View(check_day(day))
    index = dataset.index
    positions = index.select(view)
    ordered = positions[np.argsort(-index.fatalities[positions], kind="stable")]
    memo = EDITION_MEMO if t.lang == SOURCE_LANGUAGE else f"{EDITION_MEMO}:{t.lang}"
    entries = index.memo(memo, ordered, lambda record: _event_entry(record, t))
    mapped = index.mapped(positions)
    reported = reported_on(dataset, view.day)
    lines = mapped_vs_reported(reported, mapped, t)
    hotspots = select_hotspots(dataset, view)
    changes = day_over_day(dataset, view.day, t=t)
    note = dataset.outside_note(view.day, t)
    if note:
        note += "."
    elif not len(positions):
        note = t.gettext(EMPTY_DAY).format(day=t.day(view.day))
    before = shift_day(view.day, -1)
    document = {
        "format": FORMAT, "date": view.day, "frame": frame_for(dataset, view, "day"),
        "totals": index.totals(positions), "mapped": mapped,
        "reported": [{"text": line, "metric": item["metric"], "value": item["value"],
                      "reporter": item["reporter"], "url": _http(item["source_url"])}
                     for line, item in zip(lines, reported, strict=False)],
        "hotspots": {"names": [str(n) for n in hotspots["name"]], "rows": hotspot_rows(hotspots, t)},
        "changes": {"since": before, "heading": t.gettext(BLOCKADES_SINCE).format(day=t.day(before)),
                    "counts": {group: len(items) for group, items in changes.items()},
                    "places": change_summary(changes, t), "rings": change_rows(dataset, view, t=t)},
        "note": note,
    }
    head = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    return head[:-1] + ',"events":[' + ",".join(entries) + "]}"


def _version(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]


def _about(dataset: Dataset, days: list[str], t: Translator) -> dict:
    records = dataset.index.records(np.arange(len(dataset.index)))
    coverage = dataset.coverage(t)
    zone = (t.gettext("Days are in the {zone} time zone.").format(zone=dataset.info.timezone)
            if dataset.info.timezone else t.gettext("Days are as reported (no time zone set)."))
    text = t.gettext("{coverage}; this edition holds {days}, {span}.").format(
        coverage=coverage[:1].upper() + coverage[1:], days=t.plural("{n} day", "{n} days", len(days)),
        span=t.span(days[0], days[-1]))
    return {"coverage": coverage, "text": f"{text} {zone}", "licence": dataset.info.licence,
            "licence_lines": licence_lines(dataset, t),
            "publishers": [[name, n] for name, n in publishers(records)[:20]],
            "time_zone": dataset.info.time_zone_label,
            "edition": t.span(days[0], days[-1])}


def day_entry(date: str, version: str, events: int, t: Translator = ENGLISH) -> dict:
    """A day of the manifest: its date, file, content hash, events and, when the language does not
    show days as ``YYYY-MM-DD``, ``label``: the day as the page shows it (``lunes, 9 de enero de 2023``)."""
    entry = {"date": date, "file": f"days/{date}.json", "version": version, "events": events}
    label = t.day(date)
    if label != date:
        entry["label"] = label
    return entry


def basemap_credit(attribution: str | None, t: Translator = ENGLISH) -> str | None:
    """A basemap's credit line in ``t``'s language: the bundled Natural Earth credit is translated, another
    file's own credit is shown as written."""
    return t.gettext(BASEMAP_ATTRIBUTION) if attribution == BASEMAP_ATTRIBUTION else attribution


def manifest(dataset: Dataset, days: list[dict], featured: str, tiles: bool = False,
             basemap: dict | None = None, t: Translator = ENGLISH) -> dict:
    """The edition's manifest: its days (file, version, events), the dataset's info and what
    every day shares (legend, kinds, corridors, styles, optional tiles and basemap), with the
    words among them (title, legend, kind names, tiles' notice, about) in ``t``'s language (default English)."""
    info = dataset.info
    return {
        "format": FORMAT, "generator": f"{PROJECT} publish", "lang": t.lang,
        "title": info.title_in(t), "country": info.country, "timezone": info.timezone,
        "bbox": list(info.bbox) if info.bbox else None, "bounds": data_bounds(dataset),
        "languages": list(info.languages), "licence": info.licence,
        "featured_day": featured, "first_day": days[0]["date"], "last_day": days[-1]["date"],
        "days": days,
        "kinds": [{"kind": k, "name": kind_name(k, t), "label": kind_label(k, t), "colour": KIND_COLORS[k]}
                  for k in KINDS],
        "legend_html": legend_html(t=t),
        "corridors": {"rows": corridor_rows(dataset.corridors) if len(dataset.corridors) else [],
                      "style": CORRIDOR_LINE},
        "hotspot_colour": HOTSPOT_COLOR, "change_styles": CHANGE_STYLES,
        "tiles": {"url": TILES_URL, "attribution": t.gettext(TILES_ATTRIBUTION), "notice": t.gettext(TILES_NOTICE),
                  "name": escape_html(t.gettext(TILES_LAYER))} if tiles else None,
        "basemap": basemap,
        "about": _about(dataset, [d["date"] for d in days], t),
    }


def script_words(days: list[str], t: Translator = ENGLISH) -> dict:
    """The words ``edition.js`` needs, in ``t``'s language: :data:`SCRIPT_WORDS`, the filtered caption's two
    forms (``showing``: for one event, for more), the edition's span of days and the digit grouping."""
    words: dict[str, str | list[str]] = {key: t.gettext(message) for key, message in SCRIPT_WORDS.items()}
    words["showing"] = [t.ngettext(*SHOWING, 1), t.ngettext(*SHOWING, 2)]
    words["span"] = t.span(days[0], days[-1])
    words["group"] = get_group_symbol(locale=t.babel_locale)
    return words


def _fill_code(escaped: str, **code: str) -> str:
    """Put markup (``code``'s values, trusted) at the ``{name}`` fields of a message already escaped
    (where :func:`escape_html` turned the braces into entities)."""
    for name, markup in code.items():
        escaped = escaped.replace(escape_html("{" + name + "}"), markup)
    return escaped


def og_locale(t: Translator) -> str:
    """The Open Graph locale of ``t``'s language (``es_PE``-style; ``es`` becomes ``es_ES`` when no
    territory is known)."""
    code = str(t.babel_locale)
    if "_" in code:
        return code
    return {"en": "en_US", "es": "es_ES"}.get(code, code)


def _absolute(base_url: str | None, path: str) -> str:
    return f"{base_url.rstrip('/')}/{path}" if base_url else path


def day_description(dataset: Dataset, day: str, t: Translator = ENGLISH) -> str:
    """One day in a sentence for link previews: the day, what is mapped, how counts are shown."""
    index = dataset.index
    positions = index.select(View(day))
    totals = index.totals(positions)
    count = t.plural("{n} event mapped", "{n} events mapped", totals["events"])
    if totals["fatalities"]:
        count += t.plural(", {n} dead", ", {n} dead", totals["fatalities"])
    return t.gettext(DAY_DESCRIPTION).format(day=t.date(day, "long"), count=count)


def index_html(title: str, versions: dict[str, str], t: Translator = ENGLISH,
               words: dict | None = None, description: str = "", image: dict | None = None,
               share_title: str | None = None) -> str:
    """``index.html`` from its Jinja2 template: ``<html lang>``, the title, the page's words (in
    ``t``'s language) and the preview tags (``description``, ``image``: ``{url, width, height, alt}``),
    all escaped; the script's ``words`` as JSON in ``data-words``; each asset URL with its version."""
    for name in ("leaflet.css", "blockade-map.css", "edition.css", "edition.js", "leaflet.js", "blockade-map.js",
                 "basemap.js"):
        if name not in versions:
            raise ValueError(f"index.html template: no version for asset {name}")
    noscript = Markup(_fill_code(escape_html(t.gettext(NOSCRIPT)),
                                 folder="<code>days/</code>", manifest="<code>manifest.json</code>"))
    return _TEMPLATES.get_template("index.html").render(
        title=title, lang=t.lang, words=json.dumps(words or {}, ensure_ascii=False, sort_keys=True),
        w={key: t.gettext(text) for key, text in PAGE_WORDS.items()}, v=versions, noscript=noscript,
        description=description, share_title=share_title or title, og_locale=og_locale(t), image=image)


def share_html(title: str, day: str, description: str, t: Translator = ENGLISH,
               image: dict | None = None) -> str:
    """``share/YYYY-MM-DD.html``: a day's own preview tags for a shared link, then the edition on that day."""
    return _TEMPLATES.get_template("share.html").render(
        lang=t.lang, title=t.gettext(SHARE_TITLE).format(title=title, day=t.date(day, "long")), site=title,
        description=description, og_locale=og_locale(t), image=image, target=f"../index.html#{day}",
        open=t.gettext(OPEN_DAY).format(day=t.date(day, "long")))


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
    """The basemap of the dataset's store (None when it has none)."""
    return load_basemap(dataset)


def _write(path: Path, data: bytes | str) -> int:
    data = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    return len(data)


#: README.txt's paragraphs ({command} and the like are code, filled in as they are).
README_PARAGRAPHS = (
    N_("Open index.html through any web server (e.g. {command} in this folder); index.html#YYYY-MM-DD opens "
       "that day, without it {day}. Browsers do not let a page opened from a file read its data: serve the "
       "folder."),
    N_("Files: index.html, manifest.json (the days, info, legend, corridors), days/YYYY-MM-DD.json (one per "
       "day), assets/ (Leaflet 1.9.3, BSD-2-Clause, and Blockade Map's script and styles)."),
    N_("Cache index.html and manifest.json briefly; every other URL carries its content hash (?v=)."),
    N_("The page's words are in {language}; {command} writes an edition in another language."),
)


def readme_text(dataset: Dataset, days: list[str], featured: str, t: Translator = ENGLISH) -> str:
    """README.txt of an edition, in ``t``'s language: what it holds, how to serve it, its licence and sources."""
    about = _about(dataset, days, t)
    title = t.gettext("{title}: static edition, {span} ({days})").format(
        title=dataset.info.title_in(t), span=t.span(days[0], days[-1]), days=t.plural("{n} day", "{n} days", len(days)))
    fields = {"command": "`python -m http.server`", "day": featured, "language": t.language_in(t.lang)}
    lines = [title, "=" * 60]
    for i, paragraph in enumerate(README_PARAGRAPHS):
        if i == len(README_PARAGRAPHS) - 1:
            fields["command"] = "`blockade-map publish --lang CODE`"
        lines += textwrap.wrap(t.gettext(paragraph).format(**fields), 95, break_on_hyphens=False)
    licence = t.gettext("Licence")
    lines += ["", licence, "-" * len(licence), *about["licence_lines"]]
    loaded = _basemap(dataset)
    if loaded is not None:
        credit = basemap_credit(loaded.data.get("attribution"), t) or t.gettext("no attribution given")
        lines.append(t.gettext("basemap/ (drawn under every layer): {credit}.").format(credit=credit))
    heading = t.gettext("Data sources (publisher: events)")
    lines += ["", heading, "-" * len(heading)]
    lines += [f"- {name}: {t.number(n)}" for name, n in about["publishers"]] or \
        ["- " + t.gettext("none: nothing mapped")]
    return "\n".join(lines) + "\n"


def _previews(dataset: Dataset, days: list[str], staged: Path, t: Translator) -> dict[str, Path]:
    """Each day's link-preview picture, drawn offline by one headless Chromium."""
    from geo.export.snapshot import batch_pngs  # Chromium only when previews are asked for
    paths = batch_pngs(dataset, days, staged / "preview", size=PREVIEW_SIZE, tiles=False, t=t)
    return dict(zip(days, paths, strict=False))


def _image(path: Path | None, day: str, base_url: str | None, t: Translator) -> dict | None:
    if path is None:
        return None
    return {"url": _absolute(base_url, f"preview/{path.name}"), "width": PREVIEW_SIZE[0],
            "height": PREVIEW_SIZE[1], "alt": t.gettext(PREVIEW_ALT).format(day=t.date(day, "long"))}


def publish(dataset: Dataset, out: str | os.PathLike, first: str | None = None, last: str | None = None,
            tiles: bool = False, progress: Callable[[int, int, str], None] | None = None,
            t: Translator = ENGLISH, previews: bool = False,
            base_url: str | None = None) -> PublishResult:
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
    t : Translator, optional
        The language of every word of the edition (default English; the command's default is
        :func:`default_language`).
    previews : bool
        Draw each day's picture for link previews (``preview/YYYY-MM-DD.png``, 1200x630, offline
        over the basemap) with headless Chromium (:mod:`geo.export.snapshot`).
    base_url : str, optional
        Where the edition will be served (``https://example.org/paro/``): preview images are then
        named by absolute URLs, as link-preview crawlers want; without it they are relative.

    Every day also gets ``share/YYYY-MM-DD.html``: its own title, description and picture in the
    preview tags (a crawler reads neither scripts nor the ``#day`` of a link), then the edition on
    that day.

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
    if base_url is not None and not str(base_url).lower().startswith(("http://", "https://")):
        raise ValueError(f"publish: --base-url must start with http:// or https://, got {base_url!r}")
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
            data = day_json(dataset, day, t).encode("utf-8")
            size += _write(staged / "days" / f"{day}.json", data)
            count = len(dataset.index.select(View(day)))
            event_days += count
            entries.append(day_entry(day, _version(data), count, t))
            if progress:
                progress(i, len(days), day)
        files += len(days)
        basemap_entry = None
        if loaded is not None:
            data = loaded.text.encode("utf-8")
            size += _write(staged / "basemap" / BASEMAP_FILE, data)
            basemap_entry = {"file": f"basemap/{BASEMAP_FILE}", "version": _version(data),
                             "attribution": basemap_credit(loaded.data.get("attribution"), t)}
            files += 1
        featured = dataset.featured_day if dataset.featured_day in days else None
        if featured is None:
            busiest = max(entries, key=lambda e: e["events"])
            featured = busiest["date"]
        size += _write(staged / "README.txt", readme_text(dataset, days, featured, t))
        document = manifest(dataset, entries, featured, tiles=tiles, basemap=basemap_entry, t=t)
        if basemap_entry is not None and loaded.data.get("bbox"):
            west, south, east, north = loaded.data["bbox"]
            document["basemap"]["bounds"] = [[south, west], [north, east]]
        size += _write(staged / "manifest.json", json.dumps(document, ensure_ascii=False, indent=1))
        title = dataset.info.title_in(t)
        images = _previews(dataset, days, staged, t) if previews else {}
        for day in days:
            image = _image(images.get(day), day, base_url, t)
            size += _write(staged / "share" / f"{day}.html",
                           share_html(title, day, day_description(dataset, day, t), t, image))
        files += len(days) + len(images)
        size += sum(path.stat().st_size for path in images.values())
        description = t.gettext(DESCRIPTION).format(span=t.span(days[0], days[-1]))
        size += _write(staged / "index.html", index_html(
            title, versions, t, script_words(days, t), description=description,
            image=_image(images.get(featured), featured, base_url, t),
            share_title=t.gettext(SHARE_TITLE).format(title=title, day=t.span(days[0], days[-1]))))
        files += 3
        replace_folder(staged, target)
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
    return PublishResult(target, days, featured, event_days, files, size)
