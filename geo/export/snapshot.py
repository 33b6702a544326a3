"""Snapshots of a map view: a self-contained HTML file, and a PNG drawn by headless Chromium.

A snapshot is the dashboard's map of one view (day, mode, kinds, regions) framed for
publication: a header band with the title, the date and the filters, the map with its
legend and scale bar, and a footer band with the credits (the publishers of the events
shown, the data licence and the map tiles). The HTML file inlines every script, style and
icon, so it opens with no network; only the OpenStreetMap tiles are fetched online, and
when they cannot be the map draws its layers over the data folder's embedded basemap
(:mod:`geo.render.basemap`), or a plain background when it has none, and the credits say so
(a published snapshot never shows the dashboard's "tiles unavailable" banner).

PNG export drives Debian's ``chromium`` through Playwright (never a downloaded browser).
Without it, :class:`BrowserMissingError` says what to install; HTML and data export do not
need a browser.
"""
from __future__ import annotations

import io
import math
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Sequence

import folium

from geo.core.dataset import Dataset
from geo.core.escape import escape_html
from geo.core.i18n import N_, Translator, translator
from geo.core.view import View
from geo.export.files import publishers
from geo.query.active import select_records
from geo.query.framing import FITS, frame_for
from geo.render.leaflet import JsCall, RawText
from geo.render.maps import TILES_URL, build_map, standalone_html
from geo.render.style import CORRIDOR_COLOR, HOTSPOT_COLOR, KIND_COLORS
from geo.store.files import atomic_write

if TYPE_CHECKING:  # Pillow is imported where images are made
    from PIL import Image

#: Debian's chromium; tests monkeypatch this to simulate a machine without a browser.
CHROMIUM_PATH = "/usr/bin/chromium"
#: Environment variable naming another Chromium binary (e.g. ``/usr/bin/chromium-browser``).
CHROMIUM_ENV = "BLOCKADE_MAP_CHROMIUM"
CHROMIUM_ARGS: tuple[str, ...] = (
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage",
)
MISSING_BROWSER = N_("PNG export needs Chromium: apt-get install chromium")

DEFAULT_SIZE: tuple[int, int] = (1200, 800)
PRINT_SIZE: tuple[int, int] = (2400, 1600)
#: Widths above this are drawn at this CSS width with a higher device scale factor, so a
#: print-size PNG shows the same map as the screen size, only sharper.
LAYOUT_WIDTH = 1200
MIN_SIDE, MAX_SIDE = 320, 8000
#: Seconds to wait for map tiles before capturing anyway.
TILE_TIMEOUT_S = 10.0
#: After a capture that got no tile at all, later captures of the same browser wait this long.
OFFLINE_RETRY_S = 1.0
TILES_PREFIX = TILES_URL.split("{", 1)[0]
TILE_CREDIT = N_("Tiles © OpenStreetMap contributors")
NO_TILES = N_("no tiles (offline)")
USER_AGENT = "blockade-map/0.1 snapshot export (headless Chromium)"
#: How a snapshot is framed by default: the day's events and the corridors (see
#: :func:`geo.query.framing.frame_for`; the other choices are ``view`` and ``data``).
DEFAULT_FIT = "day"
VIEW_MAX_ZOOM = 9
HEADER_PX, HEADER_EMPTY_PX, FOOTER_PX = 62, 80, 40
#: The sources line names publishers up to about this many characters (one line at 1200 pixels).
SOURCES_CHARS = 165
PLACES_CREDIT = N_("Places: GeoNames, CC BY 4.0")


class BrowserMissingError(RuntimeError):
    """No Chromium to draw a PNG with; the message says what to install."""

    def __init__(self, message: str = MISSING_BROWSER):
        super().__init__(message)


class SnapshotError(RuntimeError):
    """The browser started but the snapshot could not be drawn."""


# ---------------------------------------------------------------- the overlay

def long_date(day: str, lang: str | Translator | None = None) -> str:
    """``2023-01-09`` -> ``Monday 9 January 2023`` (``lunes, 9 de enero de 2023`` in Spanish)."""
    return translator(lang).date(date.fromisoformat(day), "long")


def sources_text(records: Iterable[dict], max_chars: int = SOURCES_CHARS,
                 lang: str | Translator | None = None) -> str:
    """``Sources: A, B, C +4 more``: the publishers of ``records``, most frequent first,
    as many as fit in ``max_chars``, and how many more there are."""
    t = translator(lang)
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


def credits_text(records: Sequence[dict], tiles: bool, licence: str = "",
                 basemap_credit: str | None = None, lang: str | Translator | None = None) -> str:
    """The credits as plain text: the sources line, then licences, the basemap's credit (when
    there is one) and the map tiles (or their absence)."""
    t = translator(lang)
    basemap = f"{basemap_credit} · " if basemap_credit else ""
    return (f"{sources_text(records, lang=t)}\n{licence_credit(licence, t)} · {basemap}"
            f"{t.gettext(TILE_CREDIT if tiles else NO_TILES)}")


class SnapshotOverlay(JsCall):
    """Header band (title, date, filters, an empty-day line) and footer band (credits).

    The footer credits the data, the places, the basemap (``basemap_credit``, when the map
    draws one) and the tiles.

    Its script tracks the tiles (the credits say ``no tiles (offline)`` when none load) and
    exposes ``window.bmSnapshot`` for the capture: tile state, marker positions, finish().
    """

    def __init__(self, title: str, view: View, records: Sequence[dict], tiles: bool = True,
                 licence: str = "", basemap_credit: str | None = None, lang: str | Translator | None = None):
        tr = translator(lang)
        super().__init__("snapshot", {"noTiles": tr.gettext(NO_TILES), "tileCredit": tr.gettext(TILE_CREDIT)},
                         name="SnapshotOverlay")
        if not isinstance(view, View):
            raise TypeError(f"view must be a View, got {type(view).__name__}")
        t = totals_of(records)
        day = long_date(view.day, tr)
        when_text = tr.gettext("up to {day}").format(day=day) if view.mode == "cumulative" else day
        dead = tr.plural(", {n} dead", ", {n} dead", t["fatalities"]) if t["fatalities"] else ""
        count = tr.plural("{n} event mapped", "{n} events mapped", t["events"]) + dead
        empty = ""
        if not records:
            empty = (tr.gettext("Nothing mapped up to this day with these filters (only reports with a place and "
                                "a source are mapped).") if view.mode == "cumulative" else
                     tr.gettext("Nothing mapped on this day with these filters (only reports with a place and "
                                "a source are mapped)."))
        header_px = HEADER_PX if records else HEADER_EMPTY_PX
        self.style = _SNAPSHOT_STYLE.replace("HEADER_PX", str(header_px)).replace("FOOTER_PX", str(FOOTER_PX))
        self.bands = (
            '<div class="bm-snap-head">'
            f'<div class="bm-snap-title"><span class="bm-snap-name">{escape_html(title)}</span><span class="bm-snap-date">'
            f'{escape_html(when_text)}</span>'
            f' <span class="bm-snap-count">{escape_html(count)}</span></div>'
            f'<div class="bm-snap-filters">{escape_html(view.summary(tr))}</div>'
            + (f'<div class="bm-snap-empty">{escape_html(empty)}</div>' if empty else "") +
            '</div><div class="bm-snap-foot">'
            f'<div class="bm-snap-sources">{escape_html(sources_text(records, lang=tr))}</div>'
            f'<div class="bm-snap-credits">{escape_html(licence_credit(licence, tr))} · '
            + (f'<span class="bm-snap-basemap">{escape_html(basemap_credit)}</span> · ' if basemap_credit else "") +
            f'<span class="bm-snap-tiles">{escape_html(tr.gettext(TILE_CREDIT if tiles else NO_TILES))}</span>'
            '</div></div>')

    def render(self, **kwargs) -> None:
        super().render(**kwargs)
        root = self.get_root()
        root.header.add_child(RawText(self.style), name=f"{self.get_name()}_style")
        root.html.add_child(RawText(self.bands), name=f"{self.get_name()}_bands")


_SNAPSHOT_STYLE = """<style>
  html, body { width: 100%; height: 100%; margin: 0; padding: 0; background: #fff; }
  .folium-map { position: absolute !important; left: 0 !important; right: 0 !important; width: auto !important;
      top: HEADER_PXpx !important; bottom: FOOTER_PXpx !important; height: auto !important; }
  .bm-snap-head, .bm-snap-foot { position: absolute; left: 0; right: 0; box-sizing: border-box;
      font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #1d1d1d;
      background: #fff; padding: 0 12px; overflow: hidden; white-space: nowrap; }
  .bm-snap-head { top: 0; height: HEADER_PXpx; padding-top: 7px; border-bottom: 1px solid #c8c8c8; }
  .bm-snap-title { font-size: 20px; line-height: 26px; font-weight: bold; display: flex; align-items: baseline; }
  .bm-snap-name { flex: 0 1 auto; min-width: 0; overflow: hidden; text-overflow: ellipsis; }
  .bm-snap-date { font-weight: normal; margin-left: 10px; flex: none; }
  .bm-snap-count { font-weight: normal; font-size: 14px; color: #555; margin-left: 10px; flex: none; }
  .bm-snap-filters, .bm-snap-empty { font-size: 13px; line-height: 19px; color: #444;
      text-overflow: ellipsis; overflow: hidden; }
  .bm-snap-empty { color: #7a4b00; font-style: italic; }
  .bm-snap-foot { bottom: 0; height: FOOTER_PXpx; font-size: 11.5px; padding-top: 2px;
      line-height: 17px; color: #444; border-top: 1px solid #c8c8c8; }
  .bm-snap-foot div { overflow: hidden; text-overflow: ellipsis; }
</style>"""


def licence_credit(licence: str, lang: str | Translator | None = None) -> str:
    """The credits' licence part: the data's licence, then the gazetteer's."""
    t = translator(lang)
    data = t.gettext("Data: {licence}").format(licence=licence) if licence else \
        t.gettext("Data: see the sources of each event")
    return f"{data} · {t.gettext(PLACES_CREDIT)}"


def snapshot_title(dataset: Dataset, lang: str | Translator | None = None) -> str:
    """``Blockade Map — <the dataset's title>`` (in the reader's language when dataset.json has it)."""
    return f"Blockade Map — {dataset.info.title_in(translator(lang))}"


def totals_of(records: Sequence[dict]) -> dict[str, int]:
    """Events and dead among ``records``."""
    return {"events": len(records), "fatalities": sum(int(r["fatalities"]) for r in records)}


def snapshot_map(dataset: Dataset, view: View, tiles: bool = True, fit: str = DEFAULT_FIT,
                 basemap_credit: str | None = None, lang: str | Translator | None = None) -> folium.Map:
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
        The credit line of the basemap drawn under the layers (none by default).
    lang : str or Translator, optional
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
                  max_zoom=VIEW_MAX_ZOOM if fit != "data" else None, lang=lang)
    # A still image must not catch the map half-way through a zoom, a pan or a tile fade.
    m.options.update(zoom_animation=False, fade_animation=False, marker_zoom_animation=False)
    SnapshotOverlay(snapshot_title(dataset, lang), view, select_records(dataset, view), tiles=tiles,
                    licence=dataset.info.licence or "", basemap_credit=basemap_credit, lang=lang).add_to(m)
    return m


def snapshot_html(dataset: Dataset, view: View, tiles: bool = True, fit: str = DEFAULT_FIT,
                  basemap_credit: str | None = None, lang: str | Translator | None = None) -> str:
    """One self-contained HTML file of ``view``: every script, style and icon inlined."""
    t = translator(lang)
    html = standalone_html(snapshot_map(dataset, view, tiles=tiles, fit=fit, basemap_credit=basemap_credit, lang=t))
    title = escape_html(f"{snapshot_title(dataset, t)}: {t.day(view.day)} ({view.summary(t)})")
    html = html.replace("<html>", f'<html lang="{t.lang}">', 1)
    return html.replace("<head>", f"<head>\n    <title>{title}</title>", 1)


# ---------------------------------------------------------------- files

def write_html(dataset: Dataset, view: View, out: str | os.PathLike, tiles: bool = True,
               fit: str = DEFAULT_FIT, basemap_credit: str | None = None,
               lang: str | Translator | None = None) -> Path:
    """Write the HTML snapshot of ``view`` to ``out`` (no browser needed)."""
    out = Path(out)
    if not out.parent.is_dir():
        raise FileNotFoundError(f"folder {out.parent} does not exist")
    atomic_write(out, snapshot_html(dataset, view, tiles=tiles, fit=fit, basemap_credit=basemap_credit,
                                    lang=lang).encode("utf-8"))
    return out


def parse_size(text: str) -> tuple[int, int]:
    """``"1200x800"`` -> ``(1200, 800)``; each side between 320 and 8000 pixels."""
    if not isinstance(text, str):
        raise TypeError(f"size must be a string like '1200x800', got {type(text).__name__}")
    parts = text.lower().replace("×", "x").split("x")
    if len(parts) != 2 or not all(p.strip().isdigit() for p in parts):
        raise ValueError(f"size {text!r} is not WIDTHxHEIGHT, e.g. 1200x800 or 2400x1600")
    size = (int(parts[0]), int(parts[1]))
    return check_size(size)


def check_size(size: Sequence[int]) -> tuple[int, int]:
    """Return ``size`` as ``(width, height)`` or raise ValueError when a side is out of range."""
    if (not isinstance(size, (tuple, list)) or len(size) != 2
            or not all(isinstance(v, int) and not isinstance(v, bool) for v in size)):
        raise TypeError(f"size must be (width, height) in whole pixels, got {size!r}")
    w, h = size
    if not (MIN_SIDE <= w <= MAX_SIDE and MIN_SIDE <= h <= MAX_SIDE):
        raise ValueError(f"size {w}x{h}: each side must be between {MIN_SIDE} and {MAX_SIDE} pixels")
    return (w, h)


def layout(size: Sequence[int]) -> tuple[int, int, float]:
    """CSS viewport and device scale factor that draw ``size`` pixels (at least) sharply.

    Wide images keep a 1200-pixel-wide layout and raise the scale factor, so a print-size
    PNG (2400x1600) shows the same map as the screen size (1200x800), twice as sharp.
    """
    w, h = check_size(size)
    scale = max(1.0, w / LAYOUT_WIDTH)
    css_w = min(w, LAYOUT_WIDTH) if scale > 1 else w
    scale = w / css_w
    return css_w, math.ceil(h / scale), scale


# ---------------------------------------------------------------- the browser

def chromium_executable() -> str:
    """The Chromium binary to use (``$BLOCKADE_MAP_CHROMIUM`` or Debian's), or BrowserMissingError."""
    path = os.environ.get(CHROMIUM_ENV) or CHROMIUM_PATH
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        raise BrowserMissingError()
    return path


def browser_available() -> bool:
    """Whether a Chromium binary is installed for PNG export."""
    try:
        chromium_executable()
    except BrowserMissingError:
        return False
    return True


@dataclass
class SnapshotResult:
    """A captured PNG and what was measured in the page just before the capture.

    ``markers`` are the event circles in paint order (last on top), with their kind,
    ``lat``/``lon`` (the event's point), ``radius`` (CSS pixels), ``x``/``y`` (the circle's
    centre in the PNG's pixels) and ``at_x``/``at_y`` (the event's point in the PNG's pixels:
    the same as ``x``/``y`` unless the event shares its point with others and is spread
    around it, see :mod:`geo.render.stacks`).
    ``tiles_loaded`` counts the map tiles drawn (0 when offline or without tiles).
    """

    png: bytes
    width: int
    height: int
    scale: float
    zoom: float
    markers: list[dict] = field(default_factory=list)
    tiles_loaded: int = 0
    map_box: tuple[float, float, float, float] = (0, 0, 0, 0)


class Snapshotter:
    """One headless Chromium reused for many captures (use as a context manager).

    Parameters
    ----------
    tiles : bool
        Draw OpenStreetMap tiles; they are the only network requests the page may make.
    tile_timeout_s : float
        How long to wait for the tiles before capturing anyway.
    executable : str, optional
        The Chromium binary (default :func:`chromium_executable`).
    fit : {'day', 'view', 'data'}
        How the map is framed (see :func:`snapshot_map`).
    basemap_credit : str, optional
        The basemap's credit line for the footer (see :func:`snapshot_map`).

    Examples
    --------
    >>> with Snapshotter(tiles=False) as shot:                      # doctest: +SKIP
    ...     png = shot.render(dataset, View("2023-01-09")).png
    """

    def __init__(self, tiles: bool = True, tile_timeout_s: float = TILE_TIMEOUT_S,
                 executable: str | None = None, fit: str = DEFAULT_FIT, basemap_credit: str | None = None,
                 lang: str | Translator | None = None):
        if not isinstance(tile_timeout_s, (int, float)) or tile_timeout_s < 0:
            raise ValueError(f"tile_timeout_s must be a number >= 0, got {tile_timeout_s!r}")
        if fit not in FITS:
            raise ValueError(f"fit {fit!r} is not one of {', '.join(FITS)}")
        self.fit = fit
        self.basemap_credit = basemap_credit
        self.lang = translator(lang)
        self.tiles = bool(tiles)
        self.tile_timeout_s = float(tile_timeout_s)
        self.executable = executable or chromium_executable()
        self._worker: ThreadPoolExecutor | None = None
        self._pw = None
        self._browser = None
        self._pages: dict[tuple[int, int, float], object] = {}
        self._offline = False  # set when a capture got no tile at all: later ones wait briefly

    def __enter__(self) -> "Snapshotter":
        # Playwright's sync API refuses to run inside an asyncio loop (a notebook, another
        # Playwright, a server): every browser call happens on this object's own thread.
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="blockade-map-snapshot")
        try:
            self._call(self._start)
        except BaseException:
            self._worker.shutdown(wait=True)
            self._worker = None
            raise
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def _call(self, func: Callable, *args):
        if self._worker is None:
            raise RuntimeError("Snapshotter is not started: use it in a `with` block")
        return self._worker.submit(func, *args).result()

    def _start(self) -> None:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
        self._pw = sync_playwright().start()
        try:
            self._browser = self._pw.chromium.launch(executable_path=self.executable, headless=True,
                                                     args=list(CHROMIUM_ARGS))
        except PlaywrightError as exc:
            self._pw.stop()
            self._pw = None
            raise SnapshotError(f"could not start Chromium ({self.executable}): {_first_line(exc)}") from exc

    def _stop(self) -> None:
        self._pages.clear()
        if self._browser is not None:
            self._browser.close()
            self._browser = None
        if self._pw is not None:
            self._pw.stop()
            self._pw = None

    def close(self) -> None:
        """Close the pages, the browser and Playwright (safe to call twice)."""
        if self._worker is None:
            return
        try:
            self._call(self._stop)
        finally:
            self._worker.shutdown(wait=True)
            self._worker = None

    def _page(self, css_w: int, css_h: int, scale: float):
        key = (css_w, css_h, scale)
        if key not in self._pages:
            context = self._browser.new_context(viewport={"width": css_w, "height": css_h},
                                                device_scale_factor=scale, user_agent=USER_AGENT,
                                                java_script_enabled=True)
            allow_tiles = self.tiles

            def gate(route):  # the page may fetch map tiles, and nothing else
                if allow_tiles and route.request.url.startswith(TILES_PREFIX):
                    route.continue_()
                else:
                    route.abort()
            context.route("**/*", gate)
            self._pages[key] = context.new_page()
        return self._pages[key]

    def capture(self, html: str, size: Sequence[int] = DEFAULT_SIZE) -> SnapshotResult:
        """Load snapshot ``html`` (from :func:`snapshot_html`) and capture it as a PNG of ``size``."""
        if not isinstance(html, str):
            raise TypeError(f"html must be a string, got {type(html).__name__}")
        check_size(size)
        return self._call(self._capture, html, size)

    def _capture(self, html: str, size: Sequence[int]) -> SnapshotResult:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import TimeoutError as PlaywrightTimeout
        w, h = check_size(size)
        css_w, css_h, scale = layout((w, h))
        page = self._page(css_w, css_h, scale)
        try:
            page.set_content(html, wait_until="domcontentloaded")
            page.wait_for_function("() => window.bmSnapshot !== undefined && window.bmSnapshot.idle()",
                                   timeout=15000)
            if self.tiles and self.tile_timeout_s > 0:
                wait_s = min(self.tile_timeout_s, OFFLINE_RETRY_S) if self._offline else self.tile_timeout_s
                try:
                    page.wait_for_function("() => !window.bmSnapshot.tilesPending()",
                                           timeout=wait_s * 1000, polling=100)
                except PlaywrightTimeout:
                    pass  # capture with whatever tiles arrived; finish() says so if none did
            tiles = page.evaluate("() => window.bmSnapshot.finish()")
            self._offline = self.tiles and int(tiles["loaded"]) == 0
            measured = page.evaluate("() => window.bmSnapshot.markers()")
            png = page.screenshot(type="png", animations="disabled", caret="hide")
        except PlaywrightError as exc:
            raise SnapshotError(f"the browser could not draw the snapshot: {_first_line(exc)}") from exc
        png, width, height = _fit(png, w, h)
        markers = [dict(m, x=m["x"] * scale, y=m["y"] * scale, at_x=m["at_x"] * scale, at_y=m["at_y"] * scale)
                   for m in measured["markers"]]
        return SnapshotResult(png=png, width=width, height=height, scale=scale, zoom=measured["zoom"],
                              markers=markers, tiles_loaded=int(tiles["loaded"]),
                              map_box=tuple(v * scale for v in measured["map_box"]))

    def render(self, dataset: Dataset, view: View, size: Sequence[int] = DEFAULT_SIZE) -> SnapshotResult:
        """Build the snapshot of ``view`` and capture it."""
        return self.capture(snapshot_html(dataset, view, tiles=self.tiles, fit=self.fit,
                                          basemap_credit=self.basemap_credit, lang=self.lang), size)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _fit(png: bytes, w: int, h: int) -> tuple[bytes, int, int]:
    """Crop a capture that came out larger than asked (rounding of the scale factor)."""
    from PIL import Image
    with Image.open(io.BytesIO(png)) as img:
        if img.width < w or img.height < h:
            raise SnapshotError(f"capture is {img.width}x{img.height}, smaller than the {w}x{h} asked")
        if (img.width, img.height) == (w, h):
            return png, w, h
        buffer = io.BytesIO()
        img.crop((0, 0, w, h)).save(buffer, format="PNG")
        return buffer.getvalue(), w, h


def render_png(dataset: Dataset, view: View, size: Sequence[int] = DEFAULT_SIZE, tiles: bool = True,
               tile_timeout_s: float = TILE_TIMEOUT_S, fit: str = DEFAULT_FIT,
               lang: str | Translator | None = None) -> bytes:
    """The PNG of ``view`` (starts and closes a browser; use :class:`Snapshotter` for many)."""
    check_size(size)
    with Snapshotter(tiles=tiles, tile_timeout_s=tile_timeout_s, fit=fit, lang=lang) as shot:
        return shot.render(dataset, view, size).png


def write_png(dataset: Dataset, view: View, out: str | os.PathLike, size: Sequence[int] = DEFAULT_SIZE,
              tiles: bool = True, tile_timeout_s: float = TILE_TIMEOUT_S, fit: str = DEFAULT_FIT,
              lang: str | Translator | None = None) -> Path:
    """Write the PNG of ``view`` to ``out``."""
    out = Path(out)
    if not out.parent.is_dir():
        raise FileNotFoundError(f"folder {out.parent} does not exist")
    atomic_write(out, render_png(dataset, view, size, tiles, tile_timeout_s, fit, lang))
    return out


# ---------------------------------------------------------------- batch and GIF

def batch_pngs(dataset: Dataset, days: Sequence[str], out_dir: str | os.PathLike,
               view: View | None = None, size: Sequence[int] = DEFAULT_SIZE, tiles: bool = True,
               tile_timeout_s: float = TILE_TIMEOUT_S,
               progress: Callable[[int, str], None] | None = None, fit: str = DEFAULT_FIT,
               lang: str | Translator | None = None) -> list[Path]:
    """Write ``DIR/YYYY-MM-DD.png`` for every day, with one browser for all of them.

    ``view`` gives the mode and filters (its day is replaced by each day in turn);
    ``progress(done, day)`` is called after each day.
    """
    check_size(size)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    template = view or View(days[0] if days else "2023-01-01")
    written = []
    with Snapshotter(tiles=tiles, tile_timeout_s=tile_timeout_s, fit=fit, lang=lang) as shot:
        for i, day in enumerate(days, start=1):
            result = shot.render(dataset, View(day, template.mode, template.kinds, template.regions), size)
            path = out_dir / f"{day}.png"
            atomic_write(path, result.png)
            written.append(path)
            if progress:
                progress(i, day)
    return written


def _label_font(px: int):
    from PIL import ImageFont
    for candidate in ("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
                      "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"):
        if os.path.exists(candidate):
            return ImageFont.truetype(candidate, px)
    return ImageFont.load_default(size=px)


def _draw_label(draw, label: str, width: int) -> None:
    """The frame's label, white on a dark box in the top right corner."""
    font = _label_font(max(12, round(width * 0.03)))
    left, top, right, bottom = draw.textbbox((0, 0), label, font=font)
    pad = max(4, round(width * 0.008))
    x1, y0 = width - pad, pad
    x0, y1 = x1 - (right - left) - 2 * pad, y0 + (bottom - top) + 2 * pad
    draw.rectangle((x0, y0, x1, y1), fill=(29, 29, 29))
    draw.text((x0 + pad - left, y0 + pad - top), label, font=font, fill=(255, 255, 255))


def gif_palette(images: Sequence[Image.Image]) -> Image.Image:
    """One 256-colour palette for every frame: the map's own colours exactly, the rest adaptive.

    A shared palette keeps colours from flickering between frames; fixing the kind,
    hotspot and corridor colours keeps small legend swatches and markers true.
    """
    from PIL import Image
    fixed = [CORRIDOR_COLOR, HOTSPOT_COLOR, *KIND_COLORS.values(), "#ffffff", "#000000", "#1d1d1d"]
    fixed_rgb = [tuple(int(c[i:i + 2], 16) for i in (1, 3, 5)) for c in fixed]
    thumbs = [img.resize((max(1, img.width // 2), max(1, img.height // 2))) for img in images]
    sheet = Image.new("RGB", (max(t.width for t in thumbs), sum(t.height for t in thumbs)))
    y = 0
    for thumb in thumbs:
        sheet.paste(thumb, (0, y))
        y += thumb.height
    adaptive = sheet.quantize(colors=256 - len(fixed_rgb), method=Image.Quantize.MEDIANCUT,
                              dither=Image.Dither.NONE)
    colours = adaptive.getpalette()[: 3 * (256 - len(fixed_rgb))]
    colours += [0] * (3 * (256 - len(fixed_rgb)) - len(colours))
    for rgb in fixed_rgb:
        colours += list(rgb)
    palette = Image.new("P", (1, 1))
    palette.putpalette(colours)
    return palette


def make_gif(frames: Sequence[str | os.PathLike], labels: Sequence[str], out: str | os.PathLike,
             width: int = 800, frame_ms: int = 800, last_frame_ms: int = 2000) -> Path:
    """An animated GIF of the PNG ``frames``, each with its label (the date) drawn large.

    Parameters
    ----------
    frames : sequence of paths
        PNG files, in order.
    labels : sequence of str
        One label per frame, drawn in a box at the frame's top right.
    out : path
    width : int
        Width of the GIF; frames are scaled to it, keeping their proportions.
    frame_ms, last_frame_ms : int
        How long each frame, and the last one, stays on screen.

    Returns
    -------
    pathlib.Path
    """
    from PIL import Image, ImageDraw
    if len(frames) != len(labels):
        raise ValueError(f"{len(frames)} frames but {len(labels)} labels")
    if not frames:
        raise ValueError("a GIF needs at least one frame")
    if not isinstance(width, int) or width < 50:
        raise ValueError(f"width must be a whole number >= 50, got {width!r}")
    images = []
    for path, label in zip(frames, labels):
        with Image.open(path) as img:
            rgb = img.convert("RGB")
        height = round(rgb.height * width / rgb.width)
        rgb = rgb.resize((width, height), Image.Resampling.LANCZOS)
        _draw_label(ImageDraw.Draw(rgb), label, width)
        images.append(rgb)
    palette = gif_palette(images)
    frames_p = [img.quantize(palette=palette, dither=Image.Dither.NONE) for img in images]
    durations = [frame_ms] * (len(images) - 1) + [last_frame_ms]
    out = Path(out)
    buffer = io.BytesIO()
    frames_p[0].save(buffer, format="GIF", save_all=True, append_images=frames_p[1:], duration=durations,
                   loop=0, disposal=1, optimize=False)
    atomic_write(out, buffer.getvalue())
    return out


def short_date(day: str, lang: str | Translator | None = None) -> str:
    """``2023-01-09`` -> ``Mon 9 Jan 2023`` (the GIF's frame label; ``lun 9 ene 2023`` in Spanish)."""
    return translator(lang).date(date.fromisoformat(day), "short")
