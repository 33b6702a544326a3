"""Can a truck get from one town to another today? Routing over the corridor network.

The network's nodes are the towns a corridor passes (its ``via`` list, which are the vertices
of its line), matched by name with case and accents ignored, so corridors meet at the towns they
share. Its edges are the stretches of corridor between consecutive via towns, with their length
in km (measured as in :mod:`geo.network.measure`), the corridor id and the km range along it. Trucks
drive both ways, so edges are undirected.

A stretch is cut when an active blockade snaps to its corridor between (or at) its two towns; a
blockade at a town cuts the stretches on both sides of it.
"""

from __future__ import annotations

import heapq
import itertools
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from geo.core.geodesy import distance_m
from geo.core.text import fold
from geo.network.measure import check_corridors, check_frame, vertex_km

__all__ = [
    "Edge",
    "Network",
    "RouteResult",
    "UnknownPlaceError",
    "build_network",
    "route",
]

#: Two via towns with the same name further apart than this (km) are a data error.
JUNCTION_MISMATCH_KM = 5.0


class UnknownPlaceError(ValueError):
    """A town that is not on the corridor network; ``suggestions`` holds close names."""

    def __init__(self, name: str, suggestions: Sequence[str] = ()) -> None:
        self.name = name
        self.suggestions = list(suggestions)
        if self.suggestions:
            if len(self.suggestions) == 1:
                hint = self.suggestions[0]
            else:
                hint = ", ".join(self.suggestions[:-1]) + " or " + self.suggestions[-1]
            message = f"unknown town {name!r}; did you mean {hint}?"
        else:
            message = f"unknown town {name!r}; it is not on any corridor"
        super().__init__(message)


def off_network_message(name: str, known_as: str, region: str, towns: Sequence[str]) -> str:
    """Why a real place cannot be routed to: ``'Abancay' (Apurímac) is a known place, but no corridor
    of the data passes through it`` and the towns a route can join (never a look-alike's name)."""
    shown = ", ".join(sorted(towns)[:12]) + (", ..." if len(towns) > 12 else "")
    where = f" ({region})" if region else ""
    return (f"{known_as}{where} is a known place, but no corridor of the data passes through it (asked: "
            f"{name!r}); a route joins towns on the corridors: {shown}")


@dataclass(frozen=True)
class Edge:
    """A stretch of one corridor between two consecutive via towns.

    ``a`` and ``b`` are normalized town keys, ``a`` first in the corridor's direction of travel;
    ``km_from`` < ``km_to`` are their distances along the corridor.
    """

    a: str
    b: str
    corridor: str
    km_from: float
    km_to: float

    @property
    def length_km(self) -> float:
        return self.km_to - self.km_from


@dataclass
class Network:
    """The corridor network: towns (normalized key -> display name) and edges between them."""

    towns: dict[str, str]
    edges: list[Edge]
    corridor_ids: list[str]
    adjacency: dict[str, list[int]] = field(default_factory=dict, repr=False)
    #: Normalized town key -> ``(lon, lat)`` of the town on the corridors.
    points: dict[str, tuple[float, float]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if not self.adjacency:
            adj: dict[str, list[int]] = {k: [] for k in self.towns}
            for i, e in enumerate(self.edges):
                adj[e.a].append(i)
                adj[e.b].append(i)
            self.adjacency = adj

    def resolve(self, name: str) -> str:
        """The node key of a town name (case and accents ignored).

        Raises
        ------
        UnknownPlaceError
            When no town on the network has that name; close names are suggested.
        """
        key = fold(name)
        if key in self.towns:
            return key
        close = process.extract(key, list(self.towns), scorer=fuzz.ratio, limit=3, score_cutoff=75)
        raise UnknownPlaceError(name, [self.towns[k] for k, _, _ in close])

    def point(self, name: str) -> tuple[float, float]:
        """``(lon, lat)`` of a town of the network (see :meth:`resolve`)."""
        return self.points[self.resolve(name)]


@dataclass
class RouteResult:
    """The answer of :func:`route`.

    Attributes
    ----------
    from_, to : str
        Origin and destination, as the network names them.
    passable : bool
        True when some path avoids every cut.
    path : list of str
        Corridor ids in order of travel, consecutive repeats collapsed.
    cuts : list of dict
        ``{"corridor", "event", "km", "place", "trip_km", "after_town", "km_after_town"}`` in
        order of travel; empty when passable. ``km`` is counted along the corridor from its
        first town; ``trip_km`` from the origin along the route, in the direction of travel;
        ``after_town`` is the last town passed before the cut (the origin, or a town on the
        way) and ``km_after_town`` the distance from it.
    distance_km : float or None
        Length of ``path`` in km; None when the towns are not connected at all.
    detour : bool
        True when the shortest path is cut and ``path`` is a longer way round.
    towns : list of str
        Towns passed, in order, origin and destination included.
    legs : list of dict
        ``{"corridor", "from", "to", "km_from", "km_to"}`` per stretch between two towns of
        ``towns``, in order of travel (``km_from``/``km_to``: km along the corridor at the
        stretch's start and end, decreasing when the route runs against the corridor).
    points : list of (lon, lat)
        The position of each town of ``towns``: the route drawn as a line.
    """

    from_: str
    to: str
    passable: bool
    path: list[str]
    cuts: list[dict[str, Any]]
    distance_km: float | None
    detour: bool = False
    towns: list[str] = field(default_factory=list)
    legs: list[dict[str, Any]] = field(default_factory=list)
    points: list[tuple[float, float]] = field(default_factory=list)

    def to_json(self, date: str | None = None) -> dict[str, Any]:
        """``{"from", "to", "date", "passable", "path", "cuts", "distance_km", "detour", "towns"}``,
        ready for ``json.dumps``; each cut also says where it lies on the trip (``trip_km``,
        ``after_town``, ``km_after_town``)."""
        return {
            "from": self.from_,
            "to": self.to,
            "date": date,
            "passable": self.passable,
            "path": list(self.path),
            "cuts": [{"corridor": c["corridor"], "event": c["event"], "km": c["km"],
                      "place": c["place"], "trip_km": c.get("trip_km"), "after_town": c.get("after_town"),
                      "km_after_town": c.get("km_after_town")} for c in self.cuts],
            "distance_km": self.distance_km,
            "detour": self.detour,
            "towns": list(self.towns),
        }


def _via_towns(rec: Mapping[str, Any], n_vertices: int) -> list[str]:
    cid = rec["id"]
    via = rec.get("via")
    if isinstance(via, str):  # a store that left the GeoJSON list as text
        via = json.loads(via)
    if not isinstance(via, (list, tuple, np.ndarray)):
        raise ValueError(f"corridor {cid!r}: via must be a list of town names")
    towns = [str(t) for t in via]
    frm, to = rec.get("from"), rec.get("to")
    if isinstance(frm, str) and (not towns or fold(towns[0]) != fold(frm)):
        towns.insert(0, frm)
    if isinstance(to, str) and fold(towns[-1]) != fold(to):
        towns.append(to)
    if len(towns) != n_vertices:
        raise ValueError(f"corridor {cid!r}: {len(towns)} via towns but {n_vertices} vertices; "
                         "the line must be drawn through exactly its via towns")
    return towns


def build_network(corridors: gpd.GeoDataFrame) -> Network:
    """Build the town graph of the corridor network.

    Parameters
    ----------
    corridors : geopandas.GeoDataFrame
        Corridors with ``id``, ``via`` (town names, the line's vertices in order; ``from`` and
        ``to`` are added at the ends when ``via`` leaves them out) and geometry, EPSG:4326.

    Returns
    -------
    Network

    Raises
    ------
    ValueError
        When a corridor's via list does not match its vertices, or one town name sits at two
        points more than ``JUNCTION_MISMATCH_KM`` apart.
    """
    corridors = check_corridors(corridors)
    check_frame(corridors, "corridors", ("via",), geo=True)
    towns: dict[str, str] = {}
    where: dict[str, tuple[tuple[float, float], str]] = {}
    edges: list[Edge] = []
    for rec in corridors.to_dict("records"):
        cid = str(rec["id"])
        coords, kms = vertex_km(rec["geometry"])
        names = _via_towns(rec, len(kms))
        keys = [fold(n) for n in names]
        for key, name, xy in zip(keys, names, coords, strict=True):
            xy = (float(xy[0]), float(xy[1]))
            if key in where:
                (seen_xy, seen_cid) = where[key]
                gap = distance_m(*seen_xy, *xy) / 1000.0
                if gap > JUNCTION_MISMATCH_KM:
                    raise ValueError(
                        f"town {name!r} is {gap:.1f} km apart in corridors {seen_cid!r} and "
                        f"{cid!r}; a shared town must have one point (or give them distinct names)")
            else:
                where[key] = (xy, cid)
                towns[key] = name
        for i in range(len(keys) - 1):
            if keys[i] == keys[i + 1]:
                continue
            edges.append(Edge(keys[i], keys[i + 1], cid, float(kms[i]), float(kms[i + 1])))
    return Network(towns=towns, edges=edges, corridor_ids=[str(c) for c in corridors["id"]],
                   points={key: xy for key, (xy, _) in where.items()})


def _cuts_by_edge(network: Network, snapped_active: pd.DataFrame | None
                  ) -> dict[int, list[dict[str, Any]]]:
    if snapped_active is None or len(snapped_active) == 0:
        return {}
    check_frame(snapped_active, "snapped_active", ("corridor", "event", "km"), geo=False)
    by_corridor: dict[str, list[dict[str, Any]]] = {}
    for rec in snapped_active.to_dict("records"):
        place = rec.get("place")
        if isinstance(place, float) and math.isnan(place):
            place = None
        by_corridor.setdefault(str(rec["corridor"]), []).append(
            {"corridor": str(rec["corridor"]), "event": str(rec["event"]),
             "km": float(rec["km"]), "place": place})
    out: dict[int, list[dict[str, Any]]] = {}
    eps = 0.05  # km: snapped km is rounded to 0.1
    for i, e in enumerate(network.edges):
        hits = [c for c in by_corridor.get(e.corridor, [])
                if e.km_from - eps <= c["km"] <= e.km_to + eps]
        if hits:
            out[i] = sorted(hits, key=lambda c: (c["km"], c["event"]))
    return out


def _dijkstra(network: Network, src: str, dst: str,
              banned: set[int]) -> tuple[float, list[tuple[int, bool]]] | None:
    """Shortest path as ``(km, [(edge index, forward?)])``, or None when unreachable."""
    best = {src: 0.0}
    back: dict[str, tuple[str, int, bool]] = {}
    tie = itertools.count()
    heap = [(0.0, next(tie), src)]
    done: set[str] = set()
    while heap:
        d, _, node = heapq.heappop(heap)
        if node in done:
            continue
        done.add(node)
        if node == dst:
            break
        for i in network.adjacency.get(node, []):
            if i in banned:
                continue
            e = network.edges[i]
            forward = e.a == node
            other = e.b if forward else e.a
            nd = d + e.length_km
            if nd < best.get(other, math.inf) - 1e-12:
                best[other] = nd
                back[other] = (node, i, forward)
                heapq.heappush(heap, (nd, next(tie), other))
    if dst not in done:
        return None
    steps: list[tuple[int, bool]] = []
    node = dst
    while node != src:
        prev, i, forward = back[node]
        steps.append((i, forward))
        node = prev
    steps.reverse()
    return best[dst], steps


def _collapse(steps: list[tuple[int, bool]], network: Network) -> list[str]:
    path: list[str] = []
    for i, _ in steps:
        cid = network.edges[i].corridor
        if not path or path[-1] != cid:
            path.append(cid)
    return path


def _travelled(steps: list[tuple[int, bool]], network: Network, src: str, **extra: Any) -> dict[str, Any]:
    """The towns, legs and points of a path, as :class:`RouteResult` fields."""
    keys = [src]
    legs = []
    for i, forward in steps:
        e = network.edges[i]
        start, end = (e.a, e.b) if forward else (e.b, e.a)
        keys.append(end)
        legs.append({"corridor": e.corridor, "from": network.towns[start], "to": network.towns[end],
                     "km_from": e.km_from if forward else e.km_to, "km_to": e.km_to if forward else e.km_from})
    return dict(towns=[network.towns[k] for k in keys], legs=legs,
                points=[network.points[k] for k in keys if k in network.points], **extra)


def _on_the_trip(cut: dict[str, Any], steps: list[tuple[int, bool]], network: Network,
                 src: str) -> dict[str, Any]:
    """``cut`` with where it lies on the trip: km from the origin, the last town passed, km after it."""
    travelled, town = 0.0, src
    for i, forward in steps:
        e = network.edges[i]
        if e.corridor == cut["corridor"] and e.km_from - 0.05 <= cut["km"] <= e.km_to + 0.05:
            into = max(0.0, cut["km"] - e.km_from if forward else e.km_to - cut["km"])
            into = min(into, e.length_km)
            if into > e.length_km - 0.05:  # at the town ending the stretch: say that town
                town, travelled, into = (e.b if forward else e.a), travelled + e.length_km, 0.0
            return dict(cut, trip_km=round(travelled + into, 1), after_town=network.towns[town],
                        km_after_town=round(into, 1))
        travelled += e.length_km
        town = e.b if forward else e.a
    return dict(cut, trip_km=None, after_town=None, km_after_town=None)


def route(network: Network, origin: str, destination: str,
          snapped_active: pd.DataFrame | None) -> RouteResult:
    """Find whether a truck can get from ``origin`` to ``destination``.

    The shortest path by km is tried first; if a blockade cuts it, the shortest path that
    avoids every cut stretch is a detour (passable). If there is none, the route is impassable
    and the cuts on the shortest path are reported in order of travel.

    Parameters
    ----------
    network : Network
        From :func:`build_network`.
    origin, destination : str
        Town names (via towns of the corridors), case and accents ignored.
    snapped_active : pandas.DataFrame or None
        The day's active blockades on corridors (:func:`geo.network.corridors.snap_active`): columns
        ``corridor``, ``event``, ``km`` and optionally ``place``. None or empty: nothing is cut.

    Returns
    -------
    RouteResult

    Raises
    ------
    UnknownPlaceError
        When a town is not on the network (with suggestions).
    """
    if not isinstance(network, Network):
        raise TypeError(f"network must be a Network from build_network, got "
                        f"{type(network).__name__}")
    if snapped_active is not None and not isinstance(snapped_active, pd.DataFrame):
        raise TypeError("snapped_active must be a pandas DataFrame (or None)")
    src = network.resolve(origin)
    dst = network.resolve(destination)
    from_, to = network.towns[src], network.towns[dst]
    cuts = _cuts_by_edge(network, snapped_active)

    shortest = _dijkstra(network, src, dst, banned=set())
    if shortest is None:
        return RouteResult(from_, to, False, [], [], None)
    km, steps = shortest
    hit = [(i, fw) for i, fw in steps if i in cuts]
    if not hit:
        return RouteResult(from_, to, True, _collapse(steps, network), [], round(km, 1),
                           **_travelled(steps, network, src))
    around = _dijkstra(network, src, dst, banned=set(cuts))
    if around is not None:
        dkm, dsteps = around
        return RouteResult(from_, to, True, _collapse(dsteps, network), [], round(dkm, 1),
                           **_travelled(dsteps, network, src, detour=True))
    ordered: list[dict[str, Any]] = []
    seen: set[str] = set()
    for i, forward in hit:
        for c in (cuts[i] if forward else list(reversed(cuts[i]))):
            if c["event"] not in seen:
                seen.add(c["event"])
                ordered.append(_on_the_trip(c, steps, network, src))
    return RouteResult(from_, to, False, _collapse(steps, network), ordered, round(km, 1),
                       **_travelled(steps, network, src))
