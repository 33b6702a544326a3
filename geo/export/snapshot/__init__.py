"""Snapshots of a map view: self-contained HTML, and PNG, PDF or SVG drawn by headless Chromium.

The package is split along its jobs:

- :mod:`.overlay`: the page (header, footer, credits, place labels; a Jinja2 template);
- :mod:`.labels`: which places a snapshot names on its day;
- :mod:`.browser`: the Chromium driver, PNG resolution and text chunks, PDF and SVG;
- :mod:`.gif`: a PNG per day and an animated GIF of a period.

Everything public is re-exported here (``from geo.export import snapshot; snapshot.write_html(...)``).
"""
from geo.export.snapshot.browser import (
                                         CHROMIUM_ARGS,
                                         CHROMIUM_ENV,
                                         CSS_DPI,
                                         DEFAULT_SIZE,
                                         FORMATS,
                                         LAYOUT_WIDTH,
                                         MAX_SIDE,
                                         MIN_SIDE,
                                         MISSING_BROWSER,
                                         MISSING_PDFTOCAIRO,
                                         OFFLINE_RETRY_S,
                                         PRINT_SIZE,
                                         TILE_TIMEOUT_S,
                                         BrowserMissingError,
                                         SnapshotError,
                                         SnapshotResult,
                                         Snapshotter,
                                         browser_available,
                                         check_size,
                                         chromium_executable,
                                         layout,
                                         output_format,
                                         parse_size,
                                         pdf_to_svg,
                                         png_with_info,
                                         render_file,
                                         render_png,
                                         snapshot_info,
                                         write_png,
)
from geo.export.snapshot.gif import batch_pngs, gif_palette, make_gif, short_date
from geo.export.snapshot.labels import PlaceLabel, day_labels, water_labels
from geo.export.snapshot.overlay import (
                                         DEFAULT_FIT,
                                         NO_TILES,
                                         PLACES_CREDIT,
                                         TILE_CREDIT,
                                         SnapshotOverlay,
                                         credit_parts,
                                         credits_text,
                                         drawn_basemap,
                                         licence_credit,
                                         long_date,
                                         snapshot_html,
                                         snapshot_map,
                                         snapshot_title,
                                         sources_text,
                                         totals_of,
                                         write_html,
)
from geo.query.framing import FITS

__all__ = [
    "CHROMIUM_ARGS", "CHROMIUM_ENV", "CSS_DPI", "DEFAULT_FIT", "DEFAULT_SIZE", "FITS", "FORMATS", "LAYOUT_WIDTH",
    "MAX_SIDE", "MIN_SIDE", "MISSING_BROWSER", "MISSING_PDFTOCAIRO", "NO_TILES", "OFFLINE_RETRY_S",
    "PLACES_CREDIT", "PRINT_SIZE", "TILE_CREDIT", "TILE_TIMEOUT_S", "BrowserMissingError", "PlaceLabel",
    "SnapshotError", "SnapshotOverlay", "SnapshotResult", "Snapshotter", "batch_pngs", "browser_available",
    "check_size", "chromium_executable", "credit_parts", "credits_text", "day_labels", "drawn_basemap",
    "gif_palette", "layout", "licence_credit", "long_date", "make_gif", "output_format", "parse_size",
    "pdf_to_svg", "png_with_info", "render_file", "render_png", "short_date", "snapshot_html", "snapshot_map",
    "snapshot_info", "snapshot_title", "sources_text", "totals_of", "water_labels", "write_html", "write_png",
]
