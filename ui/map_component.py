"""The dashboard's map: streamlit-folium's component, given its arguments without ``st_folium``'s
work on every rerun.

``st_folium`` renders the whole base map again on every rerun and runs its regular expressions
(renaming folium's variables, ``dedent``) over the text of every layer it is given: some 70 ms
per day step at 10,000 events, most of it on the day's half megabyte of markers. Here the base
map's part of the arguments (its script, page parts, scripts and styles, the component's key),
which depends only on the dataset and the language, is made once with streamlit-folium's own
helpers and kept (:func:`base_args`); the view's layers are joined as text
(:func:`geo.render.leaflet.group_script`). The arguments are exactly those ``st_folium`` of
streamlit-folium 0.27 (pinned) sends, under the same names, so its frontend draws and updates
the map as before: a new ``feature_group`` text replaces the layers, the same key keeps the map.
"""
from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import folium
import streamlit as st
import streamlit_folium as sf

from geo.core.dataset import Dataset
from geo.render.leaflet import group_script

#: The map's variable in the component's page (st_folium renames the folium map's to it).
MAP_NAME = "map_div"


@dataclass(frozen=True)
class BaseArgs:
    """The base map's share of the component's arguments, as ``st_folium`` computes them."""

    script: str
    html: str
    header: str
    map_id: str
    css_links: tuple[str, ...]
    js_links: tuple[str, ...]
    bounds: dict

    def key(self, key: str) -> str:
        """The component's key for the map kept under ``key`` (``st_folium``'s hash of the script)."""
        return sf.generate_js_hash(self.script, key, False)


def _links(m: folium.Map) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The stylesheets and scripts every element of ``m`` asks for, each once, in order."""
    css: list[str] = []
    js: list[str] = []
    todo = [m]
    while todo:
        element = todo.pop(0)
        css += [href for _, href in getattr(element, "default_css", [])]
        js += [src for _, src in getattr(element, "default_js", [])]
        todo[:0] = list(getattr(element, "_children", {}).values())
    return tuple(dict.fromkeys(css)), tuple(dict.fromkeys(js))


def prepare_base(m: folium.Map) -> BaseArgs:
    """``st_folium``'s arguments for the map ``m`` alone (it is rendered, and changed, doing so)."""
    m.get_root().render()
    m.render()
    html, header = sf._get_html(m), sf._get_header(m)
    script = sf._get_map_string(m)  # renames the map's variable: its id is read after
    map_id = sf.get_full_id(m)
    css, js = _links(m)
    try:
        (south, west), (north, east) = m.get_bounds()
    except AttributeError:  # as st_folium: a map without located elements
        south = west = north = east = None
    bounds = {"_southWest": {"lat": south, "lng": west}, "_northEast": {"lat": north, "lng": east}}
    return BaseArgs(script=script, html=html, header=header, map_id=map_id, css_links=css, js_links=js,
                    bounds=bounds)


_kept: dict[tuple[int, str], tuple[weakref.ref, BaseArgs]] = {}
_kept_lock = threading.Lock()


def base_args(ds: Dataset, lang: str, make: Callable[[], folium.Map]) -> BaseArgs:
    """The base map's arguments for ``ds`` in ``lang``: made from ``make()`` the first time, then
    kept as long as the dataset lives (a new load makes them again)."""
    with _kept_lock:
        for gone in [k for k, (ref, _) in _kept.items() if ref() is None]:
            del _kept[gone]
        found = _kept.get((id(ds), lang))
        if found is not None and found[0]() is ds:
            return found[1]
    made = prepare_base(make())
    with _kept_lock:
        _kept[(id(ds), lang)] = (weakref.ref(ds), made)
    return made


def layers_script(groups: Sequence[folium.FeatureGroup], first: int = 0) -> str:
    """The ``feature_group`` argument: each group made, added to the map and listed in
    ``window.feature_group`` (which the frontend empties before the next view's layers); the
    groups' variables are numbered from ``first`` (texts joined in one argument need distinct ones)."""
    parts = []
    for i, group in enumerate(groups, start=first):
        name = f"feature_group_feature_group_{i}"
        parts.append(group_script(group, name, MAP_NAME))
        parts.append(f"window.feature_group = window.feature_group || [];\nwindow.feature_group.push({name});")
    return "\n".join(parts)


def map_component(base: BaseArgs, layers: str, key: str, height: int,
                  returned_objects: Iterable[str] = ()) -> dict | None:
    """Draw the map (``base``) with ``layers`` (:func:`layers_script` text) as its swappable layers; the
    map's state (only the ``returned_objects``, e.g. ``bounds``) goes to ``st.session_state[key]`` as
    ``st_folium``'s does."""
    returned = list(returned_objects)
    hash_key = base.key(key)

    def on_change() -> None:
        st.session_state[key] = st.session_state.get(hash_key, {})

    defaults = {"bounds": base.bounds} if "bounds" in returned else {}
    return sf._component_func(
        script=base.script, header=base.header, html=base.html, id=base.map_id, key=hash_key, height=height,
        width=None, returned_objects=returned, default=defaults, zoom=None, center=None,
        feature_group=layers, return_on_hover=False, layer_control=None, pixelated=False,
        css_links=list(base.css_links), js_links=list(base.js_links), on_change=on_change, wrap_longitude=False)
