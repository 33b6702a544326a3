"""Correct an event, retract it with a reason, and see (and undo) every logged change."""
from functools import partial

import streamlit as st

from geo.core.words import kind_name
from geo.intake.forms import description_reference, feature_from_form, form_values
from geo.render.descriptions import place_for
from geo.store.editor import changes_between
from ui import editing as ui
from ui import i18n
from ui.data import get_dataset
from ui.i18n import _
from ui.navigation import require_app

require_app()

st.title(_("Edit and retract events"))
ds = get_dataset()
session = ui.editing_session(ds)  # None: read-only, the bundled data, or not logged in yet
if session is None:
    st.stop()
editor, who = session
ui.flash()
snapshot = editor.read()
events = {f["id"]: f for f in snapshot.collection["features"]}


t = i18n.translator()


def label(event_id: str) -> str:
    p = events[event_id]["properties"]
    return f"{p.get('start')} · {place_for(p, t)} ({p.get('region')}) · {kind_name(str(p.get('kind')), t)} · {event_id}"


order = sorted(events, key=lambda i: (events[i]["properties"].get("start", ""), i))
event_id = st.selectbox(_("Event"), order, index=None, format_func=label, key="edit-event",
                        placeholder=_("Choose an event (type to search)"))
if event_id:
    # The form is compared with the file as it was when the form was filled (see geo.store.editor).
    seen = st.session_state.setdefault(f"edit-seen-{event_id}", snapshot)
    feature = seen.event(event_id) or events[event_id]
    change_tab, retract_tab, log_tab = st.tabs([_("Change"), _("Retract"), _("Change log")])
    with change_tab:
        if st.button(_("Reload from the data"), key=f"edit-reload-{event_id}"):
            ui.reset_form(f"edit-{event_id}", keep=())
            st.session_state.pop(f"edit-seen-{event_id}", None)
            st.rerun()
        home = ds.info.languages[0] if ds.info.languages else None  # the dataset's language
        submitted = ui.event_form(f"edit-{event_id}", form_values(feature, t.lang, home), _("Save changes"),
                                  ui.region_choices(ds), reference=description_reference(feature, t.lang, home))
        if submitted:
            values, sources, reason = submitted
            new, problems = feature_from_form(values, sources, event_id, scope=editor.scope, original=feature,
                                              lang=t.lang, home=home)
            if problems:
                ui.show_problems(problems, _("Not saved: please fix these fields."))
            else:
                changes = changes_between(feature, new)
                if not changes:
                    st.info(_("Nothing changed."))
                else:
                    ui.run_change(partial(editor.edit, event_id, changes, who, reason, seen=seen),
                                  i18n.plural("Saved {n} change(s) to {id}.", "Saved {n} change(s) to {id}.",
                                              len(changes), id=event_id), ui.after_change(event_id))
    with retract_tab:
        st.markdown(_("A retracted event leaves the map; its full record stays in the change log and "
                      "the retraction can be undone there."))
        why = ui.retract_form(event_id)  # one click: the reason and the button are sent together
        if why:
            ui.run_change(partial(editor.retract, event_id, who, why), _("Retracted {id}.").format(id=event_id),
                          ui.after_change(event_id, forget_choice=True))
    with log_tab:
        ui.history_with_undo(editor, editor.history(event_id), who, key=f"log-{event_id}")

st.subheader(_("Recent changes"))
recent = editor.history()[-15:]
if recent:
    ui.history_with_undo(editor, recent, who, key="recent")
else:
    st.caption(_("No change has been logged yet."))
