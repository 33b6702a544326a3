"""Day over day beside the map: the blockades new since the day before, continuing, lifted."""
from __future__ import annotations

import streamlit as st

from geo.core.dataset import Dataset
from geo.core.dates import shift_day
from geo.core.escape import escape_html, escape_markdown
from geo.core.i18n import N_
from geo.core.view import View
from geo.query.changes import change_summary, change_summary_by_region, day_over_day
from ui import i18n
from ui.i18n import _

LABELS = {"new": N_("New"), "continuing": N_("Continuing"), "lifted": N_("Lifted")}
#: Past this many blockades in the three lists, each list is grouped by region.
BY_REGION_OVER = 30


def changes_list(ds: Dataset, view: View) -> None:
    """Draw the day's new / continuing / lifted blockades as three short lists of places."""
    before = shift_day(view.day, -1)
    st.markdown(_("**Blockades since {day}**").format(day=i18n.day(before)))
    if view.kinds and "blockade" not in view.kinds:
        st.caption(_("Blockades are filtered out of this view."))
        return
    changes = day_over_day(ds, view.day, regions=view.regions, t=i18n.translator())
    if not any(changes.values()):
        st.caption(_("No blockade mapped on either day."))
        return
    if sum(len(v) for v in changes.values()) <= BY_REGION_OVER:
        places = change_summary(changes, i18n.translator())
        lines = [f"- **{_(label)}** ({len(changes[group])}): "
                 + ("; ".join(escape_markdown(n) for n in places[group]) if places[group] else _("none"))
                 for group, label in LABELS.items()]
        st.markdown("\n".join(lines))
    else:  # a busy day: each group by region, the regions with most blockades first
        # Written as escaped HTML (st.html), not markdown: on a day of hundreds of blockades the
        # browser spent some 30 ms parsing the list's markdown at every step of the day.
        regions = change_summary_by_region(changes, i18n.translator())
        items = []
        for group, label in LABELS.items():
            head = f"<b>{escape_html(_(label))}</b> ({len(changes[group])})"
            if not regions[group]:
                head += f": {escape_html(_('none'))}"
            sub = "".join(f"<li><i>{escape_html(region)}</i> ({n}): " + "; ".join(escape_html(x) for x in names)
                          + "</li>" for region, n, names in regions[group])
            items.append(f"<li>{head}" + (f"<ul>{sub}</ul>" if sub else "") + "</li>")
        st.html('<ul class="bm-changes">' + "".join(items) + "</ul>")
    if view.mode == "day":
        st.caption(_("On the map: a dark ring marks a new blockade, a dashed grey circle a lifted one."))
