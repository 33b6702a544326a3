"""Tables the pages share."""
from __future__ import annotations

from typing import Literal

import pandas as pd
import streamlit as st

from geo.core.i18n import N_
from geo.core.words import kind_name, status_name
from geo.render.descriptions import description_text, place_for
from ui import i18n
from ui.i18n import _

#: The table's columns, translated once per table (not once per row).
COLUMNS = (N_("Place"), N_("Region"), N_("Kind"), N_("Dates"), N_("Dead"), N_("Injured"), N_("Detained"),
           N_("Status"), N_("What happened"), N_("Reported by"), N_("Source"))


#: Each column's width: given, the browser need not measure every cell's text to size the columns
#: (with 500 rows, most of the table's drawing time).
WIDTHS: tuple[Literal["small", "medium", "large"], ...] = (
    "medium", "small", "small", "medium", "small", "small", "small", "small", "large", "medium", "small")


def events_table(events: list[dict]) -> None:
    """One row per event: place, kind, dates, counts, description and its first source link.

    Days are written in the reader's format (:func:`ui.i18n.table_days`); downloads keep ISO.

    Words are in the reader's language; the description is the one in their language, or
    another marked with its language (:mod:`geo.render.descriptions`).
    """
    t = i18n.translator()
    columns = [t.gettext(c) for c in COLUMNS]
    what, source = columns[8], columns[10]
    rows = [(
        place_for(e, t), e["region"], kind_name(e["kind"], t),
        i18n.table_days(e["start"], e["end"], t),
        e["fatalities"], e["injured"], e["detained"], status_name(e["status"], t), description_text(e, t),
        "; ".join(f"{s['name']} ({i18n.table_day(s['published'], t)})" for s in e["sources"]), e["sources"][0].get("url"),
    ) for e in events]
    widths = dict(zip(columns, WIDTHS, strict=True))
    config = {name: st.column_config.Column(width=widths[name]) for name in columns}
    config[source] = st.column_config.LinkColumn(source, display_text=_("open"), width=widths[source])
    config[what] = st.column_config.TextColumn(width=widths[what])
    st.dataframe(pd.DataFrame(rows, columns=columns), hide_index=True, column_config=config)
