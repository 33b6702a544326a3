"""Tables the pages share."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from geo.core.words import kind_name, status_name
from geo.render.descriptions import description_text
from ui import i18n
from ui.i18n import _


def events_table(events: list[dict]) -> None:
    """One row per event: place, kind, dates, counts, description and its first source link.

    Words are in the reader's language; the description is the one in their language, or
    another marked with its language (:mod:`geo.render.descriptions`).
    """
    t = i18n.translator()
    what, source = _("What happened"), _("Source")
    rows = [{
        _("Place"): e["place"], _("Region"): e["region"], _("Kind"): kind_name(e["kind"], t),
        _("Dates"): e["start"] if e["start"] == e["end"] else f"{e['start']} – {e['end']}",
        _("Dead"): e["fatalities"], _("Injured"): e["injured"], _("Detained"): e["detained"],
        _("Status"): status_name(e["status"], t), what: description_text(e, t),
        _("Reported by"): "; ".join(f"{s['name']} ({s['published']})" for s in e["sources"]),
        source: e["sources"][0]["url"],
    } for e in events]
    st.dataframe(pd.DataFrame(rows), hide_index=True, column_config={
        source: st.column_config.LinkColumn(source, display_text=_("open")),
        what: st.column_config.TextColumn(width="large"),
    })
