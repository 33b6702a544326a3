"""Day over day beside the map: the blockades new since the day before, continuing, lifted."""
from __future__ import annotations

import streamlit as st

from geo.core.dataset import Dataset
from geo.core.dates import shift_day
from geo.core.escape import escape_html, escape_markdown
from geo.core.i18n import N_, Translator
from geo.core.view import View
from geo.query.changes import change_summary, change_summary_by_region, day_over_day
from ui import i18n, viewcache
from ui.i18n import _

LABELS = {"new": N_("New"), "continuing": N_("Continuing"), "lifted": N_("Lifted")}
#: Past this many blockades in the three lists, each list is grouped by region.
BY_REGION_OVER = 30


def changes_list(ds: Dataset, view: View) -> None:
    """Draw the day's new / continuing / lifted blockades as three short lists of places."""
    before = shift_day(view.day, -1)
    st.markdown(_("**Blockades since {day}**").format(day=i18n.day(before)))
    t = i18n.translator()
    element, text = viewcache.kept("changes", ds, view, t.lang, lambda: changes_content(ds, view, t))
    if element == "caption":
        st.caption(text)
        return
    if element == "html":
        st.html(text)
    else:
        st.markdown(text)
    if view.mode == "day":
        st.caption(_("On the map: a dark ring marks a new blockade, a dashed grey circle a lifted one."))


def changes_content(ds: Dataset, view: View, t: Translator) -> tuple[str, str]:
    """What :func:`changes_list` shows under its heading, as ``(element, text)``: a ``caption``
    (nothing to list), ``markdown`` (a few blockades, three lists of places) or ``html`` (a busy
    day: each list by region, the regions with most blockades first), every name escaped.

    A busy day's lists are escaped HTML (``st.html``) rather than markdown: on a day of hundreds of
    blockades the browser spent some 30 ms parsing the lists' markdown at every step of the day.
    """
    if view.kinds and "blockade" not in view.kinds:
        return "caption", t.gettext("Blockades are filtered out of this view.")
    changes = day_over_day(ds, view.day, regions=view.regions, t=t)
    if not any(changes.values()):
        return "caption", t.gettext("No blockade mapped on either day.")
    if sum(len(v) for v in changes.values()) <= BY_REGION_OVER:
        places = change_summary(changes, t)
        return "markdown", "\n".join(
            f"- **{t.gettext(label)}** ({len(changes[group])}): "
            + ("; ".join(escape_markdown(n) for n in places[group]) if places[group] else t.gettext("none"))
            for group, label in LABELS.items())
    regions = change_summary_by_region(changes, t)
    items = []
    for group, label in LABELS.items():
        head = f"<b>{escape_html(t.gettext(label))}</b> ({len(changes[group])})"
        if not regions[group]:
            head += f": {escape_html(t.gettext('none'))}"
        sub = "".join(f"<li><i>{escape_html(region)}</i> ({n}): " + "; ".join(escape_html(x) for x in names)
                      + "</li>" for region, n, names in regions[group])
        items.append(f"<li>{head}" + (f"<ul>{sub}</ul>" if sub else "") + "</li>")
    return "html", '<ul class="bm-changes">' + "".join(items) + "</ul>"
