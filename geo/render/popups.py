"""What a click or a hover on the map shows: popups, tooltips and the rows the layers draw.

Every text from the data goes through :func:`geo.core.escape.escape_html` here, and only
http(s) links become links.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from geo.core.escape import escape_html, json_for_script
from geo.core.i18n import ENGLISH, Translator
from geo.core.words import COUNT_FORMS, counts_text, kind_name, precision_words, status_name
from geo.render.descriptions import description_for, fallback_note, place_for
from geo.render.style import HOTSPOT_RADIUS_M, KIND_COLORS, marker_radius


def dates_text(start: str, end: str, t: Translator = ENGLISH) -> str:
    """``2023-01-09`` or ``2023-01-08 to 2023-01-10``; in Spanish ``del 8 de enero de 2023 al 10 de
    enero de 2023``, as the sources' dates beside them (:meth:`geo.core.i18n.Translator.span`)."""
    return t.span(start, end)


def _published(value: object, t: Translator) -> str:
    """A source's publication date as the reader's language writes it (``9 ene 2023``); as given
    when it is not a ``YYYY-MM-DD`` date."""
    try:
        return t.date(str(value), "span")
    except (TypeError, ValueError):
        return str(value or "")


def popup_parts(event: dict, t: Translator = ENGLISH) -> list:
    """The popup of one event as its pieces of text, each escaped HTML: ``[place, colour, kind,
    region, dates, time_note, road, counts, description, language_note, status, sources_label,
    sources]``, where a source is ``[href, name, published]`` (a link) or ``[text]`` (a dataset
    cited by its own reference, ACLED). Empty strings for what the event lacks.

    The map sends these rather than the popup's HTML, and ``blockade-map.js`` joins them only when a
    popup opens (``popupHtml``), exactly as :func:`join_popup` does: half the bytes of a day's markers.
    """
    kind = event["kind"]
    time_note = ""
    if int(event.get("time_precision", 1)) > 1:
        time_note = escape_html(precision_words("time", event["time_precision"], t))
    road_line = ""
    road = event.get("road")
    if isinstance(road, str) and road:
        km = event.get("km")
        km_text = f", km {t.number(km)}" if isinstance(km, (int, float)) and km == km else ""
        road_line = escape_html(t.gettext("Road {road}").format(road=road)) + escape_html(km_text)
    description, language = description_for(event, t)
    language_note = escape_html(fallback_note(language, t)) if description and language else ""
    status = escape_html(t.gettext("Status: {status}; location: {precision}").format(
        status=status_name(event.get("status", "reported"), t),
        precision=precision_words("geo", event["geo_precision"], t)))
    sources: list[list[str]] = []
    for src in event.get("sources", []):
        url = str(src.get("url", ""))
        if not url and src.get("event_id_cnty"):  # a dataset cited by its own reference (ACLED): no link
            via = "; ".join(str(p) for p in src.get("publishers") or [])
            sources.append([f'{escape_html(src.get("name"))} {escape_html(src.get("event_id_cnty"))} '
                            f'({escape_html(src.get("published"))})' + (f", {escape_html(via)}" if via else "")])
            continue
        safe = url if url.lower().startswith(("http://", "https://")) else "#"
        sources.append([escape_html(safe), escape_html(src.get("name")),
                        escape_html(_published(src.get("published"), t))])
    return [escape_html(place_for(event, t)), KIND_COLORS.get(kind, "#000"), escape_html(kind_name(kind, t)),
            escape_html(event["region"]), escape_html(dates_text(event["start"], event["end"], t)), time_note,
            road_line, escape_html(counts_text(event, t)), escape_html(description) if description else "",
            language_note, status, escape_html(t.gettext("Sources:")), sources]


def join_popup(parts: list) -> str:
    """The popup's HTML from :func:`popup_parts` (``popupHtml`` in ``blockade-map.js`` writes the same)."""
    (place, colour, kind, region, dates, time_note, road_line, counts, description, language_note, status,
     sources_label, sources) = parts
    html = [f'<div class="bm-popup"><b>{place}</b> <span style="color:{colour}">&#9679; {kind}</span><br>'
            f'{region} &middot; {dates}']
    if time_note:
        html.append(f" <i>({time_note})</i>")
    if road_line:
        html.append("<br>" + road_line)
    if counts:
        html.append("<br><b>" + counts + "</b>")
    if description:
        html.append(f'<br><span class="bm-desc">{description}</span>')
        if language_note:
            html.append(f' <i class="bm-desc-lang">{language_note}</i>')
    html.append("<br><small>" + status + "</small>")
    links = [s[0] if len(s) == 1 else f'<a href="{s[0]}" target="_blank" rel="noopener noreferrer">{s[1]}</a> ({s[2]})'
             for s in sources]
    html.append("<br>" + sources_label + " " + "; ".join(links) + "</div>")
    return "".join(html)


def popup_html(event: dict, t: Translator = ENGLISH) -> str:
    """The popup of one event: place, dates, counts, description and source links, escaped."""
    return join_popup(popup_parts(event, t))


def event_name(event: dict, t: Translator = ENGLISH) -> str:
    """An event in a few words, as plain text: place, kind and deaths (a marker's accessible name)."""
    text = f'{place_for(event, t)}: {kind_name(event["kind"], t)}'
    if int(event.get("fatalities") or 0):
        text += ", " + t.pair(COUNT_FORMS["fatalities"], int(event["fatalities"]))
    return text


def tooltip_text(event: dict, t: Translator = ENGLISH) -> str:
    """Short hover text: :func:`event_name`, escaped."""
    return escape_html(event_name(event, t))


def event_row(event: dict, t: Translator = ENGLISH, popup: object = None) -> list:
    """The point layer's row of one event: position, CSS class, colour, radius, the popup's pieces
    (:func:`popup_parts`, joined in the browser when it opens; or ``popup`` if given, as the
    dashboard's digest of them), tooltip."""
    return [round(event["lat"], 5), round(event["lon"], 5), f"bm-event bm-kind-{event['kind']}",
            KIND_COLORS.get(event["kind"], "#000"), marker_radius(event["fatalities"]),
            popup_parts(event, t) if popup is None else popup, tooltip_text(event, t)]


#: Name under which the dataset's index keeps each event's serialised row (one per language).
EVENT_ROW_MEMO = "event-row"


def event_row_memo(t: Translator = ENGLISH) -> str:
    """The index memo name of the rows in ``t`` (``event-row`` in English, ``event-row:es``)."""
    code = t.lang
    return EVENT_ROW_MEMO if code == "en" else f"{EVENT_ROW_MEMO}:{code}"


def event_row_json(event: dict, t: Translator = ENGLISH) -> str:
    """:func:`event_row` as JSON ready for a script (what the index keeps per event)."""
    return json_for_script(event_row(event, t))


def hotspot_rows(hotspots: Any, t: Translator = ENGLISH) -> list[list]:
    """The hotspot layer's rows: position, radius in metres by level, tooltip."""
    return [[round(h.lat, 5), round(h.lon, 5), HOTSPOT_RADIUS_M.get(int(h.level), 15000),
             escape_html(t.gettext("Hotspot: {name} ({region}), level {level}, {dates}").format(
                 name=h.name, region=h.region, level=int(h.level), dates=dates_text(h.start, h.end, t)))]
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
