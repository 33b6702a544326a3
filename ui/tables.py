"""Tables the pages share."""
from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd
import streamlit as st

from geo.core.dataset import Dataset
from geo.core.i18n import N_, Translator
from geo.core.index import TABLE_LIMIT
from geo.core.view import View
from geo.core.words import kind_name, status_name
from geo.render.descriptions import description_text, place_for
from ui import i18n, viewcache
from ui.i18n import _

#: The table's columns, translated once per table (not once per row).
COLUMNS = (N_("Place"), N_("Region"), N_("Kind"), N_("Dates"), N_("Dead"), N_("Injured"), N_("Detained"),
           N_("Status"), N_("What happened"), N_("Reported by"), N_("Source"))


#: Up to this many events a day's table is drawn under the map; past it, only once the reader
#: turns on a switch (500 rows cost each day step some 30 ms in the browser and 10 on the server,
#: for a list few readers scan whole; the popups and the CSV export hold the same). The switch's
#: words are the same every day: Streamlit's page keeps an element unchanged since the last run,
#: while it makes every box (an expander) again at each run.
TABLE_OPEN_UP_TO = 100
#: Session key of that switch (on or off, it stays so from day to day).
TABLE_KEY = "events-table"

#: Each column's width: given, the browser need not measure every cell's text to size the columns
#: (with 500 rows, most of the table's drawing time).
WIDTHS: tuple[Literal["small", "medium", "large"], ...] = (
    "medium", "small", "small", "medium", "small", "small", "small", "small", "large", "medium", "small")


def events_table(ds: Dataset, view: View, positions: np.ndarray) -> None:
    """The first :data:`~geo.core.index.TABLE_LIMIT` events at ``positions`` (the events of ``view``):
    one row each, place, kind, dates, counts, description and its first source link.

    Days are written in the reader's format (:func:`ui.i18n.table_days`); downloads keep ISO.
    Words are in the reader's language; the description is the one in their language, or
    another marked with its language (:mod:`geo.render.descriptions`). The rows are the same for
    every reader of the view and made once (:mod:`ui.viewcache`).
    """
    t = i18n.translator()
    show_table(viewcache.kept("table", ds, view, t.lang,
                              lambda: table_frame(ds.index.records(positions[:TABLE_LIMIT]), t)))


def show_table(frame: pd.DataFrame) -> None:
    """Draw a :func:`table_frame` with its columns' widths and the source as a link."""
    columns = list(frame.columns)
    what, source = columns[8], columns[10]
    widths = dict(zip(columns, WIDTHS, strict=True))
    config = {name: st.column_config.Column(width=widths[name]) for name in columns}
    config[source] = st.column_config.LinkColumn(source, display_text=_("open"), width=widths[source])
    config[what] = st.column_config.TextColumn(width=widths[what])
    st.dataframe(frame, hide_index=True, column_config=config)


def table_frame(events: list[dict], t: Translator) -> pd.DataFrame:
    """The table's rows for ``events`` with its columns named in ``t``'s language."""
    rows = [(
        place_for(e, t), e["region"], kind_name(e["kind"], t),
        i18n.table_days(e["start"], e["end"], t),
        e["fatalities"], e["injured"], e["detained"], status_name(e["status"], t), description_text(e, t),
        "; ".join(f"{s['name']} ({i18n.table_day(s['published'], t)})" for s in e["sources"]), e["sources"][0].get("url"),
    ) for e in events]
    return pd.DataFrame(rows, columns=[t.gettext(c) for c in COLUMNS])
