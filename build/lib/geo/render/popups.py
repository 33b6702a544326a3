"""What a click or a hover on the map shows: popups, tooltips and the rows the layers draw.

Every text from the data goes through :func:`geo.core.escape.escape_html` here, and only
http(s) links become links.
"""
from __future__ import annotations

from typing import Any, Iterable

from geo.core.escape import escape_html, json_for_script
from geo.render.style import HOTSPOT_RADIUS_M, KIND_COLORS, PRECISION_WORDS, marker_radius


def dates_text(start: str, end: str) -> str:
    """``2023-01-09`` or ``2023-01-08 to 2023-01-10``."""
    return start if start == end else f"{start} to {end}"


def popup_html(event: dict) -> str:
    """The popup of one event: place, dates, counts, description and source links, escaped."""
    kind = event["kind"]
    parts = [
        f'<div class="bm-popup"><b>{escape_html(event["place"])}</b> '
        f'<span style="color:{KIND_COLORS.get(kind, "#000")}">&#9679; {escape_html(kind)}</span><br>',
        f'{escape_html(event["region"])} &middot; {escape_html(dates_text(event["start"], event["end"]))}',
    ]
    if int(event.get("time_precision", 1)) > 1:
        parts.append(f' <i>({escape_html(PRECISION_WORDS["time"][int(event["time_precision"])])})</i>')
    road = event.get("road")
    if isinstance(road, str) and road:
        km = event.get("km")
        km_text = f", km {km:g}" if isinstance(km, (int, float)) and km == km else ""
        parts.append(f"<br>Road {escape_html(road)}{km_text}")
    counts = [f"{int(event[k])} {label}" for k, label in
              (("fatalities", "dead"), ("injured", "injured"), ("detained", "detained")) if int(event.get(k) or 0)]
    if counts:
        parts.append("<br><b>" + escape_html(", ".join(counts)) + "</b>")
    if event.get("description"):
        parts.append(f'<br><span class="bm-desc">{escape_html(event["description"])}</span>')
    parts.append(f'<br><small>Status: {escape_html(event.get("status", "reported"))}; location: '
                 f'{escape_html(PRECISION_WORDS["geo"].get(int(event["geo_precision"]), ""))}</small>')
    links = []
    for src in event.get("sources", []):
        url = str(src.get("url", ""))
        safe = url if url.lower().startswith(("http://", "https://")) else "#"
        links.append(f'<a href="{escape_html(safe)}" target="_blank" rel="noopener noreferrer">'
                     f'{escape_html(src.get("name"))}</a> ({escape_html(src.get("published"))})')
    parts.append("<br>Sources: " + "; ".join(links) + "</div>")
    return "".join(parts)


def tooltip_text(event: dict) -> str:
    """Short hover text: place, kind and deaths, escaped."""
    text = f'{event["place"]}: {event["kind"]}'
    if int(event.get("fatalities") or 0):
        text += f', {int(event["fatalities"])} dead'
    return escape_html(text)


def event_row(event: dict) -> list:
    """The point layer's row of one event: position, CSS class, colour, radius, popup, tooltip."""
    return [round(event["lat"], 5), round(event["lon"], 5), f"bm-event bm-kind-{event['kind']}",
            KIND_COLORS.get(event["kind"], "#000"), marker_radius(event["fatalities"]),
            popup_html(event), tooltip_text(event)]


#: Name under which the dataset's index keeps each event's serialised row.
EVENT_ROW_MEMO = "event-row"


def event_row_json(event: dict) -> str:
    """:func:`event_row` as JSON ready for a script (what the index keeps per event)."""
    return json_for_script(event_row(event))


def hotspot_rows(hotspots: Any) -> list[list]:
    """The hotspot layer's rows: position, radius in metres by level, tooltip."""
    return [[round(h.lat, 5), round(h.lon, 5), HOTSPOT_RADIUS_M.get(int(h.level), 15000),
             escape_html(f"Hotspot: {h.name} ({h.region}), level {int(h.level)}, {dates_text(h.start, h.end)}")]
            for h in hotspots.itertuples(index=False)]


def line_latlons(geometry: Any) -> list[list[tuple[float, float]]]:
    """``[[(lat, lon), ...], ...]`` per part of a (Multi)LineString, 5 decimals."""
    parts = geometry.geoms if geometry.geom_type == "MultiLineString" else [geometry]
    return [[(round(y, 5), round(x, 5)) for x, y in part.coords] for part in parts]


def corridor_rows(corridors: Any) -> list[list]:
    """The corridor layer's rows: ``[[[lat, lon], ...], tooltip]`` per line."""
    rows = []
    for row in corridors.itertuples(index=False):
        tooltip = escape_html(f"{row.name} ({', '.join(row.roads)})")
        rows += [[[list(p) for p in part], tooltip] for part in line_latlons(row.geometry)]
    return rows


def places_text(names: Iterable[str]) -> str:
    """``Juliaca, Puno`` from place names, escaped."""
    return escape_html(", ".join(names))
