"""Import events from a GeoJSON, CSV or ACLED file, its columns matched to the event's fields: every
problem is shown before anything is written; the good rows can be imported and the bad ones are left out."""
import hashlib

import pandas as pd
import streamlit as st

from geo.core.escape import escape_markdown
from geo.core.words import kind_name
from geo.intake.duplicates import event_summary
from geo.intake.plan import plan_import
from geo.intake.readers import MAP_CHOICES, ColumnMap, column_names
from ui import editing as ui
from ui import i18n
from ui.data import get_dataset
from ui.i18n import _
from ui.navigation import require_app

require_app()

st.title(_("Import events"))
ds = get_dataset()
session = ui.editing_session(ds)  # None: read-only, the bundled data, or not logged in yet
if session is None:
    st.stop()
editor, who = session
st.markdown(_("""
Accepted: **GeoJSON** in the data contract's form; **CSV** with the export's columns (`id, kind, start,
end, place, region, road, km, fatalities, injured, detained, geo_precision, time_precision, status,
description, lon, lat, source_1_name, source_1_url, source_1_published, …`) or columns of other names,
matched below; **GeoJSON from elsewhere** (Points, properties matched below); **ACLED CSV** in any of
ACLED's layouts (ACLED itself is cited, with the row's event_id_cnty).
"""))
upload = st.file_uploader(_("File to import"), type=["geojson", "json", "csv"], key="import-file")
if upload is None:
    st.stop()
data = upload.getvalue()
fingerprint = (upload.name, hashlib.sha256(data).hexdigest())
done = st.session_state.get("import-done")
if done and done["file"] == fingerprint:
    st.success(escape_markdown(i18n.plural(
        "Imported {n} event from {file} (change log #{first}–#{last}). Undo it from the change log on the Edit "
        "page if needed.",
        "Imported {n} events from {file} (change log #{first}–#{last}). Undo them from the change log on the Edit "
        "page if needed.", done["count"], file=upload.name, first=done["first"], last=done["last"])))
    st.stop()

names = column_names(data, upload.name)
with st.expander(_("Match the file's columns to the event's fields"), icon=":material/table_rows:"):
    st.caption(_("For a file from elsewhere: choose the column (or GeoJSON property) that holds each field, or "
                 "type one value for every row. Fields left empty are read from the file's own names (place, "
                 "region, date, ...)."))
    chosen, values = {}, {}
    for name in MAP_CHOICES:
        left, right = st.columns(2)
        column = left.selectbox(name, ["", *names], key=f"import-map-{name}",
                                format_func=lambda c: c or _("(by its name in the file)"))
        value = right.text_input(_("or one value for every row"), key=f"import-set-{name}")
        if column:
            chosen[name] = column
        elif value.strip():
            values[name] = value.strip()
snapshot = editor.read()
plan = plan_import(data, upload.name, snapshot.collection, editor.logged_ids() - set(snapshot.ids),
                   scope=editor.scope, columns=ColumnMap(chosen, values))
st.caption(_("Read as {flavor}: {count} rows or features.").format(flavor=plan.flavor, count=len(plan.items)))
refused = plan.refused() if plan.problems else []
if plan.problems and (refused is None or not plan.good_items()):
    ui.show_problems(plan.problems, _("{why}: nothing will be imported. Fix the file and upload it again; the "
                                      "data is unchanged.").format(why=plan.failure_summary(i18n.translator())))
    st.stop()
if plan.problems:  # the good rows can go in; the bad ones are listed and left out
    ui.show_problems(plan.problems, _("{why}: they are left out. The other rows can be imported below, or fix the "
                                      "file and upload it again.").format(why=plan.failure_summary(i18n.translator())))
if plan.already:
    counted = (_("{already} of {count} features") if plan.flavor == "geojson" else
               _("{already} of {count} rows")).format(already=len(plan.already), count=len(plan.items))
    st.info(_("{counted} are already in the data (the same events): they are left out.").format(counted=counted))

skip = set(refused or ())
if plan.duplicates:
    st.warning(_("{count} probable duplicate(s) of events already in the data (same kind, "
                 "within 1 km, overlapping dates). Tick the ones to import anyway; the rest are left out.").format(
        count=len(plan.duplicates)))
    features_by_label = {item.label: item.feature for item in plan.items}
    existing_by_id = {f.get("id"): f for f in snapshot.collection.get("features", [])}
    for i, d in enumerate(plan.duplicates):
        keep = st.checkbox(escape_markdown(_("Import {label} anyway").format(label=ui.item_label(d.label))),
                           key=f"import-dup-{i}-{d.label}")
        new = features_by_label.get(d.label)
        old = existing_by_id.get(d.existing_id)
        st.text("  " + _("new: {summary}").format(
                    summary=event_summary(new, i18n.translator()) if new else d.new_summary) + "\n  " +
                _("existing {id}: {summary} ({metres} m apart)").format(
                    id=d.existing_id, summary=event_summary(old, i18n.translator()) if old else d.existing_summary,
                    metres=i18n.number(round(d.distance_m))))
        if not keep:
            skip.add(d.label)
features = plan.features(skip)
preview = [{_("Row or feature"): ui.item_label(item.label),
            _("Kind"): kind_name(str(item.feature["properties"].get("kind")), i18n.translator()),
            _("Start"): i18n.table_day(item.feature["properties"].get("start")),
            _("Place"): item.feature["properties"].get("place"),
            _("Region"): item.feature["properties"].get("region")} for item in plan.chosen(skip)]
st.dataframe(pd.DataFrame(preview), hide_index=True, width="stretch")
reason = st.text_input(_("Note for the change log"), value=_("import of {file}").format(file=upload.name),
                       key="import-reason")
if st.button(i18n.plural("Import {n} event", "Import {n} events", len(features)), type="primary",
             disabled=not features, key="import-go"):
    try:
        change = editor.add_many(features, who, reason, action="import",
                                 check=plan.recheck(skip, set(snapshot.ids)))
    except ui.SAVE_ERRORS as exc:
        ui.report_failure(exc)
    else:
        if change.entries:
            st.session_state["import-done"] = {"file": fingerprint, "count": len(change.entries),
                                               "first": change.entries[0]["seq"], "last": change.entries[-1]["seq"]}
            st.rerun()
        st.info(_("Nothing imported: every row is already in the data (someone imported it meanwhile)."))
