"""The map's layers as folium feature groups, each drawn by one call into ``blockade-map.js``."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import folium

from geo.core import words
from geo.core.escape import escape_html
from geo.core.i18n import ENGLISH, N_, Translator
from geo.core.index import Cells
from geo.core.model import KINDS
from geo.core.words import kind_name
from geo.render.leaflet import JsCall, Json
from geo.render.style import CORRIDOR_LINE, HOTSPOT_COLOR, KIND_COLORS

#: Words the cell popups use (the kinds' short names follow the contract's order).
CELL_WORDS: dict[str, Any] = {"locale": "en-US", "kinds": list(KINDS), "dead": N_("dead"), "injured": N_("injured"),
              "detained": N_("detained"), "inCell": N_("events in this cell"), "events": N_("events"),
              "mostlyAt": N_("Mostly at"),
              "zoomIn": N_("Zoom in, or filter by kind or region, to see each event and its sources.")}
#: The browser locale the cell counts are formatted in, by language.
JS_LOCALES = {"en": "en-US", "es": "es-ES"}


def cell_words(t: Translator = ENGLISH) -> dict:
    """:data:`CELL_WORDS` in the reader's language."""
    texts = {key: t.gettext(value) for key, value in CELL_WORDS.items() if key not in ("locale", "kinds")}
    return {"locale": JS_LOCALES.get(t.lang, "en-US"), "kinds": [kind_name(k, t) for k in KINDS], **texts}


def feature_group(name: str, *calls: JsCall, control: bool = True) -> folium.FeatureGroup:
    """A folium FeatureGroup holding ``calls`` (a layer the dashboard can swap by day)."""
    group = folium.FeatureGroup(name=name, control=control)
    for call in calls:
        call.add_to(group)
    return group


def point_layer(rows_json: str, spread: Sequence[Sequence[float]] = (), keep: str | None = None,
                popups_url: str | None = None) -> JsCall:
    """Event circles from the rows of :func:`geo.render.popups.event_row`, already serialised;
    ``spread`` moves the events that share a point (:func:`geo.render.stacks.spread_rows`). With
    ``keep`` (a name), a map that draws one view after another keeps the markers of events still
    shown instead of drawing them again (``keepMarkers`` in ``blockade-map.js``; the dashboard).
    With ``popups_url``, each row has its popup's digest where the popup would be, and the popups,
    in the rows' order, are fetched from that URL (:mod:`geo.render.served_popups`)."""
    spread_rows = [list(s) for s in spread]
    if keep is None:
        return JsCall("pointLayer", Json(rows_json), spread_rows, name="EventLayer")
    return JsCall("pointLayer", Json(rows_json), spread_rows, keep, popups_url, name="EventLayer")


def cell_layer(cells: Cells, note: str, t: Translator = ENGLISH) -> JsCall:
    """Counted cells standing for many events, with ``note`` shown in a corner while on the map."""
    rows = zip(cells.lat.round(5).tolist(), cells.lon.round(5).tolist(), cells.count.tolist(),
               cells.by_kind.tolist(), cells.fatalities.tolist(), cells.injured.tolist(),
               cells.detained.tolist(), [escape_html(", ".join(p)) for p in cells.places], strict=True)
    return JsCall("cellLayer", [list(r) for r in rows], [[k, KIND_COLORS[k]] for k in KINDS], cell_words(t),
                  note, name="CellLayer")


def hotspot_layer(rows: Sequence[Sequence[Any]]) -> JsCall:
    """Translucent circles (radius in metres) marking centres of sustained protest."""
    return JsCall("hotspotLayer", [list(r) for r in rows], HOTSPOT_COLOR, name="HotspotLayer")


def corridor_layer(rows: Sequence[Sequence[Any]], style: dict | None = None) -> JsCall:
    """Road lines from :func:`geo.render.popups.corridor_rows`, each with its name as tooltip."""
    return JsCall("lineLayer", [list(r) for r in rows], style or CORRIDOR_LINE, name="CorridorLayer")


def ring_layer(rows: Sequence[Sequence[Any]], style: dict) -> JsCall:
    """Day-over-day circles ``[lat, lon, radius_px, tooltip]``, one style for all."""
    return JsCall("ringLayer", [list(r) for r in rows], style, name="ChangeLayer")


def frame_call(bounds: Sequence[Sequence[float]], token: str) -> JsCall:
    """Frame the map on ``bounds`` (``[[south, west], [north, east]]``) unless it was last framed
    with the same ``token`` (``BlockadeMap.frameTo``): a frame sent with the layers, so that the
    base map need not change with it."""
    return JsCall("frameTo", [[float(v) for v in corner] for corner in bounds], str(token), name="Frame")


def map_chrome(legend: str, notice: str | None, lang: str | None = None) -> JsCall:
    """Legend and, when ``notice`` is given, the notice shown while tiles fail to load; ``lang``
    (a language code) becomes the map page's ``<html lang>`` (the dashboard's map is a frame of its
    own, which would otherwise say ``en`` to a screen reader reading Spanish words)."""
    return JsCall("mapChrome", legend, notice or "", lang, name="MapChrome")


def kind_label(kind: str, t: Translator = ENGLISH) -> str:
    """The legend's label of a kind."""
    return words.kind_label(kind, t)
