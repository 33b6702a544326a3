"""One day on the corridor network, as the command line and the corridors page tell it.

``blockade-map corridors``, ``blockade-map route`` and the corridors page all build a
:class:`CorridorDay` and ask it their questions, so they give the same answer for the same
day: the blockades are snapped once, and status, cut stretches, days cut and routes are all
derived from those snaps.

All functions here are pure and never import streamlit.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import pandas as pd

from geo.core.dates import check_day, overlaps
from geo.core.i18n import ENGLISH, Translator
from geo.core.words import PLACE_PREFIX, place_for
from geo.network.corridors import (
    DEFAULT_TOLERANCE_M,
    cut_segments,
    days_cut_from_snaps,
    snap_events,
    status_from_snaps,
)
from geo.network.measure import check_corridors, check_frame, check_tolerance, point_at_km
from geo.network.routing import Network, RouteResult, build_network, route

__all__ = [
    "CUT_HALF_WIDTH_KM",
    "CorridorDay",
    "corridor_day",
    "cut_phrase",
    "cut_place",
    "cut_where",
    "route_columns",
    "route_rows",
    "route_sentence",
    "status_lines",
]


#: Half the length of road marked cut around each of the day's cuts, in km (the map draws it red).
CUT_HALF_WIDTH_KM = 5.0


@dataclass(frozen=True)
class CorridorDay:
    """The corridors on one day, computed whole: a plain value the command line, the page and
    the map read, never asking for more computation (build it with :func:`corridor_day`).

    Attributes
    ----------
    day, since : str
        The day, and the first day counted in :attr:`days_cut`.
    corridors : geopandas.GeoDataFrame
        The corridors, EPSG:4326.
    snaps : pandas.DataFrame
        Every blockade on a corridor active on some day of ``[since, day]``.
    active : pandas.DataFrame
        The snaps of the blockades active on ``day``, by corridor then km.
    status : list of dict
        Each corridor open or cut (the ``blockade-map corridors --json`` document).
    days_cut : dict
        Corridor id -> days in ``[since, day]`` on which it was cut.
    segments : geopandas.GeoDataFrame
        The stretch of road ``half_width_km`` each side of every cut of ``day``.
    network : Network
        The town graph of the corridors.
    names : dict
        Corridor id -> name.
    bounds : list
        ``[[south, west], [north, east]]`` of the corridors.
    towns : list of str
        The towns of the network, sorted by name (accents ignored).
    """

    day: str
    since: str
    corridors: gpd.GeoDataFrame
    snaps: pd.DataFrame
    tolerance_m: float
    active: pd.DataFrame
    status: list[dict[str, Any]]
    days_cut: dict[str, int]
    segments: gpd.GeoDataFrame
    network: Network
    names: dict[str, str]
    bounds: list[list[float]]
    towns: list[str] = field(default_factory=list)
    #: Event id -> its place labels in other languages (``{"place_es": ...}``), where it has them.
    place_names: dict[str, dict[str, str]] = field(default_factory=dict)

    def route(self, origin: str, destination: str) -> RouteResult:
        """Can a truck get from ``origin`` to ``destination`` on ``day``? Each cut of the answer
        carries its point on the road (``lon``, ``lat``) for the map.

        Raises
        ------
        geo.network.routing.UnknownPlaceError
            When a town is not on the network (with suggestions).
        """
        result = route(self.network, origin, destination, self.active)
        geometry = dict(zip(self.corridors["id"].astype(str), self.corridors.geometry, strict=True))
        for cut in result.cuts:
            cut["lon"], cut["lat"] = point_at_km(geometry[cut["corridor"]], cut["km"])
            cut.update(self.place_names.get(cut["event"], {}))
        return result

    def place_of(self, cut: dict[str, Any], t: Translator = ENGLISH) -> str:
        """The place of a cut (a dict with ``event`` and ``place``) in the reader's language, where
        its event has a name in it (``place_es``), else as reported; '' when it has none."""
        return place_for({**cut, **self.place_names.get(str(cut.get("event")), {})}, t)

    def table(self, t: Translator = ENGLISH) -> list[dict[str, Any]]:
        """One row per corridor: name, status, its cuts (km and place), days cut so far.

        Returns
        -------
        list of dict
            ``{"id", "corridor", "status", "cuts", "days_cut"}``; ``cuts`` is a text such as
            ``"km 12.3 Santa Lucía; km 40.0 Cabanillas"`` (empty when open).
        """
        return [{
            "id": s["id"],
            "corridor": s["name"],
            "status": s["status"],
            "cuts": "; ".join(f"km {t.number(b['km'], 1)} {self.place_of(b, t) or b['event']}"
                              for b in s["blocked_by"]),
            "days_cut": self.days_cut[s["id"]],
        } for s in self.status]


def corridor_day(events: pd.DataFrame, corridors: gpd.GeoDataFrame, day: str | _dt.date,
                 since: str | _dt.date | None = None,
                 tolerance_m: float = DEFAULT_TOLERANCE_M,
                 half_width_km: float = CUT_HALF_WIDTH_KM) -> CorridorDay:
    """Snap the blockades once and compute the day on the corridors whole: status, days cut,
    the cut stretches, the town network.

    Parameters
    ----------
    events : pandas.DataFrame
        Events (CONTRACT.md) with ``id``, ``kind``, ``geo_precision``, ``start``, ``end`` and their
        points (``lon``/``lat``, or a GeoDataFrame's geometry).
    corridors : geopandas.GeoDataFrame
        Corridors with ``id``, ``name``, ``via`` and geometry, EPSG:4326.
    day : str or datetime.date
        The day, ``YYYY-MM-DD``.
    since : str or datetime.date, optional
        First day counted in :attr:`CorridorDay.days_cut` (default: ``day`` itself); only
        blockades active in ``[since, day]`` are snapped.
    tolerance_m : float, default 2000
        Snapping distance in metres (see :mod:`geo.network.corridors`).
    half_width_km : float, default 5
        Length of road marked cut each side of a cut (:attr:`CorridorDay.segments`).

    Returns
    -------
    CorridorDay

    Examples
    --------
    >>> cd = corridor_day(ds.events, ds.corridors, "2023-01-09")   # doctest: +SKIP
    >>> cd.route("Juliaca", "Arequipa").passable                     # doctest: +SKIP
    False
    """
    corridors = check_corridors(corridors)
    check_frame(events, "events", ("id", "kind", "geo_precision", "start"), geo=False)
    tol = check_tolerance(tolerance_m)
    day = check_day(day)
    since = day if since is None else check_day(since, "since")
    if since > day:
        raise ValueError(f"since ({since}) is after day ({day})")
    overlapping = overlaps(events["start"], events["end"], since, day)
    snaps = snap_events(events.loc[overlapping.to_numpy()], corridors, tol)
    on = overlaps(snaps["start"], snaps["end"], day, day)
    active = snaps.loc[on.to_numpy()].reset_index(drop=True)
    network = build_network(corridors)
    col = "name" if "name" in corridors.columns else "id"
    west, south, east, north = (float(v) for v in corridors.total_bounds)
    return CorridorDay(
        day=day, since=since, corridors=corridors, snaps=snaps, tolerance_m=tol, active=active,
        status=status_from_snaps(corridors, active),
        days_cut=days_cut_from_snaps(corridors, snaps, since, day),
        segments=cut_segments(corridors, active, half_width_km),
        network=network,
        names=dict(zip(corridors["id"].astype(str), corridors[col].astype(str), strict=True)),
        bounds=[[south, west], [north, east]],
        towns=[network.towns[k] for k in sorted(network.towns)],
        place_names=_place_names(events, set(snaps["event"].astype(str))))


def _place_names(events: pd.DataFrame, ids: set[str]) -> dict[str, dict[str, str]]:
    """The ``place_<lang>`` labels of the events ``ids`` (those on a corridor), where they have them."""
    columns = [c for c in events.columns if str(c).startswith(PLACE_PREFIX)]
    if not columns or not ids:
        return {}
    rows = events.loc[events["id"].astype(str).isin(ids), ["id", *columns]]
    out: dict[str, dict[str, str]] = {}
    for rec in rows.to_dict("records"):
        labels = {c: str(rec[c]) for c in columns if isinstance(rec[c], str) and rec[c].strip()}
        if labels:
            out[str(rec["id"])] = labels
    return out


def cut_place(cut: dict[str, Any], t: Translator = ENGLISH) -> str:
    """Where a cut is, as a reader knows it: its place in the reader's language where the event
    has one (``place_es``, :func:`geo.core.words.place_for`), else as reported (never an event id)."""
    return place_for(cut, t) or t.gettext("a blockade with no place name")


def cut_where(cut: dict[str, Any], origin: str, t: Translator = ENGLISH) -> str:
    """Where a cut lies on the trip, counted from ``origin`` in the direction of travel:
    ``59.5 km after Juliaca (29.3 km past Cabanillas)``."""
    trip, town, past = cut.get("trip_km"), cut.get("after_town"), cut.get("km_after_town")
    if trip is None:  # not on the route's path (should not happen): fall back to the corridor's km
        return t.gettext("at km {km} of its corridor").format(km=t.number(cut["km"], 1))
    text = t.gettext("{km} km after {origin}").format(km=t.number(trip, 1), origin=origin)
    if trip < 0.05:
        return text + " " + t.gettext("(where the trip starts)")
    if town and town != origin and not (not past and town == cut.get("place")):
        text += " " + (t.gettext("(at {town})").format(town=town) if not past else
                       t.gettext("({km} km past {town})").format(km=t.number(past, 1), town=town))
    return text


def cut_phrase(cut: dict[str, Any], names: dict[str, str], origin: str,
               t: Translator = ENGLISH) -> str:
    """``"59.5 km after Juliaca (29.3 km past Cabanillas), at Puno–Arequipa road, on Arequipa–Juliaca"``."""
    return t.gettext("{where}, at {place}, on {corridor}").format(
        where=cut_where(cut, origin, t), place=cut_place(cut, t),
        corridor=names.get(cut["corridor"], cut["corridor"]))


def coverage_sentence(coverage: dict, t: Translator = ENGLISH) -> str:
    """What a route answer rests on: ``3 of 45 reported blockade points are mapped on this day
    (SUTRAN); only mapped blockades count.`` (:func:`geo.query.active.blockade_coverage`)."""
    if coverage.get("reported"):
        return t.plural("{mapped} of {n} reported blockade point is mapped on this day ({reporter}); only mapped "
                        "blockades count.",
                        "{mapped} of {n} reported blockade points are mapped on this day ({reporter}); only mapped "
                        "blockades count.", int(coverage["reported"]), mapped=t.number(coverage["mapped"]),
                        reporter=coverage.get("reporter") or "?")
    return t.plural("{n} blockade point is mapped on this day and no national count was reported; only mapped "
                    "blockades count.",
                    "{n} blockade points are mapped on this day and no national count was reported; only mapped "
                    "blockades count.", int(coverage["mapped"]))


def _in_turn(names: list[str], t: Translator) -> str:
    """Corridors travelled one after the other: ``A–B, then C–D`` (never a bare list that reads as
    alternatives)."""
    text = names[0]
    for name in names[1:]:
        text = t.gettext("{before}, then {next}").format(before=text, next=name)
    return text


def route_sentence(result: RouteResult, day: str, names: dict[str, str],
                   t: Translator = ENGLISH, coverage: dict | None = None,
                   covered: bool = True) -> str:
    """The answer a planner reads, e.g. ``"Juliaca → Arequipa on 2023-01-09: NOT passable.
    Cut 59.5 km after Juliaca (at Santa Lucía), at Puno–Arequipa road (PE-34A), on
    Arequipa–Juliaca."``

    Parameters
    ----------
    result : RouteResult
        From :meth:`CorridorDay.route`.
    day : str
        The day asked about.
    names : dict
        Corridor id -> name (:attr:`CorridorDay.names`).
    t : Translator, optional
        The reader's language (default English), made once at the edge (:func:`~geo.core.i18n.translator`).
    coverage : dict, optional
        :func:`geo.query.active.blockade_coverage` of the day: the answer then says how many of
        the day's reported blockade points are mapped (a route counts mapped blockades only).
    covered : bool
        False for a day outside the data: the answer is "no data", never "passable".

    Returns
    -------
    str
        One sentence naming corridors and places (no ids); each cut is placed by the km from
        the origin in the direction of travel, and by the last town passed before it; the
        corridors of a path are given in turn ("A–B, then C–D").
    """
    if not isinstance(result, RouteResult):
        raise TypeError(f"result must be a RouteResult, got {type(result).__name__}")
    head = t.gettext("{origin} → {destination} on {day}:").format(
        origin=result.from_, destination=result.to, day=t.day(day))
    if not covered:
        return head + " " + t.gettext("no data for this day: nothing is known about the roads, so the route "
                                      "is neither passable nor cut.")
    tail = (" " + coverage_sentence(coverage, t)) if coverage is not None else ""
    via = _in_turn([names.get(c, c) for c in result.path], t) if result.path else ""
    if result.passable and not result.path:
        return head + " " + t.gettext("passable (the same town).")
    if result.passable:
        if result.detour:
            text = t.gettext("passable by a detour via {via} ({km} km).")
        else:
            text = t.gettext("passable via {via} ({km} km).")
        text = head + " " + text.format(via=via, km=t.number(result.distance_km or 0.0, 1))
        if result.detour:
            text += " " + t.gettext("The shortest way is cut.")
        return text + tail
    if result.distance_km is None:
        return head + " " + t.gettext("NOT passable: no corridor connects them.")
    phrases = [cut_phrase(c, names, result.from_, t) for c in result.cuts]
    if len(phrases) == 1:
        return head + " " + t.gettext("NOT passable. Cut {cut}.").format(cut=phrases[0]) + tail
    numbered = "; ".join(f"({i}) {p}" for i, p in enumerate(phrases, 1))
    return head + " " + t.gettext("NOT passable. {n} cuts: {cuts}.").format(n=len(phrases), cuts=numbered) + tail


def _km(value: Any, t: Translator) -> str:
    return "" if value is None else t.number(float(value), 1)


def route_columns(origin: str, t: Translator = ENGLISH) -> dict[str, str]:
    """The names of :func:`route_rows`' columns in a language, by role."""
    return {"n": "#", "trip_km": t.gettext("km from {origin}").format(origin=origin), "place": t.gettext("Place"),
            "after_town": t.gettext("Last town passed"), "km_after_town": t.gettext("km past that town"),
            "corridor": t.gettext("Corridor"), "km": t.gettext("km along the corridor")}


def route_rows(result: RouteResult, names: dict[str, str],
               t: Translator = ENGLISH) -> list[dict[str, Any]]:
    """The route's cuts as table rows, in order of travel, with readable column names
    (:func:`route_columns`); kilometres written as the sentence writes them (``59,5`` in Spanish)."""
    col = route_columns(result.from_, t)
    return [{
        col["n"]: i,
        col["trip_km"]: _km(c.get("trip_km"), t),
        col["place"]: cut_place(c, t),
        col["after_town"]: c.get("after_town") or "",
        col["km_after_town"]: _km(c.get("km_after_town"), t),
        col["corridor"]: names.get(c["corridor"], c["corridor"]),
        col["km"]: _km(c["km"], t),
    } for i, c in enumerate(result.cuts, 1)]


def status_lines(status: list[dict[str, Any]], days: dict[str, int] | None = None) -> list[str]:
    """Text lines of a corridor status list, e.g. ``"Cusco–Juliaca: cut at km 12.3 (Ayaviri, e1)"``."""
    lines = []
    for s in status:
        line = f"{s['name']}: {s['status']}"
        if s["blocked_by"]:
            line += " at " + "; ".join(
                f"km {b['km']:.1f} ({', '.join(str(x) for x in (b.get('place'), b['event']) if x)}, "
                f"{b['distance_m']} m off the road)" for b in s["blocked_by"])
        if days is not None:
            line += f" [{days.get(s['id'], 0)} day(s) cut so far]"
        lines.append(line)
    return lines
