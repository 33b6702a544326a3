"""The snapshot's browser: headless Chromium (through Playwright) draws a snapshot page as a PNG,
a PDF or an SVG.

PNG, PDF and SVG export drive Debian's ``chromium`` (never a downloaded browser). Without it,
:class:`BrowserMissingError` says what to install; HTML and data export need no browser. A PNG
carries its resolution (``pHYs``: 96 dots per inch times the scale factor, so a 2400-pixel print
PNG is the 1200-pixel page at 192 dpi) and text chunks naming its title, the day drawn, the
credits and the licence. A PDF is Chromium's own, vector; an SVG is that PDF converted by
poppler's ``pdftocairo`` (Debian's ``poppler-utils``), vector too.
"""
from __future__ import annotations

import io
import math
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from geo.core.dataset import Dataset
from geo.core.i18n import ENGLISH, N_, Translator
from geo.core.view import View
from geo.export.snapshot.overlay import DEFAULT_FIT, credits_text, drawn_basemap, snapshot_html, snapshot_title
from geo.query.active import select_records
from geo.query.framing import FITS
from geo.render.maps import TILES_URL
from geo.store.files import atomic_write

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Playwright

#: Debian's chromium; tests monkeypatch this to simulate a machine without a browser.
CHROMIUM_PATH = "/usr/bin/chromium"
#: Environment variable naming another Chromium binary (e.g. ``/usr/bin/chromium-browser``).
CHROMIUM_ENV = "BLOCKADE_MAP_CHROMIUM"
CHROMIUM_ARGS: tuple[str, ...] = (
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage",
)
MISSING_BROWSER = N_("PNG export needs Chromium: apt-get install chromium")
#: poppler's PDF to SVG converter; tests monkeypatch this to simulate a machine without it.
PDFTOCAIRO_PATH = "pdftocairo"
MISSING_PDFTOCAIRO = "SVG export needs poppler's pdftocairo: apt-get install poppler-utils"
FORMATS = ("png", "pdf", "svg")

DEFAULT_SIZE: tuple[int, int] = (1200, 800)
PRINT_SIZE: tuple[int, int] = (2400, 1600)
#: Widths above this are drawn at this CSS width with a higher device scale factor, so a
#: print-size PNG shows the same map as the screen size, only sharper.
LAYOUT_WIDTH = 1200
MIN_SIDE, MAX_SIDE = 320, 8000
#: A CSS pixel is 1/96 inch: a PNG at scale 1 is 96 dpi, at scale 2 192 dpi.
CSS_DPI = 96
#: Seconds to wait for map tiles before capturing anyway.
TILE_TIMEOUT_S = 10.0
#: After a capture that got no tile at all, later captures of the same browser wait this long.
OFFLINE_RETRY_S = 1.0
TILES_PREFIX = TILES_URL.split("{", 1)[0]
USER_AGENT = "blockade-map/0.1 snapshot export (headless Chromium)"


class BrowserMissingError(RuntimeError):
    """No Chromium to draw a PNG with; the message says what to install."""

    def __init__(self, message: str = MISSING_BROWSER):
        super().__init__(message)


class SnapshotError(RuntimeError):
    """The browser started but the snapshot could not be drawn."""


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
    ``labels`` are the place names written (``name``, ``role``, their box ``x``, ``y``, ``w``,
    ``h`` and their point ``at_x``/``at_y``, in the PNG's pixels), ``dropped`` the names left out
    for want of room. ``pdf`` holds the page as a PDF when one was asked for. ``title_box`` is
    the title's ``lines``, ``height`` and whether its text ``fits`` (never cut: it wraps).
    """

    png: bytes
    width: int
    height: int
    scale: float
    zoom: float
    markers: list[dict] = field(default_factory=list)
    tiles_loaded: int = 0
    map_box: tuple[float, float, float, float] = (0, 0, 0, 0)
    labels: list[dict] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    pdf: bytes | None = None
    title_box: dict = field(default_factory=dict)


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
        How the map is framed (see :func:`~geo.export.snapshot.overlay.snapshot_map`).
    basemap_credit : str, optional
        The basemap's credit line for the footer (see :func:`~geo.export.snapshot.overlay.snapshot_map`).

    Examples
    --------
    >>> with Snapshotter(tiles=False) as shot:                      # doctest: +SKIP
    ...     png = shot.render(dataset, View("2023-01-09")).png
    """

    def __init__(self, tiles: bool = True, tile_timeout_s: float = TILE_TIMEOUT_S,
                 executable: str | None = None, fit: str = DEFAULT_FIT, basemap_credit: str | None = None,
                 t: Translator = ENGLISH):
        if not isinstance(tile_timeout_s, (int, float)) or tile_timeout_s < 0:
            raise ValueError(f"tile_timeout_s must be a number >= 0, got {tile_timeout_s!r}")
        if fit not in FITS:
            raise ValueError(f"fit {fit!r} is not one of {', '.join(FITS)}")
        self.fit = fit
        self.basemap_credit = basemap_credit
        self.t = t
        self.tiles = bool(tiles)
        self.tile_timeout_s = float(tile_timeout_s)
        self.executable = executable or chromium_executable()
        self._worker: ThreadPoolExecutor | None = None
        self._pw: Playwright | None = None
        self._browser: Browser | None = None
        self._pages: dict[tuple[int, int, float], object] = {}
        self._offline = False  # set when a capture got no tile at all: later ones wait briefly

    def __enter__(self) -> Snapshotter:
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
        self._pw = pw = sync_playwright().start()
        try:
            self._browser = pw.chromium.launch(executable_path=self.executable, headless=True, args=list(CHROMIUM_ARGS))
        except PlaywrightError as exc:
            pw.stop()
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
            if self._browser is None:
                raise RuntimeError("Snapshotter is not started: use it in a `with` block")
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

    def capture(self, html: str, size: Sequence[int] = DEFAULT_SIZE, pdf: bool = False) -> SnapshotResult:
        """Load snapshot ``html`` (from :func:`snapshot_html`) and capture it as a PNG of ``size``
        (and, with ``pdf``, as a one-page PDF of the same layout)."""
        if not isinstance(html, str):
            raise TypeError(f"html must be a string, got {type(html).__name__}")
        check_size(size)
        return self._call(self._capture, html, size, pdf)

    def _capture(self, html: str, size: Sequence[int], pdf: bool = False) -> SnapshotResult:
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
            labels = page.evaluate("(n) => { var l = window.bmSnapshotLabels; if (!l) { return null; }"
                                   " l.finish(n); return l.result(); }", int(tiles["loaded"]))
            measured = page.evaluate("() => window.bmSnapshot.markers()")
            title_box = page.evaluate(_TITLE_BOX)
            png = page.screenshot(type="png", animations="disabled", caret="hide")
            document = None
            if pdf:
                page.emulate_media(media="screen")
                document = page.pdf(width=f"{css_w}px", height=f"{css_h}px", print_background=True,
                                    page_ranges="1", margin={"top": "0", "right": "0", "bottom": "0", "left": "0"})
        except PlaywrightError as exc:
            raise SnapshotError(f"the browser could not draw the snapshot: {_first_line(exc)}") from exc
        png, width, height = _fit(png, w, h)
        markers = [dict(m, x=m["x"] * scale, y=m["y"] * scale, at_x=m["at_x"] * scale, at_y=m["at_y"] * scale)
                   for m in measured["markers"]]
        return SnapshotResult(png=png, width=width, height=height, scale=scale, zoom=measured["zoom"],
                              markers=markers, tiles_loaded=int(tiles["loaded"]),
                              map_box=tuple(v * scale for v in measured["map_box"]),
                              labels=[dict(lb, x=lb["x"] * scale, y=lb["y"] * scale, w=lb["w"] * scale,
                                           h=lb["h"] * scale, at_x=lb["at_x"] * scale, at_y=lb["at_y"] * scale)
                                      for lb in (labels or {}).get("placed", [])],
                              dropped=list((labels or {}).get("dropped", [])), pdf=document,
                              title_box=title_box or {})

    def render(self, dataset: Dataset, view: View, size: Sequence[int] = DEFAULT_SIZE,
               pdf: bool = False) -> SnapshotResult:
        """Build the snapshot of ``view`` and capture it: a PNG with its resolution and text
        chunks (:func:`png_with_info`), and with ``pdf`` the same page as a PDF."""
        result = self.capture(snapshot_html(dataset, view, tiles=self.tiles, fit=self.fit,
                                            basemap_credit=self.basemap_credit, t=self.t), size, pdf)
        info = snapshot_info(dataset, view, tiles=result.tiles_loaded > 0, t=self.t)
        result.png = png_with_info(result.png, CSS_DPI * result.scale, info)
        return result


_TITLE_BOX = """() => {
    const el = document.querySelector('.bm-snap-title');
    if (!el) { return null; }
    const r = el.getBoundingClientRect(), lh = parseFloat(getComputedStyle(el).lineHeight);
    return {lines: Math.round(r.height / lh), height: r.height,
            fits: el.scrollWidth <= el.clientWidth + 1 && el.scrollHeight <= el.clientHeight + 1};
}"""


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


def snapshot_info(dataset: Dataset, view: View, tiles: bool, t: Translator = ENGLISH) -> dict[str, str]:
    """The text a snapshot file carries: ``Title``, ``Date`` (the day drawn), ``Description`` (the
    view), ``Credits`` (sources and what was drawn), ``Copyright`` (the data's licence), ``Software``."""
    records = select_records(dataset, view)
    licence = dataset.info.licence or ""
    basemap = drawn_basemap(dataset, t)
    return {"Title": f"{snapshot_title(dataset, t)}: {t.day(view.day)}", "Date": view.day,
            "Description": view.summary(t),
            "Credits": credits_text(records, tiles, licence, basemap["credit"] if basemap else None,
                                    t=t).replace("\n", " · "),
            "Copyright": licence or t.gettext("Data: see the sources of each event"),
            "Software": "Blockade Map (blockade-map snapshot)"}


def png_with_info(png: bytes, dpi: float, info: dict[str, str]) -> bytes:
    """``png`` with its resolution (``pHYs``, ``dpi`` dots per inch) and ``info`` as UTF-8 text
    chunks (``iTXt``), every pixel unchanged."""
    from PIL import Image, PngImagePlugin
    meta = PngImagePlugin.PngInfo()
    for key, value in info.items():
        meta.add_itxt(key, value, lang="", tkey="")
    with Image.open(io.BytesIO(png)) as img:
        buffer = io.BytesIO()
        img.save(buffer, format="PNG", pnginfo=meta, dpi=(dpi, dpi))
    return buffer.getvalue()


def pdf_to_svg(pdf: bytes, executable: str | None = None) -> bytes:
    """The first page of ``pdf`` as SVG, by poppler's ``pdftocairo`` (vector kept vector)."""
    tool = shutil.which(executable or PDFTOCAIRO_PATH)
    if tool is None:
        raise BrowserMissingError(MISSING_PDFTOCAIRO)
    with tempfile.TemporaryDirectory(prefix="blockade-map-svg-") as folder:
        source, target = Path(folder) / "snapshot.pdf", Path(folder) / "snapshot.svg"
        source.write_bytes(pdf)
        done = subprocess.run([tool, "-svg", "-f", "1", "-l", "1", str(source), str(target)],
                              capture_output=True, text=True, timeout=120, check=False)
        if done.returncode != 0 or not target.is_file():
            raise SnapshotError(f"pdftocairo could not convert the PDF: {done.stderr.strip() or done.returncode}")
        return target.read_bytes()


def output_format(path: str | os.PathLike) -> str:
    """``png``, ``pdf`` or ``svg`` from a file name's suffix; ValueError otherwise."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise ValueError(f"{path}: a snapshot is written as .png, .pdf or .svg, not {suffix or 'no suffix'}")
    return suffix


def render_file(shot: Snapshotter, dataset: Dataset, view: View, fmt: str,
                size: Sequence[int] = DEFAULT_SIZE) -> tuple[bytes, SnapshotResult]:
    """The bytes of ``view`` drawn as ``fmt`` (png, pdf or svg) by ``shot``, and the capture."""
    if fmt not in FORMATS:
        raise ValueError(f"format {fmt!r} is not one of {', '.join(FORMATS)}")
    if fmt == "svg":
        tool = shutil.which(PDFTOCAIRO_PATH)
        if tool is None:
            raise BrowserMissingError(MISSING_PDFTOCAIRO)
    result = shot.render(dataset, view, size, pdf=fmt != "png")
    if fmt == "png":
        return result.png, result
    if fmt == "pdf":
        return result.pdf or b"", result
    return pdf_to_svg(result.pdf or b""), result


def render_png(dataset: Dataset, view: View, size: Sequence[int] = DEFAULT_SIZE, tiles: bool = True,
               tile_timeout_s: float = TILE_TIMEOUT_S, fit: str = DEFAULT_FIT,
               t: Translator = ENGLISH) -> bytes:
    """The PNG of ``view`` (starts and closes a browser; use :class:`Snapshotter` for many)."""
    check_size(size)
    with Snapshotter(tiles=tiles, tile_timeout_s=tile_timeout_s, fit=fit, t=t) as shot:
        return shot.render(dataset, view, size).png


def write_png(dataset: Dataset, view: View, out: str | os.PathLike, size: Sequence[int] = DEFAULT_SIZE,
              tiles: bool = True, tile_timeout_s: float = TILE_TIMEOUT_S, fit: str = DEFAULT_FIT,
              t: Translator = ENGLISH) -> Path:
    """Write the PNG of ``view`` to ``out``."""
    out = Path(out)
    if not out.parent.is_dir():
        raise FileNotFoundError(f"folder {out.parent} does not exist")
    atomic_write(out, render_png(dataset, view, size, tiles, tile_timeout_s, fit, t))
    return out


