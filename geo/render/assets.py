"""Leaflet, its plugins and Blockade Map's own script and styles, served locally so the map
draws with no internet.

Leaflet comes from the XStatic packages on PyPI (Leaflet 1.9.3, Leaflet.markercluster
1.4.1); ``blockade-map.js`` and ``blockade-map.css`` from ``geo/render/js``. The dashboard
serves copies from ``static/vendor/`` (Streamlit's static serving); exported HTML inlines
them, images included as data URIs.
"""
from __future__ import annotations

import base64
import filecmp
import hashlib
import re
import shutil
from functools import cache
from pathlib import Path

import xstatic.pkg.leaflet as xs_leaflet
import xstatic.pkg.leaflet_markercluster as xs_cluster

#: URL path under which Streamlit serves ``static/`` (``server.enableStaticServing``).
STATIC_URL = "app/static/vendor"

_OWN = Path(__file__).resolve().parent / "js"
_LEAFLET = Path(xs_leaflet.BASE_DIR)
_CLUSTER = Path(xs_cluster.BASE_DIR)

#: local name -> file inside an installed XStatic package
VENDOR_FILES: dict[str, Path] = {
    "leaflet.js": _LEAFLET / "leaflet.js",
    "leaflet.css": _LEAFLET / "leaflet.css",
    "images/layers.png": _LEAFLET / "images" / "layers.png",
    "images/layers-2x.png": _LEAFLET / "images" / "layers-2x.png",
    "images/marker-icon.png": _LEAFLET / "images" / "marker-icon.png",
    "images/marker-icon-2x.png": _LEAFLET / "images" / "marker-icon-2x.png",
    "images/marker-shadow.png": _LEAFLET / "images" / "marker-shadow.png",
    "leaflet.markercluster.js": _CLUSTER / "leaflet.markercluster.js",
    "MarkerCluster.css": _CLUSTER / "MarkerCluster.css",
    "MarkerCluster.Default.css": _CLUSTER / "MarkerCluster.Default.css",
    "blockade-map.js": _OWN / "blockade-map.js",
    "blockade-map.css": _OWN / "blockade-map.css",
    "basemap.js": _OWN / "basemap.js",
}

#: What every map loads, in order.
MAP_JS = ["leaflet.js", "blockade-map.js", "basemap.js"]
MAP_CSS = ["leaflet.css", "blockade-map.css"]
CLUSTER_JS = ["leaflet.markercluster.js"]
CLUSTER_CSS = ["MarkerCluster.css", "MarkerCluster.Default.css"]

#: Placeholder scheme used in rendered HTML before it is pointed at real assets.
PLACEHOLDER = "blockade-map-asset://"


def ensure_static(static_dir: str | Path) -> Path:
    """Copy the vendor files into ``static_dir/vendor`` (only those missing or changed)."""
    target = Path(static_dir) / "vendor"
    for name, source in VENDOR_FILES.items():
        dest = target / name
        if dest.exists() and filecmp.cmp(source, dest, shallow=False):
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, dest)
    return target


def url_for(name: str, mode: str) -> str:
    """Where a map loads asset ``name`` from: ``static`` (the dashboard) or ``placeholder``."""
    if name not in VENDOR_FILES:
        raise KeyError(f"unknown asset {name!r}")
    if mode == "static":  # the file's digest in the query: a browser never runs a cached older copy
        return f"/{STATIC_URL}/{name}?v={_digest(name)}"
    if mode == "placeholder":
        return PLACEHOLDER + name
    raise ValueError(f"asset mode {mode!r} is not 'static' or 'placeholder'")


@cache
def _digest(name: str) -> str:
    """The first 12 hex digits of the SHA-256 of asset ``name`` (read once per process)."""
    return hashlib.sha256(VENDOR_FILES[name].read_bytes()).hexdigest()[:12]


@cache
def _text(name: str) -> str:
    return VENDOR_FILES[name].read_text(encoding="utf-8")


@cache
def _data_uri(name: str) -> str:
    return "data:image/png;base64," + base64.b64encode(VENDOR_FILES[name].read_bytes()).decode("ascii")


def inline_css(name: str) -> str:
    """The stylesheet ``name`` with its images embedded as data URIs."""
    css = _text(name)
    return re.sub(r"url\((['\"]?)(images/[\w.-]+\.png)\1\)",
                  lambda m: f"url({_data_uri(m.group(2))})" if m.group(2) in VENDOR_FILES else m.group(0),
                  css)


def inline_assets(html: str) -> str:
    """Replace every placeholder ``<script src>``/``<link href>`` in ``html`` by the file's text.

    Raises ValueError if a placeholder is left over, so an export never silently
    depends on the network.
    """
    def script(m: re.Match) -> str:
        return "<script>" + _text(m.group(1)).replace("</script", "<\\/script") + "</script>"

    def style(m: re.Match) -> str:
        return "<style>" + inline_css(m.group(1)) + "</style>"

    ph = re.escape(PLACEHOLDER)
    html = re.sub(rf'<script[^>]*src="{ph}([^"]+)"[^>]*>\s*</script>', script, html)
    html = re.sub(rf'<link[^>]*href="{ph}([^"]+)"[^>]*/?>', style, html)
    if PLACEHOLDER in html:
        raise ValueError("an asset placeholder was not inlined")
    return html
