"""The snapshot's page: the map of one view framed for publication, as self-contained HTML.

A snapshot is the dashboard's map of one view (day, mode, kinds, regions) with a header band
(the title, wrapping onto a second line rather than cut, the date, the count and the filters),
the places that matter that day named above their markers (:mod:`.labels`), and a footer band
with the credits of what was drawn: the publishers of the events shown, the data licence, the
places, the basemap when the data folder has one, and the map tiles only when tiles were drawn.
The bands and labels are a Jinja2 template (``templates/overlay.html``, macros ``style``,
``bands`` and ``script``: folium's own way), filled with escaping on. The HTML file inlines every
script, style and icon, so it opens with no network; only OpenStreetMap tiles are fetched online.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

import folium
from branca.element import Figure, MacroElement
from markupsafe import Markup

from geo.core.dataset import Dataset
from geo.core.escape import escape_html, json_for_script, template_environment
from geo.core.i18n import ENGLISH, N_, Translator
from geo.core.view import View
from geo.export.files import publishers
from geo.export.snapshot.labels import day_labels
from geo.query.active import select_hotspots, select_records
from geo.query.framing import FITS, frame_for
from geo.render.basemap import ATTRIBUTION as BASEMAP_ATTRIBUTION
from geo.render.basemap import load_basemap
from geo.render.leaflet import RawText
from geo.render.maps import build_map, standalone_html
from geo.store.files import atomic_write

TEMPLATES = Path(__file__).resolve().parent / "templates"
LABELS_JS = TEMPLATES / "labels.js"
_ENV = template_environment(TEMPLATES)
TILE_CREDIT = N_("Tiles © OpenStreetMap contributors")
NO_TILES = N_("no tiles (offline)")
#: How a snapshot is framed by default: the day's events and the corridors (see
#: :func:`geo.query.framing.frame_for`; the other choices are ``view`` and ``data``).
DEFAULT_FIT = "day"
VIEW_MAX_ZOOM = 9
#: The sources line names publishers up to about this many characters (one line at 1200 pixels).
SOURCES_CHARS = 165
PLACES_CREDIT = N_("Places: GeoNames, CC BY 4.0")


def long_date(day: str, t: Translator = ENGLISH) -> str:
    """``2023-01-09`` -> ``Monday 9 January 2023`` (``lunes, 9 de enero de 2023`` in Spanish)."""
    return t.date(date.fromisoformat(day), "long")


def sources_text(records: Iterable[dict], max_chars: int = SOURCES_CHARS,
                 t: Translator = ENGLISH) -> str:
    """``Sources: A, B, C +4 more``: the publishers of ``records``, most frequent first,
    as many as fit in ``max_chars``, and how many more there are."""
    names = [name for name, _ in publishers(records)]
    if not names:
        return t.gettext("Sources: none (nothing mapped)")
    head = t.gettext("Sources: {names}")

    def line(shown: list[str], rest: int) -> str:
        return head.format(names=", ".join(shown)) + (t.plural(" +{n} more", " +{n} more", rest) if rest else "")

    shown: list[str] = []
    for i, name in enumerate(names):
        candidate = line(shown + [name], len(names) - i - 1)
        if shown and len(candidate) > max_chars:
            break
        shown.append(name)
    return line(shown, len(names) - len(shown))


def credit_parts(licence: str = "", basemap_credit: str | None = None, places: bool = True,
                 t: Translator = ENGLISH) -> list[str]:
    """The credits of what a snapshot draws, tiles aside: the data's licence, the places'
    (when place names are written), the basemap's (when one is drawn)."""
    data = t.gettext("Data: {licence}").format(licence=licence) if licence else \
        t.gettext("Data: see the sources of each event")
    return [data] + ([t.gettext(PLACES_CREDIT)] if places else []) + ([basemap_credit] if basemap_credit else [])


def credits_text(records: Sequence[dict], tiles: bool, licence: str = "",
                 basemap_credit: str | None = None, t: Translator = ENGLISH) -> str:
    """The credits as plain text: the sources line, then licences, the basemap's credit (when
    one is drawn) and the map tiles' (only when tiles are drawn)."""
    parts = credit_parts(licence, basemap_credit, t=t) + ([t.gettext(TILE_CREDIT)] if tiles else [])
    return f"{sources_text(records, t=t)}\n{' · '.join(parts)}"


class SnapshotOverlay(MacroElement):
    """Header band (title, date, count, filters, an empty-day line), footer band (credits) and
    the place labels, from ``templates/overlay.html``.

    Parameters
    ----------
    title : str
    view : View
    records : sequence of dict
        The events shown.
    tiles : bool
        Whether tiles are drawn: only then are they credited (and, should none load, the
        capture drops their credit, see ``labels.js``).
    licence : str
    basemap_credit : str, optional
        The credit of the basemap drawn under the layers (None: no basemap, no credit).
    labels : sequence of PlaceLabel
        The names to place (:func:`geo.export.snapshot.labels.day_labels`).
    t : Translator, optional
    """

    _template = _ENV.get_template("overlay.html")

    def __init__(self, title: str, view: View, records: Sequence[dict], tiles: bool = True,
                 licence: str = "", basemap_credit: str | None = None, labels: Sequence = (),
                 t: Translator = ENGLISH):
        super().__init__()
        if not isinstance(view, View):
            raise TypeError(f"view must be a View, got {type(view).__name__}")
        self._name = "SnapshotOverlay"
        totals = totals_of(records)
        day = long_date(view.day, t)
        self.title = title
        self.when = t.gettext("up to {day}").format(day=day) if view.mode == "cumulative" else day
        dead = t.plural(", {n} dead", ", {n} dead", totals["fatalities"]) if totals["fatalities"] else ""
        self.count = t.plural("{n} event mapped", "{n} events mapped", totals["events"]) + dead
        self.filters = view.summary(t)
        self.empty = ""
        if not records:
            self.empty = (t.gettext("Nothing mapped up to this day with these filters (only reports with a place "
                                    "and a source are mapped).") if view.mode == "cumulative" else
                          t.gettext("Nothing mapped on this day with these filters (only reports with a place and "
                                    "a source are mapped)."))
        self.sources = sources_text(records, t=t)
        self.credits = credit_parts(licence, basemap_credit, places=bool(labels), t=t)
        self.tiles = bool(tiles)
        self.tile_credit = t.gettext(TILE_CREDIT)
        self.words_json = Markup(json_for_script({"noTiles": t.gettext(NO_TILES), "tileCredit": self.tile_credit}))
        # JSON made safe for a script by json_for_script: Markup so the template leaves it as it is
        self.labels_json = Markup(json_for_script([label.as_dict() for label in labels]))
        self.map_name = ""

    def render(self, **kwargs) -> None:  # type: ignore[override]  # branca: Element.render -> str, MacroElement's None
        """The style and the labels' script into the head, the bands into the body, the calls into the script."""
        root = self.get_root()
        if not isinstance(root, Figure) or self._parent is None:
            raise TypeError("SnapshotOverlay is drawn only on a map inside a Figure")
        module = self._template.module
        self.map_name = Markup(self._parent.get_name())
        root.header.add_child(RawText(str(module.style(self))), name=f"{self.get_name()}_style")
        root.header.add_child(RawText("<script>" + LABELS_JS.read_text(encoding="utf-8") + "</script>"),
                              name=f"{self.get_name()}_labels")
        root.html.add_child(RawText(str(module.bands(self))), name=f"{self.get_name()}_bands")
        root.script.add_child(RawText(str(module.script(self))), name=self.get_name())


def licence_credit(licence: str, t: Translator = ENGLISH) -> str:
    """The credits' licence part: the data's licence, then the gazetteer's."""
    return " · ".join(credit_parts(licence, t=t))


def snapshot_title(dataset: Dataset, t: Translator = ENGLISH) -> str:
    """``Blockade Map — <the dataset's title>`` (in the reader's language when dataset.json has it)."""
    return f"Blockade Map — {dataset.info.title_in(t)}"


def totals_of(records: Sequence[dict]) -> dict[str, int]:
    """Events and dead among ``records``."""
    return {"events": len(records), "fatalities": sum(int(r["fatalities"]) for r in records)}


def drawn_basemap(dataset: Dataset, t: Translator = ENGLISH) -> dict | None:
    """The basemap a snapshot of ``dataset`` draws (its data and credit in ``t``'s language), or None."""
    loaded = load_basemap(dataset)
    if loaded is None:
        return None
    credit = loaded.data.get("attribution")
    if credit == BASEMAP_ATTRIBUTION:
        credit = t.gettext(BASEMAP_ATTRIBUTION)
    return {"data": loaded.data, "credit": credit}


def snapshot_map(dataset: Dataset, view: View, tiles: bool = True, fit: str = DEFAULT_FIT,
                 basemap_credit: str | None = None, t: Translator = ENGLISH) -> folium.Map:
    """The map of ``view`` with the snapshot overlay and Leaflet's animations turned off.

    Parameters
    ----------
    dataset : Dataset
    view : View
    tiles : bool
        Draw OpenStreetMap tiles (fetched online); ``False`` draws over the embedded basemap only.
    fit : {'day', 'view', 'data'}
        ``day`` (the default) frames the day's events and the road corridors with a margin
        (the whole data set in cumulative mode); ``view`` zooms to the events shown, with a
        margin; ``data`` frames the whole data set, the same every day. ``day`` and ``view``
        zoom in no further than zoom 9, fall back to the hotspots when there is no event and
        to the whole data set when nothing is shown (:func:`geo.query.framing.frame_for`).
    basemap_credit : str, optional
        The credit line of the basemap drawn under the layers (default: the data folder's
        basemap's own, when it has one; see :func:`drawn_basemap`).
    t : Translator, optional
        The language of every word on it (default English).

    Returns
    -------
    folium.Map
        Built with ``asset_mode='placeholder'``, ready for :func:`geo.render.maps.standalone_html`.
    """
    if not isinstance(dataset, Dataset):
        raise TypeError(f"dataset must be a Dataset, got {type(dataset).__name__}")
    if not isinstance(view, View):
        raise TypeError(f"view must be a View, got {type(view).__name__}")
    if fit not in FITS:
        raise ValueError(f"fit {fit!r} is not one of {', '.join(FITS)}")
    frame = frame_for(dataset, view, fit)
    m = build_map(dataset, view, asset_mode="placeholder", tiles=tiles, frame=frame, notice=False,
                  max_zoom=VIEW_MAX_ZOOM if fit != "data" else None, t=t,
                  water_names=False)  # its own labels name the lakes and seas, placed among the day's
    # A still image must not catch the map half-way through a zoom, a pan or a tile fade.
    m.options.update(zoom_animation=False, fade_animation=False, marker_zoom_animation=False)
    records = select_records(dataset, view)
    basemap = drawn_basemap(dataset, t)
    labels = day_labels(records, select_hotspots(dataset, view), basemap["data"] if basemap else None, t)
    SnapshotOverlay(snapshot_title(dataset, t), view, records, tiles=tiles,
                    licence=dataset.info.licence or "",
                    basemap_credit=basemap_credit or (basemap["credit"] if basemap else None),
                    labels=labels, t=t).add_to(m)
    return m


def snapshot_html(dataset: Dataset, view: View, tiles: bool = True, fit: str = DEFAULT_FIT,
                  basemap_credit: str | None = None, t: Translator = ENGLISH) -> str:
    """One self-contained HTML file of ``view``: every script, style and icon inlined."""
    html = standalone_html(snapshot_map(dataset, view, tiles=tiles, fit=fit, basemap_credit=basemap_credit, t=t))
    title = escape_html(f"{snapshot_title(dataset, t)}: {t.day(view.day)} ({view.summary(t)})")
    html = html.replace("<html>", f'<html lang="{t.lang}">', 1)
    return html.replace("<head>", f"<head>\n    <title>{title}</title>", 1)


# ---------------------------------------------------------------- files

def write_html(dataset: Dataset, view: View, out: str | os.PathLike, tiles: bool = True,
               fit: str = DEFAULT_FIT, basemap_credit: str | None = None,
               t: Translator = ENGLISH) -> Path:
    """Write the HTML snapshot of ``view`` to ``out`` (no browser needed)."""
    out = Path(out)
    if not out.parent.is_dir():
        raise FileNotFoundError(f"folder {out.parent} does not exist")
    atomic_write(out, snapshot_html(dataset, view, tiles=tiles, fit=fit, basemap_credit=basemap_credit,
                                    t=t).encode("utf-8"))
    return out


