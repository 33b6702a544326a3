"""Streamlit glue of the timeline page: charts of the series in geo.query.stats, marked on the chosen day."""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from geo.core.model import KINDS
from geo.core.words import kind_name
from geo.render.style import KIND_COLORS
from ui import i18n
from ui.i18n import _


def day_label_expr(field: str) -> str:
    """A Vega expression writing the ``YYYY-MM-DD`` string ``field`` as the day slider writes days
    in the session's language: as it is in English, ``09/01/2023`` in Spanish (string slicing, so
    no time zone can move a day)."""
    if i18n.slider_format() != i18n.SLIDER_DEFAULT:
        return field
    return (f"substring({field}, 8, 10) + '/' + substring({field}, 5, 7) + '/' + "
            f"substring({field}, 0, 4)")


def _with_day(chart: alt.Chart) -> alt.Chart:
    """``chart`` with a ``day`` field: its date as the reader writes it (tooltips show it)."""
    return chart.transform_calculate(day=day_label_expr("datum.date"))


def _tooltip() -> list:
    return [alt.Tooltip("day:N", title=_("Day")), alt.Tooltip("series:N", title=_("Series")),
            alt.Tooltip("value:Q", title=_("Value")), alt.Tooltip("source_url:N", title=_("Source"))]


def _rule(day: str) -> alt.Chart:
    return alt.Chart(pd.DataFrame({"date": [day]})).mark_rule(color="#555", strokeDash=[4, 3]).encode(
        x="date:O")


def _sized(chart: alt.LayerChart, height: int) -> alt.LayerChart:
    """``height`` pixels of plot, axis labels and legend added below (only the width fits the page)."""
    return chart.properties(height=height, autosize=alt.AutoSizeParams(type="fit-x", contains="padding"))


def _x(days: list[str] | None = None) -> alt.X:
    """The days axis; given ``days``, every one of them is on it, with data or not."""
    scale = alt.Scale(domain=list(days)) if days is not None else alt.Undefined
    return alt.X("date:O", title=None, scale=scale,
                 axis=alt.Axis(labelAngle=-60, labelOverlap=True, labelExpr=day_label_expr("datum.value")))


def series_chart(frame: pd.DataFrame, day: str, bars: tuple[str, ...] = (), y_title: str = "") -> None:
    """Lines with points, one per series (each names its reporter); ``bars`` series as bars."""
    color = alt.Color("series:N", title=None, legend=alt.Legend(orient="bottom", columns=2, labelLimit=360))
    lines = _with_day(alt.Chart(frame[~frame["series"].isin(bars)])).mark_line(point=True).encode(
        x=_x(), y=alt.Y("value:Q", title=y_title), color=color, tooltip=_tooltip())
    layers = [lines, _rule(day)]
    if bars:
        layers.insert(0, _with_day(alt.Chart(frame[frame["series"].isin(bars)])).mark_bar(opacity=0.6).encode(
            x=_x(), y="value:Q", color=color, tooltip=_tooltip()))
    st.altair_chart(_sized(alt.LayerChart(layer=layers), 300), width="stretch")


def kinds_chart(by_kind: pd.DataFrame, day: str) -> None:
    """Stacked bars: events active each day, by kind, in the map's kind colours.

    Every day of ``by_kind`` is on the axis, so a day with no event shows as a gap (zero bars
    are left out of the marks only, so that their tooltips do not hide the others).
    """
    t = i18n.translator()
    days = [str(d) for d in by_kind.index]
    long = by_kind.reset_index().melt(id_vars="date", var_name="kind", value_name="events")
    long = long[long["events"] > 0]
    kinds = [k for k in KINDS if k in set(long["kind"])] or list(KINDS)
    long["kind"] = long["kind"].map(lambda k: kind_name(k, t))  # the legend names kinds in the reader's words
    names = [kind_name(k, t) for k in kinds]
    bars = _with_day(alt.Chart(long)).mark_bar().encode(
        x=_x(days), y=alt.Y("events:Q", title=_("events active"), stack="zero"),
        color=alt.Color("kind:N", title=_("kind"), scale=alt.Scale(domain=names, range=[KIND_COLORS[k] for k in kinds]),
                        legend=alt.Legend(orient="bottom")),
        order=alt.Order("kind:N"),
        tooltip=[alt.Tooltip("day:N", title=_("Day")), alt.Tooltip("kind:N", title=_("kind")),
                                            alt.Tooltip("events:Q", title=_("events"))])
    st.altair_chart(_sized(alt.LayerChart(layer=[bars, _rule(day)]), 260), width="stretch")


def reported_on_day(frame: pd.DataFrame, day: str) -> str:
    """One line naming each figure reported on ``day`` with its reporter, or a sentence saying none."""
    rows = frame[(frame["date"] == day) & (frame["source_url"] != "")]
    if rows.empty:
        return _("no national figure reported that day")
    return "; ".join(f"{i18n.number(int(r.value))} ({r.reporter})" for r in rows.itertuples(index=False))


def region_table(by_region: pd.DataFrame) -> pd.DataFrame:
    """The events-by-region table with its headers in the reader's words (regions are names)."""
    t = i18n.translator()
    headers = {"region": _("region"), "events": _("events"), "fatalities": _("fatalities")}
    headers.update({k: kind_name(k, t) for k in KINDS})
    return by_region.reset_index().rename(columns=headers)
