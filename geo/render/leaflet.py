"""The one place that leans on folium's and branca's internals, and why.

Every Blockade Map layer is a branca ``MacroElement`` whose ``script`` macro is one call into
``blockade-map.js`` (:data:`geo.render.assets.MAP_JS`) with the layer's data as JSON. Two
things here have no public API, and both are folium's own plugin idiom:

* ``_template`` holding the ``script`` macro: streamlit-folium builds the page of
  ``st_folium(..., feature_group_to_add=...)`` by calling each element's
  ``_template.module.script``, so a layer must carry one;
* ``this._parent.get_name()`` inside that macro: the variable of the group or map the layer
  was added to, as every folium plugin writes it;
* ``Element._generate_id``: branca draws every element's id from ``os.urandom``, which lets go
  of the GIL; in a server's script thread each call then waits for the GIL again (about 0.7 ms
  measured, some 70 elements per rerun of the map page). :func:`fast_element_ids` draws them
  from a generator seeded once instead: the ids only need to be unique within a page.

branca's own ``MacroElement.render`` wraps each rendered macro in ``Element(text)``, which
compiles the text again as a Jinja template: slow for a large data array, and wrong when the
data holds ``{{`` or ``{%``. :meth:`JsCall.render` therefore adds the rendered text to the
figure through :class:`RawText`, a public ``Element`` subclass that returns its text as it is,
and :func:`raw_macro_render` makes folium's own elements (map, tiles, groups) do the same: the
map page drew some 20 of them per rerun, each text compiled for nothing (about a millisecond each).

Another: folium's map template writes ``<meta name="viewport" ... maximum-scale=1.0,
user-scalable=no>`` into the page's head, which stops readers from zooming the page (WCAG 1.4.4,
axe's ``meta-viewport``). :class:`ZoomableMap` rewrites that one header entry, which branca keeps
under the map's name, after folium renders it.
"""
from __future__ import annotations

import random
import re
import threading
from typing import Any

import folium
from branca.element import Element, Figure, MacroElement
from jinja2 import Template

from geo.core.escape import json_for_script

_ids = random.Random()
_ids_lock = threading.Lock()


def _element_id(cls=None) -> str:
    with _ids_lock:
        return f"{_ids.getrandbits(128):032x}"


def fast_element_ids() -> None:
    """Give branca elements ids without a system call each (see the module's notes)."""
    Element._generate_id = classmethod(_element_id)  # type: ignore[method-assign, assignment]  # deliberate patch (notes)


fast_element_ids()


def _render_macro(self: MacroElement, **kwargs: Any) -> None:
    """``MacroElement.render`` as branca writes it, with the rendered text added as it is."""
    figure = self.get_root()
    if not isinstance(figure, Figure):
        raise TypeError("You cannot render this Element if it is not in a Figure.")
    macros = self._template.module.__dict__
    for part in ("header", "html", "script"):
        macro = macros.get(part)
        if macro is not None:
            getattr(figure, part).add_child(RawText(macro(self, kwargs)), name=self.get_name())
    for element in list(self._children.values()):
        element.render(**kwargs)


def raw_macro_render() -> None:
    """Make every folium element add its rendered text without compiling it again (see above)."""
    MacroElement.render = _render_macro  # type: ignore[method-assign]  # a deliberate patch (see the module's notes)


raw_macro_render()


class RawText(Element):
    """Text already rendered: added to the figure as it is, never compiled as a template."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def render(self, **kwargs: Any) -> str:
        return self.text


class JsCall(MacroElement):
    """A layer drawn by one call of a ``BlockadeMap`` function with JSON arguments.

    Parameters
    ----------
    function : str
        The function of ``window.BlockadeMap`` (see ``geo/render/js/blockade-map.js``).
    *args
        Arguments after the parent group or map, serialised with
        :func:`geo.core.escape.json_for_script` (a ``str`` subclass :class:`Json` is passed as is).
    """

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "BlockadeMap.{{ this.function }}({{ this._parent.get_name() }}{% for a in this.arguments %}, {{ a }}{% endfor %});"
        "{% endmacro %}")

    def __init__(self, function: str, *args: Any, name: str | None = None):
        super().__init__()
        self._name = name or function
        self.function = function
        self.arguments = [a if isinstance(a, Json) else json_for_script(a) for a in args]

    def render(self, **kwargs: Any) -> None:  # type: ignore[override]  # branca: Element.render -> str, MacroElement's None
        figure = self.get_root()
        if not isinstance(figure, Figure):
            raise TypeError("You cannot render this Element if it is not in a Figure.")
        figure.script.add_child(RawText(self._template.module.script(self, kwargs)), name=self.get_name())

    def call(self, parent: str) -> str:
        """The call as script text, on the group or map whose variable is ``parent`` (what the
        ``script`` macro writes for a layer added to it)."""
        return f"BlockadeMap.{self.function}({parent}{''.join(', ' + a for a in self.arguments)});"


def group_script(group: folium.FeatureGroup, name: str, map_name: str) -> str:
    """The script that makes ``group`` (a FeatureGroup of :class:`JsCall` layers, as
    :func:`geo.render.layers.feature_group` makes) as the variable ``name`` and adds it to the
    map ``map_name``: the calls' JSON joined as it is, with no template rendered and no text
    scanned, however many events the layers hold. TypeError for any other kind of child."""
    calls: list[JsCall] = []
    for child in group._children.values():
        if not isinstance(child, JsCall):
            raise TypeError(f"group {group.layer_name!r} holds a {type(child).__name__}, not a JsCall layer")
        calls.append(child)
    lines = [f"var {name} = L.featureGroup({{}});"]
    lines += [child.call(name) for child in calls]
    lines.append(f"{name}.addTo({map_name});")
    return "\n".join(lines)


class Json(str):
    """JSON text already serialised for a script (e.g. kept per event by the index)."""




class ZoomableMap(folium.Map):
    """A ``folium.Map`` whose page lets readers zoom (no ``user-scalable=no`` in its viewport)."""

    def render(self, **kwargs: Any) -> None:  # type: ignore[override]  # branca: Element.render -> str, folium.Map's None
        super().render(**kwargs)
        figure = self.get_root()
        if not isinstance(figure, Figure):
            raise TypeError("You cannot render this Element if it is not in a Figure.")
        header = figure.header
        entry = header._children.get(self.get_name())
        if entry is not None:
            text = re.sub(r"initial-scale=1\.0,\s*maximum-scale=1\.0,\s*user-scalable=no", "initial-scale=1.0",
                          entry.render())
            header._children[self.get_name()] = RawText(text)
