"""Events that share one point: spread a little around it, so that each can be clicked.

Several reports often name the same town (three events at Juliaca's coordinate on 9 January
2023). Drawn where they are, the circles lie on top of each other and only the last one can
be clicked. Each event of such a stack is therefore drawn a few screen pixels away from the
point, on a small circle around it, with a thin line back to the point; the point itself is
marked with a dot. The offsets are in pixels, so the spread looks the same at every zoom,
and they depend only on the events drawn and their order: the same view always spreads the
same way.
"""
from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from geo.core.dataset import Dataset
from geo.render.style import marker_radius

#: Pixels left between two neighbouring circles of a stack.
GAP_PX = 1.0
#: Up to this many circles go on one ring around their point; more go on a spiral out from it.
RING_MAX = 8


def stack_offsets(lats: Sequence[float], lons: Sequence[float],
                  radii: Sequence[float]) -> list[tuple[float, float] | None]:
    """The pixel offset ``(dx, dy)`` of each circle (None for a circle alone at its point).

    Circles at the same point (to 5 decimals, about a metre) are placed in their given order
    clockwise from the top of a circle just wide enough for the two largest not to overlap;
    more than :data:`RING_MAX` go on a spiral whose turns are one circle apart, so that a
    stack of a hundred stays within about a hundred pixels of its point.

    >>> stack_offsets([-15.5, -15.5, -16.0], [-70.1, -70.1, -70.0], [6, 6, 6])
    [(0.0, -7.0), (0.0, 7.0), None]
    """
    if not len(lats) == len(lons) == len(radii):
        raise ValueError("lats, lons and radii must have the same length")
    groups: dict[tuple[float, float], list[int]] = {}
    for i, (lat, lon) in enumerate(zip(lats, lons, strict=True)):
        groups.setdefault((round(float(lat), 5), round(float(lon), 5)), []).append(i)
    out: list[tuple[float, float] | None] = [None] * len(lats)
    for members in groups.values():
        n = len(members)
        if n < 2:
            continue
        largest = sorted((float(radii[i]) for i in members), reverse=True)
        step = largest[0] + largest[1] + 2 * GAP_PX  # centre to centre, for the two largest
        if n <= RING_MAX:
            distance = step / (2 * math.sin(math.pi / n))
            places = [(distance, -math.pi / 2 + 2 * math.pi * j / n) for j in range(n)]
        else:
            places = _spiral(n, step)
        for i, (distance, angle) in zip(members, places, strict=True):
            out[i] = (round(distance * math.cos(angle), 1) + 0.0, round(distance * math.sin(angle), 1) + 0.0)
    return out


def _spiral(n: int, step: float) -> list[tuple[float, float]]:
    """``n`` places ``(distance, angle)`` on an Archimedean spiral, ``step`` pixels apart along it
    and between its turns, starting one step above the point."""
    places, distance, angle = [], step, -math.pi / 2
    for _ in range(n):
        places.append((distance, angle))
        turn = step / distance  # radians that move ``step`` pixels along the spiral
        angle += turn
        distance += step * turn / (2 * math.pi)
    return places


def drawing_order(dataset: Dataset, positions: np.ndarray) -> np.ndarray:
    """The events at ``positions`` in the order the point layer draws them: largest circles first."""
    return positions[np.argsort(-dataset.index.fatalities[positions], kind="stable")]


def spread_rows(dataset: Dataset, ordered: np.ndarray) -> list[list[float]]:
    """``[[row, dx, dy], ...]`` for the stacked events among ``ordered`` (see :func:`drawing_order`),
    ``row`` being the event's place in the point layer's rows."""
    index = dataset.index
    radii = [marker_radius(int(f)) for f in index.fatalities[ordered]]
    offsets = stack_offsets(index.lat[ordered], index.lon[ordered], radii)
    return [[i, dx, dy] for i, off in enumerate(offsets) if off is not None for dx, dy in [off]]


def offsets_by_id(dataset: Dataset, ordered: np.ndarray) -> dict[str, tuple[float, float]]:
    """Event id -> pixel offset of the stacked events among ``ordered`` (for the rings drawn
    around them)."""
    ids = [str(i) for i in dataset.index.ids[ordered]]
    return {ids[int(i)]: (dx, dy) for i, dx, dy in spread_rows(dataset, ordered)}
