"""What a map opens on: the box around a view's events, the corridors, or the whole dataset.

Boxes are ``[[south, west], [north, east]]`` in degrees, the form Leaflet's ``fitBounds``
takes. A frame around events gets a margin, so that no marker sits on the map's edge, and a
smallest size, so that one town alone is not shown at street level.
"""
from __future__ import annotations

from collections.abc import Iterable

from geo.core.dataset import Dataset
from geo.core.view import View
from geo.query.active import select_hotspots

Bounds = list[list[float]]

#: Margin added on every side, as a fraction of the box's width or height.
MARGIN = 0.1
#: A frame is at least this many degrees wide and high (about 65 km at the equator).
MIN_SPAN_DEG = 0.6
#: How a frame is chosen (see :func:`frame_for`).
FITS: tuple[str, ...] = ("day", "view", "data")


def with_margin(bounds: Bounds, fraction: float = MARGIN, min_span: float = MIN_SPAN_DEG) -> Bounds:
    """``bounds`` grown by ``fraction`` of its size on every side, and to at least ``min_span`` degrees.

    >>> with_margin([[-16.0, -70.0], [-15.0, -69.0]], 0.1)
    [[-16.1, -70.1], [-14.9, -68.9]]
    >>> with_margin([[-15.5, -70.1], [-15.5, -70.1]])
    [[-15.8, -70.4], [-15.2, -69.8]]
    """
    (south, west), (north, east) = bounds
    if south > north or west > east:
        raise ValueError(f"bounds {bounds!r} are not [[south, west], [north, east]]")
    d_lat, d_lon = (north - south) * fraction, (east - west) * fraction
    south, north = south - d_lat, north + d_lat
    west, east = west - d_lon, east + d_lon
    for lo, hi, axis in ((south, north, 0), (west, east, 1)):
        if hi - lo < min_span:
            mid = (lo + hi) / 2
            lo, hi = mid - min_span / 2, mid + min_span / 2
        if axis == 0:
            south, north = max(-85.0, lo), min(85.0, hi)
        else:
            west, east = max(-180.0, lo), min(180.0, hi)
    return [[round(south, 5), round(west, 5)], [round(north, 5), round(east, 5)]]


def union(boxes: Iterable[Bounds | None]) -> Bounds | None:
    """The smallest box holding every given box (None when none is given)."""
    found = [b for b in boxes if b is not None]
    if not found:
        return None
    return [[min(b[0][0] for b in found), min(b[0][1] for b in found)],
            [max(b[1][0] for b in found), max(b[1][1] for b in found)]]


def data_bounds(dataset: Dataset) -> Bounds | None:
    """The dataset's area (dataset.json's bbox, else the extent of its layers)."""
    box = dataset.bbox()
    if box is None:
        return None
    west, south, east, north = box
    return [[south, west], [north, east]]


def corridors_bounds(dataset: Dataset) -> Bounds | None:
    """The box of the road corridors, or None when there are none."""
    if not len(dataset.corridors):
        return None
    west, south, east, north = (float(v) for v in dataset.corridors.total_bounds)
    return [[south, west], [north, east]]


def events_bounds(dataset: Dataset, view: View) -> Bounds | None:
    """The box of the events ``view`` shows (its hotspots when it shows no event), no margin;
    None when it shows nothing."""
    positions = dataset.index.select(view)
    if len(positions):  # the index's coordinates: no copy of the view's rows (100,000 in a cumulative view)
        lat, lon = dataset.index.lat[positions], dataset.index.lon[positions]
        return [[float(lat.min()), float(lon.min())], [float(lat.max()), float(lon.max())]]
    hotspots = select_hotspots(dataset, view)
    if len(hotspots):
        return [[float(hotspots["lat"].min()), float(hotspots["lon"].min())],
                [float(hotspots["lat"].max()), float(hotspots["lon"].max())]]
    return None


def first_view_frame(dataset: Dataset, view: View) -> Bounds | None:
    """What the dashboard's map opens on: the view's events with a margin, else the dataset's area."""
    box = events_bounds(dataset, view)
    return with_margin(box) if box is not None else data_bounds(dataset)


def frame_for(dataset: Dataset, view: View, fit: str = "day") -> Bounds | None:
    """The frame of a published map of ``view``.

    Parameters
    ----------
    fit : {'day', 'view', 'data'}
        ``day`` (the default): the view's events and the road corridors, with a margin; the
        dataset's area in cumulative mode. ``view``: the view's events alone, with a margin.
        ``data``: the dataset's area, the same every day. ``day`` and ``view`` fall back to
        the dataset's area when the view shows nothing.
    """
    if fit not in FITS:
        raise ValueError(f"fit {fit!r} is not one of {', '.join(FITS)}")
    if fit == "data" or (fit == "day" and view.mode == "cumulative"):
        return data_bounds(dataset)
    events = events_bounds(dataset, view)
    if events is None:
        return data_bounds(dataset)
    box = events if fit == "view" else (union([events, corridors_bounds(dataset)]) or events)
    return with_margin(box)


def contains(outer: Bounds | None, inner: Bounds | None) -> bool:
    """Whether box ``inner`` lies wholly inside box ``outer`` (both ``[[south, west], [north, east]]``)."""
    if outer is None or inner is None:
        return False
    (s1, w1), (n1, e1) = outer
    (s2, w2), (n2, e2) = inner
    return s1 <= s2 and w1 <= w2 and n2 <= n1 and e2 <= e1


def dashboard_frame(dataset: Dataset, view: View, current: Bounds | None,
                    framed_regions: tuple[str, ...] | None) -> Bounds | None:
    """The frame the dashboard's map should show for ``view``, given the frame it shows now.

    The reader's frame is kept while it holds every event of the view, so changing the day does
    not move the map; it moves (to the view's events with a margin, :func:`first_view_frame`)
    when there is no frame yet, when the regions chosen changed since it was set (choosing Cusco
    frames Cusco), or when an event of the day would fall outside it (31 January: Pucallpa).
    """
    if current is None or framed_regions is None or tuple(framed_regions) != tuple(view.regions):
        return first_view_frame(dataset, view)
    events = events_bounds(dataset, view)
    if events is not None and not contains(current, events):
        return first_view_frame(dataset, view)
    return current
