"""Day-over-day layers: a dark ring around each blockade new since the day before, a hollow grey
circle where one was lifted (the answer of :func:`geo.query.changes.day_over_day`)."""
from __future__ import annotations

import folium

from geo.core.dataset import Dataset
from geo.core.dates import shift_day
from geo.core.escape import escape_html
from geo.core.i18n import ENGLISH, Translator
from geo.core.view import View
from geo.query.changes import GROUPS, day_over_day
from geo.render.layers import feature_group, ring_layer
from geo.render.stacks import drawing_order, offsets_by_id
from geo.render.style import CHANGE_STYLES, marker_radius

__all__ = ["change_layers", "change_rows", "legend_rows"]


def change_rows(dataset: Dataset, view: View, spread: bool = False,
                t: Translator = ENGLISH) -> dict[str, list[list]]:
    """The rows of the ring layers: ``{"lifted": [...], "new": [...]}``, each row
    ``[lat, lon, radius_px, tooltip]`` (tooltips escaped, in ``t``). With ``spread``, a new
    blockade that shares its point with other events of the view gets ``dx, dy``: its circle's
    offset from the point (:mod:`geo.render.stacks`), for maps that spread such events.

    Both are empty in cumulative mode (there is no "day before") or when the view's kinds
    leave out blockades; the view's region filter applies.
    """
    if not isinstance(view, View):
        raise TypeError(f"view must be a View, got {type(view).__name__}")
    show = view.mode == "day" and (not view.kinds or "blockade" in view.kinds)
    changes = day_over_day(dataset, view.day, regions=view.regions, t=t) if show else {g: [] for g in GROUPS}
    before = shift_day(view.day, -1)
    lifted = [[round(e["lat"], 5), round(e["lon"], 5), 7,
               escape_html(t.gettext("Lifted: {place} ({region}), blocked until {day}").format(
                   place=e["place"], region=e["region"], day=before))]
              for e in changes["lifted"]]
    # A new blockade spread away from a point it shares with other events has its ring follow it.
    offsets = offsets_by_id(dataset, drawing_order(dataset, dataset.index.select(view))) \
        if spread and changes["new"] else {}
    new = [[round(e["lat"], 5), round(e["lon"], 5), marker_radius(e["fatalities"]) + 4, "",
            *offsets.get(e["id"], ())] for e in changes["new"]]
    return {"lifted": lifted, "new": new}


def change_layers(dataset: Dataset, view: View, t: Translator = ENGLISH) -> list[folium.FeatureGroup]:
    """Feature groups marking new and lifted blockades (:func:`change_rows`), to add under the
    day's markers, named in ``t`` for the layer control.

    Returns
    -------
    list of folium.FeatureGroup
        ``[lifted, new]`` (both possibly empty), named for the layer control.
    """
    rows = change_rows(dataset, view, spread=True, t=t)
    return [feature_group(t.gettext("Lifted since the day before"),
                          ring_layer(rows["lifted"], CHANGE_STYLES["lifted"])),
            feature_group(t.gettext("New since the day before"), ring_layer(rows["new"], CHANGE_STYLES["new"]))]


def legend_rows(t: Translator = ENGLISH) -> str:
    """Legend entries of the change layers (HTML)."""
    new, lifted = CHANGE_STYLES["new"], CHANGE_STYLES["lifted"]
    new_words = escape_html(t.gettext("Blockade new since the day before"))
    lifted_words = escape_html(t.gettext("Blockade lifted since the day before"))
    return (f'<div class="bm-legend-change"><i style="background:transparent;border:3px solid '
            f'{new["color"]}"></i>{new_words}</div>'
            f'<div class="bm-legend-change"><i style="background:#fff;border:2px dashed '
            f'{lifted["color"]}"></i>{lifted_words}</div>')
