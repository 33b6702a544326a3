"""A loaded dataset: its layers in memory, what it is about (``dataset.json``), its event index.

Everything that differs from one dataset to another (title, country, time zone, area,
languages, featured day, licence, the region names it uses) is a :class:`DatasetInfo`
read from ``dataset.json``; no code holds such facts.
"""
from __future__ import annotations

import difflib
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import geopandas as gpd
import pandas as pd

from geo.core.dates import parse_date
from geo.core.i18n import ENGLISH, N_, Translator
from geo.core.index import EventIndex
from geo.core.model import NO_PARAMS, Problem, Scope, short_repr, text_problem
from geo.core.text import fold

if TYPE_CHECKING:  # for the annotation only: core never imports the store layer at run time
    from geo.store.protocol import Store

INFO_FILE = "dataset.json"
#: How far outside its ``bbox`` a point may lie and still be accepted (degrees).
AREA_MARGIN = 1.0


@dataclass(frozen=True)
class DatasetInfo:
    """What a dataset is about (the ``dataset.json`` of CONTRACT.md).

    ``bbox`` is ``(west, south, east, north)``; ``regions`` (a Blockade Map extension) lists
    the region names events may use and ``region_aliases`` other spellings of them.
    """

    title: str
    country: str | None = None
    timezone: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    languages: tuple[str, ...] = ("en",)
    featured_day: str | None = None
    licence: str | None = None
    regions: tuple[str, ...] = ()
    region_aliases: Mapping[str, str] = field(default_factory=dict)
    #: The title in other languages (``title_es`` and so on in dataset.json), by language code.
    titles: Mapping[str, str] = field(default_factory=dict)

    def title_in(self, t: Translator = ENGLISH) -> str:
        """The title in the reader's language when dataset.json gives one (``title_es``), else ``title``."""
        return self.titles.get(t.lang) or self.title

    def scope(self) -> Scope:
        """The checks this dataset adds to the contract: its regions, its area (with a margin)."""
        area = None
        if self.bbox is not None:
            w, s, e, n = self.bbox
            area = (w - AREA_MARGIN, s - AREA_MARGIN, e + AREA_MARGIN, n + AREA_MARGIN)
        return Scope(self.regions, dict(self.region_aliases), area)

    @property
    def time_zone_label(self) -> str:
        """The time zone's IANA name (as dataset.json gives it), or a phrase saying days are as reported
        when no time zone is set."""
        return self.timezone or "days as reported (no time zone set)"


def _is_time_zone(name: Any) -> bool:
    if not isinstance(name, str) or not name:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def default_info(name: str) -> DatasetInfo:
    """The info of a folder without ``dataset.json``: titled after the folder, anything allowed."""
    return DatasetInfo(title=name or "Blockade Map data")


def parse_info(data: Any, file: str = INFO_FILE) -> tuple[DatasetInfo | None, list[Problem]]:
    """Check a parsed ``dataset.json`` and return its :class:`DatasetInfo` (None when invalid)."""
    problems: list[Problem] = []

    def bad(key: str, msgid: str, params: Mapping[str, Any] = NO_PARAMS, /, **values: Any) -> None:
        problems.append(Problem(file, "(dataset)", key, msgid, {**params, **values}))

    if not isinstance(data, Mapping):
        return None, [Problem(file, "(file)", "", N_("must be a JSON object"))]
    for key in ("title", "country", "timezone", "bbox"):
        if key not in data:
            bad(key, N_("is required"))
    title = data.get("title")
    wrong = text_problem(title, 200) if "title" in data else None
    if wrong:
        bad("title", *wrong)
    country = data.get("country")
    if "country" in data and not (isinstance(country, str) and len(country) == 2 and country.isalpha()
                                  and country.isupper()):
        bad("country", N_("{value} is not an ISO 3166-1 alpha-2 code such as 'PE'"), value=short_repr(country))
    tz = data.get("timezone")
    if "timezone" in data and not _is_time_zone(tz):
        bad("timezone", N_("{value} is not an IANA time zone name such as 'UTC' or 'Europe/Madrid'"), value=short_repr(tz))
    bbox = data.get("bbox")
    box: tuple[float, float, float, float] | None = None
    if "bbox" in data:
        if (isinstance(bbox, list) and len(bbox) == 4
                and all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in bbox)
                and -180 <= bbox[0] < bbox[2] <= 180 and -90 <= bbox[1] < bbox[3] <= 90):
            west, south, east, north = (float(v) for v in bbox)
            box = (west, south, east, north)
        else:
            bad("bbox", N_("{value} is not [west, south, east, north] in degrees"), value=short_repr(bbox))
    languages = data.get("languages", ["en"])
    if not (isinstance(languages, list) and languages
            and all(isinstance(code, str) and 2 <= len(code) <= 3 and code.isalpha() for code in languages)):
        bad("languages", N_("{value} is not a list of language codes such as ['es', 'en']"), value=short_repr(languages))
        languages = ["en"]
    featured = data.get("featured_day")
    if featured is not None and parse_date(featured) is None:
        bad("featured_day", N_("{value} is not a date (YYYY-MM-DD)"), value=short_repr(featured))
    licence = data.get("licence")
    wrong = text_problem(licence, 500) if licence is not None else None
    if wrong:
        bad("licence", *wrong)
    regions = data.get("regions", [])
    if not (isinstance(regions, list) and all(text_problem(r) is None for r in regions)):
        bad("regions", N_("must be a list of region names (each at most 300 characters, no control characters)"))
        regions = []
    aliases = data.get("region_aliases", {})
    if not (isinstance(aliases, Mapping) and all(text_problem(k) is None and v in regions for k, v in aliases.items())):
        bad("region_aliases", N_("must map other spellings to names listed in 'regions'"))
        aliases = {}
    own = {fold(r): r for r in regions}
    for alias, target in aliases.items():
        if own.get(fold(alias), target) != target:
            bad("region_aliases", N_("{alias} is a region of its own: it may not stand for {target}"),
                alias=short_repr(alias, 60), target=short_repr(target, 60))
    titles = {}
    for key, value in data.items():
        code = key[len("title_"):] if isinstance(key, str) and key.startswith("title_") else ""
        if 2 <= len(code) <= 3 and code.isalpha():
            wrong = text_problem(value, 200)
            if wrong:
                bad(key, *wrong)
            else:
                titles[code.lower()] = value
    if problems or not isinstance(title, str):  # a title that is not text is one of the problems
        return None, problems
    return DatasetInfo(title=title, country=country, timezone=tz, bbox=box,
                       languages=tuple(code.lower() for code in languages), featured_day=featured,
                       licence=licence, regions=tuple(regions), region_aliases=dict(aliases), titles=titles), []


def info_problems(info: DatasetInfo, layers: Iterable[Sequence[Mapping]], file: str = INFO_FILE) -> list[Problem]:
    """What ``validate`` adds about ``dataset.json`` once the data is known: every language has a
    catalogue in the app, and ``featured_day`` lies within the days of the events and hotspots
    (``layers``: their valid features; an empty dataset may name any day).

    Loading does not refuse these (the app then shows a language it has, and the busiest day).
    """
    from geo.core.i18n import available_languages
    problems = []
    known = available_languages()
    for code in info.languages:
        if code not in known:
            problems.append(Problem(file, "(dataset)", "languages",
                                    N_("{code} has no catalogue in the app; its languages are {languages}"),
                                    {"code": repr(code), "languages": ", ".join(known)}))
    days = [d for features in layers for f in features
            for d in (f["properties"].get("start"), f["properties"].get("end")) if isinstance(d, str)]
    if info.featured_day and days and not min(days) <= info.featured_day <= max(days):
        problems.append(Problem(file, "(dataset)", "featured_day",
                                N_("{day} is outside the data, which covers {first} to {last}"),
                                {"day": info.featured_day, "first": min(days), "last": max(days)}))
    return problems


def country_time_zone(country: str) -> str:
    """The IANA time zone of a country that has only one (``BO`` -> ``America/La_Paz``), from the
    CLDR data Babel ships; ValueError naming the choices when it has several or none is known."""
    from babel.core import get_global  # Babel's CLDR tables: loaded only for a new dataset

    zones = list(get_global("territory_zones").get(str(country).upper(), ()))
    if len(zones) == 1:
        return zones[0]
    if not zones:
        raise ValueError(f"no time zone is known for country {country!r}: give one (e.g. --timezone UTC)")
    raise ValueError(f"{country} has several time zones ({', '.join(sorted(zones))}): choose one (--timezone)")


def new_dataset_document(title: str, country: str, bbox: Sequence[float], timezone: str | None = None,
                         languages: Sequence[str] = ("en",), licence: str | None = None) -> dict:
    """The ``dataset.json`` of a new, empty dataset, checked as :func:`parse_info` checks any.

    Parameters
    ----------
    title, country : str
        What the dataset is about and its ISO 3166-1 alpha-2 code (``PE``).
    bbox : sequence of 4 floats
        ``[west, south, east, north]``: the area the map opens on.
    timezone : str, optional
        IANA name; by default the country's only time zone (:func:`country_time_zone`).

    Raises
    ------
    ValueError
        Listing every problem (``dataset.json: (dataset): bbox: ...``).

    Examples
    --------
    >>> new_dataset_document("Strike", "BO", [-70, -23, -57, -9])["timezone"]
    'America/La_Paz'
    """
    country = str(country).strip().upper()
    document: dict[str, Any] = {"title": str(title).strip(), "country": country,
                                "timezone": timezone or country_time_zone(country),
                                "bbox": [float(v) for v in bbox], "languages": list(languages)}
    if licence:
        document["licence"] = licence
    _, problems = parse_info(document)
    if problems:
        raise ValueError("; ".join(str(p) for p in problems))
    return document


def unknown_region_message(name: Any, known: Sequence[str]) -> str:
    """``unknown region 'Pno'; did you mean Puno?``, or the list of the known regions.

    >>> unknown_region_message("Cuzko", ["Cusco", "Puno"])
    "unknown region 'Cuzko'; did you mean Cusco?"
    """
    folded = {fold(r): r for r in known}
    close = difflib.get_close_matches(fold(str(name)), list(folded), n=2, cutoff=0.6)
    shown = short_repr(name, 60) if isinstance(name, str) else repr(name)
    if close:
        return f"unknown region {shown}; did you mean {' or '.join(folded[c] for c in close)}?"
    listed = ", ".join(known) if known else "none"
    return f"unknown region {shown}; the data's regions are {listed}"


@dataclass
class Dataset:
    """Every layer of one data source, validated, with its info and its event index.

    ``source`` names where it came from (a folder, or a database URL without password); ``store``
    is the store that loaded it, for its editor and its version.
    The :class:`~geo.core.index.EventIndex` is built from ``events`` when the dataset is made.
    """

    source: str
    info: DatasetInfo
    events: pd.DataFrame
    hotspots: gpd.GeoDataFrame
    corridors: gpd.GeoDataFrame
    counts: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)
    #: ``(first, last)`` day of the whole data when these frames hold only part of it (a store's
    #: selection of one day); None: the frames are the whole data.
    days_covered: tuple[str, str] | None = None
    #: The store it was loaded from (its editor, its version, its documents), when a store loaded it.
    store: Store | None = field(default=None, repr=False, compare=False)
    index: EventIndex = field(init=False, repr=False)
    #: Answers read from the hotspots per view (``geo.query.active.select_hotspots``), kept with the
    #: dataset they were read from: a new load starts empty.
    hotspot_positions: dict = field(init=False, repr=False, compare=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.index = EventIndex(self.events)
        # One frame of events, not two: the dataset keeps the index's (by start, then id; the rows
        # keep their labels), so that the other copy can be freed (tens of MB at 100,000 events).
        self.events = self.index.events

    # A loaded dataset is not changed in place (an edit loads a new one), so what is read from
    # all its rows is computed once: every rerun of a page asks for these.
    @cached_property
    def _span(self) -> tuple[str | None, str | None]:
        """``days_covered`` when set, else the earliest start and the latest end among events and
        hotspots (``(None, None)`` for an empty dataset)."""
        if self.days_covered is not None:
            return self.days_covered
        starts = [col.min() for col in (self.events["start"], self.hotspots["start"]) if len(col)]
        ends = [col.max() for col in (self.events["end"], self.hotspots["end"]) if len(col)]
        return (min(starts) if starts else None), (max(ends) if ends else None)

    @property
    def first_day(self) -> str | None:
        """Earliest start among events and hotspots, or None for an empty dataset."""
        return self._span[0]

    @property
    def last_day(self) -> str | None:
        """Latest end among events and hotspots, or None for an empty dataset."""
        return self._span[1]

    @cached_property
    def _region_names(self) -> tuple[str, ...]:
        names = set(self.info.regions) | set(self.events["region"].dropna().unique().tolist())
        return tuple(sorted((n for n in names if isinstance(n, str)), key=fold))

    def regions(self) -> list[str]:
        """The dataset's region names: those of dataset.json, and any its events use, sorted."""
        return list(self._region_names)

    @cached_property
    def region_scope(self) -> Scope:
        """The dataset's regions (:meth:`regions`) and the aliases of dataset.json, for matching
        a region name as a person writes it (:meth:`~geo.core.model.Scope.match`)."""
        return Scope(self._region_names, dict(self.info.region_aliases))

    def check_regions(self, names: Iterable[str]) -> tuple[str, ...]:
        """The dataset's spelling of each region in ``names`` (case, accents and the aliases of
        dataset.json ignored); ValueError naming the first unknown one, with a suggestion."""
        known = self.region_scope
        out = []
        for name in names:
            found = known.match(name)
            if found is None:
                raise ValueError(unknown_region_message(name, known.regions))
            out.append(found)
        return tuple(out)

    def covers(self, day: str) -> bool:
        """Whether ``day`` lies within the days the data covers."""
        return self.first_day is not None and self.first_day <= day <= (self.last_day or self.first_day)

    def coverage(self, t: Translator = ENGLISH) -> str:
        """``the data covers 2022-12-07 to 2023-01-31`` (or says it holds no day)."""
        if self.first_day is None:
            return t.gettext("the data holds no dated event")
        return t.gettext("the data covers {first} to {last}").format(
            first=t.date(self.first_day, "span"), last=t.date(self.last_day or self.first_day, "span"))

    def outside_note(self, day: str, t: Translator = ENGLISH) -> str | None:
        """``2024-05-01 is outside the data: the data covers ...`` for a day the data does not
        cover, else None (the note every answer for such a day carries)."""
        if self.covers(day):
            return None
        return t.gettext("{day} is outside the data: {coverage}").format(day=t.date(day, "span"), coverage=self.coverage(t))

    @property
    def featured_day(self) -> str | None:
        """The day the app opens on: ``featured_day`` of dataset.json, else the busiest day."""
        if self.info.featured_day and self.covers(self.info.featured_day):
            return self.info.featured_day
        return self.index.busiest_day() or self.first_day

    def bbox(self) -> tuple[float, float, float, float] | None:
        """``(west, south, east, north)``: dataset.json's bbox, else the extent of every layer."""
        return self.info.bbox if self.info.bbox is not None else self.extent()

    def extent(self) -> tuple[float, float, float, float] | None:
        """``(west, south, east, north)`` around the events, hotspots and corridors; None when they are empty."""
        xs: list[float] = []
        ys: list[float] = []
        for frame in (self.events, self.hotspots):
            if len(frame):
                xs += [float(frame["lon"].min()), float(frame["lon"].max())]
                ys += [float(frame["lat"].min()), float(frame["lat"].max())]
        if len(self.corridors):
            x0, y0, x1, y1 = (float(v) for v in self.corridors.total_bounds)
            xs += [x0, x1]
            ys += [y0, y1]
        return (min(xs), min(ys), max(xs), max(ys)) if xs else None
