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

from geo.network.corridors import (
    DEFAULT_TOLERANCE_M,
    cut_segments,
    days_cut_from_snaps,
    snap_events,
    status_from_snaps,
)
from geo.network.measure import check_corridors, check_frame, check_tolerance
from geo.core.dates import check_day, overlaps
from geo.core.i18n import Translator, translator
from geo.network.routing import Network, RouteResult, build_network, route

__all__ = [
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


@dataclass
class CorridorDay:
    """The corridors on one day, with the blockades snapped to them.

    Build it with :func:`corridor_day`. ``snaps`` holds every blockade that lies on a
    corridor and is active on some day of ``[since, day]``; ``active`` the ones active on
    ``day``.
    """

    day: str
    since: str
    corridors: gpd.GeoDataFrame
    snaps: pd.DataFrame
    tolerance_m: float
    _network: Network | None = field(default=None, repr=False)

    @property
    def active(self) -> pd.DataFrame:
        """Snaps of the blockades active on ``day``, ordered by corridor then km."""
        on = overlaps(self.snaps["start"], self.snaps["end"], self.day, self.day)
        return self.snaps.loc[on.to_numpy()].reset_index(drop=True)

    @property
    def names(self) -> dict[str, str]:
        """Corridor id -> name."""
        col = "name" if "name" in self.corridors.columns else "id"
        return dict(zip(self.corridors["id"].astype(str), self.corridors[col].astype(str)))

    def status(self) -> list[dict[str, Any]]:
        """Each corridor open or cut (the ``blockade-map corridors --json`` document)."""
        return status_from_snaps(self.corridors, self.active)

    def network(self) -> Network:
        """The town graph of the corridors (built on first use, then kept)."""
        if self._network is None:
            self._network = build_network(self.corridors)
        return self._network

    def route(self, origin: str, destination: str) -> RouteResult:
        """Can a truck get from ``origin`` to ``destination`` on ``day``?

        Raises
        ------
        geo.network.routing.UnknownPlaceError
            When a town is not on the network (with suggestions).
        """
        return route(self.network(), origin, destination, self.active)

    def cut_segments(self, half_width_km: float = 1.0) -> gpd.GeoDataFrame:
        """Short stretches of road around each of the day's cuts (for the map)."""
        return cut_segments(self.corridors, self.active, half_width_km)

    def days_cut(self) -> dict[str, int]:
        """Days in ``[since, day]`` on which each corridor was cut."""
        return days_cut_from_snaps(self.corridors, self.snaps, self.since, self.day)

    def bounds(self) -> list[list[float]]:
        """``[[south, west], [north, east]]`` of the corridors, for ``folium.Map.fit_bounds``."""
        west, south, east, north = (float(v) for v in self.corridors.total_bounds)
        return [[south, west], [north, east]]

    def towns(self) -> list[str]:
        """The towns of the network, sorted by name (accents ignored)."""
        net = self.network()
        return [net.towns[k] for k in sorted(net.towns)]

    def table(self, lang: str | Translator | None = None) -> list[dict[str, Any]]:
        """One row per corridor: name, status, its cuts (km and place), days cut so far.

        Returns
        -------
        list of dict
            ``{"id", "corridor", "status", "cuts", "days_cut"}``; ``cuts`` is a text such as
            ``"km 12.3 Santa Lucía; km 40.0 Cabanillas"`` (empty when open).
        """
        t = translator(lang)
        days = self.days_cut()
        return [{
            "id": s["id"],
            "corridor": s["name"],
            "status": s["status"],
            "cuts": "; ".join(f"km {t.number(b['km'], 1)} {b['place'] or b['event']}"
                              for b in s["blocked_by"]),
            "days_cut": days[s["id"]],
        } for s in self.status()]


def corridor_day(events: gpd.GeoDataFrame, corridors: gpd.GeoDataFrame, day: str | _dt.date,
                 since: str | _dt.date | None = None,
                 tolerance_m: float = DEFAULT_TOLERANCE_M) -> CorridorDay:
    """Snap the blockades once and return the day's view of the corridors.

    Parameters
    ----------
    events : geopandas.GeoDataFrame
        Events (CONTRACT.md) with ``id``, ``kind``, ``geo_precision``, ``start``, ``end``.
    corridors : geopandas.GeoDataFrame
        Corridors with ``id``, ``name``, ``via`` and geometry, EPSG:4326.
    day : str or datetime.date
        The day, ``YYYY-MM-DD``.
    since : str or datetime.date, optional
        First day counted by :meth:`CorridorDay.days_cut` (default: ``day`` itself); only
        blockades active in ``[since, day]`` are snapped.
    tolerance_m : float, default 2000
        Snapping distance in metres (see :mod:`geo.network.corridors`).

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
    check_frame(events, "events", ("id", "kind", "geo_precision", "start", "geometry"), geo=True)
    tol = check_tolerance(tolerance_m)
    day = check_day(day)
    since = day if since is None else check_day(since, "since")
    if since > day:
        raise ValueError(f"since ({since}) is after day ({day})")
    overlapping = overlaps(events["start"], events["end"], since, day)
    snaps = snap_events(events.loc[overlapping.to_numpy()], corridors, tol)
    return CorridorDay(day=day, since=since, corridors=corridors, snaps=snaps, tolerance_m=tol)


def cut_place(cut: dict[str, Any], lang: str | Translator | None = None) -> str:
    """Where a cut is, as a reader knows it: its place (never an event id)."""
    return str(cut.get("place") or translator(lang).gettext("a blockade with no place name"))


def cut_where(cut: dict[str, Any], origin: str, lang: str | Translator | None = None) -> str:
    """Where a cut lies on the trip, counted from ``origin`` in the direction of travel:
    ``59.5 km after Juliaca (29.3 km past Cabanillas)``."""
    t = translator(lang)
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
               lang: str | Translator | None = None) -> str:
    """``"59.5 km after Juliaca (29.3 km past Cabanillas), at Puno–Arequipa road, on Arequipa–Juliaca"``."""
    t = translator(lang)
    return t.gettext("{where}, at {place}, on {corridor}").format(
        where=cut_where(cut, origin, t), place=cut_place(cut, t),
        corridor=names.get(cut["corridor"], cut["corridor"]))


def route_sentence(result: RouteResult, day: str, names: dict[str, str],
                   lang: str | Translator | None = None) -> str:
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
    lang : str or Translator, optional
        The reader's language (default English).

    Returns
    -------
    str
        One sentence naming corridors and places (no ids); each cut is placed by the km from
        the origin in the direction of travel, and by the last town passed before it.
    """
    if not isinstance(result, RouteResult):
        raise TypeError(f"result must be a RouteResult, got {type(result).__name__}")
    t = translator(lang)
    head = t.gettext("{origin} → {destination} on {day}:").format(
        origin=result.from_, destination=result.to, day=t.day(day))
    via = ", ".join(names.get(c, c) for c in result.path)
    if result.passable and not result.path:
        return head + " " + t.gettext("passable (the same town).")
    if result.passable:
        if result.detour:
            text = t.gettext("passable by a detour via {via} ({km} km).")
        else:
            text = t.gettext("passable via {via} ({km} km).")
        text = head + " " + text.format(via=via, km=t.number(result.distance_km, 1))
        if result.detour:
            text += " " + t.gettext("The shortest way is cut.")
        return text
    if result.distance_km is None:
        return head + " " + t.gettext("NOT passable: no corridor connects them.")
    phrases = [cut_phrase(c, names, result.from_, t) for c in result.cuts]
    if len(phrases) == 1:
        return head + " " + t.gettext("NOT passable. Cut {cut}.").format(cut=phrases[0])
    numbered = "; ".join(f"({i}) {p}" for i, p in enumerate(phrases, 1))
    return head + " " + t.gettext("NOT passable. {n} cuts: {cuts}.").format(n=len(phrases), cuts=numbered)


def route_columns(origin: str, lang: str | Translator | None = None) -> dict[str, str]:
    """The names of :func:`route_rows`' columns in a language, by role."""
    t = translator(lang)
    return {"n": "#", "trip_km": t.gettext("km from {origin}").format(origin=origin), "place": t.gettext("Place"),
            "after_town": t.gettext("Last town passed"), "km_after_town": t.gettext("km past that town"),
            "corridor": t.gettext("Corridor"), "km": t.gettext("km along the corridor")}


def route_rows(result: RouteResult, names: dict[str, str],
               lang: str | Translator | None = None) -> list[dict[str, Any]]:
    """The route's cuts as table rows, in order of travel, with readable column names
    (:func:`route_columns`)."""
    t = translator(lang)
    col = route_columns(result.from_, t)
    return [{
        col["n"]: i,
        col["trip_km"]: c.get("trip_km"),
        col["place"]: cut_place(c, t),
        col["after_town"]: c.get("after_town") or "",
        col["km_after_town"]: c.get("km_after_town"),
        col["corridor"]: names.get(c["corridor"], c["corridor"]),
        col["km"]: c["km"],
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
